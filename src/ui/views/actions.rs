//! The end of the form: the preview, the buttons (sign, submit, print,
//! copy), what copying did, the print-only rendering, and a problem with
//! sending.

use leptos::prelude::*;

use super::print::{preview_text_part, PrintView};
use crate::domain::signing::SigningPolicy;
use crate::ui::context::use_lang;
use crate::ui::part::Part;
use crate::ui::session::{Panel, Sending, Session};
use casenote_text::Catalog;

#[component]
pub fn Preview() -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    let open = s.panels.open(Panel::Preview);
    view! {
        <div class="preview-block">
            <button type="button" class="secondary" aria-expanded=move || if open.get() { "true" } else { "false" } aria-controls="cn-preview"
                on:click=move |_| { s.panels.toggle(Panel::Preview); }>
                {move || if open.get() { lang.t("actions-preview-hide") } else { lang.t("actions-preview-show") }}
            </button>
            {move || open.get().then(|| view! {
                <section id="cn-preview" class="preview" aria-label=lang.t("actions-preview-label") part="preview">
                    <Part what="part-record" load=preview_text_part/>
                </section>
            })}
        </div>
    }
}

#[component]
pub fn Actions() -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    let signature = s.form.signature;
    let sending = Memo::new(move |_| s.sending.get() == Sending::InFlight);
    let optional = s.cfg.with_value(|c| c.signing()) == SigningPolicy::Optional;
    // A signed note is submitted from its banner, next to what it says;
    // an unsigned one is signed first, or (where the host allows it) sent
    // unsigned as a secondary action that asks once.
    view! {
        <div class="actions" id="cn-actions" tabindex="-1" role="group" aria-label=lang.t("actions-label")>
            {move || signature.with(Option::is_none).then(|| view! {
                // The form's default button: Enter in a text box (which
                // clicks it) reviews and signs, whatever the policy.
                <button type="submit" class="primary" part="sign" disabled=move || sending.get()
                    on:click=move |ev| { ev.prevent_default(); s.review_and_sign(); }>{lang.t("actions-review-sign")}</button>
                {optional.then(|| view! {
                    <button type="button" class="secondary" part="send-unsigned" disabled=move || sending.get()
                        aria-expanded=move || if s.ask_unsigned.get() { "true" } else { "false" } aria-controls="cn-unsigned"
                        on:click=move |_| s.submit()>
                        {move || if sending.get() { lang.t("actions-sending") } else { lang.t("actions-send-unsigned") }}
                    </button>
                })}
            })}
            <button type="button" class="secondary" on:click=move |_| s.print()>{lang.t("actions-print")}</button>
            <button type="button" class="secondary" on:click=move |_| s.copy_text()>{lang.t("actions-copy")}</button>
        </div>
        {move || (s.ask_unsigned.get() && signature.with(Option::is_none)).then(|| view! { <UnsignedAsk/> })}
        // Present from the start, so that screen readers announce each message.
        <p class="copied" role="status">{move || s.copied.get().unwrap_or_default()}</p>
        <PrintView/>
    }
}

/// Asked once before a note goes unsigned: what that means, and the way
/// back.
#[component]
fn UnsignedAsk() -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    view! {
        <section id="cn-unsigned" class="unsigned-ask" aria-labelledby="cn-unsigned-title" part="unsigned-ask">
            <h3 id="cn-unsigned-title" tabindex="-1">{lang.t("unsigned-title")}</h3>
            <p>{lang.t("unsigned-explained")}</p>
            <div class="panel-actions">
                <button type="button" class="primary" part="submit" disabled=move || s.sending.get() == Sending::InFlight on:click=move |_| s.send_unsigned()>
                    {move || if s.sending.get() == Sending::InFlight { lang.t("actions-sending") } else { lang.t("unsigned-send") }}
                </button>
                <button type="button" class="secondary" on:click=move |_| s.keep_editing()>{lang.t("unsigned-keep-editing")}</button>
            </div>
        </section>
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
