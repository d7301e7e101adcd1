//! The links a note makes to notes already stored: the original an
//! addendum adds to, and the earlier note whose follow-ups it marks. A
//! receiver checks them against what it holds; the lookup is passed in,
//! so the rules are the same whatever the store.

use super::PayloadV1;
use crate::domain::field_error::FieldError;
use crate::domain::note::{Client, Person};
use crate::domain::record::{AddendumKind, Signature};

/// Said when an addendum's `toHash` is not the hash of the original as
/// stored: what happened, and what to do next.
pub const ORIGINAL_CHANGED: &str = "The original note has changed since this addendum was started, so it cannot be linked to it. Go back to the inbox, open the original again and choose Write an addendum.";

/// Whether two UUIDs name the same note: UUIDs are compared in canonical
/// (lower-case) form, so `A1…` and `a1…` are one id.
pub fn same_id(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Whether two notes are about the same client: the same id when both
/// have one, else the same name (ignoring case and surrounding spaces).
pub fn same_client(a: &Client, b: &Client) -> bool {
    let (ai, bi) = (a.id.trim(), b.id.trim());
    if !ai.is_empty() && !bi.is_empty() {
        return ai == bi;
    }
    let (an, bn) = (a.name.trim(), b.name.trim());
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

/// Said when a note is signed later a second time.
pub const ALREADY_SIGNED_LATER: &str =
    "names a note that was already signed later: it is signed once";

/// Whether `p` has an id or a name.
fn names_someone(p: &Person) -> bool {
    !(p.id.trim().is_empty() && p.name.trim().is_empty())
}

/// The problems of a signature addendum `p` with its `original`: it is
/// signed, names the hash it signs, signs a note sent unsigned, and is
/// signed by that note's author when the note names one.
fn signature_problems(p: &PayloadV1, original: &PayloadV1) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let Some(a) = p
        .addendum
        .as_ref()
        .filter(|a| a.kind == AddendumKind::Signature)
    else {
        return errors;
    };
    if a.to_hash.is_none() {
        errors.push(FieldError::new(
            "addendum.toHash",
            "is missing: a signature addendum names the hash of exactly what it signs",
        ));
    }
    if original.signature.is_some() {
        errors.push(FieldError::new(
            "addendum.to",
            "names a note that is already signed: a signature addendum signs a note sent unsigned",
        ));
    }
    let author = original.author.as_ref().filter(|a| names_someone(a));
    match (&p.signature, author) {
        (None, _) => errors.push(FieldError::new(
            "signature",
            "is missing: a signature addendum carries its author's signature",
        )),
        (Some(_), None) => errors.push(FieldError::new(
            "addendum.to",
            "names a note that does not say who wrote it: only its author signs it later, so it cannot be signed now; write an addendum of another kind",
        )),
        (Some(sig), Some(author)) if !signed_by(sig, author) => errors.push(FieldError::new(
            "signature",
            "is not by the original's author (the same staff id, or the same name when the note has no id): only the author signs a note later; anyone else writes an addendum of another kind",
        )),
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
    pub fn link_problems(&self, stored: &dyn Fn(&str) -> Option<PayloadV1>) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Some(a) = &self.addendum {
            if same_id(&a.to, &self.id) {
                errors.push(FieldError::new(
                    "addendum.to",
                    "names this note itself: an addendum adds to another note",
                ));
            } else {
                match stored(&a.to) {
                    None => errors.push(FieldError::new(
                        "addendum.to",
                        "names a note this receiver does not have: the original is sent before its addendum",
                    )),
                    Some(original) => {
                        if !same_client(&original.client, &self.client) {
                            errors.push(FieldError::new(
                                "addendum.to",
                                "names a note about another client: an addendum is about its original's client",
                            ));
                        }
                        if a.to_hash.as_deref().is_some_and(|h| {
                            !h.eq_ignore_ascii_case(&original.computed_hash())
                        }) {
                            errors.push(FieldError::new("addendum.toHash", ORIGINAL_CHANGED));
                        }
                        errors.extend(signature_problems(self, &original));
                    }
                }
            }
        }
        for (i, m) in self.previous_follow_ups.iter().enumerate() {
            let field = |member: &str| format!("previousFollowUps[{i}].{member}");
            if same_id(&m.note, &self.id) {
                errors.push(FieldError::new(
                    field("note"),
                    "names this note itself: it marks the follow-ups of an earlier note",
                ));
                continue;
            }
            let Some(earlier) = stored(&m.note) else {
                errors.push(FieldError::new(
                    field("note"),
                    "names a note this receiver does not have",
                ));
                continue;
            };
            if !same_client(&earlier.client, &self.client) {
                errors.push(FieldError::new(
                    field("note"),
                    "names a note about another client",
                ));
                continue;
            }
            match earlier.follow_ups.get(m.index) {
                None => errors.push(FieldError::new(
                    field("index"),
                    format!(
                        "is past the end of that note's followUps: it has {}",
                        earlier.follow_ups.len()
                    ),
                )),
                Some(f) if f.what.trim() != m.what.trim() => errors.push(FieldError::new(
                    field("what"),
                    "is not what that note's follow-up at this index says",
                )),
                Some(_) => {}
            }
        }
        errors
    }
}

#[cfg(test)]
mod tests;
