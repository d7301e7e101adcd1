//! Shorthand the next reader may not know: lower-case and slash forms
//! ("w/", "f/u", "pt") that the capital-letter abbreviation check does not
//! see. Each is explained, and offered in full where one meaning fits.

use super::replacement::Replacement;
use super::tokens::words_outside_quotes;

/// Shorthand, what it stands for, and the words to replace it with where
/// it has one meaning.
const SHORTHAND: &[(&str, &str, Option<&str>)] = &[
    ("w/", "with", Some("with")),
    ("w/o", "without", Some("without")),
    ("f/u", "follow-up", Some("follow-up")),
    ("b/c", "because", Some("because")),
    ("y/o", "years old", Some("years old")),
    ("h/o", "history of", Some("history of")),
    ("s/p", "status post (after)", None),
    ("c/o", "complains of, or care of", None),
    ("pt", "patient", Some("client")),
    ("pts", "patients", Some("clients")),
    ("hx", "history", Some("history")),
    ("dx", "diagnosis", Some("diagnosis")),
    ("tx", "treatment", Some("treatment")),
];

/// Shorthand found in a section's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shorthand {
    pub start: usize,
    pub end: usize,
    /// As written.
    pub found: String,
    /// What it stands for.
    pub means: &'static str,
    /// Words that can replace it, where it has one meaning.
    pub replace: Option<&'static str>,
}

impl Shorthand {
    pub fn replacement(&self) -> Option<Replacement> {
        self.replace.map(|with| Replacement {
            start: self.start,
            end: self.end,
            found: self.found.clone(),
            with: with.to_string(),
        })
    }
}

/// The shorthand in `text`, outside quotation marks, in order.
pub fn shorthand_in(text: &str) -> Vec<Shorthand> {
    let mut out = Vec::new();
    for w in words_outside_quotes(text) {
        // A slash form starts at a word and runs to the next space.
        let end = text[w.start..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| w.start + i);
        let token = text[w.start..end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
        let candidates = [token, w.text];
        let found = candidates.iter().find_map(|c| {
            SHORTHAND
                .iter()
                .find(|(s, _, _)| c.eq_ignore_ascii_case(s) && (c.contains('/') || *c == w.text))
                .map(|entry| (*c, entry))
        });
        let Some((found, &(_, means, replace))) = found else {
            continue;
        };
        // Capital "PT" is often physical therapy: only lower case is read
        // as shorthand for patient, and "Tx" alike.
        if !found.contains('/') && found.chars().any(|c| c.is_ascii_uppercase()) {
            continue;
        }
        if out.iter().any(|s: &Shorthand| s.start == w.start) {
            continue;
        }
        out.push(Shorthand {
            start: w.start,
            end: w.start + found.len(),
            found: found.to_string(),
            means,
            replace,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        shorthand_in(text).into_iter().map(|s| s.found).collect()
    }

    #[test]
    fn slash_and_lower_case_shorthand_is_found_with_its_meaning() {
        assert_eq!(
            found("Met pt w/ her sister; f/u next week. c/o pain, hx of falls."),
            ["pt", "w/", "f/u", "c/o", "hx"]
        );
        let s = &shorthand_in("Seen w/o her worker.")[0];
        assert_eq!((s.found.as_str(), s.means), ("w/o", "without"));
        let r = s.replacement().expect("one meaning");
        assert_eq!(
            r.apply("Seen w/o her worker.").as_deref(),
            Some("Seen without her worker.")
        );
        // Two meanings: explained, never replaced.
        assert!(shorthand_in("c/o headache")[0].replacement().is_none());
    }

    #[test]
    fn ordinary_words_quotes_and_capitals_are_left_alone() {
        assert!(found("With her, we went to the point; PT booked.").is_empty());
        assert!(found("She said “pt is fine w/ me”.").is_empty());
        assert!(found("either/or and/or").is_empty());
    }
}
