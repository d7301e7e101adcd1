//! The client's last note, given by the host (`previousNote`) so that the
//! worker sees what was planned: read and checked like any received note
//! (its content hash among the checks), and refused when it is another
//! client's. Nothing of it is stored with the new note except the marks
//! the worker puts on its follow-ups.
//!
//! ```
//! use casenote::domain::previous::PreviousNote;
//! use casenote::domain::Client;
//! use casenote::i18n::Lang;
//! let refused = PreviousNote::from_json("{}", &Client::default(), Lang::En).unwrap_err();
//! assert!(refused.starts_with("The previous note could not be shown"));
//! ```

use super::field_path::{FieldPath, Member};
use super::follow_up::{FollowUpMark, Status};
use super::note::Client;
use super::payload::{PayloadSection, PayloadV1};
use super::problem::{FieldProblem, Problem};
use crate::i18n::{isolated, Lang};
use crate::tr;

/// A previous note that may be shown with this client's new note.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviousNote(pub PayloadV1);

/// Why the note is refused, in the worker's language; the problems
/// themselves are the payload checks' (English, as a receiver reports them).
fn refused(errors: &[FieldProblem], lang: Lang) -> String {
    let list: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.wire_of_check()))
        .collect();
    tr!(lang, "previous-refused-invalid", problems = list.join("; "))
}

/// Whether two clients are the same: by id when both have one, else by
/// name (ignoring surrounding spaces and ASCII case).
fn same_client(a: &Client, b: &Client) -> bool {
    let (ai, bi) = (a.id.trim(), b.id.trim());
    if !ai.is_empty() && !bi.is_empty() {
        return ai == bi;
    }
    let (an, bn) = (a.name.trim(), b.name.trim());
    !an.is_empty() && an.eq_ignore_ascii_case(bn)
}

impl PreviousNote {
    /// Reads the host's value (JSON text) for a note about `client`. The
    /// error is what the worker is told.
    pub fn from_json(text: &str, client: &Client, lang: Lang) -> Result<Self, String> {
        Self::checked(PayloadV1::parse(text), client, lang)
    }

    /// The same from any serde data (the host's object, in the browser):
    /// read into the payload, then checked as [`PayloadV1::parse`] checks.
    pub fn from_data<'de, D: serde::Deserializer<'de>>(
        data: D,
        client: &Client,
        lang: Lang,
    ) -> Result<Self, String>
    where
        D::Error: std::fmt::Display,
    {
        // Without the member's path (serde_path_to_error would carry its
        // own copy of every payload type's reader, tens of kB, into the
        // bundle): serde's message names the member and what it expected.
        let read = <PayloadV1 as serde::Deserialize>::deserialize(data)
            .map_err(|e| {
                let problem = Problem::Shape {
                    detail: e.to_string(),
                };
                vec![FieldProblem::new(
                    FieldPath::Member(Member::PreviousNote),
                    problem,
                )]
            })
            .and_then(|p| {
                let errors = p.check();
                if errors.is_empty() {
                    Ok(p)
                } else {
                    Err(errors)
                }
            });
        Self::checked(read, client, lang)
    }

    fn checked(
        read: Result<PayloadV1, Vec<FieldProblem>>,
        client: &Client,
        lang: Lang,
    ) -> Result<Self, String> {
        let p = read.map_err(|e| refused(&e, lang))?;
        let no_client = client.id.trim().is_empty() && client.name.trim().is_empty();
        if !no_client && !same_client(&p.client, client) {
            return Err(lang.t("previous-refused-other-client"));
        }
        Ok(PreviousNote(p))
    }

    pub fn id(&self) -> &str {
        &self.0.id
    }

    /// Its Plan: the section keyed `plan`, when it says anything.
    pub fn plan(&self) -> Option<&PayloadSection> {
        self.0
            .sections
            .iter()
            .find(|s| s.key == "plan" && (!s.text.trim().is_empty() || !s.quotes.is_empty()))
    }

    /// Who wrote it: the signer, else the author.
    pub fn author(&self) -> Option<String> {
        let named = |name: &str, id: &str| {
            let n = if name.trim().is_empty() { id } else { name };
            (!n.trim().is_empty()).then(|| n.trim().to_string())
        };
        self.0
            .signature
            .as_ref()
            .and_then(|s| named(&s.signer_name, &s.signer_id))
            .or_else(|| self.0.author.as_ref().and_then(|a| named(&a.name, &a.id)))
    }

    /// The panel's title: its date, format and author ("Last note:
    /// 2026-11-26 SOAP by Sam"). The format and the author were typed by
    /// someone, so each is isolated: a name that ends in U+202E cannot
    /// turn the words after it around (`i18n::isolated`).
    pub fn title(&self, lang: Lang) -> String {
        let p = &self.0;
        let (date, format) = (
            p.service.date.as_str(),
            isolated(&p.format_name).into_owned(),
        );
        match self.author() {
            Some(a) => tr!(
                lang,
                "previous-note-title-by",
                date = date,
                format = format,
                author = isolated(&a).into_owned()
            ),
            None => tr!(lang, "previous-note-title", date = date, format = format),
        }
    }

    /// `marks` with follow-up `index` of this note set to `status` (and
    /// `reason`), or unmarked when `status` is `None`. Marks on other notes
    /// are kept.
    pub fn mark(
        &self,
        marks: &[FollowUpMark],
        index: usize,
        status: Option<Status>,
        reason: &str,
    ) -> Vec<FollowUpMark> {
        let mut out: Vec<FollowUpMark> = marks
            .iter()
            .filter(|m| !(m.note == self.0.id && m.index == index))
            .cloned()
            .collect();
        if let (Some(status), Some(f)) = (status, self.0.follow_ups.get(index)) {
            // In the previous note's order (inserted in place: the list is
            // kept sorted, and a sort would cost bytes for nothing).
            let at = out
                .iter()
                .position(|m| m.note == self.0.id && m.index > index)
                .unwrap_or(out.len());
            out.insert(
                at,
                FollowUpMark {
                    note: self.0.id.clone(),
                    index,
                    what: f.what.clone(),
                    status,
                    reason: reason.to_string(),
                },
            );
        }
        out
    }

    /// The mark on follow-up `index`, if the worker made one.
    pub fn mark_of<'a>(&self, marks: &'a [FollowUpMark], index: usize) -> Option<&'a FollowUpMark> {
        marks
            .iter()
            .find(|m| m.note == self.0.id && m.index == index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::contact_payload;

    fn previous_json() -> String {
        let mut p = contact_payload();
        p.signature = None;
        serde_json::to_string(&p).unwrap()
    }

    fn client() -> Client {
        Client {
            id: "C-1".into(),
            name: "Someone".into(),
        }
    }

    #[test]
    fn reads_a_note_of_this_client_and_refuses_another_clients() {
        let prev = PreviousNote::from_json(&previous_json(), &client(), Lang::En).unwrap();
        assert_eq!(prev.id(), "0f8fad5b-d9cb-469f-a165-70867728950e");
        assert_eq!(prev.author().as_deref(), Some("Sam \"Sammy\" O'Neil"));
        let other = Client {
            id: "C-2".into(),
            name: String::new(),
        };
        let err = PreviousNote::from_json(&previous_json(), &other, Lang::En).unwrap_err();
        assert!(err.contains("another client"), "{err}");
        // By name when there are no ids.
        let by_name = Client {
            id: String::new(),
            name: " jo ünïcode 👋".into(),
        };
        assert!(PreviousNote::from_json(&previous_json(), &by_name, Lang::En).is_err());
        let by_name = Client {
            id: String::new(),
            name: "Jo Ünïcode 👋 ".into(),
        };
        assert!(PreviousNote::from_json(&previous_json(), &by_name, Lang::En).is_ok());
    }

    /// The audit's name: a signer whose name ends in RIGHT-TO-LEFT
    /// OVERRIDE cannot turn the title's words around.
    #[test]
    fn the_title_isolates_the_author_and_the_format() {
        let prev = PreviousNote::from_json(&previous_json(), &client(), Lang::En).unwrap();
        assert_eq!(
            prev.title(Lang::En),
            "Last note: 2026-11-26 SOAP by Sam \"Sammy\" O'Neil"
        );
        let mut p = contact_payload();
        p.signature = None;
        p.author.as_mut().unwrap().name = "Ann Smith\u{202E}".into();
        let p = p.with_hash();
        let prev =
            PreviousNote::from_json(&serde_json::to_string(&p).unwrap(), &client(), Lang::En)
                .unwrap();
        assert_eq!(
            prev.title(Lang::En),
            "Last note: 2026-11-26 SOAP by \u{2068}Ann Smith\u{2069}"
        );
    }

    #[test]
    fn a_changed_or_malformed_note_is_refused_with_its_problems() {
        let tampered = previous_json().replace("Call the landlord", "Call the mayor");
        let err = PreviousNote::from_json(&tampered, &client(), Lang::En).unwrap_err();
        assert!(err.contains("contentHash"), "{err}");
        let err = PreviousNote::from_json("not json", &client(), Lang::En).unwrap_err();
        assert!(err.contains("body: is not JSON"), "{err}");
        // From data, what was wrong with which member.
        let mut value: serde_json::Value = serde_json::from_str(&previous_json()).unwrap();
        value["followUps"][0]["who"] = "nobody".into();
        let err = PreviousNote::from_data(value, &client(), Lang::En).unwrap_err();
        assert!(err.contains("previousNote: unknown variant `nobody`, expected one of `worker`, `client`, `other`"), "{err}");
    }

    #[test]
    fn the_refusal_is_in_the_workers_language_and_its_problems_stay_english() {
        let other = Client {
            id: "C-2".into(),
            name: String::new(),
        };
        let err = PreviousNote::from_json(&previous_json(), &other, Lang::Es).unwrap_err();
        assert_eq!(
            err,
            "No se pudo mostrar la nota anterior: es de otro cliente distinto al de esta nota."
        );
        let err = PreviousNote::from_json("not json", &client(), Lang::Es).unwrap_err();
        assert!(
            err.starts_with("No se pudo mostrar la nota anterior: no es una nota válida"),
            "{err}"
        );
        assert!(err.contains("body: is not JSON"), "{err}");
    }

    #[test]
    fn marks_are_set_replaced_and_cleared_per_follow_up() {
        let prev = PreviousNote::from_json(&previous_json(), &client(), Lang::En).unwrap();
        let other = FollowUpMark {
            note: "another".into(),
            index: 0,
            what: "x".into(),
            status: Status::Done,
            reason: String::new(),
        };
        let marks = prev.mark(
            std::slice::from_ref(&other),
            1,
            Some(Status::InProgress),
            "",
        );
        assert_eq!(marks.len(), 2);
        let m = prev.mark_of(&marks, 1).unwrap();
        assert_eq!(
            (m.what.as_str(), m.status),
            ("Bring the lease", Status::InProgress)
        );
        let marks = prev.mark(&marks, 1, Some(Status::NotDone), "Lease lost");
        assert_eq!(prev.mark_of(&marks, 1).unwrap().reason, "Lease lost");
        assert_eq!(marks.len(), 2);
        let marks = prev.mark(&marks, 1, None, "");
        assert_eq!(marks, [other]);
        // No such follow-up: nothing is marked.
        assert_eq!(prev.mark(&[], 9, Some(Status::Done), "").len(), 0);
    }
}
