//! Conflict copies: while another tab's version of the current draft is
//! unresolved, this tab's text is saved under a copy of its own, linked to
//! the draft it came from, until the worker chooses.

use std::rc::Rc;

use leptos::prelude::*;

use super::{Autosave, SaveState};
use crate::domain::Note;
use crate::platform::new_uuid;
use crate::storage::StorageError;

/// The current note's conflict copy: this tab's text under its own id.
#[derive(Clone, Debug)]
pub(super) struct Divert {
    /// The draft another tab changed.
    pub(super) from: String,
    pub(super) copy: String,
}

impl Autosave {
    /// `note` as it is to be written: the current note's text goes to its
    /// conflict copy while there is one.
    pub(super) fn routed(&self, mut note: Note) -> Note {
        if let Some(d) = self.divert.borrow().as_ref() {
            if note.id == d.from {
                note.id = d.copy.clone();
            }
        }
        note
    }

    /// The draft `id` is a conflict copy of, if it is one.
    pub(super) fn original_of(&self, id: &str) -> Option<String> {
        self.links
            .borrow()
            .iter()
            .find(|(copy, _)| copy == id)
            .map(|(_, original)| original.clone())
    }

    /// Whether `id` is the note being edited, or its conflict copy.
    pub(super) fn is_current(&self, id: &str) -> bool {
        *self.current.borrow() == id || self.divert.borrow().as_ref().is_some_and(|d| d.copy == id)
    }

    pub(super) fn is_diverted(&self) -> bool {
        self.divert.borrow().is_some()
    }

    /// Another tab changed, submitted or discarded the current note's
    /// draft: from now on this tab's text is saved, at once and on every
    /// edit, as a conflict copy (its own id and revision, linked to the
    /// draft it came from), never over the other tab's version.
    pub fn divert_to_copy(self: &Rc<Self>) {
        if self.divert_to_copy_now() && !self.in_flight.get() {
            if let Some(next) = self.next_pending() {
                self.run(next);
            }
        }
    }

    /// Sets up the conflict copy and queues this tab's last text for it;
    /// false when there already is one.
    pub(super) fn divert_to_copy_now(&self) -> bool {
        if self.is_diverted() {
            return false;
        }
        let from = self.current.borrow().clone();
        let copy = new_uuid();
        self.links.borrow_mut().push((copy.clone(), from.clone()));
        *self.divert.borrow_mut() = Some(Divert {
            from: from.clone(),
            copy: copy.clone(),
        });
        self.state.set(SaveState::Conflict);
        // What this tab has that storage does not, written as the copy now
        // (a write still waiting for the original moves to the copy). Words
        // this tab had stored are in the other tab's version already: that
        // was built on them, or the revision check would have refused it.
        self.pending.borrow_mut().retain(|p| p.id != from);
        let last = self.last.borrow().clone();
        let unstored = last.filter(|n| n.id == from && Some(n) != self.committed.borrow().as_ref());
        if let Some(note) = unstored {
            self.queue(self.routed(note));
        }
        true
    }

    /// The worker keeps this tab's text: its conflict copy becomes a
    /// normal draft, edited from now on. Returns the copy's id (the form
    /// follows its text there).
    pub fn keep_copy(self: &Rc<Self>) -> Option<String> {
        let d = self.divert.borrow_mut().take()?;
        self.links.borrow_mut().retain(|(copy, _)| *copy != d.copy);
        *self.current.borrow_mut() = d.copy.clone();
        // The next save writes it again, without the link.
        *self.last.borrow_mut() = None;
        *self.committed.borrow_mut() = None;
        self.state.set(SaveState::Idle);
        Some(d.copy)
    }

    /// The worker lets this tab's text go (its note was submitted in
    /// another tab and they start a new note): the conflict copy is
    /// removed. Returns once it is.
    pub async fn discard_copy(self: &Rc<Self>) -> Result<(), StorageError> {
        let Some(d) = self.divert.borrow_mut().take() else {
            return Ok(());
        };
        self.forget(&d.from);
        self.close(&d.copy).await
    }

    /// Another tab saved draft `id` at `revision`.
    pub fn remote_saved(self: &Rc<Self>, id: &str, revision: u32) {
        if *self.current.borrow() == id && revision > self.base_of(id) {
            self.divert_to_copy();
        }
    }
}
