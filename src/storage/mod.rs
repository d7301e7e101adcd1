//! What casenote keeps on the device: drafts, the outbox of finished
//! notes waiting to be delivered, and the notes sent from it. IndexedDB, or localStorage when IndexedDB
//! cannot be opened; note content sealed with the host's AES-GCM key when
//! one is given. Knows drafts and outbox entries, not the UI.

mod backend;
mod crypto;
mod error;
mod idb;
mod local;
mod sent;
pub mod settings;

use std::rc::Rc;

pub use crypto::generate_key;
pub use error::StorageError;
use web_sys::CryptoKey;

use backend::{Backend, RecordKind};

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::domain::draft::{is_expired, Sealed, StoredDraft};
use crate::domain::outbox::{OutboxContent, OutboxEntry};
use crate::domain::Draft;
use crate::text::Lang;
use casenote_text::Catalog;

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
    /// Drafts read from records in clear although this store seals: written
    /// before the host gave its key (see `seal_clear_drafts`).
    pub in_clear: usize,
}

/// The draft store the editor writes to.
#[derive(Clone)]
pub struct DraftStore {
    /// IndexedDB, or the localStorage fallback: that survives reloads, but
    /// Chromium writes it to disk lazily, so a crash can lose the last
    /// seconds of typing.
    backend: Rc<dyn Backend>,
    key: Option<CryptoKey>,
}

/// A store just opened, and what the worker should be told about it.
pub struct Opened {
    pub store: DraftStore,
}

impl Opened {
    /// What the worker is told about where drafts are kept, in `lang`:
    /// something only when the fallback is in use.
    pub fn notice(&self, lang: Lang) -> Option<String> {
        self.store.is_fallback().then(|| lang.t("storage-fallback"))
    }
}

impl DraftStore {
    /// Opens IndexedDB, falling back to localStorage. With a `key`, notes
    /// are stored sealed.
    pub async fn open(key: Option<CryptoKey>) -> Opened {
        let backend: Rc<dyn Backend> = match idb::IdbStore::open().await {
            Ok(s) => Rc::new(s),
            Err(_) => Rc::new(local::LocalStore),
        };
        Opened {
            store: DraftStore { backend, key },
        }
    }

    pub fn is_fallback(&self) -> bool {
        self.backend.is_fallback()
    }

    pub fn is_sealing(&self) -> bool {
        self.key.is_some()
    }

    /// `value` as JSON, sealed with the key (or `None` without a key).
    async fn seal<T: Serialize>(&self, value: &T) -> Result<Option<Sealed>, StorageError> {
        match &self.key {
            None => Ok(None),
            Some(key) => {
                let json = serde_json::to_string(value)
                    .map_err(|e| StorageError::Encode(e.to_string()))?;
                crypto::seal(key, json.as_bytes())
                    .await
                    .map(Some)
                    .map_err(|name| {
                        StorageError::from_browser("WebCrypto", &name, "sealing failed")
                    })
            }
        }
    }

    async fn unseal<T: DeserializeOwned>(&self, sealed: &Sealed) -> Option<T> {
        let plain = crypto::unseal(self.key.as_ref()?, sealed).await.ok()?;
        // From text, as every record is read: one JSON reader in the bundle.
        serde_json::from_str(&String::from_utf8(plain).ok()?).ok()
    }

    async fn write_form(&self, draft: &Draft) -> Result<StoredDraft, StorageError> {
        Ok(match self.seal(&draft.note).await? {
            None => StoredDraft::clear(draft),
            Some(sealed) => StoredDraft::sealed(draft, sealed),
        })
    }

    async fn read_stored(&self, stored: StoredDraft) -> Option<Draft> {
        let Some(sealed) = stored.sealed.clone() else {
            return stored.open();
        };
        let note = self.unseal(&sealed).await?;
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
    pub async fn put(&self, draft: &Draft, base: u32) -> Result<PutOutcome, StorageError> {
        let stored = self.write_form(draft).await?;
        self.backend.put_draft_checked(&stored, base).await
    }

    /// One draft by id; `None` if missing or sealed with another key.
    pub async fn get(&self, id: &str) -> Result<Option<Draft>, StorageError> {
        let stored = self.backend.get_draft(id).await?;
        Ok(match stored {
            Some(s) => self.read_stored(s).await,
            None => None,
        })
    }

    async fn stored_in(&self, scope: &str) -> Result<Vec<StoredDraft>, StorageError> {
        self.backend.drafts(scope).await
    }

    /// Every draft in `scope` this editor can read.
    pub async fn list(&self, scope: &str) -> Result<Listing, StorageError> {
        let mut listing = Listing::default();
        for stored in self.stored_in(scope).await? {
            if self.key.is_some() && stored.note.is_some() {
                listing.in_clear += 1;
            }
            match self.read_stored(stored).await {
                Some(d) => listing.drafts.push(d),
                None => listing.locked += 1,
            }
        }
        Ok(listing)
    }

    pub async fn delete(&self, id: &str) -> Result<(), StorageError> {
        self.backend.delete(RecordKind::Drafts, id).await
    }

    /// Adds or replaces an outbox entry (its content sealed with the key).
    pub async fn put_outbox(&self, entry: &OutboxEntry) -> Result<(), StorageError> {
        let mut stored = entry.clone();
        if let Some(content) = &entry.content {
            if let Some(sealed) = self.seal(content).await? {
                stored.content = None;
                stored.sealed = Some(sealed);
            }
        }
        self.backend.put_entry(&stored).await
    }

    async fn open_entry(&self, mut entry: OutboxEntry) -> OutboxEntry {
        if entry.content.is_none() {
            if let Some(sealed) = entry.sealed.take() {
                entry.content = self.unseal::<OutboxContent>(&sealed).await;
                if entry.content.is_none() {
                    entry.sealed = Some(sealed);
                }
            }
        }
        entry
    }

    /// The outbox of `scope`, oldest first. Entries sealed with another key
    /// come back with `content: None`.
    pub async fn list_outbox(&self, scope: &str) -> Result<Vec<OutboxEntry>, StorageError> {
        let stored = self.backend.entries(scope).await?;
        let mut out = Vec::with_capacity(stored.len());
        for e in stored {
            out.push(self.open_entry(e).await);
        }
        out.sort_by(|a, b| a.queued_at.total_cmp(&b.queued_at));
        Ok(out)
    }

    pub async fn get_outbox(&self, id: &str) -> Result<Option<OutboxEntry>, StorageError> {
        let stored = self.backend.get_entry(id).await?;
        Ok(match stored {
            Some(e) => Some(self.open_entry(e).await),
            None => None,
        })
    }

    pub async fn delete_outbox(&self, id: &str) -> Result<(), StorageError> {
        self.backend.delete(RecordKind::Outbox, id).await
    }

    /// With a key: seals every draft, outbox entry and sent note of `scope`
    /// still stored in clear (written before the host gave the key). Returns how
    /// many records were sealed.
    pub async fn seal_clear(&self, scope: &str) -> Result<usize, StorageError> {
        Ok(self.seal_clear_drafts(scope).await?
            + self.seal_clear_outbox(scope).await?
            + self.seal_clear_sent(scope).await?)
    }

    /// With a key: seals the drafts of `scope` stored in clear, keeping each
    /// one's revision. A draft another tab rewrites meanwhile is left to that
    /// write. Returns how many were sealed.
    pub async fn seal_clear_drafts(&self, scope: &str) -> Result<usize, StorageError> {
        if self.key.is_none() {
            return Ok(0);
        }
        let mut sealed = 0;
        for stored in self.stored_in(scope).await? {
            let Some(draft) = stored.open() else { continue };
            let form = self.write_form(&draft).await?;
            let written = self
                .backend
                .put_draft_checked(&form, draft.revision)
                .await?;
            if written == PutOutcome::Written {
                sealed += 1;
            }
        }
        Ok(sealed)
    }

    /// With a key: seals the outbox entries of `scope` stored in clear.
    /// Returns how many were sealed.
    pub async fn seal_clear_outbox(&self, scope: &str) -> Result<usize, StorageError> {
        if self.key.is_none() {
            return Ok(0);
        }
        let mut sealed = 0;
        let entries = self.backend.entries(scope).await?;
        for entry in entries.into_iter().filter(|e| e.content.is_some()) {
            self.put_outbox(&entry).await?;
            sealed += 1;
        }
        Ok(sealed)
    }

    /// Deletes the drafts in `scope` older than `retention_days` at `now`
    /// (epoch ms), or all of them when `retention_days` is `None`. Returns
    /// how many were deleted. Sealed drafts are purged too.
    pub async fn purge(
        &self,
        scope: &str,
        now: f64,
        retention_days: Option<f64>,
    ) -> Result<usize, StorageError> {
        // By id and save time only, so damaged records are purged too. A
        // record without a save time is removed by a full purge (logout),
        // never by retention.
        let stamps = self.backend.stamps(RecordKind::Drafts, scope).await?;
        let mut n = 0;
        for stamp in stamps {
            let due = match (retention_days, stamp.updated_at) {
                (None, _) => true,
                (Some(days), Some(t)) => is_expired(t, now, days),
                (Some(_), None) => false,
            };
            if due {
                self.delete(&stamp.id).await?;
                n += 1;
            }
        }
        Ok(n)
    }
}
