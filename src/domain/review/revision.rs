//! A revision: a new note that answers a returned one. It names the note it
//! revises (id and content hash) and the review that returned it, and may
//! answer each of that review's comments. The original is never altered.

use serde::{Deserialize, Serialize};

use crate::field_path::{FieldPath, ResponsePart, RevisionPart};
use crate::id::is_uuid;
use crate::problem::{FieldProblem, Problem};
use crate::record::is_sha256_hex;

/// The worker's answer to one comment of the review that returned the note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentResponse {
    /// The comment's id.
    pub comment: String,
    pub text: String,
}

/// A revision's link to the note it revises (payload member `revises`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RevisionLink {
    /// The id of the note revised.
    pub to: String,
    /// Its content hash: exactly the version that was returned.
    pub to_hash: String,
    /// The id of the review that returned it.
    pub review: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<CommentResponse>,
}

fn at(part: RevisionPart, problem: Problem) -> FieldProblem {
    FieldProblem::new(FieldPath::Revises(part), problem)
}

impl RevisionLink {
    /// The rules a revision link keeps on its own: ids that are UUIDs, a
    /// hash, and answers with words, one per comment.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut errors = Vec::new();
        for (part, id) in [
            (RevisionPart::To, &self.to),
            (RevisionPart::Review, &self.review),
        ] {
            if !is_uuid(id) {
                let given = id.clone();
                errors.push(at(part, Problem::NotAUuid { given }));
            }
        }
        if !is_sha256_hex(&self.to_hash) {
            errors.push(at(RevisionPart::ToHash, Problem::NotASha256));
        }
        for (index, r) in self.responses.iter().enumerate() {
            let part = |part| RevisionPart::Response { index, part };
            if !is_uuid(&r.comment) {
                let given = r.comment.clone();
                errors.push(at(part(ResponsePart::Comment), Problem::NotAUuid { given }));
            } else if self.responses[..index]
                .iter()
                .any(|o| o.comment.eq_ignore_ascii_case(&r.comment))
            {
                errors.push(at(part(ResponsePart::Comment), Problem::AnsweredTwice));
            }
            if r.text.trim().is_empty() {
                errors.push(at(part(ResponsePart::Text), Problem::Missing));
            }
        }
        errors
    }

    /// `self` with the answers trimmed and the empty ones left out.
    pub fn trimmed(&self) -> Self {
        RevisionLink {
            responses: self
                .responses
                .iter()
                .filter(|r| !r.text.trim().is_empty())
                .map(|r| CommentResponse {
                    comment: r.comment.clone(),
                    text: r.text.trim().into(),
                })
                .collect(),
            ..self.clone()
        }
    }
}
