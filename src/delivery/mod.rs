//! Sending a finished note to the host's endpoint.
//!
//! The policy here (`classify`, `backoff_ms`, `parse_retry_after`) and
//! the outbox's state machine (`machine`: when to send which note and what
//! each answer leads to) are plain Rust, tested on the host. `http::send`
//! does the POST with `fetch`, and `outbox` carries out the machine's
//! commands until the host has the note; those two build only for wasm32.

#[cfg(target_arch = "wasm32")]
mod http;
pub mod machine;
#[cfg(target_arch = "wasm32")]
pub mod outbox;

#[cfg(target_arch = "wasm32")]
pub use http::{send, Header, SendOptions};

use crate::domain::{FieldPath, FieldProblem, Problem};
use crate::text::Lang;
use casenote_text::Catalog;

/// What happened to one attempt to deliver a note.
#[derive(Clone, Debug, PartialEq)]
pub enum SendOutcome {
    /// 2xx, or 409 (the host already has this note).
    Delivered { status: u16, body: String },
    /// Not delivered; the outbox tries again, after `retry_after_ms` when
    /// the server said (429 `Retry-After`).
    Retry {
        status: Option<u16>,
        failure: Failure,
        retry_after_ms: Option<u64>,
    },
    /// 401 or 403: the outbox pauses until the host has new credentials.
    AuthRequired { status: u16, failure: Failure },
    /// The host refused the note; `errors` are its field errors, if any.
    Rejected {
        status: u16,
        failure: Failure,
        errors: Vec<HostError>,
    },
}

impl SendOutcome {
    pub fn status(&self) -> Option<u16> {
        match self {
            SendOutcome::Delivered { status, .. }
            | SendOutcome::AuthRequired { status, .. }
            | SendOutcome::Rejected { status, .. } => Some(*status),
            SendOutcome::Retry { status, .. } => *status,
        }
    }

    /// What the worker is told, in `lang` (nothing once delivered).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SendOutcome::Delivered { .. } => String::new(),
            SendOutcome::Retry { failure, .. }
            | SendOutcome::AuthRequired { failure, .. }
            | SendOutcome::Rejected { failure, .. } => failure.message(lang),
        }
    }
}

/// Why an attempt did not deliver the note, by kind: the words for the
/// worker come from [`Failure::message`], in their language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// 401 or 403: the sign-in was not accepted.
    SignIn(u16),
    /// 408, 429 or 5xx: the server could not take the note just now.
    Busy(u16),
    /// 400 or 422 with field errors: the form lists them.
    Problems,
    /// 404: the endpoint does not exist.
    NotFound,
    /// 413.
    TooLarge,
    /// Any other refusal, by its status.
    Refused(u16),
    /// No answer at all: offline, refused, dropped.
    Unreachable,
    /// No answer within this many seconds.
    TimedOut(u32),
}

impl Failure {
    /// What the worker is told, in `lang`: each says the note is kept.
    pub fn message(self, lang: Lang) -> String {
        match self {
            Failure::SignIn(status) => {
                casenote_text::tr!(lang, "send-sign-in", status = status.to_string())
            }
            Failure::Busy(status) => {
                casenote_text::tr!(lang, "send-busy", status = status.to_string())
            }
            Failure::Problems => lang.t("send-problems"),
            Failure::NotFound => lang.t("send-not-found"),
            Failure::TooLarge => lang.t("send-too-large"),
            Failure::Refused(status) => {
                casenote_text::tr!(lang, "send-refused", status = status.to_string())
            }
            Failure::Unreachable => lang.t("send-unreachable"),
            Failure::TimedOut(seconds) => {
                casenote_text::tr!(lang, "send-timed-out", seconds = seconds)
            }
        }
    }
}

/// A problem as a host's answer gives it: the JSON path of the field and
/// the host's own words. Read into the editor's field once the note it is
/// about is known ([`HostError::about`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct HostError {
    pub field: String,
    pub message: String,
}

impl HostError {
    /// The problem, at the editor's field for it, given the note's section
    /// keys in order (the payload's sections).
    pub fn about(&self, section_keys: &[String]) -> FieldProblem {
        FieldProblem::new(
            FieldPath::parse(&self.field, section_keys),
            Problem::Host(self.message.clone()),
        )
    }
}

/// The field errors in the JSON body of a 4xx answer:
/// `{"errors": [{"field", "message"}]}`. Anything else reads as none.
fn field_errors(body: &str) -> Vec<HostError> {
    #[derive(serde::Deserialize)]
    struct ErrorsBody {
        #[serde(default)]
        errors: Vec<HostError>,
    }
    serde_json::from_str::<ErrorsBody>(body)
        .map(|b| b.errors)
        .unwrap_or_default()
}

/// Classifies an HTTP answer. `body` is read for field errors;
/// `retry_after` is the `Retry-After` header, if any; `now_ms` is used to
/// read an HTTP-date there.
pub fn classify(status: u16, body: &str, retry_after: Option<&str>, now_ms: f64) -> SendOutcome {
    match status {
        200..=299 | 409 => SendOutcome::Delivered {
            status,
            body: body.to_string(),
        },
        401 | 403 => SendOutcome::AuthRequired {
            status,
            failure: Failure::SignIn(status),
        },
        408 | 429 | 500..=599 => SendOutcome::Retry {
            status: Some(status),
            failure: Failure::Busy(status),
            retry_after_ms: retry_after.and_then(|v| parse_retry_after(v, now_ms)),
        },
        _ => {
            let errors = field_errors(body);
            let failure = match status {
                400 | 422 if !errors.is_empty() => Failure::Problems,
                404 => Failure::NotFound,
                413 => Failure::TooLarge,
                _ => Failure::Refused(status),
            };
            SendOutcome::Rejected {
                status,
                failure,
                errors,
            }
        }
    }
}

/// The outcome when the request got no answer: offline, refused, dropped.
pub fn network_failure() -> SendOutcome {
    SendOutcome::Retry {
        status: None,
        failure: Failure::Unreachable,
        retry_after_ms: None,
    }
}

/// The outcome when the server did not answer within the timeout.
pub fn timed_out(seconds: u32) -> SendOutcome {
    SendOutcome::Retry {
        status: None,
        failure: Failure::TimedOut(seconds),
        retry_after_ms: None,
    }
}

/// `Retry-After` as milliseconds from now: delay-seconds or an HTTP-date.
pub fn parse_retry_after(value: &str, now_ms: f64) -> Option<u64> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(secs.saturating_mul(1000));
    }
    let when = crate::domain::time::parse_http_date(value)?;
    let delta = when.timestamp_millis() as f64 - now_ms;
    Some(delta.max(0.0) as u64)
}

/// First retry after this long; doubling per attempt up to `MAX_BACKOFF_MS`.
pub const BASE_BACKOFF_MS: u64 = 500;
pub const MAX_BACKOFF_MS: u64 = 30_000;

/// The wait before retry number `attempt` (1 = first retry): capped
/// exponential backoff with "equal jitter", `jitter` in [0, 1). Half of the
/// delay is fixed so retries never bunch up at zero.
pub fn backoff_ms(attempt: u32, jitter: f64) -> u64 {
    let exp = BASE_BACKOFF_MS.saturating_mul(1u64 << attempt.saturating_sub(1).min(20));
    let capped = exp.min(MAX_BACKOFF_MS);
    let half = capped / 2;
    half + (half as f64 * jitter.clamp(0.0, 1.0)) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_and_conflict_count_as_delivered() {
        assert_eq!(
            classify(201, "{}", None, 0.0),
            SendOutcome::Delivered {
                status: 201,
                body: "{}".into()
            }
        );
        assert!(matches!(
            classify(200, "x", None, 0.0),
            SendOutcome::Delivered { status: 200, .. }
        ));
        assert!(matches!(
            classify(409, "", None, 0.0),
            SendOutcome::Delivered { status: 409, .. }
        ));
    }

    #[test]
    fn server_trouble_is_retried_and_says_the_note_is_kept() {
        for status in [408, 429, 500, 502, 503, 504] {
            match classify(status, "", None, 0.0) {
                SendOutcome::Retry {
                    status: s,
                    failure,
                    retry_after_ms,
                } => {
                    let message = failure.message(Lang::En);
                    assert_eq!(s, Some(status));
                    assert!(message.contains(&format!("error {status}")));
                    assert!(message.contains("kept on this device"));
                    assert_eq!(retry_after_ms, None);
                }
                other => panic!("{status}: {other:?}"),
            }
        }
        assert!(matches!(
            network_failure(),
            SendOutcome::Retry { status: None, .. }
        ));
        assert!(timed_out(30)
            .message(Lang::En)
            .contains("within 30 seconds"));
    }

    #[test]
    fn auth_failures_pause() {
        for status in [401, 403] {
            assert!(matches!(
                classify(status, "", None, 0.0),
                SendOutcome::AuthRequired { .. }
            ));
        }
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        match classify(429, "", Some("7"), 0.0) {
            SendOutcome::Retry { retry_after_ms, .. } => assert_eq!(retry_after_ms, Some(7_000)),
            other => panic!("{other:?}"),
        }
        let now = crate::domain::time::parse_rfc3339("2026-11-26T08:49:37Z")
            .unwrap()
            .timestamp_millis() as f64;
        assert_eq!(
            parse_retry_after("Thu, 26 Nov 2026 08:49:47 GMT", now),
            Some(10_000)
        );
        assert_eq!(
            parse_retry_after("Thu, 26 Nov 2026 08:40:00 GMT", now),
            Some(0)
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        assert_eq!(backoff_ms(1, 0.0), 250);
        assert_eq!(backoff_ms(1, 0.999), 499);
        assert_eq!(backoff_ms(2, 0.0), 500);
        assert_eq!(backoff_ms(3, 0.5), 1_500);
        assert_eq!(backoff_ms(10, 0.0), MAX_BACKOFF_MS / 2);
        assert!(backoff_ms(60, 1.0) <= MAX_BACKOFF_MS);
        for attempt in 1..30 {
            for j in [0.0, 0.3, 0.99] {
                assert!(backoff_ms(attempt + 1, j) >= backoff_ms(attempt, 0.0));
            }
        }
    }

    #[test]
    fn field_errors_are_read_from_a_400() {
        let body = r#"{"errors":[{"field":"sections[1].text","message":"must not be empty"}]}"#;
        match classify(400, body, None, 0.0) {
            SendOutcome::Rejected {
                status,
                errors,
                failure,
            } => {
                let message = failure.message(Lang::En);
                assert_eq!(status, 400);
                assert_eq!(
                    errors,
                    vec![HostError {
                        field: "sections[1].text".into(),
                        message: "must not be empty".into()
                    }]
                );
                assert!(message.contains("Fix the problems listed at the top of the form"));
            }
            other => panic!("{other:?}"),
        }
        match classify(400, "<html>bad</html>", None, 0.0) {
            SendOutcome::Rejected {
                errors, failure, ..
            } => {
                let message = failure.message(Lang::En);
                assert!(errors.is_empty());
                assert!(message.contains("error 400"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_worker_is_told_in_their_language() {
        let busy = classify(503, "", None, 0.0).message(Lang::Es);
        assert_eq!(
            busy,
            "El servidor no pudo recibir la nota en este momento (error 503). Su nota se conserva en este dispositivo y casenote lo sigue intentando."
        );
        assert!(timed_out(1)
            .message(Lang::Es)
            .starts_with("El servidor no respondió en 1 segundo."));
        assert!(timed_out(30).message(Lang::Es).contains("en 30 segundos"));
        assert!(timed_out(1).message(Lang::En).contains("within 1 second."));
        assert!(network_failure()
            .message(Lang::Es)
            .contains("se conserva en este dispositivo"));
        assert_eq!(
            classify(404, "", None, 0.0).message(Lang::En),
            "The address this editor sends notes to was not found (error 404). Your note is kept on this device; tell your administrator."
        );
        assert_eq!(classify(201, "", None, 0.0).message(Lang::Es), "");
    }

    #[test]
    fn a_hosts_errors_are_read_into_the_editors_fields() {
        let keys: Vec<String> = ["data", "assessment", "plan"].map(String::from).into();
        let about = |field: &str| {
            HostError {
                field: field.into(),
                message: "is wrong".into(),
            }
            .about(&keys)
        };
        assert_eq!(
            about("sections[1].quotes[0].text").field.editor_key(),
            "section.assessment"
        );
        assert_eq!(
            about("sections[7].text").field,
            FieldPath::Json("sections[7].text".into())
        );
        assert_eq!(about("client.name").field, FieldPath::Client);
        assert_eq!(about("service.date").field, FieldPath::ServiceDate);
        assert!(!about("id").field.on_screen());
        assert_eq!(
            about("timeliness.lateEntryReason").field,
            FieldPath::LateEntryReason
        );
        assert_eq!(about("id").problem, Problem::Host("is wrong".into()));
    }
}
