//! The note as a document: a header with who, when and what, each section
//! under its heading with quotes set off, goals, interventions, the
//! late-entry label and the signature block. An unsigned note is marked as
//! a draft. The editor prints it and the receiver's inbox shows it; maud
//! escapes every value, so a note's text is always text. Times are
//! `<time datetime>` elements whose text comes through `local`, which the
//! shell gives (the reader's time zone is not the domain's to know).
//! Printed, the record is its page ([`record_html`]); in a list of notes
//! its headings sit lower, its title names the client and note ids link
//! ([`record_html_placed`] with [`Placement::Listed`]). Its fixed words
//! are in the note's language (`record.ftl`).
//!
//! ```
//! use casenote_text::record_html::record_html;
//! use casenote_format::{BuildContext, Lang, Note, PayloadV1, Template};
//! let mut n = Note::new("id".into(), "soap", "2026-11-26T09:00:00Z".into());
//! n.section_mut("plan").text = "Call <Friday>".into();
//! let p = PayloadV1::build(&n, &Template::soap(), &BuildContext::at("2026-11-26T10:00:00Z"));
//! let html = record_html(&p, Lang::En, &|t: &str| t.to_string()).into_string();
//! assert!(html.contains("<h2>Plan</h2>"));
//! assert!(html.contains("Call &lt;Friday&gt;"));
//! assert!(html.contains("DRAFT"));
//! ```

use maud::{html, Markup};

use crate::isolated;
use crate::labels::Describe;
use crate::labels::Label;
use crate::render::{hours_text, minutes_text};
use crate::tr;
use crate::Catalog;
use casenote_format::payload::PayloadV1;
use casenote_format::review::{ReviewV1, Standing};
use casenote_format::Lang;
use casenote_format::Speaker;

mod review;
pub use review::about_text;

/// "Name (id)", or whichever of the two is there; `labelled` says the id
/// beside a name ("ID C-1").
/// Each typed part is isolated (see [`isolated`]).
fn name_and_id(name: &str, id: &str, labelled: &dyn Fn(&str) -> String) -> String {
    match (name.trim(), id.trim()) {
        ("", id) => isolated(id).into_owned(),
        (name, "") => isolated(name).into_owned(),
        (name, id) => format!("{} ({})", isolated(name), labelled(id)),
    }
}

/// When the service took place: its date, times and length.
fn service_text(p: &PayloadV1, lang: Lang) -> String {
    let mut when = p.service.date.clone();
    if let Some(start) = &p.service.start {
        when.push_str(", ");
        when.push_str(start);
        if let Some(end) = &p.service.end {
            when.push('–');
            when.push_str(end);
        }
    }
    if let Some(m) = p.service.duration_minutes {
        when.push_str(&format!(" ({})", minutes_text(m, lang)));
    }
    when
}

/// Where a record sits on its page.
#[derive(Clone, Copy)]
pub enum Placement<'a> {
    /// The page is the record (the printed note): an `h1` of its format,
    /// `h2` sections.
    Alone,
    /// One record among others (the receiver's inbox): its title is a
    /// heading at `level` (2 to 5) naming the format and the client, its
    /// sections one level below, and the note an addendum points to is a
    /// link to `href(id)`.
    Listed {
        level: u8,
        href: &'a dyn Fn(&str) -> String,
    },
}

/// A heading at `level`, 1 to 6.
fn heading(level: u8, content: Markup) -> Markup {
    match level {
        0 | 1 => html! { h1 { (content) } },
        2 => html! { h2 { (content) } },
        3 => html! { h3 { (content) } },
        4 => html! { h4 { (content) } },
        5 => html! { h5 { (content) } },
        _ => html! { h6 { (content) } },
    }
}

/// `p` as a document, the page's one record, its words in `lang`.
/// `local` turns an RFC 3339 time into the reader's local time.
pub fn record_html(p: &PayloadV1, lang: Lang, local: &dyn Fn(&str) -> String) -> Markup {
    record_html_placed(p, lang, local, Placement::Alone)
}

/// `p` as a document placed as `placement` says.
pub fn record_html_placed(
    p: &PayloadV1,
    lang: Lang,
    local: &dyn Fn(&str) -> String,
    placement: Placement,
) -> Markup {
    record_html_reviewed(p, lang, local, placement, &[])
}

/// `p` as a document placed as `placement` says, with the `reviews` of it
/// a receiver holds: where it stands, and each review with its comments
/// and co-signature.
pub fn record_html_reviewed(
    p: &PayloadV1,
    lang: Lang,
    local: &dyn Fn(&str) -> String,
    placement: Placement,
    reviews: &[ReviewV1],
) -> Markup {
    let standing = Standing::of(p, reviews);
    let as_is = |id: &str| isolated(id).into_owned();
    let client = name_and_id(&p.client.name, &p.client.id, &|id: &str| {
        tr!(lang, "record-client-id", id = isolated(id).into_owned())
    });
    let author = p
        .author
        .as_ref()
        .map(|a| name_and_id(&a.name, &a.id, &as_is))
        .filter(|a| !a.is_empty());
    let late = p.timeliness.as_ref().filter(|t| t.late_entry);
    let sections = p
        .sections
        .iter()
        .filter(|s| !s.text.trim().is_empty() || !s.quotes.is_empty());
    let (level, href) = match placement {
        Placement::Alone => (1, None),
        Placement::Listed { level, href } => (level.clamp(2, 5), Some(href)),
    };
    let title = match href {
        None => {
            html! { (tr!(lang, "record-title", format = isolated(&p.format_name).into_owned())) }
        }
        Some(_) => {
            html! { (tr!(lang, "record-title-listed", format = isolated(&p.format_name).into_owned(), client = client.as_str())) }
        }
    };
    let sub = |content: Markup| heading(level + 1, content);
    html! {
        article.print-document.draft[p.signature.is_none()] {
            @if p.signature.is_none() {
                p.draft-mark { (lang.t("record-draft-mark")) }
            }
            header.print-header {
                (heading(level, title))
                dl {
                    dt { (lang.t("record-client")) } dd { (client) }
                    dt { (lang.t("record-service-date")) } dd { (service_text(p, lang)) }
                    dt { (lang.t("record-format")) } dd { (isolated(&p.format_name)) " (" (p.document_type.display) ")" }
                    @if let Some(a) = &author {
                        dt { (lang.t("record-written-by")) } dd { (a) }
                    }
                    @if let Some(m) = p.contact_mode {
                        dt { (lang.t("record-contact")) } dd { (m.label(lang)) }
                    }
                    @if let Some(l) = &p.location {
                        dt { (lang.t("record-location")) } dd { (isolated(l)) }
                    }
                    @if !p.participants.is_empty() {
                        dt { (lang.t("record-participants")) }
                        @for x in &p.participants { dd { (x.describe(lang)) } }
                    }
                }
                @if let Some(a) = &p.addendum {
                    p.print-label.addendum {
                        (tr!(lang, "record-addendum-to", kind = a.kind.label(lang))) " "
                        @match href {
                            Some(href) => { a href=(href(&a.to)) { code { (a.to) } } }
                            None => { (a.to) }
                        }
                        (tr!(lang, "record-addendum-reason", reason = isolated(&a.reason).into_owned()))
                    }
                }
                @if standing != Standing::NotRequired {
                    p.print-label.review { (crate::render::standing_text(p, standing, lang)) }
                }
                @if let Some(t) = late {
                    p.print-label {
                        (tr!(
                            lang,
                            "record-late-entry",
                            hours = t.hours_after_service.map(|h| hours_text(h, 1)).unwrap_or_else(|| "?".into()),
                            reason = isolated(t.late_entry_reason.as_deref().unwrap_or("")).into_owned(),
                        ))
                    }
                }
            }
            @for s in sections {
                section.print-section {
                    (sub(html! { (s.label) }))
                    @if !s.text.trim().is_empty() {
                        p.print-text { (s.text.trim()) }
                    }
                    @for q in &s.quotes {
                        figure.print-quote.client[q.speaker == Speaker::Client] {
                            blockquote { "“" (isolated(&q.text)) "”" }
                            figcaption {
                                (q.speaker.label(lang))
                                @if let Some(c) = q.context.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                                    ", " (isolated(c))
                                }
                            }
                        }
                    }
                }
            }
            @if !p.goals.is_empty() {
                section.print-section {
                    (sub(html! { (lang.t("record-goals")) }))
                    ul { @for g in &p.goals { li { (isolated(&g.text)) ": " (g.progress.label(lang)) } } }
                }
            }
            @if let Some(c) = &p.challenges {
                section.print-section {
                    (sub(html! { (lang.t("record-challenges")) }))
                    p.print-text { (c) }
                }
            }
            @if !p.interventions.is_empty() {
                section.print-section {
                    (sub(html! { (lang.t("record-interventions")) }))
                    ol {
                        @for iv in &p.interventions {
                            li {
                                p { (iv.description) }
                                @if !iv.rationale.is_empty() { p { (tr!(lang, "record-why", why = isolated(&iv.rationale).into_owned())) } }
                                @if iv.deviates { p { (lang.t("record-deviates")) } }
                                @if !iv.client_response.is_empty() { p { (tr!(lang, "record-client-response", response = isolated(&iv.client_response).into_owned())) } }
                            }
                        }
                    }
                }
            }
            @if !p.follow_ups.is_empty() {
                section.print-section {
                    (sub(html! { (lang.t("record-follow-ups")) }))
                    ul { @for f in &p.follow_ups { li { (f.describe(lang)) } } }
                }
            }
            @if !p.previous_follow_ups.is_empty() {
                section.print-section {
                    (sub(html! { (lang.t("record-previous-follow-ups")) }))
                    ul { @for m in &p.previous_follow_ups { li { (m.describe(lang)) } } }
                }
            }
            section.print-signature {
                (sub(html! { (lang.t("record-signature")) }))
                @match &p.signature {
                    Some(sig) => {
                        p.attestation { (sig.attestation) }
                        p {
                            (tr!(lang, "record-signed-by", name = name_and_id(&sig.signer_name, &sig.signer_id, &as_is))) " "
                            time datetime=(sig.signed_at) { (local(&sig.signed_at)) } "."
                        }
                        p.hash { (tr!(lang, "record-content-hash", hash = sig.content_hash.as_str())) }
                    }
                    None => {
                        p { (lang.t("record-not-signed")) }
                    }
                }
            }
            (review::reviews_html(p, reviews, lang, local, sub(html! { (lang.t("record-review")) })))
        }
    }
}

#[cfg(test)]
mod tests;
