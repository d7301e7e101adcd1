//! The file's tables, made or brought up to date when it is opened, by
//! the numbered steps of `schema/steps.rs`. The schema's version is kept in
//! `PRAGMA user_version`: 0 for a new file or one from before versions
//! were kept, [`VERSION`] once opened by this release. The log is never
//! made for notes already stored: a file whose notes have no log had it
//! removed, and is refused.

use rusqlite::{params, Connection};

mod steps;

use steps::STEPS;

/// The schema this release writes: notes with their content hash, a log
/// whose entries carry their version, key and content hash, case-blind
/// indexes of ids and keys, the access log (`reads`), and each stored
/// document's kind (a note or a review): version 4, the last step's.
pub const VERSION: i64 = STEPS[STEPS.len() - 1].version;

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

/// How many of [`STEPS`] a file from before versions were kept
/// (`user_version` 0) has taken: the one place columns are read. Those
/// releases kept no version, so what each of version 1's steps left tells
/// them apart: no `notes` table (a new file) has taken none; the answer
/// columns, the first; no content hash, the second; else all three.
fn unversioned_steps_taken(conn: &Connection) -> rusqlite::Result<usize> {
    Ok(if !table_exists(conn, "notes")? {
        0
    } else if has_column(conn, "notes", "response_status")? {
        1
    } else if !has_column(conn, "notes", "content_hash")? {
        2
    } else {
        3
    })
}

/// Makes the tables of a new file, or brings an earlier release's up to
/// [`VERSION`]: each step the file has not taken, in order, in one
/// transaction, `PRAGMA user_version` set after each. A file at `user_version`
/// n has taken every step of version n and before.
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
    let taken = if version == 0 {
        unversioned_steps_taken(&tx)?
    } else {
        STEPS.iter().take_while(|s| s.version <= version).count()
    };
    for step in &STEPS[taken..] {
        tx.execute_batch(step.sql)?;
        tx.pragma_update(None, "user_version", step.version)?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests;
