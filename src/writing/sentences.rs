//! Very long sentences: a sentence of more than [`LONG_SENTENCE_WORDS`]
//! words is noted, so the writer can split it. The Federal Plain Language
//! Guidelines advise short sentences, about 20 words on average.

/// A sentence of more words than this is noted.
pub const LONG_SENTENCE_WORDS: usize = 35;

/// A sentence longer than the limit, by byte range in the section's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LongSentence {
    pub start: usize,
    pub end: usize,
    pub words: usize,
}

/// Titles and the like whose full stop ends no sentence: "Mrs. Okoye".
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sr", "sra", "srta", "dra", "drs", "prof", "vs", "no", "approx",
    "e.g", "i.e", "etc", "cl", "pt", "jr",
];

/// Whether the full stop at byte `i` of `text` closes a title ("Mr.").
fn after_title(text: &str, i: usize) -> bool {
    let word = text[..i]
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    TITLES.contains(&word.as_str())
}

/// The sentences of `text` as byte ranges, trimmed: a sentence ends at
/// `.`, `!` or `?` followed by a space or the end (not a title's full
/// stop, "Mrs. Okoye"), or at a line break.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let ends = c == '\n'
            || matches!(c, '.' | '!' | '?')
                && next.is_none_or(char::is_whitespace)
                && !(c == '.' && after_title(text, i));
        if ends {
            let end = i + c.len_utf8();
            out.push((start, end));
            start = end;
        }
    }
    out.push((start, text.len()));
    out.into_iter()
        .filter_map(|(s, e)| {
            let piece = &text[s..e];
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            (!trimmed.is_empty()).then(|| (s + lead, s + lead + trimmed.len()))
        })
        .collect()
}

/// The sentences of `text` over the limit.
pub fn long_sentences(text: &str) -> Vec<LongSentence> {
    let limit = LONG_SENTENCE_WORDS;
    sentences(text)
        .into_iter()
        .filter_map(|(start, end)| {
            let words = text[start..end].split_whitespace().count();
            (words > limit).then_some(LongSentence { start, end, words })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_s_full_stop_ends_no_sentence() {
        let t = "Met Mrs. Okoye and Dr. Lin at 3. She is well.";
        let parts: Vec<&str> = sentences(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(parts, ["Met Mrs. Okoye and Dr. Lin at 3.", "She is well."]);
    }

    #[test]
    fn splits_at_sentence_ends_and_line_breaks() {
        let t = "Met at home. She is well!\nNext visit Friday? Yes 3.5 hours";
        let parts: Vec<&str> = sentences(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(
            parts,
            [
                "Met at home.",
                "She is well!",
                "Next visit Friday?",
                "Yes 3.5 hours"
            ]
        );
    }

    #[test]
    fn only_sentences_over_the_limit_are_noted_with_their_range() {
        let limit = LONG_SENTENCE_WORDS;
        let long = vec!["word"; limit + 1].join(" ") + ".";
        let ok = vec!["word"; limit].join(" ") + ".";
        let text = format!("{ok} {long} Short one.");
        let found = long_sentences(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], long);
        assert_eq!(found[0].words, limit + 1);
        assert!(long_sentences("").is_empty());
    }
}
