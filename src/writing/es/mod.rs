//! What the writing aids know of Spanish beyond their data files
//! (`terms.json`, `wordy.json` here): its shorthand, the abbreviations
//! every reader knows, and the words completeness prompts look for.

pub mod completeness;
pub mod shorthand;
