//! The notes this device sent, kept for the host's retention: written when
//! the outbox delivers a note, listed in the drafts panel, sealed with the
//! host's key like drafts, and purged once older than the retention.

use super::backend::RecordKind;
use super::{DraftStore, StorageError};
use crate::domain::draft::is_expired;
use crate::domain::sent::{newest_first, SentNote, StoredSent};

impl DraftStore {
    /// Keeps `note`, sent from `scope`.
    pub async fn put_sent(&self, scope: &str, note: &SentNote) -> Result<(), StorageError> {
        let sealed = self.seal(note).await?;
        let clear = match sealed {
            Some(_) => None,
            None => {
                Some(serde_json::to_string(note).map_err(|e| StorageError::Encode(e.to_string()))?)
            }
        };
        let stored = StoredSent {
            id: note.id.clone(),
            scope: scope.to_string(),
            updated_at: note.sent_at,
            note: clear,
            sealed,
        };
        self.backend.put_sent(&stored).await
    }

    /// With a key: seals the sent notes of `scope` listed in clear (sent
    /// before the host gave its key). Returns how many were sealed.
    pub async fn seal_clear_sent(&self, scope: &str) -> Result<usize, StorageError> {
        if self.key.is_none() {
            return Ok(0);
        }
        let mut sealed = 0;
        for stored in self.backend.sent(scope).await? {
            let Some(note) = stored.note.and_then(|t| serde_json::from_str(&t).ok()) else {
                continue;
            };
            self.put_sent(scope, &note).await?;
            sealed += 1;
        }
        Ok(sealed)
    }

    /// The notes sent from `scope` that this editor can read, newest first.
    pub async fn list_sent(&self, scope: &str) -> Result<Vec<SentNote>, StorageError> {
        let mut out = Vec::new();
        for stored in self.backend.sent(scope).await? {
            let note = match (stored.note, stored.sealed) {
                (Some(text), _) => serde_json::from_str(&text).ok(),
                (None, Some(sealed)) => self.unseal(&sealed).await,
                (None, None) => None,
            };
            out.extend(note);
        }
        Ok(newest_first(out))
    }

    /// Deletes the sent notes of `scope` listed longer than
    /// `retention_days` at `now` (epoch ms), or all of them when it is
    /// `None` (the host's purge). Returns how many went.
    pub async fn purge_sent(
        &self,
        scope: &str,
        now: f64,
        retention_days: Option<f64>,
    ) -> Result<usize, StorageError> {
        let mut n = 0;
        for stamp in self.backend.stamps(RecordKind::Sent, scope).await? {
            let due = match (retention_days, stamp.updated_at) {
                (Some(days), Some(t)) => is_expired(t, now, days),
                _ => true,
            };
            if due {
                self.backend.delete(RecordKind::Sent, &stamp.id).await?;
                n += 1;
            }
        }
        Ok(n)
    }
}
