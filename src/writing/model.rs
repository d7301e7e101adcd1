//! A small statistical model of the sentences a reviewer flags: logistic
//! regression over a sentence's words and word pairs, trained on
//! casenote's own development sentences (`tests/writing/dev-*.json`,
//! written from Park 2021's categories and NIDA's Words Matter) by
//! `tests/writing_model.rs`, one model per language. It reads what no word
//! list can: a judgement carried by everyday words and by framing.
//!
//! The word lists speak first: the model flags only a sentence they left
//! clean, and shows the words that weighed most. It is data, loaded after
//! the first screen (`casenote-aids-LANG.json` beside the element's
//! files); without it the lists still run. Quoted words are never read.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::sentences::sentences;
use super::tokens::{words_outside_quotes, Word};

/// The trained weights of one language, in thousandths (whole numbers
/// keep the file small and its reading exact).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// What the model was trained on, with the date.
    pub about: String,
    pub bias: i32,
    /// A sentence is flagged when its log-odds (the bias plus its
    /// features' weights) are above this: the probability threshold `t`
    /// as ln(t / (1 - t)).
    pub threshold: i32,
    /// Feature ("u:word", "b:word_word") to weight.
    pub weights: BTreeMap<String, i32>,
}

/// A word's crude stem, so that "refused" and "refuses" weigh as one.
fn stem(word: &str) -> String {
    let w = word.to_lowercase().replace('’', "'");
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.chars().count() >= 3 {
                return s.to_string();
            }
        }
    }
    w
}

/// The features of one sentence's words (outside quotations), each with
/// the byte range of the words it was made from.
pub fn features_of(words: &[Word<'_>]) -> Vec<(String, usize, usize)> {
    let stems: Vec<String> = words.iter().map(|w| stem(w.text)).collect();
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    for (i, s) in stems.iter().enumerate() {
        out.push((format!("u:{s}"), words[i].start, words[i].end));
        if let Some(next) = stems.get(i + 1) {
            out.push((format!("b:{s}_{next}"), words[i].start, words[i + 1].end));
        }
    }
    out
}

/// The features of a sentence, once each (for training and scoring).
pub fn features(sentence: &str) -> Vec<String> {
    let mut f: Vec<String> = features_of(&words_outside_quotes(sentence))
        .into_iter()
        .map(|(f, _, _)| f)
        .collect();
    f.sort_unstable();
    f.dedup();
    f
}

impl Model {
    /// The log-odds, in thousandths, that a reviewer would flag
    /// `sentence`.
    pub fn log_odds(&self, sentence: &str) -> i32 {
        self.bias
            + features(sentence)
                .iter()
                .filter_map(|f| self.weights.get(f))
                .sum::<i32>()
    }

    /// The byte range of the words of `sentence` that weigh most towards a
    /// flag, if any do.
    pub fn strongest(&self, sentence: &str) -> Option<(usize, usize)> {
        let words = words_outside_quotes(sentence);
        features_of(&words)
            .into_iter()
            .filter_map(|(f, a, b)| self.weights.get(&f).map(|w| (*w, a, b)))
            .filter(|(w, _, _)| *w > 0)
            .max_by_key(|x| x.0)
            .map(|(_, a, b)| (a, b))
    }

    /// The sentences of `text` the model flags, as byte ranges of the
    /// words that weighed most in each: `(sentence, shown)`.
    pub fn flagged(&self, text: &str) -> Vec<((usize, usize), (usize, usize))> {
        sentences(text)
            .into_iter()
            .filter_map(|(s, e)| {
                let sentence = &text[s..e];
                // Two words are too few to judge by.
                if words_outside_quotes(sentence).len() < 3
                    || self.log_odds(sentence) <= self.threshold
                {
                    return None;
                }
                let strongest = self.strongest(sentence).unwrap_or((0, sentence.len()));
                Some(((s, e), (s + strongest.0, s + strongest.1)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        Model {
            about: String::new(),
            bias: -2000,
            threshold: 0,
            weights: [
                ("u:lazy".to_string(), 1000),
                ("b:no_effort".to_string(), 3000),
            ]
            .into_iter()
            .collect(),
        }
    }

    #[test]
    fn features_are_stems_and_pairs_outside_quotations() {
        assert_eq!(
            features("Refused again, \"lazy\" he said."),
            [
                "b:again_he",
                "b:he_said",
                "b:refus_again",
                "u:again",
                "u:he",
                "u:refus",
                "u:said"
            ]
        );
    }

    #[test]
    fn a_sentence_over_the_threshold_is_flagged_with_its_strongest_words() {
        let text = "Met at the office. Made no effort at all. Lazy.";
        let m = model();
        let flagged = m.flagged(text);
        assert_eq!(flagged.len(), 1);
        let ((s, e), (a, b)) = flagged[0];
        assert_eq!(&text[s..e], "Made no effort at all.");
        assert_eq!(&text[a..b], "no effort");
        assert!(m.log_odds("Lazy.") < 0);
    }
}
