//! The outbox in the browser: the shell around the pure machine of
//! `machine.rs` (which decides when each entry is sent, one at a time, and
//! what each answer leads to; read its module documentation). This shell
//! feeds it events with the time now and a random jitter, and carries out
//! its commands in order: the Web Lock shared by all tabs (`locks.js`),
//! IndexedDB reads, writes and deletes of the outbox through
//! `crate::storage`, a refused note written back as a draft, the POST
//! (`http::send_as`), the wake-up timer, and the `OutboxEvent`s reported
//! to the one callback it is given. An entry leaves the outbox only on
//! 2xx or 409.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, spawn_local, JsFuture};

use super::http::{send_as, SendOptions};
use super::machine::{Command, Event, Machine};
use super::{network_failure, SendOutcome};
use crate::domain::outbox::OutboxEntry;
use crate::domain::Draft;
use crate::platform::{now_ms, window};
use crate::storage::{DraftStore, PutOutcome};
use crate::text::Lang;

pub use super::machine::OutboxEvent;

#[wasm_bindgen(module = "/src/delivery/locks.js")]
extern "C" {
    #[wasm_bindgen(js_name = withLock)]
    fn with_lock(name: &str, task: &js_sys::Function) -> js_sys::Promise;
}

type EventHook = Box<dyn Fn(OutboxEvent)>;
type OptionsHook = Box<dyn Fn() -> SendOptions>;

pub struct Outbox {
    store: DraftStore,
    scope: String,
    options: OptionsHook,
    on_event: EventHook,
    machine: RefCell<Machine>,
    /// The wake-up the machine asked for, if any.
    timer: RefCell<Option<i32>>,
}

impl Outbox {
    pub fn new(
        store: DraftStore,
        scope: String,
        lang: Lang,
        options: impl Fn() -> SendOptions + 'static,
        on_event: impl Fn(OutboxEvent) + 'static,
    ) -> Rc<Self> {
        let online = window().navigator().on_line();
        Rc::new(Outbox {
            store,
            machine: RefCell::new(Machine::new(scope.clone(), lang, online)),
            scope,
            options: Box::new(options),
            on_event: Box::new(on_event),
            timer: RefCell::new(None),
        })
    }

    /// Stops this outbox: no new passes, no timers (the next editor to
    /// load sends what is left).
    pub fn stop(self: &Rc<Self>) {
        self.dispatch(Event::Stop);
    }

    /// Sends whatever is due, now or as soon as the running pass ends.
    pub fn kick(self: &Rc<Self>) {
        self.dispatch(Event::Queued);
    }

    /// Starts sending when an editor loads. A pause stored by an earlier
    /// page (a 401/403, or a refused note that could not go back to the
    /// drafts) is lifted, since the worker may have signed in again since:
    /// each such note is tried once more, and pauses again if still refused.
    /// The pauses are lifted by the first pass, under the outbox's lock, so
    /// that no other tab is sending or deleting those entries meanwhile.
    pub fn start(self: &Rc<Self>) {
        self.dispatch(Event::Start);
    }

    /// Clears an auth pause and makes every entry due now: the host has new
    /// credentials, or called `retry()`. Done by the next pass, under the
    /// lock, as `start` is.
    pub fn retry_now(self: &Rc<Self>) {
        self.dispatch(Event::Resume);
    }

    /// The browser is online again: what is due is sent.
    pub fn online(self: &Rc<Self>) {
        self.dispatch(Event::Online);
    }

    /// The browser went offline: nothing is sent until it is back.
    pub fn offline(self: &Rc<Self>) {
        self.dispatch(Event::Offline);
    }

    /// One step of the machine, at the time now.
    fn step(&self, event: Event) -> Vec<Command> {
        let jitter = js_sys::Math::random();
        self.machine.borrow_mut().step(event, now_ms(), jitter)
    }

    /// Gives the machine `event` and carries out what it says.
    fn dispatch(self: &Rc<Self>, event: Event) {
        let commands = self.step(event);
        if !commands.is_empty() {
            let this = Rc::clone(self);
            spawn_local(async move { this.carry_out(commands).await });
        }
    }

    /// Carries out `commands` in order, each awaited, feeding every answer
    /// back to the machine and carrying out what follows, until the pass
    /// lets the lock go (or nothing is left to do).
    async fn carry_out(self: &Rc<Self>, commands: Vec<Command>) {
        let mut todo = VecDeque::from(commands);
        while let Some(command) = todo.pop_front() {
            let answer = match command {
                Command::Lock => {
                    self.lock();
                    None
                }
                Command::List => {
                    let entries = self.store.list_outbox(&self.scope).await;
                    Some(Event::Listed(entries.unwrap_or_default()))
                }
                Command::Send { serial, key, entry } => {
                    let outcome = self.send(&key, &entry).await;
                    Some(Event::Sent { serial, outcome })
                }
                Command::Put(entry) => {
                    let _ = self.store.put_outbox(&entry).await;
                    None
                }
                Command::Delete(id) => {
                    let _ = self.store.delete_outbox(&id).await;
                    None
                }
                Command::RecordSent(sent) => {
                    let _ = self.store.put_sent(&self.scope, &sent).await;
                    None
                }
                Command::ReturnToDrafts { serial, draft } => {
                    let written = self.return_to_drafts(*draft).await;
                    Some(Event::Returned { serial, written })
                }
                Command::Report(event) => {
                    (self.on_event)(event);
                    None
                }
                Command::WakeAt(at) => {
                    self.wake_at(at);
                    None
                }
                Command::CancelTimer => {
                    self.cancel_timer();
                    None
                }
                Command::Release => return,
            };
            if let Some(event) = answer {
                todo.extend(self.step(event));
            }
        }
    }

    /// Takes the outbox's Web Lock and runs the pass under it; tells the
    /// machine once the lock is let go.
    fn lock(self: &Rc<Self>) {
        let this = Rc::clone(self);
        spawn_local(async move {
            let name = format!("casenote-outbox:{}", this.scope);
            let inner = Rc::clone(&this);
            let task = Closure::once_into_js(move || {
                future_to_promise(async move {
                    let commands = inner.step(Event::Locked);
                    inner.carry_out(commands).await;
                    Ok(JsValue::UNDEFINED)
                })
            });
            let _ = JsFuture::from(with_lock(&name, task.unchecked_ref())).await;
            this.dispatch(Event::Released);
        });
    }

    /// One POST of `entry`, with the host's options as they are now.
    async fn send(&self, key: &str, entry: &OutboxEntry) -> SendOutcome {
        let Some(content) = entry.content.as_ref() else {
            // Never asked for: the machine sends only what this page can
            // open.
            return network_failure();
        };
        let options = (self.options)();
        send_as(
            &entry.endpoint,
            &content.body,
            &content.content_type,
            key,
            &options,
        )
        .await
    }

    /// Writes a refused note back as a draft: when a draft of it exists
    /// again (another tab), the version the worker submitted wins.
    async fn return_to_drafts(&self, mut draft: Draft) -> bool {
        let mut restored = self.store.put(&draft, 0).await;
        if let Ok(PutOutcome::Conflict { stored_revision }) = restored {
            draft.revision = stored_revision + 1;
            restored = self.store.put(&draft, stored_revision).await;
        }
        matches!(restored, Ok(PutOutcome::Written))
    }

    fn wake_at(self: &Rc<Self>, at: f64) {
        self.cancel_timer();
        let delay = (at - now_ms()).max(0.0) as i32;
        let this = Rc::clone(self);
        let cb = Closure::once_into_js(move || {
            this.timer.borrow_mut().take();
            this.dispatch(Event::TimerFired);
        });
        if let Ok(t) = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), delay)
        {
            *self.timer.borrow_mut() = Some(t);
        }
    }

    fn cancel_timer(&self) {
        if let Some(t) = self.timer.borrow_mut().take() {
            window().clear_timeout_with_handle(t);
        }
    }
}
