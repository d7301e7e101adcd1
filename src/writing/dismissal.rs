//! A suggestion the worker has answered: dismissed, with a reason ("not
//! about the client", "the client's own words", "clinically accurate").
//! Dismissals are kept with the draft (`Note::dismissed`), so an answered
//! suggestion does not come back after a reload and the open-suggestions
//! summary stops counting it. They are never part of the payload.
//!
//! A dismissal names the passage and the sentence it stands in, not a byte
//! offset: typing elsewhere keeps it, while rewriting that sentence asks
//! again, since the reason given was about the words as they were.

use super::sentences::sentences;
pub use casenote_format::dismissal::{Aid, DismissReason, Dismissal};

fn folded(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The sentence of `text` around `start..end`, folded.
fn sentence_around(text: &str, start: usize, end: usize) -> String {
    sentences(text)
        .into_iter()
        .find(|&(s, e)| s <= start && end <= e)
        .map_or_else(
            || folded(text.get(start..end).unwrap_or_default()),
            |(s, e)| folded(&text[s..e]),
        )
}

/// A passage found by an aid: where it stands in its section's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passage<'a> {
    pub section: &'a str,
    pub aid: Aid,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Passage<'_> {
    fn found(&self) -> String {
        folded(self.text.get(self.start..self.end).unwrap_or_default())
    }

    /// This passage dismissed for `reason`.
    pub fn dismiss(&self, reason: DismissReason) -> Dismissal {
        Dismissal {
            section: self.section.to_string(),
            aid: self.aid,
            found: self.found(),
            sentence: sentence_around(self.text, self.start, self.end),
            reason,
        }
    }

    /// Whether one of `dismissed` answers this passage.
    pub fn is_dismissed(&self, dismissed: &[Dismissal]) -> bool {
        let mine: Vec<&Dismissal> = dismissed
            .iter()
            .filter(|d| d.section == self.section && d.aid == self.aid)
            .collect();
        if mine.is_empty() {
            return false;
        }
        let (found, sentence) = (
            self.found(),
            sentence_around(self.text, self.start, self.end),
        );
        mine.iter()
            .any(|d| d.found == found && d.sentence == sentence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(text: &str, word: &str) -> Passage<'static> {
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        let start = text.find(word).unwrap();
        Passage {
            section: "data",
            aid: Aid::Flag,
            text,
            start,
            end: start + word.len(),
        }
    }

    #[test]
    fn a_dismissal_holds_while_its_sentence_stands_and_typing_goes_on_elsewhere() {
        let p = passage("The landlord refused to fix the heat.", "refused");
        let d = p.dismiss(DismissReason::NotAboutClient);
        assert_eq!(d.found, "refused");
        assert_eq!(d.sentence, "the landlord refused to fix the heat.");
        let later = passage(
            "Met at the office.  The landlord  refused to fix the heat. Client will call 311.",
            "refused",
        );
        assert!(later.is_dismissed(std::slice::from_ref(&d)));
    }

    #[test]
    fn the_same_word_elsewhere_or_a_rewritten_sentence_is_asked_again() {
        let d = passage("The landlord refused to fix the heat.", "refused")
            .dismiss(DismissReason::NotAboutClient);
        let other = passage(
            "The landlord refused to fix the heat. Client refused the referral.",
            "Client refused",
        );
        let other = Passage {
            start: other.start + 7,
            ..other
        };
        assert!(!other.is_dismissed(std::slice::from_ref(&d)));
        let rewritten = passage("The landlord refused to repair the heat.", "refused");
        assert!(!rewritten.is_dismissed(std::slice::from_ref(&d)));
        // Another aid or section is another suggestion.
        let wordy = Passage {
            aid: Aid::Wordy,
            ..passage("The landlord refused to fix the heat.", "refused")
        };
        assert!(!wordy.is_dismissed(std::slice::from_ref(&d)));
    }

    #[test]
    fn a_dismissal_is_stored_in_camel_case() {
        let d = passage("Pt arrived late.", "Pt").dismiss(DismissReason::ClinicallyAccurate);
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(
            json,
            r#"{"section":"data","aid":"flag","found":"pt","sentence":"pt arrived late.","reason":"clinicallyAccurate"}"#
        );
        assert_eq!(serde_json::from_str::<Dismissal>(&json).unwrap(), d);
    }
}
