//! Coalescing autosave: a write starts as soon as an edit arrives; while it
//! runs, further edits wait as one pending write per note. At most one write
//! runs, so storage never falls behind by more than one save of each note.
//! Revisions and pending writes are kept per note id: a write still running
//! for a note the worker has just left is finished under that note's own
//! revision, never under the next note's.
//!
//! Each write is checked against the revision this editor last wrote or
//! loaded. If another tab saved the draft in between (or removed it), this
//! tab's text goes on being saved on every edit, as a conflict copy: a draft
//! of its own, linked to the one it came from, never written over the other
//! tab's version. The worker then chooses what becomes of the copy (see
//! `SaveState::Conflict`). No edit is ever held only in memory, except
//! while storage itself fails: a failed write keeps the text in memory and
//! is retried with backoff.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;

use crate::domain::{Draft, Note};
use crate::storage::{DraftStore, StorageError};

mod copy;
mod settle;
mod write;

use copy::Divert;
pub use settle::{writes_settled, Busy};

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Idle,
    Saving,
    /// Saved at this time (epoch ms).
    Saved(f64),
    /// The last write failed; the text is in memory and a retry is scheduled.
    Failed(StorageError),
    /// Another tab saved (or removed) this draft: this tab's text is being
    /// saved as a separate copy until the worker chooses.
    Conflict,
    /// The same, and the copy holds this tab's text as of this time.
    SavedAsCopy(f64),
    /// The same, but writing the copy failed: the text is in memory and a
    /// retry is scheduled.
    CopyFailed(StorageError),
}

impl SaveState {
    /// Whether the worker has a two-tab conflict to resolve.
    pub fn is_conflict(&self) -> bool {
        matches!(
            self,
            SaveState::Conflict | SaveState::SavedAsCopy(_) | SaveState::CopyFailed(_)
        )
    }
}

type SavedHook = Box<dyn Fn(&Draft)>;

pub struct Autosave {
    store: DraftStore,
    scope: String,
    state: RwSignal<SaveState>,
    in_flight: Cell<bool>,
    /// Writes waiting, oldest first, at most one per note id.
    pending: RefCell<Vec<Note>>,
    /// The note most recently queued, to skip saves that change nothing.
    last: RefCell<Option<Note>>,
    /// The current note as storage last took it from this editor (or as
    /// it was loaded): another tab's later save was built on it.
    committed: RefCell<Option<Note>>,
    /// The draft being edited.
    current: RefCell<String>,
    /// The revision storage holds, per note id, as far as this editor knows.
    /// (A handful of notes per session: a list is smaller in wasm than a map.)
    bases: RefCell<Vec<(String, u32)>>,
    /// While the current note is in conflict: where its text is saved.
    divert: RefCell<Option<Divert>>,
    /// Conflict copies and the draft each came from (copy id, original id),
    /// written into each stored copy until the worker keeps it.
    links: RefCell<Vec<(String, String)>>,
    /// The note whose write is running.
    running: RefCell<Option<String>>,
    retry_ms: Cell<i32>,
    retry_scheduled: Cell<bool>,
    /// Notes delivered or discarded: never written again, and removed if a
    /// write of theirs was already under way.
    closed: RefCell<Vec<String>>,
    on_saved: RefCell<Option<SavedHook>>,
}

const FIRST_RETRY_MS: i32 = 2_000;
const MAX_RETRY_MS: i32 = 30_000;

impl Autosave {
    pub fn new(store: DraftStore, scope: String, state: RwSignal<SaveState>) -> Rc<Self> {
        Rc::new(Autosave {
            store,
            scope,
            state,
            in_flight: Cell::new(false),
            pending: RefCell::new(Vec::new()),
            last: RefCell::new(None),
            committed: RefCell::new(None),
            current: RefCell::new(String::new()),
            bases: RefCell::new(Vec::new()),
            running: RefCell::new(None),
            divert: RefCell::new(None),
            links: RefCell::new(Vec::new()),
            retry_ms: Cell::new(FIRST_RETRY_MS),
            retry_scheduled: Cell::new(false),
            closed: RefCell::new(Vec::new()),
            on_saved: RefCell::new(None),
        })
    }

    pub fn store(&self) -> &DraftStore {
        &self.store
    }

    pub fn scope(&self) -> &str {
        &self.scope
    }

    /// Called after every committed write.
    pub fn on_saved(&self, hook: impl Fn(&Draft) + 'static) {
        *self.on_saved.borrow_mut() = Some(Box::new(hook));
    }

    fn base_of(&self, id: &str) -> u32 {
        self.bases
            .borrow()
            .iter()
            .find(|(k, _)| k == id)
            .map_or(0, |(_, r)| *r)
    }

    fn set_base(&self, id: &str, revision: u32) {
        let mut bases = self.bases.borrow_mut();
        match bases.iter_mut().find(|(k, _)| k == id) {
            Some(entry) => entry.1 = revision,
            None => bases.push((id.to_string(), revision)),
        }
    }

    fn is_closed(&self, id: &str) -> bool {
        self.closed.borrow().iter().any(|c| c == id)
    }

    fn mark_closed(&self, id: String) {
        if !self.is_closed(&id) {
            self.closed.borrow_mut().push(id);
        }
    }

    /// Queues `note`, replacing a waiting write of the same note.
    fn queue(&self, note: Note) {
        let mut pending = self.pending.borrow_mut();
        match pending.iter_mut().find(|p| p.id == note.id) {
            Some(p) => *p = note,
            None => pending.push(note),
        }
    }

    /// Puts back a write that did not commit, unless a newer write of the
    /// same note is waiting. (A waiting write is always the newest: `save`
    /// drops an older one before it writes.)
    fn requeue(&self, note: Note) {
        if !self.pending.borrow().iter().any(|p| p.id == note.id) {
            self.pending.borrow_mut().push(note);
        }
    }

    /// The next write to run: the oldest.
    fn next_pending(&self) -> Option<Note> {
        let mut pending = self.pending.borrow_mut();
        (!pending.is_empty()).then(|| pending.remove(0))
    }

    /// Starts editing `note`, which storage holds at `revision` (0: not
    /// stored). Writes still waiting for other notes are kept and finished.
    pub fn adopt(self: &Rc<Self>, note: Note, revision: u32) {
        *self.current.borrow_mut() = note.id.clone();
        if revision > 0 {
            // A note stored as a draft is saved again, even if this editor
            // once submitted it (another tab's outbox may have brought it
            // back, refused).
            self.reopen(&note.id);
        }
        self.set_base(&note.id, revision);
        self.pending.borrow_mut().retain(|p| p.id != note.id);
        *self.committed.borrow_mut() = (revision > 0).then(|| note.clone());
        *self.last.borrow_mut() = Some(note);
        // A conflict copy left behind stays stored, and listed, as it is.
        *self.divert.borrow_mut() = None;
        self.state.set(SaveState::Idle);
        if !self.in_flight.get() {
            if let Some(next) = self.next_pending() {
                self.run(next);
            }
        }
    }

    /// Saves `note` (the worker's text, under a new id) as a new draft:
    /// "keep mine as a copy".
    pub fn fork(self: &Rc<Self>, note: Note) {
        // The text moves to the new id: the old id's waiting write goes.
        let old = self.current.borrow().clone();
        self.pending.borrow_mut().retain(|p| p.id != old);
        self.adopt(note.clone(), 0);
        *self.last.borrow_mut() = None;
        self.save(note);
    }

    /// Saves `note` even though it equals what was last queued (after
    /// `adopt` of a version that storage does not hold exactly).
    pub fn flush_changed(self: &Rc<Self>, note: Note) {
        *self.last.borrow_mut() = None;
        // Storage does not hold this yet.
        *self.committed.borrow_mut() = None;
        self.save(note);
    }

    /// Shows that storage holds the note as of `ms`.
    pub fn saved_at(&self, ms: f64) {
        self.state.set(SaveState::Saved(ms));
    }

    /// True while something typed is not yet committed to storage.
    pub fn has_unsaved(&self) -> bool {
        self.in_flight.get()
            || !self.pending.borrow().is_empty()
            || matches!(
                self.state.get_untracked(),
                SaveState::Failed(_) | SaveState::CopyFailed(_)
            )
    }

    /// Whether this editor has written draft `id` to storage.
    pub fn was_stored(&self, id: &str) -> bool {
        self.base_of(id) > 0
    }

    /// Stops saving `id` without touching storage: its draft is already
    /// gone (submitted or discarded in another tab) and the worker chose
    /// not to keep this tab's copy.
    pub fn forget(&self, id: &str) {
        self.mark_closed(id.to_string());
        self.pending.borrow_mut().retain(|p| p.id != id);
    }

    /// Queues `note` for saving, unless it is unchanged or closed.
    pub fn save(self: &Rc<Self>, note: Note) {
        if self.is_closed(&note.id) || *self.current.borrow() != note.id {
            return;
        }
        if self.last.borrow().as_ref() == Some(&note) {
            return;
        }
        *self.last.borrow_mut() = Some(note.clone());
        let note = self.routed(note);
        if self.in_flight.get() {
            self.queue(note);
            return;
        }
        // This write supersedes one left waiting by a failure.
        self.pending.borrow_mut().retain(|p| p.id != note.id);
        self.run(note);
    }

    /// The note being edited, as a waiting write not yet committed (after a
    /// failed write): newer than what storage holds.
    pub fn waiting(&self, id: &str) -> Option<Note> {
        self.pending.borrow().iter().find(|p| p.id == id).cloned()
    }

    /// Forgets every waiting write and stops the running one from landing:
    /// for `purgeDrafts()`, so nothing is written after a logout's purge.
    pub fn reset(&self) {
        let waiting: Vec<Note> = self.pending.borrow_mut().drain(..).collect();
        for p in waiting {
            self.mark_closed(p.id);
        }
        if let Some(id) = self.running.borrow().clone() {
            self.mark_closed(id);
        }
        self.mark_closed(self.current.borrow().clone());
        if let Some(d) = self.divert.borrow_mut().take() {
            self.mark_closed(d.copy);
        }
        self.bases.borrow_mut().clear();
    }

    /// Writes `note` now if it differs from what was last queued.
    pub fn flush(self: &Rc<Self>, note: Note) {
        self.save(note);
    }

    /// Allows `id` to be saved again (a refused note back as a draft).
    fn reopen(&self, id: &str) {
        self.closed.borrow_mut().retain(|c| c != id);
    }

    /// Stops saving `id` and removes its draft.
    pub async fn close(self: &Rc<Self>, id: &str) -> Result<(), StorageError> {
        self.forget(id);
        self.store.delete(id).await
    }
}
