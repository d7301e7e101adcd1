//! The panels' messages with numbers and variables (`i18n/*/panels.ftl`):
//! English reads as it always has, and Spanish picks its own plurals.
//! The views that use them run in the browser only; their text is checked
//! here, on the host. Run with `cargo test --test panels_i18n`.
#![cfg(not(target_arch = "wasm32"))]

use casenote::text::tr;
use casenote::text::Lang;

#[test]
fn the_outbox_counts_notes_and_attempts() {
    let (en, es) = (Lang::En, Lang::Es);
    assert_eq!(
        tr!(en, "outbox-panel-waiting", n = 1usize),
        "1 note waiting to send"
    );
    assert_eq!(
        tr!(en, "outbox-panel-waiting", n = 3usize),
        "3 notes waiting to send"
    );
    assert_eq!(
        tr!(es, "outbox-panel-waiting", n = 1usize),
        "1 nota en espera de envío"
    );
    assert_eq!(
        tr!(es, "outbox-panel-waiting", n = 3usize),
        "3 notas en espera de envío"
    );
    let queued = |lang: Lang, n: u32| tr!(lang, "outbox-panel-queued", time = "9:05", n = n);
    assert_eq!(queued(en, 1), "Queued at 9:05; 1 attempt so far.");
    assert_eq!(queued(en, 0), "Queued at 9:05; 0 attempts so far.");
    assert_eq!(queued(es, 1), "En cola desde 9:05; 1 intento hasta ahora.");
    assert_eq!(queued(es, 2), "En cola desde 9:05; 2 intentos hasta ahora.");
}

#[test]
fn the_drafts_panel_counts_locked_and_hidden_drafts() {
    let (en, es) = (Lang::En, Lang::Es);
    assert_eq!(
        tr!(en, "drafts-panel-locked", n = 1usize),
        "1 draft on this device is locked with a key this page does not have."
    );
    assert_eq!(
        tr!(en, "drafts-panel-locked", n = 2usize),
        "2 drafts on this device are locked with a key this page does not have."
    );
    assert_eq!(
        tr!(es, "drafts-panel-locked", n = 2usize),
        "2 borradores de este dispositivo están cifrados con una clave que esta página no tiene."
    );
    // Large counts keep their plain digits.
    assert_eq!(
        tr!(
            en,
            "drafts-panel-showing",
            shown = 50usize,
            total = 1000usize
        ),
        "Showing the 50 most recently edited of 1000 drafts."
    );
    assert_eq!(
        tr!(es, "drafts-panel-show-more", n = 50usize),
        "Mostrar 50 más"
    );
}

#[test]
fn the_confirmation_names_the_note_in_each_language() {
    let what = tr!(
        Lang::Es,
        "confirmation-what-for",
        format = "SOAP",
        client = "Ana"
    );
    assert_eq!(
        tr!(Lang::Es, "confirmation-delivered", what = what),
        "Se recibió su nota SOAP de Ana."
    );
    let what = tr!(
        Lang::En,
        "confirmation-what-for",
        format = "SOAP",
        client = "Ana"
    );
    assert_eq!(
        tr!(Lang::En, "confirmation-delivered", what = what),
        "Your SOAP note for Ana was received."
    );
}

#[test]
fn the_pages_settings_are_explained_in_spanish() {
    assert_eq!(
        tr!(
            Lang::Es,
            "config-unknown-modes",
            unknown = "fax",
            known = "in-person, phone"
        ),
        "Esta página indica modos de contacto que casenote no conoce (fax); se ofrecen los conocidos. Conocidos: in-person, phone."
    );
}
