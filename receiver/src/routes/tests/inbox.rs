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
    assert!(js.contains("toLocaleString()"), "{js}");
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
