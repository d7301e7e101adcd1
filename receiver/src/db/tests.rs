//! The store: once per key, replays, migration, and the log.

use super::*;

#[test]
fn same_key_replays_and_stores_once() {
    let s = Store::in_memory().unwrap();
    let first = s.accept("k1", "n1", "{}", "h", "t1").unwrap();
    assert_eq!(
        first,
        Accepted::Stored {
            received_at: "t1".into()
        }
    );
    // The repeat carries the first delivery's time, so it is answered
    // exactly as the first was.
    let again = s.accept("k1", "n1", "{}", "h", "t2").unwrap();
    assert_eq!(
        again,
        Accepted::Replayed {
            received_at: "t1".into()
        }
    );
    assert_eq!(s.list().unwrap().len(), 1);
}

#[test]
fn same_note_under_another_key_is_a_conflict() {
    let s = Store::in_memory().unwrap();
    s.accept("k1", "n1", "{}", "h", "t1").unwrap();
    // The same key with another body is refused, never "stored".
    let changed = s.accept("k1", "n1", "{\"x\":1}", "h2", "t2").unwrap();
    assert_eq!(changed, Accepted::KeyReused);
    let other = s.accept("k2", "n1", "{}", "h", "t2").unwrap();
    assert_eq!(
        other,
        Accepted::Duplicate {
            received_at: "t1".into()
        }
    );
    assert_eq!(s.list().unwrap().len(), 1);
}

/// A file written before outcomes were typed (with the answer columns)
/// opens, loses those columns, and still replays its notes.
#[test]
fn an_old_file_with_answer_columns_is_migrated() {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE TABLE notes (
           seq INTEGER PRIMARY KEY AUTOINCREMENT,
           id TEXT NOT NULL UNIQUE,
           idempotency_key TEXT NOT NULL UNIQUE,
           received_at TEXT NOT NULL,
           body TEXT NOT NULL,
           response_status INTEGER NOT NULL,
           response_body TEXT NOT NULL
         );
         INSERT INTO notes (id, idempotency_key, received_at, body, response_status, response_body)
         VALUES ('n1', 'k1', 't1', '{}', 201, '{}');",
    )
    .unwrap();
    let s = Store::init(conn).unwrap();
    assert_eq!(
        s.accept("k1", "n1", "{}", "h", "t2").unwrap(),
        Accepted::Replayed {
            received_at: "t1".into()
        }
    );
    assert!(matches!(
        s.accept("k2", "n2", "{}", "h", "t2").unwrap(),
        Accepted::Stored { .. }
    ));
    assert_eq!(s.list().unwrap().len(), 2);
    // The note stored before the log existed is in it now.
    assert!(matches!(s.verify().unwrap(), Ok(v) if v.entries == 2));
}

/// The same note sent again, pretty-printed or with its keys in another
/// order, is a replay; the same content hash with other JSON is not.
#[test]
fn a_replay_in_other_bytes_is_the_same_note() {
    let s = Store::in_memory().unwrap();
    let compact = r#"{"id":"n1","sections":[{"text":"a"}],"contentHash":"h"}"#;
    s.accept("n1", "n1", compact, "h", "t1").unwrap();
    let pretty = "{\n  \"contentHash\": \"h\",\n  \"sections\": [ { \"text\": \"a\" } ],\n  \"id\": \"n1\"\n}";
    assert_eq!(
        s.accept("n1", "n1", pretty, "h", "t2").unwrap(),
        Accepted::Replayed {
            received_at: "t1".into()
        }
    );
    let resigned = r#"{"id":"n1","sections":[{"text":"a"}],"contentHash":"h","signature":{}}"#;
    assert_eq!(
        s.accept("n1", "n1", resigned, "h", "t2").unwrap(),
        Accepted::KeyReused
    );
    assert_eq!(s.list().unwrap().len(), 1);
}

fn three_notes() -> Store {
    let s = Store::in_memory().unwrap();
    for n in 1..=3 {
        s.accept(
            &format!("k{n}"),
            &format!("n{n}"),
            &format!("{{\"n\":{n}}}"),
            "h",
            &format!("t{n}"),
        )
        .unwrap();
    }
    s
}

/// A note altered or deleted in SQLite directly is named by `verify`.
#[test]
fn verify_names_a_note_altered_or_deleted_in_sqlite() {
    let s = three_notes();
    let head = s.head().unwrap();
    assert_eq!(head.0, 3);
    assert_eq!(
        s.verify().unwrap(),
        Ok(chain::Verified {
            entries: 3,
            head: head.1
        })
    );
    s.conn()
        .execute("UPDATE notes SET body = '{\"n\":20}' WHERE id = 'n2'", [])
        .unwrap();
    assert_eq!(
        s.verify().unwrap(),
        Err(chain::Break::NoteAltered {
            seq: 2,
            id: "n2".into()
        })
    );
    let s = three_notes();
    s.conn()
        .execute("DELETE FROM notes WHERE id = 'n2'", [])
        .unwrap();
    assert_eq!(
        s.verify().unwrap(),
        Err(chain::Break::NoteRemoved {
            seq: 2,
            id: "n2".into()
        })
    );
    // Removing the entry as well leaves the next one out of order.
    s.conn()
        .execute("DELETE FROM log WHERE seq = 2", [])
        .unwrap();
    assert_eq!(
        s.verify().unwrap(),
        Err(chain::Break::OutOfOrder { seq: 3 })
    );
}
