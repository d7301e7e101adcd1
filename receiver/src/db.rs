//! The SQLite store: each note once, keyed by its idempotency key.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

pub struct Store {
    conn: Mutex<Connection>,
}

/// What [`Store::accept`] did with a note. The routes turn it into HTTP.
#[derive(Debug, Clone, PartialEq)]
pub enum Accepted {
    /// This request stored the note.
    Stored { received_at: String },
    /// This key already delivered this very body: nothing is stored again,
    /// and the sender is answered as the first time (`received_at` is the
    /// first delivery's).
    Replayed { received_at: String },
    /// This key already delivered a different body: refused, so that a
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

    fn init(conn: Connection) -> rusqlite::Result<Self> {
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE TABLE IF NOT EXISTS notes (
               seq INTEGER PRIMARY KEY AUTOINCREMENT,
               id TEXT NOT NULL UNIQUE,
               idempotency_key TEXT NOT NULL UNIQUE,
               received_at TEXT NOT NULL,
               body TEXT NOT NULL
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
    pub fn accept(&self, key: &str, id: &str, body: &str, now: &str) -> rusqlite::Result<Accepted> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let earlier: Option<(String, String)> = tx
            .query_row(
                "SELECT received_at, body FROM notes WHERE idempotency_key = ?1",
                params![key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((received_at, earlier_body)) = earlier {
            return Ok(if earlier_body == body {
                Accepted::Replayed { received_at }
            } else {
                Accepted::KeyReused
            });
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
            "INSERT INTO notes (id, idempotency_key, received_at, body) VALUES (?1, ?2, ?3, ?4)",
            params![id, key, now, body],
        )?;
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

    /// Removes every note (test mode only).
    pub fn clear(&self) -> rusqlite::Result<()> {
        self.conn().execute("DELETE FROM notes", []).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_key_replays_and_stores_once() {
        let s = Store::in_memory().unwrap();
        let first = s.accept("k1", "n1", "{}", "t1").unwrap();
        assert_eq!(
            first,
            Accepted::Stored {
                received_at: "t1".into()
            }
        );
        // The repeat carries the first delivery's time, so it is answered
        // exactly as the first was.
        let again = s.accept("k1", "n1", "{}", "t2").unwrap();
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
        s.accept("k1", "n1", "{}", "t1").unwrap();
        // The same key with another body is refused, never "stored".
        let changed = s.accept("k1", "n1", "{\"x\":1}", "t2").unwrap();
        assert_eq!(changed, Accepted::KeyReused);
        let other = s.accept("k2", "n1", "{}", "t2").unwrap();
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
            s.accept("k1", "n1", "{}", "t2").unwrap(),
            Accepted::Replayed {
                received_at: "t1".into()
            }
        );
        assert!(matches!(
            s.accept("k2", "n2", "{}", "t2").unwrap(),
            Accepted::Stored { .. }
        ));
        assert_eq!(s.list().unwrap().len(), 2);
    }
}
