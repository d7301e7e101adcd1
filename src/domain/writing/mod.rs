//! Writing aids: objective-language flags, unexplained abbreviations, and
//! splitting a pasted whole note into sections. All of them only advise:
//! nothing here blocks a note.

pub mod abbreviations;
pub mod language;
pub mod paste;
pub mod shorthand;
pub mod tokens;
