//! What a note holds beyond what its record shows: ids, when it was started,
//! documented and received, its codes and its hashes. With the record, the
//! inbox shows every member of the payload.

use casenote_format::PayloadV1;
use casenote_text::tr;
use casenote_text::Lang;
use maud::{html, Markup};

use super::utc_text;
use crate::db::StoredNote;
use casenote_text::Catalog;

/// A `<time>` of the RFC 3339 time `t`, in UTC until `inbox.js` runs.
pub(crate) fn time(t: &str) -> Markup {
    html! { time datetime=(t) { (utc_text(t)) } }
}

/// Hours as the record prints them: whole, or to one decimal.
fn hours(h: f64) -> String {
    casenote_text::render::hours_text(h, if h.fract() == 0.0 { 0 } else { 1 })
}

/// A UTC offset in minutes east, as `UTC+01:00`.
fn offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

/// The details list of stored note `n`, whose payload is `p`, under a
/// heading at `level`, in `lang`.
pub(crate) fn details(n: &StoredNote, p: &PayloadV1, level: u8, lang: Lang) -> Markup {
    let title = lang.t("inbox-details");
    let codes: Vec<String> = p
        .sections
        .iter()
        .filter_map(|s| Some(format!("{} {}", s.label, s.loinc.as_deref()?)))
        .collect();
    html! {
        section.record-details {
            @match level {
                3 => h3 { (title) },
                _ => h4 { (title) },
            }
            dl {
                dt { (lang.t("inbox-note-id")) } dd { code { (p.id) } }
                dt { (lang.t("inbox-received-at")) } dd { (time(&n.received_at)) }
                dt { (lang.t("inbox-started")) } dd { (time(&p.created_at)) }
                dt { (lang.t("inbox-documented")) } dd { (time(&p.documented_at)) }
                dt { (lang.t("inbox-schema")) } dd { code { (p.schema) } }
                dt { (lang.t("inbox-format-key")) } dd { code { (p.format) } }
                dt { (lang.t("inbox-document-type")) } dd {
                    (p.document_type.display) " (" code { (p.document_type.system) } " " code { (p.document_type.code) } ")"
                }
                @if !codes.is_empty() {
                    dt { (lang.t("inbox-section-codes")) } dd { (codes.join(", ")) }
                }
                @if let Some(t) = &p.timeliness {
                    dt { (lang.t("inbox-timeliness")) } dd {
                        @if let Some(h) = t.hours_after_service {
                            (tr!(lang, "inbox-hours-after", hours = hours(h))) " "
                        }
                        (tr!(lang, "inbox-late-after", hours = hours(t.late_entry_threshold_hours)))
                        " " @if t.late_entry { (lang.t("inbox-late")) } @else { (lang.t("inbox-not-late")) }
                        @if let Some(m) = t.utc_offset_minutes {
                            (tr!(lang, "inbox-clock", offset = offset(m)))
                        }
                        @if t.documented_at != p.documented_at {
                            (lang.t("inbox-documented-at")) " " (time(&t.documented_at))
                        }
                    }
                }
                @if let Some(a) = &p.addendum {
                    @if let Some(h) = &a.to_hash {
                        dt { (lang.t("inbox-original-hash")) } dd { code { (h) } }
                    }
                }
                dt { (lang.t("inbox-content-hash")) } dd { code { (p.content_hash) } }
                @if let Some(h) = p.signature.as_ref().and_then(|s| s.signature_hash.as_ref()) {
                    dt { (lang.t("inbox-signature-hash")) } dd { code { (h) } }
                }
            }
        }
    }
}
