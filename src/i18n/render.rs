//! The note as plain text: the preview, "copy as text", and the FHIR
//! text/plain content all use this one rendering. Quotes appear verbatim in
//! quotation marks, with who said them. Its fixed words are in the
//! note's language (`record.ftl`).

use std::fmt::Write;

use crate::labels::{Describe, Label};
use crate::tr;
use crate::Catalog;
use casenote_format::payload::PayloadV1;
use casenote_format::review::Standing;
use casenote_format::Lang;
use casenote_format::Speaker;

/// A heading of the text, underlined rather than upper-cased: a label may
/// be in any script, and this keeps Unicode case tables out of the bundle.
fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}\n{}", "-".repeat(title.chars().count()));
}

/// "45 minutes", in `lang`.
pub fn minutes_text(minutes: i64, lang: Lang) -> String {
    tr!(lang, "record-minutes", n = minutes)
}

fn attribution(speaker: Speaker, context: Option<&str>, lang: Lang) -> String {
    match context.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => format!("{}, {c}", speaker.label(lang)),
        None => speaker.label(lang),
    }
}

/// Renders `p` as plain text, its words in `lang`.
pub fn plain_text(p: &PayloadV1, lang: Lang) -> String {
    let mut out = String::new();
    let client = if p.client.name.trim().is_empty() {
        p.client.id.as_str()
    } else {
        p.client.name.as_str()
    };
    let title = tr!(
        lang,
        "record-title-listed",
        format = p.format_name.as_str(),
        client = client
    );
    let _ = writeln!(out, "{title}");
    let mut when = format!("{}: {}", lang.t("record-service-date"), p.service.date);
    if let Some(start) = &p.service.start {
        let _ = write!(when, ", {start}");
        if let Some(end) = &p.service.end {
            let _ = write!(when, "–{end}");
        }
    }
    if let Some(m) = p.service.duration_minutes {
        let _ = write!(when, " ({})", minutes_text(m, lang));
    }
    let _ = writeln!(out, "{when}");
    if let Some(a) = &p.author {
        let who = if a.name.is_empty() { &a.id } else { &a.name };
        if !who.is_empty() {
            let _ = writeln!(out, "{}: {who}", lang.t("record-written-by"));
        }
    }
    for line in contact_lines(p, lang) {
        let _ = writeln!(out, "{line}");
    }
    if let Some(a) = &p.addendum {
        let line = tr!(
            lang,
            "record-text-addendum",
            kind = a.kind.label(lang),
            to = a.to.as_str(),
            reason = a.reason.as_str()
        );
        let _ = writeln!(out, "{line}");
    }
    if let Some(line) = review_line(p, lang) {
        let _ = writeln!(out, "{line}");
    }
    if let Some(t) = &p.timeliness {
        if t.late_entry {
            let line = tr!(
                lang,
                "record-text-late-entry",
                hours = t
                    .hours_after_service
                    .map(|h| hours_text(h, 1))
                    .unwrap_or_else(|| "?".into()),
                reason = t.late_entry_reason.as_deref().unwrap_or("")
            );
            let _ = writeln!(out, "{line}");
        }
    }
    for s in &p.sections {
        heading(&mut out, &s.label);
        if !s.text.trim().is_empty() {
            let _ = writeln!(out, "{}", s.text.trim_end());
        }
        for q in &s.quotes {
            let _ = writeln!(
                out,
                "  “{}” ({})",
                q.text,
                attribution(q.speaker, q.context.as_deref(), lang)
            );
        }
    }
    if !p.goals.is_empty() {
        heading(&mut out, &lang.t("record-goals"));
        for g in &p.goals {
            let _ = writeln!(out, "- {}: {}", g.text, g.progress.label(lang));
        }
    }
    if let Some(c) = &p.challenges {
        heading(&mut out, &lang.t("record-challenges"));
        let _ = writeln!(out, "{c}");
    }
    if !p.interventions.is_empty() {
        heading(&mut out, &lang.t("record-interventions"));
        for (i, iv) in p.interventions.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, iv.description);
            if !iv.rationale.is_empty() {
                let why = tr!(lang, "record-why", why = iv.rationale.as_str());
                let _ = writeln!(out, "   {why}");
            }
            if !iv.client_response.is_empty() {
                let response = tr!(
                    lang,
                    "record-client-response",
                    response = iv.client_response.as_str()
                );
                let _ = writeln!(out, "   {response}");
            }
            if iv.deviates {
                let _ = writeln!(out, "   {}", lang.t("record-deviates"));
            }
        }
    }
    if !p.follow_ups.is_empty() {
        heading(&mut out, &lang.t("record-follow-ups"));
        for f in &p.follow_ups {
            let _ = writeln!(out, "- {}", f.describe(lang));
        }
    }
    if !p.previous_follow_ups.is_empty() {
        heading(&mut out, &lang.t("record-previous-follow-ups"));
        for m in &p.previous_follow_ups {
            let _ = writeln!(out, "- {}", m.describe(lang));
        }
    }
    if let Some(sig) = &p.signature {
        let who = if sig.signer_name.is_empty() {
            &sig.signer_id
        } else {
            &sig.signer_name
        };
        heading(&mut out, &lang.t("record-signature"));
        let signed = tr!(
            lang,
            "record-text-signed-by",
            name = who.as_str(),
            id = sig.signer_id.as_str(),
            at = sig.signed_at.as_str()
        );
        let hash = tr!(
            lang,
            "record-content-hash",
            hash = sig.content_hash.as_str()
        );
        let _ = writeln!(out, "{}\n{signed}\n{hash}", sig.attestation);
    }
    out
}

/// How, where and with whom the contact took place, as "Label: value"
/// lines (only those given): the plain text and the printed record's
/// header both say them.
/// Where the note stands in review as it was sent (a receiver that holds
/// its reviews says more): awaiting a supervisor's review, or a revision
/// of a returned note awaiting it. `None` for a note that asks for none.
pub fn review_line(p: &PayloadV1, lang: Lang) -> Option<String> {
    let standing = Standing::of(p, &[]);
    (standing != Standing::NotRequired).then(|| standing_text(p, standing, lang))
}

/// Where the note stands in review, in words.
pub fn standing_text(p: &PayloadV1, standing: Standing, lang: Lang) -> String {
    match standing {
        Standing::NotRequired => String::new(),
        Standing::AwaitingReview => lang.t("record-review-awaiting"),
        Standing::RevisedAwaitingReview => {
            let to = p.revises.as_ref().map_or("", |r| r.to.as_str());
            tr!(lang, "record-review-revised", to = to)
        }
        Standing::Returned => lang.t("record-review-returned"),
        Standing::CoSigned => lang.t("record-review-cosigned"),
    }
}

pub fn contact_lines(p: &PayloadV1, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(m) = p.contact_mode {
        lines.push(format!("{}: {}", lang.t("record-contact"), m.label(lang)));
    }
    if let Some(l) = &p.location {
        lines.push(format!("{}: {l}", lang.t("record-location")));
    }
    if !p.participants.is_empty() {
        let who: Vec<String> = p.participants.iter().map(|x| x.describe(lang)).collect();
        lines.push(format!(
            "{}: {}",
            lang.t("record-participants"),
            who.join("; ")
        ));
    }
    lines
}

/// `hours` rounded to `decimals` (0 or 1) places. Integer arithmetic, so
/// the bundle does not carry the float formatter.
pub fn hours_text(hours: f64, decimals: u32) -> String {
    let scale = 10i64.pow(decimals);
    let n = (hours * scale as f64).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let (whole, part) = (n.abs() / scale, n.abs() % scale);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_rounded_without_float_formatting() {
        assert_eq!(hours_text(26.04, 1), "26.0");
        assert_eq!(hours_text(26.05, 1), "26.1");
        assert_eq!(hours_text(0.0, 1), "0.0");
        assert_eq!(hours_text(-1.25, 1), "-1.3");
        assert_eq!(hours_text(47.5, 0), "48");
        assert_eq!(hours_text(24.0, 0), "24");
    }
    use casenote_format::payload::BuildContext;
    use casenote_format::{GoalProgress, Intervention, Note, Progress, Quote, Template};

    /// A note sent for review says so, as a revision does, in the note's
    /// language; the printed record says the same.
    #[test]
    fn a_note_sent_for_review_says_it_awaits_one() {
        let mut p = casenote_format::fixtures::soap_payload();
        assert_eq!(review_line(&p, Lang::En), None);
        p.review_required = true;
        p.canonical_version = 5;
        let p = p.with_hash();
        let text = plain_text(&p, Lang::En);
        assert!(
            text.contains("\nAwaiting a supervisor's review\n"),
            "{text}"
        );
        assert!(plain_text(&p, Lang::Es).contains("\nPendiente de revisión por un supervisor\n"));
        let html = crate::record_html::record_html(&p, Lang::En, &|t| t.to_string()).into_string();
        assert!(html.contains("Awaiting a supervisor's review"), "{html}");
        let mut r = p.clone();
        r.revises = Some(casenote_format::review::RevisionLink {
            to: "11111111-1111-4111-8111-111111111111".into(),
            to_hash: "ab".repeat(32),
            review: "22222222-2222-4222-8222-222222222222".into(),
            responses: vec![],
        });
        assert_eq!(
            review_line(&r, Lang::En).unwrap(),
            "Revision of note 11111111-1111-4111-8111-111111111111, which was returned: awaiting a supervisor's review"
        );
    }

    #[test]
    fn renders_sections_quotes_goals_and_interventions() {
        let mut n = Note::new(
            "0f8fad5b-d9cb-469f-a165-70867728950e".into(),
            "soap",
            "t".into(),
        );
        n.client.name = "Jo <b>Client</b>".into();
        n.service.date = "2026-11-20".into();
        n.service.start = "09:00".into();
        n.service.end = "09:45".into();
        n.section_mut("subjective").text = "Feels low.".into();
        n.section_mut("subjective").quotes.push(Quote {
            text: "I want my kids back".into(),
            speaker: Speaker::Client,
            context: Some("on reunification".into()),
            in_text: false,
        });
        n.section_mut("plan").quotes.push(Quote {
            text: "We'll drive her".into(),
            speaker: Speaker::FamilyMember,
            context: None,
            in_text: false,
        });
        n.goals.push(GoalProgress {
            id: "G1".into(),
            text: "Stable housing".into(),
            progress: Progress::Unchanged,
        });
        n.interventions.push(Intervention {
            description: "Safety planning".into(),
            rationale: "Raised risk".into(),
            client_response: "Agreed to plan".into(),
            deviates: true,
        });
        let text = plain_text(
            &PayloadV1::build(&n, &Template::soap(), &BuildContext::at("t")),
            Lang::En,
        );
        assert!(text.starts_with(
            "SOAP note: Jo <b>Client</b>\nDate of service: 2026-11-20, 09:00–09:45 (45 minutes)\n"
        ));
        assert!(text.contains(
            "\nSubjective\n----------\nFeels low.\n  “I want my kids back” (Client, on reunification)\n"
        ));
        assert!(text.contains("\nPlan\n----\n  “We'll drive her” (Family member)\n"));
        assert!(text.contains("\nGoals addressed\n---------------\n- Stable housing: Unchanged\n"));
        assert!(text.contains("1. Safety planning\n   Why: Raised risk\n   Client's response: Agreed to plan\n   Departs"));
    }

    #[test]
    fn in_spanish_its_fixed_words_are_spanish() {
        let p = casenote_format::fixtures::rich_payload();
        let text = plain_text(&p, Lang::Es);
        assert!(
            text.starts_with(&format!("Nota {}: ", p.format_name)),
            "{text}"
        );
        assert!(text.contains("\nFecha del servicio: "), "{text}");
        assert!(
            text.contains("ANOTACIÓN TARDÍA: registrada 26.5 horas"),
            "{text}"
        );
        assert!(
            text.contains("\nMetas trabajadas\n----------------\n"),
            "{text}"
        );
        assert!(text.contains("   Respuesta del cliente: Agreed"), "{text}");
        assert!(!text.contains("Goals"), "{text}");
        assert_eq!(minutes_text(1, Lang::Es), "1 minuto");
        assert_eq!(minutes_text(45, Lang::En), "45 minutes");
    }

    #[test]
    fn says_who_took_part_how_where_and_what_comes_next() {
        let p = casenote_format::fixtures::contact_payload();
        let text = plain_text(&p, Lang::En);
        assert!(text.contains("Written by: Sam \"Sammy\" O'Neil\nContact: Home visit\nLocation: Client's home\nParticipants: Jo Ünïcode (Client); Rosa \"Ro\" Diaz (Interpreter)\n"), "{text}");
        assert!(text.contains("\nFollow-ups\n----------\n- Call the landlord (Worker, by 2026-12-03)\n- Bring the lease (Ms Reyes, by 2026-12-09)\n"));
        assert!(text.contains("- Apply for the bus pass: Not done (Office closed)\n"));
    }
}
