//! `casenote-receiver verify`: walks the log and the stored notes of a
//! database file and reports the first entry altered, removed or
//! reordered, or the head of an intact chain.

use std::path::Path;

use crate::db::Store;

/// What to print and the exit code: 0 intact, 1 broken, 2 unreadable.
pub fn run(db: &Path) -> (i32, String) {
    if !db.is_file() {
        return (
            2,
            format!("casenote-receiver verify: no database at {}", db.display()),
        );
    }
    let result = Store::open_read_only(db).and_then(|s| s.verify());
    match result {
        Ok(Ok(v)) => (
            0,
            format!(
                "casenote-receiver verify: {}: the log is intact: {} entries, head {}",
                db.display(),
                v.entries,
                v.head
            ),
        ),
        Ok(Err(broken)) => (
            1,
            format!("casenote-receiver verify: {}: the log is broken at {broken}", db.display()),
        ),
        Err(e) => (
            2,
            format!(
                "casenote-receiver verify: cannot read {} (a file the receiver has opened at least once): {e}",
                db.display()
            ),
        ),
    }
}

/// `verify` on a PostgreSQL database at `url` (`shown` without its
/// password): the same report and exit codes.
pub async fn run_postgres(url: &str, shown: &str) -> (i32, String) {
    let store = match crate::pg::PgStore::connect(url, false).await {
        Ok(s) => s,
        Err(crate::pg::PgError::LogMissing { notes }) => {
            let broken = crate::chain::Break::LogMissing { notes };
            return (
                1,
                format!("casenote-receiver verify: {shown}: the log is broken at {broken}"),
            );
        }
        Err(e) => {
            return (
                2,
                format!("casenote-receiver verify: cannot read {shown}: {e}"),
            )
        }
    };
    match store.verify().await {
        Ok(Ok(v)) => (
            0,
            format!(
                "casenote-receiver verify: {shown}: the log is intact: {} entries, head {}",
                v.entries, v.head
            ),
        ),
        Ok(Err(broken)) => (
            1,
            format!("casenote-receiver verify: {shown}: the log is broken at {broken}"),
        ),
        Err(e) => (
            2,
            format!("casenote-receiver verify: cannot read {shown}: {e}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_with_three_notes(name: &str) -> std::path::PathBuf {
        let path = std::env::temp_dir().join(format!(
            "casenote-verify-{}-{name}.sqlite",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&path);
        let s = Store::open(&path).unwrap();
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
        path
    }

    fn sql(path: &Path, statement: &str) {
        rusqlite::Connection::open(path)
            .unwrap()
            .execute_batch(statement)
            .unwrap();
    }

    #[test]
    fn an_intact_file_verifies_and_names_its_head() {
        let path = file_with_three_notes("intact");
        let head = Store::open(&path).unwrap().head().unwrap().1;
        let (code, out) = run(&path);
        assert_eq!(code, 0, "{out}");
        assert!(
            out.ends_with(&format!("the log is intact: 3 entries, head {head}")),
            "{out}"
        );
        std::fs::remove_file(&path).unwrap();
        assert_eq!(run(&path).0, 2);
    }

    /// A note altered, or deleted, in SQLite directly is named.
    #[test]
    fn a_note_altered_or_deleted_in_sqlite_is_named() {
        let path = file_with_three_notes("altered");
        sql(
            &path,
            "UPDATE notes SET body = '{\"n\":200}' WHERE id = 'n2'",
        );
        let (code, out) = run(&path);
        assert_eq!(code, 1, "{out}");
        assert!(
            out.ends_with("the log is broken at entry 2: note n2 was altered after it was stored"),
            "{out}"
        );
        std::fs::remove_file(&path).unwrap();

        let path = file_with_three_notes("deleted");
        sql(&path, "DELETE FROM notes WHERE id = 'n3'");
        let (code, out) = run(&path);
        assert_eq!(code, 1, "{out}");
        assert!(
            out.ends_with("the log is broken at entry 3: note n3 was removed"),
            "{out}"
        );
        // Reopening the file with the receiver does not make it whole.
        drop(Store::open(&path).unwrap());
        assert_eq!(run(&path).0, 1);
        std::fs::remove_file(&path).unwrap();

        let path = file_with_three_notes("inserted");
        sql(&path, "INSERT INTO notes (id, idempotency_key, received_at, body) VALUES ('n9', 'k9', 't9', '{}')");
        drop(Store::open(&path).unwrap());
        let (code, out) = run(&path);
        assert_eq!(code, 1, "{out}");
        assert!(
            out.ends_with("note n9 (seq 4) is stored but not in the log"),
            "{out}"
        );
        std::fs::remove_file(&path).unwrap();
    }
}
