//! Unexplained abbreviations: all-capital words of two or more letters that
//! the host has not approved and the note does not spell out, as in
//! "suicidal ideation (SI)" or "SI (suicidal ideation)".

use super::es::shorthand::KNOWN as KNOWN_IN_SPANISH;
use super::tokens::words_outside_quotes;
use casenote_text::Lang;

/// An abbreviation used without explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unexplained {
    pub section: String,
    pub start: usize,
    pub end: usize,
    pub abbreviation: String,
}

fn is_abbreviation(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// What may follow an abbreviation to spell it out: "MAT (medication…)",
/// "MAT means medication…", "MAT stands for…", "MAT is short for…",
/// "MAT = medication…", "MAT: medication…" (compared without case).
const SPELLED_OUT_BY: &[&str] = &[
    "(",
    "means ",
    "significa ",
    "quiere decir ",
    "es la sigla de ",
    "son las siglas de ",
    "stands for ",
    "is short for ",
    "= ",
    ": ",
    "– ",
    "- ",
];

/// Whether `abbr` is spelled out anywhere in `all_text`: "(ABBR)" after
/// words, or ABBR followed by one of [`SPELLED_OUT_BY`] and words.
fn is_defined(abbr: &str, all_text: &str) -> bool {
    all_text.contains(&format!("({abbr})"))
        || all_text.contains(&format!("({abbr},"))
        || all_text.match_indices(abbr).any(|(i, _)| {
            // "PHQ-9 (Patient Health Questionnaire)": a number may follow.
            let rest = &all_text[i + abbr.len()..];
            let after = rest.trim_start_matches(|c: char| c == '-' || c.is_ascii_digit());
            after.len() < rest.len() && after.trim_start().starts_with('(')
        })
        || all_text.match_indices(abbr).any(|(i, _)| {
            let after = all_text[i + abbr.len()..].trim_start().to_lowercase();
            SPELLED_OUT_BY.iter().any(|by| {
                after.strip_prefix(by.trim_end()).is_some_and(|rest| {
                    by.ends_with('(')
                        || rest.starts_with(' ')
                            && rest.trim_start().starts_with(char::is_alphabetic)
                })
            })
        })
}

/// The abbreviations spelled out somewhere in `all_text`, each once, in
/// the order they first appear. (A note defines a handful: a linear check
/// keeps the standard sort out of the bundle.)
pub fn defined_in(all_text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words_outside_quotes(all_text) {
        if is_abbreviation(w.text)
            && !out.iter().any(|d| d == w.text)
            && is_defined(w.text, all_text)
        {
            out.push(w.text.to_string());
        }
    }
    out
}

/// Abbreviations in `text` (one section) not in `approved` (compared without
/// case) and not defined anywhere in `all_text` (the whole note).
pub fn unexplained(
    lang: Lang,
    section: &str,
    text: &str,
    all_text: &str,
    approved: &[String],
) -> Vec<Unexplained> {
    unexplained_given(lang, section, text, &defined_in(all_text), approved)
}

/// Words next to "ID" that show it means identification (a photo ID, an
/// ID card), not an abbreviation the next reader has to guess.
const ID_CONTEXT: &[&str] = &[
    "photo",
    "picture",
    "state",
    "government",
    "valid",
    "student",
    "staff",
    "client",
    "card",
    "number",
    "badge",
    "issued",
    "new",
    "replacement",
    "lost",
    "his",
    "her",
    "their",
    "an",
];

fn means_identification(words: &[super::tokens::Word<'_>], i: usize) -> bool {
    let near = |j: Option<usize>| {
        j.and_then(|j| words.get(j))
            .is_some_and(|w| ID_CONTEXT.iter().any(|c| w.text.eq_ignore_ascii_case(c)))
    };
    near(i.checked_sub(1)) || near(Some(i + 1))
}

/// As [`unexplained`], with the note's defined abbreviations known.
pub fn unexplained_given(
    lang: Lang,
    section: &str,
    text: &str,
    defined: &[String],
    approved: &[String],
) -> Vec<Unexplained> {
    let mut out: Vec<Unexplained> = Vec::new();
    let words = words_outside_quotes(text);
    for (i, w) in words.iter().enumerate() {
        if !is_abbreviation(w.text) {
            continue;
        }
        if w.text == "ID" && means_identification(&words, i) {
            continue;
        }
        if lang == Lang::Es && KNOWN_IN_SPANISH.contains(&w.text) {
            continue;
        }
        if approved.iter().any(|a| a.eq_ignore_ascii_case(w.text))
            || defined.iter().any(|d| d == w.text)
        {
            continue;
        }
        if out.iter().any(|u| u.abbreviation == w.text) {
            continue;
        }
        out.push(Unexplained {
            section: section.to_string(),
            start: w.start,
            end: w.end,
            abbreviation: w.text.to_string(),
        });
    }
    out
}

/// The host's approved list from an attribute: comma or space separated.
pub fn parse_approved(attribute: &str) -> Vec<String> {
    attribute
        .split(|c: char| c == ',' || c.is_whitespace())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abbrs(text: &str, approved: &[&str]) -> Vec<String> {
        let approved: Vec<String> = approved.iter().map(|s| s.to_string()).collect();
        unexplained(Lang::En, "assessment", text, text, &approved)
            .into_iter()
            .map(|u| u.abbreviation)
            .collect()
    }

    #[test]
    fn flags_unexplained_capitals_once() {
        assert_eq!(
            abbrs("Denies SI and HI. SI screen done.", &[]),
            ["SI", "HI"]
        );
        assert_eq!(
            abbrs("Follow up with CPS re: MH2 plan", &[]),
            ["CPS", "MH2"]
        );
    }

    #[test]
    fn defined_or_approved_or_ordinary_words_pass() {
        assert!(abbrs("Suicidal ideation (SI) screen: no SI reported.", &[]).is_empty());
        assert!(abbrs("SI (suicidal ideation) screen negative.", &[]).is_empty());
        assert!(abbrs("Referred to CPS.", &["cps"]).is_empty());
        assert!(abbrs("I met A. Smith at 9 AM on Monday.", &["AM"]).is_empty());
        assert!(abbrs("Client said \"the DSS took them\".", &[]).is_empty());
    }

    #[test]
    fn definitions_are_collected_once() {
        assert_eq!(
            defined_in("Suicidal ideation (SI). SI again. HI (homicidal ideation)."),
            ["SI", "HI"]
        );
        assert!(defined_in("No definitions: SI, HI.").is_empty());
    }

    /// What a worker on a phone found: an abbreviation spelled out in the
    /// note was still flagged.
    #[test]
    fn an_abbreviation_spelled_out_in_the_note_in_everyday_ways_passes() {
        for note in [
            "Started medication for opioid use disorder (MAT) in May. MAT continues.",
            "MAT means medication for opioid use disorder. MAT continues.",
            "MAT stands for medication for opioid use disorder. MAT continues.",
            "MAT = medication for opioid use disorder. MAT continues.",
            "MAT: medication for opioid use disorder. MAT continues.",
        ] {
            assert_eq!(defined_in(note), ["MAT"], "{note}");
        }
        assert!(defined_in("MAT continues. MAT: 2 doses.").is_empty());
        assert!(defined_in("MAT continues; MAT - 3 times.").is_empty());
    }

    #[test]
    fn approved_list_parses_commas_and_spaces() {
        assert_eq!(parse_approved(" SI, HI  CPS,,"), ["SI", "HI", "CPS"]);
    }

    #[test]
    fn id_meaning_identification_is_not_an_unexplained_abbreviation() {
        let found = |t: &str| -> Vec<String> {
            unexplained(Lang::En, "plan", t, t, &[])
                .into_iter()
                .map(|u| u.abbreviation)
                .collect()
        };
        assert!(found("Brought her photo ID and an ID card.").is_empty());
        assert!(found("Lost his ID at the shelter.").is_empty());
        assert_eq!(found("ID risk discussed."), ["ID"]);
    }
}
