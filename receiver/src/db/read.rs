//! Reading what is stored, a page at a time: the API's pages (oldest
//! first), the inbox's (newest first), one note's body, and the addenda of
//! a page's notes. A body stored as anything but text reads as unreadable,
//! never as an error.

use rusqlite::types::ValueRef;
use rusqlite::{params, params_from_iter, OptionalExtension, Row};
use serde::Serialize;

use super::Store;

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredNote {
    pub seq: i64,
    pub id: String,
    pub idempotency_key: String,
    pub received_at: String,
    /// The stored JSON; the stored text as a string if it is not JSON;
    /// `null` if it is not stored as text.
    pub note: serde_json::Value,
}

/// One page of notes, and whether more follow it.
#[derive(Debug)]
pub struct Page {
    pub notes: Vec<StoredNote>,
    pub more: bool,
}

/// A page holds at most this many bytes of stored bodies (and at least
/// one note), however many notes were asked for.
pub const PAGE_BYTES: usize = 2 * 1024 * 1024;

/// A page as its rows come: full at `limit` notes, or once
/// [`PAGE_BYTES`] of bodies are in (with at least one note). Both stores
/// build their pages with it.
pub(crate) struct PageBuilder {
    limit: usize,
    bytes: usize,
    notes: Vec<StoredNote>,
    more: bool,
}

impl PageBuilder {
    pub fn new(limit: usize) -> Self {
        PageBuilder {
            limit,
            bytes: 0,
            notes: Vec::new(),
            more: false,
        }
    }

    /// How many rows to ask the store for: one past the page, to tell
    /// whether more follow.
    pub fn rows_wanted(limit: usize) -> i64 {
        i64::try_from(limit).unwrap_or(i64::MAX).saturating_add(1)
    }

    /// Adds the next row's note (and its size): false once the page is
    /// full, when more follow and the rest need not be read.
    pub fn add(&mut self, (note, size): (StoredNote, usize)) -> bool {
        let full =
            self.notes.len() >= self.limit || (!self.notes.is_empty() && self.bytes >= PAGE_BYTES);
        if full {
            self.more = true;
        } else {
            self.bytes += size;
            self.notes.push(note);
        }
        !full
    }

    pub fn done(self) -> Page {
        Page {
            notes: self.notes,
            more: self.more,
        }
    }
}

/// A stored body as the API shows it: its JSON, or its text as a string
/// if it is not JSON; and its size.
pub(crate) fn shown_body(body: &str) -> (serde_json::Value, usize) {
    (
        serde_json::from_str(body).unwrap_or_else(|_| serde_json::Value::String(body.into())),
        body.len(),
    )
}

/// The text of a stored body, if it is stored as UTF-8 text.
pub(super) fn body_text(v: ValueRef<'_>) -> Option<&str> {
    match v {
        ValueRef::Text(t) => std::str::from_utf8(t).ok(),
        _ => None,
    }
}

fn stored_note(r: &Row<'_>) -> rusqlite::Result<(StoredNote, usize)> {
    let (note, size) = match body_text(r.get_ref(4)?) {
        Some(body) => shown_body(body),
        None => (serde_json::Value::Null, 0),
    };
    Ok((
        StoredNote {
            seq: r.get(0)?,
            id: r.get(1)?,
            idempotency_key: r.get(2)?,
            received_at: r.get(3)?,
            note,
        },
        size,
    ))
}

const COLUMNS: &str = "seq, id, idempotency_key, received_at, body";

impl Store {
    /// Up to `limit` notes in `seq` order after `after` (oldest first), or
    /// before `before` (newest first), within [`PAGE_BYTES`].
    fn page(&self, sql: &str, bound: i64, limit: usize) -> rusqlite::Result<Page> {
        let conn = self.conn();
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query(params![bound, PageBuilder::rows_wanted(limit)])?;
        let mut page = PageBuilder::new(limit);
        while let Some(r) = rows.next()? {
            if !page.add(stored_note(r)?) {
                break;
            }
        }
        Ok(page.done())
    }

    /// The API's pages: up to `limit` notes stored after `after`, oldest
    /// first.
    pub fn page_after(&self, after: i64, limit: usize) -> rusqlite::Result<Page> {
        self.page(
            &format!(
                "SELECT {COLUMNS} FROM notes WHERE kind = 'note' AND seq > ?1 ORDER BY seq LIMIT ?2"
            ),
            after,
            limit,
        )
    }

    /// The inbox's pages: up to `limit` notes stored before `before`,
    /// newest first.
    pub fn page_before(&self, before: i64, limit: usize) -> rusqlite::Result<Page> {
        self.page(
            &format!(
                "SELECT {COLUMNS} FROM notes WHERE kind = 'note' AND seq < ?1 ORDER BY seq DESC LIMIT ?2"
            ),
            before,
            limit,
        )
    }

    /// Every stored note, oldest first (tests and small files only).
    #[cfg(test)]
    pub fn list(&self) -> rusqlite::Result<Vec<StoredNote>> {
        Ok(self.page_after(0, usize::MAX / 2)?.notes)
    }

    /// How many notes are stored.
    pub fn count(&self) -> rusqlite::Result<i64> {
        self.conn()
            .query_row("SELECT count(*) FROM notes WHERE kind = 'note'", [], |r| {
                r.get(0)
            })
    }

    /// The `seq` of note `id` (in any case).
    pub fn seq_of(&self, id: &str) -> rusqlite::Result<Option<i64>> {
        self.conn()
            .query_row(
                "SELECT seq FROM notes WHERE kind = 'note' AND id = ?1 COLLATE NOCASE",
                params![id.trim()],
                |r| r.get(0),
            )
            .optional()
    }

    /// The stored body of note `id` (in any case), if it is stored as text.
    pub fn body_of(&self, id: &str) -> rusqlite::Result<Option<String>> {
        self.conn()
            .query_row(
                "SELECT body FROM notes WHERE id = ?1 COLLATE NOCASE",
                params![id.trim()],
                |r| Ok(body_text(r.get_ref(0)?).map(String::from)),
            )
            .optional()
            .map(Option::flatten)
    }

    /// The stored addenda of the notes `ids` (in any case), oldest first,
    /// wherever they are stored.
    pub fn addenda_of(&self, ids: &[&str]) -> rusqlite::Result<Vec<StoredNote>> {
        self.naming("note", "$.addendum.to", ids)
    }

    /// The API's pages of reviews: up to `limit` stored after `after`,
    /// oldest first.
    pub fn reviews_after(&self, after: i64, limit: usize) -> rusqlite::Result<Page> {
        self.page(
            &format!(
                "SELECT {COLUMNS} FROM notes WHERE kind = 'review' AND seq > ?1 ORDER BY seq LIMIT ?2"
            ),
            after,
            limit,
        )
    }

    /// The stored documents of `kind` whose JSON member at `path` is one of
    /// `ids` (in any case), oldest first.
    fn naming(&self, kind: &str, path: &str, ids: &[&str]) -> rusqlite::Result<Vec<StoredNote>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks = vec!["?"; ids.len()].join(", ");
        let sql = format!(
            "SELECT {COLUMNS} FROM notes
             WHERE kind = '{kind}' AND CASE WHEN typeof(body) = 'text' AND json_valid(body)
                   THEN json_extract(body, '{path}') END COLLATE NOCASE IN ({marks})
             ORDER BY seq"
        );
        let conn = self.conn();
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(ids.iter().map(|i| i.trim())), |r| {
            stored_note(r).map(|(n, _)| n)
        })?;
        rows.collect()
    }

    /// The stored reviews of the notes `ids`, oldest first.
    pub fn reviews_of(&self, ids: &[&str]) -> rusqlite::Result<Vec<StoredNote>> {
        self.naming("review", "$.note.id", ids)
    }

    /// The stored revisions of the notes `ids`, oldest first.
    pub fn revisions_of(&self, ids: &[&str]) -> rusqlite::Result<Vec<StoredNote>> {
        self.naming("note", "$.revises.to", ids)
    }

    /// The notes awaiting a supervisor's review (sent with
    /// `reviewRequired`, or revisions) that no review names yet, oldest
    /// first: the review queue. At most `limit`.
    pub fn awaiting_review(&self, limit: usize) -> rusqlite::Result<Vec<StoredNote>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM notes AS n
             WHERE n.kind = 'note' AND typeof(n.body) = 'text' AND json_valid(n.body)
               AND (json_extract(n.body, '$.reviewRequired') = 1
                    OR json_extract(n.body, '$.revises.to') IS NOT NULL)
               AND NOT EXISTS (
                 SELECT 1 FROM notes AS r
                 WHERE r.kind = 'review' AND typeof(r.body) = 'text' AND json_valid(r.body)
                   AND json_extract(r.body, '$.note.id') = n.id COLLATE NOCASE)
             ORDER BY n.seq LIMIT ?1"
        );
        let conn = self.conn();
        let mut stmt = conn.prepare(&sql)?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map(params![limit], |r| stored_note(r).map(|(n, _)| n))?;
        rows.collect()
    }
}
