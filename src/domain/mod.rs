//! The note's format (`casenote-format`): its types, the payload, the
//! canonical form and content hash, the rules, the schema. Plain Rust: no
//! browser types, no catalog of words, no templating.
//!
//! Everything here compiles and is tested on the host with `cargo test`.
//! The words for what is here (labels, problems, the printed record) are
//! `casenote-text`'s; the writing aids are `casenote-writing`'s; the
//! element depends on all three. Depends on serde and serde_json (JSON),
//! chrono (dates), sha2 (hashes), uuid, base64, httpdate, and unic-langid
//! with fluent-langneg (language tags and their match).

pub mod addendum;
pub mod autosave;
pub mod canonical;
pub mod contact;
pub mod dismissal;
pub mod draft;
pub mod field_path;
pub mod follow_up;
pub mod id;
pub mod json_int;
pub mod language;
pub mod note;
pub mod outbox;
pub mod payload;
pub mod previous;
pub mod problem;
pub mod quote_marks;
pub mod record;
pub mod review;
pub mod rules;
pub mod sent;
pub mod setup;
pub mod signing;
pub mod template;
pub mod time;
pub mod timeliness;
pub mod validate;

pub use draft::Draft;
pub use field_path::FieldPath;
pub use language::Lang;
pub use note::{
    Client, GoalProgress, Intervention, Note, Person, Progress, Quote, SectionEntry, ServiceTime,
    Speaker,
};
pub use payload::{BuildContext, PayloadV1, PAYLOAD_SCHEMA};
pub use problem::{FieldProblem, Problem};
pub use template::{DocumentType, SectionSpec, Template};
pub use validate::{validate, Checks};
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
