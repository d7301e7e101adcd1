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

/// The mark that closes a quotation opened by `c`.
fn closing(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '“' => Some('”'),
        '«' => Some('»'),
        '\'' => Some('\''),
        '‘' => Some('’'),
        _ => None,
    }
}

/// Single quotation marks are also apostrophes ("don't", "the Smiths'"):
/// one opens a quotation only after a space or punctuation and before a
/// letter, and closes one only before a space, punctuation or the end.
fn is_single(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The quotations of `text` ("...", “...”, «...», '...', ‘...’), as byte
/// ranges with their marks: a mark that never closes opens nothing.
pub fn quotations(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let before = prev;
        prev = Some(c);
        let Some(close) = closing(c) else { continue };
        let after = text[i + c.len_utf8()..].chars().next();
        if is_single(close)
            && (before.is_some_and(char::is_alphanumeric)
                || !after.is_some_and(char::is_alphanumeric))
        {
            continue;
        }
        let from = i + c.len_utf8();
        let end = text[from..].char_indices().find_map(|(j, d)| {
            let at = from + j;
            let next = text[at + d.len_utf8()..].chars().next();
            (d == close && (!is_single(close) || !next.is_some_and(char::is_alphanumeric)))
                .then_some(at + d.len_utf8())
        });
        let Some(end) = end else { continue };
        out.push((i, end));
        while chars.peek().is_some_and(|&(j, _)| j < end) {
            prev = chars.next().map(|(_, d)| d);
        }
    }
    out
}

/// The words of `text` outside quotation marks ([`quotations`]): a
/// worker's quotation of the client is never judged as the worker's words.
pub fn words_outside_quotes(text: &str) -> Vec<Word<'_>> {
    let quoted = quotations(text);
    let mut out = Vec::new();
    // A word from `s` to `e`, without an apostrophe that closes a
    // quotation ("the Smiths'").
    let mut push = |s: usize, e: usize| {
        let t = text[s..e].trim_end_matches(['\'', '’']);
        if !t.is_empty() {
            out.push(Word {
                text: t,
                start: s,
                end: s + t.len(),
            });
        }
    };
    let mut start: Option<usize> = None;
    let mut inside = quoted.iter().peekable();
    for (i, c) in text.char_indices() {
        while inside.peek().is_some_and(|&&(_, e)| e <= i) {
            inside.next();
        }
        let in_quote = inside.peek().is_some_and(|&&(s, e)| s <= i && i < e);
        if !in_quote && is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            push(s, i);
        }
    }
    if let Some(s) = start {
        push(s, text.len());
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

    #[test]
    fn single_quotation_marks_are_quotations_and_apostrophes_are_not() {
        let t =
            "Client said, 'I'm a junkie, that's all,' and we talked. Mum's flat; the Smiths' car.";
        let words: Vec<_> = words_outside_quotes(t)
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(
            words,
            ["Client", "said", "and", "we", "talked", "Mum's", "flat", "the", "Smiths", "car"]
        );
        let t = "He called himself ‘a silly fool’ and don’t worry.";
        let words: Vec<_> = words_outside_quotes(t)
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(words, ["He", "called", "himself", "and", "don’t", "worry"]);
    }
}
