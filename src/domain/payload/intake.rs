//! What a receiver checks of a note it is sent, beyond what any stored note
//! is checked for (`check.rs`): the contract's rules that earlier releases
//! did not keep, so that a note stored then still reads and verifies.

use super::PayloadV1;
use crate::domain::field_error::FieldError;
use crate::domain::time::{duration_minutes, parse_rfc3339};

impl PayloadV1 {
    /// The contract's rules for a note being delivered: a deviation has
    /// its rationale, the duration is the one its times give, and
    /// `createdAt` is a time.
    pub fn contract_problems(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let (Some(given), Some(start), Some(end)) = (
            self.service.duration_minutes,
            &self.service.start,
            &self.service.end,
        ) {
            if let Some(actual) = duration_minutes(start, end) {
                if given != actual {
                    errors.push(FieldError::new(
                        "service.durationMinutes",
                        format!("must be the minutes from start to end ({actual}), not {given}"),
                    ));
                }
            }
        }
        if parse_rfc3339(&self.created_at).is_none() {
            errors.push(FieldError::new(
                "createdAt",
                "must be a date and time (RFC 3339)",
            ));
        }
        for (i, intervention) in self.interventions.iter().enumerate() {
            if intervention.deviates && intervention.rationale.trim().is_empty() {
                errors.push(FieldError::new(
                    format!("interventions[{i}].rationale"),
                    "must say why the intervention departs from standard procedure (deviates is true)",
                ));
            }
        }
        errors
    }
}
