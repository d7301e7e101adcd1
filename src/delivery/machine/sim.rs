//! A simulated page for the outbox tests: the machine, the outbox and
//! drafts in storage, a server that stores a note once, the Web Lock, a
//! timer, and the commands not yet done, done in order as the shell does
//! them. The invariants are checked here, as the commands are done and
//! after every event (`check`), and once everything has settled
//! (`check_settled`).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::{Command, Event, Machine, OutboxEvent};
use crate::delivery::{classify, network_failure, timed_out, SendOutcome};
use crate::domain::draft::Sealed;
use crate::domain::outbox::{OutboxContent, OutboxEntry};
use crate::domain::Note;
use crate::text::Lang;

/// How the server (or the network) answers a send.
#[derive(Clone, Copy, Debug)]
pub enum Answer {
    Created,
    Conflict,
    Busy,
    /// 429 with `Retry-After` in seconds.
    RateLimited(u32),
    Unauthorized,
    Forbidden,
    /// 422 with a field error.
    Refused,
    Unreachable,
    TimedOut,
    /// The server stored the note, but its answer was lost.
    DroppedAfterStore,
}

pub struct World {
    pub m: Machine,
    /// The outbox in storage, by note id.
    pub outbox: BTreeMap<String, OutboxEntry>,
    /// Drafts in storage: the refused notes that came back.
    pub drafts: BTreeSet<String>,
    /// What the server stores: each note once.
    pub server: BTreeSet<String>,
    /// Notes the machine was told were delivered (2xx or 409).
    pub acked: BTreeSet<String>,
    /// Every note ever queued with content.
    pub queued: BTreeSet<String>,
    /// The Idempotency-Keys each note was sent under.
    pub keys: BTreeMap<String, BTreeSet<String>>,
    /// Commands not yet done, oldest first (a `Send` at the head is out).
    pub todo: VecDeque<Command>,
    pub lock_wanted: bool,
    pub release_due: bool,
    pub timer: Option<f64>,
    /// Every answer given, to give again late.
    pub answers: Vec<Event>,
    /// What the session was told.
    pub reports: Vec<OutboxEvent>,
    pub now: f64,
    pub jitter: f64,
    notes: u32,
}

pub fn note_id(n: u32) -> String {
    format!("note-{n}")
}

impl World {
    pub fn new() -> Self {
        World {
            m: Machine::new("scope", Lang::En, true),
            outbox: BTreeMap::new(),
            drafts: BTreeSet::new(),
            server: BTreeSet::new(),
            acked: BTreeSet::new(),
            queued: BTreeSet::new(),
            keys: BTreeMap::new(),
            todo: VecDeque::new(),
            lock_wanted: false,
            release_due: false,
            timer: None,
            answers: Vec::new(),
            reports: Vec::new(),
            now: 1_000_000.0,
            jitter: 0.5,
            notes: 0,
        }
    }

    /// Feeds `event` to the machine; its commands join the list to do.
    pub fn step(&mut self, event: Event) {
        self.now += 10.0;
        let out = self.m.step(event, self.now, self.jitter);
        for c in out {
            match c {
                Command::Lock => {
                    assert!(!self.lock_wanted, "the lock asked for twice");
                    self.lock_wanted = true;
                }
                // Done at once by the shell, in whichever task it is.
                Command::WakeAt(at) => self.timer = Some(at),
                Command::CancelTimer => self.timer = None,
                other => self.todo.push_back(other),
            }
        }
        self.run_sync();
        self.check();
    }

    /// Does the commands at the head that need no answer from outside.
    fn run_sync(&mut self) {
        while let Some(c) = self.todo.front() {
            match c {
                Command::Report(_) => {
                    let Some(Command::Report(ev)) = self.todo.pop_front() else {
                        unreachable!()
                    };
                    self.reports.push(ev);
                }
                Command::Release => {
                    self.todo.pop_front();
                    assert!(self.todo.is_empty(), "commands after the lock was let go");
                    self.release_due = true;
                }
                _ => return,
            }
        }
    }

    /// A note is committed to the outbox (`sealed`: with a key this page
    /// does not have), and the outbox told.
    pub fn queue(&mut self, sealed: bool) {
        self.notes += 1;
        let id = note_id(self.notes);
        let mut note = Note::new(id.clone(), "soap", "t".into());
        note.client.name = format!("Client {}", self.notes);
        let content = OutboxContent {
            note,
            body: format!("{{\"id\":\"{id}\"}}"),
            content_type: "application/json".into(),
        };
        let mut entry = OutboxEntry::new("scope", "/api/notes", self.now, content);
        if sealed {
            entry.content = None;
            entry.sealed = Some(Sealed {
                iv: "iv".into(),
                data: "data".into(),
            });
        } else {
            self.queued.insert(id.clone());
        }
        self.outbox.insert(id, entry);
        self.step(Event::Queued);
    }

    /// Does the storage command at the head; `ok` false fails a return to
    /// the drafts. False when the head is not a storage command.
    pub fn io(&mut self, ok: bool) -> bool {
        let event = match self.todo.front() {
            Some(Command::List) => {
                self.todo.pop_front();
                Event::Listed(self.outbox.values().cloned().collect())
            }
            Some(Command::Put(_) | Command::Delete(_) | Command::RecordSent(_)) => {
                match self.todo.pop_front() {
                    Some(Command::Put(e)) => {
                        assert!(
                            self.outbox.contains_key(&e.id),
                            "{} written back after it left the outbox",
                            e.id
                        );
                        self.outbox.insert(e.id.clone(), *e);
                    }
                    Some(Command::Delete(id)) => {
                        assert!(
                            self.acked.contains(&id) || self.drafts.contains(&id),
                            "{id} deleted with no 2xx/409 and not back in the drafts"
                        );
                        self.outbox.remove(&id);
                    }
                    _ => {}
                }
                self.run_sync();
                self.check();
                return true;
            }
            Some(Command::ReturnToDrafts { .. }) => {
                let Some(Command::ReturnToDrafts { serial, draft }) = self.todo.pop_front() else {
                    unreachable!()
                };
                assert!(
                    draft.note.signature.is_none(),
                    "a refused note comes back unsigned"
                );
                if ok {
                    self.drafts.insert(draft.id.clone());
                }
                Event::Returned {
                    serial,
                    written: ok,
                }
            }
            _ => return false,
        };
        self.answers
            .extend(matches!(event, Event::Returned { .. }).then(|| event.clone()));
        self.step(event);
        true
    }

    /// The send at the head is answered. False when none is out.
    pub fn answer(&mut self, how: Answer) -> bool {
        let Some(Command::Send { .. }) = self.todo.front() else {
            return false;
        };
        let Some(Command::Send { serial, key, entry }) = self.todo.pop_front() else {
            unreachable!()
        };
        let note = entry
            .content
            .as_ref()
            .expect("sent with content")
            .note
            .id
            .clone();
        self.keys.entry(note.clone()).or_default().insert(key);
        let outcome = self.outcome(how, &note);
        if matches!(outcome, SendOutcome::Delivered { .. }) {
            self.acked.insert(note);
        }
        let event = Event::Sent { serial, outcome };
        self.answers.push(event.clone());
        self.step(event);
        true
    }

    fn outcome(&mut self, how: Answer, note: &str) -> SendOutcome {
        let fresh = !self.server.contains(note);
        let answer =
            |status: u16, body: &str, retry: Option<&str>| classify(status, body, retry, 0.0);
        match how {
            Answer::Created | Answer::Conflict if fresh => {
                self.server.insert(note.to_string());
                answer(201, "{\"status\":\"stored\"}", None)
            }
            // The server already has it: 409, whatever was asked.
            Answer::Created | Answer::Conflict => answer(409, "", None),
            Answer::DroppedAfterStore => {
                self.server.insert(note.to_string());
                network_failure()
            }
            Answer::Busy => answer(503, "", None),
            Answer::RateLimited(secs) => answer(429, "", Some(&secs.to_string())),
            Answer::Unauthorized => answer(401, "", None),
            Answer::Forbidden => answer(403, "", None),
            Answer::Refused if fresh => answer(
                422,
                r#"{"errors":[{"field":"service.date","message":"must be a date"}]}"#,
                None,
            ),
            Answer::Refused => answer(409, "", None),
            Answer::Unreachable => network_failure(),
            Answer::TimedOut => timed_out(30),
        }
    }

    pub fn grant(&mut self) -> bool {
        std::mem::take(&mut self.lock_wanted) && {
            self.step(Event::Locked);
            true
        }
    }

    pub fn unlock(&mut self) -> bool {
        std::mem::take(&mut self.release_due) && {
            self.step(Event::Released);
            true
        }
    }

    pub fn fire_timer(&mut self) -> bool {
        let Some(at) = self.timer.take() else {
            return false;
        };
        self.now = self.now.max(at);
        self.step(Event::TimerFired);
        true
    }

    /// The page is closed and loaded again: what was under way is gone (a
    /// send out may have reached the server), storage and the server stay.
    pub fn reload(&mut self, send_arrived: bool) {
        if let Some(Command::Send { entry, .. }) = self.todo.front() {
            if send_arrived {
                let note = entry.content.as_ref().expect("content").note.id.clone();
                self.server.insert(note);
            }
        }
        self.todo.clear();
        self.lock_wanted = false;
        self.release_due = false;
        self.timer = None;
        self.answers.clear();
        let online = self.m.online;
        self.m = Machine::new("scope", Lang::En, online);
        self.step(Event::Start);
    }

    /// The invariants that hold after every step.
    pub fn check(&self) {
        let sends = self.todo.iter();
        let sends = sends.filter(|c| matches!(c, Command::Send { .. })).count();
        assert!(sends <= 1, "{sends} sends at once");
        for (note, keys) in &self.keys {
            assert!(keys.len() <= 1, "{note} sent under the keys {keys:?}");
            assert!(keys.iter().all(|k| k == note), "{note} sent under {keys:?}");
        }
        for id in &self.queued {
            assert!(
                self.outbox.contains_key(id) || self.acked.contains(id) || self.drafts.contains(id),
                "{id} left the outbox neither delivered nor back in the drafts"
            );
        }
    }

    /// Everything under way done with storage working and the server
    /// answering 201, and timers fired: the connection comes back, the
    /// host gives credentials after a 401/403, and the page is loaded
    /// again when it stopped or when entries wait paused (a load lifts
    /// stored pauses). Nothing else kicks the outbox.
    pub fn settle(&mut self) {
        if !self.m.online {
            self.step(Event::Online);
        }
        for _ in 0..10_000 {
            let progressed = self.io(true)
                || self.answer(Answer::Created)
                || self.grant()
                || self.unlock()
                || self.fire_timer();
            if progressed {
                continue;
            }
            if self.m.auth_paused {
                self.step(Event::Resume);
            } else if self.m.stopped
                || self
                    .outbox
                    .values()
                    .any(|e| e.paused && e.content.is_some())
            {
                self.reload(false);
            } else {
                return;
            }
        }
        panic!("the outbox did not settle: {:?}", self.todo);
    }

    /// After settling, every note queued was delivered or is a draft
    /// again, and only what this page cannot open is left.
    pub fn check_settled(&self) {
        for id in &self.queued {
            assert!(
                self.server.contains(id) && self.acked.contains(id) || self.drafts.contains(id),
                "{id} was neither delivered nor returned to the drafts"
            );
        }
        for (id, e) in &self.outbox {
            assert!(e.content.is_none(), "{id} is still queued after settling");
        }
        assert!(!self.m.is_running() && self.todo.is_empty());
    }
}
