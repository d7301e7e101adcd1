//! What must hold before a note can be submitted.

use chrono::NaiveDate;

use super::field_path::{FieldPath, InterventionPart, ParticipantPart};
use super::note::Note;
use super::problem::{FieldProblem, Problem};
use super::rules;
use super::template::Template;
use super::time::parse_time;

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
}

/// Checks `note` against `template`. Problems come in the order the fields
/// appear on screen.
pub fn validate(note: &Note, template: &Template, checks: &Checks) -> Vec<FieldProblem> {
    let today = checks.today;
    let problem = FieldProblem::new;
    // The last note's panel comes first on screen.
    // Its marks are named by the follow-up's place in the previous note.
    let mut errors: Vec<FieldProblem> = note
        .previous_follow_ups
        .iter()
        .flat_map(|m| m.problems(m.index))
        .collect();

    if let Some(p) = rules::client_named(&note.client) {
        errors.push(problem(FieldPath::Client, p));
    }

    let service = &note.service;
    match rules::date(&service.date) {
        Err(p) => errors.push(problem(FieldPath::ServiceDate, p)),
        Ok(d) if today.is_some_and(|t| d > t) => {
            errors.push(problem(FieldPath::ServiceDate, Problem::InFuture))
        }
        Ok(_) => {}
    }
    let start = service.start.trim();
    let end = service.end.trim();
    if let Some(p) = rules::optional_time(start) {
        errors.push(problem(FieldPath::ServiceStart, p));
    }
    if let Some(p) = rules::optional_time(end) {
        errors.push(problem(FieldPath::ServiceEnd, p));
    } else if !end.is_empty() && start.is_empty() {
        errors.push(problem(FieldPath::ServiceStart, Problem::Missing));
    }
    if start.is_empty() && end.is_empty() {
        // Times are optional; nothing to check.
    } else if let (Some(s), Some(e)) = (parse_time(start), parse_time(end)) {
        if s == e {
            errors.push(problem(FieldPath::ServiceEnd, Problem::EndIsStart));
        } else if e < s && !service.overnight {
            errors.push(problem(FieldPath::ServiceEnd, Problem::EndBeforeStart));
        }
    }

    if checks.service_not_ended && !errors.iter().any(|e| e.field.is_service_time()) {
        let field = if !end.is_empty() {
            FieldPath::ServiceEnd
        } else if !start.is_empty() {
            FieldPath::ServiceStart
        } else {
            FieldPath::ServiceDate
        };
        errors.push(problem(field, Problem::ServiceNotEnded));
    }

    for (index, p) in note.participants.iter().enumerate() {
        if p.name.trim().is_empty() {
            let field = FieldPath::Participant {
                index,
                part: ParticipantPart::Name,
            };
            errors.push(problem(field, Problem::Missing));
        }
    }

    let section = |index: usize, key: &str| FieldPath::Section {
        index,
        key: key.to_string(),
    };
    // An attempted contact needs only what applies to it: what was tried
    // and what happened, in any section.
    let attempt = note.contact_mode.is_some_and(|m| m.is_attempt());
    if attempt {
        let written = template
            .sections
            .iter()
            .any(|spec| note.section(&spec.key).is_some_and(|s| !s.is_empty()));
        if let (false, Some(first)) = (written, template.sections.first()) {
            errors.push(problem(section(0, &first.key), Problem::AttemptEmpty));
        }
    }

    for (index, spec) in template.sections.iter().enumerate() {
        let empty = note.section(&spec.key).is_none_or(|s| s.is_empty());
        if spec.required && empty && !attempt {
            let label = spec.label.clone();
            errors.push(problem(
                section(index, &spec.key),
                Problem::SectionEmpty { label },
            ));
        }
        if let Some(entry) = note.section(&spec.key) {
            if let Some(i) = entry.quotes.iter().position(|q| q.text.trim().is_empty()) {
                // The field is the empty quote itself, so that the error
                // summary's link goes to it.
                let field = FieldPath::Quote {
                    section: index,
                    key: spec.key.clone(),
                    index: i,
                };
                let label = spec.label.clone();
                errors.push(problem(field, Problem::QuoteEmpty { label }));
            }
        }
    }

    for (index, iv) in note.interventions.iter().enumerate() {
        let field = |part| FieldPath::Intervention { index, part };
        if iv.description.trim().is_empty() {
            errors.push(problem(
                field(InterventionPart::Description),
                Problem::Missing,
            ));
        }
        if let Some(p) = rules::rationale(iv) {
            errors.push(problem(field(InterventionPart::Rationale), p));
        }
    }

    for (i, f) in note.follow_ups.iter().enumerate() {
        errors.extend(f.problems(i));
    }

    if checks.late_entry && note.late_entry_reason.trim().is_empty() {
        errors.push(problem(FieldPath::LateEntryReason, Problem::Missing));
    }

    for stray in note.stray_sections(template) {
        let p = Problem::Stray {
            section: title_case(&stray.key),
            format: template.name.clone(),
        };
        errors.push(problem(FieldPath::Stray(stray.key.clone()), p));
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
