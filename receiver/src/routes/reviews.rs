//! The reviews API: `POST /api/reviews` takes a supervisor's review
//! (casenote-review/v1, or a FHIR Provenance that carries it) through the
//! same steps as a note (`intake.rs`): the media type, the body, strict
//! JSON, a replay answered as the first time, the schema and the review's
//! own rules, the key, and then stored once, checked against the note it
//! is of (`review/links.rs`). `GET /api/reviews` pages through them.

use std::borrow::Cow;

use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use axum::Extension;
use casenote_format::field_path::Member;
use casenote_format::review::ReviewV1;
use casenote_format::{FieldPath, FieldProblem, Problem};
use casenote_text::fhir::{review_json_from, FHIR_JSON};

use super::intake::{read_json, replayed, StoreAnswered};
use super::notes::{accepted, errors_body, field_errors, listed, PageQuery};
use super::reader::Reader;
use super::{error, json, AppState};
use crate::db::Kind;

type Step<T> = Result<T, Box<Response>>;

/// `POST /api/reviews`: the steps in order; each refusal is the answer.
pub(super) async fn post_review(State(state): State<AppState>, req: Request) -> Response {
    match intake(&state, req).await {
        Ok(response) => response,
        Err(refused) => *refused,
    }
}

async fn intake(state: &AppState, req: Request) -> Step<Response> {
    let (parts, body) = req.into_parts();
    let headers = parts.headers;
    let fhir = fhir_form(&headers)?;
    let body = body_of(body).await?;
    let text = read(&body, fhir)?;
    if let Some(replay) = replayed(state, &headers, &text, not_stored).await? {
        return Ok(replay);
    }
    let review = checked(&text).map_err(|errors| Box::new(field_errors(&errors)))?;
    let key = super::intake::idempotency_key(&headers, &review.id, Kind::Review)
        .map_err(|e| Box::new(field_errors(&[e])))?
        .to_string();
    let outcome = state
        .store
        .accept_review(&review, &key, text.into_owned(), state.self_approval)
        .await;
    let mut response = match outcome {
        Ok(Ok(outcome)) => accepted(&outcome, &review.id),
        Ok(Err(links)) => json(StatusCode::UNPROCESSABLE_ENTITY, errors_body(&links)),
        Err(e) => {
            eprintln!("casenote-receiver: storing a review failed: {e}");
            return Err(Box::new(not_stored()));
        }
    };
    response.extensions_mut().insert(StoreAnswered);
    Ok(response)
}

fn not_stored() -> Response {
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "The review could not be stored",
    )
}

/// Step 1: casenote review JSON, or a FHIR Provenance (true).
fn fhir_form(headers: &HeaderMap) -> Step<bool> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let media_type = content_type.split(';').next().unwrap_or("").trim();
    if media_type.eq_ignore_ascii_case(FHIR_JSON) {
        Ok(true)
    } else if media_type.eq_ignore_ascii_case("application/json") {
        Ok(false)
    } else {
        Err(Box::new(error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Send the review as Content-Type: application/json (casenote-review/v1) or application/fhir+json (a FHIR Provenance)",
        )))
    }
}

/// The largest review accepted: comments are words, not files.
const MAX_BODY: usize = 1024 * 1024;

/// Step 2: the body, within [`MAX_BODY`].
async fn body_of(body: axum::body::Body) -> Step<axum::body::Bytes> {
    axum::body::to_bytes(body, MAX_BODY).await.map_err(|_| {
        Box::new(error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "The review is larger than 1 MB, or stopped arriving: nothing was stored",
        ))
    })
}

fn body_problem(problem: Problem) -> FieldProblem {
    FieldProblem::new(FieldPath::Member(Member::Body), problem)
}

/// Step 3: UTF-8 and strict JSON, unwrapped from its Provenance when it
/// came in one: the review's text as stored.
fn read(bytes: &[u8], fhir: bool) -> Step<Cow<'_, str>> {
    let refuse = |e: FieldProblem| Box::new(field_errors(&[e]));
    let raw = std::str::from_utf8(bytes).map_err(|_| refuse(body_problem(Problem::NotUtf8)))?;
    let value = read_json(raw).map_err(refuse)?;
    if !fhir {
        return Ok(Cow::Borrowed(raw));
    }
    let inner = review_json_from(&value)
        .map_err(|detail| refuse(body_problem(Problem::NotAWrapper { detail })))?;
    read_json(&inner).map_err(refuse)?;
    Ok(Cow::Owned(inner))
}

/// Step 5: the review's schema, then its own rules (its hashes, a reason
/// for a return, the co-signer).
fn checked(text: &str) -> Result<ReviewV1, Vec<FieldProblem>> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        vec![body_problem(Problem::NotJson {
            detail: e.to_string(),
        })]
    })?;
    let schema_errors = crate::schema::validate_review(&value);
    if !schema_errors.is_empty() {
        return Err(schema_errors);
    }
    ReviewV1::parse(text)
}

/// `GET /api/reviews?after=SEQ&limit=N`: the stored reviews, oldest first,
/// paged as `GET /api/notes` is.
pub(super) async fn list_reviews(
    State(state): State<AppState>,
    Extension(reader): Extension<Reader>,
    Query(query): Query<PageQuery>,
) -> Response {
    listed(&state, &reader, &query, Kind::Review).await
}
