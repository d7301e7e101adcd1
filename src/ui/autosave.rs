//! Coalescing autosave: a write starts as soon as an edit arrives; while it
//! runs, further edits wait as one pending write. At most one write runs and
//! one waits, so storage never falls behind by more than one save.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{Draft, Note};
use crate::platform::now_ms;
use crate::storage::DraftStore;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Idle,
    Saving,
    /// Saved at this time (epoch ms).
    Saved(f64),
    Failed(String),
}

pub struct Autosave {
    store: DraftStore,
    scope: String,
    state: RwSignal<SaveState>,
    in_flight: Cell<bool>,
    pending: RefCell<Option<Draft>>,
    /// The note most recently queued, to skip saves that change nothing.
    last: RefCell<Option<Note>>,
    revision: Cell<u32>,
    /// Notes delivered or discarded: never written again, and removed if a
    /// write of theirs was already under way.
    closed: RefCell<HashSet<String>>,
}

impl Autosave {
    pub fn new(store: DraftStore, scope: String, state: RwSignal<SaveState>) -> Rc<Self> {
        Rc::new(Autosave {
            store,
            scope,
            state,
            in_flight: Cell::new(false),
            pending: RefCell::new(None),
            last: RefCell::new(None),
            revision: Cell::new(0),
            closed: RefCell::new(HashSet::new()),
        })
    }

    /// Marks `note` as what storage already holds (after a load), at `revision`.
    pub fn mark_saved(&self, note: Note, revision: u32) {
        self.revision.set(revision);
        *self.last.borrow_mut() = Some(note);
    }

    /// Queues `note` for saving, unless it is unchanged or closed.
    pub fn save(self: &Rc<Self>, note: Note) {
        if self.closed.borrow().contains(&note.id) {
            return;
        }
        if self.last.borrow().as_ref() == Some(&note) {
            return;
        }
        *self.last.borrow_mut() = Some(note.clone());
        self.revision.set(self.revision.get() + 1);
        let draft = Draft::new(&self.scope, self.revision.get(), now_ms(), note);
        if self.in_flight.get() {
            *self.pending.borrow_mut() = Some(draft);
            return;
        }
        self.in_flight.set(true);
        self.state.set(SaveState::Saving);
        let this = Rc::clone(self);
        spawn_local(async move {
            let mut next = Some(draft);
            while let Some(draft) = next.take() {
                let result = this.store.put(&draft).await;
                if this.closed.borrow().contains(&draft.id) {
                    let _ = this.store.delete(&draft.id).await;
                }
                next = this.pending.borrow_mut().take();
                match result {
                    // "Saved" only once nothing newer is waiting.
                    Ok(()) if next.is_none() => this.state.set(SaveState::Saved(draft.updated_at)),
                    Ok(()) => {}
                    Err(e) => {
                        // Keep the text: it stays in the form, and the next
                        // edit or flush writes it again.
                        *this.last.borrow_mut() = None;
                        this.state.set(SaveState::Failed(e));
                    }
                }
            }
            this.in_flight.set(false);
        });
    }

    /// Writes `note` now if it differs from what was last queued.
    pub fn flush(self: &Rc<Self>, note: Note) {
        self.save(note);
    }

    /// Stops saving `id` and removes its draft.
    pub async fn close(self: &Rc<Self>, id: &str) -> Result<(), String> {
        self.closed.borrow_mut().insert(id.to_string());
        {
            let mut pending = self.pending.borrow_mut();
            if pending.as_ref().is_some_and(|p| p.id == id) {
                pending.take();
            }
        }
        self.store.delete(id).await
    }

    /// Starts afresh for a new note.
    pub fn reset(&self, note: Note) {
        *self.last.borrow_mut() = Some(note);
        self.revision.set(0);
        self.state.set(SaveState::Idle);
    }
}
