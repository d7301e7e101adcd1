//! One casenote JSON v1 payload of every kind the code builds (each
//! template, on time and late, unsigned and signed, addenda), one file
//! each, and nine that each break one schema rule, for the two-validator
//! schema test (`.ci/schema`), which runs this with
//! `CASENOTE_SCHEMA_SAMPLES=DIR cargo test -p casenote --test payload_samples`.
//! Without that variable the files go to a temporary folder and are only
//! read back. Host only.
#![cfg(not(target_arch = "wasm32"))]

use casenote::domain::contact::{ContactMode, Participant, ParticipantRole};
use casenote::domain::follow_up::{FollowUp, FollowUpMark, Owner, Status};
use casenote::domain::payload::BuildContext;
use casenote::domain::record::{AddendumKind, AddendumLink, Signature};
use casenote::domain::review::{
    CommentAbout, CommentResponse, Decision, ReviewComment, ReviewDraft, ReviewV1, ReviewedNote,
    Reviewer, RevisionLink, REVIEW_SCHEMA,
};
use casenote::domain::{
    DocumentType, GoalProgress, Intervention, Note, PayloadV1, Progress, Quote, Speaker, Template,
};

fn note(template: &Template) -> Note {
    let mut n = Note::new(
        "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
        &template.id,
        "2026-11-26T09:00:00.000Z".into(),
    );
    n.client.id = "C-1".into();
    n.client.name = "Jo Ünïcode 👋".into();
    n.author.id = "W-7".into();
    n.author.name = "Sam".into();
    n.service.date = "2026-11-26".into();
    n.service.start = "09:00".into();
    n.service.end = "09:45".into();
    for s in &template.sections {
        n.section_mut(&s.key).text = format!("{} \"text\"\n\tline \u{1} e\u{301}", s.label);
        n.section_mut(&s.key).quotes.push(Quote {
            text: "I'll be there".into(),
            speaker: Speaker::FamilyMember,
            context: Some("asked".into()),
            // So that both schema validators see a marked quote too.
            in_text: true,
        });
    }
    n.goals = vec![GoalProgress {
        id: "G-1".into(),
        text: "Housing".into(),
        progress: Progress::Improved,
    }];
    n.challenges = "Transport".into();
    n.interventions = vec![Intervention {
        description: "Home visit".into(),
        rationale: "Could not travel".into(),
        client_response: "Agreed".into(),
        deviates: true,
    }];
    n.participants = vec![
        Participant {
            name: "Jo Ünïcode".into(),
            role: ParticipantRole::Client,
            relationship: String::new(),
        },
        Participant {
            name: "Rosa Diaz".into(),
            role: ParticipantRole::Interpreter,
            relationship: "aunt".into(),
        },
    ];
    n.contact_mode = Some(ContactMode::HomeVisit);
    n.location = "Client's home".into();
    n.follow_ups = vec![FollowUp {
        what: "Bring the lease".into(),
        who: Owner::Other,
        who_name: "Ms Reyes".into(),
        due: "2026-12-09".into(),
    }];
    n.previous_follow_ups = vec![FollowUpMark {
        note: "22222222-2222-4222-8222-222222222222".into(),
        index: 0,
        what: "Apply for the bus pass".into(),
        status: Status::NotDone,
        reason: "Office closed".into(),
    }];
    n
}

#[test]
fn payload_samples() {
    let (dir, keep) = match std::env::var_os("CASENOTE_SCHEMA_SAMPLES") {
        Some(d) => (std::path::PathBuf::from(d), true),
        None => (
            std::env::temp_dir().join(format!("casenote-payload-samples-{}", std::process::id())),
            false,
        ),
    };
    std::fs::create_dir_all(&dir).expect("the folder can be made");
    let mut templates = Template::builtins();
    templates.push(Template::addendum());
    let mut written = 0;
    for t in &templates {
        for (late, hours, doc_type) in [
            (false, 1.0, DocumentType::ProgressNote),
            (true, 48.25, DocumentType::SocialWorkProgressNote),
        ] {
            let mut n = note(t);
            if late {
                n.late_entry_reason = "Crisis call".into();
            }
            n.addendum = (t.id == "addendum").then(|| AddendumLink {
                to: "11111111-1111-4111-8111-111111111111".into(),
                to_hash: Some("ab".repeat(32)),
                kind: AddendumKind::Correction,
                reason: "Wrong date".into(),
            });
            let documented_at = if late {
                "2026-11-28T09:00:00.000Z"
            } else {
                "2026-11-26T10:45:00.000Z"
            };
            let ctx = BuildContext {
                documented_at: documented_at.into(),
                document_type: doc_type,
                hours_after_service: Some(hours),
                late_entry_threshold_hours: 24.0,
                utc_offset_minutes: Some(0),
            };
            let mut p = PayloadV1::build(&n, t, &ctx);
            let mut write = |name: String, p: &PayloadV1| {
                let text = serde_json::to_string_pretty(p).expect("a payload is JSON");
                std::fs::write(dir.join(name), text).expect("the file can be written");
                written += 1;
            };
            write(
                format!("{}-{}.json", t.id, if late { "late" } else { "on-time" }),
                &p,
            );
            p.signature = Some(
                Signature {
                    signer_id: "W-7".into(),
                    signer_name: "Sam".into(),
                    signed_at: documented_at.into(),
                    attestation: casenote::text::labels::default_attestation(
                        casenote::text::Lang::En,
                    ),
                    content_hash: p.computed_hash(),
                    signature_hash: None,
                }
                .sealed(),
            );
            write(
                format!(
                    "{}-{}-signed.json",
                    t.id,
                    if late { "late" } else { "on-time" }
                ),
                &p,
            );
        }
    }
    // And payloads each validator must refuse, one rule broken in each.
    let invalid = dir.join("invalid");
    std::fs::create_dir_all(&invalid).expect("the folder can be made");
    let t = Template::soap();
    let mut ctx = BuildContext::at("2026-11-26T10:45:00Z");
    ctx.utc_offset_minutes = Some(0);
    let good =
        serde_json::to_value(PayloadV1::build(&note(&t), &t, &ctx)).expect("a payload is JSON");
    let broken: [(&str, &str, serde_json::Value); 9] = [
        ("created-at", "/createdAt", "26/11/2026 09:00".into()),
        ("documented-at", "/documentedAt", "2026-11-26T10:45".into()),
        ("start", "/service/start", "9:00".into()),
        ("hash", "/contentHash", "g".repeat(64).into()),
        ("offset", "/timeliness/utcOffsetMinutes", 900.into()),
        ("role", "/participants/1/role", "translator".into()),
        ("mode", "/contactMode", "telepathy".into()),
        ("due", "/followUps/0/due", "next week".into()),
        ("status", "/previousFollowUps/0/status", "maybe".into()),
    ];
    for (name, pointer, value) in broken {
        let mut v = good.clone();
        *v.pointer_mut(pointer).expect("the field is there") = value;
        std::fs::write(invalid.join(format!("{name}.json")), v.to_string())
            .expect("the file can be written");
    }
    written += review_samples(&dir, &invalid);
    // Each sample reads back as the note or review it is, hashes intact.
    for entry in std::fs::read_dir(&dir).expect("the folder can be read") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).expect("the file can be read");
            if text.contains(REVIEW_SCHEMA) {
                ReviewV1::parse(&text).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            } else {
                PayloadV1::parse(&text).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            }
        }
    }
    assert_eq!(written, 28);
    if keep {
        println!(
            "payload_samples: {written} payloads and reviews in {}, 13 broken ones in {}",
            dir.display(),
            invalid.display()
        );
    } else {
        std::fs::remove_dir_all(&dir).expect("the folder can be removed");
    }
}

/// A review of each decision, a revision that answers the return, and
/// four reviews that each break one of the review schema's rules.
fn review_samples(dir: &std::path::Path, invalid: &std::path::Path) -> usize {
    let t = Template::soap();
    let mut ctx = BuildContext::at("2026-11-26T10:45:00Z");
    ctx.utc_offset_minutes = Some(0);
    let mut n = note(&t);
    n.review_required = true;
    let reviewed = PayloadV1::build(&n, &t, &ctx);
    let draft = ReviewDraft {
        id: "3d6f0a6e-2b1c-4c8e-9f3a-5b7d9e1f2a4c".into(),
        note: ReviewedNote {
            id: reviewed.id.clone(),
            content_hash: reviewed.content_hash.clone(),
        },
        reviewer: Reviewer {
            id: "S-3".into(),
            name: "Dana Supervisor".into(),
            credential: "LCSW".into(),
        },
        comments: vec![
            ReviewComment {
                id: "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f".into(),
                about: CommentAbout::Section {
                    key: "assessment".into(),
                },
                text: "Say what the assessment rests on.".into(),
            },
            ReviewComment {
                id: "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e60".into(),
                about: CommentAbout::Quote {
                    section: "plan".into(),
                    index: 0,
                },
                text: "Who said this?".into(),
            },
            ReviewComment {
                id: "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e61".into(),
                about: CommentAbout::Intervention { index: 0 },
                text: "Why the departure?".into(),
            },
            ReviewComment {
                id: "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e62".into(),
                about: CommentAbout::Note,
                text: "Otherwise clear.".into(),
            },
        ],
        language: Some("en".into()),
        created_at: "2026-11-27T09:00:00Z".into(),
    };
    let returned = ReviewV1::build(&draft, Decision::Return, "2026-11-27T09:30:00Z", "");
    let cosigned = ReviewV1::build(
        &ReviewDraft {
            comments: vec![],
            ..draft.clone()
        },
        Decision::Cosign,
        "2026-11-27T09:30:00Z",
        "I have reviewed this note and co-sign it.",
    );
    let mut r = note(&t);
    r.id = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d".into();
    r.revises = Some(RevisionLink {
        to: reviewed.id.clone(),
        to_hash: reviewed.content_hash.clone(),
        review: returned.id.clone(),
        responses: vec![CommentResponse {
            comment: returned.comments[0].id.clone(),
            text: "Added the rent ledger.".into(),
        }],
    });
    let revision = PayloadV1::build(&r, &t, &ctx);
    let write = |name: &str, text: String| {
        std::fs::write(dir.join(name), text).expect("the file can be written");
    };
    write("review-required.json", pretty(&reviewed));
    write("review-return.json", pretty(&returned));
    write("review-cosign.json", pretty(&cosigned));
    write("revision.json", pretty(&revision));
    let good = serde_json::to_value(&cosigned).expect("a review is JSON");
    let back = serde_json::to_value(&returned).expect("a review is JSON");
    let broken: [(&str, serde_json::Value); 4] = [
        ("review-no-co-signature", {
            let mut v = good.clone();
            v.as_object_mut().unwrap().remove("coSignature");
            v
        }),
        ("review-return-no-comment", {
            let mut v = back.clone();
            v["comments"] = serde_json::json!([]);
            v
        }),
        ("review-decision", {
            let mut v = good.clone();
            v["decision"] = "approve".into();
            v
        }),
        ("review-about", {
            let mut v = back;
            v["comments"][0]["about"] = serde_json::json!({ "kind": "section" });
            v
        }),
    ];
    for (name, v) in broken {
        std::fs::write(invalid.join(format!("{name}.json")), v.to_string())
            .expect("the file can be written");
    }
    4
}

/// Pretty JSON of a payload or a review.
fn pretty<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("it is JSON")
}
