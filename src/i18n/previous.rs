//! The client's last note in the worker's words: the panel's title, and
//! why a note the host gave is not shown.

use casenote_format::previous::{PreviousNote, Refusal};
use casenote_format::Lang;

use crate::{isolated, tr, Catalog};

/// The panel's title: its date, format and author ("Last note:
/// 2026-11-26 SOAP by Sam"). The format and the author were typed by
/// someone, so each is isolated: a name that ends in U+202E cannot turn
/// the words after it around ([`isolated`]).
pub fn title(note: &PreviousNote, lang: Lang) -> String {
    let p = &note.0;
    let (date, format) = (
        p.service.date.as_str(),
        isolated(&p.format_name).into_owned(),
    );
    match note.author() {
        Some(a) => tr!(
            lang,
            "previous-note-title-by",
            date = date,
            format = format,
            author = isolated(&a).into_owned()
        ),
        None => tr!(lang, "previous-note-title", date = date, format = format),
    }
}

/// Why the note is not shown, in the worker's language; the problems
/// themselves are the payload checks' (English, as a receiver reports
/// them).
pub fn refusal(r: &Refusal, lang: Lang) -> String {
    match r {
        Refusal::OtherClient => lang.t("previous-refused-other-client"),
        Refusal::Invalid(errors) => {
            let list: Vec<String> = errors
                .iter()
                .map(|e| format!("{}: {}", e.field, e.wire_of_check()))
                .collect();
            tr!(lang, "previous-refused-invalid", problems = list.join("; "))
        }
    }
}

#[cfg(test)]
mod tests;
