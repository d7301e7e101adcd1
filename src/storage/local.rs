//! The localStorage fallback, one key per record:
//! `casenote.<store>.<id>` (`drafts` or `outbox`).

use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::PutOutcome;
use crate::domain::draft::StoredDraft;

fn err(e: impl std::fmt::Display) -> String {
    format!("localStorage: {e}")
}

fn key(store: &str, id: &str) -> String {
    format!("casenote.{store}.{id}")
}

pub fn put_draft_checked(draft: &StoredDraft, base: u32) -> Result<PutOutcome, String> {
    match get::<StoredDraft>(super::idb::DRAFTS, &draft.id) {
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
    LocalStorage::set(key(store, id), value).map_err(err)
}

pub fn get<T: DeserializeOwned>(store: &str, id: &str) -> Option<T> {
    LocalStorage::get(key(store, id)).ok()
}

/// Every record of `store` whose `scope` field is `scope`.
pub fn list<T: DeserializeOwned>(store: &str, scope: &str) -> Result<Vec<T>, String> {
    let prefix = key(store, "");
    let raw = LocalStorage::raw();
    let len = raw.length().map_err(|_| err("cannot read"))?;
    let mut out = Vec::new();
    for i in 0..len {
        let Ok(Some(k)) = raw.key(i) else { continue };
        if !k.starts_with(&prefix) {
            continue;
        }
        let Ok(value) = LocalStorage::get::<serde_json::Value>(&k) else {
            continue;
        };
        if value.get("scope").and_then(|s| s.as_str()) == Some(scope) {
            if let Ok(item) = serde_json::from_value(value) {
                out.push(item);
            }
        }
    }
    Ok(out)
}

pub fn delete(store: &str, id: &str) -> Result<(), String> {
    LocalStorage::delete(key(store, id));
    Ok(())
}
