//! `/inbox/addendum/{id}`: the original read only, the editor set from it.

use super::*;
use crate::inbox::{addendum_not_found, addendum_page, Unreadable, Writing};
use casenote_format::record::Signature;

/// The page `writing` to payload `p`, for a reader in `lang`, before any
/// signature later.
fn page_for(p: &PayloadV1, writing: Writing, lang: Lang) -> String {
    addendum_page(&serde_json::to_string(p).unwrap(), writing, false, lang).unwrap()
}

/// A signature by `name` (`id`) over `p`'s content.
fn signature(p: &PayloadV1, name: &str, id: &str) -> Option<Signature> {
    Some(Signature {
        signer_id: id.into(),
        signer_name: name.into(),
        signed_at: "2026-11-27T10:00:00Z".into(),
        attestation: "I attest.".into(),
        content_hash: p.computed_hash(),
        signature_hash: None,
    })
}

#[test]
fn the_editor_is_set_from_the_original() {
    let p = full_payload();
    let html = page_for(&p, Writing::Addendum, Lang::En);
    let editor = format!(
        r#"<casenote-editor endpoint="../../api/notes" addendum-to="{ORIGINAL}" addendum-to-hash="{}" addendum-to-date="2026-11-26" addendum-to-author="Sam Rivera (W-7)" signing="required" client-id="C-1" client-name="Jo Avery" signer-entry="worker"></casenote-editor>"#,
        p.computed_hash()
    );
    assert!(html.contains(&editor), "{html}");
    // The original, read only, in a panel after the editor: its record,
    // no form of its own.
    assert!(
        html.contains(
            "<details class=\"original-note\"><summary>The original note, read only</summary>"
        ),
        "{html}"
    );
    assert!(html.find("<casenote-editor").unwrap() < html.find("<details").unwrap());
    assert!(
        html.contains("<h2>SOAP note: Jo Avery (ID C-1)</h2>"),
        "{html}"
    );
    assert!(html.contains("<h3>Subjective</h3>"), "{html}");
    assert!(html.contains("Says the rent is paid"), "{html}");
    assert!(
        !html.contains("<textarea") && !html.contains("<input"),
        "{html}"
    );
    // The editor and the times, from the receiver's own files.
    assert!(html.contains(r#"<script type="module" src="../../casenote.js"></script>"#));
    assert!(html.contains(r#"<script type="module" src="../../inbox.js"></script>"#));
    assert_eq!(html.matches("<script").count(), 2, "{html}");
    assert!(html.contains(r#"<a href="../../inbox">Back to the inbox</a>"#));
    assert!(!html.contains(" style=") && !html.contains("<style"));
}

#[test]
fn a_signed_note_without_an_author_is_the_signers() {
    let mut p = full_payload();
    p.author = None;
    let mut p = p.with_hash();
    p.signature = signature(&p, "Rosa Diaz", "");
    let html = page_for(&p, Writing::Addendum, Lang::En);
    assert!(html.contains(r#"addendum-to-author="Rosa Diaz""#), "{html}");
    assert!(
        html.contains(r#"<time datetime="2026-11-27T10:00:00Z">2026-11-27 10:00:00 UTC</time>"#),
        "{html}"
    );
}

#[test]
fn attributes_are_escaped_and_empty_ones_left_out() {
    let mut p = full_payload();
    p.client.name = "\"><script>alert(1)</script>".into();
    p.client.id = String::new();
    p.author = None;
    let p = p.with_hash();
    let html = page_for(&p, Writing::Addendum, Lang::En);
    assert!(
        html.contains(r#"client-name="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;""#),
        "{html}"
    );
    assert_eq!(html.matches("<script").count(), 2, "{html}");
    assert!(!html.contains("client-id="), "{html}");
    assert!(!html.contains("addendum-to-author="), "{html}");
}

#[test]
fn a_stored_body_that_is_not_a_payload_is_unreadable() {
    assert_eq!(
        addendum_page("{\"id\": 1}", Writing::Addendum, false, Lang::En),
        Err(Unreadable)
    );
    assert_eq!(
        addendum_page("not json", Writing::Addendum, false, Lang::En),
        Err(Unreadable)
    );
}

#[test]
fn an_unknown_note_says_what_to_do() {
    let html = addendum_not_found(Lang::En);
    assert!(html.contains("<h1>No such note</h1>"), "{html}");
    assert!(html.contains("Go back to the inbox"), "{html}");
}

#[test]
fn a_note_sent_unsigned_is_signed_by_its_author_as_a_signature_addendum() {
    let p = full_payload();
    assert!(p.signature.is_none());
    let html = page_for(&p, Writing::Signature, Lang::En);
    assert!(html.contains("<h1>Sign this note</h1>"), "{html}");
    assert!(
        html.contains(r#"addendum-kind="signature" signing="required""#),
        "{html}"
    );
    // The worker says who signs; the page never signs in the author's
    // name for whoever opens it. It says whose signature is accepted.
    assert!(
        !html.contains("author-id=") && !html.contains("author-name="),
        "{html}"
    );
    assert!(html.contains(r#"signer-entry="worker""#), "{html}");
    assert!(
        html.contains("Only the note's author, Sam Rivera (W-7), can sign it"),
        "{html}"
    );
    assert!(html.contains(&format!(r#"addendum-to-hash="{}""#, p.computed_hash())));
    // The editor comes first; the original, read only, after it.
    assert!(html.find("<casenote-editor").unwrap() < html.find("original-note").unwrap());
}

#[test]
fn a_signed_note_has_nothing_to_sign() {
    let mut p = full_payload();
    p.signature = signature(&p, "Sam Rivera", "W-7");
    let html = page_for(&p, Writing::Signature, Lang::En);
    assert!(html.contains("<h1>This note is signed</h1>"), "{html}");
    assert!(!html.contains("<casenote-editor"), "{html}");
}

#[test]
fn the_pages_speak_the_readers_language_and_the_record_its_own() {
    let p = full_payload();
    let html = page_for(&p, Writing::Addendum, Lang::Es);
    assert!(html.contains(r#"<html lang="es">"#), "{html}");
    assert!(html.contains("<h1>Escribir una adenda</h1>"), "{html}");
    assert!(html.contains("Volver a la bandeja de entrada"), "{html}");
    assert!(
        html.contains("<summary>La nota original, solo lectura</summary>"),
        "{html}"
    );
    // The note was written in English: its record stays so.
    assert!(html.contains("<h3>Subjective</h3>"), "{html}");
    let html = addendum_not_found(Lang::Es);
    assert!(html.contains("<h1>No existe esa nota</h1>"), "{html}");
}

#[test]
fn a_note_signed_later_has_nothing_more_to_sign() {
    let p = full_payload();
    let html = addendum_page(
        &serde_json::to_string(&p).unwrap(),
        Writing::Signature,
        true,
        Lang::En,
    )
    .unwrap();
    assert!(html.contains("<h1>This note is signed</h1>"), "{html}");
    assert!(html.contains("its author has signed it since"), "{html}");
    assert!(!html.contains("<casenote-editor"), "{html}");
}
