//! The editor: one session (`session/`) and the views around it
//! (`views/`). This file only joins them: it makes the session, shares it
//! with the views as context, and lays out the editor's parts.

use leptos::prelude::*;

use super::config::EditorConfig;
use super::context::use_lang;
use super::controls::EditorControls;
use super::part::Part;
use super::session::{Panel, Phase, Session};
use super::views::confirmation::confirmation_part;
use super::views::conflict::ConflictBox;
use super::views::drafts_panel::drafts_panel_part;
use super::views::note_form::NoteForm;
use super::views::outbox_panel::outbox_panel_part;
use super::views::skip_links::SkipLinks;
use super::views::status_bar::StatusBar;
use crate::platform::local_hh_mm;
use casenote_text::tr;
use casenote_text::Catalog;

#[component]
pub fn Editor(config: EditorConfig, controls: EditorControls) -> impl IntoView {
    let s = Session::new(config, controls);
    provide_context(s);
    s.start();
    // Session::new provides the language.
    let lang = use_lang();
    let sent_id = Memo::new(move |_| s.sent.with(|x| x.as_ref().map(|x| x.id.clone())));
    let (drafts_open, outbox_open) = (s.panels.open(Panel::Drafts), s.panels.open(Panel::Outbox));
    view! {
        <div class="casenote" node_ref=s.root part="editor">
            // Only while the note's form is shown: the links lead into it.
            {move || (s.phase.get() == Phase::Ready && sent_id.with(Option::is_none)).then(|| view! { <SkipLinks/> })}
            <StatusBar/>
            // Open until closed, even once nothing is waiting any more: the
            // panel says so, and focus stays where it was.
            {move || outbox_open.get().then(|| view! { <Part what="outbox-panel-title" id="cn-outbox" load=outbox_panel_part/> })}
            <p class="visually-hidden save-announcer" role="status">{move || s.announce.get()}</p>
            {move || s.notice.get().map(|n| view! { <p class="notice" role="status" tabindex="-1" part="notice">{n}</p> })}
            {move || s.save_state.with(|x| x.is_conflict()).then(|| view! { <ConflictBox/> })}
            {move || drafts_open.get().then(|| view! { <Part what="drafts-panel-title" id="cn-drafts" load=drafts_panel_part/> })}
            {move || s.restored_at.get().map(|ms| view! {
                <p class="notice restored">{tr!(lang, "editor-restored", time = local_hh_mm(ms, lang))}</p>
            })}
            {move || match (s.phase.get(), sent_id.get()) {
                (Phase::Loading, _) => view! { <p class="loading">{lang.t("editor-loading")}</p> }.into_any(),
                (Phase::Ready, Some(id)) => {
                    let id = StoredValue::new(id);
                    view! { <Part what="part-sent" load=move || confirmation_part(id.get_value())/> }.into_any()
                }
                (Phase::Ready, None) => view! { <NoteForm/> }.into_any(),
            }}
        </div>
    }
}
