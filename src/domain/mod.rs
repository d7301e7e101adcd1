//! The note domain: plain Rust, no browser types.
//!
//! Everything here compiles and is tested on the host with `cargo test`.
//! The browser shell (storage, delivery, ui, embed) depends on this module;
//! this module depends on no browser type: serde and serde_json (JSON),
//! chrono (dates), sha2 (hashes), uuid, base64 and httpdate.

pub mod addendum;
pub mod autosave;
pub mod body;
pub mod canonical;
pub mod contact;
pub mod draft;
pub mod fhir;
pub mod fhir_wrapper;
pub mod field_path;
pub mod follow_up;
pub mod id;
pub mod json_int;
pub mod note;
pub mod outbox;
pub mod payload;
pub mod previous;
pub mod problem;
pub mod quote_marks;
pub mod record;
pub mod record_html;
pub mod render;
pub mod rules;
pub mod sent;
pub mod setup;
pub mod signing;
pub mod template;
pub mod time;
pub mod timeliness;
pub mod validate;
pub mod writing;

pub use draft::Draft;
pub use field_path::FieldPath;
pub use note::{
    Client, GoalProgress, Intervention, Note, Person, Progress, Quote, SectionEntry, ServiceTime,
    Speaker,
};
pub use payload::{BuildContext, PayloadV1, PAYLOAD_SCHEMA};
pub use problem::{FieldProblem, Problem};
pub use template::{DocumentType, SectionSpec, Template};
pub use validate::{validate, Checks};
#[cfg(test)]
pub mod fixtures;
