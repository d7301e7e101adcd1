//! The delivery contract, enforced: the key, the rules beyond the schema,
//! replays, FHIR wrappers and recomputed timeliness.

use super::*;

#[tokio::test]
async fn a_changed_note_under_its_key_gets_422_and_a_key_must_be_the_id() {
    let app = app(false);
    let (status, first) = post(&app, note_json(ID), "application/json", Some(ID)).await;
    assert_eq!(status, 201, "{first}");
    let mut changed = note_payload(ID);
    changed.sections[0].text = "other text".into();
    let changed = serde_json::to_string(&changed.with_hash()).unwrap();
    let (status, body) = post(&app, changed, "application/json", Some(ID)).await;
    assert_eq!(status, 422, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["errors"][0]["field"], "Idempotency-Key");
    assert_eq!(count(&app).await, 1);
}

/// The contract says the key is the note's id: without it, or under
/// another, a note is refused (it was stored with 201).
#[tokio::test]
async fn a_missing_or_foreign_idempotency_key_is_refused() {
    let app = app(false);
    for (key, message) in [
        (None, "is required: send the note's id as Idempotency-Key"),
        (Some("k1"), "must be the note's id (its \"id\" field)"),
        (
            Some("11111111-1111-4111-8111-111111111111"),
            "must be the note's id (its \"id\" field)",
        ),
    ] {
        let (status, body) = post(&app, note_json(ID), "application/json", key).await;
        assert_eq!(status, 400, "{body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["errors"][0]["field"], "Idempotency-Key");
        assert_eq!(v["errors"][0]["message"], message);
    }
    assert_eq!(count(&app).await, 0);
}

/// The same note again under its key, pretty-printed or reordered, is a
/// replay (it was refused as "a different note").
#[tokio::test]
async fn a_replay_in_other_bytes_is_answered_as_the_first_delivery() {
    let app = app(false);
    let (s1, b1) = post(&app, note_json(ID), "application/json", Some(ID)).await;
    assert_eq!(s1, 201, "{b1}");
    let value: serde_json::Value = serde_json::from_str(&note_json(ID)).unwrap();
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    let mut sorted = value.clone();
    sorted.sort_all_objects();
    for again in [pretty, sorted.to_string()] {
        let (s2, b2) = post(&app, again, "application/json", Some(ID)).await;
        assert_eq!((s2, &b2), (s1, &b1));
    }
    assert_eq!(count(&app).await, 1);
}

/// Each rule the contract states is enforced at the receiver.
#[tokio::test]
async fn contract_rules_are_refused_with_their_field() {
    let app = app(false);
    let mut deviates = note_payload(ID);
    deviates.interventions.push(casenote_format::Intervention {
        description: "Visit at home".into(),
        rationale: String::new(),
        client_response: String::new(),
        deviates: true,
    });
    let mut duration = note_payload(ID);
    duration.service.start = Some("09:00".into());
    duration.service.end = Some("09:30".into());
    duration.service.duration_minutes = Some(45);
    let mut created = note_payload(ID);
    created.created_at = "26/11/2026".into();
    for (p, field) in [
        (deviates, "interventions[0].rationale"),
        (duration, "service.durationMinutes"),
        (created, "createdAt"),
    ] {
        let body = serde_json::to_string(&p.with_hash()).unwrap();
        let (status, body) = post(&app, body, "application/json", Some(ID)).await;
        assert_eq!(status, 400, "{body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["errors"][0]["field"], field, "{body}");
    }
    assert_eq!(count(&app).await, 0);
}

/// A DocumentReference whose outer fields contradict its casenote JSON is
/// refused (it was stored, the JSON alone kept).
#[tokio::test]
async fn a_fhir_wrapper_that_contradicts_its_note_is_refused() {
    let app = app(false);
    let p = note_payload(ID);
    let doc = || casenote_text::fhir::document_reference(&p, Some("Patient/1"), None);
    type Edit = fn(&mut serde_json::Value);
    let edits: [(&str, Edit); 4] = [
        ("DocumentReference.id", |d| {
            d["id"] = "11111111-1111-4111-8111-111111111111".into()
        }),
        ("DocumentReference.type", |d| {
            d["type"]["coding"][0]["code"] = "28656-7".into()
        }),
        ("DocumentReference.subject", |d| {
            d["subject"]["display"] = "Someone else".into()
        }),
        ("DocumentReference.content", |d| {
            d["content"][0]["attachment"]["data"] = "b3RoZXI=".into()
        }),
    ];
    for (field, edit) in edits {
        let mut d = doc();
        edit(&mut d);
        let (status, body) = post(&app, d.to_string(), FHIR_JSON, Some(ID)).await;
        assert_eq!(status, 400, "{field}: {body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["errors"][0]["field"], field, "{body}");
    }
    assert_eq!(count(&app).await, 0);
    let (status, body) = post(&app, doc().to_string(), FHIR_JSON, Some(ID)).await;
    assert_eq!(status, 201, "{body}");
}

/// The receiver works lateness out itself: a 2020 service sent as a
/// quarter hour after, on time, was stored as sent.
#[tokio::test]
async fn timeliness_is_recomputed_not_believed() {
    let app = app(false);
    let mut p = note_payload(ID);
    p.service.date = "2020-03-02".into();
    p.timeliness.as_mut().unwrap().hours_after_service = Some(0.25);
    let body = serde_json::to_string(&p.clone().with_hash()).unwrap();
    let (status, body) = post(&app, body, "application/json", Some(ID)).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("timeliness.lateEntry"), "{body}");
    // Documented in the future, and a service not ended when documented.
    let mut future = note_payload(ID);
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
    future.documented_at = tomorrow.clone();
    future.timeliness.as_mut().unwrap().documented_at = tomorrow;
    let mut running = note_payload(ID);
    running.service.start = Some("09:00".into());
    running.service.end = Some("11:00".into());
    running.service.duration_minutes = Some(120);
    running.timeliness.as_mut().unwrap().utc_offset_minutes = Some(0);
    for (p, field) in [(future, "documentedAt"), (running, "service")] {
        let body = serde_json::to_string(&p.with_hash()).unwrap();
        let (status, body) = post(&app, body, "application/json", Some(ID)).await;
        assert_eq!(status, 400, "{body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["errors"][0]["field"], field, "{body}");
    }
    assert_eq!(count(&app).await, 0);
}

/// Who took part, how, where and what next arrive and are stored; a note
/// that claims the old canonical form for them, or breaks their rules, is
/// refused with the field.
#[tokio::test]
async fn participants_contact_and_follow_ups_are_checked_and_stored() {
    use casenote_format::contact::{ContactMode, Participant, ParticipantRole};
    use casenote_format::follow_up::{FollowUp, Owner};
    let mut p = note_payload(ID);
    p.participants = vec![Participant {
        name: "Rosa Diaz".into(),
        role: ParticipantRole::Interpreter,
        relationship: String::new(),
    }];
    p.contact_mode = Some(ContactMode::Video);
    p.location = Some("Telehealth room 2".into());
    p.follow_ups = vec![FollowUp {
        what: "Send the form".into(),
        who: Owner::Client,
        who_name: String::new(),
        due: "2026-12-09".into(),
    }];
    let good = serde_json::to_string(&p.clone().with_hash()).unwrap();
    let app = app(false);

    let mut v1 = p.clone();
    v1.canonical_version = 1;
    let v1 = serde_json::to_string(&v1.with_hash()).unwrap();
    let (status, body) = post(&app, v1, "application/json", Some(ID)).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("\"field\":\"canonicalVersion\""), "{body}");

    let no_date = good.replace("\"due\":\"2026-12-09\"", "\"due\":\"soon\"");
    let (status, body) = post(&app, no_date, "application/json", Some(ID)).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("followUps[0].due"), "{body}");

    let (status, body) = post(&app, good, "application/json", Some(ID)).await;
    assert_eq!(status, 201, "{body}");
    let res = app
        .clone()
        .oneshot(HttpRequest::get("/api/notes").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let stored = to_bytes(res.into_body(), usize::MAX).await.unwrap();
    let stored = String::from_utf8(stored.to_vec()).unwrap();
    for part in [
        "\"contactMode\":\"video\"",
        "\"role\":\"interpreter\"",
        "\"followUps\":[",
        "\"canonicalVersion\":3",
        "\"language\":\"en\"",
    ] {
        assert!(stored.contains(part), "{part} in {stored}");
    }
}
