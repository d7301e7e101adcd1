//! HTTP routes.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use casenote::domain::fhir::FHIR_JSON;
use casenote::domain::{FieldError, PayloadV1};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeader;

use crate::conn::Cut;
use crate::db::{Accepted, Store};
use crate::faults::{Fault, FaultPlan, Faults, LogEntry};
use crate::inbox;

/// The Content-Security-Policy every response carries: the strictest one the
/// editor works under.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    /// Present only in `--test-mode`.
    pub faults: Option<Arc<Faults>>,
}

/// The whole app: `router` nested under `site_path`, plus `/examples/`, all
/// with the security headers.
pub fn app(state: AppState, site: &Path, site_path: &str, examples: Option<&Path>) -> Router {
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
    app.layer(middleware::from_fn(security_headers))
}

/// The receiver's routes at the root, without the security headers.
pub fn router(state: AppState, site: &Path) -> Router {
    let mut r = Router::new()
        .route("/api/notes", post(post_note).get(list_notes))
        .route("/inbox", get(inbox_page))
        .route("/inbox.css", get(inbox_css));
    if state.faults.is_some() {
        let test_routes = Router::new()
            .route("/api/_test/faults", post(set_faults))
            .route("/api/_test/reset", post(reset))
            .route("/api/_test/log", get(request_log))
            .layer(middleware::from_fn(same_origin_only));
        r = r.merge(test_routes);
    }
    r.fallback_service(built(
        ServeDir::new(site).precompressed_br().precompressed_gzip(),
    ))
    .with_state(state)
}

/// A service of the built site, which keeps a `.br` and a `.gz` beside each
/// file: `service` sends one of those to a browser that accepts it (with
/// `Content-Encoding`), else the file itself. Every answer says it varies
/// with `Accept-Encoding`, so that no cache hands brotli to a browser that
/// did not ask for it.
fn built<S>(service: S) -> SetResponseHeader<S, HeaderValue> {
    SetResponseHeader::appending(
        service,
        header::VARY,
        HeaderValue::from_static("accept-encoding"),
    )
}

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
async fn same_origin_only(req: Request, next: Next) -> Response {
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
    res
}

fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn error(status: StatusCode, message: &str) -> Response {
    json(status, serde_json::json!({ "error": message }).to_string())
}

/// `{"errors": [{"field", "message"}]}`, the body casenote reads.
fn errors_body(errors: &[FieldError]) -> String {
    let errors: Vec<serde_json::Value> = errors
        .iter()
        .map(|e| serde_json::json!({ "field": e.field, "message": e.message }))
        .collect();
    serde_json::json!({ "errors": errors }).to_string()
}

fn field_errors(errors: &[FieldError]) -> Response {
    json(StatusCode::BAD_REQUEST, errors_body(errors))
}

/// The answer to a POST of note `id` that the store took as `outcome`.
/// A function of what is stored only, so a replay is answered byte for byte
/// as the first delivery was.
fn accepted(outcome: &Accepted, id: &str) -> Response {
    match outcome {
        Accepted::Stored { received_at } | Accepted::Replayed { received_at } => json(
            StatusCode::CREATED,
            serde_json::json!({ "id": id, "status": "stored", "receivedAt": received_at })
                .to_string(),
        ),
        Accepted::KeyReused => json(
            StatusCode::UNPROCESSABLE_ENTITY,
            errors_body(&[FieldError::new(
                "Idempotency-Key",
                "was already used for a different note: send each note under its own id",
            )]),
        ),
        Accepted::Duplicate { received_at } => json(
            StatusCode::CONFLICT,
            serde_json::json!({
                "id": id,
                "status": "duplicate",
                "receivedAt": received_at,
                "message": "This note was already received under another Idempotency-Key",
            })
            .to_string(),
        ),
    }
}

/// `text` as JSON, or the problem at field `body`. One wording for "not
/// JSON", whether the note came plain or in FHIR.
fn read_json(text: &str) -> Result<serde_json::Value, FieldError> {
    crate::strict::parse(text).map_err(|e| {
        let problem = if e.is_data() {
            // The one data error the strict reader raises: a repeated key.
            format!("{e}: each key may be given only once")
        } else {
            format!("is not JSON: {e}")
        };
        FieldError::new("body", problem)
    })
}

/// The largest note body accepted (a 50,000-character note is ~100 KB).
const MAX_BODY: usize = 5 * 1024 * 1024;

async fn post_note(State(state): State<AppState>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let headers = parts.headers;
    let cut = parts
        .extensions
        .get::<ConnectInfo<Cut>>()
        .map(|c| c.0.clone());
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let media_type = content_type.split(';').next().unwrap_or("").trim();
    let is_fhir = media_type.eq_ignore_ascii_case(FHIR_JSON);
    if !media_type.eq_ignore_ascii_case("application/json") && !is_fhir {
        return error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Send the note as Content-Type: application/json (casenote JSON v1) or application/fhir+json (a FHIR DocumentReference)",
        );
    }
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        return error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "The note is larger than 5 MB",
        );
    };
    let fault = match &state.faults {
        None => Fault::None,
        Some(f) => {
            let fault = f.take(
                headers
                    .get(header::AUTHORIZATION)
                    .and_then(|v| v.to_str().ok()),
            );
            f.record(LogEntry {
                at: chrono::Utc::now().timestamp_millis(),
                idempotency_key: headers
                    .get("idempotency-key")
                    .and_then(|v| v.to_str().ok())
                    .map(String::from),
                fault: format!("{fault:?}"),
                headers: headers
                    .iter()
                    .filter_map(|(k, v)| Some((k.to_string(), v.to_str().ok()?.to_string())))
                    .collect(),
            });
            fault
        }
    };
    match fault {
        Fault::Status(status) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return error(status, "Fault injected by --test-mode");
        }
        Fault::RateLimit(seconds) => {
            let mut res = error(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many requests (injected by --test-mode)",
            );
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
            return res;
        }
        Fault::Unauthorized => {
            let mut res = error(
                StatusCode::UNAUTHORIZED,
                "Sign in first (a bearer token is required)",
            );
            res.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            return res;
        }
        Fault::Delay(ms) => tokio::time::sleep(std::time::Duration::from_millis(ms)).await,
        Fault::None | Fault::DropAfterStore => {}
    }
    let Ok(raw) = std::str::from_utf8(&body) else {
        return field_errors(&[FieldError::new("body", "must be UTF-8 JSON")]);
    };
    // Each text is parsed once: the body, and for FHIR the casenote JSON
    // its attachment carries.
    let value = match read_json(raw) {
        Ok(v) => v,
        Err(e) => return field_errors(&[e]),
    };
    let (value, text) = if is_fhir {
        let inner = match casenote::domain::fhir::casenote_json_from(&value) {
            Ok(t) => t,
            Err(e) => return field_errors(&[FieldError::new("body", e)]),
        };
        match read_json(&inner) {
            Ok(v) => (v, Cow::Owned(inner)),
            Err(e) => return field_errors(&[e]),
        }
    } else {
        (value, Cow::Borrowed(raw))
    };
    let schema_errors = crate::schema::validate(&value);
    if !schema_errors.is_empty() {
        return field_errors(&schema_errors);
    }
    let payload = match PayloadV1::from_value(value) {
        Ok(p) => p,
        Err(errors) => return field_errors(&errors),
    };
    if let Some(link) = &payload.addendum {
        if let (Some(expected), Ok(Some(original))) = (&link.to_hash, state.store.body_of(&link.to))
        {
            let actual = PayloadV1::parse(&original).map(|o| o.computed_hash());
            if actual.as_deref().ok() != Some(expected.to_ascii_lowercase().as_str()) {
                return json(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    errors_body(&[FieldError::new(
                        "addendum.toHash",
                        "does not match the original note this addendum points to: the original was changed, or the hash is wrong",
                    )]),
                );
            }
        }
    }
    let key = match headers.get("idempotency-key").map(|v| v.to_str()) {
        None => payload.id.clone(),
        Some(Ok(k)) if !k.trim().is_empty() && k.len() <= 200 => k.trim().to_string(),
        Some(_) => {
            return field_errors(&[FieldError::new(
                "Idempotency-Key",
                "must be 1 to 200 visible ASCII characters",
            )])
        }
    };
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let response = match state.store.accept(&key, &payload.id, &text, &now) {
        Ok(outcome) => accepted(&outcome, &payload.id),
        Err(e) => {
            eprintln!("casenote-receiver: storing note failed: {e}");
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "The note could not be stored",
            );
        }
    };
    if fault == Fault::DropAfterStore {
        // The worst case: the note is stored, but the client never hears so.
        match cut {
            Some(cut) => cut.cut(),
            None => eprintln!("casenote-receiver: no connection to cut"),
        }
    }
    response
}

async fn list_notes(State(state): State<AppState>) -> Response {
    match state.store.list() {
        Ok(notes) => Json(notes).into_response(),
        Err(e) => {
            eprintln!("casenote-receiver: listing notes failed: {e}");
            error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "The notes could not be listed",
            )
        }
    }
}

async fn inbox_page(State(state): State<AppState>) -> Response {
    match state.store.list() {
        Ok(notes) => Html(inbox::render(&notes)).into_response(),
        Err(e) => {
            eprintln!("casenote-receiver: listing notes failed: {e}");
            error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "The notes could not be listed",
            )
        }
    }
}

async fn inbox_css() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css")],
        include_str!("inbox.css"),
    )
        .into_response()
}

async fn set_faults(State(state): State<AppState>, Json(plan): Json<FaultPlan>) -> Response {
    if let Some(f) = &state.faults {
        f.set(plan);
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn request_log(State(state): State<AppState>) -> Response {
    let log = state.faults.as_ref().map(|f| f.log()).unwrap_or_default();
    Json(log).into_response()
}

async fn reset(State(state): State<AppState>) -> Response {
    if let Some(f) = &state.faults {
        f.reset();
    }
    match state.store.clear() {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "reset failed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::{to_bytes, Body};
    use axum::http::Request as HttpRequest;
    use casenote::domain::{Note, Template};
    use tower::ServiceExt;

    fn app(test_mode: bool) -> Router {
        let state = AppState {
            store: Arc::new(Store::in_memory().unwrap()),
            faults: test_mode.then(Faults::default).map(Arc::new),
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
            &casenote::domain::BuildContext::at("2026-11-26T10:00:00Z"),
        )
    }

    fn note_json(id: &str) -> String {
        serde_json::to_string(&note_payload(id)).unwrap()
    }

    async fn post(
        app: &Router,
        body: String,
        content_type: &str,
        key: Option<&str>,
    ) -> (u16, String) {
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
    async fn a_reused_key_gets_422_and_a_known_note_under_another_key_409() {
        let app = app(false);
        let (status, first) = post(&app, note_json(ID), "application/json", Some("k1")).await;
        assert_eq!(status, 201, "{first}");
        let other = note_json("11111111-1111-4111-8111-111111111111");
        let (status, body) = post(&app, other, "application/json", Some("k1")).await;
        assert_eq!(status, 422, "{body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["errors"][0]["field"], "Idempotency-Key");
        let (status, body) = post(&app, note_json(ID), "application/json", Some("k2")).await;
        assert_eq!(status, 409, "{body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        let f: serde_json::Value = serde_json::from_str(&first).unwrap();
        assert_eq!(
            (&v["id"], &v["status"], &v["receivedAt"]),
            (&f["id"], &"duplicate".into(), &f["receivedAt"])
        );
        assert_eq!(count(&app).await, 1);
    }

    #[tokio::test]
    async fn a_signed_note_from_an_earlier_release_is_accepted() {
        // The payload the releases with hand-written JSON sent (the same
        // bytes, pinned by the domain's fixtures), signed over its hash.
        let hash = "3d80ad78c2a18899cad798ddbeab45ca142d3f74ba91cc9f12b4643d6b020fe9";
        let signed = include_str!("../../src/domain/testdata/serde-payload.json")
            .replace(&"ab".repeat(32), hash);
        let id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        let app = app(false);
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
        casenote::domain::fhir::document_reference(p, Some("Patient/1"), None).to_string()
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

        let (status, body) = post(&app, fhir(&note_payload(ID)), FHIR_JSON, None).await;
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
    async fn built_files_are_served_precompressed_with_vary() {
        let site = built_site();
        for (site_path, prefix) in [("", ""), ("/team/notes", "/team/notes")] {
            let state = AppState {
                store: Arc::new(Store::in_memory().unwrap()),
                faults: None,
            };
            let app = super::app(state, &site, site_path, None);
            for (path, file) in [
                (format!("{prefix}/casenote.js"), "casenote.js"),
                (format!("{prefix}/"), "index.html"),
            ] {
                for (accept, encoding, body) in [
                    (Some("br"), Some("br"), format!("br {file}")),
                    (
                        Some("gzip, deflate, br, zstd"),
                        Some("br"),
                        format!("br {file}"),
                    ),
                    (Some("gzip"), Some("gzip"), format!("gz {file}")),
                    (None, None, format!("plain {file}")),
                ] {
                    let (res, text) = get(&app, &path, accept).await;
                    let at = format!("{path} with {accept:?}");
                    assert_eq!(res.status(), StatusCode::OK, "{at}");
                    assert_eq!(text, body, "{at}");
                    let h = res.headers();
                    assert_eq!(
                        h.get(header::CONTENT_ENCODING).map(|v| v.to_str().unwrap()),
                        encoding,
                        "{at}"
                    );
                    assert_eq!(h[header::VARY], "accept-encoding", "{at}");
                    // The type is the file's, not the compressed file's.
                    let mime = if file == "index.html" {
                        "text/html"
                    } else {
                        "text/javascript"
                    };
                    assert!(
                        h[header::CONTENT_TYPE].to_str().unwrap().starts_with(mime),
                        "{at}"
                    );
                    assert_eq!(h[header::CONTENT_SECURITY_POLICY], CSP, "{at}");
                    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{at}");
                }
            }
        }
        std::fs::remove_dir_all(site).unwrap();
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
            post(&plain, note_json(ID), "application/json", None)
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
            post(&test, note_json(ID), "application/json", None).await.0,
            503
        );
        assert_eq!(
            post(&test, note_json(ID), "application/json", None).await.0,
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
            post(&test, note_json(ID), "application/json", None).await.0,
            401
        );
        let res = test
            .clone()
            .oneshot(
                HttpRequest::post("/api/notes")
                    .header("content-type", "application/json")
                    .header("authorization", "Bearer t0k")
                    .body(Body::from(note_json(ID)))
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED);
        assert_eq!(count(&test).await, 1);
    }
}
