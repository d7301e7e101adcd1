//! The note's values as the worker reads them: a speaker, a goal's
//! progress, a participant's role, a contact mode, who does a follow-up
//! and how it stands, an addendum's kind; and the lines the record and the
//! panels make of a participant, a follow-up and a mark. The values
//! themselves (`casenote-format`) never change with the language.

use casenote_format::contact::{ContactMode, Participant, ParticipantRole};
use casenote_format::dismissal::DismissReason;
use casenote_format::follow_up::{FollowUp, FollowUpMark, Owner, Status};
use casenote_format::record::AddendumKind;
use casenote_format::{Lang, Progress, Speaker};

use crate::{isolated, tr, Catalog};

/// A value as the worker reads it, in `lang`.
pub trait Label: Copy {
    fn label(self, lang: Lang) -> String;
}

/// A part of the note as one line of the record, in `lang`.
pub trait Describe {
    fn describe(&self, lang: Lang) -> String;
}

impl Label for Speaker {
    fn label(self, lang: Lang) -> String {
        match self {
            Speaker::Client => lang.t("quote-speaker-client"),
            Speaker::FamilyMember => lang.t("quote-speaker-family-member"),
            Speaker::CollateralContact => lang.t("quote-speaker-collateral-contact"),
            Speaker::Other => lang.t("quote-speaker-other"),
        }
    }
}

impl Label for Progress {
    fn label(self, lang: Lang) -> String {
        match self {
            Progress::Improved => lang.t("goal-progress-improved"),
            Progress::Unchanged => lang.t("goal-progress-unchanged"),
            Progress::Declined => lang.t("goal-progress-declined"),
            Progress::NotAssessed => lang.t("goal-progress-not-assessed"),
        }
    }
}

impl Label for ParticipantRole {
    fn label(self, lang: Lang) -> String {
        match self {
            ParticipantRole::Client => lang.t("participant-role-client"),
            ParticipantRole::FamilyMember => lang.t("participant-role-family-member"),
            ParticipantRole::CollateralContact => lang.t("participant-role-collateral-contact"),
            ParticipantRole::OtherProfessional => lang.t("participant-role-other-professional"),
            ParticipantRole::Interpreter => lang.t("participant-role-interpreter"),
            ParticipantRole::Other => lang.t("participant-role-other"),
        }
    }
}

impl Label for ContactMode {
    fn label(self, lang: Lang) -> String {
        match self {
            ContactMode::InPerson => lang.t("contact-mode-in-person"),
            ContactMode::HomeVisit => lang.t("contact-mode-home-visit"),
            ContactMode::Phone => lang.t("contact-mode-phone"),
            ContactMode::Video => lang.t("contact-mode-video"),
            ContactMode::TextOrEmail => lang.t("contact-mode-text-or-email"),
            ContactMode::CollateralContact => lang.t("contact-mode-collateral-contact"),
            ContactMode::AttemptedContact => lang.t("contact-mode-attempted-contact"),
        }
    }
}

impl Label for Owner {
    fn label(self, lang: Lang) -> String {
        match self {
            Owner::Worker => lang.t("follow-up-owner-worker"),
            Owner::Client => lang.t("follow-up-owner-client"),
            Owner::Other => lang.t("follow-up-owner-other"),
        }
    }
}

impl Label for Status {
    fn label(self, lang: Lang) -> String {
        match self {
            Status::Done => lang.t("follow-up-status-done"),
            Status::InProgress => lang.t("follow-up-status-in-progress"),
            Status::NotDone => lang.t("follow-up-status-not-done"),
        }
    }
}

impl Label for AddendumKind {
    fn label(self, lang: Lang) -> String {
        match self {
            AddendumKind::Amendment => lang.t("addendum-kind-amendment"),
            AddendumKind::Correction => lang.t("addendum-kind-correction"),
            AddendumKind::Clarification => lang.t("addendum-kind-clarification"),
            AddendumKind::LateEntry => lang.t("addendum-kind-late-entry"),
            AddendumKind::Signature => lang.t("addendum-kind-signature"),
        }
    }
}

impl Label for DismissReason {
    /// The button that gives this reason, in `lang`.
    fn label(self, lang: Lang) -> String {
        match self {
            DismissReason::NotAboutClient => lang.t("aids-dismiss-not-about-client"),
            DismissReason::ClientsOwnWords => lang.t("aids-dismiss-clients-own-words"),
            DismissReason::ClinicallyAccurate => lang.t("aids-dismiss-clinically-accurate"),
        }
    }
}

/// The default attestation statement a worker agrees to when signing, in
/// the note's language.
pub fn default_attestation(lang: Lang) -> String {
    lang.t("attestation-default")
}

/// What a signature addendum's text starts with: what its author signs.
pub fn signature_statement(lang: Lang) -> String {
    lang.t("addendum-signature-statement")
}

/// Who does a follow-up, as the record says it.
pub fn who_text(f: &FollowUp, lang: Lang) -> String {
    match (f.who, f.who_name.trim()) {
        (Owner::Other, name) if !name.is_empty() => name.to_string(),
        (who, _) => who.label(lang),
    }
}

impl Describe for Participant {
    /// "Name, relationship (role)", or "Name (role)", for the record.
    fn describe(&self, lang: Lang) -> String {
        let name = isolated(self.name.trim());
        let role = self.role.label(lang);
        match self.relationship.trim() {
            "" => format!("{name} ({role})"),
            r => format!("{name}, {} ({role})", isolated(r)),
        }
    }
}

impl Describe for FollowUp {
    /// "What (who, by date)".
    fn describe(&self, lang: Lang) -> String {
        let what = isolated(self.what.trim());
        let who = isolated(&who_text(self, lang)).into_owned();
        let what = what.as_ref();
        let due = self.due.trim();
        if due.is_empty() {
            format!("{what} ({who})")
        } else {
            tr!(
                lang,
                "follow-up-describe-due",
                what = what,
                who = who,
                due = due
            )
        }
    }
}

impl Describe for FollowUpMark {
    /// "What: status (reason)".
    fn describe(&self, lang: Lang) -> String {
        let what = isolated(self.what.trim());
        let status = self.status.label(lang);
        let reason = isolated(self.reason.trim());
        if reason.is_empty() {
            format!("{what}: {status}")
        } else {
            format!("{what}: {status} ({reason})")
        }
    }
}

#[cfg(test)]
mod tests;
