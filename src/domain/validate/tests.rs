//! Validation, field by field, in the order of the screen.

use super::*;
use crate::fixtures::complete_soap;
use crate::note::Quote;
use crate::time::parse_date;

fn fields(errors: &[FieldProblem]) -> Vec<String> {
    errors.iter().map(|e| e.field.editor_key()).collect()
}

#[test]
fn complete_note_is_valid() {
    let today = parse_date("2026-11-26");
    assert!(validate(
        &complete_soap(),
        &Template::soap(),
        &Checks {
            today,
            late_entry: false,
            service_not_ended: false,
        }
    )
    .is_empty());
}

#[test]
fn empty_note_lists_every_problem_in_screen_order() {
    let n = Note::new("id".into(), "soap", String::new());
    let errors = validate(&n, &Template::soap(), &Checks::default());
    assert_eq!(
        fields(&errors),
        [
            "client",
            "service.date",
            "section.subjective",
            "section.objective",
            "section.assessment",
            "section.plan"
        ]
    );
    assert_eq!(
        errors[2].problem,
        Problem::SectionEmpty {
            label: "Subjective".into()
        }
    );
}

#[test]
fn whitespace_only_section_is_empty_but_quote_only_is_not() {
    let mut n = complete_soap();
    n.section_mut("plan").text = "  \n ".into();
    assert_eq!(
        fields(&validate(&n, &Template::soap(), &Checks::default())),
        ["section.plan"]
    );
    n.section_mut("plan").quotes.push(Quote {
        text: "I'll call Monday".into(),
        ..Quote::default()
    });
    assert!(validate(&n, &Template::soap(), &Checks::default()).is_empty());
    n.section_mut("plan").quotes.push(Quote::default());
    let errs = validate(&n, &Template::soap(), &Checks::default());
    assert_eq!(fields(&errs), ["section.plan.quotes.1"]);
    assert_eq!(
        errs[0].problem,
        Problem::QuoteEmpty {
            label: "Plan".into()
        }
    );
}

#[test]
fn dates_and_times_are_checked() {
    let mut n = complete_soap();
    n.service.date = "2026-13-01".into();
    assert_eq!(
        fields(&validate(&n, &Template::soap(), &Checks::default())),
        ["service.date"]
    );
    n.service.date = "2026-11-27".into();
    let errs = validate(
        &n,
        &Template::soap(),
        &Checks {
            today: parse_date("2026-11-26"),
            late_entry: false,
            service_not_ended: false,
        },
    );
    assert_eq!(errs[0].problem, Problem::InFuture);
    n.service.date = "2026-11-26".into();
    n.service.end = "10:00".into();
    assert_eq!(
        fields(&validate(&n, &Template::soap(), &Checks::default())),
        ["service.start"]
    );
    n.service.start = "10:00".into();
    assert_eq!(
        fields(&validate(&n, &Template::soap(), &Checks::default())),
        ["service.end"]
    );
    n.service.start = "9am".into();
    assert_eq!(
        fields(&validate(&n, &Template::soap(), &Checks::default())),
        ["service.start"]
    );
    n.service.start = "09:00".into();
    assert!(validate(&n, &Template::soap(), &Checks::default()).is_empty());
}

#[test]
fn interventions_need_a_description_and_a_reason_when_they_deviate() {
    use crate::note::Intervention;
    let mut n = complete_soap();
    n.interventions.push(Intervention {
        description: "Motivational interviewing".into(),
        ..Intervention::default()
    });
    n.interventions.push(Intervention {
        deviates: true,
        ..Intervention::default()
    });
    let errs = validate(&n, &Template::soap(), &Checks::default());
    assert_eq!(
        fields(&errs),
        ["interventions.1.description", "interventions.1.rationale"]
    );
    assert_eq!(errs[1].problem, Problem::Missing);
    n.interventions[1].description = "Home visit without a second worker".into();
    n.interventions[1].rationale = "Client could not travel; supervisor agreed by phone".into();
    assert!(validate(&n, &Template::soap(), &Checks::default()).is_empty());
}

#[test]
fn a_late_entry_needs_a_reason() {
    let mut n = complete_soap();
    let late = Checks {
        today: None,
        late_entry: true,
        service_not_ended: false,
    };
    assert_eq!(
        fields(&validate(&n, &Template::soap(), &late)),
        ["lateEntryReason"]
    );
    n.late_entry_reason = "Crisis call took the rest of the shift".into();
    assert!(validate(&n, &Template::soap(), &late).is_empty());
}

/// A service still under way cannot be documented (the editor sent
/// negative hours for it).
#[test]
fn a_service_that_has_not_ended_is_refused() {
    let mut n = complete_soap();
    n.service.start = "09:00".into();
    n.service.end = "17:00".into();
    let open = Checks {
        service_not_ended: true,
        ..Checks::default()
    };
    let errs = validate(&n, &Template::soap(), &open);
    assert_eq!(fields(&errs), ["service.end"]);
    assert_eq!(errs[0].problem, Problem::ServiceNotEnded);
    n.service.end.clear();
    assert_eq!(
        fields(&validate(&n, &Template::soap(), &open)),
        ["service.start"]
    );
}

#[test]
fn stray_text_from_another_format_blocks_with_a_clear_message() {
    let mut n = complete_soap();
    n.format = "dap".into();
    n.section_mut("data").text = "d".into();
    let errs = validate(&n, &Template::dap(), &Checks::default());
    assert_eq!(fields(&errs), ["section.subjective", "section.objective"]);
    assert_eq!(
        errs[0].problem,
        Problem::Stray {
            section: "Subjective".into(),
            format: "DAP".into()
        }
    );
}

#[test]
fn an_end_before_the_start_asks_whether_it_ran_past_midnight() {
    let t = Template::soap();
    let mut n = crate::fixtures::rich_note();
    n.service.start = "23:00".into();
    n.service.end = "01:00".into();
    n.service.overnight = false;
    let fields: Vec<_> = validate(&n, &t, &Checks::default())
        .into_iter()
        .filter(|e| e.field.is_service_time())
        .collect();
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].field, FieldPath::ServiceEnd);
    assert_eq!(fields[0].problem, Problem::EndBeforeStart);
    n.service.overnight = true;
    assert!(validate(&n, &t, &Checks::default())
        .iter()
        .all(|e| !e.field.is_service_time()));
    assert!(n.service.ends_before_start());
}

#[test]
fn participants_and_follow_ups_are_checked_in_screen_order() {
    use crate::contact::{Participant, ParticipantRole};
    use crate::follow_up::{FollowUp, FollowUpMark, Owner, Status};
    let mut n = complete_soap();
    n.participants.push(Participant {
        name: " ".into(),
        role: ParticipantRole::Interpreter,
        relationship: String::new(),
    });
    n.follow_ups.push(FollowUp {
        what: "Call".into(),
        who: Owner::Worker,
        who_name: String::new(),
        due: String::new(),
    });
    n.previous_follow_ups.push(FollowUpMark {
        note: "p".into(),
        index: 0,
        what: "Bus pass".into(),
        status: Status::NotDone,
        reason: String::new(),
    });
    let errors = validate(&n, &Template::soap(), &Checks::default());
    assert_eq!(
        fields(&errors),
        [
            "previousFollowUps.0.reason",
            "participants.0.name",
            "followUps.0.due"
        ]
    );
}

#[test]
fn an_attempted_contact_needs_only_what_was_tried() {
    use crate::contact::ContactMode;
    let mut n = Note::new("id".into(), "soap", String::new());
    n.client.name = "Jo".into();
    n.service.date = "2026-11-20".into();
    n.contact_mode = Some(ContactMode::AttemptedContact);
    let errors = validate(&n, &Template::soap(), &Checks::default());
    assert_eq!(fields(&errors), ["section.subjective"]);
    assert_eq!(errors[0].problem, Problem::AttemptEmpty);
    n.section_mut("plan").text =
        "Called twice at 09:00 and 09:30; no answer, voicemail left.".into();
    assert!(validate(&n, &Template::soap(), &Checks::default()).is_empty());
    // Any other mode asks for every required section.
    n.contact_mode = Some(ContactMode::Phone);
    assert_eq!(validate(&n, &Template::soap(), &Checks::default()).len(), 3);
}
