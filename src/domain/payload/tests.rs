//! Building, reading and checking payloads.

use super::*;
use crate::note::Speaker;

fn to_text(p: &PayloadV1) -> String {
    serde_json::to_string(p).unwrap()
}

fn note() -> Note {
    let mut n = Note::new(
        "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
        "soap",
        "2026-11-26T09:00:00Z".into(),
    );
    n.client.name = " Jo Client ".into();
    n.service.date = "2026-11-26".into();
    n.service.start = "09:00".into();
    n.service.end = "09:50".into();
    for k in ["subjective", "objective", "assessment", "plan"] {
        n.section_mut(k).text = format!("{k} text\n");
    }
    n.section_mut("subjective").quotes.push(Quote {
        text: "I want my kids back".into(),
        speaker: Speaker::Client,
        context: Some("on reunification".into()),
        in_text: false,
    });
    n.section_mut("data").text = "stray, not sent".into();
    n
}

fn note_payload() -> PayloadV1 {
    PayloadV1::build(
        &note(),
        &Template::soap(),
        &BuildContext::at("2026-11-26T10:00:00Z"),
    )
}

#[test]
fn builds_sections_in_template_order_with_loinc_and_quotes() {
    let p = PayloadV1::build(
        &note(),
        &Template::soap(),
        &BuildContext::at("2026-11-26T10:00:00Z"),
    );
    assert_eq!(p.schema, "casenote/v1");
    assert_eq!(p.client.name, "Jo Client");
    assert_eq!(p.service.duration_minutes, Some(50));
    let keys: Vec<_> = p.sections.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["subjective", "objective", "assessment", "plan"]);
    assert_eq!(p.sections[0].loinc.as_deref(), Some("61150-9"));
    assert_eq!(p.sections[0].text, "subjective text");
    assert_eq!(p.sections[0].quotes[0].text, "I want my kids back");
    assert!(p.author.is_none());
    assert!(p.check().is_empty());
}

#[test]
fn json_round_trips_through_parse() {
    let p = PayloadV1::build(
        &note(),
        &Template::soap(),
        &BuildContext::at("2026-11-26T10:00:00Z"),
    );
    let json = to_text(&p);
    assert!(json.contains(r#""documentType":{"system":"http://loinc.org","code":"11506-3""#));
    assert!(json.contains(r#""durationMinutes":50"#));
    assert_eq!(PayloadV1::parse(&json).unwrap(), p);
}

#[test]
fn goals_interventions_timeliness_and_document_type() {
    use crate::note::Progress;
    let mut n = note();
    n.goals.push(GoalProgress {
        id: "G-1".into(),
        text: "Stable housing".into(),
        progress: Progress::Improved,
    });
    n.challenges = " Transport costs ".into();
    n.interventions.push(Intervention {
        description: " Budget coaching ".into(),
        rationale: "Client asked".into(),
        client_response: "Engaged".into(),
        deviates: false,
    });
    n.late_entry_reason = "Crisis call".into();
    let ctx = BuildContext {
        documented_at: "2026-11-28T10:00:00Z".into(),
        document_type: DocumentType::SocialWorkProgressNote,
        hours_after_service: Some(48.333_333),
        late_entry_threshold_hours: 24.0,
        utc_offset_minutes: None,
    };
    let p = PayloadV1::build(&n, &Template::soap(), &ctx);
    assert_eq!(p.document_type.code, "28656-7");
    assert_eq!(p.goals[0].progress, Progress::Improved);
    assert_eq!(p.challenges.as_deref(), Some("Transport costs"));
    assert_eq!(p.interventions[0].description, "Budget coaching");
    let t = p.timeliness.clone().unwrap();
    assert!(t.late_entry);
    assert_eq!(t.hours_after_service, Some(48.33));
    assert_eq!(t.late_entry_reason.as_deref(), Some("Crisis call"));
    let json = to_text(&p);
    assert!(json.contains(r#""progress":"improved""#));
    assert!(json.contains(r#""lateEntry":true"#));
    assert_eq!(PayloadV1::parse(&json).unwrap(), p);

    assert!(p
        .check()
        .iter()
        .all(|e| !e.field.json_path().starts_with("timeliness")));

    // A late entry cannot be sent as on time, nor without its reason.
    let mut relabelled = p.clone();
    relabelled.timeliness.as_mut().unwrap().late_entry = false;
    let fields = |p: &PayloadV1| {
        p.check()
            .into_iter()
            .map(|e| e.field.json_path())
            .collect::<Vec<_>>()
    };
    assert!(fields(&relabelled).contains(&"timeliness.lateEntry".to_string()));
    let mut no_reason = p.clone();
    no_reason.timeliness.as_mut().unwrap().late_entry_reason = None;
    assert!(fields(&no_reason).contains(&"timeliness.lateEntryReason".to_string()));
    let mut moved = p.clone();
    moved.timeliness.as_mut().unwrap().documented_at = "2026-11-27T10:00:00Z".into();
    assert!(fields(&moved).contains(&"timeliness.documentedAt".to_string()));
    // Rounding to two decimals at the threshold is not a contradiction.
    let mut edge = p.clone();
    let t = edge.timeliness.as_mut().unwrap();
    t.hours_after_service = Some(24.0);
    assert!(fields(&edge).iter().all(|f| !f.starts_with("timeliness")));

    let on_time = PayloadV1::build(&n, &Template::soap(), &BuildContext::at("t"));
    assert!(!on_time.timeliness.unwrap().late_entry);
    assert_eq!(on_time.document_type.code, "11506-3");
}

#[test]
fn parse_reports_shape_and_rule_errors_with_paths() {
    let errs = PayloadV1::parse("{not json").unwrap_err();
    assert_eq!(errs[0].field.json_path(), "body");
    let errs = PayloadV1::parse(r#"{"schema":"casenote/v1"}"#).unwrap_err();
    assert_eq!(errs[0].field.json_path(), "payload");
    assert!(
        errs[0].wire().contains("missing field `id`"),
        "{}",
        errs[0].wire()
    );
    // A repeated member is refused: a reader taking the last copy would
    // otherwise see text the content hash does not cover.
    let good = to_text(&PayloadV1::build(
        &note(),
        &Template::soap(),
        &BuildContext::at("t"),
    ));
    assert!(PayloadV1::parse(&good).is_ok());
    let forged = format!("{},\"sections\":[]}}", &good[..good.len() - 1]);
    let errs = PayloadV1::parse(&forged).unwrap_err();
    assert_eq!(errs[0].field.json_path(), "payload");
    assert!(
        errs[0].wire().contains("duplicate field `sections`"),
        "{}",
        errs[0].wire()
    );
    let errs = PayloadV1::parse("[]").unwrap_err();
    assert_eq!(errs[0].field.json_path(), "payload");
    let mut text = to_text(&PayloadV1::build(
        &note(),
        &Template::soap(),
        &BuildContext::at("t"),
    ));
    text = text.replacen(r#""label":"Subjective","#, "", 1);
    let errs = PayloadV1::parse(&text).unwrap_err();
    assert_eq!(errs[0].field.json_path(), "sections[0]");
    assert!(
        errs[0].wire().contains("missing field `label`"),
        "{}",
        errs[0].wire()
    );
    let errs = PayloadV1::from_value(serde_json::from_str(&text).unwrap()).unwrap_err();
    assert_eq!(errs[0].field.json_path(), "sections[0]");
    let errs = PayloadV1::parse(&format!("{good} x")).unwrap_err();
    assert_eq!(errs[0].field.json_path(), "body");

    let mut p = PayloadV1::build(&note(), &Template::soap(), &BuildContext::at("t"));
    p.id = "nope".into();
    p.service.date = "yesterday".into();
    p.sections[1].quotes.push(Quote::default());
    let p = p.with_hash();
    let json = to_text(&p);
    let fields: Vec<_> = PayloadV1::parse(&json)
        .unwrap_err()
        .into_iter()
        .map(|e| e.field.json_path())
        .collect();
    assert_eq!(fields, ["id", "service.date", "sections[1].quotes[0].text"]);
}

#[test]
fn every_note_carries_its_content_hash_and_a_change_is_caught() {
    let p = PayloadV1::build(&note(), &Template::soap(), &BuildContext::at("t"));
    assert_eq!(p.content_hash, p.computed_hash());
    assert_eq!(p.content_hash.len(), 64);
    let mut changed = p.clone();
    changed.sections[0].text.push_str(" (edited)");
    let json = to_text(&changed);
    let errs = PayloadV1::parse(&json).unwrap_err();
    assert_eq!(errs[0].field.json_path(), "contentHash");
    assert!(errs[0].wire().contains("changed"));
}

/// What the contract promises and a schema cannot say: a deviation has its
/// rationale, the duration is the one its times give, createdAt is a time.
#[test]
fn contract_rules_beyond_the_schema_are_checked() {
    let p = PayloadV1::build(
        &note(),
        &Template::soap(),
        &BuildContext::at("2026-11-26T10:00:00Z"),
    );
    assert_eq!(p.contract_problems(), vec![]);
    let problems = |p: PayloadV1| -> Vec<String> {
        p.with_hash()
            .contract_problems()
            .into_iter()
            .map(|e| format!("{}: {}", e.field.json_path(), e.wire()))
            .collect()
    };
    let mut deviates = p.clone();
    deviates.interventions.push(Intervention {
        description: "Home visit".into(),
        rationale: " ".into(),
        client_response: String::new(),
        deviates: true,
    });
    assert_eq!(
        problems(deviates),
        ["interventions[0].rationale: must say why the intervention departs from standard procedure (deviates is true)"]
    );
    let mut long = p.clone();
    long.service.duration_minutes = Some(90);
    assert_eq!(
        problems(long),
        ["service.durationMinutes: must be the minutes from start to end (50), not 90"]
    );
    let mut created = p.clone();
    created.created_at = "last Tuesday".into();
    assert_eq!(
        problems(created),
        ["createdAt: must be a date and time (RFC 3339)"]
    );
}

fn at(s: &str) -> chrono::DateTime<chrono::Utc> {
    crate::time::parse_rfc3339(s).unwrap()
}

/// A payload of a 09:00–09:50 service on 2026-11-26, documented at
/// `documented_at` by a worker at `offset` minutes east of UTC.
fn timed(documented_at: &str, offset: Option<i32>, hours: Option<f64>) -> PayloadV1 {
    let ctx = BuildContext {
        documented_at: documented_at.into(),
        document_type: crate::DocumentType::ProgressNote,
        hours_after_service: hours,
        late_entry_threshold_hours: 24.0,
        utc_offset_minutes: offset,
    };
    let mut n = note();
    n.late_entry_reason = "Crisis".into();
    PayloadV1::build(&n, &Template::soap(), &ctx)
}

fn timeliness_fields(p: &PayloadV1, now: &str) -> Vec<String> {
    timeliness_fields_under(p, now, 1000.0)
}

fn timeliness_fields_under(p: &PayloadV1, now: &str, policy_hours: f64) -> Vec<String> {
    p.timeliness_problems(at(now), policy_hours)
        .into_iter()
        .map(|e| e.field.json_path())
        .collect()
}

#[test]
fn timeliness_is_worked_out_again_from_the_service_and_the_offset() {
    let now = "2026-12-01T00:00:00Z";
    // 10:50 UTC is 1 h after a 09:50 end in UTC+0, 2 h in UTC+1.
    let p = timed("2026-11-26T10:50:00Z", Some(0), Some(1.0));
    assert_eq!(p.timeliness.as_ref().unwrap().utc_offset_minutes, Some(0));
    assert_eq!(timeliness_fields(&p, now), Vec::<String>::new());
    let p = timed("2026-11-26T10:50:00Z", Some(60), Some(2.0));
    assert_eq!(timeliness_fields(&p, now), Vec::<String>::new());
    let p = timed("2026-11-26T10:50:00Z", Some(60), Some(1.0));
    assert_eq!(timeliness_fields(&p, now), ["timeliness.hoursAfterService"]);
    // A late note that says it is on time, with hours that agree with the
    // label but not with the dates.
    let mut p = timed("2026-11-28T10:50:00Z", Some(0), Some(0.25));
    p.timeliness.as_mut().unwrap().late_entry = false;
    assert_eq!(
        timeliness_fields(&p, now),
        ["timeliness.hoursAfterService", "timeliness.lateEntry"]
    );
}

/// A 2020 service sent with 0.25 h was stored as on time.
#[test]
fn a_2020_service_sent_as_a_quarter_hour_after_is_refused() {
    let mut p = timed("2026-11-26T10:50:00Z", None, Some(0.25));
    p.service.date = "2020-03-02".into();
    let p = p.with_hash();
    assert!(!p.timeliness.as_ref().unwrap().late_entry);
    assert_eq!(
        timeliness_fields(&p, "2026-12-01T00:00:00Z"),
        ["timeliness.hoursAfterService", "timeliness.lateEntry"]
    );
    // Without timeliness at all, it is not taken on trust either.
    let mut bare = p.clone();
    bare.timeliness = None;
    assert_eq!(
        timeliness_fields(&bare, "2026-12-01T00:00:00Z"),
        ["timeliness"]
    );
}

#[test]
fn a_service_not_ended_and_a_time_in_the_future_are_refused() {
    // Documented at 09:30 UTC, the 09:00–09:50 service still running.
    let p = timed("2026-11-26T09:30:00Z", Some(0), Some(0.0));
    assert_eq!(timeliness_fields(&p, "2026-12-01T00:00:00Z"), ["service"]);
    // Documented tomorrow, as seen from the receiver's clock today.
    let p = timed("2026-11-27T10:00:00Z", Some(0), Some(24.17));
    assert_eq!(
        timeliness_fields(&p, "2026-11-26T12:00:00Z"),
        ["documentedAt"]
    );
    // Five minutes of clock skew are allowed.
    assert_eq!(
        timeliness_fields(&p, "2026-11-27T09:56:00Z"),
        Vec::<String>::new()
    );
}

/// Hours are never sent negative: a note of a service with only a date,
/// written on that day, is 0 h after it.
#[test]
fn hours_are_never_negative() {
    let p = timed("2026-11-26T10:50:00Z", Some(0), Some(-13.2));
    assert_eq!(p.timeliness.unwrap().hours_after_service, Some(0.0));
}

/// A signer's name changed after signing was caught by nothing.
#[test]
fn a_changed_signer_breaks_the_signature_hash() {
    let mut p = PayloadV1::build(&note(), &Template::soap(), &BuildContext::at("t"));
    p.signature = Some(
        crate::record::Signature {
            signer_id: "W-7".into(),
            signer_name: "Sam".into(),
            signed_at: "2026-11-26T10:00:00Z".into(),
            attestation: "I attest.".into(),
            content_hash: p.computed_hash(),
            signature_hash: None,
        }
        .sealed(),
    );
    assert_eq!(p.check(), vec![]);
    let json = to_text(&p);
    assert!(json.contains(r#""signatureHash":""#));
    let forged = json.replace(r#""signerName":"Sam""#, r#""signerName":"Someone Else""#);
    let fields: Vec<_> = PayloadV1::parse(&forged)
        .unwrap_err()
        .into_iter()
        .map(|e| e.field.json_path())
        .collect();
    assert_eq!(fields, ["signature.signatureHash"]);
}

mod intake;

#[test]
fn a_relationship_is_sent_at_version_4_and_a_lower_version_with_one_is_refused() {
    use crate::contact::{Participant, ParticipantRole};
    let mut p = crate::fixtures::soap_payload();
    assert_eq!(p.canonical_version, 3);
    let mut note = crate::fixtures::contact_note();
    note.participants.insert(
        0,
        Participant {
            name: "Rosa Ortiz".into(),
            role: ParticipantRole::FamilyMember,
            relationship: " mother ".into(),
        },
    );
    let built = PayloadV1::build(
        &note,
        &crate::Template::soap(),
        &crate::BuildContext::at("2026-11-26T10:00:00Z"),
    );
    assert_eq!(built.canonical_version, 4);
    assert_eq!(built.participants[0].relationship, "mother");
    // Claimed at version 3 (which an earlier receiver hashes without it).
    p.participants = built.participants.clone();
    p.canonical_version = 3;
    let text = serde_json::to_string(&p.with_hash()).unwrap();
    let errors = PayloadV1::parse(&text).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.field.json_path() == "canonicalVersion" && e.wire().contains("must be 4")),
        "{errors:?}"
    );
}

#[test]
fn dismissed_suggestions_stay_with_the_draft_and_are_never_sent() {
    use crate::dismissal::{Aid, DismissReason, Dismissal};
    let mut n = note();
    n.section_mut("assessment").text = "The landlord refused to fix the heat.".into();
    n.dismissed.push(Dismissal {
        section: "assessment".into(),
        aid: Aid::Flag,
        found: "refused".into(),
        sentence: "the landlord refused to fix the heat.".into(),
        reason: DismissReason::NotAboutClient,
    });
    let stored = serde_json::to_string(&n).unwrap();
    assert!(stored.contains("\"dismissed\"") && stored.contains("notAboutClient"));
    let back: Note = serde_json::from_str(&stored).unwrap();
    assert_eq!(back.dismissed, n.dismissed);
    let with = PayloadV1::build(
        &n,
        &Template::soap(),
        &BuildContext::at("2026-11-26T10:00:00Z"),
    );
    n.dismissed.clear();
    let without = PayloadV1::build(
        &n,
        &Template::soap(),
        &BuildContext::at("2026-11-26T10:00:00Z"),
    );
    assert_eq!(to_text(&with), to_text(&without));
    assert!(!to_text(&with).contains("notAboutClient"));
}
