//! The store: once per key, replays, migration, and the log.

use super::*;
use crate::chain::Version;
use casenote_format::record::sha256_hex;

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

/// A file written before outcomes were typed (with the answer columns and
/// a version 1 log) opens, loses those columns, keeps its log entries as
/// they were made, and still replays its notes.
#[test]
fn an_old_file_with_answer_columns_and_a_first_log_is_migrated() {
    let body = "{}";
    let c = Columns {
        seq: 1,
        note_id: "n1".into(),
        idempotency_key: String::new(),
        received_at: "t1".into(),
        content_hash: String::new(),
        body_sha256: sha256_hex(body.as_bytes()),
    };
    let hash = chain::entry_hash(Version::V1, &c, GENESIS);
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(&format!(
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
         VALUES ('n1', 'k1', 't1', '{body}', 201, '{{}}');
         CREATE TABLE log (
           seq INTEGER PRIMARY KEY, note_id TEXT NOT NULL, received_at TEXT NOT NULL,
           body_sha256 TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL
         );
         INSERT INTO log VALUES (1, 'n1', 't1', '{}', '{GENESIS}', '{hash}');",
        c.body_sha256
    ))
    .unwrap();
    let s = Store::init(conn).unwrap();
    assert_eq!(
        s.conn()
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
            .unwrap(),
        schema::VERSION
    );
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
    assert!(matches!(s.verify().unwrap(), Ok(v) if v.entries == 2));
}

/// The audit's attack: the log dropped and a note edited. The log is never
/// made again from what is stored: the file is refused, and `verify`
/// names it.
#[test]
fn a_file_whose_log_was_removed_is_refused_and_named() {
    let path =
        std::env::temp_dir().join(format!("casenote-db-{}-nolog.sqlite", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let s = Store::open(&path).unwrap();
    s.accept("k1", "n1", "{}", "h", "t1").unwrap();
    s.conn()
        .execute_batch("DROP TABLE log; UPDATE notes SET body = '{\"x\":1}';")
        .unwrap();
    drop(s);
    let e = Store::open(&path).err().expect("refused");
    assert!(matches!(e, OpenError::LogMissing { notes: 1 }), "{e}");
    assert!(e.to_string().contains("holds 1 notes but no log"), "{e}");
    let s = Store::open_read_only(&path).unwrap();
    assert_eq!(
        s.verify().unwrap(),
        Err(chain::Break::LogMissing { notes: 1 })
    );
    drop(s);
    std::fs::remove_file(&path).unwrap();
}

/// A UUID in upper and then lower case is one note, whether it comes
/// back as the key or as the id.
#[test]
fn ids_and_keys_are_compared_in_canonical_form() {
    let s = Store::in_memory().unwrap();
    let upper = "0F8FAD5B-D9CB-469F-A165-70867728950E";
    let lower = upper.to_ascii_lowercase();
    s.accept(upper, upper, "{}", "H", "t1").unwrap();
    assert_eq!(
        s.accept(&lower, &lower, "{}", "h", "t2").unwrap(),
        Accepted::Replayed {
            received_at: "t1".into()
        }
    );
    assert_eq!(
        s.accept(&lower, &lower, "{\"x\":1}", "h2", "t2").unwrap(),
        Accepted::KeyReused
    );
    assert_eq!(
        s.accept("k2", &lower, "{}", "h", "t2").unwrap(),
        Accepted::Duplicate {
            received_at: "t1".into()
        }
    );
    assert_eq!(s.list().unwrap().len(), 1);
    assert_eq!(s.body_of(&lower).unwrap().as_deref(), Some("{}"));
    assert_eq!(s.seq_of(&lower).unwrap(), Some(1));
    // The hash is kept in lower case, and the chain holds.
    assert!(s.verify().unwrap().is_ok());
}

/// A body stored as a BLOB is named by `verify`, and reads as unreadable
/// (never as an error).
#[test]
fn a_body_stored_as_binary_is_named_not_an_error() {
    let s = Store::in_memory().unwrap();
    s.accept("k1", "n1", "{}", "h", "t1").unwrap();
    s.conn()
        .execute_batch("UPDATE notes SET body = CAST(body AS BLOB)")
        .unwrap();
    assert_eq!(
        s.verify().unwrap(),
        Err(chain::Break::NotText {
            seq: 1,
            id: "n1".into()
        })
    );
    let page = s.page_before(i64::MAX, 10).unwrap();
    assert_eq!(page.notes[0].note, serde_json::Value::Null);
    assert_eq!(s.body_of("n1").unwrap(), None);
    assert_eq!(s.addenda_of(&["n9"]).unwrap().len(), 0);
}

/// The key and the content hash are in the chain: changing either in the
/// file is named.
#[test]
fn verify_names_a_changed_key_or_content_hash() {
    for edit in [
        "UPDATE notes SET idempotency_key = 'k9' WHERE id = 'n2'",
        "UPDATE notes SET content_hash = 'h9' WHERE id = 'n2'",
    ] {
        let s = three_notes();
        s.conn().execute_batch(edit).unwrap();
        assert_eq!(
            s.verify().unwrap(),
            Err(chain::Break::NoteAltered {
                seq: 2,
                id: "n2".into()
            }),
            "{edit}"
        );
    }
}

#[test]
fn pages_go_both_ways_and_say_whether_more_follow() {
    let s = Store::in_memory().unwrap();
    for n in 1..=5 {
        s.accept(&format!("k{n}"), &format!("n{n}"), "{}", "h", "t")
            .unwrap();
    }
    let ids = |p: &Page| p.notes.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
    let first = s.page_after(0, 2).unwrap();
    assert_eq!(
        (ids(&first), first.more),
        (vec!["n1".into(), "n2".into()], true)
    );
    let last = s.page_after(4, 2).unwrap();
    assert_eq!((ids(&last), last.more), (vec!["n5".to_string()], false));
    let newest = s.page_before(i64::MAX, 3).unwrap();
    assert_eq!(ids(&newest), ["n5", "n4", "n3"]);
    assert!(newest.more);
    assert_eq!(ids(&s.page_before(3, 3).unwrap()), ["n2", "n1"]);
    assert_eq!(s.count().unwrap(), 5);
}

#[test]
fn a_page_stops_at_its_byte_budget_but_holds_at_least_one_note() {
    let s = Store::in_memory().unwrap();
    let big = format!("\"{}\"", "x".repeat(read::PAGE_BYTES));
    for n in 1..=3 {
        s.accept(&format!("k{n}"), &format!("n{n}"), &big, "h", "t")
            .unwrap();
    }
    let page = s.page_after(0, 100).unwrap();
    assert_eq!(page.notes.len(), 1);
    assert!(page.more);
}

#[test]
fn the_addenda_of_a_page_are_found_wherever_they_are_stored() {
    let s = Store::in_memory().unwrap();
    s.accept("k1", "n1", "{}", "h", "t").unwrap();
    s.accept("k2", "n2", r#"{"addendum":{"to":"N1"}}"#, "h", "t")
        .unwrap();
    s.accept("k3", "n3", "not json", "h", "t").unwrap();
    let found = s.addenda_of(&["n1"]).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, "n2");
}

/// Test mode's reset sets a file that holds notes aside whole, and starts
/// an empty one: every note of a test run can be verified after it.
#[test]
fn reset_sets_the_file_aside_and_starts_afresh() {
    let dir = std::env::temp_dir().join(format!("casenote-db-{}-reset", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("e2e.sqlite");
    let s = Store::open(&path).unwrap();
    s.reset().unwrap();
    assert!(!dir.join("e2e.sqlite.1").exists(), "an empty file is kept");
    s.accept("k1", "n1", "{}", "h", "t1").unwrap();
    s.reset().unwrap();
    assert_eq!(s.count().unwrap(), 0);
    s.accept("k2", "n2", "{}", "h", "t2").unwrap();
    s.reset().unwrap();
    drop(s);
    for aside in ["e2e.sqlite.1", "e2e.sqlite.2"] {
        let old = Store::open_read_only(&dir.join(aside)).unwrap();
        assert!(
            matches!(old.verify().unwrap(), Ok(v) if v.entries == 1),
            "{aside}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
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
