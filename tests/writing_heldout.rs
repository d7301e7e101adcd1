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
//! Held-out sets B (`heldout-en-b.json`, `heldout-es-b.json`) and C
//! (`heldout-en-c.json`) were written later the same day, after tuning had
//! begun, by helpers that saw nothing of the project, and each measured
//! once, at the end.
//!
//! The figures are printed, with recall by kind, so each change to the
//! aids is measured against them. The test fails when a set is malformed,
//! below the targets on the sets nobody's decisions touched
//! (English B and C together; Spanish A and B), and below what each
//! English set reached on its own. The README reports the held-out
//! figures as the checker's quality.

mod common;

use casenote::text::Lang;
use casenote::writing::abbreviations::defined_in;
use casenote::writing::completeness::NoteFacts;
use casenote::writing::data::AidsData;
use casenote::writing::suggestions::Findings;
use common::{data, Labelled, Set};
use std::collections::{BTreeMap, HashSet};

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

/// Sentences flagged rightly, flagged wrongly, and missed.
#[derive(Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fneg: usize,
}

impl Score {
    fn precision(self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }

    fn recall(self) -> f64 {
        self.tp as f64 / (self.tp + self.fneg).max(1) as f64
    }

    /// Two sets counted as one.
    fn and(self, other: Score) -> Score {
        Score {
            tp: self.tp + other.tp,
            fp: self.fp + other.fp,
            fneg: self.fneg + other.fneg,
        }
    }
}

/// Checks the set's shape and prints precision, recall and recall by kind
/// under `flags`; returns (precision, recall).
fn measure(
    name: &str,
    json: &str,
    lang: &str,
    min: usize,
    flags: &dyn Fn(&Labelled) -> bool,
) -> Score {
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
    Score { tp, fp, fneg }
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
    let english_c = measure(
        "held-out English C (objective language)",
        include_str!("writing/heldout-en-c.json"),
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
    // The sets nobody's decisions touched, each read once: English B
    // and C together, Spanish B; and Spanish A, which meets them too.
    let english = english_b.and(english_c);
    println!(
        "held-out English B and C together: precision {:.3} ({}/{}), recall {:.3} ({}/{})",
        english.precision(),
        english.tp,
        english.tp + english.fp,
        english.recall(),
        english.tp,
        english.tp + english.fneg
    );
    for (set, score, (recall, precision)) in [
        ("English B and C", english, ENGLISH_TARGETS),
        ("Spanish A", spanish_a, SPANISH_TARGETS),
        ("Spanish B", spanish_b, SPANISH_TARGETS),
    ] {
        assert!(
            score.recall() >= recall && score.precision() >= precision,
            "held-out {set}: precision {:.3} recall {:.3}, below the targets {precision} / {recall}",
            score.precision(),
            score.recall()
        );
    }
    // Each English set on its own holds what it reached (a ratchet): A,
    // read after every step, and B, short of 0.90 by itself.
    for (set, score, floor) in [
        ("A", english_a, 0.855),
        ("B", english_b, 0.89),
        ("C", english_c, 0.90),
    ] {
        assert!(
            score.recall() >= ENGLISH_TARGETS.0 && score.precision() >= floor,
            "English held-out {set}: precision {:.3} recall {:.3} below {floor} / {}",
            score.precision(),
            score.recall(),
            ENGLISH_TARGETS.0
        );
    }
}
