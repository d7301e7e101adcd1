//! Scare quotes: quotation marks around one to three words of what the
//! client did or had ("states she “forgot”", "was “just holding” it",
//! "her “cousin”") signal doubt, not a quotation (Park 2021; Beach 2021's
//! testimonial injustice). A quotation of what someone said, called
//! someone, or shouted is a quotation, and is left alone: "called her
//! “stupid”", "said, “Leave me alone.”", "described herself as “stuck”".

use super::tokens::quotations;

/// Words after which a short quotation is what someone said.
#[rustfmt::skip]
const SPEECH: &[&str] = &[
    "said", "says", "say", "stated", "states", "told", "tells", "reported", "reports", "asked",
    "asks", "replied", "replies", "answered", "answers", "wrote", "writes", "called", "calls",
    "as", "shouted", "shouts", "yelled", "yells", "screamed", "word", "words", "phrase", "term",
    "named", "labelled", "labeled", "texted", "repeated", "repeats", "added", "adds", "saying",
    "felt", "feels", "feel", "feeling", "sentía", "siente", "sintió",
    "dijo", "dice", "refiere", "refirió", "afirma", "afirmó", "manifiesta", "manifestó",
    "comenta", "comentó", "expresa", "expresó", "contestó", "respondió", "llamó", "llama",
    "gritó", "grita", "como", "palabra", "palabras", "escribió", "preguntó",
];

/// Irregular past forms, things claimed and relations put in doubt.
#[rustfmt::skip]
const DOUBTED: &[&str] = &[
    "forgot", "lost", "left", "went", "took", "had", "got", "paid", "sent", "fell", "came",
    "did", "made", "found", "was", "were", "sick", "ill", "busy", "fine", "just", "only",
    "friend", "friends", "cousin", "roommate", "boyfriend", "girlfriend", "fiance", "fiancé",
    "uncle", "aunt", "brother", "sister", "job", "work", "emergency", "accident", "medical",
    "family", "clean", "sober", "broke", "misplaced", "stolen", "sleeping", "olvidó", "perdió",
    "enferma", "enfermo", "ocupada", "ocupado", "trabajo", "primo", "prima", "amigo", "amiga",
    "novio", "novia", "emergencia", "accidente", "solo", "limpio", "limpia",
];

/// Whether the sentence so far quotes a record or a third party ("Per
/// the hospital note, client was “agitated”"): a quotation, not doubt.
fn cites_a_record(before: &str) -> bool {
    #[rustfmt::skip]
    const RECORDS: &[&str] = &[
        "per", "according", "note", "notes", "report", "letter", "record", "records", "documented",
        "wrote", "written", "hospital", "police", "referral", "según", "informe", "nota",
    ];
    let sentence = before
        .rsplit(['.', '!', '?', '\n'])
        .next()
        .unwrap_or(before);
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| RECORDS.contains(&w.to_lowercase().as_str()))
}

/// Whether a word reads as a verb of what was done: "looked", "holding",
/// "olvidaba", "buscando".
fn done(word: &str) -> bool {
    let w = word.to_lowercase();
    DOUBTED.contains(&w.as_str())
        || w.len() > 4
            && ["ed", "ing", "ando", "iendo", "aba", "ado", "ido"]
                .iter()
                .any(|s| w.ends_with(s))
}

/// The byte ranges (quotation marks included) of the scare quotes in
/// `text`.
pub fn scare_quotes(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (start, end) in quotations(text) {
        let open = text[start..].chars().next().map_or(1, char::len_utf8);
        let close = text[..end].chars().next_back().map_or(1, char::len_utf8);
        let inner = &text[start + open..end - close];
        let words: Vec<&str> = inner
            .split(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’')
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() || words.len() > 3 || inner.ends_with(['.', '!', '?', ',']) {
            continue;
        }
        let before = text[..start].trim_end();
        if before.is_empty() || before.ends_with([':', ',', '(', '.', ';', '-', '—']) {
            continue;
        }
        let previous = before
            .rsplit(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’')
            .next()
            .unwrap_or_default()
            .to_lowercase();
        if SPEECH.contains(&previous.as_str()) || cites_a_record(before) {
            continue;
        }
        if done(words[0]) {
            out.push((start, end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        scare_quotes(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn short_quotes_around_what_the_client_did_are_scare_quotes() {
        assert_eq!(quoted("Pt states she \"forgot\" her meds."), ["\"forgot\""]);
        assert_eq!(quoted("He was “just holding” it."), ["“just holding”"]);
        assert_eq!(
            quoted("Has been \"looking for work\" daily."),
            ["\"looking for work\""]
        );
        assert_eq!(quoted("Stayed with her “cousin” again."), ["“cousin”"]);
        assert_eq!(quoted("Dice que «olvidó» la cita."), ["«olvidó»"]);
    }

    #[test]
    fn quotations_of_what_was_said_are_left_alone() {
        for text in [
            "Neighbor called her \"stupid\" in the hallway.",
            "Client yelled, \"Get out,\" and left.",
            "She described herself as \"stuck\".",
            "Client said \"I forgot\" and laughed.",
            "Mother said she felt \"overwhelmed\".",
            "\"Leaving\" was the word she used.",
            "He said, “Leave me alone.”",
            "The 5\" pipe leaked.",
        ] {
            assert_eq!(quoted(text), Vec::<&str>::new(), "{text}");
        }
    }
}
