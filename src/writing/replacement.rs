//! A passage of a section's text and what to put in its place: the one
//! step behind every Replace and Mask button.
//!
//! The passage was found in the text as it was when the aids last ran.
//! The worker may have typed since (the aids wait for typing to pause), or
//! replaced another passage, so it is looked for again rather than trusted
//! by its offsets, and never guessed at: a note is a legal record.
//!
//! ```
//! use casenote_writing::replacement::Replacement;
//! let checked = "Seen w/o her worker.";
//! let r = Replacement { start: 5, end: 8, found: "w/o".into(), with: "without".into() };
//! assert_eq!(r.apply(checked).as_deref(), Some("Seen without her worker."));
//! // A word typed in front of it since: it still goes.
//! let now = "Seen today w/o her worker.";
//! assert_eq!(r.apply_since(checked, now).as_deref(), Some("Seen today without her worker."));
//! // Gone from the text: nothing to replace.
//! assert_eq!(r.apply_since(checked, "Seen without her worker."), None);
//! ```

/// A passage (byte offsets into the text it was found in) and its
/// replacement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replacement {
    pub start: usize,
    pub end: usize,
    /// The words as written there.
    pub found: String,
    pub with: String,
}

impl Replacement {
    /// `text` with the passage replaced, if it still reads as it did there.
    pub fn apply(&self, text: &str) -> Option<String> {
        (text.get(self.start..self.end) == Some(self.found.as_str()))
            .then(|| self.put(text, self.start))
    }

    /// `now` with the passage replaced, where `checked` is the text it was
    /// found in: where [`now_at`] finds it. `None` when it is gone, or
    /// when which occurrence was meant cannot be told.
    pub fn apply_since(&self, checked: &str, now: &str) -> Option<String> {
        now_at(&self.found, self.start, checked, now).map(|at| self.put(now, at))
    }

    fn put(&self, text: &str, at: usize) -> String {
        let end = at + self.found.len();
        format!("{}{}{}", &text[..at], self.with, &text[end..])
    }
}

/// Where the words `found`, seen at byte `start` of `checked`, start in
/// `now`: there if they still read so there; else the same occurrence,
/// counted among those that stand as words of their own, when `now` has as
/// many as `checked` had, or its only one. `None` when they are gone, or
/// when occurrences were added or removed since, so that which one was
/// meant is unknown. For Replace and Mask, and for Show.
pub fn now_at(found: &str, start: usize, checked: &str, now: &str) -> Option<usize> {
    if now.get(start..start + found.len()) == Some(found) {
        return Some(start);
    }
    let was = standing(found, checked);
    let is = standing(found, now);
    match is.as_slice() {
        [only] => Some(*only),
        _ if is.len() == was.len() => Some(is[was.iter().position(|&at| at == start)?]),
        _ => None,
    }
}

/// Where `found` stands in `text` as words of its own: not joined to a
/// letter or digit on a side where it begins or ends with one.
fn standing(found: &str, text: &str) -> Vec<usize> {
    if found.is_empty() {
        return Vec::new();
    }
    let word = |c: char| c.is_alphanumeric();
    let (opens, closes) = (found.starts_with(word), found.ends_with(word));
    text.match_indices(found)
        .map(|(at, _)| at)
        .filter(|&at| {
            let after = &text[at + found.len()..];
            let joined =
                (opens && text[..at].ends_with(word)) || (closes && after.starts_with(word));
            !joined
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Replacement;

    /// The replacement of the `nth` (from 0) `found` in `checked`.
    fn nth(checked: &str, found: &str, n: usize, with: &str) -> Replacement {
        let start = checked.match_indices(found).nth(n).unwrap().0;
        Replacement {
            start,
            end: start + found.len(),
            found: found.into(),
            with: with.into(),
        }
    }

    #[test]
    fn where_it_was_found() {
        let text = "Tel 555-123-4567.";
        let r = nth(text, "555-123-4567", 0, "[phone number]");
        assert_eq!(r.apply(text).as_deref(), Some("Tel [phone number]."));
        assert_eq!(
            r.apply_since(text, text).as_deref(),
            Some("Tel [phone number].")
        );
    }

    #[test]
    fn after_an_earlier_passage_was_replaced() {
        // Masking the phone number first made the text longer, so the SSN
        // found with it no longer sits at its offsets.
        let checked = "Cell 555-123-4567. SSN 123-45-6789 on the form.";
        let ssn = nth(checked, "123-45-6789", 0, "[SSN ending 6789]");
        let now = "Cell [phone number]. SSN 123-45-6789 on the form.";
        assert_eq!(ssn.apply(now), None);
        assert_eq!(
            ssn.apply_since(checked, now).as_deref(),
            Some("Cell [phone number]. SSN [SSN ending 6789] on the form.")
        );
    }

    #[test]
    fn the_same_occurrence_of_several() {
        let checked = "pt said pt was fine; pt left.";
        let second = nth(checked, "pt", 1, "client");
        let now = "Today pt said pt was fine; pt left.";
        assert_eq!(
            second.apply_since(checked, now).as_deref(),
            Some("Today pt said client was fine; pt left.")
        );
    }

    #[test]
    fn never_a_guess_when_occurrences_were_added_or_removed() {
        let checked = "pt said pt was fine.";
        let second = nth(checked, "pt", 1, "client");
        assert_eq!(
            second.apply_since(checked, "pt and pt said pt was fine."),
            None
        );
        // Only one left: that is the one.
        assert_eq!(
            second
                .apply_since(checked, "Today she said pt was fine.")
                .as_deref(),
            Some("Today she said client was fine.")
        );
    }

    #[test]
    fn never_inside_a_longer_word() {
        let checked = "pt was cold.";
        let r = nth(checked, "pt", 0, "client");
        assert_eq!(r.apply_since(checked, "The apt was cold."), None);
        assert_eq!(
            r.apply_since(checked, "The apt was cold; pt left.")
                .as_deref(),
            Some("The apt was cold; client left.")
        );
    }

    #[test]
    fn gone_from_the_text() {
        let checked = "Seen w/o her worker.";
        let r = nth(checked, "w/o", 0, "without");
        assert_eq!(r.apply_since(checked, "Seen without her worker."), None);
        assert_eq!(r.apply_since(checked, ""), None);
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character() {
        let checked = "Some text here, w/o.";
        let r = nth(checked, "w/o", 0, "without");
        assert_eq!(r.apply_since(checked, "w/o").as_deref(), Some("without"));
        // Byte 4 falls inside "é": the offsets cannot be read there.
        let r = Replacement {
            start: 4,
            end: 7,
            found: "w/o".into(),
            with: "without".into(),
        };
        assert_eq!(
            r.apply_since("Cafe w/o", "Café w/o").as_deref(),
            Some("Café without")
        );
    }
}
