//! A quote marked from a section's text: the words stay where they stand,
//! in quotation marks, and the quote records them (`inText`). Editing the
//! quote edits them there too; if the text changed them, the quote can tell.
//!
//! ```
//! use casenote_format::note::mark_quote;
//! let m = mark_quote("Client said we sat down.", 12, 18).unwrap();
//! assert_eq!(m.text, "Client said “we sat” down.");
//! assert!(m.quote.in_text);
//! ```

use super::note::Quote;

/// The opening and closing quotation marks a marked quote gets in the text.
pub const QUOTE_MARKS: (char, char) = ('“', '”');

impl Quote {
    /// The words as they stand in the section's text: in quotation marks.
    pub fn in_marks(&self) -> String {
        format!("{}{}{}", QUOTE_MARKS.0, self.text.trim(), QUOTE_MARKS.1)
    }

    /// Whether `text` still holds these words in quotation marks (curly
    /// or straight).
    pub fn stands_in(&self, text: &str) -> bool {
        let words = self.text.trim();
        !words.is_empty()
            && (text.contains(&self.in_marks()) || text.contains(&format!("\"{words}\"")))
    }
}

/// A section's text with a passage marked as a quote: the words stay where
/// they stand, now in quotation marks, and the quote records them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    pub text: String,
    pub quote: Quote,
}

/// Marks the passage `start..end` (byte offsets) of `text` as a quote.
/// Surrounding spaces are left outside the marks, and marks already there
/// are not doubled. `None` when the passage holds no words.
pub fn mark_quote(text: &str, start: usize, end: usize) -> Option<Marked> {
    let (start, end) = (start.min(text.len()), end.min(text.len()));
    let passage = text.get(start..end)?;
    let words = passage.trim();
    if words.is_empty() {
        return None;
    }
    let lead = passage.len() - passage.trim_start().len();
    let (from, to) = (start + lead, start + lead + words.len());
    let (open, close) = QUOTE_MARKS;
    let inner = words
        .trim_start_matches([open, '"'])
        .trim_end_matches([close, '"'])
        .trim();
    if inner.is_empty() {
        return None;
    }
    let before = text[..from].trim_end_matches([open, '"']);
    let after = text[to..].trim_start_matches([close, '"']);
    let quote = Quote {
        text: inner.to_string(),
        in_text: true,
        ..Quote::default()
    };
    Some(Marked {
        text: format!("{before}{}{after}", quote.in_marks()),
        quote,
    })
}

/// `text` with the quote's words changed from `old` to `new` where they
/// stand in quotation marks, keeping the two in step; `None` when they no
/// longer stand there.
pub fn requote(text: &str, old: &str, new: &str) -> Option<String> {
    let (open, close) = QUOTE_MARKS;
    let was = format!("{open}{}{close}", old.trim());
    text.contains(&was)
        .then(|| text.replacen(&was, &format!("{open}{}{close}", new.trim()), 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marking_a_quote_keeps_the_words_in_the_text_in_quotation_marks() {
        let text = "Client said I am done with that place and left.";
        let start = text.find("I am").unwrap();
        let end = start + "I am done with that place ".len();
        let m = mark_quote(text, start, end).unwrap();
        assert_eq!(m.text, "Client said “I am done with that place” and left.");
        assert_eq!(m.quote.text, "I am done with that place");
        assert!(m.quote.in_text);
        assert!(m.quote.stands_in(&m.text));
        // Marks already there are not doubled.
        let again = mark_quote(&m.text, 12, 12 + "“I am done with that place”".len()).unwrap();
        assert_eq!(again.text, m.text);
        // Nothing selected, or only spaces: nothing to mark.
        assert!(mark_quote(text, 3, 3).is_none());
        assert!(mark_quote("a   b", 1, 4).is_none());
        // Offsets past the end, or inside a character, are refused safely.
        assert!(mark_quote("é", 1, 2).is_none());
    }

    #[test]
    fn a_quote_and_its_words_in_the_text_are_kept_in_step() {
        let text = "She said “I am fine” twice.";
        assert_eq!(
            requote(text, "I am fine", "I am fine, really").as_deref(),
            Some("She said “I am fine, really” twice.")
        );
        assert_eq!(requote("She said it.", "I am fine", "x"), None);
        let q = Quote {
            text: "I am fine".into(),
            in_text: true,
            ..Quote::default()
        };
        assert!(q.stands_in(text));
        assert!(q.stands_in("She said \"I am fine\"."));
        assert!(!q.stands_in("She said I am fine."));
    }
}
