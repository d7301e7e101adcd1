//! Who took part in a contact and how it happened: its participants, each
//! with a role, and its mode (in person, by phone, an attempt that did not
//! reach anyone). The location is free text on the note.
//!
//! ```
//! use casenote_format::contact::{ContactMode, ParticipantRole};
//! assert_eq!(ContactMode::from_value("homeVisit"), Some(ContactMode::HomeVisit));
//! assert_eq!(ParticipantRole::from_value("interpreter"), Some(ParticipantRole::Interpreter));
//! assert!(ContactMode::AttemptedContact.is_attempt());
//! ```

use serde::{Deserialize, Serialize};

/// A participant's part in the contact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ParticipantRole {
    #[default]
    Client,
    FamilyMember,
    CollateralContact,
    OtherProfessional,
    Interpreter,
    Other,
}

impl ParticipantRole {
    pub const ALL: [ParticipantRole; 6] = [
        ParticipantRole::Client,
        ParticipantRole::FamilyMember,
        ParticipantRole::CollateralContact,
        ParticipantRole::OtherProfessional,
        ParticipantRole::Interpreter,
        ParticipantRole::Other,
    ];

    /// The stored and sent form.
    pub fn value(self) -> &'static str {
        match self {
            ParticipantRole::Client => "client",
            ParticipantRole::FamilyMember => "familyMember",
            ParticipantRole::CollateralContact => "collateralContact",
            ParticipantRole::OtherProfessional => "otherProfessional",
            ParticipantRole::Interpreter => "interpreter",
            ParticipantRole::Other => "other",
        }
    }

    pub fn from_value(v: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.value() == v)
    }
}

/// Someone who took part in the contact.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub name: String,
    #[serde(default)]
    pub role: ParticipantRole,
    /// Who they are to the client, in the worker's words ("mother",
    /// "landlord", "probation officer"). Left out when empty, so that the
    /// hash of a note without one is as it was.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub relationship: String,
}

impl Participant {}

/// How the contact happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ContactMode {
    InPerson,
    HomeVisit,
    Phone,
    Video,
    TextOrEmail,
    /// With someone other than the client about the client.
    CollateralContact,
    /// The worker tried to reach the client and did not (no answer, no
    /// show): the note records the attempt.
    AttemptedContact,
}

impl ContactMode {
    pub const ALL: [ContactMode; 7] = [
        ContactMode::InPerson,
        ContactMode::HomeVisit,
        ContactMode::Phone,
        ContactMode::Video,
        ContactMode::TextOrEmail,
        ContactMode::CollateralContact,
        ContactMode::AttemptedContact,
    ];

    /// The stored and sent form.
    pub fn value(self) -> &'static str {
        match self {
            ContactMode::InPerson => "inPerson",
            ContactMode::HomeVisit => "homeVisit",
            ContactMode::Phone => "phone",
            ContactMode::Video => "video",
            ContactMode::TextOrEmail => "textOrEmail",
            ContactMode::CollateralContact => "collateralContact",
            ContactMode::AttemptedContact => "attemptedContact",
        }
    }

    pub fn from_value(v: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.value() == v)
    }

    /// The contact did not take place: only what applies to an attempt is
    /// asked for.
    pub fn is_attempt(self) -> bool {
        self == ContactMode::AttemptedContact
    }

    /// The HL7 v3 ParticipationMode code, where one says the same
    /// (<http://terminology.hl7.org/CodeSystem/v3-ParticipationMode>).
    pub fn participation_mode(self) -> Option<(&'static str, &'static str)> {
        match self {
            ContactMode::InPerson | ContactMode::HomeVisit => Some(("FACE", "face-to-face")),
            ContactMode::Phone => Some(("PHONE", "telephone")),
            ContactMode::Video => Some(("VIDEOCONF", "videoconferencing")),
            ContactMode::TextOrEmail => Some(("ONLINEWRIT", "online written")),
            ContactMode::CollateralContact | ContactMode::AttemptedContact => None,
        }
    }
}

/// The modes an editor offers: those the host lists (`contact-modes`, by
/// value, any case), in the host's order, else all. Values that name no
/// mode come back apart, to tell the host.
pub fn offered_modes(listed: &[String]) -> (Vec<ContactMode>, Vec<String>) {
    let mut modes = Vec::new();
    let mut unknown = Vec::new();
    for v in listed {
        match ContactMode::ALL
            .into_iter()
            .find(|m| m.value().eq_ignore_ascii_case(v.trim()))
        {
            Some(m) if !modes.contains(&m) => modes.push(m),
            Some(_) => {}
            None => unknown.push(v.clone()),
        }
    }
    if modes.is_empty() {
        modes = ContactMode::ALL.to_vec();
    }
    (modes, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_and_match_serde() {
        for m in ContactMode::ALL {
            assert_eq!(ContactMode::from_value(m.value()), Some(m));
            assert_eq!(
                serde_json::to_string(&m).unwrap(),
                format!("\"{}\"", m.value())
            );
        }
        for r in ParticipantRole::ALL {
            assert_eq!(ParticipantRole::from_value(r.value()), Some(r));
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.value())
            );
        }
        assert!(serde_json::from_str::<ContactMode>("\"telepathy\"").is_err());
    }

    #[test]
    fn a_participant_is_described_with_their_relationship_to_the_client() {
        let mut p = Participant {
            name: " Rosa Ortiz ".into(),
            role: ParticipantRole::FamilyMember,
            relationship: String::new(),
        };
        // Left out of the JSON when empty: the hash of such a note is as
        // it was before relationships.
        assert!(!serde_json::to_string(&p).unwrap().contains("relationship"));
        p.relationship = " madre ".into();
        let back: Participant = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn values_stay_whatever_the_language() {
        assert_eq!(ContactMode::HomeVisit.value(), "homeVisit");
    }

    #[test]
    fn the_host_can_restrict_the_modes_and_hears_of_unknown_ones() {
        let (modes, unknown) = offered_modes(&[
            "Phone".to_string(),
            "video".to_string(),
            "phone".to_string(),
            "carrier pigeon".to_string(),
        ]);
        assert_eq!(modes, [ContactMode::Phone, ContactMode::Video]);
        assert_eq!(unknown, ["carrier pigeon"]);
        assert_eq!(offered_modes(&[]).0.len(), 7);
        // Nothing usable: every mode, rather than none.
        assert_eq!(offered_modes(&["x".to_string()]).0.len(), 7);
    }

    #[test]
    fn a_participant_reads_with_its_role() {
        let p: Participant =
            serde_json::from_str(r#"{"name":" Rosa Diaz ","role":"interpreter"}"#).unwrap();
        assert_eq!(p.role, ParticipantRole::Interpreter);
        let p: Participant = serde_json::from_str(r#"{"name":"Jo"}"#).unwrap();
        assert_eq!(p.role, ParticipantRole::Client);
    }
}
