//! `/inbox`: every member of the payload, times as `<time>`, addenda linked
//! both ways, escaping.

use super::*;
use crate::inbox::filter::Filter;
use crate::inbox::{render, InboxPage};

/// The inbox's one page of `notes` (given oldest first, as stored), their
/// addenda among them.
fn page(notes: &[StoredNote]) -> String {
    let newest: Vec<StoredNote> = notes.iter().rev().cloned().collect();
    render(&InboxPage {
        notes: &newest,
        addenda: notes,
        total: notes.len() as i64,
        head: &(notes.len() as i64, "h".into()),
        more: false,
        older: false,
        reads: None,
        reviews: &[],
        revisions: &[],
        filter: &Filter::default(),
        lang: Lang::En,
    })
}

#[test]
fn every_member_of_the_payload_is_shown() {
    let p = full_payload();
    let html = page(&[stored(1, &p)]);
    for shown in [
        "<h2>SOAP note: Jo Avery (ID C-1)</h2>",
        "<dt>Written by</dt><dd>Sam Rivera (W-7)</dd>",
        "2026-11-26, 09:00–09:30 (30 minutes)",
        "<h3>Subjective</h3>",
        "Says the rent is paid",
        "“I'll be there”",
        "Family member, about Tuesday",
        "<li>Stable housing: Improved</li>",
        "No bus on Sundays",
        "<p>Referred to legal aid</p>",
        "Why: Eviction notice",
        "Client's response: Relieved",
        "Late entry: documented 24.5 hours after the service. Reason: System outage",
        "DRAFT: not signed",
        "<dt>Note id</dt><dd><code>0f8fad5b-d9cb-469f-a165-70867728950e</code></dd>",
        "<dt>Schema</dt><dd><code>casenote/v1</code></dd>",
        "<dt>Format key</dt><dd><code>soap</code></dd>",
        "Progress note (<code>http://loinc.org</code> <code>11506-3</code>)",
        "Subjective 61150-9",
        "late after 24 hours (a late entry)",
        "the writer's clock was UTC-05:30",
    ] {
        assert!(html.contains(shown), "{shown} missing from {html}");
    }
    assert!(html.contains(&format!(
        "<dt>Content SHA-256</dt><dd><code>{}</code></dd>",
        p.content_hash
    )));
}

#[test]
fn times_are_time_elements_in_utc_that_a_script_of_its_own_makes_local() {
    let html = page(&[stored(1, &full_payload())]);
    for (at, text) in [
        ("2026-11-27T12:00:00.000Z", "2026-11-27 12:00:00 UTC"),
        ("2026-11-26T09:05:00Z", "2026-11-26 09:05:00 UTC"),
        ("2026-11-27T10:00:00Z", "2026-11-27 10:00:00 UTC"),
    ] {
        assert!(
            html.contains(&format!(r#"<time datetime="{at}">{text}</time>"#)),
            "{at} in {html}"
        );
    }
    // The one script is a file of the receiver's (the CSP allows no other).
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert!(html.contains(r#"<script type="module" src="inbox.js"></script>"#));
    assert!(!html.contains(" style=") && !html.contains("<style"));
}

#[test]
fn an_addendum_and_its_original_link_to_each_other() {
    let original = full_payload();
    let add = addendum_payload(&original);
    let html = page(&[stored(1, &original), stored(2, &add)]);
    assert!(
        html.contains(&format!(
            r##"Addendum (Correction) to note <a href="#note-{ORIGINAL}"><code>{ORIGINAL}</code></a>. Reason: Wrong place"##
        )),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            r##"<p class="addenda">Addenda: <a href="#note-{ADDENDUM}">Correction <code>{ADDENDUM}</code></a></p>"##
        )),
        "{html}"
    );
    // Newest first: the addendum, then the original.
    assert!(
        html.find(&format!("id=\"note-{ADDENDUM}\""))
            < html.find(&format!("id=\"note-{ORIGINAL}\""))
    );
    assert_eq!(html.matches("class=\"addenda\"").count(), 1, "{html}");
}

#[test]
fn each_note_offers_write_an_addendum() {
    let html = page(&[stored(1, &full_payload())]);
    assert!(
        html.contains(&format!(
            r#"<a class="write-addendum" href="inbox/addendum/{ORIGINAL}">Write an addendum <span class="visually-hidden">to the SOAP note of Jo Avery (C-1), 2026-11-26</span></a>"#
        )),
        "{html}"
    );
}

#[test]
fn a_note_that_is_not_a_payload_says_so() {
    let mut n = stored(1, &full_payload());
    n.note = serde_json::json!({"client": {"name": "<b>x</b>"}});
    let html = page(&[n]);
    assert!(
        html.contains("could not be read as casenote JSON v1"),
        "{html}"
    );
    assert!(
        !html.contains("&lt;b&gt;x") && !html.contains("<b>x"),
        "{html}"
    );
}

#[test]
fn a_script_in_a_note_is_escaped_everywhere() {
    let evil = "</p><script>alert(1)</script>";
    let mut p = full_payload();
    p.format_name = evil.into();
    p.client.name = evil.into();
    p.sections[0].text = evil.into();
    p.sections[3].quotes[0].text = evil.into();
    p.challenges = Some(evil.into());
    p.interventions[0].description = evil.into();
    p.goals[0].text = evil.into();
    let mut add = addendum_payload(&full_payload());
    add.id = format!("{evil}\"'");
    if let Some(a) = add.addendum.as_mut() {
        a.reason = evil.into();
    }
    let html = page(&[stored(1, &p), stored(2, &add)]);
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert!(!html.contains("</p><script"), "{html}");
    let escaped = "&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
    assert!(html.matches(escaped).count() >= 9, "{html}");
    // In a link the id is one path segment, escaped for the URL too.
    assert!(
        html.contains(
            "href=\"inbox/addendum/%3C%2Fp%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E%22%27\""
        ),
        "{html}"
    );
}

/// NUL characters came through to the page.
#[test]
fn control_characters_are_not_passed_through() {
    let mut p = full_payload();
    p.client.name = "Jo\u{0}".into();
    p.sections[0].text = "a\u{0}b\u{1b}c\td\ne".into();
    let html = page(&[stored(1, &p)]);
    assert!(
        !html.contains('\u{0}') && !html.contains('\u{1b}'),
        "{html:?}"
    );
    assert!(html.contains("a\u{fffd}b\u{fffd}c\td\ne"), "{html:?}");
    assert!(html.contains("Jo\u{fffd}"));
}

#[test]
fn the_page_shows_the_logs_head() {
    let html = render(&InboxPage {
        notes: &[],
        addenda: &[],
        total: 0,
        head: &(2, "ab".repeat(32)),
        more: false,
        older: false,
        reads: None,
        reviews: &[],
        revisions: &[],
        filter: &Filter::default(),
        lang: Lang::En,
    });
    assert!(
        html.contains(&format!(
            "Log: 2 entries, head <code>{}</code>",
            "ab".repeat(32)
        )),
        "{html}"
    );
    assert!(html.contains("<link rel=\"icon\" href=\"favicon.svg\""));
}

#[test]
fn the_inbox_speaks_the_readers_language() {
    let newest = vec![stored(1, &full_payload())];
    let html = render(&InboxPage {
        notes: &newest,
        addenda: &[],
        total: 1,
        head: &(1, "h".into()),
        more: false,
        older: false,
        reads: None,
        reviews: &[],
        revisions: &[],
        filter: &Filter::default(),
        lang: Lang::Es,
    });
    for shown in [
        r#"<html lang="es">"#,
        "<h1>Bandeja de entrada</h1>",
        "1 nota recibida.",
        "Registro: 1 entrada, último hash <code>h</code>",
        "<h3>Detalles del registro</h3>",
        "<dt>Recibida</dt>",
        "Firmar esta nota",
        "Escribir una adenda <span class=\"visually-hidden\">a la nota SOAP de Jo Avery (C-1), 2026-11-26</span>",
    ] {
        assert!(html.contains(shown), "{shown} in {html}");
    }
}
