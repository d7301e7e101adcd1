//! The file's tables, made or brought up to date when it is opened. The
//! schema's version is kept in `PRAGMA user_version`: 0 for a new file or
//! one from before versions were kept, [`VERSION`] once opened by this
//! release. The log is never made for notes already stored: a file whose
//! notes have no log had it removed, and is refused.

use rusqlite::{params, Connection};

/// The schema this release writes: notes with their content hash, a log
/// whose entries carry their version, key and content hash, case-blind
/// indexes of ids and keys, and the access log (`reads`).
pub const VERSION: i64 = 3;

/// Why a file could not be opened.
#[derive(Debug)]
pub enum OpenError {
    Sqlite(rusqlite::Error),
    /// The file holds notes but no log.
    LogMissing {
        notes: i64,
    },
    /// The file was written by a newer release.
    Newer {
        version: i64,
    },
    /// The file could not be set aside (test mode's reset).
    Io(std::io::Error),
}

impl From<rusqlite::Error> for OpenError {
    fn from(e: rusqlite::Error) -> Self {
        OpenError::Sqlite(e)
    }
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Sqlite(e) => write!(f, "{e}"),
            OpenError::LogMissing { notes } => f.write_str(&crate::chain::log_missing(*notes)),
            OpenError::Io(e) => write!(f, "{e}"),
            OpenError::Newer { version } => write!(
                f,
                "it was written by a newer release (schema {version}; this release knows {VERSION})"
            ),
        }
    }
}

const NOTES: &str = "CREATE TABLE IF NOT EXISTS notes (
   seq INTEGER PRIMARY KEY AUTOINCREMENT,
   id TEXT NOT NULL UNIQUE,
   idempotency_key TEXT NOT NULL UNIQUE,
   received_at TEXT NOT NULL,
   body TEXT NOT NULL,
   content_hash TEXT
 );";

const LOG: &str = "CREATE TABLE IF NOT EXISTS log (
   seq INTEGER PRIMARY KEY,
   note_id TEXT NOT NULL,
   received_at TEXT NOT NULL,
   body_sha256 TEXT NOT NULL,
   prev TEXT NOT NULL,
   hash TEXT NOT NULL,
   version INTEGER NOT NULL DEFAULT 1,
   idempotency_key TEXT,
   content_hash TEXT
 );";

/// Who read which note, when, how and from where (`reads.rs`).
const READS: &str = "CREATE TABLE IF NOT EXISTS reads (
   seq INTEGER PRIMARY KEY AUTOINCREMENT,
   at TEXT NOT NULL,
   who TEXT NOT NULL,
   note_id TEXT NOT NULL,
   how TEXT NOT NULL,
   from_addr TEXT NOT NULL
 );
 CREATE INDEX IF NOT EXISTS reads_note ON reads (note_id COLLATE NOCASE);";

/// UUIDs are compared in canonical (case-blind) form.
const INDEXES: &str = "CREATE INDEX IF NOT EXISTS notes_id_nocase ON notes (id COLLATE NOCASE);
 CREATE INDEX IF NOT EXISTS notes_key_nocase ON notes (idempotency_key COLLATE NOCASE);";

fn table_exists(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?1",
        params![name],
        |r| r.get(0),
    )
}

fn has_column(conn: &Connection, table: &str, column: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT count(*) > 0 FROM pragma_table_info(?1) WHERE name = ?2",
        params![table, column],
        |r| r.get(0),
    )
}

/// How many notes the file holds, with no log to account for them, if
/// that is so.
pub fn unlogged_notes(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    if !table_exists(conn, "notes")? || table_exists(conn, "log")? {
        return Ok(None);
    }
    let n: i64 = conn.query_row("SELECT count(*) FROM notes", [], |r| r.get(0))?;
    Ok((n > 0).then_some(n))
}

/// Makes the tables of a new file, or brings an earlier release's up to
/// [`VERSION`], in one transaction.
pub fn migrate(conn: &mut Connection) -> Result<(), OpenError> {
    conn.execute_batch("PRAGMA journal_mode = WAL;")?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > VERSION {
        return Err(OpenError::Newer { version });
    }
    if let Some(notes) = unlogged_notes(conn)? {
        return Err(OpenError::LogMissing { notes });
    }
    let tx = conn.transaction()?;
    if version == 0 && table_exists(&tx, "notes")? {
        // Files from before versions were kept: the steps each release
        // took then, found by the columns they left.
        for column in ["response_status", "response_body"] {
            if has_column(&tx, "notes", column)? {
                tx.execute_batch(&format!("ALTER TABLE notes DROP COLUMN {column}"))?;
            }
        }
        if !has_column(&tx, "notes", "content_hash")? {
            tx.execute_batch("ALTER TABLE notes ADD COLUMN content_hash TEXT")?;
        }
        if table_exists(&tx, "log")? && !has_column(&tx, "log", "version")? {
            tx.execute_batch(
                "ALTER TABLE log ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
                 ALTER TABLE log ADD COLUMN idempotency_key TEXT;
                 ALTER TABLE log ADD COLUMN content_hash TEXT;",
            )?;
        }
    }
    tx.execute_batch(NOTES)?;
    tx.execute_batch(LOG)?;
    tx.execute_batch(INDEXES)?;
    tx.execute_batch(READS)?;
    tx.execute_batch(&format!("PRAGMA user_version = {VERSION}"))?;
    tx.commit()?;
    Ok(())
}
