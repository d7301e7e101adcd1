//! Coalescing autosave: a write starts as soon as an edit arrives; while it
//! runs, further edits wait as one pending write. At most one write runs and
//! one waits, so storage never falls behind by more than one save.
//!
//! Each write is checked against the revision this editor last wrote or
//! loaded; if another tab saved the draft in between, saving pauses and the
//! worker chooses (see `SaveState::Conflict`). A failed write keeps the text
//! in memory and is retried with backoff.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{Draft, Note};
use crate::platform::{now_ms, set_timeout};
use crate::storage::{DraftStore, PutOutcome};

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Idle,
    Saving,
    /// Saved at this time (epoch ms).
    Saved(f64),
    /// The last write failed; the text is in memory and a retry is scheduled.
    Failed(String),
    /// Another tab saved this draft: saving is paused until the worker chooses.
    Conflict,
}

type SavedHook = Box<dyn Fn(&Draft)>;

pub struct Autosave {
    store: DraftStore,
    scope: String,
    state: RwSignal<SaveState>,
    in_flight: Cell<bool>,
    pending: RefCell<Option<Note>>,
    /// The note most recently queued, to skip saves that change nothing.
    last: RefCell<Option<Note>>,
    /// The draft being edited and the revision storage holds for it.
    current: RefCell<String>,
    base: Cell<u32>,
    paused: Cell<bool>,
    retry_ms: Cell<i32>,
    retry_scheduled: Cell<bool>,
    /// Notes delivered or discarded: never written again, and removed if a
    /// write of theirs was already under way.
    closed: RefCell<HashSet<String>>,
    on_saved: RefCell<Option<SavedHook>>,
}

thread_local! {
    /// Draft writes running in this page, across editors.
    static WRITES_IN_FLIGHT: Cell<u32> = const { Cell::new(0) };
}

/// Resolves once no draft write is running in this page (or after `max_ms`):
/// a re-mounted editor then reads what the old one last wrote.
pub async fn writes_settled(max_ms: i32) {
    let mut waited = 0;
    while WRITES_IN_FLIGHT.with(Cell::get) > 0 && waited < max_ms {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            crate::platform::set_timeout(10, move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            })
        });
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        waited += 10;
    }
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
            pending: RefCell::new(None),
            last: RefCell::new(None),
            current: RefCell::new(String::new()),
            base: Cell::new(0),
            paused: Cell::new(false),
            retry_ms: Cell::new(FIRST_RETRY_MS),
            retry_scheduled: Cell::new(false),
            closed: RefCell::new(HashSet::new()),
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

    /// Starts editing `note`, which storage holds at `revision` (0: not stored).
    pub fn adopt(&self, note: Note, revision: u32) {
        *self.current.borrow_mut() = note.id.clone();
        self.base.set(revision);
        *self.last.borrow_mut() = Some(note);
        *self.pending.borrow_mut() = None;
        self.paused.set(false);
        self.state.set(SaveState::Idle);
    }

    /// Saves `note` (the worker's text, under a new id) as a new draft:
    /// "keep mine as a copy".
    pub fn fork(self: &Rc<Self>, note: Note) {
        self.adopt(note.clone(), 0);
        *self.last.borrow_mut() = None;
        self.save(note);
    }

    /// Saves `note` even though it equals what was last queued (after
    /// `adopt` of a version that storage does not hold exactly).
    pub fn flush_changed(self: &Rc<Self>, note: Note) {
        *self.last.borrow_mut() = None;
        self.save(note);
    }

    /// Shows that storage holds the note as of `ms`.
    pub fn saved_at(&self, ms: f64) {
        self.state.set(SaveState::Saved(ms));
    }

    /// True while something typed is not yet committed to storage.
    pub fn has_unsaved(&self) -> bool {
        self.in_flight.get()
            || self.pending.borrow().is_some()
            || matches!(
                self.state.get_untracked(),
                SaveState::Failed(_) | SaveState::Conflict
            )
    }

    /// Another tab saved draft `id` at `revision`.
    pub fn remote_saved(&self, id: &str, revision: u32) {
        if *self.current.borrow() == id && revision > self.base.get() {
            self.paused.set(true);
            self.state.set(SaveState::Conflict);
        }
    }

    /// Queues `note` for saving, unless it is unchanged or closed.
    pub fn save(self: &Rc<Self>, note: Note) {
        if self.closed.borrow().contains(&note.id) || *self.current.borrow() != note.id {
            return;
        }
        if self.last.borrow().as_ref() == Some(&note) {
            return;
        }
        *self.last.borrow_mut() = Some(note.clone());
        if self.in_flight.get() || self.paused.get() {
            *self.pending.borrow_mut() = Some(note);
            return;
        }
        self.run(note);
    }

    fn run(self: &Rc<Self>, note: Note) {
        self.in_flight.set(true);
        WRITES_IN_FLIGHT.with(|n| n.set(n.get() + 1));
        self.state.set(SaveState::Saving);
        let this = Rc::clone(self);
        spawn_local(async move {
            let mut next = Some(note);
            while let Some(note) = next.take() {
                let revision = this.base.get() + 1;
                let draft = Draft::new(&this.scope, revision, now_ms(), note);
                let result = this.store.put(&draft, this.base.get()).await;
                if this.closed.borrow().contains(&draft.id) {
                    let _ = this.store.delete(&draft.id).await;
                }
                match result {
                    Ok(PutOutcome::Written) => {
                        this.base.set(revision);
                        this.retry_ms.set(FIRST_RETRY_MS);
                        next = this.pending.borrow_mut().take();
                        if next.is_none() {
                            this.state.set(SaveState::Saved(draft.updated_at));
                        }
                        if let Some(hook) = this.on_saved.borrow().as_ref() {
                            hook(&draft);
                        }
                    }
                    Ok(PutOutcome::Conflict { .. }) => {
                        this.paused.set(true);
                        this.pending.borrow_mut().get_or_insert(draft.note);
                        this.state.set(SaveState::Conflict);
                    }
                    Err(e) => {
                        // Keep the text: it stays in the form and in
                        // `pending`, and is written again shortly.
                        this.pending.borrow_mut().get_or_insert(draft.note);
                        this.state.set(SaveState::Failed(e));
                        this.schedule_retry();
                    }
                }
            }
            this.in_flight.set(false);
            WRITES_IN_FLIGHT.with(|n| n.set(n.get().saturating_sub(1)));
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
            if this.in_flight.get() || this.paused.get() {
                return;
            }
            if let Some(note) = this.pending.borrow_mut().take() {
                this.run(note);
            }
        });
    }

    /// Writes `note` now if it differs from what was last queued.
    pub fn flush(self: &Rc<Self>, note: Note) {
        self.save(note);
    }

    /// Allows `id` to be saved again (a refused note back as a draft).
    pub fn reopen(&self, id: &str) {
        self.closed.borrow_mut().remove(id);
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
}
