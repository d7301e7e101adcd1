//! The editor's Leptos components. They read and write the domain types,
//! save through `storage` and send through `delivery`; they know nothing
//! of custom elements (see `embed`).

mod autosave;
mod context;
mod drafts;
mod editor;
mod extras;
mod form;
mod host;
mod outbox_panel;
mod section;

// Autosave is public for the browser tests (tests/web.rs).
pub use autosave::{writes_settled, Autosave, SaveState};
pub use editor::{Editor, EditorConfig, EditorControls};
pub use extras::HostGoal;
