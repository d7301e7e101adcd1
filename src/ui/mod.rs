//! The editor's user interface: a session (state and actions, no view)
//! and the views that draw it. It reads and writes the domain types, saves
//! through `storage` and sends through `delivery`; it knows nothing of
//! custom elements (see `embed`).
//!
//! - `config.rs`, `controls.rs`: what the embedding gives an editor.
//! - `aids_data.rs`: the writing aids' lists and model, loaded after the
//!   first screen.
//! - `context.rs`: what the session shares with the views (the root, the
//!   live region, templates by format, focus helpers).
//! - `session/`: one editor's state and what it does.
//! - `views/`: the components.
//! - `editor.rs`: joins a session to its views.

mod aids_data;
mod config;
mod context;
mod controls;
mod editor;
mod part;
mod session;
mod views;

pub use aids_data::set_base as set_aids_base;
pub use config::{EditorConfig, HostGoal, HostTemplate, KeyState, Previous, SignerEntry};
pub use controls::EditorControls;
pub use editor::Editor;
pub(crate) use session::autosave::writes_settled;
