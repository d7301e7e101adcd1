//! The writing suggestions open across the note, said once above the
//! buttons (never blocking); worked out when typing pauses, like the aids
//! themselves. Part of the aids' part (`part.rs`): it loads with them.

use leptos::prelude::*;

use super::aids::Findings;
use crate::domain::Template;
use crate::text::Lang;
use crate::ui::aids_data::AidsLoader;
use crate::ui::session::Session;
use crate::writing::completeness::NoteFacts;
use casenote_text::tr;

/// The writing suggestions open across the note.
#[derive(Clone, Default, PartialEq)]
struct OpenAids {
    total: usize,
    /// The labels of the sections that have some.
    sections: Vec<String>,
}

impl OpenAids {
    fn summary(&self, lang: Lang) -> String {
        let places = match self.sections.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => tr!(
                lang,
                "note-form-and",
                first = rest.join(", "),
                last = last.as_str()
            ),
        };
        tr!(
            lang,
            "note-form-aids-summary",
            n = self.total,
            sections = places
        )
    }
}

#[component]
fn AidsSummary(
    template: Memo<Template>,
    /// All the sections' text, once typing pauses.
    settled: ReadSignal<String>,
    /// Abbreviations spelled out anywhere in the note.
    defined: Memo<Vec<String>>,
    approved: StoredValue<Vec<String>>,
) -> impl IntoView {
    let s = expect_context::<Session>();
    let (form, lang) = (s.form, s.lang);
    let follow_ups = s.dated_follow_ups();
    let aids_data = AidsLoader::new(s.lang);
    let open_aids = Memo::new(move |_| {
        settled.track();
        let data = aids_data.get();
        let t = template.get_untracked();
        let facts = NoteFacts {
            dated_follow_ups: follow_ups.get_untracked(),
        };
        let mut open = OpenAids::default();
        defined.with(|d| {
            approved.with_value(|a| {
                for spec in &t.sections {
                    let n = form.section(&spec.key).text.with_untracked(|text| {
                        let found =
                            Findings::of(&spec.key, text, d, a, facts, s.lang, data.as_deref());
                        form.dismissed
                            .with(|x| found.without(&spec.key, text, x))
                            .count()
                    });
                    if n > 0 {
                        open.total += n;
                        open.sections.push(spec.label.clone());
                    }
                }
            })
        });
        open
    });
    move || {
        (open_aids.with(|o| o.total > 0) && form.signature.with(Option::is_none)).then(|| {
            view! {
                <p class="aids-summary">{move || open_aids.with(|o| o.summary(lang))}</p>
            }
        })
    }
}

crate::ui::part::part!(
    aids,
    pub fn aids_summary_part(
        template: Memo<Template>,
        settled: ReadSignal<String>,
        defined: Memo<Vec<String>>,
        approved: StoredValue<Vec<String>>,
    ) -> AnyView {
        view! { <AidsSummary template settled defined approved/> }.into_any()
    }
);
