//! Drafts in IndexedDB: database `casenote`, store `drafts` keyed by id,
//! indexed by scope.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use indexed_db_futures::KeyPath;

use super::PutOutcome;
use crate::domain::draft::StoredDraft;

const DB_NAME: &str = "casenote";
const STORE: &str = "drafts";
const BY_SCOPE: &str = "scope";

#[derive(Clone)]
pub struct IdbStore {
    db: Database,
}

fn err(e: impl std::fmt::Display) -> String {
    format!("IndexedDB: {e}")
}

impl IdbStore {
    pub async fn open() -> Result<Self, String> {
        let db = Database::open(DB_NAME)
            .with_version(1u32)
            .with_on_upgrade_needed(|_event, db| {
                if !db.object_store_names().any(|n| n == STORE) {
                    let store = db
                        .create_object_store(STORE)
                        .with_key_path(KeyPath::One("id"))
                        .build()?;
                    store
                        .create_index(BY_SCOPE, KeyPath::One("scope"))
                        .build()?;
                }
                Ok(())
            })
            .await
            .map_err(err)?;
        Ok(IdbStore { db })
    }

    /// Reads the stored revision and writes only if it is still `base`, in
    /// one readwrite transaction, so two tabs can never both win.
    pub async fn put_checked(&self, draft: &StoredDraft, base: u32) -> Result<PutOutcome, String> {
        let tx = self
            .db
            .transaction(STORE)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(err)?;
        let store = tx.object_store(STORE).map_err(err)?;
        let existing: Option<StoredDraft> = store
            .get(draft.id.as_str())
            .serde()
            .map_err(err)?
            .await
            .map_err(err)?;
        if let Some(existing) = existing {
            if existing.revision != base {
                return Ok(PutOutcome::Conflict {
                    stored_revision: existing.revision,
                });
            }
        }
        store.put(draft).serde().map_err(err)?.await.map_err(err)?;
        drop(store);
        tx.commit().await.map_err(err)?;
        Ok(PutOutcome::Written)
    }

    pub async fn get(&self, id: &str) -> Result<Option<StoredDraft>, String> {
        let tx = self.db.transaction(STORE).build().map_err(err)?;
        let store = tx.object_store(STORE).map_err(err)?;
        let found: Option<StoredDraft> = store.get(id).serde().map_err(err)?.await.map_err(err)?;
        Ok(found)
    }

    pub async fn list(&self, scope: &str) -> Result<Vec<StoredDraft>, String> {
        let tx = self.db.transaction(STORE).build().map_err(err)?;
        let store = tx.object_store(STORE).map_err(err)?;
        let index = store.index(BY_SCOPE).map_err(err)?;
        let iter = index
            .get_all::<StoredDraft>()
            .with_query(scope)
            .serde()
            .map_err(err)?
            .await
            .map_err(err)?;
        let drafts: Result<Vec<StoredDraft>, _> = iter.collect();
        drafts.map_err(err)
    }

    pub async fn delete(&self, id: &str) -> Result<(), String> {
        let tx = self
            .db
            .transaction(STORE)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(err)?;
        let store = tx.object_store(STORE).map_err(err)?;
        store.delete(id).await.map_err(err)?;
        drop(store);
        tx.commit().await.map_err(err)
    }
}
