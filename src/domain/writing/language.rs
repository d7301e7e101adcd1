//! The objective-language checker. Its word list is data (`terms.json`,
//! with the sources of every entry); this file only matches it.
//!
//! Matching is by whole words and phrases, case-insensitive, tolerant of
//! simple inflection (claim, claims, claimed, claiming), never inside other
//! words, and never inside quotation marks.

use super::replacement::Replacement;
use super::shipped::shipped;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::context::{Around, Context};
use super::tokens::{words_outside_quotes, Word};
use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct Source {
    pub id: String,
    pub cite: String,
    pub url: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Term {
    pub term: String,
    pub category: String,
    pub suggest: String,
    pub source: String,
    /// Only in these sections (empty: everywhere).
    #[serde(default)]
    pub sections: Vec<String>,
    /// Words that can stand in its place as they are, where the advice is
    /// not "describe what happened": offered as a one-step replacement.
    #[serde(default)]
    pub replace: Option<String>,
    /// Only in this use of the word: see `context.rs`.
    #[serde(default)]
    pub context: Option<Context>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct WordList {
    pub sources: Vec<Source>,
    pub categories: BTreeMap<String, String>,
    pub terms: Vec<Term>,
}

/// The shipped word list.
pub fn word_list() -> &'static WordList {
    static LIST: OnceLock<WordList> = OnceLock::new();
    shipped(&LIST, include_str!("terms.json"), || WordList {
        sources: Vec::new(),
        categories: BTreeMap::new(),
        terms: Vec::new(),
    })
}

/// One flagged passage, with why and what to write instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    pub section: String,
    /// Byte range in the section's text.
    pub start: usize,
    pub end: usize,
    /// The words as written.
    pub found: String,
    /// The list entry that matched.
    pub term: String,
    pub category: String,
    pub explain: String,
    pub suggest: String,
    /// What can replace the passage as it is (see `Term::replace`), with
    /// its first letter's case kept; only for the term itself, not an
    /// inflection of it.
    pub replace: Option<String>,
}

/// `replace` with the first letter upper-cased when `found`'s is. The
/// word list is English: ASCII case is enough, and keeps Unicode's case
/// tables (about 10 kB) out of the bundle.
pub(super) fn matching_case(found: &str, replace: &str) -> String {
    let mut out = replace.to_string();
    if found.starts_with(|c: char| c.is_ascii_uppercase()) {
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
    }
    out
}

impl Flag {
    /// The one-step replacement this flag offers, if any.
    pub fn replacement(&self) -> Option<Replacement> {
        self.replace.as_ref().map(|with| Replacement {
            start: self.start,
            end: self.end,
            found: self.found.clone(),
            with: with.clone(),
        })
    }
}

fn normalise(word: &str) -> String {
    word.replace('’', "'").to_lowercase()
}

/// `word` (lower case) is `base` or a simple inflection of it.
fn inflects(word: &str, base: &str) -> bool {
    if word == base {
        return true;
    }
    let Some(rest) = word.strip_prefix(base) else {
        // fine → fining, try → tries/tried
        if let Some(stem) = base.strip_suffix('e') {
            return word
                .strip_prefix(stem)
                .is_some_and(|r| matches!(r, "ing" | "ed"));
        }
        if let Some(stem) = base.strip_suffix('y') {
            return word
                .strip_prefix(stem)
                .is_some_and(|r| matches!(r, "ies" | "ied"));
        }
        return false;
    };
    matches!(rest, "s" | "es" | "ed" | "d" | "ing" | "er" | "ers")
}

fn term_words(term: &str) -> Vec<String> {
    term.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(normalise)
        .collect()
}

/// The replacement for `found` when it is `entry`'s term exactly.
fn exact_replacement(entry: &Term, found: &str) -> Option<String> {
    let r = entry.replace.as_deref()?;
    (term_words(found) == term_words(&entry.term)).then(|| matching_case(found, r))
}

/// Flags in one section's text.
pub fn check_text(section: &str, text: &str) -> Vec<Flag> {
    let list = word_list();
    let words: Vec<Word<'_>> = words_outside_quotes(text);
    let lower: Vec<String> = words.iter().map(|w| normalise(w.text)).collect();
    let around = Around {
        text,
        words: &words,
        lower: &lower,
    };
    let mut flags: Vec<Flag> = Vec::new();
    for entry in &list.terms {
        if !entry.sections.is_empty() && !entry.sections.iter().any(|s| s == section) {
            continue;
        }
        let tw = term_words(&entry.term);
        if tw.is_empty() || tw.len() > lower.len() {
            continue;
        }
        for i in 0..=lower.len() - tw.len() {
            let matches = match entry.context {
                None => tw
                    .iter()
                    .enumerate()
                    .all(|(j, t)| inflects(&lower[i + j], t)),
                Some(context) => {
                    tw.iter().enumerate().all(|(j, t)| {
                        lower[i + j] == *t || context.inflects() && inflects(&lower[i + j], t)
                    }) && around.holds(context, i)
                }
            };
            if matches {
                let (start, end) = (words[i].start, words[i + tw.len() - 1].end);
                // A longer match of the same place wins, then one that offers
                // a replacement; the first list entry otherwise.
                if let Some(existing) = flags.iter_mut().find(|f| f.start < end && start < f.end) {
                    let (len, old) = (end - start, existing.end - existing.start);
                    let replaces = existing.replace.is_none()
                        && exact_replacement(entry, &text[start..end]).is_some();
                    if len > old || len == old && replaces {
                        existing.start = start;
                        existing.end = end;
                        existing.found = text[start..end].to_string();
                        existing.term = entry.term.clone();
                        existing.suggest = entry.suggest.clone();
                        existing.replace = exact_replacement(entry, &text[start..end]);
                    }
                    continue;
                }
                flags.push(Flag {
                    section: section.to_string(),
                    start,
                    end,
                    found: text[start..end].to_string(),
                    term: entry.term.clone(),
                    category: entry.category.clone(),
                    explain: list
                        .categories
                        .get(&entry.category)
                        .cloned()
                        .unwrap_or_default(),
                    suggest: entry.suggest.clone(),
                    replace: exact_replacement(entry, &text[start..end]),
                });
            }
        }
    }
    flags.sort_by_key(|f| f.start);
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_word_list_reads_and_is_not_empty() {
        let list: WordList = serde_json::from_str(include_str!("terms.json")).unwrap();
        assert!(list.terms.len() > 20 && !list.sources.is_empty());
        assert_eq!(word_list().terms.len(), list.terms.len());
    }

    fn found(section: &str, text: &str) -> Vec<String> {
        check_text(section, text)
            .into_iter()
            .map(|f| f.term)
            .collect()
    }

    /// A sentence using `term` in its base form must flag exactly that term
    /// (in a section where the term applies).
    #[test]
    fn every_entry_of_the_list_is_found_and_explained() {
        let list = word_list();
        assert!(list.terms.len() >= 40);
        for t in &list.terms {
            let section = t
                .sections
                .first()
                .map(String::as_str)
                .unwrap_or("assessment");
            // A term limited to one use is tried in a sentence of that use.
            let text = match t.context {
                None => format!("Today the note says {} here.", t.term),
                Some(Context::DoubtVerb) => format!("She {} that she paid.", t.term),
                Some(Context::TestOrRecovery) => format!("The urine test was {} today.", t.term),
                Some(Context::AfterSubstance) => format!("Client is a daily {} now.", t.term),
            };
            let flags = check_text(section, &text);
            assert_eq!(flags.len(), 1, "{:?} in {text:?}: {flags:?}", t.term);
            let f = &flags[0];
            assert_eq!(
                f.found.to_lowercase().replace('-', " "),
                t.term.replace('-', " "),
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
        let f = &check_text("assessment", text)[0];
        assert_eq!(&text[f.start..f.end], "manipulative");
        assert_eq!(f.category, "label");
    }

    #[test]
    fn a_term_with_a_plain_alternative_offers_it_as_a_replacement_that_can_be_applied() {
        let text = "Claims the rent was paid; she claims more.";
        let flags = check_text("subjective", text);
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
        let f = &check_text("subjective", "She keeps claiming it.")[0];
        assert!(f.replacement().is_none());
        // Unless the inflection is an entry of its own.
        let f = &check_text("subjective", "She claimed it.")[0];
        assert_eq!(f.replacement().map(|r| r.with).as_deref(), Some("said"));
        // Advice to describe what happened is never a replacement.
        let f = &check_text("subjective", "He was manipulative.")[0];
        assert!(f.replacement().is_none());
    }
}
