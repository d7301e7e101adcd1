//! `POST /api/notes` as a pipeline of named steps, each answering for
//! itself: a step that refuses returns the response that says why, and
//! the note goes no further.
//!
//! 1. [`form_of`]: the media type, casenote JSON or FHIR;
//! 2. [`body_of`]: the body, within its size and time;
//! 3. [`read`]: UTF-8, strict JSON, and the casenote JSON a FHIR
//!    DocumentReference carries, each text parsed once;
//! 4. [`replayed`]: a note already stored under its key is answered as the
//!    first time, before any rule is checked again;
//! 5. [`checked`]: the schema, the payload's rules, the contract's,
//!    timeliness and the FHIR wrapper;
//! 6. [`idempotency_key`]: the key must be the note's id;
//! 7. [`stored`]: stored once per key, its links checked; its answer, and
//!    only its, carries [`StoreAnswered`].
//!
//! What wraps the route is not its concern: in `--test-mode` only, the
//! fault-injection layer (`faults_layer.rs`) runs steps 1 and 2 itself
//! before it lets a request reach these.

use std::borrow::Cow;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use casenote_format::field_path::Member;
use casenote_format::{FieldPath, FieldProblem, PayloadV1, Problem};
use casenote_text::fhir::FHIR_JSON;

use super::notes::{accepted, errors_body, field_errors};
use super::{error, json, AppState};
use crate::db::{Accepted, Kind};

/// A step's outcome: on to the next, or the answer that ends it (boxed:
/// a response is large, and most steps go on).
type Step<T> = Result<T, Box<Response>>;

/// Runs the steps in order; the response is the last step's, or the
/// refusal of the step that stopped the note.
pub(super) async fn intake(state: &AppState, req: Request) -> Step<Response> {
    let (parts, body) = req.into_parts();
    let headers = parts.headers;
    let form = form_of(&headers)?;
    let body = body_of(body).await?;
    let note = read(&body, form)?;
    if let Some(replay) = replayed(state, &headers, &note.text, not_stored).await? {
        return Ok(replay);
    }
    let payload = checked(note.value, note.wrapper.as_ref(), state.late_entry_hours)
        .map_err(|errors| Box::new(field_errors(&errors)))?;
    let key = idempotency_key(&headers, &payload.id, Kind::Note)
        .map_err(|e| Box::new(field_errors(&[e])))?
        .to_string();
    let mut response = stored(state, &payload, key, note.text.into_owned()).await?;
    response.extensions_mut().insert(StoreAnswered);
    Ok(response)
}

/// Marks the answer of the last step, [`stored`]: the store was asked to
/// keep the note, whatever it answered (stored, replayed, a conflict, or
/// links refused). A refusal of an earlier step, a replay answered by
/// [`replayed`] and a store that failed do not carry it. Test mode's
/// drop-after-store fault cuts the connection only after such an answer.
#[derive(Clone, Copy, Debug)]
pub(super) struct StoreAnswered;

/// How a note came.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// casenote JSON v1.
    Json,
    /// A FHIR DocumentReference carrying casenote JSON.
    Fhir,
}

/// Step 1: the media type.
pub(super) fn form_of(headers: &HeaderMap) -> Step<Form> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let media_type = content_type.split(';').next().unwrap_or("").trim();
    if media_type.eq_ignore_ascii_case(FHIR_JSON) {
        Ok(Form::Fhir)
    } else if media_type.eq_ignore_ascii_case("application/json") {
        Ok(Form::Json)
    } else {
        Err(Box::new(error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Send the note as Content-Type: application/json (casenote JSON v1) or application/fhir+json (a FHIR DocumentReference)",
        )))
    }
}

/// The largest note body accepted (a 50,000-character note is ~100 KB).
const MAX_BODY: usize = 5 * 1024 * 1024;

/// Whether reading a body failed because it stopped arriving
/// (`serve.rs`'s body timeout), not because it was too large.
fn timed_out(e: &axum::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if c.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        cause = c.source();
    }
    false
}

/// Step 2: the body, within [`MAX_BODY`] and the body timeout.
pub(super) async fn body_of(body: Body) -> Step<Bytes> {
    axum::body::to_bytes(body, MAX_BODY).await.map_err(|e| {
        Box::new(if timed_out(&e) {
            error(
                StatusCode::REQUEST_TIMEOUT,
                "The note stopped arriving part way: nothing was stored. Send it again",
            )
        } else {
            error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The note is larger than 5 MB",
            )
        })
    })
}

/// A note as read: its casenote JSON, that JSON's text as stored, and the
/// FHIR DocumentReference it came in, if it did.
#[derive(Debug)]
pub(super) struct Read<'a> {
    pub value: serde_json::Value,
    pub text: Cow<'a, str>,
    pub wrapper: Option<serde_json::Value>,
}

/// `text` as JSON, or the problem at field `body`. One wording for "not
/// JSON", whether the note came plain or in FHIR.
pub(super) fn read_json(text: &str) -> Result<serde_json::Value, FieldProblem> {
    crate::strict::parse(text).map_err(|e| {
        let problem = if let Some((escape, line, column)) =
            crate::strict::lone_surrogate(text).filter(|_| e.is_syntax())
        {
            Problem::LoneSurrogate {
                escape: escape.to_string(),
                line,
                column,
            }
        } else if e.is_data() {
            // The one data error the strict reader raises: a repeated key.
            Problem::KeyGivenTwice {
                detail: e.to_string(),
            }
        } else {
            Problem::NotJson {
                detail: e.to_string(),
            }
        };
        body(problem)
    })
}

/// A problem with the request body as a whole.
fn body(problem: Problem) -> FieldProblem {
    FieldProblem::new(FieldPath::Member(Member::Body), problem)
}

/// Step 3: the body as UTF-8 and strict JSON, unwrapped from FHIR when it
/// came so. Each text is parsed once.
pub(super) fn read(bytes: &[u8], form: Form) -> Step<Read<'_>> {
    let refuse = |e: FieldProblem| Box::new(field_errors(&[e]));
    let raw = std::str::from_utf8(bytes).map_err(|_| refuse(body(Problem::NotUtf8)))?;
    let value = read_json(raw).map_err(refuse)?;
    match form {
        Form::Json => Ok(Read {
            value,
            text: Cow::Borrowed(raw),
            wrapper: None,
        }),
        Form::Fhir => {
            let inner = casenote_text::fhir::casenote_json_from(&value)
                .map_err(|detail| refuse(body(Problem::NotAWrapper { detail })))?;
            let note = read_json(&inner).map_err(refuse)?;
            Ok(Read {
                value: note,
                text: Cow::Owned(inner),
                wrapper: Some(value),
            })
        }
    }
}

/// Step 4: the answer a note (or a review) already stored under its key
/// was given, so that a rule or threshold changed since (or another
/// instance's) never turns a stored one into a refused one; `not_stored`
/// answers a store that failed.
pub(super) async fn replayed(
    state: &AppState,
    headers: &HeaderMap,
    text: &str,
    not_stored: fn() -> Response,
) -> Step<Option<Response>> {
    let Some(key) = headers.get("idempotency-key").and_then(|v| v.to_str().ok()) else {
        return Ok(None);
    };
    match state.store.replay_of(key, text).await {
        Ok(found) => {
            Ok(found.map(|(id, received_at)| accepted(&Accepted::Replayed { received_at }, &id)))
        }
        Err(e) => {
            eprintln!("casenote-receiver: reading stored documents failed: {e}");
            Err(Box::new(not_stored()))
        }
    }
}

fn not_stored() -> Response {
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "The note could not be stored",
    )
}

/// Step 5: the note in `value` (from FHIR `wrapper`, if it came in one), checked
/// against the schema, the payload's own rules, the contract's, timeliness
/// under the receiver's threshold (`late_entry_hours`) and the wrapper.
fn checked(
    value: serde_json::Value,
    wrapper: Option<&serde_json::Value>,
    late_entry_hours: f64,
) -> Result<PayloadV1, Vec<FieldProblem>> {
    let schema_errors = crate::schema::validate(&value);
    if !schema_errors.is_empty() {
        return Err(schema_errors);
    }
    let payload = PayloadV1::from_value(value)?;
    let mut problems = payload.contract_problems();
    problems.extend(payload.timeliness_problems(chrono::Utc::now(), late_entry_hours));
    if let Some(doc) = wrapper.filter(|_| problems.is_empty()) {
        problems.extend(casenote_text::fhir_wrapper::contradictions(doc, &payload));
        problems.extend(casenote_text::fhir_wrapper::unresolved_subject(
            doc, &payload,
        ));
    }
    if problems.is_empty() {
        Ok(payload)
    } else {
        Err(problems)
    }
}

/// Step 6: the `Idempotency-Key`, which the contract makes the document's
/// id (a note's, or a review's: `kind`): one without it, or under another
/// key, is refused.
pub(super) fn idempotency_key<'a>(
    headers: &'a HeaderMap,
    id: &str,
    kind: Kind,
) -> Result<&'a str, FieldProblem> {
    let key = |problem| FieldProblem::new(FieldPath::Member(Member::IdempotencyKey), problem);
    let (missing, not_id) = match kind {
        Kind::Note => (Problem::KeyMissing, Problem::KeyNotId),
        Kind::Review => (Problem::ReviewKeyMissing, Problem::KeyNotReviewId),
    };
    match headers.get("idempotency-key").map(|v| v.to_str()) {
        None => Err(key(missing)),
        Some(Ok(k)) if casenote_format::payload::links::same_id(k, id) => Ok(k.trim()),
        Some(_) => Err(key(not_id)),
    }
}

/// Step 7: stored once per key, with its links to other notes checked.
async fn stored(
    state: &AppState,
    payload: &PayloadV1,
    key: String,
    text: String,
) -> Step<Response> {
    match state.store.accept_linked(payload, &key, text).await {
        Ok(Ok(outcome)) => Ok(accepted(&outcome, &payload.id)),
        Ok(Err(links)) => Ok(json(StatusCode::UNPROCESSABLE_ENTITY, errors_body(&links))),
        Err(e) => {
            eprintln!("casenote-receiver: storing note failed: {e}");
            Err(Box::new(not_stored()))
        }
    }
}

#[cfg(test)]
mod tests;
