//! Signing: the panel where the worker reads the note as it will be
//! recorded and agrees to the attestation, and the banner a signed (and
//! so locked) note shows.

use leptos::prelude::*;

use super::field::{Field, FieldAria};
use crate::platform::local_from_rfc3339;
use crate::ui::context::field_dom_id;
use crate::ui::session::Session;

#[component]
pub fn SignedBanner() -> impl IntoView {
    let s = expect_context::<Session>();
    move || {
        s.form.signature.get().map(|sig| {
            let who = if sig.signer_name.is_empty() {
                sig.signer_id.clone()
            } else {
                sig.signer_name.clone()
            };
            view! {
                <div class="signed" role="status" tabindex="-1" part="signed">
                    <p><strong>{format!("Signed by {who} at {}. Not sent yet.", local_from_rfc3339(&sig.signed_at))}</strong>
                        " Submit the signed note to send it. It is locked and can no longer be changed here; corrections go in an addendum."</p>
                    <p class="hash">"Content SHA-256: "<code>{sig.content_hash.clone()}</code></p>
                    <button type="submit" class="primary" part="submit" disabled=move || s.sending.get()>
                        {move || if s.sending.get() { "Sending…" } else { "Submit signed note" }}
                    </button>
                </div>
            }
        })
    }
}

/// Who signs, where the worker says so (`signer-entry="worker"`).
#[component]
fn SignerFields() -> impl IntoView {
    let s = expect_context::<Session>();
    let signer = s.signer;
    let name = FieldAria::new(
        field_dom_id("signer.name"),
        Some("Your signature shows this name. This device remembers it for your next note.".into()),
        s.error_for("signer.name"),
    );
    let id = FieldAria::new(field_dom_id("signer.id"), None, Signal::stored(None));
    view! {
        <Field aria=name.clone() label="Your name">
            <input id=name.id() type="text" autocomplete="name"
                aria-describedby=name.described_by() aria-invalid=name.invalid()
                prop:value=move || signer.with(|p| p.name.clone())
                on:input=move |ev| { let v = event_target_value(&ev); signer.update(|p| p.name = v); }/>
        </Field>
        <Field aria=id.clone() label="Your staff ID" optional=true>
            <input id=id.id() type="text" autocomplete="off"
                prop:value=move || signer.with(|p| p.id.clone())
                on:input=move |ev| { let v = event_target_value(&ev); signer.update(|p| p.id = v); }/>
        </Field>
    }
}

#[component]
pub fn SignPanel() -> impl IntoView {
    let s = expect_context::<Session>();
    move || {
        s.sign_open.get().then(|| {
            let attestation = s.cfg.with_value(|c| c.attestation.clone());
            let who = s.form.author.with(|a| match (a.name.is_empty(), a.id.is_empty()) {
                (true, _) => a.id.clone(),
                (false, true) => a.name.clone(),
                (false, false) => format!("{} ({})", a.name, a.id),
            });
            view! {
                <section class="sign-panel" aria-labelledby="cn-sign-title" part="sign-panel">
                    <h3 id="cn-sign-title" tabindex="-1">"Review and sign"</h3>
                    <p>"Read the note as it will be recorded. Once signed it cannot be changed; corrections go in an addendum."</p>
                    <pre class="rendered">{move || s.preview_text()}</pre>
                    <p class="attestation">{attestation}</p>
                    {if s.asks_signer() { view! { <SignerFields/> }.into_any() } else { view! { <p>{format!("Signing as {who}.")}</p> }.into_any() }}
                    <div class="check">
                        <input type="checkbox" id="cn-attest" prop:checked=move || s.attested.get() on:change=move |ev| s.attested.set(event_target_checked(&ev))/>
                        <label class="inline" for="cn-attest">"I agree with this statement"</label>
                    </div>
                    <div class="panel-actions">
                        <button type="button" class="primary" disabled=move || !s.attested.get() on:click=move |_| s.sign()>"Sign the note"</button>
                        <button type="button" class="secondary" on:click=move |_| s.close_sign_panel()>"Back to editing"</button>
                    </div>
                </section>
            }
        })
    }
}
