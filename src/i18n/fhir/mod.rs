//! The optional FHIR R4 form of a note: a DocumentReference whose content
//! is the rendered note (text/plain) and the casenote JSON (application/json).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde_json::{json, Value};

use crate::render::plain_text;
use crate::{tr, Catalog};
use casenote_format::payload::PayloadV1;

/// The media type to POST a FHIR resource with.
pub const FHIR_JSON: &str = "application/fhir+json";

mod context;
mod narrative;
mod provenance;

pub use provenance::{provenance, review_json_from, REVIEW_EXTENSION};

fn attachment(content_type: &str, data: &[u8], title: &str) -> Value {
    json!({
        "attachment": { "contentType": content_type, "data": BASE64.encode(data), "title": title }
    })
}

fn reference(to: &str) -> Value {
    json!({ "reference": to })
}

/// A note named by its business identifier (`urn:uuid:<id>`), which any
/// FHIR server resolves whatever id it assigned the resource.
pub(crate) fn note_identifier(id: &str) -> Value {
    json!({ "system": "urn:ietf:rfc:3986", "value": format!("urn:uuid:{}", id.to_ascii_lowercase()) })
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

/// `authenticator`: who signed the note, when it is signed: the host's
/// reference for the author when the author signed, else the signer by
/// name and staff id.
fn authenticator_of(p: &PayloadV1, author: Option<&str>) -> Option<Value> {
    let sig = p.signature.as_ref()?;
    let by_author = p
        .author
        .as_ref()
        .is_some_and(|a| casenote_format::payload::links::signed_by(sig, a));
    let mut who = match author {
        Some(a) if by_author => reference(a),
        _ => json!({}),
    };
    if !sig.signer_name.trim().is_empty() {
        who["display"] = sig.signer_name.trim().into();
    }
    if !sig.signer_id.trim().is_empty() {
        who["identifier"] = json!({ "value": sig.signer_id.trim() });
    }
    Some(who)
}

/// `relatesTo`: an addendum appends to its original; a revision replaces
/// the returned version (which stays as it was stored: FHIR marks it
/// superseded, casenote keeps it). Both name the other note by identifier.
fn relates_to(p: &PayloadV1) -> Option<Value> {
    let mut related = Vec::new();
    if let Some(link) = &p.addendum {
        // Every kind appends, a correction too: "replaces" would tell a FHIR
        // server to supersede the original. The kind is in the casenote JSON.
        related.push(
            json!({ "code": "appends", "target": { "identifier": note_identifier(&link.to) } }),
        );
    }
    if let Some(link) = &p.revises {
        related.push(
            json!({ "code": "replaces", "target": { "identifier": note_identifier(&link.to) } }),
        );
    }
    (!related.is_empty()).then(|| related.into())
}

/// Builds the DocumentReference for `p`. `subject` and `author` are FHIR
/// references the host supplies (e.g. `Patient/123`, `Practitioner/7`).
pub fn document_reference(p: &PayloadV1, subject: Option<&str>, author: Option<&str>) -> Value {
    let lang = p.lang();
    let casenote_json = serde_json::to_string(p).unwrap_or_default();
    let title = tr!(lang, "record-title", format = p.format_name.as_str());
    let text = plain_text(p, lang);
    let author = author.filter(|a| !a.trim().is_empty());
    let mut doc = json!({
        "resourceType": "DocumentReference",
        "id": p.id,
        "identifier": [note_identifier(&p.id)],
        "status": "current",
        // R4's `final` means verified: a note is final once its author has
        // signed it, preliminary until then. An addendum is a document of
        // its own: the original is not amended.
        "docStatus": if p.signature.is_some() { "final" } else { "preliminary" },
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
        "text": narrative::of_text(&text),
        "content": [
            attachment("text/plain; charset=utf-8", text.as_bytes(), &title),
            attachment("application/json", casenote_json.as_bytes(), &lang.t("fhir-json-title")),
        ],
        "context": context::context_of(p),
    });
    if let Some(encounter) = context::encounter_of(p) {
        doc["contained"] = json!([encounter]);
        doc["context"]["encounter"] = json!([reference(&format!("#{}", context::ENCOUNTER_ID))]);
    }
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
    if let Some(a) = author {
        doc["author"] = json!([reference(a)]);
    }
    if let Some(who) = authenticator_of(p, author) {
        doc["authenticator"] = who;
    }
    if let Some(related) = relates_to(p) {
        doc["relatesTo"] = related;
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
mod tests;
