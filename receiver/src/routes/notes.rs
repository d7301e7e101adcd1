//! The notes API: `POST /api/notes` (read once, checked, stored once per
//! key) and `GET /api/notes`.

use std::borrow::Cow;

use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use axum::Json;
use casenote::domain::fhir::FHIR_JSON;
use casenote::domain::{FieldError, PayloadV1};

use serde::Deserialize;

use super::reader::Reader;
use super::{error, json, AppState};
use crate::conn::Cut;
use crate::db::Accepted;
use crate::faults::{Fault, LogEntry};
use crate::reads::How;

/// `{"errors": [{"field", "message"}]}`, the body casenote reads.
fn errors_body(errors: &[FieldError]) -> String {
    let errors: Vec<serde_json::Value> = errors
        .iter()
        .map(|e| serde_json::json!({ "field": e.field, "message": e.message }))
        .collect();
    serde_json::json!({ "errors": errors }).to_string()
}

fn field_errors(errors: &[FieldError]) -> Response {
    json(StatusCode::BAD_REQUEST, errors_body(errors))
}

/// The answer to a POST of note `id` that the store took as `outcome`.
/// A function of what is stored only, so a replay is answered byte for byte
/// as the first delivery was.
fn accepted(outcome: &Accepted, id: &str) -> Response {
    match outcome {
        Accepted::Stored { received_at } | Accepted::Replayed { received_at } => json(
            StatusCode::CREATED,
            serde_json::json!({ "id": id, "status": "stored", "receivedAt": received_at })
                .to_string(),
        ),
        Accepted::KeyReused => json(
            StatusCode::UNPROCESSABLE_ENTITY,
            errors_body(&[FieldError::new(
                "Idempotency-Key",
                "was already used for a different note: send each note under its own id",
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

/// `text` as JSON, or the problem at field `body`. One wording for "not
/// JSON", whether the note came plain or in FHIR.
fn read_json(text: &str) -> Result<serde_json::Value, FieldError> {
    crate::strict::parse(text).map_err(|e| {
        let problem = if let Some((escape, line, column)) =
            crate::strict::lone_surrogate(text).filter(|_| e.is_syntax())
        {
            format!(
                "holds {escape} at line {line} column {column}: half of a UTF-16 surrogate pair, which is no character on its own. Send the character itself, or both halves (\\ud83d\\ude00)"
            )
        } else if e.is_data() {
            // The one data error the strict reader raises: a repeated key.
            format!("{e}: each key may be given only once")
        } else {
            format!("is not JSON: {e}")
        };
        FieldError::new("body", problem)
    })
}

/// The `Idempotency-Key`, which the contract makes the note's id: a note
/// without it, or under another key, is refused.
fn idempotency_key<'a>(headers: &'a HeaderMap, id: &str) -> Result<&'a str, FieldError> {
    match headers.get("idempotency-key").map(|v| v.to_str()) {
        None => Err(FieldError::new(
            "Idempotency-Key",
            "is required: send the note's id as Idempotency-Key",
        )),
        Some(Ok(k)) if casenote::domain::payload::links::same_id(k, id) => Ok(k.trim()),
        Some(_) => Err(FieldError::new(
            "Idempotency-Key",
            "must be the note's id (its \"id\" field)",
        )),
    }
}

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

/// The largest note body accepted (a 50,000-character note is ~100 KB).
const MAX_BODY: usize = 5 * 1024 * 1024;

pub(super) async fn post_note(State(state): State<AppState>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let headers = parts.headers;
    let cut = parts
        .extensions
        .get::<ConnectInfo<Cut>>()
        .map(|c| c.0.clone());
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let media_type = content_type.split(';').next().unwrap_or("").trim();
    let is_fhir = media_type.eq_ignore_ascii_case(FHIR_JSON);
    if !media_type.eq_ignore_ascii_case("application/json") && !is_fhir {
        return error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Send the note as Content-Type: application/json (casenote JSON v1) or application/fhir+json (a FHIR DocumentReference)",
        );
    }
    let body = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(body) => body,
        Err(e) if timed_out(&e) => {
            return error(
                StatusCode::REQUEST_TIMEOUT,
                "The note stopped arriving part way: nothing was stored. Send it again",
            )
        }
        Err(_) => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The note is larger than 5 MB",
            )
        }
    };
    let fault = match &state.faults {
        None => Fault::None,
        Some(f) => {
            let fault = f.take(
                headers
                    .get(header::AUTHORIZATION)
                    .and_then(|v| v.to_str().ok()),
            );
            f.record(LogEntry {
                at: chrono::Utc::now().timestamp_millis(),
                idempotency_key: headers
                    .get("idempotency-key")
                    .and_then(|v| v.to_str().ok())
                    .map(String::from),
                fault: format!("{fault:?}"),
                headers: headers
                    .iter()
                    .filter_map(|(k, v)| Some((k.to_string(), v.to_str().ok()?.to_string())))
                    .collect(),
            });
            fault
        }
    };
    match fault {
        Fault::Status(status) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return error(status, "Fault injected by --test-mode");
        }
        Fault::RateLimit(seconds) => {
            let mut res = error(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many requests (injected by --test-mode)",
            );
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            return res;
        }
        Fault::Unauthorized => {
            let mut res = error(
                StatusCode::UNAUTHORIZED,
                "Sign in first (a bearer token is required)",
            );
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            return res;
        }
        Fault::Delay(ms) => tokio::time::sleep(std::time::Duration::from_millis(ms)).await,
        Fault::None | Fault::DropAfterStore => {}
    }
    let Ok(raw) = std::str::from_utf8(&body) else {
        return field_errors(&[FieldError::new("body", "must be UTF-8 JSON")]);
    };
    // Each text is parsed once: the body, and for FHIR the casenote JSON
    // its attachment carries.
    let value = match read_json(raw) {
        Ok(v) => v,
        Err(e) => return field_errors(&[e]),
    };
    let (value, text, wrapper) = if is_fhir {
        let inner = match casenote::domain::fhir::casenote_json_from(&value) {
            Ok(t) => t,
            Err(e) => return field_errors(&[FieldError::new("body", e)]),
        };
        match read_json(&inner) {
            Ok(v) => (v, Cow::Owned(inner), Some(value)),
            Err(e) => return field_errors(&[e]),
        }
    } else {
        (value, Cow::Borrowed(raw), None)
    };
    // A note already stored under its key is answered as the first time,
    // before any rule is checked again: a rule or a threshold changed since
    // (or another instance's) must not turn a stored note into a refused one.
    if let Some(key) = headers.get("idempotency-key").and_then(|v| v.to_str().ok()) {
        match state.store.replay_of(key, &text).await {
            Ok(Some((id, received_at))) => {
                return accepted(&Accepted::Replayed { received_at }, &id)
            }
            Ok(None) => {}
            Err(e) => {
                eprintln!("casenote-receiver: reading notes failed: {e}");
                return error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "The note could not be stored",
                );
            }
        }
    }
    let payload = match checked(value, wrapper.as_ref(), state.late_entry_hours) {
        Ok(p) => p,
        Err(errors) => return field_errors(&errors),
    };
    let key = match idempotency_key(&headers, &payload.id) {
        Ok(k) => k.to_string(),
        Err(e) => return field_errors(&[e]),
    };
    let stored = state
        .store
        .accept_linked(&payload, &key, text.into_owned())
        .await;
    let id = payload.id;
    let response = match stored {
        Ok(Ok(outcome)) => accepted(&outcome, &id),
        Ok(Err(links)) => json(StatusCode::UNPROCESSABLE_ENTITY, errors_body(&links)),
        Err(e) => {
            eprintln!("casenote-receiver: storing note failed: {e}");
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "The note could not be stored",
            );
        }
    };
    if fault == Fault::DropAfterStore {
        // The worst case: the note is stored, but the client never hears so.
        match cut {
            Some(cut) => cut.cut(),
            None => eprintln!("casenote-receiver: no connection to cut"),
        }
    }
    response
}

/// The note in `value` (from FHIR `wrapper`, if it came in one), checked
/// against the schema, the payload's own rules, the contract's, timeliness
/// under the receiver's threshold (`late_entry_hours`) and the wrapper.
fn checked(
    value: serde_json::Value,
    wrapper: Option<&serde_json::Value>,
    late_entry_hours: f64,
) -> Result<PayloadV1, Vec<FieldError>> {
    let schema_errors = crate::schema::validate(&value);
    if !schema_errors.is_empty() {
        return Err(schema_errors);
    }
    let payload = PayloadV1::from_value(value)?;
    let mut problems = payload.contract_problems();
    problems.extend(payload.timeliness_problems(chrono::Utc::now(), late_entry_hours));
    if let Some(doc) = wrapper.filter(|_| problems.is_empty()) {
        problems.extend(casenote::domain::fhir_wrapper::contradictions(
            doc, &payload,
        ));
        problems.extend(casenote::domain::fhir_wrapper::unresolved_subject(
            doc, &payload,
        ));
    }
    if problems.is_empty() {
        Ok(payload)
    } else {
        Err(problems)
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
    let (after, limit) = match query.read() {
        Ok(v) => v,
        Err(message) => return error(StatusCode::BAD_REQUEST, &message),
    };
    let page = match state.store.page_after(after, limit).await {
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
            eprintln!("casenote-receiver: listing notes failed: {e}");
            error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "The notes could not be listed",
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
    fn read(&self) -> Result<(i64, usize), String> {
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
