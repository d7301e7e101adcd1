//! What the writing aids found in one section, as the items of its list of
//! suggestions: what was found, why (said once per kind, not per item),
//! where it stands, and what can replace it. The words come from the
//! domain's findings; no browser type here.

use crate::domain::writing::abbreviations::{unexplained_given, Unexplained};
use crate::domain::writing::completeness::{section_prompts, NoteFacts, Prompt};
use crate::domain::writing::identifiers::{
    identifier_list, identifiers_in, Identifier, IdentifierKind,
};
use crate::domain::writing::language::{check_text, Flag, Replacement};
use crate::domain::writing::sentences::{long_sentences, LongSentence};
use crate::domain::writing::shorthand::{shorthand_in, Shorthand};
use crate::domain::writing::wordy::{wordy_in, Wordy};

/// What the aids found in one section's text.
#[derive(Clone, Default, PartialEq)]
pub struct Findings {
    pub flags: Vec<Flag>,
    pub shorthand: Vec<Shorthand>,
    pub abbreviations: Vec<Unexplained>,
    pub wordy: Vec<Wordy>,
    pub long: Vec<LongSentence>,
    pub identifiers: Vec<Identifier>,
    /// What the section seems to miss: said apart from the suggestions
    /// (and not counted with them), as it is about words not yet written.
    pub prompts: Vec<Prompt>,
}

/// A button that replaces a passage: its name, the replacement, and what
/// is said once it is done.
pub struct Action {
    pub name: String,
    pub replacement: Replacement,
    pub said: String,
}

/// One item of the list. See the module documentation.
pub struct Suggestion {
    pub kind: &'static str,
    pub lead: String,
    pub text: String,
    pub shows: Vec<(String, usize, usize)>,
    pub actions: Vec<Action>,
}

fn replace_action(r: Replacement) -> Action {
    Action {
        name: format!("Replace with “{}”", r.with),
        said: format!("Replaced “{}” with “{}”.", r.found, r.with),
        replacement: r,
    }
}

/// "the phone number" for one, "phone number 2" for the second of many.
fn nth(name: &str, i: usize, of: usize) -> String {
    if of == 1 {
        format!("the {name}")
    } else {
        format!("{name} {}", i + 1)
    }
}

impl Findings {
    pub fn of(
        key: &str,
        text: &str,
        defined: &[String],
        approved: &[String],
        facts: NoteFacts,
    ) -> Self {
        Findings {
            flags: check_text(key, text),
            shorthand: shorthand_in(text),
            abbreviations: unexplained_given(key, text, defined, approved),
            wordy: wordy_in(text),
            long: long_sentences(text),
            identifiers: identifiers_in(text),
            prompts: section_prompts(key, text, facts),
        }
    }

    /// The suggestions open, each finding one (prompts apart).
    pub fn count(&self) -> usize {
        self.flags.len()
            + self.shorthand.len()
            + self.abbreviations.len()
            + self.wordy.len()
            + self.long.len()
            + self.identifiers.len()
    }

    /// Every finding as one kind of item.
    pub fn suggestions(&self) -> Vec<Suggestion> {
        let shows =
            |found: &str, start, end| vec![(format!("Show “{found}” in the text"), start, end)];
        let mut explained: Vec<&str> = Vec::new();
        let mut out: Vec<Suggestion> = Vec::new();
        for x in &self.flags {
            // A category's explanation once; its later items only advise.
            let text = if explained.contains(&x.category.as_str()) {
                format!(": try {}.", x.suggest)
            } else {
                explained.push(&x.category);
                format!(": {} Try: {}.", x.explain, x.suggest)
            };
            out.push(Suggestion {
                kind: "flag",
                lead: format!("“{}”", x.found),
                text,
                shows: shows(&x.found, x.start, x.end),
                actions: x.replacement().map(replace_action).into_iter().collect(),
            });
        }
        out.extend(self.shorthand.iter().map(|x| Suggestion {
            kind: "shorthand",
            lead: format!("“{}”", x.found),
            text: format!(
                " is shorthand for “{}”: the next reader may not know it.",
                x.means
            ),
            shows: shows(&x.found, x.start, x.end),
            actions: x.replacement().map(replace_action).into_iter().collect(),
        }));
        if !self.abbreviations.is_empty() {
            let names: Vec<&str> = self
                .abbreviations
                .iter()
                .map(|a| a.abbreviation.as_str())
                .collect();
            let (verb, each) = if names.len() == 1 {
                ("is", "it")
            } else {
                ("are", "each")
            };
            out.push(Suggestion {
                kind: "abbreviation",
                lead: names.join(", "),
                text: format!(" {verb} not explained. Spell {each} out once, like “suicidal ideation (SI)”, so the next reader is sure what it means."),
                shows: self
                    .abbreviations
                    .iter()
                    .map(|a| (format!("Show {} in the text", a.abbreviation), a.start, a.end))
                    .collect(),
                actions: Vec::new(),
            });
        }
        out.extend(self.wordy.iter().map(|x| Suggestion {
            kind: "wordy",
            lead: format!("“{}”", x.found),
            text: format!(" says the same as “{}”, in fewer words.", x.shorter),
            shows: shows(&x.found, x.start, x.end),
            actions: vec![replace_action(x.replacement())],
        }));
        if !self.long.is_empty() {
            let n = self.long.len();
            let words: Vec<String> = self.long.iter().map(|l| l.words.to_string()).collect();
            out.push(Suggestion {
                kind: "long-sentence",
                lead: if n == 1 { "A long sentence".into() } else { format!("{n} long sentences") },
                text: format!(" ({} words): a sentence of about 20 words is easier to follow. Consider splitting {}.", words.join(", "), if n == 1 { "it" } else { "them" }),
                shows: self
                    .long
                    .iter()
                    .enumerate()
                    .map(|(i, l)| (format!("Show {} in the text", nth("long sentence", i, n)), l.start, l.end))
                    .collect(),
                actions: Vec::new(),
            });
        }
        self.identifier_suggestions(&mut out);
        out
    }

    /// One item per kind of identifier, the reason said with the first.
    fn identifier_suggestions(&self, out: &mut Vec<Suggestion>) {
        let mut first = true;
        for kind in [
            IdentifierKind::Ssn,
            IdentifierKind::Phone,
            IdentifierKind::Email,
            IdentifierKind::BirthDate,
            IdentifierKind::StreetAddress,
        ] {
            let found: Vec<&Identifier> =
                self.identifiers.iter().filter(|x| x.kind == kind).collect();
            if found.is_empty() {
                continue;
            }
            let (name, n) = (kind.name(), found.len());
            let why = if first {
                identifier_list().reason.as_str()
            } else {
                "Leave it out too, for the same reason."
            };
            first = false;
            let lead = if n == 1 {
                format!("A {name}")
            } else {
                format!("{n} {name}s")
            };
            let lead = lead.replacen("A e", "An e", 1);
            out.push(Suggestion {
                kind: "identifier",
                lead,
                text: format!(": {why} Masking leaves a marker in its place."),
                shows: found
                    .iter()
                    .enumerate()
                    .map(|(i, x)| {
                        (
                            format!("Show {} in the text", nth(name, i, n)),
                            x.start,
                            x.end,
                        )
                    })
                    .collect(),
                actions: found
                    .iter()
                    .enumerate()
                    .map(|(i, x)| {
                        let which = nth(name, i, n);
                        Action {
                            name: format!("Mask {which} as “{}”", x.mask()),
                            said: format!("Masked {which}."),
                            replacement: x.replacement(),
                        }
                    })
                    .collect(),
            });
        }
    }
}
