//! Writing aids: objective-language flags, unexplained abbreviations,
//! wordy phrases and long sentences, identifiers to leave out, prompts for
//! what a section is missing, and splitting a pasted whole note into
//! sections; `suggestions` words what they found for one section. All of
//! them only advise: nothing here blocks a note.

pub mod abbreviations;
pub mod completeness;
pub mod context;
pub mod data;
pub mod dismissal;
pub mod es;
pub mod identifiers;
pub mod language;
pub mod model;
pub mod paste;
pub mod replacement;
pub mod scare_quotes;
pub mod sentences;
pub mod shipped;
pub mod shorthand;
pub mod subject;
pub mod suggestions;
pub mod tokens;
pub mod wordy;
