//! The standalone page's own text, from the same catalog as the editor's:
//! `page.js` asks for it once the module has loaded.
//!
//! ```js
//! import { pageText, pageLanguages } from "./casenote-element.js";
//! intro.textContent = pageText("es", "page-intro");
//! for (const [tag, name] of pageLanguages()) { /* an <option> each */ }
//! ```

use wasm_bindgen::prelude::*;

use crate::text::Lang;
use casenote_text::Catalog;

/// The message `id` in the language best matching `tag`, with `args`
/// (an object of strings) as its variables.
#[wasm_bindgen(js_name = pageText)]
pub fn page_text(tag: &str, id: &str, args: JsValue) -> String {
    let lang = Lang::negotiate(tag);
    let mut fluent = crate::text::Args::new();
    if args.is_object() {
        let pairs = js_sys::Object::entries(args.unchecked_ref());
        if let Ok(pairs) = serde_wasm_bindgen::from_value::<Vec<(String, String)>>(pairs.into()) {
            for (name, value) in pairs {
                fluent.set(name, value);
            }
        }
    }
    lang.t_args(id, Some(&fluent))
}

/// The languages the interface is complete in: `[tag, name in itself]`.
#[wasm_bindgen(js_name = pageLanguages)]
pub fn page_languages() -> JsValue {
    let list: Vec<(&str, String)> = Lang::ALL
        .iter()
        .map(|l| (l.tag(), l.t("lang-name")))
        .collect();
    serde_wasm_bindgen::to_value(&list).unwrap_or(JsValue::NULL)
}
