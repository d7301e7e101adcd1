//! Supervisory review through the router: a review stored once per key,
//! refused in words a reviewer can act on, a revision only of a returned
//! note, and the inbox and its queue saying where each note stands.

use super::*;
use casenote_format::review::{
    CommentAbout, CommentResponse, Decision, ReviewComment, ReviewDraft, ReviewV1, ReviewedNote,
    Reviewer, RevisionLink,
};

const REVIEW: &str = "3d6f0a6e-2b1c-4c8e-9f3a-5b7d9e1f2a4c";
const SECOND: &str = "4d6f0a6e-2b1c-4c8e-9f3a-5b7d9e1f2a4c";
const REVISION: &str = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const COMMENT: &str = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

/// Note [`ID`], written by W-7 and sent for review.
fn reviewed_note() -> PayloadV1 {
    let mut p = note_payload(ID);
    p.author = Some(casenote_format::Person {
        id: "W-7".into(),
        name: "Sam Worker".into(),
    });
    p.review_required = true;
    p.canonical_version = 5;
    p.with_hash()
}

fn review_of(note: &PayloadV1, id: &str, decision: Decision, reviewer_id: &str) -> ReviewV1 {
    let comments = match decision {
        Decision::Cosign => vec![],
        Decision::Return => vec![ReviewComment {
            id: COMMENT.into(),
            about: CommentAbout::Section {
                key: "assessment".into(),
            },
            text: "Say what the assessment rests on.".into(),
        }],
    };
    let draft = ReviewDraft {
        id: id.into(),
        note: ReviewedNote {
            id: note.id.clone(),
            content_hash: note.content_hash.clone(),
        },
        reviewer: Reviewer {
            id: reviewer_id.into(),
            name: "Dana Supervisor".into(),
            credential: "LCSW".into(),
        },
        comments,
        language: Some("en".into()),
        created_at: "2026-11-27T09:00:00Z".into(),
    };
    ReviewV1::build(&draft, decision, "2026-11-27T09:30:00Z", "I co-sign.")
}

async fn post_to(
    app: &Router,
    path: &str,
    body: String,
    content_type: &str,
    key: &str,
) -> (u16, serde_json::Value) {
    let req = HttpRequest::post(path)
        .header("content-type", content_type)
        .header("idempotency-key", key);
    let res = app
        .clone()
        .oneshot(req.body(Body::from(body)).unwrap())
        .await
        .unwrap();
    let status = res.status().as_u16();
    let bytes = to_bytes(res.into_body(), usize::MAX).await.unwrap();
    (status, serde_json::from_slice(&bytes).unwrap())
}

async fn send_review(app: &Router, r: &ReviewV1) -> (u16, serde_json::Value) {
    let text = serde_json::to_string(r).unwrap();
    post_to(app, "/api/reviews", text, "application/json", &r.id).await
}

async fn stored_reviews(app: &Router) -> Vec<serde_json::Value> {
    let (_, body) = get(app, "/api/reviews", None).await;
    serde_json::from_str(&body).unwrap()
}

async fn with_note() -> (Router, PayloadV1) {
    let app = app(false);
    let note = reviewed_note();
    let text = serde_json::to_string(&note).unwrap();
    let (status, body) = post(&app, text, "application/json", Some(ID)).await;
    assert_eq!(status, 201, "{body}");
    (app, note)
}

fn first_error(body: &serde_json::Value) -> (String, String) {
    let e = &body["errors"][0];
    (
        e["field"].as_str().unwrap_or_default().into(),
        e["message"].as_str().unwrap_or_default().into(),
    )
}

#[tokio::test]
async fn a_co_signature_is_stored_once_and_listed_apart_from_the_notes() {
    let (app, note) = with_note().await;
    let r = review_of(&note, REVIEW, Decision::Cosign, "S-3");
    let (status, body) = send_review(&app, &r).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["status"], "stored");
    // Again under its key: answered as the first time, stored once.
    let (status, again) = send_review(&app, &r).await;
    assert_eq!(status, 201);
    assert_eq!(again["receivedAt"], body["receivedAt"]);
    let reviews = stored_reviews(&app).await;
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0]["note"]["reviewHash"], r.review_hash);
    // The notes' list holds notes only.
    assert_eq!(count(&app).await, 1);
}

#[tokio::test]
async fn a_review_of_another_version_or_a_decided_one_is_refused_in_words() {
    let (app, note) = with_note().await;
    // The note as the reviewer read it differs from the stored one.
    let mut read = note.clone();
    read.sections[0].text = "other words".into();
    let read = read.with_hash();
    let (status, body) =
        send_review(&app, &review_of(&read, REVIEW, Decision::Cosign, "S-3")).await;
    assert_eq!(status, 422, "{body}");
    let (field, message) = first_error(&body);
    assert_eq!(field, "note.contentHash");
    assert!(message.contains("another version"), "{message}");
    // A note not stored.
    let other = note_payload("1f8fad5b-d9cb-469f-a165-70867728950e");
    let (status, body) =
        send_review(&app, &review_of(&other, REVIEW, Decision::Cosign, "S-3")).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(first_error(&body).0, "note.id");
    // Decided once: a second review of the same version is refused.
    let (status, _) = send_review(&app, &review_of(&note, REVIEW, Decision::Return, "S-3")).await;
    assert_eq!(status, 201);
    let (status, body) =
        send_review(&app, &review_of(&note, SECOND, Decision::Cosign, "S-3")).await;
    assert_eq!(status, 422, "{body}");
    let (field, message) = first_error(&body);
    assert_eq!(field, "note.id");
    assert!(
        message.contains("already co-signed or returned"),
        "{message}"
    );
    assert_eq!(stored_reviews(&app).await.len(), 1);
}

#[tokio::test]
async fn an_author_cannot_co_sign_their_own_note_nor_return_without_a_comment() {
    let (app, note) = with_note().await;
    let (status, body) =
        send_review(&app, &review_of(&note, REVIEW, Decision::Cosign, "W-7")).await;
    assert_eq!(status, 422, "{body}");
    let (field, message) = first_error(&body);
    assert_eq!(field, "reviewer");
    assert!(message.contains("self-approval"), "{message}");
    // A return without a reason breaks the schema first.
    let mut bare = review_of(&note, REVIEW, Decision::Return, "S-3");
    bare.comments.clear();
    bare.review_hash = bare.computed_hash();
    let (status, body) = send_review(&app, &bare).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(first_error(&body).0, "comments");
    // A tampered comment: the hash says so.
    let mut tampered = review_of(&note, REVIEW, Decision::Return, "S-3");
    tampered.comments[0].text = "Fine.".into();
    let (status, body) = send_review(&app, &tampered).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(first_error(&body).0, "reviewHash");
    assert!(stored_reviews(&app).await.is_empty());
}

#[tokio::test]
async fn a_review_may_come_as_a_fhir_provenance() {
    let (app, note) = with_note().await;
    let r = review_of(&note, REVIEW, Decision::Cosign, "S-3");
    let doc = casenote_text::fhir::provenance(&r, Some("Practitioner/S-3"));
    let (status, body) = post_to(&app, "/api/reviews", doc.to_string(), FHIR_JSON, REVIEW).await;
    assert_eq!(status, 201, "{body}");
    let reviews = stored_reviews(&app).await;
    assert_eq!(reviews[0]["note"]["id"], REVIEW);
    assert_eq!(reviews[0]["note"]["decision"], "cosign");
}

fn revision_of(note: &PayloadV1, review: &str) -> PayloadV1 {
    let mut r = note.clone();
    r.id = REVISION.into();
    r.sections[2].text = "Rests on the rent ledger.".into();
    r.revises = Some(RevisionLink {
        to: note.id.clone(),
        to_hash: note.content_hash.clone(),
        review: review.into(),
        responses: vec![CommentResponse {
            comment: COMMENT.into(),
            text: "Added the ledger.".into(),
        }],
    });
    r.with_hash()
}

#[tokio::test]
async fn a_revision_is_of_a_returned_note_once_and_the_history_links_both_ways() {
    let (app, note) = with_note().await;
    // Not returned yet: refused.
    let text = serde_json::to_string(&revision_of(&note, REVIEW)).unwrap();
    let (status, body) = post(&app, text.clone(), "application/json", Some(REVISION)).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("revises.review"), "{body}");
    let (status, _) = send_review(&app, &review_of(&note, REVIEW, Decision::Return, "S-3")).await;
    assert_eq!(status, 201);
    let (status, body) = post(&app, text, "application/json", Some(REVISION)).await;
    assert_eq!(status, 201, "{body}");

    // The queue holds the revision, not the returned note.
    let (_, queue) = get(&app, "/inbox/reviews", None).await;
    assert!(
        queue.contains(&format!("data-note-id=\"{REVISION}\"")),
        "{queue}"
    );
    assert!(
        !queue.contains(&format!("data-note-id=\"{ID}\"")),
        "{queue}"
    );
    assert!(queue.contains("1 note awaits review") || queue.contains("One note awaits review"));

    // The inbox: the original returned, with the comment beside its
    // section, linked to its revision; the revision linked back.
    let (_, inbox) = get(&app, "/inbox", None).await;
    assert!(
        inbox.contains("Returned for revision by Dana Supervisor (S-3), LCSW"),
        "{inbox}"
    );
    assert!(inbox.contains("Say what the assessment rests on."));
    assert!(
        inbox.contains(&format!("Revised as note <a href=\"#note-{REVISION}\">")),
        "{inbox}"
    );
    assert!(
        inbox.contains(&format!(
            "A revision of the returned note <a href=\"#note-{ID}\">"
        )),
        "{inbox}"
    );

    // The revision co-signed: the queue empties, the inbox says so.
    let revision = revision_of(&note, REVIEW);
    let (status, body) =
        send_review(&app, &review_of(&revision, SECOND, Decision::Cosign, "S-3")).await;
    assert_eq!(status, 201, "{body}");
    let (_, queue) = get(&app, "/inbox/reviews", None).await;
    assert!(queue.contains("No note awaits review"), "{queue}");
    let (_, inbox) = get(&app, "/inbox", None).await;
    assert!(inbox.contains("Co-signed by a supervisor"), "{inbox}");
    assert!(inbox.contains("I co-sign."));
}

/// A note `n` (its id's last digits) for client `client`, written by
/// `author`, with `words` in its first section.
fn note_for(n: u32, client: &str, author: &str, words: &str) -> PayloadV1 {
    let mut p = note_payload(&format!("0f8fad5b-d9cb-469f-a165-{n:012}"));
    p.client.id = client.into();
    p.client.name = format!("Client {client}");
    p.author = Some(casenote_format::Person {
        id: author.into(),
        name: format!("Worker {author}"),
    });
    p.sections[0].text = words.into();
    p.with_hash()
}

#[tokio::test]
async fn the_inbox_filters_by_client_author_status_and_words_and_pages_with_them() {
    let app = app(false);
    let mut returned = note_for(1, "C-1", "W-7", "Talked about the eviction notice.");
    returned.review_required = true;
    returned.canonical_version = 5;
    let returned = returned.with_hash();
    let plain = note_for(2, "C-2", "W-8", "Budget review.");
    for p in [&returned, &plain] {
        let (status, body) = post(
            &app,
            serde_json::to_string(p).unwrap(),
            "application/json",
            Some(&p.id),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
    let (status, _) =
        send_review(&app, &review_of(&returned, REVIEW, Decision::Return, "S-3")).await;
    assert_eq!(status, 201);
    let ids_on = |page: &str| -> Vec<String> {
        page.split("data-note-id=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().to_string())
            .collect()
    };
    for (query, expected) in [
        ("client=c-2", vec![plain.id.clone()]),
        ("client=Client%20C-1", vec![returned.id.clone()]),
        ("author=w-8", vec![plain.id.clone()]),
        ("status=returned", vec![returned.id.clone()]),
        ("status=unsigned", vec![plain.id.clone()]),
        ("status=coSigned", vec![]),
        ("q=EVICTION", vec![returned.id.clone()]),
        ("client=c-1&q=budget", vec![]),
        ("", vec![plain.id.clone(), returned.id.clone()]),
    ] {
        let (_, page) = get(&app, &format!("/inbox?{query}"), None).await;
        assert_eq!(ids_on(&page), expected, "{query}");
        if expected.is_empty() {
            assert!(page.contains("No note matches these filters."), "{query}");
        }
    }
    // The form keeps what was asked.
    let (_, page) = get(&app, "/inbox?client=c-2&status=unsigned", None).await;
    assert!(page.contains(r#"name="client" value="c-2""#), "{page}");
    assert!(
        page.contains(r#"<option value="unsigned" selected>"#),
        "{page}"
    );
    // A status that names none is refused in words.
    let (res, body) = get(&app, "/inbox?status=approved", None).await;
    assert_eq!(res.status(), 400);
    assert!(
        body.contains("awaitingReview, returned, coSigned, unsigned"),
        "{body}"
    );

    // Pages keep the filters: 22 more notes of C-9, 20 a page.
    for n in 10..32 {
        let p = note_for(n, "C-9", "W-7", "Weekly check-in.");
        let (status, _) = post(
            &app,
            serde_json::to_string(&p).unwrap(),
            "application/json",
            Some(&p.id),
        )
        .await;
        assert_eq!(status, 201);
    }
    let (_, first) = get(&app, "/inbox?client=c-9", None).await;
    assert_eq!(ids_on(&first).len(), 20);
    let next = first
        .split("rel=\"next\"")
        .next()
        .and_then(|s| s.rsplit("href=\"").next())
        .map(|s| s.split('"').next().unwrap().replace("&amp;", "&"))
        .unwrap();
    assert!(next.ends_with("&client=c-9"), "{next}");
    let (_, second) = get(&app, &format!("/inbox{next}"), None).await;
    let rest = ids_on(&second);
    assert_eq!(rest.len(), 2, "{rest:?}");
    assert!(rest
        .iter()
        .all(|id| id.ends_with("000000000010") || id.ends_with("000000000011")));
}

/// A review's key is its own id, and the refusal says so.
#[tokio::test]
async fn a_review_under_another_key_is_refused_naming_the_reviews_id() {
    let (app, note) = with_note().await;
    let r = review_of(&note, REVIEW, Decision::Cosign, "S-3");
    let text = serde_json::to_string(&r).unwrap();
    let (status, body) = post_to(&app, "/api/reviews", text, "application/json", SECOND).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        first_error(&body),
        (
            "Idempotency-Key".to_string(),
            "must be the review's id (its \"id\" field)".to_string()
        )
    );
    assert!(stored_reviews(&app).await.is_empty());
}
