//! The built-ins in English and in Spanish, and a host's template as it
//! came.

use super::*;
use casenote_format::DocumentType;

#[test]
fn in_english_the_built_ins_are_as_they_are() {
    use casenote_format::Lang;
    for t in Template::builtins()
        .into_iter()
        .chain([Template::addendum()])
    {
        assert_eq!(t.localized(Lang::En), t, "{}", t.id);
    }
}

#[test]
fn in_spanish_the_built_ins_have_spanish_labels_and_prompts_and_the_same_keys() {
    use casenote_format::Lang;
    let labels = |t: Template| {
        t.localized(Lang::Es)
            .sections
            .into_iter()
            .map(|s| s.label)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        labels(Template::soap()),
        ["Subjetivo", "Objetivo", "Evaluación", "Plan"]
    );
    assert_eq!(labels(Template::dap()), ["Datos", "Evaluación", "Plan"]);
    assert_eq!(
        labels(Template::birp()),
        ["Conducta", "Intervención", "Respuesta", "Plan"]
    );
    assert_eq!(
        labels(Template::girp()),
        ["Meta", "Intervención", "Respuesta", "Plan"]
    );
    assert_eq!(
        labels(Template::pie()),
        ["Problema", "Intervención", "Evaluación"]
    );
    for t in Template::builtins()
        .into_iter()
        .chain([Template::addendum()])
    {
        let es = t.localized(Lang::Es);
        assert_eq!(es.id, t.id);
        for (a, b) in es.sections.iter().zip(&t.sections) {
            assert_eq!(
                (&a.key, &a.loinc, a.required),
                (&b.key, &b.loinc, b.required)
            );
            assert_ne!(
                a.prompt, b.prompt,
                "{}.{} has no Spanish prompt",
                t.id, a.key
            );
        }
        assert!(es.validate().is_empty());
    }
    let soap = Template::soap().localized(Lang::Es);
    assert_eq!(soap.name, "SOAP");
    assert!(soap.sections[0].prompt.starts_with("Lo que informaron"));
    assert_eq!(Template::addendum().localized(Lang::Es).name, "Adenda");
    assert_eq!(DocumentType::ProgressNote.loinc().1, "Progress note");
    // From one language to another and back: a note signed in English
    // under a Spanish interface keeps its English labels.
    assert_eq!(soap.localized(Lang::En), Template::soap());
    assert_eq!(soap.localized(Lang::Es), soap);
}

#[test]
fn a_hosts_template_keeps_its_own_words() {
    use casenote_format::Lang;
    let host = Template::from_json(
        r#"{"id":"crisis","name":"Crisis contact","sections":[
            {"key":"plan","label":"Safety plan","prompt":"Steps agreed","required":true}]}"#,
    )
    .unwrap();
    assert_eq!(host.localized(Lang::Es), host);
    // A host's template under a built-in's id is still the host's.
    let mut own = Template::soap();
    own.sections[0].label = "What they said".into();
    assert_eq!(own.localized(Lang::Es), own);
}
