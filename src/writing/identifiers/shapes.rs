//! The shapes identifiers take: digit shapes (SSNs, phone numbers,
//! numeric dates), email addresses, and words (dates of birth in words,
//! street addresses). Each adds what it finds; `identifiers_in` orders them.
//! The cues and month names are English, and in a Spanish note Spanish
//! too (an English cue such as "SSN" or "DOB" is often kept there).

use super::{Identifier, IdentifierKind};
use casenote_text::Lang;

/// A part of a digit shape.
#[derive(Clone, Copy)]
enum Part {
    /// Between min and max ASCII digits.
    Digits(usize, usize),
    /// One of these characters.
    Sep(&'static [char]),
    /// One of these characters, or none.
    OptSep(&'static [char]),
}
use Part::{Digits, OptSep, Sep};

const DASH_SPACE: &[char] = &['-', ' '];
const PHONE_SEP: &[char] = &['-', '.', ' '];
const DATE_SEP: &[char] = &['/', '-', '.'];

/// The end of `shape` matched at `at`, if it matches there.
fn match_shape(text: &str, at: usize, shape: &[Part]) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = at;
    for part in shape {
        match *part {
            Digits(min, max) => {
                let n = b[i..]
                    .iter()
                    .take(max + 1)
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                if n < min || n > max {
                    return None;
                }
                i += n;
            }
            Sep(chars) | OptSep(chars) => {
                if b.get(i).is_some_and(|&c| chars.contains(&(c as char))) {
                    i += 1;
                } else if matches!(part, Sep(_)) {
                    return None;
                }
            }
        }
    }
    Some(i)
}

/// The shapes each kind's digits take, and whether a cue must come first.
#[rustfmt::skip]
const SHAPES: &[(IdentifierKind, bool, &[Part])] = &[
    (IdentifierKind::Ssn, false, &[Digits(3, 3), Sep(DASH_SPACE), Digits(2, 2), Sep(DASH_SPACE), Digits(4, 4)]),
    (IdentifierKind::Ssn, true, &[Digits(9, 9)]),
    (IdentifierKind::Phone, false, &[Digits(3, 3), Sep(PHONE_SEP), Digits(3, 3), Sep(PHONE_SEP), Digits(4, 4)]),
    (IdentifierKind::Phone, true, &[Digits(10, 10)]),
    (IdentifierKind::Phone, true, &[Digits(3, 3), Sep(&['-', '.']), Digits(4, 4)]),
    (IdentifierKind::BirthDate, true, &[Digits(1, 2), Sep(DATE_SEP), Digits(1, 2), Sep(DATE_SEP), Digits(2, 4)]),
    (IdentifierKind::BirthDate, true, &[Digits(4, 4), Sep(&['-', '/']), Digits(1, 2), Sep(&['-', '/']), Digits(1, 2)]),
];
/// A phone number's parenthesised area code: "(555) 123-4567".
const AREA_CODE_PHONE: &[Part] = &[
    Sep(&['(']),
    Digits(3, 3),
    Sep(&[')']),
    OptSep(&[' ']),
    Digits(3, 3),
    Sep(PHONE_SEP),
    Digits(4, 4),
];

const SSN_CUES: &[&str] = &["ssn", "social security", "ss#", "soc sec", "ss no"];
#[rustfmt::skip]
const PHONE_CUES: &[&str] = &[
    "phone", "cell", "call", "tel", "mobile", "text", "number", "reached at", "#",
];
#[rustfmt::skip]
const BIRTH_CUES: &[&str] = &[
    "dob", "d.o.b", "date of birth", "born", "birthday", "birth date", "birthdate",
];
/// Spanish cues, said in a Spanish note besides the English ones.
const SSN_CUES_ES: &[&str] = &["seguro social", "nss"];
#[rustfmt::skip]
const PHONE_CUES_ES: &[&str] = &[
    "teléfono", "telefono", "cel", "móvil", "movil", "llam", "número", "numero", "whatsapp",
];
#[rustfmt::skip]
const BIRTH_CUES_ES: &[&str] = &[
    "nacimiento", "nació", "nacio", "nacida", "nacido", "f. de nac", "cumpleaños", "cumpleanos",
];
#[rustfmt::skip]
const MONTHS_ES: &[&str] = &[
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "setiembre", "octubre", "noviembre", "diciembre", "ene", "abr", "ago", "dic",
];
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];
#[rustfmt::skip]
const STREET_SUFFIXES: &[&str] = &[
    "street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr", "boulevard",
    "blvd", "court", "ct", "way", "place", "pl", "terrace", "circle", "cir", "parkway", "pkwy",
    "highway", "hwy", "square", "sq",
];

/// Whether one of `cues` stands in the 40 bytes before `at`.
fn cued(text: &str, at: usize, cues: [&[&str]; 2]) -> bool {
    let mut from = at.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..at].to_ascii_lowercase();
    cues.iter()
        .flat_map(|c| c.iter())
        .any(|c| before.contains(c))
}

/// The cues for `kind` in a note in `lang`: the English ones, and the
/// language's own.
fn cues_for(kind: IdentifierKind, lang: Lang) -> [&'static [&'static str]; 2] {
    let (english, spanish) = match kind {
        IdentifierKind::Ssn => (SSN_CUES, SSN_CUES_ES),
        IdentifierKind::Phone => (PHONE_CUES, PHONE_CUES_ES),
        _ => (BIRTH_CUES, BIRTH_CUES_ES),
    };
    match lang {
        Lang::En => [english, &[]],
        Lang::Es => [english, spanish],
    }
}

/// The month names read in a note in `lang`.
fn months_for(lang: Lang) -> [&'static [&'static str]; 2] {
    match lang {
        Lang::En => [MONTHS, &[]],
        Lang::Es => [MONTHS, MONTHS_ES],
    }
}

/// Digit shapes: SSNs, phone numbers, numeric dates of birth.
pub(super) fn digit_shapes(text: &str, lang: Lang, out: &mut Vec<Identifier>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let starts = (b[i].is_ascii_digit() || b[i] == b'(')
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'$'));
        let mut found = None;
        if starts {
            let free_end = |e: usize| {
                b.get(e).is_none_or(|c| !c.is_ascii_alphanumeric())
                    && !(b.get(e).is_some_and(|&c| matches!(c, b'-' | b'/' | b'.'))
                        && b.get(e + 1).is_some_and(u8::is_ascii_digit))
            };
            let candidates = SHAPES
                .iter()
                .map(|&(kind, cue, shape)| (kind, cue, shape))
                .chain([(IdentifierKind::Phone, false, AREA_CODE_PHONE)]);
            for (kind, cue, shape) in candidates {
                if let Some(e) = match_shape(text, i, shape) {
                    if free_end(e) && (!cue || cued(text, i, cues_for(kind, lang))) {
                        found = Some((kind, e));
                        break;
                    }
                }
            }
        }
        match found {
            Some((kind, e)) => {
                out.push(Identifier {
                    kind,
                    start: i,
                    end: e,
                    found: text[i..e].to_string(),
                });
                i = e;
            }
            None => i += 1,
        }
    }
}

/// Email addresses: a name, `@`, and a domain with a dot.
pub(super) fn emails(text: &str, out: &mut Vec<Identifier>) {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let domain = |c: u8| c.is_ascii_alphanumeric() || b".-".contains(&c);
    for (at, _) in text.match_indices('@') {
        let start = at - b[..at].iter().rev().take_while(|&&c| local(c)).count();
        let mut end = at + 1 + b[at + 1..].iter().take_while(|&&c| domain(c)).count();
        while end > at + 1 && b[end - 1] == b'.' {
            end -= 1;
        }
        let host = &text[at + 1..end];
        if start < at && host.contains('.') && !host.starts_with('.') {
            out.push(Identifier {
                kind: IdentifierKind::Email,
                start,
                end,
                found: text[start..end].to_string(),
            });
        }
    }
}

/// Words (ASCII letters and digits) with their byte ranges.
fn plain_words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn day_number(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    matches!(digits.parse::<u32>(), Ok(1..=31)) && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
}

fn year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit())
}

/// Dates of birth in words ("March 3, 1985", "3 March 1985"; in Spanish
/// "3 de marzo de 1985") and street addresses ("12 Elm Street", "1600 W
/// 5th Ave").
pub(super) fn word_shapes(text: &str, lang: Lang, out: &mut Vec<Identifier>) {
    let (months, birth_cues) = (months_for(lang), cues_for(IdentifierKind::BirthDate, lang));
    // "3rd of March", "3 de marzo de 1985".
    let joins: &[&str] = match lang {
        Lang::En => &["of"],
        Lang::Es => &["of", "de"],
    };
    let words = plain_words(text);
    let w = |k: usize| words.get(k).map(|&(s, e)| &text[s..e]);
    let lower = |k: usize| w(k).map(str::to_ascii_lowercase);
    let mut push = |kind, start: usize, end: usize| {
        out.push(Identifier {
            kind,
            start,
            end,
            found: text[start..end].to_string(),
        });
    };
    for k in 0..words.len() {
        let is_month = lower(k).is_some_and(|m| months.iter().any(|l| l.contains(&m.as_str())));
        if is_month {
            // "March 3, 1985" or "3 March 1985" / "3rd of March 1985".
            let (after_day, after_year) =
                (w(k + 1).is_some_and(day_number), w(k + 2).is_some_and(year));
            if after_day && after_year && cued(text, words[k].0, birth_cues) {
                push(IdentifierKind::BirthDate, words[k].0, words[k + 2].1);
                continue;
            }
            let joined = |at: usize| lower(at).is_some_and(|j| joins.contains(&j.as_str()));
            let of = usize::from(k >= 2 && joined(k - 1));
            // "de marzo de 1985": a join between month and year too.
            let year_at = k + 1 + usize::from(lang == Lang::Es && joined(k + 1));
            if k > of && w(k - 1 - of).is_some_and(day_number) && w(year_at).is_some_and(year) {
                let start = words[k - 1 - of].0;
                if cued(text, start, birth_cues) {
                    push(IdentifierKind::BirthDate, start, words[year_at].1);
                }
            }
            continue;
        }
        // A house number, one to four name words, a street suffix.
        let Some(number) = w(k) else { continue };
        let house = number.len() <= 6
            && number.starts_with(|c: char| c.is_ascii_digit())
            && number.chars().filter(char::is_ascii_alphabetic).count() <= 1
            && (words[k].0 == 0 || !text[..words[k].0].ends_with(['$', '#']));
        if !house {
            continue;
        }
        for j in 2..=5 {
            let Some(suffix) = lower(k + j) else { break };
            let names_ok = (1..j).all(|m| {
                w(k + m).is_some_and(|n| {
                    n.starts_with(|c: char| c.is_ascii_uppercase()) || day_number(n) && n.len() > 2
                })
            });
            if !names_ok {
                break;
            }
            if STREET_SUFFIXES.contains(&suffix.as_str()) {
                let mut end = words[k + j].1;
                if text[end..].starts_with('.') && suffix.len() <= 4 {
                    end += 1;
                }
                push(IdentifierKind::StreetAddress, words[k].0, end);
                break;
            }
        }
    }
}
