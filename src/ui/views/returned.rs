//! A returned note's review beside its revision: who returned it and
//! when, each comment with what it is about, and the worker's answer to
//! it, kept with the revision (`revises.responses`) and saved like every
//! other field. Loads on first use (`part!`): only a revision needs it.

use leptos::prelude::*;

use crate::domain::review::Returned;
use crate::domain::review::{CommentResponse, ReviewComment};
use crate::ui::context::use_lang;
use crate::ui::session::Session;
use casenote_text::record_html::about_text;
use casenote_text::tr;
use casenote_text::Catalog;

#[component]
pub fn ReturnedPanel(returned: Returned) -> impl IntoView {
    let lang = use_lang();
    let r = &returned.review;
    let who = match (r.reviewer.name.trim(), r.reviewer.credential.trim()) {
        ("", _) => r.reviewer.id.trim().to_string(),
        (name, "") => name.to_string(),
        (name, credential) => format!("{name}, {credential}"),
    };
    let date = r.decided_at.get(..10).unwrap_or(&r.decided_at).to_string();
    let comments: Vec<(String, ReviewComment)> = r
        .comments
        .iter()
        .map(|c| (about_text(&returned.note, &c.about, lang), c.clone()))
        .collect();
    view! {
        <aside class="returned" part="returned" aria-labelledby="cn-returned-title">
            <h2 id="cn-returned-title">{lang.t("returned-title")}</h2>
            <p>{tr!(lang, "returned-by", who = who, date = date)}</p>
            <ol class="returned-comments">
                {comments.into_iter().enumerate().map(|(index, (about, c))| view! {
                    <Comment index=index about=about comment=c/>
                }).collect_view()}
            </ol>
        </aside>
    }
}

/// One comment and the worker's answer to it.
#[component]
fn Comment(index: usize, about: String, comment: ReviewComment) -> impl IntoView {
    let lang = use_lang();
    let s = expect_context::<Session>();
    let (revises, locked) = (s.form.revises, s.locked());
    let id = StoredValue::new(comment.id.clone());
    let answer = move || {
        revises.with(|l| {
            id.with_value(|id| {
                l.as_ref()
                    .and_then(|l| l.responses.iter().find(|x| &x.comment == id))
                    .map(|x| x.text.clone())
                    .unwrap_or_default()
            })
        })
    };
    let set = move |text: String| {
        revises.update(|l| {
            let Some(l) = l else { return };
            let comment = id.get_value();
            match l.responses.iter_mut().find(|x| x.comment == comment) {
                Some(x) => x.text = text,
                None => l.responses.push(CommentResponse { comment, text }),
            }
        });
    };
    let field = format!("cn-revises-responses-{index}");
    view! {
        <li class="returned-comment">
            <p class="about">{about}</p>
            <blockquote>{comment.text}</blockquote>
            <label for=field.clone()>{lang.t("returned-answer")}</label>
            <textarea id=field rows="2" prop:value=answer prop:readOnly=move || locked.get()
                on:input=move |ev| set(event_target_value(&ev))></textarea>
        </li>
    }
}

crate::ui::part::part!(
    returned,
    pub fn returned_part(returned: Returned) -> AnyView {
        view! { <ReturnedPanel returned=returned/> }.into_any()
    }
);
