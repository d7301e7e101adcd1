//! The migration steps: a file as each earlier release wrote it upgrades
//! to the layout a new file gets (the one this release made before its
//! steps were numbered), its notes kept; a newer file, a file whose log was
//! removed and a step that fails leave the file as it was.

use rusqlite::Connection;

use super::*;
use crate::chain::{self, Columns, Version, GENESIS};
use crate::db::Store;
use casenote_format::record::sha256_hex;

/// The tables of the first releases: each note with the answer it got.
const FIRST: &str = "CREATE TABLE notes (
   seq INTEGER PRIMARY KEY AUTOINCREMENT,
   id TEXT NOT NULL UNIQUE,
   idempotency_key TEXT NOT NULL UNIQUE,
   received_at TEXT NOT NULL,
   body TEXT NOT NULL,
   response_status INTEGER NOT NULL,
   response_body TEXT NOT NULL
 );";

/// Outcomes typed: the answer no longer kept.
const TYPED: &str = "CREATE TABLE notes (
   seq INTEGER PRIMARY KEY AUTOINCREMENT,
   id TEXT NOT NULL UNIQUE,
   idempotency_key TEXT NOT NULL UNIQUE,
   received_at TEXT NOT NULL,
   body TEXT NOT NULL
 );";

/// The log's first form (its entries all version 1).
const FIRST_LOG: &str = "CREATE TABLE log (
   seq INTEGER PRIMARY KEY, note_id TEXT NOT NULL, received_at TEXT NOT NULL,
   body_sha256 TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL
 );";

/// The last release before versions were kept: the content hash and the
/// first log.
fn logged() -> String {
    format!("{TYPED} ALTER TABLE notes ADD COLUMN content_hash TEXT; {FIRST_LOG}")
}

/// Version 2, as released (and the tables of version 3 without `reads`).
const V2: &str = "CREATE TABLE notes (
   seq INTEGER PRIMARY KEY AUTOINCREMENT,
   id TEXT NOT NULL UNIQUE,
   idempotency_key TEXT NOT NULL UNIQUE,
   received_at TEXT NOT NULL,
   body TEXT NOT NULL,
   content_hash TEXT
 );
 CREATE TABLE log (
   seq INTEGER PRIMARY KEY,
   note_id TEXT NOT NULL,
   received_at TEXT NOT NULL,
   body_sha256 TEXT NOT NULL,
   prev TEXT NOT NULL,
   hash TEXT NOT NULL,
   version INTEGER NOT NULL DEFAULT 1,
   idempotency_key TEXT,
   content_hash TEXT
 );
 CREATE INDEX notes_id_nocase ON notes (id COLLATE NOCASE);
 CREATE INDEX notes_key_nocase ON notes (idempotency_key COLLATE NOCASE);
 PRAGMA user_version = 2;";

/// Version 3, as this release made it before its steps were numbered.
fn v3() -> String {
    format!(
        "{}
         CREATE TABLE reads (
           seq INTEGER PRIMARY KEY AUTOINCREMENT,
           at TEXT NOT NULL,
           who TEXT NOT NULL,
           note_id TEXT NOT NULL,
           how TEXT NOT NULL,
           from_addr TEXT NOT NULL
         );
         CREATE INDEX reads_note ON reads (note_id COLLATE NOCASE);
         PRAGMA user_version = 3;",
        V2.replace("PRAGMA user_version = 2;", "")
    )
}

/// Version 4, as this release makes it: each stored document's kind.
fn v4() -> String {
    format!(
        "{}
         ALTER TABLE notes ADD COLUMN kind TEXT NOT NULL DEFAULT 'note';
         CREATE INDEX notes_kind_seq ON notes (kind, seq);
         PRAGMA user_version = 4;",
        v3().replace("PRAGMA user_version = 3;", "")
    )
}

fn file(sql: &str) -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(sql).unwrap();
    conn
}

fn user_version(conn: &Connection) -> i64 {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

/// The rows `sql` finds for `arg`, each as `arg: values`.
fn rows(conn: &Connection, sql: &str, arg: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    let found = stmt
        .query_map([arg], |r| {
            (0..r.as_ref().column_count())
                .map(|i| {
                    r.get::<_, rusqlite::types::Value>(i)
                        .map(|v| format!("{v:?}"))
                })
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .unwrap();
    found
        .map(|r| format!("{arg}: {}", r.unwrap().join(" ")))
        .collect()
}

/// What the receiver relies on in a file: its version, each table's
/// columns (type, NOT NULL, default, key), and its indexes (unique or not,
/// their columns and collations).
fn layout(conn: &Connection) -> Vec<String> {
    let mut out = vec![format!("user_version {}", user_version(conn))];
    for table in ["notes", "log", "reads"] {
        out.extend(rows(conn, "SELECT * FROM pragma_table_info(?1)", table));
        let indexes =
            "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1) ORDER BY name";
        for index in rows(conn, indexes, table) {
            let name = index.split('"').nth(1).unwrap().to_string();
            out.push(index);
            let columns = "SELECT name, coll, \"desc\" FROM pragma_index_xinfo(?1) WHERE key = 1";
            out.extend(rows(conn, columns, &name));
        }
    }
    out
}

/// A new file's layout, which every earlier file must reach.
fn current() -> Vec<String> {
    layout(&file(&v4()))
}

#[test]
fn the_steps_are_numbered_in_order_up_to_version() {
    assert_eq!(STEPS[0].version, 1);
    for pair in STEPS.windows(2) {
        let (a, b) = (pair[0].version, pair[1].version);
        assert!(a == b || a + 1 == b, "{a} then {b}");
    }
    assert_eq!(STEPS[STEPS.len() - 1].version, VERSION);
    assert_eq!(VERSION, 4);
}

#[test]
fn a_new_file_takes_every_step_and_gets_the_layout_of_before() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate(&mut conn).unwrap();
    assert_eq!(layout(&conn), current());
    assert_eq!(user_version(&conn), VERSION);
}

/// Each earlier release's file, empty, reaches the new file's layout,
/// and opening it again changes nothing.
#[test]
fn a_file_of_each_earlier_release_upgrades_to_the_current_layout() {
    for (release, sql) in [
        ("first", FIRST.to_string()),
        ("typed", TYPED.to_string()),
        ("logged", logged()),
        // db/tests.rs's old file: no release wrote it, but it opens.
        (
            "answer columns and a first log",
            format!("{FIRST} {FIRST_LOG}"),
        ),
        ("version 2", V2.to_string()),
        ("version 3", v3()),
        ("version 4", v4()),
    ] {
        let mut conn = file(&sql);
        migrate(&mut conn).unwrap();
        assert_eq!(layout(&conn), current(), "{release}");
        migrate(&mut conn).unwrap();
        assert_eq!(layout(&conn), current(), "{release}, opened again");
    }
}

/// The one probe: which of version 1's steps a file that kept no version
/// has taken.
#[test]
fn the_columns_tell_the_unversioned_releases_apart() {
    let taken = |sql: &str| unversioned_steps_taken(&file(sql)).unwrap();
    assert_eq!(taken(""), 0);
    assert_eq!(taken(FIRST), 1);
    assert_eq!(taken(TYPED), 2);
    assert_eq!(taken(&logged()), 3);
    assert_eq!(taken(&format!("{FIRST} {FIRST_LOG}")), 1);
}

/// A note and its first log entry, from the last release before versions
/// were kept: kept, replayed, and the chain holds across entries of both
/// versions; the same file made a version 2 one again keeps its notes.
#[test]
fn notes_of_earlier_releases_are_kept_and_still_verify() {
    let c = Columns {
        seq: 1,
        note_id: "n1".into(),
        idempotency_key: String::new(),
        received_at: "t1".into(),
        content_hash: String::new(),
        body_sha256: sha256_hex(b"{}"),
    };
    let hash = chain::entry_hash(Version::V1, &c, GENESIS);
    let conn = file(&format!(
        "{}
         INSERT INTO notes (id, idempotency_key, received_at, body, content_hash)
         VALUES ('n1', 'k1', 't1', '{{}}', 'h');
         INSERT INTO log VALUES (1, 'n1', 't1', '{}', '{GENESIS}', '{hash}');",
        logged(),
        c.body_sha256
    ));
    let s = Store::init(conn).unwrap();
    assert_eq!(user_version(&s.conn()), VERSION);
    assert!(matches!(
        s.accept("k1", "n1", "{}", "h", "t2").unwrap(),
        crate::db::Accepted::Replayed { .. }
    ));
    s.accept("k2", "n2", "{}", "h", "t2").unwrap();
    assert!(matches!(s.verify().unwrap(), Ok(v) if v.entries == 2));

    // Made a version 2 file again (no access log, no kinds): the notes stay.
    s.conn()
        .execute_batch(
            "DROP TABLE reads; DROP INDEX notes_kind_seq; ALTER TABLE notes DROP COLUMN kind;
             PRAGMA user_version = 2;",
        )
        .unwrap();
    migrate(&mut s.conn()).unwrap();
    assert_eq!(layout(&s.conn()), current());
    assert_eq!(s.count().unwrap(), 2);
    assert!(matches!(s.verify().unwrap(), Ok(v) if v.entries == 2));
}

#[test]
fn a_file_from_a_newer_release_is_refused_untouched() {
    let mut conn = file("PRAGMA user_version = 5;");
    let e = migrate(&mut conn).expect_err("refused");
    assert!(matches!(e, OpenError::Newer { version: 5 }), "{e}");
    assert_eq!(user_version(&conn), 5);
    assert!(!table_exists(&conn, "notes").unwrap());
}

/// A file of the releases before the log, holding notes, has no log for
/// them: refused before any step, as every such file is.
#[test]
fn notes_without_a_log_are_refused_before_any_step() {
    for (sql, note) in [
        (
            FIRST,
            "INSERT INTO notes VALUES (1, 'n1', 'k1', 't1', '{}', 201, '{}')",
        ),
        (
            TYPED,
            "INSERT INTO notes VALUES (1, 'n1', 'k1', 't1', '{}')",
        ),
    ] {
        let mut conn = file(&format!("{sql} {note};"));
        let before = layout(&conn);
        let e = migrate(&mut conn).expect_err("refused");
        assert!(matches!(e, OpenError::LogMissing { notes: 1 }), "{e}");
        assert_eq!(layout(&conn), before);
    }
}

/// The steps run in one transaction: one that fails (here on a file no
/// release wrote, with the answer columns and a content hash) leaves the
/// file as it was, its version too.
#[test]
fn a_step_that_fails_leaves_the_file_as_it_was() {
    let mut conn = file(&format!(
        "{FIRST} ALTER TABLE notes ADD COLUMN content_hash TEXT;"
    ));
    let before = layout(&conn);
    assert!(migrate(&mut conn).is_err());
    assert_eq!(layout(&conn), before);
    assert_eq!(user_version(&conn), 0);
}
