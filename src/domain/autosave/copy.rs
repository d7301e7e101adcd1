//! Conflict copies: while another tab's version of the current draft is
//! unresolved, this tab's text is saved under a copy of its own, linked to
//! the draft it came from, until the worker chooses. A draft the worker has
//! left that another tab changed keeps this tab's last words as a copy too.

use super::machine::{Autosave, Cx, Divert};
use super::{Command, SaveState};
use crate::{Draft, Note};

impl<E: Clone> Autosave<E> {
    /// `note` as it is to be written: the current note's text goes to its
    /// conflict copy while there is one.
    pub(super) fn routed(&self, mut note: Note) -> Note {
        if let Some(d) = &self.divert {
            if note.id == d.from {
                note.id = d.copy.clone();
            }
        }
        note
    }

    /// The draft `id` is a conflict copy of, if it is one.
    pub(super) fn original_of(&self, id: &str) -> Option<String> {
        self.links
            .iter()
            .find(|(copy, _)| copy == id)
            .map(|(_, original)| original.clone())
    }

    /// Whether `id` is the note being edited, or its conflict copy.
    pub(super) fn is_current(&self, id: &str) -> bool {
        self.current == id || self.divert.as_ref().is_some_and(|d| d.copy == id)
    }

    /// Another tab changed, submitted or discarded the current note's
    /// draft: from now on this tab's text is saved, at once and on every
    /// edit, as a conflict copy, never over the other tab's version.
    pub(super) fn divert_to_copy(&mut self, cx: &mut Cx) {
        if self.divert_now(cx) {
            self.kick(cx);
        }
    }

    /// Sets up the conflict copy and queues this tab's last text for it;
    /// false when there already is one.
    pub(super) fn divert_now(&mut self, cx: &mut Cx) -> bool {
        if self.divert.is_some() {
            return false;
        }
        let from = self.current.clone();
        let copy = (cx.new_id)();
        self.links.push((copy.clone(), from.clone()));
        self.divert = Some(Divert {
            from: from.clone(),
            copy,
        });
        self.show(SaveState::Conflict);
        // What this tab has that storage does not, written as the copy now
        // (a write still waiting for the original moves to the copy). Words
        // this tab had stored are in the other tab's version already: that
        // was built on them, or the revision check would have refused it.
        self.pending.retain(|p| p.id != from);
        let unstored = self
            .last
            .clone()
            .filter(|n| n.id == from && Some(n) != self.committed.as_ref());
        if let Some(note) = unstored {
            let note = self.routed(note);
            self.queue(note);
        }
        true
    }

    /// Another tab changed a draft this editor has left (or the current
    /// note's copy): its last words here are kept as one conflict copy (a
    /// newer waiting write becomes it).
    pub(super) fn copy_left_note(&mut self, draft: Draft, cx: &mut Cx) {
        let copy_id = (cx.new_id)();
        let from = self.original_of(&draft.id).unwrap_or(draft.id.clone());
        self.links.push((copy_id.clone(), from));
        // The current note's copy itself was changed or removed elsewhere:
        // its text moves on to the new copy, and so do the edits after it.
        if let Some(d) = self.divert.as_mut() {
            if d.copy == draft.id {
                d.copy = copy_id.clone();
            }
        }
        match self.pending.iter_mut().find(|p| p.id == draft.id) {
            Some(p) => p.id = copy_id,
            None => {
                let mut copy = draft.note;
                copy.id = copy_id;
                self.queue(copy);
            }
        }
    }

    /// The worker keeps this tab's text: its conflict copy becomes a normal
    /// draft, edited from now on.
    pub(super) fn keep_copy(&mut self) {
        let Some(d) = self.divert.take() else {
            return;
        };
        self.links.retain(|(copy, _)| *copy != d.copy);
        self.current = d.copy;
        // The next save writes it again, without the link.
        self.last = None;
        self.committed = None;
        self.show(SaveState::Idle);
    }

    /// The worker lets this tab's text go: the conflict copy is removed.
    pub(super) fn discard_copy(&mut self, cx: &mut Cx) {
        let Some(d) = self.divert.take() else {
            return;
        };
        for id in [d.from, d.copy.clone()] {
            if !self.closed.contains(&id) {
                self.closed.push(id.clone());
            }
            self.pending.retain(|p| p.id != id);
        }
        cx.out.push(Command::Delete(d.copy));
    }
}
