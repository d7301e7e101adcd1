//! The title and the refusal in English and Spanish.

use super::*;
use casenote_format::fixtures::{
    contact_payload, previous_note_client as client, previous_note_json as previous_json,
};
use casenote_format::Client;

/// The audit's name: a signer whose name ends in RIGHT-TO-LEFT
/// OVERRIDE cannot turn the title's words around.
#[test]
fn the_title_isolates_the_author_and_the_format() {
    let prev = PreviousNote::from_json(&previous_json(), &client()).unwrap();
    assert_eq!(
        title(&prev, Lang::En),
        "Last note: 2026-11-26 SOAP by Sam \"Sammy\" O'Neil"
    );
    let mut p = contact_payload();
    p.signature = None;
    p.author.as_mut().unwrap().name = "Ann Smith\u{202E}".into();
    let p = p.with_hash();
    let prev = PreviousNote::from_json(&serde_json::to_string(&p).unwrap(), &client()).unwrap();
    assert_eq!(
        title(&prev, Lang::En),
        "Last note: 2026-11-26 SOAP by \u{2068}Ann Smith\u{2069}"
    );
}

#[test]
fn the_refusal_is_in_the_workers_language_and_its_problems_stay_english() {
    let other = Client {
        id: "C-2".into(),
        name: String::new(),
    };
    let err = refusal(
        &PreviousNote::from_json(&previous_json(), &other).unwrap_err(),
        Lang::Es,
    );
    assert_eq!(
        err,
        "No se pudo mostrar la nota anterior: es de otro cliente distinto al de esta nota."
    );
    let err = refusal(
        &PreviousNote::from_json("not json", &client()).unwrap_err(),
        Lang::Es,
    );
    assert!(
        err.starts_with("No se pudo mostrar la nota anterior: no es una nota válida"),
        "{err}"
    );
    assert!(err.contains("body: is not JSON"), "{err}");
}
