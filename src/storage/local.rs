//! The localStorage fallback through gloo-storage, one key per record:
//! `casenote.<store>.<id>` (`drafts` or `outbox`), each the record's JSON.

use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{PutOutcome, StorageError};
use crate::domain::draft::StoredDraft;

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
fn available() -> Result<(), StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(|_| ())
        .ok_or(StorageError::Unavailable("localStorage"))
}

fn key(store: &str, id: &str) -> String {
    format!("casenote.{store}.{id}")
}

pub fn put_draft_checked(draft: &StoredDraft, base: u32) -> Result<PutOutcome, StorageError> {
    match get::<Scoped>(super::idb::DRAFTS, &draft.id) {
        Some(existing) if existing.revision != base => {
            return Ok(PutOutcome::Conflict {
                stored_revision: existing.revision,
            });
        }
        None if base > 0 => return Ok(PutOutcome::Conflict { stored_revision: 0 }),
        _ => {}
    }
    put(super::idb::DRAFTS, &draft.id, draft)?;
    Ok(PutOutcome::Written)
}

pub fn put<T: Serialize>(store: &str, id: &str, value: &T) -> Result<(), StorageError> {
    available()?;
    LocalStorage::set(key(store, id), value).map_err(err)
}

pub fn get<T: DeserializeOwned>(store: &str, id: &str) -> Option<T> {
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

/// The bookkeeping and text of every record of `scope` in `store`.
fn in_scope(store: &str, scope: &str) -> Result<Vec<(Scoped, String)>, StorageError> {
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
            (s.scope == scope).then_some((s, text))
        })
        .collect())
}

/// The id and save time of every record of `scope` in `store`.
pub fn stamps(store: &str, scope: &str) -> Result<Vec<(String, Option<f64>)>, StorageError> {
    Ok(in_scope(store, scope)?
        .into_iter()
        .map(|(s, _)| (s.id, s.updated_at))
        .collect())
}

/// Every record of `store` whose `scope` field is `scope` (records that
/// cannot be read are skipped).
pub fn list<T: DeserializeOwned>(store: &str, scope: &str) -> Result<Vec<T>, StorageError> {
    Ok(in_scope(store, scope)?
        .into_iter()
        .filter_map(|(_, text)| serde_json::from_str(&text).ok())
        .collect())
}

pub fn delete(store: &str, id: &str) -> Result<(), StorageError> {
    available()?;
    LocalStorage::delete(key(store, id));
    Ok(())
}
