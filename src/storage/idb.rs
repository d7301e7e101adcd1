//! IndexedDB: database `casenote` with two stores, `drafts` and `outbox`,
//! each keyed by note id and indexed by scope.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyPath;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::{from_json, to_json, PutOutcome};
use crate::domain::draft::StoredDraft;

const DB_NAME: &str = "casenote";
pub const DRAFTS: &str = "drafts";
pub const OUTBOX: &str = "outbox";
const BY_SCOPE: &str = "scope";

#[derive(Clone)]
pub struct IdbStore {
    db: Database,
}

fn err(e: impl std::fmt::Display) -> String {
    format!("IndexedDB: {e}")
}

// Records cross into IndexedDB as JSON: serde_json writes the text and the
// browser's JSON.parse makes the object (and JSON.stringify the way back).
// One serde format for the whole bundle keeps the wasm small, and the
// browser's JSON is faster than converting a large note field by field.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, String> {
    js_sys::JSON::parse(&to_json(value)?).map_err(|_| err("cannot encode a record"))
}

fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    let text = js_sys::JSON::stringify(&value).map_err(|_| err("cannot read a record"))?;
    from_json(&String::from(text))
}

impl IdbStore {
    pub async fn open() -> Result<Self, String> {
        let db = Database::open(DB_NAME)
            .with_version(2u32)
            .with_on_upgrade_needed(|_event, db| {
                // Version 1 had `drafts`; version 2 adds `outbox`. Creating a
                // store only when missing makes every upgrade path work.
                for name in [DRAFTS, OUTBOX] {
                    if !db.object_store_names().any(|n| n == name) {
                        let store = db
                            .create_object_store(name)
                            .with_key_path(KeyPath::One("id"))
                            .build()?;
                        store
                            .create_index(BY_SCOPE, KeyPath::One("scope"))
                            .build()?;
                    }
                }
                Ok(())
            })
            .await
            .map_err(err)?;
        Ok(IdbStore { db })
    }

    fn readwrite(
        &self,
        store_name: &str,
    ) -> Result<indexed_db_futures::transaction::Transaction<'_>, String> {
        self.db
            .transaction(store_name)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(err)
    }

    /// Reads the stored revision and writes only if it is still `base`, in
    /// one readwrite transaction, so two tabs can never both win.
    pub async fn put_draft_checked(
        &self,
        draft: &StoredDraft,
        base: u32,
    ) -> Result<PutOutcome, String> {
        let tx = self.readwrite(DRAFTS)?;
        let store = tx.object_store(DRAFTS).map_err(err)?;
        let existing: Option<JsValue> = store
            .get(draft.id.as_str())
            .primitive()
            .map_err(err)?
            .await
            .map_err(err)?;
        // Only the stored revision matters here: read that one property
        // rather than decoding the whole note.
        let stored_revision = existing.map(|v| {
            js_sys::Reflect::get(&v, &JsValue::from_str("revision"))
                .ok()
                .and_then(|r| r.as_f64())
                .unwrap_or(0.0) as u32
        });
        match stored_revision {
            Some(stored_revision) if stored_revision != base => {
                return Ok(PutOutcome::Conflict { stored_revision });
            }
            // Gone since we last wrote it: another tab submitted or discarded it.
            None if base > 0 => return Ok(PutOutcome::Conflict { stored_revision: 0 }),
            _ => {}
        }
        store
            .put(to_js(draft)?)
            .primitive()
            .map_err(err)?
            .await
            .map_err(err)?;
        drop(store);
        tx.commit().await.map_err(err)?;
        Ok(PutOutcome::Written)
    }

    pub async fn put<T: Serialize>(&self, store_name: &str, value: &T) -> Result<(), String> {
        let tx = self.readwrite(store_name)?;
        let store = tx.object_store(store_name).map_err(err)?;
        store
            .put(to_js(value)?)
            .primitive()
            .map_err(err)?
            .await
            .map_err(err)?;
        drop(store);
        tx.commit().await.map_err(err)
    }

    pub async fn get<T: DeserializeOwned>(
        &self,
        store_name: &str,
        id: &str,
    ) -> Result<Option<T>, String> {
        let tx = self.db.transaction(store_name).build().map_err(err)?;
        let store = tx.object_store(store_name).map_err(err)?;
        let found: Option<JsValue> = store.get(id).primitive().map_err(err)?.await.map_err(err)?;
        found.map(from_js).transpose()
    }

    pub async fn list<T: DeserializeOwned>(
        &self,
        store_name: &str,
        scope: &str,
    ) -> Result<Vec<T>, String> {
        let tx = self.db.transaction(store_name).build().map_err(err)?;
        let store = tx.object_store(store_name).map_err(err)?;
        let index = store.index(BY_SCOPE).map_err(err)?;
        let iter = index
            .get_all::<JsValue>()
            .with_query(scope)
            .primitive()
            .map_err(err)?
            .await
            .map_err(err)?;
        // A record that cannot be read is left in place and skipped, so one
        // damaged record never hides the others.
        Ok(iter
            .filter_map(|item| item.ok().and_then(|v| from_js(v).ok()))
            .collect())
    }

    /// The id and save time of every record of `scope`, read without
    /// decoding the rest, so a damaged record can still be purged.
    pub async fn stamps(
        &self,
        store_name: &str,
        scope: &str,
    ) -> Result<Vec<(String, Option<f64>)>, String> {
        let tx = self.db.transaction(store_name).build().map_err(err)?;
        let store = tx.object_store(store_name).map_err(err)?;
        let index = store.index(BY_SCOPE).map_err(err)?;
        let iter = index
            .get_all::<JsValue>()
            .with_query(scope)
            .primitive()
            .map_err(err)?
            .await
            .map_err(err)?;
        let field =
            |v: &JsValue, name: &str| js_sys::Reflect::get(v, &JsValue::from_str(name)).ok();
        Ok(iter
            .filter_map(Result::ok)
            .filter_map(|v| {
                let id = field(&v, "id")?.as_string()?;
                Some((id, field(&v, "updatedAt").and_then(|t| t.as_f64())))
            })
            .collect())
    }

    pub async fn delete(&self, store_name: &str, id: &str) -> Result<(), String> {
        let tx = self.readwrite(store_name)?;
        let store = tx.object_store(store_name).map_err(err)?;
        store.delete(id).await.map_err(err)?;
        drop(store);
        tx.commit().await.map_err(err)
    }
}
