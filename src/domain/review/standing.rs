//! Where a note stands in review, from the note and the reviews of it: the
//! states the record, the print and the inbox show.

use super::{Decision, ReviewV1};
use crate::payload::PayloadV1;

/// Where one version of a note stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// No review asked for, and none given.
    NotRequired,
    /// Sent for review and not yet decided.
    AwaitingReview,
    /// A revision of a returned note, not yet decided.
    RevisedAwaitingReview,
    /// Returned for revision.
    Returned,
    /// Co-signed by a reviewer.
    CoSigned,
}

impl Standing {
    /// The standing of `note` given the reviews of it (of this version;
    /// a revision is a note of its own with its own reviews). A receiver
    /// takes one decision per version, so the first decision is the one.
    pub fn of(note: &PayloadV1, reviews: &[ReviewV1]) -> Standing {
        let decided = reviews
            .iter()
            .filter(|r| crate::payload::links::same_id(&r.note.id, &note.id))
            .min_by(|a, b| a.decided_at.cmp(&b.decided_at));
        match decided.map(|r| r.decision) {
            Some(Decision::Cosign) => Standing::CoSigned,
            Some(Decision::Return) => Standing::Returned,
            None if note.revises.is_some() => Standing::RevisedAwaitingReview,
            None if note.review_required => Standing::AwaitingReview,
            None => Standing::NotRequired,
        }
    }

    /// Its value on the wire and in the inbox's filter (`awaitingReview`).
    pub fn value(self) -> &'static str {
        match self {
            Standing::NotRequired => "notRequired",
            Standing::AwaitingReview => "awaitingReview",
            Standing::RevisedAwaitingReview => "revisedAwaitingReview",
            Standing::Returned => "returned",
            Standing::CoSigned => "coSigned",
        }
    }

    /// Whether a reviewer has yet to decide.
    pub fn is_awaiting(self) -> bool {
        matches!(
            self,
            Standing::AwaitingReview | Standing::RevisedAwaitingReview
        )
    }
}
