//! Identifiers typed into a note's text: Social Security numbers, phone
//! numbers, email addresses, full dates of birth and street addresses.
//! Each is flagged with the minimum-necessary reason and offered a mask,
//! worded in the note's language (`aids.ftl`; the kinds and their sources
//! are `identifiers.json`); none blocks a note. Found by the shape of their
//! digits and, where a shape alone is not enough (nine bare digits, a date),
//! by a cue just before them ("SSN", "DOB", "phone"; in Spanish also
//! "teléfono", "fecha de nacimiento").
//!
//! Nothing of the flagged text is ever logged: `Identifier`'s `Debug`
//! prints only its kind and range.

use super::shipped::shipped;
use casenote_text::tr;
use casenote_text::Lang;
use std::fmt;
use std::sync::OnceLock;

use serde::Deserialize;

use super::language::Source;
use super::replacement::Replacement;
use casenote_text::Catalog;

mod shapes;
#[cfg(test)]
mod tests;

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierKind {
    Ssn,
    Phone,
    Email,
    BirthDate,
    StreetAddress,
}

#[derive(Clone, Debug, Deserialize)]
pub struct KindEntry {
    pub kind: IdentifierKind,
    pub source: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct IdentifierList {
    pub sources: Vec<Source>,
    pub kinds: Vec<KindEntry>,
}

pub fn identifier_list() -> &'static IdentifierList {
    static LIST: OnceLock<IdentifierList> = OnceLock::new();
    shipped(&LIST, include_str!("identifiers.json"), || IdentifierList {
        sources: Vec::new(),
        kinds: Vec::new(),
    })
}

impl IdentifierKind {
    pub const ALL: [IdentifierKind; 5] = [
        IdentifierKind::Ssn,
        IdentifierKind::Phone,
        IdentifierKind::Email,
        IdentifierKind::BirthDate,
        IdentifierKind::StreetAddress,
    ];

    /// What replaces it in the text, in `lang`; the SSN's keeps its last
    /// four digits `last4`.
    fn mask(self, lang: Lang, last4: &str) -> String {
        match self {
            IdentifierKind::Ssn => tr!(lang, "aids-mask-ssn", last4 = last4),
            IdentifierKind::Phone => lang.t("aids-mask-phone"),
            IdentifierKind::Email => lang.t("aids-mask-email"),
            IdentifierKind::BirthDate => lang.t("aids-mask-birth-date"),
            IdentifierKind::StreetAddress => lang.t("aids-mask-street-address"),
        }
    }
}

/// An identifier in a section's text.
#[derive(Clone, PartialEq, Eq)]
pub struct Identifier {
    pub kind: IdentifierKind,
    pub start: usize,
    pub end: usize,
    /// As written (never logged: see `Debug`).
    pub found: String,
}

impl fmt::Debug for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Identifier({:?}, {}..{})",
            self.kind, self.start, self.end
        )
    }
}

impl Identifier {
    /// What masks it, in `lang`: the kind's mask, with the last four
    /// digits where the mask keeps them (enough to tell two numbers apart,
    /// not to use one).
    pub fn mask(&self, lang: Lang) -> String {
        let digits: Vec<char> = self.found.chars().filter(char::is_ascii_digit).collect();
        let last4: String = digits[digits.len().saturating_sub(4)..].iter().collect();
        self.kind.mask(lang, &last4)
    }

    pub fn replacement(&self, lang: Lang) -> Replacement {
        Replacement {
            start: self.start,
            end: self.end,
            found: self.found.clone(),
            with: self.mask(lang),
        }
    }
}

/// The identifiers in `text`, a note in `lang`, in order, none
/// overlapping. Quoted text is included: an identifier in someone's words
/// is still an identifier.
pub fn identifiers_in(text: &str, lang: Lang) -> Vec<Identifier> {
    let mut found = Vec::new();
    shapes::emails(text, &mut found);
    shapes::digit_shapes(text, lang, &mut found);
    shapes::word_shapes(text, lang, &mut found);
    found.sort_by_key(|x| (x.start, std::cmp::Reverse(x.end)));
    let mut out: Vec<Identifier> = Vec::new();
    for x in found {
        if out.last().is_none_or(|l| l.end <= x.start) {
            out.push(x);
        }
    }
    out
}
