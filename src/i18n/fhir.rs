//! The optional FHIR R4 form of a note: a DocumentReference whose content
//! is the rendered note (text/plain) and the casenote JSON (application/json).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde_json::{json, Value};

use crate::labels::{Describe, Label};
use crate::render::plain_text;
use casenote_format::payload::PayloadV1;

/// The media type to POST a FHIR resource with.
pub const FHIR_JSON: &str = "application/fhir+json";

fn attachment(content_type: &str, data: &[u8], title: &str) -> Value {
    json!({
        "attachment": { "contentType": content_type, "data": BASE64.encode(data), "title": title }
    })
}

fn reference(to: &str) -> Value {
    json!({ "reference": to })
}

/// The subject: the host's reference, with the client's name and id from
/// the casenote JSON, which a receiver checks against it.
fn subject_of(to: &str, p: &PayloadV1) -> Value {
    let mut subject = reference(to);
    if !p.client.name.is_empty() {
        subject["display"] = p.client.name.clone().into();
    }
    if !p.client.id.is_empty() {
        subject["identifier"] = json!({ "value": p.client.id });
    }
    subject
}

/// `context`: the service period; how the contact happened (`event`, with
/// the HL7 ParticipationMode code where one says the same); where
/// (`facilityType`, as text); and who took part (`related`, each a
/// reference by display, "Name (role)").
fn context_of(p: &PayloadV1) -> Value {
    let mut context = json!({ "period": { "start": p.service.date } });
    if let Some(m) = p.contact_mode {
        let mut event = json!({ "text": m.label(p.lang()) });
        if let Some((code, display)) = m.participation_mode() {
            event["coding"] = json!([{
                "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode",
                "code": code,
                "display": display,
            }]);
        }
        context["event"] = json!([event]);
    }
    if let Some(l) = &p.location {
        context["facilityType"] = json!({ "text": l });
    }
    if !p.participants.is_empty() {
        let related: Vec<Value> = p
            .participants
            .iter()
            .map(|x| json!({ "display": x.describe(p.lang()) }))
            .collect();
        context["related"] = related.into();
    }
    context
}

/// Builds the DocumentReference for `p`. `subject` and `author` are FHIR
/// references the host supplies (e.g. `Patient/123`, `Practitioner/7`).
pub fn document_reference(p: &PayloadV1, subject: Option<&str>, author: Option<&str>) -> Value {
    let casenote_json = serde_json::to_string(p).unwrap_or_default();
    let title = format!("{} note", p.format_name);
    let mut doc = json!({
        "resourceType": "DocumentReference",
        "id": p.id,
        "identifier": [{ "system": "urn:ietf:rfc:3986", "value": format!("urn:uuid:{}", p.id) }],
        "status": "current",
        // An addendum is a final document of its own: the original is not
        // amended, replaced or superseded.
        "docStatus": "final",
        "type": {
            "coding": [{
                "system": "http://loinc.org",
                "code": p.document_type.code,
                "display": p.document_type.display,
            }]
        },
        "category": [{
            "coding": [{
                "system": "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category",
                "code": "clinical-note",
                "display": "Clinical Note",
            }]
        }],
        "date": p.documented_at,
        "description": title,
        "content": [
            attachment("text/plain; charset=utf-8", plain_text(p, p.lang()).as_bytes(), &title),
            attachment("application/json", casenote_json.as_bytes(), "casenote JSON v1"),
        ],
        "context": context_of(p),
    });
    if let Some(s) = subject.filter(|s| !s.trim().is_empty()) {
        doc["subject"] = subject_of(s, p);
    }
    if let Some(language) = &p.language {
        // The resource's language and each attachment's: the language the
        // note was written in (its codes are the same in every language).
        doc["language"] = json!(language);
        if let Some(contents) = doc["content"].as_array_mut() {
            for c in contents {
                c["attachment"]["language"] = json!(language);
            }
        }
    }
    if let Some(a) = author.filter(|a| !a.trim().is_empty()) {
        doc["author"] = json!([reference(a)]);
    }
    if let Some(link) = &p.addendum {
        // Every kind appends, a correction too: "replaces" would tell a FHIR
        // server to supersede the original. The kind is in the casenote JSON.
        doc["relatesTo"] = json!([{
            "code": "appends",
            "target": reference(&format!("DocumentReference/{}", link.to)),
        }]);
    }
    doc
}

/// Whether the content type `t` (any case, with or without parameters) is
/// the media type `essence` (lower case).
pub fn is_media_type(t: &str, essence: &str) -> bool {
    t.split(';')
        .next()
        .is_some_and(|e| e.trim().eq_ignore_ascii_case(essence))
}

/// The casenote JSON carried in a DocumentReference, for a receiver: its
/// first `application/json` attachment.
pub fn casenote_json_from(doc: &Value) -> Result<String, String> {
    if doc["resourceType"] != "DocumentReference" {
        return Err("resourceType must be \"DocumentReference\"".into());
    }
    let contents = doc["content"]
        .as_array()
        .ok_or("content must be an array")?;
    let attachment = contents
        .iter()
        .map(|c| &c["attachment"])
        .find(|a| {
            a["contentType"]
                .as_str()
                .is_some_and(|t| is_media_type(t, "application/json"))
        })
        .ok_or("content must hold an application/json attachment with the casenote JSON")?;
    let data = attachment["data"]
        .as_str()
        .ok_or("the casenote attachment has no data")?;
    let bytes = BASE64
        .decode(data)
        .map_err(|e| format!("the casenote attachment is not base64: {e}"))?;
    String::from_utf8(bytes).map_err(|_| "the casenote attachment is not UTF-8".into())
}

#[cfg(test)]
mod tests {
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
        assert_eq!(d["docStatus"], "final");
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
        assert_eq!(d["docStatus"], "final");
        assert_eq!(d["relatesTo"][0]["code"], "appends");
        assert_eq!(
            d["relatesTo"][0]["target"]["reference"],
            "DocumentReference/11111111-1111-4111-8111-111111111111"
        );
        assert!(d.get("author").is_none());
        // Without a subject reference there is no subject, rather than one
        // pointing at the wrong resource.
        assert!(document_reference(&p, None, None).get("subject").is_none());
        p.addendum.as_mut().unwrap().kind = AddendumKind::Correction;
        let d = document_reference(&p, Some("Patient/C-1"), None);
        assert_eq!(d["relatesTo"][0]["code"], "appends");
        assert_eq!(d["docStatus"], "final");
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
    fn the_context_says_how_where_and_who() {
        let p = casenote_format::fixtures::contact_payload();
        let d = document_reference(&p, Some("Patient/C-1"), None);
        let c = &d["context"];
        assert_eq!(c["period"]["start"], "2026-11-26");
        assert_eq!(c["event"][0]["text"], "Home visit");
        assert_eq!(c["event"][0]["coding"][0]["code"], "FACE");
        assert_eq!(c["facilityType"]["text"], "Client's home");
        assert_eq!(c["related"][1]["display"], "Rosa \"Ro\" Diaz (Interpreter)");
        // Who they are to the client, when the worker said so.
        let mut with = p.clone();
        with.participants[1].relationship = "aunt".into();
        let d = document_reference(&with, None, None);
        assert_eq!(
            d["context"]["related"][1]["display"],
            "Rosa \"Ro\" Diaz, aunt (Interpreter)"
        );
        // Nothing said: only the period.
        let plain = document_reference(&payload(), None, None);
        assert_eq!(
            plain["context"],
            json!({ "period": { "start": "2026-11-26" } })
        );
    }
}
