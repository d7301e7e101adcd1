//! The test-mode routes (`--test-mode` only): fault injection, the request
//! log and reset, answering only same-origin requests for a loopback name.

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::guard::{host_name, LOOPBACK_NAMES};
use super::{error, AppState};
use crate::faults::FaultPlan;

/// Test-mode routes answer only requests for a loopback name, even when
/// `--host` names other ones, so that a name rebound to 127.0.0.1 by
/// another site's DNS cannot reach them. (Every route refuses requests
/// from pages on other origins: `guard::same_origin_only`.)
pub(super) async fn loopback_only(req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !host.is_empty() && !LOOPBACK_NAMES.contains(&host_name(host).as_str()) {
        return error(
            StatusCode::FORBIDDEN,
            "Test routes answer only requests for localhost",
        );
    }
    next.run(req).await
}

/// Sets the fault plan. A body that is not a plan (an unknown key, a
/// wrong type) gets 400 with a JSON error, as every other error does.
pub(super) async fn set_faults(State(state): State<AppState>, body: String) -> Response {
    let plan: FaultPlan = match serde_json::from_str(&body) {
        Ok(p) => p,
        Err(e) => return error(StatusCode::BAD_REQUEST, &format!("Not a fault plan: {e}")),
    };
    if let Some(f) = &state.faults {
        f.set(plan);
    }
    StatusCode::NO_CONTENT.into_response()
}

pub(super) async fn request_log(State(state): State<AppState>) -> Response {
    let log = state.faults.as_ref().map(|f| f.log()).unwrap_or_default();
    Json(log).into_response()
}

pub(super) async fn reset(State(state): State<AppState>) -> Response {
    if let Some(f) = &state.faults {
        f.reset();
    }
    match state.store.reset().await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => {
            eprintln!("casenote-receiver: reset failed: {e}");
            error(StatusCode::INTERNAL_SERVER_ERROR, "reset failed")
        }
    }
}
