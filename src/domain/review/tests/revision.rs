//! Revisions (a new note that answers a returned one), where a note
//! stands, the review policy, and a returned note as the host gives it.

use super::*;

/// The worker's revision of the returned note, answering its comment.
fn revision_note(of: &PayloadV1, review: &ReviewV1) -> Note {
    let mut n = Note::new(REVISION_ID.into(), "soap", "2026-11-27T10:00:00Z".into());
    n.client = of.client.clone();
    n.service.date = of.service.date.clone();
    for s in &of.sections {
        n.section_mut(&s.key).text = s.text.clone();
    }
    n.section_mut("assessment").text = "Rests on the rent ledger she showed.".into();
    n.revises = Some(RevisionLink {
        to: of.id.clone(),
        to_hash: of.content_hash.clone(),
        review: review.id.clone(),
        responses: vec![
            CommentResponse {
                comment: COMMENT_ID.into(),
                text: " Added the ledger. ".into(),
            },
            CommentResponse {
                comment: REVIEW_ID.into(),
                text: "  ".into(),
            },
        ],
    });
    n
}

fn revision(of: &PayloadV1, review: &ReviewV1) -> PayloadV1 {
    PayloadV1::build(
        &revision_note(of, review),
        &Template::soap(),
        &BuildContext::at("2026-11-27T11:00:00Z"),
    )
}

#[test]
fn a_revision_is_a_new_note_whose_hash_covers_what_it_revises() {
    let (n, r) = (note(), returned());
    let p = revision(&n, &r);
    assert_eq!(p.canonical_version, 5);
    assert_eq!(p.check(), vec![]);
    let link = p.revises.as_ref().unwrap();
    assert_eq!(link.responses.len(), 1, "the empty answer is left out");
    assert_eq!(link.responses[0].text, "Added the ledger.");
    // The answers and the link are covered by the content hash.
    let mut changed = p.clone();
    changed.revises.as_mut().unwrap().responses[0].text = "Nothing.".into();
    assert_ne!(changed.computed_hash(), p.content_hash);
    let mut lowered = p.clone();
    lowered.canonical_version = 4;
    let lowered = lowered.with_hash();
    assert!(problems_at(&lowered.check()).contains(&(
        FieldPath::Member(crate::field_path::Member::CanonicalVersion),
        Problem::CanonicalVersionBelow { needed: 5 }
    )));
    // It reads back as sent.
    let text = serde_json::to_string(&p).unwrap();
    assert_eq!(PayloadV1::parse(&text).unwrap(), p);
    assert!(text.contains(r#""revises":{"to":"0f8fad5b"#), "{text}");
}

#[test]
fn a_revision_revises_a_returned_note_once() {
    let (n, r) = (note(), returned());
    let p = revision(&n, &r);
    assert_eq!(p.revision_problems(Some(&n), Some(&r), false), vec![]);
    let problems =
        |original, review, before| problems_at(&p.revision_problems(original, review, before));
    let to = FieldPath::Revises(RevisionPart::To);
    assert_eq!(
        problems(None, Some(&r), false),
        vec![(to.clone(), Problem::RevisedMissing)]
    );
    assert_eq!(
        problems(Some(&n), None, false),
        vec![(
            FieldPath::Revises(RevisionPart::Review),
            Problem::ReturnMissing
        )]
    );
    let c = cosigned();
    assert_eq!(
        problems(Some(&n), Some(&c), false),
        vec![(to.clone(), Problem::NotReturned)]
    );
    assert_eq!(
        problems(Some(&n), Some(&r), true),
        vec![(to.clone(), Problem::AlreadyRevised)]
    );
    let mut other = n.clone();
    other.client.id = "C-2".into();
    other.sections[0].text = "changed".into();
    let other = other.with_hash();
    assert_eq!(
        problems(Some(&other), Some(&r), false),
        vec![
            (to.clone(), Problem::RevisedOtherClient),
            (
                FieldPath::Revises(RevisionPart::ToHash),
                Problem::RevisedChanged
            )
        ]
    );
    // An answer to a comment the review does not have.
    let mut q = revision_note(&n, &r);
    q.revises.as_mut().unwrap().responses[0].comment = REVIEW_ID.into();
    let q = PayloadV1::build(
        &q,
        &Template::soap(),
        &BuildContext::at("2026-11-27T11:00:00Z"),
    );
    assert_eq!(
        problems_at(&q.revision_problems(Some(&n), Some(&r), false)),
        vec![(
            FieldPath::Revises(RevisionPart::Response {
                index: 0,
                part: ResponsePart::Comment
            }),
            Problem::AnswersNoComment
        )]
    );
}

#[test]
fn a_revision_link_keeps_its_own_rules() {
    let link = RevisionLink {
        to: "n".into(),
        to_hash: "x".into(),
        review: REVIEW_ID.into(),
        responses: vec![
            CommentResponse {
                comment: COMMENT_ID.into(),
                text: "a".into(),
            },
            CommentResponse {
                comment: COMMENT_ID.to_uppercase(),
                text: " ".into(),
            },
        ],
    };
    let fields: Vec<String> = link
        .problems()
        .iter()
        .map(|e| e.field.to_string())
        .collect();
    assert_eq!(
        fields,
        [
            "revises.to",
            "revises.toHash",
            "revises.responses[1].comment",
            "revises.responses[1].text"
        ]
    );
    let mut p = revision(&note(), &returned());
    p.addendum = Some(crate::fixtures::faulty_addendum_link());
    let p = p.with_hash();
    assert!(problems_at(&p.check()).contains(&(
        FieldPath::Revises(RevisionPart::To),
        Problem::RevisionAndAddendum
    )));
}

#[test]
fn a_note_stands_where_its_reviews_put_it() {
    let n = note();
    assert_eq!(Standing::of(&n, &[]), Standing::AwaitingReview);
    assert!(Standing::of(&n, &[]).is_awaiting());
    assert_eq!(Standing::of(&n, &[returned()]), Standing::Returned);
    assert_eq!(Standing::of(&n, &[cosigned()]), Standing::CoSigned);
    let r = revision(&n, &returned());
    assert_eq!(Standing::of(&r, &[]), Standing::RevisedAwaitingReview);
    // A review of another note says nothing of this one.
    assert_eq!(
        Standing::of(&r, &[cosigned()]),
        Standing::RevisedAwaitingReview
    );
    let mut plain = soap_payload();
    plain.review_required = false;
    assert_eq!(Standing::of(&plain, &[]), Standing::NotRequired);
    assert_eq!(Standing::CoSigned.value(), "coSigned");
}

#[test]
fn the_host_or_the_template_asks_for_review() {
    assert_eq!(
        ReviewPolicy::from_attribute(Some(" Required ")),
        ReviewPolicy::Required
    );
    assert_eq!(
        ReviewPolicy::from_attribute(Some("no")),
        ReviewPolicy::Optional
    );
    assert_eq!(ReviewPolicy::from_attribute(None), ReviewPolicy::Optional);
    let mut n = crate::fixtures::complete_soap();
    let plain = PayloadV1::build(
        &n,
        &Template::soap(),
        &BuildContext::at("2026-11-26T10:00:00Z"),
    );
    assert!(!plain.review_required);
    assert_eq!(
        plain.canonical_version, 3,
        "unchanged for notes without review"
    );
    assert!(!serde_json::to_string(&plain).unwrap().contains("review"));
    let mut t = Template::soap();
    t.review = ReviewPolicy::Required;
    let by_template = PayloadV1::build(&n, &t, &BuildContext::at("2026-11-26T10:00:00Z"));
    assert!(by_template.review_required);
    assert_eq!(by_template.canonical_version, 5);
    n.review_required = true;
    let by_host = PayloadV1::build(
        &n,
        &Template::soap(),
        &BuildContext::at("2026-11-26T10:00:00Z"),
    );
    assert!(by_host.review_required);
    // A host's template says so in its JSON.
    let json = r#"{"id":"intake","name":"Intake","review":"required","sections":[{"key":"notes","label":"Notes","prompt":"p","required":true}]}"#;
    assert_eq!(
        Template::from_json(json).unwrap().review,
        ReviewPolicy::Required
    );
}

fn returned_json(note: &PayloadV1, review: &ReviewV1) -> String {
    serde_json::json!({ "note": note, "review": review }).to_string()
}

#[test]
fn a_returned_note_is_read_with_its_review_and_held_to_it() {
    let (n, r) = (note(), returned());
    let got = Returned::from_json(&returned_json(&n, &r)).unwrap();
    assert_eq!(got.note, n);
    assert_eq!(got.review, r);
    assert_eq!(
        got.comments_on_section("assessment")
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        [COMMENT_ID]
    );
    assert_eq!(got.comments_on_section("plan").count(), 0);
    // A co-signature is no return.
    let e = Returned::from_json(&returned_json(&n, &cosigned())).unwrap_err();
    assert_eq!(
        problems_at(&e),
        vec![(
            FieldPath::Review(ReviewPart::Decision),
            Problem::NotReturned
        )]
    );
    // The review of another version of the note.
    let mut other = n.clone();
    other.sections[0].text = "other words".into();
    let other = other.with_hash();
    let e = Returned::from_json(&returned_json(&other, &r)).unwrap_err();
    assert_eq!(e[0].problem, Problem::ReviewedNoteChanged);
    // Not JSON, a member missing, a note that does not check.
    let e = Returned::from_json("{").unwrap_err();
    assert!(matches!(e[0].problem, Problem::NotJson { .. }));
    assert_eq!(e[0].field.to_string(), "returned");
    let e = Returned::from_json(r#"{"note": {}}"#).unwrap_err();
    assert!(!e.is_empty());
    let e = Returned::from_json(&serde_json::json!({ "note": n }).to_string()).unwrap_err();
    assert_eq!(e[0].field.to_string(), "returned.review");
    // From data, as the browser reads the host's objects: the same.
    let (nv, rv) = (
        serde_json::to_value(&n).unwrap(),
        serde_json::to_value(&r).unwrap(),
    );
    let got = Returned::from_parts(nv.clone(), rv).unwrap();
    assert_eq!(got.review, r);
    let e = Returned::from_parts(nv, serde_json::json!({ "decision": "return" })).unwrap_err();
    assert_eq!(e[0].field.to_string(), "returned.review");
    assert!(matches!(e[0].problem, Problem::Shape { .. }));
}
