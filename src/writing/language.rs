//! The objective-language checker. Its word lists are data, one per
//! language (`terms.json`, `es/terms.json`, with the sources of every
//! entry), loaded with the rest of the aids' data (`data.rs`); this file
//! only matches them.
//!
//! Matching is by whole words and phrases, case-insensitive, tolerant of
//! simple inflection (claim, claims, claimed, claiming), never inside other
//! words, and never inside quotation marks.

use super::model::Model;
use super::replacement::Replacement;
use super::scare_quotes::scare_quotes;
use std::collections::BTreeMap;

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
    /// What a scare quote is flagged as (see `scare_quotes.rs`).
    #[serde(default)]
    pub scare_quotes: Option<Term>,
    /// What a sentence the model flags is flagged as (see `model.rs`).
    #[serde(default)]
    pub model: Option<Term>,
}

impl WordList {
    /// Why a category is flagged, in the list's language.
    fn explain(&self, category: &str) -> String {
        self.categories.get(category).cloned().unwrap_or_default()
    }

    /// `entry`'s flag of `text[start..end]` in `section`.
    fn flag(
        &self,
        entry: &Term,
        section: &str,
        text: &str,
        start: usize,
        end: usize,
        replace: Option<String>,
    ) -> Flag {
        Flag {
            section: section.to_string(),
            start,
            end,
            found: text[start..end].to_string(),
            term: entry.term.clone(),
            category: entry.category.clone(),
            explain: self.explain(&entry.category),
            suggest: entry.suggest.clone(),
            replace,
        }
    }
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

/// The places of a term, each the words that fit there: a word, one of
/// several ("most|many"), or any word ("*", an empty list). A pattern such
/// as "like most|many|all *" is how a generalisation is written.
fn term_slots(term: &str) -> Vec<Vec<String>> {
    term.split_whitespace()
        .flat_map(|token| match token {
            "*" => vec![Vec::new()],
            t if t.contains('|') => vec![t.split('|').map(normalise).collect()],
            t => term_words(t).into_iter().map(|w| vec![w]).collect(),
        })
        .collect()
}

/// Whether `word` fits a place of a term (inflected too, if `inflecting`).
fn fits(word: &str, slot: &[String], inflecting: bool) -> bool {
    slot.is_empty()
        || slot
            .iter()
            .any(|t| word == t || inflecting && inflects(word, t))
}

/// The replacement for `found` when it is `entry`'s term exactly.
fn exact_replacement(entry: &Term, found: &str) -> Option<String> {
    let r = entry.replace.as_deref()?;
    (term_words(found) == term_words(&entry.term)).then(|| matching_case(found, r))
}

/// The model's flags (`model.rs`) in the sentences of `text` that `flags`
/// (the list's) left clean, added to them.
pub(super) fn add_model(
    list: &WordList,
    model: &Model,
    section: &str,
    text: &str,
    flags: &mut Vec<Flag>,
) {
    let Some(entry) = &list.model else {
        return;
    };
    for ((s, e), (start, end)) in model.flagged(text) {
        if flags.iter().any(|f| f.start < e && s < f.end) || !judged_at(text, start) {
            continue;
        }
        flags.push(list.flag(entry, section, text, start, end, None));
    }
    flags.sort_by_key(|f| f.start);
}

/// Whether a judgement whose words start at byte `start` of `text` is
/// about the client, by the rules the lists follow (`Around::
/// about_the_client`): not a third party's doing, not what someone said
/// of themselves or was called, not a population fact, not a thing. The
/// model's flags keep to them too.
pub fn judged_at(text: &str, start: usize) -> bool {
    let words = words_outside_quotes(text);
    let lower: Vec<String> = words.iter().map(|w| normalise(w.text)).collect();
    let Some(i) = words.iter().position(|w| w.start >= start) else {
        return true;
    };
    Around {
        text,
        words: &words,
        lower: &lower,
    }
    .about_the_client("judgement", i, 1)
}

/// Each term of `list` as its places (`term_slots`), worked out once when
/// the list loads.
pub(super) fn compile(list: &WordList) -> Vec<Vec<Vec<String>>> {
    list.terms.iter().map(|t| term_slots(&t.term)).collect()
}

/// Flags in one section's text by `list`, whose terms' places are
/// `slots` ([`compile`]).
pub(super) fn check_list(
    list: &WordList,
    slots: &[Vec<Vec<String>>],
    section: &str,
    text: &str,
) -> Vec<Flag> {
    let words: Vec<Word<'_>> = words_outside_quotes(text);
    let lower: Vec<String> = words.iter().map(|w| normalise(w.text)).collect();
    let around = Around {
        text,
        words: &words,
        lower: &lower,
    };
    // Where each first letter stands, so a term is tried only where its
    // first word could start (every word of a long note, for every term,
    // would be the whole list times the whole note).
    let mut starting: BTreeMap<char, Vec<usize>> = BTreeMap::new();
    for (i, w) in lower.iter().enumerate() {
        if let Some(c) = w.chars().next() {
            starting.entry(c).or_default().push(i);
        }
    }
    let mut flags: Vec<Flag> = Vec::new();
    for (entry, tw) in list.terms.iter().zip(slots) {
        if !entry.sections.is_empty() && !entry.sections.iter().any(|s| s == section) {
            continue;
        }
        if tw.is_empty() || tw.len() > lower.len() {
            continue;
        }
        let inflecting = entry.context.is_none_or(Context::inflects);
        let mut places: Vec<usize> = if tw[0].is_empty() {
            (0..lower.len()).collect()
        } else {
            let mut firsts: Vec<char> = tw[0].iter().filter_map(|t| t.chars().next()).collect();
            firsts.sort_unstable();
            firsts.dedup();
            firsts
                .iter()
                .filter_map(|c| starting.get(c))
                .flatten()
                .copied()
                .collect()
        };
        places.sort_unstable();
        for i in places.into_iter().filter(|&i| i + tw.len() <= lower.len()) {
            let matches = tw
                .iter()
                .enumerate()
                .all(|(j, t)| fits(&lower[i + j], t, inflecting))
                && around.within_sentence(i, tw.len())
                && entry.context.is_none_or(|c| around.holds(c, i));
            if matches && around.about_the_client(&entry.category, i, tw.len()) {
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
                        existing.category = entry.category.clone();
                        existing.explain = list.explain(&entry.category);
                        existing.suggest = entry.suggest.clone();
                        existing.replace = exact_replacement(entry, &text[start..end]);
                    }
                    continue;
                }
                let replace = exact_replacement(entry, &text[start..end]);
                flags.push(list.flag(entry, section, text, start, end, replace));
            }
        }
    }
    if let Some(entry) = &list.scare_quotes {
        for (start, end) in scare_quotes(text) {
            if flags.iter().any(|f| f.start < end && start < f.end) {
                continue;
            }
            flags.push(list.flag(entry, section, text, start, end, None));
        }
    }
    flags.sort_by_key(|f| f.start);
    flags
}

#[cfg(test)]
mod tests;
