//! Reviews and revisions on PostgreSQL: the lookups the inbox, its review
//! queue and the checks before storing make, by the columns migration
//! 0003 keeps (`kind`, `review_of`, `revises`, `awaits_review`).

use super::{stored_note, PgStore};
use crate::db::{Page, StoredNote};

impl PgStore {
    /// The stored reviews of the notes `ids`, oldest first.
    pub async fn reviews_of(&self, ids: &[String]) -> Result<Vec<StoredNote>, sqlx::Error> {
        self.naming(
            "SELECT seq, id, idempotency_key, received_at, body FROM notes WHERE kind = 'review' AND review_of = ANY($1) ORDER BY seq",
            ids,
        )
        .await
    }

    /// The stored revisions of the notes `ids`, oldest first.
    pub async fn revisions_of(&self, ids: &[String]) -> Result<Vec<StoredNote>, sqlx::Error> {
        self.naming(
            "SELECT seq, id, idempotency_key, received_at, body FROM notes WHERE kind = 'note' AND revises = ANY($1) ORDER BY seq",
            ids,
        )
        .await
    }

    /// The API's pages of reviews, as [`crate::db::Store::reviews_after`].
    pub async fn reviews_after(&self, after: i64, limit: usize) -> Result<Page, sqlx::Error> {
        self.page(
            "SELECT seq, id, idempotency_key, received_at, body FROM notes WHERE kind = 'review' AND seq > $1 ORDER BY seq LIMIT $2",
            after,
            limit,
        )
        .await
    }

    /// The review queue, as [`crate::db::Store::awaiting_review`].
    pub async fn awaiting_review(&self, limit: usize) -> Result<Vec<StoredNote>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT n.seq, n.id, n.idempotency_key, n.received_at, n.body FROM notes AS n
             WHERE n.kind = 'note' AND n.awaits_review
               AND NOT EXISTS (SELECT 1 FROM notes AS r WHERE r.kind = 'review' AND r.review_of = lower(n.id))
             ORDER BY n.seq LIMIT $1",
        )
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| stored_note(r).map(|(n, _)| n))
            .collect()
    }
}
