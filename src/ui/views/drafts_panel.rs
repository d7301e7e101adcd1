//! The drafts panel: every draft of this scope on this device, to resume or
//! discard, and then the notes sent from it. The most recently edited come first, a page at a time, so a
//! device holding a thousand drafts still opens the panel at once.

use leptos::prelude::*;

use super::sent_list::SentList;
use crate::domain::{Draft, Template};
use crate::platform::local_date_time;
use crate::text::Lang;
use crate::ui::context::{focus_selector_later, focus_within_later, use_lang, TemplateOf};
use crate::ui::session::Session;
use casenote_text::tr;
use casenote_text::Catalog;

/// Rows shown at first, and added by each "Show more".
pub const PAGE: usize = 50;

/// How many of a draft's first words its row shows.
const WORDS_SHOWN: usize = 8;

/// What a draft's row shows.
struct DraftRow {
    client: String,
    /// The first words the draft holds, to tell drafts apart.
    begins: String,
    format: String,
    date: String,
    edited: String,
    words: usize,
}

fn row_summary(d: &Draft, template: &Template, lang: Lang) -> DraftRow {
    let client = match d.note.client.name.trim() {
        "" => lang.t("drafts-panel-no-client"),
        name => name.to_string(),
    };
    let date = match d.note.service.date.trim() {
        "" => lang.t("drafts-panel-date-not-set"),
        date => date.to_string(),
    };
    let first = template
        .sections
        .iter()
        .filter_map(|spec| d.note.section(&spec.key))
        .map(|e| e.text.trim())
        .find(|t| !t.is_empty())
        .unwrap_or("");
    let words: Vec<&str> = first.split_whitespace().take(WORDS_SHOWN + 1).collect();
    let begins = match words.len() {
        0 => lang.t("drafts-panel-nothing-written"),
        n if n > WORDS_SHOWN => format!("{}…", words[..WORDS_SHOWN].join(" ")),
        _ => words.join(" "),
    };
    DraftRow {
        client,
        begins,
        format: template.name.clone(),
        date,
        edited: local_date_time(d.updated_at, lang),
        words: d.note.word_count(template),
    }
}

#[component]
pub fn DraftsPanel() -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    let (listing, current_id, root) = (s.listing, s.form.id, s.root);
    let confirming = RwSignal::new(None::<String>);
    let shown = RwSignal::new(PAGE);
    let template_of = expect_context::<TemplateOf>().0;
    view! {
        <section id="cn-drafts" class="drafts-panel" aria-labelledby="cn-drafts-title" part="drafts-panel">
            <h3 id="cn-drafts-title" tabindex="-1">{lang.t("drafts-panel-title")}</h3>
            {move || match listing.get() {
                None => view! { <p>{lang.t("drafts-panel-loading")}</p> }.into_any(),
                Some(l) => {
                    let mut drafts = l.drafts.clone();
                    drafts.sort_by(|a, b| b.updated_at.total_cmp(&a.updated_at));
                    let locked = l.locked;
                    let total = drafts.len();
                    let hidden = total.saturating_sub(shown.get());
                    drafts.truncate(shown.get_untracked());
                    view! {
                        {(drafts.is_empty()).then(|| view! { <p>{lang.t("drafts-panel-none")}</p> })}
                        {(!drafts.is_empty()).then(|| view! {
                            <table class="drafts">
                                <thead>
                                    <tr>
                                        <th scope="col">{lang.t("drafts-panel-client")}</th>
                                        <th scope="col">{lang.t("drafts-panel-begins")}</th>
                                        <th scope="col">{lang.t("drafts-panel-format")}</th>
                                        <th scope="col">{lang.t("drafts-panel-date")}</th>
                                        <th scope="col">{lang.t("drafts-panel-edited")}</th>
                                        <th scope="col">{lang.t("drafts-panel-words")}</th>
                                        <th scope="col"><span class="visually-hidden">{lang.t("drafts-panel-actions")}</span></th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {drafts.into_iter().map(|d| {
                                        let DraftRow { client, begins, format, date, edited, words } = row_summary(&d, &template_of.run(d.note.format.clone()), lang);
                                        let id = d.id.clone();
                                        let (id_resume, id_discard, id_confirm) = (id.clone(), id.clone(), id.clone());
                                        let is_current = {
                                            let id = id.clone();
                                            move || current_id.get() == id
                                        };
                                        let is_confirming = {
                                            let id = id.clone();
                                            move || confirming.get().as_deref() == Some(id.as_str())
                                        };
                                        let client_label = client.clone();
                                        let is_copy = d.copy_of.is_some();
                                        view! {
                                            <tr class="draft-row">
                                                <th scope="row">{client.clone()}
                                                    {is_copy.then(|| view! { <span class="copy-tag">" "{lang.t("drafts-panel-copy-tag")}</span> })}
                                                    {move || is_current().then(|| view! { <span class="open-tag">" "{lang.t("drafts-panel-open-tag")}</span> })}
                                                </th>
                                                <td data-label=lang.t("drafts-panel-begins") class="begins">{begins}</td>
                                                <td data-label=lang.t("drafts-panel-format")>{format}</td>
                                                <td data-label=lang.t("drafts-panel-date")>{date}</td>
                                                <td data-label=lang.t("drafts-panel-edited")>{edited}</td>
                                                <td data-label=lang.t("drafts-panel-words")>{words}</td>
                                                <td class="draft-actions">
                                                    {move || if is_confirming() {
                                                        let id = id_confirm.clone();
                                                        let who = client_label.clone();
                                                        view! {
                                                            <span class="confirm" role="group" aria-label=lang.t("drafts-panel-confirm-discard")>
                                                                <span>{lang.t("drafts-panel-discard-question")}</span>
                                                                <button type="button" class="danger" on:click={
                                                                    let id = id.clone();
                                                                    move |_| { confirming.set(None); s.discard(id.clone(), who.clone()); }
                                                                }>{tr!(lang, "drafts-panel-discard-yes", client = client_label.clone())}</button>
                                                                <button type="button" class="secondary" on:click=move |ev: web_sys::MouseEvent| {
                                                                    confirming.set(None);
                                                                    focus_within_later(&ev, "td", "button.link");
                                                                }>{lang.t("drafts-panel-keep")}</button>
                                                            </span>
                                                        }.into_any()
                                                    } else {
                                                        let (r, d) = (id_resume.clone(), id_discard.clone());
                                                        view! {
                                                            <button type="button" class="secondary" on:click=move |_| s.resume(r.clone())>
                                                                {lang.t("drafts-panel-resume")}<span class="visually-hidden">" "{tr!(lang, "drafts-panel-for-client", client = client_label.clone())}</span>
                                                            </button>
                                                            <button type="button" class="link" on:click=move |ev: web_sys::MouseEvent| {
                                                                // The question is read out with the button it asks about.
                                                                confirming.set(Some(d.clone()));
                                                                focus_within_later(&ev, "td", "button.danger");
                                                            }>
                                                                {lang.t("drafts-panel-discard")}<span class="visually-hidden">" "{tr!(lang, "drafts-panel-for-client", client = client_label.clone())}</span>
                                                            </button>
                                                        }.into_any()
                                                    }}
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        })}
                        {(hidden > 0).then(|| view! {
                            <p class="more-drafts">
                                {tr!(lang, "drafts-panel-showing", shown = total - hidden, total = total)}" "
                                <button type="button" class="secondary show-more"
                                    on:click=move |_| {
                                        // Keyboard focus goes to the first newly shown draft.
                                        let first_new = shown.get_untracked() + 1;
                                        shown.update(|n| *n += PAGE);
                                        focus_selector_later(root, format!(".draft-row:nth-child({first_new}) button"));
                                    }>
                                    {tr!(lang, "drafts-panel-show-more", n = hidden.min(PAGE))}
                                </button>
                            </p>
                        })}
                        {(locked > 0).then(|| view! {
                            <p class="notice">{tr!(lang, "drafts-panel-locked", n = locked)}</p>
                        })}
                    }.into_any()
                }
            }}
            <SentList/>
            <div class="panel-actions">
                <button type="button" class="primary" on:click=move |_| s.start_new()>{lang.t("drafts-panel-start-new")}</button>
                <button type="button" class="secondary" on:click=move |_| s.close_drafts()>{lang.t("drafts-panel-close")}</button>
            </div>
        </section>
    }
}

crate::ui::part::part!(
    drafts,
    pub fn drafts_panel_part() -> AnyView {
        view! { <DraftsPanel/> }.into_any()
    }
);
