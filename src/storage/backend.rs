//! The one interface both places casenote stores records implement:
//! IndexedDB (`idb.rs`) and the localStorage fallback (`local.rs`). Each
//! has three kinds of record, drafts, outbox entries and sent notes, keyed
//! by note id and listed by scope. `DraftStore` (sealing, revisions, purging) is written
//! once against this trait.

use std::future::Future;
use std::pin::Pin;

use super::{PutOutcome, StorageError};
use crate::domain::draft::StoredDraft;
use crate::domain::outbox::OutboxEntry;
use crate::domain::sent::StoredSent;

/// A storage request under way.
pub type Pending<'a, T> = Pin<Box<dyn Future<Output = Result<T, StorageError>> + 'a>>;

/// The two kinds of record, by the store (or key prefix) that holds them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Drafts,
    Outbox,
    /// Notes this device sent, listed for a while after delivery.
    Sent,
}

impl RecordKind {
    /// The IndexedDB object store, and the localStorage key prefix.
    pub const fn store_name(self) -> &'static str {
        match self {
            RecordKind::Drafts => "drafts",
            RecordKind::Outbox => "outbox",
            RecordKind::Sent => "sent",
        }
    }
}

/// A record's id and last save time, read without decoding the rest, so
/// that a damaged record can still be purged.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamp {
    pub id: String,
    pub updated_at: Option<f64>,
}

pub trait Backend {
    /// Writes `draft` only if the stored revision is still `base` (0: not
    /// stored), atomically.
    fn put_draft_checked<'a>(
        &'a self,
        draft: &'a StoredDraft,
        base: u32,
    ) -> Pending<'a, PutOutcome>;
    fn put_entry<'a>(&'a self, entry: &'a OutboxEntry) -> Pending<'a, ()>;
    fn get_draft<'a>(&'a self, id: &'a str) -> Pending<'a, Option<StoredDraft>>;
    fn get_entry<'a>(&'a self, id: &'a str) -> Pending<'a, Option<OutboxEntry>>;
    /// Every readable draft of `scope`; one that cannot be read is skipped
    /// and left in place.
    fn drafts<'a>(&'a self, scope: &'a str) -> Pending<'a, Vec<StoredDraft>>;
    fn entries<'a>(&'a self, scope: &'a str) -> Pending<'a, Vec<OutboxEntry>>;
    fn put_sent<'a>(&'a self, sent: &'a StoredSent) -> Pending<'a, ()>;
    fn sent<'a>(&'a self, scope: &'a str) -> Pending<'a, Vec<StoredSent>>;
    fn stamps<'a>(&'a self, kind: RecordKind, scope: &'a str) -> Pending<'a, Vec<Stamp>>;
    fn delete<'a>(&'a self, kind: RecordKind, id: &'a str) -> Pending<'a, ()>;
    /// Whether this is the fallback, which a crash can cost the last
    /// seconds of typing.
    fn is_fallback(&self) -> bool;
}
