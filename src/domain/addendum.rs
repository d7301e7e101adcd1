//! What an addendum must hold before it is signed or sent: a link to a
//! real note id, a well-formed hash of the original when one is given, and
//! the worker's reason.

use super::field_error::FieldError;
use super::id::is_uuid;
use super::record::{is_sha256_hex, AddendumLink};
use crate::i18n::Lang;
use crate::tr;

impl AddendumLink {
    /// Problems with the link and its reason, as field errors (the link's
    /// come from the host page; the reason is the worker's).
    pub fn problems(&self, lang: Lang) -> Vec<FieldError> {
        let mut out = Vec::new();
        if !is_uuid(&self.to) {
            out.push(FieldError::new(
                "addendum.to",
                tr!(lang, "error-addendum-to", to = self.to.as_str()),
            ));
        }
        if self.to_hash.as_deref().is_some_and(|h| !is_sha256_hex(h)) {
            out.push(FieldError::new(
                "addendum.toHash",
                lang.t("error-addendum-to-hash"),
            ));
        }
        if self.reason.trim().is_empty() {
            out.push(FieldError::new(
                "addendum.reason",
                lang.t("error-addendum-reason"),
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::AddendumKind;

    fn link(to: &str, to_hash: Option<&str>, reason: &str) -> AddendumLink {
        AddendumLink {
            to: to.into(),
            to_hash: to_hash.map(Into::into),
            kind: AddendumKind::Correction,
            reason: reason.into(),
        }
    }

    fn fields(l: &AddendumLink) -> Vec<String> {
        l.problems(Lang::En).into_iter().map(|e| e.field).collect()
    }

    const ID: &str = "0b5c6a52-4f0e-4a55-9f43-8d2f3b0c9a11";

    #[test]
    fn a_complete_addendum_has_no_problems() {
        assert!(fields(&link(ID, None, "Wrong date")).is_empty());
        let hash = "AB".repeat(32);
        assert!(fields(&link(ID, Some(&hash), "Wrong date")).is_empty());
    }

    #[test]
    fn each_problem_names_its_field() {
        assert_eq!(fields(&link("note-7", None, "x")), ["addendum.to"]);
        assert_eq!(fields(&link(ID, Some("abc"), "x")), ["addendum.toHash"]);
        assert_eq!(fields(&link(ID, None, "  ")), ["addendum.reason"]);
        assert_eq!(
            fields(&link("", Some("zz"), "")),
            ["addendum.to", "addendum.toHash", "addendum.reason"]
        );
    }

    #[test]
    fn the_bad_id_is_quoted_back() {
        let e = &link("note-7", None, "x").problems(Lang::En)[0];
        assert!(e.message.contains("“note-7”"), "{}", e.message);
    }

    #[test]
    fn problems_come_in_the_workers_language() {
        let en = link("note-7", Some("zz"), "").problems(Lang::En);
        assert_eq!(en[2].message, "Say why you are writing this addendum");
        assert!(en[1].message.starts_with("This addendum cannot be linked"));
        let es = link("note-7", Some("zz"), "").problems(Lang::Es);
        assert_eq!(es[2].message, "Indique por qué escribe esta adenda");
        assert!(es[0].message.contains("“note-7”"), "{}", es[0].message);
        assert!(es[1]
            .message
            .starts_with("Esta adenda no se puede vincular"));
        assert_eq!(AddendumKind::LateEntry.label(Lang::Es), "Anotación tardía");
        assert_eq!(AddendumKind::LateEntry.label(Lang::En), "Late entry");
    }
}
