//! Who is reading. The agency's own OpenID Connect sign-in runs in a proxy
//! in front of the receiver (oauth2-proxy, nginx `auth_request`, a
//! portal's gateway), which puts the signed-in user in a header. The
//! receiver believes that header only from the proxy's addresses
//! (`--trusted-proxy`), so nobody who reaches the receiver directly can
//! claim a name. Without `--user-header` there is no sign-in: every reader
//! is anonymous, and no read is logged.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

use super::{error, AppState};
use crate::reads::{How, Read};

/// The sign-in flags.
#[derive(Clone, Debug, PartialEq)]
pub struct SignIn {
    /// The header the proxy names the signed-in user in, lower case.
    pub header: String,
    /// The proxy's addresses: the only peers whose header is believed.
    pub proxies: Vec<IpAddr>,
    /// Users who see each note's access log in the inbox.
    pub auditors: Vec<String>,
}

/// The reader of a request, as the routes see it.
#[derive(Clone, Debug, PartialEq)]
pub enum Reader {
    /// No sign-in is configured.
    Anonymous,
    /// Signed in through the proxy.
    Named {
        who: String,
        /// The address the proxy says the request came from, else the
        /// proxy's own.
        from: String,
        auditor: bool,
    },
}

impl Reader {
    /// Whether this reader sees the notes' access logs.
    pub fn is_auditor(&self) -> bool {
        matches!(self, Reader::Named { auditor: true, .. })
    }

    /// The access-log entries of this reader reading the notes `ids` now,
    /// `how`: none without sign-in.
    pub fn reads<'a>(&self, how: How, ids: impl IntoIterator<Item = &'a str>) -> Vec<Read> {
        let Reader::Named { who, from, .. } = self else {
            return Vec::new();
        };
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        ids.into_iter()
            .map(|id| Read {
                at: at.clone(),
                who: who.clone(),
                note_id: id.to_string(),
                how,
                from: from.clone(),
            })
            .collect()
    }
}

/// Where a request through the proxy came from: the last address of
/// `X-Forwarded-For`, the one the trusted proxy added (oauth2-proxy and
/// nginx append the client they saw to whatever the client sent, so the
/// earlier ones are the client's own word), else the proxy's.
fn client_address(req: &Request, peer: IpAddr) -> String {
    req.headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .rfind(|v| !v.is_empty())
        .map_or_else(|| peer.to_string(), String::from)
}

/// Works out the reader of every request to the notes and the inbox; with
/// sign-in configured, refuses a request that did not come through the
/// proxy (403) or came without a signed-in user (401).
pub(super) async fn reader(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let reader = match &state.sign_in {
        None => Reader::Anonymous,
        Some(sign_in) => {
            // An IPv4 proxy seen on an IPv6 socket is ::ffff:a.b.c.d.
            let peer = req
                .extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip().to_canonical());
            let Some(peer) = peer.filter(|p| sign_in.proxies.contains(p)) else {
                return error(
                    StatusCode::FORBIDDEN,
                    "This receiver is reached through the agency's sign-in: open it at the address your agency gave",
                );
            };
            // One user, named once: a second copy of the header is a
            // client's own that the proxy failed to drop.
            let mut named = req.headers().get_all(sign_in.header.as_str()).iter();
            let who = match (named.next(), named.next()) {
                (Some(v), None) => v.to_str().ok().map(str::trim).filter(|w| !w.is_empty()),
                _ => None,
            };
            let Some(who) = who else {
                return error(StatusCode::UNAUTHORIZED, "Sign in first");
            };
            let from = client_address(&req, peer);
            Reader::Named {
                auditor: sign_in.auditors.iter().any(|a| a.eq_ignore_ascii_case(who)),
                who: who.to_string(),
                from,
            }
        }
    };
    req.extensions_mut().insert(reader);
    next.run(req).await
}
