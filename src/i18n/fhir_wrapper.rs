//! A DocumentReference's outer fields checked against the casenote JSON it
//! carries: a receiver that stores the JSON must not let the wrapper say
//! something else (another id, document type, client or text).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde_json::Value;

use crate::fhir::is_media_type;
use crate::render::plain_text;
use casenote_format::field_path::{FhirPart, FieldPath};
use casenote_format::payload::PayloadV1;
use casenote_format::problem::{FieldProblem, Problem};

const LOINC: &str = "http://loinc.org";

/// Each place where `doc` contradicts `p`, the note its
/// `application/json` attachment holds. Fields the wrapper leaves out are
/// not contradictions.
pub fn contradictions(doc: &Value, p: &PayloadV1) -> Vec<FieldProblem> {
    let mut errors = Vec::new();
    let mut refuse = |part, problem| errors.push(FieldProblem::new(FieldPath::Fhir(part), problem));
    if doc
        .get("id")
        .is_some_and(|id| id.as_str() != Some(p.id.as_str()))
    {
        refuse(FhirPart::Id, Problem::FhirIdDiffers);
    }
    if let Some(codings) = doc.pointer("/type/coding") {
        // A system URI's scheme and host are case-blind: HTTP://LOINC.ORG
        // is LOINC too.
        let agrees = codings.as_array().is_some_and(|cs| {
            cs.iter().all(|c| {
                !c["system"]
                    .as_str()
                    .is_some_and(|s| s.trim_end_matches('/').eq_ignore_ascii_case(LOINC))
                    || c["code"].as_str() == Some(p.document_type.code.as_str())
            })
        });
        if !agrees {
            refuse(FhirPart::Type, Problem::FhirTypeDiffers);
        }
    }
    if let Some(subject) = doc.get("subject") {
        let display = subject.get("display");
        let id = subject.pointer("/identifier/value");
        if display.is_some_and(|d| d.as_str() != Some(p.client.name.as_str()))
            || id.is_some_and(|i| i.as_str() != Some(p.client.id.as_str()))
        {
            refuse(FhirPart::Subject, Problem::FhirSubjectDiffers);
        }
    }
    let of_type = |essence: &'static str| {
        doc["content"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(move |c| {
                c.pointer("/attachment/contentType")
                    .and_then(Value::as_str)
                    .is_some_and(|t| is_media_type(t, essence))
            })
    };
    let decoded = |c: &Value| {
        c.pointer("/attachment/data")
            .and_then(Value::as_str)
            .and_then(|d| BASE64.decode(d).ok())
            .and_then(|b| String::from_utf8(b).ok())
    };
    // Every JSON attachment says what the first (the note stored) says.
    let json = |c: &Value| decoded(c).and_then(|t| serde_json::from_str::<Value>(&t).ok());
    let mut jsons = of_type("application/json");
    if let Some(first) = jsons.next().map(json) {
        if jsons.any(|c| first.is_none() || json(c) != first) {
            refuse(FhirPart::Content, Problem::FhirJsonsDiffer);
        }
    }
    let rendered = plain_text(p, p.lang());
    for c in of_type("text/plain") {
        let text = decoded(c);
        if text.as_deref() != Some(rendered.as_str()) {
            refuse(FhirPart::Content, Problem::FhirTextDiffers);
            break;
        }
    }
    errors
}

/// A receiver that holds no patient index of its own (the reference
/// receiver) can tell which patient `subject.reference` names only as
/// casenote names the client by default, `Patient/<client id>`: any other
/// `Patient/…` reference is refused there, as possibly another patient's.
/// A note whose client has no id has no default to hold it to. (A host that sets `fhir-subject` to its FHIR server's own ids sends to
/// a receiver that resolves them.)
pub fn unresolved_subject(doc: &Value, p: &PayloadV1) -> Option<FieldProblem> {
    let to = doc
        .pointer("/subject/reference")
        .and_then(Value::as_str)?
        .trim();
    let client = p.client.id.trim();
    let named = to.strip_prefix("Patient/").unwrap_or(to);
    (!client.is_empty() && named != client).then(|| {
        let problem = Problem::FhirSubjectUnresolved {
            client: client.into(),
            to: to.into(),
        };
        FieldProblem::new(FieldPath::Fhir(FhirPart::SubjectReference), problem)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fhir::document_reference;

    fn payload() -> PayloadV1 {
        casenote_format::fixtures::soap_payload()
    }

    #[test]
    fn what_casenote_builds_agrees_with_itself() {
        let p = payload();
        let doc = document_reference(&p, Some("Patient/77"), Some("Practitioner/7"));
        assert_eq!(doc["subject"]["display"], "Jo");
        assert_eq!(doc["subject"]["identifier"]["value"], "C-1");
        assert_eq!(contradictions(&doc, &p), vec![]);
        assert_eq!(
            contradictions(&document_reference(&p, None, None), &p),
            vec![]
        );
    }

    #[test]
    fn each_outer_field_that_contradicts_is_named() {
        let p = payload();
        let fields = |edit: &dyn Fn(&mut Value)| {
            let mut doc = document_reference(&p, Some("Patient/77"), None);
            edit(&mut doc);
            contradictions(&doc, &p)
                .into_iter()
                .map(|e| e.field.json_path())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            fields(&|d| d["id"] = "1f8fad5b-d9cb-469f-a165-70867728950e".into()),
            ["DocumentReference.id"]
        );
        assert_eq!(
            fields(&|d| d["type"]["coding"][0]["code"] = "28656-7".into()),
            ["DocumentReference.type"]
        );
        assert_eq!(
            fields(&|d| d["subject"]["display"] = "Someone Else".into()),
            ["DocumentReference.subject"]
        );
        assert_eq!(
            fields(&|d| d["subject"]["identifier"]["value"] = "C-2".into()),
            ["DocumentReference.subject"]
        );
        let other_text = BASE64.encode("Subjective\n----------\nsomething else");
        assert_eq!(
            fields(&|d| d["content"][0]["attachment"]["data"] = other_text.clone().into()),
            ["DocumentReference.content"]
        );
    }

    /// The audit's four: a TEXT/PLAIN attachment, a second JSON
    /// attachment, LOINC in capitals, and another patient's reference.
    #[test]
    fn contradictions_in_other_spellings_or_extra_attachments_are_named() {
        let p = payload();
        let fields = |edit: &dyn Fn(&mut Value)| {
            let mut doc = document_reference(&p, Some("Patient/C-1"), None);
            edit(&mut doc);
            contradictions(&doc, &p)
                .into_iter()
                .map(|e| e.field.json_path())
                .collect::<Vec<_>>()
        };
        let index = |doc: &Value, essence: &str| {
            doc["content"]
                .as_array()
                .unwrap()
                .iter()
                .position(|c| {
                    is_media_type(c["attachment"]["contentType"].as_str().unwrap(), essence)
                })
                .unwrap()
        };
        let other_text = BASE64.encode("Subjective\n----------\nsomething else");
        assert_eq!(
            fields(&|d| {
                let i = index(d, "text/plain");
                d["content"][i]["attachment"]["contentType"] = "TEXT/PLAIN; charset=utf-8".into();
                d["content"][i]["attachment"]["data"] = other_text.clone().into();
            }),
            ["DocumentReference.content"]
        );
        assert_eq!(
            fields(&|d| {
                let mut other = p.clone();
                other.client.name = "Someone Else".into();
                let extra = serde_json::json!({ "attachment": {
                    "contentType": "application/json",
                    "data": BASE64.encode(serde_json::to_string(&other).unwrap()),
                }});
                d["content"].as_array_mut().unwrap().push(extra);
            }),
            ["DocumentReference.content"]
        );
        // The same JSON twice is no contradiction.
        assert_eq!(
            fields(&|d| {
                let i = index(d, "application/json");
                let again = d["content"][i].clone();
                d["content"].as_array_mut().unwrap().push(again);
            }),
            Vec::<String>::new()
        );
        assert_eq!(
            fields(&|d| {
                d["type"]["coding"][0]["system"] = "HTTP://LOINC.ORG".into();
                d["type"]["coding"][0]["code"] = "28656-7".into();
            }),
            ["DocumentReference.type"]
        );
        assert_eq!(fields(&|_| {}), Vec::<String>::new());
    }

    #[test]
    fn a_receiver_without_a_patient_index_takes_only_casenotes_default_reference() {
        let p = payload();
        let with = |to: Option<&str>| {
            unresolved_subject(&document_reference(&p, to, None), &p).map(|e| e.wire())
        };
        assert_eq!(with(Some("Patient/C-1")), None);
        assert_eq!(with(None), None);
        assert_eq!(
            with(Some("Patient/C-2")).as_deref(),
            Some("must be Patient/<client id> (\"Patient/C-1\"): this receiver cannot tell which patient \"Patient/C-2\" is")
        );
        assert!(with(Some("Patient/77")).is_some());
    }
}
