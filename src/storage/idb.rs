//! IndexedDB through `indexed_db_futures`: database `casenote`, version 3,
//! with three stores, `drafts`, `outbox` and `sent`, each keyed by note id
//! and indexed by scope. Records cross as serde values (serde-wasm-bindgen), so a
//! stored record is a plain object with the same members as its JSON.

use indexed_db_futures::database::Database;
use indexed_db_futures::error::Error as IdbError;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::KeyPath;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

use super::backend::{Backend, Pending, RecordKind, Stamp};
use super::{PutOutcome, StorageError};
use crate::domain::draft::StoredDraft;
use crate::domain::outbox::OutboxEntry;
use crate::domain::sent::StoredSent;

const DB_NAME: &str = "casenote";
const DB_VERSION: u32 = 3;
const BY_SCOPE: &str = "scope";

/// What went wrong, by the DOMException's name where there is one
/// (QuotaExceededError is the one the worker is told about).
fn err(e: impl Into<IdbError>) -> StorageError {
    match e.into() {
        IdbError::DomException(d) => {
            let d: &web_sys::DomException = d.as_ref().unchecked_ref();
            StorageError::from_browser("IndexedDB", &d.name(), &d.message())
        }
        other => StorageError::Failed {
            what: "IndexedDB",
            reason: other.to_string(),
        },
    }
}

/// Just the bookkeeping of a record: enough to check a revision or purge
/// a record whose note no longer reads.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Bookkeeping {
    id: String,
    #[serde(default)]
    revision: Option<f64>,
    #[serde(default)]
    updated_at: Option<f64>,
}

#[derive(Clone)]
pub struct IdbStore {
    db: Database,
}

impl IdbStore {
    pub async fn open() -> Result<Self, StorageError> {
        let db = Database::open(DB_NAME)
            .with_version(DB_VERSION)
            .with_on_upgrade_needed(|_event, db| {
                // Version 1 had `drafts`; version 2 adds `outbox`, 3 `sent`.
                // Creating a store only when missing makes every upgrade
                // path work.
                let kinds = [RecordKind::Drafts, RecordKind::Outbox, RecordKind::Sent];
                for name in kinds.map(RecordKind::store_name) {
                    if !db.object_store_names().any(|n| n == name) {
                        db.create_object_store(name)
                            .with_key_path(KeyPath::One("id"))
                            .build()?
                            .create_index(BY_SCOPE, KeyPath::One("scope"))
                            .build()?;
                    }
                }
                Ok(())
            })
            .await
            .map_err(|e| StorageError::Failed {
                what: "IndexedDB",
                reason: e.to_string(),
            })?;
        Ok(IdbStore { db })
    }

    fn transaction(
        &self,
        store: &str,
        mode: TransactionMode,
    ) -> Result<Transaction<'_>, StorageError> {
        self.db
            .transaction(store)
            .with_mode(mode)
            .build()
            .map_err(err)
    }

    /// Reads the stored revision and writes only if it is still `base`, in
    /// one readwrite transaction, so two tabs can never both win.
    async fn put_draft_checked(
        &self,
        draft: &StoredDraft,
        base: u32,
    ) -> Result<PutOutcome, StorageError> {
        let drafts = RecordKind::Drafts.store_name();
        let tx = self.transaction(drafts, TransactionMode::Readwrite)?;
        let store = tx.object_store(drafts).map_err(err)?;
        // Only the bookkeeping is decoded, not the whole note.
        let existing: Option<Bookkeeping> = store
            .get(draft.id.as_str())
            .serde()
            .map_err(err)?
            .await
            .map_err(err)?;
        let stored_revision = existing.map(|s| s.revision.unwrap_or(0.0) as u32);
        match stored_revision {
            Some(stored_revision) if stored_revision != base => {
                return Ok(PutOutcome::Conflict { stored_revision });
            }
            // Gone since we last wrote it: another tab submitted or discarded it.
            None if base > 0 => return Ok(PutOutcome::Conflict { stored_revision: 0 }),
            _ => {}
        }
        store.put(draft).serde().map_err(err)?.await.map_err(err)?;
        drop(store);
        tx.commit().await.map_err(err)?;
        Ok(PutOutcome::Written)
    }

    async fn put<T: Serialize>(&self, store_name: &str, value: &T) -> Result<(), StorageError> {
        let tx = self.transaction(store_name, TransactionMode::Readwrite)?;
        let store = tx.object_store(store_name).map_err(err)?;
        store.put(value).serde().map_err(err)?.await.map_err(err)?;
        drop(store);
        tx.commit().await.map_err(err)
    }

    async fn get<T: DeserializeOwned>(
        &self,
        store_name: &str,
        id: &str,
    ) -> Result<Option<T>, StorageError> {
        let tx = self.transaction(store_name, TransactionMode::Readonly)?;
        let store = tx.object_store(store_name).map_err(err)?;
        store.get(id).serde().map_err(err)?.await.map_err(err)
    }

    /// Every record of `scope`, undecoded.
    async fn all(&self, store_name: &str, scope: &str) -> Result<Vec<JsValue>, StorageError> {
        let tx = self.transaction(store_name, TransactionMode::Readonly)?;
        let store = tx.object_store(store_name).map_err(err)?;
        let index = store.index(BY_SCOPE).map_err(err)?;
        let found = index
            .get_all::<JsValue>()
            .with_query(scope)
            .primitive()
            .map_err(err)?
            .await
            .map_err(err)?;
        Ok(found.filter_map(Result::ok).collect())
    }

    /// Every record of `scope` that reads as a `T`. A record that cannot be
    /// read is left in place and skipped, so one damaged record never hides
    /// the others.
    async fn list<T: DeserializeOwned>(
        &self,
        store_name: &str,
        scope: &str,
    ) -> Result<Vec<T>, StorageError> {
        Ok(self
            .all(store_name, scope)
            .await?
            .into_iter()
            .filter_map(|v| serde_wasm_bindgen::from_value(v).ok())
            .collect())
    }

    /// The id and save time of every record of `scope`, read without
    /// decoding the rest, so a damaged record can still be purged.
    async fn stamps(&self, store_name: &str, scope: &str) -> Result<Vec<Stamp>, StorageError> {
        Ok(self
            .list::<Bookkeeping>(store_name, scope)
            .await?
            .into_iter()
            .map(|s| Stamp {
                id: s.id,
                updated_at: s.updated_at,
            })
            .collect())
    }

    async fn delete(&self, store_name: &str, id: &str) -> Result<(), StorageError> {
        let tx = self.transaction(store_name, TransactionMode::Readwrite)?;
        let store = tx.object_store(store_name).map_err(err)?;
        store.delete(id).await.map_err(err)?;
        drop(store);
        tx.commit().await.map_err(err)
    }
}

impl Backend for IdbStore {
    fn put_draft_checked<'a>(
        &'a self,
        draft: &'a StoredDraft,
        base: u32,
    ) -> Pending<'a, PutOutcome> {
        Box::pin(IdbStore::put_draft_checked(self, draft, base))
    }
    fn put_entry<'a>(&'a self, entry: &'a OutboxEntry) -> Pending<'a, ()> {
        Box::pin(self.put(RecordKind::Outbox.store_name(), entry))
    }
    fn get_draft<'a>(&'a self, id: &'a str) -> Pending<'a, Option<StoredDraft>> {
        Box::pin(self.get(RecordKind::Drafts.store_name(), id))
    }
    fn get_entry<'a>(&'a self, id: &'a str) -> Pending<'a, Option<OutboxEntry>> {
        Box::pin(self.get(RecordKind::Outbox.store_name(), id))
    }
    fn drafts<'a>(&'a self, scope: &'a str) -> Pending<'a, Vec<StoredDraft>> {
        Box::pin(self.list(RecordKind::Drafts.store_name(), scope))
    }
    fn entries<'a>(&'a self, scope: &'a str) -> Pending<'a, Vec<OutboxEntry>> {
        Box::pin(self.list(RecordKind::Outbox.store_name(), scope))
    }
    fn put_sent<'a>(&'a self, sent: &'a StoredSent) -> Pending<'a, ()> {
        Box::pin(self.put(RecordKind::Sent.store_name(), sent))
    }
    fn sent<'a>(&'a self, scope: &'a str) -> Pending<'a, Vec<StoredSent>> {
        Box::pin(self.list(RecordKind::Sent.store_name(), scope))
    }
    fn stamps<'a>(&'a self, kind: RecordKind, scope: &'a str) -> Pending<'a, Vec<Stamp>> {
        Box::pin(IdbStore::stamps(self, kind.store_name(), scope))
    }
    fn delete<'a>(&'a self, kind: RecordKind, id: &'a str) -> Pending<'a, ()> {
        Box::pin(IdbStore::delete(self, kind.store_name(), id))
    }
    fn is_fallback(&self) -> bool {
        false
    }
}
