//! Who may ask: host names (DNS rebinding), origins, `--allow-origin`.

use super::*;

/// The status of `method path` with these headers.
async fn status_of(app: &Router, method: &str, path: &str, headers: &[(&str, &str)]) -> u16 {
    let mut req = HttpRequest::builder().method(method).uri(path);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let body = if method == "POST" {
        Body::from(note_json(ID))
    } else {
        Body::empty()
    };
    let res = app.clone().oneshot(req.body(body).unwrap()).await.unwrap();
    let status = res.status().as_u16();
    if status == 403 {
        assert_eq!(res.headers()[header::CONTENT_TYPE], "application/json");
    }
    status
}

/// A page that rebinds its own name to 127.0.0.1 sends its own name as
/// `Host`: every route refuses it, the notes API and the inbox above all.
#[tokio::test]
async fn a_foreign_host_is_refused_on_every_route() {
    let app = app(false);
    let json = ("content-type", "application/json");
    for host in [
        "rebind.evil.example",
        "rebind.evil.example:8080",
        "127.0.0.1.evil.example",
    ] {
        for (method, path) in [
            ("GET", "/api/notes"),
            ("POST", "/api/notes"),
            ("GET", "/inbox"),
            ("GET", "/casenote.js"),
        ] {
            let key = ("idempotency-key", ID);
            assert_eq!(
                status_of(&app, method, path, &[("host", host), json, key]).await,
                403,
                "{method} {path} for {host}"
            );
        }
    }
    assert_eq!(count(&app).await, 0);
    for host in [
        "127.0.0.1:8080",
        "localhost",
        "LOCALHOST.:8080",
        "[::1]:8080",
    ] {
        assert_eq!(
            status_of(&app, "GET", "/api/notes", &[("host", host)]).await,
            200,
            "{host}"
        );
    }
}

/// `--host` adds names; `--public` leaves only those.
#[tokio::test]
async fn configured_host_names_are_answered_and_public_drops_loopback() {
    let named = app_with(
        false,
        Access {
            hosts: vec!["notes.example.org".into()],
            ..Access::default()
        },
    );
    for (host, status) in [
        ("notes.example.org", 200),
        ("Notes.Example.org:443", 200),
        ("localhost:8080", 200),
        ("evil.example", 403),
    ] {
        assert_eq!(
            status_of(&named, "GET", "/inbox", &[("host", host)]).await,
            status,
            "{host}"
        );
    }
    let public = app_with(
        false,
        Access {
            loopback: false,
            hosts: vec!["notes.example.org".into()],
            allow_origins: vec![],
        },
    );
    for (host, status) in [
        ("notes.example.org", 200),
        ("localhost:8080", 403),
        ("127.0.0.1", 403),
        ("evil.example", 403),
    ] {
        assert_eq!(
            status_of(&public, "GET", "/api/notes", &[("host", host)]).await,
            status,
            "{host}"
        );
    }
}

/// A page on another origin may neither send nor read notes.
#[tokio::test]
async fn a_foreign_origin_is_refused_by_the_api_and_the_inbox() {
    let app = app(false);
    let host = ("host", "127.0.0.1:8080");
    let json = ("content-type", "application/json");
    let key = ("idempotency-key", ID);
    for origin in ["https://evil.example", "http://127.0.0.1:9999", "null"] {
        let o = ("origin", origin);
        assert_eq!(
            status_of(&app, "POST", "/api/notes", &[host, o, json, key]).await,
            403,
            "{origin}"
        );
        assert_eq!(
            status_of(&app, "GET", "/api/notes", &[host, o]).await,
            403,
            "{origin}"
        );
        assert_eq!(
            status_of(&app, "GET", "/inbox", &[host, o]).await,
            403,
            "{origin}"
        );
    }
    assert_eq!(count(&app).await, 0);
    let own = ("origin", "http://127.0.0.1:8080");
    assert_eq!(
        status_of(&app, "POST", "/api/notes", &[host, own, json, key]).await,
        201
    );
}

/// `--allow-origin`: a page there may load the editor's files (module
/// scripts and the wasm fetch need CORS); any other origin may not, and
/// the API stays same-origin.
#[tokio::test]
async fn allowed_origins_may_load_the_built_files() {
    let site = built_site();
    let state = AppState {
        store: Arc::new(crate::store::Notes::Sqlite(Arc::new(
            Store::in_memory().unwrap(),
        ))),
        faults: None,
        access: Arc::new(Access {
            allow_origins: vec!["https://portal.example.org".into()],
            ..Access::default()
        }),
        late_entry_hours: 24.0,
        self_approval: false,
        sign_in: None,
    };
    let app = crate::routes::app(state, &site, "", None);
    let load = |origin: &'static str| {
        let app = app.clone();
        async move {
            let req = HttpRequest::get("/casenote.js")
                .header("host", "127.0.0.1:8080")
                .header("origin", origin)
                .body(Body::empty())
                .unwrap();
            app.oneshot(req).await.unwrap()
        }
    };
    let res = load("https://portal.example.org").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://portal.example.org"
    );
    let vary: Vec<_> = res.headers().get_all(header::VARY).iter().collect();
    assert!(vary.iter().any(|v| *v == "origin"), "{vary:?}");
    assert!(res
        .headers()
        .get(header::ACCESS_CONTROL_ALLOW_CREDENTIALS)
        .is_none());
    let res = load("https://evil.example").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res
        .headers()
        .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
        .is_none());
    let api = HttpRequest::get("/api/notes")
        .header("host", "127.0.0.1:8080")
        .header("origin", "https://portal.example.org")
        .body(Body::empty())
        .unwrap();
    let res = app.clone().oneshot(api).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res
        .headers()
        .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
        .is_none());
    std::fs::remove_dir_all(site).unwrap();
}
