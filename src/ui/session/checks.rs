//! Everything that must hold before a note is signed or sent, checked by
//! the domain with the time now and this page's settings; and the errors
//! that go with the fields on screen.

use leptos::prelude::*;

use super::Session;
use crate::domain::time::parse_date;
use crate::domain::timeliness::{documented_hours, service_not_ended};
use crate::domain::{validate, BuildContext, Checks, FieldProblem, Note, PayloadV1, ServiceTime};
use crate::platform::{now_rfc3339, now_utc, today_local, utc_offset_minutes};
use casenote_text::localized::Localized;
use casenote_text::Catalog;

impl Session {
    /// Hours from the end of the service to when `note` was documented:
    /// its signing time once signed, else now.
    pub(super) fn documented_hours(&self, note: &Note) -> Option<f64> {
        hours(&note.service, note.signature.as_ref())
    }

    /// The same for the form on screen, worked out again whenever the
    /// note is checked (the time now is part of it).
    pub fn late_hours(&self) -> Signal<Option<f64>> {
        let (form, checked) = (self.form, self.checked);
        Signal::derive(move || {
            checked.track();
            let service = ServiceTime {
                date: form.date.get(),
                start: form.start.get(),
                end: form.end.get(),
                overnight: form.overnight.get(),
            };
            form.signature.with(|sig| hours(&service, sig.as_ref()))
        })
    }

    /// What a payload of `note` is built with. A signed note was
    /// documented when it was signed; its lateness is measured to then.
    pub(super) fn build_ctx(&self, note: &Note) -> BuildContext {
        let document_type = self.cfg.with_value(|c| c.document_type);
        BuildContext {
            documented_at: note
                .signature
                .as_ref()
                .map_or_else(now_rfc3339, |s| s.signed_at.clone()),
            document_type,
            hours_after_service: self.documented_hours(note),
            late_entry_threshold_hours: self.late_threshold,
            utc_offset_minutes: Some(utc_offset_minutes()),
        }
    }

    /// `note` as it would be sent.
    pub fn payload(&self, note: &Note) -> PayloadV1 {
        // Labelled in the note's language: a note signed in one language
        // keeps its labels (and hash) when the interface changes.
        let template = self.template_of(&note.format).localized(note.language);
        PayloadV1::build(note, &template, &self.build_ctx(note))
    }

    /// Everything that must hold before `note` is signed or sent.
    pub(super) fn check_note(&self, note: &Note) -> Vec<FieldProblem> {
        let template = self.template_of(&note.format);
        // Measured to the signing time once signed, so a signed note only
        // becomes late if this page's threshold differs from the one it
        // was signed under.
        self.checked.notify();
        let late_entry = self
            .documented_hours(note)
            .is_some_and(|h| h > self.late_threshold);
        let checks = Checks {
            today: parse_date(&today_local()),
            late_entry,
            service_not_ended: service_not_ended(
                &note.service,
                note.signature.as_ref(),
                now_utc(),
                utc_offset_minutes(),
            ),
        };
        let mut problems = note
            .addendum
            .as_ref()
            .map(|a| a.problems())
            .unwrap_or_default();
        problems.extend(validate(note, &template, &checks));
        problems
    }

    /// Checks `note` before signing or sending. Problems go to the error
    /// summary, which takes focus and links to each field (the GOV.UK
    /// pattern): a screen reader hears every problem at once.
    pub(super) fn passes_checks(&self, note: &Note) -> bool {
        let problems = self.check_note(note);
        self.send_error.set(None);
        self.recheck.set(!problems.is_empty());
        if !problems.is_empty() {
            self.errors.set(problems);
            self.focus_later(".error-summary");
            return false;
        }
        self.errors.set(Vec::new());
        true
    }

    /// While another tab's newer version of this draft is unresolved, the
    /// note may not be signed or sent: sending would close the draft and
    /// delete the other tab's words.
    pub(super) fn blocked_by_conflict(&self) -> bool {
        if !self.save_state.get_untracked().is_conflict() {
            return false;
        }
        self.send_error
            .set(Some(self.lang.t("session-conflict-blocks-send")));
        self.focus_later(".conflict");
        true
    }

    /// Problems name list items by their place (intervention 2, quote 3
    /// of the plan): when an item is removed, the ones after it
    /// move up and those errors would point at the wrong item, so they are
    /// dropped until the next check.
    pub(super) fn drop_stale_errors(self) {
        let (form, errors) = (self.form, self.errors);
        Effect::new(move |prev: Option<ListLengths>| {
            let quotes: usize = form
                .sections
                .with(|v| v.iter().map(|s| s.quotes.with(Vec::len)).sum());
            let now = ListLengths {
                interventions: form.interventions.with(Vec::len),
                quotes,
            };
            if let Some(prev) = prev {
                if now.interventions < prev.interventions || now.quotes < prev.quotes {
                    // After a failed check every edit checks again: check
                    // now, so the items are named by their new places
                    // whichever of this and that runs first.
                    if self.recheck.get_untracked() {
                        let note = form.snapshot_untracked();
                        errors.set(self.check_note(&note));
                        return now;
                    }
                    errors.update(|e| e.retain(|x| !x.field.is_list_item()));
                }
            }
            now
        });
    }
}

/// How many interventions and quotes the form holds.
#[derive(Clone, Copy)]
struct ListLengths {
    interventions: usize,
    quotes: usize,
}

fn hours(
    service: &ServiceTime,
    signature: Option<&crate::domain::record::Signature>,
) -> Option<f64> {
    documented_hours(service, signature, now_utc(), utc_offset_minutes())
}
