//! Fault injection around `POST /api/notes`: the layer `mod.rs` puts on
//! that route only with `--test-mode`, so that the intake (`intake.rs`)
//! knows nothing of faults. Each request that gets past the intake's first
//! two steps takes its fault from the plan (`crate::faults`), is logged for
//! `/api/_test/log`, and is then answered by its fault, delayed, let
//! through, or let through and its connection cut once the store answered.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use super::error;
use super::intake::{body_of, form_of, StoreAnswered};
use crate::conn::Cut;
use crate::faults::{Fault, Faults, LogEntry};

/// The layer, as `axum::middleware::from_fn_with_state(faults, inject)`.
///
/// The intake's steps 1 and 2 (the media type, the body) run here first,
/// as they did when the fault was the intake's third step: a request they
/// refuse is answered by them, meets no fault and is not logged. The body
/// read is handed on whole, and the intake reads it again from memory.
pub(super) async fn inject(
    State(faults): State<Arc<Faults>>,
    req: Request,
    next: Next,
) -> Response {
    let (parts, body) = req.into_parts();
    if let Err(refused) = form_of(&parts.headers) {
        return *refused;
    }
    let body = match body_of(body).await {
        Ok(body) => body,
        Err(refused) => return *refused,
    };
    let fault = faults.take(
        parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok()),
    );
    faults.record(entry(&parts.headers, &fault));
    if let Some(answer) = answer(&fault) {
        return answer;
    }
    if let Fault::Delay(ms) = fault {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
    let cut = parts
        .extensions
        .get::<ConnectInfo<Cut>>()
        .map(|c| c.0.clone());
    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    if fault == Fault::DropAfterStore && response.extensions().get::<StoreAnswered>().is_some() {
        // The worst case: the note is stored, but the client never hears so.
        match cut {
            Some(cut) => cut.cut(),
            None => eprintln!("casenote-receiver: no connection to cut"),
        }
    }
    response
}

/// The request log's entry for a request with `headers` that met `fault`.
fn entry(headers: &HeaderMap, fault: &Fault) -> LogEntry {
    LogEntry {
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
    }
}

/// The answer `fault` gives in the note's place, if it gives one: none for
/// a delay (waited out, then the note goes on), a drop after storing, or
/// no fault.
fn answer(fault: &Fault) -> Option<Response> {
    match fault {
        Fault::Status(status) => {
            let status = StatusCode::from_u16(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            Some(error(status, "Fault injected by --test-mode"))
        }
        Fault::RateLimit(seconds) => {
            let mut res = error(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many requests (injected by --test-mode)",
            );
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(*seconds));
            Some(res)
        }
        Fault::Unauthorized => {
            let mut res = error(
                StatusCode::UNAUTHORIZED,
                "Sign in first (a bearer token is required)",
            );
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            Some(res)
        }
        Fault::Delay(_) | Fault::DropAfterStore | Fault::None => None,
    }
}
