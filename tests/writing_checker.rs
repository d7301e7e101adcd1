//! The objective-language checker, measured: precision and recall over a
//! labelled set of case-note sentences (`tests/writing/labelled.json`).
//!
//! Counted per sentence: a sentence is predicted "flag" when the checker
//! flags anything in it (in its section). A true positive is a sentence
//! labelled "flag" and flagged; a false positive, labelled "clean" and
//! flagged; a false negative, labelled "flag" and not flagged. Category
//! agreement is reported too: of the true positives, how many carry a
//! flag of the labelled category. Fails if precision or recall is below
//! 0.9. The figures are stated in the README; update both together.

mod common;

use casenote::text::Lang;
use common::data;
use serde::Deserialize;

#[derive(Deserialize)]
struct Set {
    sentences: Vec<Labelled>,
}

#[derive(Deserialize)]
struct Labelled {
    text: String,
    section: String,
    expected: Expected,
    #[serde(default)]
    category: Option<String>,
}

#[derive(Deserialize, PartialEq, Eq, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Expected {
    Flag,
    Clean,
}

#[test]
fn precision_and_recall_over_the_labelled_set_are_at_least_0_9() {
    let set: Set = serde_json::from_str(include_str!("writing/labelled.json")).unwrap();
    let en = data(Lang::En, false);
    let known: Vec<String> = en.terms.categories.keys().cloned().collect();
    let (mut tp, mut fp, mut fneg, mut same_category) = (0usize, 0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for s in &set.sentences {
        let flags = en.listed(&s.section, &s.text);
        match (s.expected, flags.is_empty()) {
            (Expected::Flag, false) => {
                tp += 1;
                let cat = s
                    .category
                    .as_deref()
                    .expect("a flag sentence has a category");
                assert!(known.iter().any(|k| k == cat), "unknown category {cat}");
                if flags.iter().any(|f| f.category == cat) {
                    same_category += 1;
                } else {
                    misses.push(format!(
                        "category {:?} for {cat}: {}",
                        flags[0].category, s.text
                    ));
                }
            }
            (Expected::Flag, true) => {
                fneg += 1;
                misses.push(format!("missed: {}", s.text));
            }
            (Expected::Clean, false) => {
                fp += 1;
                misses.push(format!("false flag {:?}: {}", flags[0].found, s.text));
            }
            (Expected::Clean, true) => {}
        }
    }
    let n = set.sentences.len();
    let flagged = set
        .sentences
        .iter()
        .filter(|s| s.expected == Expected::Flag)
        .count();
    let precision = tp as f64 / (tp + fp) as f64;
    let recall = tp as f64 / (tp + fneg) as f64;
    println!(
        "objective-language checker: {n} sentences ({flagged} flag, {} clean): precision {precision:.3} ({tp}/{}), recall {recall:.3} ({tp}/{}), category agreement {same_category}/{tp}",
        n - flagged,
        tp + fp,
        tp + fneg
    );
    for m in &misses {
        println!("  {m}");
    }
    assert!(n >= 200, "the set has at least 200 sentences");
    assert!(precision >= 0.9, "precision {precision:.3} < 0.9");
    assert!(recall >= 0.9, "recall {recall:.3} < 0.9");
}
