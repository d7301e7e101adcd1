//! Next steps as follow-ups: what is to be done, by whom and by when, sent
//! as `followUps` so a host can make tasks of them; and the marks a later
//! note puts on an earlier note's follow-ups (done, in progress, not done
//! and why), sent as `previousFollowUps`.
//!
//! ```
//! use casenote_format::follow_up::{FollowUp, Owner};
//! let f = FollowUp { what: "Call the landlord".into(), who: Owner::Worker, who_name: String::new(), due: "2026-12-09".into() };
//! assert!(f.is_dated());
//! assert!(f.problems(0).is_empty());
//! ```

use serde::{Deserialize, Serialize};

use super::field_path::{FieldPath, FollowUpPart, MarkPart};
use super::problem::{FieldProblem, Problem};
use super::time::parse_date;

/// Who is to do a follow-up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Owner {
    /// The worker writing the note.
    #[default]
    Worker,
    Client,
    /// Someone else, named in `whoName`.
    Other,
}

impl Owner {
    pub const ALL: [Owner; 3] = [Owner::Worker, Owner::Client, Owner::Other];

    pub fn value(self) -> &'static str {
        match self {
            Owner::Worker => "worker",
            Owner::Client => "client",
            Owner::Other => "other",
        }
    }

    pub fn from_value(v: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.value() == v)
    }
}

/// A next step of the plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUp {
    pub what: String,
    #[serde(default)]
    pub who: Owner,
    /// The person's name, when `who` is `other`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who_name: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub due: String,
}

impl FollowUp {
    /// It has a real due date: a next step with a time.
    pub fn is_dated(&self) -> bool {
        parse_date(self.due.trim()).is_some()
    }

    /// `self` as sent: text trimmed, a name only for `other`.
    pub fn trimmed(&self) -> FollowUp {
        FollowUp {
            what: self.what.trim().to_string(),
            who: self.who,
            who_name: if self.who == Owner::Other {
                self.who_name.trim().to_string()
            } else {
                String::new()
            },
            due: self.due.trim().to_string(),
        }
    }

    /// What must hold before the note is sent, and what a receiver
    /// checks of a follow-up: the field is follow-up `index`'s part.
    pub fn problems(&self, index: usize) -> Vec<FieldProblem> {
        let field = |part| FieldPath::FollowUp { index, part };
        let mut errors = Vec::new();
        if self.what.trim().is_empty() {
            errors.push(FieldProblem::new(
                field(FollowUpPart::What),
                Problem::Missing,
            ));
        }
        if self.who == Owner::Other && self.who_name.trim().is_empty() {
            errors.push(FieldProblem::new(
                field(FollowUpPart::WhoName),
                Problem::Missing,
            ));
        }
        if let Err(p) = crate::rules::date(&self.due) {
            errors.push(FieldProblem::new(field(FollowUpPart::Due), p));
        }
        errors
    }
}

/// How a follow-up of an earlier note stands now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    Done,
    InProgress,
    /// Needs a reason.
    NotDone,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Done, Status::InProgress, Status::NotDone];

    pub fn value(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::InProgress => "inProgress",
            Status::NotDone => "notDone",
        }
    }

    pub fn from_value(v: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.value() == v)
    }
}

/// The mark this note puts on follow-up `index` of the earlier note
/// `note`. `what` repeats that follow-up's words, so the mark reads on its
/// own: it is all this note keeps of the earlier one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FollowUpMark {
    /// The earlier note's id.
    pub note: String,
    /// The follow-up's place in that note's `followUps`, from 0.
    #[serde(deserialize_with = "crate::json_int::integer")]
    pub index: usize,
    pub what: String,
    pub status: Status,
    /// Why it was not done (required then); any note otherwise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

impl FollowUpMark {
    /// What must hold before the note is sent, and what a receiver checks
    /// of a mark: a follow-up not done says why. `index` names the mark
    /// (the editor: the follow-up's place in the previous note; a payload:
    /// the mark's place in `previousFollowUps`).
    pub fn problems(&self, index: usize) -> Vec<FieldProblem> {
        if self.status == Status::NotDone && self.reason.trim().is_empty() {
            let field = FieldPath::PreviousFollowUp {
                index,
                part: MarkPart::Reason,
            };
            let what = self.what.trim().to_string();
            return vec![FieldProblem::new(
                field,
                Problem::NotDoneWithoutReason { what },
            )];
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn follow_up() -> FollowUp {
        FollowUp {
            what: "Call the landlord".into(),
            who: Owner::Worker,
            who_name: String::new(),
            due: "2026-12-09".into(),
        }
    }

    fn fields(errors: &[FieldProblem]) -> Vec<String> {
        errors.iter().map(|e| e.field.editor_key()).collect()
    }

    #[test]
    fn a_follow_up_needs_what_when_and_for_another_person_a_name() {
        assert!(follow_up().problems(0).is_empty());
        let mut f = follow_up();
        f.what = " ".into();
        f.due = "2026-02-30".into();
        f.who = Owner::Other;
        assert_eq!(
            fields(&f.problems(1)),
            ["followUps.1.what", "followUps.1.whoName", "followUps.1.due"]
        );
        assert_eq!(f.problems(1)[2].problem, Problem::NotADate);
        f.due.clear();
        assert_eq!(f.problems(1)[2].problem, Problem::Missing);
    }

    #[test]
    fn it_is_sent_trimmed() {
        let mut f = follow_up();
        f.who = Owner::Other;
        f.who_name = " Ms Reyes ".into();
        f.what = " Bring the lease ".into();
        let t = f.trimmed();
        assert_eq!(
            (t.what.as_str(), t.who_name.as_str()),
            ("Bring the lease", "Ms Reyes")
        );
        // A name typed before choosing someone else is not sent.
        f.who = Owner::Client;
        assert_eq!(f.trimmed().who_name, "");
        assert_eq!(
            serde_json::to_string(&f.trimmed()).unwrap(),
            r#"{"what":"Bring the lease","who":"client","due":"2026-12-09"}"#
        );
    }

    #[test]
    fn not_done_needs_a_reason() {
        let mut m = FollowUpMark {
            note: "n".into(),
            index: 0,
            what: "Call the landlord".into(),
            status: Status::Done,
            reason: String::new(),
        };
        assert!(m.problems(0).is_empty());
        m.status = Status::NotDone;
        assert_eq!(fields(&m.problems(2)), ["previousFollowUps.2.reason"]);
        m.reason = "Landlord away".into();
        assert!(m.problems(2).is_empty());
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"note":"n","index":0,"what":"Call the landlord","status":"notDone","reason":"Landlord away"}"#
        );
    }
}
