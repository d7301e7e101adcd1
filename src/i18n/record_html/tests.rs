//! The printed record's tests.
use super::*;
use casenote_format::fixtures;
use casenote_format::record::Signature;

fn doc(p: &PayloadV1) -> String {
    record_html(p, Lang::En, &|t: &str| format!("local({t})")).into_string()
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
    let html = record_html_placed(&p, Lang::En, &|t: &str| t.to_string(), listed).into_string();
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
fn in_spanish_its_fixed_words_are_spanish() {
    let mut p = fixtures::rich_payload();
    p.signature = None;
    let html = record_html(&p, Lang::Es, &|t: &str| t.to_string()).into_string();
    for words in [
        "BORRADOR: sin firmar",
        "<dt>Cliente</dt><dd>Jo Ünïcode 👋 (ID C-1)</dd>",
        "<dt>Fecha del servicio</dt>",
        "<dt>Escrita por</dt>",
        "Anotación tardía: registrada 26.5 horas después del servicio. Motivo: Outage",
        "<h2>Metas trabajadas</h2>",
        "<h2>Intervenciones</h2>",
        "Respuesta del cliente: Agreed",
        "<h2>Firma</h2>",
        "Sin firmar. Esto es un borrador, no el registro.",
    ] {
        assert!(html.contains(words), "{words}: {html}");
    }
    assert!(
        html.contains(&format!("<h1>Nota {}</h1>", p.format_name)),
        "{html}"
    );
    assert!(!html.contains("Client's response"), "{html}");
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
    assert!(
        html.contains("<h2>Follow-ups</h2><ul><li>Call the landlord (Worker, by 2026-12-03)</li>")
    );
    assert!(html.contains("<h2>Follow-ups from the previous note</h2><ul><li>Apply for the bus pass: Not done (Office closed)</li>"));
}
