//! What a receiver checks of a note it is sent, beyond what any stored note
//! is checked for (`check.rs`): the contract's rules that earlier releases
//! did not keep, so that a note stored then still reads and verifies.

use chrono::{DateTime, Duration, Utc};

use super::PayloadV1;
use crate::field_path::{FieldPath, InterventionPart, Member};
use crate::note::ServiceTime;
use crate::problem::{FieldProblem, Problem};
use crate::rules;
use crate::time::{duration_minutes, parse_rfc3339};
use crate::timeliness::{hours_after_service, service_has_ended, OFFSET_RANGE_MINUTES};

fn member(m: Member, problem: Problem) -> FieldProblem {
    FieldProblem::new(FieldPath::Member(m), problem)
}

/// How far ahead of the receiver's clock a sender's may run.
pub const CLOCK_SKEW_MINUTES: i64 = 5;

/// The largest late-entry threshold a note may carry, in hours (a year):
/// past it a threshold says nothing, and could hide any lateness.
pub const MAX_LATE_ENTRY_HOURS: f64 = 8760.0;

/// Hours are sent to two decimals; this much either way is rounding.
const ROUNDING_HOURS: f64 = 0.01;

impl PayloadV1 {
    /// The contract's rules for a note being delivered: a deviation has
    /// its rationale, the duration is the one its times give, and
    /// `createdAt` is a time.
    pub fn contract_problems(&self) -> Vec<FieldProblem> {
        let mut errors = Vec::new();
        if let (Some(given), Some(start), Some(end)) = (
            self.service.duration_minutes,
            &self.service.start,
            &self.service.end,
        ) {
            if let Some(actual) = duration_minutes(start, end) {
                if given != actual {
                    let problem = Problem::DurationWrong { actual, given };
                    errors.push(FieldProblem::new(
                        FieldPath::Member(Member::ServiceDuration),
                        problem,
                    ));
                }
            }
        }
        match (
            parse_rfc3339(&self.created_at),
            parse_rfc3339(&self.documented_at),
        ) {
            (None, _) => errors.push(member(Member::CreatedAt, Problem::NotADateTime)),
            (Some(created), Some(documented)) if created > documented => {
                errors.push(member(Member::CreatedAt, Problem::CreatedAfterDocumented))
            }
            _ => {}
        }
        for (index, intervention) in self.interventions.iter().enumerate() {
            if let Some(p) = rules::rationale(intervention) {
                let part = InterventionPart::Rationale;
                errors.push(FieldProblem::new(
                    FieldPath::Intervention { index, part },
                    p,
                ));
            }
        }
        errors
    }

    /// Timeliness worked out again from the service time, `documentedAt`
    /// and `timeliness.utcOffsetMinutes`, not taken from the sender: refuses a
    /// time after `now`, a service not ended by `documentedAt`, a
    /// `lateEntry` or `hoursAfterService` its own figures contradict, a
    /// threshold past [`MAX_LATE_ENTRY_HOURS`], and a note the receiver's
    /// own threshold (`policy_hours`) makes a late entry that does not say
    /// it is one. (A note its sender's stricter threshold calls late is
    /// taken as late.) Without an offset (earlier releases), every offset
    /// in use is allowed for, so only what no offset could explain is
    /// refused.
    pub fn timeliness_problems(&self, now: DateTime<Utc>, policy_hours: f64) -> Vec<FieldProblem> {
        let mut errors = Vec::new();
        let latest = now + Duration::minutes(CLOCK_SKEW_MINUTES);
        let signed_at = self.signature.as_ref().map(|s| s.signed_at.as_str());
        for (field, value) in [
            (Member::CreatedAt, Some(self.created_at.as_str())),
            (Member::DocumentedAt, Some(self.documented_at.as_str())),
            (Member::SignatureSignedAt, signed_at),
        ] {
            if value.and_then(parse_rfc3339).is_some_and(|t| t > latest) {
                errors.push(member(field, Problem::InFuture));
            }
        }
        let Some(documented) = parse_rfc3339(&self.documented_at) else {
            return errors; // The schema reports the form.
        };
        let Some(t) = &self.timeliness else {
            errors.push(member(Member::Timeliness, Problem::Missing));
            return errors;
        };
        let service = ServiceTime {
            date: self.service.date.clone(),
            start: self.service.start.clone().unwrap_or_default(),
            end: self.service.end.clone().unwrap_or_default(),
            // An end before the start is the next day (the editor asked).
            overnight: true,
        };
        let (west, east) = match t.utc_offset_minutes {
            Some(o) => (o, o),
            None => OFFSET_RANGE_MINUTES,
        };
        if !service_has_ended(&service, documented, east) {
            errors.push(member(Member::Service, Problem::ServiceNotEnded));
            return errors;
        }
        let hours = |offset| hours_after_service(&service, documented, offset).map(|h| h.max(0.0));
        let (Some(fewest), Some(most)) = (hours(west), hours(east)) else {
            return errors; // No service date: check.rs reports it.
        };
        if t.hours_after_service
            .is_some_and(|h| h < fewest - ROUNDING_HOURS || h > most + ROUNDING_HOURS)
        {
            errors.push(member(
                Member::TimelinessHours,
                Problem::HoursWrong { fewest, most },
            ));
        }
        let threshold = t.late_entry_threshold_hours;
        if !(threshold.is_finite() && threshold <= MAX_LATE_ENTRY_HOURS) {
            errors.push(member(
                Member::TimelinessThreshold,
                Problem::ThresholdTooLarge,
            ));
            return errors;
        }
        if (t.late_entry && most <= threshold - ROUNDING_HOURS)
            || (!t.late_entry && fewest > threshold + ROUNDING_HOURS)
        {
            errors.push(member(
                Member::TimelinessLateEntry,
                Problem::LateEntryContradicted,
            ));
        } else if !t.late_entry && fewest > policy_hours + ROUNDING_HOURS {
            let problem = Problem::LateByPolicy {
                policy_hours,
                hours: fewest,
            };
            errors.push(member(Member::TimelinessLateEntry, problem));
        }
        errors
    }
}
