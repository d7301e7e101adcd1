//! The schema and the types cannot drift: over every built-in format and
//! over property-generated notes, what casenote builds the schema accepts,
//! what the schema accepts the types read, and where the schema and the
//! payload check both judge a member (an id, a date, a time, a tag) they
//! judge it alike.

use proptest::prelude::*;
use serde_json::Value;

use super::validate;
use casenote_format::follow_up::{FollowUp, Owner};
use casenote_format::payload::BuildContext;
use casenote_format::{Note, PayloadV1, Template};

/// A note of `template` with `text` in every section and the given parts.
fn note(template: &Template, text: &str, date: &str, start: &str, due: &str) -> Note {
    let mut n = Note::new(
        "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
        &template.id,
        "2026-11-26T09:00:00Z".into(),
    );
    n.client.name = "Jo".into();
    n.service.date = date.into();
    n.service.start = start.into();
    for s in &template.sections {
        n.section_mut(&s.key).text = format!("{text} {}", s.label);
    }
    if !due.is_empty() {
        n.follow_ups.push(FollowUp {
            what: "Call".into(),
            who: Owner::Worker,
            who_name: String::new(),
            due: due.into(),
        });
    }
    n
}

fn templates() -> Vec<Template> {
    let mut all = Template::builtins();
    all.push(Template::addendum());
    all
}

fn built(n: &Note, t: &Template) -> Value {
    let p = PayloadV1::build(n, t, &BuildContext::at("2026-11-27T10:00:00Z"));
    serde_json::to_value(p).unwrap()
}

/// Whether the schema finds a problem at `path`.
fn schema_refuses(value: &Value, path: &str) -> bool {
    validate(value).iter().any(|e| e.field.json_path() == path)
}

/// Whether the payload check finds a problem at `path` (the value read as
/// the types read it; a value they cannot read counts as refused).
fn check_refuses(value: &Value, path: &str) -> bool {
    match PayloadV1::from_value(value.clone()) {
        Ok(_) => false,
        Err(errors) => errors.iter().any(|e| e.field.json_path() == path),
    }
}

/// Strings near each member's form: well-formed ones, near misses and
/// anything at all.
fn dates() -> impl Strategy<Value = String> {
    prop_oneof![
        "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        " ?20[0-9]{2}-0[1-9]-1[0-9] ?",
        "[0-9 -]{0,12}",
        "\\PC{0,12}",
    ]
}

fn times() -> impl Strategy<Value = String> {
    prop_oneof![
        "([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?",
        "[0-9]{1,3}:[0-9]{1,3}(:[0-9]{1,2})?",
        " ?([01][0-9]|2[0-3]):[0-5][0-9] ?",
        "\\PC{0,8}",
    ]
}

fn uuids() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        "[0-9a-fA-FgG-]{30,40}",
        "\\PC{0,40}",
    ]
}

fn tags() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z]{2,3}(-[A-Z]{2})?", "[A-Za-z0-9-]{0,12}", "\\PC{0,10}"]
}

#[test]
fn every_built_in_format_builds_a_payload_the_schema_and_the_types_accept() {
    for t in templates() {
        let value = built(&note(&t, "text", "2026-11-26", "09:00", "2026-12-01"), &t);
        assert_eq!(validate(&value), vec![], "{}", t.id);
        assert!(PayloadV1::from_value(value).is_ok(), "{}", t.id);
    }
}

proptest! {
    // The drift this found first (a date with spaces around it, which the
    // check took and the schema refused) is a named case in rules.rs.
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// What the editor builds and the payload check accepts, the schema
    /// accepts; and what the schema accepts, the types read.
    #[test]
    fn what_the_check_accepts_the_schema_accepts(
        t in prop::sample::select(templates()),
        text in "\\PC{0,20}",
        date in dates(),
        start in times(),
        due in prop_oneof![Just(String::new()), dates()],
    ) {
        let value = built(&note(&t, &text, &date, &start, &due), &t);
        let checked = PayloadV1::from_value(value.clone());
        let schema = validate(&value);
        if checked.is_ok() {
            prop_assert_eq!(schema.clone(), vec![]);
        }
        if schema.is_empty() {
            prop_assert!(serde_json::from_value::<PayloadV1>(value).is_ok());
        }
    }

    /// A member both judge is judged alike: an id, a date, a time.
    #[test]
    fn the_schema_and_the_check_judge_a_member_alike(
        id in uuids(),
        date in dates(),
        start in times(),
        due in dates(),
        previous in uuids(),
    ) {
        let t = Template::soap();
        let mut value = built(&note(&t, "text", "2026-11-26", "09:00", "2026-12-01"), &t);
        value["id"] = id.into();
        value["service"]["date"] = date.into();
        value["service"]["start"] = start.into();
        value["followUps"][0]["due"] = due.into();
        value["previousFollowUps"] = serde_json::json!([{
            "note": previous, "index": 0, "what": "Call", "status": "done"
        }]);
        // The content hash no longer matches: the check says so at
        // contentHash, which is not among the members compared here.
        for path in [
            "id",
            "service.date",
            "service.start",
            "followUps[0].due",
            "previousFollowUps[0].note",
        ] {
            prop_assert_eq!(
                schema_refuses(&value, path),
                check_refuses(&value, path),
                "{} in {}", path, value
            );
        }
    }

    /// A language tag the check takes, the schema takes. (The check asks
    /// more: a tag the language parser reads, with no variant twice.)
    #[test]
    fn a_tag_the_check_takes_the_schema_takes(tag in tags()) {
        let t = Template::soap();
        let mut value = built(&note(&t, "text", "2026-11-26", "09:00", ""), &t);
        value["language"] = tag.into();
        if !check_refuses(&value, "language") {
            prop_assert!(!schema_refuses(&value, "language"), "{}", value["language"]);
        }
    }
}
