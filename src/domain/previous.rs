//! The client's last note, given by the host (`previousNote`) so that the
//! worker sees what was planned: read and checked like any received note
//! (its content hash among the checks), and refused when it is another
//! client's. Nothing of it is stored with the new note except the marks
//! the worker puts on its follow-ups.
//!
//! ```
//! use casenote_format::previous::{PreviousNote, Refusal};
//! use casenote_format::Client;
//! let refused = PreviousNote::from_json("{}", &Client::default()).unwrap_err();
//! assert!(matches!(refused, Refusal::Invalid(_)));
//! ```

use super::field_path::{FieldPath, Member};
use super::follow_up::{FollowUpMark, Status};
use super::note::Client;
use super::payload::{PayloadSection, PayloadV1};
use super::problem::{FieldProblem, Problem};

/// A previous note that may be shown with this client's new note.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviousNote(pub PayloadV1);

/// Why the host's previous note is not shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// It is not a valid casenote note: the payload checks' problems.
    Invalid(Vec<FieldProblem>),
    /// It is another client's.
    OtherClient,
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
    /// Reads the host's value (JSON text) for a note about `client`.
    pub fn from_json(text: &str, client: &Client) -> Result<Self, Refusal> {
        Self::checked(PayloadV1::parse(text), client)
    }

    /// The same from any serde data (the host's object, in the browser):
    /// read into the payload, then checked as [`PayloadV1::parse`] checks.
    pub fn from_data<'de, D: serde::Deserializer<'de>>(
        data: D,
        client: &Client,
    ) -> Result<Self, Refusal>
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
        Self::checked(read, client)
    }

    fn checked(
        read: Result<PayloadV1, Vec<FieldProblem>>,
        client: &Client,
    ) -> Result<Self, Refusal> {
        let p = read.map_err(Refusal::Invalid)?;
        let no_client = client.id.trim().is_empty() && client.name.trim().is_empty();
        if !no_client && !same_client(&p.client, client) {
            return Err(Refusal::OtherClient);
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
    use crate::fixtures::{previous_note_client as client, previous_note_json as previous_json};

    #[test]
    fn reads_a_note_of_this_client_and_refuses_another_clients() {
        let prev = PreviousNote::from_json(&previous_json(), &client()).unwrap();
        assert_eq!(prev.id(), "0f8fad5b-d9cb-469f-a165-70867728950e");
        assert_eq!(prev.author().as_deref(), Some("Sam \"Sammy\" O'Neil"));
        let other = Client {
            id: "C-2".into(),
            name: String::new(),
        };
        let err = PreviousNote::from_json(&previous_json(), &other).unwrap_err();
        assert_eq!(err, Refusal::OtherClient);
        // By name when there are no ids.
        let by_name = Client {
            id: String::new(),
            name: " jo ünïcode 👋".into(),
        };
        assert!(PreviousNote::from_json(&previous_json(), &by_name).is_err());
        let by_name = Client {
            id: String::new(),
            name: "Jo Ünïcode 👋 ".into(),
        };
        assert!(PreviousNote::from_json(&previous_json(), &by_name).is_ok());
    }

    #[test]
    fn a_changed_or_malformed_note_is_refused_with_its_problems() {
        let tampered = previous_json().replace("Call the landlord", "Call the mayor");
        let problems = |err| match err {
            Refusal::Invalid(problems) => problems,
            Refusal::OtherClient => panic!("refused as another client's"),
        };
        let err = PreviousNote::from_json(&tampered, &client()).unwrap_err();
        let found = problems(err);
        assert!(found
            .iter()
            .any(|e| e.field == FieldPath::Member(Member::ContentHash)));
        let err = PreviousNote::from_json("not json", &client()).unwrap_err();
        let found = problems(err);
        assert_eq!(found[0].field, FieldPath::Member(Member::Body));
        assert!(matches!(found[0].problem, Problem::NotJson { .. }));
        // From data, what was wrong with which member.
        let mut value: serde_json::Value = serde_json::from_str(&previous_json()).unwrap();
        value["followUps"][0]["who"] = "nobody".into();
        let found = problems(PreviousNote::from_data(value, &client()).unwrap_err());
        assert_eq!(found[0].field, FieldPath::Member(Member::PreviousNote));
        let Problem::Shape { detail } = &found[0].problem else {
            panic!("{found:?}")
        };
        assert!(
            detail
                .contains("unknown variant `nobody`, expected one of `worker`, `client`, `other`"),
            "{detail}"
        );
    }

    #[test]
    fn marks_are_set_replaced_and_cleared_per_follow_up() {
        let prev = PreviousNote::from_json(&previous_json(), &client()).unwrap();
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
