//! A suggestion of the writing aids the worker has answered: dismissed,
//! with a reason. Kept with the draft (`Note::dismissed`), never part of
//! the payload. What a dismissal holds is here, with the note; how a
//! passage is matched to one is the writing aids' (`casenote-writing`).

use serde::{Deserialize, Serialize};

/// Why a suggestion does not apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DismissReason {
    /// The words are about someone else: a landlord, a pharmacy, a court.
    NotAboutClient,
    /// The words are the client's own, reported without quotation marks.
    ClientsOwnWords,
    /// The term is the accurate clinical or technical one here.
    ClinicallyAccurate,
}

impl DismissReason {
    pub const ALL: [DismissReason; 3] = [
        DismissReason::NotAboutClient,
        DismissReason::ClientsOwnWords,
        DismissReason::ClinicallyAccurate,
    ];
}

/// Which aid made the suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Aid {
    /// Objective language.
    Flag,
    Shorthand,
    Wordy,
}

/// One answered suggestion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dismissal {
    /// The section's key.
    pub section: String,
    pub aid: Aid,
    /// The passage, in lower case.
    pub found: String,
    /// The sentence it stands in, in lower case with its spaces collapsed.
    pub sentence: String,
    pub reason: DismissReason,
}
