//! After submit: where the note is (sending, sent, waiting, offline, or
//! waiting for sign-in), its reference, and "Write another note".

use leptos::prelude::*;

use crate::platform::local_hh_mm;
use crate::text::Lang;
use crate::ui::context::use_lang;
use crate::ui::session::{Sent, SentState, Session};
use casenote_text::tr;
use casenote_text::Catalog;

/// The confirmation's heading, text and CSS class.
#[derive(Clone, Default, PartialEq)]
struct SentTexts {
    title: String,
    text: String,
    class: &'static str,
}

fn sent_texts(s: &Sent, lang: Lang) -> SentTexts {
    let format = s.format_name.clone();
    let what = match s.client.trim() {
        "" => tr!(lang, "confirmation-what", format = format),
        client => tr!(
            lang,
            "confirmation-what-for",
            format = format,
            client = client.to_string()
        ),
    };
    let (title, text, class) = match &s.state {
        SentState::Sending => (
            lang.t("confirmation-sending-title"),
            tr!(lang, "confirmation-sending", what = what),
            "confirmation sending",
        ),
        SentState::Delivered => (
            lang.t("confirmation-delivered-title"),
            tr!(lang, "confirmation-delivered", what = what),
            "confirmation delivered",
        ),
        SentState::Waiting {
            message,
            next_attempt_at,
        } => {
            let next = next_attempt_at
                .map(|t| {
                    let next = tr!(lang, "confirmation-next-try", time = local_hh_mm(t, lang));
                    format!(" {next}")
                })
                .unwrap_or_default();
            let close = tr!(lang, "confirmation-waiting", what = what);
            (
                lang.t("confirmation-waiting-title"),
                format!("{message}{next} {close}"),
                "confirmation waiting",
            )
        }
        SentState::Offline => (
            lang.t("confirmation-waiting-title"),
            tr!(lang, "confirmation-offline", what = what),
            "confirmation waiting",
        ),
        SentState::AuthRequired { message } => (
            lang.t("confirmation-auth-title"),
            message.clone(),
            "confirmation waiting",
        ),
    };
    SentTexts { title, text, class }
}

#[component]
pub fn Confirmation(id: String) -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    let texts = Memo::new(move |_| {
        s.sent
            .with(|x| x.as_ref().map(|x| sent_texts(x, lang)))
            .unwrap_or_default()
    });
    view! {
        <div class=move || texts.with(|t| t.class) role="status" tabindex="-1" part="confirmation">
            <h3>{move || texts.with(|t| t.title.clone())}</h3>
            <p>{move || texts.with(|t| t.text.clone())}</p>
            <p class="reference">{lang.t("confirmation-reference")}" "<code>{id}</code></p>
            <button type="button" class="primary" on:click=move |_| s.start_new()>{lang.t("confirmation-write-another")}</button>
        </div>
    }
}

crate::ui::part::part!(
    sent,
    pub fn confirmation_part(id: String) -> AnyView {
        view! { <Confirmation id=id/> }.into_any()
    }
);
