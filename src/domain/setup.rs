//! What the host sets for a note: the formats it offers, the client, the
//! signed-in author and, in addendum mode, the original note. From these a
//! new note is started, and they are applied to a draft that is restored.
//!
//! ```
//! use casenote::domain::setup::{NoteSetup, offered_templates};
//! let setup = NoteSetup { format: "dap".into(), ..NoteSetup::default() };
//! let offered = offered_templates(None, &[], false);
//! let note = setup.new_note(&offered, "id-1".into(), "2026-01-26T15:00:00Z".into());
//! assert_eq!(note.format, "dap");
//! ```

use super::contact::Participant;
use super::note::{Client, Note, Person, ServiceTime};
use super::record::{AddendumKind, AddendumLink};
use super::template::Template;
use crate::i18n::Lang;

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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
}

impl NoteSetup {
    /// A new, empty note with id `id` started at `created_at`.
    pub fn new_note(&self, offered: &[Template], id: String, created_at: String) -> Note {
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
            .map(|_| self.language.t("addendum-signature-statement"))
    }

    /// Whether `note` holds nothing the worker wrote: it is as this setup
    /// starts a note, whatever its format. Such a note is not kept as a
    /// draft until something is written.
    pub fn is_untouched(&self, note: &Note) -> bool {
        let started_date = self
            .addendum
            .as_ref()
            .and_then(|a| a.service_date.clone())
            .unwrap_or_default();
        note.client == self.client
            && note.service
                == ServiceTime {
                    date: started_date,
                    ..ServiceTime::default()
                }
            && note.sections.iter().all(|s| {
                s.is_empty()
                    || (s.quotes.is_empty() && Some(&s.text) == self.starting_text().as_ref())
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
        // A draft goes on in the language the interface is in now.
        note.language = self.language;
        if !self.author.id.is_empty() || !self.author.name.is_empty() {
            note.author = self.author.clone();
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
mod tests {
    use super::*;
    use crate::domain::record::Signature;

    fn ids(ts: &[Template]) -> Vec<&str> {
        ts.iter().map(|t| t.id.as_str()).collect()
    }

    fn setup() -> NoteSetup {
        NoteSetup {
            format: "DAP ".into(),
            client: Client {
                id: "c-1".into(),
                name: "Ana".into(),
            },
            author: Person {
                id: "w-7".into(),
                name: "Sam".into(),
            },
            addendum: None,
            participants: Vec::new(),
            language: Lang::En,
        }
    }

    #[test]
    fn offers_all_builtins_by_default_and_only_the_addendum_in_addendum_mode() {
        assert_eq!(
            ids(&offered_templates(None, &[], false)),
            ["soap", "dap", "birp", "girp", "pie"]
        );
        assert_eq!(ids(&offered_templates(None, &[], true)), ["addendum"]);
    }

    #[test]
    fn formats_filter_without_case_and_the_host_template_comes_first() {
        let mut host = Template::dap();
        host.id = "intake".into();
        let formats = vec!["BIRP".to_string(), "nope".to_string()];
        assert_eq!(
            ids(&offered_templates(Some(&host), &formats, false)),
            ["intake", "birp"]
        );
        // Nothing allowed: SOAP rather than an editor with no format.
        assert_eq!(
            ids(&offered_templates(None, &["nope".to_string()], false)),
            ["soap"]
        );
    }

    #[test]
    fn a_notes_template_is_the_offered_one_else_a_builtin_else_soap() {
        let mut host = Template::dap();
        host.id = "intake".into();
        let offered = offered_templates(Some(&host), &["dap".to_string()], false);
        assert_eq!(template_for(&offered, "intake").name, host.name);
        // Not offered here, but a built-in: a resumed draft keeps its format.
        assert_eq!(template_for(&offered, "birp").id, "birp");
        assert_eq!(template_for(&offered, "addendum").id, "addendum");
        assert_eq!(template_for(&offered, "gone").id, "soap");
    }

    #[test]
    fn a_new_note_takes_the_hosts_client_author_and_format() {
        let offered = offered_templates(None, &[], false);
        let n = setup().new_note(&offered, "n-1".into(), "2026-01-26T15:00:00Z".into());
        assert_eq!(n.id, "n-1");
        assert_eq!(n.format, "dap");
        assert_eq!(n.client.name, "Ana");
        assert_eq!(n.author.id, "w-7");
        assert_eq!(n.created_at, "2026-01-26T15:00:00Z");
        assert!(n.addendum.is_none());
        // A format not offered falls back to the first one offered.
        let only_birp = offered_templates(None, &["birp".to_string()], false);
        let n = setup().new_note(&only_birp, "n-2".into(), String::new());
        assert_eq!(n.format, "birp");
    }

    #[test]
    fn a_new_note_is_untouched_until_something_is_written_whatever_its_format() {
        let s = setup();
        let offered = offered_templates(None, &[], false);
        let mut n = s.new_note(&offered, "n".into(), String::new());
        assert!(s.is_untouched(&n));
        n.format = "birp".into();
        assert!(s.is_untouched(&n), "picking a format alone writes nothing");
        n.section_mut("behavior").text = "x".into();
        assert!(!s.is_untouched(&n));
        let mut n = s.new_note(&offered, "n".into(), String::new());
        n.client.name = "Someone else".into();
        assert!(!s.is_untouched(&n));
        let mut n = s.new_note(&offered, "n".into(), String::new());
        n.service.date = "2026-11-26".into();
        assert!(!s.is_untouched(&n));
    }

    #[test]
    fn an_addendum_starts_as_an_amendment_to_the_original() {
        let mut s = setup();
        s.addendum = Some(AddendumTarget {
            to: "orig".into(),
            to_hash: Some("ab".repeat(32)),
            service_date: Some("2026-11-20".into()),
            author: Some("Sam Rivera".into()),
            kind: None,
        });
        let offered = offered_templates(None, &[], true);
        let n = s.new_note(&offered, "n-1".into(), String::new());
        assert_eq!(n.format, "addendum");
        let a = n.addendum.clone().expect("addendum link");
        assert_eq!(a.to, "orig");
        assert_eq!(a.to_hash.as_deref(), Some("ab".repeat(32).as_str()));
        assert_eq!(a.kind, AddendumKind::Amendment);
        // It starts on the original's date of service, and is untouched.
        assert_eq!(n.service.date, "2026-11-20");
        assert!(s.is_untouched(&n));
    }

    #[test]
    fn a_restored_draft_takes_the_author_signed_in_now_and_keeps_its_reason() {
        let mut draft = Note::new("d".into(), "addendum", String::new());
        draft.author = Person {
            id: "old".into(),
            name: "Old".into(),
        };
        draft.addendum = Some(AddendumLink {
            to: "stale".into(),
            to_hash: None,
            kind: AddendumKind::LateEntry,
            reason: "Forgot the call".into(),
        });
        let mut s = setup();
        s.addendum = Some(AddendumTarget {
            to: "orig".into(),
            to_hash: None,
            service_date: None,
            author: None,
            kind: None,
        });
        s.apply_to(&mut draft);
        assert_eq!(draft.author.id, "w-7");
        let a = draft.addendum.expect("link");
        assert_eq!(
            (a.to.as_str(), a.kind, a.reason.as_str()),
            ("orig", AddendumKind::LateEntry, "Forgot the call")
        );
    }

    #[test]
    fn no_author_from_the_host_keeps_the_drafts_and_a_signed_draft_is_untouched() {
        let mut draft = Note::new("d".into(), "soap", String::new());
        draft.author.name = "Kept".into();
        NoteSetup::default().apply_to(&mut draft);
        assert_eq!(draft.author.name, "Kept");

        draft.signature = Some(Signature {
            signer_id: String::new(),
            signer_name: "Kept".into(),
            signed_at: "2026-01-26T15:00:00Z".into(),
            attestation: String::new(),
            content_hash: "0".repeat(64),
            signature_hash: None,
        });
        let mut s = setup();
        s.addendum = Some(AddendumTarget {
            to: "orig".into(),
            to_hash: None,
            service_date: None,
            author: None,
            kind: None,
        });
        s.apply_to(&mut draft);
        assert_eq!(draft.author.name, "Kept");
        assert!(draft.addendum.is_none());
    }

    #[test]
    fn the_hosts_participants_start_the_note_and_leave_it_untouched() {
        use crate::domain::contact::{ContactMode, ParticipantRole};
        let mut s = setup();
        s.participants = vec![Participant {
            name: "Ana".into(),
            role: ParticipantRole::Client,
            relationship: String::new(),
        }];
        let offered = offered_templates(None, &[], false);
        let mut n = s.new_note(&offered, "n".into(), String::new());
        assert_eq!(n.participants, s.participants);
        assert!(s.is_untouched(&n));
        n.participants[0].role = ParticipantRole::FamilyMember;
        assert!(!s.is_untouched(&n));
        let mut n = s.new_note(&offered, "n".into(), String::new());
        n.contact_mode = Some(ContactMode::Phone);
        assert!(!s.is_untouched(&n));
    }

    #[test]
    fn a_note_is_written_in_the_interfaces_language_until_signed() {
        let mut s = setup();
        s.language = Lang::Es;
        let offered = offered_templates(None, &[], false);
        let mut n = s.new_note(&offered, "n".into(), String::new());
        assert_eq!(n.language, Lang::Es);
        s.language = Lang::En;
        s.apply_to(&mut n);
        assert_eq!(n.language, Lang::En, "a draft follows the interface");
        n.language = Lang::Es;
        n.signature = Some(crate::domain::record::Signature {
            signer_id: "W".into(),
            signer_name: "Sam".into(),
            signed_at: "2026-11-26T10:00:00Z".into(),
            attestation: "I attest.".into(),
            content_hash: "ab".repeat(32),
            signature_hash: None,
        });
        s.apply_to(&mut n);
        assert_eq!(n.language, Lang::Es, "a signed note keeps its language");
    }

    #[test]
    fn a_signature_addendum_starts_with_its_statement_and_keeps_its_kind() {
        let mut s = setup();
        s.language = Lang::Es;
        s.addendum = Some(AddendumTarget {
            to: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
            to_hash: Some("ab".repeat(32)),
            service_date: None,
            author: None,
            kind: Some(AddendumKind::Signature),
        });
        let offered = offered_templates(None, &[], true);
        let mut note = s.new_note(&offered, "n".into(), "2026-11-27T10:00:00Z".into());
        assert_eq!(
            note.addendum.as_ref().unwrap().kind,
            AddendumKind::Signature
        );
        let text = &note.section("addendum").unwrap().text;
        assert!(text.starts_with("Escribí esta nota"), "{text}");
        // The statement alone is nothing the worker wrote: no draft yet.
        assert!(s.is_untouched(&note));
        note.section_mut("addendum").text.push_str(" Revisada.");
        assert!(!s.is_untouched(&note));
        // A restored draft cannot change what it is.
        note.addendum.as_mut().unwrap().kind = AddendumKind::Correction;
        s.apply_to(&mut note);
        assert_eq!(
            note.addendum.as_ref().unwrap().kind,
            AddendumKind::Signature
        );
    }
}
