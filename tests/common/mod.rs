//! What the writing aids' tests share: the labelled sets' shape, and the
//! shipped lists and model, read from their sources (the editor loads
//! them as one file, `.ci/aids`).

// Each test uses part of what is here.
#![allow(dead_code)]

use casenote::text::Lang;
use casenote::writing::data::AidsData;
use serde::Deserialize;

/// The shipped lists (and model, if `model`) of `lang`.
pub fn data(lang: Lang, model: bool) -> AidsData {
    let (terms, wordy, m) = match lang {
        Lang::En => (
            include_str!("../../src/writing/terms.json"),
            include_str!("../../src/writing/wordy.json"),
            include_str!("../../src/writing/model.json"),
        ),
        Lang::Es => (
            include_str!("../../src/writing/es/terms.json"),
            include_str!("../../src/writing/es/wordy.json"),
            include_str!("../../src/writing/es/model.json"),
        ),
    };
    AidsData::from_sources(terms, wordy, model.then_some(m)).expect("the sources read")
}

/// A labelled set (`tests/writing/*.json`).
#[derive(Deserialize)]
pub struct Set {
    /// The day a held-out set was frozen; none for a development set.
    #[serde(default)]
    pub frozen: String,
    #[serde(default)]
    pub language: String,
    pub sentences: Vec<Labelled>,
}

/// One labelled sentence: "flag" (with its kind) or "clean".
#[derive(Deserialize)]
pub struct Labelled {
    pub text: String,
    pub section: String,
    pub expected: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub setting: String,
    /// Which author wrote it (each part of a development set had its own).
    #[serde(default)]
    pub part: String,
}
