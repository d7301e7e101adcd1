//! The inbox filtered: notes read newest first a batch at a time, each
//! matched by the inbox's filters (`inbox/filter.rs`) with its reviews and
//! whether it was signed later, until a page is full. The same for both
//! stores: they only page and look up.

use std::collections::{HashMap, HashSet};

use casenote_format::record::AddendumKind;
use casenote_format::review::ReviewV1;
use casenote_format::PayloadV1;

use super::{blocking, InboxPage, Notes, StoreError};
use crate::db::{Page, StoredNote};
use crate::inbox::filter::{Facts, Filter};

/// How many notes are read at a time while filtering.
const BATCH: usize = 100;

impl Notes {
    /// Up to `limit` notes stored before `before`, newest first.
    async fn page_before(&self, before: i64, limit: usize) -> Result<Page, StoreError> {
        match self {
            Notes::Sqlite(s) => blocking(s, move |s| s.page_before(before, limit)).await,
            Notes::Postgres(p) => Ok(p.page_before(before, limit).await?),
        }
    }

    /// The stored addenda of the notes `ids`, oldest first.
    async fn addenda_of_ids(&self, ids: Vec<String>) -> Result<Vec<StoredNote>, StoreError> {
        match self {
            Notes::Sqlite(s) => {
                blocking(s, move |s| {
                    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                    s.addenda_of(&ids)
                })
                .await
            }
            Notes::Postgres(p) => Ok(p.addenda_of(&ids).await?),
        }
    }

    /// The inbox's page of up to `size` notes stored before `before` that
    /// pass `filter`, newest first.
    pub async fn inbox_filtered(
        &self,
        before: i64,
        filter: &Filter,
        size: usize,
    ) -> Result<InboxPage, StoreError> {
        let mut notes: Vec<StoredNote> = Vec::new();
        let mut cursor = before;
        let mut more = false;
        'batches: loop {
            let batch = self.page_before(cursor, BATCH).await?;
            let Some(last) = batch.notes.last() else {
                break;
            };
            cursor = last.seq;
            let ids: Vec<String> = batch.notes.iter().map(|n| n.id.clone()).collect();
            let reviews = by_note(&self.reviews_of(ids.clone()).await?);
            let signed_later: HashSet<String> = self
                .addenda_of_ids(ids)
                .await?
                .iter()
                .filter_map(|n| serde_json::from_value::<PayloadV1>(n.note.clone()).ok())
                .filter_map(|p| p.addendum.filter(|a| a.kind == AddendumKind::Signature))
                .map(|a| a.to.to_ascii_lowercase())
                .collect();
            let count = batch.notes.len();
            for (i, n) in batch.notes.into_iter().enumerate() {
                let Ok(p) = serde_json::from_value::<PayloadV1>(n.note.clone()) else {
                    continue;
                };
                let key = n.id.to_ascii_lowercase();
                let facts = Facts {
                    reviews: reviews.get(&key).map(Vec::as_slice).unwrap_or(&[]),
                    signed_later: signed_later.contains(&key),
                };
                if filter.matches(&p, &facts) {
                    if notes.len() == size {
                        more = true;
                        break 'batches;
                    }
                    notes.push(n);
                }
                if i + 1 == count && !batch.more {
                    break 'batches;
                }
            }
        }
        let ids: Vec<String> = notes.iter().map(|n| n.id.clone()).collect();
        let addenda = self.addenda_of_ids(ids).await?;
        let (total, head) = self.total_and_head().await?;
        Ok(InboxPage {
            notes,
            addenda,
            total,
            head,
            more,
        })
    }
}

/// The reviews stored in `stored`, by the lower-case id of the note each
/// is of.
fn by_note(stored: &[StoredNote]) -> HashMap<String, Vec<ReviewV1>> {
    let mut map: HashMap<String, Vec<ReviewV1>> = HashMap::new();
    for r in stored
        .iter()
        .filter_map(|n| serde_json::from_value::<ReviewV1>(n.note.clone()).ok())
    {
        map.entry(r.note.id.to_ascii_lowercase())
            .or_default()
            .push(r);
    }
    map
}
