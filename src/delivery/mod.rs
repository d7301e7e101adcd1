//! Sending a finished note to the host's endpoint.
//!
//! The policy here (`classify`, `editor_field`) is plain Rust, tested on the
//! host; `http::send` does the POST with `fetch` and builds only for wasm32.

#[cfg(target_arch = "wasm32")]
mod http;

#[cfg(target_arch = "wasm32")]
pub use http::send;

use crate::domain::FieldError;

/// What happened to one attempt to deliver a note.
#[derive(Clone, Debug, PartialEq)]
pub enum SendOutcome {
    /// 2xx, or 409 (the host already has this note).
    Delivered { status: u16 },
    /// The host refused the note; `errors` are its field errors, if any.
    Rejected {
        status: u16,
        message: String,
        errors: Vec<FieldError>,
    },
    /// Not delivered, and trying again later may work.
    Failed {
        status: Option<u16>,
        message: String,
    },
}

/// The JSON body of a 4xx answer: `{"errors": [{"field", "message"}]}`.
#[derive(serde::Deserialize)]
struct ErrorBody {
    #[serde(default)]
    errors: Vec<FieldError>,
}

/// Classifies an HTTP answer. `body` is only read for field errors.
pub fn classify(status: u16, body: &str) -> SendOutcome {
    match status {
        200..=299 | 409 => SendOutcome::Delivered { status },
        401 | 403 => SendOutcome::Failed {
            status: Some(status),
            message: format!(
                "The server did not accept your sign-in (error {status}). Sign in again, then submit: your note is kept on this device."
            ),
        },
        408 | 429 | 500..=599 => SendOutcome::Failed {
            status: Some(status),
            message: format!(
                "The server could not take the note just now (error {status}). Your note is kept on this device: submit again in a few minutes."
            ),
        },
        _ => {
            let errors = serde_json::from_str::<ErrorBody>(body)
                .map(|b| b.errors)
                .unwrap_or_default();
            let message = match status {
                400 | 422 if !errors.is_empty() => {
                    "The server found problems with the note. Fix the fields marked below, then submit again.".to_string()
                }
                404 => "The address this editor sends notes to was not found (error 404). Tell your administrator; your note is kept on this device.".to_string(),
                413 => "The note is too large for the server (error 413). Your note is kept on this device.".to_string(),
                _ => format!(
                    "The server refused the note (error {status}). Your note is kept on this device; tell your administrator if this goes on."
                ),
            };
            SendOutcome::Rejected { status, message, errors }
        }
    }
}

/// The outcome when the request did not get an answer at all.
pub fn network_failure() -> SendOutcome {
    SendOutcome::Failed {
        status: None,
        message: "Could not reach the server. Check your connection, then submit again: your note is kept on this device.".into(),
    }
}

/// Maps a field named by the server (`client.name`, `sections[2].text`,
/// `service.date`) to the editor's field key (`client`,
/// `section.<key>`, `service.date`), given the section keys sent in order.
pub fn editor_field(server_field: &str, section_keys: &[String]) -> Option<String> {
    if let Some(rest) = server_field.strip_prefix("sections[") {
        let idx: usize = rest.split(']').next()?.parse().ok()?;
        return section_keys.get(idx).map(|k| format!("section.{k}"));
    }
    if server_field == "client" || server_field.starts_with("client.") {
        return Some("client".into());
    }
    ["service.date", "service.start", "service.end"]
        .into_iter()
        .find(|f| server_field == *f)
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_and_conflict_count_as_delivered() {
        assert_eq!(classify(201, ""), SendOutcome::Delivered { status: 201 });
        assert_eq!(classify(200, "x"), SendOutcome::Delivered { status: 200 });
        assert_eq!(classify(409, ""), SendOutcome::Delivered { status: 409 });
    }

    #[test]
    fn server_trouble_is_retryable_and_says_the_note_is_kept() {
        for status in [408, 429, 500, 503] {
            match classify(status, "") {
                SendOutcome::Failed { status: s, message } => {
                    assert_eq!(s, Some(status));
                    assert!(message.contains(&format!("error {status}")));
                    assert!(message.contains("kept on this device"));
                }
                other => panic!("{status}: {other:?}"),
            }
        }
        assert!(matches!(classify(401, ""), SendOutcome::Failed { .. }));
        assert!(matches!(
            network_failure(),
            SendOutcome::Failed { status: None, .. }
        ));
    }

    #[test]
    fn field_errors_are_read_from_a_400() {
        let body = r#"{"errors":[{"field":"sections[1].text","message":"must not be empty"}]}"#;
        match classify(400, body) {
            SendOutcome::Rejected {
                status,
                errors,
                message,
            } => {
                assert_eq!(status, 400);
                assert_eq!(
                    errors,
                    vec![FieldError::new("sections[1].text", "must not be empty")]
                );
                assert!(message.contains("Fix the fields marked below"));
            }
            other => panic!("{other:?}"),
        }
        match classify(400, "<html>bad</html>") {
            SendOutcome::Rejected {
                errors, message, ..
            } => {
                assert!(errors.is_empty());
                assert!(message.contains("error 400"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn server_fields_map_to_editor_fields() {
        let keys = vec!["data".to_string(), "assessment".to_string()];
        assert_eq!(
            editor_field("sections[1].quotes[0].text", &keys).as_deref(),
            Some("section.assessment")
        );
        assert_eq!(editor_field("sections[7].text", &keys), None);
        assert_eq!(
            editor_field("client.name", &keys).as_deref(),
            Some("client")
        );
        assert_eq!(
            editor_field("service.date", &keys).as_deref(),
            Some("service.date")
        );
        assert_eq!(editor_field("id", &keys), None);
    }
}
