//! Identifiers typed into a note's text: Social Security numbers, phone
//! numbers, email addresses, full dates of birth and street addresses.
//! Each is flagged with the minimum-necessary reason and offered a mask
//! (`identifiers.json`); none blocks a note. Found by the shape of their
//! digits and, where a shape alone is not enough (nine bare digits, a date),
//! by a cue just before them ("SSN", "DOB", "phone").
//!
//! Nothing of the flagged text is ever logged: `Identifier`'s `Debug`
//! prints only its kind and range.

use super::shipped::shipped;
use std::fmt;
use std::sync::OnceLock;

use serde::Deserialize;

use super::language::{Replacement, Source};

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
    /// What it is, in lower case where the words allow ("phone number").
    pub name: String,
    /// What replaces it; `{last4}` stands for its last four digits.
    pub mask: String,
    pub source: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct IdentifierList {
    pub sources: Vec<Source>,
    /// Why any of them is flagged.
    pub reason: String,
    pub kinds: Vec<KindEntry>,
}

pub fn identifier_list() -> &'static IdentifierList {
    static LIST: OnceLock<IdentifierList> = OnceLock::new();
    shipped(&LIST, include_str!("identifiers.json"), || IdentifierList {
        sources: Vec::new(),
        reason: String::new(),
        kinds: Vec::new(),
    })
}

impl IdentifierKind {
    fn entry(self) -> Option<&'static KindEntry> {
        identifier_list().kinds.iter().find(|k| k.kind == self)
    }

    /// "phone number".
    pub fn name(self) -> &'static str {
        self.entry().map_or("identifier", |e| e.name.as_str())
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
    /// What masks it: the kind's mask, with the last four digits where the
    /// mask keeps them (enough to tell two numbers apart, not to use one).
    pub fn mask(&self) -> String {
        let mask = self.kind.entry().map_or("[removed]", |e| e.mask.as_str());
        let digits: Vec<char> = self.found.chars().filter(char::is_ascii_digit).collect();
        let last4: String = digits[digits.len().saturating_sub(4)..].iter().collect();
        mask.replace("{last4}", &last4)
    }

    pub fn replacement(&self) -> Replacement {
        Replacement {
            start: self.start,
            end: self.end,
            found: self.found.clone(),
            with: self.mask(),
        }
    }
}

/// The identifiers in `text`, in order, none overlapping. Quoted text is
/// included: an identifier in someone's words is still an identifier.
pub fn identifiers_in(text: &str) -> Vec<Identifier> {
    let mut found = Vec::new();
    shapes::emails(text, &mut found);
    shapes::digit_shapes(text, &mut found);
    shapes::word_shapes(text, &mut found);
    found.sort_by_key(|x| (x.start, std::cmp::Reverse(x.end)));
    let mut out: Vec<Identifier> = Vec::new();
    for x in found {
        if out.last().is_none_or(|l| l.end <= x.start) {
            out.push(x);
        }
    }
    out
}
