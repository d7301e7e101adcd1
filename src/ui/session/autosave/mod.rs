//! Autosave in the browser: the shell around the pure machine of
//! `domain::autosave` (which decides what is written, when, under which
//! revision, and what a conflict or a failure leads to; read its module
//! documentation). This shell feeds it events with the time now and fresh
//! ids, carries out its commands (`commands.rs`: IndexedDB puts and
//! deletes, the host's and other tabs' announcements, retry timers), and
//! shows its state in the `SaveState` signal. The count of writes under
//! way, for a re-mounted editor, is in `settle.rs`.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::domain::autosave::{Autosave as Machine, Event};
use crate::domain::Note;
use crate::platform::{new_uuid, now_ms};
use crate::storage::{DraftStore, StorageError};

mod commands;
mod settle;

pub(crate) use settle::writes_settled;
pub(in crate::ui) use settle::Busy;

/// What the worker is shown of saving (see the domain's `SaveState`).
pub type SaveState = crate::domain::autosave::SaveState<StorageError>;

type SavedHook = Box<dyn Fn(&str, u32)>;

pub(in crate::ui::session) struct Autosave {
    store: DraftStore,
    scope: String,
    state: RwSignal<SaveState>,
    machine: RefCell<Machine<StorageError>>,
    on_saved: RefCell<Option<SavedHook>>,
}

impl Autosave {
    pub fn new(store: DraftStore, scope: String, state: RwSignal<SaveState>) -> Rc<Self> {
        Rc::new(Autosave {
            store,
            machine: RefCell::new(Machine::new(scope.clone())),
            scope,
            state,
            on_saved: RefCell::new(None),
        })
    }

    pub fn store(&self) -> &DraftStore {
        &self.store
    }

    pub fn scope(&self) -> &str {
        &self.scope
    }

    /// Called after every committed write, with the draft's id and
    /// revision.
    pub fn on_saved(&self, hook: impl Fn(&str, u32) + 'static) {
        *self.on_saved.borrow_mut() = Some(Box::new(hook));
    }

    /// Gives the machine `event` and carries out what it says.
    fn dispatch(self: &Rc<Self>, event: Event<StorageError>) {
        let commands = self.step(event);
        self.carry_out(commands);
    }

    /// Starts editing `note`, which storage holds at `revision` (0: not
    /// stored). Writes still waiting for other notes are kept and finished.
    pub fn adopt(self: &Rc<Self>, note: Note, revision: u32) {
        self.dispatch(Event::Adopt { note, revision });
    }

    /// Saves `note` (the worker's text, under a new id) as a new draft:
    /// "keep mine as a copy".
    pub fn fork(self: &Rc<Self>, note: Note) {
        self.dispatch(Event::Fork(note));
    }

    /// Saves `note` even though it equals what was last queued (after
    /// `adopt` of a version that storage does not hold exactly).
    pub fn flush_changed(self: &Rc<Self>, note: Note) {
        self.dispatch(Event::Resave(note));
    }

    /// Shows that storage holds the note as of `ms`.
    pub fn saved_at(self: &Rc<Self>, ms: f64) {
        self.dispatch(Event::SavedAt(ms));
    }

    /// True while something typed is not yet committed to storage.
    pub fn has_unsaved(&self) -> bool {
        self.machine.borrow().has_unsaved()
    }

    /// Whether this editor has written draft `id` to storage.
    pub fn was_stored(&self, id: &str) -> bool {
        self.machine.borrow().was_stored(id)
    }

    /// Queues `note` for saving, unless it is unchanged or closed.
    pub fn save(self: &Rc<Self>, note: Note) {
        self.dispatch(Event::Edit(note));
    }

    /// Writes `note` now if it differs from what was last queued.
    pub fn flush(self: &Rc<Self>, note: Note) {
        self.save(note);
    }

    /// The note being edited, as a waiting write not yet committed (after a
    /// failed write): newer than what storage holds.
    pub fn waiting(&self, id: &str) -> Option<Note> {
        self.machine.borrow().waiting(id).cloned()
    }

    /// Forgets every waiting write and stops the running one from landing:
    /// for `purgeDrafts()`, so nothing is written after a logout's purge.
    pub fn reset(self: &Rc<Self>) {
        self.dispatch(Event::Reset);
    }

    /// Stops saving `id` and removes its draft.
    pub async fn close(self: &Rc<Self>, id: &str) -> Result<(), StorageError> {
        let commands = self.step(Event::Close(id.to_string()));
        self.carry_out_awaiting_deletes(commands).await
    }

    /// Another tab changed, submitted or discarded the current note's
    /// draft: from now on this tab's text is saved as a conflict copy.
    pub fn divert_to_copy(self: &Rc<Self>) {
        self.dispatch(Event::Divert);
    }

    /// The worker keeps this tab's text: its conflict copy becomes a
    /// normal draft, edited from now on. Returns the copy's id (the form
    /// follows its text there).
    pub fn keep_copy(self: &Rc<Self>) -> Option<String> {
        let copy = self.machine.borrow().copy_id().map(String::from);
        self.dispatch(Event::KeepCopy);
        copy
    }

    /// The worker lets this tab's text go (its note was submitted in
    /// another tab and they start a new note): the conflict copy is
    /// removed. Returns once it is.
    pub async fn discard_copy(self: &Rc<Self>) -> Result<(), StorageError> {
        let commands = self.step(Event::DiscardCopy);
        self.carry_out_awaiting_deletes(commands).await
    }

    /// Another tab saved draft `id` at `revision`.
    pub fn remote_saved(self: &Rc<Self>, id: &str, revision: u32) {
        self.dispatch(Event::RemoteSaved {
            id: id.to_string(),
            revision,
        });
    }
}

/// A fresh note id for a conflict copy.
fn fresh_id() -> String {
    new_uuid()
}

/// The time now, for the machine.
fn now() -> f64 {
    now_ms()
}
