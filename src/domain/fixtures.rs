// Rich values of every stored and sent shape, for format tests.
use crate::draft::{Draft, Sealed, StoredDraft};
use crate::outbox::{OutboxContent, OutboxEntry};
use crate::payload::{BuildContext, PayloadV1};
use crate::record::{AddendumKind, AddendumLink, Signature};
use crate::{Client, GoalProgress, Intervention, Note, Progress, Quote, Speaker, Template};

pub fn rich_note() -> Note {
    let mut n = Note::new(
        "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
        "soap",
        "2026-11-26T09:00:00Z".into(),
    );
    n.client.id = "C-1".into();
    n.client.name = "Jo Ünïcode 👋".into();
    n.author.id = "W-7".into();
    n.author.name = "Sam \"Sammy\" O'Neil".into();
    n.service.date = "2026-11-26".into();
    n.service.start = "09:00".into();
    n.service.end = "09:30".into();
    n.section_mut("subjective").text =
        "line one\nline two\ttab \\ back \u{1} ctrl \u{7f} del / slash".into();
    n.section_mut("plan").quotes.push(Quote {
        text: "I'll be there".into(),
        speaker: Speaker::Client,
        context: Some("asked about \"Tuesday\"".into()),
        in_text: false,
    });
    n.section_mut("plan").quotes.push(Quote {
        text: "She will".into(),
        speaker: Speaker::FamilyMember,
        context: None,
        in_text: false,
    });
    n.section_mut("data").text = "from DAP".into();
    n.goals.push(GoalProgress {
        id: "g1".into(),
        text: "Housing".into(),
        progress: Progress::NotAssessed,
    });
    n.challenges = "Transport".into();
    n.interventions.push(Intervention {
        description: "Referral".into(),
        rationale: String::new(),
        client_response: "Agreed".into(),
        deviates: true,
    });
    n.late_entry_reason = "Outage".into();
    n.signature = Some(Signature {
        signer_id: "W-7".into(),
        signer_name: "Sam".into(),
        signed_at: "2026-11-26T10:00:00Z".into(),
        attestation: "I attest.".into(),
        content_hash: "ab".repeat(32),
        signature_hash: None,
    });
    n.addendum = Some(AddendumLink {
        to: "1f8fad5b-d9cb-469f-a165-70867728950e".into(),
        to_hash: None,
        kind: AddendumKind::LateEntry,
        reason: "Forgot".into(),
    });
    n
}

pub fn rich_payload() -> PayloadV1 {
    let mut ctx = BuildContext::at("2026-11-27T10:00:00Z");
    ctx.hours_after_service = Some(26.5);
    PayloadV1::build(&rich_note(), &Template::soap(), &ctx)
}

/// The rich note's payload as releases before canonical version 2 built
/// it: the pinned fixtures are of this form.
pub fn rich_payload_v1() -> PayloadV1 {
    let mut p = rich_payload();
    p.canonical_version = 1;
    p.language = None;
    p.with_hash()
}

/// The rich note with who took part, how, where, its follow-ups and marks
/// on the previous note's.
pub fn contact_note() -> Note {
    use crate::contact::{ContactMode, Participant, ParticipantRole};
    use crate::follow_up::{FollowUp, FollowUpMark, Owner, Status};
    let mut n = rich_note();
    n.participants = vec![
        Participant {
            name: "Jo Ünïcode".into(),
            role: ParticipantRole::Client,
            relationship: String::new(),
        },
        Participant {
            name: "Rosa \"Ro\" Diaz".into(),
            role: ParticipantRole::Interpreter,
            relationship: String::new(),
        },
    ];
    n.contact_mode = Some(ContactMode::HomeVisit);
    n.location = "Client's home".into();
    n.follow_ups = vec![
        FollowUp {
            what: "Call the landlord".into(),
            who: Owner::Worker,
            who_name: String::new(),
            due: "2026-12-03".into(),
        },
        FollowUp {
            what: "Bring the lease".into(),
            who: Owner::Other,
            who_name: "Ms Reyes".into(),
            due: "2026-12-09".into(),
        },
    ];
    n.previous_follow_ups = vec![FollowUpMark {
        note: "2f8fad5b-d9cb-469f-a165-70867728950e".into(),
        index: 1,
        what: "Apply for the bus pass".into(),
        status: Status::NotDone,
        reason: "Office closed".into(),
    }];
    n
}

pub fn contact_payload() -> PayloadV1 {
    let mut ctx = BuildContext::at("2026-11-27T10:00:00Z");
    ctx.hours_after_service = Some(26.5);
    PayloadV1::build(&contact_note(), &Template::soap(), &ctx)
}

/// The contact note's payload as the release before canonical version 3
/// built it: no language.
pub fn contact_payload_v2() -> PayloadV1 {
    let mut p = contact_payload();
    p.canonical_version = 2;
    p.language = None;
    p.with_hash()
}

/// The contact note written in Spanish: the labels of its sections are
/// Spanish, its keys, enum values and codes are not.
pub fn spanish_payload() -> PayloadV1 {
    let mut note = contact_note();
    note.language = crate::Lang::Es;
    let mut template = Template::soap();
    for (s, label) in
        template
            .sections
            .iter_mut()
            .zip(["Subjetivo", "Objetivo", "Evaluación", "Plan"])
    {
        s.label = label.into();
    }
    let mut ctx = BuildContext::at("2026-11-27T10:00:00Z");
    ctx.hours_after_service = Some(26.5);
    PayloadV1::build(&note, &template, &ctx)
}

pub fn stored_clear() -> StoredDraft {
    StoredDraft::clear(&Draft::new("user-1", 3, 1764147600000.0, rich_note()))
}

pub fn stored_sealed() -> StoredDraft {
    let d = Draft::new("user-1", 4, 1764147600123.0, rich_note());
    StoredDraft::sealed(
        &d,
        Sealed {
            iv: "aXY=".into(),
            data: "ZGF0YQ==".into(),
        },
    )
}

pub fn outbox_entry() -> OutboxEntry {
    let mut e = OutboxEntry::new(
        "user-1",
        "https://example.org/notes",
        1764147600000.0,
        OutboxContent {
            note: rich_note(),
            body: "{\"a\":1}".into(),
            content_type: "application/fhir+json".into(),
        },
    );
    e.attempts = 2;
    e.next_attempt_at = 1764147660000.5;
    e.last_status = Some(503);
    e.last_message = Some("The server could not take the note".into());
    e
}

/// A plain SOAP note for Jo (C-1), every section written, as a payload:
/// the FHIR tests' starting point.
pub fn soap_payload() -> PayloadV1 {
    let mut n = Note::new(
        "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
        "soap",
        "2026-11-26T09:00:00Z".into(),
    );
    n.client.name = "Jo".into();
    n.client.id = "C-1".into();
    n.service.date = "2026-11-26".into();
    for k in ["subjective", "objective", "assessment", "plan"] {
        n.section_mut(k).text = format!("{k} text");
    }
    PayloadV1::build(
        &n,
        &Template::soap(),
        &BuildContext::at("2026-11-26T10:00:00Z"),
    )
}

/// A SOAP note that passes every check: a client, a date, each section.
pub fn complete_soap() -> Note {
    let mut n = Note::new("id".into(), "soap", String::new());
    n.client.name = "Jo Client".into();
    n.service.date = "2026-11-20".into();
    for k in ["subjective", "objective", "assessment", "plan"] {
        n.section_mut(k).text = format!("{k} text");
    }
    n
}

/// An addendum link wrong in each of its three parts: an id that is not
/// a UUID, a hash that is not SHA-256, no reason.
pub fn faulty_addendum_link() -> AddendumLink {
    AddendumLink {
        to: "note-7".into(),
        to_hash: Some("zz".into()),
        kind: AddendumKind::Correction,
        reason: String::new(),
    }
}

/// The contact note, unsigned, as the JSON a host gives as its client's
/// previous note; its client is C-1.
pub fn previous_note_json() -> String {
    let mut p = contact_payload();
    p.signature = None;
    serde_json::to_string(&p).unwrap()
}

/// A client with the previous note's id (C-1) and another name.
pub fn previous_note_client() -> Client {
    Client {
        id: "C-1".into(),
        name: "Someone".into(),
    }
}

#[cfg(test)]
mod pinned;
