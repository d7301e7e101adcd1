//! Interventions: what the worker did, why (and why, when it departs from
//! standard procedure), and how the client responded.

use leptos::prelude::*;

use super::field::{Field, FieldAria};
use crate::domain::field_path::InterventionPart;
use crate::domain::FieldPath;
use crate::domain::Intervention;
use crate::ui::context::{focus_selector_later, focus_within_later, use_lang, Root};
use crate::ui::session::form::Form;
use crate::writing::completeness::needs_response;
use casenote_text::tr;
use casenote_text::Catalog;

#[component]
pub fn InterventionsField(
    form: Form,
    error_for: Callback<FieldPath, Option<String>>,
    locked: Signal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let list = form.interventions;
    let root = expect_context::<Root>().0;
    let add = move |_| {
        let item = form.new_intervention(&Intervention::default());
        list.update(|v| v.push(item));
        let n = list.with_untracked(|v| v.len()) - 1;
        let description = FieldPath::Intervention {
            index: n,
            part: InterventionPart::Description,
        };
        focus_selector_later(root, format!("#{}", description.dom_id()));
    };
    view! {
        <fieldset class="interventions" part="interventions">
            <legend>{lang.t("interventions-legend")}</legend>
            <p class="hint">{lang.t("interventions-hint")}</p>
            <ol class="intervention-list">
                // Rebuilt whole when an item is added or removed (typing
                // changes an item's own signals, not the list), so each
                // item's number and ids are plain values.
                {move || list.get().into_iter().enumerate().map(|(index, item)| {
                    let field = move |part| FieldPath::Intervention { index, part };
                    let desc_err = Signal::derive(move || error_for.run(field(InterventionPart::Description)));
                    let why_err = Signal::derive(move || error_for.run(field(InterventionPart::Rationale)));
                    let id = move |part| field(part).dom_id();
                    let (deviates_id, response_id) = (id(InterventionPart::Deviates), id(InterventionPart::Response));
                    let desc = FieldAria::new(id(InterventionPart::Description), None, desc_err);
                    let why = FieldAria::new(id(InterventionPart::Rationale), None, why_err);
                    let n = index + 1;
                    let which = format!(" {}", tr!(lang, "interventions-which", n = n));
                    view! {
                        <li class="intervention">
                            <Field aria=desc.clone() label=tr!(lang, "interventions-description", n = n)>
                                <textarea id=desc.id() rows="2"
                                    aria-describedby=desc.described_by()
                                    aria-invalid=desc.invalid()
                                    prop:value=move || item.description.get()
                                    prop:readOnly=move || locked.get()
                                    on:input=move |ev| item.description.set(event_target_value(&ev))></textarea>
                            </Field>
                            <div class="check">
                                <input type="checkbox" id=deviates_id.clone()
                                    prop:checked=move || item.deviates.get()
                                    disabled=move || locked.get()
                                    on:change=move |ev| item.deviates.set(event_target_checked(&ev))/>
                                <label class="inline" for=deviates_id>{lang.t("interventions-deviates")}<span class="visually-hidden">{which.clone()}</span></label>
                            </div>
                            <Field aria=why.clone() label_hidden=which.clone() label=move || if item.deviates.get() {
                                lang.t("interventions-rationale-deviates")
                            } else {
                                lang.t("interventions-rationale")
                            }>
                                <textarea id=why.id() rows="2"
                                    aria-describedby=why.described_by()
                                    aria-invalid=why.invalid()
                                    aria-required=move || if item.deviates.get() { "true" } else { "false" }
                                    prop:value=move || item.rationale.get()
                                    prop:readOnly=move || locked.get()
                                    on:input=move |ev| item.rationale.set(event_target_value(&ev))></textarea>
                            </Field>
                            <div class="field">
                                <label for=response_id.clone()>{lang.t("interventions-response")}<span class="visually-hidden">{which}</span></label>
                                <textarea id=response_id rows="2"
                                    prop:value=move || item.client_response.get()
                                    prop:readOnly=move || locked.get()
                                    on:input=move |ev| item.client_response.set(event_target_value(&ev))></textarea>
                                {move || (!locked.get() && item.description.with(|d| item.client_response.with(|r| needs_response(d, r)))).then(|| view! {
                                    <p class="prompt">{lang.t("interventions-response-prompt")}</p>
                                })}
                            </div>
                            <button type="button" class="link" disabled=move || locked.get()
                                on:click=move |ev: web_sys::MouseEvent| {
                                    // Focus goes to "Add an intervention", not lost with this one.
                                    focus_within_later(&ev, ".interventions", ":scope > button");
                                    list.update(|v| v.retain(|x| x.uid != item.uid));
                                }>
                                {tr!(lang, "interventions-remove", n = n)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <button type="button" class="secondary" on:click=add disabled=move || locked.get()>{lang.t("interventions-add")}</button>
        </fieldset>
    }
}
