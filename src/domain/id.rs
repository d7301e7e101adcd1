//! Note ids: random (version 4) UUIDs, made by the uuid crate from 16
//! random bytes the shell supplies (from `crypto.getRandomValues`), so this
//! stays pure.

use uuid::{Builder, Uuid};

/// A version 4, variant 1 UUID from 16 random bytes, in lower case.
pub fn uuid_v4(bytes: [u8; 16]) -> String {
    Builder::from_random_bytes(bytes).into_uuid().to_string()
}

/// True when `s` is a UUID in its canonical 8-4-4-4-12 hex form (any case).
pub fn is_uuid(s: &str) -> bool {
    s.len() == 36 && Uuid::try_parse(s).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_version_and_variant_bits() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let id = uuid_v4([0; 16]);
        assert_eq!(id, "00000000-0000-4000-8000-000000000000");
        assert!(is_uuid(&id));
        assert!(is_uuid(&id.to_uppercase()));
    }

    #[test]
    fn rejects_non_uuids() {
        assert!(!is_uuid(""));
        assert!(!is_uuid("not-a-uuid"));
        assert!(!is_uuid("00000000-0000-4000-8000-00000000000g"));
        assert!(!is_uuid("00000000x0000-4000-8000-000000000000"));
        // Other forms the crate reads are not the canonical one.
        assert!(!is_uuid("{00000000-0000-4000-8000-000000000000}"));
        assert!(!is_uuid("00000000000040008000000000000000"));
        assert!(!is_uuid("urn:uuid:00000000-0000-4000-8000-000000000000"));
    }
}
