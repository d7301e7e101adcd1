//! What a finished note is sent as: casenote JSON, or a FHIR R4
//! DocumentReference that carries it (`payload-format="fhir"`), with the
//! media type to POST it under.
//!
//! ```
//! use casenote_text::body::{FhirReferences, PayloadFormat};
//! let refs = FhirReferences::default().resolve("c-1", "");
//! assert_eq!(refs.subject.as_deref(), Some("Patient/c-1"));
//! assert_eq!(refs.author, None);
//! assert_eq!(PayloadFormat::Json.content_type(), "application/json");
//! ```

use crate::fhir::{document_reference, FHIR_JSON};
use casenote_format::payload::PayloadV1;

/// The FHIR references the host configures (`fhir-subject`,
/// `fhir-author`); `None` means derive one from the note.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FhirReferences {
    pub subject: Option<String>,
    pub author: Option<String>,
}

/// A DocumentReference's subject and author, as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResolvedReferences {
    pub subject: Option<String>,
    pub author: Option<String>,
}

impl FhirReferences {
    /// The host's references, else `Patient/<client id>` and
    /// `Practitioner/<author id>`; none at all rather than one that points
    /// at the wrong thing when the note has no such id.
    pub fn resolve(&self, client_id: &str, author_id: &str) -> ResolvedReferences {
        let or_derived = |configured: &Option<String>, kind: &str, id: &str| {
            configured
                .clone()
                .or_else(|| (!id.is_empty()).then(|| format!("{kind}/{id}")))
        };
        ResolvedReferences {
            subject: or_derived(&self.subject, "Patient", client_id),
            author: or_derived(&self.author, "Practitioner", author_id),
        }
    }
}

/// How notes are sent (`payload-format`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum PayloadFormat {
    /// casenote JSON v1.
    #[default]
    Json,
    /// A FHIR R4 DocumentReference.
    Fhir(FhirReferences),
}

/// A request body and its media type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Body {
    pub text: String,
    pub content_type: &'static str,
}

impl PayloadFormat {
    pub fn content_type(&self) -> &'static str {
        match self {
            PayloadFormat::Json => "application/json",
            PayloadFormat::Fhir(_) => FHIR_JSON,
        }
    }

    /// The casenote JSON body for `payload`: what [`PayloadFormat::body`]
    /// gives for [`PayloadFormat::Json`], without the FHIR code (which the
    /// element loads only where a host sends FHIR).
    pub fn json(payload: &PayloadV1) -> Body {
        Body {
            text: serde_json::to_string(payload).unwrap_or_default(),
            content_type: PayloadFormat::Json.content_type(),
        }
    }

    /// The body for `payload` of a note whose client and author ids are
    /// `client_id` and `author_id` (as the worker's note holds them).
    pub fn body(&self, payload: &PayloadV1, client_id: &str, author_id: &str) -> Body {
        let text = match self {
            PayloadFormat::Json => return Self::json(payload),
            PayloadFormat::Fhir(refs) => {
                let r = refs.resolve(client_id, author_id);
                document_reference(payload, r.subject.as_deref(), r.author.as_deref()).to_string()
            }
        };
        Body {
            text,
            content_type: self.content_type(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use casenote_format::fixtures;

    #[test]
    fn references_are_the_hosts_else_derived_from_the_ids() {
        let none = FhirReferences::default();
        assert_eq!(
            none.resolve("c-1", "w-7"),
            ResolvedReferences {
                subject: Some("Patient/c-1".into()),
                author: Some("Practitioner/w-7".into()),
            }
        );
        assert_eq!(none.resolve("", ""), ResolvedReferences::default());
        let host = FhirReferences {
            subject: Some("Group/9".into()),
            author: Some("PractitionerRole/3".into()),
        };
        assert_eq!(
            host.resolve("c-1", "w-7"),
            ResolvedReferences {
                subject: Some("Group/9".into()),
                author: Some("PractitionerRole/3".into()),
            }
        );
    }

    #[test]
    fn json_is_the_payload_and_fhir_carries_it_with_the_references() {
        let p = fixtures::rich_payload();
        let json = PayloadFormat::Json.body(&p, "c-1", "w-7");
        assert_eq!(json.content_type, "application/json");
        let back: PayloadV1 = serde_json::from_str(&json.text).unwrap();
        assert_eq!(back, p);

        let fhir = PayloadFormat::Fhir(FhirReferences::default()).body(&p, "c-1", "");
        assert_eq!(fhir.content_type, "application/fhir+json");
        let doc: serde_json::Value = serde_json::from_str(&fhir.text).unwrap();
        assert_eq!(doc["resourceType"], "DocumentReference");
        assert_eq!(doc["subject"]["reference"], "Patient/c-1");
        assert!(doc.get("author").is_none(), "{doc}");
    }
}
