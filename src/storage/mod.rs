//! Where drafts live on the device: IndexedDB, or localStorage when
//! IndexedDB cannot be opened; sealed with the host's AES-GCM key when one
//! is given. Knows drafts, not the UI.

mod crypto;
mod idb;
mod local;

pub use crypto::generate_key;
use web_sys::CryptoKey;

use crate::domain::draft::{is_expired, StoredDraft};
use crate::domain::Draft;

/// The result of a checked write.
#[derive(Clone, Debug, PartialEq)]
pub enum PutOutcome {
    Written,
    /// Someone else (another tab) saved this draft since our last write:
    /// nothing was written.
    Conflict {
        stored_revision: u32,
    },
}

/// The drafts of one scope that can be read, and how many cannot (sealed
/// with a key this editor does not have).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    pub drafts: Vec<Draft>,
    pub locked: usize,
}

#[derive(Clone)]
enum Backend {
    IndexedDb(idb::IdbStore),
    /// Fallback: survives reloads, but Chromium writes it to disk lazily, so
    /// a crash can lose the last seconds of typing.
    LocalStorage,
}

/// The draft store the editor writes to.
#[derive(Clone)]
pub struct DraftStore {
    backend: Backend,
    key: Option<CryptoKey>,
}

impl DraftStore {
    /// Opens IndexedDB, falling back to localStorage. The second value is a
    /// notice for the worker when the fallback is in use. With a `key`,
    /// notes are stored sealed.
    pub async fn open(key: Option<CryptoKey>) -> (Self, Option<String>) {
        match idb::IdbStore::open().await {
            Ok(s) => (
                DraftStore {
                    backend: Backend::IndexedDb(s),
                    key,
                },
                None,
            ),
            Err(_) => (
                DraftStore {
                    backend: Backend::LocalStorage,
                    key,
                },
                Some(
                    "This browser is not letting casenote use its database, so drafts are kept in simpler storage. \
                     They survive a reload, but not always a crash: submit your note when you can."
                        .into(),
                ),
            ),
        }
    }

    pub fn is_fallback(&self) -> bool {
        matches!(self.backend, Backend::LocalStorage)
    }

    pub fn is_sealing(&self) -> bool {
        self.key.is_some()
    }

    async fn write_form(&self, draft: &Draft) -> Result<StoredDraft, String> {
        match &self.key {
            None => Ok(StoredDraft::clear(draft)),
            Some(key) => {
                let json = serde_json::to_string(&draft.note).map_err(|e| e.to_string())?;
                let sealed = crypto::seal(key, json.as_bytes()).await?;
                Ok(StoredDraft::sealed(draft, sealed))
            }
        }
    }

    async fn read_stored(&self, stored: StoredDraft) -> Option<Draft> {
        let Some(sealed) = stored.sealed.clone() else {
            return stored.open();
        };
        let key = self.key.as_ref()?;
        let plain = crypto::unseal(key, &sealed).await.ok()?;
        let note = serde_json::from_slice(&plain).ok()?;
        StoredDraft {
            note: Some(note),
            sealed: None,
            ..stored
        }
        .open()
    }

    /// Saves `draft` if the stored revision is still `base` (the revision
    /// this editor last wrote or loaded; 0 for a new draft). Resolves once
    /// the write is committed.
    pub async fn put(&self, draft: &Draft, base: u32) -> Result<PutOutcome, String> {
        let stored = self.write_form(draft).await?;
        match &self.backend {
            Backend::IndexedDb(s) => s.put_checked(&stored, base).await,
            Backend::LocalStorage => local::put_checked(&stored, base),
        }
    }

    /// One draft by id; `None` if missing or sealed with another key.
    pub async fn get(&self, id: &str) -> Result<Option<Draft>, String> {
        let stored = match &self.backend {
            Backend::IndexedDb(s) => s.get(id).await?,
            Backend::LocalStorage => local::get(id),
        };
        Ok(match stored {
            Some(s) => self.read_stored(s).await,
            None => None,
        })
    }

    async fn stored_in(&self, scope: &str) -> Result<Vec<StoredDraft>, String> {
        match &self.backend {
            Backend::IndexedDb(s) => s.list(scope).await,
            Backend::LocalStorage => local::list(scope),
        }
    }

    /// Every draft in `scope` this editor can read.
    pub async fn list(&self, scope: &str) -> Result<Listing, String> {
        let mut listing = Listing::default();
        for stored in self.stored_in(scope).await? {
            match self.read_stored(stored).await {
                Some(d) => listing.drafts.push(d),
                None => listing.locked += 1,
            }
        }
        Ok(listing)
    }

    pub async fn delete(&self, id: &str) -> Result<(), String> {
        match &self.backend {
            Backend::IndexedDb(s) => s.delete(id).await,
            Backend::LocalStorage => local::delete(id),
        }
    }

    /// Deletes the drafts in `scope` older than `retention_days` at `now`
    /// (epoch ms), or all of them when `retention_days` is `None`. Returns
    /// how many were deleted. Sealed drafts are purged too.
    pub async fn purge(
        &self,
        scope: &str,
        now: f64,
        retention_days: Option<f64>,
    ) -> Result<usize, String> {
        let mut n = 0;
        for stored in self.stored_in(scope).await? {
            if retention_days.is_none_or(|days| is_expired(stored.updated_at, now, days)) {
                self.delete(&stored.id).await?;
                n += 1;
            }
        }
        Ok(n)
    }
}
