//! The note form: the parts of a note, top to bottom, each drawn by a view
//! of its own.

use leptos::prelude::*;

use super::actions::{Actions, Preview, SendError};
use super::addendum::addendum_part;
use super::aids_summary::aids_summary_part;
use super::challenges::ChallengesField;
use super::contact::ContactFields;
use super::debounce::after_pause_of;
use super::error_summary::ErrorSummary;
use super::follow_ups::FollowUpsField;
use super::goals::GoalsField;
use super::interventions::InterventionsField;
use super::late_entry::LateEntryField;
use super::meta::MetaFields;
use super::previous_note::previous_note_part;
use super::returned::returned_part;
use super::section::SectionField;
use super::signing::{SignPanel, SignedBanner};
use super::stray::StraySections;
use crate::domain::{FieldPath, Speaker};
use crate::ui::context::use_lang;
use crate::ui::part::Part;
use crate::ui::session::Session;
use crate::writing::abbreviations::defined_in;
use casenote_text::Catalog;

#[component]
pub fn NoteForm() -> impl IntoView {
    let lang = use_lang();
    let s = expect_context::<Session>();
    let form = s.form;
    let locked = s.locked();
    let template = Memo::new(move |_| s.template_of(&form.format.get()));
    let late_hours = s.late_hours();
    let threshold = s.late_threshold;
    let is_late = Memo::new(move |_| late_hours.get().is_some_and(|h| h > threshold));
    let approved = StoredValue::new(s.cfg.with_value(|c| c.abbreviations.clone()));
    let goals = s.cfg.with_value(|c| c.goals.clone());
    // Abbreviations spelled out anywhere; recomputed when typing pauses.
    // The note's text is joined only then, not per keystroke.
    let all_text = Signal::derive(move || {
        form.sections.with(|v| {
            v.iter()
                .map(|x| x.text.get())
                .collect::<Vec<_>>()
                .join("\n")
        })
    });
    let typed = move || {
        form.sections
            .with(|v| v.iter().for_each(|x| x.text.track()))
    };
    let settled_all = after_pause_of(typed, all_text, 250);
    let defined = Memo::new(move |_| settled_all.value.with(|t| defined_in(t)));
    let has_client_quote = Memo::new(move |_| {
        let t = template.get();
        form.sections.with(|v| {
            v.iter().filter(|x| t.section(&x.key).is_some()).any(|x| {
                x.quotes.with(|q| {
                    q.iter().any(|q| {
                        q.speaker.get() == Speaker::Client && !q.text.with(|t| t.trim().is_empty())
                    })
                })
            })
        })
    });
    let error_of = s.error_of();
    // An attempted contact is asked only what applies to it: no goals,
    // challenges or interventions (those written stay, and show).
    let attempt = Memo::new(move |_| form.contact_mode.get().is_some_and(|m| m.is_attempt()));
    let show_interventions = Memo::new(move |_| {
        (!template.with(|t| t.has_intervention_section()) && !attempt.get())
            || form.interventions.with(|v| !v.is_empty())
    });
    let show_challenges =
        Memo::new(move |_| !attempt.get() || form.challenges.with(|c| !c.trim().is_empty()));
    let show_goals = Memo::new(move |_| !attempt.get() || form.goals.with(|g| !g.is_empty()));
    let previous = s.cfg.with_value(|c| c.previous.note().cloned());
    let returned = s.cfg.with_value(|c| c.note.returned.clone());
    let has_previous = previous.is_some();
    // Rebuilt only when the original changes, not as the reason is typed.
    let addendum_to = Memo::new(move |_| form.addendum.with(|a| a.as_ref().map(|a| a.to.clone())));
    view! {
        <div class="note-layout" class:has-previous=has_previous>
        {previous.map(|note| {
            let note = StoredValue::new(note);
            view! { <Part what="part-previous" load=move || previous_note_part(note.get_value())/> }
        })}
        {returned.map(|r| {
            let r = StoredValue::new(r);
            view! { <Part what="part-returned" load=move || returned_part(r.get_value())/> }
        })}
        <form class="note-form" novalidate aria-label=lang.t("note-form-label") on:submit=move |ev: web_sys::SubmitEvent| { ev.prevent_default(); s.submit(); } on:focusout=move |_| s.flush()>
            <ErrorSummary/>
            {move || addendum_to.get().map(|to| {
                let to = StoredValue::new(to);
                view! { <Part what="part-addendum" load=move || addendum_part(to.get_value())/> }
            })}
            <SignedBanner/>
            <MetaFields/>
            <ContactFields/>
            <div id="cn-sections" class="sections" tabindex="-1" role="region" aria-label=lang.t("note-form-sections")>
            {move || {
                template.get().sections.into_iter().enumerate().map(|(index, spec)| {
                    let section = form.section(&spec.key);
                    let field = FieldPath::Section { index, key: spec.key.clone() };
                    let error = s.error_for(field.clone());
                    view! { <SectionField field=field spec=spec section=section error=error error_of=error_of locked=locked form=form template=template defined=defined approved=approved/> }
                }).collect_view()
            }}
            </div>
            <StraySections template=template/>
            <FollowUpsField/>
            {move || (!goals.is_empty() && show_goals.get()).then(|| view! { <GoalsField goals=goals.clone() form=form locked=locked/> })}
            {move || show_challenges.get().then(|| view! { <ChallengesField form=form locked=locked/> })}
            // Asked once: in the format's own Intervention section where it
            // has one, else as a list (kept while it holds any).
            {move || show_interventions.get().then(|| view! {
                <InterventionsField form=form error_for=error_of locked=locked/>
            })}
            {move || is_late.get().then(|| view! {
                <LateEntryField form=form hours=late_hours threshold=threshold error=s.error_for(FieldPath::LateEntryReason) locked=locked/>
            })}
            {move || (!has_client_quote.get() && form.signature.with(Option::is_none)).then(|| view! {
                <p class="tip" part="tip">{lang.t("note-form-tip")}</p>
            })}
            <Preview/>
            <SignPanel/>
            <Part what="part-aids" load=move || aids_summary_part(template, settled_all.value, defined, approved)/>
            <Actions/>
            <SendError/>
        </form>
        </div>
    }
}
