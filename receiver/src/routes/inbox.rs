//! The inbox's routes: `/inbox`, `/inbox/addendum/{id}` and their
//! stylesheet and script.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};

use super::{error, AppState};
use crate::inbox;

/// Why an inbox page could not be shown.
#[derive(Debug)]
pub(super) enum InboxError {
    /// No stored note has the id asked for.
    NotFound,
    /// The stored note is not a casenote v1 payload.
    Unreadable,
    /// The store failed.
    Store(rusqlite::Error),
}

impl From<rusqlite::Error> for InboxError {
    fn from(e: rusqlite::Error) -> Self {
        InboxError::Store(e)
    }
}

impl From<inbox::Unreadable> for InboxError {
    fn from(_: inbox::Unreadable) -> Self {
        InboxError::Unreadable
    }
}

impl IntoResponse for InboxError {
    fn into_response(self) -> Response {
        match self {
            InboxError::NotFound => {
                (StatusCode::NOT_FOUND, Html(inbox::addendum_not_found())).into_response()
            }
            InboxError::Unreadable => (
                StatusCode::INTERNAL_SERVER_ERROR,
                Html(inbox::unreadable_page()),
            )
                .into_response(),
            InboxError::Store(e) => {
                eprintln!("casenote-receiver: reading notes failed: {e}");
                error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "The notes could not be read",
                )
            }
        }
    }
}

pub(super) async fn inbox_page(State(state): State<AppState>) -> Result<Response, InboxError> {
    let notes = state.store.list()?;
    let head = state.store.head()?;
    Ok(Html(inbox::render(&notes, &head)).into_response())
}

pub(super) async fn addendum_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, InboxError> {
    let body = state.store.body_of(&id)?.ok_or(InboxError::NotFound)?;
    Ok(Html(inbox::addendum_page(&body)?).into_response())
}

pub(super) async fn inbox_css() -> Response {
    ([(header::CONTENT_TYPE, "text/css")], inbox::CSS).into_response()
}

pub(super) async fn inbox_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        inbox::JS,
    )
        .into_response()
}
