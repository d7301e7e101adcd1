//! The notes API: `POST /api/notes` (read once, checked, stored once per
//! key) and `GET /api/notes`.

use std::borrow::Cow;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use casenote::domain::fhir::FHIR_JSON;
use casenote::domain::{FieldError, PayloadV1};

use super::{error, json, AppState};
use crate::conn::Cut;
use crate::db::Accepted;
use crate::faults::{Fault, LogEntry};

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
        Some(Ok(k)) if k.trim() == id => Ok(k.trim()),
        Some(_) => Err(FieldError::new(
            "Idempotency-Key",
            "must be the note's id (its \"id\" field)",
        )),
    }
}

/// Said to the worker when an addendum's `toHash` is not the hash of the
/// original as stored: what happened, and what to do next.
pub(super) const ORIGINAL_CHANGED: &str = "The original note has changed since this addendum was started, so it cannot be linked to it. Go back to the inbox, open the original again and choose Write an addendum.";

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
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "The note is larger than 5 MB",
        );
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
    let schema_errors = crate::schema::validate(&value);
    if !schema_errors.is_empty() {
        return field_errors(&schema_errors);
    }
    let payload = match PayloadV1::from_value(value) {
        Ok(p) => p,
        Err(errors) => return field_errors(&errors),
    };
    let mut problems = payload.contract_problems();
    problems.extend(payload.timeliness_problems(chrono::Utc::now()));
    if !problems.is_empty() {
        return field_errors(&problems);
    }
    if let Some(doc) = &wrapper {
        let errors = casenote::domain::fhir_wrapper::contradictions(doc, &payload);
        if !errors.is_empty() {
            return field_errors(&errors);
        }
    }
    if let Some(link) = &payload.addendum {
        if let (Some(expected), Ok(Some(original))) = (&link.to_hash, state.store.body_of(&link.to))
        {
            let actual = PayloadV1::parse(&original).map(|o| o.computed_hash());
            if actual.as_deref().ok() != Some(expected.to_ascii_lowercase().as_str()) {
                return json(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    errors_body(&[FieldError::new("addendum.toHash", ORIGINAL_CHANGED)]),
                );
            }
        }
    }
    let key = match idempotency_key(&headers, &payload.id) {
        Ok(k) => k,
        Err(e) => return field_errors(&[e]),
    };
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let response = match state
        .store
        .accept(key, &payload.id, &text, &payload.content_hash, &now)
    {
        Ok(outcome) => accepted(&outcome, &payload.id),
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

pub(super) async fn list_notes(State(state): State<AppState>) -> Response {
    match state.store.list() {
        Ok(notes) => Json(notes).into_response(),
        Err(e) => {
            eprintln!("casenote-receiver: listing notes failed: {e}");
            error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "The notes could not be listed",
            )
        }
    }
}
