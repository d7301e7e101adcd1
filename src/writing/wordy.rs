//! Wordy phrases with a shorter alternative ("in order to" → "to", "con
//! el fin de" → "para"). The lists are data, one per language
//! (`wordy.json`, `es/wordy.json`, with their sources), loaded with the
//! rest of the aids' data (`data.rs`); this file only matches them, by whole words, case-insensitive, outside quotation marks (the
//! client's own words are theirs).

use serde::Deserialize;

use super::language::{matching_case, Source};
use super::replacement::Replacement;
use super::tokens::words_outside_quotes;

#[derive(Clone, Debug, Deserialize)]
pub struct Phrase {
    pub phrase: String,
    pub replace: String,
    pub source: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct PhraseList {
    pub sources: Vec<Source>,
    pub phrases: Vec<Phrase>,
}

/// A wordy phrase found in a section's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wordy {
    pub start: usize,
    pub end: usize,
    /// As written.
    pub found: String,
    /// The shorter words, with the first letter's case kept.
    pub shorter: String,
}

impl Wordy {
    pub fn replacement(&self) -> Replacement {
        Replacement {
            start: self.start,
            end: self.end,
            found: self.found.clone(),
            with: self.shorter.clone(),
        }
    }
}

/// The wordy phrases in `text`, in order, none overlapping (the longest
/// wins where two would).
pub fn wordy_in(list: &PhraseList, text: &str) -> Vec<Wordy> {
    let words = words_outside_quotes(text);
    let lower: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
    let mut out: Vec<Wordy> = Vec::new();
    for p in &list.phrases {
        let pw: Vec<&str> = p.phrase.split(' ').collect();
        for i in 0..(lower.len() + 1).saturating_sub(pw.len()) {
            if !pw.iter().enumerate().all(|(j, w)| lower[i + j] == *w) {
                continue;
            }
            let (start, end) = (words[i].start, words[i + pw.len() - 1].end);
            // Only across spaces: "in order, to" is not the phrase.
            if !text[start..end].split_whitespace().eq(text[start..end]
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|w| !w.is_empty()))
            {
                continue;
            }
            if let Some(k) = out.iter().position(|o| o.start < end && start < o.end) {
                if end - start <= out[k].end - out[k].start {
                    continue;
                }
                out.remove(k);
            }
            let found = text[start..end].to_string();
            out.push(Wordy {
                start,
                end,
                shorter: matching_case(&found, &p.replace),
                found,
            });
        }
    }
    out.sort_by_key(|w| w.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::shipped;
    use casenote_text::Lang;

    fn english() -> &'static PhraseList {
        &shipped(Lang::En).wordy
    }

    fn shorter(text: &str) -> Vec<(String, String)> {
        wordy_in(english(), text)
            .into_iter()
            .map(|w| (w.found, w.shorter))
            .collect()
    }

    #[test]
    fn the_list_reads_and_every_phrase_is_found_and_cited() {
        let list: PhraseList = serde_json::from_str(include_str!("wordy.json")).unwrap();
        assert!(list.phrases.len() >= 30);
        for p in &list.phrases {
            let text = format!("Worker met client {} discuss rent.", p.phrase);
            let found = wordy_in(english(), &text);
            assert_eq!(found.len(), 1, "{:?}", p.phrase);
            assert_eq!(found[0].found, p.phrase);
            assert!(list.sources.iter().any(|s| s.id == p.source));
        }
        for s in &list.sources {
            assert!(s.url.starts_with("https://") && !s.cite.is_empty());
        }
    }

    #[test]
    fn the_spanish_list_reads_and_every_phrase_is_found_and_cited() {
        let list: PhraseList = serde_json::from_str(include_str!("es/wordy.json")).unwrap();
        assert!(list.phrases.len() >= 30);
        assert_eq!(shipped(Lang::Es).wordy.phrases.len(), list.phrases.len());
        for p in &list.phrases {
            let text = format!("La trabajadora se reunió {} la usuaria.", p.phrase);
            let found = wordy_in(&shipped(Lang::Es).wordy, &text);
            assert_eq!(found.len(), 1, "{:?}", p.phrase);
            assert!(list.sources.iter().any(|s| s.id == p.source));
        }
        let text = "Con el fin de pagar, llamó.";
        let r = wordy_in(&shipped(Lang::Es).wordy, text)[0].replacement();
        assert_eq!(r.apply(text).as_deref(), Some("Para pagar, llamó."));
    }

    #[test]
    fn the_issues_examples_get_their_shorter_words_with_case_kept() {
        assert_eq!(
            shorter("In order to apply, she called. At this point in time she is housed due to the fact that rent was paid."),
            [
                ("In order to".into(), "To".into()),
                ("At this point in time".into(), "Now".into()),
                ("due to the fact that".into(), "because".into()),
            ]
        );
        let text = "She called in order to apply.";
        let r = wordy_in(english(), text)[0].replacement();
        assert_eq!(r.apply(text).as_deref(), Some("She called to apply."));
    }

    #[test]
    fn not_in_quotes_not_across_punctuation_not_inside_words() {
        assert!(wordy_in(english(), "Client said \"in order to get by I sold it\".").is_empty());
        assert!(wordy_in(english(), "Papers were in order, to be filed.").is_empty());
        assert!(wordy_in(english(), "She is reusable; underutilized funds.").is_empty());
    }

    #[test]
    fn the_longest_phrase_wins() {
        assert_eq!(
            shorter("Enough: a sufficient number of beds."),
            [("a sufficient number of".into(), "enough".into())]
        );
    }
}
