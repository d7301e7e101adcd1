//! HTTP routes: the app's routers, the security headers and the built
//! site's files (this file); the notes API (`notes.rs`, `intake.rs`); the
//! inbox's pages (`inbox.rs`); the test-mode routes (`test_mode.rs`) and
//! fault injection (`faults_layer.rs`).

mod faults_layer;
pub mod guard;
mod inbox;
mod intake;
mod notes;
pub mod reader;
mod reviews;
mod test_mode;

use std::path::Path;
use std::sync::Arc;

use axum::extract::Request;
use axum::handler::Handler;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};

use crate::faults::Faults;
use crate::store::Notes;
use guard::Access;
use inbox::{addendum_page, inbox_css, inbox_js, inbox_page, review_queue, signature_page};
use notes::{list_notes, post_note};
use reviews::{list_reviews, post_review};
use test_mode::{loopback_only, request_log, reset, set_faults};

/// The Content-Security-Policy every response carries: the strictest one the
/// editor works under, and no page of the receiver's in another's frame
/// (the addendum page posts notes), no `<base>` and no form sent elsewhere.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Notes>,
    /// Present only in `--test-mode`.
    pub faults: Option<Arc<Faults>>,
    /// The host names and origins this receiver answers.
    pub access: Arc<Access>,
    /// The receiver's own late-entry threshold, in hours.
    pub late_entry_hours: f64,
    /// Whether an author may co-sign their own note.
    pub self_approval: bool,
    /// Sign-in through a proxy, when configured (`reader.rs`).
    pub sign_in: Option<Arc<reader::SignIn>>,
}

/// The whole app: `router` nested under `site_path`, plus `/examples/`, all
/// with the security headers.
pub fn app(state: AppState, site: &Path, site_path: &str, examples: Option<&Path>) -> Router {
    let access = Arc::clone(&state.access);
    let mut inner = router(state, site);
    if let Some(dir) = examples {
        inner = inner.nest_service(
            "/examples",
            ServeDir::new(dir).precompressed_br().precompressed_gzip(),
        );
    }
    let app = if site_path.is_empty() {
        inner
    } else {
        let target = format!("{site_path}/");
        Router::new()
            .route(
                site_path,
                get(move || async move { axum::response::Redirect::permanent(&target) }),
            )
            .route_service(
                &format!("{site_path}/"),
                built(
                    ServeFile::new(site.join("index.html"))
                        .precompressed_br()
                        .precompressed_gzip(),
                ),
            )
            .nest(site_path, inner)
    };
    app.layer(middleware::from_fn_with_state(
        Arc::clone(&access),
        guard::allow_listed_origin,
    ))
    .layer(middleware::from_fn_with_state(access, guard::known_host))
    .layer(middleware::from_fn(security_headers))
}

/// The receiver's routes at the root, without the security headers.
pub fn router(state: AppState, site: &Path) -> Router {
    // In test mode only, the intake meets the faults the plan asks for.
    let intake = match &state.faults {
        Some(faults) => post(post_note.layer(middleware::from_fn_with_state(
            Arc::clone(faults),
            faults_layer::inject,
        ))),
        None => post(post_note),
    };
    // Reviews meet the same faults: one plan for every document sent.
    let review_intake = match &state.faults {
        Some(faults) => post(post_review.layer(middleware::from_fn_with_state(
            Arc::clone(faults),
            faults_layer::inject,
        ))),
        None => post(post_review),
    };
    let mut r = Router::new()
        .route("/api/notes", intake.get(list_notes))
        .route("/api/reviews", review_intake.get(list_reviews))
        .route("/inbox", get(inbox_page))
        .route("/inbox/reviews", get(review_queue))
        .route("/inbox/addendum/{id}", get(addendum_page))
        .route("/inbox/sign/{id}", get(signature_page))
        .route("/inbox.css", get(inbox_css))
        .route("/inbox.js", get(inbox_js));
    if state.faults.is_some() {
        let test_routes = Router::new()
            .route("/api/_test/faults", post(set_faults))
            .route("/api/_test/reset", post(reset))
            .route("/api/_test/log", get(request_log))
            .layer(middleware::from_fn(loopback_only));
        r = r.merge(test_routes);
    }
    // The API and the inbox answer only their own pages; the built site's
    // files are not behind this (see `--allow-origin`). Nothing of theirs
    // is ever stored by a cache (nor by the site's service worker, which
    // does not touch them).
    r.route_layer(middleware::from_fn_with_state(
        state.clone(),
        reader::reader,
    ))
    .route_layer(middleware::from_fn(guard::same_origin_only))
    .route_layer(SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store"),
    ))
    .fallback_service(built(
        ServeDir::new(site).precompressed_br().precompressed_gzip(),
    ))
    .with_state(state)
}

/// A service of the built site, which keeps a `.br` and a `.gz` beside each
/// file: `service` sends one of those to a browser that accepts it (with
/// `Content-Encoding`), else the file itself. Every answer says it varies
/// with `Accept-Encoding`, so that no cache hands brotli to a browser that
/// did not ask for it. The files keep their names from release to release,
/// so a browser revalidates each before use (`no-cache`, answered 304 by its
/// `Last-Modified`): never an old file beside a new one. The standalone page's
/// service worker makes repeat loads need no request at all.
fn built<S>(service: S) -> SetResponseHeader<SetResponseHeader<S, HeaderValue>, HeaderValue> {
    SetResponseHeader::if_not_present(
        SetResponseHeader::appending(
            service,
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ),
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-cache"),
    )
}

async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    // For browsers that predate frame-ancestors.
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if let Some(with_charset) = h.get(header::CONTENT_TYPE).and_then(utf8_declared) {
        h.insert(header::CONTENT_TYPE, with_charset);
    }
    res
}

/// A text type (HTML, CSS, JavaScript, plain) that does not say its
/// charset, saying it: every file the receiver serves is UTF-8, and a
/// stylesheet with non-ASCII text would otherwise be read in the page's
/// or the browser's default encoding.
fn utf8_declared(content_type: &HeaderValue) -> Option<HeaderValue> {
    let t = content_type.to_str().ok()?;
    let essence = t
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let textual = essence.starts_with("text/") || essence == "application/javascript";
    if !textual || t.to_ascii_lowercase().contains("charset=") {
        return None;
    }
    HeaderValue::from_str(&format!("{t}; charset=utf-8")).ok()
}

fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn error(status: StatusCode, message: &str) -> Response {
    json(status, serde_json::json!({ "error": message }).to_string())
}

#[cfg(test)]
mod tests;
