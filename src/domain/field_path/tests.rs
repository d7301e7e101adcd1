//! Each field's three names, and a receiver's path read back.

use super::*;

fn section(index: usize, key: &str) -> FieldPath {
    FieldPath::Section {
        index,
        key: key.into(),
    }
}

#[test]
fn a_field_knows_its_json_path_editor_key_and_dom_id() {
    let cases = [
        (FieldPath::Client, "client", "client", "cn-client"),
        (
            FieldPath::ServiceDate,
            "service.date",
            "service.date",
            "cn-service-date",
        ),
        (
            FieldPath::LateEntryReason,
            "timeliness.lateEntryReason",
            "lateEntryReason",
            "cn-lateEntryReason",
        ),
        (
            section(2, "plan"),
            "sections[2].text",
            "section.plan",
            "cn-section-plan",
        ),
        (
            FieldPath::Quote {
                section: 3,
                key: "plan".into(),
                index: 1,
            },
            "sections[3].quotes[1].text",
            "section.plan.quotes.1",
            "cn-section-plan-quotes-1",
        ),
        (
            FieldPath::Intervention {
                index: 0,
                part: InterventionPart::Response,
            },
            "interventions[0].clientResponse",
            "interventions.0.response",
            "cn-interventions-0-response",
        ),
        (
            FieldPath::FollowUp {
                index: 1,
                part: FollowUpPart::WhoName,
            },
            "followUps[1].whoName",
            "followUps.1.whoName",
            "cn-followUps-1-whoName",
        ),
        (
            FieldPath::Signer(SignerPart::Name),
            "signature.signerName",
            "signer.name",
            "cn-signer-name",
        ),
        (
            FieldPath::Member(Member::IdempotencyKey),
            "Idempotency-Key",
            "Idempotency-Key",
            "cn-Idempotency-Key",
        ),
        (
            FieldPath::Fhir(FhirPart::SubjectReference),
            "DocumentReference.subject.reference",
            "DocumentReference.subject.reference",
            "cn-DocumentReference-subject-reference",
        ),
    ];
    for (field, json, key, id) in cases {
        assert_eq!(
            (field.json_path(), field.editor_key(), field.dom_id()),
            (json.to_string(), key.to_string(), id.to_string()),
            "{field:?}"
        );
    }
}

#[test]
fn a_receivers_path_is_read_as_the_field_the_editor_shows() {
    let keys: Vec<String> = ["data", "assessment"].map(String::from).into();
    let parse = |p: &str| FieldPath::parse(p, &keys);
    assert_eq!(parse("sections[1].text"), section(1, "assessment"));
    assert_eq!(parse("sections[0].quotes[2].text"), section(0, "data"));
    assert_eq!(parse("client.id"), FieldPath::Client);
    assert_eq!(parse("service.end"), FieldPath::ServiceEnd);
    assert_eq!(parse("lateEntryReason"), FieldPath::LateEntryReason);
    assert_eq!(
        parse("addendum.toHash"),
        FieldPath::Addendum(AddendumPart::ToHash)
    );
    // No field on screen: kept as it came, to be said in words.
    for path in [
        "sections[2].text",
        "sections[x]",
        "id",
        "goals[0].progress",
        "",
    ] {
        assert_eq!(parse(path), FieldPath::Json(path.into()));
        assert!(!parse(path).on_screen());
    }
}

#[test]
fn every_field_the_editor_shows_reads_back_from_its_json_path() {
    let keys: Vec<String> = ["data", "plan"].map(String::from).into();
    for field in [
        FieldPath::Client,
        FieldPath::ServiceDate,
        FieldPath::ServiceStart,
        FieldPath::ServiceEnd,
        FieldPath::LateEntryReason,
        section(1, "plan"),
        FieldPath::Addendum(AddendumPart::To),
        FieldPath::Addendum(AddendumPart::ToHash),
        FieldPath::Addendum(AddendumPart::Reason),
    ] {
        assert_eq!(FieldPath::parse(&field.json_path(), &keys), field);
    }
}

#[test]
fn only_list_items_move_and_only_the_service_times_are_the_service() {
    let quote = FieldPath::Quote {
        section: 0,
        key: "plan".into(),
        index: 0,
    };
    assert!(quote.is_list_item());
    assert!(!section(0, "plan").is_list_item());
    assert!(FieldPath::ServiceStart.is_service_time());
    assert!(!FieldPath::Member(Member::Service).is_service_time());
}
