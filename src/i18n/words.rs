//! A problem in the worker's language, for the editor's error summary and
//! the message beside the field. Problems only a receiver finds reach the
//! worker as the host's words ([`Problem::Host`]), so they are said in the
//! contract's English (`wire.rs`).

use crate::{tr, Catalog};
use casenote_format::field_path::{
    AddendumPart, FollowUpPart, InterventionPart, ParticipantPart, SignerPart,
};
use casenote_format::{FieldPath, FieldProblem, Lang, Problem};

/// A problem in the worker's words.
pub trait Words {
    /// What the worker is told, in `lang`.
    fn words(&self, lang: Lang) -> String;
}

impl Words for FieldProblem {
    fn words(&self, lang: Lang) -> String {
        use FieldPath as F;
        use Problem as P;
        match (&self.field, &self.problem) {
            (F::Client, P::Missing) => lang.t("error-client-name"),
            (F::ServiceDate, P::Missing) => lang.t("error-service-date"),
            (F::ServiceDate, P::NotADate) => lang.t("error-service-date-invalid"),
            (F::ServiceDate, P::InFuture) => lang.t("error-service-date-future"),
            (F::ServiceStart, P::NotATime) => lang.t("error-start-time-invalid"),
            (F::ServiceEnd, P::NotATime) => lang.t("error-end-time-invalid"),
            (F::ServiceStart, P::Missing) => lang.t("error-start-time-missing"),
            (_, P::EndIsStart) => lang.t("error-end-time-same"),
            (_, P::EndBeforeStart) => lang.t("error-end-time-before-start"),
            (_, P::ServiceNotEnded) => lang.t("error-service-not-ended"),
            (
                F::Participant {
                    index,
                    part: ParticipantPart::Name,
                },
                P::Missing,
            ) => {
                tr!(lang, "error-participant-name", n = index + 1)
            }
            (_, P::AttemptEmpty) => lang.t("error-attempt-empty"),
            (_, P::SectionEmpty { label }) => {
                tr!(lang, "error-section-required", section = label.as_str())
            }
            (_, P::QuoteEmpty { label }) => {
                tr!(lang, "error-quote-empty", section = label.as_str())
            }
            (F::Intervention { index, part }, P::Missing) => match part {
                InterventionPart::Rationale => {
                    tr!(lang, "error-intervention-rationale", n = index + 1)
                }
                _ => tr!(lang, "error-intervention-description", n = index + 1),
            },
            (F::FollowUp { index, part }, problem) => {
                let n = index + 1;
                match (part, problem) {
                    (FollowUpPart::WhoName, _) => tr!(lang, "error-follow-up-who-name", n = n),
                    (FollowUpPart::Due, P::NotADate) => {
                        tr!(lang, "error-follow-up-due-invalid", n = n)
                    }
                    (FollowUpPart::Due, _) => tr!(lang, "error-follow-up-due", n = n),
                    _ => tr!(lang, "error-follow-up-what", n = n),
                }
            }
            (_, P::NotDoneWithoutReason { what }) => {
                tr!(lang, "error-follow-up-reason", what = what.trim())
            }
            (F::LateEntryReason, P::Missing) => lang.t("error-late-entry-reason"),
            (_, P::Stray { section, format }) => tr!(
                lang,
                "error-stray-section",
                section = section.as_str(),
                format = format.as_str()
            ),
            (F::Addendum(AddendumPart::To), P::NotAUuid { given }) => {
                tr!(lang, "error-addendum-to", to = given.as_str())
            }
            (F::Addendum(AddendumPart::ToHash), P::NotASha256) => lang.t("error-addendum-to-hash"),
            (F::Addendum(AddendumPart::Reason), P::Missing) => lang.t("error-addendum-reason"),
            (F::Signer(SignerPart::Name), P::Missing) => lang.t("session-signer-name-missing"),
            _ => self.wire_of_check(),
        }
    }
}

#[cfg(test)]
mod tests;
