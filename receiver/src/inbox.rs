//! The `/inbox` page: every received note. Written with maud, which escapes
//! every value spliced in, in text and attributes alike.

use maud::{html, Markup, DOCTYPE};
use serde_json::Value;

use crate::db::StoredNote;

/// The string at `path`, with NUL and the other control characters but
/// tab and newline shown as U+FFFD: a browser would drop or mangle them,
/// and no note needs them on a page.
fn str_at<'a>(v: &'a Value, path: &[&str]) -> std::borrow::Cow<'a, str> {
    let mut cur = v;
    for p in path {
        cur = &cur[*p];
    }
    let s = cur.as_str().unwrap_or("");
    let shown = |c: char| !c.is_control() || c == '\n' || c == '\t';
    if s.chars().all(shown) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(
            s.chars()
                .map(|c| if shown(c) { c } else { '\u{fffd}' })
                .collect(),
        )
    }
}

/// The page: the log's head (entries and hash), then the notes, newest
/// first.
pub fn render(notes: &[StoredNote], head: &(i64, String)) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Inbox: casenote reference receiver" }
                link rel="stylesheet" href="inbox.css";
                link rel="icon" href="favicon.svg" type="image/svg+xml";
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
                    @for n in notes.iter().rev() {
                        (note(n))
                    }
                }
            }
        }
    }
    .into_string()
}

fn note(n: &StoredNote) -> Markup {
    let v = &n.note;
    let end = str_at(v, &["service", "end"]);
    html! {
        article.note id={ "note-" (n.id) } data-note-id=(n.id) {
            h2 { (str_at(v, &["formatName"])) " note: " (str_at(v, &["client", "name"])) }
            dl {
                dt { "Date of service" }
                dd {
                    (str_at(v, &["service", "date"])) " " (str_at(v, &["service", "start"]))
                    @if !end.is_empty() { "–" } (end)
                }
                dt { "Received" }
                dd { (n.received_at) }
                dt { "Note id" }
                dd { code { (n.id) } }
            }
            @if let Some(a) = v.get("addendum").filter(|a| a.is_object()) {
                @let to = str_at(a, &["to"]);
                p.addendum {
                    "Addendum (" (str_at(a, &["kind"])) ") to note "
                    a href={ "#note-" (to) } { code { (to) } }
                    ". Reason: " (str_at(a, &["reason"]))
                }
            }
            @if v["timeliness"]["lateEntry"] == Value::Bool(true) {
                p.late { "Late entry. Reason: " (str_at(v, &["timeliness", "lateEntryReason"])) }
            }
            @for s in v["sections"].as_array().into_iter().flatten() {
                section {
                    h3 { (str_at(s, &["label"])) }
                    p.text { (str_at(s, &["text"])) }
                    @for q in s["quotes"].as_array().into_iter().flatten() {
                        @let context = str_at(q, &["context"]);
                        blockquote {
                            p { "“" (str_at(q, &["text"])) "”" }
                            footer {
                                (speaker_label(&str_at(q, &["speaker"])))
                                @if !context.is_empty() { ", " (context) }
                            }
                        }
                    }
                }
            }
            @if let Some(sig) = v.get("signature").filter(|s| s.is_object()) {
                p.signature {
                    "Signed by " (str_at(sig, &["signerName"])) " (" (str_at(sig, &["signerId"]))
                    ") at " (str_at(sig, &["signedAt"])) ". SHA-256 "
                    code { (str_at(sig, &["contentHash"])) }
                }
            }
        }
    }
}

fn speaker_label(s: &str) -> &str {
    match s {
        "familyMember" => "Family member",
        "collateralContact" => "Collateral contact",
        "other" => "Other",
        _ => "Client",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_everywhere() {
        let note = serde_json::json!({
            "formatName": "SOAP",
            "client": {"name": "<script>alert(1)</script>"},
            "service": {"date": "2026-11-26"},
            "sections": [{"label": "Subjective", "text": "a & b <img src=x onerror=alert(1)>",
                          "quotes": [{"text": "\"hi\"", "speaker": "client", "context": "<b>x</b>"}]}]
        });
        let html = render(
            &[StoredNote {
                seq: 1,
                id: "id\"><x".into(),
                idempotency_key: "k".into(),
                received_at: "t".into(),
                note,
            }],
            &(1, "h".into()),
        );
        assert!(!html.contains("<script>alert"));
        assert!(!html.contains("<img"));
        assert!(!html.contains("<b>x"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("a &amp; b &lt;img"));
        assert!(html.contains("“&quot;hi&quot;”"));
        assert!(html.contains("data-note-id=\"id&quot;&gt;&lt;x\""));
        // The site's icon, so browsers do not ask for a missing /favicon.ico.
        assert!(html.contains("<link rel=\"icon\" href=\"favicon.svg\""));
    }

    /// A `<script>` anywhere in a note comes out as text, and the page has
    /// no script or style of its own, so it works under the receiver's CSP.
    #[test]
    fn a_script_in_a_note_is_escaped() {
        let evil = "</p><script>alert(1)</script>";
        let note = serde_json::json!({
            "formatName": evil,
            "client": {"name": evil},
            "service": {"date": evil, "start": evil, "end": evil},
            "addendum": {"kind": evil, "to": evil, "reason": evil},
            "timeliness": {"lateEntry": true, "lateEntryReason": evil},
            "sections": [{"label": evil, "text": evil,
                          "quotes": [{"text": evil, "speaker": "client", "context": evil}]}],
            "signature": {"signerName": evil, "signerId": evil, "signedAt": evil, "contentHash": evil}
        });
        let html = render(
            &[StoredNote {
                seq: 1,
                id: evil.into(),
                idempotency_key: "k".into(),
                received_at: evil.into(),
                note,
            }],
            &(1, "h".into()),
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(
            !html.contains("<style") && !html.contains(" style="),
            "{html}"
        );
        let escaped = "&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
        // Every place a value goes: 19 in text, 3 in attributes.
        assert_eq!(html.matches(escaped).count(), 22, "{html}");
    }
}

#[cfg(test)]
mod head_tests {
    use super::*;

    /// NUL characters came through to the page.
    #[test]
    fn control_characters_are_not_passed_through() {
        let note = serde_json::json!({
            "formatName": "SOAP", "client": {"name": "Jo\u{0}"},
            "sections": [{"label": "S", "text": "a\u{0}b\u{1b}c\td\ne"}]
        });
        let html = render(
            &[StoredNote {
                seq: 1,
                id: "n".into(),
                idempotency_key: "k".into(),
                received_at: "t".into(),
                note,
            }],
            &(1, "h".into()),
        );
        assert!(
            !html.contains('\u{0}') && !html.contains('\u{1b}'),
            "{html:?}"
        );
        assert!(html.contains("a\u{fffd}b\u{fffd}c\td\ne"), "{html:?}");
        assert!(html.contains("Jo\u{fffd}"));
    }

    #[test]
    fn the_page_shows_the_logs_head() {
        let html = render(&[], &(2, "ab".repeat(32)));
        assert!(
            html.contains(&format!(
                "Log: 2 entries, head <code>{}</code>",
                "ab".repeat(32)
            )),
            "{html}"
        );
    }
}
