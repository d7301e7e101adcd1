//! The inbox's routes: `/inbox`, `/inbox/addendum/{id}`, `/inbox/sign/{id}`
//! and their
//! stylesheet and script.

use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Extension;

use serde::Deserialize;

use super::reader::Reader;
use super::{error, AppState};
use crate::inbox;
use crate::reads::How;
use crate::store::StoreError;

/// Why an inbox page could not be shown.
#[derive(Debug)]
pub(super) enum InboxError {
    /// No stored note has the id asked for.
    NotFound,
    /// The stored note is not a casenote v1 payload.
    Unreadable,
    /// The page asked for is not a page (`?before=` not a seq).
    BadPage,
    /// The store failed.
    Store(StoreError),
}

impl From<StoreError> for InboxError {
    fn from(e: StoreError) -> Self {
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
            InboxError::BadPage => error(
                StatusCode::BAD_REQUEST,
                "?before= takes the seq of a note (a whole number above 0)",
            ),
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

/// The inbox's paging: `?before=SEQ` (the notes stored before it, newest
/// first), or `?note=ID` (the page that starts with that note).
#[derive(Deserialize)]
pub(super) struct InboxQuery {
    before: Option<String>,
    note: Option<String>,
}

pub(super) async fn inbox_page(
    State(state): State<AppState>,
    Extension(reader): Extension<Reader>,
    Query(query): Query<InboxQuery>,
) -> Result<Response, InboxError> {
    let before = match (&query.before, &query.note) {
        (Some(b), _) => match b.parse::<i64>() {
            Ok(b) if b > 0 => Some(b),
            _ => return Err(InboxError::BadPage),
        },
        (None, Some(_)) => None,
        (None, None) => Some(i64::MAX),
    };
    let page = state
        .store
        .inbox(before, query.note.clone(), inbox::PAGE_SIZE)
        .await?
        .ok_or(InboxError::NotFound)?;
    let ids = || page.notes.iter().map(|n| n.id.as_str());
    state
        .store
        .record_reads(reader.reads(How::Inbox, ids()))
        .await?;
    let reads = if reader.is_auditor() {
        Some(
            state
                .store
                .reads_of(ids().map(String::from).collect())
                .await?,
        )
    } else {
        None
    };
    let html = inbox::render(&inbox::InboxPage {
        notes: &page.notes,
        addenda: &page.addenda,
        total: page.total,
        head: &page.head,
        more: page.more,
        older: before != Some(i64::MAX),
        reads: reads.as_ref(),
    });
    Ok(Html(html).into_response())
}

pub(super) async fn addendum_page(
    state: State<AppState>,
    reader: Extension<Reader>,
    id: Path<String>,
) -> Result<Response, InboxError> {
    writing_page(state, reader, id, inbox::Writing::Addendum).await
}

/// `/inbox/sign/{id}`: the author signs a note sent unsigned.
pub(super) async fn signature_page(
    state: State<AppState>,
    reader: Extension<Reader>,
    id: Path<String>,
) -> Result<Response, InboxError> {
    writing_page(state, reader, id, inbox::Writing::Signature).await
}

async fn writing_page(
    State(state): State<AppState>,
    Extension(reader): Extension<Reader>,
    Path(id): Path<String>,
    writing: inbox::Writing,
) -> Result<Response, InboxError> {
    let body = state
        .store
        .body_of(&id)
        .await?
        .ok_or(InboxError::NotFound)?;
    state
        .store
        .record_reads(reader.reads(How::AddendumPage, [id.as_str()]))
        .await?;
    Ok(Html(inbox::addendum_page(&body, writing)?).into_response())
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
