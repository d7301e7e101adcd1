//! Who may ask: the `Host` names this receiver answers for (so that a page
//! elsewhere cannot rebind its own name to 127.0.0.1 and read every note),
//! and the `Origin`s whose pages may call the API and the inbox.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use super::error;

/// The names and origins this receiver trusts, from the flags.
#[derive(Clone, Debug, PartialEq)]
pub struct Access {
    /// `localhost`, `127.0.0.1` and `[::1]` are accepted (not with `--public`).
    pub loopback: bool,
    /// The `--host` names, lower case, without a port.
    pub hosts: Vec<String>,
    /// The `--allow-origin` origins, which may load the built site's files.
    pub allow_origins: Vec<String>,
}

impl Default for Access {
    /// A receiver on loopback with no other name.
    fn default() -> Self {
        Access {
            loopback: true,
            hosts: Vec::new(),
            allow_origins: Vec::new(),
        }
    }
}

/// The names every receiver not started with `--public` answers for.
pub const LOOPBACK_NAMES: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

/// The host name of a `Host` header value (or an origin's authority),
/// lower case, without its port or a trailing dot.
pub fn host_name(host: &str) -> String {
    let name = if host.starts_with('[') {
        host.split_inclusive(']').next().unwrap_or(host)
    } else {
        host.split(':').next().unwrap_or(host)
    };
    name.trim_end_matches('.').to_ascii_lowercase()
}

impl Access {
    /// Whether a request for the `Host` value `host` is for this receiver.
    pub fn accepts_host(&self, host: &str) -> bool {
        let name = host_name(host);
        (self.loopback && LOOPBACK_NAMES.contains(&name.as_str())) || self.hosts.contains(&name)
    }
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Refuses (403) a request for a host name this receiver does not answer
/// for. A request without `Host` (HTTP/1.0, no browser) is let through:
/// every browser sends one.
pub(super) async fn known_host(
    State(access): State<std::sync::Arc<Access>>,
    req: Request,
    next: Next,
) -> Response {
    match req.headers().get(header::HOST).map(|v| v.to_str()) {
        None => next.run(req).await,
        Some(Ok(host)) if access.accepts_host(host) => next.run(req).await,
        Some(_) => error(
            StatusCode::FORBIDDEN,
            "This receiver does not answer for that host name: start it with --host NAME to allow one",
        ),
    }
}

/// Whether `origin` is the origin of a page on `host` itself.
pub fn same_origin(origin: &str, host: &str) -> bool {
    ["http://", "https://"].iter().any(|scheme| {
        origin
            .strip_prefix(scheme)
            .is_some_and(|rest| rest.eq_ignore_ascii_case(host))
    })
}

/// Refuses (403) a request that a page on another origin sent: the notes
/// API and the inbox answer only their own pages (and tools that send no
/// `Origin`).
pub(super) async fn same_origin_only(req: Request, next: Next) -> Response {
    if let Some(origin) = header_str(req.headers(), header::ORIGIN) {
        let host = header_str(req.headers(), header::HOST).unwrap_or("");
        if !same_origin(origin, host) {
            return error(
                StatusCode::FORBIDDEN,
                "This receiver accepts only same-origin requests: a page on another origin may not read or send notes here",
            );
        }
    }
    next.run(req).await
}

/// Lets a page on an `--allow-origin` origin load the built site's files:
/// module scripts and the wasm fetch are CORS requests, so `casenote.js`
/// loads only when its answer names the page's origin. The answer names
/// that one origin (never `*`), varies with `Origin`, and carries no
/// credentials. API routes refuse other origins before this is reached.
pub(super) async fn allow_listed_origin(
    State(access): State<std::sync::Arc<Access>>,
    req: Request,
    next: Next,
) -> Response {
    let origin = header_str(req.headers(), header::ORIGIN)
        .filter(|o| {
            access
                .allow_origins
                .iter()
                .any(|a| a.eq_ignore_ascii_case(o))
        })
        .and_then(|o| axum::http::HeaderValue::from_str(o).ok());
    let mut res = next.run(req).await;
    if access.allow_origins.is_empty() {
        return res;
    }
    res.headers_mut()
        .append(header::VARY, axum::http::HeaderValue::from_static("origin"));
    let ok = res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED;
    if let (Some(origin), true) = (origin, ok) {
        res.headers_mut()
            .insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    }
    res
}
