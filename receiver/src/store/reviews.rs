//! Reviews and revisions in the store: a review checked against the note
//! it is of and stored once, beside the notes under the same log; a
//! revision's checks against what it revises; and the lookups the inbox
//! and its review queue make.

use casenote_format::review::{ReviewFacts, ReviewV1};
use casenote_format::{FieldProblem, PayloadV1};

use super::{blocking, Notes, StoreError};
use crate::db::{Accepted, Kind, Page, StoredNote};
use crate::pg::Links;

impl Notes {
    /// The problems of a revision with the note it revises and the review
    /// it answers, as stored (`review/links.rs`); none for another note.
    pub(super) async fn revision_problems(
        &self,
        payload: &PayloadV1,
    ) -> Result<Vec<FieldProblem>, StoreError> {
        let Some(link) = &payload.revises else {
            return Ok(Vec::new());
        };
        let original = self
            .body_of(&link.to)
            .await?
            .and_then(|b| PayloadV1::parse(&b).ok());
        let review = self
            .body_of(&link.review)
            .await?
            .and_then(|b| ReviewV1::parse(&b).ok());
        let revised_before = !self.revisions_of(vec![link.to.clone()]).await?.is_empty();
        Ok(payload.revision_problems(original.as_ref(), review.as_ref(), revised_before))
    }

    /// Checks `review` against what is stored (`review/links.rs`: the note
    /// as reviewed, decided once, not co-signed by its author unless
    /// `self_approval`), then stores it under `key` as `text`, once.
    pub async fn accept_review(
        &self,
        review: &ReviewV1,
        key: &str,
        text: String,
        self_approval: bool,
    ) -> Result<Result<Accepted, Vec<FieldProblem>>, StoreError> {
        let note = self
            .body_of(&review.note.id)
            .await?
            .and_then(|b| PayloadV1::parse(&b).ok());
        let decided = !self
            .reviews_of(vec![review.note.id.clone()])
            .await?
            .is_empty();
        let facts = ReviewFacts {
            note: note.as_ref(),
            decided,
            self_approval,
        };
        let problems = review.link_problems(facts);
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let (key, id, hash) = (
            key.to_string(),
            review.id.clone(),
            review.review_hash.clone(),
        );
        let accepted = match self {
            Notes::Sqlite(s) => {
                blocking(s, move |s| {
                    s.accept_as(Kind::Review, &key, &id, &text, &hash, &now)
                })
                .await?
            }
            Notes::Postgres(p) => {
                let links = Links {
                    kind: Kind::Review,
                    review_of: Some(review.note.id.as_str()),
                    ..Links::default()
                };
                p.accept(&key, &id, &text, &hash, links, &now).await?
            }
        };
        Ok(Ok(accepted))
    }

    /// The stored reviews of the notes `ids`, oldest first.
    pub async fn reviews_of(&self, ids: Vec<String>) -> Result<Vec<StoredNote>, StoreError> {
        match self {
            Notes::Sqlite(s) => {
                blocking(s, move |s| {
                    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                    s.reviews_of(&ids)
                })
                .await
            }
            Notes::Postgres(p) => Ok(p.reviews_of(&ids).await?),
        }
    }

    /// The stored revisions of the notes `ids`, oldest first.
    pub async fn revisions_of(&self, ids: Vec<String>) -> Result<Vec<StoredNote>, StoreError> {
        match self {
            Notes::Sqlite(s) => {
                blocking(s, move |s| {
                    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                    s.revisions_of(&ids)
                })
                .await
            }
            Notes::Postgres(p) => Ok(p.revisions_of(&ids).await?),
        }
    }

    /// Up to `limit` reviews stored after `after`, oldest first.
    pub async fn reviews_after(&self, after: i64, limit: usize) -> Result<Page, StoreError> {
        match self {
            Notes::Sqlite(s) => blocking(s, move |s| s.reviews_after(after, limit)).await,
            Notes::Postgres(p) => Ok(p.reviews_after(after, limit).await?),
        }
    }

    /// The review queue: up to `limit` notes awaiting a review, oldest
    /// first.
    pub async fn awaiting_review(&self, limit: usize) -> Result<Vec<StoredNote>, StoreError> {
        match self {
            Notes::Sqlite(s) => blocking(s, move |s| s.awaiting_review(limit)).await,
            Notes::Postgres(p) => Ok(p.awaiting_review(limit).await?),
        }
    }
}
