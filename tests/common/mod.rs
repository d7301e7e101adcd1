//! What the writing aids' tests share: the shipped lists and model, read
//! from their sources (the editor loads them as one file, `.ci/aids`).

use casenote::domain::writing::data::AidsData;
use casenote::i18n::Lang;

/// The shipped lists (and model, if `model`) of `lang`.
pub fn data(lang: Lang, model: bool) -> AidsData {
    let (terms, wordy, m) = match lang {
        Lang::En => (
            include_str!("../../src/domain/writing/terms.json"),
            include_str!("../../src/domain/writing/wordy.json"),
            include_str!("../../src/domain/writing/model.json"),
        ),
        Lang::Es => (
            include_str!("../../src/domain/writing/es/terms.json"),
            include_str!("../../src/domain/writing/es/wordy.json"),
            include_str!("../../src/domain/writing/es/model.json"),
        ),
    };
    AidsData::from_sources(terms, wordy, model.then_some(m)).expect("the sources read")
}
