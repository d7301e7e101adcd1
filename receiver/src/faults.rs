//! Fault injection, only in `--test-mode` on loopback: the end-to-end tests
//! use it to make the receiver misbehave on purpose.

use std::sync::Mutex;

use serde::Deserialize;

#[derive(Debug, Default, Deserialize, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FaultPlan {
    /// Fail this many of the next `POST /api/notes` requests ...
    #[serde(default)]
    pub fail_next: u32,
    /// ... with this status (default 500).
    #[serde(default)]
    pub status: Option<u16>,
}

#[derive(Default)]
pub struct Faults {
    plan: Mutex<FaultPlan>,
}

impl Faults {
    pub fn set(&self, plan: FaultPlan) {
        *self.plan.lock().unwrap_or_else(|e| e.into_inner()) = plan;
    }

    /// The status to fail this request with, if a failure is planned.
    pub fn take_failure(&self) -> Option<u16> {
        let mut plan = self.plan.lock().unwrap_or_else(|e| e.into_inner());
        if plan.fail_next == 0 {
            return None;
        }
        plan.fail_next -= 1;
        Some(plan.status.unwrap_or(500))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fails_exactly_n_times() {
        let f = Faults::default();
        assert_eq!(f.take_failure(), None);
        f.set(FaultPlan {
            fail_next: 2,
            status: Some(503),
        });
        assert_eq!(f.take_failure(), Some(503));
        assert_eq!(f.take_failure(), Some(503));
        assert_eq!(f.take_failure(), None);
    }
}
