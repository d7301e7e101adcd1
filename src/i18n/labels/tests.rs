//! Each value's label and each line, in English and Spanish.

use super::*;

#[test]
fn speaker_and_progress_labels_are_in_the_workers_language() {
    assert_eq!(Speaker::FamilyMember.label(Lang::En), "Family member");
    assert_eq!(Speaker::FamilyMember.label(Lang::Es), "Familiar");
    assert_eq!(Progress::NotAssessed.label(Lang::En), "Not assessed");
    assert_eq!(Progress::NotAssessed.label(Lang::Es), "No evaluado");
}

#[test]
fn contact_labels_are_in_the_workers_language() {
    assert_eq!(
        ContactMode::AttemptedContact.label(Lang::En),
        "No show / no contact"
    );
    assert_eq!(
        ContactMode::HomeVisit.label(Lang::Es),
        "Visita domiciliaria"
    );
    assert_eq!(
        ParticipantRole::FamilyMember.label(Lang::En),
        "Family member"
    );
    assert_eq!(ParticipantRole::FamilyMember.label(Lang::Es), "Familiar");
    for m in ContactMode::ALL {
        assert_ne!(m.label(Lang::Es), m.label(Lang::En), "{m:?}");
    }
}

#[test]
fn a_participant_is_described_with_their_relationship_to_the_client() {
    let mut p = Participant {
        name: " Rosa Ortiz ".into(),
        role: ParticipantRole::FamilyMember,
        relationship: String::new(),
    };
    assert_eq!(p.describe(Lang::En), "Rosa Ortiz (Family member)");
    p.relationship = " madre ".into();
    assert_eq!(p.describe(Lang::Es), "Rosa Ortiz, madre (Familiar)");
    p.role = ParticipantRole::Interpreter;
    p.relationship.clear();
    assert_eq!(p.describe(Lang::Es), "Rosa Ortiz (Intérprete)");
}

#[test]
fn a_follow_up_and_a_mark_describe_themselves() {
    let f = FollowUp {
        what: " Bring the lease ".into(),
        who: Owner::Other,
        who_name: " Ms Reyes ".into(),
        due: "2026-12-09".into(),
    };
    assert_eq!(
        f.describe(Lang::En),
        "Bring the lease (Ms Reyes, by 2026-12-09)"
    );
    let m = FollowUpMark {
        note: "n".into(),
        index: 0,
        what: "Call the landlord".into(),
        status: Status::NotDone,
        reason: "Landlord away".into(),
    };
    assert_eq!(
        m.describe(Lang::En),
        "Call the landlord: Not done (Landlord away)"
    );
}

#[test]
fn the_default_attestation_is_in_the_notes_language() {
    assert_eq!(
        default_attestation(Lang::En),
        "I attest that this note is accurate and complete to the best of my knowledge, and that I wrote it."
    );
    assert!(default_attestation(Lang::Es).starts_with("Certifico que esta nota"));
}
