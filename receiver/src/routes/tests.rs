//! The receiver through its router, as a client sees it.

use super::*;
use crate::db::Store;
use axum::body::{to_bytes, Body};
use axum::http::Request as HttpRequest;
use casenote_format::{Note, PayloadV1, Template};
use casenote_text::fhir::FHIR_JSON;
use tower::ServiceExt;

fn app(test_mode: bool) -> Router {
    app_with(test_mode, Access::default())
}

fn app_with(test_mode: bool, access: Access) -> Router {
    let state = AppState {
        store: Arc::new(crate::store::Notes::Sqlite(Arc::new(
            Store::in_memory().unwrap(),
        ))),
        faults: test_mode.then(Faults::default).map(Arc::new),
        access: Arc::new(access),
        late_entry_hours: 24.0,
        self_approval: false,
        sign_in: None,
    };
    super::app(state, Path::new("/nonexistent"), "", None)
}

fn note_payload(id: &str) -> PayloadV1 {
    let mut n = Note::new(id.into(), "soap", "2026-11-26T09:00:00Z".into());
    n.client.name = "Jo".into();
    n.service.date = "2026-11-26".into();
    for k in ["subjective", "objective", "assessment", "plan"] {
        n.section_mut(k).text = "text".into();
    }
    PayloadV1::build(
        &n,
        &Template::soap(),
        &casenote_format::BuildContext::at("2026-11-26T10:00:00Z"),
    )
}

fn note_json(id: &str) -> String {
    serde_json::to_string(&note_payload(id)).unwrap()
}

async fn post(app: &Router, body: String, content_type: &str, key: Option<&str>) -> (u16, String) {
    let mut req = HttpRequest::post("/api/notes").header("content-type", content_type);
    if let Some(k) = key {
        req = req.header("idempotency-key", k);
    }
    let res = app
        .clone()
        .oneshot(req.body(Body::from(body)).unwrap())
        .await
        .unwrap();
    let status = res.status().as_u16();
    assert_eq!(res.headers()[header::CONTENT_SECURITY_POLICY], CSP);
    let bytes = to_bytes(res.into_body(), usize::MAX).await.unwrap();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

async fn count(app: &Router) -> usize {
    let res = app
        .clone()
        .oneshot(HttpRequest::get("/api/notes").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let bytes = to_bytes(res.into_body(), usize::MAX).await.unwrap();
    serde_json::from_slice::<Vec<serde_json::Value>>(&bytes)
        .unwrap()
        .len()
}

const ID: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";
/// The id of an addendum to note [`ID`].
const ADD: &str = "2f8fad5b-d9cb-469f-a165-70867728950e";

/// An addendum (id [`ADD`]) to note `to`, of `note_payload`'s client and
/// date, whose original's hash is given as `to_hash`.
fn addendum_json(to: &str, to_hash: &str) -> String {
    let original = note_payload(ID);
    let mut n = Note::new(ADD.into(), "addendum", "2026-11-26T11:00:00Z".into());
    n.client.name = original.client.name.clone();
    n.service.date = original.service.date.clone();
    n.section_mut("addendum").text = "More".into();
    n.addendum = Some(casenote_format::record::AddendumLink {
        to: to.into(),
        to_hash: Some(to_hash.into()),
        kind: casenote_format::record::AddendumKind::Clarification,
        reason: "Forgot".into(),
    });
    let p = PayloadV1::build(
        &n,
        &Template::addendum(),
        &casenote_format::BuildContext::at("2026-11-26T11:00:00Z"),
    );
    serde_json::to_string(&p).unwrap()
}

/// POSTs `p` as casenote JSON, its hash computed again, under `key`.
async fn post_payload(app: &Router, p: &PayloadV1, key: &str) -> (u16, String) {
    let text = serde_json::to_string(&p.clone().with_hash()).unwrap();
    post(app, text, "application/json", Some(key)).await
}

#[tokio::test]
async fn stores_a_note_once_per_idempotency_key() {
    let app = app(false);
    let (s1, b1) = post(&app, note_json(ID), "application/json", Some(ID)).await;
    assert_eq!(s1, 201, "{b1}");
    let (s2, b2) = post(
        &app,
        note_json(ID),
        "application/json; charset=utf-8",
        Some(ID),
    )
    .await;
    assert_eq!((s2, b2), (s1, b1));
    assert_eq!(count(&app).await, 1);
}

#[tokio::test]
async fn a_signed_note_from_an_earlier_release_is_accepted() {
    // The payload the releases with hand-written JSON sent (the same
    // bytes, pinned by the domain's fixtures), signed over its hash.
    let hash = "3d80ad78c2a18899cad798ddbeab45ca142d3f74ba91cc9f12b4643d6b020fe9";
    // That release let a deviation go without its rationale; the contract
    // now refuses it, so this copy gives one (and is hashed again).
    let given = include_str!("../../../src/domain/testdata/serde-payload.json")
        .replace(&"ab".repeat(32), hash);
    let mut p: PayloadV1 = serde_json::from_str(&given).unwrap();
    assert_eq!(p.computed_hash(), hash);
    p.interventions[0].rationale = "Usual route closed".into();
    let hash = p.computed_hash();
    let signed = given
        .replace(r#""rationale":"""#, r#""rationale":"Usual route closed""#)
        .replace(&p.content_hash, &hash);
    let id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    let app = app(false);
    // It is an addendum: its original, of the same client, is stored first.
    let to = "1f8fad5b-d9cb-469f-a165-70867728950e";
    let mut original = note_payload(to);
    original.client.id = "C-1".into();
    let original = serde_json::to_string(&original.with_hash()).unwrap();
    let (status, body) = post(&app, original, "application/json", Some(to)).await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = post(&app, signed.clone(), "application/json", Some(id)).await;
    assert_eq!(status, 201, "{body}");
    // A changed word breaks both hashes.
    let changed = signed.replace("Transport", "Transport costs");
    let (status, body) = post(&app, changed, "application/json", Some(id)).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("signature.contentHash"), "{body}");
}

#[tokio::test]
async fn malformed_payload_gets_400_with_field_errors() {
    let app = app(false);
    let bad = note_json(ID).replace("\"date\":\"2026-11-26\"", "\"date\":\"soon\"");
    let (status, body) = post(&app, bad, "application/json", None).await;
    assert_eq!(status, 400);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["errors"][0]["field"], "service.date");
    assert_eq!(v["errors"][0]["message"], "must be a date, YYYY-MM-DD");
    let (status, body) = post(&app, "{".into(), "application/json", None).await;
    assert_eq!(status, 400);
    assert!(body.contains("\"field\":\"body\""));
    assert_eq!(count(&app).await, 0);
}

#[tokio::test]
async fn a_repeated_member_is_refused_so_the_hash_covers_what_is_stored() {
    // A second "sections" after the hashed one: a reader taking the last
    // copy would see text the content hash does not cover.
    let app = app(false);
    let good = note_json(ID);
    let forged = format!(
        r#"{},"sections":[{{"key":"subjective","label":"Subjective","text":"forged","quotes":[]}}]}}"#,
        &good[..good.len() - 1]
    );
    let (status, body) = post(&app, forged, "application/json", Some(ID)).await;
    assert_eq!(status, 400, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["errors"][0]["field"], "body");
    let message = v["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("gives the key \"sections\" twice in one object at line 1 column")
            && message.ends_with(": each key may be given only once"),
        "{message}"
    );
    assert_eq!(count(&app).await, 0);
}

/// The DocumentReference casenote sends for `p`.
fn fhir(p: &PayloadV1) -> String {
    casenote_text::fhir::document_reference(p, Some("Patient/1"), None).to_string()
}

#[tokio::test]
async fn a_fhir_document_reference_is_unwrapped_checked_and_stored() {
    let app = app(false);
    let mut bad = note_payload(ID);
    bad.service.date = "soon".into();
    let (status, body) = post(&app, fhir(&bad), FHIR_JSON, None).await;
    assert_eq!(status, 400, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["errors"][0]["field"], "service.date");
    // An attachment of "{" (base64 "ew==").
    let broken = r#"{"resourceType":"DocumentReference","content":[{"attachment":{"contentType":"application/json","data":"ew=="}}]}"#;
    let (status, body) = post(&app, broken.into(), FHIR_JSON, None).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("is not JSON"), "{body}");
    let (status, body) = post(
        &app,
        r#"{"resourceType":"Patient"}"#.into(),
        FHIR_JSON,
        None,
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("DocumentReference"), "{body}");
    assert_eq!(count(&app).await, 0);

    let (status, body) = post(&app, fhir(&note_payload(ID)), FHIR_JSON, Some(ID)).await;
    assert_eq!(status, 201, "{body}");
    // What is stored is the casenote JSON, which a plain POST repeats.
    let (status, _) = post(&app, note_json(ID), "application/json", Some(ID)).await;
    assert_eq!(status, 201);
    assert_eq!(count(&app).await, 1);
}

/// A folder like a built `dist/`: each file with its `.br` and `.gz`.
fn built_site() -> std::path::PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "casenote-receiver-site-{}-{}",
        std::process::id(),
        N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    for file in ["casenote.js", "index.html"] {
        std::fs::write(dir.join(file), format!("plain {file}")).unwrap();
        std::fs::write(dir.join(format!("{file}.br")), format!("br {file}")).unwrap();
        std::fs::write(dir.join(format!("{file}.gz")), format!("gz {file}")).unwrap();
    }
    dir
}

async fn get(app: &Router, path: &str, accept: Option<&str>) -> (Response, String) {
    let mut req = HttpRequest::get(path);
    if let Some(a) = accept {
        req = req.header(header::ACCEPT_ENCODING, a);
    }
    let res = app
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (parts, body) = res.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.unwrap();
    (
        Response::from_parts(parts, Body::empty()),
        String::from_utf8(bytes.to_vec()).unwrap(),
    )
}

#[tokio::test]
async fn unknown_content_type_gets_415() {
    let app = app(false);
    let (status, body) = post(&app, note_json(ID), "text/plain", None).await;
    assert_eq!(status, 415);
    assert!(body.contains("application/json"));
    assert_eq!(count(&app).await, 0);
}

#[tokio::test]
async fn fault_routes_exist_only_in_test_mode() {
    let plain = app(false);
    let res = plain
        .clone()
        .oneshot(
            HttpRequest::post("/api/_test/faults")
                .header("content-type", "application/json")
                .body(Body::from(r#"{"failNext":1}"#))
                .unwrap(),
        )
        .await
        .unwrap();
    // Not a route: the static file service answers, and no fault is set.
    assert!(
        matches!(res.status().as_u16(), 404 | 405),
        "{}",
        res.status()
    );
    assert_eq!(
        post(&plain, note_json(ID), "application/json", Some(ID))
            .await
            .0,
        201
    );

    let test = app(true);
    let res = test
        .clone()
        .oneshot(
            HttpRequest::post("/api/_test/faults")
                .header("content-type", "application/json")
                .body(Body::from(r#"{"failNext":1,"status":503}"#))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        post(&test, note_json(ID), "application/json", Some(ID))
            .await
            .0,
        503
    );
    assert_eq!(
        post(&test, note_json(ID), "application/json", Some(ID))
            .await
            .0,
        201
    );
}

#[tokio::test]
async fn test_routes_refuse_cross_origin_requests() {
    let test = app(true);
    let req = |origin: Option<&str>| {
        let mut b = HttpRequest::post("/api/_test/reset").header("host", "127.0.0.1:8181");
        if let Some(o) = origin {
            b = b.header("origin", o);
        }
        b.body(Body::empty()).unwrap()
    };
    let res = test
        .clone()
        .oneshot(req(Some("https://evil.example")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = test
        .clone()
        .oneshot(req(Some("http://127.0.0.1:8181")))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = test.clone().oneshot(req(None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    // A name another site's DNS points at 127.0.0.1 is refused.
    let rebound = HttpRequest::post("/api/_test/reset")
        .header("host", "rebind.evil.example:8181")
        .header("origin", "http://rebind.evil.example:8181")
        .body(Body::empty())
        .unwrap();
    let res = test.clone().oneshot(rebound).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    for ok in ["localhost:8181", "[::1]:8181", "127.0.0.1"] {
        let req = HttpRequest::post("/api/_test/reset")
            .header("host", ok)
            .body(Body::empty())
            .unwrap();
        let res = test.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::NO_CONTENT, "{ok}");
    }
}

#[tokio::test]
async fn rate_limit_carries_retry_after_and_token_mode_answers_401() {
    let test = app(true);
    let set = |plan: &'static str| {
        HttpRequest::post("/api/_test/faults")
            .header("content-type", "application/json")
            .body(Body::from(plan))
            .unwrap()
    };
    test.clone()
        .oneshot(set(r#"{"rateLimitNext":1,"retryAfter":3}"#))
        .await
        .unwrap();
    let res = test
        .clone()
        .oneshot(
            HttpRequest::post("/api/notes")
                .header("content-type", "application/json")
                .body(Body::from(note_json(ID)))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.headers()[header::RETRY_AFTER], "3");

    test.clone()
        .oneshot(set(r#"{"requireToken":"t0k"}"#))
        .await
        .unwrap();
    assert_eq!(
        post(&test, note_json(ID), "application/json", Some(ID))
            .await
            .0,
        401
    );
    let res = test
        .clone()
        .oneshot(
            HttpRequest::post("/api/notes")
                .header("content-type", "application/json")
                .header("idempotency-key", ID)
                .header("authorization", "Bearer t0k")
                .body(Body::from(note_json(ID)))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(count(&test).await, 1);
}

mod audit;
mod contract;
mod faults;
mod guard;
mod inbox;
mod reviews;
mod sign_in;
mod sign_later;
mod site;
mod tidies;
