//! Named cases of the outbox machine, over the simulated page of
//! `sim.rs`: what each answer leads to, in order, and when the next
//! attempt is made.

use super::sim::{note_id, Answer, World};
use super::{Command, Event, OutboxEvent};
use crate::delivery::{BASE_BACKOFF_MS, MAX_BACKOFF_MS};

/// A world with one note queued and its pass run up to the send.
fn sending_one() -> World {
    let mut w = World::new();
    w.queue(false);
    assert!(w.grant());
    while w.io(true) {}
    assert!(matches!(w.todo.front(), Some(Command::Send { .. })));
    w
}

fn send_key(w: &World) -> Option<&str> {
    match w.todo.front() {
        Some(Command::Send { key, .. }) => Some(key),
        _ => None,
    }
}

/// Runs the pass under way to its end (storage answering, no send).
fn finish_pass(w: &mut World) {
    while w.io(true) {}
    assert!(w.unlock());
}

fn kinds(w: &World) -> Vec<&'static str> {
    w.todo
        .iter()
        .map(|c| match c {
            Command::ReturnToDrafts { .. } => "return",
            Command::Delete(_) => "delete",
            Command::Put(_) => "put",
            Command::RecordSent(_) => "sent",
            Command::List => "list",
            Command::Send { .. } => "send",
            Command::Report(_) => "report",
            _ => "other",
        })
        .collect()
}

#[test]
fn a_note_is_sent_with_its_id_as_idempotency_key() {
    let w = sending_one();
    assert_eq!(send_key(&w), Some(note_id(1).as_str()));
}

#[test]
fn a_409_counts_as_delivered() {
    let mut w = sending_one();
    w.server.insert(note_id(1));
    assert!(w.answer(Answer::Conflict));
    assert_eq!(kinds(&w), ["sent", "delete", "report", "list"]);
    finish_pass(&mut w);
    assert!(w.outbox.is_empty());
    assert!(w
        .reports
        .iter()
        .any(|r| matches!(r, OutboxEvent::Delivered { id, status: 409, .. } if *id == note_id(1))));
}

#[test]
fn a_422_returns_the_note_to_the_drafts_then_deletes_its_entry() {
    let mut w = sending_one();
    assert!(w.answer(Answer::Refused));
    // Nothing is deleted until the note is a draft again.
    assert_eq!(kinds(&w), ["return"]);
    assert!(w.io(true));
    assert!(w.drafts.contains(&note_id(1)));
    assert_eq!(kinds(&w), ["delete", "report", "list"]);
    finish_pass(&mut w);
    assert!(w.outbox.is_empty());
    let rejected = w.reports.iter().find_map(|r| match r {
        OutboxEvent::Rejected {
            status,
            errors,
            content,
            ..
        } => Some((*status, errors.len(), content.is_some())),
        _ => None,
    });
    assert_eq!(rejected, Some((422, 1, true)));
}

#[test]
fn a_refused_note_that_cannot_go_back_to_the_drafts_stays_queued_paused() {
    let mut w = sending_one();
    assert!(w.answer(Answer::Refused));
    assert!(w.io(false));
    assert_eq!(kinds(&w), ["put", "list"]);
    finish_pass(&mut w);
    assert!(w.outbox[&note_id(1)].paused);
    assert!(!w
        .reports
        .iter()
        .any(|r| matches!(r, OutboxEvent::Rejected { .. })));
    // The next load lifts the pause and tries it again.
    w.reload(false);
    assert!(w.grant());
    while w.io(true) {}
    assert_eq!(send_key(&w), Some(note_id(1).as_str()));
}

#[test]
fn a_429_with_retry_after_waits_that_long() {
    let mut w = sending_one();
    assert!(w.answer(Answer::RateLimited(7)));
    let at = w.now + 7_000.0;
    assert!(w.io(true));
    assert_eq!(w.outbox[&note_id(1)].next_attempt_at, at);
    assert!(w.reports.iter().any(|r| matches!(
        r,
        OutboxEvent::Retrying { status: Some(429), next_attempt_at, .. } if *next_attempt_at == at
    )));
    finish_pass(&mut w);
    // Woken when it is due, not before.
    assert_eq!(w.timer, Some(at));
    assert!(w.fire_timer());
    assert!(w.grant());
    while w.io(true) {}
    assert_eq!(send_key(&w), Some(note_id(1).as_str()));
}

#[test]
fn a_401_pauses_everything_until_new_credentials() {
    let mut w = sending_one();
    w.queue(false);
    assert!(w.answer(Answer::Unauthorized));
    assert!(w.m.is_auth_paused());
    assert!(w.io(true));
    assert!(w.outbox[&note_id(1)].paused);
    while w.io(true) {}
    assert!(w.unlock());
    // The second note was queued during the pass: another pass runs, and
    // sends nothing, nor does going online or a timer.
    assert!(w.grant());
    finish_pass(&mut w);
    w.step(Event::Online);
    w.step(Event::Queued);
    assert!(w.grant());
    finish_pass(&mut w);
    assert!(w.keys.len() == 1 && w.timer.is_none());
    // New credentials: the pause is lifted and both go.
    w.step(Event::Resume);
    assert!(w.grant());
    while w.io(true) {}
    assert!(!w.outbox[&note_id(1)].paused);
    assert!(w.answer(Answer::Created));
    assert!(w.io(true) && w.io(true));
    assert_eq!(send_key(&w), Some(note_id(2).as_str()));
}

#[test]
fn backoff_grows_and_is_capped() {
    let mut w = sending_one();
    w.jitter = 0.0;
    let mut waits = Vec::new();
    for _ in 0..10 {
        assert!(w.answer(Answer::Busy));
        let now = w.now;
        assert!(w.io(true));
        waits.push((w.outbox[&note_id(1)].next_attempt_at - now) as u64);
        finish_pass(&mut w);
        assert!(w.fire_timer());
        assert!(w.grant());
        while w.io(true) {}
    }
    assert_eq!(waits[..4], [250, 500, 1_000, 2_000]);
    assert!(waits.windows(2).all(|p| p[1] >= p[0]));
    assert_eq!(*waits.last().unwrap(), MAX_BACKOFF_MS / 2);
    // With the most jitter, never past the cap.
    w.jitter = 0.999;
    assert!(w.answer(Answer::Unreachable));
    let now = w.now;
    assert!(w.io(true));
    let wait = w.outbox[&note_id(1)].next_attempt_at - now;
    assert!(wait > (MAX_BACKOFF_MS / 2) as f64 && wait <= MAX_BACKOFF_MS as f64);
    assert_eq!(BASE_BACKOFF_MS / 2, waits[0]);
}

#[test]
fn offline_nothing_is_sent_until_online() {
    let mut w = World::new();
    w.step(Event::Offline);
    w.queue(false);
    assert!(w.grant());
    finish_pass(&mut w);
    assert!(w.keys.is_empty());
    // The indicator was told, twice, as the pass read the outbox.
    let waiting = w.reports.iter();
    let waiting = waiting.filter(|r| matches!(r, OutboxEvent::Waiting(e) if e.len() == 1));
    assert_eq!(waiting.count(), 2);
    w.step(Event::Online);
    assert!(w.grant());
    while w.io(true) {}
    assert_eq!(send_key(&w), Some(note_id(1).as_str()));
}

#[test]
fn one_note_at_a_time_oldest_first() {
    let mut w = World::new();
    w.queue(false);
    w.queue(false);
    w.queue(false);
    assert!(w.grant());
    while w.io(true) {}
    for n in 1..=3 {
        assert_eq!(send_key(&w), Some(note_id(n).as_str()));
        assert!(w.answer(Answer::Created));
        while w.io(true) {}
    }
    assert!(w.unlock());
    // The two queued during the pass asked for one more.
    assert!(w.grant());
    finish_pass(&mut w);
    assert!(w.outbox.is_empty() && !w.m.is_running());
}

#[test]
fn a_late_or_repeated_answer_is_ignored() {
    let mut w = sending_one();
    assert!(w.answer(Answer::Busy));
    let late = w.answers[0].clone();
    finish_pass(&mut w);
    assert!(w.fire_timer() && w.grant());
    while w.io(true) {}
    // Out again: the first answer, given again, changes nothing.
    w.step(late);
    assert!(matches!(w.todo.front(), Some(Command::Send { .. })));
    assert_eq!(w.outbox[&note_id(1)].attempts, 1);
}

#[test]
fn stop_ends_sending_and_timers() {
    let mut w = sending_one();
    w.step(Event::Stop);
    assert!(w.answer(Answer::Busy));
    finish_pass(&mut w);
    assert!(w.timer.is_none());
    w.step(Event::Queued);
    w.step(Event::TimerFired);
    assert!(!w.grant());
    assert_eq!(w.outbox[&note_id(1)].attempts, 1);
}
