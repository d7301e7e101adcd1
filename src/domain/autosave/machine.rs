//! The autosave machine's state and its steps: queueing edits, starting
//! the next write, and what each write's result leads to (the next write,
//! a conflict copy, or a retry with backoff while the text stays here).

use super::{Command, Event, SaveState, FIRST_RETRY_MS, MAX_RETRY_MS};
use crate::{Draft, Note};

/// The current note's conflict copy: this tab's text under its own id.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Divert {
    /// The draft another tab changed.
    pub(super) from: String,
    pub(super) copy: String,
}

/// One editor's autosave, as plain data. See the module documentation.
#[derive(Clone, Debug)]
pub struct Autosave<E> {
    pub(super) scope: String,
    pub(super) state: SaveState<E>,
    /// Bumped each time the state is shown again (even unchanged), so the
    /// shell tells the worker as often as before.
    pub(super) shown: u32,
    /// The note whose write is outstanding (at most one).
    pub(super) running: Option<String>,
    /// Writes waiting, oldest first, at most one per note id.
    pub(super) pending: Vec<Note>,
    /// The note most recently queued, to skip saves that change nothing.
    pub(super) last: Option<Note>,
    /// The current note as storage last took it from this editor (or as
    /// it was loaded): another tab's later save was built on it.
    pub(super) committed: Option<Note>,
    /// The draft being edited.
    pub(super) current: String,
    /// The revision storage holds, per note id, as far as this editor
    /// knows. (A handful of notes per session: a list, not a map.)
    pub(super) bases: Vec<(String, u32)>,
    /// While the current note is in conflict: where its text is saved.
    pub(super) divert: Option<Divert>,
    /// Conflict copies and the draft each came from (copy id, original
    /// id), written into each stored copy until the worker keeps it.
    pub(super) links: Vec<(String, String)>,
    pub(super) retry_ms: u32,
    pub(super) retry_scheduled: bool,
    /// Notes delivered or discarded: never written again, and removed if a
    /// write of theirs was under way.
    pub(super) closed: Vec<String>,
}

/// One step under way: the time now, where new ids come from, and the
/// commands so far.
pub(super) struct Cx<'a> {
    pub(super) now: f64,
    pub(super) new_id: &'a mut dyn FnMut() -> String,
    pub(super) out: Vec<Command>,
}

impl<E: Clone> Autosave<E> {
    /// Autosave for drafts of `scope`, editing nothing yet.
    pub fn new(scope: impl Into<String>) -> Self {
        Autosave {
            scope: scope.into(),
            state: SaveState::Idle,
            shown: 0,
            running: None,
            pending: Vec::new(),
            last: None,
            committed: None,
            current: String::new(),
            bases: Vec::new(),
            divert: None,
            links: Vec::new(),
            retry_ms: FIRST_RETRY_MS,
            retry_scheduled: false,
            closed: Vec::new(),
        }
    }

    /// Takes `event` at time `now` (epoch ms); `new_id` gives a fresh
    /// note id when a conflict copy is made. Returns what to do, in order.
    pub fn step(
        &mut self,
        event: Event<E>,
        now: f64,
        new_id: &mut dyn FnMut() -> String,
    ) -> Vec<Command> {
        let mut cx = Cx {
            now,
            new_id,
            out: Vec::new(),
        };
        match event {
            Event::Adopt { note, revision } => self.adopt(note, revision, &mut cx),
            Event::Edit(note) => self.save(note, &mut cx),
            Event::Resave(note) => {
                self.last = None;
                // Storage does not hold this yet.
                self.committed = None;
                self.save(note, &mut cx);
            }
            Event::Fork(note) => {
                // The text moves to the new id: the old id's waiting write
                // goes.
                let old = self.current.clone();
                self.pending.retain(|p| p.id != old);
                self.adopt(note.clone(), 0, &mut cx);
                self.last = None;
                self.save(note, &mut cx);
            }
            Event::Written(draft) => self.written(draft, &mut cx),
            Event::Refused(draft) => self.refused(draft, &mut cx),
            Event::Failed(draft, e) => self.failed(draft, e, &mut cx),
            Event::RetryDue => {
                self.retry_scheduled = false;
                self.kick(&mut cx);
            }
            Event::RemoteSaved { id, revision } => {
                if self.current == id && revision > self.base_of(&id) {
                    self.divert_to_copy(&mut cx);
                }
            }
            Event::Divert => self.divert_to_copy(&mut cx),
            Event::KeepCopy => self.keep_copy(),
            Event::DiscardCopy => self.discard_copy(&mut cx),
            Event::Close(id) => {
                self.forget(&id);
                cx.out.push(Command::Delete(id));
            }
            Event::Forget(id) => self.forget(&id),
            Event::Reset => self.reset(),
            Event::SavedAt(ms) => self.show(SaveState::Saved(ms)),
        }
        cx.out
    }

    /// What the worker is shown.
    pub fn save_state(&self) -> &SaveState<E> {
        &self.state
    }

    /// How many times the state has been shown: the shell shows it again
    /// when this changes.
    pub fn shown(&self) -> u32 {
        self.shown
    }

    pub(super) fn show(&mut self, state: SaveState<E>) {
        self.state = state;
        self.shown = self.shown.wrapping_add(1);
    }

    /// True while something typed is not yet committed to storage.
    pub fn has_unsaved(&self) -> bool {
        self.running.is_some() || !self.pending.is_empty() || self.state.is_failed()
    }

    /// Whether this editor has written (or loaded) draft `id`.
    pub fn was_stored(&self, id: &str) -> bool {
        self.base_of(id) > 0
    }

    /// Note `id` as a waiting write not yet committed (after a failed
    /// write): newer than what storage holds.
    pub fn waiting(&self, id: &str) -> Option<&Note> {
        self.pending.iter().find(|p| p.id == id)
    }

    /// The current note's conflict copy, while there is one.
    pub fn copy_id(&self) -> Option<&str> {
        self.divert.as_ref().map(|d| d.copy.as_str())
    }

    /// Whether a write is outstanding.
    pub fn in_flight(&self) -> bool {
        self.running.is_some()
    }

    pub(super) fn base_of(&self, id: &str) -> u32 {
        self.bases
            .iter()
            .find(|(k, _)| k == id)
            .map_or(0, |(_, r)| *r)
    }

    fn set_base(&mut self, id: &str, revision: u32) {
        match self.bases.iter_mut().find(|(k, _)| k == id) {
            Some(entry) => entry.1 = revision,
            None => self.bases.push((id.to_string(), revision)),
        }
    }

    fn is_closed(&self, id: &str) -> bool {
        self.closed.iter().any(|c| c == id)
    }

    fn mark_closed(&mut self, id: String) {
        if !self.is_closed(&id) {
            self.closed.push(id);
        }
    }

    /// Queues `note`, replacing a waiting write of the same note.
    pub(super) fn queue(&mut self, note: Note) {
        match self.pending.iter_mut().find(|p| p.id == note.id) {
            Some(p) => *p = note,
            None => self.pending.push(note),
        }
    }

    /// Puts back a write that did not commit, unless a newer write of the
    /// same note is waiting. (A waiting write is always the newest: `save`
    /// drops an older one before it writes.)
    fn requeue(&mut self, note: Note) {
        if !self.pending.iter().any(|p| p.id == note.id) {
            self.pending.push(note);
        }
    }

    /// The next write to run: the oldest.
    fn next_pending(&mut self) -> Option<Note> {
        (!self.pending.is_empty()).then(|| self.pending.remove(0))
    }

    /// Starts the next waiting write, unless one is outstanding.
    pub(super) fn kick(&mut self, cx: &mut Cx) {
        if self.running.is_none() {
            if let Some(next) = self.next_pending() {
                self.start(next, true, cx);
            }
        }
    }

    /// Asks for `note` to be written. `fresh`: no write was running, so
    /// the worker is shown that this one is.
    fn start(&mut self, note: Note, fresh: bool, cx: &mut Cx) {
        if fresh && self.is_current(&note.id) {
            self.show(if self.divert.is_some() {
                SaveState::Conflict
            } else {
                SaveState::Saving
            });
        }
        let base = self.base_of(&note.id);
        let original = self.original_of(&note.id);
        let draft = Draft::new(&self.scope, base + 1, cx.now, note).copy_of(original);
        self.running = Some(draft.id.clone());
        cx.out.push(Command::Put {
            draft: Box::new(draft),
            base,
        });
    }

    /// After a write's result: the next waiting write, if any.
    fn go_on(&mut self, next: Option<Note>, cx: &mut Cx) {
        if let Some(note) = next {
            self.start(note, false, cx);
        }
    }

    fn adopt(&mut self, note: Note, revision: u32, cx: &mut Cx) {
        self.current = note.id.clone();
        if revision > 0 {
            // A note stored as a draft is saved again, even if this editor
            // once submitted it (another tab's outbox may have brought it
            // back, refused).
            self.closed.retain(|c| *c != note.id);
        }
        self.set_base(&note.id, revision);
        self.pending.retain(|p| p.id != note.id);
        self.committed = (revision > 0).then(|| note.clone());
        self.last = Some(note);
        // A conflict copy left behind stays stored, and listed, as it is.
        self.divert = None;
        self.show(SaveState::Idle);
        self.kick(cx);
    }

    /// Queues `note` for saving, unless it is unchanged or closed.
    fn save(&mut self, note: Note, cx: &mut Cx) {
        if self.is_closed(&note.id) || self.current != note.id {
            return;
        }
        if self.last.as_ref() == Some(&note) {
            return;
        }
        self.last = Some(note.clone());
        let note = self.routed(note);
        if self.running.is_some() {
            self.queue(note);
            return;
        }
        // This write supersedes one left waiting by a failure.
        self.pending.retain(|p| p.id != note.id);
        self.start(note, true, cx);
    }

    fn forget(&mut self, id: &str) {
        self.mark_closed(id.to_string());
        self.pending.retain(|p| p.id != id);
    }

    fn reset(&mut self) {
        for p in std::mem::take(&mut self.pending) {
            self.mark_closed(p.id);
        }
        if let Some(id) = self.running.clone() {
            self.mark_closed(id);
        }
        self.mark_closed(self.current.clone());
        if let Some(d) = self.divert.take() {
            self.mark_closed(d.copy);
        }
        self.bases.clear();
    }

    /// The write of `draft` has ended: true when the note was closed
    /// meanwhile, and whatever the write did is undone.
    fn landed_closed(&mut self, draft: &Draft, cx: &mut Cx) -> bool {
        self.running = None;
        if !self.is_closed(&draft.id) {
            return false;
        }
        // Submitted, discarded or purged meanwhile: nothing else follows.
        cx.out.push(Command::Delete(draft.id.clone()));
        let next = self.next_pending();
        self.go_on(next, cx);
        true
    }

    fn written(&mut self, draft: Draft, cx: &mut Cx) {
        if self.landed_closed(&draft, cx) {
            return;
        }
        let is_current = self.is_current(&draft.id);
        self.set_base(&draft.id, draft.revision);
        self.retry_ms = FIRST_RETRY_MS;
        let next = self.next_pending();
        // Saved once no newer words of this note wait, whatever another
        // note's write does next (it shows nothing of its own, so a
        // failure shown before would otherwise stay on screen).
        let newer_waits = next.iter().chain(&self.pending).any(|p| p.id == draft.id);
        if is_current && !newer_waits {
            self.show(if self.divert.is_some() {
                SaveState::SavedAsCopy(draft.updated_at)
            } else {
                SaveState::Saved(draft.updated_at)
            });
        }
        cx.out.push(Command::Announce {
            id: draft.id.clone(),
            revision: draft.revision,
        });
        if self.current == draft.id {
            // Moved, not cloned: a large note is written on every keystroke.
            self.committed = Some(draft.note);
        }
        self.go_on(next, cx);
    }

    fn refused(&mut self, draft: Draft, cx: &mut Cx) {
        if self.landed_closed(&draft, cx) {
            return;
        }
        if self.current == draft.id {
            // Another tab got there first: these words (or the newer ones
            // queued since), and every edit after them, go to a copy.
            self.divert_now(cx);
        } else {
            self.copy_left_note(draft, cx);
        }
        let next = self.next_pending();
        self.go_on(next, cx);
    }

    fn failed(&mut self, draft: Draft, e: E, cx: &mut Cx) {
        if self.landed_closed(&draft, cx) {
            return;
        }
        let is_current = self.is_current(&draft.id);
        // Keep the text: it stays in the form and in `pending`, and is
        // written again shortly.
        self.requeue(draft.note);
        if is_current {
            // Still in conflict: the worker's choice stays open, and the
            // note stays unsendable until then.
            self.show(if self.divert.is_some() {
                SaveState::CopyFailed(e)
            } else {
                SaveState::Failed(e)
            });
        }
        if !self.retry_scheduled {
            self.retry_scheduled = true;
            let delay = self.retry_ms;
            self.retry_ms = (delay * 2).min(MAX_RETRY_MS);
            cx.out.push(Command::RetryAt(cx.now + f64::from(delay)));
        }
    }
}
