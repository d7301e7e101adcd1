//! What the editor shares with its parts: context handles and focus
//! helpers. The editor provides them; sections, extras and panels use
//! them without depending on the editor itself.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::Template;
use crate::text::Lang;

/// The editor's root element, for finding fields inside its shadow root.
#[derive(Clone, Copy)]
pub struct Root(pub NodeRef<html::Div>);

/// The editor's polite live region, for what must be heard where focus
/// is not.
#[derive(Clone, Copy)]
pub struct Announce(pub RwSignal<String>);

/// How the editor finds a note's template by its format id (the host's
/// template included), for the panels that list notes.
#[derive(Clone, Copy)]
pub struct TemplateOf(pub Callback<String, Template>);

/// The interface's language, for the views' text (see `crate::i18n`).
/// Outside an editor (in tests), English.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// Focuses the first element matching `selector` inside the editor.
pub fn focus_selector(root: NodeRef<html::Div>, selector: &str) {
    let Some(el) = root.try_get_untracked().flatten() else {
        return;
    };
    if let Ok(Some(target)) = el.query_selector(selector) {
        if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
            let _ = target.focus();
        }
    }
}

/// Focuses `selector` inside the editor once the view has updated: the one
/// way every view does this, so that the bundle carries one closure for it.
pub fn focus_selector_later(root: NodeRef<html::Div>, selector: String) {
    request_animation_frame(move || focus_selector(root, &selector));
}

/// Once the view has updated, focuses `selector` inside the `container`
/// around the event's target (which itself may be replaced).
pub fn focus_within_later(ev: &web_sys::Event, container: &str, selector: &str) {
    let around = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(container).ok().flatten());
    if let Some(around) = around {
        let selector = selector.to_string();
        request_animation_frame(move || {
            if let Ok(Some(t)) = around.query_selector(&selector) {
                if let Ok(t) = t.dyn_into::<web_sys::HtmlElement>() {
                    let _ = t.focus();
                }
            }
        });
    }
}
