//! A review and a revision held to what a receiver has stored: the note a
//! review is about must be stored at exactly the hash reviewed, and decided
//! once; a revision revises a stored note that its review returned, once.
//! What the store holds is passed in, so the rules are the same whatever
//! the store.

use super::{CommentAbout, Decision, ReviewV1, Reviewer};
use crate::field_path::{CommentPart, FieldPath, ResponsePart, ReviewPart, RevisionPart};
use crate::note::Person;
use crate::payload::links::{same_client, same_id, same_party};
use crate::payload::PayloadV1;
use crate::problem::{FieldProblem, Problem};

fn review(part: ReviewPart, problem: Problem) -> FieldProblem {
    FieldProblem::new(FieldPath::Review(part), problem)
}

fn revises(part: RevisionPart, problem: Problem) -> FieldProblem {
    FieldProblem::new(FieldPath::Revises(part), problem)
}

/// What a receiver holds that a review is checked against.
#[derive(Clone, Copy, Debug)]
pub struct ReviewFacts<'a> {
    /// The stored note the review names, if any.
    pub note: Option<&'a PayloadV1>,
    /// Whether another review of that note is stored already.
    pub decided: bool,
    /// Whether the host lets an author co-sign their own note.
    pub self_approval: bool,
}

/// Whether `reviewer` is the note's `author`: the same id when both have
/// one, else the same name (ignoring case and surrounding spaces).
pub fn is_author(reviewer: &Reviewer, author: &Person) -> bool {
    same_party((&reviewer.id, &reviewer.name), (&author.id, &author.name))
}

/// Whether the note has what `about` names.
fn has(note: &PayloadV1, about: &CommentAbout) -> bool {
    match about {
        CommentAbout::Note => true,
        CommentAbout::Section { key } => note.sections.iter().any(|s| &s.key == key),
        CommentAbout::Quote { section, index } => note
            .sections
            .iter()
            .any(|s| &s.key == section && *index < s.quotes.len()),
        CommentAbout::Intervention { index } => *index < note.interventions.len(),
    }
}

impl ReviewV1 {
    /// Every problem of this review with what the receiver holds.
    pub fn link_problems(&self, facts: ReviewFacts) -> Vec<FieldProblem> {
        let mut errors = Vec::new();
        let Some(note) = facts.note else {
            return vec![review(ReviewPart::NoteId, Problem::ReviewedNoteMissing)];
        };
        if !note
            .computed_hash()
            .eq_ignore_ascii_case(&self.note.content_hash)
        {
            errors.push(review(ReviewPart::NoteHash, Problem::ReviewedNoteChanged));
        }
        if facts.decided {
            errors.push(review(ReviewPart::NoteId, Problem::VersionDecided));
        }
        let by_author = note
            .author
            .as_ref()
            .is_some_and(|a| is_author(&self.reviewer, a));
        if self.decision == Decision::Cosign && by_author && !facts.self_approval {
            errors.push(review(ReviewPart::Reviewer, Problem::SelfApproval));
        }
        for (index, c) in self.comments.iter().enumerate() {
            if !has(note, &c.about) {
                let part = ReviewPart::Comment {
                    index,
                    part: CommentPart::About,
                };
                errors.push(review(part, Problem::CommentAboutMissing));
            }
        }
        errors
    }
}

impl PayloadV1 {
    /// Every problem of a revision with what the receiver holds: `original`
    /// is the stored note it names, `returned_by` the stored review it
    /// names, and `revised_before` whether that note has a revision stored
    /// already. A note that is not a revision has none.
    pub fn revision_problems(
        &self,
        original: Option<&PayloadV1>,
        returned_by: Option<&ReviewV1>,
        revised_before: bool,
    ) -> Vec<FieldProblem> {
        let Some(link) = &self.revises else {
            return Vec::new();
        };
        if same_id(&link.to, &self.id) {
            return vec![revises(RevisionPart::To, Problem::RevisesItself)];
        }
        let Some(original) = original else {
            return vec![revises(RevisionPart::To, Problem::RevisedMissing)];
        };
        let mut errors = Vec::new();
        if !same_client(&original.client, &self.client) {
            errors.push(revises(RevisionPart::To, Problem::RevisedOtherClient));
        }
        if !link.to_hash.eq_ignore_ascii_case(&original.computed_hash()) {
            errors.push(revises(RevisionPart::ToHash, Problem::RevisedChanged));
        }
        match returned_by.filter(|r| same_id(&r.note.id, &link.to)) {
            None => errors.push(revises(RevisionPart::Review, Problem::ReturnMissing)),
            Some(r) if r.decision != Decision::Return => {
                errors.push(revises(RevisionPart::To, Problem::NotReturned))
            }
            Some(r) => {
                for (index, answer) in link.responses.iter().enumerate() {
                    if !r.comments.iter().any(|c| same_id(&c.id, &answer.comment)) {
                        let part = RevisionPart::Response {
                            index,
                            part: ResponsePart::Comment,
                        };
                        errors.push(revises(part, Problem::AnswersNoComment));
                    }
                }
            }
        }
        if revised_before {
            errors.push(revises(RevisionPart::To, Problem::AlreadyRevised));
        }
        errors
    }
}
