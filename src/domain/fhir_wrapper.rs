//! A DocumentReference's outer fields checked against the casenote JSON it
//! carries: a receiver that stores the JSON must not let the wrapper say
//! something else (another id, document type, client or text).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde_json::Value;

use super::field_error::FieldError;
use super::payload::PayloadV1;
use super::render::plain_text;

/// Each place where `doc` contradicts `p`, the note its
/// `application/json` attachment holds. Fields the wrapper leaves out are
/// not contradictions.
pub fn contradictions(doc: &Value, p: &PayloadV1) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut refuse = |field: &str, message: &str| errors.push(FieldError::new(field, message));
    if doc
        .get("id")
        .is_some_and(|id| id.as_str() != Some(p.id.as_str()))
    {
        refuse(
            "DocumentReference.id",
            "must be the id of the casenote JSON it carries",
        );
    }
    if let Some(codings) = doc.pointer("/type/coding") {
        let agrees = codings.as_array().is_some_and(|cs| {
            cs.iter().all(|c| {
                c["system"] != "http://loinc.org"
                    || c["code"].as_str() == Some(p.document_type.code.as_str())
            })
        });
        if !agrees {
            refuse(
                "DocumentReference.type",
                "must carry the LOINC code of the casenote JSON's documentType",
            );
        }
    }
    if let Some(subject) = doc.get("subject") {
        let display = subject.get("display");
        let id = subject.pointer("/identifier/value");
        if display.is_some_and(|d| d.as_str() != Some(p.client.name.as_str()))
            || id.is_some_and(|i| i.as_str() != Some(p.client.id.as_str()))
        {
            refuse(
                "DocumentReference.subject",
                "must name the client of the casenote JSON (its display and identifier)",
            );
        }
    }
    let texts = doc["content"].as_array().into_iter().flatten().filter(|c| {
        c.pointer("/attachment/contentType")
            .and_then(Value::as_str)
            .is_some_and(|t| t.starts_with("text/plain"))
    });
    let rendered = plain_text(p, p.lang());
    for c in texts {
        let text = c
            .pointer("/attachment/data")
            .and_then(Value::as_str)
            .and_then(|d| BASE64.decode(d).ok())
            .and_then(|b| String::from_utf8(b).ok());
        if text.as_deref() != Some(rendered.as_str()) {
            refuse(
                "DocumentReference.content",
                "its text/plain attachment must be the casenote JSON rendered as text, as casenote renders it",
            );
            break;
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fhir::document_reference;

    fn payload() -> PayloadV1 {
        crate::domain::fixtures::soap_payload()
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
                .map(|e| e.field)
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
}
