//! The localStorage fallback through gloo-storage, one key per record:
//! `casenote.<store>.<id>` (`drafts`, `outbox` or `sent`), each the
//! record's JSON.

use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::backend::{Backend, Pending, RecordKind, Stamp};
use super::{PutOutcome, StorageError};
use crate::domain::draft::StoredDraft;
use crate::domain::outbox::OutboxEntry;
use crate::domain::sent::StoredSent;

fn err(e: GlooError) -> StorageError {
    match e {
        GlooError::JsError(js) => StorageError::from_browser("localStorage", &js.name, &js.message),
        GlooError::SerdeError(e) => StorageError::Encode(e.to_string()),
        other => StorageError::Failed {
            what: "localStorage",
            reason: other.to_string(),
        },
    }
}

/// gloo-storage panics where the page may not use localStorage (a
/// sandboxed frame, say): ask the browser first.
pub(super) fn available() -> Result<(), StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(|_| ())
        .ok_or(StorageError::Unavailable("localStorage"))
}

const DRAFTS: &str = RecordKind::Drafts.store_name();

fn key(store: &str, id: &str) -> String {
    format!("casenote.{store}.{id}")
}

fn put_draft_checked(draft: &StoredDraft, base: u32) -> Result<PutOutcome, StorageError> {
    match get::<Scoped>(DRAFTS, &draft.id) {
        Some(existing) if existing.revision != base => {
            return Ok(PutOutcome::Conflict {
                stored_revision: existing.revision,
            });
        }
        None if base > 0 => return Ok(PutOutcome::Conflict { stored_revision: 0 }),
        _ => {}
    }
    put(DRAFTS, &draft.id, draft)?;
    Ok(PutOutcome::Written)
}

fn put<T: Serialize>(store: &str, id: &str, value: &T) -> Result<(), StorageError> {
    available()?;
    LocalStorage::set(key(store, id), value).map_err(err)
}

fn get<T: DeserializeOwned>(store: &str, id: &str) -> Option<T> {
    available().ok()?;
    LocalStorage::get(key(store, id)).ok()
}

/// Just the bookkeeping of a record, to filter and purge without decoding
/// the rest.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Scoped {
    id: String,
    scope: String,
    #[serde(default)]
    revision: u32,
    #[serde(default)]
    updated_at: Option<f64>,
}

/// A stored record: its bookkeeping, and its text to decode in full.
struct Record {
    stamp: Scoped,
    text: String,
}

/// The bookkeeping and text of every record of `scope` in `store`.
fn in_scope(store: &str, scope: &str) -> Result<Vec<Record>, StorageError> {
    available()?;
    let prefix = key(store, "");
    let raw = LocalStorage::raw();
    // The page's own keys may hold anything: only ours are read.
    let ours: Vec<String> = (0..LocalStorage::length())
        .filter_map(|i| raw.key(i).ok().flatten())
        .filter(|k| k.starts_with(&prefix))
        .collect();
    Ok(ours
        .iter()
        .filter_map(|k| raw.get_item(k).ok().flatten())
        .filter_map(|text| {
            let s: Scoped = serde_json::from_str(&text).ok()?;
            (s.scope == scope).then_some(Record { stamp: s, text })
        })
        .collect())
}

/// The id and save time of every record of `scope` in `store`.
fn stamps(store: &str, scope: &str) -> Result<Vec<Stamp>, StorageError> {
    Ok(in_scope(store, scope)?
        .into_iter()
        .map(|r| Stamp {
            id: r.stamp.id,
            updated_at: r.stamp.updated_at,
        })
        .collect())
}

/// Every record of `store` whose `scope` field is `scope` (records that
/// cannot be read are skipped).
fn list<T: DeserializeOwned>(store: &str, scope: &str) -> Result<Vec<T>, StorageError> {
    Ok(in_scope(store, scope)?
        .into_iter()
        .filter_map(|r| serde_json::from_str(&r.text).ok())
        .collect())
}

fn delete(store: &str, id: &str) -> Result<(), StorageError> {
    available()?;
    LocalStorage::delete(key(store, id));
    Ok(())
}

/// localStorage as a `Backend`: every request is done when it is made.
pub struct LocalStore;

impl Backend for LocalStore {
    fn put_draft_checked<'a>(
        &'a self,
        draft: &'a StoredDraft,
        base: u32,
    ) -> Pending<'a, PutOutcome> {
        Box::pin(std::future::ready(put_draft_checked(draft, base)))
    }
    fn put_entry<'a>(&'a self, entry: &'a OutboxEntry) -> Pending<'a, ()> {
        let store = RecordKind::Outbox.store_name();
        Box::pin(std::future::ready(put(store, &entry.id, entry)))
    }
    fn get_draft<'a>(&'a self, id: &'a str) -> Pending<'a, Option<StoredDraft>> {
        Box::pin(std::future::ready(Ok(get(DRAFTS, id))))
    }
    fn get_entry<'a>(&'a self, id: &'a str) -> Pending<'a, Option<OutboxEntry>> {
        let store = RecordKind::Outbox.store_name();
        Box::pin(std::future::ready(Ok(get(store, id))))
    }
    fn drafts<'a>(&'a self, scope: &'a str) -> Pending<'a, Vec<StoredDraft>> {
        Box::pin(std::future::ready(list(DRAFTS, scope)))
    }
    fn entries<'a>(&'a self, scope: &'a str) -> Pending<'a, Vec<OutboxEntry>> {
        let store = RecordKind::Outbox.store_name();
        Box::pin(std::future::ready(list(store, scope)))
    }
    fn put_sent<'a>(&'a self, sent: &'a StoredSent) -> Pending<'a, ()> {
        let store = RecordKind::Sent.store_name();
        Box::pin(std::future::ready(put(store, &sent.id, sent)))
    }
    fn sent<'a>(&'a self, scope: &'a str) -> Pending<'a, Vec<StoredSent>> {
        Box::pin(std::future::ready(list(
            RecordKind::Sent.store_name(),
            scope,
        )))
    }
    fn stamps<'a>(&'a self, kind: RecordKind, scope: &'a str) -> Pending<'a, Vec<Stamp>> {
        Box::pin(std::future::ready(stamps(kind.store_name(), scope)))
    }
    fn delete<'a>(&'a self, kind: RecordKind, id: &'a str) -> Pending<'a, ()> {
        Box::pin(std::future::ready(delete(kind.store_name(), id)))
    }
    fn is_fallback(&self) -> bool {
        true
    }
}
