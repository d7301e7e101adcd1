//! A returned note's review beside its revision: who returned it and
//! when above the form, with the comments about the whole note or an
//! intervention; each comment about a section or one of its quotes beside
//! that section. Every comment has the worker's answer to it, kept with
//! the revision (`revises.responses`) and saved like every other field.
//! Loads on first use (`part!`): only a revision needs it.

use leptos::prelude::*;

use crate::domain::review::{CommentAbout, CommentResponse, Returned, ReviewComment};
use crate::text::Lang;
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
    let here = comments_where(&returned, lang, |about| {
        !matches!(
            about,
            CommentAbout::Section { .. } | CommentAbout::Quote { .. }
        )
    });
    let beside = r.comments.len() - here.len();
    view! {
        <aside class="returned" part="returned" aria-labelledby="cn-returned-title">
            <h2 id="cn-returned-title">{lang.t("returned-title")}</h2>
            <p>{tr!(lang, "returned-by", who = who, date = date)}</p>
            {(beside > 0).then(|| view! { <p>{tr!(lang, "returned-beside-sections", n = beside)}</p> })}
            {(!here.is_empty()).then(|| view! { <CommentList comments=here/> })}
        </aside>
    }
}

/// The review's comments `about` accepts, each with its place among all the
/// review's comments (its answer's id) and what it is about in words.
fn comments_where(
    returned: &Returned,
    lang: Lang,
    accept: impl Fn(&CommentAbout) -> bool,
) -> Vec<(usize, String, ReviewComment)> {
    returned
        .review
        .comments
        .iter()
        .enumerate()
        .filter(|(_, c)| accept(&c.about))
        .map(|(i, c)| (i, about_text(&returned.note, &c.about, lang), c.clone()))
        .collect()
}

#[component]
fn CommentList(comments: Vec<(usize, String, ReviewComment)>) -> impl IntoView {
    view! {
        <ol class="returned-comments">
            {comments.into_iter().map(|(index, about, c)| view! {
                <Comment index=index about=about comment=c/>
            }).collect_view()}
        </ol>
    }
}

/// The comments about section `key` (and its quotes), beside it.
#[component]
pub fn SectionComments(returned: Returned, key: String) -> impl IntoView {
    let lang = use_lang();
    let comments = comments_where(&returned, lang, |about| match about {
        CommentAbout::Section { key: k } | CommentAbout::Quote { section: k, .. } => *k == key,
        _ => false,
    });
    view! {
        <div class="returned returned-beside" role="group" aria-label=lang.t("part-returned")>
            <CommentList comments=comments/>
        </div>
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

crate::ui::part::part!(
    returned,
    pub fn section_comments_part(returned: Returned, key: String) -> AnyView {
        view! { <SectionComments returned=returned key=key/> }.into_any()
    }
);
