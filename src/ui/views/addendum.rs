//! Addendum mode: which note this one adds to, the kind of addendum and
//! why it is written. The original is never changed.

use leptos::prelude::*;

use super::field::{Field, FieldAria};
use crate::domain::field_path::AddendumPart;
use crate::domain::record::AddendumKind;
use crate::domain::FieldPath;
use crate::ui::context::use_lang;
use crate::ui::session::Session;
use casenote_text::labels::Label;
use casenote_text::tr;
use casenote_text::words::Words;
use casenote_text::Catalog;

#[component]
pub fn AddendumBlock(
    /// The original note's id.
    to: String,
) -> impl IntoView {
    let lang = use_lang();
    let s = expect_context::<Session>();
    let (form, locked, errors) = (s.form, s.locked(), s.errors);
    // Either link problem, with the id its summary link points at.
    let link_error = Signal::derive(move || {
        errors.with(|e| {
            e.iter()
                .find(|x| {
                    [AddendumPart::ToHash, AddendumPart::To]
                        .map(FieldPath::Addendum)
                        .contains(&x.field)
                })
                .map(|x| (x.field.dom_id(), x.words(lang)))
        })
    });
    // What the page says of the original: whose note, when, by whom.
    let original = s.cfg.with_value(|c| {
        let a = c.note.addendum.as_ref()?;
        let mut parts = Vec::new();
        let client = c.note.client.name.trim();
        if !client.is_empty() {
            parts.push(tr!(lang, "addendum-original-client", client = client));
        }
        if let Some(d) = &a.service_date {
            parts.push(tr!(lang, "addendum-original-date", date = d.as_str()));
        }
        if let Some(w) = &a.author {
            parts.push(tr!(lang, "addendum-original-author", author = w.as_str()));
        }
        (!parts.is_empty()).then(|| tr!(lang, "addendum-original", parts = parts.join(", ")))
    });
    let signature = s
        .cfg
        .with_value(|c| c.note.addendum.as_ref().is_some_and(|a| a.is_signature()));
    let reason = FieldAria::new(
        FieldPath::Addendum(AddendumPart::Reason).dom_id(),
        None,
        s.error_for(FieldPath::Addendum(AddendumPart::Reason)),
    );
    view! {
        <fieldset class="addendum-block" part="addendum">
            <legend>{lang.t("addendum-legend")}</legend>
            <p>{tr!(lang, "addendum-explained", note = to)}</p>
            {original.map(|o| view! { <p class="original">{o}</p> })}
            {move || link_error.get().map(|(id, e)| view! { <p class="error-message" id=id tabindex="-1"><span class="visually-hidden">{lang.t("field-error")}" "</span>{e}</p> })}
            {if signature {
                // Started from a note sent unsigned: its kind is what it is.
                view! { <p class="addendum-kind">{lang.t("addendum-kind-label")}": "<strong>{AddendumKind::Signature.label(lang)}</strong></p> }.into_any()
            } else {
                view! { <KindSelect/> }.into_any()
            }}
            <Field aria=reason.clone() label=lang.t("addendum-reason")>
                <textarea id=reason.id() rows="2"
                    aria-describedby=reason.described_by()
                    aria-invalid=reason.invalid()
                    prop:value=move || form.addendum.with(|a| a.as_ref().map(|a| a.reason.clone()).unwrap_or_default())
                    prop:readOnly=move || locked.get()
                    on:input=move |ev| { let v = event_target_value(&ev); form.addendum.update(|a| if let Some(a) = a { a.reason = v }); }
                ></textarea>
            </Field>
        </fieldset>
    }
}

/// The kind of addendum, as the worker chooses it.
#[component]
fn KindSelect() -> impl IntoView {
    let s = expect_context::<Session>();
    let (form, locked, lang) = (s.form, s.locked(), s.lang);
    let id = FieldPath::Addendum(AddendumPart::Kind).dom_id();
    view! {
            <div class="field">
                <label for=id.clone()>{lang.t("addendum-kind-label")}</label>
                <select id=id disabled=move || locked.get() on:change=move |ev| {
                    if let Some(k) = AddendumKind::from_value(&event_target_value(&ev)) {
                        form.addendum.update(|a| if let Some(a) = a { a.kind = k });
                    }
                }>
                    {AddendumKind::ALL.into_iter().map(|k| view! {
                        <option value=k.value() selected=move || form.addendum.with(|a| a.as_ref().map(|a| a.kind)) == Some(k)>{k.label(s.lang)}</option>
                    }).collect_view()}
                </select>
            </div>
    }
}

crate::ui::part::part!(
    addendum,
    pub fn addendum_part(to: String) -> AnyView {
        view! { <AddendumBlock to=to/> }.into_any()
    }
);
