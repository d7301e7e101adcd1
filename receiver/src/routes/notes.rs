//! The notes API: `POST /api/notes` (read once, checked, stored once per
//! key, by the steps of `intake.rs`), the answers it gives, and
//! `GET /api/notes`.

use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use axum::Json;
use casenote_format::field_path::Member;
use casenote_format::{FieldPath, FieldProblem, Problem};

use serde::Deserialize;

use super::reader::Reader;
use super::{error, json, AppState};
use crate::db::{Accepted, Kind};
use crate::reads::How;

/// `POST /api/notes`: the intake's steps in order (`intake.rs`); each
/// step's refusal is the answer.
pub(super) async fn post_note(State(state): State<AppState>, req: Request) -> Response {
    match super::intake::intake(&state, req).await {
        Ok(response) => response,
        Err(refused) => *refused,
    }
}

/// `{"errors": [{"field", "message"}]}`, the body casenote reads.
pub(super) fn errors_body(errors: &[FieldProblem]) -> String {
    let errors: Vec<serde_json::Value> = errors
        .iter()
        .map(|e| serde_json::json!({ "field": e.field.json_path(), "message": e.wire() }))
        .collect();
    serde_json::json!({ "errors": errors }).to_string()
}

pub(super) fn field_errors(errors: &[FieldProblem]) -> Response {
    json(StatusCode::BAD_REQUEST, errors_body(errors))
}

/// The answer to a POST of note `id` that the store took as `outcome`.
/// A function of what is stored only, so a replay is answered byte for byte
/// as the first delivery was.
pub(super) fn accepted(outcome: &Accepted, id: &str) -> Response {
    match outcome {
        Accepted::Stored { received_at } | Accepted::Replayed { received_at } => json(
            StatusCode::CREATED,
            serde_json::json!({ "id": id, "status": "stored", "receivedAt": received_at })
                .to_string(),
        ),
        Accepted::KeyReused => json(
            StatusCode::UNPROCESSABLE_ENTITY,
            errors_body(&[FieldProblem::new(
                FieldPath::Member(Member::IdempotencyKey),
                Problem::KeyReused,
            )]),
        ),
        Accepted::Duplicate { received_at } => json(
            StatusCode::CONFLICT,
            serde_json::json!({
                "id": id,
                "status": "duplicate",
                "receivedAt": received_at,
                "message": "This note was already received under another Idempotency-Key",
            })
            .to_string(),
        ),
    }
}

/// `GET /api/notes?after=SEQ&limit=N`: up to `limit` notes (100 unless
/// asked, at most 500, and within a page's byte budget) stored after
/// `after`, oldest first. A `Link: <…>; rel="next"` header names the next
/// page while more follow.
pub(super) async fn list_notes(
    State(state): State<AppState>,
    Extension(reader): Extension<Reader>,
    Query(query): Query<PageQuery>,
) -> Response {
    listed(&state, &reader, &query, Kind::Note).await
}

/// A page of the stored documents of `kind` as the query asks, its reads
/// logged, with the `Link` to the next.
pub(super) async fn listed(
    state: &AppState,
    reader: &Reader,
    query: &PageQuery,
    kind: Kind,
) -> Response {
    let (after, limit) = match query.read() {
        Ok(v) => v,
        Err(message) => return error(StatusCode::BAD_REQUEST, &message),
    };
    let page = match kind {
        Kind::Note => state.store.page_after(after, limit).await,
        Kind::Review => state.store.reviews_after(after, limit).await,
    };
    let page = match page {
        // Every read is logged before it is answered.
        Ok(page) => {
            let reads = reader.reads(How::Api, page.notes.iter().map(|n| n.id.as_str()));
            state.store.record_reads(reads).await.map(|()| page)
        }
        Err(e) => Err(e),
    };
    match page {
        Ok(page) => {
            let next = page
                .more
                .then(|| page.notes.last().map(|n| n.seq))
                .flatten();
            let mut res = Json(page.notes).into_response();
            if let Some(seq) = next {
                if let Ok(v) =
                    HeaderValue::from_str(&format!("<?after={seq}&limit={limit}>; rel=\"next\""))
                {
                    res.headers_mut().insert(header::LINK, v);
                }
            }
            res
        }
        Err(e) => {
            eprintln!("casenote-receiver: listing {}s failed: {e}", kind.as_str());
            error(
                StatusCode::INTERNAL_SERVER_ERROR,
                match kind {
                    Kind::Note => "The notes could not be listed",
                    Kind::Review => "The reviews could not be listed",
                },
            )
        }
    }
}

/// The API's paging parameters, as given.
#[derive(Deserialize)]
pub(super) struct PageQuery {
    after: Option<String>,
    limit: Option<String>,
}

/// The most notes one API page holds, and how many unless asked.
const MAX_LIMIT: usize = 500;
const DEFAULT_LIMIT: usize = 100;

impl PageQuery {
    pub(super) fn read(&self) -> Result<(i64, usize), String> {
        let after = match self.after.as_deref() {
            None => 0,
            Some(a) => a.parse::<i64>().ok().filter(|a| *a >= 0).ok_or_else(|| {
                format!("after={a}: give the seq of the last note of the page before (a whole number, 0 or more)")
            })?,
        };
        let limit = match self.limit.as_deref() {
            None => DEFAULT_LIMIT,
            Some(l) => l
                .parse::<usize>()
                .ok()
                .filter(|l| (1..=MAX_LIMIT).contains(l))
                .ok_or_else(|| format!("limit={l}: give a whole number from 1 to {MAX_LIMIT}"))?,
        };
        Ok((after, limit))
    }
}
