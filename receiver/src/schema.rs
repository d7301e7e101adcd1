//! Checks incoming notes against `casenote-v1.schema.json`, the same file
//! the README documents. A small validator for the parts of JSON Schema
//! that file uses: type, const, enum, required, properties, items, minItems,
//! minLength, minimum, $ref to $defs, and the formats uuid, date, time,
//! date-time and sha256.

use std::sync::OnceLock;

use casenote::domain::FieldError;
use serde_json::Value;

pub const SCHEMA_TEXT: &str = include_str!("../../src/domain/casenote-v1.schema.json");

fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::from_str(SCHEMA_TEXT).expect("the schema is valid JSON"))
}

/// At most this many problems are reported: a hostile body with millions
/// of broken items must not make millions of messages.
pub const MAX_ERRORS: usize = 50;

/// The places `value` breaks the schema (the first [`MAX_ERRORS`]), with
/// their JSON paths.
pub fn validate(value: &Value) -> Vec<FieldError> {
    let mut errors = Vec::new();
    check(value, schema(), "", &mut errors);
    errors.truncate(MAX_ERRORS);
    errors
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn format_ok(format: &str, s: &str) -> bool {
    use casenote::domain::{id::is_uuid, record::is_sha256_hex, time};
    match format {
        "uuid" => is_uuid(s),
        "date" => time::parse_date(s).is_some(),
        "time" => time::parse_time(s).is_some(),
        "date-time" => chrono::DateTime::parse_from_rfc3339(s).is_ok(),
        "sha256" => is_sha256_hex(s),
        _ => true,
    }
}

fn check(v: &Value, s: &Value, path: &str, errors: &mut Vec<FieldError>) {
    if errors.len() >= MAX_ERRORS {
        return;
    }
    let at = if path.is_empty() {
        "body".to_string()
    } else {
        path.to_string()
    };
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        if let Some(def) = schema()["$defs"].get(name) {
            check(v, def, path, errors);
        }
        return;
    }
    if let Some(c) = s.get("const") {
        if v != c {
            errors.push(FieldError::new(at, format!("must be {c}")));
        }
        return;
    }
    if let Some(options) = s.get("enum").and_then(Value::as_array) {
        if !options.contains(v) {
            let list: Vec<String> = options.iter().map(Value::to_string).collect();
            errors.push(FieldError::new(
                at,
                format!("must be one of {}", list.join(", ")),
            ));
        }
        return;
    }
    if let Some(t) = s.get("type").and_then(Value::as_str) {
        let actual = type_name(v);
        if !(actual == t || (t == "number" && actual == "integer")) {
            errors.push(FieldError::new(
                at,
                format!(
                    "must be {} {t}, not {actual}",
                    if t.starts_with(['a', 'e', 'i', 'o', 'u']) {
                        "an"
                    } else {
                        "a"
                    }
                ),
            ));
            return;
        }
    }
    match v {
        Value::Object(map) => {
            for r in s
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(key) = r.as_str() {
                    if !map.contains_key(key) {
                        errors.push(FieldError::new(join(path, key), "is required"));
                    }
                }
            }
            if let Some(props) = s.get("properties").and_then(Value::as_object) {
                for (key, sub) in props {
                    if let Some(child) = map.get(key) {
                        check(child, sub, &join(path, key), errors);
                    }
                }
            }
        }
        Value::Array(items) => {
            if let Some(min) = s.get("minItems").and_then(Value::as_u64) {
                if (items.len() as u64) < min {
                    errors.push(FieldError::new(
                        at.clone(),
                        format!("must hold at least {min} item(s)"),
                    ));
                }
            }
            if let Some(item_schema) = s.get("items") {
                for (i, item) in items.iter().enumerate() {
                    check(item, item_schema, &format!("{path}[{i}]"), errors);
                }
            }
        }
        Value::String(text) => {
            if let Some(min) = s.get("minLength").and_then(Value::as_u64) {
                if (text.chars().count() as u64) < min {
                    errors.push(FieldError::new(at.clone(), "must not be empty"));
                }
            }
            if let Some(f) = s.get("format").and_then(Value::as_str) {
                if !format_ok(f, text) {
                    let what = match f {
                        "uuid" => "a UUID",
                        "date" => "a date, YYYY-MM-DD",
                        "time" => "a time, HH:MM",
                        "date-time" => "a date and time (RFC 3339)",
                        "sha256" => "a SHA-256 in hex (64 characters)",
                        _ => f,
                    };
                    errors.push(FieldError::new(at, format!("must be {what}")));
                }
            }
        }
        Value::Number(n) => {
            if let (Some(min), Some(x)) = (s.get("minimum").and_then(Value::as_f64), n.as_f64()) {
                if x < min {
                    errors.push(FieldError::new(at, format!("must be at least {min}")));
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use casenote::domain::payload::BuildContext;
    use casenote::domain::record::{content_hash, AddendumKind, AddendumLink, Signature};
    use casenote::domain::{
        DocumentType, GoalProgress, Intervention, Note, PayloadV1, Progress, Quote, Speaker,
        Template,
    };

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
            });
        }
        n
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
                };
                let mut p = PayloadV1::build(&n, &t, &ctx);
                let value =
                    serde_json::from_str::<Value>(&serde_json::to_string(&p).unwrap()).unwrap();
                assert_eq!(validate(&value), vec![], "{} late={late}", t.id);
                // And signed.
                p.signature = Some(Signature {
                    signer_id: "W-7".into(),
                    signer_name: "Sam".into(),
                    signed_at: "2026-11-27T10:00:00Z".into(),
                    attestation: "I attest".into(),
                    content_hash: content_hash(&p),
                });
                assert_eq!(
                    validate(
                        &serde_json::from_str::<Value>(&serde_json::to_string(&p).unwrap())
                            .unwrap()
                    ),
                    vec![],
                    "{} signed",
                    t.id
                );
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
            .map(|e| format!("{}: {}", e.field, e.message))
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
            ];
        expected.sort();
        assert_eq!(fields, expected);
        assert_eq!(
            validate(&serde_json::json!([])),
            vec![FieldError::new("body", "must be an object, not array")]
        );
    }
}
