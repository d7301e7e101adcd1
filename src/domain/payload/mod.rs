//! casenote JSON v1: what a finished note looks like on the wire, built
//! from a [`Note`] and its [`Template`] (this file); read and checked again
//! by a receiver with [`PayloadV1::parse`] (`check.rs`).

use serde::{Deserialize, Serialize};

use super::contact::{ContactMode, Participant};
use super::follow_up::{FollowUp, FollowUpMark};
use super::note::{Client, GoalProgress, Intervention, Note, Person, Quote};
use super::template::{DocumentType, Template};
use super::time::duration_minutes;
use crate::Lang;

mod check;
mod intake;
pub mod links;

pub use check::MAX_LANGUAGE_TAG;
pub(crate) use check::{language_tag_problem, read_document};
pub use intake::MAX_LATE_ENTRY_HOURS;

/// The value of the payload's `schema` field.
pub const PAYLOAD_SCHEMA: &str = "casenote/v1";

/// The canonical form this release hashes (`canonicalVersion`): 2 covers
/// participants, contact mode, location and follow-ups; 3 also the
/// language the note was written in; 4 a participant's relationship to
/// the client. A payload without the member is version 1, hashed as
/// earlier releases did. A note is sent at the lowest version that covers
/// what it holds (3, or 4 when a participant has a relationship), so a
/// receiver of an earlier release takes every note it can hash, and
/// refuses the rest as an unknown version rather than as altered. 5 covers
/// review: whether the note asks for it, and the note a revision revises.
pub const CANONICAL_VERSION: u32 = 5;

fn version_one() -> u32 {
    1
}

fn is_version_one(v: &u32) -> bool {
    *v == 1
}

// The wire form: camelCase members, optional ones left out when absent.

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coding {
    pub system: String,
    pub code: String,
    pub display: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PayloadService {
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::json_int::optional"
    )]
    pub duration_minutes: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayloadSection {
    pub key: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loinc: Option<String>,
    pub text: String,
    #[serde(default)]
    pub quotes: Vec<Quote>,
}

/// When the note was written relative to the service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeliness {
    /// RFC 3339: when the worker submitted the note.
    pub documented_at: String,
    /// Hours from the end of service to documentation, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_after_service: Option<f64>,
    /// The host's threshold, in hours, past which a note is a late entry.
    pub late_entry_threshold_hours: f64,
    pub late_entry: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_entry_reason: Option<String>,
    /// The worker's UTC offset in minutes east (+60 for UTC+1) when the
    /// note was documented: it ties the local service times to UTC, so a
    /// receiver can work out the hours after service itself.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::json_int::optional"
    )]
    pub utc_offset_minutes: Option<i32>,
}

/// What building a payload needs beyond the note and its template.
#[derive(Clone, Debug, PartialEq)]
pub struct BuildContext {
    pub documented_at: String,
    pub document_type: DocumentType,
    pub hours_after_service: Option<f64>,
    pub late_entry_threshold_hours: f64,
    /// The worker's UTC offset (minutes east), sent as
    /// `timeliness.utcOffsetMinutes`.
    pub utc_offset_minutes: Option<i32>,
}

impl BuildContext {
    /// A context with no timeliness information (tests, previews).
    pub fn at(documented_at: &str) -> Self {
        BuildContext {
            documented_at: documented_at.to_string(),
            document_type: DocumentType::ProgressNote,
            hours_after_service: None,
            late_entry_threshold_hours: super::timeliness::DEFAULT_LATE_ENTRY_HOURS,
            utc_offset_minutes: None,
        }
    }

    pub fn is_late(&self) -> bool {
        self.hours_after_service
            .is_some_and(|h| h > self.late_entry_threshold_hours)
    }
}

/// A finished note, as POSTed to the host's endpoint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PayloadV1 {
    /// Always `casenote/v1`.
    pub schema: String,
    /// The note's UUID; also sent as the `Idempotency-Key` header.
    pub id: String,
    /// Template id (`soap`, `dap`).
    pub format: String,
    /// Template display name (`SOAP`, `DAP`).
    pub format_name: String,
    /// LOINC document type of the whole note.
    pub document_type: Coding,
    pub client: Client,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Person>,
    pub service: PayloadService,
    /// The template's sections, in order.
    pub sections: Vec<PayloadSection>,
    /// Host goals this contact addressed, with progress.
    #[serde(default)]
    pub goals: Vec<GoalProgress>,
    /// Challenges and barriers, if any were recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenges: Option<String>,
    #[serde(default)]
    pub interventions: Vec<Intervention>,
    /// Who took part, each with a role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    /// How the contact happened, when the worker said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_mode: Option<ContactMode>,
    /// Where it happened, when the worker said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// The plan's next steps: what, who, when.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
    /// How the previous note's follow-ups stand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous_follow_ups: Vec<FollowUpMark>,
    /// The language the note was written in, as a BCP 47 tag (`es`): its
    /// section labels are in it. Keys, enum values and codes are the same
    /// in every language. Absent in notes of earlier releases (English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The canonical form `contentHash` is computed from (see
    /// [`CANONICAL_VERSION`]); left out for version 1.
    #[serde(
        default = "version_one",
        skip_serializing_if = "is_version_one",
        deserialize_with = "crate::json_int::integer"
    )]
    pub canonical_version: u32,
    /// RFC 3339: when the draft was started.
    pub created_at: String,
    /// RFC 3339: when the worker submitted the note.
    pub documented_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeliness: Option<Timeliness>,
    /// The worker's signature over the content hash, when signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<super::record::Signature>,
    /// For an addendum: the original it adds to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addendum: Option<super::record::AddendumLink>,
    /// Whether the host asks for a supervisor's review of this note.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub review_required: bool,
    /// For a revision: the returned note it revises, and the answers to
    /// the review's comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<crate::review::RevisionLink>,
    /// Lower-case hex SHA-256 of the canonical content (see `record`): every
    /// note carries its own hash, signed or not.
    #[serde(default)]
    pub content_hash: String,
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

impl PayloadV1 {
    /// Builds the payload for `note` in `template`'s section order. Sections
    /// from other formats are left out (validation refuses a note that has
    /// any with content).
    pub fn build(note: &Note, template: &Template, ctx: &BuildContext) -> Self {
        let documented_at = ctx.documented_at.as_str();
        let (code, display) = ctx.document_type.loinc();
        let sections = template
            .sections
            .iter()
            .map(|spec| {
                let entry = note.section(&spec.key);
                PayloadSection {
                    key: spec.key.clone(),
                    label: spec.label.clone(),
                    loinc: spec.loinc.clone(),
                    text: entry
                        .map(|e| e.text.trim_end().to_string())
                        .unwrap_or_default(),
                    quotes: entry.map(|e| e.quotes.clone()).unwrap_or_default(),
                }
            })
            .collect();
        let author = (!note.author.id.is_empty() || !note.author.name.is_empty())
            .then(|| note.author.clone());
        let review_required = note.review_required || !template.review.is_optional();
        PayloadV1 {
            schema: PAYLOAD_SCHEMA.into(),
            id: note.id.clone(),
            format: template.id.clone(),
            format_name: template.name.clone(),
            document_type: Coding {
                system: "http://loinc.org".into(),
                code: code.into(),
                display: display.into(),
            },
            client: Client {
                id: note.client.id.trim().to_string(),
                name: note.client.name.trim().to_string(),
            },
            author,
            service: PayloadService {
                date: note.service.date.trim().to_string(),
                start: non_empty(&note.service.start),
                end: non_empty(&note.service.end),
                duration_minutes: duration_minutes(&note.service.start, &note.service.end),
            },
            sections,
            goals: note.goals.clone(),
            challenges: non_empty(&note.challenges),
            interventions: note
                .interventions
                .iter()
                .map(|i| Intervention {
                    description: i.description.trim().to_string(),
                    rationale: i.rationale.trim().to_string(),
                    client_response: i.client_response.trim().to_string(),
                    deviates: i.deviates,
                })
                .collect(),
            participants: note
                .participants
                .iter()
                .map(|p| Participant {
                    name: p.name.trim().to_string(),
                    role: p.role,
                    relationship: p.relationship.trim().to_string(),
                })
                .collect(),
            contact_mode: note.contact_mode,
            location: non_empty(&note.location),
            follow_ups: note.follow_ups.iter().map(FollowUp::trimmed).collect(),
            previous_follow_ups: note.previous_follow_ups.clone(),
            language: Some(note.language.tag().into()),
            canonical_version: if review_required || note.revises.is_some() {
                5
            } else if note
                .participants
                .iter()
                .any(|p| !p.relationship.trim().is_empty())
            {
                4
            } else {
                3
            },
            created_at: note.created_at.clone(),
            documented_at: documented_at.to_string(),
            timeliness: Some(Timeliness {
                documented_at: documented_at.to_string(),
                // Never negative: a note written before its service's day
                // ended (only a date given) is 0 h after it.
                hours_after_service: ctx
                    .hours_after_service
                    .map(|h| (h.max(0.0) * 100.0).round() / 100.0),
                late_entry_threshold_hours: ctx.late_entry_threshold_hours,
                late_entry: ctx.is_late(),
                // Kept whenever given, so a signed note's content (and hash)
                // does not change as time passes.
                late_entry_reason: non_empty(&note.late_entry_reason),
                utc_offset_minutes: ctx.utc_offset_minutes,
            }),
            signature: note.signature.clone(),
            addendum: note.addendum.clone(),
            review_required,
            revises: note.revises.as_ref().map(|r| r.trimmed()),
            content_hash: String::new(),
        }
        .with_hash()
    }

    /// The language the note was written in: English for notes of earlier
    /// releases, and for a language this release has no catalog of.
    pub fn lang(&self) -> Lang {
        self.language
            .as_deref()
            .map(Lang::negotiate)
            .unwrap_or_default()
    }

    /// `self` with `content_hash` computed from its content.
    pub fn with_hash(mut self) -> Self {
        self.content_hash = self.computed_hash();
        self
    }
}

#[cfg(test)]
mod tests;
