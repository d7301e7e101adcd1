//! Sign-in through the agency's proxy, and the access log: the user
//! header is believed only from the proxy; every read of a note is logged
//! with who, when, how and from where; auditors see the log.

use super::*;
use crate::routes::reader::SignIn;
use axum::extract::ConnectInfo;
use std::net::SocketAddr;

const PROXY: &str = "127.0.0.9:50000";

/// The app, with `sign_in` if given, and its store.
fn app_signing(sign_in: Option<SignIn>) -> (Router, Arc<Store>) {
    let store = Arc::new(Store::in_memory().unwrap());
    let state = AppState {
        store: Arc::new(crate::store::Notes::Sqlite(Arc::clone(&store))),
        faults: None,
        access: Arc::new(Access::default()),
        late_entry_hours: 24.0,
        self_approval: false,
        sign_in: sign_in.map(Arc::new),
    };
    (
        super::super::app(state, Path::new("/nonexistent"), "", None),
        store,
    )
}

/// The app with sign-in through a proxy at 127.0.0.9, and its store.
fn signed_app() -> (Router, Arc<Store>) {
    app_signing(Some(SignIn {
        header: "x-forwarded-email".into(),
        proxies: vec!["127.0.0.9".parse().unwrap()],
        auditors: vec!["audit@example.org".into()],
    }))
}

/// A worker's note sent through the proxy.
async fn post_as_worker(app: &Router) -> (u16, String) {
    ask(
        app,
        "POST",
        "/api/notes",
        PROXY,
        Some("worker@example.org"),
        Some(note_json(ID)),
    )
    .await
}

/// A request from `peer`, signed in as `who` when given.
async fn ask(
    app: &Router,
    method: &str,
    path: &str,
    peer: &str,
    who: Option<&str>,
    body: Option<String>,
) -> (u16, String) {
    let mut req = HttpRequest::builder()
        .method(method)
        .uri(path)
        // The client's own claim first, then the address the proxy saw.
        .header("x-forwarded-for", "198.51.100.66, 203.0.113.7")
        .extension(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
    if let Some(w) = who {
        req = req.header("x-forwarded-email", w);
    }
    if body.is_some() {
        req = req
            .header("content-type", "application/json")
            .header("idempotency-key", ID);
    }
    let res = app
        .clone()
        .oneshot(
            req.body(body.map(Body::from).unwrap_or_else(Body::empty))
                .unwrap(),
        )
        .await
        .unwrap();
    let status = res.status().as_u16();
    let bytes = to_bytes(res.into_body(), usize::MAX).await.unwrap();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

#[tokio::test]
async fn only_the_proxy_is_believed_and_only_a_signed_in_user_is_answered() {
    let (app, store) = signed_app();
    let (status, body) = ask(
        &app,
        "GET",
        "/api/notes",
        "127.0.0.1:40000",
        Some("worker@example.org"),
        None,
    )
    .await;
    assert_eq!(status, 403, "{body}");
    assert!(
        body.contains("reached through the agency's sign-in"),
        "{body}"
    );
    let (status, body) = ask(&app, "GET", "/inbox", PROXY, None, None).await;
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("Sign in first"), "{body}");
    // A user header given twice (the client's own, passed on) names nobody.
    let twice = HttpRequest::get("/inbox")
        .header("x-forwarded-email", "audit@example.org")
        .header("x-forwarded-email", "worker@example.org")
        .extension(ConnectInfo(PROXY.parse::<SocketAddr>().unwrap()))
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.clone().oneshot(twice).await.unwrap().status(), 401);
    // The proxy as an IPv4 address on an IPv6 socket is the proxy still.
    let (status, _) = ask(
        &app,
        "GET",
        "/inbox",
        "[::ffff:127.0.0.9]:50000",
        Some("worker@example.org"),
        None,
    )
    .await;
    assert_eq!(status, 200);
    let (status, body) = post_as_worker(&app).await;
    assert_eq!(status, 201, "{body}");
    // Storing is not reading: nothing is logged yet.
    assert!(store.reads_of(&[ID.into()]).unwrap().is_empty());
}

#[tokio::test]
async fn every_read_is_logged_and_auditors_see_the_log() {
    let (app, store) = signed_app();
    let (status, _) = post_as_worker(&app).await;
    assert_eq!(status, 201);
    for (path, who) in [
        ("/api/notes", "worker@example.org"),
        ("/inbox", "supervisor@example.org"),
        (&format!("/inbox/addendum/{ID}")[..], "worker@example.org"),
    ] {
        let (status, body) = ask(&app, "GET", path, PROXY, Some(who), None).await;
        assert_eq!(status, 200, "{path}: {body}");
        assert!(
            !body.contains("Access log"),
            "{path}: only auditors see the log"
        );
    }
    let reads = store
        .reads_of(&[ID.to_uppercase()])
        .unwrap()
        .remove(ID)
        .unwrap();
    let seen: Vec<(&str, &str, &str)> = reads
        .iter()
        .map(|r| (r.who.as_str(), r.how.as_str(), r.from.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("worker@example.org", "addendum page", "203.0.113.7"),
            ("supervisor@example.org", "inbox", "203.0.113.7"),
            ("worker@example.org", "api", "203.0.113.7"),
        ]
    );
    assert!(reads
        .iter()
        .all(|r| chrono::DateTime::parse_from_rfc3339(&r.at).is_ok()));
    let (status, html) = ask(
        &app,
        "GET",
        "/inbox",
        PROXY,
        Some("Audit@Example.org"),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("<h3>Access log</h3>"), "{html}");
    assert!(
        html.contains("<bdi>supervisor@example.org</bdi> read it in the inbox"),
        "{html}"
    );
    assert!(html.contains("from <bdi>203.0.113.7</bdi>"), "{html}");
    // The auditor's own read is logged too, and shown first.
    let first = html.find("read it").unwrap();
    assert!(
        html[first - 40..first].contains("Audit@Example.org"),
        "{html}"
    );
}

/// Without sign-in the receiver answers as before and logs nothing: it
/// knows no reader.
#[tokio::test]
async fn without_sign_in_nothing_is_logged() {
    let (app, store) = app_signing(None);
    let (status, _) = post(&app, note_json(ID), "application/json", Some(ID)).await;
    assert_eq!(status, 201);
    let (res, _) = get(&app, "/inbox", None).await;
    assert_eq!(res.status(), 200);
    assert!(store.reads_of(&[ID.into()]).unwrap().is_empty());
}
