//! The DocumentReference's `context`: the service period, to the minute in
//! the worker's UTC offset, and how the contact happened (`event`); and the
//! encounter it documents, contained in the resource, with who took part
//! and where. R4 defines `context.related` for related documents and
//! `facilityType` for a kind of facility, so neither holds these.

use serde_json::{json, Value};

use crate::labels::Label;
use casenote_format::contact::ContactMode;
use casenote_format::note::ServiceTime;
use casenote_format::payload::PayloadV1;
use casenote_format::timeliness::service_period;

/// The contained Encounter's local id (`#encounter`).
pub const ENCOUNTER_ID: &str = "encounter";

fn service_time(p: &PayloadV1) -> ServiceTime {
    ServiceTime {
        date: p.service.date.clone(),
        start: p.service.start.clone().unwrap_or_default(),
        end: p.service.end.clone().unwrap_or_default(),
        overnight: false,
    }
}

/// The period of the service, start and end (see `service_period`).
fn period_of(p: &PayloadV1) -> Value {
    let offset = p.timeliness.as_ref().and_then(|t| t.utc_offset_minutes);
    match service_period(&service_time(p), offset) {
        Some((start, end)) => json!({ "start": start, "end": end }),
        None => json!({ "start": p.service.date }),
    }
}

/// `context`: the service period and how the contact happened (`event`,
/// with the HL7 ParticipationMode code where one says the same).
pub fn context_of(p: &PayloadV1) -> Value {
    let mut context = json!({ "period": period_of(p) });
    if let Some(m) = p.contact_mode {
        let mut event = json!({ "text": m.label(p.lang()) });
        if let Some((code, display)) = m.participation_mode() {
            event["coding"] = json!([{
                "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode",
                "code": code,
                "display": display,
            }]);
        }
        context["event"] = json!([event]);
    }
    context
}

/// The Encounter's class (HL7 v3 ActCode) for a contact mode: ambulatory
/// in person, home health at home, virtual at a distance; not known
/// otherwise (the binding is extensible).
fn class_of(mode: Option<ContactMode>) -> Value {
    let act = |code: &str, display: &str| json!({ "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": code, "display": display });
    match mode {
        Some(ContactMode::InPerson) => act("AMB", "ambulatory"),
        Some(ContactMode::HomeVisit) => act("HH", "home health"),
        Some(ContactMode::Phone | ContactMode::Video | ContactMode::TextOrEmail) => {
            act("VR", "virtual")
        }
        _ => json!({
            "system": "http://terminology.hl7.org/CodeSystem/v3-NullFlavor",
            "code": "UNK",
            "display": "unknown",
        }),
    }
}

/// The encounter the note documents, when the note says who took part or
/// where: each participant by display ("Name, aunt") with their role as
/// the participant's type, and the place as the location's display. An
/// attempted contact is an encounter that did not take place.
pub fn encounter_of(p: &PayloadV1) -> Option<Value> {
    if p.participants.is_empty() && p.location.is_none() {
        return None;
    }
    let lang = p.lang();
    let status = if p.contact_mode == Some(ContactMode::AttemptedContact) {
        "cancelled"
    } else {
        "finished"
    };
    let mut encounter = json!({
        "resourceType": "Encounter",
        "id": ENCOUNTER_ID,
        "status": status,
        "class": class_of(p.contact_mode),
        "period": period_of(p),
    });
    if !p.participants.is_empty() {
        let participants: Vec<Value> = p
            .participants
            .iter()
            .map(|x| {
                let mut who = x.name.trim().to_string();
                if !x.relationship.trim().is_empty() {
                    who = format!("{who}, {}", x.relationship.trim());
                }
                json!({
                    "type": [{ "text": x.role.label(lang) }],
                    "individual": { "display": who },
                })
            })
            .collect();
        encounter["participant"] = participants.into();
    }
    if let Some(place) = &p.location {
        encounter["location"] = json!([{ "location": { "display": place } }]);
    }
    Some(encounter)
}
