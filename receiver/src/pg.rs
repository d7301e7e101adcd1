//! The PostgreSQL store, for an agency past one machine: several receiver
//! instances share one database with no coordination of their own. The
//! same promises as the SQLite file (`db.rs`): each note once per key,
//! held by unique indexes on the canonical id and key; and one
//! hash-chained log, appended under a transaction-scoped advisory lock so
//! that whichever instance stores a note, the entries follow one another.
//! Tables come from `migrations/postgres/` (sqlx's migrator).

use std::collections::HashMap;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions, PgRow};
use sqlx::Row;

use crate::chain::{self, Columns, Entry, StoredRow, GENESIS};
use crate::db::{same_note, shown_body, Accepted, Kind, Page, PageBuilder, StoredNote};

/// What a stored document is and links to, kept in columns for the
/// inbox's lookups: its kind, the original an addendum adds to, the note a
/// review is of, the note a revision revises, and whether the note awaits
/// a review.
#[derive(Clone, Copy, Debug, Default)]
pub struct Links<'a> {
    pub kind: Kind,
    pub addendum_to: Option<&'a str>,
    pub review_of: Option<&'a str>,
    pub revises: Option<&'a str>,
    pub awaits_review: bool,
}
use crate::reads::{How, Read};
use casenote_format::record::sha256_hex;

mod reviews;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// The advisory lock every append takes: one writer of the log at a time,
/// across every instance.
const LOG_LOCK: i64 = 0x6361_7365_6e6f_7465; // "casenote"

pub struct PgStore {
    pool: PgPool,
}

/// Why a database could not be used.
#[derive(Debug)]
pub enum PgError {
    Sql(sqlx::Error),
    /// The database holds notes but no log.
    LogMissing {
        notes: i64,
    },
}

impl From<sqlx::Error> for PgError {
    fn from(e: sqlx::Error) -> Self {
        PgError::Sql(e)
    }
}

impl std::fmt::Display for PgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PgError::Sql(e) => write!(f, "{e}"),
            PgError::LogMissing { notes } => f.write_str(&chain::log_missing(*notes)),
        }
    }
}

/// The original a stored body says it adds to, in lower case.
fn addendum_of(body: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    Some(v.pointer("/addendum/to")?.as_str()?.to_lowercase())
}

fn stored_note(r: &PgRow) -> Result<(StoredNote, usize), sqlx::Error> {
    let body: String = r.try_get("body")?;
    let (note, size) = shown_body(&body);
    Ok((
        StoredNote {
            seq: r.try_get("seq")?,
            id: r.try_get("id")?,
            idempotency_key: r.try_get("idempotency_key")?,
            received_at: r.try_get("received_at")?,
            note,
        },
        size,
    ))
}

impl PgStore {
    /// Connects to `url`, brings its tables up to date, and refuses a
    /// database whose log was removed. Only `verify` passes `migrate:
    /// false`: it changes nothing.
    pub async fn connect(url: &str, migrate: bool) -> Result<Self, PgError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        let store = PgStore { pool };
        if let Some(notes) = store.unlogged_notes().await? {
            return Err(PgError::LogMissing { notes });
        }
        if migrate {
            MIGRATOR.run(&store.pool).await.map_err(sqlx::Error::from)?;
        }
        Ok(store)
    }

    /// How many notes are stored with no log to account for them, if so.
    async fn unlogged_notes(&self) -> Result<Option<i64>, sqlx::Error> {
        let (notes, log): (bool, bool) = sqlx::query_as(
            "SELECT to_regclass('notes') IS NOT NULL, to_regclass('log') IS NOT NULL",
        )
        .fetch_one(&self.pool)
        .await?;
        if !notes || log {
            return Ok(None);
        }
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM notes")
            .fetch_one(&self.pool)
            .await?;
        Ok((n > 0).then_some(n))
    }

    /// Stores the document, as [`crate::db::Store::accept_as`] does, in
    /// one transaction that holds the log's lock.
    pub async fn accept(
        &self,
        key: &str,
        id: &str,
        body: &str,
        content_hash: &str,
        links: Links<'_>,
        now: &str,
    ) -> Result<Accepted, sqlx::Error> {
        let content_hash = content_hash.to_ascii_lowercase();
        let mut tx = self.pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(LOG_LOCK)
            .execute(&mut *tx)
            .await?;
        let earlier = sqlx::query(
            "SELECT received_at, body, content_hash FROM notes WHERE lower(idempotency_key) = lower($1)",
        )
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(r) = earlier {
            let received_at: String = r.try_get(0)?;
            let earlier_body: String = r.try_get(1)?;
            let earlier_hash: String = r.try_get(2)?;
            return Ok(
                if same_note(&earlier_body, Some(&earlier_hash), body, &content_hash) {
                    Accepted::Replayed { received_at }
                } else {
                    Accepted::KeyReused
                },
            );
        }
        let known: Option<String> =
            sqlx::query_scalar("SELECT received_at FROM notes WHERE lower(id) = lower($1)")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(received_at) = known {
            return Ok(Accepted::Duplicate { received_at });
        }
        let seq: i64 = sqlx::query_scalar(
            "INSERT INTO notes (id, idempotency_key, received_at, body, content_hash, addendum_to, kind, review_of, revises, awaits_review)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING seq",
        )
        .bind(id)
        .bind(key)
        .bind(now)
        .bind(body)
        .bind(&content_hash)
        .bind(links.addendum_to.map(str::to_lowercase))
        .bind(links.kind.as_str())
        .bind(links.review_of.map(str::to_lowercase))
        .bind(links.revises.map(str::to_lowercase))
        .bind(links.awaits_review)
        .fetch_one(&mut *tx)
        .await?;
        let prev: String = sqlx::query_scalar(
            "SELECT coalesce((SELECT hash FROM log ORDER BY seq DESC LIMIT 1), $1)",
        )
        .bind(GENESIS)
        .fetch_one(&mut *tx)
        .await?;
        let e = Entry::new(
            Columns {
                seq,
                note_id: id.to_string(),
                idempotency_key: key.to_string(),
                received_at: now.to_string(),
                content_hash,
                body_sha256: sha256_hex(body.as_bytes()),
            },
            &prev,
        );
        let c = &e.columns;
        sqlx::query(
            "INSERT INTO log (seq, note_id, received_at, body_sha256, prev, hash, version, idempotency_key, content_hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(c.seq)
        .bind(&c.note_id)
        .bind(&c.received_at)
        .bind(&c.body_sha256)
        .bind(&e.prev)
        .bind(&e.hash)
        .bind(e.version.number())
        .bind(&c.idempotency_key)
        .bind(&c.content_hash)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Accepted::Stored {
            received_at: now.to_string(),
        })
    }

    /// As [`crate::db::Store::replay_of`].
    pub async fn replay_of(
        &self,
        key: &str,
        body: &str,
    ) -> Result<Option<(String, String)>, sqlx::Error> {
        let stored: Option<(String, String, String)> = sqlx::query_as(
            "SELECT id, received_at, body FROM notes WHERE lower(idempotency_key) = lower($1)",
        )
        .bind(key.trim())
        .fetch_optional(&self.pool)
        .await?;
        Ok(stored
            .and_then(|(id, at, earlier)| same_note(&earlier, None, body, "").then_some((id, at))))
    }

    async fn page(&self, sql: &'static str, bound: i64, limit: usize) -> Result<Page, sqlx::Error> {
        let rows = sqlx::query(sql)
            .bind(bound)
            .bind(PageBuilder::rows_wanted(limit))
            .fetch_all(&self.pool)
            .await?;
        let mut page = PageBuilder::new(limit);
        for r in &rows {
            if !page.add(stored_note(r)?) {
                break;
            }
        }
        Ok(page.done())
    }

    /// Up to `limit` notes stored after `after`, oldest first.
    pub async fn page_after(&self, after: i64, limit: usize) -> Result<Page, sqlx::Error> {
        self.page(
            "SELECT seq, id, idempotency_key, received_at, body FROM notes WHERE kind = 'note' AND seq > $1 ORDER BY seq LIMIT $2",
            after,
            limit,
        )
        .await
    }

    /// Up to `limit` notes stored before `before`, newest first.
    pub async fn page_before(&self, before: i64, limit: usize) -> Result<Page, sqlx::Error> {
        self.page(
            "SELECT seq, id, idempotency_key, received_at, body FROM notes WHERE kind = 'note' AND seq < $1 ORDER BY seq DESC LIMIT $2",
            before,
            limit,
        )
        .await
    }

    pub async fn count(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT count(*) FROM notes WHERE kind = 'note'")
            .fetch_one(&self.pool)
            .await
    }

    pub async fn seq_of(&self, id: &str) -> Result<Option<i64>, sqlx::Error> {
        sqlx::query_scalar("SELECT seq FROM notes WHERE kind = 'note' AND lower(id) = lower($1)")
            .bind(id.trim())
            .fetch_optional(&self.pool)
            .await
    }

    pub async fn body_of(&self, id: &str) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT body FROM notes WHERE lower(id) = lower($1)")
            .bind(id.trim())
            .fetch_optional(&self.pool)
            .await
    }

    /// The stored documents whose `column` names one of `ids`, oldest first.
    async fn naming(
        &self,
        sql: &'static str,
        ids: &[String],
    ) -> Result<Vec<StoredNote>, sqlx::Error> {
        let ids: Vec<String> = ids.iter().map(|i| i.trim().to_lowercase()).collect();
        let rows = sqlx::query(sql).bind(&ids).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| stored_note(r).map(|(n, _)| n))
            .collect()
    }

    /// The stored addenda of the notes `ids`, oldest first.
    pub async fn addenda_of(&self, ids: &[String]) -> Result<Vec<StoredNote>, sqlx::Error> {
        self.naming(
            "SELECT seq, id, idempotency_key, received_at, body FROM notes WHERE addendum_to = ANY($1) ORDER BY seq",
            ids,
        )
        .await
    }

    pub async fn head(&self) -> Result<(i64, String), sqlx::Error> {
        sqlx::query_as(
            "SELECT count(*), coalesce((SELECT hash FROM log ORDER BY seq DESC LIMIT 1), $1) FROM log",
        )
        .bind(GENESIS)
        .fetch_one(&self.pool)
        .await
    }

    /// Logs `reads`, all or none.
    pub async fn record_reads(&self, reads: &[Read]) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        for r in reads {
            sqlx::query(
                "INSERT INTO reads (at, who, note_id, how, from_addr) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&r.at)
            .bind(&r.who)
            .bind(&r.note_id)
            .bind(r.how.as_str())
            .bind(&r.from)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    }

    /// The logged reads of the notes `ids`, newest first, by lower-case id.
    pub async fn reads_of(
        &self,
        ids: &[String],
    ) -> Result<HashMap<String, Vec<Read>>, sqlx::Error> {
        let ids: Vec<String> = ids.iter().map(|i| i.trim().to_lowercase()).collect();
        let rows = sqlx::query(
            "SELECT at, who, note_id, how, from_addr FROM reads WHERE lower(note_id) = ANY($1) ORDER BY seq DESC",
        )
        .bind(&ids)
        .fetch_all(&self.pool)
        .await?;
        let mut out: HashMap<String, Vec<Read>> = HashMap::new();
        for r in &rows {
            let read = Read {
                at: r.try_get("at")?,
                who: r.try_get("who")?,
                note_id: r.try_get("note_id")?,
                how: How::parse(r.try_get("how")?).unwrap_or(How::Inbox),
                from: r.try_get("from_addr")?,
            };
            out.entry(read.note_id.to_lowercase())
                .or_default()
                .push(read);
        }
        Ok(out)
    }

    /// Walks the log and the stored notes: the first break, or the head.
    pub async fn verify(&self) -> Result<Result<chain::Verified, chain::Break>, sqlx::Error> {
        if let Some(notes) = self.unlogged_notes().await? {
            return Ok(Err(chain::Break::LogMissing { notes }));
        }
        // One snapshot for the log and the notes: a note stored between the
        // two reads must not look like one stored outside the log.
        let mut tx = self.pool.begin().await?;
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .execute(&mut *tx)
            .await?;
        let log = sqlx::query(
            "SELECT seq, note_id, received_at, body_sha256, prev, hash, version, idempotency_key, content_hash FROM log ORDER BY seq",
        )
        .fetch_all(&mut *tx)
        .await?;
        let log = log
            .iter()
            .map(|r| {
                Ok(Entry::stored(
                    r.try_get("version")?,
                    Columns {
                        seq: r.try_get("seq")?,
                        note_id: r.try_get("note_id")?,
                        idempotency_key: r
                            .try_get::<Option<String>, _>("idempotency_key")?
                            .unwrap_or_default(),
                        received_at: r.try_get("received_at")?,
                        content_hash: r
                            .try_get::<Option<String>, _>("content_hash")?
                            .unwrap_or_default(),
                        body_sha256: r.try_get("body_sha256")?,
                    },
                    r.try_get("prev")?,
                    r.try_get("hash")?,
                ))
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        let notes = sqlx::query(
            "SELECT seq, id, idempotency_key, received_at, body, content_hash, addendum_to FROM notes ORDER BY seq",
        )
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        let notes = notes
            .iter()
            .map(|r| {
                let body: String = r.try_get("body")?;
                let addendum_to: Option<String> = r.try_get("addendum_to")?;
                // addendum_to is read from the body when the note is stored;
                // one that says otherwise moved an addendum under another
                // note, and is the note altered (no digest matches "").
                let consistent = addendum_to == addendum_of(&body);
                Ok(StoredRow {
                    body_is_text: true,
                    columns: Columns {
                        seq: r.try_get("seq")?,
                        note_id: r.try_get("id")?,
                        idempotency_key: r.try_get("idempotency_key")?,
                        received_at: r.try_get("received_at")?,
                        content_hash: r.try_get("content_hash")?,
                        body_sha256: if consistent {
                            sha256_hex(body.as_bytes())
                        } else {
                            String::new()
                        },
                    },
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        Ok(chain::verify(&log, &notes))
    }
}
