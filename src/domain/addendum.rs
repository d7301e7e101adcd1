//! What an addendum must hold before it is signed or sent: a link to a
//! real note id, a well-formed hash of the original when one is given, and
//! the worker's reason.

use super::field_path::{AddendumPart, FieldPath};
use super::id::is_uuid;
use super::problem::{FieldProblem, Problem};
use super::record::{is_sha256_hex, AddendumLink};

impl AddendumLink {
    /// Problems with the link and its reason (the link's come from the
    /// host page; the reason is the worker's). The editor and a receiver
    /// both check these.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let field = FieldPath::Addendum;
        let mut out = Vec::new();
        if !is_uuid(&self.to) {
            let given = self.to.clone();
            out.push(FieldProblem::new(
                field(AddendumPart::To),
                Problem::NotAUuid { given },
            ));
        }
        if self.to_hash.as_deref().is_some_and(|h| !is_sha256_hex(h)) {
            out.push(FieldProblem::new(
                field(AddendumPart::ToHash),
                Problem::NotASha256,
            ));
        }
        if self.reason.trim().is_empty() {
            out.push(FieldProblem::new(
                field(AddendumPart::Reason),
                Problem::Missing,
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::AddendumKind;

    fn link(to: &str, to_hash: Option<&str>, reason: &str) -> AddendumLink {
        AddendumLink {
            to: to.into(),
            to_hash: to_hash.map(Into::into),
            kind: AddendumKind::Correction,
            reason: reason.into(),
        }
    }

    fn fields(l: &AddendumLink) -> Vec<String> {
        l.problems()
            .into_iter()
            .map(|e| e.field.editor_key())
            .collect()
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
    fn the_bad_id_is_kept_to_quote_back() {
        let e = &link("note-7", None, "x").problems()[0];
        assert_eq!(
            e.problem,
            Problem::NotAUuid {
                given: "note-7".into()
            }
        );
    }
}
