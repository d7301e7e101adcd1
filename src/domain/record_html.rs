//! The note as a document: a header with who, when and what, each section
//! under its heading with quotes set off, goals, interventions, the
//! late-entry label and the signature block. An unsigned note is marked as
//! a draft. The editor prints it and the receiver's inbox shows it; maud
//! escapes every value, so a note's text is always text. Times are
//! `<time datetime>` elements whose text comes through `local`, which the
//! shell gives (the reader's time zone is not the domain's to know).
//! Printed, the record is its page ([`record_html`]); in a list of notes
//! its headings sit lower, its title names the client and note ids link
//! ([`record_html_placed`] with [`Placement::Listed`]).
//!
//! ```
//! use casenote::domain::record_html::record_html;
//! use casenote::domain::{BuildContext, Note, PayloadV1, Template};
//! let mut n = Note::new("id".into(), "soap", "2026-11-26T09:00:00Z".into());
//! n.section_mut("plan").text = "Call <Friday>".into();
//! let p = PayloadV1::build(&n, &Template::soap(), &BuildContext::at("2026-11-26T10:00:00Z"));
//! let html = record_html(&p, &|t: &str| t.to_string()).into_string();
//! assert!(html.contains("<h2>Plan</h2>"));
//! assert!(html.contains("Call &lt;Friday&gt;"));
//! assert!(html.contains("DRAFT"));
//! ```

use maud::{html, Markup};

use super::payload::PayloadV1;
use super::render::hours_text;
use super::Speaker;
use crate::i18n::Lang;

/// "Name (id)", or whichever of the two is there.
fn name_and_id(name: &str, id: &str, id_label: &str) -> String {
    match (name.trim(), id.trim()) {
        ("", id) => id.to_string(),
        (name, "") => name.to_string(),
        (name, id) => format!("{name} ({id_label}{id})"),
    }
}

/// When the service took place: its date, times and length.
fn service_text(p: &PayloadV1) -> String {
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
        when.push_str(&format!(" ({m} minutes)"));
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

/// `p` as a document, the page's one record. `local` turns an RFC 3339
/// time into the reader's local time.
pub fn record_html(p: &PayloadV1, local: &dyn Fn(&str) -> String) -> Markup {
    record_html_placed(p, local, Placement::Alone)
}

/// `p` as a document placed as `placement` says.
pub fn record_html_placed(
    p: &PayloadV1,
    local: &dyn Fn(&str) -> String,
    placement: Placement,
) -> Markup {
    let client = name_and_id(&p.client.name, &p.client.id, "ID ");
    let author = p
        .author
        .as_ref()
        .map(|a| name_and_id(&a.name, &a.id, ""))
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
        None => html! { (p.format_name) " note" },
        Some(_) => html! { (p.format_name) " note: " (client) },
    };
    let sub = |content: Markup| heading(level + 1, content);
    html! {
        article.print-document.draft[p.signature.is_none()] {
            @if p.signature.is_none() {
                p.draft-mark { "DRAFT: not signed" }
            }
            header.print-header {
                (heading(level, title))
                dl {
                    dt { "Client" } dd { (client) }
                    dt { "Date of service" } dd { (service_text(p)) }
                    dt { "Format" } dd { (p.format_name) " (" (p.document_type.display) ")" }
                    @if let Some(a) = &author {
                        dt { "Written by" } dd { (a) }
                    }
                    @if let Some(m) = p.contact_mode {
                        dt { "Contact" } dd { (m.label(Lang::En)) }
                    }
                    @if let Some(l) = &p.location {
                        dt { "Location" } dd { (l) }
                    }
                    @if !p.participants.is_empty() {
                        dt { "Participants" }
                        @for x in &p.participants { dd { (x.describe(Lang::En)) } }
                    }
                }
                @if let Some(a) = &p.addendum {
                    p.print-label.addendum {
                        "Addendum (" (a.kind.label(Lang::En)) ") to note "
                        @match href {
                            Some(href) => { a href=(href(&a.to)) { code { (a.to) } } }
                            None => { (a.to) }
                        }
                        ". Reason: " (a.reason)
                    }
                }
                @if let Some(t) = late {
                    p.print-label {
                        "Late entry: documented "
                        (t.hours_after_service.map(|h| hours_text(h, 1)).unwrap_or_else(|| "?".into()))
                        " hours after the service. Reason: "
                        (t.late_entry_reason.as_deref().unwrap_or(""))
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
                            blockquote { "“" (q.text) "”" }
                            figcaption {
                                (q.speaker.label(Lang::En))
                                @if let Some(c) = q.context.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                                    ", " (c)
                                }
                            }
                        }
                    }
                }
            }
            @if !p.goals.is_empty() {
                section.print-section {
                    (sub(html! { "Goals addressed" }))
                    ul { @for g in &p.goals { li { (g.text) ": " (g.progress.label(Lang::En)) } } }
                }
            }
            @if let Some(c) = &p.challenges {
                section.print-section {
                    (sub(html! { "Challenges and barriers" }))
                    p.print-text { (c) }
                }
            }
            @if !p.interventions.is_empty() {
                section.print-section {
                    (sub(html! { "Interventions" }))
                    ol {
                        @for iv in &p.interventions {
                            li {
                                p { (iv.description) }
                                @if !iv.rationale.is_empty() { p { "Why: " (iv.rationale) } }
                                @if iv.deviates { p { "Departs from standard procedure (reason above)." } }
                                @if !iv.client_response.is_empty() { p { "Client's response: " (iv.client_response) } }
                            }
                        }
                    }
                }
            }
            @if !p.follow_ups.is_empty() {
                section.print-section {
                    (sub(html! { "Follow-ups" }))
                    ul { @for f in &p.follow_ups { li { (f.describe(Lang::En)) } } }
                }
            }
            @if !p.previous_follow_ups.is_empty() {
                section.print-section {
                    (sub(html! { "Follow-ups from the previous note" }))
                    ul { @for m in &p.previous_follow_ups { li { (m.describe(Lang::En)) } } }
                }
            }
            section.print-signature {
                (sub(html! { "Signature" }))
                @match &p.signature {
                    Some(sig) => {
                        p.attestation { (sig.attestation) }
                        p {
                            "Signed by " (name_and_id(&sig.signer_name, &sig.signer_id, "")) " at "
                            time datetime=(sig.signed_at) { (local(&sig.signed_at)) } "."
                        }
                        p.hash { "Content SHA-256: " (sig.content_hash) }
                    }
                    None => {
                        p { "Not signed. This is a draft, not the record." }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures;
    use crate::domain::record::Signature;

    fn doc(p: &PayloadV1) -> String {
        record_html(p, &|t: &str| format!("local({t})")).into_string()
    }

    #[test]
    fn a_signed_note_has_its_header_sections_quotes_and_signature() {
        let mut p = fixtures::rich_payload();
        p.signature = Some(Signature {
            signer_id: "W-7".into(),
            signer_name: "Sam Rivera".into(),
            signed_at: "2026-11-26T10:00:00Z".into(),
            attestation: "I attest.".into(),
            content_hash: "ab".repeat(32),
            signature_hash: None,
        });
        let html = doc(&p);
        assert!(!html.contains("DRAFT"), "{html}");
        assert!(
            html.contains(&format!("<h1>{} note</h1>", p.format_name)),
            "{html}"
        );
        assert!(html.contains(
            r#"Signed by Sam Rivera (W-7) at <time datetime="2026-11-26T10:00:00Z">local(2026-11-26T10:00:00Z)</time>."#
        ));
        assert!(html.contains(&format!("Content SHA-256: {}", "ab".repeat(32))));
        for s in p.sections.iter().filter(|s| !s.text.trim().is_empty()) {
            assert!(
                html.contains(&format!("<h2>{}</h2>", s.label)),
                "{}",
                s.label
            );
        }
        assert!(html.contains("<blockquote>"));
    }

    #[test]
    fn an_unsigned_note_is_a_draft_and_empty_sections_are_left_out() {
        let mut p = fixtures::rich_payload();
        p.signature = None;
        p.sections[1].text = "  ".into();
        p.sections[1].quotes.clear();
        let html = doc(&p);
        assert!(
            html.contains(r#"<p class="draft-mark">DRAFT: not signed</p>"#),
            "{html}"
        );
        assert!(html.contains("Not signed."));
        assert!(!html.contains(&format!("<h2>{}</h2>", p.sections[1].label)));
    }

    #[test]
    fn every_value_is_escaped() {
        let mut p = fixtures::rich_payload();
        p.client.name = "<script>alert(1)</script>".into();
        p.sections[0].text = "a & b <img src=x onerror=alert(1)>".into();
        let html = doc(&p);
        assert!(!html.contains("<script>"));
        assert!(!html.contains("<img"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("a &amp; b &lt;img"));
    }

    #[test]
    fn listed_it_names_the_client_sits_a_level_lower_and_links_the_original() {
        let p = fixtures::rich_payload();
        let href = |id: &str| format!("#note-{id}");
        let listed = Placement::Listed {
            level: 2,
            href: &href,
        };
        let html = record_html_placed(&p, &|t: &str| t.to_string(), listed).into_string();
        assert!(
            html.contains("<h2>SOAP note: Jo Ünïcode 👋 (ID C-1)</h2>"),
            "{html}"
        );
        assert!(!html.contains("<h1>"), "{html}");
        for h in [
            "Subjective",
            "Goals addressed",
            "Interventions",
            "Signature",
        ] {
            assert!(html.contains(&format!("<h3>{h}</h3>")), "{h}: {html}");
        }
        let to = "1f8fad5b-d9cb-469f-a165-70867728950e";
        assert!(
            html.contains(&format!(
                r##"<p class="print-label addendum">Addendum (Late entry) to note <a href="#note-{to}"><code>{to}</code></a>. Reason: Forgot</p>"##
            )),
            "{html}"
        );
        // Printed, the id is text: there is nowhere to go.
        let printed = doc(&p);
        assert!(
            printed.contains(&format!("to note {to}. Reason")),
            "{printed}"
        );
        assert!(!printed.contains("<a "), "{printed}");
    }

    #[test]
    fn goals_challenges_interventions_and_the_late_entry_are_shown() {
        let html = doc(&fixtures::rich_payload());
        assert!(html.contains("<li>Housing: Not assessed</li>"), "{html}");
        assert!(html.contains("Transport"), "{html}");
        assert!(html.contains("<p>Referral</p>"), "{html}");
        assert!(html.contains("Client's response: Agreed"), "{html}");
        assert!(html.contains("Departs from standard procedure"), "{html}");
        assert!(
            html.contains("Late entry: documented 26.5 hours after the service. Reason: Outage"),
            "{html}"
        );
    }

    #[test]
    fn an_unsigned_note_still_says_who_wrote_it() {
        let mut p = fixtures::rich_payload();
        p.signature = None;
        let html = doc(&p);
        assert!(
            html.contains("<dt>Written by</dt><dd>Sam &quot;Sammy&quot; O'Neil (W-7)</dd>"),
            "{html}"
        );
    }

    #[test]
    fn shows_contact_participants_and_follow_ups() {
        let html = doc(&fixtures::contact_payload());
        assert!(
            html.contains("<dt>Contact</dt><dd>Home visit</dd>"),
            "{html}"
        );
        assert!(html.contains("<dt>Location</dt><dd>Client's home</dd>"));
        assert!(html.contains("<dt>Participants</dt><dd>Jo Ünïcode (Client)</dd><dd>Rosa &quot;Ro&quot; Diaz (Interpreter)</dd>"));
        assert!(html
            .contains("<h2>Follow-ups</h2><ul><li>Call the landlord (Worker, by 2026-12-03)</li>"));
        assert!(html.contains("<h2>Follow-ups from the previous note</h2><ul><li>Apply for the bus pass: Not done (Office closed)</li>"));
    }
}
