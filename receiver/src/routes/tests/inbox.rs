//! The inbox's routes: the addendum page, its 404, the script, and the
//! words a worker reads when an addendum's original has changed.

use super::*;

#[tokio::test]
async fn the_addendum_page_carries_the_originals_id_and_hash() {
    let app = app(false);
    let (status, body) = post(&app, note_json(ID), "application/json", Some(ID)).await;
    assert_eq!(status, 201, "{body}");
    let (res, html) = get(&app, &format!("/inbox/addendum/{ID}"), None).await;
    assert_eq!(res.status(), 200, "{html}");
    assert_eq!(res.headers()[header::CONTENT_SECURITY_POLICY], CSP);
    assert!(res.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let hash = note_payload(ID).computed_hash();
    assert!(
        html.contains(&format!(r#"addendum-to="{ID}" addendum-to-hash="{hash}""#)),
        "{html}"
    );
}

#[tokio::test]
async fn an_unknown_note_has_no_addendum_page() {
    let app = app(false);
    let (res, html) = get(&app, &format!("/inbox/addendum/{ID}"), None).await;
    assert_eq!(res.status(), 404, "{html}");
    assert!(
        html.contains("No note with this id is in the inbox"),
        "{html}"
    );
}

#[tokio::test]
async fn the_inbox_script_is_served_as_javascript() {
    let app = app(false);
    let (res, js) = get(&app, "/inbox.js", None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()[header::CONTENT_TYPE],
        "text/javascript; charset=utf-8"
    );
    assert!(js.contains("toLocaleString(lang"), "{js}");
}

#[tokio::test]
async fn an_addendum_to_a_changed_original_is_refused_in_a_workers_words() {
    let app = app(false);
    post(&app, note_json(ID), "application/json", Some(ID)).await;
    let (status, body) = post(
        &app,
        addendum_json(ID, &"0".repeat(64)),
        "application/json",
        Some(ADD),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["errors"][0]["field"], "addendum.toHash");
    assert_eq!(
        v["errors"][0]["message"],
        "The original note has changed since this addendum was started, so it cannot be linked to it. Go back to the inbox, open the original again and choose Write an addendum."
    );
    let hash = note_payload(ID).computed_hash();
    let (status, body) = post(
        &app,
        addendum_json(ID, &hash),
        "application/json",
        Some(ADD),
    )
    .await;
    assert_eq!(status, 201, "{body}");
}

/// The inbox as a reader with `headers` sees it.
async fn inbox_with(app: &Router, headers: &[(header::HeaderName, &str)]) -> String {
    let mut req = HttpRequest::get("/inbox");
    for (name, value) in headers {
        req = req.header(name, *value);
    }
    let res = app
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let bytes = to_bytes(res.into_body(), usize::MAX).await.unwrap();
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[tokio::test]
async fn the_pages_are_in_the_language_the_worker_chose_else_the_browsers() {
    let app = app(false);
    let es = r#"<html lang="es">"#;
    // Chosen on the standalone page: its cookie wins over the browser.
    let html = inbox_with(
        &app,
        &[
            (header::COOKIE, "theme=dark; casenote-lang=es"),
            (header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9"),
        ],
    )
    .await;
    assert!(
        html.contains(es) && html.contains("Bandeja de entrada"),
        "{html}"
    );
    // Else the browser's best language the catalog has.
    let html = inbox_with(
        &app,
        &[(header::ACCEPT_LANGUAGE, "fr-CA, es-MX;q=0.8, en;q=0.5")],
    )
    .await;
    assert!(html.contains(es), "{html}");
    let html = inbox_with(&app, &[(header::ACCEPT_LANGUAGE, "en;q=0.2, es;q=0.1")]).await;
    assert!(html.contains(r#"<html lang="en">"#), "{html}");
    // Else English; an unknown cookie value is ignored.
    let html = inbox_with(&app, &[(header::COOKIE, "casenote-lang=xx")]).await;
    assert!(html.contains(r#"<html lang="en">"#), "{html}");
    // The 404 page of an addendum too.
    let req = HttpRequest::get(format!("/inbox/addendum/{ID}"))
        .header(header::ACCEPT_LANGUAGE, "es")
        .body(Body::empty())
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), 404);
    let bytes = to_bytes(res.into_body(), usize::MAX).await.unwrap();
    assert!(String::from_utf8(bytes.to_vec())
        .unwrap()
        .contains("No existe esa nota"));
}
