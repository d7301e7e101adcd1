//! One draft write and what follows it: the revision checked, a conflict
//! turned into a copy, the next waiting write started, and a failed write
//! retried with backoff (2 s, doubling to 30 s) while its text stays here.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Autosave, Busy, SaveState, FIRST_RETRY_MS, MAX_RETRY_MS};
use crate::domain::{Draft, Note};
use crate::platform::{new_uuid, now_ms, set_timeout};
use crate::storage::PutOutcome;

impl Autosave {
    pub(super) fn run(self: &Rc<Self>, note: Note) {
        self.in_flight.set(true);
        let busy = Busy::new();
        if self.is_current(&note.id) {
            self.state.set(if self.is_diverted() {
                SaveState::Conflict
            } else {
                SaveState::Saving
            });
        }
        let this = Rc::clone(self);
        spawn_local(async move {
            let _busy = busy;
            let mut next = Some(note);
            while let Some(note) = next.take() {
                let base = this.base_of(&note.id);
                let original = this.original_of(&note.id);
                let draft = Draft::new(&this.scope, base + 1, now_ms(), note).copy_of(original);
                *this.running.borrow_mut() = Some(draft.id.clone());
                let result = this.store.put(&draft, base).await;
                *this.running.borrow_mut() = None;
                if this.is_closed(&draft.id) {
                    // Submitted, discarded or purged meanwhile: whatever
                    // this write did is undone, and nothing else follows.
                    let _ = this.store.delete(&draft.id).await;
                    next = this.next_pending();
                    continue;
                }
                let is_current = this.is_current(&draft.id);
                match result {
                    Ok(PutOutcome::Written) => {
                        this.set_base(&draft.id, draft.revision);
                        this.retry_ms.set(FIRST_RETRY_MS);
                        next = this.next_pending();
                        if is_current && next.is_none() {
                            this.state.set(if this.is_diverted() {
                                SaveState::SavedAsCopy(draft.updated_at)
                            } else {
                                SaveState::Saved(draft.updated_at)
                            });
                        }
                        if let Some(hook) = this.on_saved.borrow().as_ref() {
                            hook(&draft);
                        }
                        // Moved, not cloned: a large note is written on every
                        // keystroke.
                        if *this.current.borrow() == draft.id {
                            *this.committed.borrow_mut() = Some(draft.note);
                        }
                    }
                    Ok(PutOutcome::Conflict { .. })
                        if is_current && *this.current.borrow() == draft.id =>
                    {
                        // Another tab got there first: these words (or the
                        // newer ones queued since), and every edit after
                        // them, go to a conflict copy.
                        this.divert_to_copy_now();
                        next = this.next_pending();
                    }
                    Ok(PutOutcome::Conflict { .. }) => {
                        // Another tab changed a draft this editor has left:
                        // its last words here are kept as a conflict copy
                        // (one copy: a newer waiting write becomes it).
                        let copy_id = new_uuid();
                        let from = this.original_of(&draft.id).unwrap_or(draft.id.clone());
                        this.links.borrow_mut().push((copy_id.clone(), from));
                        // The current note's copy itself was changed or
                        // removed elsewhere: its text moves on to the new
                        // copy, and so do the edits after it.
                        if let Some(d) = this.divert.borrow_mut().as_mut() {
                            if d.copy == draft.id {
                                d.copy = copy_id.clone();
                            }
                        }
                        let waiting = {
                            let mut pending = this.pending.borrow_mut();
                            match pending.iter_mut().find(|p| p.id == draft.id) {
                                Some(p) => {
                                    p.id = copy_id.clone();
                                    true
                                }
                                None => false,
                            }
                        };
                        if !waiting {
                            let mut copy = draft.note;
                            copy.id = copy_id;
                            this.queue(copy);
                        }
                        next = this.next_pending();
                    }
                    Err(e) => {
                        // Keep the text: it stays in the form and in
                        // `pending`, and is written again shortly.
                        this.requeue(draft.note);
                        if is_current {
                            // Still in conflict: the worker's choice stays
                            // open, and the note stays unsendable until then.
                            this.state.set(if this.is_diverted() {
                                SaveState::CopyFailed(e)
                            } else {
                                SaveState::Failed(e)
                            });
                        }
                        this.schedule_retry();
                    }
                }
            }
            this.in_flight.set(false);
        });
    }

    fn schedule_retry(self: &Rc<Self>) {
        if self.retry_scheduled.replace(true) {
            return;
        }
        let delay = self.retry_ms.get();
        self.retry_ms.set((delay * 2).min(MAX_RETRY_MS));
        let this = Rc::clone(self);
        set_timeout(delay, move || {
            this.retry_scheduled.set(false);
            if this.in_flight.get() {
                return;
            }
            if let Some(note) = this.next_pending() {
                this.run(note);
            }
        });
    }
}
