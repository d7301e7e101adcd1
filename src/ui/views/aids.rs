//! Writing aids for one section: its word count, words that are not
//! objective, shorthand, abbreviations not spelled out, wordy phrases,
//! long sentences, identifiers to leave out (`domain::writing::suggestions`
//! words them), in the note's language, and prompts for what the section
//! seems to miss. Each suggestion can be shown where it stands in the text (selected there), and replaced or
//! masked in one step where that fits, with Undo (where the passage now
//! stands, never a guess). Recomputed once typing pauses, so their cost
//! never lands on a keystroke, and at once after a replacement.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::debounce::after_pause;
use super::dismiss::DismissChoice;
use crate::ui::aids_data::AidsLoader;
use crate::ui::context::{focus_selector_later, use_lang, Root};
use crate::ui::session::Session;
use crate::writing::completeness::NoteFacts;
use crate::writing::dismissal::{Aid, DismissReason, Dismissal, Passage};
use crate::writing::replacement::now_at;
use crate::writing::suggestions::Action;
pub use crate::writing::suggestions::Findings;
use casenote_text::labels::Label;
use casenote_text::tr;
use casenote_text::Catalog;

/// What the last Replace or Mask did, said until the text changes again.
#[derive(Clone)]
enum Outcome {
    /// The passage was replaced: what it said, and the text before and
    /// after, for Undo.
    Replaced {
        before: String,
        after: String,
        said: String,
    },
    /// A suggestion was dismissed: what was said, the text it was
    /// dismissed in, and the dismissal, for Undo.
    Dismissed {
        text: String,
        said: String,
        dismissal: Dismissal,
    },
    /// The passage had changed since it was checked (or occurs more or
    /// fewer times, so which was meant is unknown): nothing was replaced.
    Stale { text: String },
}

impl Outcome {
    /// The text this outcome speaks of.
    fn text(&self) -> &str {
        match self {
            Outcome::Replaced { after, .. } => after,
            Outcome::Dismissed { text, .. } | Outcome::Stale { text } => text,
        }
    }
}

/// Selects `start..end` (byte offsets) of the text box `area_id`, so the
/// passage is highlighted where it stands.
fn show_in_text(
    root: NodeRef<leptos::html::Div>,
    area_id: &str,
    text: &str,
    start: usize,
    end: usize,
) {
    let area = root
        .get_untracked()
        .and_then(|r| r.query_selector(&format!("#{area_id}")).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    if let Some(area) = area {
        let units = |b: usize| text.get(..b).map_or(0, |t| t.encode_utf16().count()) as u32;
        let _ = area.focus();
        let _ = area.set_selection_range(units(start), units(end));
    }
}

#[component]
pub fn WritingAids(
    /// The section's key.
    key: String,
    /// The section's label, to name the list of suggestions.
    label: String,
    /// The DOM id of the section's text box.
    area_id: String,
    text: RwSignal<String>,
    /// Abbreviations spelled out anywhere in the note.
    defined: Memo<Vec<String>>,
    approved: StoredValue<Vec<String>>,
    /// A signed note can no longer change: no suggestions for it.
    signed: Signal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let root = expect_context::<Root>().0;
    let session = expect_context::<Session>();
    let follow_ups = session.dated_follow_ups();
    let dismissed = session.form.dismissed;
    let settled = after_pause(text.into(), 250);
    let key = StoredValue::new(key);
    let model = AidsLoader::new(lang);
    // The lists and model load the first time there is text to check
    // (and try again at the next check after a failure).
    let wanted = model.clone();
    Effect::new(move |_| {
        if !settled.value.with(|t| t.trim().is_empty()) {
            wanted.want();
        }
    });
    let reading = model.clone();
    let findings = Memo::new(move |_| {
        let t = settled.value.get();
        let facts = NoteFacts {
            dated_follow_ups: follow_ups.get(),
        };
        let m = reading.get();
        key.with_value(|key| {
            let found = defined.with(|d| {
                approved.with_value(|a| Findings::of(key, &t, d, a, facts, lang, m.as_deref()))
            });
            dismissed.with(|x| found.without(key, &t, x))
        })
    });
    let outcome = RwSignal::new(None::<Outcome>);
    // The outcome is said only while the text is as it left it.
    let shown = Memo::new(move |_| {
        outcome.with(|o| o.as_ref().is_some_and(|o| text.with(|t| t == o.text())))
    });
    let can_undo = Memo::new(move |_| {
        shown.get()
            && outcome.with(|o| {
                matches!(
                    o,
                    Some(Outcome::Replaced { .. } | Outcome::Dismissed { .. })
                )
            })
    });
    let area = StoredValue::new(area_id);
    let undo_id = area.with_value(|id| format!("{id}-undo"));
    let undo_selector = StoredValue::new(format!("#{undo_id}"));
    let focus_text = move || focus_selector_later(root, area.with_value(|id| format!("#{id}")));
    // Shown where the words now stand (the list may be a check behind the
    // typing); gone from the text, the list catches up instead.
    let show = move |start: usize, end: usize| {
        let checked = settled.value.get_untracked();
        let found = checked.get(start..end).unwrap_or_default();
        let at = text.with_untracked(|t| now_at(found, start, &checked, t));
        match at {
            Some(at) => text.with_untracked(|t| {
                area.with_value(|id| show_in_text(root, id, t, at, at + found.len()))
            }),
            None => {
                settled.now();
                focus_text();
            }
        }
    };
    // Replaced where the passage now stands; the aids catch up at once (the
    // list then reads the new text), and focus waits on Undo, from which
    // Tab goes on to the next suggestion. A button's own element goes with
    // the old list, so focus never stays on it.
    let replace = move |a: &Action| {
        let before = text.get_untracked();
        let checked = settled.value.get_untracked();
        match a.replacement.apply_since(&checked, &before) {
            Some(after) => {
                text.set(after.clone());
                outcome.set(Some(Outcome::Replaced {
                    before,
                    after,
                    said: a.said.clone(),
                }));
                settled.now();
                focus_selector_later(root, undo_selector.get_value());
            }
            None => {
                outcome.set(Some(Outcome::Stale { text: before }));
                settled.now();
                focus_text();
            }
        }
    };
    // Dismissed where the passage now stands (see `dismissal.rs`): kept
    // with the draft, said, and undone like a replacement.
    let dismiss = move |aid: Aid, start: usize, end: usize, reason: DismissReason| {
        let now = text.get_untracked();
        let checked = settled.value.get_untracked();
        let found = checked.get(start..end).unwrap_or_default().to_string();
        let Some(at) = now_at(&found, start, &checked, &now) else {
            outcome.set(Some(Outcome::Stale { text: now }));
            settled.now();
            focus_text();
            return;
        };
        let dismissal = key.with_value(|section| {
            Passage {
                section,
                aid,
                text: &now,
                start: at,
                end: at + found.len(),
            }
            .dismiss(reason)
        });
        dismissed.update(|v| v.push(dismissal.clone()));
        let reason = reason.label(lang);
        let said = tr!(
            lang,
            "aids-dismissed",
            found = found.as_str(),
            reason = reason.as_str()
        );
        outcome.set(Some(Outcome::Dismissed {
            text: now,
            said,
            dismissal,
        }));
        settled.now();
        focus_selector_later(root, undo_selector.get_value());
    };
    let undo = move || {
        match outcome.try_update(Option::take) {
            Some(Some(Outcome::Replaced { before, .. })) => text.set(before),
            Some(Some(Outcome::Dismissed { dismissal, .. })) => {
                dismissed.update(|v| v.retain(|d| *d != dismissal));
            }
            _ => {}
        }
        settled.now();
        focus_text();
    };
    let said = move || {
        shown.get().then(|| {
            outcome.with(|o| match o {
                Some(Outcome::Replaced { said, .. } | Outcome::Dismissed { said, .. }) => {
                    said.clone()
                }
                _ => lang.t("aids-stale"),
            })
        })
    };
    // Counted once typing pauses, like the suggestions.
    let words = move || settled.value.with(|t| t.split_whitespace().count());
    view! {
        <div class="aids">
            <p class="word-count">{move || tr!(lang, "aids-word-count", n = words())}</p>
            <p class="aids-status" role="status">{said}
                {move || can_undo.get().then(|| view! {
                    " "<button type="button" class="link" id=undo_id.clone() on:click=move |_| undo()>{lang.t("aids-undo")}</button>
                })}
            </p>
            {move || (!signed.get() && model.failed()).then(|| view! {
                <p class="aids-unavailable">{lang.t("aids-data-failed")}</p>
            })}
            {move || findings.with(|f| (!signed.get()).then(|| f.prompts.iter().map(|p| view! {
                <p class="prompt">{p.text(lang)}</p>
            }).collect_view()))}
            {move || findings.with(|f| (!signed.get() && f.count() > 0).then(|| view! {
                <ul class="suggestions" aria-label=tr!(lang, "aids-list-label", section = label.as_str())>
                    {f.suggestions().into_iter().enumerate().map(|(i, x)| view! {
                        <li class=x.kind>
                            <strong>{x.lead}</strong>{x.text}
                            {x.shows.into_iter().map(|(name, start, end)| view! {
                                " "<button type="button" class="link" on:click=move |_| show(start, end)>{name}</button>
                            }).collect_view()}
                            {x.actions.into_iter().map(|a| { let name = a.name.clone(); view! {
                                " "<button type="button" class="link" on:click=move |_| replace(&a)>{name}</button>
                            }}).collect_view()}
                            {x.dismiss.map(|(aid, start, end)| {
                                let found = settled.value.with_untracked(|t| t.get(start..end).unwrap_or_default().to_string());
                                let id = area.with_value(|a| format!("{a}-dismiss-{i}"));
                                view! { <DismissChoice found id on_dismiss=Callback::new(move |r| dismiss(aid, start, end, r)) /> }
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            }))}
        </div>
    }
}

crate::ui::part::part!(
    aids,
    pub fn writing_aids_part(props: WritingAidsProps) -> AnyView {
        leptos::component::component_view(WritingAids, props).into_any()
    }
);
