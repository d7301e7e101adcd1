//! Facts about the note as a whole that the writing aids weigh
//! (`domain::writing::completeness::NoteFacts`), derived in one place.

use leptos::prelude::*;

use super::Session;
use crate::domain::time::parse_date;

impl Session {
    /// How many of the note's follow-ups are dated: each is a next step
    /// with a time, so a Plan with one is not prompted for one.
    pub fn dated_follow_ups(&self) -> Signal<usize> {
        let list = self.form.follow_ups;
        Signal::derive(move || {
            list.with(|v| {
                v.iter()
                    .filter(|f| f.due.with(|d| parse_date(d.trim()).is_some()))
                    .count()
            })
        })
    }
}
