//! The writing aids' data for one language: the objective-language word
//! list (`terms.json`), the wordy phrases (`wordy.json`) and the model
//! (`model.json`); Spanish's under `es/`. The editor loads them after the
//! first screen as one file, `casenote-aids-LANG.json`, that the build
//! writes beside the element's files (`.ci/aids`); until they arrive, the
//! aids that need no list run alone.

use serde::Deserialize;

use super::language::{add_model, check_list, compile, Flag, WordList};
use super::model::Model;
use super::wordy::{wordy_in, PhraseList, Wordy};

/// One language's lists and model, ready to check with.
pub struct AidsData {
    pub terms: WordList,
    pub wordy: PhraseList,
    pub model: Option<Model>,
    /// The terms' places (`language::compile`), worked out once.
    slots: Vec<Vec<Vec<String>>>,
}

/// The file the editor loads.
#[derive(Deserialize)]
struct Loaded {
    terms: WordList,
    wordy: PhraseList,
    #[serde(default)]
    model: Option<Model>,
}

impl AidsData {
    fn new(terms: WordList, wordy: PhraseList, model: Option<Model>) -> Self {
        let slots = compile(&terms);
        AidsData {
            terms,
            wordy,
            model,
            slots,
        }
    }

    /// The loaded file (`casenote-aids-LANG.json`), or `None` if it does
    /// not read.
    pub fn from_json(json: &str) -> Option<Self> {
        let l: Loaded = serde_json::from_str(json).ok()?;
        Some(AidsData::new(l.terms, l.wordy, l.model))
    }

    /// The three source files, as the tests read them.
    pub fn from_sources(terms: &str, wordy: &str, model: Option<&str>) -> Option<Self> {
        Some(AidsData::new(
            serde_json::from_str(terms).ok()?,
            serde_json::from_str(wordy).ok()?,
            match model {
                Some(m) => Some(serde_json::from_str(m).ok()?),
                None => None,
            },
        ))
    }

    /// The objective-language flags in one section's text: the word
    /// list's, then the model's in the sentences the list left clean.
    pub fn flags(&self, section: &str, text: &str) -> Vec<Flag> {
        let mut flags = self.listed(section, text);
        if let Some(model) = &self.model {
            add_model(&self.terms, model, section, text, &mut flags);
        }
        flags
    }

    /// The word list's flags alone.
    pub fn listed(&self, section: &str, text: &str) -> Vec<Flag> {
        check_list(&self.terms, &self.slots, section, text)
    }

    /// The wordy phrases in `text`.
    pub fn wordy(&self, text: &str) -> Vec<Wordy> {
        wordy_in(&self.wordy, text)
    }
}

/// The shipped data of `lang`, read from the sources (for the tests).
#[cfg(test)]
pub fn shipped(lang: casenote_text::Lang) -> &'static AidsData {
    use casenote_text::Lang;
    use std::sync::OnceLock;
    static EN: OnceLock<AidsData> = OnceLock::new();
    static ES: OnceLock<AidsData> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| {
            AidsData::from_sources(
                include_str!("terms.json"),
                include_str!("wordy.json"),
                Some(include_str!("model.json")),
            )
            .expect("the English sources read")
        }),
        Lang::Es => ES.get_or_init(|| {
            AidsData::from_sources(
                include_str!("es/terms.json"),
                include_str!("es/wordy.json"),
                Some(include_str!("es/model.json")),
            )
            .expect("the Spanish sources read")
        }),
    }
}
