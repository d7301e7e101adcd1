//! The FHIR R4 form of a review: a `Provenance` whose target is the note's
//! DocumentReference (by its identifier), recorded when the reviewer
//! decided, with the reviewer as the verifier. A co-signature is its
//! `signature`: a verification signature (ASTM E1762) whose data is the
//! co-signature block. The review itself travels in an extension, as the
//! casenote JSON travels in the DocumentReference, so a receiver reads the
//! comments and checks the hashes from the FHIR form alone.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde_json::{json, Value};

use super::note_identifier;
use crate::Catalog;
use casenote_format::review::{Decision, ReviewV1};
use casenote_format::Lang;

/// The extension that carries the casenote review JSON (base64, as an
/// Attachment).
pub const REVIEW_EXTENSION: &str = "urn:casenote:review:v1";

/// ASTM E1762-95 signature types, as FHIR R4's signature-type codes.
const SIGNATURE_TYPES: &str = "urn:iso-astm:E1762-95:2013";
const VERIFICATION_SIGNATURE: &str = "1.2.840.10065.1.12.1.5";

/// The reviewer: the host's reference when it gives one, and their name
/// and staff id.
fn reviewer_of(r: &ReviewV1, reviewer: Option<&str>) -> Value {
    let mut who = match reviewer.filter(|x| !x.trim().is_empty()) {
        Some(to) => json!({ "reference": to }),
        None => json!({}),
    };
    if !r.reviewer.name.trim().is_empty() {
        let name = match r.reviewer.credential.trim() {
            "" => r.reviewer.name.trim().to_string(),
            c => format!("{}, {c}", r.reviewer.name.trim()),
        };
        who["display"] = name.into();
    }
    if !r.reviewer.id.trim().is_empty() {
        who["identifier"] = json!({ "value": r.reviewer.id.trim() });
    }
    who
}

/// Builds the Provenance for review `r`; `reviewer` is the host's FHIR
/// reference for the reviewer (`Practitioner/12`), when it has one.
pub fn provenance(r: &ReviewV1, reviewer: Option<&str>) -> Value {
    let lang = r
        .language
        .as_deref()
        .map(Lang::negotiate)
        .unwrap_or_default();
    let review_json = serde_json::to_string(r).unwrap_or_default();
    let said = match r.decision {
        Decision::Cosign => lang.t("record-review-cosigned"),
        Decision::Return => lang.t("record-review-returned"),
    };
    let who = reviewer_of(r, reviewer);
    let mut doc = json!({
        "resourceType": "Provenance",
        "id": r.id,
        "extension": [{
            "url": REVIEW_EXTENSION,
            "valueAttachment": {
                "contentType": "application/json",
                "data": BASE64.encode(review_json.as_bytes()),
                "title": "casenote review v1",
            }
        }],
        "text": super::narrative::of_text(&said),
        "target": [{ "identifier": note_identifier(&r.note.id) }],
        "recorded": r.decided_at,
        "activity": {
            "coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                "code": "VRF",
                "display": "verifier",
            }],
            "text": said,
        },
        "agent": [{
            "type": {
                "coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                    "code": "verifier",
                    "display": "Verifier",
                }]
            },
            "who": who,
        }],
    });
    if let Some(language) = &r.language {
        doc["language"] = json!(language);
    }
    if let Some(sig) = &r.co_signature {
        let block = serde_json::to_string(sig).unwrap_or_default();
        doc["signature"] = json!([{
            "type": [{
                "system": SIGNATURE_TYPES,
                "code": VERIFICATION_SIGNATURE,
                "display": "Verification Signature",
            }],
            "when": sig.signed_at,
            "who": who,
            "sigFormat": "application/json",
            "data": BASE64.encode(block.as_bytes()),
        }]);
    }
    doc
}

/// The casenote review carried in a Provenance, for a receiver.
pub fn review_json_from(doc: &Value) -> Result<String, String> {
    if doc["resourceType"] != "Provenance" {
        return Err("resourceType must be \"Provenance\"".into());
    }
    let data = doc["extension"]
        .as_array()
        .and_then(|e| e.iter().find(|x| x["url"] == REVIEW_EXTENSION))
        .and_then(|x| x["valueAttachment"]["data"].as_str())
        .ok_or(format!(
            "extension must hold the casenote review as {REVIEW_EXTENSION} (valueAttachment)"
        ))?;
    let bytes = BASE64
        .decode(data)
        .map_err(|e| format!("the casenote review is not base64: {e}"))?;
    String::from_utf8(bytes).map_err(|_| "the casenote review is not UTF-8".into())
}
