//! The test-mode routes (`--test-mode` only): fault injection, the request
//! log and reset, answering only same-origin requests for a loopback name.

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::{error, AppState};
use crate::faults::FaultPlan;

/// The host name of a `Host` header value, without its port.
fn host_name(host: &str) -> &str {
    if host.starts_with('[') {
        return host.split_inclusive(']').next().unwrap_or(host);
    }
    host.split(':').next().unwrap_or(host)
}

/// Test-mode routes refuse requests a browser sends from another origin
/// (a page elsewhere must not reset or read this receiver), and requests
/// for any host name but the loopback's, so that a name rebound to
/// 127.0.0.1 by another site's DNS cannot reach them either.
pub(super) async fn same_origin_only(req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !host.is_empty() && !matches!(host_name(host), "localhost" | "127.0.0.1" | "[::1]") {
        return error(
            StatusCode::FORBIDDEN,
            "Test routes answer only requests for localhost",
        );
    }
    if let Some(origin) = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
    {
        let origin_host = origin.split("://").nth(1).unwrap_or("");
        if origin_host != host {
            return error(
                StatusCode::FORBIDDEN,
                "Test routes accept only same-origin requests",
            );
        }
    }
    next.run(req).await
}

pub(super) async fn set_faults(
    State(state): State<AppState>,
    Json(plan): Json<FaultPlan>,
) -> Response {
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
    match state.store.clear() {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "reset failed"),
    }
}
