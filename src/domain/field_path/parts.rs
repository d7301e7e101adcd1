//! The parts of a field that has several (a participant's name and role,
//! a follow-up's what, who and when), and the members only a receiver
//! names, each with its name in the JSON.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParticipantPart {
    Name,
    Role,
    Relationship,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GoalPart {
    Addressed,
    Progress,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InterventionPart {
    Description,
    Rationale,
    Deviates,
    Response,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FollowUpPart {
    What,
    Who,
    WhoName,
    Due,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkPart {
    Note,
    Index,
    What,
    Reason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignerPart {
    Name,
    Id,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AddendumPart {
    To,
    ToHash,
    Kind,
    Reason,
}

/// The payload's members that only a receiver's checks name, and the
/// request around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Member {
    /// The request body as a whole (not UTF-8, not JSON).
    Body,
    /// The payload as a whole (not a casenote note).
    Payload,
    Schema,
    Id,
    Format,
    Sections,
    ContentHash,
    CanonicalVersion,
    Language,
    CreatedAt,
    DocumentedAt,
    /// The service as a whole.
    Service,
    ServiceDuration,
    Timeliness,
    TimelinessDocumentedAt,
    TimelinessLateEntry,
    TimelinessHours,
    TimelinessThreshold,
    Signature,
    SignatureHash,
    SignatureContentHash,
    SignatureSignedAt,
    /// The `Idempotency-Key` header.
    IdempotencyKey,
    /// The previous note a host gives the editor.
    PreviousNote,
    /// The returned note and its review a host gives the editor.
    Returned,
}

impl Member {
    /// Its JSON path (for the header, its name).
    pub fn path(self) -> &'static str {
        match self {
            Member::Body => "body",
            Member::Payload => "payload",
            Member::Schema => "schema",
            Member::Id => "id",
            Member::Format => "format",
            Member::Sections => "sections",
            Member::ContentHash => "contentHash",
            Member::CanonicalVersion => "canonicalVersion",
            Member::Language => "language",
            Member::CreatedAt => "createdAt",
            Member::DocumentedAt => "documentedAt",
            Member::Service => "service",
            Member::ServiceDuration => "service.durationMinutes",
            Member::Timeliness => "timeliness",
            Member::TimelinessDocumentedAt => "timeliness.documentedAt",
            Member::TimelinessLateEntry => "timeliness.lateEntry",
            Member::TimelinessHours => "timeliness.hoursAfterService",
            Member::TimelinessThreshold => "timeliness.lateEntryThresholdHours",
            Member::Signature => "signature",
            Member::SignatureHash => "signature.signatureHash",
            Member::SignatureContentHash => "signature.contentHash",
            Member::SignatureSignedAt => "signature.signedAt",
            Member::IdempotencyKey => "Idempotency-Key",
            Member::PreviousNote => "previousNote",
            Member::Returned => "returned",
        }
    }
}

/// A host template's members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TemplatePart {
    /// The template as a whole (not JSON, not a template).
    Whole,
    Id,
    Name,
    Sections,
    SectionKey(usize),
    SectionLabel(usize),
    SectionLoinc(usize),
}

/// The FHIR DocumentReference's members a receiver holds to the note.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FhirPart {
    Id,
    Type,
    Subject,
    SubjectReference,
    Content,
}

impl ParticipantPart {
    pub(super) fn name(self) -> &'static str {
        match self {
            ParticipantPart::Name => "name",
            ParticipantPart::Role => "role",
            ParticipantPart::Relationship => "relationship",
        }
    }
}

impl InterventionPart {
    pub(super) fn editor(self) -> &'static str {
        match self {
            InterventionPart::Description => "description",
            InterventionPart::Rationale => "rationale",
            InterventionPart::Deviates => "deviates",
            InterventionPart::Response => "response",
        }
    }

    pub(super) fn json(self) -> &'static str {
        match self {
            InterventionPart::Response => "clientResponse",
            other => other.editor(),
        }
    }
}

impl FollowUpPart {
    pub(super) fn name(self) -> &'static str {
        match self {
            FollowUpPart::What => "what",
            FollowUpPart::Who => "who",
            FollowUpPart::WhoName => "whoName",
            FollowUpPart::Due => "due",
        }
    }
}

impl MarkPart {
    pub(super) fn name(self) -> &'static str {
        match self {
            MarkPart::Note => "note",
            MarkPart::Index => "index",
            MarkPart::What => "what",
            MarkPart::Reason => "reason",
        }
    }
}

impl AddendumPart {
    pub(super) fn name(self) -> &'static str {
        match self {
            AddendumPart::To => "addendum.to",
            AddendumPart::ToHash => "addendum.toHash",
            AddendumPart::Kind => "addendum.kind",
            AddendumPart::Reason => "addendum.reason",
        }
    }
}

/// A review's members (`casenote-review/v1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReviewPart {
    /// The review as a whole (JSON, but not a review).
    Whole,
    Schema,
    Id,
    NoteId,
    NoteHash,
    Reviewer,
    Decision,
    Comments,
    Comment {
        index: usize,
        part: CommentPart,
    },
    CreatedAt,
    DecidedAt,
    ReviewHash,
    CoSignature,
    CoSigner,
    CoSignedAt,
    CoSignatureReviewHash,
    CoSignatureHash,
    Language,
}

impl ReviewPart {
    /// Its JSON path in the review.
    pub fn path(self) -> String {
        match self {
            ReviewPart::Whole => "review".into(),
            ReviewPart::Schema => "schema".into(),
            ReviewPart::Id => "id".into(),
            ReviewPart::NoteId => "note.id".into(),
            ReviewPart::NoteHash => "note.contentHash".into(),
            ReviewPart::Reviewer => "reviewer".into(),
            ReviewPart::Decision => "decision".into(),
            ReviewPart::Comments => "comments".into(),
            ReviewPart::Comment { index, part } => format!("comments[{index}].{}", part.name()),
            ReviewPart::CreatedAt => "createdAt".into(),
            ReviewPart::DecidedAt => "decidedAt".into(),
            ReviewPart::ReviewHash => "reviewHash".into(),
            ReviewPart::CoSignature => "coSignature".into(),
            ReviewPart::CoSigner => "coSignature.signerId".into(),
            ReviewPart::CoSignedAt => "coSignature.signedAt".into(),
            ReviewPart::CoSignatureReviewHash => "coSignature.reviewHash".into(),
            ReviewPart::CoSignatureHash => "coSignature.signatureHash".into(),
            ReviewPart::Language => "language".into(),
        }
    }
}

/// A review comment's members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommentPart {
    Id,
    About,
    Text,
}

impl CommentPart {
    pub fn name(self) -> &'static str {
        match self {
            CommentPart::Id => "id",
            CommentPart::About => "about",
            CommentPart::Text => "text",
        }
    }
}

/// A revision's link to the note it revises (`revises`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RevisionPart {
    To,
    ToHash,
    Review,
    Response { index: usize, part: ResponsePart },
}

impl RevisionPart {
    /// Its JSON path in the payload.
    pub fn path(self) -> String {
        match self {
            RevisionPart::To => "revises.to".into(),
            RevisionPart::ToHash => "revises.toHash".into(),
            RevisionPart::Review => "revises.review".into(),
            RevisionPart::Response { index, part } => {
                format!("revises.responses[{index}].{}", part.name())
            }
        }
    }
}

/// An answer's members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResponsePart {
    Comment,
    Text,
}

impl ResponsePart {
    pub fn name(self) -> &'static str {
        match self {
            ResponsePart::Comment => "comment",
            ResponsePart::Text => "text",
        }
    }
}
