//! The editor's Leptos components. They read and write the domain types,
//! save through `storage` and send through `delivery`; they know nothing
//! of custom elements (see `embed`).

mod autosave;
mod drafts;
mod editor;
mod extras;
mod form;
mod host;
mod outbox_panel;
mod section;

pub use autosave::writes_settled;
pub use editor::{Editor, EditorConfig, EditorControls};
pub use extras::HostGoal;
