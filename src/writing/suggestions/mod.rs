//! What the writing aids found in one section, as the items of its list of
//! suggestions: what was found, why (said once per kind, not per item),
//! where it stands, and what can replace it, in the note's language
//! (`aids.ftl`). Every check runs in every language the editor speaks,
//! each with its language's lists.

use crate::abbreviations::{unexplained_given, Unexplained};
use crate::completeness::{section_prompts, NoteFacts, Prompt};
use crate::data::AidsData;
use crate::dismissal::{Aid, Dismissal, Passage};
use crate::identifiers::{identifiers_in, Identifier, IdentifierKind};
use crate::language::Flag;
use crate::replacement::Replacement;
use crate::sentences::{long_sentences, LongSentence};
use crate::shorthand::{shorthand_in, Shorthand};
use crate::wordy::Wordy;
use casenote_text::tr;
use casenote_text::Catalog;
use casenote_text::Lang;

#[cfg(test)]
mod tests;

/// What the aids found in one section's text.
#[derive(Clone, Default, PartialEq)]
pub struct Findings {
    /// The note's language, which the findings are worded in.
    pub lang: Lang,
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
    /// The passage a worker can dismiss with a reason: which aid found
    /// it, and where it stands.
    pub dismiss: Option<(Aid, usize, usize)>,
}

fn replace_action(r: Replacement, lang: Lang) -> Action {
    Action {
        name: tr!(lang, "aids-replace", with = r.with.as_str()),
        said: tr!(
            lang,
            "aids-replaced",
            found = r.found.as_str(),
            with = r.with.as_str()
        ),
        replacement: r,
    }
}

/// "the phone number" for the one of its kind, "phone number 2" for the
/// second of many.
fn nth(kind: IdentifierKind, i: usize, of: usize, lang: Lang) -> String {
    let n = i + 1;
    match (kind, of == 1) {
        (IdentifierKind::Ssn, true) => lang.t("aids-identifier-the-ssn"),
        (IdentifierKind::Ssn, false) => tr!(lang, "aids-identifier-nth-ssn", n = n),
        (IdentifierKind::Phone, true) => lang.t("aids-identifier-the-phone"),
        (IdentifierKind::Phone, false) => tr!(lang, "aids-identifier-nth-phone", n = n),
        (IdentifierKind::Email, true) => lang.t("aids-identifier-the-email"),
        (IdentifierKind::Email, false) => tr!(lang, "aids-identifier-nth-email", n = n),
        (IdentifierKind::BirthDate, true) => lang.t("aids-identifier-the-birth-date"),
        (IdentifierKind::BirthDate, false) => {
            tr!(lang, "aids-identifier-nth-birth-date", n = n)
        }
        (IdentifierKind::StreetAddress, true) => lang.t("aids-identifier-the-street-address"),
        (IdentifierKind::StreetAddress, false) => {
            tr!(lang, "aids-identifier-nth-street-address", n = n)
        }
    }
}

/// "A phone number", "2 phone numbers".
fn identifier_lead(kind: IdentifierKind, n: usize, lang: Lang) -> String {
    match kind {
        IdentifierKind::Ssn => tr!(lang, "aids-identifier-lead-ssn", n = n),
        IdentifierKind::Phone => tr!(lang, "aids-identifier-lead-phone", n = n),
        IdentifierKind::Email => tr!(lang, "aids-identifier-lead-email", n = n),
        IdentifierKind::BirthDate => tr!(lang, "aids-identifier-lead-birth-date", n = n),
        IdentifierKind::StreetAddress => {
            tr!(lang, "aids-identifier-lead-street-address", n = n)
        }
    }
}

impl Findings {
    /// The aids for section `key` with `text`, in a note in `lang`; with
    /// `data` (the language's lists and model, once loaded), objective
    /// language and wordy phrases too.
    pub fn of(
        key: &str,
        text: &str,
        defined: &[String],
        approved: &[String],
        facts: NoteFacts,
        lang: Lang,
        data: Option<&AidsData>,
    ) -> Self {
        Findings {
            lang,
            long: long_sentences(text),
            identifiers: identifiers_in(text, lang),
            flags: data.map(|d| d.flags(key, text)).unwrap_or_default(),
            shorthand: shorthand_in(lang, text),
            abbreviations: unexplained_given(lang, key, text, defined, approved),
            wordy: data.map(|d| d.wordy(text)).unwrap_or_default(),
            prompts: section_prompts(lang, key, text, facts),
        }
    }

    /// These findings without the ones the worker dismissed in section
    /// `key`, whose text is `text`.
    pub fn without(mut self, key: &str, text: &str, dismissed: &[Dismissal]) -> Self {
        if dismissed.is_empty() {
            return self;
        }
        let open = |aid: Aid, start: usize, end: usize| {
            !Passage {
                section: key,
                aid,
                text,
                start,
                end,
            }
            .is_dismissed(dismissed)
        };
        self.flags.retain(|x| open(Aid::Flag, x.start, x.end));
        self.shorthand
            .retain(|x| open(Aid::Shorthand, x.start, x.end));
        self.wordy.retain(|x| open(Aid::Wordy, x.start, x.end));
        self
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

    /// Every finding as one kind of item. Each `text` follows its `lead`
    /// directly, so one that reads on from it starts with its space.
    pub fn suggestions(&self) -> Vec<Suggestion> {
        let lang = self.lang;
        let quoted = |found: &str| tr!(lang, "aids-quoted", found = found);
        let shows = |found: &str, start, end| {
            vec![(tr!(lang, "aids-show-quoted", found = found), start, end)]
        };
        let replace = |r: Replacement| replace_action(r, lang);
        let mut explained: Vec<&str> = Vec::new();
        let mut out: Vec<Suggestion> = Vec::new();
        for x in &self.flags {
            // A category's explanation once; its later items only advise.
            let text = if explained.contains(&x.category.as_str()) {
                tr!(lang, "aids-flag-try", suggest = x.suggest.as_str())
            } else {
                explained.push(&x.category);
                tr!(
                    lang,
                    "aids-flag-explained",
                    explain = x.explain.as_str(),
                    suggest = x.suggest.as_str()
                )
            };
            out.push(Suggestion {
                kind: "flag",
                lead: quoted(&x.found),
                text,
                shows: shows(&x.found, x.start, x.end),
                actions: x.replacement().map(replace).into_iter().collect(),
                dismiss: Some((Aid::Flag, x.start, x.end)),
            });
        }
        out.extend(self.shorthand.iter().map(|x| Suggestion {
            kind: "shorthand",
            lead: quoted(&x.found),
            text: format!(" {}", tr!(lang, "aids-shorthand", means = x.means)),
            shows: shows(&x.found, x.start, x.end),
            actions: x.replacement().map(replace).into_iter().collect(),
            dismiss: Some((Aid::Shorthand, x.start, x.end)),
        }));
        if !self.abbreviations.is_empty() {
            let names: Vec<&str> = self
                .abbreviations
                .iter()
                .map(|a| a.abbreviation.as_str())
                .collect();
            let n = names.len();
            out.push(Suggestion {
                kind: "abbreviation",
                lead: names.join(", "),
                text: format!(" {}", tr!(lang, "aids-abbreviations", n = n)),
                shows: self
                    .abbreviations
                    .iter()
                    .map(|a| {
                        let name = tr!(lang, "aids-show", which = a.abbreviation.as_str());
                        (name, a.start, a.end)
                    })
                    .collect(),
                actions: Vec::new(),
                dismiss: None,
            });
        }
        out.extend(self.wordy.iter().map(|x| Suggestion {
            kind: "wordy",
            lead: quoted(&x.found),
            text: format!(" {}", tr!(lang, "aids-wordy", shorter = x.shorter.as_str())),
            shows: shows(&x.found, x.start, x.end),
            actions: vec![replace(x.replacement())],
            dismiss: Some((Aid::Wordy, x.start, x.end)),
        }));
        if !self.long.is_empty() {
            let n = self.long.len();
            let words: Vec<String> = self.long.iter().map(|l| l.words.to_string()).collect();
            let text = tr!(lang, "aids-long-sentences", n = n, words = words.join(", "));
            out.push(Suggestion {
                kind: "long-sentence",
                lead: tr!(lang, "aids-long-sentences-lead", n = n),
                text: format!(" {text}"),
                shows: self
                    .long
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let which = if n == 1 {
                            lang.t("aids-long-sentence-the")
                        } else {
                            tr!(lang, "aids-long-sentence-nth", n = i + 1)
                        };
                        (tr!(lang, "aids-show", which = which), l.start, l.end)
                    })
                    .collect(),
                actions: Vec::new(),
                dismiss: None,
            });
        }
        self.identifier_suggestions(&mut out);
        out
    }

    /// One item per kind of identifier, the reason said with the first.
    fn identifier_suggestions(&self, out: &mut Vec<Suggestion>) {
        let lang = self.lang;
        let mut first = true;
        for kind in IdentifierKind::ALL {
            let found: Vec<&Identifier> =
                self.identifiers.iter().filter(|x| x.kind == kind).collect();
            if found.is_empty() {
                continue;
            }
            let n = found.len();
            let why = if first {
                lang.t("aids-identifier-reason")
            } else {
                lang.t("aids-identifier-same-reason")
            };
            first = false;
            out.push(Suggestion {
                kind: "identifier",
                lead: identifier_lead(kind, n, lang),
                text: tr!(lang, "aids-identifier", why = why),
                shows: found
                    .iter()
                    .enumerate()
                    .map(|(i, x)| {
                        let which = nth(kind, i, n, lang);
                        (tr!(lang, "aids-show", which = which), x.start, x.end)
                    })
                    .collect(),
                actions: found
                    .iter()
                    .enumerate()
                    .map(|(i, x)| {
                        let which = nth(kind, i, n, lang);
                        let replacement = x.replacement(lang);
                        Action {
                            name: tr!(
                                lang,
                                "aids-mask",
                                which = which.as_str(),
                                mask = replacement.with.as_str()
                            ),
                            said: tr!(lang, "aids-masked", which = which),
                            replacement,
                        }
                    })
                    .collect(),
                dismiss: None,
            });
        }
    }
}
