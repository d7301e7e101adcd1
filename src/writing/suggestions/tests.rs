//! The suggestions' tests: their words in English as they have always
//! been, and in Spanish only the checks that do not need an English list.
use super::*;

fn findings(key: &str, text: &str, lang: Lang) -> Findings {
    let data = crate::data::shipped(lang);
    Findings::of(key, text, &[], &[], NoteFacts::default(), lang, Some(data))
}

/// Each suggestion as its lead and text, its buttons after a bar.
fn said(f: &Findings) -> Vec<String> {
    f.suggestions()
        .into_iter()
        .map(|s| {
            let buttons: Vec<String> = s
                .shows
                .into_iter()
                .map(|(name, _, _)| name)
                .chain(s.actions.into_iter().map(|a| a.name))
                .collect();
            format!("{}{} | {}", s.lead, s.text, buttons.join(" / "))
        })
        .collect()
}

const ENGLISH: &str = "Client claims w/ her sister in order to pay. Gave 123-45-6789 and \
    cell 555-123-4567, email jo@example.org. Denies SI.";

#[test]
fn in_english_every_check_runs_with_its_words_as_they_were() {
    let f = findings("objective", ENGLISH, Lang::En);
    assert_eq!(
        said(&f),
        [
            format!(
                "“claims”: {} Try: {}. | Show “claims” in the text / Replace with “says”",
                f.flags[0].explain, f.flags[0].suggest
            ),
            "“w/” is shorthand for “with”: the next reader may not know it. \
             | Show “w/” in the text / Replace with “with”"
                .to_string(),
            "SI is not explained. Spell it out once, like “suicidal ideation (SI)”, so the next \
             reader is sure what it means. | Show SI in the text"
                .to_string(),
            "“in order to” says the same as “to”, in fewer words. \
             | Show “in order to” in the text / Replace with “to”"
                .to_string(),
            "A Social Security number: It identifies a person on its own (45 CFR 164.514(b)(2)), \
             and a note should carry only the minimum necessary for its purpose (45 CFR \
             164.502(b)): keep it in the client's record, not the note's text, unless this note \
             needs it. Masking leaves a marker in its place. | Show the Social Security number in \
             the text / Mask the Social Security number as “[SSN ending 6789]”"
                .to_string(),
            "A phone number: Leave it out too, for the same reason. Masking leaves a marker in \
             its place. | Show the phone number in the text / Mask the phone number as “[phone \
             number]”"
                .to_string(),
            "An email address: Leave it out too, for the same reason. Masking leaves a marker in \
             its place. | Show the email address in the text / Mask the email address as “[email \
             address]”"
                .to_string(),
        ]
    );
    let replaced = &f.suggestions()[0].actions[0].said;
    assert_eq!(replaced, "Replaced “claims” with “says”.");
    let masked = &f.suggestions()[4].actions[0].said;
    assert_eq!(masked, "Masked the Social Security number.");
    assert_eq!(
        findings("plan", "Keep going.", Lang::En).prompts[0].text(Lang::En),
        "The plan names no next step with a time. Say what happens next and when: a date, a day, \
         or “in two weeks”."
    );
}

#[test]
fn in_english_many_of_a_kind_are_counted_and_numbered() {
    let long = vec!["word"; 40].join(" ") + ".";
    let text = format!("{long} {long} Call 555-123-4567 or 555-987-6543. SI and HI.");
    let said = said(&findings("assessment", &text, Lang::En));
    assert!(said.contains(
        &"SI, HI are not explained. Spell each out once, like “suicidal ideation (SI)”, so the \
          next reader is sure what it means. | Show SI in the text / Show HI in the text"
            .to_string()
    ));
    assert!(said.contains(
        &"2 long sentences (40, 40 words): a sentence of about 20 words is easier to follow. \
          Consider splitting them. | Show long sentence 1 in the text / Show long sentence 2 in \
          the text"
            .to_string()
    ));
    assert!(said
        .iter()
        .any(|s| s.starts_with("2 phone numbers: It identifies")
            && s.ends_with("Mask phone number 2 as “[phone number]”")));
}

#[test]
fn in_spanish_every_check_runs_with_the_spanish_lists_and_speaks_spanish() {
    const SPANISH: &str = "Pcte. alega que pagó con el fin de evitar el desalojo. Dio \
        123-45-6789 y cel 555-123-4567, correo jo@example.org. Niega IS.";
    let f = findings("objective", SPANISH, Lang::Es);
    assert_eq!(
        f.flags.iter().map(|x| x.found.as_str()).collect::<Vec<_>>(),
        ["alega"]
    );
    assert!(
        f.flags[0].explain.contains("credibilidad"),
        "{}",
        f.flags[0].explain
    );
    assert_eq!(f.shorthand[0].found, "Pcte");
    assert_eq!(f.wordy[0].shorter, "para");
    assert_eq!(f.abbreviations[0].abbreviation, "IS");
    assert_eq!(
        findings("plan", "Seguir así.", Lang::Es).prompts,
        [Prompt::PlanWithoutTime]
    );
    // An English list never runs on a Spanish note.
    let english = findings("objective", ENGLISH, Lang::Es);
    let spanish_lists = crate::data::shipped(Lang::Es);
    assert!(spanish_lists.listed("objective", ENGLISH).is_empty() && english.wordy.is_empty());
    // The identifiers, in Spanish.
    assert_eq!(f.identifiers.len(), 3);
    let said: Vec<String> = said(&f)
        .into_iter()
        .filter(|s| s.starts_with("Un "))
        .collect();
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(
        said[0].starts_with("Un número de seguro social: Identifica a una persona por sí solo"),
        "{}",
        said[0]
    );
    assert!(
        said[0].ends_with(
            "| Mostrar el número de seguro social en el texto / Ocultar el número de seguro \
             social como “[número de seguro social terminado en 6789]”"
        ),
        "{}",
        said[0]
    );
    assert!(
        said[1].starts_with("Un número de teléfono: Omita también este dato"),
        "{}",
        said[1]
    );
    assert!(said[2].starts_with("Un correo electrónico:"), "{}", said[2]);
    let masked = &f
        .suggestions()
        .into_iter()
        .find(|s| s.kind == "identifier")
        .unwrap()
        .actions[0]
        .said
        .clone();
    assert_eq!(masked, "Se ocultó el número de seguro social.");

    let long = vec!["palabra"; 40].join(" ") + ".";
    let said = self::said(&findings("subjetivo", &long, Lang::Es));
    assert_eq!(
        said,
        [
            "Una frase larga (40 palabras): una frase de unas 20 palabras se entiende mejor. \
          Considere dividirla. | Mostrar la frase larga en el texto"
        ]
    );
}

#[test]
fn a_dismissed_suggestion_is_no_longer_open_and_the_others_stay() {
    use crate::dismissal::DismissReason;
    let f = findings("objective", ENGLISH, Lang::En);
    let (before, flags) = (f.count(), f.flags.len());
    let (aid, start, end) = f.suggestions()[0].dismiss.expect("a flag can be dismissed");
    let d = Passage {
        section: "objective",
        aid,
        text: ENGLISH,
        start,
        end,
    }
    .dismiss(DismissReason::ClientsOwnWords);
    let left = findings("objective", ENGLISH, Lang::En).without(
        "objective",
        ENGLISH,
        std::slice::from_ref(&d),
    );
    assert_eq!(left.count(), before - 1);
    assert_eq!(left.flags.len(), flags - 1);
    assert_eq!(left.shorthand.len(), f.shorthand.len());
    // Only in its own section.
    let other = findings("data", ENGLISH, Lang::En).without("data", ENGLISH, &[d]);
    assert_eq!(other.flags.len(), flags);
}
