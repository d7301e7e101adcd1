//! The element's properties, as the host sets them: read into the editor's
//! configuration, each with what is done with a value that cannot be used
//! (skipped, or refused with what the worker is told).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::domain::contact::Participant;
use crate::domain::previous::PreviousNote;
use crate::domain::{Client, Template};
use crate::text::Lang;
use crate::ui::{HostGoal, HostTemplate, KeyState, Previous};
use casenote_text::Catalog;

/// The host's `encryptionKey` property; a refusal is told in `lang`.
pub(super) fn key_from(el: &HtmlElement, lang: Lang) -> KeyState {
    let Ok(v) = js_sys::Reflect::get(el, &"encryptionKey".into()) else {
        return KeyState::None;
    };
    if v.is_null() || v.is_undefined() {
        return KeyState::None;
    }
    match v.dyn_into::<web_sys::CryptoKey>() {
        Ok(k)
            if k.algorithm()
                .ok()
                .and_then(|a| js_sys::Reflect::get(&a, &"name".into()).ok())
                .and_then(|n| n.as_string())
                .as_deref()
                == Some("AES-GCM") =>
        {
            KeyState::Usable(k)
        }
        _ => KeyState::Unusable(lang.t("embed-key-not-aes")),
    }
}

/// One entry of the `goals` property, as the host writes it.
#[derive(serde::Deserialize)]
struct GoalIn {
    /// Kept when it is text; any other id is replaced by `goal-N`.
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: String,
}

/// The `goals` property: an array of `{ id, text }`. Entries without text,
/// or that are not such objects, are skipped.
pub(super) fn goals_from(el: &HtmlElement) -> Vec<HostGoal> {
    let Ok(value) = js_sys::Reflect::get(el, &"goals".into()) else {
        return Vec::new();
    };
    let Ok(array) = value.dyn_into::<js_sys::Array>() else {
        return Vec::new();
    };
    array
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            let g: GoalIn = serde_wasm_bindgen::from_value(g).ok()?;
            let text = g.text.trim().to_string();
            (!text.is_empty()).then(|| HostGoal {
                id: match g.id {
                    Some(serde_json::Value::String(id)) => id,
                    _ => format!("goal-{}", i + 1),
                },
                text,
            })
        })
        .collect()
}

/// A property the host set, if it did.
fn property(el: &HtmlElement, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(el, &name.into())
        .ok()
        .filter(|v| !v.is_null() && !v.is_undefined())
}

/// The `participants` property: an array of `{ name, role }`. Entries
/// without a name, or with a role casenote does not know, are skipped.
pub(super) fn participants_from(el: &HtmlElement) -> Vec<Participant> {
    let Some(Ok(array)) = property(el, "participants").map(|v| v.dyn_into::<js_sys::Array>())
    else {
        return Vec::new();
    };
    array
        .iter()
        .filter_map(|p| serde_wasm_bindgen::from_value::<Participant>(p).ok())
        .filter(|p| !p.name.trim().is_empty())
        .collect()
}

/// A property holding an array of strings (`locations`); other entries
/// are skipped.
pub(super) fn texts_from(el: &HtmlElement, name: &str) -> Vec<String> {
    let Some(Ok(array)) = property(el, name).map(|v| v.dyn_into::<js_sys::Array>()) else {
        return Vec::new();
    };
    array
        .iter()
        .filter_map(|v| v.as_string())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// The `previousNote` property: a casenote JSON v1 note (an object or its
/// JSON text) about this client, checked as a receiver checks one; a
/// refusal is told in `lang`.
pub(super) fn previous_from(el: &HtmlElement, client: &Client, lang: Lang) -> Previous {
    let Some(value) = property(el, "previousNote") else {
        return Previous::None;
    };
    // JSON text is parsed by the browser, so one reader (of the object)
    // serves both forms.
    let value = match value.as_string() {
        Some(text) => match js_sys::JSON::parse(&text) {
            Ok(v) => v,
            Err(_) => return Previous::Refused(lang.t("previous-refused-not-json")),
        },
        None => value,
    };
    match PreviousNote::from_data(serde_wasm_bindgen::Deserializer::from(value), client) {
        Ok(p) => Previous::Shown(Box::new(p)),
        Err(why) => Previous::Refused(crate::text::previous::refusal(&why, lang)),
    }
}

/// The `returned` property: `{note, review}`, a returned note and the
/// review that returned it (an object or its JSON text), as JSON text. It
/// is read and checked when the editor opens (`session/returned.rs`).
pub(super) fn returned_from(el: &HtmlElement) -> Option<String> {
    let value = property(el, "returned")?;
    match value.as_string() {
        Some(text) => Some(text),
        None => js_sys::JSON::stringify(&value)
            .ok()
            .and_then(|t| t.as_string()),
    }
}

/// The `template` property: a template object, or its JSON text.
pub(super) fn template_from(el: &HtmlElement) -> HostTemplate {
    let Ok(value) = js_sys::Reflect::get(el, &"template".into()) else {
        return HostTemplate::None;
    };
    if value.is_null() || value.is_undefined() {
        return HostTemplate::None;
    }
    let read = match value.as_string() {
        Some(text) => Template::from_json(&text),
        None => Template::from_data(serde_wasm_bindgen::Deserializer::from(value)),
    };
    match read {
        Ok(t) => HostTemplate::Valid(t),
        Err(errors) => HostTemplate::Refused(errors),
    }
}
