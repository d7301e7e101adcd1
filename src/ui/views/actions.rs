//! The end of the form: the preview, the buttons (sign, submit, print,
//! copy), what copying did, the print-only rendering, and a problem with
//! sending.

use leptos::prelude::*;

use super::print::PrintView;
use crate::ui::context::use_lang;
use crate::ui::session::Session;

#[component]
pub fn Preview() -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    let open = s.preview_open;
    view! {
        <div class="preview-block">
            <button type="button" class="secondary" aria-expanded=move || if open.get() { "true" } else { "false" } aria-controls="cn-preview"
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { lang.t("actions-preview-hide") } else { lang.t("actions-preview-show") }}
            </button>
            {move || open.get().then(|| view! {
                <section id="cn-preview" class="preview" aria-label=lang.t("actions-preview-label") part="preview">
                    <pre class="rendered">{move || s.preview_text()}</pre>
                </section>
            })}
        </div>
    }
}

#[component]
pub fn Actions() -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    let (sending, signature) = (s.sending, s.form.signature);
    view! {
        <div class="actions">
            {move || signature.with(Option::is_none).then(|| view! {
                <button type="button" class="secondary" part="sign" on:click=move |_| s.review_and_sign() disabled=move || sending.get()>{lang.t("actions-review-sign")}</button>
            })}
            // A signed note is submitted from its banner, next to what it says.
            {move || signature.with(Option::is_none).then(|| view! {
                <button type="submit" class="primary" part="submit" disabled=move || sending.get()>
                    {move || if sending.get() { lang.t("actions-sending") } else { lang.t("actions-submit") }}
                </button>
            })}
            <button type="button" class="secondary" on:click=move |_| s.print()>{lang.t("actions-print")}</button>
            <button type="button" class="secondary" on:click=move |_| s.copy_text()>{lang.t("actions-copy")}</button>
        </div>
        // Present from the start, so that screen readers announce each message.
        <p class="copied" role="status">{move || s.copied.get().unwrap_or_default()}</p>
        <PrintView/>
    }
}

#[component]
pub fn SendError() -> impl IntoView {
    let s = expect_context::<Session>();
    move || {
        s.send_error.get().map(|m| view! {
            <div class="send-error" role="alert" tabindex="-1" part="send-error"><p>{m}</p></div>
        })
    }
}
