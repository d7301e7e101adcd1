//! `/inbox/reviews`: the review queue. Every note awaiting a supervisor's
//! review (sent with `reviewRequired`, or a revision) that no review names
//! yet, oldest first, with how long it has waited, and the way to it.

use casenote_format::PayloadV1;
use casenote_text::{tr, Catalog, Lang};
use maud::html;

use super::{document, name_and_id, path_segment, shown_payload, utc_text};
use crate::db::StoredNote;

/// The most notes the queue lists on one page.
pub const QUEUE_SIZE: usize = 200;

/// Whole days from `received_at` to `now` (0 for a time that is not one).
fn days_waiting(received_at: &str, now: chrono::DateTime<chrono::Utc>) -> i64 {
    chrono::DateTime::parse_from_rfc3339(received_at)
        .map(|t| (now - t.with_timezone(&chrono::Utc)).num_days().max(0))
        .unwrap_or(0)
}

/// The queue's page, in the reader's language, at `now`.
pub fn render(notes: &[StoredNote], now: chrono::DateTime<chrono::Utc>, lang: Lang) -> String {
    let shown: Vec<(&StoredNote, Option<PayloadV1>)> =
        notes.iter().map(|n| (n, shown_payload(&n.note))).collect();
    let main = html! {
        h1 { (lang.t("inbox-queue-title")) }
        p {
            @if notes.is_empty() {
                (lang.t("inbox-queue-empty"))
            } @else {
                (tr!(lang, "inbox-queue-count", n = notes.len()))
            }
            " " a href="../inbox" { (lang.t("inbox-title")) }
        }
        @if !notes.is_empty() {
            ol.review-queue {
                @for (n, p) in &shown {
                    li data-note-id=(n.id) {
                        @match p {
                            Some(p) => {
                                strong { (tr!(lang, "record-title-listed",
                                    format = casenote_text::isolated(&p.format_name).into_owned(),
                                    client = name_and_id(&p.client.name, &p.client.id))) }
                                ", " (p.service.date)
                                @if let Some(a) = &p.author {
                                    ", " (name_and_id(&a.name, &a.id))
                                }
                                @if p.revises.is_some() {
                                    ". " (lang.t("inbox-revises"))
                                }
                            }
                            None => { code { (n.id) } }
                        }
                        ". "
                        span.waiting {
                            (tr!(lang, "inbox-queue-waiting", days = days_waiting(&n.received_at, now)))
                            " (" time datetime=(n.received_at) { (utc_text(&n.received_at)) } ")"
                        }
                        " "
                        a href={ "../inbox?note=" (path_segment(&n.id)) "#note-" (n.id) } {
                            (lang.t("inbox-queue-open"))
                        }
                    }
                }
            }
        }
    };
    document(lang, &lang.t("inbox-queue-title"), "../", main).into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_whole_and_never_negative() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(days_waiting("2026-11-27T11:00:00Z", now), 2);
        assert_eq!(days_waiting("2026-11-30T09:00:00Z", now), 0);
        assert_eq!(days_waiting("2026-12-01T09:00:00Z", now), 0);
        assert_eq!(days_waiting("soon", now), 0);
    }
}
