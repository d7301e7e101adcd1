//! One field: its label, hint and error message, and the ARIA that ties
//! them to its control (the GOV.UK pattern: the error is read with the
//! control, and the error summary's link lands on the control). Every
//! field of the form is drawn by `Field`, so the wiring is written once.
//!
//! ```ignore
//! let aria = FieldAria::new(FieldPath::Client.dom_id(), None, error);
//! view! {
//!     <Field aria=aria.clone() label="Client">
//!         <input id=aria.id() aria-describedby=aria.described_by() aria-invalid=aria.invalid()/>
//!     </Field>
//! }
//! ```

use leptos::prelude::*;
use leptos::text_prop::TextProp;

use crate::ui::context::use_lang;
use casenote_text::Catalog;

/// A field's control id, hint and error: what `Field` draws and what its
/// control points at.
#[derive(Clone)]
pub struct FieldAria {
    id: String,
    hint: Option<String>,
    error: Signal<Option<String>>,
}

impl FieldAria {
    pub fn new(id: String, hint: Option<String>, error: Signal<Option<String>>) -> Self {
        FieldAria { id, hint, error }
    }

    /// The control's id.
    pub fn id(&self) -> String {
        self.id.clone()
    }

    fn hint_id(&self) -> String {
        format!("{}-hint", self.id)
    }

    fn error_id(&self) -> String {
        format!("{}-error", self.id)
    }

    /// `aria-describedby`: the hint, then the error while there is one;
    /// absent when there is neither.
    pub fn described_by(&self) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        let hint = self.hint.is_some().then(|| self.hint_id());
        let error_id = self.error_id();
        let error = self.error;
        move || {
            let error = error.with(Option::is_some).then(|| error_id.clone());
            match (&hint, error) {
                (Some(h), Some(e)) => Some(format!("{h} {e}")),
                (Some(h), None) => Some(h.clone()),
                (None, e) => e,
            }
        }
    }

    /// `aria-invalid`.
    pub fn invalid(&self) -> impl Fn() -> &'static str + Send + Sync + 'static {
        let error = self.error;
        move || {
            if error.with(Option::is_some) {
                "true"
            } else {
                "false"
            }
        }
    }
}

/// A field's label, hint and error around its control (the children).
#[component]
pub fn Field(
    aria: FieldAria,
    #[prop(into)] label: TextProp,
    /// Said after the label to screen readers only ("(intervention 2)").
    #[prop(optional, into)]
    label_hidden: Option<String>,
    /// Shows "(optional)" after the label.
    #[prop(optional)]
    optional: bool,
    /// The container's class; `field` unless given.
    #[prop(optional)]
    class: Option<&'static str>,
    #[prop(optional)] label_class: Option<&'static str>,
    /// The label is also a heading (a note's section), for a screen
    /// reader's heading navigation.
    #[prop(optional)]
    heading: bool,
    /// The container's `part`, for hosts that style it.
    #[prop(optional)]
    part: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let lang = use_lang();
    let error = aria.error;
    let error_id = aria.error_id();
    view! {
        <div class=class.unwrap_or("field") class:has-error=move || error.with(Option::is_some) part=part>
            {
                let label = view! {
                    <label for=aria.id() class=label_class>
                        {move || label.get()}
                        {optional.then(|| view! { <span class="optional">" "{lang.t("field-optional")}</span> })}
                        {label_hidden.map(|t| view! { <span class="visually-hidden">{t}</span> })}
                    </label>
                };
                if heading {
                    view! { <h3 class="field-heading">{label}</h3> }.into_any()
                } else {
                    label.into_any()
                }
            }
            {aria.hint.clone().map(|h| view! { <p class="hint" id=aria.hint_id()>{h}</p> })}
            {move || error.get().map(|e| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">{lang.t("field-error")}" "</span>{e}</p>
            })}
            {children()}
        </div>
    }
}
