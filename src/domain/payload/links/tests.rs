//! Tests of `links.rs`.

use super::*;
use crate::follow_up::{FollowUp, FollowUpMark, Owner, Status};
use crate::record::{AddendumKind, AddendumLink};

const ORIGINAL: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";
const LATER: &str = "2f8fad5b-d9cb-469f-a165-70867728950e";

fn original() -> PayloadV1 {
    let mut p = crate::fixtures::soap_payload();
    p.id = ORIGINAL.into();
    p.follow_ups = vec![FollowUp {
        what: "Call the landlord".into(),
        who: Owner::Worker,
        who_name: String::new(),
        due: "2026-12-09".into(),
    }];
    p.with_hash()
}

fn later() -> PayloadV1 {
    let mut p = original();
    p.id = LATER.into();
    p.follow_ups.clear();
    p
}

fn store(id: &str) -> Option<PayloadV1> {
    same_id(id, ORIGINAL).then(original)
}

fn fields(p: &PayloadV1) -> Vec<(String, String)> {
    p.link_problems(&store)
        .into_iter()
        .map(|e| (e.field.json_path(), e.wire()))
        .collect()
}

fn addendum(to: &str, to_hash: Option<String>) -> PayloadV1 {
    let mut p = later();
    p.addendum = Some(AddendumLink {
        to: to.into(),
        to_hash,
        kind: AddendumKind::Clarification,
        reason: "Forgot".into(),
    });
    p
}

#[test]
fn an_addendum_to_a_stored_original_of_the_same_client_links() {
    let hash = original().computed_hash();
    assert_eq!(fields(&addendum(ORIGINAL, Some(hash.clone()))), vec![]);
    // Canonical comparison: upper-case id and hash name the same note.
    assert_eq!(
        fields(&addendum(
            &ORIGINAL.to_uppercase(),
            Some(hash.to_uppercase())
        )),
        vec![]
    );
    assert_eq!(fields(&addendum(ORIGINAL, None)), vec![]);
}

#[test]
fn an_addendum_to_itself_to_a_missing_note_to_another_client_or_a_changed_original_is_refused() {
    let named = |p: &PayloadV1| {
        fields(p)
            .into_iter()
            .map(|(f, m)| format!("{f}: {m}"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        named(&addendum(&LATER.to_uppercase(), None)),
        ["addendum.to: names this note itself: an addendum adds to another note"]
    );
    assert_eq!(
        named(&addendum("3f8fad5b-d9cb-469f-a165-70867728950e", None)),
        ["addendum.to: names a note this receiver does not have: the original is sent before its addendum"]
    );
    let mut other = addendum(ORIGINAL, None);
    other.client.id = "C-2".into();
    assert_eq!(
        named(&other),
        ["addendum.to: names a note about another client: an addendum is about its original's client"]
    );
    assert_eq!(
        named(&addendum(ORIGINAL, Some("0".repeat(64)))),
        [format!(
            "addendum.toHash: {}",
            crate::problem::ORIGINAL_CHANGED
        )]
    );
}

fn marking(note: &str, index: usize, what: &str) -> PayloadV1 {
    let mut p = later();
    p.previous_follow_ups = vec![FollowUpMark {
        note: note.into(),
        index,
        what: what.into(),
        status: Status::Done,
        reason: String::new(),
    }];
    p
}

#[test]
fn a_marked_follow_up_must_be_one_the_earlier_stored_note_has() {
    assert_eq!(fields(&marking(ORIGINAL, 0, "Call the landlord")), vec![]);
    assert_eq!(
        fields(&marking(&ORIGINAL.to_uppercase(), 0, " Call the landlord")),
        vec![]
    );
    let first = |p: &PayloadV1| fields(p).remove(0).0;
    assert_eq!(
        first(&marking(LATER, 0, "Call the landlord")),
        "previousFollowUps[0].note"
    );
    assert_eq!(
        first(&marking("3f8fad5b-d9cb-469f-a165-70867728950e", 0, "x")),
        "previousFollowUps[0].note"
    );
    assert_eq!(
        fields(&marking(ORIGINAL, 1, "Call the landlord")),
        [(
            "previousFollowUps[0].index".to_string(),
            "is past the end of that note's followUps: it has 1".to_string()
        )]
    );
    assert_eq!(
        first(&marking(ORIGINAL, 0, "Something else")),
        "previousFollowUps[0].what"
    );
    let mut other = marking(ORIGINAL, 0, "Call the landlord");
    other.client.id = "C-2".into();
    assert_eq!(
        fields(&other),
        [(
            "previousFollowUps[0].note".to_string(),
            "names a note about another client".to_string()
        )]
    );
}

#[test]
fn the_linked_ids_are_the_original_and_each_marked_note_once() {
    let mut p = addendum(ORIGINAL, None);
    p.previous_follow_ups = marking(&ORIGINAL.to_uppercase(), 0, "x").previous_follow_ups;
    p.previous_follow_ups
        .extend(marking(LATER, 0, "y").previous_follow_ups);
    assert_eq!(p.linked_ids(), [ORIGINAL, LATER]);
    assert!(later().linked_ids().is_empty());
}

#[test]
fn clients_are_the_same_by_id_or_else_by_name() {
    let c = |id: &str, name: &str| Client {
        id: id.into(),
        name: name.into(),
    };
    assert!(same_client(&c("C-1", "Jo"), &c("C-1", "Someone")));
    assert!(!same_client(&c("C-1", "Jo"), &c("C-2", "Jo")));
    assert!(same_client(&c("", "Jo Ruiz"), &c("C-1", " jo ruiz ")));
    assert!(!same_client(&c("", ""), &c("", "")));
}

fn signature_addendum(signer: (&str, &str)) -> PayloadV1 {
    let mut p = addendum(ORIGINAL, Some(original().computed_hash()));
    p.addendum.as_mut().unwrap().kind = AddendumKind::Signature;
    p.signature = Some(Signature {
        signer_id: signer.0.into(),
        signer_name: signer.1.into(),
        signed_at: "2026-11-27T10:00:00Z".into(),
        attestation: "I attest.".into(),
        content_hash: "ab".repeat(32),
        signature_hash: None,
    });
    p
}

fn signed_original(author: Option<Person>, signed: bool) -> PayloadV1 {
    let mut o = original();
    o.author = author;
    if signed {
        o.signature = signature_addendum(("W-7", "Sam")).signature;
    }
    o
}

fn problems_with(p: &PayloadV1, o: &PayloadV1) -> Vec<String> {
    signature_problems(p, o)
        .into_iter()
        .map(|e| e.field.json_path())
        .collect()
}

#[test]
fn the_author_signs_a_note_sent_unsigned_later() {
    let sam = Person {
        id: "W-7".into(),
        name: "Sam Rivera".into(),
    };
    let o = signed_original(Some(sam), false);
    assert!(problems_with(&signature_addendum(("W-7", "S. Rivera")), &o).is_empty());
    // Without an id on the original, the name decides.
    let named = signed_original(
        Some(Person {
            id: String::new(),
            name: "Sam Rivera".into(),
        }),
        false,
    );
    assert!(problems_with(&signature_addendum(("", " sam rivera ")), &named).is_empty());
    assert!(problems_with(&signature_addendum(("X-1", "Sam Rivera")), &named).is_empty());
}

#[test]
fn a_signature_addendum_that_is_unsigned_by_another_hashless_or_to_a_signed_note_is_refused() {
    let sam = Person {
        id: "W-7".into(),
        name: "Sam Rivera".into(),
    };
    let o = signed_original(Some(sam.clone()), false);
    assert_eq!(
        problems_with(&signature_addendum(("W-9", "Sam Rivera")), &o),
        ["signature"]
    );
    assert_eq!(
        problems_with(&signature_addendum(("", "Ana")), &o),
        ["signature"]
    );
    // The original has an id: a name alone does not stand in for it.
    assert_eq!(
        problems_with(&signature_addendum(("", "Sam Rivera")), &o),
        ["signature"]
    );
    // A note that names no author cannot be signed later by anyone.
    let nobody = signed_original(None, false);
    assert_eq!(
        problems_with(&signature_addendum(("", "Ana")), &nobody),
        ["addendum.to"]
    );
    let mut unsigned = signature_addendum(("W-7", "Sam"));
    unsigned.signature = None;
    assert_eq!(problems_with(&unsigned, &o), ["signature"]);
    let mut hashless = signature_addendum(("W-7", "Sam"));
    hashless.addendum.as_mut().unwrap().to_hash = None;
    assert_eq!(problems_with(&hashless, &o), ["addendum.toHash"]);
    let signed = signed_original(Some(sam), true);
    assert_eq!(
        problems_with(&signature_addendum(("W-7", "Sam")), &signed),
        ["addendum.to"]
    );
    // The store's lookup runs the same rules (the stored fixture names
    // no author, so nobody can sign it later).
    let through_store: Vec<String> = fields(&signature_addendum(("W-9", "Ana")))
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(through_store, ["addendum.to"]);
    // Other kinds are not held to these rules.
    let mut other = signature_addendum(("W-9", "Ana"));
    other.addendum.as_mut().unwrap().kind = AddendumKind::Correction;
    other.signature = None;
    assert!(problems_with(&other, &signed).is_empty());
}
