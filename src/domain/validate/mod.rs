//! What must hold before a note can be submitted.

use chrono::NaiveDate;

use super::note::Note;
use super::template::Template;
use super::time::{parse_date, parse_time};
use crate::i18n::Lang;
use crate::tr;

pub use super::field_error::FieldError;

/// What validation needs to know beyond the note.
#[derive(Clone, Copy, Debug, Default)]
pub struct Checks {
    /// The worker's local date: a date of service after it is refused.
    pub today: Option<NaiveDate>,
    /// The note is a late entry, so it needs a reason.
    pub late_entry: bool,
    /// The service has not ended yet (see `timeliness::service_has_ended`):
    /// a note of it cannot be submitted.
    pub service_not_ended: bool,
    /// The language of the messages.
    pub lang: Lang,
}

/// Checks `note` against `template`. Errors come in the order the fields
/// appear on screen.
pub fn validate(note: &Note, template: &Template, checks: &Checks) -> Vec<FieldError> {
    let today = checks.today;
    let lang = checks.lang;
    // The last note's panel comes first on screen.
    // Its marks are named by the follow-up's place in the previous note.
    let mut errors: Vec<FieldError> = note
        .previous_follow_ups
        .iter()
        .flat_map(|m| m.problems(m.index, lang))
        .collect();

    if note.client.name.trim().is_empty() && note.client.id.trim().is_empty() {
        errors.push(FieldError::new("client", lang.t("error-client-name")));
    }

    let service = &note.service;
    if service.date.trim().is_empty() {
        errors.push(FieldError::new(
            "service.date",
            lang.t("error-service-date"),
        ));
    } else {
        match parse_date(&service.date) {
            None => errors.push(FieldError::new(
                "service.date",
                lang.t("error-service-date-invalid"),
            )),
            Some(d) if today.is_some_and(|t| d > t) => errors.push(FieldError::new(
                "service.date",
                lang.t("error-service-date-future"),
            )),
            Some(_) => {}
        }
    }
    let start = service.start.trim();
    let end = service.end.trim();
    if !start.is_empty() && parse_time(start).is_none() {
        errors.push(FieldError::new(
            "service.start",
            lang.t("error-start-time-invalid"),
        ));
    }
    if !end.is_empty() && parse_time(end).is_none() {
        errors.push(FieldError::new(
            "service.end",
            lang.t("error-end-time-invalid"),
        ));
    } else if !end.is_empty() && start.is_empty() {
        errors.push(FieldError::new(
            "service.start",
            lang.t("error-start-time-missing"),
        ));
    }
    if start.is_empty() && end.is_empty() {
        // Times are optional; nothing to check.
    } else if let (Some(s), Some(e)) = (parse_time(start), parse_time(end)) {
        if s == e {
            errors.push(FieldError::new(
                "service.end",
                lang.t("error-end-time-same"),
            ));
        } else if e < s && !service.overnight {
            errors.push(FieldError::new(
                "service.end",
                lang.t("error-end-time-before-start"),
            ));
        }
    }

    if checks.service_not_ended && !errors.iter().any(|e| e.field.starts_with("service")) {
        let field = if !end.is_empty() {
            "service.end"
        } else if !start.is_empty() {
            "service.start"
        } else {
            "service.date"
        };
        errors.push(FieldError::new(field, lang.t("error-service-not-ended")));
    }

    for (i, p) in note.participants.iter().enumerate() {
        if p.name.trim().is_empty() {
            errors.push(FieldError::new(
                format!("participants.{i}.name"),
                tr!(lang, "error-participant-name", n = i + 1),
            ));
        }
    }

    // An attempted contact needs only what applies to it: what was tried
    // and what happened, in any section.
    let attempt = note.contact_mode.is_some_and(|m| m.is_attempt());
    if attempt {
        let written = template
            .sections
            .iter()
            .any(|spec| note.section(&spec.key).is_some_and(|s| !s.is_empty()));
        if let (false, Some(first)) = (written, template.sections.first()) {
            errors.push(FieldError::new(
                format!("section.{}", first.key),
                lang.t("error-attempt-empty"),
            ));
        }
    }

    for spec in &template.sections {
        let empty = note.section(&spec.key).is_none_or(|s| s.is_empty());
        if spec.required && empty && !attempt {
            errors.push(FieldError::new(
                format!("section.{}", spec.key),
                tr!(
                    lang,
                    "error-section-required",
                    section = spec.label.as_str()
                ),
            ));
        }
        if let Some(entry) = note.section(&spec.key) {
            if let Some(i) = entry.quotes.iter().position(|q| q.text.trim().is_empty()) {
                // The field is the empty quote itself, so that the error
                // summary's link goes to it.
                errors.push(FieldError::new(
                    format!("section.{}.quotes.{i}", spec.key),
                    tr!(lang, "error-quote-empty", section = spec.label.as_str()),
                ));
            }
        }
    }

    for (i, iv) in note.interventions.iter().enumerate() {
        let n = i + 1;
        if iv.description.trim().is_empty() {
            errors.push(FieldError::new(
                format!("interventions.{i}.description"),
                tr!(lang, "error-intervention-description", n = n),
            ));
        }
        if iv.deviates && iv.rationale.trim().is_empty() {
            errors.push(FieldError::new(
                format!("interventions.{i}.rationale"),
                tr!(lang, "error-intervention-rationale", n = n),
            ));
        }
    }

    for (i, f) in note.follow_ups.iter().enumerate() {
        errors.extend(f.problems(i, lang));
    }

    if checks.late_entry && note.late_entry_reason.trim().is_empty() {
        errors.push(FieldError::new(
            "lateEntryReason",
            lang.t("error-late-entry-reason"),
        ));
    }

    for stray in note.stray_sections(template) {
        errors.push(FieldError::new(
            format!("section.{}", stray.key),
            tr!(
                lang,
                "error-stray-section",
                section = title_case(&stray.key),
                format = template.name.as_str()
            ),
        ));
    }

    errors
}

/// `key` (a section key: ASCII, checked by `Template::validate`) with a
/// capital first letter, for messages.
pub fn title_case(key: &str) -> String {
    let mut c = key.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
