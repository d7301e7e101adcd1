//! A late entry: how late the note is, and the reason the worker gives.

use leptos::prelude::*;

use super::field::{Field, FieldAria};
use crate::domain::render::hours_text;
use crate::ui::session::form::Form;

#[component]
pub fn LateEntryField(
    form: Form,
    hours: Signal<Option<f64>>,
    threshold: f64,
    error: Signal<Option<String>>,
    locked: Signal<bool>,
) -> impl IntoView {
    let aria = FieldAria::new("cn-lateEntryReason".into(), None, error);
    view! {
        <div class="late-entry" part="late-entry">
            <p class="late-label"><strong>"Late entry."</strong>{move || format!(
                " This note is written {} hours after the service ended (notes are due within {} hours). It will be labelled as a late entry.",
                hours_text(hours.get().unwrap_or(0.0), 0),
                hours_text(threshold, 0)
            )}</p>
            <Field aria=aria.clone() label="Reason for the late entry">
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
