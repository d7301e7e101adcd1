//! Supervisory review: a document of its own, about exactly one version of
//! a note (its id and content hash). A reviewer comments on the note, on a
//! section, a quote or an intervention, and decides: co-sign, or return it
//! for revision. A co-signature covers the review's hash, which covers the
//! note's content hash, the decision and the comments, and has a hash of its
//! own. The worker answers a return with a revision: a new note that names
//! the note it revises ([`RevisionLink`], `revision.rs`); the original is
//! never altered.
//!
//! This file holds the types and the hashes; `check.rs` reads and checks a
//! review as a receiver does; `links.rs` holds a review and a revision to
//! the notes and reviews already stored; `standing.rs` says where a note
//! stands. Like the note, nothing here reads a clock or a random source.

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::record::sha256_hex;

mod check;
mod links;
mod returned;
mod revision;
mod standing;

pub use links::{is_author, ReviewFacts};
pub use returned::Returned;
pub use revision::{CommentResponse, RevisionLink};
pub use standing::Standing;

/// The value of a review's `schema` member.
pub const REVIEW_SCHEMA: &str = "casenote-review/v1";

/// Whether a note needs a supervisor's review: the host's `review`
/// attribute, or a template's `review` member.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReviewPolicy {
    #[default]
    Optional,
    Required,
}

impl ReviewPolicy {
    pub fn is_optional(&self) -> bool {
        *self == ReviewPolicy::Optional
    }

    /// The attribute's value (`required`); anything else is optional.
    pub fn from_attribute(value: Option<&str>) -> Self {
        match value.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("required") => ReviewPolicy::Required,
            _ => ReviewPolicy::Optional,
        }
    }
}

/// The version of a note a review is about: its id and content hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewedNote {
    pub id: String,
    pub content_hash: String,
}

/// Who reviews: a supervisor's staff id, name and credential (LCSW).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reviewer {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub credential: String,
}

impl Reviewer {
    /// Whether the reviewer is named by an id or a name.
    pub fn is_named(&self) -> bool {
        !(self.id.trim().is_empty() && self.name.trim().is_empty())
    }
}

/// What the reviewer decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Decision {
    /// The note counts: the reviewer co-signs it.
    Cosign,
    /// The worker revises it; at least one comment says why.
    Return,
}

impl Decision {
    pub fn value(self) -> &'static str {
        match self {
            Decision::Cosign => "cosign",
            Decision::Return => "return",
        }
    }
}

/// What a comment is about: the whole note, a section (by key), a quote
/// of a section (by key and place), or an intervention (by place).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum CommentAbout {
    Note,
    Section { key: String },
    Quote { section: String, index: usize },
    Intervention { index: usize },
}

/// One comment of a review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewComment {
    /// A UUID, so that a revision can answer this comment.
    pub id: String,
    pub about: CommentAbout,
    pub text: String,
}

/// The reviewer's co-signature: who, with which credential, under which
/// attestation, when, and over which review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CoSignature {
    pub signer_id: String,
    pub signer_name: String,
    #[serde(default)]
    pub credential: String,
    pub attestation: String,
    /// RFC 3339.
    pub signed_at: String,
    /// The review's hash ([`ReviewV1::computed_hash`]): the note's content
    /// hash, the decision and the comments, as co-signed.
    pub review_hash: String,
    /// Lower-case hex SHA-256 over the members above
    /// ([`CoSignature::computed_hash`]).
    pub signature_hash: String,
}

impl CoSignature {
    /// The hash of the co-signature block: lower-case hex SHA-256 of the
    /// JSON object of `attestation`, `credential`, `reviewHash`, `signedAt`,
    /// `signerId` and `signerName`, keys sorted, no whitespace (README,
    /// "Supervisory review").
    pub fn computed_hash(&self) -> String {
        let mut block = json!({
            "attestation": self.attestation,
            "credential": self.credential,
            "reviewHash": self.review_hash,
            "signedAt": self.signed_at,
            "signerId": self.signer_id,
            "signerName": self.signer_name,
        });
        block.sort_all_objects();
        sha256_hex(block.to_string().as_bytes())
    }
}

/// A review, as POSTed to the host's review endpoint with its `id` as the
/// `Idempotency-Key`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewV1 {
    /// Always `casenote-review/v1`.
    pub schema: String,
    /// The review's UUID.
    pub id: String,
    /// The version of the note reviewed.
    pub note: ReviewedNote,
    pub reviewer: Reviewer,
    pub decision: Decision,
    #[serde(default)]
    pub comments: Vec<ReviewComment>,
    /// The language the reviewer wrote in, as a BCP 47 tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// RFC 3339: when the review's draft was started.
    pub created_at: String,
    /// RFC 3339: when the reviewer sent the decision.
    pub decided_at: String,
    /// With `cosign` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub co_signature: Option<CoSignature>,
    /// Lower-case hex SHA-256 of the review's canonical content.
    pub review_hash: String,
}

/// What a reviewer decided, as the shell hands it to [`ReviewV1::build`]:
/// the time and the review's id come in, never from a clock here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewDraft {
    pub id: String,
    pub note: ReviewedNote,
    pub reviewer: Reviewer,
    pub comments: Vec<ReviewComment>,
    pub language: Option<String>,
    pub created_at: String,
}

impl ReviewV1 {
    /// The canonical content of the review: the JSON object of `comments`
    /// (each with `about`, `id` and `text`), `decidedAt`, `decision`,
    /// `id`, `note` (`contentHash`, `id`) and `reviewer` (`credential`,
    /// `id`, `name`), keys sorted at every level, no whitespace.
    pub fn canonical_content(&self) -> String {
        let mut content = json!({
            "id": self.id,
            "note": self.note,
            "reviewer": self.reviewer,
            "decision": self.decision,
            "comments": self.comments,
            "decidedAt": self.decided_at,
        });
        content.sort_all_objects();
        content.to_string()
    }

    /// The review's hash: lower-case hex SHA-256 of its canonical content.
    pub fn computed_hash(&self) -> String {
        sha256_hex(self.canonical_content().as_bytes())
    }

    /// The review `draft` becomes when it is sent at `decided_at` with
    /// `decision`: comments trimmed and the empty ones left out; a
    /// co-signature under `attestation` when it co-signs.
    pub fn build(
        draft: &ReviewDraft,
        decision: Decision,
        decided_at: &str,
        attestation: &str,
    ) -> Self {
        let comments = draft
            .comments
            .iter()
            .filter(|c| !c.text.trim().is_empty())
            .map(|c| ReviewComment {
                text: c.text.trim().to_string(),
                ..c.clone()
            })
            .collect();
        let reviewer = Reviewer {
            id: draft.reviewer.id.trim().into(),
            name: draft.reviewer.name.trim().into(),
            credential: draft.reviewer.credential.trim().into(),
        };
        let mut review = ReviewV1 {
            schema: REVIEW_SCHEMA.into(),
            id: draft.id.clone(),
            note: draft.note.clone(),
            reviewer,
            decision,
            comments,
            language: draft.language.clone(),
            created_at: draft.created_at.clone(),
            decided_at: decided_at.into(),
            co_signature: None,
            review_hash: String::new(),
        };
        review.review_hash = review.computed_hash();
        if decision == Decision::Cosign {
            let mut sig = CoSignature {
                signer_id: review.reviewer.id.clone(),
                signer_name: review.reviewer.name.clone(),
                credential: review.reviewer.credential.clone(),
                attestation: attestation.trim().into(),
                signed_at: decided_at.into(),
                review_hash: review.review_hash.clone(),
                signature_hash: String::new(),
            };
            sig.signature_hash = sig.computed_hash();
            review.co_signature = Some(sig);
        }
        review
    }
}

#[cfg(test)]
mod tests;
