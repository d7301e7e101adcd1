//! Where drafts live on the device: IndexedDB, or localStorage when
//! IndexedDB cannot be opened. Knows drafts, not the UI.

mod idb;
mod local;

use crate::domain::Draft;

/// The draft store the editor writes to.
#[derive(Clone)]
pub enum DraftStore {
    IndexedDb(idb::IdbStore),
    /// Fallback: survives reloads, but Chromium writes it to disk lazily, so
    /// a crash can lose the last seconds of typing.
    LocalStorage,
}

impl DraftStore {
    /// Opens IndexedDB, falling back to localStorage. The second value is a
    /// notice for the worker when the fallback is in use.
    pub async fn open() -> (Self, Option<String>) {
        match idb::IdbStore::open().await {
            Ok(s) => (DraftStore::IndexedDb(s), None),
            Err(_) => (
                DraftStore::LocalStorage,
                Some(
                    "This browser is not letting casenote use its database, so drafts are kept in simpler storage. \
                     They survive a reload, but not always a crash: submit your note when you can."
                        .into(),
                ),
            ),
        }
    }

    pub fn is_fallback(&self) -> bool {
        matches!(self, DraftStore::LocalStorage)
    }

    /// Saves `draft`, resolving once the write is committed.
    pub async fn put(&self, draft: &Draft) -> Result<(), String> {
        match self {
            DraftStore::IndexedDb(s) => s.put(draft).await,
            DraftStore::LocalStorage => local::put(draft),
        }
    }

    /// Every draft in `scope`.
    pub async fn list(&self, scope: &str) -> Result<Vec<Draft>, String> {
        match self {
            DraftStore::IndexedDb(s) => s.list(scope).await,
            DraftStore::LocalStorage => local::list(scope),
        }
    }

    pub async fn delete(&self, id: &str) -> Result<(), String> {
        match self {
            DraftStore::IndexedDb(s) => s.delete(id).await,
            DraftStore::LocalStorage => local::delete(id),
        }
    }
}
