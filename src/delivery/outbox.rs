//! The outbox pump: sends every due entry of a scope, one at a time, under
//! a Web Lock shared by all tabs, and reschedules itself for the next due
//! entry. An entry leaves the outbox only on 2xx or 409.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, spawn_local, JsFuture};

use super::http::{send_as, SendOptions};
use super::{backoff_ms, SendOutcome};
use crate::delivery::HostError;
use crate::domain::outbox::{due, next_due_at, OutboxContent, OutboxEntry};
use crate::domain::sent::SentNote;
use crate::i18n::Lang;
use crate::platform::{now_ms, window};
use crate::storage::{DraftStore, StorageError};

#[wasm_bindgen(module = "/src/delivery/locks.js")]
extern "C" {
    #[wasm_bindgen(js_name = withLock)]
    fn with_lock(name: &str, task: &js_sys::Function) -> js_sys::Promise;
}

/// What happened to an entry, for the UI and the host's events.
#[derive(Clone, Debug)]
pub enum OutboxEvent {
    /// Everything now waiting in this scope, oldest first (for the
    /// indicator); reported whenever the outbox is read.
    Waiting(Vec<OutboxEntry>),
    Delivered {
        id: String,
        status: u16,
        body: String,
    },
    Retrying {
        id: String,
        status: Option<u16>,
        message: String,
        next_attempt_at: f64,
    },
    AuthRequired {
        id: String,
        status: u16,
        message: String,
    },
    Rejected {
        id: String,
        status: u16,
        message: String,
        errors: Vec<HostError>,
        content: Option<Box<OutboxContent>>,
    },
}

type EventHook = Box<dyn Fn(OutboxEvent)>;
type OptionsHook = Box<dyn Fn() -> SendOptions>;

pub struct Outbox {
    store: DraftStore,
    scope: String,
    /// The language of what the worker is told about each attempt.
    lang: Lang,
    options: OptionsHook,
    on_event: EventHook,
    running: Cell<bool>,
    again: Cell<bool>,
    auth_paused: Cell<bool>,
    /// Set by `start` and `retry_now`: the next pass lifts stored pauses,
    /// and with `due_now` (`retry_now`) makes every entry due at once.
    lift_pauses: Cell<bool>,
    due_now: Cell<bool>,
    timer: RefCell<Option<i32>>,
    /// Set when the editor is removed: no more sending from this instance
    /// (the next editor to load sends what is left).
    stopped: Cell<bool>,
}

impl Outbox {
    pub fn new(
        store: DraftStore,
        scope: String,
        lang: Lang,
        options: impl Fn() -> SendOptions + 'static,
        on_event: impl Fn(OutboxEvent) + 'static,
    ) -> Rc<Self> {
        Rc::new(Outbox {
            store,
            scope,
            lang,
            options: Box::new(options),
            on_event: Box::new(on_event),
            running: Cell::new(false),
            again: Cell::new(false),
            auth_paused: Cell::new(false),
            lift_pauses: Cell::new(false),
            due_now: Cell::new(false),
            timer: RefCell::new(None),
            stopped: Cell::new(false),
        })
    }

    /// Puts `entry` in the outbox (committed before this returns) and starts
    /// sending.
    pub async fn enqueue(self: &Rc<Self>, entry: &OutboxEntry) -> Result<(), StorageError> {
        self.store.put_outbox(entry).await?;
        self.kick();
        Ok(())
    }

    pub fn is_auth_paused(&self) -> bool {
        self.auth_paused.get()
    }

    /// Stops this outbox: no new passes, no timers.
    pub fn stop(&self) {
        self.stopped.set(true);
        if let Some(t) = self.timer.borrow_mut().take() {
            window().clear_timeout_with_handle(t);
        }
    }

    /// Sends whatever is due, now or as soon as the running pass ends.
    pub fn kick(self: &Rc<Self>) {
        if self.stopped.get() {
            return;
        }
        if self.running.get() {
            self.again.set(true);
            return;
        }
        self.running.set(true);
        let this = Rc::clone(self);
        spawn_local(async move {
            let name = format!("casenote-outbox:{}", this.scope);
            let inner = Rc::clone(&this);
            let task = Closure::once_into_js(move || {
                future_to_promise(async move {
                    inner.pump().await;
                    Ok(JsValue::UNDEFINED)
                })
            });
            let _ = JsFuture::from(with_lock(&name, task.unchecked_ref())).await;
            this.running.set(false);
            if this.again.replace(false) {
                this.kick();
            }
        });
    }

    /// Starts sending when an editor loads. A pause stored by an earlier
    /// page (a 401/403, or a refused note that could not go back to the
    /// drafts) is lifted, since the worker may have signed in again since:
    /// each such note is tried once more, and pauses again if still refused.
    /// The pauses are lifted by the first pass, under the outbox's lock, so
    /// that no other tab is sending or deleting those entries meanwhile.
    pub fn start(self: &Rc<Self>) {
        self.lift_pauses.set(true);
        self.kick();
    }

    /// Clears an auth pause and makes every entry due now: the host has new
    /// credentials, or called `retry()`. Done by the next pass, under the
    /// lock, as `start` is.
    pub fn retry_now(self: &Rc<Self>) {
        self.auth_paused.set(false);
        self.lift_pauses.set(true);
        self.due_now.set(true);
        self.kick();
    }

    /// Writes an entry back without re-sealing content we could not open.
    async fn put_back(&self, e: &OutboxEntry) -> Result<(), StorageError> {
        if e.content.is_none() && e.sealed.is_some() {
            // Sealed with a key we do not have: leave it untouched.
            return Ok(());
        }
        self.store.put_outbox(e).await
    }

    async fn refresh(&self) -> Vec<OutboxEntry> {
        let entries = self
            .store
            .list_outbox(&self.scope)
            .await
            .unwrap_or_default();
        (self.on_event)(OutboxEvent::Waiting(entries.clone()));
        entries
    }

    fn schedule(self: &Rc<Self>, entries: &[OutboxEntry]) {
        if let Some(t) = self.timer.borrow_mut().take() {
            window().clear_timeout_with_handle(t);
        }
        if self.auth_paused.get() {
            return;
        }
        let Some(at) = next_due_at(entries) else {
            return;
        };
        let delay = (at - now_ms()).clamp(0.0, 60_000.0) as i32;
        let this = Rc::clone(self);
        let cb = Closure::once_into_js(move || {
            this.timer.borrow_mut().take();
            this.kick();
        });
        if let Ok(t) = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), delay)
        {
            *self.timer.borrow_mut() = Some(t);
        }
    }

    async fn pump(self: &Rc<Self>) {
        if self.lift_pauses.replace(false) {
            let due_now = self.due_now.replace(false);
            if let Ok(entries) = self.store.list_outbox(&self.scope).await {
                let now = now_ms();
                for mut e in entries {
                    let waiting = due_now && e.next_attempt_at > now;
                    if e.paused || waiting {
                        e.paused = false;
                        if due_now {
                            e.next_attempt_at = now;
                        }
                        let _ = self.put_back(&e).await;
                    }
                }
            }
        }
        loop {
            let all = self.refresh().await;
            if self.stopped.get() || self.auth_paused.get() || !window().navigator().on_line() {
                break;
            }
            // Entries sealed with a key this page lacks wait for a page that
            // has it; they are neither due nor scheduled here.
            let entries: Vec<OutboxEntry> =
                all.into_iter().filter(|e| e.content.is_some()).collect();
            let now = now_ms();
            let due: Vec<OutboxEntry> = due(&entries, now).into_iter().cloned().collect();
            if due.is_empty() {
                self.schedule(&entries);
                break;
            }
            for entry in due {
                if !self.attempt(entry).await {
                    break;
                }
            }
        }
        self.refresh().await;
    }

    /// One attempt. Returns false when the outbox must stop (auth).
    async fn attempt(self: &Rc<Self>, mut entry: OutboxEntry) -> bool {
        let Some(content) = entry.content.clone() else {
            // Sealed with a key this page does not have: wait for it.
            return true;
        };
        let options = (self.options)();
        let outcome = send_as(
            &entry.endpoint,
            &content.body,
            &content.content_type,
            &entry.id,
            &options,
        )
        .await;
        let id = entry.id.clone();
        match outcome {
            SendOutcome::Delivered { status, body } => {
                // Listed as sent before it leaves the outbox; a failure to
                // list it never holds a delivered note back.
                if let Some(sent) = SentNote::delivered(&entry, now_ms()) {
                    let _ = self.store.put_sent(&self.scope, &sent).await;
                }
                let _ = self.store.delete_outbox(&id).await;
                (self.on_event)(OutboxEvent::Delivered { id, status, body });
                true
            }
            SendOutcome::Retry {
                status,
                failure,
                retry_after_ms,
            } => {
                let message = failure.message(self.lang);
                entry.attempts += 1;
                let wait = retry_after_ms
                    .unwrap_or_else(|| backoff_ms(entry.attempts, js_sys::Math::random()));
                entry.next_attempt_at = now_ms() + wait as f64;
                entry.last_status = status;
                entry.last_message = Some(message.clone());
                let _ = self.put_back(&entry).await;
                (self.on_event)(OutboxEvent::Retrying {
                    id,
                    status,
                    message,
                    next_attempt_at: entry.next_attempt_at,
                });
                true
            }
            SendOutcome::AuthRequired { status, failure } => {
                let message = failure.message(self.lang);
                self.auth_paused.set(true);
                entry.attempts += 1;
                entry.paused = true;
                entry.last_status = Some(status);
                entry.last_message = Some(message.clone());
                let _ = self.put_back(&entry).await;
                (self.on_event)(OutboxEvent::AuthRequired {
                    id,
                    status,
                    message,
                });
                false
            }
            SendOutcome::Rejected {
                status,
                failure,
                errors,
            } => {
                let message = failure.message(self.lang);
                // The refused note goes back to the drafts before it leaves
                // the outbox, whether or not an editor is still listening,
                // unsigned: it is fixed, then signed again.
                let mut note = content.note.clone();
                note.signature = None;
                let mut draft = crate::domain::Draft::new(&self.scope, 1, now_ms(), note);
                let mut restored = self.store.put(&draft, 0).await;
                if let Ok(crate::storage::PutOutcome::Conflict { stored_revision }) = restored {
                    // A draft of this note exists again (another tab): the
                    // version the worker submitted wins.
                    draft.revision = stored_revision + 1;
                    restored = self.store.put(&draft, stored_revision).await;
                }
                if !matches!(restored, Ok(crate::storage::PutOutcome::Written)) {
                    // Keep it queued (paused) rather than lose it.
                    entry.paused = true;
                    entry.last_status = Some(status);
                    entry.last_message = Some(message.clone());
                    let _ = self.put_back(&entry).await;
                    return true;
                }
                let _ = self.store.delete_outbox(&id).await;
                (self.on_event)(OutboxEvent::Rejected {
                    id,
                    status,
                    message,
                    errors,
                    content: Some(Box::new(content)),
                });
                true
            }
        }
    }
}
