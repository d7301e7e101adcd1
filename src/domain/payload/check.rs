//! Reading a payload as a receiver does, and the rules a well-formed
//! payload meets beyond its shape: every problem with the JSON path of its
//! field.

use super::{PayloadV1, Timeliness, CANONICAL_VERSION, PAYLOAD_SCHEMA};
use crate::field_path::{FieldPath, MarkPart, Member, ParticipantPart, SignerPart};
use crate::id::is_uuid;
use crate::problem::{FieldProblem, Problem};
use crate::rules;

fn member(m: Member, problem: Problem) -> FieldProblem {
    FieldProblem::new(FieldPath::Member(m), problem)
}

/// A decode error as a problem: at `body` for text that is not JSON, at
/// the document as a whole (`whole`, with the decoder's detail) for the
/// top level, else at its JSON path.
fn decode_error(
    e: &serde_path_to_error::Error<serde_json::Error>,
    whole: fn(String) -> FieldProblem,
) -> FieldProblem {
    let inner = e.inner();
    let path = e.path().to_string();
    let detail = inner.to_string();
    if inner.is_syntax() || inner.is_eof() {
        member(Member::Body, Problem::NotJson { detail })
    } else if path == "." {
        whole(detail)
    } else {
        FieldProblem::new(FieldPath::Json(path), Problem::Shape { detail })
    }
}

/// Reads a document of type `T` from JSON text, all of it: each decode
/// error at its field (see [`decode_error`]), trailing text refused.
pub(crate) fn read_document<T: serde::de::DeserializeOwned>(
    json: &str,
    whole: fn(String) -> FieldProblem,
) -> Result<T, Vec<FieldProblem>> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value: T =
        serde_path_to_error::deserialize(&mut de).map_err(|e| vec![decode_error(&e, whole)])?;
    de.end().map_err(|e| {
        let detail = e.to_string();
        vec![member(Member::Body, Problem::NotJson { detail })]
    })?;
    Ok(value)
}

fn not_a_note(detail: String) -> FieldProblem {
    member(Member::Payload, Problem::NotANote { detail })
}

impl Timeliness {
    /// Whether the label says what the hours say, so that a late entry
    /// cannot be sent as on time (hours are sent to two decimals, hence the
    /// allowance of 0.01 h at the threshold).
    fn check(&self, documented_at: &str) -> Vec<FieldProblem> {
        let mut errors = Vec::new();
        if self.documented_at != documented_at {
            errors.push(member(
                Member::TimelinessDocumentedAt,
                Problem::NotDocumentedAt,
            ));
        }
        if let Some(h) = self.hours_after_service {
            let threshold = self.late_entry_threshold_hours;
            if (self.late_entry && h < threshold - 0.01)
                || (!self.late_entry && h > threshold + 0.01)
            {
                errors.push(member(
                    Member::TimelinessLateEntry,
                    Problem::LateEntryMismatch,
                ));
            }
        }
        if self.late_entry
            && self
                .late_entry_reason
                .as_deref()
                .is_none_or(|r| r.trim().is_empty())
        {
            errors.push(FieldProblem::new(
                FieldPath::LateEntryReason,
                Problem::Missing,
            ));
        }
        errors
    }
}

impl PayloadV1 {
    /// Reads and checks a payload from JSON text, as a receiver does.
    /// Returns every problem found, each with the JSON path of its field.
    /// A member given twice is refused (a reader taking the last copy would
    /// see text the content hash does not cover).
    pub fn parse(json: &str) -> Result<Self, Vec<FieldProblem>> {
        Self::checked(read_document(json, not_a_note)?)
    }

    /// Reads and checks a payload from a parsed JSON value.
    pub fn from_value(value: serde_json::Value) -> Result<Self, Vec<FieldProblem>> {
        let payload: PayloadV1 = serde_path_to_error::deserialize(value)
            .map_err(|e| vec![decode_error(&e, not_a_note)])?;
        Self::checked(payload)
    }

    fn checked(payload: PayloadV1) -> Result<Self, Vec<FieldProblem>> {
        let errors = payload.check();
        if errors.is_empty() {
            Ok(payload)
        } else {
            Err(errors)
        }
    }

    /// The rules a well-formed payload meets beyond its shape.
    pub fn check(&self) -> Vec<FieldProblem> {
        let mut errors = Vec::new();
        if self.schema != PAYLOAD_SCHEMA {
            errors.push(member(Member::Schema, Problem::WrongSchema));
        }
        if !is_uuid(&self.id) {
            let given = self.id.clone();
            errors.push(member(Member::Id, Problem::NotAUuid { given }));
        }
        if self.format.trim().is_empty() {
            errors.push(member(Member::Format, Problem::Missing));
        }
        if let Some(p) = rules::client_named(&self.client) {
            errors.push(FieldProblem::new(FieldPath::Client, p));
        }
        if let Err(p) = rules::date(&self.service.date) {
            errors.push(FieldProblem::new(FieldPath::ServiceDate, p));
        }
        for (field, value) in [
            (FieldPath::ServiceStart, &self.service.start),
            (FieldPath::ServiceEnd, &self.service.end),
        ] {
            if let Some(p) = value.as_deref().and_then(rules::time) {
                errors.push(FieldProblem::new(field, p));
            }
        }
        if self.sections.is_empty() {
            errors.push(member(Member::Sections, Problem::Missing));
        }
        if self
            .sections
            .iter()
            .all(|s| s.text.trim().is_empty() && s.quotes.is_empty())
        {
            errors.push(member(Member::Sections, Problem::AllSectionsEmpty));
        }
        // Hex in either case: the schema's pattern allows both.
        let hash = self.computed_hash();
        if !self.content_hash.eq_ignore_ascii_case(&hash) {
            errors.push(member(Member::ContentHash, Problem::ContentChanged));
        }
        if let Some(sig) = &self.signature {
            if sig.signer_id.trim().is_empty() && sig.signer_name.trim().is_empty() {
                errors.push(FieldProblem::new(
                    FieldPath::Signer(SignerPart::Id),
                    Problem::Missing,
                ));
            }
            if sig
                .signature_hash
                .as_deref()
                .is_some_and(|h| !h.eq_ignore_ascii_case(&sig.computed_hash()))
            {
                errors.push(member(
                    Member::SignatureHash,
                    Problem::SignatureBlockChanged,
                ));
            }
            if !sig.content_hash.eq_ignore_ascii_case(&hash) {
                errors.push(member(
                    Member::SignatureContentHash,
                    Problem::ChangedAfterSigning,
                ));
            }
        }
        if let Some(t) = &self.timeliness {
            errors.extend(t.check(&self.documented_at));
        }
        if let Some(a) = &self.addendum {
            errors.extend(a.problems());
        }
        errors.extend(self.contact_problems());
        for (i, s) in self.sections.iter().enumerate() {
            if s.key.trim().is_empty() {
                errors.push(FieldProblem::new(
                    FieldPath::SectionKey(i),
                    Problem::Missing,
                ));
            }
            for (j, q) in s.quotes.iter().enumerate() {
                if q.text.trim().is_empty() {
                    let field = FieldPath::Quote {
                        section: i,
                        key: s.key.clone(),
                        index: j,
                    };
                    let label = s.label.clone();
                    errors.push(FieldProblem::new(field, Problem::QuoteEmpty { label }));
                }
            }
        }
        errors
    }
}

impl PayloadV1 {
    /// The canonical version, and the members it brought: participants,
    /// follow-ups and the marks on the previous note's.
    fn contact_problems(&self) -> Vec<FieldProblem> {
        let mut errors = Vec::new();
        let version = |problem| member(Member::CanonicalVersion, problem);
        if !(1..=CANONICAL_VERSION).contains(&self.canonical_version) {
            errors.push(version(Problem::UnknownCanonicalVersion));
        }
        let has_new_members = !self.participants.is_empty()
            || self.contact_mode.is_some()
            || self.location.is_some()
            || !self.follow_ups.is_empty()
            || !self.previous_follow_ups.is_empty();
        if self.canonical_version == 1 && has_new_members {
            errors.push(version(Problem::CanonicalVersionBelow { needed: 2 }));
        }
        if self.canonical_version < 3 && self.language.is_some() {
            errors.push(version(Problem::CanonicalVersionBelow { needed: 3 }));
        }
        if self.canonical_version < 4
            && self.participants.iter().any(|p| !p.relationship.is_empty())
        {
            errors.push(version(Problem::CanonicalVersionBelow { needed: 4 }));
        }
        if self.canonical_version < 5 && (self.review_required || self.revises.is_some()) {
            errors.push(version(Problem::CanonicalVersionBelow { needed: 5 }));
        }
        if let Some(link) = &self.revises {
            errors.extend(link.problems());
            if self.addendum.is_some() {
                errors.push(FieldProblem::new(
                    FieldPath::Revises(crate::field_path::RevisionPart::To),
                    Problem::RevisionAndAddendum,
                ));
            }
        }
        if let Some(tag) = &self.language {
            if let Some(problem) = language_tag_problem(tag) {
                errors.push(member(Member::Language, problem));
            }
        }
        for (index, p) in self.participants.iter().enumerate() {
            if p.name.trim().is_empty() {
                let field = FieldPath::Participant {
                    index,
                    part: ParticipantPart::Name,
                };
                errors.push(FieldProblem::new(field, Problem::Missing));
            }
        }
        for (i, f) in self.follow_ups.iter().enumerate() {
            errors.extend(f.problems(i));
        }
        for (index, m) in self.previous_follow_ups.iter().enumerate() {
            let field = |part| FieldPath::PreviousFollowUp { index, part };
            if !is_uuid(&m.note) {
                let given = m.note.clone();
                errors.push(FieldProblem::new(
                    field(MarkPart::Note),
                    Problem::NotAUuid { given },
                ));
            }
            if m.what.trim().is_empty() {
                errors.push(FieldProblem::new(field(MarkPart::What), Problem::Missing));
            }
            errors.extend(m.problems(index));
        }
        errors
    }
}

/// The longest language tag taken: RFC 5646 (4.4.1) asks for room for 35
/// characters; nothing a note is written in needs more than this.
pub const MAX_LANGUAGE_TAG: usize = 64;

/// Why `tag` is not a language tag a note may carry, if it is not: it must
/// be BCP 47, at most [`MAX_LANGUAGE_TAG`] characters, with no variant
/// given twice (RFC 5646, 2.2.5).
pub(crate) fn language_tag_problem(tag: &str) -> Option<Problem> {
    if tag.len() > MAX_LANGUAGE_TAG {
        return Some(Problem::TagTooLong { len: tag.len() });
    }
    if tag.trim().is_empty() || tag.parse::<unic_langid::LanguageIdentifier>().is_err() {
        return Some(Problem::NotATag { tag: tag.into() });
    }
    // The parser drops a repeated variant silently; the tag itself must not
    // repeat one. Past the language, a subtag of 5 to 8 characters, or of 4
    // starting with a digit, is a variant.
    let variants: Vec<String> = tag
        .split(['-', '_'])
        .skip(1)
        .filter(|s| {
            (5..=8).contains(&s.len())
                || s.len() == 4 && s.starts_with(|c: char| c.is_ascii_digit())
        })
        .map(str::to_ascii_lowercase)
        .collect();
    let repeated = variants
        .iter()
        .enumerate()
        .any(|(i, v)| variants[..i].contains(v));
    repeated.then(|| Problem::TagVariantTwice { tag: tag.into() })
}
