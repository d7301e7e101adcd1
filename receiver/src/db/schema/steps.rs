//! The SQLite file's history as numbered steps, oldest first: the SQL each
//! release added to the tables, each run once on a file that has not
//! taken it yet (`super::migrate`). A step is never changed once released:
//! a new layout is a new step at the end, with [`super::VERSION`] raised.

/// One step of the schema's history.
pub(super) struct Step {
    /// The `PRAGMA user_version` a file has once it has taken this step.
    pub version: i64,
    pub sql: &'static str,
}

/// Every step from an empty file to [`super::VERSION`], in order.
///
/// Version 1 is the tables of the releases from before versions were kept,
/// reached in the three steps those releases took. No file ever stored 1:
/// those files say 0, and which of the three a file has taken is read from
/// its columns (`super::unversioned_steps_taken`). Versions 2 and 3 are
/// one step each, as released.
pub(super) const STEPS: [Step; 6] = [
    // The first releases: each note with the HTTP answer it was given.
    Step {
        version: 1,
        sql: "CREATE TABLE IF NOT EXISTS notes (
           seq INTEGER PRIMARY KEY AUTOINCREMENT,
           id TEXT NOT NULL UNIQUE,
           idempotency_key TEXT NOT NULL UNIQUE,
           received_at TEXT NOT NULL,
           body TEXT NOT NULL,
           response_status INTEGER NOT NULL,
           response_body TEXT NOT NULL
         );",
    },
    // Outcomes typed: the answer is made again from `received_at`, so its
    // columns go.
    Step {
        version: 1,
        sql: "ALTER TABLE notes DROP COLUMN response_status;
         ALTER TABLE notes DROP COLUMN response_body;",
    },
    // Replays recognised by content hash, and the hash-chained log with
    // its first (version 1) entries.
    Step {
        version: 1,
        sql: "ALTER TABLE notes ADD COLUMN content_hash TEXT;
         CREATE TABLE IF NOT EXISTS log (
           seq INTEGER PRIMARY KEY,
           note_id TEXT NOT NULL,
           received_at TEXT NOT NULL,
           body_sha256 TEXT NOT NULL,
           prev TEXT NOT NULL,
           hash TEXT NOT NULL
         );",
    },
    // Log entries carry their version, key and content hash (version 2
    // entries chain the last two); UUIDs compared in canonical
    // (case-blind) form.
    Step {
        version: 2,
        sql: "ALTER TABLE log ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
         ALTER TABLE log ADD COLUMN idempotency_key TEXT;
         ALTER TABLE log ADD COLUMN content_hash TEXT;
         CREATE INDEX IF NOT EXISTS notes_id_nocase ON notes (id COLLATE NOCASE);
         CREATE INDEX IF NOT EXISTS notes_key_nocase ON notes (idempotency_key COLLATE NOCASE);",
    },
    // Who read which note, when, how and from where (`reads.rs`).
    Step {
        version: 3,
        sql: "CREATE TABLE IF NOT EXISTS reads (
           seq INTEGER PRIMARY KEY AUTOINCREMENT,
           at TEXT NOT NULL,
           who TEXT NOT NULL,
           note_id TEXT NOT NULL,
           how TEXT NOT NULL,
           from_addr TEXT NOT NULL
         );
         CREATE INDEX IF NOT EXISTS reads_note ON reads (note_id COLLATE NOCASE);",
    },
    // Supervisors' reviews, stored beside the notes as documents of their
    // own kind, so that one log covers both.
    Step {
        version: 4,
        sql: "ALTER TABLE notes ADD COLUMN kind TEXT NOT NULL DEFAULT 'note';
         CREATE INDEX IF NOT EXISTS notes_kind_seq ON notes (kind, seq);",
    },
];
