//! The localStorage fallback through gloo-storage, one key per record:
//! `casenote.<store>.<id>` (`drafts` or `outbox`), each the record's JSON.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::PutOutcome;
use crate::domain::draft::StoredDraft;

fn err(e: StorageError) -> String {
    match e {
        // Keep the browser's reason (QuotaExceededError when full): the
        // editor tells the worker that storage is full.
        StorageError::JsError(js) => format!("localStorage: {}: {}", js.name, js.message),
        other => format!("localStorage: {other}"),
    }
}

/// gloo-storage panics where the page may not use localStorage (a
/// sandboxed frame, say): ask the browser first.
fn available() -> Result<(), String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(|_| ())
        .ok_or_else(|| "localStorage: not available".to_string())
}

fn key(store: &str, id: &str) -> String {
    format!("casenote.{store}.{id}")
}

pub fn put_draft_checked(draft: &StoredDraft, base: u32) -> Result<PutOutcome, String> {
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

pub fn put<T: Serialize>(store: &str, id: &str, value: &T) -> Result<(), String> {
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
fn in_scope(store: &str, scope: &str) -> Result<Vec<(Scoped, String)>, String> {
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
pub fn stamps(store: &str, scope: &str) -> Result<Vec<(String, Option<f64>)>, String> {
    Ok(in_scope(store, scope)?
        .into_iter()
        .map(|(s, _)| (s.id, s.updated_at))
        .collect())
}

/// Every record of `store` whose `scope` field is `scope` (records that
/// cannot be read are skipped).
pub fn list<T: DeserializeOwned>(store: &str, scope: &str) -> Result<Vec<T>, String> {
    Ok(in_scope(store, scope)?
        .into_iter()
        .filter_map(|(_, text)| serde_json::from_str(&text).ok())
        .collect())
}

pub fn delete(store: &str, id: &str) -> Result<(), String> {
    available()?;
    LocalStorage::delete(key(store, id));
    Ok(())
}
