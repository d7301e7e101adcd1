//! Who took part, how the contact happened and where: the participants
//! (name and role, preset by the host), the contact mode (the host may
//! restrict the choices) and the location (with the host's suggestions).

use leptos::prelude::*;

use super::field::{Field, FieldAria};
use crate::domain::contact::{ContactMode, Participant, ParticipantRole};
use crate::domain::field_path::ParticipantPart;
use crate::domain::FieldPath;
use crate::ui::context::{focus_selector_later, focus_within_later, use_lang, Root};
use crate::ui::session::Session;
use casenote_text::labels::Label;
use casenote_text::tr;
use casenote_text::Catalog;

#[component]
pub fn ContactFields() -> impl IntoView {
    let lang = use_lang();
    let s = expect_context::<Session>();
    let (form, locked) = (s.form, s.locked());
    let (modes, locations) = s
        .cfg
        .with_value(|c| (c.contact_modes.clone(), c.locations.clone()));
    let mode = form.contact_mode;
    let location = FieldAria::new(
        FieldPath::Location.dom_id(),
        None,
        s.error_for(FieldPath::Location),
    );
    let mode_id = FieldPath::ContactMode.dom_id();
    view! {
        <fieldset class="contact" part="contact">
            <legend>{lang.t("contact-legend")}</legend>
            <div class="row">
                <div class="field">
                    <label for=mode_id.clone()>{lang.t("contact-how")}<span class="optional">" "{lang.t("field-optional")}</span></label>
                    <select id=mode_id disabled=move || locked.get()
                        on:change=move |ev| mode.set(ContactMode::from_value(&event_target_value(&ev)))>
                        <option value="" selected=move || mode.get().is_none()>{lang.t("contact-how-not-said")}</option>
                        {modes.into_iter().map(|m| view! {
                            <option value=m.value() selected=move || mode.get() == Some(m)>{m.label(use_lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Field aria=location.clone() label=lang.t("contact-location") optional=true>
                    <input id=location.id() type="text" list="cn-location-suggestions" autocomplete="off"
                        aria-describedby=location.described_by()
                        prop:value=move || form.location.get()
                        prop:readOnly=move || locked.get()
                        on:input=move |ev| form.location.set(event_target_value(&ev))/>
                    <datalist id="cn-location-suggestions">
                        {locations.into_iter().map(|l| view! { <option value=l/> }).collect_view()}
                    </datalist>
                </Field>
            </div>
            {move || mode.get().is_some_and(ContactMode::is_attempt).then(|| view! {
                <p class="hint attempt-hint" id="cn-attempt-hint">{lang.t("contact-attempt-hint")}</p>
            })}
            <Participants/>
        </fieldset>
    }
}

/// The participants list: one row each, added and removed from the
/// keyboard, focus kept in the list.
#[component]
fn Participants() -> impl IntoView {
    let lang = use_lang();
    let s = expect_context::<Session>();
    let (form, locked) = (s.form, s.locked());
    let list = form.participants;
    let error_of = s.error_of();
    let root = expect_context::<Root>().0;
    let add = move |_| {
        list.update(|v| v.push(form.new_participant(&Participant::default())));
        let n = list.with_untracked(Vec::len) - 1;
        let name = FieldPath::Participant {
            index: n,
            part: ParticipantPart::Name,
        };
        focus_selector_later(root, format!("#{}", name.dom_id()));
    };
    view! {
        <div class="participants">
            <p class="group-label" id="cn-participants-label">{lang.t("participants-label")}</p>
            <ol class="participant-list" aria-labelledby="cn-participants-label">
                {move || list.get().into_iter().enumerate().map(|(index, item)| {
                    let n = index + 1;
                    let field = move |part| FieldPath::Participant { index, part };
                    let name_field = field(ParticipantPart::Name);
                    let name = FieldAria::new(name_field.dom_id(), None, Signal::derive(move || error_of.run(name_field.clone())));
                    let role_id = field(ParticipantPart::Role).dom_id();
                    let relationship = FieldAria::new(
                        field(ParticipantPart::Relationship).dom_id(),
                        Some(lang.t("participants-relationship-hint")),
                        Signal::stored(None),
                    );
                    view! {
                        <li class="participant row">
                            <Field aria=name.clone() label=tr!(lang, "participants-name", n = n)>
                                <input id=name.id() type="text" autocomplete="off"
                                    aria-describedby=name.described_by()
                                    aria-invalid=name.invalid()
                                    prop:value=move || item.name.get()
                                    prop:readOnly=move || locked.get()
                                    on:input=move |ev| item.name.set(event_target_value(&ev))/>
                            </Field>
                            <div class="field">
                                <label for=role_id.clone()>{tr!(lang, "participants-role", n = n)}</label>
                                <select id=role_id disabled=move || locked.get()
                                    on:change=move |ev| if let Some(r) = ParticipantRole::from_value(&event_target_value(&ev)) { item.role.set(r) }>
                                    {ParticipantRole::ALL.into_iter().map(|r| view! {
                                        <option value=r.value() selected=move || item.role.get() == r>{r.label(use_lang())}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <Field aria=relationship.clone() label=tr!(lang, "participants-relationship", n = n) optional=true>
                                <input id=relationship.id() type="text" autocomplete="off"
                                    aria-describedby=relationship.described_by()
                                    prop:value=move || item.relationship.get()
                                    prop:readOnly=move || locked.get()
                                    on:input=move |ev| item.relationship.set(event_target_value(&ev))/>
                            </Field>
                            <button type="button" class="link" disabled=move || locked.get()
                                on:click=move |ev: web_sys::MouseEvent| {
                                    focus_within_later(&ev, ".participants", ":scope > button");
                                    list.update(|v| v.retain(|x| x.uid != item.uid));
                                }>{tr!(lang, "participants-remove", n = n)}</button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <button type="button" class="secondary" on:click=add disabled=move || locked.get()>{lang.t("participants-add")}</button>
        </div>
    }
}
