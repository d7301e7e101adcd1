//! Challenges and barriers the client faces (optional).

use leptos::prelude::*;

use super::field::{Field, FieldAria};
use crate::domain::FieldPath;
use crate::ui::context::use_lang;
use crate::ui::session::form::Form;
use casenote_text::Catalog;

#[component]
pub fn ChallengesField(form: Form, locked: Signal<bool>) -> impl IntoView {
    let lang = use_lang();
    let aria = FieldAria::new(
        FieldPath::Challenges.dom_id(),
        Some(lang.t("challenges-hint")),
        Signal::stored(None),
    );
    view! {
        <Field aria=aria.clone() label=lang.t("challenges-label") class="field challenges">
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
