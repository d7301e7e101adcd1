//! A problem in the contract's English, as a receiver answers it
//! (`{"field": "service.date", "message": "must be a date, YYYY-MM-DD"}`):
//! the words a host's developer reads. The worker's words are `words.rs`.

use super::{FieldPath, FieldProblem, Problem, SchemaBreach};
use crate::field_path::{
    AddendumPart, FollowUpPart, InterventionPart, Member, SignerPart, TemplatePart,
};
use crate::payload::{CANONICAL_VERSION, PAYLOAD_SCHEMA};

/// Said when an addendum's `toHash` is not the hash of the original as
/// stored: what happened, and what to do next.
pub const ORIGINAL_CHANGED: &str = "The original note has changed since this addendum was started, so it cannot be linked to it. Go back to the inbox, open the original again and choose Write an addendum.";

impl FieldProblem {
    /// The message a receiver sends for this problem.
    pub fn wire(&self) -> String {
        use Problem as P;
        let said = |s: &str| s.to_string();
        match &self.problem {
            P::DurationWrong { actual, given } => {
                format!("must be the minutes from start to end ({actual}), not {given}")
            }
            P::NotADateTime => said("must be a date and time (RFC 3339)"),
            P::CreatedAfterDocumented => said(
                "is after documentedAt: a draft is started before the note is documented",
            ),
            P::HoursWrong { fewest, most } => format!(
                "must be the hours from the end of the service to documentedAt ({})",
                if fewest == most {
                    format!("{fewest:.2}")
                } else {
                    format!("{fewest:.2} to {most:.2}, by time zone")
                }
            ),
            P::ThresholdTooLarge => format!(
                "must be at most {} hours (a year)",
                crate::payload::MAX_LATE_ENTRY_HOURS
            ),
            P::LateEntryContradicted => said("contradicts the service time and documentedAt: the note was documented more than lateEntryThresholdHours after the service exactly when lateEntry is true"),
            P::LateByPolicy { policy_hours, hours } => format!(
                "must be true: this receiver counts a note documented more than {policy_hours} hours after its service as a late entry, and this one was documented {hours:.2} hours after it. Send it as a late entry with lateEntryReason"
            ),
            P::AddendumToItself => said("names this note itself: an addendum adds to another note"),
            P::OriginalMissing => said("names a note this receiver does not have: the original is sent before its addendum"),
            P::OriginalOtherClient => said("names a note about another client: an addendum is about its original's client"),
            P::OriginalChanged => said(ORIGINAL_CHANGED),
            P::SignsNoHash => said("is missing: a signature addendum names the hash of exactly what it signs"),
            P::OriginalSigned => said("names a note that is already signed: a signature addendum signs a note sent unsigned"),
            P::SignatureMissing => said("is missing: a signature addendum carries its author's signature"),
            P::OriginalAuthorUnknown => said("names a note that does not say who wrote it: only its author signs it later, so it cannot be signed now; write an addendum of another kind"),
            P::NotByAuthor => said("is not by the original's author (the same staff id, or the same name when the note has no id): only the author signs a note later; anyone else writes an addendum of another kind"),
            P::AlreadySignedLater => said("names a note that was already signed later: it is signed once"),
            P::MarkOfItself => said("names this note itself: it marks the follow-ups of an earlier note"),
            P::EarlierMissing => said("names a note this receiver does not have"),
            P::EarlierOtherClient => said("names a note about another client"),
            P::PastFollowUps { count } => {
                format!("is past the end of that note's followUps: it has {count}")
            }
            P::MarkWhatDiffers => said("is not what that note's follow-up at this index says"),
            P::WrongReviewSchema => format!("must be \"{}\"", crate::review::REVIEW_SCHEMA),
            P::NotAReview { detail } => format!("must be a casenote-review/v1 review: {detail}"),
            P::CreatedAfterDecided => said("is after decidedAt: a review is started before it is decided"),
            P::CommentRequired => said("must hold at least one comment: a note is returned with the reason it needs revising"),
            P::CommentIdTwice => said("is the id of an earlier comment: each comment has its own id"),
            P::ReviewChanged => said("does not match the review's content: the note's hash, the decision or the comments were changed after the review was built"),
            P::CoSignatureOnReturn => said("must be absent: only a review that co-signs carries a co-signature"),
            P::CoSignerNotReviewer => said("must be the reviewer's id and name: the reviewer co-signs"),
            P::ReviewedNoteMissing => said("names a note this receiver does not have: the note is sent before its review"),
            P::ReviewedNoteChanged => said("is not the hash of the note as stored: the review is about another version of it. Open the note again and review what was stored"),
            P::VersionDecided => said("names a note that was already co-signed or returned: a version is decided once, and a returned note is reviewed again as its revision"),
            P::SelfApproval => said("is the note's author: a note is co-signed by someone other than its author (this receiver does not allow self-approval)"),
            P::CommentAboutMissing => said("names a section, quote or intervention the note does not have"),
            P::RevisesItself => said("names this note itself: a revision is a new note that names the note it revises"),
            P::RevisedMissing => said("names a note this receiver does not have: the note is sent before its revision"),
            P::RevisedOtherClient => said("names a note about another client: a revision is about its original's client"),
            P::RevisedChanged => said("is not the hash of the note as stored: a revision names exactly the version that was returned"),
            P::ReturnMissing => said("names no review of the note revised that this receiver has: a revision answers the review that returned the note"),
            P::NotReturned => said("names a note that was not returned for revision: only a returned note is revised; write an addendum to add to any other"),
            P::AlreadyRevised => said("names a note that was already revised: a returned note is revised once, and the revision is reviewed in turn"),
            P::AnswersNoComment => said("names no comment of the review that returned the note"),
            P::AnsweredTwice => said("answers a comment an earlier answer answers: one answer per comment"),
            P::RevisionAndAddendum => said("must be absent in a revision: a note either revises a returned note or adds to one, not both"),
            P::FhirIdDiffers => said("must be the id of the casenote JSON it carries"),
            P::FhirTypeDiffers => said("must carry the LOINC code of the casenote JSON's documentType"),
            P::FhirSubjectDiffers => said("must name the client of the casenote JSON (its display and identifier)"),
            P::FhirJsonsDiffer => said("holds more than one application/json attachment, and they differ: it must carry one casenote JSON"),
            P::FhirTextDiffers => said("its text/plain attachment must be the casenote JSON rendered as text, as casenote renders it"),
            P::FhirSubjectUnresolved { client, to } => format!(
                "must be Patient/<client id> (\"Patient/{client}\"): this receiver cannot tell which patient \"{to}\" is"
            ),
            P::NotUtf8 => said("must be UTF-8 JSON"),
            P::KeyGivenTwice { detail } => format!("{detail}: each key may be given only once"),
            P::LoneSurrogate { escape, line, column } => format!(
                "holds {escape} at line {line} column {column}: half of a UTF-16 surrogate pair, which is no character on its own. Send the character itself, or both halves (\\ud83d\\ude00)"
            ),
            P::Schema(breach) => breach.wire(),
            P::KeyMissing => said("is required: send the note's id as Idempotency-Key"),
            P::KeyNotId => said("must be the note's id (its \"id\" field)"),
            P::ReviewKeyMissing => said("is required: send the review's id as Idempotency-Key"),
            P::KeyNotReviewId => said("must be the review's id (its \"id\" field)"),
            P::KeyReused => {
                said("was already used for a different note: send each note under its own id")
            }

            _ => self.wire_of_check(),
        }
    }

    /// The same for the problems the payload check, a host template's
    /// check and the editor find: the only ones a browser says in these
    /// words (a previous note refused, a template refused), so the only
    /// ones its bundle carries.
    pub fn wire_of_check(&self) -> String {
        use Problem as P;
        let said = |s: &str| s.to_string();
        match &self.problem {
            P::Missing => said(missing(&self.field)),
            P::NotADate => said("must be a date, YYYY-MM-DD"),
            P::NotATime => said("must be a time, HH:MM"),
            P::NotAUuid { .. } => said(match self.field {
                FieldPath::Addendum(_) => "must be the original note's id (a UUID)",
                FieldPath::PreviousFollowUp { .. } => "must be the previous note's id (a UUID)",
                _ => "must be a UUID",
            }),
            P::NotASha256 => said("must be a SHA-256 in hex (64 characters)"),
            P::InFuture => said("is in the future"),
            P::EndIsStart => said("must be after the start time"),
            P::EndBeforeStart => said("is before the start time"),
            P::ServiceNotEnded => {
                said("had not ended by documentedAt: a note is written after its service")
            }
            P::AttemptEmpty => said("must say what was tried and what happened"),
            P::SectionEmpty { .. } | P::QuoteEmpty { .. } => said("must not be empty"),
            P::NotDoneWithoutReason { .. } => {
                said("must say why the follow-up was not done (status is \"notDone\")")
            }
            P::Stray { format, .. } => format!("is not part of a {format} note"),
            P::WrongSchema => format!("must be \"{PAYLOAD_SCHEMA}\""),
            P::AllSectionsEmpty => said("every section is empty"),
            P::ContentChanged => said(
                "does not match the note's content: the note was changed after casenote built it",
            ),
            P::SignatureBlockChanged => said("does not match the signature block: its signer, time or attestation was changed after signing"),
            P::ChangedAfterSigning => said(
                "does not match the note's content: the note was changed after it was signed",
            ),
            P::NotDocumentedAt => said("must equal documentedAt"),
            P::LateEntryMismatch => said(
                "must be true exactly when hoursAfterService is over lateEntryThresholdHours",
            ),
            P::UnknownCanonicalVersion => format!("must be 1, 2, 3, 4 or {CANONICAL_VERSION}"),
            P::CanonicalVersionBelow { needed: 2 } => said("must be 2 for a note with participants, contactMode, location, followUps or previousFollowUps: version 1's content hash does not cover them"),
            P::CanonicalVersionBelow { needed: 3 } => said("must be 3 for a note with language: earlier versions' content hash does not cover it"),
            P::CanonicalVersionBelow { needed: 4 } => said("must be 4 for a note whose participants have a relationship: earlier versions' receivers do not read it"),
            P::CanonicalVersionBelow { needed } => format!("must be {needed} for a note with reviewRequired or revises: earlier versions' content hash does not cover them"),
            P::TagTooLong { len } => format!(
                "must be a BCP 47 language tag of at most {} characters (got {len})",
                crate::payload::MAX_LANGUAGE_TAG
            ),
            P::NotATag { tag } => {
                format!("must be a BCP 47 language tag, like \"en\" or \"es\" (got \"{tag}\")")
            }
            P::TagVariantTwice { tag } => format!("must not give a variant twice (got \"{tag}\")"),
            P::NotAKey => said(
                "must be 1 to 40 lower-case letters, digits, - or _, starting with a letter",
            ),
            P::KeyUsedBefore { key } => format!("\"{key}\" is used by an earlier section"),
            P::TooManySections => said("must list at most 20 sections"),
            P::NotLoinc { code } => format!("\"{code}\" is not a LOINC code like 61150-9"),
            P::NotATemplate { detail } => format!("is not a valid template: {detail}"),
            P::NotJson { detail } => format!("is not JSON: {detail}"),
            P::NotANote { detail } => format!("must be a casenote/v1 note: {detail}"),
            P::Shape { detail } | P::NotAWrapper { detail } | P::Host(detail) => detail.clone(),
            // Only a receiver finds these; `wire` says them.
            _ => said("is not valid"),
        }
    }
}

/// What a missing value is, field by field.
fn missing(field: &FieldPath) -> &'static str {
    match field {
        FieldPath::Client => "needs an id or a name",
        FieldPath::ServiceDate
        | FieldPath::FollowUp {
            part: FollowUpPart::Due,
            ..
        } => "must be a date, YYYY-MM-DD",
        FieldPath::ServiceStart => "is required when there is an end time",
        FieldPath::LateEntryReason => "must say why a late entry was written late",
        FieldPath::Addendum(AddendumPart::Reason) => "must say why the addendum is written",
        FieldPath::Intervention {
            part: InterventionPart::Rationale,
            ..
        } => "must say why the intervention departs from standard procedure (deviates is true)",
        FieldPath::FollowUp {
            part: FollowUpPart::WhoName,
            ..
        } => "must name the person when who is \"other\"",
        FieldPath::Signer(SignerPart::Id) => "needs the signer's id or name",
        FieldPath::Member(Member::Sections) => "must hold at least one section",
        FieldPath::Member(Member::Timeliness) => {
            "is required: the receiver works out whether the note is a late entry"
        }
        FieldPath::Member(Member::IdempotencyKey) => {
            "is required: send the note's id as Idempotency-Key"
        }
        FieldPath::Template(TemplatePart::Sections) => "must list at least one section",
        _ => "must not be empty",
    }
}

impl SchemaBreach {
    /// The rule in words, as the receiver answers a note that breaks it.
    pub fn wire(&self) -> String {
        match self {
            SchemaBreach::Required => "is required".into(),
            SchemaBreach::Type { expected, got } => {
                format!("must be {}, not {got}", expected.join(" or "))
            }
            SchemaBreach::Constant(v) => format!("must be {v}"),
            SchemaBreach::OneOf(list) => format!("must be one of {}", list.join(", ")),
            SchemaBreach::MinLength(1) => "must not be empty".into(),
            SchemaBreach::MinLength(n) => format!("must be at least {n} characters long"),
            SchemaBreach::MinItems(n) => format!("must hold at least {n} item(s)"),
            SchemaBreach::Minimum(n) => format!("must be at least {n}"),
            SchemaBreach::Maximum(n) => format!("must be at most {n}"),
            SchemaBreach::Format(f) => format!(
                "must be {}",
                match f.as_str() {
                    "uuid" => "a UUID",
                    "date" => "a date, YYYY-MM-DD",
                    "date-time" => "a date and time (RFC 3339)",
                    other => other,
                }
            ),
            SchemaBreach::Pattern {
                described: Some(what),
                ..
            } => format!("must be {what}"),
            SchemaBreach::Pattern { pattern, .. } => format!("must match {pattern}"),
            SchemaBreach::Keyword(k) => format!("breaks the schema's \"{k}\" rule"),
        }
    }
}
