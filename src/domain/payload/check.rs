//! Reading a payload as a receiver does, and the rules a well-formed
//! payload meets beyond its shape: every problem with the JSON path of its
//! field.

use super::{PayloadV1, Timeliness, CANONICAL_VERSION, PAYLOAD_SCHEMA};
use crate::domain::field_error::FieldError;
use crate::domain::follow_up::{Owner, Status};
use crate::domain::id::is_uuid;
use crate::domain::time::{parse_date, parse_time};

/// A decode error as a field error: the JSON path goes in the field (`body`
/// for text that is not JSON, `payload` for the top level), the problem in
/// the message.
fn decode_error(e: &serde_path_to_error::Error<serde_json::Error>) -> FieldError {
    let inner = e.inner();
    let path = e.path().to_string();
    if inner.is_syntax() || inner.is_eof() {
        FieldError::new("body", format!("is not JSON: {inner}"))
    } else if path == "." {
        FieldError::new("payload", format!("must be a casenote/v1 note: {inner}"))
    } else {
        FieldError::new(path, inner.to_string())
    }
}

impl Timeliness {
    /// Whether the label says what the hours say, so that a late entry
    /// cannot be sent as on time (hours are sent to two decimals, hence the
    /// allowance of 0.01 h at the threshold).
    fn check(&self, documented_at: &str) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.documented_at != documented_at {
            errors.push(FieldError::new(
                "timeliness.documentedAt",
                "must equal documentedAt",
            ));
        }
        if let Some(h) = self.hours_after_service {
            let threshold = self.late_entry_threshold_hours;
            if (self.late_entry && h < threshold - 0.01)
                || (!self.late_entry && h > threshold + 0.01)
            {
                errors.push(FieldError::new(
                    "timeliness.lateEntry",
                    "must be true exactly when hoursAfterService is over lateEntryThresholdHours",
                ));
            }
        }
        if self.late_entry
            && self
                .late_entry_reason
                .as_deref()
                .is_none_or(|r| r.trim().is_empty())
        {
            errors.push(FieldError::new(
                "timeliness.lateEntryReason",
                "must say why a late entry was written late",
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
    pub fn parse(json: &str) -> Result<Self, Vec<FieldError>> {
        let mut de = serde_json::Deserializer::from_str(json);
        let payload: PayloadV1 =
            serde_path_to_error::deserialize(&mut de).map_err(|e| vec![decode_error(&e)])?;
        de.end()
            .map_err(|e| vec![FieldError::new("body", format!("is not JSON: {e}"))])?;
        Self::checked(payload)
    }

    /// Reads and checks a payload from a parsed JSON value.
    pub fn from_value(value: serde_json::Value) -> Result<Self, Vec<FieldError>> {
        let payload: PayloadV1 =
            serde_path_to_error::deserialize(value).map_err(|e| vec![decode_error(&e)])?;
        Self::checked(payload)
    }

    fn checked(payload: PayloadV1) -> Result<Self, Vec<FieldError>> {
        let errors = payload.check();
        if errors.is_empty() {
            Ok(payload)
        } else {
            Err(errors)
        }
    }

    /// The rules a well-formed payload meets beyond its shape.
    pub fn check(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.schema != PAYLOAD_SCHEMA {
            errors.push(FieldError::new(
                "schema",
                format!("must be \"{PAYLOAD_SCHEMA}\""),
            ));
        }
        if !is_uuid(&self.id) {
            errors.push(FieldError::new("id", "must be a UUID"));
        }
        if self.format.trim().is_empty() {
            errors.push(FieldError::new("format", "must not be empty"));
        }
        if self.client.id.trim().is_empty() && self.client.name.trim().is_empty() {
            errors.push(FieldError::new("client", "needs an id or a name"));
        }
        if parse_date(&self.service.date).is_none() {
            errors.push(FieldError::new(
                "service.date",
                "must be a date, YYYY-MM-DD",
            ));
        }
        for (name, value) in [("start", &self.service.start), ("end", &self.service.end)] {
            if value.as_deref().is_some_and(|t| parse_time(t).is_none()) {
                errors.push(FieldError::new(
                    format!("service.{name}"),
                    "must be a time, HH:MM",
                ));
            }
        }
        if self.sections.is_empty() {
            errors.push(FieldError::new(
                "sections",
                "must hold at least one section",
            ));
        }
        if self
            .sections
            .iter()
            .all(|s| s.text.trim().is_empty() && s.quotes.is_empty())
        {
            errors.push(FieldError::new("sections", "every section is empty"));
        }
        // Hex in either case: the schema's pattern allows both.
        let hash = self.computed_hash();
        if !self.content_hash.eq_ignore_ascii_case(&hash) {
            errors.push(FieldError::new(
                "contentHash",
                "does not match the note's content: the note was changed after casenote built it",
            ));
        }
        if let Some(sig) = &self.signature {
            if sig.signer_id.trim().is_empty() && sig.signer_name.trim().is_empty() {
                errors.push(FieldError::new(
                    "signature.signerId",
                    "needs the signer's id or name",
                ));
            }
            if sig
                .signature_hash
                .as_deref()
                .is_some_and(|h| !h.eq_ignore_ascii_case(&sig.computed_hash()))
            {
                errors.push(FieldError::new(
                    "signature.signatureHash",
                    "does not match the signature block: its signer, time or attestation was changed after signing",
                ));
            }
            if !sig.content_hash.eq_ignore_ascii_case(&hash) {
                errors.push(FieldError::new(
                    "signature.contentHash",
                    "does not match the note's content: the note was changed after it was signed",
                ));
            }
        }
        if let Some(t) = &self.timeliness {
            errors.extend(t.check(&self.documented_at));
        }
        if let Some(a) = &self.addendum {
            if !is_uuid(&a.to) {
                errors.push(FieldError::new(
                    "addendum.to",
                    "must be the original note's id (a UUID)",
                ));
            }
            if a.to_hash
                .as_deref()
                .is_some_and(|h| !crate::domain::record::is_sha256_hex(h))
            {
                errors.push(FieldError::new(
                    "addendum.toHash",
                    "must be a SHA-256 in hex (64 characters)",
                ));
            }
            if a.reason.trim().is_empty() {
                errors.push(FieldError::new(
                    "addendum.reason",
                    "must say why the addendum is written",
                ));
            }
        }
        errors.extend(self.contact_problems());
        for (i, s) in self.sections.iter().enumerate() {
            if s.key.trim().is_empty() {
                errors.push(FieldError::new(
                    format!("sections[{i}].key"),
                    "must not be empty",
                ));
            }
            for (j, q) in s.quotes.iter().enumerate() {
                if q.text.trim().is_empty() {
                    errors.push(FieldError::new(
                        format!("sections[{i}].quotes[{j}].text"),
                        "must not be empty",
                    ));
                }
            }
        }
        errors
    }
}

impl PayloadV1 {
    /// The canonical version, and the members it brought: participants,
    /// follow-ups and the marks on the previous note's.
    fn contact_problems(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !(1..=CANONICAL_VERSION).contains(&self.canonical_version) {
            errors.push(FieldError::new(
                "canonicalVersion",
                format!("must be 1, 2, 3 or {CANONICAL_VERSION}"),
            ));
        }
        let has_new_members = !self.participants.is_empty()
            || self.contact_mode.is_some()
            || self.location.is_some()
            || !self.follow_ups.is_empty()
            || !self.previous_follow_ups.is_empty();
        if self.canonical_version == 1 && has_new_members {
            errors.push(FieldError::new(
                "canonicalVersion",
                "must be 2 for a note with participants, contactMode, location, followUps or previousFollowUps: version 1's content hash does not cover them",
            ));
        }
        if self.canonical_version < 3 && self.language.is_some() {
            errors.push(FieldError::new(
                "canonicalVersion",
                "must be 3 for a note with language: earlier versions' content hash does not cover it",
            ));
        }
        if self.canonical_version < 4
            && self.participants.iter().any(|p| !p.relationship.is_empty())
        {
            errors.push(FieldError::new(
                "canonicalVersion",
                "must be 4 for a note whose participants have a relationship: earlier versions' receivers do not read it",
            ));
        }
        if let Some(tag) = &self.language {
            if let Some(problem) = language_tag_problem(tag) {
                errors.push(FieldError::new("language", problem));
            }
        }
        for (i, p) in self.participants.iter().enumerate() {
            if p.name.trim().is_empty() {
                errors.push(FieldError::new(
                    format!("participants[{i}].name"),
                    "must not be empty",
                ));
            }
        }
        for (i, f) in self.follow_ups.iter().enumerate() {
            if f.what.trim().is_empty() {
                errors.push(FieldError::new(
                    format!("followUps[{i}].what"),
                    "must not be empty",
                ));
            }
            if f.who == Owner::Other && f.who_name.trim().is_empty() {
                errors.push(FieldError::new(
                    format!("followUps[{i}].whoName"),
                    "must name the person when who is \"other\"",
                ));
            }
            if !f.is_dated() {
                errors.push(FieldError::new(
                    format!("followUps[{i}].due"),
                    "must be a date, YYYY-MM-DD",
                ));
            }
        }
        for (i, m) in self.previous_follow_ups.iter().enumerate() {
            if !is_uuid(&m.note) {
                errors.push(FieldError::new(
                    format!("previousFollowUps[{i}].note"),
                    "must be the previous note's id (a UUID)",
                ));
            }
            if m.what.trim().is_empty() {
                errors.push(FieldError::new(
                    format!("previousFollowUps[{i}].what"),
                    "must not be empty",
                ));
            }
            if m.status == Status::NotDone && m.reason.trim().is_empty() {
                errors.push(FieldError::new(
                    format!("previousFollowUps[{i}].reason"),
                    "must say why the follow-up was not done (status is \"notDone\")",
                ));
            }
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
fn language_tag_problem(tag: &str) -> Option<String> {
    if tag.len() > MAX_LANGUAGE_TAG {
        return Some(format!(
            "must be a BCP 47 language tag of at most {MAX_LANGUAGE_TAG} characters (got {})",
            tag.len()
        ));
    }
    if tag.trim().is_empty() || tag.parse::<unic_langid::LanguageIdentifier>().is_err() {
        return Some(format!(
            "must be a BCP 47 language tag, like \"en\" or \"es\" (got \"{tag}\")"
        ));
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
    repeated.then(|| format!("must not give a variant twice (got \"{tag}\")"))
}
