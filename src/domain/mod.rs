//! The note domain: plain Rust, no browser types.
//!
//! Everything here compiles and is tested on the host with `cargo test`.
//! The browser shell (storage, delivery, ui, embed) depends on this module;
//! this module depends on nothing but serde, serde_json and chrono.

pub mod draft;
pub mod encoding;
pub mod id;
pub mod note;
pub mod outbox;
pub mod payload;
pub mod template;
pub mod time;
pub mod validate;

pub use draft::Draft;
pub use note::{Client, Note, Person, Quote, SectionEntry, ServiceTime, Speaker};
pub use payload::{PayloadV1, PAYLOAD_SCHEMA};
pub use template::{SectionSpec, Template};
pub use validate::{validate, FieldError};
