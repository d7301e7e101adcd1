//! Named cases of the autosave machine, over the simulated tab of
//! `sim.rs`. These are also the cases the browser tests drove through the
//! shell before the machine was pure (tests/web.rs keeps IndexedDB's own).

use super::sim::{Fail, World};
use super::{Command, Event, SaveState, FIRST_RETRY_MS};

fn put_texts(w: &World) -> Vec<String> {
    w.todo
        .iter()
        .filter_map(|c| match c {
            Command::Put { draft, .. } => Some(super::sim::text_of(&draft.note)),
            _ => None,
        })
        .collect()
}

#[test]
fn two_edits_during_one_write_coalesce_into_one_waiting_write() {
    let mut w = World::new();
    w.type_word(); // t1 written
    w.type_word(); // t2 waits
    w.type_word(); // t3 replaces it
    assert_eq!(put_texts(&w), ["t1"]);
    assert_eq!(w.m.pending.len(), 1);
    assert!(matches!(w.state(), SaveState::Saving));
    w.finish_put(true);
    assert_eq!(put_texts(&w), ["t3"]);
    w.settle();
    assert_eq!(w.stored_text("n0"), Some("t3"));
    assert_eq!(w.store["n0"].revision, 2);
    assert!(matches!(w.state(), SaveState::Saved(_)));
}

#[test]
fn a_failed_write_keeps_its_text_pending_and_is_retried_with_backoff() {
    let mut w = World::new();
    w.type_word();
    w.finish_put(false);
    assert_eq!(w.state(), &SaveState::Failed(Fail));
    assert!(w.m.has_unsaved());
    assert_eq!(
        w.m.waiting("n0").map(super::sim::text_of).as_deref(),
        Some("t1")
    );
    let at = w.todo.iter().find_map(|c| match c {
        Command::RetryAt(at) => Some(*at),
        _ => None,
    });
    assert_eq!(at, Some(w.now + f64::from(FIRST_RETRY_MS)));
    w.fire_timer();
    assert_eq!(put_texts(&w), ["t1"]);
    w.finish_put(false);
    // The wait doubles.
    assert!(w
        .todo
        .contains(&Command::RetryAt(w.now + f64::from(2 * FIRST_RETRY_MS))));
    w.settle();
    assert_eq!(w.stored_text("n0"), Some("t1"));
    assert!(!w.m.has_unsaved());
}

#[test]
fn a_conflict_diverts_this_tabs_words_to_a_linked_copy() {
    let mut w = World::new();
    w.type_word();
    w.settle();
    w.other_saves("n0", false);
    w.type_word(); // refused: another tab saved n0
    w.settle();
    assert!(matches!(w.state(), SaveState::SavedAsCopy(_)));
    let copies = w.copies_of("n0");
    assert_eq!(copies.len(), 1);
    assert_eq!(w.stored_text(&copies[0]), Some("t3"));
    assert_eq!(w.stored_text("n0"), Some("o2"), "theirs is untouched");
    // Every edit after goes to the same copy.
    w.type_word();
    w.settle();
    assert_eq!(w.copies_of("n0"), copies);
    assert_eq!(w.stored_text(&copies[0]), Some("t4"));
}

#[test]
fn told_of_another_tabs_save_every_edit_goes_to_one_copy_until_kept() {
    let mut w = World::new();
    w.type_word();
    w.settle();
    w.other_saves("n0", true);
    // What this tab had stored, the other version was built on.
    assert!(w.state().is_conflict());
    assert!(w.todo.is_empty() && !w.m.has_unsaved());
    w.type_word();
    w.type_word();
    w.settle();
    let copy = w.m.copy_id().unwrap().to_string();
    assert_eq!(w.copies_of("n0"), std::slice::from_ref(&copy));
    assert!(w.m.waiting("n0").is_none());
    // "Keep mine": the copy becomes a normal draft, without its link.
    w.step(Event::KeepCopy);
    w.form.id = copy.clone();
    w.type_word();
    w.settle();
    assert_eq!(w.store[&copy].copy_of, None);
    assert!(matches!(w.state(), SaveState::Saved(_)));
}

#[test]
fn switching_notes_mid_write_keeps_each_notes_last_words_and_revision() {
    let mut w = World::new();
    w.type_word(); // A: t1 running
    w.type_word(); // A: t2 waiting
    w.start_new(); // B, while A's write runs
    w.type_word(); // B: t3
    w.settle();
    assert_eq!(
        (w.store["n0"].revision, w.stored_text("n0")),
        (2, Some("t2"))
    );
    let b = w.form.id.clone();
    assert_eq!((w.store[&b].revision, w.stored_text(&b)), (1, Some("t3")));
    assert!(
        matches!(w.state(), SaveState::Saved(_)),
        "no false conflict"
    );
}

#[test]
fn a_left_note_changed_elsewhere_keeps_this_tabs_last_words_as_a_copy() {
    let mut w = World::new();
    w.type_word();
    w.settle();
    w.type_word(); // t2 on its way to n0
    w.other_saves("n0", false);
    w.start_new();
    w.settle();
    let copies = w.copies_of("n0");
    assert_eq!(copies.len(), 1);
    assert_eq!(w.stored_text(&copies[0]), Some("t2"));
}

#[test]
fn a_conflict_copy_changed_elsewhere_moves_on_to_one_new_copy() {
    let mut w = World::new();
    w.type_word();
    w.settle();
    w.other_saves("n0", true);
    w.type_word();
    w.settle();
    let first = w.m.copy_id().unwrap().to_string();
    w.other_removes(&first);
    for _ in 0..3 {
        w.type_word();
        w.settle();
    }
    let copies = w.copies_of("n0");
    assert_eq!(copies.len(), 1, "one new copy, not one per edit");
    assert_ne!(copies[0], first);
    assert_eq!(
        w.stored_text(&copies[0]),
        w.owed.get("n0").map(String::as_str)
    );
    assert_eq!(w.m.copy_id(), Some(copies[0].as_str()));
}

#[test]
fn a_note_gone_elsewhere_keeps_this_tabs_text_until_the_worker_lets_it_go() {
    let mut w = World::new();
    w.type_word();
    w.settle();
    w.other_removes("n0");
    w.step(Event::Divert); // a submit saw it gone
    w.type_word();
    w.settle();
    let copy = w.copies_of("n0");
    assert_eq!(copy.len(), 1);
    w.step(Event::DiscardCopy);
    assert_eq!(w.todo, [Command::Delete(copy[0].clone())]);
    w.settle();
    assert!(w.store.is_empty());
}

#[test]
fn a_stored_draft_opened_again_is_saved_even_after_this_editor_submitted_it() {
    let mut w = World::new();
    w.step(Event::Close("n0".into()));
    w.settle();
    // Another tab's outbox had it refused and wrote it back as a draft.
    w.store.insert(
        "n0".into(),
        super::sim::Rec {
            revision: 1,
            texts: vec![String::new()],
            by_other: true,
            copy_of: None,
        },
    );
    let note = w.form.clone();
    w.open(note, 1);
    w.type_word();
    w.settle();
    assert_eq!(
        (w.store["n0"].revision, w.stored_text("n0")),
        (2, Some("t1"))
    );
}

#[test]
fn a_write_landing_after_its_note_closed_is_undone() {
    let mut w = World::new();
    w.type_word();
    w.step(Event::Close("n0".into()));
    w.finish_delete();
    w.finish_put(true);
    assert!(w.todo.contains(&Command::Delete("n0".into())));
    w.settle();
    assert!(w.store.is_empty());
    // And a closed note is never written again.
    w.type_word();
    assert!(w.todo.is_empty());
}

#[test]
fn each_committed_write_is_announced() {
    let mut w = World::new();
    w.type_word();
    w.finish_put(true);
    assert!(w.todo.contains(&Command::Announce {
        id: "n0".into(),
        revision: 1
    }));
}

#[test]
fn words_typed_during_a_conflict_are_kept_when_the_worker_moves_to_another_note() {
    let mut w = World::new();
    w.type_word();
    w.settle();
    w.other_saves("n0", false);
    w.type_word(); // refused, then stored as the copy
    w.settle();
    assert!(matches!(w.state(), SaveState::SavedAsCopy(_)));
    w.type_word(); // and more, not yet written
    let last = w.owed["n0"].clone();
    // A new note without choosing, nothing more typed.
    let id = w.fresh_id();
    w.open(crate::Note::new(id, "soap", "t".into()), 0);
    w.settle();
    let copies = w.copies_of("n0");
    assert_eq!(copies.len(), 1);
    assert_eq!(w.stored_text(&copies[0]), Some(last.as_str()));
    assert_eq!(w.stored_text("n0"), Some("o2"));
}

#[test]
fn loading_the_other_version_leaves_the_copy_and_saves_over_theirs_from_then_on() {
    let mut w = World::new();
    w.type_word();
    w.settle();
    w.other_saves("n0", false);
    w.type_word();
    w.settle();
    // "Load the other version": the editor opens theirs; the copy stays.
    let mut theirs = w.form.clone();
    theirs.section_mut("subjective").text = "o2".into();
    w.open(theirs, 2);
    w.type_word();
    w.settle();
    assert_eq!(w.copies_of("n0").len(), 1);
    assert_eq!(
        (w.store["n0"].revision, w.stored_text("n0")),
        (3, Some("t4"))
    );
    assert!(matches!(w.state(), SaveState::Saved(_)));
}
