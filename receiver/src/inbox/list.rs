//! `/inbox`: the log's head, then a page of received notes, newest first,
//! each as its whole record with its details, linked to its addenda and
//! they to it (on this page or another), and a way to write an addendum to
//! it; then the way to older notes.

use std::collections::{HashMap, HashSet};

use casenote::domain::record::AddendumKind;
use casenote::domain::record_html::{record_html_placed, Placement};
use casenote::domain::PayloadV1;
use casenote::i18n::Lang;
use maud::{html, Markup, DOCTYPE};

use super::details::{details, time};
use super::reads::access_log;
use super::{name_and_id, path_segment, shown_payload, utc_text};
use crate::db::StoredNote;
use crate::reads::Read;

/// How many notes one inbox page shows (fewer when they are large: see
/// `db::read::PAGE_BYTES`).
pub const PAGE_SIZE: usize = 20;

/// One page of the inbox, as the route read it from the store.
pub struct InboxPage<'a> {
    /// The page's notes, newest first.
    pub notes: &'a [StoredNote],
    /// The stored addenda of those notes, oldest first.
    pub addenda: &'a [StoredNote],
    /// How many notes are stored in all.
    pub total: i64,
    /// The log's entries and head.
    pub head: &'a (i64, String),
    /// Older notes follow this page.
    pub more: bool,
    /// This is not the newest page.
    pub older: bool,
    /// Each note's access log (by lower-case id), for an auditor.
    pub reads: Option<&'a HashMap<String, Vec<Read>>>,
}

/// Where note `id` is shown: its anchor on this page, or the page that
/// starts with it.
fn href_of(id: &str, on_page: &HashSet<String>) -> String {
    let key = id.to_ascii_lowercase();
    if on_page.contains(&key) {
        format!("#note-{id}")
    } else {
        format!("?note={}#note-{id}", path_segment(id))
    }
}

/// The page: the log's head (entries and hash), then the page's notes,
/// newest first, then the way to older notes.
pub fn render(page: &InboxPage<'_>) -> String {
    let shown: Vec<(&StoredNote, Option<PayloadV1>)> = page
        .notes
        .iter()
        .map(|n| (n, shown_payload(&n.note)))
        .collect();
    let on_page: HashSet<String> = page
        .notes
        .iter()
        .map(|n| n.id.to_ascii_lowercase())
        .collect();
    // The addenda of each note, by the original's id (lower case), oldest first.
    let addenda_shown: Vec<PayloadV1> = page
        .addenda
        .iter()
        .filter_map(|n| shown_payload(&n.note))
        .collect();
    let mut addenda: HashMap<String, Vec<&PayloadV1>> = HashMap::new();
    for p in &addenda_shown {
        if let Some(a) = &p.addendum {
            addenda
                .entry(a.to.to_ascii_lowercase())
                .or_default()
                .push(p);
        }
    }
    let href = |id: &str| href_of(id, &on_page);
    let total = page.total;
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
                        (total) " note" @if total != 1 { "s" } " received. "
                        a href="./" { "Write a note" }
                    }
                    p.log-head {
                        "Log: " (page.head.0) " entr" @if page.head.0 == 1 { "y" } @else { "ies" }
                        ", head " code { (page.head.1) }
                        ". Write it down: casenote-receiver verify shows whether anything before it changed."
                    }
                    p.times-note { "Times are shown in your local time; hover over one for UTC." }
                    @for (n, p) in &shown {
                        (note(n, p.as_ref(), addenda.get(&n.id.to_ascii_lowercase()).map(Vec::as_slice).unwrap_or(&[]), &href,
                            page.reads.map(|r| r.get(&n.id.to_ascii_lowercase()).map(Vec::as_slice).unwrap_or(&[]))))
                    }
                    (pager(page))
                }
            }
        }
    }
    .into_string()
}

/// The links to the newest notes and to older ones.
fn pager(page: &InboxPage<'_>) -> Markup {
    let oldest = page.notes.last().map(|n| n.seq);
    html! {
        @if page.older || page.more {
            nav.pager aria-label="Pages of notes" {
                @if page.older {
                    a href="inbox" { "Newest notes" }
                }
                @if let (true, Some(seq)) = (page.more, oldest) {
                    " "
                    a href={ "?before=" (seq) } rel="next" { "Older notes" }
                }
            }
        }
    }
}

/// One note: its record, its addenda, its details and the way to add to it.
fn note(
    n: &StoredNote,
    p: Option<&PayloadV1>,
    addenda: &[&PayloadV1],
    href: &dyn Fn(&str) -> String,
    reads: Option<&[Read]>,
) -> Markup {
    let local = |t: &str| utc_text(t);
    // A note sent unsigned (not itself a signature) can be signed later
    // by its author, once.
    let unsigned = p.is_some_and(|p| {
        p.signature.is_none()
            && p.addendum
                .as_ref()
                .is_none_or(|a| a.kind != AddendumKind::Signature)
    });
    let signed_later = addenda
        .iter()
        .find(|a| {
            a.addendum
                .as_ref()
                .is_some_and(|l| l.kind == AddendumKind::Signature)
        })
        .copied();
    let about = p
        .map(|p| {
            format!(
                " the {} note of {}, {}",
                casenote::i18n::isolated(&p.format_name),
                name_and_id(&p.client.name, &p.client.id),
                p.service.date
            )
        })
        .unwrap_or_default();
    html! {
        article.note id={ "note-" (n.id) } data-note-id=(n.id) {
            @match p {
                Some(p) => {
                    (record_html_placed(p, p.lang(), &local, Placement::Listed { level: 2, href }))
                    @if !addenda.is_empty() {
                        p.addenda {
                            "Addenda: "
                            @for (i, a) in addenda.iter().enumerate() {
                                @if i > 0 { ", " }
                                a href=(href(&a.id)) {
                                    (a.addendum.as_ref().map_or_else(|| "Addendum".to_string(), |l| l.kind.label(Lang::En)))
                                    " " code { (a.id) }
                                }
                            }
                        }
                    }
                    @if let Some(sig) = signed_later.and_then(|a| a.signature.as_ref()) {
                        p.signed-later {
                            "Sent unsigned; signed later by " (name_and_id(&sig.signer_name, &sig.signer_id))
                            " at " (time(&sig.signed_at)) ", in a signature addendum."
                        }
                    }
                    (details(n, p, 3))
                    @if let Some(reads) = reads {
                        (access_log(reads))
                    }
                    p.actions {
                        @if unsigned && signed_later.is_none() {
                            a.sign-later href={ "inbox/sign/" (path_segment(&n.id)) } {
                                "Sign this note"
                                span.visually-hidden { (about) }
                            }
                            " "
                        }
                        a.write-addendum href={ "inbox/addendum/" (path_segment(&n.id)) } {
                            "Write an addendum"
                            span.visually-hidden { " to" (about) }
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
