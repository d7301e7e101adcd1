//! A record that holds up: signatures over a canonical form of the note's
//! content, and addenda that point at an original without changing it.
//!
//! The canonical form is documented in the README ("Signing and hashing"):
//! the note's content as JSON with object keys sorted, no whitespace, text
//! exactly as typed, and only the fields that are the record itself (not the
//! time it was sent, nor the signature).

use sha2::{Digest, Sha256};

use super::payload::PayloadV1;
use serde::{Deserialize, Serialize};
use serde_json::json;

/// The default attestation statement a worker agrees to when signing.
pub const DEFAULT_ATTESTATION: &str =
    "I attest that this note is accurate and complete to the best of my knowledge, and that I wrote it.";

/// Who signed, when, to what, and over which content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Signature {
    pub signer_id: String,
    pub signer_name: String,
    /// RFC 3339.
    pub signed_at: String,
    pub attestation: String,
    /// Lower-case hex SHA-256 of the canonical content.
    pub content_hash: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AddendumKind {
    Amendment,
    Correction,
    Clarification,
    LateEntry,
}

impl AddendumKind {
    pub const ALL: [AddendumKind; 4] = [
        AddendumKind::Amendment,
        AddendumKind::Correction,
        AddendumKind::Clarification,
        AddendumKind::LateEntry,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AddendumKind::Amendment => "Amendment",
            AddendumKind::Correction => "Correction",
            AddendumKind::Clarification => "Clarification",
            AddendumKind::LateEntry => "Late entry",
        }
    }

    pub fn value(self) -> &'static str {
        match self {
            AddendumKind::Amendment => "amendment",
            AddendumKind::Correction => "correction",
            AddendumKind::Clarification => "clarification",
            AddendumKind::LateEntry => "lateEntry",
        }
    }

    pub fn from_value(v: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.value() == v)
    }
}

/// An addendum's link to the note it adds to. The original is never changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddendumLink {
    /// The original note's id.
    pub to: String,
    /// The original's content hash, when the host knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_hash: Option<String>,
    pub kind: AddendumKind,
    pub reason: String,
}

/// The canonical serialization of `p`'s content: JSON, keys sorted at every
/// level, no insignificant whitespace, strings as typed (UTF-8, JSON escapes
/// for `"`, `\` and control characters only). Absent optional members are
/// `null` here, except inside the addendum link and quotes, which keep their
/// stored form.
pub fn canonical_content(p: &PayloadV1) -> String {
    let late_entry_reason = p
        .timeliness
        .as_ref()
        .and_then(|t| t.late_entry_reason.as_ref());
    let mut content = json!({
        "id": p.id,
        "format": p.format,
        "documentType": p.document_type.code,
        "client": p.client,
        "author": p.author,
        "service": { "date": p.service.date, "start": p.service.start, "end": p.service.end },
        "sections": p.sections,
        "goals": p.goals,
        "challenges": p.challenges,
        "interventions": p.interventions,
        "lateEntryReason": late_entry_reason,
        "addendum": p.addendum,
    });
    // Sorted here, not by the map type: the order must not depend on
    // whether some crate in the build enables serde_json's preserve_order.
    content.sort_all_objects();
    content.to_string()
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The content hash of `p`.
pub fn content_hash(p: &PayloadV1) -> String {
    sha256_hex(canonical_content(p).as_bytes())
}

/// Whether `s` looks like a SHA-256 in hex (64 hex digits, any case).
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::payload::BuildContext;
    use crate::domain::{Note, Quote, Speaker, Template};

    #[test]
    fn sha256_known_vectors() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(b"The quick brown fox jumps over the lazy dog"),
            "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"
        );
    }

    fn note() -> Note {
        let mut n = Note::new(
            "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
            "soap",
            "2026-11-26T09:00:00Z".into(),
        );
        n.client.id = "C-1".into();
        n.client.name = "Jo Ünïcode".into();
        n.author.id = "W-7".into();
        n.author.name = "Sam".into();
        n.service.date = "2026-11-26".into();
        n.service.start = "09:00".into();
        n.service.end = "09:30".into();
        for k in ["subjective", "objective", "assessment", "plan"] {
            n.section_mut(k).text = format!("{k}: \"quoted\" \\ tab\tend");
        }
        n.section_mut("plan").quotes.push(Quote {
            text: "I'll be there".into(),
            speaker: Speaker::Client,
            context: None,
        });
        n
    }

    const FIXED_CANONICAL: &str = r#"{"addendum":null,"author":{"id":"W-7","name":"Sam"},"challenges":null,"client":{"id":"C-1","name":"Jo Ünïcode"},"documentType":"11506-3","format":"soap","goals":[],"id":"0f8fad5b-d9cb-469f-a165-70867728950e","interventions":[],"lateEntryReason":null,"sections":[{"key":"subjective","label":"Subjective","loinc":"61150-9","quotes":[],"text":"subjective: \"quoted\" \\ tab\tend"},{"key":"objective","label":"Objective","loinc":"61149-1","quotes":[],"text":"objective: \"quoted\" \\ tab\tend"},{"key":"assessment","label":"Assessment","loinc":"51848-0","quotes":[],"text":"assessment: \"quoted\" \\ tab\tend"},{"key":"plan","label":"Plan","loinc":"18776-5","quotes":[{"speaker":"client","text":"I'll be there"}],"text":"plan: \"quoted\" \\ tab\tend"}],"service":{"date":"2026-11-26","end":"09:30","start":"09:00"}}"#;

    const FIXED_HASH: &str = "5562e8dcb2182a0746770afafab278cefb2655b1cd079b2b701d4d5417fdc9a5";

    #[test]
    fn canonical_form_is_fixed_sorted_and_compact() {
        let p = PayloadV1::build(
            &note(),
            &Template::soap(),
            &BuildContext::at("2026-11-26T10:00:00Z"),
        );
        assert_eq!(canonical_content(&p), FIXED_CANONICAL);
        assert_eq!(content_hash(&p), sha256_hex(FIXED_CANONICAL.as_bytes()));
        // The hash the hand-written JSON of earlier releases computed.
        assert_eq!(content_hash(&p), FIXED_HASH);
    }

    #[test]
    fn the_hash_ignores_when_it_was_sent_but_not_what_it_says() {
        let a = PayloadV1::build(
            &note(),
            &Template::soap(),
            &BuildContext::at("2026-11-26T10:00:00Z"),
        );
        let b = PayloadV1::build(
            &note(),
            &Template::soap(),
            &BuildContext::at("2026-12-01T08:00:00Z"),
        );
        assert_eq!(content_hash(&a), content_hash(&b));
        let mut changed = note();
        changed.section_mut("plan").text.push('.');
        let c = PayloadV1::build(
            &changed,
            &Template::soap(),
            &BuildContext::at("2026-11-26T10:00:00Z"),
        );
        assert_ne!(content_hash(&a), content_hash(&c));
    }

    #[test]
    fn sha256_hex_check() {
        assert!(is_sha256_hex(&"ab".repeat(32)));
        assert!(!is_sha256_hex("abc"));
        assert!(!is_sha256_hex(&"zz".repeat(32)));
    }
}
