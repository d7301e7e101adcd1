//! Writing aids for one section: its word count, words that are not
//! objective, shorthand, and abbreviations not spelled out. Each can be
//! shown where it stands in the text (selected there), and replaced in one
//! step where a plain alternative fits, with Undo. Recomputed once typing
//! pauses, so their cost never lands on a keystroke.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::debounce::settle;
use crate::domain::writing::abbreviations::{unexplained_given, Unexplained};
use crate::domain::writing::language::{check_text, Flag, Replacement};
use crate::domain::writing::shorthand::{shorthand_in, Shorthand};
use crate::ui::context::Root;

/// What the aids found in one section's text.
#[derive(Clone, Default, PartialEq)]
pub struct Findings {
    pub flags: Vec<Flag>,
    pub shorthand: Vec<Shorthand>,
    pub abbreviations: Vec<Unexplained>,
}

impl Findings {
    pub fn of(key: &str, text: &str, defined: &[String], approved: &[String]) -> Self {
        Findings {
            flags: check_text(key, text),
            shorthand: shorthand_in(text),
            abbreviations: unexplained_given(key, text, defined, approved),
        }
    }

    pub fn count(&self) -> usize {
        self.flags.len() + self.shorthand.len() + self.abbreviations.len()
    }

    /// Every finding as one kind of item: the flags, the shorthand, and one
    /// explanation for all the unexplained abbreviations.
    fn suggestions(&self) -> Vec<Suggestion> {
        let shows =
            |found: &str, start, end| vec![(format!("Show “{found}” in the text"), start, end)];
        let mut out: Vec<Suggestion> = self
            .flags
            .iter()
            .map(|x| Suggestion {
                kind: "flag",
                lead: format!("“{}”", x.found),
                text: format!(": {} Try: {}.", x.explain, x.suggest),
                shows: shows(&x.found, x.start, x.end),
                replacement: x.replacement(),
            })
            .collect();
        out.extend(self.shorthand.iter().map(|x| Suggestion {
            kind: "shorthand",
            lead: format!("“{}”", x.found),
            text: format!(
                " is shorthand for “{}”: the next reader may not know it.",
                x.means
            ),
            shows: shows(&x.found, x.start, x.end),
            replacement: x.replacement(),
        }));
        if !self.abbreviations.is_empty() {
            let names: Vec<&str> = self
                .abbreviations
                .iter()
                .map(|a| a.abbreviation.as_str())
                .collect();
            let (verb, each) = if names.len() == 1 {
                ("is", "it")
            } else {
                ("are", "each")
            };
            out.push(Suggestion {
                kind: "abbreviation",
                lead: names.join(", "),
                text: format!(" {verb} not explained. Spell {each} out once, like “suicidal ideation (SI)”, so the next reader is sure what it means."),
                shows: self
                    .abbreviations
                    .iter()
                    .map(|a| (format!("Show {} in the text", a.abbreviation), a.start, a.end))
                    .collect(),
                replacement: None,
            });
        }
        out
    }
}

/// One item of the list: what was found, why, where it stands (a button
/// each), and a replacement when one fits.
struct Suggestion {
    kind: &'static str,
    lead: String,
    text: String,
    shows: Vec<(String, usize, usize)>,
    replacement: Option<Replacement>,
}

/// A replacement just made, until the text changes again.
#[derive(Clone)]
struct Undo {
    before: String,
    after: String,
    said: String,
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
    let root = expect_context::<Root>().0;
    let settled = settle(Signal::derive(move || text.get()), 250);
    let findings = Memo::new(move |_| {
        let t = settled.get();
        defined.with(|d| approved.with_value(|a| Findings::of(&key, &t, d, a)))
    });
    let undo = RwSignal::new(None::<Undo>);
    let area = StoredValue::new(area_id);
    let show = move |start: usize, end: usize| {
        text.with_untracked(|t| area.with_value(|id| show_in_text(root, id, t, start, end)))
    };
    let replace = move |r: Replacement| {
        let before = text.get_untracked();
        if let Some(after) = r.apply(&before) {
            text.set(after.clone());
            undo.set(Some(Undo {
                before,
                after,
                said: format!("Replaced “{}” with “{}”.", r.found, r.with),
            }));
        }
    };
    let words = move || text.with(|t| t.split_whitespace().count());
    // Undo is offered only while the text is as the replacement left it.
    let can_undo = move || undo.with(|u| u.as_ref().is_some_and(|u| text.with(|t| *t == u.after)));
    view! {
        <div class="aids">
            <p class="word-count">{move || { let n = words(); format!("{n} word{}", if n == 1 { "" } else { "s" }) }}</p>
            <p class="aids-status" role="status">{move || if can_undo() { undo.with(|u| u.as_ref().map(|u| u.said.clone())) } else { None }}
                {move || can_undo().then(|| view! {
                    " "<button type="button" class="link" on:click=move |_| {
                        if let Some(u) = undo.get_untracked() { text.set(u.before); }
                        undo.set(None);
                    }>"Undo"</button>
                })}
            </p>
            {move || findings.with(|f| (!signed.get() && f.count() > 0).then(|| view! {
                <ul class="suggestions" aria-label=format!("Writing suggestions for {label}")>
                    {f.suggestions().into_iter().map(|x| view! {
                        <li class=x.kind>
                            <strong>{x.lead}</strong>{x.text}
                            {x.shows.into_iter().map(|(name, start, end)| view! {
                                " "<button type="button" class="link" on:click=move |_| show(start, end)>{name}</button>
                            }).collect_view()}
                            {x.replacement.map(|r| { let name = format!("Replace with “{}”", r.with); view! {
                                " "<button type="button" class="link" on:click=move |_| replace(r.clone())>{name}</button>
                            }})}
                        </li>
                    }).collect_view()}
                </ul>
            }))}
        </div>
    }
}
