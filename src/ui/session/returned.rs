//! Revision mode's start: the host's `returned` value read and checked
//! (the note and its review, each as a receiver checks it, held to each
//! other) before the drafts are looked at, so that a revision of that note
//! is resumed or started. The reading is a part (`part!`), as the panel
//! that shows the review is: a page that opens no revision loads neither.

use crate::domain::review::Returned;
use crate::text::Lang;
use casenote_text::words::Words;
use casenote_text::{tr, Catalog};

crate::ui::part::part!(
    returned,
    pub fn read_returned(text: String, lang: Lang) -> Result<Returned, String> {
        // The host's objects, read by the reader the previous note's
        // already brings (serde-wasm-bindgen), not a second JSON reader.
        let Ok(value) = js_sys::JSON::parse(&text) else {
            return Ok(Err(lang.t("returned-refused-not-json")));
        };
        let member = |name: &str| {
            js_sys::Reflect::get(&value, &name.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
        };
        Returned::from_parts(
            serde_wasm_bindgen::Deserializer::from(member("note")),
            serde_wasm_bindgen::Deserializer::from(member("review")),
        )
        .map_err(|problems| {
            let why: Vec<String> = problems
                .iter()
                .map(|p| format!("{}: {}", p.field, p.words(lang)))
                .collect();
            tr!(lang, "returned-refused", why = why.join("; "))
        })
    }
);
