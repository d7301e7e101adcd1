// Rich values of every stored and sent shape, for format tests.
use crate::domain::draft::{Draft, Sealed, StoredDraft};
use crate::domain::outbox::{OutboxContent, OutboxEntry};
use crate::domain::payload::{BuildContext, PayloadV1};
use crate::domain::record::{AddendumKind, AddendumLink, Signature};
use crate::domain::{GoalProgress, Intervention, Note, Progress, Quote, Speaker, Template};

pub fn rich_note() -> Note {
    let mut n = Note::new(
        "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
        "soap",
        "2026-11-26T09:00:00Z".into(),
    );
    n.client.id = "C-1".into();
    n.client.name = "Jo Ünïcode 👋".into();
    n.author.id = "W-7".into();
    n.author.name = "Sam \"Sammy\" O'Neil".into();
    n.service.date = "2026-11-26".into();
    n.service.start = "09:00".into();
    n.service.end = "09:30".into();
    n.section_mut("subjective").text =
        "line one\nline two\ttab \\ back \u{1} ctrl \u{7f} del / slash".into();
    n.section_mut("plan").quotes.push(Quote {
        text: "I'll be there".into(),
        speaker: Speaker::Client,
        context: Some("asked about \"Tuesday\"".into()),
        in_text: false,
    });
    n.section_mut("plan").quotes.push(Quote {
        text: "She will".into(),
        speaker: Speaker::FamilyMember,
        context: None,
        in_text: false,
    });
    n.section_mut("data").text = "from DAP".into();
    n.goals.push(GoalProgress {
        id: "g1".into(),
        text: "Housing".into(),
        progress: Progress::NotAssessed,
    });
    n.challenges = "Transport".into();
    n.interventions.push(Intervention {
        description: "Referral".into(),
        rationale: String::new(),
        client_response: "Agreed".into(),
        deviates: true,
    });
    n.late_entry_reason = "Outage".into();
    n.signature = Some(Signature {
        signer_id: "W-7".into(),
        signer_name: "Sam".into(),
        signed_at: "2026-11-26T10:00:00Z".into(),
        attestation: "I attest.".into(),
        content_hash: "ab".repeat(32),
        signature_hash: None,
    });
    n.addendum = Some(AddendumLink {
        to: "1f8fad5b-d9cb-469f-a165-70867728950e".into(),
        to_hash: None,
        kind: AddendumKind::LateEntry,
        reason: "Forgot".into(),
    });
    n
}

pub fn rich_payload() -> PayloadV1 {
    let mut ctx = BuildContext::at("2026-11-27T10:00:00Z");
    ctx.hours_after_service = Some(26.5);
    PayloadV1::build(&rich_note(), &Template::soap(), &ctx)
}

/// The rich note's payload as releases before canonical version 2 built
/// it: the pinned fixtures are of this form.
pub fn rich_payload_v1() -> PayloadV1 {
    let mut p = rich_payload();
    p.canonical_version = 1;
    p.language = None;
    p.with_hash()
}

/// The rich note with who took part, how, where, its follow-ups and marks
/// on the previous note's.
pub fn contact_note() -> Note {
    use crate::domain::contact::{ContactMode, Participant, ParticipantRole};
    use crate::domain::follow_up::{FollowUp, FollowUpMark, Owner, Status};
    let mut n = rich_note();
    n.participants = vec![
        Participant {
            name: "Jo Ünïcode".into(),
            role: ParticipantRole::Client,
            relationship: String::new(),
        },
        Participant {
            name: "Rosa \"Ro\" Diaz".into(),
            role: ParticipantRole::Interpreter,
            relationship: String::new(),
        },
    ];
    n.contact_mode = Some(ContactMode::HomeVisit);
    n.location = "Client's home".into();
    n.follow_ups = vec![
        FollowUp {
            what: "Call the landlord".into(),
            who: Owner::Worker,
            who_name: String::new(),
            due: "2026-12-03".into(),
        },
        FollowUp {
            what: "Bring the lease".into(),
            who: Owner::Other,
            who_name: "Ms Reyes".into(),
            due: "2026-12-09".into(),
        },
    ];
    n.previous_follow_ups = vec![FollowUpMark {
        note: "2f8fad5b-d9cb-469f-a165-70867728950e".into(),
        index: 1,
        what: "Apply for the bus pass".into(),
        status: Status::NotDone,
        reason: "Office closed".into(),
    }];
    n
}

pub fn contact_payload() -> PayloadV1 {
    let mut ctx = BuildContext::at("2026-11-27T10:00:00Z");
    ctx.hours_after_service = Some(26.5);
    PayloadV1::build(&contact_note(), &Template::soap(), &ctx)
}

/// The contact note's payload as the release before canonical version 3
/// built it: no language.
pub fn contact_payload_v2() -> PayloadV1 {
    let mut p = contact_payload();
    p.canonical_version = 2;
    p.language = None;
    p.with_hash()
}

/// The contact note written in Spanish: the labels of its sections are
/// Spanish, its keys, enum values and codes are not.
pub fn spanish_payload() -> PayloadV1 {
    let mut note = contact_note();
    note.language = crate::i18n::Lang::Es;
    let mut template = Template::soap();
    for (s, label) in
        template
            .sections
            .iter_mut()
            .zip(["Subjetivo", "Objetivo", "Evaluación", "Plan"])
    {
        s.label = label.into();
    }
    let mut ctx = BuildContext::at("2026-11-27T10:00:00Z");
    ctx.hours_after_service = Some(26.5);
    PayloadV1::build(&note, &template, &ctx)
}

pub fn stored_clear() -> StoredDraft {
    StoredDraft::clear(&Draft::new("user-1", 3, 1764147600000.0, rich_note()))
}

pub fn stored_sealed() -> StoredDraft {
    let d = Draft::new("user-1", 4, 1764147600123.0, rich_note());
    StoredDraft::sealed(
        &d,
        Sealed {
            iv: "aXY=".into(),
            data: "ZGF0YQ==".into(),
        },
    )
}

pub fn outbox_entry() -> OutboxEntry {
    let mut e = OutboxEntry::new(
        "user-1",
        "https://example.org/notes",
        1764147600000.0,
        OutboxContent {
            note: rich_note(),
            body: "{\"a\":1}".into(),
            content_type: "application/fhir+json".into(),
        },
    );
    e.attempts = 2;
    e.next_attempt_at = 1764147660000.5;
    e.last_status = Some(503);
    e.last_message = Some("The server could not take the note".into());
    e
}

// Texts serde_json wrote for these values, which the hand-written JSON of
// the releases in between wrote byte for byte too: stored drafts and outbox
// entries from earlier versions must still read, and the same values must
// still write the same text and hash.
const SERDE_NOTE: &str = include_str!("testdata/serde-note.json");
const SERDE_PAYLOAD: &str = include_str!("testdata/serde-payload.json");
const SERDE_CLEAR: &str = include_str!("testdata/serde-clear.json");
const SERDE_SEALED: &str = include_str!("testdata/serde-sealed.json");
const SERDE_OUTBOX: &str = include_str!("testdata/serde-outbox.json");
const SERDE_CANONICAL: &str = include_str!("testdata/serde-canonical.json");
const CANONICAL_V2: &str = include_str!("testdata/canonical-v2.json");
const CANONICAL_V3: &str = include_str!("testdata/canonical-v3.json");

fn write<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

fn read<T: serde::de::DeserializeOwned>(text: &str) -> T {
    serde_json::from_str(text).unwrap()
}

#[test]
fn writes_what_serde_json_wrote() {
    assert_eq!(write(&rich_note()), SERDE_NOTE);
    assert_eq!(write(&rich_payload_v1()), SERDE_PAYLOAD);
    assert_eq!(write(&stored_clear()), SERDE_CLEAR);
    assert_eq!(write(&stored_sealed()), SERDE_SEALED);
    assert_eq!(write(&outbox_entry()), SERDE_OUTBOX);
}

#[test]
fn reads_what_serde_json_wrote() {
    assert_eq!(read::<Note>(SERDE_NOTE), rich_note());
    assert_eq!(read::<PayloadV1>(SERDE_PAYLOAD), rich_payload_v1());
    assert_eq!(read::<StoredDraft>(SERDE_CLEAR), stored_clear());
    assert_eq!(read::<StoredDraft>(SERDE_SEALED), stored_sealed());
    assert_eq!(read::<OutboxEntry>(SERDE_OUTBOX), outbox_entry());
}

#[test]
fn the_canonical_form_and_hash_are_unchanged() {
    use crate::domain::record::sha256_hex;
    let p = rich_payload_v1();
    assert_eq!(p.canonical_content(), SERDE_CANONICAL);
    assert_eq!(
        p.computed_hash(),
        "3d80ad78c2a18899cad798ddbeab45ca142d3f74ba91cc9f12b4643d6b020fe9"
    );
    assert_eq!(p.computed_hash(), sha256_hex(SERDE_CANONICAL.as_bytes()));
    // Every stored payload's own hash still matches what it says.
    let stored: PayloadV1 = read(SERDE_PAYLOAD);
    assert_eq!(stored.computed_hash(), stored.content_hash);
}

/// Version 2: the new members, each key present, and the version itself.
#[test]
fn the_version_2_canonical_form_and_hash_are_fixed() {
    use crate::domain::record::sha256_hex;
    let p = contact_payload_v2();
    assert_eq!(p.canonical_version, 2);
    assert_eq!(p.canonical_content(), CANONICAL_V2.trim_end());
    assert_eq!(
        p.computed_hash(),
        sha256_hex(CANONICAL_V2.trim_end().as_bytes())
    );
    assert_eq!(p.computed_hash(), V2_HASH);
    // The same note with nothing new still hashes in the current form.
    let plain = rich_payload();
    assert!(plain
        .canonical_content()
        .contains(r#""canonicalVersion":3,"#));
    assert!(plain.canonical_content().contains(r#""participants":[]"#));
    assert!(plain.canonical_content().contains(r#""language":"en""#));
    assert_ne!(plain.computed_hash(), rich_payload_v1().computed_hash());
}

/// Version 3: the language, and labels in it.
#[test]
fn the_version_3_canonical_form_and_hash_are_fixed() {
    use crate::domain::record::sha256_hex;
    let p = spanish_payload();
    assert_eq!(p.canonical_version, 3);
    assert_eq!(p.language.as_deref(), Some("es"));
    assert_eq!(p.canonical_content(), CANONICAL_V3.trim_end());
    assert_eq!(
        p.computed_hash(),
        sha256_hex(CANONICAL_V3.trim_end().as_bytes())
    );
    assert_eq!(p.computed_hash(), V3_HASH);
    // Keys, enum values and codes are the English note's.
    let english = contact_payload();
    assert_eq!(
        p.sections
            .iter()
            .map(|s| (&s.key, &s.loinc))
            .collect::<Vec<_>>(),
        english
            .sections
            .iter()
            .map(|s| (&s.key, &s.loinc))
            .collect::<Vec<_>>()
    );
    assert_eq!(p.sections[0].label, "Subjetivo");
    assert_eq!(
        (p.contact_mode, &p.participants),
        (english.contact_mode, &english.participants)
    );
    assert_eq!(p.document_type, english.document_type);
    // The language is covered: changing it, or dropping it by claiming
    // version 2, is caught.
    let mut unsigned = p.clone();
    unsigned.signature = None;
    let text = write(&unsigned);
    assert_eq!(PayloadV1::parse(&text).map(|_| ()), Ok(()));
    let errors =
        PayloadV1::parse(&text.replace("\"language\":\"es\"", "\"language\":\"en\"")).unwrap_err();
    assert!(
        errors.iter().any(|e| e.field.json_path() == "contentHash"),
        "{errors:?}"
    );
    let lowered = text.replace("\"canonicalVersion\":3,", "\"canonicalVersion\":2,");
    let errors = PayloadV1::parse(&lowered).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.field.json_path() == "canonicalVersion" && e.wire().contains("language")),
        "{errors:?}"
    );
    let bad = text.replace("\"language\":\"es\"", "\"language\":\"not a tag\"");
    let errors = PayloadV1::parse(&bad).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.field.json_path() == "language" && e.wire().contains("BCP 47")),
        "{errors:?}"
    );
}

const V3_HASH: &str = "2b21c801a9194899e54cf11dbbae6b3e458601298fc8a07e291f84fb435a0f43";

const V2_HASH: &str = "f6d0fa29c806af448059a4b2cf3599cf5cff93b69e13bc0d95176d2e3c215438";

#[test]
fn every_new_member_is_covered_and_the_version_cannot_be_lowered() {
    let mut p = contact_payload_v2();
    p.signature = None;
    let text = write(&p);
    assert_eq!(PayloadV1::parse(&text).map(|_| ()), Ok(()));
    for (from, to) in [
        ("\"role\":\"interpreter\"", "\"role\":\"familyMember\""),
        ("\"contactMode\":\"homeVisit\"", "\"contactMode\":\"phone\""),
        ("Client's home", "Office"),
        ("2026-12-09", "2026-12-10"),
        ("\"status\":\"notDone\"", "\"status\":\"done\""),
    ] {
        assert!(text.contains(from), "{from}");
        let errors = PayloadV1::parse(&text.replace(from, to)).unwrap_err();
        assert!(
            errors.iter().any(|e| e.field.json_path() == "contentHash"),
            "{from}: {errors:?}"
        );
    }
    // Claiming version 1 (so that the hash would not cover the new
    // members) is refused outright.
    let lowered = text.replace("\"canonicalVersion\":2,", "");
    let errors = PayloadV1::parse(&lowered).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.field.json_path() == "canonicalVersion"),
        "{errors:?}"
    );
    let future = text.replace("\"canonicalVersion\":2,", "\"canonicalVersion\":5,");
    let errors = PayloadV1::parse(&future).unwrap_err();
    assert!(errors
        .iter()
        .any(|e| e.field.json_path() == "canonicalVersion" && e.wire().contains("1, 2, 3 or 4")));
}

#[test]
fn a_signed_note_from_before_still_verifies() {
    // The stored payload, signed over its own hash as the editor signs.
    let signed = SERDE_PAYLOAD.replace(
        &"ab".repeat(32),
        "3d80ad78c2a18899cad798ddbeab45ca142d3f74ba91cc9f12b4643d6b020fe9",
    );
    let p = PayloadV1::parse(&signed).expect("verifies");
    assert_eq!(p.signature.unwrap().signer_name, "Sam");
    // A changed word is caught by both hashes.
    let tampered = signed.replace("I'll be there", "I will be there");
    let fields: Vec<_> = PayloadV1::parse(&tampered)
        .unwrap_err()
        .into_iter()
        .map(|e| e.field.json_path())
        .collect();
    assert_eq!(fields, ["contentHash", "signature.contentHash"]);
}

#[test]
fn numbers_round_trip_exactly() {
    let mut p = rich_payload();
    let t = p.timeliness.as_mut().unwrap();
    t.late_entry_threshold_hours = 0.1234567;
    t.hours_after_service = Some(26.0);
    let text = write(&p);
    assert!(
        text.contains(r#""lateEntryThresholdHours":0.1234567,"#),
        "{text}"
    );
    assert_eq!(read::<PayloadV1>(&text), p);
    let mut e = outbox_entry();
    e.next_attempt_at = 1764147660000.123;
    assert_eq!(read::<OutboxEntry>(&write(&e)), e);
}

#[test]
fn older_records_with_members_left_out_still_read() {
    // An outbox entry from before contentType, paused and the last
    // failure were kept; a quote before speakers were recorded.
    let e: OutboxEntry = read(
        r#"{"id":"a","scope":"s","endpoint":"/n","queuedAt":1,"attempts":0,"nextAttemptAt":1,"content":{"note":{"id":"a","format":"soap"},"body":"{}"}}"#,
    );
    assert_eq!(e.content.unwrap().content_type, "application/json");
    assert!(!e.paused && e.last_status.is_none());
    let q: Quote = read(r#"{"text":"hi","context":null}"#);
    assert_eq!((q.speaker, q.context), (Speaker::Client, None));
}

/// A plain SOAP note for Jo (C-1), every section written, as a payload:
/// the FHIR tests' starting point.
pub fn soap_payload() -> PayloadV1 {
    let mut n = Note::new(
        "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
        "soap",
        "2026-11-26T09:00:00Z".into(),
    );
    n.client.name = "Jo".into();
    n.client.id = "C-1".into();
    n.service.date = "2026-11-26".into();
    for k in ["subjective", "objective", "assessment", "plan"] {
        n.section_mut(k).text = format!("{k} text");
    }
    PayloadV1::build(
        &n,
        &Template::soap(),
        &BuildContext::at("2026-11-26T10:00:00Z"),
    )
}

/// A SOAP note that passes every check: a client, a date, each section.
pub fn complete_soap() -> Note {
    let mut n = Note::new("id".into(), "soap", String::new());
    n.client.name = "Jo Client".into();
    n.service.date = "2026-11-20".into();
    for k in ["subjective", "objective", "assessment", "plan"] {
        n.section_mut(k).text = format!("{k} text");
    }
    n
}
