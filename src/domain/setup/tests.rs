//! Tests of `setup.rs`.

use super::*;
use crate::record::Signature;

fn ids(ts: &[Template]) -> Vec<&str> {
    ts.iter().map(|t| t.id.as_str()).collect()
}

/// A host's addendum to note `to`, with nothing else set.
fn addendum_to(to: &str) -> Option<AddendumTarget> {
    Some(AddendumTarget {
        to: to.into(),
        to_hash: None,
        service_date: None,
        author: None,
        kind: None,
    })
}

fn setup() -> NoteSetup {
    NoteSetup {
        format: "DAP ".into(),
        client: Client {
            id: "c-1".into(),
            name: "Ana".into(),
        },
        author: Person {
            id: "w-7".into(),
            name: "Sam".into(),
        },
        addendum: None,
        participants: Vec::new(),
        language: Lang::En,
        signature_statement: "I wrote this note and sign it now.".into(),
        review: Default::default(),
        returned: None,
    }
}

#[test]
fn offers_all_builtins_by_default_and_only_the_addendum_in_addendum_mode() {
    assert_eq!(
        ids(&offered_templates(None, &[], false)),
        ["soap", "dap", "birp", "girp", "pie"]
    );
    assert_eq!(ids(&offered_templates(None, &[], true)), ["addendum"]);
}

#[test]
fn formats_filter_without_case_and_the_host_template_comes_first() {
    let mut host = Template::dap();
    host.id = "intake".into();
    let formats = vec!["BIRP".to_string(), "nope".to_string()];
    assert_eq!(
        ids(&offered_templates(Some(&host), &formats, false)),
        ["intake", "birp"]
    );
    // Nothing allowed: SOAP rather than an editor with no format.
    assert_eq!(
        ids(&offered_templates(None, &["nope".to_string()], false)),
        ["soap"]
    );
}

#[test]
fn a_notes_template_is_the_offered_one_else_a_builtin_else_soap() {
    let mut host = Template::dap();
    host.id = "intake".into();
    let offered = offered_templates(Some(&host), &["dap".to_string()], false);
    assert_eq!(template_for(&offered, "intake").name, host.name);
    // Not offered here, but a built-in: a resumed draft keeps its format.
    assert_eq!(template_for(&offered, "birp").id, "birp");
    assert_eq!(template_for(&offered, "addendum").id, "addendum");
    assert_eq!(template_for(&offered, "gone").id, "soap");
}

#[test]
fn a_new_note_takes_the_hosts_client_author_and_format() {
    let offered = offered_templates(None, &[], false);
    let n = setup().new_note(&offered, "n-1".into(), "2026-01-26T15:00:00Z".into());
    assert_eq!(n.id, "n-1");
    assert_eq!(n.format, "dap");
    assert_eq!(n.client.name, "Ana");
    assert_eq!(n.author.id, "w-7");
    assert_eq!(n.created_at, "2026-01-26T15:00:00Z");
    assert!(n.addendum.is_none());
    // A format not offered falls back to the first one offered.
    let only_birp = offered_templates(None, &["birp".to_string()], false);
    let n = setup().new_note(&only_birp, "n-2".into(), String::new());
    assert_eq!(n.format, "birp");
}

#[test]
fn a_new_note_is_untouched_until_something_is_written_whatever_its_format() {
    let s = setup();
    let offered = offered_templates(None, &[], false);
    let mut n = s.new_note(&offered, "n".into(), String::new());
    assert!(s.is_untouched(&n));
    n.format = "birp".into();
    assert!(s.is_untouched(&n), "picking a format alone writes nothing");
    n.section_mut("behavior").text = "x".into();
    assert!(!s.is_untouched(&n));
    let mut n = s.new_note(&offered, "n".into(), String::new());
    n.client.name = "Someone else".into();
    assert!(!s.is_untouched(&n));
    let mut n = s.new_note(&offered, "n".into(), String::new());
    n.service.date = "2026-11-26".into();
    assert!(!s.is_untouched(&n));
}

#[test]
fn an_addendum_starts_as_an_amendment_to_the_original() {
    let mut s = setup();
    s.addendum = Some(AddendumTarget {
        to: "orig".into(),
        to_hash: Some("ab".repeat(32)),
        service_date: Some("2026-11-20".into()),
        author: Some("Sam Rivera".into()),
        kind: None,
    });
    let offered = offered_templates(None, &[], true);
    let n = s.new_note(&offered, "n-1".into(), String::new());
    assert_eq!(n.format, "addendum");
    let a = n.addendum.clone().expect("addendum link");
    assert_eq!(a.to, "orig");
    assert_eq!(a.to_hash.as_deref(), Some("ab".repeat(32).as_str()));
    assert_eq!(a.kind, AddendumKind::Amendment);
    // It starts on the original's date of service, and is untouched.
    assert_eq!(n.service.date, "2026-11-20");
    assert!(s.is_untouched(&n));
}

#[test]
fn a_restored_draft_takes_the_author_signed_in_now_and_keeps_its_reason() {
    let mut draft = Note::new("d".into(), "addendum", String::new());
    draft.author = Person {
        id: "old".into(),
        name: "Old".into(),
    };
    draft.addendum = Some(AddendumLink {
        to: "stale".into(),
        to_hash: None,
        kind: AddendumKind::LateEntry,
        reason: "Forgot the call".into(),
    });
    let mut s = setup();
    s.addendum = addendum_to("orig");
    s.apply_to(&mut draft);
    assert_eq!(draft.author.id, "w-7");
    let a = draft.addendum.expect("link");
    assert_eq!(
        (a.to.as_str(), a.kind, a.reason.as_str()),
        ("orig", AddendumKind::LateEntry, "Forgot the call")
    );
}

#[test]
fn no_author_from_the_host_keeps_the_drafts_and_a_signed_draft_is_untouched() {
    let mut draft = Note::new("d".into(), "soap", String::new());
    draft.author.name = "Kept".into();
    NoteSetup::default().apply_to(&mut draft);
    assert_eq!(draft.author.name, "Kept");

    draft.signature = Some(Signature {
        signer_id: String::new(),
        signer_name: "Kept".into(),
        signed_at: "2026-01-26T15:00:00Z".into(),
        attestation: String::new(),
        content_hash: "0".repeat(64),
        signature_hash: None,
    });
    let mut s = setup();
    s.addendum = addendum_to("orig");
    s.apply_to(&mut draft);
    assert_eq!(draft.author.name, "Kept");
    assert!(draft.addendum.is_none());
}

#[test]
fn the_hosts_participants_start_the_note_and_leave_it_untouched() {
    use crate::contact::{ContactMode, ParticipantRole};
    let mut s = setup();
    s.participants = vec![Participant {
        name: "Ana".into(),
        role: ParticipantRole::Client,
        relationship: String::new(),
    }];
    let offered = offered_templates(None, &[], false);
    let mut n = s.new_note(&offered, "n".into(), String::new());
    assert_eq!(n.participants, s.participants);
    assert!(s.is_untouched(&n));
    n.participants[0].role = ParticipantRole::FamilyMember;
    assert!(!s.is_untouched(&n));
    let mut n = s.new_note(&offered, "n".into(), String::new());
    n.contact_mode = Some(ContactMode::Phone);
    assert!(!s.is_untouched(&n));
}

#[test]
fn a_note_is_written_in_the_interfaces_language_until_signed() {
    let mut s = setup();
    s.language = Lang::Es;
    let offered = offered_templates(None, &[], false);
    let mut n = s.new_note(&offered, "n".into(), String::new());
    assert_eq!(n.language, Lang::Es);
    s.language = Lang::En;
    s.apply_to(&mut n);
    assert_eq!(n.language, Lang::En, "a draft follows the interface");
    n.language = Lang::Es;
    n.signature = Some(crate::record::Signature {
        signer_id: "W".into(),
        signer_name: "Sam".into(),
        signed_at: "2026-11-26T10:00:00Z".into(),
        attestation: "I attest.".into(),
        content_hash: "ab".repeat(32),
        signature_hash: None,
    });
    s.apply_to(&mut n);
    assert_eq!(n.language, Lang::Es, "a signed note keeps its language");
}

#[test]
fn a_signature_addendum_starts_with_its_statement_and_keeps_its_kind() {
    let mut s = setup();
    s.language = Lang::Es;
    s.signature_statement = "Escribí esta nota y la firmo ahora.".into();
    s.addendum = Some(AddendumTarget {
        to: "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
        to_hash: Some("ab".repeat(32)),
        service_date: None,
        author: None,
        kind: Some(AddendumKind::Signature),
    });
    let offered = offered_templates(None, &[], true);
    let mut note = s.new_note(&offered, "n".into(), "2026-11-27T10:00:00Z".into());
    assert_eq!(
        note.addendum.as_ref().unwrap().kind,
        AddendumKind::Signature
    );
    let text = &note.section("addendum").unwrap().text;
    assert!(text.starts_with("Escribí esta nota"), "{text}");
    // The statement alone is nothing the worker wrote: no draft yet.
    assert!(s.is_untouched(&note));
    note.section_mut("addendum").text.push_str(" Revisada.");
    assert!(!s.is_untouched(&note));
    // A restored draft cannot change what it is.
    note.addendum.as_mut().unwrap().kind = AddendumKind::Correction;
    s.apply_to(&mut note);
    assert_eq!(
        note.addendum.as_ref().unwrap().kind,
        AddendumKind::Signature
    );
}

/// Revision mode: a new note is the revision of the returned one, by the
/// signed-in worker; a restored revision keeps the worker's answers and
/// takes the host's link.
#[test]
fn in_revision_mode_a_new_note_revises_the_returned_one_and_answers_stay() {
    use crate::review::{
        CommentAbout, CommentResponse, Decision, Returned, ReviewComment, ReviewDraft, ReviewV1,
        ReviewedNote, Reviewer,
    };
    let original = crate::fixtures::soap_payload();
    let review = ReviewV1::build(
        &ReviewDraft {
            id: "3d6f0a6e-2b1c-4c8e-9f3a-5b7d9e1f2a4c".into(),
            note: ReviewedNote {
                id: original.id.clone(),
                content_hash: original.content_hash.clone(),
            },
            reviewer: Reviewer {
                id: "S-3".into(),
                name: "Dana".into(),
                credential: String::new(),
            },
            comments: vec![ReviewComment {
                id: "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f".into(),
                about: CommentAbout::Note,
                text: "Why?".into(),
            }],
            language: None,
            created_at: "2026-11-27T09:00:00Z".into(),
        },
        Decision::Return,
        "2026-11-27T09:30:00Z",
        "",
    );
    let returned =
        Returned::from_json(&serde_json::json!({ "note": original, "review": review }).to_string())
            .unwrap();
    let s = NoteSetup {
        returned: Some(returned),
        ..setup()
    };
    let offered = offered_templates(None, &[], false);
    let mut note = s.new_note(&offered, "n-2".into(), "t".into());
    assert_eq!(note.id, "n-2");
    assert_eq!(note.format, "soap");
    assert_eq!(note.author.id, "w-7", "the signed-in worker writes it");
    assert_eq!(note.section("plan").unwrap().text, "plan text");
    assert_eq!(note.revises.as_ref().unwrap().to, original.id);
    assert!(note.review_required);
    assert!(!s.is_untouched(&note), "kept as soon as it is opened");
    note.revises
        .as_mut()
        .unwrap()
        .responses
        .push(CommentResponse {
            comment: "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f".into(),
            text: "Because.".into(),
        });
    note.revises.as_mut().unwrap().to_hash = "00".repeat(32);
    s.apply_to(&mut note);
    let link = note.revises.unwrap();
    assert_eq!(link.to_hash, original.content_hash, "the host's link");
    assert_eq!(link.responses[0].text, "Because.", "the worker's answer");
}
