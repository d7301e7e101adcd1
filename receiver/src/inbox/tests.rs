//! The inbox's pages as HTML: the list (`tests/list.rs`) and the addendum
//! page (`tests/addendum.rs`), from notes built as the editor builds them.

use casenote_format::record::{AddendumKind, AddendumLink};
use casenote_format::{
    BuildContext, GoalProgress, Intervention, Note, PayloadV1, Progress, Quote, Speaker, Template,
};

use crate::db::StoredNote;
pub use casenote_text::Lang;

pub const ORIGINAL: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";
pub const ADDENDUM: &str = "1f8fad5b-d9cb-469f-a165-70867728950e";

/// An unsigned SOAP note with every member a note can have: author,
/// quote, goal, challenges, an intervention, a late entry.
pub fn full_payload() -> PayloadV1 {
    let mut n = Note::new(ORIGINAL.into(), "soap", "2026-11-26T09:05:00Z".into());
    n.client.id = "C-1".into();
    n.client.name = "Jo Avery".into();
    n.author.id = "W-7".into();
    n.author.name = "Sam Rivera".into();
    n.service.date = "2026-11-26".into();
    n.service.start = "09:00".into();
    n.service.end = "09:30".into();
    n.section_mut("subjective").text = "Says the rent is paid".into();
    n.section_mut("plan").text = "Call the landlord".into();
    n.section_mut("plan").quotes.push(Quote {
        text: "I'll be there".into(),
        speaker: Speaker::FamilyMember,
        context: Some("about Tuesday".into()),
        in_text: false,
    });
    n.goals.push(GoalProgress {
        id: "g1".into(),
        text: "Stable housing".into(),
        progress: Progress::Improved,
    });
    n.challenges = "No bus on Sundays".into();
    n.interventions.push(Intervention {
        description: "Referred to legal aid".into(),
        rationale: "Eviction notice".into(),
        client_response: "Relieved".into(),
        deviates: false,
    });
    n.late_entry_reason = "System outage".into();
    let mut ctx = BuildContext::at("2026-11-27T10:00:00Z");
    ctx.hours_after_service = Some(24.5);
    ctx.utc_offset_minutes = Some(-330);
    PayloadV1::build(&n, &Template::soap(), &ctx)
}

/// A correction to [`full_payload`], pointing at it by id and hash.
pub fn addendum_payload(original: &PayloadV1) -> PayloadV1 {
    let mut n = Note::new(ADDENDUM.into(), "addendum", "2026-11-27T11:00:00Z".into());
    n.client.name = original.client.name.clone();
    n.service.date = original.service.date.clone();
    n.section_mut("addendum").text = "It was the office".into();
    n.addendum = Some(AddendumLink {
        to: original.id.clone(),
        to_hash: Some(original.computed_hash()),
        kind: AddendumKind::Correction,
        reason: "Wrong place".into(),
    });
    PayloadV1::build(
        &n,
        &Template::addendum(),
        &BuildContext::at("2026-11-27T11:00:00Z"),
    )
}

pub fn stored(seq: i64, p: &PayloadV1) -> StoredNote {
    StoredNote {
        seq,
        id: p.id.clone(),
        idempotency_key: p.id.clone(),
        received_at: "2026-11-27T12:00:00.000Z".into(),
        note: serde_json::to_value(p).unwrap(),
    }
}

mod addendum;
mod list;
