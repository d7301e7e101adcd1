//! A returned note as the host hands it to the editor (the `returned`
//! property): the note and the review that returned it, read and checked
//! as a receiver reads them, and held to each other. From it a revision
//! starts: a new note with the original's content, linked to exactly the
//! version returned and to the review, ready for the worker's answers.

use super::{CommentAbout, Decision, ReviewComment, ReviewV1, RevisionLink};
use crate::field_path::{FieldPath, Member, ReviewPart};
use crate::note::{Note, SectionEntry, ServiceTime};
use crate::payload::links::same_id;
use crate::payload::PayloadV1;
use crate::problem::{FieldProblem, Problem};

/// A returned note and the review that returned it, held to each other.
#[derive(Clone, Debug, PartialEq)]
pub struct Returned {
    pub note: PayloadV1,
    pub review: ReviewV1,
}

fn returned_member(problem: Problem) -> FieldProblem {
    FieldProblem::new(FieldPath::Member(Member::Returned), problem)
}

impl Returned {
    /// Reads the host's `{"note": …, "review": …}` (JSON text): each is
    /// checked as a receiver checks it, then the review must return that
    /// very note.
    pub fn from_json(text: &str) -> Result<Self, Vec<FieldProblem>> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            vec![returned_member(Problem::NotJson {
                detail: e.to_string(),
            })]
        })?;
        let part = |name: &str| match value.get(name) {
            Some(v) => Ok(v.to_string()),
            None => Err(vec![FieldProblem::new(
                FieldPath::Json(format!("returned.{name}")),
                Problem::Missing,
            )]),
        };
        let note = PayloadV1::parse(&part("note")?)?;
        let review = ReviewV1::parse(&part("review")?)?;
        Self::held(note, review)
    }

    /// The same from any serde data for the note and the review (the
    /// host's objects, in the browser), each read without the member's
    /// path (serde's message names the member) and then checked as a
    /// receiver checks it.
    pub fn from_parts<'de, D: serde::Deserializer<'de>>(
        note: D,
        review: D,
    ) -> Result<Self, Vec<FieldProblem>>
    where
        D::Error: std::fmt::Display,
    {
        let shape = |member: &str, e: D::Error| {
            vec![FieldProblem::new(
                FieldPath::Json(format!("returned.{member}")),
                Problem::Shape {
                    detail: e.to_string(),
                },
            )]
        };
        let note =
            <PayloadV1 as serde::Deserialize>::deserialize(note).map_err(|e| shape("note", e))?;
        let errors = note.check();
        if !errors.is_empty() {
            return Err(errors);
        }
        let review = <ReviewV1 as serde::Deserialize>::deserialize(review)
            .map_err(|e| shape("review", e))?;
        let errors = review.check();
        if !errors.is_empty() {
            return Err(errors);
        }
        Self::held(note, review)
    }

    /// The review must be a return of exactly this version of the note.
    fn held(note: PayloadV1, review: ReviewV1) -> Result<Self, Vec<FieldProblem>> {
        let at = |part, problem| FieldProblem::new(FieldPath::Review(part), problem);
        let mut errors = Vec::new();
        if review.decision != Decision::Return {
            errors.push(at(ReviewPart::Decision, Problem::NotReturned));
        }
        if !same_id(&review.note.id, &note.id) {
            errors.push(at(ReviewPart::NoteId, Problem::ReturnMissing));
        } else if !review
            .note
            .content_hash
            .eq_ignore_ascii_case(&note.content_hash)
        {
            errors.push(at(ReviewPart::NoteHash, Problem::ReviewedNoteChanged));
        }
        if errors.is_empty() {
            Ok(Returned { note, review })
        } else {
            Err(errors)
        }
    }

    /// The revision's link: the note returned, at its hash, and the review;
    /// no answers yet.
    pub fn link(&self) -> RevisionLink {
        RevisionLink {
            to: self.note.id.clone(),
            to_hash: self.note.content_hash.clone(),
            review: self.review.id.clone(),
            responses: Vec::new(),
        }
    }

    /// The review's comments about section `key` (and its quotes), in the
    /// order the reviewer wrote them: what sits beside that section.
    pub fn comments_on_section<'a>(
        &'a self,
        key: &'a str,
    ) -> impl Iterator<Item = &'a ReviewComment> {
        self.review.comments.iter().filter(move |c| match &c.about {
            CommentAbout::Section { key: k } | CommentAbout::Quote { section: k, .. } => k == key,
            _ => false,
        })
    }

    /// A new note revising this one, with id `id` started at `created_at`:
    /// the original's content to revise, its client, author, service,
    /// format and language, and the link. The original is not touched.
    pub fn revision(&self, id: String, created_at: String) -> Note {
        let p = &self.note;
        let mut note = Note::new(id, &p.format, created_at);
        note.client = p.client.clone();
        if let Some(a) = &p.author {
            note.author = a.clone();
        }
        note.service = ServiceTime {
            date: p.service.date.clone(),
            start: p.service.start.clone().unwrap_or_default(),
            end: p.service.end.clone().unwrap_or_default(),
            overnight: false,
        };
        note.service.overnight = note.service.ends_before_start();
        note.sections = p
            .sections
            .iter()
            .map(|s| SectionEntry {
                key: s.key.clone(),
                text: s.text.clone(),
                quotes: s.quotes.clone(),
            })
            .filter(|s| !s.is_empty())
            .collect();
        note.goals = p.goals.clone();
        note.challenges = p.challenges.clone().unwrap_or_default();
        note.interventions = p.interventions.clone();
        note.participants = p.participants.clone();
        note.contact_mode = p.contact_mode;
        note.location = p.location.clone().unwrap_or_default();
        note.follow_ups = p.follow_ups.clone();
        note.previous_follow_ups = p.previous_follow_ups.clone();
        note.language = p.lang();
        note.late_entry_reason = p
            .timeliness
            .as_ref()
            .and_then(|t| t.late_entry_reason.clone())
            .unwrap_or_default();
        note.review_required = true;
        note.revises = Some(self.link());
        note
    }
}
