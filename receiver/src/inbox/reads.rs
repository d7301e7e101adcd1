//! A note's access log as an auditor reads it in the inbox: who read the
//! note, when, how and from where, newest first.

use casenote_text::Lang;
use maud::{html, Markup};

use super::details::time;
use crate::reads::{How, Read};
use casenote_text::Catalog;

/// How a read is said.
fn how(h: How, lang: Lang) -> String {
    match h {
        How::Inbox => lang.t("inbox-read-in-inbox"),
        How::Api => lang.t("inbox-read-api"),
        How::AddendumPage => lang.t("inbox-read-addendum-page"),
    }
}

/// The access log of one note, under a heading at level 3, in `lang`.
pub(crate) fn access_log(reads: &[Read], lang: Lang) -> Markup {
    html! {
        section.access-log {
            h3 { (lang.t("inbox-access-log")) }
            @if reads.is_empty() {
                p { (lang.t("inbox-no-reads")) }
            } @else {
                ol {
                    @for r in reads {
                        li {
                            bdi { (r.who) } " " (lang.t("inbox-read-it")) " " (how(r.how, lang)) ", " (time(&r.at))
                            ", " (lang.t("inbox-read-from")) " " bdi { (r.from) } "."
                        }
                    }
                }
            }
        }
    }
}
