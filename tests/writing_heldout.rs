//! The writing aids measured on held-out sentences nobody tuned them to
//! (`tests/writing/heldout-en.json`, `heldout-es.json`): written on
//! 2026-12-07 by a helper who never saw the checker, its word lists or the
//! labelled set (`labelled.json`), and frozen then. Never tune on these;
//! tune on the development sets (`dev-en.json`, `dev-es.json`).
//!
//! English: the objective-language checker, as `writing_checker.rs`
//! counts it (a sentence is predicted "flag" when the checker flags
//! anything in it). Spanish: every aid a Spanish note gets (a sentence is
//! predicted "flag" when any suggestion is open for it), since the Spanish
//! set also labels wordy phrases and abbreviations.
//!
//! Held-out sets B (`heldout-en-b.json`, `heldout-es-b.json`) were written
//! later the same day, after tuning had begun, by helpers that saw nothing
//! of the project, and measured once, at the end.
//!
//! The figures are printed, with recall by kind, so each change to the
//! aids is measured against them. The test fails when a set is malformed,
//! and below the targets where they are met (Spanish; English
//! recall), or below what was reached where they are not yet (English
//! precision). The README reports the held-out figures as the checker's
//! quality.

use casenote::domain::writing::abbreviations::defined_in;
use casenote::domain::writing::completeness::NoteFacts;
use casenote::domain::writing::data::AidsData;
use casenote::domain::writing::suggestions::Findings;
use casenote::i18n::Lang;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

#[derive(Deserialize)]
struct Set {
    /// The day a held-out set was frozen; none for a development set.
    #[serde(default)]
    frozen: String,
    language: String,
    sentences: Vec<Labelled>,
}

#[derive(Deserialize)]
struct Labelled {
    text: String,
    section: String,
    expected: String,
    category: String,
    setting: String,
}

const SECTIONS: [&str; 8] = [
    "subjective",
    "objective",
    "assessment",
    "plan",
    "data",
    "behavior",
    "intervention",
    "response",
];
const SETTINGS: [&str; 7] = [
    "housing",
    "child-welfare",
    "substance-use",
    "mental-health",
    "reentry",
    "aging",
    "schools",
];

/// Checks the set's shape and prints precision, recall and recall by kind
/// under `flags`; returns (precision, recall).
fn measure(
    name: &str,
    json: &str,
    lang: &str,
    min: usize,
    flags: &dyn Fn(&Labelled) -> bool,
) -> (f64, f64) {
    let set: Set = serde_json::from_str(json).expect("the set is JSON of its shape");
    // A development set is for tuning: its misses can be listed.
    let development = set.frozen.is_empty();
    assert!(
        development || set.frozen == "2026-12-07",
        "{name} is frozen as it was written"
    );
    let show = development && std::env::var_os("CASENOTE_SHOW_MISSES").is_some();
    assert_eq!(set.language, lang);
    assert!(
        set.sentences.len() >= min,
        "{name} has at least {min} sentences"
    );
    let mut seen = HashSet::new();
    for s in &set.sentences {
        assert!(seen.insert(s.text.as_str()), "{name} repeats {:?}", s.text);
        assert!(
            SECTIONS.contains(&s.section.as_str()),
            "{name}: section {}",
            s.section
        );
        assert!(
            SETTINGS.contains(&s.setting.as_str()),
            "{name}: setting {}",
            s.setting
        );
        let clean = s.category.starts_with("clean");
        assert_eq!(
            s.expected == "clean",
            clean,
            "{name}: {:?} is {} but {}",
            s.text,
            s.expected,
            s.category
        );
        assert!(s.expected == "clean" || s.expected == "flag");
    }
    let flagged = set
        .sentences
        .iter()
        .filter(|s| s.expected == "flag")
        .count();
    assert!(
        flagged * 3 >= set.sentences.len() && flagged * 3 <= 2 * set.sentences.len(),
        "{name} is about half flag, half clean"
    );
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for s in &set.sentences {
        let predicted = flags(s);
        if show && predicted != (s.expected == "flag") {
            println!("    MISS {} [{}] {}", s.category, s.section, s.text);
        }
        let kind = by_kind.entry(s.category.as_str()).or_default();
        kind.1 += 1;
        match (s.expected == "flag", predicted) {
            (true, true) => {
                tp += 1;
                kind.0 += 1;
            }
            (true, false) => fneg += 1,
            (false, true) => {
                fp += 1;
                kind.0 += 1;
            }
            (false, false) => {}
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (precision, recall) = (ratio(tp, tp + fp), ratio(tp, tp + fneg));
    println!(
        "{name}: {} sentences ({flagged} flag): precision {precision:.3} ({tp}/{}), recall {recall:.3} ({tp}/{})",
        set.sentences.len(),
        tp + fp,
        tp + fneg
    );
    for (kind, (hit, of)) in by_kind {
        let what = if kind.starts_with("clean") {
            "flagged wrongly"
        } else {
            "found"
        };
        println!("  {kind}: {what} {hit} of {of}");
    }
    (precision, recall)
}

/// The shipped lists (and model) of `lang`, read from their sources.
fn data(lang: Lang, model: bool) -> AidsData {
    let (terms, wordy, m) = match lang {
        Lang::En => (
            include_str!("../src/domain/writing/terms.json"),
            include_str!("../src/domain/writing/wordy.json"),
            include_str!("../src/domain/writing/model.json"),
        ),
        Lang::Es => (
            include_str!("../src/domain/writing/es/terms.json"),
            include_str!("../src/domain/writing/es/wordy.json"),
            include_str!("../src/domain/writing/es/model.json"),
        ),
    };
    AidsData::from_sources(terms, wordy, model.then_some(m)).expect("the sources read")
}

/// English: the objective-language checker (its word list, and its model
/// if `data` has it) flags something.
fn english(data: &AidsData, s: &Labelled) -> bool {
    !data.flags(&s.section, &s.text).is_empty()
}

/// Spanish: any suggestion is open.
fn spanish(data: &AidsData, s: &Labelled) -> bool {
    // As in the editor: abbreviations spelled out in the note count.
    Findings::of(
        &s.section,
        &s.text,
        &defined_in(&s.text),
        &[],
        NoteFacts::default(),
        Lang::Es,
        Some(data),
    )
    .count()
        > 0
}

#[test]
fn the_aids_on_the_development_sets() {
    let (en, es) = (data(Lang::En, true), data(Lang::Es, true));
    measure(
        "development English (objective language)",
        include_str!("writing/dev-en.json"),
        "en",
        400,
        &|s| english(&en, s),
    );
    measure(
        "development Spanish (every aid)",
        include_str!("writing/dev-es.json"),
        "es",
        150,
        &|s| spanish(&es, s),
    );
}

/// The targets, on sentences nobody tuned to: English recall and
/// precision, Spanish recall and precision.
const ENGLISH_TARGETS: (f64, f64) = (0.85, 0.90);
const SPANISH_TARGETS: (f64, f64) = (0.80, 0.90);

#[test]
fn the_aids_on_held_out_english_and_spanish_sentences() {
    let (en, es) = (data(Lang::En, true), data(Lang::Es, true));
    let (en_listed, es_listed) = (data(Lang::En, false), data(Lang::Es, false));
    measure(
        "held-out English, the word list alone",
        include_str!("writing/heldout-en.json"),
        "en",
        400,
        &|s| english(&en_listed, s),
    );
    let english_a = measure(
        "held-out English (objective language)",
        include_str!("writing/heldout-en.json"),
        "en",
        400,
        &|s| english(&en, s),
    );
    let english_b = measure(
        "held-out English B (objective language)",
        include_str!("writing/heldout-en-b.json"),
        "en",
        400,
        &|s| english(&en, s),
    );
    measure(
        "held-out Spanish, the lists alone",
        include_str!("writing/heldout-es.json"),
        "es",
        150,
        &|s| spanish(&es_listed, s),
    );
    let spanish_a = measure(
        "held-out Spanish (every aid)",
        include_str!("writing/heldout-es.json"),
        "es",
        150,
        &|s| spanish(&es, s),
    );
    let spanish_b = measure(
        "held-out Spanish B (every aid)",
        include_str!("writing/heldout-es-b.json"),
        "es",
        150,
        &|s| spanish(&es, s),
    );
    // Spanish meets the targets on both held-out sets: they hold.
    for (set, (precision, recall)) in [("A", spanish_a), ("B", spanish_b)] {
        assert!(
            recall >= SPANISH_TARGETS.0 && precision >= SPANISH_TARGETS.1,
            "Spanish held-out {set}: precision {precision:.3} recall {recall:.3} below the targets {SPANISH_TARGETS:?}"
        );
    }
    // English meets the recall target; its precision does not yet reach
    // the target's 0.90, so what it reached is held instead (a ratchet:
    // raise these as it improves, up to ENGLISH_TARGETS.1).
    for (set, (precision, recall), floor) in [("A", english_a, 0.855), ("B", english_b, 0.89)] {
        assert!(
            recall >= ENGLISH_TARGETS.0 && precision >= floor,
            "English held-out {set}: precision {precision:.3} recall {recall:.3} below {floor} / {}",
            ENGLISH_TARGETS.0
        );
    }
}
