//! The client's goals this contact worked on, and how each moved.

use leptos::prelude::*;

use crate::domain::field_path::GoalPart;
use crate::domain::{FieldPath, GoalProgress, Progress};
use crate::ui::config::HostGoal;
use crate::ui::context::use_lang;
use crate::ui::session::form::Form;
use casenote_text::labels::Label;
use casenote_text::tr;
use casenote_text::Catalog;

#[component]
pub fn GoalsField(goals: Vec<HostGoal>, form: Form, locked: Signal<bool>) -> impl IntoView {
    let lang = use_lang();
    let selected = form.goals;
    view! {
        <fieldset class="goals" part="goals">
            <legend>{lang.t("goals-legend")}</legend>
            <p class="hint" id="cn-goals-hint">{lang.t("goals-hint")}</p>
            <ul class="goal-list">
                {goals.into_iter().enumerate().map(|(i, g)| {
                    let goal = |part| FieldPath::Goal { index: i, part };
                    let check_id = goal(GoalPart::Addressed).dom_id();
                    let progress_id = goal(GoalPart::Progress).dom_id();
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
                                        <label for=progress_id.clone()>{tr!(lang, "goals-progress", goal = text.as_str())}</label>
                                        <select id=progress_id disabled=move || locked.get() on:change=set_progress.clone()>
                                            {Progress::ALL.into_iter().map(|p| view! {
                                                <option value=p.value() selected=move || current.with_value(|c| c()) == Some(p)>{p.label(use_lang())}</option>
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
