//! Signing later through the API: a note sent unsigned is signed once, by
//! its author, in an addendum of kind signature; anyone else's signature,
//! or a second one, is refused with the field it is about.

use super::*;
use casenote_format::record::{AddendumKind, Signature};
use casenote_format::Person;

/// Note [`ID`], sent unsigned, written by W-7.
fn authored() -> PayloadV1 {
    let mut p = note_payload(ID);
    p.author = Some(Person {
        id: "W-7".into(),
        name: "Sam Rivera".into(),
    });
    p.with_hash()
}

/// A signature addendum `id` to [`authored`], signed by `signer_id`.
fn signature_addendum(id: &str, signer_id: &str) -> PayloadV1 {
    let original = authored();
    let mut p: PayloadV1 =
        serde_json::from_str(&addendum_json(ID, &original.computed_hash())).unwrap();
    p.id = id.into();
    if let Some(a) = p.addendum.as_mut() {
        a.kind = AddendumKind::Signature;
    }
    let mut p = p.with_hash();
    p.signature = Some(
        Signature {
            signer_id: signer_id.into(),
            signer_name: "Sam Rivera".into(),
            signed_at: "2026-11-26T11:00:00Z".into(),
            attestation: "I attest.".into(),
            content_hash: p.content_hash.clone(),
            signature_hash: None,
        }
        .sealed(),
    );
    p
}

#[tokio::test]
async fn a_note_is_signed_later_once_and_only_by_its_author() {
    let app = app(false);
    let (status, body) = post_payload(&app, &authored(), ID).await;
    assert_eq!(status, 201, "{body}");
    // Someone else: refused, and nothing stored.
    let other = "3f8fad5b-d9cb-469f-a165-70867728950e";
    let (status, body) = post_payload(&app, &signature_addendum(other, "W-9"), other).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("\"signature\""), "{body}");
    assert!(body.contains("is not by the original's author"), "{body}");
    assert_eq!(count(&app).await, 1);
    // The author: stored.
    let (status, body) = post_payload(&app, &signature_addendum(ADD, "W-7"), ADD).await;
    assert_eq!(status, 201, "{body}");
    // A second signature, even the author's: refused.
    let again = "4f8fad5b-d9cb-469f-a165-70867728950e";
    let (status, body) = post_payload(&app, &signature_addendum(again, "W-7"), again).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("already signed later"), "{body}");
    assert_eq!(count(&app).await, 2);
    // The sign page now has nothing to sign.
    let (res, html) = get(&app, &format!("/inbox/sign/{ID}"), None).await;
    assert_eq!(res.status(), 200);
    assert!(html.contains("This note is signed"), "{html}");
    assert!(!html.contains("<casenote-editor"), "{html}");
}
