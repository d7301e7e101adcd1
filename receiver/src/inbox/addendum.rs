//! `/inbox/addendum/{id}`: the editor set to write an addendum to a note,
//! with the original, read only, in a panel the worker opens; and
//! `/inbox/sign/{id}`, the same for the author's signature on a note sent
//! unsigned, as an addendum of kind signature. The editor comes first, so
//! that on a phone it is where the page starts. The page carries the
//! original's id and hash to the editor in attributes; the URL holds only
//! the id. In the reader's language, as the inbox is; the editor follows
//! the page's `lang`.

use casenote_format::PayloadV1;
use casenote_text::record_html::{record_html_placed, Placement};
use casenote_text::tr;
use casenote_text::{isolated, Lang};
use maud::{html, Markup, DOCTYPE};

use super::{name_and_id, path_segment, shown_payload, utc_text};
use casenote_text::Catalog;

/// The stored note is not a casenote v1 payload, so no addendum can be
/// linked to it.
#[derive(Debug, PartialEq)]
pub struct Unreadable;

/// Where the page's own files and the inbox are, from
/// `inbox/addendum/{id}`.
const ROOT: &str = "../../";

fn page(title: &str, body: Markup, lang: Lang) -> String {
    html! {
        (DOCTYPE)
        html lang=(lang.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) ": " (lang.t("inbox-site")) }
                link rel="stylesheet" href={ (ROOT) "inbox.css" };
                link rel="icon" href={ (ROOT) "favicon.svg" } type="image/svg+xml";
                script type="module" src={ (ROOT) "inbox.js" } {}
                script type="module" src={ (ROOT) "casenote.js" } {}
            }
            body {
                main.addendum-page {
                    p { a href={ (ROOT) "inbox" } { (lang.t("inbox-back")) } }
                    (body)
                }
            }
        }
    }
    .into_string()
}

/// What the page writes to the original.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Writing {
    /// An addendum of the kind the worker chooses.
    Addendum,
    /// The author's signature on a note sent unsigned.
    Signature,
}

/// The page for the original whose stored JSON is `body`, in `lang`,
/// knowing whether it was `signed_later` already (then there is nothing to
/// sign).
pub fn render(
    body: &str,
    writing: Writing,
    signed_later: bool,
    lang: Lang,
) -> Result<String, Unreadable> {
    let hash = PayloadV1::parse(body)
        .map_err(|_| Unreadable)?
        .computed_hash();
    let value: serde_json::Value = serde_json::from_str(body).map_err(|_| Unreadable)?;
    let p = shown_payload(&value).ok_or(Unreadable)?;
    let author = p
        .author
        .as_ref()
        .map(|a| name_and_id(&a.name, &a.id))
        .filter(|a| !a.is_empty())
        .or_else(|| {
            p.signature
                .as_ref()
                .map(|s| name_and_id(&s.signer_name, &s.signer_id))
        })
        .filter(|a| !a.is_empty());
    let href = |id: &str| format!("{ROOT}inbox#note-{}", path_segment(id));
    let local = |t: &str| utc_text(t);
    let client = name_and_id(&p.client.name, &p.client.id);
    let format = isolated(&p.format_name).into_owned();
    // The original, read only, in a panel: the record stays in the
    // language it was written in.
    let original = html! {
        details.original-note {
            summary { (lang.t("inbox-original-open")) }
            section aria-label=(lang.t("inbox-original")) {
                (record_html_placed(&p, p.lang(), &local, Placement::Listed { level: 2, href: &href }))
            }
        }
    };
    let client_id = Some(p.client.id.as_str()).filter(|c| !c.is_empty());
    let client_name = Some(p.client.name.as_str()).filter(|c| !c.is_empty());
    // The editor set from the original; signing is required as on the
    // standalone page. For a signature, its kind is fixed; the worker says
    // who signs (name and staff id), and the receiver accepts only the
    // original's author.
    let editor = |signature: bool| {
        html! {
            casenote-editor
                endpoint={ (ROOT) "api/notes" }
                addendum-to=(p.id)
                addendum-to-hash=(hash)
                addendum-to-date=(p.service.date)
                addendum-to-author=[author.as_deref()]
                addendum-kind=[signature.then_some("signature")]
                signing="required"
                client-id=[client_id]
                client-name=[client_name]
                signer-entry="worker" {}
        }
    };
    if writing == Writing::Signature {
        if p.signature.is_some() || signed_later {
            let title = lang.t("inbox-signed-title");
            return Ok(page(
                &title,
                html! {
                    h1 { (title) }
                    p.lead { @if signed_later { (lang.t("inbox-signed-later-lead")) } @else { (lang.t("inbox-signed-lead")) } }
                    p { a href={ (ROOT) "inbox/addendum/" (path_segment(&p.id)) } { (lang.t("inbox-write-addendum")) } }
                    (original)
                },
                lang,
            ));
        }
        let by = p
            .author
            .as_ref()
            .filter(|a| !(a.id.trim().is_empty() && a.name.trim().is_empty()));
        let title = lang.t("inbox-sign");
        return Ok(page(
            &title,
            html! {
                h1 { (title) }
                p.lead { (lang.t("inbox-sign-lead")) }
                @if let Some(a) = by {
                    p { (tr!(lang, "inbox-sign-only-author", author = name_and_id(&a.name, &a.id))) }
                }
                section.new-addendum aria-labelledby="addendum-heading" {
                    h2 #addendum-heading { (tr!(lang, "inbox-your-signature", format = format.as_str(), client = client.as_str())) }
                    (editor(true))
                }
                (original)
            },
            lang,
        ));
    }
    let title = lang.t("inbox-write-addendum");
    Ok(page(
        &title,
        html! {
            h1 { (title) }
            p.lead { (lang.t("inbox-addendum-lead")) }
            section.new-addendum aria-labelledby="addendum-heading" {
                h2 #addendum-heading { (tr!(lang, "inbox-your-addendum", format = format.as_str(), client = client.as_str())) }
                (editor(false))
            }
            (original)
        },
        lang,
    ))
}

/// The page for an id no stored note has.
pub fn not_found(lang: Lang) -> String {
    let title = lang.t("inbox-not-found-title");
    page(
        &title,
        html! {
            h1 { (title) }
            p { (lang.t("inbox-not-found")) }
        },
        lang,
    )
}

/// The page for a stored note that cannot be read.
pub fn unreadable(lang: Lang) -> String {
    let title = lang.t("inbox-unreadable-title");
    page(
        &title,
        html! {
            h1 { (title) }
            p { (lang.t("inbox-unreadable")) }
        },
        lang,
    )
}
