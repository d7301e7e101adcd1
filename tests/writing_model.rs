//! Trains the writing aids' model (`domain::writing::model`) on the
//! development sets, and checks that the shipped model files are what
//! this training gives: nothing in them is tuned by hand, and the
//! held-out sets are never read.
//!
//! Logistic regression by stochastic gradient descent over a sentence's
//! features (`model::features`), in a fixed order, so that training is
//! repeatable. The threshold is chosen by cross-validation on the
//! development set, leaving out one author's part at a time: the lowest
//! threshold at which the model on its own keeps a cross-validated
//! precision of 0.95 (the lists are not asked, as they were tuned on the
//! same sentences).
//!
//!     CASENOTE_TRAIN=1 cargo test --test writing_model
//!
//! writes the model files again after a change to the development sets,
//! the features or this training.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use casenote::text::Lang;
use casenote::writing::language::judged_at;
use casenote::writing::model::{features, Model};
use common::{data, Set};

/// What other aids find (wordy phrases, abbreviations), and opinion words,
/// which count only in sections of fact: not the model's to learn.
const NOT_LEARNED: [&str; 3] = ["wordy", "abbreviation", "opinion"];

struct Example {
    text: String,
    /// Its author's part: cross-validation leaves one author out at a
    /// time, as the held-out sets are another author's.
    part: String,
    features: Vec<String>,
    flag: bool,
    /// What the word lists say of it.
    listed: bool,
}

const EPOCHS: usize = 30;
const RATE: f32 = 0.1;
const L2: f32 = 1e-3;
/// Weights smaller than this are left out of the shipped file.
const KEEP: f32 = 0.05;
const TARGET_PRECISION: f64 = 0.95;

fn examples(lang: Lang, json: &str) -> Vec<Example> {
    let set: Set = serde_json::from_str(json).expect("a development set");
    let lists = data(lang, false);
    set.sentences
        .into_iter()
        .filter(|s| !NOT_LEARNED.contains(&s.category.as_str()))
        .map(|s| Example {
            text: s.text.clone(),
            part: if s.part.is_empty() {
                "labelled".into()
            } else {
                s.part.clone()
            },
            features: features(&s.text),
            flag: s.expected == "flag",
            listed: !lists.listed(&s.section, &s.text).is_empty(),
        })
        .collect()
}

/// A repeatable order: a linear congruential shuffle.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = (*seed >> 33) as usize % (i + 1);
        order.swap(i, j);
    }
}

fn train(data: &[&Example]) -> (f32, BTreeMap<String, f32>) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for e in data {
        for f in &e.features {
            *seen.entry(f).or_default() += 1;
        }
    }
    let mut weights: BTreeMap<String, f32> = seen
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(f, _)| (f.to_string(), 0.0))
        .collect();
    let mut bias = 0.0f32;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed = 1u64;
    for _ in 0..EPOCHS {
        shuffle(&mut order, &mut seed);
        for &k in &order {
            let e = data[k];
            let z: f32 = bias
                + e.features
                    .iter()
                    .filter_map(|f| weights.get(f))
                    .sum::<f32>();
            let g = 1.0 / (1.0 + (-z).exp()) - if e.flag { 1.0 } else { 0.0 };
            bias -= RATE * g;
            for f in &e.features {
                if let Some(w) = weights.get_mut(f) {
                    *w -= RATE * (g + L2 * *w);
                }
            }
        }
    }
    (bias, weights)
}

fn probability(bias: f32, weights: &BTreeMap<String, f32>, e: &Example) -> f32 {
    let z: f32 = bias
        + e.features
            .iter()
            .filter_map(|f| weights.get(f))
            .sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// Precision and recall of the lists and the model together at
/// `threshold`, given each example's cross-validated probability.
fn together(data: &[Example], p: &[f32], threshold: f32) -> (f64, f64) {
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    for (e, &p) in data.iter().zip(p) {
        match (e.flag, e.listed || p > threshold) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fneg += 1,
            _ => {}
        }
    }
    (
        tp as f64 / (tp + fp).max(1) as f64,
        tp as f64 / (tp + fneg).max(1) as f64,
    )
}

fn model(lang: Lang, name: &str, data: Vec<Example>) -> Model {
    // One fold per author: each example scored by a model that never saw
    // its author's sentences.
    let parts: BTreeSet<String> = data.iter().map(|e| e.part.clone()).collect();
    let mut p = vec![0.0f32; data.len()];
    for part in &parts {
        let rest: Vec<&Example> = data.iter().filter(|e| e.part != *part).collect();
        let (bias, weights) = train(&rest);
        // As the editor reads it: a flag the lists' rules would not make
        // of the client (a third party's doing, a population fact,
        // reported words) does not count.
        let fold = shipped_form(String::new(), bias, 0.5, weights.clone());
        for (i, e) in data.iter().enumerate().filter(|(_, e)| e.part == *part) {
            let kept = fold
                .strongest(&e.text)
                .is_none_or(|(start, _)| judged_at(&e.text, start));
            p[i] = if kept {
                probability(bias, &weights, e)
            } else {
                0.0
            };
        }
    }
    let lists = together(&data, &p, f32::INFINITY);
    // The model on its own, so that how well the lists fit the
    // development set does not choose for it.
    let alone: Vec<Example> = data
        .iter()
        .map(|e| Example {
            text: String::new(),
            part: String::new(),
            features: Vec::new(),
            flag: e.flag,
            listed: false,
        })
        .collect();
    let threshold = (50..100)
        .map(|t| t as f32 / 100.0)
        .find(|&t| together(&alone, &p, t).0 >= TARGET_PRECISION)
        .unwrap_or(0.99);
    let (mp, mr) = together(&alone, &p, threshold);
    // CASENOTE_SHOW_MISSES lists the clean sentences the model would
    // flag, each scored by a model that never saw its author's part.
    if std::env::var_os("CASENOTE_SHOW_MISSES").is_some() {
        for (e, &q) in data.iter().zip(&p) {
            if !e.flag && !e.listed && q > threshold {
                println!("    WRONG [{}] {q:.2} {}", e.part, e.text);
            }
        }
    }
    println!("{name}: the model alone at {threshold:.2}, cross-validated: precision {mp:.3} recall {mr:.3}");
    let (precision, recall) = together(&data, &p, threshold);
    println!(
        "{name}: the lists alone, on the development set: precision {:.3} recall {:.3}; with the model (cross-validated) at {threshold:.2}: {precision:.3} / {recall:.3}",
        lists.0, lists.1
    );
    let all: Vec<&Example> = data.iter().collect();
    let (bias, weights) = train(&all);
    let language = match lang {
        Lang::En => "English",
        Lang::Es => "Spanish",
    };
    shipped_form(
        format!(
            "casenote's {language} writing-aids model: logistic regression over words and word pairs, trained by tests/writing_model.rs on the development sentences ({} of them); threshold by cross-validation leaving one author out at a time. Never trained on the held-out sets.",
            data.len()
        ),
        bias,
        threshold,
        weights,
    )
}

fn shipped_form(about: String, bias: f32, threshold: f32, weights: BTreeMap<String, f32>) -> Model {
    let thousandths = |x: f32| (x * 1000.0).round() as i32;
    Model {
        about,
        bias: thousandths(bias),
        threshold: thousandths((threshold / (1.0 - threshold)).ln()),
        weights: weights
            .into_iter()
            .filter(|(_, w)| w.abs() >= KEEP)
            .map(|(f, w)| (f, thousandths(w)))
            .collect(),
    }
}

fn check_or_write(path: &str, committed: &str, trained: &Model) {
    if std::env::var_os("CASENOTE_TRAIN").is_some() {
        let json = serde_json::to_string(trained).unwrap();
        std::fs::write(path, json + "\n").unwrap();
        return;
    }
    let shipped: Model = serde_json::from_str(committed).expect("the shipped model reads");
    assert_eq!(shipped.about, trained.about, "{path}: train again");
    assert_eq!(shipped.threshold, trained.threshold, "{path}: train again");
    let keys = |m: &Model| m.weights.keys().cloned().collect::<BTreeSet<_>>();
    assert_eq!(keys(&shipped), keys(trained), "{path}: train again");
    for (f, w) in &trained.weights {
        assert!((shipped.weights[f] - w).abs() <= 2, "{path}: {f}");
    }
    println!("{path}: {} weights", shipped.weights.len());
}

#[test]
fn the_shipped_models_are_what_training_on_the_development_sets_gives() {
    let mut english = examples(Lang::En, include_str!("writing/dev-en.json"));
    english.extend(examples(Lang::En, include_str!("writing/labelled.json")));
    let en = model(Lang::En, "English", english);
    check_or_write(
        "src/writing/model.json",
        include_str!("../src/writing/model.json"),
        &en,
    );
    let spanish = examples(Lang::Es, include_str!("writing/dev-es.json"));
    let es = model(Lang::Es, "Spanish", spanish);
    check_or_write(
        "src/writing/es/model.json",
        include_str!("../src/writing/es/model.json"),
        &es,
    );
}
