//! The note as the worker writes it: the draft's content.

use serde::{Deserialize, Serialize};

use super::contact::{ContactMode, Participant};
use super::follow_up::{FollowUp, FollowUpMark};
use super::template::Template;
use super::time::parse_time;
use crate::Lang;

pub use super::quote_marks::{mark_quote, requote, Marked, QUOTE_MARKS};

// The JSON form of a note, as stored in drafts and the outbox: members are
// camelCase, optional ones are left out when empty, and missing ones read
// as their defaults, so drafts written by earlier versions still open.

/// Who said a quoted passage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Speaker {
    #[default]
    Client,
    FamilyMember,
    CollateralContact,
    Other,
}

impl Speaker {
    pub const ALL: [Speaker; 4] = [
        Speaker::Client,
        Speaker::FamilyMember,
        Speaker::CollateralContact,
        Speaker::Other,
    ];

    /// The stored and sent form.
    pub fn value(self) -> &'static str {
        match self {
            Speaker::Client => "client",
            Speaker::FamilyMember => "familyMember",
            Speaker::CollateralContact => "collateralContact",
            Speaker::Other => "other",
        }
    }

    pub fn from_value(v: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.value() == v)
    }
}

/// How a goal moved in this contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Progress {
    Improved,
    Unchanged,
    Declined,
    NotAssessed,
}

impl Progress {
    pub const ALL: [Progress; 4] = [
        Progress::Improved,
        Progress::Unchanged,
        Progress::Declined,
        Progress::NotAssessed,
    ];

    pub fn value(self) -> &'static str {
        match self {
            Progress::Improved => "improved",
            Progress::Unchanged => "unchanged",
            Progress::Declined => "declined",
            Progress::NotAssessed => "notAssessed",
        }
    }

    pub fn from_value(v: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.value() == v)
    }
}

/// A client goal (from the host) that this contact addressed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalProgress {
    pub id: String,
    pub text: String,
    pub progress: Progress,
}

/// Something the worker did, why, and how the client received it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Intervention {
    pub description: String,
    #[serde(default)]
    pub rationale: String,
    #[serde(default)]
    pub client_response: String,
    /// Departs from standard procedure: `rationale` is then required.
    #[serde(default)]
    pub deviates: bool,
}

/// A verbatim quote: someone's own words, kept exactly as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    #[serde(default)]
    pub speaker: Speaker,
    /// Optional: when or why it was said ("asked about housing").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// The same words stand in the section's text, in quotation marks
    /// (marked from it): the quote points at them there.
    #[serde(default, rename = "inText", skip_serializing_if = "std::ops::Not::not")]
    pub in_text: bool,
}

/// The content of one section: free text plus quotes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionEntry {
    pub key: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub quotes: Vec<Quote>,
}

impl SectionEntry {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.quotes.is_empty()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Client {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub id: String,
    pub name: String,
}

/// When the service took place, as the worker entered it: `YYYY-MM-DD` and
/// `HH:MM` (24 h), in the worker's local time. Empty strings mean not given.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceTime {
    pub date: String,
    pub start: String,
    pub end: String,
    /// The worker said the session ran past midnight (its end time is
    /// before its start time). Never set otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub overnight: bool,
}

impl ServiceTime {
    /// Whether the end time is before the start time (both given).
    pub fn ends_before_start(&self) -> bool {
        match (parse_time(&self.start), parse_time(&self.end)) {
            (Some(s), Some(e)) => e < s,
            _ => false,
        }
    }
}

/// A note being written. Holds the text of every section the worker has
/// touched, including sections of a format they switched away from, so that
/// switching formats never loses text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    /// UUID minted when the draft starts; the `Idempotency-Key` on delivery.
    pub id: String,
    /// Template id (`soap`, `dap`).
    pub format: String,
    #[serde(default)]
    pub client: Client,
    #[serde(default)]
    pub author: Person,
    #[serde(default)]
    pub service: ServiceTime,
    #[serde(default)]
    pub sections: Vec<SectionEntry>,
    /// RFC 3339 time the draft was started.
    #[serde(default)]
    pub created_at: String,
    /// Host goals this contact addressed, with their progress.
    #[serde(default)]
    pub goals: Vec<GoalProgress>,
    /// Challenges and barriers the client faces.
    #[serde(default)]
    pub challenges: String,
    #[serde(default)]
    pub interventions: Vec<Intervention>,
    /// Why the note is written late (required for a late entry).
    #[serde(default)]
    pub late_entry_reason: String,
    /// Who took part, each with their role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    /// How the contact happened; not given: not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_mode: Option<ContactMode>,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    /// The plan's next steps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
    /// Marks on the previous note's follow-ups (all this note keeps of it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous_follow_ups: Vec<FollowUpMark>,
    /// The language the note is written in: its section labels, record
    /// and plain text are in it. Follows the interface until signed.
    #[serde(default, skip_serializing_if = "Lang::is_english")]
    pub language: Lang,
    /// Set when the worker signs: the note is then read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<super::record::Signature>,
    /// Set when this note is an addendum to another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addendum: Option<super::record::AddendumLink>,
    /// Whether a supervisor reviews the note (the host's `review`
    /// attribute, or its template's): set when the draft is set up.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub review_required: bool,
    /// Set when this note revises a returned one, with the worker's
    /// answers to the review's comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<super::review::RevisionLink>,
    /// Writing aids' suggestions the worker dismissed, with the reason:
    /// kept with the draft, never part of the payload.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed: Vec<super::dismissal::Dismissal>,
}

impl Note {
    pub fn new(id: String, format: &str, created_at: String) -> Self {
        Note {
            id,
            format: format.to_string(),
            created_at,
            ..Note::default()
        }
    }

    pub fn section(&self, key: &str) -> Option<&SectionEntry> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// The entry for `key`, created empty if missing.
    pub fn section_mut(&mut self, key: &str) -> &mut SectionEntry {
        match self.sections.iter().position(|s| s.key == key) {
            Some(i) => &mut self.sections[i],
            None => {
                self.sections.push(SectionEntry {
                    key: key.to_string(),
                    ..SectionEntry::default()
                });
                self.sections.last_mut().expect("just pushed")
            }
        }
    }

    /// Sections that hold content but are not part of `template`
    /// (left over from another format).
    pub fn stray_sections<'a>(
        &'a self,
        template: &'a Template,
    ) -> impl Iterator<Item = &'a SectionEntry> {
        self.sections
            .iter()
            .filter(move |s| template.section(&s.key).is_none() && !s.is_empty())
    }

    /// Words in all sections of `template`, for lists and counts.
    pub fn word_count(&self, template: &Template) -> usize {
        template
            .sections
            .iter()
            .filter_map(|spec| self.section(&spec.key))
            .map(|s| {
                s.text.split_whitespace().count()
                    + s.quotes
                        .iter()
                        .map(|q| q.text.split_whitespace().count())
                        .sum::<usize>()
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_mut_creates_once_and_keeps_order() {
        let mut n = Note::new("id".into(), "soap", String::new());
        n.section_mut("plan").text = "a".into();
        n.section_mut("subjective").text = "b".into();
        n.section_mut("plan").text.push('c');
        assert_eq!(n.sections.len(), 2);
        assert_eq!(n.section("plan").unwrap().text, "ac");
    }

    #[test]
    fn switching_format_keeps_stray_text() {
        let mut n = Note::new("id".into(), "soap", String::new());
        n.section_mut("subjective").text = "said things".into();
        n.section_mut("assessment").text = "ok".into();
        n.format = "dap".into();
        let dap = Template::dap();
        let stray: Vec<_> = n.stray_sections(&dap).map(|s| s.key.as_str()).collect();
        assert_eq!(stray, ["subjective"]);
        assert_eq!(n.section("subjective").unwrap().text, "said things");
    }

    #[test]
    fn word_count_counts_text_and_quotes_of_the_template_only() {
        let mut n = Note::new("id".into(), "dap", String::new());
        n.section_mut("data").text = "one two  three\nfour".into();
        n.section_mut("data").quotes.push(Quote {
            text: "I am fine".into(),
            ..Quote::default()
        });
        n.section_mut("subjective").text = "not counted".into();
        assert_eq!(n.word_count(&Template::dap()), 7);
    }

    #[test]
    fn json_round_trip_and_defaults() {
        let n: Note = serde_json::from_str(r#"{"id":"x","format":"soap"}"#).unwrap();
        assert_eq!(n.format, "soap");
        assert!(n.sections.is_empty());
        let q: Quote = serde_json::from_str(r#"{"text":"hi"}"#).unwrap();
        assert_eq!(q.speaker, Speaker::Client);
        let text = serde_json::to_string(&Quote {
            text: "t".into(),
            speaker: Speaker::FamilyMember,
            context: None,
            in_text: false,
        })
        .unwrap();
        assert_eq!(text, r#"{"text":"t","speaker":"familyMember"}"#);
        let e = serde_json::from_str::<Quote>(r#"{"text":"hi","speaker":"nurse"}"#).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("unknown variant `nurse`, expected one of `client`, `familyMember`, `collateralContact`, `other`"),
            "{e}"
        );
        for s in Speaker::ALL {
            assert_eq!(Speaker::from_value(s.value()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.value());
        }
        for p in Progress::ALL {
            assert_eq!(serde_json::to_value(p).unwrap(), p.value());
        }
    }

    #[test]
    fn in_text_is_sent_only_when_true() {
        let q = Quote {
            text: "x".into(),
            ..Quote::default()
        };
        assert!(!serde_json::to_string(&q).unwrap().contains("inText"));
        let q = Quote { in_text: true, ..q };
        assert!(serde_json::to_string(&q)
            .unwrap()
            .contains(r#""inText":true"#));
    }
}
