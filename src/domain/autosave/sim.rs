//! A simulated tab for the autosave tests: the machine, a draft store
//! that checks revisions as IndexedDB's does, another tab that writes and
//! deletes drafts, the commands not yet done, and what the worker typed
//! and is owed. The invariants are checked here (`check`, after each of the worker's
//! actions, which may be more than one event).

use std::collections::{BTreeMap, BTreeSet};

use super::{Autosave, Command, Event, SaveState};
use crate::{Draft, Note};

/// The storage error the simulation fails writes with.
#[derive(Clone, Debug, PartialEq)]
pub struct Fail;

/// A stored draft: its revision, every text it holds (another tab's
/// version holds the words it was built on too), who wrote it last.
#[derive(Clone, Debug)]
pub struct Rec {
    pub revision: u32,
    pub texts: Vec<String>,
    pub by_other: bool,
    pub copy_of: Option<String>,
}

pub struct World {
    pub m: Autosave<Fail>,
    pub store: BTreeMap<String, Rec>,
    /// Commands not yet done, oldest first.
    pub todo: Vec<Command>,
    /// The note in the form.
    pub form: Note,
    /// The last words typed into each note (by form id) not let go.
    pub owed: BTreeMap<String, String>,
    /// Texts that left for the other tab's outbox with a draft it sent.
    pub elsewhere: BTreeSet<String>,
    /// Drafts (id, revision) this editor loaded: it may write over those.
    pub loaded: BTreeSet<(String, u32)>,
    pub now: f64,
    ids: u32,
    texts: u32,
}

pub fn text_of(note: &Note) -> String {
    note.section("subjective")
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

impl World {
    pub fn new() -> Self {
        let mut w = World {
            m: Autosave::new("scope"),
            store: BTreeMap::new(),
            todo: Vec::new(),
            form: Note::new("n0".into(), "soap", "t".into()),
            owed: BTreeMap::new(),
            elsewhere: BTreeSet::new(),
            loaded: BTreeSet::new(),
            now: 1_000.0,
            ids: 0,
            texts: 0,
        };
        let note = w.form.clone();
        w.step(Event::Adopt { note, revision: 0 });
        w
    }

    pub fn fresh_id(&mut self) -> String {
        self.ids += 1;
        format!("n{}", self.ids)
    }

    /// Feeds `event` to the machine; its commands join the list to do.
    pub fn step(&mut self, event: Event<Fail>) {
        self.now += 10.0;
        let ids = &mut self.ids;
        let mut new_id = || {
            *ids += 1;
            format!("n{ids}")
        };
        let out = self.m.step(event, self.now, &mut new_id);
        let puts = out.iter().filter(|c| matches!(c, Command::Put { .. }));
        let outstanding = self
            .todo
            .iter()
            .filter(|c| matches!(c, Command::Put { .. }));
        assert!(
            puts.count() + outstanding.count() <= 1,
            "two writes at once"
        );
        self.todo.extend(out);
    }

    /// The worker types a word.
    pub fn type_word(&mut self) {
        self.texts += 1;
        let text = format!("t{}", self.texts);
        self.form.section_mut("subjective").text = text.clone();
        self.owed.insert(self.form.id.clone(), text);
        self.step(Event::Edit(self.form.clone()));
    }

    pub fn flush(&mut self) {
        self.step(Event::Edit(self.form.clone()));
    }

    /// Opens `note` stored at `revision` in the form.
    pub fn open(&mut self, note: Note, revision: u32) {
        if revision > 0 {
            self.loaded.insert((note.id.clone(), revision));
        }
        // Words built on by a save of this draft (another tab's, on top of
        // them) are carried by what is opened now: what the worker sees.
        if let Some(rec) = self.store.get(&note.id) {
            let built_on = rec.texts[..rec.texts.len().saturating_sub(1)].to_vec();
            self.owed.retain(|_, t| !built_on.contains(t));
        }
        // Words owed under another id (a copy's) are now this note's.
        let text = text_of(&note);
        if self.owed.values().any(|t| *t == text) {
            self.owed.retain(|_, t| *t != text);
            self.owed.insert(note.id.clone(), text);
        }
        self.form = note.clone();
        self.step(Event::Adopt { note, revision });
    }

    /// "Write another note": a flush, then a new note.
    pub fn start_new(&mut self) {
        self.flush();
        let id = self.fresh_id();
        self.open(Note::new(id, "soap", "t".into()), 0);
    }

    fn pos(&self, f: impl Fn(&Command) -> bool) -> Option<usize> {
        self.todo.iter().position(f)
    }

    /// Storage answers the outstanding write: `ok` false fails it.
    pub fn finish_put(&mut self, ok: bool) -> bool {
        let Some(i) = self.pos(|c| matches!(c, Command::Put { .. })) else {
            return false;
        };
        let Command::Put { draft, base } = self.todo.remove(i) else {
            unreachable!()
        };
        let draft = *draft;
        if !ok {
            self.step(Event::Failed(draft, Fail));
            return true;
        }
        let stored = self.store.get(&draft.id);
        if stored.map_or(0, |r| r.revision) != base {
            self.step(Event::Refused(draft));
            return true;
        }
        if let Some(r) = stored {
            assert!(
                !r.by_other || self.loaded.contains(&(draft.id.clone(), r.revision)),
                "a write replaced another tab's revision {} of {}",
                r.revision,
                draft.id
            );
        }
        self.put_rec(&draft, false);
        self.step(Event::Written(draft));
        true
    }

    fn put_rec(&mut self, draft: &Draft, by_other: bool) {
        let rec = Rec {
            revision: draft.revision,
            texts: vec![text_of(&draft.note)],
            by_other,
            copy_of: draft.copy_of.clone(),
        };
        self.store.insert(draft.id.clone(), rec);
    }

    pub fn finish_delete(&mut self) -> bool {
        let Some(i) = self.pos(|c| matches!(c, Command::Delete(_))) else {
            return false;
        };
        let Command::Delete(id) = self.todo.remove(i) else {
            unreachable!()
        };
        self.store.remove(&id);
        true
    }

    pub fn fire_timer(&mut self) -> bool {
        let Some(i) = self.pos(|c| matches!(c, Command::RetryAt(_))) else {
            return false;
        };
        self.todo.remove(i);
        self.step(Event::RetryDue);
        true
    }

    /// Announcements need nothing done.
    pub fn drop_announcements(&mut self) {
        self.todo.retain(|c| !matches!(c, Command::Announce { .. }));
    }

    /// Another tab saves draft `id` (built on what is stored), and may say
    /// so on the BroadcastChannel.
    pub fn other_saves(&mut self, id: &str, broadcast: bool) {
        let Some(rec) = self.store.get_mut(id) else {
            return;
        };
        self.texts += 1;
        rec.revision += 1;
        rec.texts.push(format!("o{}", self.texts));
        rec.by_other = true;
        let revision = rec.revision;
        if broadcast {
            let id = id.to_string();
            self.step(Event::RemoteSaved { id, revision });
        }
    }

    /// Another tab submits or discards draft `id`.
    pub fn other_removes(&mut self, id: &str) {
        if let Some(rec) = self.store.remove(id) {
            self.elsewhere.extend(rec.texts);
        }
    }

    /// Everything outstanding done, storage working, no other tab.
    pub fn settle(&mut self) {
        for _ in 0..200 {
            self.drop_announcements();
            if !(self.finish_put(true) || self.finish_delete() || self.fire_timer()) {
                return;
            }
        }
        panic!("autosave did not settle: {:?}", self.todo);
    }

    fn in_store(&self, text: &str) -> bool {
        self.elsewhere.contains(text)
            || self
                .store
                .values()
                .any(|r| r.texts.iter().any(|t| t == text))
    }

    /// Every edit owed is stored, or in a command not yet done (a write,
    /// or the retry that will start one).
    pub fn check(&self) {
        let retry = self.todo.iter().any(|c| matches!(c, Command::RetryAt(_)));
        let put_text = self.todo.iter().find_map(|c| match c {
            Command::Put { draft, .. } => Some(text_of(&draft.note)),
            _ => None,
        });
        for (id, text) in &self.owed {
            let waiting =
                self.m.pending.iter().any(|p| text_of(p) == *text) && (retry || put_text.is_some());
            assert!(
                self.in_store(text) || put_text.as_deref() == Some(text) || waiting,
                "the last words of {id} ({text}) are neither stored nor on their way"
            );
        }
    }

    /// After settling, every edit owed is in storage.
    pub fn check_settled(&self) {
        for (id, text) in &self.owed {
            assert!(self.in_store(text), "{id}: {text} not stored");
        }
        // Nothing waits, so the worker is not told that something does
        // (nor asked to stay on the page).
        assert!(
            !self.m.has_unsaved(),
            "settled, yet the state says words are unsaved: {:?}",
            self.m.save_state()
        );
        assert!(self.m.pending.is_empty() && !self.m.in_flight());
    }

    pub fn state(&self) -> &SaveState<Fail> {
        self.m.save_state()
    }

    /// The stored draft `id`'s text (its newest).
    pub fn stored_text(&self, id: &str) -> Option<&str> {
        self.store
            .get(id)
            .and_then(|r| r.texts.last())
            .map(String::as_str)
    }

    /// The ids of the stored conflict copies of `of`.
    pub fn copies_of(&self, of: &str) -> Vec<String> {
        let copies = self.store.iter();
        copies
            .filter(|(_, r)| r.copy_of.as_deref() == Some(of))
            .map(|(id, _)| id.clone())
            .collect()
    }
}
