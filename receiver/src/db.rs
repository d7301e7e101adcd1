//! The SQLite store: each note once, keyed by its idempotency key.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

pub struct Store {
    conn: Mutex<Connection>,
}

/// What the receiver answers for a POST, stored so that a repeat of the same
/// `Idempotency-Key` gets exactly the same answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub status: u16,
    pub body: String,
    /// True when this request stored a new note.
    pub stored: bool,
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
               body TEXT NOT NULL,
               response_status INTEGER NOT NULL,
               response_body TEXT NOT NULL
             );",
        )?;
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stores the note `id` under `key`, once. A repeated key with the same
    /// body replays the first answer; with another body it is refused (422),
    /// so that a sender never hears "stored" for text that was not; a known
    /// note id under another key is a 409.
    pub fn accept(&self, key: &str, id: &str, body: &str, now: &str) -> rusqlite::Result<Outcome> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let replay: Option<(u16, String, String)> = tx
            .query_row(
                "SELECT response_status, response_body, body FROM notes WHERE idempotency_key = ?1",
                params![key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        if replay.as_ref().is_some_and(|r| r.2 != body) {
            let answer = crate::routes::errors_body(&[casenote::domain::FieldError::new(
                "Idempotency-Key",
                "was already used for a different note: send each note under its own id",
            )]);
            return Ok(Outcome {
                status: 422,
                body: answer,
                stored: false,
            });
        }
        if let Some((status, body, _)) = replay {
            return Ok(Outcome {
                status,
                body,
                stored: false,
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
            let body = serde_json::json!({
                "id": id,
                "status": "duplicate",
                "receivedAt": received_at,
                "message": "This note was already received under another Idempotency-Key",
            })
            .to_string();
            return Ok(Outcome {
                status: 409,
                body,
                stored: false,
            });
        }
        let response =
            serde_json::json!({ "id": id, "status": "stored", "receivedAt": now }).to_string();
        tx.execute(
            "INSERT INTO notes (id, idempotency_key, received_at, body, response_status, response_body)
             VALUES (?1, ?2, ?3, ?4, 201, ?5)",
            params![id, key, now, body, response],
        )?;
        tx.commit()?;
        Ok(Outcome {
            status: 201,
            body: response,
            stored: true,
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
        assert_eq!((first.status, first.stored), (201, true));
        let again = s.accept("k1", "n1", "{}", "t2").unwrap();
        assert_eq!(
            again,
            Outcome {
                stored: false,
                ..first
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
        assert_eq!((changed.status, changed.stored), (422, false));
        assert!(changed.body.contains("Idempotency-Key"));
        let other = s.accept("k2", "n1", "{}", "t2").unwrap();
        assert_eq!((other.status, other.stored), (409, false));
        assert!(other.body.contains("\"receivedAt\":\"t1\""));
        assert_eq!(s.list().unwrap().len(), 1);
    }
}
