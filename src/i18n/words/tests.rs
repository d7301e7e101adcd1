//! The words at the edge: a problem said to the worker in their language.

use super::*;
use casenote_format::field_path::{FieldPath, FollowUpPart};
use casenote_format::fixtures::complete_soap;
use casenote_format::note::Note;
use casenote_format::problem::Problem;
use casenote_format::template::Template;
use casenote_format::validate::{validate, Checks};

fn addendum_problems() -> Vec<FieldProblem> {
    casenote_format::fixtures::faulty_addendum_link().problems()
}

#[test]
fn the_worker_reads_a_problem_in_their_language() {
    let en: Vec<String> = addendum_problems()
        .iter()
        .map(|p| p.words(Lang::En))
        .collect();
    assert!(en[0].contains("“note-7”"), "{}", en[0]);
    assert!(en[1].starts_with("This addendum cannot be linked"));
    assert_eq!(en[2], "Say why you are writing this addendum");
    let es: Vec<String> = addendum_problems()
        .iter()
        .map(|p| p.words(Lang::Es))
        .collect();
    assert!(es[0].contains("“note-7”"), "{}", es[0]);
    assert!(es[1].starts_with("Esta adenda no se puede vincular"));
    assert_eq!(es[2], "Indique por qué escribe esta adenda");
}

#[test]
fn a_field_gives_a_general_problem_its_words() {
    let due = |problem| {
        let field = FieldPath::FollowUp {
            index: 1,
            part: FollowUpPart::Due,
        };
        FieldProblem::new(field, problem).words(Lang::En)
    };
    assert!(due(Problem::NotADate).contains("real date"));
    assert!(due(Problem::Missing).contains("Give the date follow-up 2"));
    let section = FieldProblem::new(
        FieldPath::Section {
            index: 0,
            key: "subjective".into(),
        },
        Problem::SectionEmpty {
            label: "Subjective".into(),
        },
    );
    assert_eq!(section.words(Lang::En), "Enter the Subjective section");
    let quote = FieldProblem::new(
        FieldPath::Quote {
            section: 3,
            key: "plan".into(),
            index: 1,
        },
        Problem::QuoteEmpty {
            label: "Plan".into(),
        },
    );
    assert!(quote
        .words(Lang::En)
        .starts_with("A quote in Plan has no words"));
}

#[test]
fn a_problem_only_a_receiver_finds_reaches_the_worker_as_it_came() {
    let host = FieldProblem::new(
        FieldPath::Json("goals[0].progress".into()),
        Problem::Host("must be one of improved, same".into()),
    );
    assert_eq!(host.words(Lang::Es), "must be one of improved, same");
}

/// The problems `validate` finds, in the worker's language.
fn said(n: &Note, t: &Template, checks: &Checks, lang: Lang) -> Vec<String> {
    validate(n, t, checks)
        .iter()
        .map(|e| e.words(lang))
        .collect()
}

#[test]
fn a_spanish_check_gives_spanish_messages_and_english_stays_as_it_was() {
    use casenote_format::follow_up::{FollowUp, Owner};
    let mut n = Note::new("id".into(), "soap", String::new());
    n.service.start = "9".into();
    n.follow_ups.push(FollowUp {
        what: String::new(),
        who: Owner::Other,
        who_name: String::new(),
        due: "2026-02-30".into(),
    });
    let messages = |lang| said(&n, &Template::soap(), &Checks::default(), lang);
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
    use casenote_format::contact::Participant;
    let mut n = complete_soap();
    n.participants = vec![Participant::default(); 2];
    n.participants[0].name = "Ana".into();
    n.format = "dap".into();
    let errs = said(&n, &Template::dap(), &Checks::default(), Lang::Es);
    assert_eq!(errs[0], "Escriba el nombre del participante 2 o quítelo");
    assert!(errs.iter().any(|e| e
        == "La sección Subjective contiene texto que no forma parte de una nota DAP: páselo a una sección o bórrelo"));
    let late = Checks {
        late_entry: true,
        service_not_ended: true,
        ..Checks::default()
    };
    let errs = said(&complete_soap(), &Template::soap(), &late, Lang::Es);
    assert_eq!(
        errs,
        [
            "Este servicio aún no ha terminado: escriba la nota cuando termine o corrija la hora",
            "Esta es una anotación tardía: indique por qué la nota se escribe tarde"
        ]
    );
}
