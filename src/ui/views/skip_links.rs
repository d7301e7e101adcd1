//! The editor's skip links: the first things Tab reaches, shown when
//! focused, so that a keyboard worker goes straight to the note's sections
//! or to its actions (Review and sign) instead of through every field.

use leptos::prelude::*;

use crate::ui::context::use_lang;
use crate::ui::session::Session;
use casenote_text::Catalog;

#[component]
pub fn SkipLinks() -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    // In a shadow root a fragment link finds nothing: focus the target.
    let to = move |selector: &'static str| {
        move |ev: web_sys::MouseEvent| {
            ev.prevent_default();
            s.focus_later(selector);
        }
    };
    view! {
        <nav class="skip-links" aria-label=lang.t("skip-label")>
            <a href="#cn-sections" on:click=to("#cn-sections")>{lang.t("skip-to-sections")}</a>
            <a href="#cn-actions" on:click=to("#cn-actions")>{move || {
                // Once signed, the note is sent from its banner; the actions
                // left are print and copy.
                if s.form.signature.with(Option::is_some) { lang.t("skip-to-actions-signed") } else { lang.t("skip-to-actions") }
            }}</a>
        </nav>
    }
}
