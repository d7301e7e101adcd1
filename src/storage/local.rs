//! The localStorage fallback, one key per record:
//! `casenote.<store>.<id>` (`drafts` or `outbox`).

use wasm_bindgen::JsCast;
use web_sys::Storage;

use super::{from_json, PutOutcome};
use crate::domain::draft::StoredDraft;
use crate::domain::json::{self, DecodeError, Fields, FromJson, Json, ToJson};

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

pub fn put<T: ToJson>(store: &str, id: &str, value: &T) -> Result<(), String> {
    storage()?
        .set_item(&key(store, id), &json::write(value))
        // Keep the browser's reason (QuotaExceededError when full): the
        // editor tells the worker that storage is full.
        .map_err(|e| {
            let name = e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_else(|| "the write was refused".into());
            err(name)
        })
}

fn read<T: FromJson>(storage: &Storage, key: &str) -> Option<T> {
    from_json(&storage.get_item(key).ok()??).ok()
}

pub fn get<T: FromJson>(store: &str, id: &str) -> Option<T> {
    read(&storage().ok()?, &key(store, id))
}

/// Just the bookkeeping of a record, to filter and purge without decoding
/// the rest.
struct Scoped {
    id: String,
    scope: String,
    updated_at: Option<f64>,
}

impl FromJson for Scoped {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let f = Fields::of(v)?;
        Ok(Scoped {
            id: f.req("id")?,
            scope: f.req("scope")?,
            updated_at: f.or_default("updatedAt")?,
        })
    }
}

/// The bookkeeping and parsed JSON of every record of `scope` in `store`
/// (each record is parsed once).
fn in_scope(store: &str, scope: &str) -> Result<Vec<(Scoped, Json)>, String> {
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
        let Ok(v) = json::parse(&text) else { continue };
        if let Ok(s) = Scoped::from_json(&v) {
            if s.scope == scope {
                out.push((s, v));
            }
        }
    }
    Ok(out)
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
pub fn list<T: FromJson>(store: &str, scope: &str) -> Result<Vec<T>, String> {
    Ok(in_scope(store, scope)?
        .into_iter()
        .filter_map(|(_, v)| T::from_json(&v).ok())
        .collect())
}

pub fn delete(store: &str, id: &str) -> Result<(), String> {
    storage()?
        .remove_item(&key(store, id))
        .map_err(|_| err("refused the delete"))
}
