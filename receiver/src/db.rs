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
mod tests;
