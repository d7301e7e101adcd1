//! About this contact: the client, the note's format, and when the
//! service took place.

use leptos::prelude::*;

use super::field::{Field, FieldAria};
use crate::domain::time::duration_minutes;
use crate::domain::FieldPath;
use crate::domain::ServiceTime;
use crate::ui::context::use_lang;
use crate::ui::session::Session;
use casenote_text::tr;
use casenote_text::Catalog;

/// A date or time of the service.
#[component]
fn ServiceField(
    /// The field (the date, the start or the end).
    field: FieldPath,
    label: String,
    /// `date` or `time`.
    kind: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    let s = expect_context::<Session>();
    let locked = s.locked();
    let aria = FieldAria::new(field.dom_id(), None, s.error_for(field));
    view! {
        <Field aria=aria.clone() label=label>
            <input
                id=aria.id()
                type=kind
                aria-describedby=aria.described_by()
                aria-invalid=aria.invalid()
                prop:value=move || value.get()
                prop:readOnly=move || locked.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </Field>
    }
}

#[component]
pub fn MetaFields() -> impl IntoView {
    let lang = use_lang();
    let s = expect_context::<Session>();
    let (form, locked) = (s.form, s.locked());
    let client = FieldAria::new(
        FieldPath::Client.dom_id(),
        None,
        s.error_for(FieldPath::Client),
    );
    let (format_id, overnight_id) = (FieldPath::Format.dom_id(), FieldPath::Overnight.dom_id());
    // An end before the start is asked about, never taken as a 23-hour
    // session.
    let crosses = Memo::new(move |_| {
        ServiceTime {
            start: form.start.get(),
            end: form.end.get(),
            ..ServiceTime::default()
        }
        .ends_before_start()
    });
    let duration = move || {
        if crosses.get() && !form.overnight.get() {
            return None;
        }
        duration_minutes(&form.start.get(), &form.end.get())
            .map(|m| tr!(lang, "meta-duration", minutes = m))
    };
    view! {
        <fieldset class="meta">
            <legend>{lang.t("meta-legend")}</legend>
            <Field aria=client.clone() label=lang.t("meta-client")>
                <input
                    id=client.id()
                    type="text"
                    autocomplete="off"
                    aria-describedby=client.described_by()
                    aria-invalid=client.invalid()
                    prop:value=move || form.client_name.get()
                    prop:readOnly=move || locked.get()
                    on:input=move |ev| form.client_name.set(event_target_value(&ev))
                />
            </Field>
            <div class="field">
                <label for=format_id.clone()>{lang.t("meta-format")}</label>
                <select id=format_id disabled=move || locked.get() on:change=move |ev| form.format.set(event_target_value(&ev))>
                    {s.offered().into_iter().map(|t| {
                        let id = t.id.clone();
                        view! { <option value=t.id.clone() selected=move || form.format.get() == id>{t.name.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="row">
                <ServiceField field=FieldPath::ServiceDate label=lang.t("meta-date") kind="date" value=form.date/>
                <ServiceField field=FieldPath::ServiceStart label=lang.t("meta-start") kind="time" value=form.start/>
                <ServiceField field=FieldPath::ServiceEnd label=lang.t("meta-end") kind="time" value=form.end/>
            </div>
            {move || crosses.get().then(|| view! {
                <div class="check overnight">
                    <input type="checkbox" id=overnight_id.clone()
                        prop:checked=move || form.overnight.get()
                        disabled=move || locked.get()
                        on:change=move |ev| form.overnight.set(event_target_checked(&ev))/>
                    <label class="inline" for=overnight_id.clone()>{lang.t("meta-overnight")}</label>
                </div>
            })}
            <p class="duration">{duration}</p>
        </fieldset>
    }
}
