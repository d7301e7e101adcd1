//! The SQLite store: each note once, keyed by its idempotency key, and
//! the hash-chained log of what was stored (`chain.rs`).

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::chain::{self, Entry, StoredRow, GENESIS};

pub struct Store {
    conn: Mutex<Connection>,
}

/// What [`Store::accept`] did with a note. The routes turn it into HTTP.
#[derive(Debug, Clone, PartialEq)]
pub enum Accepted {
    /// This request stored the note.
    Stored { received_at: String },
    /// This key already delivered this very note (the same content hash and
    /// the same JSON, however it was spaced or ordered): nothing is stored again,
    /// and the sender is answered as the first time (`received_at` is the
    /// first delivery's).
    Replayed { received_at: String },
    /// This key already delivered a different note: refused, so that a
    /// sender never hears "stored" for text that was not.
    KeyReused,
    /// This note id is already stored under another key.
    Duplicate { received_at: String },
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredNote {
    pub seq: i64,
    pub id: String,
    pub idempotency_key: String,
    pub received_at: String,
    pub note: serde_json::Value,
}

impl Store {
    pub fn open(path: &Path) -> rusqlite::Result<Self> {
        Self::init(Connection::open(path)?)
    }

    #[cfg(test)]
    pub fn in_memory() -> rusqlite::Result<Self> {
        Self::init(Connection::open_in_memory()?)
    }

    /// Opens an existing file read-only, changing nothing: for `verify`.
    pub fn open_read_only(path: &Path) -> rusqlite::Result<Self> {
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    fn init(conn: Connection) -> rusqlite::Result<Self> {
        let had_log: bool = conn.query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'log'",
            [],
            |r| r.get(0),
        )?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE IF NOT EXISTS notes (
               seq INTEGER PRIMARY KEY AUTOINCREMENT,
               id TEXT NOT NULL UNIQUE,
               idempotency_key TEXT NOT NULL UNIQUE,
               received_at TEXT NOT NULL,
               body TEXT NOT NULL
             );
             CREATE TABLE IF NOT EXISTS log (
               seq INTEGER PRIMARY KEY,
               note_id TEXT NOT NULL,
               received_at TEXT NOT NULL,
               body_sha256 TEXT NOT NULL,
               prev TEXT NOT NULL,
               hash TEXT NOT NULL
             );",
        )?;
        // Files made before outcomes were typed also kept the HTTP answer
        // given; it is rebuilt from `received_at` now, so those columns go.
        for column in ["response_status", "response_body"] {
            let present: bool = conn.query_row(
                "SELECT count(*) > 0 FROM pragma_table_info('notes') WHERE name = ?1",
                params![column],
                |r| r.get(0),
            )?;
            if present {
                conn.execute_batch(&format!("ALTER TABLE notes DROP COLUMN {column}"))?;
            }
        }
        let present: bool = conn.query_row(
            "SELECT count(*) > 0 FROM pragma_table_info('notes') WHERE name = 'content_hash'",
            [],
            |r| r.get(0),
        )?;
        if !present {
            conn.execute_batch("ALTER TABLE notes ADD COLUMN content_hash TEXT")?;
        }
        // Notes stored before the log existed are entered in it, in order,
        // when the log is made. Never later: a note put into the file behind
        // the receiver's back must stay out of the log, where verify sees it.
        let unlogged: Vec<(i64, String, String, String)> = if had_log {
            Vec::new()
        } else {
            let mut stmt = conn.prepare(
                "SELECT seq, id, received_at, body FROM notes
                 WHERE seq > coalesce((SELECT max(seq) FROM log), 0) ORDER BY seq",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (seq, id, received_at, body) in unlogged {
            append(&conn, seq, &id, &received_at, &body)?;
        }
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stores the note `id` under `key`, once. A repeated key with the same
    /// body is [`Accepted::Replayed`]; with another body it is
    /// [`Accepted::KeyReused`]; a known note id under another key is
    /// [`Accepted::Duplicate`].
    pub fn accept(
        &self,
        key: &str,
        id: &str,
        body: &str,
        content_hash: &str,
        now: &str,
    ) -> rusqlite::Result<Accepted> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let earlier: Option<(String, String, Option<String>)> = tx
            .query_row(
                "SELECT received_at, body, content_hash FROM notes WHERE idempotency_key = ?1",
                params![key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        if let Some((received_at, earlier_body, earlier_hash)) = earlier {
            return Ok(
                if same_note(&earlier_body, earlier_hash.as_deref(), body, content_hash) {
                    Accepted::Replayed { received_at }
                } else {
                    Accepted::KeyReused
                },
            );
        }
        let known: Option<String> = tx
            .query_row(
                "SELECT received_at FROM notes WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(received_at) = known {
            return Ok(Accepted::Duplicate { received_at });
        }
        tx.execute(
            "INSERT INTO notes (id, idempotency_key, received_at, body, content_hash) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, key, now, body, content_hash],
        )?;
        append(&tx, tx.last_insert_rowid(), id, now, body)?;
        tx.commit()?;
        Ok(Accepted::Stored {
            received_at: now.to_string(),
        })
    }

    /// Every stored note, oldest first.
    pub fn list(&self) -> rusqlite::Result<Vec<StoredNote>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT seq, id, idempotency_key, received_at, body FROM notes ORDER BY seq",
        )?;
        let rows = stmt.query_map([], |r| {
            let body: String = r.get(4)?;
            Ok(StoredNote {
                seq: r.get(0)?,
                id: r.get(1)?,
                idempotency_key: r.get(2)?,
                received_at: r.get(3)?,
                note: serde_json::from_str(&body).unwrap_or(serde_json::Value::String(body)),
            })
        })?;
        rows.collect()
    }

    /// The stored body of note `id`.
    pub fn body_of(&self, id: &str) -> rusqlite::Result<Option<String>> {
        self.conn()
            .query_row("SELECT body FROM notes WHERE id = ?1", params![id], |r| {
                r.get(0)
            })
            .optional()
    }

    /// Removes every note and the log (test mode only).
    pub fn clear(&self) -> rusqlite::Result<()> {
        self.conn()
            .execute_batch("DELETE FROM notes; DELETE FROM log;")
    }

    /// The hash of the log's last entry: what an auditor writes down, so
    /// that a later `verify` shows nothing before it was changed.
    pub fn head(&self) -> rusqlite::Result<(i64, String)> {
        self.conn().query_row(
            "SELECT count(*), coalesce((SELECT hash FROM log ORDER BY seq DESC LIMIT 1), ?1) FROM log",
            params![GENESIS],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// Walks the log and the stored notes: the first break, or the head.
    pub fn verify(&self) -> rusqlite::Result<Result<chain::Verified, chain::Break>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT seq, note_id, received_at, body_sha256, prev, hash FROM log ORDER BY seq",
        )?;
        let log = stmt
            .query_map([], |r| {
                Ok(Entry {
                    seq: r.get(0)?,
                    note_id: r.get(1)?,
                    received_at: r.get(2)?,
                    body_sha256: r.get(3)?,
                    prev: r.get(4)?,
                    hash: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = conn.prepare("SELECT seq, id, received_at, body FROM notes ORDER BY seq")?;
        let notes = stmt
            .query_map([], |r| {
                Ok(StoredRow {
                    seq: r.get(0)?,
                    id: r.get(1)?,
                    received_at: r.get(2)?,
                    body: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(chain::verify(&log, &notes))
    }
}

/// Whether a body stored earlier under a key is the note now sent under
/// it: the same bytes, or the same content hash and the same JSON however
/// it is spaced or its keys ordered. (A file from before the hash column
/// compares the JSON only.)
fn same_note(earlier: &str, earlier_hash: Option<&str>, body: &str, content_hash: &str) -> bool {
    if earlier == body {
        return true;
    }
    if earlier_hash.is_some_and(|h| h != content_hash) {
        return false;
    }
    match (
        serde_json::from_str::<serde_json::Value>(earlier),
        serde_json::from_str::<serde_json::Value>(body),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Adds the log entry of note `seq`, after the last entry.
fn append(
    conn: &Connection,
    seq: i64,
    id: &str,
    received_at: &str,
    body: &str,
) -> rusqlite::Result<()> {
    let prev: String = conn.query_row(
        "SELECT coalesce((SELECT hash FROM log ORDER BY seq DESC LIMIT 1), ?1)",
        params![GENESIS],
        |r| r.get(0),
    )?;
    let e = Entry::new(seq, id, received_at, body, &prev);
    conn.execute(
        "INSERT INTO log (seq, note_id, received_at, body_sha256, prev, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![e.seq, e.note_id, e.received_at, e.body_sha256, e.prev, e.hash],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
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
}
