//! A problem with one field: what every check of the domain reports. A
//! leaf, so that templates, payloads and validation can all use it.

use serde::{Deserialize, Serialize};

/// A problem with one field, in words a worker understands.
///
/// `field` names the field: `client`, `service.date`, `service.start`,
/// `service.end`, `section.<key>` (e.g. `section.subjective`), or for a
/// payload check the JSON path (e.g. `sections[0].text`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}
