//! A late entry: how late the note is, and the reason the worker gives.

use leptos::prelude::*;

use super::field::{Field, FieldAria};
use crate::domain::FieldPath;
use crate::text::render::hours_text;
use crate::ui::context::use_lang;
use crate::ui::session::form::Form;
use casenote_text::tr;
use casenote_text::Catalog;

#[component]
pub fn LateEntryField(
    form: Form,
    hours: Signal<Option<f64>>,
    threshold: f64,
    error: Signal<Option<String>>,
    locked: Signal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let aria = FieldAria::new(FieldPath::LateEntryReason.dom_id(), None, error);
    view! {
        <div class="late-entry" part="late-entry">
            <p class="late-label"><strong>{lang.t("late-entry-title")}</strong>" "{move || tr!(
                lang,
                "late-entry-explained",
                hours = hours_text(hours.get().unwrap_or(0.0), 0),
                due = hours_text(threshold, 0),
            )}</p>
            <Field aria=aria.clone() label=lang.t("late-entry-reason")>
                <textarea id=aria.id() rows="2"
                    aria-describedby=aria.described_by()
                    aria-invalid=aria.invalid()
                    prop:value=move || form.late_reason.get()
                    prop:readOnly=move || locked.get()
                    on:input=move |ev| form.late_reason.set(event_target_value(&ev))></textarea>
            </Field>
        </div>
    }
}
