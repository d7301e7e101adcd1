//! The note as a printed record (`domain::record_html`) and as plain text:
//! the record's part (`part.rs`), loaded when the form shows. The record is
//! built as the page
//! starts to print (`beforeprint`, or a print media query), so typing never
//! pays for it. It is set as HTML the domain's template escaped; where the
//! page forbids that (Trusted Types), the plain-text rendering is printed
//! instead. "Copy as text" stays plain.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::domain::PayloadV1;
use crate::platform::{local_from_rfc3339, window, Listener};
use crate::text::record_html::record_html;
use crate::text::render::plain_text;
use crate::text::Lang;
use crate::ui::session::Session;
use casenote_text::tr;
use casenote_text::Catalog;

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

/// Writes the printed record into an element, called as printing starts.
type Renderer = fn(Session, &web_sys::HtmlElement);

crate::ui::part::part!(
    record,
    fn record_renderer() -> Renderer {
        render_into
    }
);

#[component]
pub fn PrintView() -> impl IntoView {
    let s = expect_context::<Session>();
    let section = NodeRef::<html::Section>::new();
    // The record's code is a part (`part.rs`), fetched now: printing
    // starts synchronously, so it must be here before then.
    let renderer = StoredValue::new_local(None::<Renderer>);
    let load = move || {
        leptos::task::spawn_local(async move {
            if let Ok(r) = record_renderer().await {
                renderer.try_set_value(Some(r));
            }
        })
    };
    load();
    let render = move || {
        let Some(el) = section.get_untracked() else {
            return;
        };
        match renderer.try_get_value().flatten() {
            Some(render_into) => render_into(s, &el),
            // Not here (offline on a portal without the service worker):
            // the page says so where the record would print, and the next
            // print tries again.
            None => {
                let lang = s.lang;
                el.set_text_content(Some(&tr!(
                    lang,
                    "part-failed",
                    part = lang.t("part-record")
                )));
                load();
            }
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

/// The note on screen as it will be recorded, in plain text, following
/// the form.
#[component]
fn PreviewText() -> impl IntoView {
    let s = expect_context::<Session>();
    view! { <pre class="rendered">{move || s.preview_text()}</pre> }
}

crate::ui::part::part!(
    record,
    pub fn preview_text_part() -> AnyView {
        view! { <PreviewText/> }.into_any()
    }
);

crate::ui::part::part!(
    record,
    pub fn plain_text_part(p: PayloadV1, lang: Lang) -> String {
        plain_text(&p, lang)
    }
);
