//! The holes an independent audit found, each reproduced as it was found
//! and refused (or shown safely) now.

use super::*;

/// A note of client `C-1` documented `hours` after a 09:00–09:50 service
/// that ended at 09:50 UTC, whose own threshold is `threshold` and whose
/// label says `late`.
fn timed(id: &str, hours: f64, threshold: f64, late: bool) -> PayloadV1 {
    let documented = chrono::DateTime::parse_from_rfc3339("2026-11-26T09:50:00Z").unwrap()
        + chrono::Duration::minutes((hours * 60.0) as i64);
    let documented = documented
        .with_timezone(&chrono::Utc)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut n = Note::new(id.into(), "soap", "2026-11-26T09:00:00Z".into());
    n.client.name = "Jo".into();
    n.client.id = "C-1".into();
    n.service.date = "2026-11-26".into();
    n.service.start = "09:00".into();
    n.service.end = "09:50".into();
    n.late_entry_reason = if late { "Crisis".into() } else { String::new() };
    for k in ["subjective", "objective", "assessment", "plan"] {
        n.section_mut(k).text = "text".into();
    }
    let ctx = casenote_format::BuildContext {
        documented_at: documented,
        document_type: casenote_format::DocumentType::ProgressNote,
        hours_after_service: Some(hours),
        late_entry_threshold_hours: threshold,
        utc_offset_minutes: Some(0),
    };
    let mut p = PayloadV1::build(&n, &Template::soap(), &ctx);
    p.timeliness.as_mut().unwrap().late_entry = late;
    p.with_hash()
}

fn errors(body: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(body).unwrap();
    v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_string(),
                e["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// 1. 72 hours late, sent with a threshold of 1,000 hours and
/// `lateEntry: false`: the receiver's own 24 hours decide.
#[tokio::test]
async fn the_sender_cannot_switch_off_the_late_entry_check() {
    let app = app(false);
    let p = timed(ID, 72.0, 1000.0, false);
    let (status, body) = post_payload(&app, &p, ID).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(errors(&body)[0].0, "timeliness.lateEntry");
    assert!(errors(&body)[0].1.contains("more than 24 hours"), "{body}");
    let mut huge = timed(ID, 1.0, 24.0, false);
    huge.timeliness.as_mut().unwrap().late_entry_threshold_hours = 1e308;
    let (status, body) = post_payload(&app, &huge, ID).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(errors(&body)[0].0, "timeliness.lateEntryThresholdHours");
    // Sent as a late entry with its reason, it is stored.
    let late = timed(ID, 72.0, 24.0, true);
    let (status, body) = post_payload(&app, &late, ID).await;
    assert_eq!(status, 201, "{body}");
}

/// A note stored under one threshold is replayed, not refused, once the
/// threshold is lower (or another instance has another): a replay is
/// answered as the first time before any rule is checked again.
#[tokio::test]
async fn a_replay_is_answered_as_stored_whatever_the_threshold_says_now() {
    let store = Arc::new(crate::store::Notes::Sqlite(Arc::new(
        Store::in_memory().unwrap(),
    )));
    let under = |hours: f64| {
        let state = AppState {
            store: Arc::clone(&store),
            faults: None,
            access: Arc::new(Access::default()),
            late_entry_hours: hours,
            self_approval: false,
            sign_in: None,
        };
        super::super::app(state, Path::new("/nonexistent"), "", None)
    };
    let p = timed(ID, 72.0, 1000.0, false);
    let (status, first) = post_payload(&under(1000.0), &p, ID).await;
    assert_eq!(status, 201, "{first}");
    let (status, again) = post_payload(&under(24.0), &p, ID).await;
    assert_eq!((status, again), (201, first));
}

/// 4. No page of the receiver's can be framed; no `<base>`, no form sent
/// elsewhere. 10. Text is served as UTF-8, said.
#[tokio::test]
async fn pages_refuse_frames_and_say_their_charset() {
    let app = app(false);
    let (res, _) = get(&app, "/inbox", None).await;
    let csp = res.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    for directive in [
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ] {
        assert!(csp.contains(directive), "{csp}");
    }
    assert_eq!(res.headers()[header::X_FRAME_OPTIONS], "DENY");
    assert_eq!(
        res.headers()[header::CONTENT_TYPE],
        "text/html; charset=utf-8"
    );
    let (res, _) = get(&app, "/inbox.css", None).await;
    assert_eq!(
        res.headers()[header::CONTENT_TYPE],
        "text/css; charset=utf-8"
    );
    // A type that says its charset already keeps it.
    let (res, _) = get(&app, "/inbox.js", None).await;
    assert_eq!(
        res.headers()[header::CONTENT_TYPE],
        "text/javascript; charset=utf-8"
    );
}

/// 5. An upper-case UUID names the same note: the addendum's original is
/// found (so a wrong `toHash` is refused), and the same note in upper and
/// then lower case is stored once.
#[tokio::test]
async fn upper_case_uuids_are_the_same_notes() {
    let app = app(false);
    let (status, body) = post(&app, note_json(ID), "application/json", Some(ID)).await;
    assert_eq!(status, 201, "{body}");
    let add = addendum_json(&ID.to_uppercase(), &"0".repeat(64));
    let (status, body) = post(&app, add, "application/json", Some(ADD)).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(errors(&body)[0].0, "addendum.toHash");

    let upper = "3F8FAD5B-D9CB-469F-A165-70867728950E";
    let (status, body) = post(&app, note_json(upper), "application/json", Some(upper)).await;
    assert_eq!(status, 201, "{body}");
    let lower = upper.to_ascii_lowercase();
    let (status, body) = post(&app, note_json(&lower), "application/json", Some(&lower)).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(errors(&body)[0].0, "Idempotency-Key");
    assert_eq!(count(&app).await, 2);
}

/// 7. Numbers the schema allows: `durationMinutes: 45.0` and an upper-case
/// `contentHash`.
#[tokio::test]
async fn whole_numbers_with_a_zero_fraction_and_upper_case_hashes_are_taken() {
    let app = app(false);
    let mut p = timed(ID, 1.0, 24.0, false);
    p.service.end = Some("09:45".into());
    p.service.duration_minutes = Some(45);
    // The 09:45 end moves the hours on by 5 minutes.
    p.timeliness.as_mut().unwrap().hours_after_service = Some(1.08);
    let p = p.with_hash();
    let text = serde_json::to_string(&p)
        .unwrap()
        .replace("\"durationMinutes\":45", "\"durationMinutes\":45.0")
        .replace(&p.content_hash, &p.content_hash.to_uppercase());
    assert!(text.contains("45.0"));
    let (status, body) = post(&app, text, "application/json", Some(ID)).await;
    assert_eq!(status, 201, "{body}");
}

/// 9. Links to notes that are not there, or are this note, or are another
/// client's; and a draft started after it was documented.
#[tokio::test]
async fn unchecked_links_are_checked() {
    let app = app(false);
    let mut add = timed(ADD, 1.0, 24.0, false);
    add.addendum = Some(casenote_format::record::AddendumLink {
        to: ADD.into(),
        to_hash: None,
        kind: casenote_format::record::AddendumKind::Clarification,
        reason: "Loop".into(),
    });
    let (status, body) = post_payload(&app, &add, ADD).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        errors(&body)[0],
        (
            "addendum.to".to_string(),
            "names this note itself: an addendum adds to another note".to_string()
        )
    );
    add.addendum.as_mut().unwrap().to = ID.into();
    let (status, body) = post_payload(&app, &add, ADD).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        errors(&body)[0]
            .1
            .starts_with("names a note this receiver does not have"),
        "{body}"
    );
    // Stored, the original is another client's.
    let mut other = timed(ID, 1.0, 24.0, false);
    other.client.id = "C-2".into();
    let (status, body) = post_payload(&app, &other, ID).await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = post_payload(&app, &add, ADD).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        errors(&body)[0]
            .1
            .starts_with("names a note about another client"),
        "{body}"
    );

    let mut early = timed(ADD, 1.0, 24.0, false);
    early.created_at = "2026-11-26T11:00:00Z".into();
    let (status, body) = post_payload(&app, &early, ADD).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(errors(&body)[0].0, "createdAt");
    assert_eq!(count(&app).await, 1);
}

/// 2. The API and the inbox page; bad paging parameters are named.
#[tokio::test]
async fn the_api_and_the_inbox_page() {
    let app = app(false);
    let ids: Vec<String> = (0..25)
        .map(|n| format!("{n:08x}-d9cb-469f-a165-70867728950e"))
        .collect();
    for id in &ids {
        let (status, body) = post(&app, note_json(id), "application/json", Some(id)).await;
        assert_eq!(status, 201, "{body}");
    }
    let (res, body) = get(&app, "/api/notes?limit=10", None).await;
    let page: Vec<serde_json::Value> = serde_json::from_str(&body).unwrap();
    assert_eq!(page.len(), 10);
    assert_eq!(page[0]["id"], ids[0].as_str());
    assert_eq!(
        res.headers()[header::LINK],
        "<?after=10&limit=10>; rel=\"next\""
    );
    let (res, body) = get(&app, "/api/notes?after=20&limit=10", None).await;
    let page: Vec<serde_json::Value> = serde_json::from_str(&body).unwrap();
    assert_eq!(page.len(), 5);
    assert!(res.headers().get(header::LINK).is_none());
    for bad in [
        "/api/notes?limit=0",
        "/api/notes?limit=501",
        "/api/notes?after=x",
    ] {
        let (res, body) = get(&app, bad, None).await;
        assert_eq!(res.status(), 400, "{bad}: {body}");
        assert!(body.contains("give"), "{body}");
    }
    assert_eq!(count(&app).await, 25);

    let (res, html) = get(&app, "/inbox", None).await;
    assert_eq!(res.status(), 200);
    assert!(html.contains("25 notes received."), "{html}");
    let notes = |html: &str| html.matches("<article class=\"note\"").count();
    assert_eq!(notes(&html), 20);
    assert!(html.contains(&format!("id=\"note-{}\"", ids[24])));
    assert!(
        html.contains(r#"<a href="?before=6" rel="next">Older notes</a>"#),
        "{html}"
    );
    let (_, older) = get(&app, "/inbox?before=6", None).await;
    assert_eq!(notes(&older), 5);
    assert!(older.contains(r#"<a href="inbox">Newest notes</a>"#));
    // The page that starts with a note.
    let (_, from) = get(
        &app,
        &format!("/inbox?note={}", ids[2].to_uppercase()),
        None,
    )
    .await;
    assert_eq!(notes(&from), 3);
    let (res, _) = get(&app, "/inbox?before=x", None).await;
    assert_eq!(res.status(), 400);
}

/// 3. A client name that ends in RIGHT-TO-LEFT OVERRIDE cannot turn its
/// id around in the inbox.
#[tokio::test]
async fn a_right_to_left_override_in_a_name_is_isolated() {
    let app = app(false);
    let mut p = timed(ID, 1.0, 24.0, false);
    p.client.name = "Ann Smith\u{202E}".into();
    p.client.id = "C-1042".into();
    let (status, body) = post_payload(&app, &p, ID).await;
    assert_eq!(status, 201, "{body}");
    let (_, html) = get(&app, "/inbox", None).await;
    assert!(
        html.contains("\u{2068}Ann Smith\u{2069} (ID C-1042)"),
        "{html}"
    );
    assert!(!html.contains('\u{202E}'), "{html}");
}
