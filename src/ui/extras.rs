//! The parts of the note around its sections: goals, challenges,
//! interventions, the late-entry reason, and the preview.

use leptos::prelude::*;

use super::context::{focus_selector, focus_within_later, Root};
use super::form::Form;
use super::section::field_dom_id;
use crate::domain::render::hours_text;
use crate::domain::{GoalProgress, Intervention, Progress};

/// A goal the host passed in (`goals` property).
#[derive(Clone, Debug, PartialEq)]
pub struct HostGoal {
    pub id: String,
    pub text: String,
}

#[component]
pub fn GoalsField(goals: Vec<HostGoal>, form: Form, locked: Signal<bool>) -> impl IntoView {
    let selected = form.goals;
    view! {
        <fieldset class="goals" part="goals">
            <legend>"Goals addressed in this contact"</legend>
            <p class="hint" id="cn-goals-hint">"Tick each of the client's goals this contact worked on, and how it moved."</p>
            <ul class="goal-list">
                {goals.into_iter().enumerate().map(|(i, g)| {
                    let check_id = format!("cn-goal-{i}");
                    let progress_id = format!("cn-goal-{i}-progress");
                    let (gid, gid2, gid3) = (g.id.clone(), g.id.clone(), g.id.clone());
                    let text = g.text.clone();
                    let addressed = move || selected.with(|v| v.iter().any(|p| p.id == gid));
                    let current = move || selected.with(|v| v.iter().find(|p| p.id == gid2).map(|p| p.progress));
                    let toggle = {
                        let text = text.clone();
                        move |ev| {
                            let on = event_target_checked(&ev);
                            selected.update(|v| {
                                v.retain(|p| p.id != gid3);
                                if on {
                                    v.push(GoalProgress { id: gid3.clone(), text: text.clone(), progress: Progress::NotAssessed });
                                }
                            });
                        }
                    };
                    let gid4 = g.id.clone();
                    let set_progress = move |ev| {
                        if let Some(p) = Progress::from_value(&event_target_value(&ev)) {
                            selected.update(|v| {
                                if let Some(x) = v.iter_mut().find(|x| x.id == gid4) {
                                    x.progress = p;
                                }
                            });
                        }
                    };
                    let current = StoredValue::new(current);
                    view! {
                        <li class="goal">
                            <input type="checkbox" id=check_id.clone() prop:checked=addressed.clone() disabled=move || locked.get() on:change=toggle/>
                            <label for=check_id class="inline">{text.clone()}</label>
                            {move || addressed().then(|| {
                                let progress_id = progress_id.clone();
                                let text = text.clone();
                                view! {
                                    <div class="goal-progress">
                                        <label for=progress_id.clone()>{format!("Progress on “{text}”")}</label>
                                        <select id=progress_id disabled=move || locked.get() on:change=set_progress.clone()>
                                            {Progress::ALL.into_iter().map(|p| view! {
                                                <option value=p.value() selected=move || current.with_value(|c| c()) == Some(p)>{p.label()}</option>
                                            }).collect_view()}
                                        </select>
                                    </div>
                                }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

#[component]
pub fn ChallengesField(form: Form, locked: Signal<bool>) -> impl IntoView {
    view! {
        <div class="field challenges">
            <label for="cn-challenges">"Challenges and barriers (optional)"</label>
            <p class="hint" id="cn-challenges-hint">"What stands in the client's way: money, transport, health, safety, services."</p>
            <textarea
                id="cn-challenges"
                rows="3"
                aria-describedby="cn-challenges-hint"
                prop:value=move || form.challenges.get()
                prop:readOnly=move || locked.get()
                on:input=move |ev| form.challenges.set(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

#[component]
pub fn InterventionsField(
    form: Form,
    error_for: Callback<String, Option<String>>,
    locked: Signal<bool>,
) -> impl IntoView {
    let list = form.interventions;
    let root = expect_context::<Root>().0;
    let add = move |_| {
        let item = form.new_intervention(&Intervention::default());
        list.update(|v| v.push(item));
        let n = list.with_untracked(|v| v.len()) - 1;
        request_animation_frame(move || {
            focus_selector(root, &format!("#cn-interventions-{n}-description"))
        });
    };
    view! {
        <fieldset class="interventions" part="interventions">
            <legend>"Interventions"</legend>
            <p class="hint">"What you did, why you chose it, and how the client received it."</p>
            <ol class="intervention-list">
                // Rebuilt whole when an item is added or removed (typing
                // changes an item's own signals, not the list), so each
                // item's number and ids are plain values.
                {move || list.get().into_iter().enumerate().map(|(index, item)| {
                    let field = move |name: &str| format!("interventions.{index}.{name}");
                    let desc_err = Signal::derive(move || error_for.run(field("description")));
                    let why_err = Signal::derive(move || error_for.run(field("rationale")));
                    let id = move |name: &str| field_dom_id(&field(name));
                    let (desc_id, deviates_id, why_id, response_id) = (id("description"), id("deviates"), id("rationale"), id("response"));
                    let (desc_error_id, why_error_id) = (format!("{desc_id}-error"), format!("{why_id}-error"));
                    let (desc_described, why_described) = (desc_error_id.clone(), why_error_id.clone());
                    let n = index + 1;
                    view! {
                        <li class="intervention">
                            <div class="field" class:has-error=move || desc_err.get().is_some()>
                                <label for=desc_id.clone()>{format!("Intervention {n}: what you did")}</label>
                                {move || desc_err.get().map(|e| view! { <p class="error-message" id=desc_error_id.clone()><span class="visually-hidden">"Error: "</span>{e}</p> })}
                                <textarea id=desc_id rows="2"
                                    aria-describedby=move || desc_err.get().map(|_| desc_described.clone())
                                    aria-invalid=move || if desc_err.get().is_some() { "true" } else { "false" }
                                    prop:value=move || item.description.get()
                                    prop:readOnly=move || locked.get()
                                    on:input=move |ev| item.description.set(event_target_value(&ev))></textarea>
                            </div>
                            <div class="check">
                                <input type="checkbox" id=deviates_id.clone()
                                    prop:checked=move || item.deviates.get()
                                    disabled=move || locked.get()
                                    on:change=move |ev| item.deviates.set(event_target_checked(&ev))/>
                                <label class="inline" for=deviates_id>"Departs from standard procedure"<span class="visually-hidden">{format!(" (intervention {n})")}</span></label>
                            </div>
                            <div class="field" class:has-error=move || why_err.get().is_some()>
                                <label for=why_id.clone()>{move || if item.deviates.get() {
                                    "Why you chose it, and why you departed from standard procedure (required)"
                                } else {
                                    "Why you chose it"
                                }}<span class="visually-hidden">{format!(" (intervention {n})")}</span></label>
                                {move || why_err.get().map(|e| view! { <p class="error-message" id=why_error_id.clone()><span class="visually-hidden">"Error: "</span>{e}</p> })}
                                <textarea id=why_id rows="2"
                                    aria-describedby=move || why_err.get().map(|_| why_described.clone())
                                    aria-invalid=move || if why_err.get().is_some() { "true" } else { "false" }
                                    aria-required=move || if item.deviates.get() { "true" } else { "false" }
                                    prop:value=move || item.rationale.get()
                                    prop:readOnly=move || locked.get()
                                    on:input=move |ev| item.rationale.set(event_target_value(&ev))></textarea>
                            </div>
                            <div class="field">
                                <label for=response_id.clone()>"How the client responded"<span class="visually-hidden">{format!(" (intervention {n})")}</span></label>
                                <textarea id=response_id rows="2"
                                    prop:value=move || item.client_response.get()
                                    prop:readOnly=move || locked.get()
                                    on:input=move |ev| item.client_response.set(event_target_value(&ev))></textarea>
                            </div>
                            <button type="button" class="link" disabled=move || locked.get()
                                on:click=move |ev: web_sys::MouseEvent| {
                                    // Focus goes to "Add an intervention", not lost with this one.
                                    focus_within_later(&ev, ".interventions", ":scope > button");
                                    list.update(|v| v.retain(|x| x.uid != item.uid));
                                }>
                                {format!("Remove intervention {n}")}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <button type="button" class="secondary" on:click=add disabled=move || locked.get()>"Add an intervention"</button>
        </fieldset>
    }
}

#[component]
pub fn LateEntryField(
    form: Form,
    hours: Signal<Option<f64>>,
    threshold: f64,
    error: Signal<Option<String>>,
    locked: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="late-entry field" class:has-error=move || error.get().is_some() part="late-entry">
            <p class="late-label"><strong>"Late entry."</strong>{move || format!(
                " This note is written {} hours after the service ended (notes are due within {} hours). It will be labelled as a late entry.",
                hours_text(hours.get().unwrap_or(0.0), 0),
                hours_text(threshold, 0)
            )}</p>
            <label for="cn-lateEntryReason">"Reason for the late entry"</label>
            {move || error.get().map(|e| view! { <p class="error-message" id="cn-lateEntryReason-error"><span class="visually-hidden">"Error: "</span>{e}</p> })}
            <textarea id="cn-lateEntryReason" rows="2"
                aria-describedby=move || error.get().map(|_| "cn-lateEntryReason-error")
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                prop:value=move || form.late_reason.get()
                prop:readOnly=move || locked.get()
                on:input=move |ev| form.late_reason.set(event_target_value(&ev))></textarea>
        </div>
    }
}
