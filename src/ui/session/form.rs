//! The editor's state as fine-grained signals, and its conversion to and
//! from a domain [`Note`].

use crate::text::Lang;
use std::sync::atomic::{AtomicU64, Ordering};

use leptos::prelude::*;

use crate::domain::contact::{ContactMode, Participant, ParticipantRole};
use crate::domain::follow_up::{FollowUp, FollowUpMark, Owner};
use crate::domain::record::{AddendumLink, Signature};
use crate::domain::{
    Client, GoalProgress, Intervention, Note, Person, Quote, SectionEntry, ServiceTime, Speaker,
    Template,
};
use crate::writing::dismissal::Dismissal;

static NEXT_UID: AtomicU64 = AtomicU64::new(1);

fn uid() -> u64 {
    NEXT_UID.fetch_add(1, Ordering::Relaxed)
}

/// One quote being edited.
#[derive(Clone, Copy)]
pub struct QuoteState {
    pub uid: u64,
    pub text: RwSignal<String>,
    pub speaker: RwSignal<Speaker>,
    pub context: RwSignal<String>,
    /// Marked from the section's text, where its words stand in quotes.
    pub in_text: bool,
}

impl QuoteState {
    pub fn new(q: &Quote) -> Self {
        QuoteState {
            uid: uid(),
            text: RwSignal::new(q.text.clone()),
            speaker: RwSignal::new(q.speaker),
            context: RwSignal::new(q.context.clone().unwrap_or_default()),
            in_text: q.in_text,
        }
    }

    fn snapshot(&self) -> Quote {
        let context = self.context.get();
        Quote {
            text: self.text.get(),
            speaker: self.speaker.get(),
            context: (!context.trim().is_empty()).then_some(context),
            in_text: self.in_text,
        }
    }
}

/// One intervention being edited.
#[derive(Clone, Copy)]
pub struct InterventionState {
    pub uid: u64,
    pub description: RwSignal<String>,
    pub rationale: RwSignal<String>,
    pub client_response: RwSignal<String>,
    pub deviates: RwSignal<bool>,
}

impl InterventionState {
    pub fn new(i: &Intervention) -> Self {
        InterventionState {
            uid: uid(),
            description: RwSignal::new(i.description.clone()),
            rationale: RwSignal::new(i.rationale.clone()),
            client_response: RwSignal::new(i.client_response.clone()),
            deviates: RwSignal::new(i.deviates),
        }
    }

    fn snapshot(&self) -> Intervention {
        Intervention {
            description: self.description.get(),
            rationale: self.rationale.get(),
            client_response: self.client_response.get(),
            deviates: self.deviates.get(),
        }
    }
}

/// One participant being edited.
#[derive(Clone, Copy)]
pub struct ParticipantState {
    pub uid: u64,
    pub name: RwSignal<String>,
    pub role: RwSignal<ParticipantRole>,
    pub relationship: RwSignal<String>,
}

impl ParticipantState {
    pub fn new(p: &Participant) -> Self {
        ParticipantState {
            uid: uid(),
            name: RwSignal::new(p.name.clone()),
            role: RwSignal::new(p.role),
            relationship: RwSignal::new(p.relationship.clone()),
        }
    }

    fn snapshot(&self) -> Participant {
        Participant {
            name: self.name.get(),
            role: self.role.get(),
            relationship: self.relationship.get(),
        }
    }
}

/// One follow-up being edited.
#[derive(Clone, Copy)]
pub struct FollowUpState {
    pub uid: u64,
    pub what: RwSignal<String>,
    pub who: RwSignal<Owner>,
    pub who_name: RwSignal<String>,
    pub due: RwSignal<String>,
}

impl FollowUpState {
    pub fn new(f: &FollowUp) -> Self {
        FollowUpState {
            uid: uid(),
            what: RwSignal::new(f.what.clone()),
            who: RwSignal::new(f.who),
            who_name: RwSignal::new(f.who_name.clone()),
            due: RwSignal::new(f.due.clone()),
        }
    }

    fn snapshot(&self) -> FollowUp {
        FollowUp {
            what: self.what.get(),
            who: self.who.get(),
            who_name: self.who_name.get(),
            due: self.due.get(),
        }
    }
}

/// One section being edited.
#[derive(Clone)]
pub struct SectionState {
    pub key: String,
    pub text: RwSignal<String>,
    pub quotes: RwSignal<Vec<QuoteState>>,
}

impl SectionState {
    fn new(key: &str) -> Self {
        SectionState {
            key: key.to_string(),
            text: RwSignal::new(String::new()),
            quotes: RwSignal::new(Vec::new()),
        }
    }
}

/// The whole form. Copy, so event handlers can capture it freely.
#[derive(Clone, Copy)]
pub struct Form {
    pub id: RwSignal<String>,
    pub created_at: RwSignal<String>,
    pub format: RwSignal<String>,
    pub client_id: RwSignal<String>,
    pub client_name: RwSignal<String>,
    pub author: RwSignal<Person>,
    pub date: RwSignal<String>,
    pub start: RwSignal<String>,
    pub end: RwSignal<String>,
    /// The session ran past midnight (asked when the end is before the start).
    pub overnight: RwSignal<bool>,
    /// Every section ever used in this note, including other formats'.
    pub sections: RwSignal<Vec<SectionState>>,
    /// Host goals this contact addressed.
    pub goals: RwSignal<Vec<GoalProgress>>,
    pub challenges: RwSignal<String>,
    pub interventions: RwSignal<Vec<InterventionState>>,
    pub late_reason: RwSignal<String>,
    pub participants: RwSignal<Vec<ParticipantState>>,
    pub contact_mode: RwSignal<Option<ContactMode>>,
    pub location: RwSignal<String>,
    pub follow_ups: RwSignal<Vec<FollowUpState>>,
    /// Marks on the previous note's follow-ups.
    pub marks: RwSignal<Vec<FollowUpMark>>,
    pub signature: RwSignal<Option<Signature>>,
    /// The language the note is written in (see `Note::language`).
    pub language: RwSignal<Lang>,
    pub addendum: RwSignal<Option<AddendumLink>>,
    /// Whether the note asks for a supervisor's review (the host's policy).
    pub review_required: RwSignal<bool>,
    /// The returned note this one revises, with the answers to its review.
    pub revises: RwSignal<Option<crate::domain::review::RevisionLink>>,
    /// Writing aids' suggestions dismissed (see `Note::dismissed`).
    pub dismissed: RwSignal<Vec<Dismissal>>,
    /// The editor's owner: every signal of the note is created under it, so
    /// re-rendering a part of the view never disposes note state.
    /// Weak: a strong owner stored in its own arena would never be freed.
    owner: StoredValue<Option<leptos::reactive::owner::WeakOwner>>,
}

impl Form {
    /// A form with signals for every built-in section, created under the
    /// current owner so that re-rendering never disposes them.
    pub fn new(templates: &[Template]) -> Self {
        let mut sections: Vec<SectionState> = Vec::new();
        let addendum = [Template::addendum()];
        for t in Template::builtins()
            .iter()
            .chain(&addendum)
            .chain(templates)
        {
            for s in &t.sections {
                if !sections.iter().any(|x| x.key == s.key) {
                    sections.push(SectionState::new(&s.key));
                }
            }
        }
        Form {
            id: RwSignal::new(String::new()),
            created_at: RwSignal::new(String::new()),
            format: RwSignal::new("soap".into()),
            client_id: RwSignal::new(String::new()),
            client_name: RwSignal::new(String::new()),
            author: RwSignal::new(Person::default()),
            date: RwSignal::new(String::new()),
            start: RwSignal::new(String::new()),
            end: RwSignal::new(String::new()),
            overnight: RwSignal::new(false),
            sections: RwSignal::new(sections),
            goals: RwSignal::new(Vec::new()),
            challenges: RwSignal::new(String::new()),
            interventions: RwSignal::new(Vec::new()),
            late_reason: RwSignal::new(String::new()),
            participants: RwSignal::new(Vec::new()),
            contact_mode: RwSignal::new(None),
            location: RwSignal::new(String::new()),
            follow_ups: RwSignal::new(Vec::new()),
            marks: RwSignal::new(Vec::new()),
            signature: RwSignal::new(None),
            language: RwSignal::new(Lang::En),
            addendum: RwSignal::new(None),
            review_required: RwSignal::new(false),
            revises: RwSignal::new(None),
            dismissed: RwSignal::new(Vec::new()),
            owner: StoredValue::new(
                leptos::reactive::owner::Owner::current().map(|o| o.downgrade()),
            ),
        }
    }

    /// Runs `f` under the editor's owner.
    fn within<T>(&self, f: impl FnOnce() -> T) -> T {
        match self
            .owner
            .try_get_value()
            .flatten()
            .and_then(|w| w.upgrade())
        {
            Some(owner) => owner.with(f),
            None => f(),
        }
    }

    /// A new quote whose signals live as long as the editor.
    pub fn new_quote(&self, q: &Quote) -> QuoteState {
        self.within(|| QuoteState::new(q))
    }

    /// A new intervention whose signals live as long as the editor.
    pub fn new_intervention(&self, i: &Intervention) -> InterventionState {
        self.within(|| InterventionState::new(i))
    }

    /// A new participant whose signals live as long as the editor.
    pub fn new_participant(&self, p: &Participant) -> ParticipantState {
        self.within(|| ParticipantState::new(p))
    }

    /// A new follow-up whose signals live as long as the editor.
    pub fn new_follow_up(&self, f: &FollowUp) -> FollowUpState {
        self.within(|| FollowUpState::new(f))
    }

    /// The section state for `key` (untracked), created if missing.
    pub fn section(&self, key: &str) -> SectionState {
        if let Some(s) = self
            .sections
            .with_untracked(|v| v.iter().find(|s| s.key == key).cloned())
        {
            return s;
        }
        let s = self.within(|| SectionState::new(key));
        self.sections.update(|v| v.push(s.clone()));
        s
    }

    /// The current note. Reads every signal, so an effect that calls this
    /// re-runs on any edit.
    pub fn snapshot(&self) -> Note {
        let sections = self.sections.with(|v| {
            v.iter()
                .map(|s| SectionEntry {
                    key: s.key.clone(),
                    text: s.text.get(),
                    quotes: s
                        .quotes
                        .with(|q| q.iter().map(QuoteState::snapshot).collect()),
                })
                .filter(|s| !s.is_empty())
                .collect()
        });
        Note {
            id: self.id.get(),
            format: self.format.get(),
            client: Client {
                id: self.client_id.get(),
                name: self.client_name.get(),
            },
            author: self.author.get(),
            service: ServiceTime {
                date: self.date.get(),
                start: self.start.get(),
                end: self.end.get(),
                overnight: self.overnight.get(),
            },
            sections,
            created_at: self.created_at.get(),
            goals: self.goals.get(),
            challenges: self.challenges.get(),
            interventions: self
                .interventions
                .with(|v| v.iter().map(InterventionState::snapshot).collect()),
            late_entry_reason: self.late_reason.get(),
            participants: self
                .participants
                .with(|v| v.iter().map(ParticipantState::snapshot).collect()),
            contact_mode: self.contact_mode.get(),
            location: self.location.get(),
            follow_ups: self
                .follow_ups
                .with(|v| v.iter().map(FollowUpState::snapshot).collect()),
            previous_follow_ups: self.marks.get(),
            language: self.language.get(),
            signature: self.signature.get(),
            addendum: self.addendum.get(),
            review_required: self.review_required.get(),
            revises: self.revises.get(),
            dismissed: self.dismissed.get(),
        }
    }

    pub fn snapshot_untracked(&self) -> Note {
        untrack(|| self.snapshot())
    }

    /// Replaces the form's content with `note`.
    pub fn load(&self, note: &Note) {
        self.id.set(note.id.clone());
        self.created_at.set(note.created_at.clone());
        self.format.set(note.format.clone());
        self.client_id.set(note.client.id.clone());
        self.client_name.set(note.client.name.clone());
        self.author.set(note.author.clone());
        self.date.set(note.service.date.clone());
        self.start.set(note.service.start.clone());
        self.end.set(note.service.end.clone());
        self.overnight.set(note.service.overnight);
        for s in self.sections.get_untracked() {
            s.text.set(String::new());
            s.quotes.set(Vec::new());
        }
        for entry in &note.sections {
            let s = self.section(&entry.key);
            s.text.set(entry.text.clone());
            s.quotes
                .set(entry.quotes.iter().map(|q| self.new_quote(q)).collect());
        }
        self.goals.set(note.goals.clone());
        self.challenges.set(note.challenges.clone());
        self.interventions.set(
            note.interventions
                .iter()
                .map(|i| self.new_intervention(i))
                .collect(),
        );
        self.late_reason.set(note.late_entry_reason.clone());
        self.participants.set(
            note.participants
                .iter()
                .map(|p| self.new_participant(p))
                .collect(),
        );
        self.contact_mode.set(note.contact_mode);
        self.location.set(note.location.clone());
        self.follow_ups.set(
            note.follow_ups
                .iter()
                .map(|f| self.new_follow_up(f))
                .collect(),
        );
        self.marks.set(note.previous_follow_ups.clone());
        self.signature.set(note.signature.clone());
        self.language.set(note.language);
        self.addendum.set(note.addendum.clone());
        self.review_required.set(note.review_required);
        self.revises.set(note.revises.clone());
        self.dismissed.set(note.dismissed.clone());
    }
}
