//! A record's reviews, as a receiver that holds them shows the note: each
//! review with who made it and when, a return's comments beside what they
//! are about, and a co-signature under the author's signature.

use maud::{html, Markup};

use super::name_and_id;
use crate::{isolated, tr, Catalog};
use casenote_format::payload::PayloadV1;
use casenote_format::review::{CommentAbout, Decision, ReviewV1};
use casenote_format::Lang;

/// What a comment is about, in words: the note, a section by its label, a
/// quote of a section, or an intervention, by place.
pub fn about_text(p: &PayloadV1, about: &CommentAbout, lang: Lang) -> String {
    let label = |key: &str| {
        p.sections
            .iter()
            .find(|s| s.key == key)
            .map_or_else(|| key.to_string(), |s| s.label.clone())
    };
    match about {
        CommentAbout::Note => lang.t("record-review-about-note"),
        CommentAbout::Section { key } => label(key),
        CommentAbout::Quote { section, index } => tr!(
            lang,
            "record-review-about-quote",
            n = index + 1,
            section = label(section)
        ),
        CommentAbout::Intervention { index } => {
            tr!(lang, "record-review-about-intervention", n = index + 1)
        }
    }
}

/// Who reviewed: "Name (id), credential".
fn reviewer_text(r: &ReviewV1) -> String {
    let who = name_and_id(&r.reviewer.name, &r.reviewer.id, &|id: &str| {
        isolated(id).into_owned()
    });
    match r.reviewer.credential.trim() {
        "" => who,
        c => format!("{who}, {}", isolated(c)),
    }
}

/// "Co-signed by …" or "Returned for revision by …", before the time.
fn decided_by(r: &ReviewV1, lang: Lang) -> String {
    let who = reviewer_text(r);
    match r.decision {
        Decision::Cosign => tr!(lang, "record-review-cosigned-by", who = who),
        Decision::Return => tr!(lang, "record-review-returned-by", who = who),
    }
}

/// The record's review section: each review of the note, oldest first,
/// with who made it and when, its comments and its co-signature.
pub fn reviews_html(
    p: &PayloadV1,
    reviews: &[ReviewV1],
    lang: Lang,
    local: &dyn Fn(&str) -> String,
    heading: Markup,
) -> Markup {
    html! {
        @if !reviews.is_empty() {
            section.print-review {
                (heading)
                @for r in reviews {
                    div.review {
                        p {
                            (decided_by(r, lang)) " "
                            time datetime=(r.decided_at) { (local(&r.decided_at)) } "."
                        }
                        @if !r.comments.is_empty() {
                            ul.review-comments {
                                @for c in &r.comments {
                                    li { strong { (about_text(p, &c.about, lang)) ": " } (c.text) }
                                }
                            }
                        }
                        @if let Some(sig) = &r.co_signature {
                            p.attestation { (sig.attestation) }
                            p.hash { (tr!(lang, "record-review-hash", hash = sig.review_hash.as_str())) }
                        }
                    }
                }
            }
        }
    }
}
