//! IndexedDB: database `casenote` with two stores, `drafts` and `outbox`,
//! each keyed by note id and indexed by scope. The requests themselves are
//! a few lines of JavaScript (`idb.js`); this side turns records into and
//! out of JSON.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::{from_json, PutOutcome};
use crate::domain::draft::StoredDraft;
use crate::domain::json::{FromJson, ToJson};

pub const DRAFTS: &str = "drafts";
pub const OUTBOX: &str = "outbox";

#[wasm_bindgen(module = "/src/storage/idb.js")]
extern "C" {
    #[wasm_bindgen(js_name = idbOpen)]
    fn idb_open() -> js_sys::Promise;
    #[wasm_bindgen(js_name = idbGet)]
    fn idb_get(db: &JsValue, store: &str, id: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = idbList)]
    fn idb_list(db: &JsValue, store: &str, scope: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = idbPut)]
    fn idb_put(db: &JsValue, store: &str, value: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_name = idbDelete)]
    fn idb_delete(db: &JsValue, store: &str, id: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = idbPutChecked)]
    fn idb_put_checked(db: &JsValue, store: &str, value: &JsValue, base: u32) -> js_sys::Promise;
}

/// What went wrong, as `IndexedDB: <DOMException name>: <message>`: the
/// name (QuotaExceededError, say) tells the editor what to tell the worker.
fn describe(e: JsValue) -> String {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) => format!("IndexedDB: {}: {}", d.name(), d.message()),
        None => "IndexedDB: the request failed".into(),
    }
}

async fn call(p: js_sys::Promise) -> Result<JsValue, String> {
    JsFuture::from(p).await.map_err(describe)
}

// Records cross into IndexedDB as JSON: `domain::json` writes the text and
// the browser's JSON.parse makes the object (and JSON.stringify the way
// back). One JSON code path for the whole bundle keeps the wasm small, and
// the browser's JSON is faster than converting a large note field by field.
fn to_js<T: ToJson>(value: &T) -> Result<JsValue, String> {
    js_sys::JSON::parse(&crate::domain::json::write(value))
        .map_err(|_| "IndexedDB: cannot encode a record".into())
}

fn from_js<T: FromJson>(value: JsValue) -> Result<T, String> {
    let text = js_sys::JSON::stringify(&value)
        .map_err(|_| String::from("IndexedDB: cannot read a record"))?;
    from_json(&String::from(text))
}

fn field(v: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(v, &JsValue::from_str(name)).ok()
}

#[derive(Clone)]
pub struct IdbStore {
    db: JsValue,
}

impl IdbStore {
    pub async fn open() -> Result<Self, String> {
        Ok(IdbStore {
            db: call(idb_open()).await?,
        })
    }

    /// Writes `draft` only if the stored revision is still `base`, in one
    /// readwrite transaction, so two tabs can never both win.
    pub async fn put_draft_checked(
        &self,
        draft: &StoredDraft,
        base: u32,
    ) -> Result<PutOutcome, String> {
        let outcome = call(idb_put_checked(&self.db, DRAFTS, &to_js(draft)?, base)).await?;
        match outcome.as_f64() {
            Some(n) if n >= 0.0 => Ok(PutOutcome::Conflict {
                stored_revision: n as u32,
            }),
            _ => Ok(PutOutcome::Written),
        }
    }

    pub async fn put<T: ToJson>(&self, store_name: &str, value: &T) -> Result<(), String> {
        call(idb_put(&self.db, store_name, &to_js(value)?)).await?;
        Ok(())
    }

    pub async fn get<T: FromJson>(&self, store_name: &str, id: &str) -> Result<Option<T>, String> {
        let found = call(idb_get(&self.db, store_name, id)).await?;
        if found.is_undefined() || found.is_null() {
            return Ok(None);
        }
        from_js(found).map(Some)
    }

    async fn all(&self, store_name: &str, scope: &str) -> Result<js_sys::Array, String> {
        let found = call(idb_list(&self.db, store_name, scope)).await?;
        Ok(found.dyn_into().unwrap_or_default())
    }

    pub async fn list<T: FromJson>(&self, store_name: &str, scope: &str) -> Result<Vec<T>, String> {
        // A record that cannot be read is left in place and skipped, so one
        // damaged record never hides the others.
        Ok(self
            .all(store_name, scope)
            .await?
            .iter()
            .filter_map(|v| from_js(v).ok())
            .collect())
    }

    /// The id and save time of every record of `scope`, read without
    /// decoding the rest, so a damaged record can still be purged.
    pub async fn stamps(
        &self,
        store_name: &str,
        scope: &str,
    ) -> Result<Vec<(String, Option<f64>)>, String> {
        Ok(self
            .all(store_name, scope)
            .await?
            .iter()
            .filter_map(|v| {
                let id = field(&v, "id")?.as_string()?;
                Some((id, field(&v, "updatedAt").and_then(|t| t.as_f64())))
            })
            .collect())
    }

    pub async fn delete(&self, store_name: &str, id: &str) -> Result<(), String> {
        call(idb_delete(&self.db, store_name, id)).await?;
        Ok(())
    }
}
