//! The objective-language checker's tests.
use crate::data::shipped;
use casenote_text::Lang;

/// The word list's flags in `text`, in a note in `lang`.
fn listed(lang: Lang, section: &str, text: &str) -> Vec<Flag> {
    shipped(lang).listed(section, text)
}
use super::*;

#[test]
fn the_shipped_word_list_reads_and_is_not_empty() {
    let list: WordList = serde_json::from_str(include_str!("../terms.json")).unwrap();
    assert!(list.terms.len() > 20 && !list.sources.is_empty());
    assert_eq!(shipped(Lang::En).terms.terms.len(), list.terms.len());
}

fn found(section: &str, text: &str) -> Vec<String> {
    listed(Lang::En, section, text)
        .into_iter()
        .map(|f| f.term)
        .collect()
}

/// A pattern's first instance: each "a|b" as "a", each "*" as "people".
fn example(term: &str) -> String {
    term.split_whitespace()
        .map(|w| {
            if w == "*" {
                "people"
            } else {
                w.split('|').next().unwrap_or(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A sentence using `term` in its base form must flag exactly that term
/// (in a section where the term applies).
#[test]
fn every_entry_of_the_list_is_found_and_explained() {
    let list = &shipped(Lang::En).terms;
    assert!(list.terms.len() >= 40);
    for t in &list.terms {
        let term = example(&t.term);
        let section = t
            .sections
            .first()
            .map(String::as_str)
            .unwrap_or("assessment");
        // A term limited to one use is tried in a sentence of that use.
        let text = match t.context {
            None => format!("Today the note reads {term} here."),
            Some(Context::DoubtVerb) => format!("She {} that she paid.", t.term),
            Some(Context::TestOrRecovery) => format!("The urine test was {} today.", t.term),
            Some(Context::AfterSubstance) => format!("Client is a daily {} now.", t.term),
        };
        let flags = listed(Lang::En, section, &text);
        assert_eq!(flags.len(), 1, "{:?} in {text:?}: {flags:?}", t.term);
        let f = &flags[0];
        assert_eq!(
            f.found.to_lowercase().replace('-', " "),
            term.replace('-', " "),
            "{:?}",
            t.term
        );
        assert!(!f.explain.is_empty(), "{} has no explanation", t.category);
        assert!(!f.suggest.is_empty());
        assert!(
            list.sources.iter().any(|s| s.id == t.source),
            "{} cites an unknown source",
            t.term
        );
    }
    for s in &list.sources {
        assert!(s.url.starts_with("https://") && !s.cite.is_empty());
    }
}

#[test]
fn matching_is_case_insensitive_and_tolerates_inflection() {
    assert_eq!(found("assessment", "She CLAIMED she paid."), ["claimed"]);
    assert_eq!(found("assessment", "She is claiming she paid."), ["claim"]);
    assert_eq!(found("assessment", "He keeps insisting."), ["insist"]);
    assert_eq!(found("assessment", "Two Addicts in the house."), ["addict"]);
    assert_eq!(
        found("assessment", "Client was Non-Compliant with meds."),
        ["non-compliant"]
    );
    assert_eq!(
        found("assessment", "described as drug seeking"),
        ["drug-seeking"]
    );
    assert_eq!(found("assessment", "He refuses the referral."), ["refuses"]);
    assert_eq!(
        found("assessment", "He is refusing the referral."),
        ["refuse"]
    );
    assert_eq!(
        found("assessment", "She refused the referral."),
        ["refused"]
    );
}

#[test]
fn no_false_hits_inside_other_words_or_in_ordinary_uses() {
    for text in [
        "She reclaims her deposit.",
        "The claimant's advocate called.",
        "Cleaned the kitchen; dirty dishes in the sink.",
        "Addiction services referral made.",
        "A difficult week with the landlord.",
        "The computer user guide was shared.",
        "Users of the food bank queue early.",
        "Insistence on fairness was discussed.",
        "Compliance review is due.",
    ] {
        assert_eq!(found("assessment", text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn opinion_words_only_in_objective_sections() {
    assert_eq!(
        found("objective", "Client seems tired and appears to be cold."),
        ["seems", "appears to"]
    );
    assert_eq!(found("data", "I feel she is safer now."), ["i feel"]);
    assert!(found("assessment", "Client seems tired; I think risk is lower.").is_empty());
}

#[test]
fn quoted_words_are_never_flagged() {
    assert!(found(
        "subjective",
        "Client said \"I was an addict, I'm clean urine now\"."
    )
    .is_empty());
    assert!(found("objective", "Mother: “he claims it seems fine”").is_empty());
    assert_eq!(
        found("subjective", "Client said \"hi\" and claims otherwise"),
        ["claims"]
    );
}

#[test]
fn flags_carry_the_exact_range() {
    let text = "Worker note: client is manipulative.";
    let f = &listed(Lang::En, "assessment", text)[0];
    assert_eq!(&text[f.start..f.end], "manipulative");
    assert_eq!(f.category, "label");
}

#[test]
fn a_term_with_a_plain_alternative_offers_it_as_a_replacement_that_can_be_applied() {
    let text = "Claims the rent was paid; she claims more.";
    let flags = listed(Lang::En, "subjective", text);
    let first = flags[0].replacement().expect("claims has a replacement");
    assert_eq!(
        (first.found.as_str(), first.with.as_str()),
        ("Claims", "Says")
    );
    assert_eq!(
        first.apply(text).as_deref(),
        Some("Says the rent was paid; she claims more.")
    );
    // Stale (the text changed since it was checked): not applied.
    assert_eq!(first.apply("Something else entirely"), None);
    // An inflection gets advice, not a replacement that would not fit.
    let f = &listed(Lang::En, "subjective", "She keeps claiming it.")[0];
    assert!(f.replacement().is_none());
    // Unless the inflection is an entry of its own.
    let f = &listed(Lang::En, "subjective", "She claimed it.")[0];
    assert_eq!(f.replacement().map(|r| r.with).as_deref(), Some("said"));
    // Advice to describe what happened is never a replacement.
    let f = &listed(Lang::En, "subjective", "He was manipulative.")[0];
    assert!(f.replacement().is_none());
}

#[test]
fn every_entry_of_the_spanish_list_is_found_explained_and_cited() {
    let list: WordList = serde_json::from_str(include_str!("../es/terms.json")).unwrap();
    assert_eq!(shipped(Lang::Es).terms.terms.len(), list.terms.len());
    assert!(list.terms.len() >= 100);
    for t in &list.terms {
        let text = format!("Hoy en la nota hay {} aquí.", example(&t.term));
        let section = t
            .sections
            .first()
            .map(String::as_str)
            .unwrap_or("assessment");
        let flags = listed(Lang::Es, section, &text);
        assert_eq!(flags.len(), 1, "{:?}: {flags:?}", t.term);
        assert_eq!(flags[0].category, t.category, "{:?}", t.term);
        assert!(!flags[0].explain.is_empty() && !t.suggest.is_empty());
        assert!(list.sources.iter().any(|s| s.id == t.source), "{}", t.term);
    }
    for s in &list.sources {
        assert!(s.url.starts_with("https://") && !s.cite.is_empty());
    }
}

#[test]
fn a_third_party_refusing_or_a_thing_described_is_not_the_client_judged() {
    for text in [
        "The landlord refused to fix the heat.",
        "The pharmacy failed to fill the prescription.",
        "The building's fire alarm system is noncompliant with city code.",
        "Dr. Lin recommended aggressive treatment for the hepatitis C.",
        "Client has a pending hostile work environment case.",
        "Mr. Dubois described himself as stubborn about his independence.",
        "El casero se negó a arreglar la calefacción.",
    ] {
        let lang = if text.starts_with("El ") {
            Lang::Es
        } else {
            Lang::En
        };
        assert_eq!(listed(lang, "data", text), [], "{text}");
    }
    for text in [
        "Client refused the referral.",
        "The landlord called, and client refused to let him in.",
        "Mom failed to attend the meeting.",
        "He was aggressive toward staff.",
        "La usuaria se negó a firmar el plan.",
    ] {
        let lang = if text.starts_with("La ") {
            Lang::Es
        } else {
            Lang::En
        };
        assert_eq!(listed(lang, "data", text).len(), 1, "{text}");
    }
}
