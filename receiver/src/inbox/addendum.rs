//! `/inbox/addendum/{id}`: the original note, read only, beside the editor
//! set to write an addendum to it; and `/inbox/sign/{id}`, the same for
//! the author's signature on a note sent unsigned, as an addendum of kind
//! signature. The page carries the original's id and hash to the editor in
//! attributes; the URL holds only the id.

use casenote::domain::record_html::{record_html_placed, Placement};
use casenote::domain::PayloadV1;
use maud::{html, Markup, DOCTYPE};

use super::{name_and_id, path_segment, shown_payload, utc_text};

/// The stored note is not a casenote v1 payload, so no addendum can be
/// linked to it.
#[derive(Debug, PartialEq)]
pub struct Unreadable;

/// Where the page's own files and the inbox are, from
/// `inbox/addendum/{id}`.
const ROOT: &str = "../../";

fn page(title: &str, body: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) ": casenote reference receiver" }
                link rel="stylesheet" href={ (ROOT) "inbox.css" };
                link rel="icon" href={ (ROOT) "favicon.svg" } type="image/svg+xml";
                script type="module" src={ (ROOT) "inbox.js" } {}
                script type="module" src={ (ROOT) "casenote.js" } {}
            }
            body {
                main.addendum-page {
                    p { a href={ (ROOT) "inbox" } { "Back to the inbox" } }
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

/// The page for the original whose stored JSON is `body`.
pub fn render(body: &str, writing: Writing) -> Result<String, Unreadable> {
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
    let original = html! {
        section.original-note aria-labelledby="original-heading" {
            h2 #original-heading { "The original note" }
            (record_html_placed(&p, p.lang(), &local, Placement::Listed { level: 3, href: &href }))
        }
    };
    if writing == Writing::Signature {
        if p.signature.is_some() {
            return Ok(page(
                "This note is signed",
                html! {
                    h1 { "This note is signed" }
                    p.lead { "This note was signed when it was sent, so there is nothing to sign. Corrections and additions go in an addendum." }
                    p { a href={ (ROOT) "inbox/addendum/" (path_segment(&p.id)) } { "Write an addendum" } }
                    (original)
                },
            ));
        }
        let by = p
            .author
            .as_ref()
            .filter(|a| !(a.id.trim().is_empty() && a.name.trim().is_empty()));
        return Ok(page(
            "Sign this note",
            html! {
                h1 { "Sign this note" }
                p.lead {
                    "This note was sent without a signature. Its author signs it here: the signature is sent as an addendum of kind signature, "
                    "which covers the note exactly as it was stored. The original is never changed."
                }
                @if let Some(a) = by {
                    p { "Only the note's author, " (name_and_id(&a.name, &a.id)) ", can sign it; the receiver refuses anyone else's signature." }
                }
                div.side-by-side {
                    section.new-addendum aria-labelledby="addendum-heading" {
                        h2 #addendum-heading { "Your signature on the " (casenote::i18n::isolated(&p.format_name)) " note: " (client) }
                        casenote-editor
                            endpoint={ (ROOT) "api/notes" }
                            addendum-to=(p.id)
                            addendum-to-hash=(hash)
                            addendum-to-date=(p.service.date)
                            addendum-to-author=[author.as_deref()]
                            addendum-kind="signature"
                            signing="required"
                            client-id=[Some(p.client.id.as_str()).filter(|c| !c.is_empty())]
                            client-name=[Some(p.client.name.as_str()).filter(|c| !c.is_empty())]
                            author-id=[by.map(|a| a.id.as_str()).filter(|v| !v.trim().is_empty())]
                            author-name=[by.map(|a| a.name.as_str()).filter(|v| !v.trim().is_empty())]
                            signer-entry="worker" {}
                    }
                    (original)
                }
            },
        ));
    }
    Ok(page(
        "Write an addendum",
        html! {
            h1 { "Write an addendum" }
            p.lead {
                "An addendum adds to a note that was sent: it corrects, clarifies or adds to it. "
                "The original is never changed. It is shown here, read only, beside your addendum."
            }
            div.side-by-side {
                (original)
                section.new-addendum aria-labelledby="addendum-heading" {
                    h2 #addendum-heading { "Your addendum to " (casenote::i18n::isolated(&p.format_name)) " note: " (client) }
                    casenote-editor
                        endpoint={ (ROOT) "api/notes" }
                        addendum-to=(p.id)
                        addendum-to-hash=(hash)
                        addendum-to-date=(p.service.date)
                        addendum-to-author=[author.as_deref()]
                        client-id=[Some(p.client.id.as_str()).filter(|c| !c.is_empty())]
                        client-name=[Some(p.client.name.as_str()).filter(|c| !c.is_empty())]
                        signer-entry="worker" {}
                }
            }
        },
    ))
}

/// The page for an id no stored note has.
pub fn not_found() -> String {
    page(
        "No such note",
        html! {
            h1 { "No such note" }
            p {
                "No note with this id is in the inbox, so no addendum can be written to it here. "
                "Go back to the inbox and choose Write an addendum on the note you mean."
            }
        },
    )
}

/// The page for a stored note that cannot be read.
pub fn unreadable() -> String {
    page(
        "This note cannot be read",
        html! {
            h1 { "This note cannot be read" }
            p {
                "The stored note is not casenote JSON v1, so no addendum can be linked to it. "
                "Its stored JSON is at api/notes; ask whoever runs this receiver."
            }
        },
    )
}
