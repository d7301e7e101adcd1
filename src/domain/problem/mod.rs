//! What every rule returns: a [`Problem`] with a field, as data. It is
//! turned into words only at the edge: in the worker's language for the
//! editor (`casenote-text`'s `Words`), and in the contract's English for a
//! receiver's answer ([`FieldProblem::wire`], `wire.rs`).
//! What a problem needs to be said (a section's label, a count) it carries.

mod wire;

pub use super::field_path::FieldPath;
pub use wire::ORIGINAL_CHANGED;

/// What is wrong with a field. Some problems are said differently for
/// different fields (what a missing value is depends on the field), so
/// words come from the pair, [`FieldProblem`].
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    // Said of many fields.
    /// Required and empty.
    Missing,
    NotADate,
    NotATime,
    /// Not a UUID (`given`, for words that quote it).
    NotAUuid {
        given: String,
    },
    NotASha256,
    /// A time or date after now.
    InFuture,

    // The editor's rules.
    /// The end time is the start time.
    EndIsStart,
    /// The end is before the start, and the service did not run past
    /// midnight.
    EndBeforeStart,
    /// The service has not ended yet (by the clock, or by `documentedAt`).
    ServiceNotEnded,
    /// An attempted contact with nothing written.
    AttemptEmpty,
    /// A required section (`label`) is empty.
    SectionEmpty {
        label: String,
    },
    /// A quote in section `label` has no words.
    QuoteEmpty {
        label: String,
    },
    /// A previous follow-up marked not done (`what`) without a reason.
    NotDoneWithoutReason {
        what: String,
    },
    /// Text in a section (`section`) the note's format (`format`) lacks.
    Stray {
        section: String,
        format: String,
    },

    // What a receiver checks of a payload.
    /// `schema` is not `casenote/v1`.
    WrongSchema,
    /// Every section is empty.
    AllSectionsEmpty,
    /// `contentHash` is not the hash of the content.
    ContentChanged,
    /// `signatureHash` is not the hash of the signature block.
    SignatureBlockChanged,
    /// The signature's `contentHash` is not the note's.
    ChangedAfterSigning,
    /// `timeliness.documentedAt` is not `documentedAt`.
    NotDocumentedAt,
    /// `lateEntry` disagrees with the hours the note gives.
    LateEntryMismatch,
    /// A canonical version this release does not know.
    UnknownCanonicalVersion,
    /// The note holds members canonical version `needed` brought.
    CanonicalVersionBelow {
        needed: u32,
    },
    /// The language tag is too long (`len` characters).
    TagTooLong {
        len: usize,
    },
    /// Not a BCP 47 tag.
    NotATag {
        tag: String,
    },
    /// A variant given twice.
    TagVariantTwice {
        tag: String,
    },
    /// `durationMinutes` is not the minutes from start to end.
    DurationWrong {
        actual: i64,
        given: i64,
    },
    /// Not an RFC 3339 date and time.
    NotADateTime,
    /// `createdAt` after `documentedAt`.
    CreatedAfterDocumented,
    /// `hoursAfterService` outside what the times give.
    HoursWrong {
        fewest: f64,
        most: f64,
    },
    /// A late-entry threshold over a year.
    ThresholdTooLarge,
    /// `lateEntry` contradicts the service time and `documentedAt`.
    LateEntryContradicted,
    /// The receiver's own threshold makes the note late.
    LateByPolicy {
        policy_hours: f64,
        hours: f64,
    },

    // How a note links to the notes it names.
    AddendumToItself,
    OriginalMissing,
    OriginalOtherClient,
    OriginalChanged,
    /// A signature addendum without the hash it signs.
    SignsNoHash,
    OriginalSigned,
    /// A signature addendum without a signature.
    SignatureMissing,
    OriginalAuthorUnknown,
    NotByAuthor,
    /// The original already has a signature addendum.
    AlreadySignedLater,
    MarkOfItself,
    EarlierMissing,
    EarlierOtherClient,
    /// The mark's index is past the earlier note's follow-ups (`count`).
    PastFollowUps {
        count: usize,
    },
    MarkWhatDiffers,

    // A review and a revision.
    /// `schema` is not `casenote-review/v1`.
    WrongReviewSchema,
    /// JSON, but not a review (the decoder's detail).
    NotAReview {
        detail: String,
    },
    /// `createdAt` after `decidedAt`.
    CreatedAfterDecided,
    /// A return without a comment saying why.
    CommentRequired,
    /// Two comments with one id.
    CommentIdTwice,
    /// `reviewHash` is not the hash of the review.
    ReviewChanged,
    /// A co-signature on a review that returns the note.
    CoSignatureOnReturn,
    /// The co-signer is not the reviewer.
    CoSignerNotReviewer,
    /// The note reviewed is not stored.
    ReviewedNoteMissing,
    /// The stored note does not hash to the hash reviewed.
    ReviewedNoteChanged,
    /// That version of the note has a decision already.
    VersionDecided,
    /// The note's author co-signs it, and the host does not allow that.
    SelfApproval,
    /// A comment about a section, quote or intervention the note lacks.
    CommentAboutMissing,
    /// A revision that names itself.
    RevisesItself,
    /// The note revised is not stored.
    RevisedMissing,
    /// The note revised is about another client.
    RevisedOtherClient,
    /// The note revised does not hash to `toHash`.
    RevisedChanged,
    /// The review named is not stored, or not of the note revised.
    ReturnMissing,
    /// The note revised was not returned by the review named.
    NotReturned,
    /// The note revised has a revision already.
    AlreadyRevised,
    /// An answer to a comment the review does not have.
    AnswersNoComment,
    /// Two answers to one comment.
    AnsweredTwice,
    /// A note that is both a revision and an addendum.
    RevisionAndAddendum,

    // The FHIR wrapper against the note it carries.
    FhirIdDiffers,
    FhirTypeDiffers,
    FhirSubjectDiffers,
    FhirJsonsDiffer,
    FhirTextDiffers,
    /// `subject.reference` is `to`, not `Patient/<client>`.
    FhirSubjectUnresolved {
        client: String,
        to: String,
    },

    // A host's template.
    NotAKey,
    KeyUsedBefore {
        key: String,
    },
    TooManySections,
    NotLoinc {
        code: String,
    },
    NotATemplate {
        detail: String,
    },

    // Reading the text.
    /// Not JSON, with the parser's detail.
    NotJson {
        detail: String,
    },
    /// Not UTF-8.
    NotUtf8,
    /// A key given twice in one object (the strict reader's detail).
    KeyGivenTwice {
        detail: String,
    },
    /// Half of a UTF-16 surrogate pair, escaped, at a line and column.
    LoneSurrogate {
        escape: String,
        line: usize,
        column: usize,
    },
    /// JSON, but not a casenote note (the decoder's detail).
    NotANote {
        detail: String,
    },
    /// A member of the wrong shape (the decoder's words).
    Shape {
        detail: String,
    },
    /// The FHIR wrapper could not be read (its reader's words).
    NotAWrapper {
        detail: String,
    },
    /// The JSON Schema's rule, as the validator reports it.
    Schema(SchemaBreach),

    // The request.
    KeyMissing,
    KeyNotId,
    /// A review sent without its id as the key.
    ReviewKeyMissing,
    /// A review sent under a key that is not its id.
    KeyNotReviewId,
    KeyReused,

    /// Said by a host, in its own words: shown as they came.
    Host(String),
}

/// A JSON Schema rule a value breaks.
#[derive(Clone, Debug, PartialEq)]
pub enum SchemaBreach {
    Required,
    /// Of the wrong JSON type: one of `expected`, not `got`.
    Type {
        expected: Vec<String>,
        got: &'static str,
    },
    Constant(String),
    OneOf(Vec<String>),
    MinLength(u64),
    MinItems(u64),
    Minimum(String),
    Maximum(String),
    /// A `format` (its name as the schema gives it).
    Format(String),
    /// A pattern the schema names in words, or by itself.
    Pattern {
        described: Option<&'static str>,
        pattern: String,
    },
    /// Any other keyword.
    Keyword(String),
}

/// A problem with one field.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldProblem {
    pub field: FieldPath,
    pub problem: Problem,
}

impl FieldProblem {
    pub fn new(field: FieldPath, problem: Problem) -> Self {
        FieldProblem { field, problem }
    }
}

#[cfg(test)]
mod tests;
