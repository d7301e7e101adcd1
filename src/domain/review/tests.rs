use super::*;
use crate::field_path::{CommentPart, FieldPath, ResponsePart, ReviewPart, RevisionPart};
use crate::fixtures::soap_payload;
use crate::payload::{BuildContext, PayloadV1};
use crate::problem::Problem;
use crate::{Note, Template};

pub(super) const REVIEW_ID: &str = "3d6f0a6e-2b1c-4c8e-9f3a-5b7d9e1f2a4c";
pub(super) const COMMENT_ID: &str = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
pub(super) const REVISION_ID: &str = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

/// Jo's SOAP note, written by W-7 and sent for review.
pub(super) fn note() -> PayloadV1 {
    let mut p = soap_payload();
    p.author = Some(crate::Person {
        id: "W-7".into(),
        name: "Sam Worker".into(),
    });
    p.review_required = true;
    p.canonical_version = 5;
    p.with_hash()
}

fn draft(of: &PayloadV1) -> ReviewDraft {
    ReviewDraft {
        id: REVIEW_ID.into(),
        note: ReviewedNote {
            id: of.id.clone(),
            content_hash: of.content_hash.clone(),
        },
        reviewer: Reviewer {
            id: " S-3 ".into(),
            name: "Dana Supervisor".into(),
            credential: "LCSW".into(),
        },
        comments: vec![ReviewComment {
            id: COMMENT_ID.into(),
            about: CommentAbout::Section {
                key: "assessment".into(),
            },
            text: " Say what the assessment rests on. ".into(),
        }],
        language: Some("en".into()),
        created_at: "2026-11-27T09:00:00Z".into(),
    }
}

pub(super) fn cosigned() -> ReviewV1 {
    let mut d = draft(&note());
    d.comments.clear();
    ReviewV1::build(&d, Decision::Cosign, "2026-11-27T09:30:00Z", "I co-sign.")
}

pub(super) fn returned() -> ReviewV1 {
    ReviewV1::build(
        &draft(&note()),
        Decision::Return,
        "2026-11-27T09:30:00Z",
        "",
    )
}

pub(super) fn problems_at(errors: &[crate::FieldProblem]) -> Vec<(FieldPath, Problem)> {
    errors
        .iter()
        .map(|e| (e.field.clone(), e.problem.clone()))
        .collect()
}

#[test]
fn a_built_review_keeps_every_rule_and_reads_back() {
    for r in [cosigned(), returned()] {
        assert_eq!(r.check(), vec![], "{r:?}");
        let text = serde_json::to_string(&r).unwrap();
        assert_eq!(ReviewV1::parse(&text).unwrap(), r);
    }
    let r = returned();
    assert_eq!(r.reviewer.id, "S-3", "trimmed");
    assert_eq!(r.comments[0].text, "Say what the assessment rests on.");
    assert!(r.co_signature.is_none());
    let c = cosigned();
    let sig = c.co_signature.as_ref().unwrap();
    assert_eq!(sig.review_hash, c.review_hash);
    assert_eq!(sig.signature_hash, sig.computed_hash());
    assert_eq!(sig.credential, "LCSW");
    assert_eq!(sig.signed_at, "2026-11-27T09:30:00Z");
}

/// Pinned: the README's review and co-signature hash vectors.
#[test]
fn the_hashes_are_the_readmes() {
    let c = cosigned();
    let content = format!(
        r#"{{"comments":[],"decidedAt":"2026-11-27T09:30:00Z","decision":"cosign","id":"{REVIEW_ID}","note":{{"contentHash":"{}","id":"{}"}},"reviewer":{{"credential":"LCSW","id":"S-3","name":"Dana Supervisor"}}}}"#,
        note().content_hash,
        note().id
    );
    assert_eq!(c.canonical_content(), content);
    let sig = c.co_signature.clone().unwrap();
    let block = format!(
        r#"{{"attestation":"I co-sign.","credential":"LCSW","reviewHash":"{}","signedAt":"2026-11-27T09:30:00Z","signerId":"S-3","signerName":"Dana Supervisor"}}"#,
        c.review_hash
    );
    assert_eq!(
        sig.signature_hash,
        crate::record::sha256_hex(block.as_bytes())
    );
    let readme = include_str!("../../../README.md");
    for hash in [&c.review_hash, &sig.signature_hash, &note().content_hash] {
        assert!(readme.contains(hash.as_str()), "the README gives {hash}");
    }
    // A comment's place is part of what is signed.
    let r = returned();
    assert!(r.canonical_content().contains(
        r#""about":{"key":"assessment","kind":"section"},"id":"7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f""#
    ));
}

#[test]
fn a_return_says_why_and_carries_no_co_signature() {
    let mut d = draft(&note());
    d.comments[0].text = "   ".into();
    let r = ReviewV1::build(&d, Decision::Return, "2026-11-27T09:30:00Z", "");
    assert_eq!(
        problems_at(&r.check()),
        vec![(
            FieldPath::Review(ReviewPart::Comments),
            Problem::CommentRequired
        )]
    );
    let mut r = returned();
    r.co_signature = cosigned().co_signature;
    assert!(problems_at(&r.check()).contains(&(
        FieldPath::Review(ReviewPart::CoSignature),
        Problem::CoSignatureOnReturn
    )));
    let mut c = cosigned();
    c.co_signature = None;
    assert_eq!(
        problems_at(&c.check()),
        vec![(FieldPath::Review(ReviewPart::CoSignature), Problem::Missing)]
    );
}

#[test]
fn a_change_after_building_or_co_signing_is_caught() {
    // A comment edited after the review was built.
    let mut r = returned();
    r.comments[0].text = "Fine.".into();
    assert_eq!(
        problems_at(&r.check()),
        vec![(
            FieldPath::Review(ReviewPart::ReviewHash),
            Problem::ReviewChanged
        )]
    );
    // The decision turned, with the hash recomputed: the co-signature no
    // longer covers what the review says.
    let mut c = cosigned();
    c.decided_at = "2026-11-28T09:30:00Z".into();
    c.review_hash = c.computed_hash();
    assert_eq!(
        problems_at(&c.check()),
        vec![(
            FieldPath::Review(ReviewPart::CoSignatureReviewHash),
            Problem::ChangedAfterSigning
        )]
    );
    // The attestation changed in the signature block.
    let mut c = cosigned();
    c.co_signature.as_mut().unwrap().attestation = "Something else.".into();
    assert_eq!(
        problems_at(&c.check()),
        vec![(
            FieldPath::Review(ReviewPart::CoSignatureHash),
            Problem::SignatureBlockChanged
        )]
    );
    // Someone else's name under the reviewer's review.
    let mut c = cosigned();
    let sig = c.co_signature.as_mut().unwrap();
    sig.signer_name = "Someone Else".into();
    sig.signature_hash = sig.computed_hash();
    assert_eq!(
        problems_at(&c.check()),
        vec![(
            FieldPath::Review(ReviewPart::CoSigner),
            Problem::CoSignerNotReviewer
        )]
    );
}

#[test]
fn the_shape_rules_name_their_fields() {
    let mut r = returned();
    r.schema = "casenote/v1".into();
    r.id = "review-1".into();
    r.note.content_hash = "zz".into();
    r.reviewer = Reviewer::default();
    r.created_at = "2026-11-28T09:00:00Z".into();
    r.language = Some("not a tag!".into());
    r.comments.push(r.comments[0].clone());
    r.comments.push(ReviewComment {
        id: "c".into(),
        about: CommentAbout::Quote {
            section: " ".into(),
            index: 0,
        },
        text: String::new(),
    });
    r.review_hash = r.computed_hash();
    let fields: Vec<String> = r.check().iter().map(|e| e.field.to_string()).collect();
    assert_eq!(
        fields,
        [
            "schema",
            "id",
            "note.contentHash",
            "reviewer",
            "createdAt",
            "language",
            "comments[1].id",
            "comments[2].id",
            "comments[2].text",
            "comments[2].about",
        ]
    );
    let words: Vec<String> = r.check().iter().map(|e| e.wire()).collect();
    assert!(words[0].contains("casenote-review/v1"), "{words:?}");
    assert!(words[6].contains("earlier comment"), "{words:?}");
}

#[test]
fn a_review_that_is_not_json_or_not_a_review_says_so() {
    let e = ReviewV1::parse("{").unwrap_err();
    assert!(matches!(e[0].problem, Problem::NotJson { .. }));
    let e = ReviewV1::parse("[]").unwrap_err();
    assert_eq!(e[0].field, FieldPath::Review(ReviewPart::Whole));
    let mut v = serde_json::to_value(returned()).unwrap();
    v["decision"] = "approve".into();
    let e = ReviewV1::parse(&v.to_string()).unwrap_err();
    assert_eq!(e[0].field.to_string(), "decision");
}

fn facts(note: &PayloadV1) -> ReviewFacts<'_> {
    ReviewFacts {
        note: Some(note),
        decided: false,
        self_approval: false,
    }
}

#[test]
fn a_review_is_of_the_note_as_stored_and_decided_once() {
    let n = note();
    assert_eq!(cosigned().link_problems(facts(&n)), vec![]);
    assert_eq!(returned().link_problems(facts(&n)), vec![]);
    let missing = ReviewFacts {
        note: None,
        ..facts(&n)
    };
    assert_eq!(
        problems_at(&cosigned().link_problems(missing)),
        vec![(
            FieldPath::Review(ReviewPart::NoteId),
            Problem::ReviewedNoteMissing
        )]
    );
    // The note was stored with other words than the reviewer read.
    let mut stored = n.clone();
    stored.sections[0].text = "other words".into();
    let stored = stored.with_hash();
    assert_eq!(
        problems_at(&cosigned().link_problems(facts(&stored))),
        vec![(
            FieldPath::Review(ReviewPart::NoteHash),
            Problem::ReviewedNoteChanged
        )]
    );
    let decided = ReviewFacts {
        decided: true,
        ..facts(&n)
    };
    assert_eq!(
        problems_at(&returned().link_problems(decided)),
        vec![(
            FieldPath::Review(ReviewPart::NoteId),
            Problem::VersionDecided
        )]
    );
}

#[test]
fn an_author_co_signs_their_own_note_only_where_the_host_allows() {
    let n = note();
    let mut d = draft(&n);
    d.comments.clear();
    d.reviewer = Reviewer {
        id: "W-7".into(),
        name: "Someone".into(),
        credential: String::new(),
    };
    let own = ReviewV1::build(&d, Decision::Cosign, "2026-11-27T09:30:00Z", "I co-sign.");
    assert_eq!(
        problems_at(&own.link_problems(facts(&n))),
        vec![(
            FieldPath::Review(ReviewPart::Reviewer),
            Problem::SelfApproval
        )]
    );
    let allowed = ReviewFacts {
        self_approval: true,
        ..facts(&n)
    };
    assert_eq!(own.link_problems(allowed), vec![]);
    // Returning one's own note is no approval.
    d.comments = draft(&n).comments;
    let back = ReviewV1::build(&d, Decision::Return, "2026-11-27T09:30:00Z", "");
    assert_eq!(back.link_problems(facts(&n)), vec![]);
    // Without ids, the names decide.
    let by_name = Reviewer {
        id: String::new(),
        name: " sam worker ".into(),
        credential: String::new(),
    };
    assert!(is_author(&by_name, n.author.as_ref().unwrap()));
}

#[test]
fn comments_are_about_what_the_note_has() {
    let n = note();
    let mut d = draft(&n);
    d.comments = vec![
        (CommentAbout::Note, true),
        (CommentAbout::Section { key: "plan".into() }, true),
        (CommentAbout::Section { key: "data".into() }, false),
        (
            CommentAbout::Quote {
                section: "plan".into(),
                index: 0,
            },
            false,
        ),
        (CommentAbout::Intervention { index: 0 }, false),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (about, _))| ReviewComment {
        id: format!("7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5{i}"),
        about,
        text: "why".into(),
    })
    .collect();
    let r = ReviewV1::build(&d, Decision::Return, "2026-11-27T09:30:00Z", "");
    let about: Vec<FieldPath> = r
        .link_problems(facts(&n))
        .into_iter()
        .map(|e| e.field)
        .collect();
    let at = |index| {
        FieldPath::Review(ReviewPart::Comment {
            index,
            part: CommentPart::About,
        })
    };
    assert_eq!(about, vec![at(2), at(3), at(4)]);
}

/// Revisions, where a note stands, the review policy and returned notes.
mod revision;
