//! `/inbox`: the log's head, then a page of received notes, newest first,
//! each as its whole record with its details, linked to its addenda and
//! they to it (on this page or another), and a way to write an addendum to
//! it; then the way to older notes.

use std::collections::{HashMap, HashSet};

use casenote_format::record::AddendumKind;
use casenote_format::review::ReviewV1;
use casenote_format::PayloadV1;
use casenote_text::record_html::{record_html_reviewed, Placement};
use casenote_text::tr;
use casenote_text::Lang;
use maud::{html, Markup};

use super::details::{details, time};
use super::filter::{Filter, Status};
use super::reads::access_log;
use super::{document, name_and_id, path_segment, shown_payload, utc_text};
use crate::db::StoredNote;
use crate::reads::Read;
use casenote_text::labels::Label;
use casenote_text::Catalog;

/// How many notes one inbox page shows (fewer when they are large: see
/// `db::read::PAGE_BYTES`).
pub const PAGE_SIZE: usize = 20;

/// One page of the inbox, as the route read it from the store.
pub struct InboxPage<'a> {
    /// The page's notes, newest first.
    pub notes: &'a [StoredNote],
    /// The stored addenda of those notes, oldest first.
    pub addenda: &'a [StoredNote],
    /// The stored reviews of those notes, oldest first.
    pub reviews: &'a [StoredNote],
    /// The stored revisions of those notes, oldest first.
    pub revisions: &'a [StoredNote],
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
    /// The filters the page applies (none: every note).
    pub filter: &'a Filter,
    /// The reader's language: the page's own words and dates (each note's
    /// record stays in the language it was written in).
    pub lang: Lang,
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
    // Each note's reviews and revisions, by its id (lower case).
    let mut reviews: HashMap<String, Vec<ReviewV1>> = HashMap::new();
    for r in page
        .reviews
        .iter()
        .filter_map(|n| serde_json::from_value::<ReviewV1>(n.note.clone()).ok())
    {
        reviews
            .entry(r.note.id.to_ascii_lowercase())
            .or_default()
            .push(r);
    }
    let revisions_shown: Vec<PayloadV1> = page
        .revisions
        .iter()
        .filter_map(|n| shown_payload(&n.note))
        .collect();
    let mut revisions: HashMap<String, Vec<&PayloadV1>> = HashMap::new();
    for p in &revisions_shown {
        if let Some(link) = &p.revises {
            revisions
                .entry(link.to.to_ascii_lowercase())
                .or_default()
                .push(p);
        }
    }
    let href = |id: &str| href_of(id, &on_page);
    let (total, lang) = (page.total, page.lang);
    let main = html! {
        h1 { (lang.t("inbox-title")) }
        p {
            (tr!(lang, "inbox-received", n = total)) " "
            a href="./" { (lang.t("inbox-write-note")) } " "
            a href="inbox/reviews" { (lang.t("inbox-queue")) }
        }
        p.log-head {
            (tr!(lang, "inbox-log", n = page.head.0)) " " code { (page.head.1) }
            (lang.t("inbox-log-verify"))
        }
        p.times-note { (lang.t("inbox-times")) }
        (filter_form(page.filter, lang))
        @if shown.is_empty() && !page.filter.is_empty() {
            p.no-match { (lang.t("inbox-filter-none")) }
        }
        @for (n, p) in &shown {
            @let key = n.id.to_ascii_lowercase();
            @let linked = Linked {
                addenda: addenda.get(&key).map(Vec::as_slice).unwrap_or(&[]),
                reviews: reviews.get(&key).map(Vec::as_slice).unwrap_or(&[]),
                revisions: revisions.get(&key).map(Vec::as_slice).unwrap_or(&[]),
            };
            (note(n, p.as_ref(), &linked, &href,
                page.reads.map(|r| r.get(&key).map(Vec::as_slice).unwrap_or(&[])), lang))
        }
        (pager(page))
    };
    document(lang, &lang.t("inbox-title"), "", main).into_string()
}

/// A status's name in the reader's language.
fn status_label(s: Status, lang: Lang) -> String {
    match s {
        Status::Awaiting => lang.t("inbox-status-awaiting"),
        Status::Returned => lang.t("inbox-status-returned"),
        Status::CoSigned => lang.t("inbox-status-cosigned"),
        Status::Unsigned => lang.t("inbox-status-unsigned"),
    }
}

/// The filters, as a form that asks for this page again with them.
fn filter_form(f: &Filter, lang: Lang) -> Markup {
    html! {
        form.filters method="get" action="inbox" role="search" aria-label=(lang.t("inbox-filter")) {
            div {
                label for="filter-client" { (lang.t("inbox-filter-client")) }
                input #filter-client type="text" name="client" value=(f.client);
            }
            div {
                label for="filter-author" { (lang.t("inbox-filter-author")) }
                input #filter-author type="text" name="author" value=(f.author);
            }
            div {
                label for="filter-status" { (lang.t("inbox-filter-status")) }
                select #filter-status name="status" {
                    option value="" selected[f.status.is_none()] { (lang.t("inbox-status-any")) }
                    @for s in Status::ALL {
                        option value=(s.value()) selected[f.status == Some(s)] { (status_label(s, lang)) }
                    }
                }
            }
            div {
                label for="filter-q" { (lang.t("inbox-filter-text")) }
                input #filter-q type="search" name="q" value=(f.text);
            }
            button type="submit" { (lang.t("inbox-filter-apply")) }
            @if !f.is_empty() {
                " " a href="inbox" { (lang.t("inbox-filter-clear")) }
            }
        }
    }
}

/// The links to the newest notes and to older ones.
fn pager(page: &InboxPage<'_>) -> Markup {
    let (oldest, lang) = (page.notes.last().map(|n| n.seq), page.lang);
    html! {
        @if page.older || page.more {
            nav.pager aria-label=(lang.t("inbox-pages")) {
                @if page.older {
                    a href={ "inbox" @if !page.filter.is_empty() { "?" (page.filter.query().trim_start_matches('&')) } } { (lang.t("inbox-newest")) }
                }
                @if let (true, Some(seq)) = (page.more, oldest) {
                    " "
                    a href={ "?before=" (seq) (page.filter.query()) } rel="next" { (lang.t("inbox-older")) }
                }
            }
        }
    }
}

/// What a note's page shows with it: its addenda, the reviews of it and
/// its revisions, each oldest first.
struct Linked<'a> {
    addenda: &'a [&'a PayloadV1],
    reviews: &'a [ReviewV1],
    revisions: &'a [&'a PayloadV1],
}

/// One note: its record with its reviews, its addenda and revisions, its
/// details and the way to add to it.
fn note(
    n: &StoredNote,
    p: Option<&PayloadV1>,
    linked: &Linked<'_>,
    href: &dyn Fn(&str) -> String,
    reads: Option<&[Read]>,
    lang: Lang,
) -> Markup {
    let addenda = linked.addenda;
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
    // What a link's words leave to the eye, for a screen reader's list of
    // links: which note it is.
    let which = p.map(|p| {
        (
            casenote_text::isolated(&p.format_name).into_owned(),
            name_and_id(&p.client.name, &p.client.id),
            p.service.date.as_str(),
        )
    });
    let (sign_which, addendum_to) = which
        .map(|(format, client, date)| {
            (
                tr!(
                    lang,
                    "inbox-sign-which",
                    format = format.as_str(),
                    client = client.as_str(),
                    date = date
                ),
                tr!(
                    lang,
                    "inbox-write-addendum-to",
                    format = format,
                    client = client,
                    date = date
                ),
            )
        })
        .unwrap_or_default();
    html! {
        article.note id={ "note-" (n.id) } data-note-id=(n.id) {
            @match p {
                Some(p) => {
                    (record_html_reviewed(p, p.lang(), &local, Placement::Listed { level: 2, href }, linked.reviews))
                    (history(p, linked.revisions, href, lang))
                    @if !addenda.is_empty() {
                        p.addenda {
                            (lang.t("inbox-addenda")) " "
                            @for (i, a) in addenda.iter().enumerate() {
                                @if i > 0 { ", " }
                                a href=(href(&a.id)) {
                                    (a.addendum.as_ref().map_or_else(|| lang.t("addendum-legend"), |l| l.kind.label(lang)))
                                    " " code { (a.id) }
                                }
                            }
                        }
                    }
                    @if let Some(sig) = signed_later.and_then(|a| a.signature.as_ref()) {
                        p.signed-later {
                            (tr!(lang, "inbox-signed-later-by", who = name_and_id(&sig.signer_name, &sig.signer_id)))
                            " " (time(&sig.signed_at)) (lang.t("inbox-signed-later-end"))
                        }
                    }
                    (details(n, p, 3, lang))
                    @if let Some(reads) = reads {
                        (access_log(reads, lang))
                    }
                    p.actions {
                        @if unsigned && signed_later.is_none() {
                            a.sign-later href={ "inbox/sign/" (path_segment(&n.id)) } {
                                (lang.t("inbox-sign"))
                                " " span.visually-hidden { (sign_which) }
                            }
                            " "
                        }
                        a.write-addendum href={ "inbox/addendum/" (path_segment(&n.id)) } {
                            (lang.t("inbox-write-addendum"))
                            " " span.visually-hidden { (addendum_to) }
                        }
                    }
                }
                None => {
                    h2 { (lang.t("inbox-note")) " " code { (n.id) } }
                    p.unreadable { (lang.t("inbox-unreadable-note")) }
                }
            }
        }
    }
}

/// A note's place in its review's history, both ways: the note a revision
/// revises, and the revisions of a returned note.
fn history(
    p: &PayloadV1,
    revisions: &[&PayloadV1],
    href: &dyn Fn(&str) -> String,
    lang: Lang,
) -> Markup {
    html! {
        @if let Some(link) = &p.revises {
            p.revises {
                (lang.t("inbox-revises")) " "
                a href=(href(&link.to)) { code { (link.to) } }
            }
        }
        @if !revisions.is_empty() {
            p.revisions {
                (lang.t("inbox-revised-as")) " "
                @for (i, r) in revisions.iter().enumerate() {
                    @if i > 0 { ", " }
                    a href=(href(&r.id)) { code { (r.id) } }
                }
            }
        }
    }
}
