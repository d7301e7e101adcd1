//! The outbox as a pure state machine: when to send which note, and what
//! each answer leads to, decided without a browser. The shell
//! (`outbox.rs`) feeds it [`Event`]s (an entry queued, the Web Lock taken,
//! the outbox read, a send's [`SendOutcome`], new credentials, online or
//! offline, a timer, stop) with the time now (epoch ms) and a jitter in
//! [0, 1), and carries out the [`Command`]s each step returns, in order.
//!
//! A pass runs under the Web Lock shared by all tabs: pauses stored by an
//! earlier page are lifted first (on `Start` and `Resume`), then the due
//! entries are sent one at a time, oldest first, with `Idempotency-Key` =
//! the note id, until none is due; then the next due one is woken for and
//! the lock let go. An entry leaves the outbox only on 2xx or 409; a
//! refused note goes back to the drafts before its entry is deleted;
//! 401/403 pauses everything until new credentials; `Retry-After` is
//! honoured, else capped exponential backoff with jitter; offline, nothing
//! is sent until online. What an answer leads to is in `machine/answer.rs`;
//! `machine/tests.rs` holds named cases, `machine/props.rs` every order.

mod answer;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod sim;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

use super::{HostError, SendOutcome};
use crate::domain::outbox::{due, next_due_at, OutboxContent, OutboxEntry};
use crate::domain::sent::SentNote;
use crate::domain::Draft;
use crate::text::Lang;

/// The longest the outbox sleeps before it reads itself again.
pub const MAX_SLEEP_MS: f64 = 60_000.0;

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

/// What happens to the outbox.
#[derive(Clone, Debug)]
pub enum Event {
    /// An entry was committed to the outbox (or something else may be
    /// due): send what is due, now or after the running pass.
    Queued,
    /// An editor loaded: pauses stored by an earlier page are lifted (the
    /// worker may have signed in again since), then what is due is sent.
    Start,
    /// New credentials, or the host's `retry()`: the auth pause ends and
    /// every entry is due now.
    Resume,
    Online,
    Offline,
    /// The wake-up a [`Command::WakeAt`] asked for.
    TimerFired,
    /// The editor was removed: no new passes, no timers, and no send after
    /// the next reading of the outbox (the next editor sends the rest).
    Stop,
    /// The Web Lock a [`Command::Lock`] asked for is held.
    Locked,
    /// The outbox as a [`Command::List`] read it (empty if it failed).
    Listed(Vec<OutboxEntry>),
    /// The answer to the [`Command::Send`] numbered `serial`.
    Sent {
        serial: u64,
        outcome: SendOutcome,
    },
    /// Whether the refused note of the [`Command::ReturnToDrafts`]
    /// numbered `serial` was written back as a draft.
    Returned {
        serial: u64,
        written: bool,
    },
    /// The Web Lock was let go after a [`Command::Release`].
    Released,
}

/// What the shell is to do, in order, each awaited before the next.
#[derive(Clone, Debug)]
pub enum Command {
    /// Take the outbox's Web Lock; answer [`Event::Locked`], and
    /// [`Event::Released`] once it is let go.
    Lock,
    /// Read this scope's outbox; answer [`Event::Listed`].
    List,
    /// POST the entry's body to its endpoint with `Idempotency-Key: key`;
    /// answer [`Event::Sent`] with `serial`. At most one is outstanding.
    Send {
        serial: u64,
        key: String,
        entry: Box<OutboxEntry>,
    },
    /// Write this entry back (its attempts, next attempt, pause, status).
    Put(Box<OutboxEntry>),
    /// Delete entry `id` from the outbox.
    Delete(String),
    /// List this note as sent (a failure to do so is ignored).
    RecordSent(Box<SentNote>),
    /// Write this refused note back as a draft (one past any draft of it
    /// stored since); answer [`Event::Returned`] with `serial` (its send's).
    ReturnToDrafts { serial: u64, draft: Box<Draft> },
    /// Tell the session.
    Report(OutboxEvent),
    /// Send [`Event::TimerFired`] at this time (epoch ms), instead of any
    /// wake-up asked for before.
    WakeAt(f64),
    /// No wake-up: forget the one asked for, if any.
    CancelTimer,
    /// Let the Web Lock go: the pass is over.
    Release,
}

/// Where the outbox is in its pass.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Phase {
    Idle,
    /// The lock is asked for.
    Locking,
    /// The outbox is being read to lift stored pauses.
    Lifting,
    /// The outbox is being read to find what is due.
    Listing,
    /// This entry is being sent (attempt `serial`).
    Sending {
        serial: u64,
        entry: Box<OutboxEntry>,
    },
    /// The note of the entry refused at send `serial` is being written
    /// back to the drafts.
    Returning {
        serial: u64,
        refused: Box<Refused>,
    },
    /// The outbox is read a last time, for the indicator.
    Closing,
    /// The lock is being let go.
    Releasing,
}

/// A refused entry while its note goes back to the drafts.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Refused {
    pub(super) entry: OutboxEntry,
    pub(super) status: u16,
    pub(super) message: String,
    pub(super) errors: Vec<HostError>,
}

/// One scope's outbox, as plain data. See the module documentation.
#[derive(Clone, Debug)]
pub struct Machine {
    pub(super) scope: String,
    /// The language of what the worker is told about each attempt.
    pub(super) lang: Lang,
    pub(super) phase: Phase,
    /// Due entries still to try in this round, oldest first.
    pub(super) batch: Vec<OutboxEntry>,
    /// Something became due while a pass was running: another follows.
    pub(super) again: bool,
    pub(super) online: bool,
    pub(super) stopped: bool,
    /// A 401/403: nothing is sent until [`Event::Resume`].
    pub(super) auth_paused: bool,
    /// The next pass first lifts stored pauses, and with `due_now` makes
    /// every entry due at once.
    pub(super) lift_pauses: bool,
    pub(super) due_now: bool,
    /// The number of the last send asked for.
    pub(super) serial: u64,
}

/// One step under way: the time now, the jitter, the commands so far.
pub(super) struct Cx {
    pub(super) now: f64,
    pub(super) jitter: f64,
    pub(super) out: Vec<Command>,
}

impl Machine {
    /// The outbox of `scope`, telling the worker in `lang`; `online` as
    /// the browser says now.
    pub fn new(scope: impl Into<String>, lang: Lang, online: bool) -> Self {
        Machine {
            scope: scope.into(),
            lang,
            phase: Phase::Idle,
            batch: Vec::new(),
            again: false,
            online,
            stopped: false,
            auth_paused: false,
            lift_pauses: false,
            due_now: false,
            serial: 0,
        }
    }

    /// Takes `event` at `now` (epoch ms); `jitter` in [0, 1) spreads a
    /// backoff. Returns what to do, in order.
    pub fn step(&mut self, event: Event, now: f64, jitter: f64) -> Vec<Command> {
        let mut cx = Cx {
            now,
            jitter,
            out: Vec::new(),
        };
        match event {
            Event::Queued | Event::TimerFired => self.kick(&mut cx),
            Event::Start => {
                self.lift_pauses = true;
                self.kick(&mut cx);
            }
            Event::Resume => {
                self.auth_paused = false;
                self.lift_pauses = true;
                self.due_now = true;
                self.kick(&mut cx);
            }
            Event::Online => {
                self.online = true;
                self.kick(&mut cx);
            }
            Event::Offline => self.online = false,
            Event::Stop => {
                self.stopped = true;
                cx.out.push(Command::CancelTimer);
            }
            Event::Locked if self.phase == Phase::Locking => self.locked(&mut cx),
            Event::Listed(entries) => self.listed(entries, &mut cx),
            Event::Sent { serial, outcome } => self.sent(serial, outcome, &mut cx),
            Event::Returned { serial, written } => self.returned(serial, written, &mut cx),
            Event::Released if self.phase == Phase::Releasing => {
                self.phase = Phase::Idle;
                if std::mem::take(&mut self.again) {
                    self.kick(&mut cx);
                }
            }
            Event::Locked | Event::Released => {}
        }
        cx.out
    }

    /// Whether a 401/403 holds the outbox until new credentials.
    pub fn is_auth_paused(&self) -> bool {
        self.auth_paused
    }

    /// Whether a pass is under way (or its lock asked for).
    pub fn is_running(&self) -> bool {
        self.phase != Phase::Idle
    }

    /// Starts a pass, or asks for another after the running one.
    fn kick(&mut self, cx: &mut Cx) {
        if self.stopped {
            return;
        }
        if self.phase != Phase::Idle {
            self.again = true;
            return;
        }
        self.phase = Phase::Locking;
        cx.out.push(Command::Lock);
    }

    fn locked(&mut self, cx: &mut Cx) {
        self.phase = if self.lift_pauses {
            Phase::Lifting
        } else {
            Phase::Listing
        };
        cx.out.push(Command::List);
    }

    fn listed(&mut self, entries: Vec<OutboxEntry>, cx: &mut Cx) {
        match self.phase {
            Phase::Lifting => self.lift(entries, cx),
            Phase::Listing => self.choose(entries, cx),
            Phase::Closing => {
                cx.out.push(Command::Report(OutboxEvent::Waiting(entries)));
                self.phase = Phase::Releasing;
                cx.out.push(Command::Release);
            }
            // Not asked for: nothing to do.
            _ => {}
        }
    }

    /// Lifts stored pauses (and with `due_now` every wait), then reads the
    /// outbox again to send.
    fn lift(&mut self, entries: Vec<OutboxEntry>, cx: &mut Cx) {
        self.lift_pauses = false;
        let due_now = std::mem::take(&mut self.due_now);
        for mut e in entries {
            let waiting = due_now && e.next_attempt_at > cx.now;
            if e.paused || waiting {
                e.paused = false;
                if due_now {
                    e.next_attempt_at = cx.now;
                }
                put_back(e, cx);
            }
        }
        self.phase = Phase::Listing;
        cx.out.push(Command::List);
    }

    /// The outbox as read at the top of a round: what is due is sent, one
    /// at a time; with nothing due, the next due entry is woken for.
    fn choose(&mut self, all: Vec<OutboxEntry>, cx: &mut Cx) {
        cx.out
            .push(Command::Report(OutboxEvent::Waiting(all.clone())));
        if self.stopped || self.auth_paused || !self.online {
            return self.close(cx);
        }
        // Entries sealed with a key this page lacks wait for a page that
        // has it; they are neither due nor woken for here.
        let entries: Vec<OutboxEntry> = all.into_iter().filter(|e| e.content.is_some()).collect();
        self.batch = due(&entries, cx.now).into_iter().cloned().collect();
        if self.batch.is_empty() {
            self.schedule(&entries, cx);
            return self.close(cx);
        }
        self.next(cx);
    }

    /// Asks for a wake-up when the next entry is due (at most a minute on).
    fn schedule(&self, entries: &[OutboxEntry], cx: &mut Cx) {
        match next_due_at(entries).filter(|_| !self.auth_paused) {
            Some(at) => {
                let delay = (at - cx.now).clamp(0.0, MAX_SLEEP_MS);
                cx.out.push(Command::WakeAt(cx.now + delay));
            }
            None => cx.out.push(Command::CancelTimer),
        }
    }

    /// Sends the next entry of the round, or reads the outbox again.
    pub(super) fn next(&mut self, cx: &mut Cx) {
        if self.batch.is_empty() {
            self.phase = Phase::Listing;
            cx.out.push(Command::List);
            return;
        }
        let entry = self.batch.remove(0);
        self.serial += 1;
        self.phase = Phase::Sending {
            serial: self.serial,
            entry: Box::new(entry.clone()),
        };
        cx.out.push(Command::Send {
            serial: self.serial,
            key: entry.id.clone(),
            entry: Box::new(entry),
        });
    }

    /// The round is over (auth, stop, offline, or nothing due): the outbox
    /// is read once more for the indicator, then the lock let go.
    pub(super) fn close(&mut self, cx: &mut Cx) {
        self.batch.clear();
        self.phase = Phase::Closing;
        cx.out.push(Command::List);
    }
}

/// Writes `e` back, unless its content is sealed with a key this page does
/// not have (it is left untouched rather than written without it).
pub(super) fn put_back(e: OutboxEntry, cx: &mut Cx) {
    if e.content.is_none() && e.sealed.is_some() {
        return;
    }
    cx.out.push(Command::Put(Box::new(e)));
}
