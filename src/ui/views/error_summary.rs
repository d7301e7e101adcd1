//! The error summary (the GOV.UK pattern): every problem the last check
//! found, each a link to its field. It takes focus, so a screen reader
//! hears them all at once.

use leptos::prelude::*;

use crate::ui::context::use_lang;
use crate::ui::session::Session;
use casenote_text::words::Words;
use casenote_text::Catalog;

#[component]
pub fn ErrorSummary() -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    move || {
        let list = s.errors.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="error-summary" role="alert" tabindex="-1" part="error-summary">
                    <h3>{lang.t("error-summary-title")}</h3>
                    <ul>
                        {list.into_iter().map(|e| {
                            let (href, words) = (format!("#{}", e.field.dom_id()), e.words(lang));
                            let field = e.field;
                            view! {
                                <li><a href=href on:click=move |ev| {
                                    ev.prevent_default();
                                    s.focus_field_later(&field);
                                }>{words}</a></li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}
