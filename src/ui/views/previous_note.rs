//! The client's last note (`previousNote`), read-only beside the new one
//! in a panel the worker opens and closes: its date, author, Plan, goals'
//! progress and interventions, and its follow-ups, each of which the
//! worker marks as done, in progress or not done (with the reason).

use leptos::prelude::*;

use super::field::{Field, FieldAria};
use crate::domain::field_path::MarkPart;
use crate::domain::follow_up::{FollowUp, Status};
use crate::domain::previous::PreviousNote;
use crate::domain::FieldPath;
use crate::text::isolated;
use crate::ui::context::use_lang;
use crate::ui::session::Session;
use casenote_text::labels::Describe;
use casenote_text::labels::Label;
use casenote_text::tr;
use casenote_text::Catalog;

#[component]
pub fn PreviousNotePanel(note: PreviousNote) -> impl IntoView {
    let lang = use_lang();
    let open = RwSignal::new(true);
    let p = &note.0;
    let title = crate::text::previous::title(&note, lang);
    let plan = note.plan().cloned();
    let (goals, interventions) = (p.goals.clone(), p.interventions.clone());
    let follow_ups = p.follow_ups.clone();
    let note = StoredValue::new(note);
    view! {
        <aside class="previous-note" part="previous-note" aria-labelledby="cn-previous-title">
            <h2 class="previous-title" id="cn-previous-title">
                <button type="button" class="disclosure" aria-expanded=move || open.get().to_string()
                    aria-controls="cn-previous-body" on:click=move |_| open.update(|o| *o = !*o)>{title}</button>
            </h2>
            <div id="cn-previous-body" class="previous-body" hidden=move || !open.get()>
                <p class="hint">{lang.t("previous-note-read-only")}</p>
                {plan.map(|s| view! {
                    <h3>{s.label}</h3>
                    <p class="previous-text">{s.text}</p>
                })}
                {(!goals.is_empty()).then(|| view! {
                    <h3>{lang.t("previous-note-goals")}</h3>
                    <ul>{goals.into_iter().map(|g| view! { <li>{format!("{}: {}", isolated(&g.text), g.progress.label(lang))}</li> }).collect_view()}</ul>
                })}
                {(!interventions.is_empty()).then(|| view! {
                    <h3>{lang.t("previous-note-interventions")}</h3>
                    <ul>{interventions.into_iter().map(|i| {
                        let response = (!i.client_response.is_empty()).then(|| format!(
                            " {}",
                            tr!(lang, "previous-note-response", response = isolated(&i.client_response).into_owned())
                        ));
                        view! { <li>{isolated(&i.description).into_owned()}{response}</li> }
                    }).collect_view()}</ul>
                })}
                {(!follow_ups.is_empty()).then(|| view! {
                    <h3>{lang.t("previous-note-follow-ups")}</h3>
                    <ol class="previous-follow-ups">
                        {follow_ups.into_iter().enumerate().map(|(index, f)| view! { <MarkItem note=note index=index follow_up=f/> }).collect_view()}
                    </ol>
                })}
            </div>
        </aside>
    }
}

/// One of the previous note's follow-ups, with the worker's mark.
#[component]
fn MarkItem(note: StoredValue<PreviousNote>, index: usize, follow_up: FollowUp) -> impl IntoView {
    let lang = use_lang();
    let s = expect_context::<Session>();
    let (marks, locked) = (s.form.marks, s.locked());
    let status = Memo::new(move |_| {
        marks.with(|m| note.with_value(|n| n.mark_of(m, index).map(|x| x.status)))
    });
    let reason = move || {
        marks.with(|m| {
            note.with_value(|n| {
                n.mark_of(m, index)
                    .map(|x| x.reason.clone())
                    .unwrap_or_default()
            })
        })
    };
    let set = move |status: Option<Status>, reason: String| {
        marks.update(|m| *m = note.with_value(|n| n.mark(m, index, status, &reason)))
    };
    let group = format!("cn-previous-{index}-status");
    let reason_field = FieldPath::PreviousFollowUp {
        index,
        part: MarkPart::Reason,
    };
    let aria = FieldAria::new(reason_field.dom_id(), None, s.error_for(reason_field));
    let options: [(Option<Status>, String); 4] = [
        (None, lang.t("previous-note-not-marked")),
        (Some(Status::Done), Status::Done.label(lang)),
        (Some(Status::InProgress), Status::InProgress.label(lang)),
        (Some(Status::NotDone), Status::NotDone.label(lang)),
    ];
    view! {
        <li class="mark">
            <fieldset>
                <legend>{follow_up.describe(lang)}</legend>
                <div class="choices">
                    {options.into_iter().map(|(value, label)| {
                        let id = format!("{group}-{}", value.map_or("none", Status::value));
                        view! {
                            <span class="check">
                                <input type="radio" id=id.clone() name=group.clone()
                                    prop:checked=move || status.get() == value
                                    disabled=move || locked.get()
                                    on:change=move |_| set(value, reason())/>
                                <label class="inline" for=id>{label}</label>
                            </span>
                        }
                    }).collect_view()}
                </div>
                {move || (status.get() == Some(Status::NotDone)).then(|| {
                    let aria = aria.clone();
                    view! {
                        <Field aria=aria.clone() label=lang.t("previous-note-not-done-reason")>
                            <input id=aria.id() type="text" autocomplete="off"
                                aria-describedby=aria.described_by() aria-invalid=aria.invalid()
                                prop:value=reason prop:readOnly=move || locked.get()
                                on:input=move |ev| set(Some(Status::NotDone), event_target_value(&ev))/>
                        </Field>
                    }
                })}
            </fieldset>
        </li>
    }
}

crate::ui::part::part!(
    previous,
    pub fn previous_note_part(note: PreviousNote) -> AnyView {
        view! { <PreviousNotePanel note=note/> }.into_any()
    }
);
