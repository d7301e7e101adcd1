//! Signing: the panel where the worker reads the note as it will be
//! recorded and agrees to the attestation, and the banner a signed (and
//! so locked) note shows.

use leptos::prelude::*;

use super::field::{Field, FieldAria};
use crate::domain::field_path::SignerPart;
use crate::domain::FieldPath;
use crate::platform::local_from_rfc3339;
use crate::ui::context::use_lang;
use crate::ui::part::Part;
use crate::ui::session::{Panel, Sending, Session};
use casenote_text::tr;
use casenote_text::Catalog;

#[component]
pub fn SignedBanner() -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    move || {
        s.form.signature.get().map(|sig| {
            let who = if sig.signer_name.is_empty() {
                sig.signer_id.clone()
            } else {
                sig.signer_name.clone()
            };
            view! {
                <div class="signed" role="status" tabindex="-1" part="signed">
                    <p><strong>{tr!(
                        lang,
                        "signing-signed-by",
                        who = who,
                        time = local_from_rfc3339(&sig.signed_at, lang),
                    )}</strong>" "{lang.t("signing-signed-explained")}</p>
                    <p class="hash">{lang.t("signing-hash")}" "<code>{sig.content_hash.clone()}</code></p>
                    <button type="submit" class="primary" part="submit" disabled=move || s.sending.get() == Sending::InFlight>
                        {move || if s.sending.get() == Sending::InFlight { lang.t("signing-sending") } else { lang.t("signing-submit") }}
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
    let lang = use_lang();
    let signer = s.signer;
    let name = FieldAria::new(
        FieldPath::Signer(SignerPart::Name).dom_id(),
        Some(lang.t("signing-name-hint")),
        s.error_for(FieldPath::Signer(SignerPart::Name)),
    );
    let id = FieldAria::new(
        FieldPath::Signer(SignerPart::Id).dom_id(),
        None,
        Signal::stored(None),
    );
    view! {
        <Field aria=name.clone() label=lang.t("signing-name")>
            <input id=name.id() type="text" autocomplete="name"
                aria-describedby=name.described_by() aria-invalid=name.invalid()
                prop:value=move || signer.with(|p| p.name.clone())
                on:input=move |ev| { let v = event_target_value(&ev); signer.update(|p| p.name = v); }/>
        </Field>
        <Field aria=id.clone() label=lang.t("signing-staff-id") optional=true>
            <input id=id.id() type="text" autocomplete="off"
                prop:value=move || signer.with(|p| p.id.clone())
                on:input=move |ev| { let v = event_target_value(&ev); signer.update(|p| p.id = v); }/>
        </Field>
    }
}

#[component]
pub fn SignPanel() -> impl IntoView {
    let s = expect_context::<Session>();
    let open = s.panels.open(Panel::Signing);
    move || {
        open.get()
            .then(|| view! { <Part what="signing-title" load=sign_panel_part/> })
    }
}

crate::ui::part::part!(
    signing,
    pub fn sign_panel_part() -> AnyView {
        view! { <SignPanelOpen/> }.into_any()
    }
);

/// The open panel: the note as it will be recorded, the attestation, who
/// signs, and the agreement.
#[component]
fn SignPanelOpen() -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    let attestation = s.cfg.with_value(|c| c.attestation.clone());
    let who = s
        .form
        .author
        .with(|a| match (a.name.is_empty(), a.id.is_empty()) {
            (true, _) => a.id.clone(),
            (false, true) => a.name.clone(),
            (false, false) => format!("{} ({})", a.name, a.id),
        });
    view! {
        <section class="sign-panel" aria-labelledby="cn-sign-title" part="sign-panel">
            <h3 id="cn-sign-title" tabindex="-1">{lang.t("signing-title")}</h3>
            <p>{lang.t("signing-explained")}</p>
            <pre class="rendered">{move || s.preview_text()}</pre>
            <p class="attestation">{attestation}</p>
            {if s.asks_signer() { view! { <SignerFields/> }.into_any() } else { view! { <p>{tr!(lang, "signing-as", who = who)}</p> }.into_any() }}
            <div class="check">
                <input type="checkbox" id="cn-attest" prop:checked=move || s.attested.get() on:change=move |ev| s.attested.set(event_target_checked(&ev))/>
                <label class="inline" for="cn-attest">{lang.t("signing-agree")}</label>
            </div>
            <div class="panel-actions">
                <button type="button" class="primary" disabled=move || !s.attested.get() on:click=move |_| s.sign()>{lang.t("signing-sign")}</button>
                <button type="button" class="secondary" on:click=move |_| s.close_sign_panel()>{lang.t("signing-back")}</button>
            </div>
        </section>
    }
}
