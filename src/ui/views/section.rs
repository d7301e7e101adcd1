//! One section of the note: its label, prompt and text, with the writing
//! aids, the offer to split a pasted note, and the client's own words.

use leptos::prelude::*;

use super::aids::{writing_aids_part, WritingAidsProps};
use super::field::{Field, FieldAria};
use super::paste_offer::{PasteOffer, PasteSplit};
use super::quotes::QuoteList;
use super::returned::section_comments_part;
use crate::domain::{FieldPath, SectionSpec, Template};
use crate::ui::part::Part;
use crate::ui::session::form::{Form, SectionState};
use crate::ui::session::Session;

#[component]
pub fn SectionField(
    /// The section's field (its place in the template, and its key).
    field: FieldPath,
    spec: SectionSpec,
    section: SectionState,
    /// The error for this section, if any.
    error: Signal<Option<String>>,
    /// The error for any field (a quote's).
    error_of: Callback<FieldPath, Option<String>>,
    locked: Signal<bool>,
    form: Form,
    template: Memo<Template>,
    /// Abbreviations spelled out anywhere in the note.
    defined: Memo<Vec<String>>,
    approved: StoredValue<Vec<String>>,
) -> impl IntoView {
    let aria = FieldAria::new(field.dom_id(), Some(spec.prompt.clone()), error);
    let name = field.editor_key();
    let text = section.text;
    let paste = PasteSplit::new(field.clone(), text, form, template, locked);
    let (key, label) = (
        StoredValue::new(spec.key.clone()),
        StoredValue::new(spec.label.clone()),
    );
    let area = StoredValue::new(aria.id());
    let signed = Signal::derive(move || form.signature.with(Option::is_some));
    // In revision mode, the review's comments about this section, beside it.
    let returned = expect_context::<Session>().cfg.with_value(|c| {
        c.note
            .returned
            .as_ref()
            .filter(|r| r.comments_on_section(&spec.key).next().is_some())
            .cloned()
    });
    view! {
        <Field aria=aria.clone() label=spec.label.clone() optional=!spec.required class="section" label_class="section-label" part="section" heading=true>
            <textarea
                id=aria.id()
                name=name
                rows="5"
                aria-describedby=aria.described_by()
                aria-invalid=aria.invalid()
                prop:value=move || text.get()
                prop:readOnly=move || locked.get()
                on:input=move |ev| paste.on_input(&ev)
                on:paste=move |ev| paste.on_paste(&ev)
            ></textarea>
            {returned.map(|r| {
                let r = StoredValue::new(r);
                view! { <Part what="part-returned" load=move || section_comments_part(r.get_value(), key.get_value())/> }
            })}
            <PasteOffer paste=paste/>
            <Part what="part-aids" load=move || writing_aids_part(WritingAidsProps {
                key: key.get_value(),
                label: label.get_value(),
                area_id: area.get_value(),
                text,
                defined,
                approved,
                signed,
            })/>
            <QuoteList area_id=aria.id() field=field spec=spec section=section form=form locked=locked error_of=error_of/>
        </Field>
    }
}
