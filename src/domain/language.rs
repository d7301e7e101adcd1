//! The languages a note can be written in and the interface is complete
//! in, as data: a tag the payload records, and the match for a `lang`
//! value. The words in each are the text crate's (`casenote-text`).

use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

/// A language the interface is complete in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "es")]
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// Whether this is English, the language of notes from releases that
    /// did not record one.
    pub fn is_english(&self) -> bool {
        *self == Lang::En
    }

    /// The BCP 47 tag the payload records and `lang` attributes carry.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The interface language for a `lang` value such as `es-MX`: the
    /// best match by BCP 47 language negotiation, else `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let requested: LanguageIdentifier = tag.trim().parse().ok()?;
        let available: Vec<LanguageIdentifier> = Lang::ALL
            .iter()
            .filter_map(|l| l.tag().parse().ok())
            .collect();
        let found = fluent_langneg::negotiate_languages(
            &[requested],
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        let found = found.first()?.to_string();
        Lang::ALL.into_iter().find(|l| l.tag() == found)
    }

    /// [`Lang::from_tag`], falling back to English for a language the
    /// catalog does not have (or an empty or malformed tag).
    pub fn negotiate(tag: &str) -> Lang {
        Lang::from_tag(tag).unwrap_or_default()
    }
}
