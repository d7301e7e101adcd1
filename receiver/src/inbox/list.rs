//! `/inbox`: the log's head, then every received note, newest first, each
//! as its whole record with its details, linked to its addenda and they to
//! it, and a way to write an addendum to it.

use std::collections::HashMap;

use casenote::domain::record_html::{record_html_placed, Placement};
use casenote::domain::PayloadV1;
use casenote::i18n::Lang;
use maud::{html, Markup, DOCTYPE};

use super::details::details;
use super::{name_and_id, path_segment, shown_payload, utc_text};
use crate::db::StoredNote;

/// A note's anchor on the inbox page.
fn anchor(id: &str) -> String {
    format!("#note-{id}")
}

/// The page: the log's head (entries and hash), then the notes, newest
/// first.
pub fn render(notes: &[StoredNote], head: &(i64, String)) -> String {
    let shown: Vec<(&StoredNote, Option<PayloadV1>)> =
        notes.iter().map(|n| (n, shown_payload(&n.note))).collect();
    // The addenda of each note, by the original's id, oldest first.
    let mut addenda: HashMap<&str, Vec<&PayloadV1>> = HashMap::new();
    for p in shown.iter().filter_map(|(_, p)| p.as_ref()) {
        if let Some(a) = &p.addendum {
            addenda.entry(a.to.as_str()).or_default().push(p);
        }
    }
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Inbox: casenote reference receiver" }
                link rel="stylesheet" href="inbox.css";
                link rel="icon" href="favicon.svg" type="image/svg+xml";
                script type="module" src="inbox.js" {}
            }
            body {
                main {
                    h1 { "Inbox" }
                    p {
                        (notes.len()) " note" @if notes.len() != 1 { "s" } " received. "
                        a href="./" { "Write a note" }
                    }
                    p.log-head {
                        "Log: " (head.0) " entr" @if head.0 == 1 { "y" } @else { "ies" }
                        ", head " code { (head.1) }
                        ". Write it down: casenote-receiver verify shows whether anything before it changed."
                    }
                    p.times-note { "Times are shown in your local time; hover over one for UTC." }
                    @for (n, p) in shown.iter().rev() {
                        (note(n, p.as_ref(), addenda.get(n.id.as_str()).map(Vec::as_slice).unwrap_or(&[])))
                    }
                }
            }
        }
    }
    .into_string()
}

/// One note: its record, its addenda, its details and the way to add to it.
fn note(n: &StoredNote, p: Option<&PayloadV1>, addenda: &[&PayloadV1]) -> Markup {
    let href = |id: &str| anchor(id);
    let local = |t: &str| utc_text(t);
    html! {
        article.note id={ "note-" (n.id) } data-note-id=(n.id) {
            @match p {
                Some(p) => {
                    (record_html_placed(p, p.lang(), &local, Placement::Listed { level: 2, href: &href }))
                    @if !addenda.is_empty() {
                        p.addenda {
                            "Addenda: "
                            @for (i, a) in addenda.iter().enumerate() {
                                @if i > 0 { ", " }
                                a href=(anchor(&a.id)) {
                                    (a.addendum.as_ref().map_or_else(|| "Addendum".to_string(), |l| l.kind.label(Lang::En)))
                                    " " code { (a.id) }
                                }
                            }
                        }
                    }
                    (details(n, p, 3))
                    p.actions {
                        a.write-addendum href={ "inbox/addendum/" (path_segment(&n.id)) } {
                            "Write an addendum"
                            span.visually-hidden {
                                " to the " (p.format_name) " note of "
                                (name_and_id(&p.client.name, &p.client.id)) ", " (p.service.date)
                            }
                        }
                    }
                }
                None => {
                    h2 { "Note " code { (n.id) } }
                    p.unreadable {
                        "This note could not be read as casenote JSON v1, so it is not shown here. Its stored JSON is at api/notes."
                    }
                }
            }
        }
    }
}
