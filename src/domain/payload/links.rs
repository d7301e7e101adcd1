//! The links a note makes to notes already stored: the original an
//! addendum adds to, and the earlier note whose follow-ups it marks. A
//! receiver checks them against what it holds; the lookup is passed in,
//! so the rules are the same whatever the store.

use super::PayloadV1;
use crate::field_path::{AddendumPart, FieldPath, MarkPart, Member};
use crate::note::{Client, Person};
use crate::problem::{FieldProblem, Problem};
use crate::record::{AddendumKind, Signature};

fn addendum(part: AddendumPart, problem: Problem) -> FieldProblem {
    FieldProblem::new(FieldPath::Addendum(part), problem)
}

fn signature(problem: Problem) -> FieldProblem {
    FieldProblem::new(FieldPath::Member(Member::Signature), problem)
}

/// Whether two UUIDs name the same note: UUIDs are compared in canonical
/// (lower-case) form, so `A1…` and `a1…` are one id.
pub fn same_id(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Whether two notes are about the same client: the same id when both
/// have one, else the same name (ignoring case and surrounding spaces).
pub fn same_client(a: &Client, b: &Client) -> bool {
    same_party((&a.id, &a.name), (&b.id, &b.name))
}

/// Whether two parties, each an (id, name), are one: the same id when both
/// have one, else the same name (ignoring case and surrounding spaces).
pub fn same_party(a: (&str, &str), b: (&str, &str)) -> bool {
    let (ai, bi) = (a.0.trim(), b.0.trim());
    if !ai.is_empty() && !bi.is_empty() {
        return ai == bi;
    }
    let (an, bn) = (a.1.trim(), b.1.trim());
    !an.is_empty() && an.to_lowercase() == bn.to_lowercase()
}

/// Whether `signature` is by `author`: the same id when the author has
/// one (a name alone never stands in for it), else the same name (ignoring
/// case and surrounding spaces).
pub fn signed_by(signature: &Signature, author: &Person) -> bool {
    let (si, ai) = (signature.signer_id.trim(), author.id.trim());
    if !ai.is_empty() {
        return si == ai;
    }
    let (sn, an) = (signature.signer_name.trim(), author.name.trim());
    !sn.is_empty() && sn.to_lowercase() == an.to_lowercase()
}

/// Whether `p` has an id or a name.
fn names_someone(p: &Person) -> bool {
    !(p.id.trim().is_empty() && p.name.trim().is_empty())
}

/// The problems of a signature addendum `p` with its `original`: it is
/// signed, names the hash it signs, signs a note sent unsigned, and is
/// signed by that note's author when the note names one.
fn signature_problems(p: &PayloadV1, original: &PayloadV1) -> Vec<FieldProblem> {
    let mut errors = Vec::new();
    let Some(a) = p
        .addendum
        .as_ref()
        .filter(|a| a.kind == AddendumKind::Signature)
    else {
        return errors;
    };
    if a.to_hash.is_none() {
        errors.push(addendum(AddendumPart::ToHash, Problem::SignsNoHash));
    }
    if original.signature.is_some() {
        errors.push(addendum(AddendumPart::To, Problem::OriginalSigned));
    }
    let author = original.author.as_ref().filter(|a| names_someone(a));
    match (&p.signature, author) {
        (None, _) => errors.push(signature(Problem::SignatureMissing)),
        (Some(_), None) => errors.push(addendum(AddendumPart::To, Problem::OriginalAuthorUnknown)),
        (Some(sig), Some(author)) if !signed_by(sig, author) => {
            errors.push(signature(Problem::NotByAuthor))
        }
        (Some(_), Some(_)) => {}
    }
    errors
}

impl PayloadV1 {
    /// The id of the note this one signs later, if it is a signature
    /// addendum.
    pub fn signs_later(&self) -> Option<&str> {
        self.addendum
            .as_ref()
            .filter(|a| a.kind == AddendumKind::Signature)
            .map(|a| a.to.as_str())
    }

    /// The ids of the notes this one links to: its addendum's original and
    /// the notes whose follow-ups it marks (what `link_problems` looks up).
    pub fn linked_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.addendum.iter().map(|a| a.to.as_str()).collect();
        for m in &self.previous_follow_ups {
            if !ids.iter().any(|i| same_id(i, &m.note)) {
                ids.push(m.note.as_str());
            }
        }
        ids
    }

    /// Every problem with the notes this one links to, as `stored` (a
    /// stored note by id, in any case) finds them: an addendum's original
    /// must be stored, be another note, be about the same client and, when
    /// `toHash` is given, hash to it; a marked follow-up's note likewise
    /// must be stored, be another note of the same client, and have a
    /// follow-up at that index saying that.
    ///
    /// Since an original must be stored before its addendum, no chain of
    /// addenda can loop back on itself.
    pub fn link_problems(&self, stored: &dyn Fn(&str) -> Option<PayloadV1>) -> Vec<FieldProblem> {
        let mut errors = Vec::new();
        if let Some(a) = &self.addendum {
            if same_id(&a.to, &self.id) {
                errors.push(addendum(AddendumPart::To, Problem::AddendumToItself));
            } else {
                match stored(&a.to) {
                    None => errors.push(addendum(AddendumPart::To, Problem::OriginalMissing)),
                    Some(original) => {
                        if !same_client(&original.client, &self.client) {
                            errors.push(addendum(AddendumPart::To, Problem::OriginalOtherClient));
                        }
                        if a.to_hash
                            .as_deref()
                            .is_some_and(|h| !h.eq_ignore_ascii_case(&original.computed_hash()))
                        {
                            errors.push(addendum(AddendumPart::ToHash, Problem::OriginalChanged));
                        }
                        errors.extend(signature_problems(self, &original));
                    }
                }
            }
        }
        for (i, m) in self.previous_follow_ups.iter().enumerate() {
            let field = |part| FieldPath::PreviousFollowUp { index: i, part };
            let mark = |part, problem| FieldProblem::new(field(part), problem);
            if same_id(&m.note, &self.id) {
                errors.push(mark(MarkPart::Note, Problem::MarkOfItself));
                continue;
            }
            let Some(earlier) = stored(&m.note) else {
                errors.push(mark(MarkPart::Note, Problem::EarlierMissing));
                continue;
            };
            if !same_client(&earlier.client, &self.client) {
                errors.push(mark(MarkPart::Note, Problem::EarlierOtherClient));
                continue;
            }
            match earlier.follow_ups.get(m.index) {
                None => {
                    let count = earlier.follow_ups.len();
                    errors.push(mark(MarkPart::Index, Problem::PastFollowUps { count }))
                }
                Some(f) if f.what.trim() != m.what.trim() => {
                    errors.push(mark(MarkPart::What, Problem::MarkWhatDiffers))
                }
                Some(_) => {}
            }
        }
        errors
    }
}

#[cfg(test)]
mod tests;
