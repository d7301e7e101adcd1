//! Challenges and barriers the client faces (optional).

use leptos::prelude::*;

use super::field::{Field, FieldAria};
use crate::ui::session::form::Form;

#[component]
pub fn ChallengesField(form: Form, locked: Signal<bool>) -> impl IntoView {
    let aria = FieldAria::new(
        "cn-challenges".into(),
        Some("What stands in the client's way: money, transport, health, safety, services.".into()),
        Signal::stored(None),
    );
    view! {
        <Field aria=aria.clone() label="Challenges and barriers (optional)" class="field challenges">
            <textarea
                id=aria.id()
                rows="3"
                aria-describedby=aria.described_by()
                prop:value=move || form.challenges.get()
                prop:readOnly=move || locked.get()
                on:input=move |ev| form.challenges.set(event_target_value(&ev))
            ></textarea>
        </Field>
    }
}
