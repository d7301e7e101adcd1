//! Pasting a whole note with headings into a section offers to split it
//! into the format's sections. The text box's paste and input handlers
//! and the offer shown after it share one `PasteSplit`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::FieldPath;
use crate::domain::Template;
use crate::text::Lang;
use crate::ui::context::{focus_selector_later, use_lang, Announce, Root};
use crate::ui::session::form::Form;
use crate::writing::paste::{split, Split};
use casenote_text::tr;
use casenote_text::Catalog;

/// What was pasted and how it splits, with the text from before the paste.
#[derive(Clone)]
struct Offer {
    before: String,
    split: Split,
}

/// One section's paste handling. Copy, for its event handlers.
#[derive(Clone, Copy)]
pub struct PasteSplit {
    offer: RwSignal<Option<Offer>>,
    /// The section's field, to put focus back in its text box.
    field: StoredValue<FieldPath>,
    text: RwSignal<String>,
    form: Form,
    template: Memo<Template>,
    locked: Signal<bool>,
    announce: RwSignal<String>,
    lang: Lang,
}

impl PasteSplit {
    pub fn new(
        field: FieldPath,
        text: RwSignal<String>,
        form: Form,
        template: Memo<Template>,
        locked: Signal<bool>,
    ) -> Self {
        PasteSplit {
            offer: RwSignal::new(None),
            field: StoredValue::new(field),
            text,
            form,
            template,
            locked,
            announce: expect_context::<Announce>().0,
            lang: use_lang(),
        }
    }

    pub fn on_paste(&self, ev: &web_sys::ClipboardEvent) {
        if self.locked.get_untracked() {
            return;
        }
        let pasted = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok());
        if let Some(p) = pasted {
            let before = self.text.get_untracked();
            let template = self.template.get_untracked();
            let this = *self;
            // The splitter is a part (`part.rs`): the paste itself never
            // waits for it, and the offer follows when it has looked.
            leptos::task::spawn_local(async move {
                let lang = this.lang;
                match split_part(p, template).await {
                    Ok(found) => {
                        let found = found.map(|split| Offer { before, split });
                        if found.is_some() {
                            // The offer appears after the text box, where focus is not.
                            this.announce.set(lang.t("paste-announce"));
                        }
                        this.offer.set(found);
                    }
                    Err(_) => {
                        this.announce
                            .set(tr!(lang, "part-failed", part = lang.t("part-paste")))
                    }
                }
            });
        }
    }

    pub fn on_input(&self, ev: &web_sys::Event) {
        let from_paste = ev
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(|e| e.input_type() == "insertFromPaste");
        if !from_paste {
            self.offer.set(None);
        }
        self.text.set(event_target_value(ev));
    }

    fn apply(&self) {
        let offer = self.offer.get_untracked();
        self.offer.set(None);
        let Some(Offer { before, split }) = offer.filter(|_| !self.locked.get_untracked()) else {
            return;
        };
        let mut mine = before.trim_end().to_string();
        let preamble = split.preamble.trim();
        if !preamble.is_empty() {
            if !mine.is_empty() {
                mine.push_str("\n\n");
            }
            mine.push_str(preamble);
        }
        self.text.set(mine);
        let labels = self.labels_of(&split);
        for part in split.by_section() {
            self.form.section(&part.key).text.update(|t| {
                if !t.trim().is_empty() && !part.text.is_empty() {
                    t.push_str("\n\n");
                }
                t.push_str(&part.text);
            });
        }
        // The buttons that had focus are gone: focus goes back to the text
        // box, and the earlier announcement is replaced by what happened.
        self.announce
            .set(tr!(self.lang, "paste-done", sections = labels));
        let root = expect_context::<Root>().0;
        focus_selector_later(
            root,
            format!("#{}", self.field.with_value(FieldPath::dom_id)),
        );
    }

    fn labels_of(&self, split: &Split) -> String {
        let t = self.template.get_untracked();
        split
            .by_section()
            .into_iter()
            .filter_map(|part| t.section(&part.key).map(|x| x.label.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The labels of the sections the paste would fill.
    fn labels(&self) -> String {
        self.offer
            .with(|o| o.as_ref().map(|o| self.labels_of(&o.split)))
            .unwrap_or_default()
    }
}

#[component]
pub fn PasteOffer(paste: PasteSplit) -> impl IntoView {
    let lang = paste.lang;
    move || {
        paste.offer.with(Option::is_some).then(|| view! {
            <div class="paste-offer" role="group" aria-label=lang.t("paste-group")>
                <p>{move || tr!(lang, "paste-offer", sections = paste.labels())}</p>
                <button type="button" class="primary" on:click=move |_| paste.apply()>{lang.t("paste-split")}</button>
                <button type="button" class="secondary" on:click=move |_| paste.offer.set(None)>{lang.t("paste-keep")}</button>
            </div>
        })
    }
}

crate::ui::part::part!(
    paste,
    fn split_part(pasted: String, template: Template) -> Option<Split> {
        split(&pasted, &template)
    }
);
