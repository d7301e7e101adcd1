//! Every order of events, on the host: notes queued (some sealed with a
//! key this page lacks), storage answering (a return to the drafts
//! failing), the server answering every way it can (2xx, 409, 5xx, 429
//! with `Retry-After`, 401, 403, 422, no answer, a timeout, an answer lost
//! after the note was stored), answers given again late, the lock taken
//! and let go, timers, offline periods, new credentials, `retry()`, stops
//! and reloads. After every step (`World::check`, and as each command is
//! done): no note is sent under two Idempotency-Keys (nor under any but
//! its id); at most one send is out; an entry is deleted only after a 2xx
//! or 409, or once its refused note is back in the drafts; and every note
//! queued is still queued, delivered, or in the drafts. After settling,
//! every note queued was delivered or returned to the drafts.

use proptest::prelude::*;

use super::sim::{Answer, World};
use super::Event;

#[derive(Clone, Debug)]
enum Op {
    Queue,
    QueueSealed,
    Io,
    ReturnFails,
    Answer(Answer, u8),
    /// Whatever is under way goes on (the lock, storage, a timer) until a
    /// send is out, which is answered: long histories of one note.
    Drive(Answer),
    /// An answer given before, given again.
    Replay(usize),
    Grant,
    Unlock,
    Timer,
    Online,
    Offline,
    Resume,
    Start,
    Stop,
    Reload(bool),
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        4 => Just(Answer::Created),
        1 => Just(Answer::Conflict),
        2 => Just(Answer::Busy),
        1 => (0..120u32).prop_map(Answer::RateLimited),
        1 => Just(Answer::Unauthorized),
        1 => Just(Answer::Forbidden),
        1 => Just(Answer::Refused),
        2 => Just(Answer::Unreachable),
        1 => Just(Answer::TimedOut),
        1 => Just(Answer::DroppedAfterStore),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => Just(Op::Queue),
        1 => Just(Op::QueueSealed),
        8 => Just(Op::Io),
        1 => Just(Op::ReturnFails),
        6 => (answer(), any::<u8>()).prop_map(|(a, j)| Op::Answer(a, j)),
        4 => answer().prop_map(Op::Drive),
        2 => any::<usize>().prop_map(Op::Replay),
        4 => Just(Op::Grant),
        3 => Just(Op::Unlock),
        2 => Just(Op::Timer),
        1 => Just(Op::Online),
        1 => Just(Op::Offline),
        1 => Just(Op::Resume),
        1 => Just(Op::Start),
        1 => Just(Op::Stop),
        1 => any::<bool>().prop_map(Op::Reload),
    ]
}

fn apply(w: &mut World, op: Op) {
    match op {
        Op::Queue => w.queue(false),
        Op::QueueSealed => w.queue(true),
        Op::Io => drop(w.io(true)),
        Op::ReturnFails => drop(w.io(false)),
        Op::Answer(how, jitter) => {
            w.jitter = f64::from(jitter) / 256.0;
            let _ = w.answer(how);
        }
        Op::Drive(how) => {
            while !w.answer(how) {
                if !(w.io(true) || w.grant() || w.unlock() || w.fire_timer()) {
                    break;
                }
            }
        }
        Op::Replay(i) if !w.answers.is_empty() => {
            let event = w.answers[i % w.answers.len()].clone();
            w.step(event);
        }
        Op::Replay(_) => {}
        Op::Grant => drop(w.grant()),
        Op::Unlock => drop(w.unlock()),
        Op::Timer => drop(w.fire_timer()),
        Op::Online => w.step(Event::Online),
        Op::Offline => w.step(Event::Offline),
        Op::Resume => w.step(Event::Resume),
        Op::Start => w.step(Event::Start),
        Op::Stop => w.step(Event::Stop),
        Op::Reload(arrived) => w.reload(arrived),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 1024,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn one_key_per_note_one_send_at_a_time_and_no_entry_lost(
        ops in proptest::collection::vec(op(), 0..80)
    ) {
        let mut w = World::new();
        for op in ops {
            apply(&mut w, op);
        }
        w.settle();
        w.check_settled();
    }
}
