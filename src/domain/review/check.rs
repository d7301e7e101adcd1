//! Reading a review as a receiver does, and the rules a review keeps on its
//! own (without the note it is about): each problem at its field.

use super::{CommentAbout, Decision, ReviewV1, REVIEW_SCHEMA};
use crate::field_path::{CommentPart, FieldPath, ReviewPart};
use crate::id::is_uuid;
use crate::problem::{FieldProblem, Problem};
use crate::record::is_sha256_hex;
use crate::time::parse_rfc3339;

fn at(part: ReviewPart, problem: Problem) -> FieldProblem {
    FieldProblem::new(FieldPath::Review(part), problem)
}

fn not_a_review(detail: String) -> FieldProblem {
    at(ReviewPart::Whole, Problem::NotAReview { detail })
}

impl ReviewV1 {
    /// Reads and checks a review from JSON text. Returns every problem
    /// found, each at its field.
    pub fn parse(json: &str) -> Result<Self, Vec<FieldProblem>> {
        let review: ReviewV1 = crate::payload::read_document(json, not_a_review)?;
        let errors = review.check();
        if errors.is_empty() {
            Ok(review)
        } else {
            Err(errors)
        }
    }

    /// The rules a review keeps on its own.
    pub fn check(&self) -> Vec<FieldProblem> {
        let mut errors = Vec::new();
        if self.schema != REVIEW_SCHEMA {
            errors.push(at(ReviewPart::Schema, Problem::WrongReviewSchema));
        }
        for (part, id) in [
            (ReviewPart::Id, &self.id),
            (ReviewPart::NoteId, &self.note.id),
        ] {
            if !is_uuid(id) {
                let given = id.clone();
                errors.push(at(part, Problem::NotAUuid { given }));
            }
        }
        if !is_sha256_hex(&self.note.content_hash) {
            errors.push(at(ReviewPart::NoteHash, Problem::NotASha256));
        }
        if !self.reviewer.is_named() {
            errors.push(at(ReviewPart::Reviewer, Problem::Missing));
        }
        let created = parse_rfc3339(&self.created_at);
        let decided = parse_rfc3339(&self.decided_at);
        if created.is_none() {
            errors.push(at(ReviewPart::CreatedAt, Problem::NotADateTime));
        }
        if decided.is_none() {
            errors.push(at(ReviewPart::DecidedAt, Problem::NotADateTime));
        }
        if let (Some(c), Some(d)) = (created, decided) {
            if c > d {
                errors.push(at(ReviewPart::CreatedAt, Problem::CreatedAfterDecided));
            }
        }
        if self.decision == Decision::Return && self.comments.is_empty() {
            errors.push(at(ReviewPart::Comments, Problem::CommentRequired));
        }
        if let Some(problem) = self
            .language
            .as_deref()
            .and_then(crate::payload::language_tag_problem)
        {
            errors.push(at(ReviewPart::Language, problem));
        }
        errors.extend(self.comment_problems());
        if !self.review_hash.eq_ignore_ascii_case(&self.computed_hash()) {
            errors.push(at(ReviewPart::ReviewHash, Problem::ReviewChanged));
        }
        errors.extend(self.co_signature_problems());
        errors
    }

    fn comment_problems(&self) -> Vec<FieldProblem> {
        let mut errors = Vec::new();
        for (index, c) in self.comments.iter().enumerate() {
            let part = |part| ReviewPart::Comment { index, part };
            if !is_uuid(&c.id) {
                let given = c.id.clone();
                errors.push(at(part(CommentPart::Id), Problem::NotAUuid { given }));
            } else if self.comments[..index]
                .iter()
                .any(|o| o.id.eq_ignore_ascii_case(&c.id))
            {
                errors.push(at(part(CommentPart::Id), Problem::CommentIdTwice));
            }
            if c.text.trim().is_empty() {
                errors.push(at(part(CommentPart::Text), Problem::Missing));
            }
            if let CommentAbout::Section { key } | CommentAbout::Quote { section: key, .. } =
                &c.about
            {
                if key.trim().is_empty() {
                    errors.push(at(part(CommentPart::About), Problem::Missing));
                }
            }
        }
        errors
    }

    fn co_signature_problems(&self) -> Vec<FieldProblem> {
        let mut errors = Vec::new();
        match (self.decision, &self.co_signature) {
            (Decision::Cosign, None) => errors.push(at(ReviewPart::CoSignature, Problem::Missing)),
            (Decision::Return, Some(_)) => {
                errors.push(at(ReviewPart::CoSignature, Problem::CoSignatureOnReturn))
            }
            (Decision::Return, None) => {}
            (Decision::Cosign, Some(sig)) => {
                if !sig.review_hash.eq_ignore_ascii_case(&self.computed_hash()) {
                    errors.push(at(
                        ReviewPart::CoSignatureReviewHash,
                        Problem::ChangedAfterSigning,
                    ));
                }
                if !sig
                    .signature_hash
                    .eq_ignore_ascii_case(&sig.computed_hash())
                {
                    errors.push(at(
                        ReviewPart::CoSignatureHash,
                        Problem::SignatureBlockChanged,
                    ));
                }
                let same_signer = sig.signer_id.trim() == self.reviewer.id.trim()
                    && sig.signer_name.trim() == self.reviewer.name.trim();
                if !same_signer {
                    errors.push(at(ReviewPart::CoSigner, Problem::CoSignerNotReviewer));
                }
                if parse_rfc3339(&sig.signed_at).is_none() {
                    errors.push(at(ReviewPart::CoSignedAt, Problem::NotADateTime));
                }
            }
        }
        errors
    }
}
