//! The end of the form: the preview, the buttons (sign, submit, print,
//! copy), what copying did, the print-only rendering, and a problem with
//! sending.

use leptos::prelude::*;

use super::print::PrintView;
use crate::ui::session::Session;

#[component]
pub fn Preview() -> impl IntoView {
    let s = expect_context::<Session>();
    let open = s.preview_open;
    view! {
        <div class="preview-block">
            <button type="button" class="secondary" aria-expanded=move || if open.get() { "true" } else { "false" } aria-controls="cn-preview"
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Hide the preview" } else { "Preview the note" }}
            </button>
            {move || open.get().then(|| view! {
                <section id="cn-preview" class="preview" aria-label="Preview of the note" part="preview">
                    <pre class="rendered">{move || s.preview_text()}</pre>
                </section>
            })}
        </div>
    }
}

#[component]
pub fn Actions() -> impl IntoView {
    let s = expect_context::<Session>();
    let (sending, signature) = (s.sending, s.form.signature);
    view! {
        <div class="actions">
            {move || signature.with(Option::is_none).then(|| view! {
                <button type="button" class="secondary" part="sign" on:click=move |_| s.review_and_sign() disabled=move || sending.get()>"Review and sign"</button>
            })}
            // A signed note is submitted from its banner, next to what it says.
            {move || signature.with(Option::is_none).then(|| view! {
                <button type="submit" class="primary" part="submit" disabled=move || sending.get()>
                    {move || if sending.get() { "Sending…" } else { "Submit note" }}
                </button>
            })}
            <button type="button" class="secondary" on:click=move |_| s.print()>"Print"</button>
            <button type="button" class="secondary" on:click=move |_| s.copy_text()>"Copy as text"</button>
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
