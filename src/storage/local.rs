//! The localStorage fallback, one key per record:
//! `casenote.<store>.<id>` (`drafts` or `outbox`).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use web_sys::Storage;

use super::{from_json, to_json, PutOutcome};
use crate::domain::draft::StoredDraft;

fn err(e: impl std::fmt::Display) -> String {
    format!("localStorage: {e}")
}

fn storage() -> Result<Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| err("not available"))
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
    storage()?
        .set_item(&key(store, id), &to_json(value)?)
        .map_err(|_| err("full or refused the write"))
}

fn read<T: DeserializeOwned>(storage: &Storage, key: &str) -> Option<T> {
    from_json(&storage.get_item(key).ok()??).ok()
}

pub fn get<T: DeserializeOwned>(store: &str, id: &str) -> Option<T> {
    read(&storage().ok()?, &key(store, id))
}

/// Just the scope of a record, to filter without decoding the rest.
#[derive(Deserialize)]
struct Scoped {
    scope: String,
}

/// Every record of `store` whose `scope` field is `scope`.
pub fn list<T: DeserializeOwned>(store: &str, scope: &str) -> Result<Vec<T>, String> {
    let prefix = key(store, "");
    let raw = storage()?;
    let len = raw.length().map_err(|_| err("cannot read"))?;
    let mut out = Vec::new();
    for i in 0..len {
        let Ok(Some(k)) = raw.key(i) else { continue };
        if !k.starts_with(&prefix) {
            continue;
        }
        let Some(text) = raw.get_item(&k).ok().flatten() else {
            continue;
        };
        if from_json::<Scoped>(&text).is_ok_and(|s| s.scope == scope) {
            if let Ok(item) = from_json(&text) {
                out.push(item);
            }
        }
    }
    Ok(out)
}

pub fn delete(store: &str, id: &str) -> Result<(), String> {
    storage()?
        .remove_item(&key(store, id))
        .map_err(|_| err("refused the delete"))
}
