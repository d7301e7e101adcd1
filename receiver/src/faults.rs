//! Fault injection, only in `--test-mode` on loopback: the end-to-end tests
//! use it to make the receiver misbehave on purpose.

use std::sync::Mutex;

use serde::Deserialize;

/// Random faults from every mode, for the exactly-once test.
#[derive(Debug, Default, Deserialize, Clone, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Chaos {
    /// Chance (0 to 1) that a request meets a fault.
    pub rate: f64,
    pub seed: u64,
}

/// What the next requests meet. Set with `POST /api/_test/faults`.
/// A key it does not know is refused, so a misspelt plan fails loudly
/// instead of injecting nothing.
#[derive(Debug, Default, Deserialize, Clone, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultPlan {
    /// Fail this many of the next `POST /api/notes` ...
    #[serde(default)]
    pub fail_next: u32,
    /// ... with this status (default 500).
    #[serde(default)]
    pub status: Option<u16>,
    /// Answer this many with 429 and `Retry-After: retry_after` seconds.
    #[serde(default)]
    pub rate_limit_next: u32,
    #[serde(default)]
    pub retry_after: Option<u32>,
    /// Delay this many answers by `delay_ms`.
    #[serde(default)]
    pub delay_next: u32,
    #[serde(default)]
    pub delay_ms: u64,
    /// Store this many notes, then drop the connection without answering.
    #[serde(default)]
    pub drop_after_store_next: u32,
    /// Answer this many with 401.
    #[serde(default)]
    pub unauthorized_next: u32,
    /// Require `Authorization: Bearer <token>`, else 401.
    #[serde(default)]
    pub require_token: Option<String>,
    #[serde(default)]
    pub chaos: Option<Chaos>,
}

/// What one request meets.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    None,
    Status(u16),
    RateLimit(u32),
    /// Wait, then answer normally.
    Delay(u64),
    DropAfterStore,
    Unauthorized,
}

/// One `POST /api/notes` as the receiver saw it (test mode only).
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogEntry {
    /// Epoch milliseconds when the request arrived.
    pub at: i64,
    pub idempotency_key: Option<String>,
    pub fault: String,
    pub headers: std::collections::BTreeMap<String, String>,
}

#[derive(Default)]
struct State {
    plan: FaultPlan,
    rng: u64,
    log: Vec<LogEntry>,
}

#[derive(Default)]
pub struct Faults {
    state: Mutex<State>,
}

fn next_random(rng: &mut u64) -> u64 {
    // xorshift64*: plenty for picking faults.
    let mut x = if *rng == 0 {
        0x9E37_79B9_7F4A_7C15
    } else {
        *rng
    };
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *rng = x;
    x.wrapping_mul(0x2545_F491_4F6C_DD1D)
}

impl Faults {
    pub fn record(&self, entry: LogEntry) {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .log
            .push(entry);
    }

    pub fn log(&self) -> Vec<LogEntry> {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .log
            .clone()
    }

    /// Clears the plan and the log.
    pub fn reset(&self) {
        *self.state.lock().unwrap_or_else(|e| e.into_inner()) = State::default();
    }

    pub fn set(&self, plan: FaultPlan) {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        s.rng = plan.chaos.as_ref().map(|c| c.seed).unwrap_or(0);
        s.plan = plan;
    }

    /// Decides the fault for one request; `authorization` is its header.
    pub fn take(&self, authorization: Option<&str>) -> Fault {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(token) = &s.plan.require_token {
            if authorization != Some(format!("Bearer {token}").as_str()) {
                return Fault::Unauthorized;
            }
        }
        let p = &mut s.plan;
        if p.unauthorized_next > 0 {
            p.unauthorized_next -= 1;
            return Fault::Unauthorized;
        }
        if p.fail_next > 0 {
            p.fail_next -= 1;
            return Fault::Status(p.status.unwrap_or(500));
        }
        if p.rate_limit_next > 0 {
            p.rate_limit_next -= 1;
            return Fault::RateLimit(p.retry_after.unwrap_or(1));
        }
        if p.delay_next > 0 {
            p.delay_next -= 1;
            return Fault::Delay(p.delay_ms);
        }
        if p.drop_after_store_next > 0 {
            p.drop_after_store_next -= 1;
            return Fault::DropAfterStore;
        }
        let Some(chaos) = p.chaos.clone() else {
            return Fault::None;
        };
        let roll = (next_random(&mut s.rng) % 10_000) as f64 / 10_000.0;
        if roll >= chaos.rate {
            return Fault::None;
        }
        match next_random(&mut s.rng) % 6 {
            0 => Fault::Status(500),
            1 => Fault::Status(503),
            2 => Fault::RateLimit(1),
            3 => Fault::Delay(200 + next_random(&mut s.rng) % 1_000),
            4 => Fault::DropAfterStore,
            _ => Fault::Unauthorized,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_faults_run_out_in_order() {
        let f = Faults::default();
        assert_eq!(f.take(None), Fault::None);
        f.set(FaultPlan {
            fail_next: 1,
            status: Some(503),
            rate_limit_next: 1,
            retry_after: Some(2),
            delay_next: 1,
            delay_ms: 10,
            drop_after_store_next: 1,
            ..FaultPlan::default()
        });
        assert_eq!(f.take(None), Fault::Status(503));
        assert_eq!(f.take(None), Fault::RateLimit(2));
        assert_eq!(f.take(None), Fault::Delay(10));
        assert_eq!(f.take(None), Fault::DropAfterStore);
        assert_eq!(f.take(None), Fault::None);
    }

    #[test]
    fn token_is_required_when_set() {
        let f = Faults::default();
        f.set(FaultPlan {
            require_token: Some("t0k".into()),
            ..FaultPlan::default()
        });
        assert_eq!(f.take(None), Fault::Unauthorized);
        assert_eq!(f.take(Some("Bearer nope")), Fault::Unauthorized);
        assert_eq!(f.take(Some("Bearer t0k")), Fault::None);
    }

    #[test]
    fn chaos_is_seeded_and_covers_every_mode() {
        let plan = FaultPlan {
            chaos: Some(Chaos {
                rate: 0.5,
                seed: 42,
            }),
            ..FaultPlan::default()
        };
        let run = || {
            let f = Faults::default();
            f.set(plan.clone());
            (0..400).map(|_| f.take(None)).collect::<Vec<_>>()
        };
        let a = run();
        assert_eq!(a, run());
        let faults = a.iter().filter(|x| **x != Fault::None).count();
        assert!((120..280).contains(&faults), "{faults}");
        for mode in [
            |x: &Fault| matches!(x, Fault::Status(500)),
            |x: &Fault| matches!(x, Fault::Status(503)),
            |x: &Fault| matches!(x, Fault::RateLimit(_)),
            |x: &Fault| matches!(x, Fault::Delay(_)),
            |x: &Fault| matches!(x, Fault::DropAfterStore),
            |x: &Fault| matches!(x, Fault::Unauthorized),
        ] {
            assert!(a.iter().any(mode));
        }
    }
}
