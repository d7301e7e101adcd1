//! The receiver's pages, written with maud, which escapes every value
//! spliced in, in text and attributes alike: `/inbox`, every received note
//! (`list.rs`), and `/inbox/addendum/{id}`, the editor writing an addendum
//! beside the original (`addendum.rs`). Each note is the domain's record
//! (`record_html`) plus what only the payload's machinery holds
//! (`details.rs`). Times are `<time datetime>` in UTC; `inbox.js` shows
//! them in the reader's local time.

mod addendum;
mod details;
pub mod filter;
mod list;
mod queue;
mod reads;

#[cfg(test)]
pub use addendum::Unreadable;
pub use addendum::{
    not_found as addendum_not_found, render as addendum_page, unreadable as unreadable_page,
    Writing,
};
pub use list::{render, InboxPage, PAGE_SIZE};
pub use queue::{render as queue_page, QUEUE_SIZE};

use casenote_format::PayloadV1;
use casenote_text::isolated;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::Value;

/// The stylesheet of both pages.
pub const CSS: &str = include_str!("inbox.css");
/// The script of both pages: times in the reader's local time.
pub const JS: &str = include_str!("inbox.js");

/// Whether `c` may stand on a page: NUL and the other control characters
/// but tab and newline may not (a browser would drop or mangle them, and
/// no note needs them).
fn shown(c: char) -> bool {
    !c.is_control() || c == '\n' || c == '\t'
}

/// `v` with every control character `shown` refuses, in every string,
/// replaced by U+FFFD.
fn scrubbed(v: Value) -> Value {
    match v {
        Value::String(s) if !s.chars().all(shown) => Value::String(
            s.chars()
                .map(|c| if shown(c) { c } else { '\u{fffd}' })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(scrubbed).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, scrubbed(v))).collect()),
        v => v,
    }
}

/// A stored note as it is shown: its payload with control characters
/// scrubbed, or `None` if what is stored is not a casenote v1 payload
/// (never the case for a note this receiver accepted).
pub(crate) fn shown_payload(note: &Value) -> Option<PayloadV1> {
    serde_json::from_value(scrubbed(note.clone())).ok()
}

/// An RFC 3339 time as UTC text ("2026-11-26 10:00:00 UTC"), the page's
/// text until `inbox.js` puts it in the reader's time; anything else as it
/// is.
pub(crate) fn utc_text(t: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(t)
        .map(|d| {
            d.with_timezone(&chrono::Utc)
                .format("%Y-%m-%d %H:%M:%S UTC")
                .to_string()
        })
        .unwrap_or_else(|_| t.to_string())
}

/// What a path segment escapes: all but letters, digits, `-` and `_`
/// (a UUID is left as it is).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_');

/// A note id as one path segment.
pub(crate) fn path_segment(id: &str) -> String {
    utf8_percent_encode(id, SEGMENT).to_string()
}

/// A page of the receiver's in the reader's language: `title` (with the
/// site's name), the stylesheet, icon and script found at `root` (`""`
/// beside `/inbox`, `"../"` below it), and `main` as its content.
pub(crate) fn document(
    lang: casenote_text::Lang,
    title: &str,
    root: &str,
    main: maud::Markup,
) -> maud::Markup {
    use casenote_text::Catalog;
    maud::html! {
        (maud::DOCTYPE)
        html lang=(lang.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) ": " (lang.t("inbox-site")) }
                link rel="stylesheet" href={ (root) "inbox.css" };
                link rel="icon" href={ (root) "favicon.svg" } type="image/svg+xml";
                script type="module" src={ (root) "inbox.js" } {}
            }
            body {
                main { (main) }
            }
        }
    }
}

/// "Name (id)", or whichever of the two is there, each isolated so that
/// neither can reorder the other (`casenote_text::isolated`).
pub(crate) fn name_and_id(name: &str, id: &str) -> String {
    match (name.trim(), id.trim()) {
        ("", id) => isolated(id).into_owned(),
        (name, "") => isolated(name).into_owned(),
        (name, id) => format!("{} ({})", isolated(name), isolated(id)),
    }
}

#[cfg(test)]
mod tests;
