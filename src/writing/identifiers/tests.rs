//! The identifier finder's tests.
use super::*;
use IdentifierKind::*;

fn kinds(text: &str) -> Vec<(IdentifierKind, String)> {
    kinds_in(text, Lang::En)
}

fn kinds_in(text: &str, lang: Lang) -> Vec<(IdentifierKind, String)> {
    identifiers_in(text, lang)
        .into_iter()
        .map(|x| (x.kind, x.found))
        .collect()
}

#[test]
fn the_list_reads_with_a_source_for_every_kind() {
    let list: IdentifierList = serde_json::from_str(include_str!("identifiers.json")).unwrap();
    for kind in IdentifierKind::ALL {
        let e = list
            .kinds
            .iter()
            .find(|k| k.kind == kind)
            .expect("every kind listed");
        assert!(list.sources.iter().any(|s| s.id == e.source));
    }
    for s in &list.sources {
        assert!(s.url.starts_with("https://") && !s.cite.is_empty());
    }
}

#[test]
fn finds_each_kind_in_its_usual_shapes() {
    assert_eq!(
        kinds("SSN 123-45-6789 on file."),
        [(Ssn, "123-45-6789".into())]
    );
    assert_eq!(
        kinds("Her social security number is 123456789."),
        [(Ssn, "123456789".into())]
    );
    for phone in [
        "555-123-4567",
        "(555) 123-4567",
        "555.123.4567",
        "555 123 4567",
    ] {
        assert_eq!(
            kinds(&format!("Mother's line {phone} today")),
            [(Phone, phone.into())],
            "{phone}"
        );
    }
    assert_eq!(
        kinds("Call her at 5551234567."),
        [(Phone, "5551234567".into())]
    );
    assert_eq!(
        kinds("Email: jo.smith+a@example.org."),
        [(Email, "jo.smith+a@example.org".into())]
    );
    assert_eq!(
        kinds("DOB 03/14/1985, seen today"),
        [(BirthDate, "03/14/1985".into())]
    );
    assert_eq!(
        kinds("Son was born March 3, 2015."),
        [(BirthDate, "March 3, 2015".into())]
    );
    assert_eq!(
        kinds("Date of birth: 3rd of May 1990"),
        [(BirthDate, "3rd of May 1990".into())]
    );
    assert_eq!(
        kinds("Her sister lives at 42 Elm Street, Apt 2."),
        [(StreetAddress, "42 Elm Street".into())]
    );
    assert_eq!(
        kinds("Moved in with a friend at 1600 W 5th Ave. today"),
        [(StreetAddress, "1600 W 5th Ave.".into())]
    );
}

#[test]
fn leaves_alone_what_only_looks_like_one() {
    for text in [
        "Rent is $1,250; paid 12/01/2026.",
        "Next visit 12/05/2026 at 10:30.",
        "Case 2026-0412 reviewed; PHQ-9 score 14.",
        "Born in 1985 and raised in Ohio.",
        "A 30 minute drive to the clinic.",
        "Seen 3 times since March 2025.",
        "Worked 40 hours; 2 kids aged 5 and 7.",
        "Email bounced @ noon.",
    ] {
        assert_eq!(kinds(text), [], "{text}");
    }
}

#[test]
fn masks_keep_only_what_tells_two_apart_and_debug_shows_no_digits() {
    let text = "SSN 123-45-6789, cell 555-123-4567.";
    let found = identifiers_in(text, Lang::En);
    assert_eq!(found[0].mask(Lang::En), "[SSN ending 6789]");
    assert_eq!(found[1].mask(Lang::En), "[phone number]");
    let masked = found[1].replacement(Lang::En).apply(text).unwrap();
    assert_eq!(masked, "SSN 123-45-6789, cell [phone number].");
    let debug = format!("{found:?}");
    assert!(!debug.contains("123") && !debug.contains("4567"), "{debug}");
}

#[test]
fn a_spanish_note_is_read_with_spanish_cues_and_masked_in_spanish() {
    assert_eq!(
        kinds_in("Fecha de nacimiento: 03/14/1985.", Lang::Es),
        [(BirthDate, "03/14/1985".into())]
    );
    assert_eq!(
        kinds_in("Nació el 3 de marzo de 1985 en Puebla.", Lang::Es),
        [(BirthDate, "3 de marzo de 1985".into())]
    );
    assert_eq!(
        kinds_in("Su celular es 5551234567.", Lang::Es),
        [(Phone, "5551234567".into())]
    );
    assert_eq!(
        kinds_in("Número de seguro social 123456789.", Lang::Es),
        [(Ssn, "123456789".into())]
    );
    // English cues still count in a Spanish note; Spanish ones only there.
    assert_eq!(
        kinds_in("DOB 03/14/1985.", Lang::Es),
        [(BirthDate, "03/14/1985".into())]
    );
    assert_eq!(kinds("Su celular es 5551234567."), []);
    assert_eq!(kinds("Nació el 3 de marzo de 1985."), []);
    for text in [
        "Próxima cita el 12/05/2026.",
        "Pagó $1,250 de renta el 3 de marzo de 2026.",
    ] {
        assert_eq!(kinds_in(text, Lang::Es), [], "{text}");
    }
    let text = "SSN 123-45-6789, tel. 555-123-4567, correo jo@example.org.";
    let masks: Vec<String> = identifiers_in(text, Lang::Es)
        .iter()
        .map(|x| x.mask(Lang::Es))
        .collect();
    assert_eq!(
        masks,
        [
            "[número de seguro social terminado en 6789]",
            "[número de teléfono]",
            "[correo electrónico]"
        ]
    );
}
