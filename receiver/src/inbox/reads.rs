//! A note's access log as an auditor reads it in the inbox: who read the
//! note, when, how and from where, newest first.

use maud::{html, Markup};

use super::details::time;
use crate::reads::{How, Read};

/// How a read is said.
fn how(h: How) -> &'static str {
    match h {
        How::Inbox => "in the inbox",
        How::Api => "through the API",
        How::AddendumPage => "on its addendum page",
    }
}

/// The access log of one note, under a heading at level 3.
pub(crate) fn access_log(reads: &[Read]) -> Markup {
    html! {
        section.access-log {
            h3 { "Access log" }
            @if reads.is_empty() {
                p { "No read of this note is logged." }
            } @else {
                ol {
                    @for r in reads {
                        li {
                            bdi { (r.who) } " read it " (how(r.how)) ", " (time(&r.at))
                            ", from " bdi { (r.from) } "."
                        }
                    }
                }
            }
        }
    }
}
