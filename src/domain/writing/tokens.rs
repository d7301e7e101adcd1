//! Words of a text with their byte ranges, skipping quoted passages.

/// A word: letters, digits and apostrophes. Hyphens and everything else
/// separate words, so "drug-seeking" is two words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

fn opens_quote(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '“' => Some('”'),
        '«' => Some('»'),
        _ => None,
    }
}

/// The words of `text` outside quotation marks ("...", “...”, «...»): a
/// worker's quotation of the client is never judged as the worker's words.
pub fn words_outside_quotes(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut closing: Option<char> = None;
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if let Some(close) = closing {
            if c == close {
                closing = None;
            }
            continue;
        }
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Word {
                text: &text[s..i],
                start: s,
                end: i,
            });
        }
        if let Some(close) = opens_quote(c) {
            // Only treat it as a quotation if it closes later.
            if text[i + c.len_utf8()..].contains(close) {
                closing = Some(close);
            }
        }
    }
    if let Some(s) = start {
        out.push(Word {
            text: &text[s..],
            start: s,
            end: text.len(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_spaces_punctuation_and_hyphens_and_skips_quotes() {
        let t = "Client said \"I'm fine\" but looked drug-seeking; “no way” he's";
        let words: Vec<_> = words_outside_quotes(t)
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(
            words,
            ["Client", "said", "but", "looked", "drug", "seeking", "he's"]
        );
        let w = &words_outside_quotes(t)[3];
        assert_eq!(&t[w.start..w.end], "looked");
    }

    #[test]
    fn an_unclosed_quote_mark_does_not_hide_the_rest() {
        let words: Vec<_> = words_outside_quotes("5\" tall, claims it")
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(words, ["5", "tall", "claims", "it"]);
    }
}
