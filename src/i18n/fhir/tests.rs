use super::*;
use casenote_format::record::AddendumKind;
use casenote_format::record::AddendumLink;

fn payload() -> PayloadV1 {
    casenote_format::fixtures::soap_payload()
}

/// The elements FHIR R4 requires of a DocumentReference (status,
/// content.attachment), and what this profile promises besides.
#[test]
fn has_the_required_elements_of_an_r4_document_reference() {
    let p = payload();
    let d = document_reference(&p, Some("Patient/C-1"), Some("Practitioner/W-7"));
    assert_eq!(d["resourceType"], "DocumentReference");
    assert_eq!(d["status"], "current");
    // Not signed: not verified, so preliminary.
    assert_eq!(d["docStatus"], "preliminary");
    assert!(d.get("authenticator").is_none());
    assert_eq!(d["type"]["coding"][0]["system"], "http://loinc.org");
    assert_eq!(d["type"]["coding"][0]["code"], "11506-3");
    assert_eq!(d["category"][0]["coding"][0]["code"], "clinical-note");
    assert_eq!(d["subject"]["reference"], "Patient/C-1");
    assert_eq!(d["author"][0]["reference"], "Practitioner/W-7");
    assert_eq!(d["date"], "2026-11-26T10:00:00Z");
    let content = d["content"].as_array().unwrap();
    assert_eq!(content.len(), 2);
    for c in content {
        assert!(c["attachment"]["contentType"].is_string());
        assert!(c["attachment"]["data"].is_string());
    }
    let text = BASE64
        .decode(content[0]["attachment"]["data"].as_str().unwrap())
        .unwrap();
    assert!(String::from_utf8(text)
        .unwrap()
        .contains("Subjective\n----------\nsubjective text"));
    assert_eq!(
        PayloadV1::parse(&casenote_json_from(&d).unwrap()).unwrap(),
        p
    );
    assert!(d.get("relatesTo").is_none());
}

/// A note written in Spanish says so, and its section labels travel in
/// Spanish; the codes do not change.
#[test]
fn the_language_and_labels_are_the_notes() {
    let mut p = casenote_format::fixtures::spanish_payload();
    p.signature = None;
    let d = document_reference(&p, None, None);
    assert_eq!(d["language"], "es");
    for c in d["content"].as_array().unwrap() {
        assert_eq!(c["attachment"]["language"], "es");
    }
    assert_eq!(d["type"]["coding"][0]["code"], "11506-3");
    let inner = PayloadV1::parse(&casenote_json_from(&d).unwrap()).unwrap();
    assert_eq!(inner.sections[0].label, "Subjetivo");
    assert_eq!(inner.sections[0].key, "subjective");
    assert_eq!(inner.sections[0].loinc.as_deref(), Some("61150-9"));
}

#[test]
fn addenda_relate_to_their_original() {
    let mut p = payload();
    p.addendum = Some(AddendumLink {
        to: "11111111-1111-4111-8111-111111111111".into(),
        to_hash: None,
        kind: AddendumKind::Clarification,
        reason: "r".into(),
    });
    let d = document_reference(&p, Some("Patient/C-1"), None);
    assert_eq!(d["docStatus"], "preliminary");
    assert_eq!(d["relatesTo"][0]["code"], "appends");
    // By identifier: a server that assigns its own ids still finds it.
    assert_eq!(
        d["relatesTo"][0]["target"],
        json!({ "identifier": {
            "system": "urn:ietf:rfc:3986",
            "value": "urn:uuid:11111111-1111-4111-8111-111111111111"
        } })
    );
    assert!(d.get("author").is_none());
    // Without a subject reference there is no subject, rather than one
    // pointing at the wrong resource.
    assert!(document_reference(&p, None, None).get("subject").is_none());
    p.addendum.as_mut().unwrap().kind = AddendumKind::Correction;
    let d = document_reference(&p, Some("Patient/C-1"), None);
    assert_eq!(d["relatesTo"][0]["code"], "appends");
}

#[test]
fn receivers_get_a_clear_error_for_a_wrong_resource() {
    let parse = |t: &str| serde_json::from_str::<Value>(t).unwrap();
    assert!(casenote_json_from(&parse(r#"{"resourceType": "Patient"}"#))
        .unwrap_err()
        .contains("DocumentReference"));
    let no_json = parse(
        r#"{"resourceType": "DocumentReference", "content": [{"attachment": {"contentType": "text/plain", "data": ""}}]}"#,
    );
    assert!(casenote_json_from(&no_json)
        .unwrap_err()
        .contains("application/json"));
    // Padding is exact: "data" with a stray "=" is not base64.
    let padded = parse(
        r#"{"resourceType": "DocumentReference", "content": [{"attachment": {"contentType": "application/json", "data": "e30=="}}]}"#,
    );
    assert!(casenote_json_from(&padded)
        .unwrap_err()
        .contains("not base64"));
}

#[test]
fn the_context_says_when_and_how_and_the_encounter_who_and_where() {
    let p = casenote_format::fixtures::contact_payload();
    let d = document_reference(&p, Some("Patient/C-1"), None);
    let c = &d["context"];
    assert_eq!(c["event"][0]["text"], "Home visit");
    assert_eq!(c["event"][0]["coding"][0]["code"], "FACE");
    assert!(c.get("facilityType").is_none());
    assert!(c.get("related").is_none());
    assert_eq!(c["encounter"][0]["reference"], "#encounter");
    let e = &d["contained"][0];
    assert_eq!(e["resourceType"], "Encounter");
    assert_eq!(e["id"], "encounter");
    assert_eq!(e["status"], "finished");
    assert_eq!(e["class"]["code"], "HH");
    assert_eq!(e["location"][0]["location"]["display"], "Client's home");
    assert_eq!(
        e["participant"][1]["individual"]["display"],
        "Rosa \"Ro\" Diaz"
    );
    assert_eq!(e["participant"][1]["type"][0]["text"], "Interpreter");
    assert_eq!(e["period"], c["period"]);
    // Who they are to the client, when the worker said so.
    let mut with = p.clone();
    with.participants[1].relationship = "aunt".into();
    let d = document_reference(&with, None, None);
    assert_eq!(
        d["contained"][0]["participant"][1]["individual"]["display"],
        "Rosa \"Ro\" Diaz, aunt"
    );
    // Nothing said: the period, and no encounter.
    let plain = document_reference(&payload(), None, None);
    assert_eq!(
        plain["context"],
        json!({ "period": { "start": "2026-11-26", "end": "2026-11-26" } })
    );
    assert!(plain.get("contained").is_none());
}

/// Start and end to the minute in the worker's offset, past midnight onto
/// the next day.
#[test]
fn the_period_has_both_ends_in_the_workers_zone() {
    let mut p = payload();
    p.service.start = Some("23:00".into());
    p.service.end = Some("01:15".into());
    p.timeliness.as_mut().unwrap().utc_offset_minutes = Some(-300);
    let d = document_reference(&p, None, None);
    assert_eq!(
        d["context"]["period"],
        json!({ "start": "2026-11-26T23:00:00-05:00", "end": "2026-11-27T01:15:00-05:00" })
    );
}

#[test]
fn a_signed_note_is_final_and_says_who_authenticated_it() {
    let mut p = payload();
    p.author = Some(casenote_format::Person {
        id: "W-7".into(),
        name: "Sam".into(),
    });
    p.signature = Some(
        casenote_format::record::Signature {
            signer_id: "W-7".into(),
            signer_name: "Sam".into(),
            signed_at: "2026-11-26T10:00:00Z".into(),
            attestation: "I attest.".into(),
            content_hash: p.content_hash.clone(),
            signature_hash: None,
        }
        .sealed(),
    );
    let d = document_reference(&p, None, Some("Practitioner/W-7"));
    assert_eq!(d["docStatus"], "final");
    assert_eq!(
        d["authenticator"],
        json!({ "reference": "Practitioner/W-7", "display": "Sam", "identifier": { "value": "W-7" } })
    );
    // Signed by someone who is not the author: by name and id only.
    p.signature.as_mut().unwrap().signer_id = "W-9".into();
    let d = document_reference(&p, None, Some("Practitioner/W-7"));
    assert_eq!(
        d["authenticator"],
        json!({ "display": "Sam", "identifier": { "value": "W-9" } })
    );
}

#[test]
fn the_narrative_is_the_note_as_text() {
    let d = document_reference(&payload(), None, None);
    assert_eq!(d["text"]["status"], "generated");
    let div = d["text"]["div"].as_str().unwrap();
    assert!(div.starts_with("<div xmlns=\"http://www.w3.org/1999/xhtml\"><pre>"));
    assert!(
        div.contains("Subjective\n----------\nsubjective text"),
        "{div}"
    );
}

#[test]
fn a_spanish_note_is_described_in_spanish() {
    let d = document_reference(&casenote_format::fixtures::spanish_payload(), None, None);
    assert_eq!(d["description"], "Nota SOAP");
    assert_eq!(d["content"][0]["attachment"]["title"], "Nota SOAP");
    assert_eq!(
        d["content"][1]["attachment"]["title"],
        "JSON de casenote v1"
    );
}

#[test]
fn a_revision_replaces_the_returned_version_by_identifier() {
    let mut p = payload();
    p.revises = Some(casenote_format::review::RevisionLink {
        to: "11111111-1111-4111-8111-111111111111".into(),
        to_hash: "ab".repeat(32),
        review: "22222222-2222-4222-8222-222222222222".into(),
        responses: vec![],
    });
    let d = document_reference(&p, None, None);
    assert_eq!(d["relatesTo"][0]["code"], "replaces");
    assert_eq!(
        d["relatesTo"][0]["target"]["identifier"]["value"],
        "urn:uuid:11111111-1111-4111-8111-111111111111"
    );
}

fn review(decision: casenote_format::review::Decision) -> casenote_format::review::ReviewV1 {
    use casenote_format::review::*;
    let p = payload();
    let draft = ReviewDraft {
        id: "33333333-3333-4333-8333-333333333333".into(),
        note: ReviewedNote {
            id: p.id.clone(),
            content_hash: p.content_hash.clone(),
        },
        reviewer: Reviewer {
            id: "S-3".into(),
            name: "Dana".into(),
            credential: "LCSW".into(),
        },
        comments: vec![ReviewComment {
            id: "44444444-4444-4444-8444-444444444444".into(),
            about: CommentAbout::Note,
            text: "Say what it rests on.".into(),
        }],
        language: Some("es".into()),
        created_at: "2026-11-27T09:00:00Z".into(),
    };
    ReviewV1::build(&draft, decision, "2026-11-27T09:30:00Z", "I co-sign.")
}

#[test]
fn a_review_is_a_provenance_of_the_note_that_carries_it() {
    use casenote_format::review::{Decision, ReviewV1};
    let r = review(Decision::Cosign);
    let d = provenance(&r, Some("Practitioner/S-3"));
    assert_eq!(d["resourceType"], "Provenance");
    assert_eq!(d["id"], r.id);
    assert_eq!(
        d["target"][0]["identifier"]["value"],
        format!("urn:uuid:{}", r.note.id)
    );
    assert_eq!(d["recorded"], "2026-11-27T09:30:00Z");
    assert_eq!(d["agent"][0]["who"]["reference"], "Practitioner/S-3");
    assert_eq!(d["agent"][0]["who"]["display"], "Dana, LCSW");
    assert_eq!(d["activity"]["text"], "Firmada también por un supervisor");
    let sig = &d["signature"][0];
    assert_eq!(sig["type"][0]["code"], "1.2.840.10065.1.12.1.5");
    assert_eq!(sig["when"], "2026-11-27T09:30:00Z");
    let block = BASE64.decode(sig["data"].as_str().unwrap()).unwrap();
    let block: Value = serde_json::from_slice(&block).unwrap();
    assert_eq!(
        block["signatureHash"],
        r.co_signature.as_ref().unwrap().signature_hash
    );
    assert_eq!(ReviewV1::parse(&review_json_from(&d).unwrap()).unwrap(), r);
    // A return has no signature, and says so.
    let d = provenance(&review(Decision::Return), None);
    assert!(d.get("signature").is_none());
    assert!(d["agent"][0]["who"].get("reference").is_none());
    assert_eq!(d["activity"]["text"], "Devuelta para revisión");
    assert!(review_json_from(&json!({"resourceType": "Provenance"}))
        .unwrap_err()
        .contains(REVIEW_EXTENSION));
}

/// Writes each kind of FHIR resource this crate builds to the folder
/// `CASENOTE_FHIR_SAMPLES` names, for the R4, R4B and JSON Schema
/// validators of `.ci/fhir` (a no-op without it).
#[test]
fn fhir_samples_for_the_validators() {
    let Ok(dir) = std::env::var("CASENOTE_FHIR_SAMPLES") else {
        return;
    };
    use casenote_format::review::Decision;
    let mut signed = payload();
    signed.author = Some(casenote_format::Person {
        id: "W-7".into(),
        name: "Sam".into(),
    });
    signed.signature = Some(
        casenote_format::record::Signature {
            signer_id: "W-7".into(),
            signer_name: "Sam".into(),
            signed_at: "2026-11-26T10:00:00Z".into(),
            attestation: "I attest.".into(),
            content_hash: signed.content_hash.clone(),
            signature_hash: None,
        }
        .sealed(),
    );
    let mut night = casenote_format::fixtures::contact_payload();
    night.service.start = Some("23:00".into());
    night.service.end = Some("01:15".into());
    night.timeliness.as_mut().unwrap().utc_offset_minutes = Some(-300);
    let mut addendum = payload();
    addendum.addendum = Some(AddendumLink {
        to: "11111111-1111-4111-8111-111111111111".into(),
        to_hash: None,
        kind: AddendumKind::Clarification,
        reason: "r".into(),
    });
    let samples = [
        (
            "plain",
            document_reference(&payload(), Some("Patient/C-1"), None),
        ),
        (
            "signed",
            document_reference(&signed, Some("Patient/C-1"), Some("Practitioner/W-7")),
        ),
        (
            "contact-night",
            document_reference(&night, Some("Patient/C-1"), None),
        ),
        (
            "spanish",
            document_reference(&casenote_format::fixtures::spanish_payload(), None, None),
        ),
        (
            "rich",
            document_reference(&casenote_format::fixtures::rich_payload(), None, None),
        ),
        ("addendum", document_reference(&addendum, None, None)),
        (
            "review-cosign",
            provenance(&review(Decision::Cosign), Some("Practitioner/S-3")),
        ),
        ("review-return", provenance(&review(Decision::Return), None)),
    ];
    for (name, doc) in samples {
        let path = std::path::Path::new(&dir).join(format!("{name}.json"));
        std::fs::write(path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    }
}
