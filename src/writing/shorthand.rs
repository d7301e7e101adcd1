//! Shorthand the next reader may not know: lower-case and slash forms
//! ("w/", "f/u", "pt") that the capital-letter abbreviation check does not
//! see. Each is explained, and offered in full where one meaning fits.

use super::es::shorthand as spanish;
use super::replacement::Replacement;
use super::tokens::words_outside_quotes;
use casenote_text::Lang;

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
    /// The one-step replacement, capitalised as the shorthand was ("Pt
    /// arrived" becomes "Client arrived").
    pub fn replacement(&self) -> Option<Replacement> {
        self.replace.map(|with| {
            let capital = self.found.starts_with(|c: char| c.is_ascii_uppercase());
            let mut with = with.to_string();
            if capital {
                with[..1].make_ascii_uppercase();
            }
            Replacement {
                start: self.start,
                end: self.end,
                found: self.found.clone(),
                with,
            }
        })
    }
}

/// Words before a verb: after them, "f/u" is the verb "follow up", not
/// the noun "follow-up" ("will follow up with the landlord").
const BEFORE_A_VERB: &[&str] = &[
    "to", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "please",
    "i'll", "we'll", "she'll", "he'll", "they'll", "i", "we", "then", "worker", "cm",
];

/// The replacement `with` as it fits after `before`: "f/u" after a modal
/// or "to" is the verb, "follow up".
fn fitted(with: &'static str, before: &str) -> &'static str {
    let previous = before.split_whitespace().next_back().unwrap_or("");
    let previous = previous.trim_matches(|c: char| c.is_ascii_punctuation() && c != '\'');
    match with {
        "follow-up"
            if BEFORE_A_VERB
                .iter()
                .any(|w| w.eq_ignore_ascii_case(previous)) =>
        {
            "follow up"
        }
        _ => with,
    }
}

/// The shorthand in `text`, a note in `lang`, outside quotation marks, in
/// order.
pub fn shorthand_in(lang: Lang, text: &str) -> Vec<Shorthand> {
    let table = match lang {
        Lang::En => SHORTHAND,
        Lang::Es => spanish::SHORTHAND,
    };
    let mut out = Vec::new();
    for w in words_outside_quotes(text) {
        // A slash form starts at a word and runs to the next space.
        let end = text[w.start..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| w.start + i);
        let token = text[w.start..end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
        let candidates = [token, w.text];
        let found = candidates.iter().find_map(|c| {
            table
                .iter()
                .find(|(s, _, _)| c.eq_ignore_ascii_case(s) && (c.contains('/') || *c == w.text))
                .map(|entry| (*c, entry))
        });
        let Some((found, &(_, means, replace))) = found else {
            continue;
        };
        // All-capital "PT" is often physical therapy, and "TX" Texas: only
        // lower case, or a capital at the start of a sentence ("Pt
        // arrived"), is read as shorthand.
        if !found.contains('/') && found.chars().skip(1).any(|c| c.is_ascii_uppercase()) {
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
            replace: replace.map(|r| fitted(r, &text[..w.start])),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        shorthand_in(Lang::En, text)
            .into_iter()
            .map(|s| s.found)
            .collect()
    }

    #[test]
    fn slash_and_lower_case_shorthand_is_found_with_its_meaning() {
        assert_eq!(
            found("Met pt w/ her sister; f/u next week. c/o pain, hx of falls."),
            ["pt", "w/", "f/u", "c/o", "hx"]
        );
        let s = &shorthand_in(Lang::En, "Seen w/o her worker.")[0];
        assert_eq!((s.found.as_str(), s.means), ("w/o", "without"));
        let r = s.replacement().expect("one meaning");
        assert_eq!(
            r.apply("Seen w/o her worker.").as_deref(),
            Some("Seen without her worker.")
        );
        // Two meanings: explained, never replaced.
        assert!(shorthand_in(Lang::En, "c/o headache")[0]
            .replacement()
            .is_none());
    }

    /// What a worker on a phone found: "will f/u with" became "will
    /// follow-up with", and "Pt" opening a sentence was missed.
    #[test]
    fn f_u_as_a_verb_is_follow_up_and_pt_opening_a_sentence_is_shorthand() {
        let text = "Will f/u with the landlord. A f/u visit is booked. Pt arrived late.";
        let with: Vec<String> = shorthand_in(Lang::En, text)
            .iter()
            .map(|s| s.replacement().unwrap().with)
            .collect();
        assert_eq!(with, ["follow up", "follow-up", "Client"]);
        let mut fixed = text.to_string();
        for s in shorthand_in(Lang::En, text).iter().rev() {
            fixed = s.replacement().unwrap().apply(&fixed).unwrap();
        }
        assert_eq!(
            fixed,
            "Will follow up with the landlord. A follow-up visit is booked. Client arrived late."
        );
        assert_eq!(
            shorthand_in(Lang::En, "Tx plan reviewed.")[0]
                .replacement()
                .unwrap()
                .with,
            "Treatment"
        );
        assert_eq!(
            shorthand_in(Lang::En, "I'll f/u Monday.")[0].replace,
            Some("follow up")
        );
    }

    #[test]
    fn ordinary_words_quotes_and_capitals_are_left_alone() {
        assert!(found("With her, we went to the point; PT booked.").is_empty());
        assert!(found("Moved to TX in May.").is_empty());
        assert!(found("She said “pt is fine w/ me”.").is_empty());
        assert!(found("either/or and/or").is_empty());
    }

    #[test]
    fn spanish_shorthand_is_explained_and_replaced_where_it_has_one_meaning() {
        let text = "Pcte. acude c/ su hija; tto. pdte. de revisar, tb. hª clínica.";
        let found: Vec<(String, Option<&str>)> = shorthand_in(Lang::Es, text)
            .into_iter()
            .map(|s| (s.found, s.replace))
            .collect();
        assert_eq!(
            found,
            [
                ("Pcte".into(), Some("paciente")),
                ("c/".into(), None),
                ("tto".into(), Some("tratamiento")),
                ("pdte".into(), Some("pendiente")),
                ("tb".into(), Some("también")),
                ("hª".into(), Some("historia")),
            ]
        );
        // English shorthand is not Spanish: "pt" stays unread in Spanish.
        assert!(shorthand_in(Lang::Es, "El pt de la frase.").is_empty());
    }
}
