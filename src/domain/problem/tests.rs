//! A problem in the contract's English, as a receiver answers it.

use super::*;
use crate::field_path::AddendumPart;

fn addendum_problems() -> Vec<FieldProblem> {
    crate::fixtures::faulty_addendum_link().problems()
}

#[test]
fn a_receiver_says_a_problem_in_the_contracts_english() {
    let said: Vec<(String, String)> = addendum_problems()
        .iter()
        .map(|p| (p.field.json_path(), p.wire()))
        .collect();
    assert_eq!(
        said,
        [
            (
                "addendum.to".into(),
                "must be the original note's id (a UUID)".into()
            ),
            (
                "addendum.toHash".into(),
                "must be a SHA-256 in hex (64 characters)".into()
            ),
            (
                "addendum.reason".into(),
                "must say why the addendum is written".into()
            ),
        ]
    );
    let to = FieldProblem::new(
        FieldPath::Addendum(AddendumPart::To),
        Problem::OriginalChanged,
    );
    assert!(to.wire().starts_with("The original note has changed"));
}
