//! Test mode's fault layer (`faults_layer.rs`) through the router, as the
//! end-to-end tests meet it: each fault's answer, the request log, what
//! meets no fault, chaos, and the connection cut after storing.

use std::time::{Duration, Instant};

use axum::extract::ConnectInfo;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use super::*;
use crate::conn::{Cut, CuttableStream};
use crate::faults::{Chaos, FaultPlan};

/// Sets the plan through `/api/_test/faults`, as the end-to-end tests do.
async fn plan(app: &Router, plan: &str) {
    let res = app
        .clone()
        .oneshot(
            HttpRequest::post("/api/_test/faults")
                .header("content-type", "application/json")
                .body(Body::from(plan.to_string()))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT, "{plan}");
}

/// `/api/_test/log` as sent, and as JSON.
async fn log(app: &Router) -> (String, Vec<serde_json::Value>) {
    let res = app
        .clone()
        .oneshot(
            HttpRequest::get("/api/_test/log")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let bytes = to_bytes(res.into_body(), usize::MAX).await.unwrap();
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let entries = serde_json::from_str(&text).unwrap();
    (text, entries)
}

/// The faults the log names, in order.
async fn faults_logged(app: &Router) -> Vec<String> {
    log(app)
        .await
        .1
        .iter()
        .map(|e| e["fault"].as_str().unwrap().to_string())
        .collect()
}

/// POSTs note [`ID`] under its key with `headers` besides, on the
/// connection `cut` severs (if given): the whole answer.
async fn send(app: &Router, headers: &[(&str, &str)], cut: Option<Cut>) -> Response {
    let mut req = HttpRequest::post("/api/notes")
        .header("content-type", "application/json")
        .header("idempotency-key", ID);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let mut req = req.body(Body::from(note_json(ID))).unwrap();
    if let Some(cut) = cut {
        req.extensions_mut().insert(ConnectInfo(cut));
    }
    app.clone().oneshot(req).await.unwrap()
}

async fn error_of(res: Response) -> String {
    let bytes = to_bytes(res.into_body(), usize::MAX).await.unwrap();
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    v["error"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn each_fault_answers_in_the_notes_place_as_before() {
    let test = app(true);
    plan(&test, r#"{"failNext":1}"#).await;
    let res = send(&test, &[], None).await;
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "application/json");
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    assert_eq!(error_of(res).await, "Fault injected by --test-mode");

    plan(&test, r#"{"failNext":1,"status":503}"#).await;
    let res = send(&test, &[], None).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(error_of(res).await, "Fault injected by --test-mode");

    for (given, retry_after) in [
        (r#"{"rateLimitNext":1}"#, "1"),
        (r#"{"rateLimitNext":1,"retryAfter":7}"#, "7"),
    ] {
        plan(&test, given).await;
        let res = send(&test, &[], None).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(res.headers()[header::RETRY_AFTER], retry_after);
        assert_eq!(
            error_of(res).await,
            "Too many requests (injected by --test-mode)"
        );
    }

    plan(&test, r#"{"unauthorizedNext":1}"#).await;
    let res = send(&test, &[], None).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(res.headers()[header::WWW_AUTHENTICATE], "Bearer");
    assert_eq!(
        error_of(res).await,
        "Sign in first (a bearer token is required)"
    );
    assert_eq!(count(&test).await, 0, "a fault that answers stores nothing");

    assert_eq!(send(&test, &[], None).await.status(), StatusCode::CREATED);
    assert_eq!(
        faults_logged(&test).await,
        [
            "Status(500)",
            "Status(503)",
            "RateLimit(1)",
            "RateLimit(7)",
            "Unauthorized",
            "None"
        ]
    );
}

#[tokio::test]
async fn a_required_token_is_asked_of_every_request() {
    let test = app(true);
    plan(&test, r#"{"requireToken":"t0k"}"#).await;
    for auth in [None, Some("Bearer nope"), Some("t0k")] {
        let headers: Vec<(&str, &str)> = auth.map(|a| ("authorization", a)).into_iter().collect();
        let res = send(&test, &headers, None).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{auth:?}");
        assert_eq!(res.headers()[header::WWW_AUTHENTICATE], "Bearer");
    }
    let res = send(&test, &[("authorization", "Bearer t0k")], None).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(count(&test).await, 1);
}

#[tokio::test]
async fn a_delay_is_waited_out_and_the_note_goes_on() {
    let test = app(true);
    plan(&test, r#"{"delayNext":1,"delayMs":150}"#).await;
    let started = Instant::now();
    assert_eq!(send(&test, &[], None).await.status(), StatusCode::CREATED);
    assert!(started.elapsed() >= Duration::from_millis(150));
    assert_eq!(count(&test).await, 1);
    assert_eq!(faults_logged(&test).await, ["Delay(150)"]);
}

/// The entries the end-to-end tests read: when, the key, the fault and
/// every header, in that order.
#[tokio::test]
async fn the_log_has_each_request_its_key_fault_and_headers() {
    let test = app(true);
    plan(&test, r#"{"failNext":1,"status":503}"#).await;
    let before = chrono::Utc::now().timestamp_millis();
    send(&test, &[("x-portal-user", "worker-7")], None).await;
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
    assert_eq!(res.status(), StatusCode::BAD_REQUEST, "no key");
    let (text, entries) = log(&test).await;
    assert_eq!(entries.len(), 2);
    let at = text.find("\"at\":").unwrap();
    let key = text.find("\"idempotencyKey\":").unwrap();
    let fault = text.find("\"fault\":").unwrap();
    let headers = text.find("\"headers\":").unwrap();
    assert!(at < key && key < fault && fault < headers, "{text}");
    let first = &entries[0];
    assert_eq!(first.as_object().unwrap().len(), 4, "{first}");
    assert!(first["at"].as_i64().unwrap() >= before);
    assert!(entries[1]["at"].as_i64() >= first["at"].as_i64());
    assert_eq!(first["idempotencyKey"], ID);
    assert_eq!(first["fault"], "Status(503)");
    assert_eq!(first["headers"]["x-portal-user"], "worker-7");
    assert_eq!(first["headers"]["idempotency-key"], ID);
    assert_eq!(first["headers"]["content-type"], "application/json");
    assert_eq!(entries[1]["idempotencyKey"], serde_json::Value::Null);
    assert_eq!(entries[1]["fault"], "None");
}

/// The media type and the body are the intake's first steps, and a
/// request they refuse never met a fault: it is not logged, and the
/// fault waits for the next.
#[tokio::test]
async fn what_the_media_type_or_the_body_refuses_meets_no_fault() {
    let test = app(true);
    plan(&test, r#"{"failNext":1,"status":503}"#).await;
    let (status, _) = post(&test, note_json(ID), "text/plain", Some(ID)).await;
    assert_eq!(status, 415);
    let huge = format!("\"{}\"", "x".repeat(5 * 1024 * 1024));
    let (status, _) = post(&test, huge, "application/json", Some(ID)).await;
    assert_eq!(status, 413);
    assert!(log(&test).await.1.is_empty());
    assert_eq!(send(&test, &[], None).await.status(), 503);
    assert_eq!(faults_logged(&test).await, ["Status(503)"]);
}

/// Chaos: one fault per request, as the seeded plan draws them.
#[tokio::test]
async fn chaos_draws_one_fault_per_request() {
    let chaos = r#"{"chaos":{"rate":1.0,"seed":3}}"#;
    let drawn = Faults::default();
    drawn.set(FaultPlan {
        chaos: Some(Chaos { rate: 1.0, seed: 3 }),
        ..FaultPlan::default()
    });
    let expected: Vec<String> = (0..8).map(|_| format!("{:?}", drawn.take(None))).collect();
    let test = app(true);
    plan(&test, chaos).await;
    for fault in &expected {
        let status = send(&test, &[], None).await.status().as_u16();
        let answered = match fault.as_str() {
            "Status(500)" => 500,
            "Status(503)" => 503,
            "RateLimit(1)" => 429,
            "Unauthorized" => 401,
            _ => 201,
        };
        assert_eq!(status, answered, "{fault}");
    }
    assert_eq!(faults_logged(&test).await, expected);
}

/// A loopback connection wrapped as the serve loop wraps it: the
/// server's end, the handle that cuts it, and the client's end.
async fn connection() -> (CuttableStream, Cut, TcpStream) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let client = TcpStream::connect(listener.local_addr().unwrap())
        .await
        .unwrap();
    let (server, _) = listener.accept().await.unwrap();
    let (stream, cut) = CuttableStream::new(server);
    (stream, cut, client)
}

async fn was_cut(stream: &mut CuttableStream) -> bool {
    stream.write_all(b"x").await.is_err()
}

/// The connection is cut only once the store answered: not after a
/// refusal, nor after a replay answered before the store was asked.
#[tokio::test]
async fn drop_after_store_cuts_the_connection_once_the_store_answered() {
    let test = app(true);
    plan(&test, r#"{"dropAfterStoreNext":3}"#).await;
    let (mut stream, cut, _client) = connection().await;
    let res = test
        .clone()
        .oneshot({
            let mut req = HttpRequest::post("/api/notes")
                .header("content-type", "application/json")
                .header("idempotency-key", ID)
                .body(Body::from("{}"))
                .unwrap();
            req.extensions_mut().insert(ConnectInfo(cut));
            req
        })
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(!was_cut(&mut stream).await, "cut after a refusal");

    let (mut stream, cut, _client) = connection().await;
    assert_eq!(
        send(&test, &[], Some(cut)).await.status(),
        StatusCode::CREATED
    );
    assert!(was_cut(&mut stream).await, "not cut after storing");
    assert_eq!(count(&test).await, 1);

    let (mut stream, cut, _client) = connection().await;
    assert_eq!(
        send(&test, &[], Some(cut)).await.status(),
        StatusCode::CREATED
    );
    assert!(!was_cut(&mut stream).await, "cut after a replay");
    assert_eq!(faults_logged(&test).await, ["DropAfterStore"; 3]);
}

/// Through the serve loop, as the end-to-end test sees it: the note is
/// stored, the client hears nothing, and its retry is answered 201.
#[tokio::test]
async fn a_dropped_answer_is_never_sent_and_the_retry_is_answered() {
    let test = app(true);
    plan(&test, r#"{"dropAfterStoreNext":1}"#).await;
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let limits = crate::serve::Limits::with_connections(10);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let served = tokio::spawn(crate::serve::serve(listener, test.clone(), limits, async {
        let _ = stopped.await;
    }));
    let body = note_json(ID);
    let request = format!(
        "POST /api/notes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nIdempotency-Key: {ID}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let mut answers = Vec::new();
    for _ in 0..2 {
        let mut s = TcpStream::connect(addr).await.unwrap();
        s.write_all(request.as_bytes()).await.unwrap();
        let mut answer = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(5), async {
            let mut buf = [0u8; 4096];
            loop {
                match s.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => answer.extend_from_slice(&buf[..n]),
                }
            }
        });
        read.await.expect("the connection is closed");
        answers.push(String::from_utf8_lossy(&answer).into_owned());
    }
    assert_eq!(answers[0], "", "the first answer was sent");
    assert!(answers[1].starts_with("HTTP/1.1 201"), "{}", answers[1]);
    assert_eq!(count(&test).await, 1);
    assert_eq!(faults_logged(&test).await, ["DropAfterStore", "None"]);
    stop.send(()).unwrap();
    served.await.unwrap();
}
