//! What the host sets for a note: the formats it offers, the client, the
//! signed-in author and, in addendum mode, the original note. From these a
//! new note is started, and they are applied to a draft that is restored.
//!
//! ```
//! use casenote_format::setup::{NoteSetup, offered_templates};
//! let setup = NoteSetup { format: "dap".into(), ..NoteSetup::default() };
//! let offered = offered_templates(None, &[], false);
//! let note = setup.new_note(&offered, "id-1".into(), "2026-01-26T15:00:00Z".into());
//! assert_eq!(note.format, "dap");
//! ```

use super::contact::Participant;
use super::note::{Client, Note, Person, ServiceTime};
use super::record::{AddendumKind, AddendumLink};
use super::review::{Returned, ReviewPolicy};
use super::template::Template;
use crate::Lang;

/// The original note an addendum is written to (`addendum-to`,
/// `addendum-to-hash`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddendumTarget {
    pub to: String,
    /// The original's content hash, when the host knows it.
    pub to_hash: Option<String>,
    /// The original's date of service (`addendum-to-date`): shown with the
    /// addendum, and where its own date of service starts.
    pub service_date: Option<String>,
    /// Who wrote the original (`addendum-to-author`), shown with it.
    pub author: Option<String>,
    /// The kind the host fixes (`addendum-kind`): a signature addendum is
    /// started from a note sent unsigned, and keeps its kind.
    pub kind: Option<AddendumKind>,
}

impl AddendumTarget {
    /// Whether this addendum signs a note sent unsigned.
    pub fn is_signature(&self) -> bool {
        self.kind == Some(AddendumKind::Signature)
    }
}

/// What the host says about the note being written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NoteSetup {
    /// The format asked for (`format`); one not offered falls back to the
    /// first that is.
    pub format: String,
    pub client: Client,
    /// The signed-in worker (`author-id`, `author-name`).
    pub author: Person,
    /// Addendum mode: the note this one adds to.
    pub addendum: Option<AddendumTarget>,
    /// Who takes part, as the host presets them (`participants`).
    pub participants: Vec<Participant>,
    /// The interface's language, which an unsigned note is written in.
    pub language: Lang,
    /// What a signature addendum's text starts with, in that language:
    /// what its author signs (`casenote-text` words it).
    pub signature_statement: String,
    /// Whether the host asks for a supervisor's review (`review`).
    pub review: ReviewPolicy,
    /// Revision mode: the returned note and its review (`returned`).
    pub returned: Option<Returned>,
}

impl NoteSetup {
    /// A new, empty note with id `id` started at `created_at`.
    pub fn new_note(&self, offered: &[Template], id: String, created_at: String) -> Note {
        if let Some(returned) = &self.returned {
            // A revision: the original's content, to revise.
            let mut note = returned.revision(id, created_at);
            if !self.author.id.is_empty() || !self.author.name.is_empty() {
                note.author = self.author.clone();
            }
            note.language = self.language;
            return note;
        }
        let format = offered
            .iter()
            .find(|t| t.id.eq_ignore_ascii_case(self.format.trim()))
            .or_else(|| offered.first())
            .map_or_else(|| "soap".to_string(), |t| t.id.clone());
        let mut note = Note::new(id, &format, created_at);
        note.client = self.client.clone();
        note.author = self.author.clone();
        note.participants = self.participants.clone();
        note.language = self.language;
        note.review_required = !self.review.is_optional();
        note.addendum = self.addendum.as_ref().map(|a| AddendumLink {
            to: a.to.clone(),
            to_hash: a.to_hash.clone(),
            kind: a.kind.unwrap_or(AddendumKind::Amendment),
            reason: String::new(),
        });
        if let Some(date) = self.addendum.as_ref().and_then(|a| a.service_date.clone()) {
            note.service.date = date;
        }
        if let Some(text) = self.starting_text() {
            note.section_mut("addendum").text = text;
        }
        note
    }

    /// What a new note's sections start with: a signature addendum says
    /// what the author signs, in the interface's language.
    fn starting_text(&self) -> Option<String> {
        self.addendum
            .as_ref()
            .filter(|a| a.is_signature())
            .map(|_| self.signature_statement.clone())
    }

    /// Whether `note` holds nothing the worker wrote: it is as this setup
    /// starts a note, whatever its format. Such a note is not kept as a
    /// draft until something is written.
    pub fn is_untouched(&self, note: &Note) -> bool {
        if note.revises.is_some() {
            // A revision holds the original's words from the start: it is
            // kept as soon as it is opened.
            return false;
        }
        let started_date = self
            .addendum
            .as_ref()
            .and_then(|a| a.service_date.clone())
            .unwrap_or_default();
        // Worked out once: this runs on every edit.
        let starting_text = self.starting_text();
        note.client == self.client
            && note.service
                == ServiceTime {
                    date: started_date,
                    ..ServiceTime::default()
                }
            && note.sections.iter().all(|s| {
                s.is_empty() || (s.quotes.is_empty() && Some(&s.text) == starting_text.as_ref())
            })
            && note.goals.is_empty()
            && note.challenges.trim().is_empty()
            && note.interventions.is_empty()
            && note.late_entry_reason.trim().is_empty()
            && note.participants == self.participants
            && note.contact_mode.is_none()
            && note.location.trim().is_empty()
            && note.follow_ups.is_empty()
            && note.previous_follow_ups.is_empty()
            && note.signature.is_none()
            && note
                .addendum
                .as_ref()
                .is_none_or(|a| a.reason.trim().is_empty())
    }

    /// Applies what the host says now to a restored draft, unless it is
    /// signed: the signed-in author, and the addendum's original (its kind
    /// and reason are the worker's and stay).
    pub fn apply_to(&self, note: &mut Note) {
        if note.signature.is_some() {
            // A signed note keeps what it was signed with: the hash covers it.
            return;
        }
        // A draft goes on in the language the interface is in now, under
        // the review policy the host sets now.
        note.language = self.language;
        note.review_required = !self.review.is_optional();
        if !self.author.id.is_empty() || !self.author.name.is_empty() {
            note.author = self.author.clone();
        }
        if let Some(returned) = &self.returned {
            // The worker's answers stay; the link is the host's.
            let answers = note.revises.take().map(|l| l.responses).unwrap_or_default();
            let mut link = returned.link();
            link.responses = answers;
            note.revises = Some(link);
            note.review_required = true;
        }
        if let Some(target) = &self.addendum {
            let (kind, reason) = note
                .addendum
                .take()
                .map_or((AddendumKind::Amendment, String::new()), |a| {
                    (a.kind, a.reason)
                });
            let kind = target.kind.unwrap_or(kind);
            note.addendum = Some(AddendumLink {
                to: target.to.clone(),
                to_hash: target.to_hash.clone(),
                kind,
                reason,
            });
        }
    }
}

/// The templates an editor offers: in addendum mode only the addendum;
/// else the host's template first, then the built-ins `formats` allows
/// (all when it is empty; matched without regard to case), and SOAP when
/// nothing is left.
pub fn offered_templates(
    host: Option<&Template>,
    formats: &[String],
    addendum: bool,
) -> Vec<Template> {
    if addendum {
        return vec![Template::addendum()];
    }
    let mut out: Vec<Template> = host.into_iter().cloned().collect();
    for t in Template::builtins() {
        let allowed = formats.is_empty() || formats.iter().any(|f| f.eq_ignore_ascii_case(&t.id));
        if allowed && !out.iter().any(|o| o.id == t.id) {
            out.push(t);
        }
    }
    if out.is_empty() {
        out.push(Template::soap());
    }
    out
}

/// The template of a note of `format`: one this editor offers, else a
/// built-in (a draft resumed from the panel may be of a format not offered
/// here), else SOAP.
pub fn template_for(offered: &[Template], format: &str) -> Template {
    offered
        .iter()
        .find(|t| t.id == format)
        .cloned()
        .or_else(|| Template::builtin(format))
        .or_else(|| (format == "addendum").then(Template::addendum))
        .unwrap_or_else(Template::soap)
}

#[cfg(test)]
mod tests;
