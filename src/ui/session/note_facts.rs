//! Facts about the note as a whole that the writing aids weigh
//! (`domain::writing::completeness::NoteFacts`), derived in one place.

use leptos::prelude::*;

use super::Session;

impl Session {
    /// How many of the note's follow-ups are dated: each is a next step
    /// with a time, so a Plan with one is not prompted for one. The
    /// follow-ups list (what, who and a date, sent as `followUps`) feeds
    /// it; until that list is part of the form there are none.
    pub fn dated_follow_ups(&self) -> Signal<usize> {
        Signal::derive(|| 0)
    }
}
