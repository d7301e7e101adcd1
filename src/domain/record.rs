//! A record that holds up: signatures over the note's content hash (see
//! `canonical`), and addenda that point at an original without changing it.

use sha2::{Digest, Sha256};

use serde::{Deserialize, Serialize};

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
    /// Lower-case hex SHA-256 over the fields above ([`Signature::computed_hash`]),
    /// so that a changed signer, time or attestation is caught too. Notes
    /// signed before it existed have none, and still verify.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_hash: Option<String>,
}

impl Signature {
    /// The hash of the signature block: lower-case hex SHA-256 of the JSON
    /// object of `attestation`, `contentHash`, `signedAt`, `signerId` and
    /// `signerName`, keys sorted, no whitespace, strings escaped as in the
    /// canonical content (README, "The signature hash").
    pub fn computed_hash(&self) -> String {
        let block = serde_json::json!({
            "attestation": self.attestation,
            "contentHash": self.content_hash,
            "signedAt": self.signed_at,
            "signerId": self.signer_id,
            "signerName": self.signer_name,
        });
        let mut block = block;
        block.sort_all_objects();
        sha256_hex(block.to_string().as_bytes())
    }

    /// `self` with its `signature_hash` computed.
    pub fn sealed(mut self) -> Self {
        self.signature_hash = Some(self.computed_hash());
        self
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AddendumKind {
    Amendment,
    Correction,
    Clarification,
    LateEntry,
    /// The author's signature on a note that was sent unsigned: the
    /// original stays as it was stored, and this addendum carries the
    /// signature over it (its `toHash` names exactly what is signed).
    Signature,
}

impl AddendumKind {
    /// The kinds a worker chooses from; a signature addendum is started
    /// only from a note sent unsigned (`addendum-kind="signature"`).
    pub const ALL: [AddendumKind; 4] = [
        AddendumKind::Amendment,
        AddendumKind::Correction,
        AddendumKind::Clarification,
        AddendumKind::LateEntry,
    ];

    pub fn value(self) -> &'static str {
        match self {
            AddendumKind::Amendment => "amendment",
            AddendumKind::Correction => "correction",
            AddendumKind::Clarification => "clarification",
            AddendumKind::LateEntry => "lateEntry",
            AddendumKind::Signature => "signature",
        }
    }

    pub fn from_value(v: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .chain([AddendumKind::Signature])
            .find(|k| k.value() == v)
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

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `s` looks like a SHA-256 in hex (64 hex digits, any case).
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Pinned: the README's signature-hash vector.
    #[test]
    fn the_signature_hash_covers_every_field_of_the_block() {
        let sig = Signature {
            signer_id: "W-7".into(),
            signer_name: "Sam".into(),
            signed_at: "2026-11-26T10:00:00Z".into(),
            attestation: "I attest.".into(),
            content_hash: "ab".repeat(32),
            signature_hash: None,
        };
        let block = format!(
            r#"{{"attestation":"I attest.","contentHash":"{}","signedAt":"2026-11-26T10:00:00Z","signerId":"W-7","signerName":"Sam"}}"#,
            "ab".repeat(32)
        );
        assert_eq!(sig.computed_hash(), sha256_hex(block.as_bytes()));
        let readme = include_str!("../../README.md");
        assert!(
            readme.contains(&sig.computed_hash()),
            "the README gives {}",
            sig.computed_hash()
        );
        let mut renamed = sig.clone();
        renamed.signer_name = "Someone Else".into();
        assert_ne!(renamed.computed_hash(), sig.computed_hash());
        assert_eq!(
            sig.clone().sealed().signature_hash,
            Some(sig.computed_hash())
        );
    }

    #[test]
    fn sha256_hex_check() {
        assert!(is_sha256_hex(&"ab".repeat(32)));
        assert!(!is_sha256_hex("abc"));
        assert!(!is_sha256_hex(&"zz".repeat(32)));
    }
}
