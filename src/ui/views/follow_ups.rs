//! The plan's next steps as follow-ups: what, who (the worker, the client
//! or a named person) and the date it is due. Sent as `followUps`.

use leptos::prelude::*;

use super::field::{Field, FieldAria};
use crate::domain::field_path::FollowUpPart;
use crate::domain::follow_up::{FollowUp, Owner};
use crate::domain::FieldPath;
use crate::ui::context::{focus_selector_later, focus_within_later, use_lang, Root};
use crate::ui::session::form::FollowUpState;
use crate::ui::session::Session;
use casenote_text::labels::Label;
use casenote_text::tr;
use casenote_text::Catalog;

#[component]
pub fn FollowUpsField() -> impl IntoView {
    let lang = use_lang();
    let s = expect_context::<Session>();
    let (form, locked) = (s.form, s.locked());
    let list = form.follow_ups;
    let root = expect_context::<Root>().0;
    let add = move |_| {
        list.update(|v| v.push(form.new_follow_up(&FollowUp::default())));
        let n = list.with_untracked(Vec::len) - 1;
        let what = FieldPath::FollowUp {
            index: n,
            part: FollowUpPart::What,
        };
        focus_selector_later(root, format!("#{}", what.dom_id()));
    };
    view! {
        <fieldset class="follow-ups" part="follow-ups">
            <legend>{lang.t("follow-ups-legend")}</legend>
            <p class="hint">{lang.t("follow-ups-hint")}</p>
            <ol class="follow-up-list">
                {move || list.get().into_iter().enumerate().map(|(index, item)| view! {
                    <FollowUpItem index=index item=item/>
                }).collect_view()}
            </ol>
            <button type="button" class="secondary" on:click=add disabled=move || locked.get()>{lang.t("follow-ups-add")}</button>
        </fieldset>
    }
}

#[component]
fn FollowUpItem(index: usize, item: FollowUpState) -> impl IntoView {
    let lang = use_lang();
    let s = expect_context::<Session>();
    let (form, locked, error_of) = (s.form, s.locked(), s.error_of());
    let n = index + 1;
    let aria = move |part| {
        let field = FieldPath::FollowUp { index, part };
        FieldAria::new(
            field.dom_id(),
            None,
            Signal::derive(move || error_of.run(field.clone())),
        )
    };
    let (what, who_name, due) = (
        aria(FollowUpPart::What),
        aria(FollowUpPart::WhoName),
        aria(FollowUpPart::Due),
    );
    let who_id = FieldPath::FollowUp {
        index,
        part: FollowUpPart::Who,
    }
    .dom_id();
    let other = Memo::new(move |_| item.who.get() == Owner::Other);
    view! {
        <li class="follow-up">
            <Field aria=what.clone() label=tr!(lang, "follow-ups-what", n = n)>
                <input id=what.id() type="text" autocomplete="off"
                    aria-describedby=what.described_by() aria-invalid=what.invalid()
                    prop:value=move || item.what.get() prop:readOnly=move || locked.get()
                    on:input=move |ev| item.what.set(event_target_value(&ev))/>
            </Field>
            <div class="row">
                <div class="field">
                    <label for=who_id.clone()>{tr!(lang, "follow-ups-who", n = n)}</label>
                    <select id=who_id disabled=move || locked.get()
                        on:change=move |ev| if let Some(o) = Owner::from_value(&event_target_value(&ev)) { item.who.set(o) }>
                        {Owner::ALL.into_iter().map(|o| view! {
                            <option value=o.value() selected=move || item.who.get() == o>{o.label(use_lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
                {move || other.get().then(|| { let who_name = who_name.clone(); view! {
                    <Field aria=who_name.clone() label=tr!(lang, "follow-ups-who-name", n = n)>
                        <input id=who_name.id() type="text" autocomplete="off"
                            aria-describedby=who_name.described_by() aria-invalid=who_name.invalid()
                            prop:value=move || item.who_name.get() prop:readOnly=move || locked.get()
                            on:input=move |ev| item.who_name.set(event_target_value(&ev))/>
                    </Field>
                }})}
                <Field aria=due.clone() label=tr!(lang, "follow-ups-due", n = n)>
                    <input id=due.id() type="date"
                        aria-describedby=due.described_by() aria-invalid=due.invalid()
                        prop:value=move || item.due.get() prop:readOnly=move || locked.get()
                        on:input=move |ev| item.due.set(event_target_value(&ev))/>
                </Field>
            </div>
            <button type="button" class="link" disabled=move || locked.get()
                on:click=move |ev: web_sys::MouseEvent| {
                    focus_within_later(&ev, ".follow-ups", ":scope > button");
                    form.follow_ups.update(|v| v.retain(|x| x.uid != item.uid));
                }>{tr!(lang, "follow-ups-remove", n = n)}</button>
        </li>
    }
}
