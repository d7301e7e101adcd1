//! Validation, field by field, in the order of the screen.

use super::*;
use crate::domain::note::Quote;

fn complete_soap() -> Note {
    let mut n = Note::new("id".into(), "soap", String::new());
    n.client.name = "Jo Client".into();
    n.service.date = "2026-11-20".into();
    for k in ["subjective", "objective", "assessment", "plan"] {
        n.section_mut(k).text = format!("{k} text");
    }
    n
}

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
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
            ..Checks::default()
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
    assert_eq!(errors[2].message, "Enter the Subjective section");
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
    assert!(errs[0].message.starts_with("A quote in Plan has no words"));
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
            ..Checks::default()
        },
    );
    assert_eq!(errs[0].message, "Date of service cannot be in the future");
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
    use crate::domain::note::Intervention;
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
    assert_eq!(
        errs[1].message,
        "Intervention 2 departs from standard procedure: give the reason"
    );
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
        ..Checks::default()
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
    assert!(errs[0].message.contains("has not ended yet"));
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
    assert!(errs[0]
        .message
        .contains("Subjective section holds text that is not part of a DAP note"));
}

#[test]
fn an_end_before_the_start_asks_whether_it_ran_past_midnight() {
    let t = Template::soap();
    let mut n = crate::domain::fixtures::rich_note();
    n.service.start = "23:00".into();
    n.service.end = "01:00".into();
    n.service.overnight = false;
    let fields: Vec<_> = validate(&n, &t, &Checks::default())
        .into_iter()
        .filter(|e| e.field.starts_with("service."))
        .collect();
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].field, "service.end");
    assert!(
        fields[0].message.contains("past midnight"),
        "{}",
        fields[0].message
    );
    n.service.overnight = true;
    assert!(validate(&n, &t, &Checks::default())
        .iter()
        .all(|e| !e.field.starts_with("service.")));
    assert!(n.service.ends_before_start());
}

#[test]
fn participants_and_follow_ups_are_checked_in_screen_order() {
    use crate::domain::contact::{Participant, ParticipantRole};
    use crate::domain::follow_up::{FollowUp, FollowUpMark, Owner, Status};
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
    use crate::domain::contact::ContactMode;
    let mut n = Note::new("id".into(), "soap", String::new());
    n.client.name = "Jo".into();
    n.service.date = "2026-11-20".into();
    n.contact_mode = Some(ContactMode::AttemptedContact);
    let errors = validate(&n, &Template::soap(), &Checks::default());
    assert_eq!(fields(&errors), ["section.subjective"]);
    assert!(errors[0].message.contains("what you tried"));
    n.section_mut("plan").text =
        "Called twice at 09:00 and 09:30; no answer, voicemail left.".into();
    assert!(validate(&n, &Template::soap(), &Checks::default()).is_empty());
    // Any other mode asks for every required section.
    n.contact_mode = Some(ContactMode::Phone);
    assert_eq!(validate(&n, &Template::soap(), &Checks::default()).len(), 3);
}

fn in_lang(lang: Lang) -> Checks {
    Checks {
        lang,
        ..Checks::default()
    }
}

#[test]
fn a_spanish_check_gives_spanish_messages_and_english_stays_as_it_was() {
    use crate::domain::follow_up::{FollowUp, Owner};
    let mut n = Note::new("id".into(), "soap", String::new());
    n.service.start = "9".into();
    n.follow_ups.push(FollowUp {
        what: String::new(),
        who: Owner::Other,
        who_name: String::new(),
        due: "2026-02-30".into(),
    });
    let messages = |lang| -> Vec<String> {
        validate(&n, &Template::soap(), &in_lang(lang))
            .into_iter()
            .map(|e| e.message)
            .collect()
    };
    let (en, es) = (messages(Lang::En), messages(Lang::Es));
    assert_eq!(en.len(), es.len());
    assert_eq!(
        en[..3],
        [
            "Enter the client's name",
            "Enter the date of service",
            "Start time must be a time, like 09:30"
        ]
    );
    assert_eq!(
        es[..3],
        [
            "Escriba el nombre del cliente",
            "Escriba la fecha del servicio",
            "La hora de inicio debe ser una hora, como 09:30"
        ]
    );
    assert!(en.contains(&"Enter the Subjective section".to_string()));
    assert!(es.contains(&"Complete la sección Subjective".to_string()));
    assert!(en.contains(&"Say what follow-up 1 is, or remove it".to_string()));
    assert!(es.contains(&"Indique en qué consiste el seguimiento 1 o quítelo".to_string()));
    assert!(
        es.iter()
            .any(|m| m
                == "La fecha límite del seguimiento 1 debe ser una fecha real, como 2026-12-09")
    );
}

#[test]
fn spanish_messages_carry_their_numbers_and_names() {
    use crate::domain::contact::Participant;
    let mut n = complete_soap();
    n.participants = vec![Participant::default(); 2];
    n.participants[0].name = "Ana".into();
    n.format = "dap".into();
    let errs = validate(&n, &Template::dap(), &in_lang(Lang::Es));
    assert_eq!(
        errs[0].message,
        "Escriba el nombre del participante 2 o quítelo"
    );
    assert!(errs.iter().any(|e| e.message
        == "La sección Subjective contiene texto que no forma parte de una nota DAP: páselo a una sección o bórrelo"));
    let late = Checks {
        late_entry: true,
        service_not_ended: true,
        ..in_lang(Lang::Es)
    };
    let errs = validate(&complete_soap(), &Template::soap(), &late);
    assert_eq!(
        errs.iter().map(|e| e.message.as_str()).collect::<Vec<_>>(),
        [
            "Este servicio aún no ha terminado: escriba la nota cuando termine o corrija la hora",
            "Esta es una anotación tardía: indique por qué la nota se escribe tarde"
        ]
    );
}
