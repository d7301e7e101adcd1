//! The inbox's routes: `/inbox`, `/inbox/addendum/{id}`, `/inbox/sign/{id}`
//! and their
//! stylesheet and script.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Extension;
use casenote_text::Lang;

use serde::Deserialize;

use super::reader::Reader;
use super::{error, AppState};
use crate::inbox;
use crate::reads::How;
use crate::store::StoreError;

/// Why an inbox page could not be shown.
#[derive(Debug)]
pub(super) enum InboxError {
    /// No stored note has the id asked for (said in the reader's language).
    NotFound(Lang),
    /// The stored note is not a casenote v1 payload.
    Unreadable(Lang),
    /// The page asked for is not a page (`?before=` not a seq).
    BadPage,
    /// A filter that names nothing (`?status=` not a status), in words.
    BadFilter(String),
    /// The store failed.
    Store(StoreError),
}

impl From<StoreError> for InboxError {
    fn from(e: StoreError) -> Self {
        InboxError::Store(e)
    }
}

impl IntoResponse for InboxError {
    fn into_response(self) -> Response {
        match self {
            InboxError::NotFound(lang) => {
                (StatusCode::NOT_FOUND, Html(inbox::addendum_not_found(lang))).into_response()
            }
            InboxError::BadPage => error(
                StatusCode::BAD_REQUEST,
                "?before= takes the seq of a note (a whole number above 0)",
            ),
            InboxError::BadFilter(message) => error(StatusCode::BAD_REQUEST, &message),
            InboxError::Unreadable(lang) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                Html(inbox::unreadable_page(lang)),
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
    client: Option<String>,
    author: Option<String>,
    status: Option<String>,
    q: Option<String>,
}

/// The reader's language for the receiver's pages: the one the worker chose
/// on the standalone page (its `casenote-lang` cookie), else the browser's
/// `Accept-Language`, best first, else English.
fn reader_lang(headers: &HeaderMap) -> Lang {
    let chosen = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().strip_prefix("casenote-lang="))
        .find_map(Lang::from_tag);
    chosen.or_else(|| accepted(headers)).unwrap_or_default()
}

/// The best language of `Accept-Language` the catalog has.
fn accepted(headers: &HeaderMap) -> Option<Lang> {
    let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut ranges: Vec<(f32, &str)> = value
        .split(',')
        .filter_map(|r| {
            let mut parts = r.split(';');
            let tag = parts.next()?.trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0 && tag != "*").then_some((q, tag))
        })
        .collect();
    // Stable: equal weights keep the browser's order.
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranges.into_iter().find_map(|(_, tag)| Lang::from_tag(tag))
}

pub(super) async fn inbox_page(
    State(state): State<AppState>,
    Extension(reader): Extension<Reader>,
    Query(query): Query<InboxQuery>,
    headers: HeaderMap,
) -> Result<Response, InboxError> {
    let lang = reader_lang(&headers);
    let before = match (&query.before, &query.note) {
        (Some(b), _) => match b.parse::<i64>() {
            Ok(b) if b > 0 => Some(b),
            _ => return Err(InboxError::BadPage),
        },
        (None, Some(_)) => None,
        (None, None) => Some(i64::MAX),
    };
    let filter = inbox::filter::Filter::from_query(&inbox::filter::FilterQuery {
        client: query.client.clone(),
        author: query.author.clone(),
        status: query.status.clone(),
        q: query.q.clone(),
    })
    .map_err(InboxError::BadFilter)?;
    // A link to one note shows its page whatever the filters.
    let page = match before.filter(|_| !filter.is_empty()) {
        Some(before) => {
            state
                .store
                .inbox_filtered(before, &filter, inbox::PAGE_SIZE)
                .await?
        }
        None => state
            .store
            .inbox(before, query.note.clone(), inbox::PAGE_SIZE)
            .await?
            .ok_or(InboxError::NotFound(lang))?,
    };
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
    // Each note's reviews, and the revisions of the notes returned.
    let page_ids: Vec<String> = ids().map(String::from).collect();
    let reviews = state.store.reviews_of(page_ids.clone()).await?;
    let revisions = state.store.revisions_of(page_ids).await?;
    let html = inbox::render(&inbox::InboxPage {
        notes: &page.notes,
        addenda: &page.addenda,
        reviews: &reviews,
        revisions: &revisions,
        total: page.total,
        head: &page.head,
        more: page.more,
        older: before != Some(i64::MAX),
        reads: reads.as_ref(),
        filter: &filter,
        lang,
    });
    Ok(Html(html).into_response())
}

/// `/inbox/reviews`: the notes awaiting a supervisor's review, oldest
/// first. Listing a note is reading it: each is logged.
pub(super) async fn review_queue(
    State(state): State<AppState>,
    Extension(reader): Extension<Reader>,
    headers: HeaderMap,
) -> Result<Response, InboxError> {
    let lang = reader_lang(&headers);
    let notes = state.store.awaiting_review(inbox::QUEUE_SIZE).await?;
    state
        .store
        .record_reads(reader.reads(How::Inbox, notes.iter().map(|n| n.id.as_str())))
        .await?;
    let html = inbox::queue_page(&notes, chrono::Utc::now(), lang);
    Ok(Html(html).into_response())
}

pub(super) async fn addendum_page(
    state: State<AppState>,
    reader: Extension<Reader>,
    id: Path<String>,
    headers: HeaderMap,
) -> Result<Response, InboxError> {
    writing_page(state, reader, id, headers, inbox::Writing::Addendum).await
}

/// `/inbox/sign/{id}`: the author signs a note sent unsigned.
pub(super) async fn signature_page(
    state: State<AppState>,
    reader: Extension<Reader>,
    id: Path<String>,
    headers: HeaderMap,
) -> Result<Response, InboxError> {
    writing_page(state, reader, id, headers, inbox::Writing::Signature).await
}

async fn writing_page(
    State(state): State<AppState>,
    Extension(reader): Extension<Reader>,
    Path(id): Path<String>,
    headers: HeaderMap,
    writing: inbox::Writing,
) -> Result<Response, InboxError> {
    let lang = reader_lang(&headers);
    let body = state
        .store
        .body_of(&id)
        .await?
        .ok_or(InboxError::NotFound(lang))?;
    state
        .store
        .record_reads(reader.reads(How::AddendumPage, [id.as_str()]))
        .await?;
    let signed_later =
        writing == inbox::Writing::Signature && state.store.signed_later(&id).await?;
    let html = inbox::addendum_page(&body, writing, signed_later, lang)
        .map_err(|_| InboxError::Unreadable(lang))?;
    Ok(Html(html).into_response())
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
