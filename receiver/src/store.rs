//! Where notes are kept, as the routes ask for it: SQLite in one file
//! (`db.rs`, the embedded default), or PostgreSQL shared by several
//! receivers (`pg.rs`). Both keep the same promises, each note once per
//! key and one hash-chained log that `chain::verify` walks; SQLite's calls
//! run on tokio's blocking threads, never on those that serve connections.

use std::collections::HashMap;
use std::sync::Arc;

use casenote_format::field_path::AddendumPart;
use casenote_format::{FieldPath, FieldProblem, PayloadV1, Problem};

use crate::db::{Accepted, Kind, OpenError, Page, Store, StoredNote};

mod filtered;
mod reviews;
use crate::pg::{Links, PgError, PgStore};
use crate::reads::Read;

pub enum Notes {
    Sqlite(Arc<Store>),
    Postgres(PgStore),
}

/// A store that failed.
#[derive(Debug)]
pub enum StoreError {
    Sqlite(rusqlite::Error),
    Open(OpenError),
    Postgres(PgError),
    /// What this store does not do.
    Unsupported(&'static str),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

impl From<OpenError> for StoreError {
    fn from(e: OpenError) -> Self {
        StoreError::Open(e)
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        StoreError::Postgres(PgError::Sql(e))
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Sqlite(e) => write!(f, "{e}"),
            StoreError::Open(e) => write!(f, "{e}"),
            StoreError::Postgres(e) => write!(f, "{e}"),
            StoreError::Unsupported(what) => f.write_str(what),
        }
    }
}

/// One page of the inbox: its notes (newest first), their addenda, how
/// many notes are stored, the log's head, and whether older notes follow.
pub struct InboxPage {
    pub notes: Vec<StoredNote>,
    pub addenda: Vec<StoredNote>,
    pub total: i64,
    pub head: (i64, String),
    pub more: bool,
}

/// Runs `f` with the SQLite store on a thread for blocking work.
async fn blocking<T, E>(
    store: &Arc<Store>,
    f: impl FnOnce(&Store) -> Result<T, E> + Send + 'static,
) -> Result<T, StoreError>
where
    T: Send + 'static,
    E: Send + 'static,
    StoreError: From<E>,
{
    let store = Arc::clone(store);
    match tokio::task::spawn_blocking(move || f(&store)).await {
        Ok(result) => result.map_err(StoreError::from),
        Err(e) => match e.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(e) => panic!("a store task was cancelled: {e}"),
        },
    }
}

impl Notes {
    /// Whether a signature addendum to note `to` is stored: it was signed
    /// later already.
    pub async fn signed_later(&self, to: &str) -> Result<bool, StoreError> {
        let addenda = match self {
            Notes::Sqlite(s) => {
                let to = to.to_string();
                blocking(s, move |s| s.addenda_of(&[to.as_str()])).await?
            }
            Notes::Postgres(p) => p.addenda_of(&[to.to_ascii_lowercase()]).await?,
        };
        Ok(addenda.iter().any(|n| {
            serde_json::from_value::<PayloadV1>(n.note.clone())
                .is_ok_and(|p| p.signs_later().is_some())
        }))
    }

    /// The stored body of note `id` (in any case).
    pub async fn body_of(&self, id: &str) -> Result<Option<String>, StoreError> {
        match self {
            Notes::Sqlite(s) => {
                let id = id.to_string();
                blocking(s, move |s| s.body_of(&id)).await
            }
            Notes::Postgres(p) => Ok(p.body_of(id).await?),
        }
    }

    /// The id and first delivery's time of the note stored under `key`,
    /// if `body` is that very note again.
    pub async fn replay_of(
        &self,
        key: &str,
        body: &str,
    ) -> Result<Option<(String, String)>, StoreError> {
        match self {
            Notes::Sqlite(s) => {
                let (key, body) = (key.to_string(), body.to_string());
                blocking(s, move |s| s.replay_of(&key, &body)).await
            }
            Notes::Postgres(p) => Ok(p.replay_of(key, body).await?),
        }
    }

    /// Checks the notes `payload` links to against what is stored
    /// (`payload/links.rs`), then stores it under `key` as `text`, once.
    pub async fn accept_linked(
        &self,
        payload: &PayloadV1,
        key: &str,
        text: String,
    ) -> Result<Result<Accepted, Vec<FieldProblem>>, StoreError> {
        let mut linked: HashMap<String, Option<PayloadV1>> = HashMap::new();
        for id in payload.linked_ids() {
            let note = self
                .body_of(id)
                .await?
                .and_then(|b| PayloadV1::parse(&b).ok());
            linked.insert(id.to_ascii_lowercase(), note);
        }
        let mut problems =
            payload.link_problems(&|id| linked.get(&id.to_ascii_lowercase()).cloned().flatten());
        problems.extend(self.revision_problems(payload).await?);
        // A note is signed later once (two at the same moment could both
        // pass this check; the reference receiver accepts that).
        if let Some(to) = payload.signs_later() {
            if self.signed_later(to).await? {
                let to = FieldPath::Addendum(AddendumPart::To);
                problems.push(FieldProblem::new(to, Problem::AlreadySignedLater));
            }
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let (key, id, hash) = (
            key.to_string(),
            payload.id.clone(),
            payload.content_hash.clone(),
        );
        let accepted = match self {
            Notes::Sqlite(s) => {
                blocking(s, move |s| s.accept(&key, &id, &text, &hash, &now)).await?
            }
            Notes::Postgres(p) => {
                let links = Links {
                    kind: Kind::Note,
                    addendum_to: payload.addendum.as_ref().map(|a| a.to.as_str()),
                    revises: payload.revises.as_ref().map(|r| r.to.as_str()),
                    awaits_review: payload.review_required || payload.revises.is_some(),
                    review_of: None,
                };
                p.accept(&key, &id, &text, &hash, links, &now).await?
            }
        };
        Ok(Ok(accepted))
    }

    /// Up to `limit` notes stored after `after`, oldest first.
    pub async fn page_after(&self, after: i64, limit: usize) -> Result<Page, StoreError> {
        match self {
            Notes::Sqlite(s) => blocking(s, move |s| s.page_after(after, limit)).await,
            Notes::Postgres(p) => Ok(p.page_after(after, limit).await?),
        }
    }

    /// The inbox's page of up to `size` notes stored before `before`, or
    /// starting with note `note`; `None` when that note is not stored.
    pub async fn inbox(
        &self,
        before: Option<i64>,
        note: Option<String>,
        size: usize,
    ) -> Result<Option<InboxPage>, StoreError> {
        match self {
            Notes::Sqlite(s) => {
                blocking(s, move |s| {
                    let before = match before {
                        Some(b) => b,
                        None => match s.seq_of(note.as_deref().unwrap_or(""))? {
                            Some(seq) => seq + 1,
                            None => return Ok::<_, rusqlite::Error>(None),
                        },
                    };
                    let page = s.page_before(before, size)?;
                    let ids: Vec<&str> = page.notes.iter().map(|n| n.id.as_str()).collect();
                    let addenda = s.addenda_of(&ids)?;
                    Ok(Some(InboxPage {
                        addenda,
                        total: s.count()?,
                        head: s.head()?,
                        more: page.more,
                        notes: page.notes,
                    }))
                })
                .await
            }
            Notes::Postgres(p) => {
                let before = match before {
                    Some(b) => b,
                    None => match p.seq_of(note.as_deref().unwrap_or("")).await? {
                        Some(seq) => seq + 1,
                        None => return Ok(None),
                    },
                };
                let page = p.page_before(before, size).await?;
                let ids: Vec<String> = page.notes.iter().map(|n| n.id.clone()).collect();
                Ok(Some(InboxPage {
                    addenda: p.addenda_of(&ids).await?,
                    total: p.count().await?,
                    head: p.head().await?,
                    more: page.more,
                    notes: page.notes,
                }))
            }
        }
    }

    /// How many notes are stored, and the log's head.
    async fn total_and_head(&self) -> Result<(i64, (i64, String)), StoreError> {
        match self {
            Notes::Sqlite(s) => {
                blocking(s, |s| Ok::<_, rusqlite::Error>((s.count()?, s.head()?))).await
            }
            Notes::Postgres(p) => Ok((p.count().await?, p.head().await?)),
        }
    }

    /// Logs `reads` (`reads.rs`), all or none.
    pub async fn record_reads(&self, reads: Vec<Read>) -> Result<(), StoreError> {
        if reads.is_empty() {
            return Ok(());
        }
        match self {
            Notes::Sqlite(s) => blocking(s, move |s| s.record_reads(&reads)).await,
            Notes::Postgres(p) => Ok(p.record_reads(&reads).await?),
        }
    }

    /// The logged reads of the notes `ids`, newest first, by lower-case id.
    pub async fn reads_of(
        &self,
        ids: Vec<String>,
    ) -> Result<HashMap<String, Vec<Read>>, StoreError> {
        match self {
            Notes::Sqlite(s) => blocking(s, move |s| s.reads_of(&ids)).await,
            Notes::Postgres(p) => Ok(p.reads_of(&ids).await?),
        }
    }

    /// Test mode's reset: an empty store (SQLite only; see `db.rs`).
    pub async fn reset(&self) -> Result<(), StoreError> {
        match self {
            Notes::Sqlite(s) => blocking(s, |s| s.reset()).await,
            Notes::Postgres(_) => Err(StoreError::Unsupported(
                "--test-mode's reset empties only a SQLite file",
            )),
        }
    }
}
