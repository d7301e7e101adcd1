//! What a receiver checks of a note it is sent, as the audit found it
//! could be fooled: its own late-entry threshold, a threshold past a year,
//! a draft started after it was documented, language tags, and numbers
//! and hashes in the forms the schema allows.

use super::*;

/// The audit's note: documented 72 hours after its service, sent with a
/// threshold of 1,000 hours and `lateEntry: false`.
#[test]
fn the_receivers_own_threshold_decides_a_late_entry_not_the_senders() {
    let now = "2026-12-01T00:00:00Z";
    let mut p = timed("2026-11-29T09:50:00Z", Some(0), Some(72.0));
    let t = p.timeliness.as_mut().unwrap();
    t.late_entry_threshold_hours = 1000.0;
    t.late_entry = false;
    let p = p.with_hash();
    assert_eq!(
        timeliness_fields_under(&p, now, 1000.0),
        Vec::<String>::new()
    );
    let problems = p.timeliness_problems(at(now), 24.0);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field.json_path(), "timeliness.lateEntry");
    assert_eq!(
        problems[0].wire(),
        "must be true: this receiver counts a note documented more than 24 hours after its service as a late entry, and this one was documented 72.00 hours after it. Send it as a late entry with lateEntryReason"
    );
    // Marked late (with its reason), it is taken whatever the threshold.
    let mut late = p.clone();
    let t = late.timeliness.as_mut().unwrap();
    t.late_entry_threshold_hours = 24.0;
    t.late_entry = true;
    assert_eq!(
        timeliness_fields_under(&late.with_hash(), now, 24.0),
        Vec::<String>::new()
    );
    // A stricter sender: late under its 1 h, on time under the receiver's 24 h.
    let mut strict = timed("2026-11-26T12:50:00Z", Some(0), Some(3.0));
    let t = strict.timeliness.as_mut().unwrap();
    t.late_entry_threshold_hours = 1.0;
    t.late_entry = true;
    assert_eq!(
        timeliness_fields_under(&strict.with_hash(), now, 24.0),
        Vec::<String>::new()
    );
}

#[test]
fn a_threshold_past_a_year_is_refused() {
    let now = "2026-12-01T00:00:00Z";
    for threshold in [1e308, 8760.5, f64::INFINITY] {
        let mut p = timed("2026-11-26T10:50:00Z", Some(0), Some(1.0));
        p.timeliness.as_mut().unwrap().late_entry_threshold_hours = threshold;
        assert_eq!(
            timeliness_fields_under(&p, now, 24.0),
            ["timeliness.lateEntryThresholdHours"],
            "{threshold}"
        );
    }
}

#[test]
fn a_draft_started_after_the_note_was_documented_is_refused() {
    let mut p = note_payload();
    p.created_at = "2026-11-26T10:00:01Z".into();
    p.documented_at = "2026-11-26T10:00:00Z".into();
    let problems = p.contract_problems();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field.json_path(), "createdAt");
    assert_eq!(
        problems[0].wire(),
        "is after documentedAt: a draft is started before the note is documented"
    );
    p.created_at = "2026-11-26T10:00:00Z".into();
    assert_eq!(p.contract_problems(), vec![]);
}

#[test]
fn a_language_tag_is_short_and_names_each_variant_once() {
    let field_problems = |tag: &str| {
        let mut p = note_payload();
        p.language = Some(tag.into());
        p.with_hash()
            .check()
            .into_iter()
            .filter(|e| e.field.json_path() == "language")
            .map(|e| e.wire())
            .collect::<Vec<_>>()
    };
    assert_eq!(field_problems("es-419"), Vec::<String>::new());
    assert_eq!(field_problems("ca-ES-valencia"), Vec::<String>::new());
    assert_eq!(
        field_problems("de-DE-1901-1901"),
        ["must not give a variant twice (got \"de-DE-1901-1901\")"]
    );
    let long = format!("en{}", "-fonipa".repeat(1400));
    assert_eq!(
        field_problems(&long),
        [format!(
            "must be a BCP 47 language tag of at most 64 characters (got {})",
            long.len()
        )]
    );
}

/// `durationMinutes: 45.0`, `-0` and `canonicalVersion: 3.0` are whole
/// numbers, as the schema counts them; an upper-case `contentHash` is the
/// same hash.
#[test]
fn whole_numbers_with_a_fraction_of_zero_and_upper_case_hashes_are_read() {
    let p = note_payload();
    let mut v = serde_json::to_value(&p).unwrap();
    v["service"]["start"] = "09:00".into();
    v["service"]["end"] = "09:45".into();
    v["service"]["durationMinutes"] = serde_json::json!(45.0);
    v["canonicalVersion"] = serde_json::json!(3.0);
    let mut typed: PayloadV1 = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(typed.service.duration_minutes, Some(45));
    assert_eq!(typed.canonical_version, 3);
    typed = typed.with_hash();
    v["contentHash"] = typed.content_hash.to_uppercase().into();
    let read = PayloadV1::from_value(v.clone()).unwrap();
    assert_eq!(read.computed_hash(), typed.content_hash);
    let text = v
        .to_string()
        .replace("\"durationMinutes\":45.0", "\"durationMinutes\":-0");
    // -0 is read as 0, and then refused for what it says (not the times'
    // 45 minutes), not for its form.
    let read = PayloadV1::parse(&text).unwrap();
    assert_eq!(read.service.duration_minutes, Some(0));
    let problems = read.contract_problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field.json_path(), "service.durationMinutes");
}
