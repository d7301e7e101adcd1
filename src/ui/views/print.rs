//! The note as a printed record (`domain::record_html`): built as the page
//! starts to print (`beforeprint`, or a print media query), so typing never
//! pays for it. It is set as HTML the domain's template escaped; where the
//! page forbids that (Trusted Types), the plain-text rendering is printed
//! instead. "Copy as text" stays plain.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::platform::{local_from_rfc3339, window, Listener};
use crate::text::record_html::record_html;
use crate::text::render::plain_text;
use crate::ui::session::Session;

/// Writes the printed record of the note on screen into `el`.
fn render_into(s: Session, el: &web_sys::HtmlElement) {
    if !s.alive() {
        return;
    }
    let note = s.form.snapshot_untracked();
    // The record is in the note's language, its times too.
    let lang = note.language;
    let p = s.payload(&note);
    let doc = record_html(&p, lang, &|t: &str| local_from_rfc3339(t, lang)).into_string();
    if js_sys::Reflect::set(el, &"innerHTML".into(), &JsValue::from_str(&doc)).is_err() {
        el.set_text_content(Some(&plain_text(&p, lang)));
    }
}

#[component]
pub fn PrintView() -> impl IntoView {
    let s = expect_context::<Session>();
    let section = NodeRef::<html::Section>::new();
    let render = move || {
        if let Some(el) = section.get_untracked() {
            render_into(s, &el);
        }
    };
    // Built as printing starts: the browser's print and the Print button
    // fire `beforeprint`; a print media query covers print emulation.
    let w = window();
    let mut listeners = vec![Listener::new(w.as_ref(), "beforeprint", move |_| render())];
    if let Some(q) = w.match_media("print").ok().flatten() {
        let query = q.clone();
        listeners.push(Listener::new(q.as_ref(), "change", move |_| {
            if query.matches() {
                render();
            }
        }));
    }
    let _listeners = StoredValue::new_local(listeners);
    view! { <section class="print-view" aria-hidden="true" node_ref=section></section> }
}
