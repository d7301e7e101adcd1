//! The intake's pure steps, each on its own: what each takes and what it
//! refuses with.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};

use super::*;
use crate::db::Kind;

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (k, v) in pairs {
        h.insert(*k, HeaderValue::from_str(v).unwrap());
    }
    h
}

#[test]
fn the_media_type_chooses_the_form_and_anything_else_is_415() {
    let form = |ct: &str| form_of(&headers(&[("content-type", ct)]));
    assert_eq!(form("application/json").unwrap(), Form::Json);
    assert_eq!(form("Application/JSON; charset=utf-8").unwrap(), Form::Json);
    assert_eq!(form("application/fhir+json").unwrap(), Form::Fhir);
    let refused = form("text/plain").unwrap_err();
    assert_eq!(refused.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let none = form_of(&HeaderMap::new()).unwrap_err();
    assert_eq!(none.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let _ = header::CONTENT_TYPE;
}

#[test]
fn a_body_is_read_once_as_utf8_strict_json_and_unwrapped_from_fhir() {
    let read_ok = read(br#"{"id":"x"}"#, Form::Json).unwrap();
    assert_eq!(read_ok.value["id"], "x");
    assert!(read_ok.wrapper.is_none());
    assert_eq!(read_ok.text, r#"{"id":"x"}"#);
    for (body, form) in [
        (&b"\xff\xfe"[..], Form::Json),
        (&b"{not json"[..], Form::Json),
        (&br#"{"a":1,"a":2}"#[..], Form::Json),
        (&br#"{"resourceType":"DocumentReference"}"#[..], Form::Fhir),
    ] {
        let refused = read(body, form).unwrap_err();
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{body:?}");
    }
}

#[test]
fn the_key_must_be_the_notes_id() {
    let id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    assert_eq!(
        idempotency_key(&headers(&[("idempotency-key", id)]), id, Kind::Note).unwrap(),
        id
    );
    let missing = idempotency_key(&HeaderMap::new(), id, Kind::Note).unwrap_err();
    assert_eq!(missing.problem, Problem::KeyMissing);
    let other_key = headers(&[("idempotency-key", "7c9e6679-7425-40de-944b-e07fc1f90ae7")]);
    let other = idempotency_key(&other_key, id, Kind::Note).unwrap_err();
    assert_eq!(other.problem, Problem::KeyNotId);
    // A review's refusals name the review.
    let missing = idempotency_key(&HeaderMap::new(), id, Kind::Review).unwrap_err();
    assert_eq!(missing.problem, Problem::ReviewKeyMissing);
    let other = idempotency_key(&other_key, id, Kind::Review).unwrap_err();
    assert_eq!(other.problem, Problem::KeyNotReviewId);
}
