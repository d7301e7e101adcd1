//! The SQLite store: each note once, keyed by its idempotency key, and
//! the hash-chained log of what was stored (`chain.rs`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{params, Connection, OptionalExtension};

use crate::chain::{self, Columns, Entry, StoredRow, GENESIS};
use casenote_format::record::sha256_hex;

mod read;
mod reads;
mod schema;

pub(crate) use read::{shown_body, PageBuilder};
pub use read::{Page, StoredNote};
pub use schema::OpenError;

pub struct Store {
    conn: Mutex<Connection>,
    /// The file, for a test-mode reset (`None` in memory).
    path: Option<PathBuf>,
}

/// What a stored document is: a note, or a supervisor's review of one.
/// Both are kept in one table under one log; the inbox's and the API's
/// pages of notes hold notes only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    #[default]
    Note,
    Review,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Note => "note",
            Kind::Review => "review",
        }
    }
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

impl Store {
    pub fn open(path: &Path) -> Result<Self, OpenError> {
        let mut conn = Connection::open(path)?;
        schema::migrate(&mut conn)?;
        Ok(Store {
            conn: Mutex::new(conn),
            path: Some(path.to_path_buf()),
        })
    }

    #[cfg(test)]
    pub fn in_memory() -> Result<Self, OpenError> {
        Self::init(Connection::open_in_memory()?)
    }

    #[cfg(test)]
    fn init(mut conn: Connection) -> Result<Self, OpenError> {
        schema::migrate(&mut conn)?;
        Ok(Store {
            conn: Mutex::new(conn),
            path: None,
        })
    }

    /// Opens an existing file read-only, changing nothing: for `verify`.
    pub fn open_read_only(path: &Path) -> rusqlite::Result<Self> {
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        Ok(Store {
            conn: Mutex::new(conn),
            path: None,
        })
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Holds the store for `for_how_long`, as a long SQLite call would
    /// (tests of what waits on it and what must not).
    #[cfg(test)]
    pub fn hold(&self, for_how_long: std::time::Duration) {
        let _busy = self.conn();
        std::thread::sleep(for_how_long);
    }

    /// Stores the note `id` under `key`, once ([`Store::accept_as`]).
    pub fn accept(
        &self,
        key: &str,
        id: &str,
        body: &str,
        content_hash: &str,
        now: &str,
    ) -> rusqlite::Result<Accepted> {
        self.accept_as(Kind::Note, key, id, body, content_hash, now)
    }

    /// Stores the document `id` of `kind` under `key`, once. Ids and keys are UUIDs,
    /// compared in canonical (case-blind) form. A repeated key with the
    /// same note is [`Accepted::Replayed`]; with another note it is
    /// [`Accepted::KeyReused`]; a known note id under another key is
    /// [`Accepted::Duplicate`].
    pub fn accept_as(
        &self,
        kind: Kind,
        key: &str,
        id: &str,
        body: &str,
        content_hash: &str,
        now: &str,
    ) -> rusqlite::Result<Accepted> {
        let content_hash = content_hash.to_ascii_lowercase();
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let earlier: Option<(String, Option<String>, Option<String>)> = tx
            .query_row(
                "SELECT received_at, body, content_hash FROM notes WHERE idempotency_key = ?1 COLLATE NOCASE",
                params![key],
                |r| Ok((r.get(0)?, read::body_text(r.get_ref(1)?).map(String::from), r.get(2)?)),
            )
            .optional()?;
        if let Some((received_at, earlier_body, earlier_hash)) = earlier {
            let same = earlier_body
                .is_some_and(|b| same_note(&b, earlier_hash.as_deref(), body, &content_hash));
            return Ok(if same {
                Accepted::Replayed { received_at }
            } else {
                Accepted::KeyReused
            });
        }
        let known: Option<String> = tx
            .query_row(
                "SELECT received_at FROM notes WHERE id = ?1 COLLATE NOCASE",
                params![id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(received_at) = known {
            return Ok(Accepted::Duplicate { received_at });
        }
        tx.execute(
            "INSERT INTO notes (id, idempotency_key, received_at, body, content_hash, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, key, now, body, content_hash, kind.as_str()],
        )?;
        let columns = Columns {
            seq: tx.last_insert_rowid(),
            note_id: id.to_string(),
            idempotency_key: key.to_string(),
            received_at: now.to_string(),
            content_hash,
            body_sha256: sha256_hex(body.as_bytes()),
        };
        append(&tx, columns)?;
        tx.commit()?;
        Ok(Accepted::Stored {
            received_at: now.to_string(),
        })
    }

    /// The id and first delivery's time of the note stored under `key`,
    /// if `body` is that very note (the same JSON, however spaced): a
    /// replay, answered before any rule is checked again.
    pub fn replay_of(&self, key: &str, body: &str) -> rusqlite::Result<Option<(String, String)>> {
        let stored: Option<(String, String, Option<String>)> = self
            .conn()
            .query_row(
                "SELECT id, received_at, body FROM notes WHERE idempotency_key = ?1 COLLATE NOCASE",
                params![key.trim()],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        read::body_text(r.get_ref(2)?).map(String::from),
                    ))
                },
            )
            .optional()?;
        Ok(stored.and_then(|(id, at, earlier)| {
            earlier
                .filter(|e| same_note(e, None, body, ""))
                .map(|_| (id, at))
        }))
    }

    /// Test mode's reset: an empty store. A file that holds notes is set
    /// aside whole beside itself (`FILE.1`, `FILE.2`, …), so that every
    /// note a test run stored can still be verified after it.
    pub fn reset(&self) -> Result<(), OpenError> {
        let mut conn = self.conn();
        let Some(path) = &self.path else {
            conn.execute_batch("DELETE FROM notes; DELETE FROM log;")?;
            return Ok(());
        };
        let notes: i64 = conn.query_row("SELECT count(*) FROM notes", [], |r| r.get(0))?;
        if notes == 0 {
            return Ok(());
        }
        let old = std::mem::replace(&mut *conn, Connection::open_in_memory()?);
        old.close().map_err(|(_, e)| e)?;
        let aside = (1..)
            .map(|n| PathBuf::from(format!("{}.{n}", path.display())))
            .find(|p| !p.exists())
            .expect("a free name");
        let moved = std::fs::rename(path, &aside);
        let mut fresh = Connection::open(path)?;
        schema::migrate(&mut fresh)?;
        *conn = fresh;
        moved.map_err(OpenError::Io)
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
        let mut conn = self.conn();
        // One snapshot for the log and the notes: a note stored between
        // the two reads must not look like one stored outside the log.
        let conn = conn.transaction()?;
        if let Some(notes) = schema::unlogged_notes(&conn)? {
            return Ok(Err(chain::Break::LogMissing { notes }));
        }
        if !conn.query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'notes'",
            [],
            |r| r.get::<_, bool>(0),
        )? {
            return Ok(Ok(chain::Verified {
                entries: 0,
                head: GENESIS.into(),
            }));
        }
        let mut stmt = conn.prepare(
            "SELECT seq, note_id, received_at, body_sha256, prev, hash, version, idempotency_key, content_hash FROM log ORDER BY seq",
        )?;
        let log = stmt
            .query_map([], |r| {
                Ok(Entry::stored(
                    r.get(6)?,
                    Columns {
                        seq: r.get(0)?,
                        note_id: r.get(1)?,
                        idempotency_key: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
                        received_at: r.get(2)?,
                        content_hash: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
                        body_sha256: r.get(3)?,
                    },
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = conn.prepare(
            "SELECT seq, id, idempotency_key, received_at, body, content_hash FROM notes ORDER BY seq",
        )?;
        let notes = stmt
            .query_map([], |r| {
                let body = read::body_text(r.get_ref(4)?);
                Ok(StoredRow {
                    body_is_text: body.is_some(),
                    columns: Columns {
                        seq: r.get(0)?,
                        note_id: r.get(1)?,
                        idempotency_key: r.get(2)?,
                        received_at: r.get(3)?,
                        content_hash: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                        body_sha256: body.map(|b| sha256_hex(b.as_bytes())).unwrap_or_default(),
                    },
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
pub(crate) fn same_note(
    earlier: &str,
    earlier_hash: Option<&str>,
    body: &str,
    content_hash: &str,
) -> bool {
    if earlier == body {
        return true;
    }
    if earlier_hash.is_some_and(|h| !h.eq_ignore_ascii_case(content_hash)) {
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

/// Adds the log entry of a note just stored, after the last entry.
fn append(conn: &Connection, columns: Columns) -> rusqlite::Result<()> {
    let prev: String = conn.query_row(
        "SELECT coalesce((SELECT hash FROM log ORDER BY seq DESC LIMIT 1), ?1)",
        params![GENESIS],
        |r| r.get(0),
    )?;
    let e = Entry::new(columns, &prev);
    let c = &e.columns;
    conn.execute(
        "INSERT INTO log (seq, note_id, received_at, body_sha256, prev, hash, version, idempotency_key, content_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![c.seq, c.note_id, c.received_at, c.body_sha256, e.prev, e.hash, e.version.number(), c.idempotency_key, c.content_hash],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;
