//! The schema and its messages.

use super::*;
use casenote_format::payload::BuildContext;
use casenote_format::record::{AddendumKind, AddendumLink, Signature};
use casenote_format::{
    DocumentType, GoalProgress, Intervention, Note, PayloadV1, Progress, Quote, Speaker, Template,
};

/// Problems as the receiver answers them: each field's JSON path and the
/// message.
fn said(problems: &[FieldProblem]) -> Vec<(String, String)> {
    problems
        .iter()
        .map(|p| (p.field.json_path(), p.wire()))
        .collect()
}

fn said_as(field: &str, message: &str) -> (String, String) {
    (field.into(), message.into())
}

fn note(format: &str, template: &Template) -> Note {
    let mut n = Note::new(
        "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
        format,
        "2026-11-26T09:00:00Z".into(),
    );
    n.client.name = "Jo".into();
    n.author.id = "W-7".into();
    n.service.date = "2026-11-26".into();
    n.service.start = "09:00".into();
    n.service.end = "09:20".into();
    for s in &template.sections {
        n.section_mut(&s.key).text = format!("{} text", s.label);
        n.section_mut(&s.key).quotes.push(Quote {
            text: "words".into(),
            speaker: Speaker::Other,
            context: Some("c".into()),
            in_text: false,
        });
    }
    n
}

/// The payload as the JSON casenote sends.
fn payload_value(p: &PayloadV1) -> Value {
    serde_json::to_value(p).unwrap()
}

/// A body with very many broken items gets a bounded list of problems.
#[test]
fn problems_are_capped() {
    let items = vec!["{}"; 100_000].join(",");
    let body: Value = serde_json::from_str(&format!(r#"{{"sections":[{items}]}}"#)).unwrap();
    let errors = validate(&body);
    assert_eq!(errors.len(), MAX_ERRORS);
}

/// Every kind of payload the code can build validates against the schema.
#[test]
fn every_buildable_payload_validates() {
    let mut templates = Template::builtins();
    templates.push(Template::addendum());
    for t in templates {
        let mut n = note(&t.id, &t);
        for (late, doc_type) in [
            (false, DocumentType::ProgressNote),
            (true, DocumentType::SocialWorkProgressNote),
        ] {
            n.goals = vec![GoalProgress {
                id: "G".into(),
                text: "g".into(),
                progress: Progress::NotAssessed,
            }];
            n.challenges = "c".into();
            n.interventions = vec![Intervention {
                description: "d".into(),
                rationale: "r".into(),
                client_response: "x".into(),
                deviates: true,
            }];
            n.late_entry_reason = "busy".into();
            n.addendum = (t.id == "addendum").then(|| AddendumLink {
                to: "11111111-1111-4111-8111-111111111111".into(),
                to_hash: Some("ab".repeat(32)),
                kind: AddendumKind::LateEntry,
                reason: "forgot".into(),
            });
            let ctx = BuildContext {
                documented_at: "2026-11-27T10:00:00.000Z".into(),
                document_type: doc_type,
                hours_after_service: Some(if late { 30.0 } else { 1.0 }),
                late_entry_threshold_hours: 24.0,
                utc_offset_minutes: Some(-300),
            };
            let mut p = PayloadV1::build(&n, &t, &ctx);
            assert_eq!(validate(&payload_value(&p)), vec![], "{} late={late}", t.id);
            // And signed.
            p.signature = Some(Signature {
                signer_id: "W-7".into(),
                signer_name: "Sam".into(),
                signed_at: "2026-11-27T10:00:00Z".into(),
                attestation: "I attest".into(),
                content_hash: p.computed_hash(),
                signature_hash: None,
            });
            p.signature = p.signature.map(Signature::sealed);
            assert_eq!(validate(&payload_value(&p)), vec![], "{} signed", t.id);
        }
    }
}

#[test]
fn reports_each_problem_with_its_path() {
    let value = serde_json::json!({
        "schema": "casenote/v2", "id": "nope", "format": "", "formatName": "SOAP",
        "documentType": {"system": "http://loinc.org", "code": "1", "display": "x"},
        "client": {"name": 5}, "service": {"date": "2026-02-30", "start": "9am"},
        "sections": [{"key": "s", "label": "S", "text": "t", "quotes": [{"text": "", "speaker": "boss"}]}],
        "createdAt": "t", "documentedAt": "yesterday"
    });
    let mut fields: Vec<String> = validate(&value)
        .into_iter()
        .map(|e| format!("{}: {}", e.field, e.wire()))
        .collect();
    fields.sort();
    let mut expected = [
            "schema: must be \"casenote/v1\"",
            "id: must be a UUID",
            "format: must not be empty",
            "contentHash: is required",
        "documentType.code: must be one of \"11506-3\", \"28656-7\"",
            "client.name: must be a string, not integer",
            "service.date: must be a date, YYYY-MM-DD",
            "service.start: must be a time, HH:MM",
            "sections[0].quotes[0].text: must not be empty",
            "sections[0].quotes[0].speaker: must be one of \"client\", \"familyMember\", \"collateralContact\", \"other\"",
            "documentedAt: must be a date and time (RFC 3339)",
            "createdAt: must be a date and time (RFC 3339)",
        ];
    expected.sort();
    assert_eq!(fields, expected);
    assert_eq!(
        said(&validate(&serde_json::json!([]))),
        [said_as("body", "must be an object, not array")]
    );
}

/// A valid SOAP payload as JSON.
fn soap_payload() -> Value {
    let t = Template::soap();
    payload_value(&PayloadV1::build(
        &note("soap", &t),
        &t,
        &BuildContext::at("2026-11-27T10:00:00Z"),
    ))
}

/// A problem far along an array of a large body is found.
#[test]
fn a_problem_far_along_a_large_body_is_found() {
    let mut value = soap_payload();
    assert_eq!(validate(&value), vec![]);
    let section = value["sections"][0].clone();
    value["sections"] = vec![section; 10_000].into();
    assert!(values_up_to(&value, usize::MAX) > WHOLE_LIMIT);
    assert_eq!(validate(&value), vec![]);
    value["sections"][9_000]["label"] = 5.into();
    assert_eq!(
        said(&validate(&value)),
        [said_as(
            "sections[9000].label",
            "must be a string, not integer"
        )]
    );
    // With a problem in the first items as well, that one is reported.
    value["sections"][3]["text"] = Value::Null;
    assert_eq!(
        said(&validate(&value)),
        [said_as("sections[3].text", "must be a string, not null")]
    );
}

/// Problems past the first MAX_ERRORS items of an array are found too.
#[test]
fn a_problem_past_the_first_items_is_found() {
    let mut value = serde_json::json!({"sections": []});
    let sections: Vec<Value> = (0..200)
        .map(|i| serde_json::json!({"key": format!("k{i}"), "label": "L", "text": "t"}))
        .collect();
    value["sections"] = sections.into();
    value["sections"][150]["label"] = 5.into();
    let errors = said(&validate(&value));
    assert!(
        errors.contains(&said_as(
            "sections[150].label",
            "must be a string, not integer"
        )),
        "{errors:?}"
    );
}

/// Looking for problems in the document with its arrays cut short is
/// sound only while no keyword can fail because an array is shorter:
/// this lists the keywords the schema may use.
#[test]
fn the_schema_uses_only_keywords_a_shorter_array_cannot_break() {
    fn walk(schema: &Value, found: &mut Vec<String>) {
        match schema {
            Value::Object(map) => {
                for (k, v) in map {
                    found.push(k.clone());
                    if k == "minItems" {
                        assert!(v.as_u64().unwrap() <= MAX_ERRORS as u64);
                    }
                    if matches!(k.as_str(), "properties" | "$defs") {
                        v.as_object().unwrap().values().for_each(|s| walk(s, found));
                    } else if k == "items" {
                        walk(v, found);
                    }
                }
            }
            _ => panic!("a schema is an object here: {schema}"),
        }
    }
    let mut found = Vec::new();
    walk(&serde_json::from_str(SCHEMA_TEXT).unwrap(), &mut found);
    let allowed = [
        "$schema",
        "$id",
        "$defs",
        "$ref",
        "title",
        "description",
        "type",
        "const",
        "enum",
        "required",
        "properties",
        "items",
        "minItems",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "format",
        "pattern",
    ];
    for k in found {
        assert!(allowed.contains(&k.as_str()), "the schema uses {k}");
    }
}

/// Each `pattern` in the schema has its words in PATTERNS, and the
/// formats casenote sends pass.
#[test]
fn patterns_have_messages_and_take_what_casenote_sends() {
    fn patterns(schema: &Value, found: &mut Vec<String>) {
        match schema {
            Value::Object(map) => {
                if let Some(p) = map.get("pattern").and_then(Value::as_str) {
                    found.push(p.to_string());
                }
                map.values().for_each(|v| patterns(v, found));
            }
            Value::Array(items) => items.iter().for_each(|v| patterns(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    patterns(&serde_json::from_str(SCHEMA_TEXT).unwrap(), &mut found);
    assert!(!found.is_empty());
    for p in found {
        assert!(PATTERNS.iter().any(|(q, _)| *q == p), "no message for {p}");
    }
    let problems = |start: &str, hash: &str| -> Vec<String> {
        let mut v = serde_json::json!({"service": {"date": "2026-11-26", "start": start}, "contentHash": hash});
        v["schema"] = "x".into();
        validate(&v)
            .into_iter()
            .filter(|e| {
                e.field.json_path() == "service.start" || e.field.json_path() == "contentHash"
            })
            .map(|e| format!("{}: {}", e.field, e.wire()))
            .collect()
    };
    for ok in ["09:00", "23:59", "00:00:00", "17:45:59"] {
        assert_eq!(problems(ok, &"AB".repeat(32)), Vec::<String>::new(), "{ok}");
    }
    for bad in ["9:00", "24:00", "09:60", "09:00:60", "09:00Z", " 09:00"] {
        assert_eq!(
            problems(bad, &"ab".repeat(32)),
            ["service.start: must be a time, HH:MM"],
            "{bad}"
        );
    }
    assert_eq!(
        problems("09:00", &"g".repeat(64)),
        ["contentHash: must be a SHA-256 in hex (64 characters)"]
    );
}
