//! Errors as JSON and as words a person can act on.

use super::*;

/// A misspelt fault plan was taken silently (and answered in text/plain
/// when malformed): now 400 with a JSON error.
#[tokio::test]
async fn an_unknown_fault_plan_key_is_refused_in_json() {
    let test = app(true);
    for plan in [
        r#"{"failNxt":1}"#,
        r#"{"chaos":{"rate":0.5,"seed":1,"sed":2}}"#,
        r#"{"failNext":"one"}"#,
        "{",
    ] {
        let res = test
            .clone()
            .oneshot(
                HttpRequest::post("/api/_test/faults")
                    .header("content-type", "application/json")
                    .body(Body::from(plan))
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{plan}");
        assert_eq!(
            res.headers()[header::CONTENT_TYPE],
            "application/json",
            "{plan}"
        );
        let bytes = to_bytes(res.into_body(), usize::MAX).await.unwrap();
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert!(
            v["error"]
                .as_str()
                .unwrap()
                .starts_with("Not a fault plan: "),
            "{v}"
        );
    }
    assert_eq!(
        post(&test, note_json(ID), "application/json", Some(ID))
            .await
            .0,
        201
    );
}

/// A lone surrogate escape is named as such, at its place.
#[tokio::test]
async fn a_lone_surrogate_escape_gets_a_message_that_says_so() {
    let app = app(false);
    let body = note_json(ID).replace("\"text\"", "\"text \\ud800\"");
    let (status, body) = post(&app, body, "application/json", Some(ID)).await;
    assert_eq!(status, 400, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["errors"][0]["field"], "body");
    let message = v["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("holds \\ud800 at line 1 column ")
            && message.contains("half of a UTF-16 surrogate pair"),
        "{message}"
    );
}
