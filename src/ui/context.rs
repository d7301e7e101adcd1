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

/// Focuses the first element matching `selector` inside the editor;
/// whether it was there.
pub fn focus_selector(root: NodeRef<html::Div>, selector: &str) -> bool {
    let Some(el) = root.try_get_untracked().flatten() else {
        return false;
    };
    match el.query_selector(selector) {
        Ok(Some(target)) => match target.dyn_into::<web_sys::HtmlElement>() {
            Ok(target) => target.focus().is_ok(),
            Err(_) => false,
        },
        _ => false,
    }
}

/// What has focus in the editor's document or shadow root.
fn focused(root: NodeRef<html::Div>) -> Option<web_sys::Element> {
    let el = root.try_get_untracked().flatten()?;
    let node = el.get_root_node();
    match node.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => el.owner_document()?.active_element(),
    }
}

/// Frames a focus request waits for its element: a part that loads on
/// first use (`part.rs`) puts its element there when its code has come,
/// about two seconds at most on a slow link.
const FOCUS_WAITS: u32 = 150;

/// Focuses `selector` inside the editor once the view has updated: the one
/// way every view does this, so that the bundle carries one closure for it.
/// When the element is not there yet (it is in a part still loading), it
/// is tried again each frame for a while, unless focus has moved meanwhile.
pub fn focus_selector_later(root: NodeRef<html::Div>, selector: String) {
    let before = focused(root);
    focus_when_there(root, selector, before, FOCUS_WAITS);
}

fn focus_when_there(
    root: NodeRef<html::Div>,
    selector: String,
    before: Option<web_sys::Element>,
    waits: u32,
) {
    request_animation_frame(move || {
        // Focus that went nowhere (its control was removed) has not moved.
        let moved = focused(root)
            .is_some_and(|now| Some(&now) != before.as_ref() && now.tag_name() != "BODY");
        if focus_selector(root, &selector) || waits == 0 || moved {
            return;
        }
        focus_when_there(root, selector, before, waits - 1);
    });
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
