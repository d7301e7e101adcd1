//! What must hold before a note can be submitted.

use chrono::NaiveDate;

use super::note::Note;
use super::template::Template;
use super::time::{parse_date, parse_time};

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
}

/// Checks `note` against `template`. Errors come in the order the fields
/// appear on screen.
pub fn validate(note: &Note, template: &Template, checks: &Checks) -> Vec<FieldError> {
    let today = checks.today;
    let mut errors = Vec::new();

    if note.client.name.trim().is_empty() && note.client.id.trim().is_empty() {
        errors.push(FieldError::new("client", "Enter the client's name"));
    }

    let service = &note.service;
    if service.date.trim().is_empty() {
        errors.push(FieldError::new("service.date", "Enter the date of service"));
    } else {
        match parse_date(&service.date) {
            None => errors.push(FieldError::new(
                "service.date",
                "Date of service must be a real date, like 2026-11-26",
            )),
            Some(d) if today.is_some_and(|t| d > t) => errors.push(FieldError::new(
                "service.date",
                "Date of service cannot be in the future",
            )),
            Some(_) => {}
        }
    }
    let start = service.start.trim();
    let end = service.end.trim();
    if !start.is_empty() && parse_time(start).is_none() {
        errors.push(FieldError::new(
            "service.start",
            "Start time must be a time, like 09:30",
        ));
    }
    if !end.is_empty() && parse_time(end).is_none() {
        errors.push(FieldError::new(
            "service.end",
            "End time must be a time, like 10:15",
        ));
    } else if !end.is_empty() && start.is_empty() {
        errors.push(FieldError::new(
            "service.start",
            "Enter the start time, or clear the end time",
        ));
    }
    if start.is_empty() && end.is_empty() {
        // Times are optional; nothing to check.
    } else if let (Some(s), Some(e)) = (parse_time(start), parse_time(end)) {
        if s == e {
            errors.push(FieldError::new(
                "service.end",
                "End time must be after the start time",
            ));
        } else if e < s && !service.overnight {
            errors.push(FieldError::new(
                "service.end",
                "The end time is before the start time. If the session ran past midnight, tick “The session ran past midnight”; if not, correct the end time",
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
        errors.push(FieldError::new(
            field,
            "This service has not ended yet: write the note after it ends, or correct the time",
        ));
    }

    for spec in &template.sections {
        let empty = note.section(&spec.key).is_none_or(|s| s.is_empty());
        if spec.required && empty {
            errors.push(FieldError::new(
                format!("section.{}", spec.key),
                format!("Enter the {} section", spec.label),
            ));
        }
        if let Some(entry) = note.section(&spec.key) {
            if let Some(i) = entry.quotes.iter().position(|q| q.text.trim().is_empty()) {
                // The field is the empty quote itself, so that the error
                // summary's link goes to it.
                errors.push(FieldError::new(
                    format!("section.{}.quotes.{i}", spec.key),
                    format!(
                        "A quote in {} has no words: add them or remove the quote",
                        spec.label
                    ),
                ));
            }
        }
    }

    for (i, iv) in note.interventions.iter().enumerate() {
        let n = i + 1;
        if iv.description.trim().is_empty() {
            errors.push(FieldError::new(
                format!("interventions.{i}.description"),
                format!("Describe intervention {n}, or remove it"),
            ));
        }
        if iv.deviates && iv.rationale.trim().is_empty() {
            errors.push(FieldError::new(
                format!("interventions.{i}.rationale"),
                format!("Intervention {n} departs from standard procedure: give the reason"),
            ));
        }
    }

    if checks.late_entry && note.late_entry_reason.trim().is_empty() {
        errors.push(FieldError::new(
            "lateEntryReason",
            "This is a late entry: say why the note is written late",
        ));
    }

    for stray in note.stray_sections(template) {
        errors.push(FieldError::new(
            format!("section.{}", stray.key),
            format!(
                "The {} section holds text that is not part of a {} note: move it into a section, or clear it",
                title_case(&stray.key),
                template.name
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
mod tests {
    use super::*;
    use crate::domain::note::Quote;

    fn complete_soap() -> Note {
        let mut n = Note::new("id".into(), "soap", String::new());
        n.client.name = "Jo Client".into();
        n.service.date = "2026-11-20".into();
        for k in ["subjective", "objective", "assessment", "plan"] {
            n.section_mut(k).text = format!("{k} text");
        }
        n
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn complete_note_is_valid() {
        let today = parse_date("2026-11-26");
        assert!(validate(
            &complete_soap(),
            &Template::soap(),
            &Checks {
                today,
                late_entry: false,
                service_not_ended: false,
            }
        )
        .is_empty());
    }

    #[test]
    fn empty_note_lists_every_problem_in_screen_order() {
        let n = Note::new("id".into(), "soap", String::new());
        let errors = validate(&n, &Template::soap(), &Checks::default());
        assert_eq!(
            fields(&errors),
            [
                "client",
                "service.date",
                "section.subjective",
                "section.objective",
                "section.assessment",
                "section.plan"
            ]
        );
        assert_eq!(errors[2].message, "Enter the Subjective section");
    }

    #[test]
    fn whitespace_only_section_is_empty_but_quote_only_is_not() {
        let mut n = complete_soap();
        n.section_mut("plan").text = "  \n ".into();
        assert_eq!(
            fields(&validate(&n, &Template::soap(), &Checks::default())),
            ["section.plan"]
        );
        n.section_mut("plan").quotes.push(Quote {
            text: "I'll call Monday".into(),
            ..Quote::default()
        });
        assert!(validate(&n, &Template::soap(), &Checks::default()).is_empty());
        n.section_mut("plan").quotes.push(Quote::default());
        let errs = validate(&n, &Template::soap(), &Checks::default());
        assert_eq!(fields(&errs), ["section.plan.quotes.1"]);
        assert!(errs[0].message.starts_with("A quote in Plan has no words"));
    }

    #[test]
    fn dates_and_times_are_checked() {
        let mut n = complete_soap();
        n.service.date = "2026-13-01".into();
        assert_eq!(
            fields(&validate(&n, &Template::soap(), &Checks::default())),
            ["service.date"]
        );
        n.service.date = "2026-11-27".into();
        let errs = validate(
            &n,
            &Template::soap(),
            &Checks {
                today: parse_date("2026-11-26"),
                late_entry: false,
                service_not_ended: false,
            },
        );
        assert_eq!(errs[0].message, "Date of service cannot be in the future");
        n.service.date = "2026-11-26".into();
        n.service.end = "10:00".into();
        assert_eq!(
            fields(&validate(&n, &Template::soap(), &Checks::default())),
            ["service.start"]
        );
        n.service.start = "10:00".into();
        assert_eq!(
            fields(&validate(&n, &Template::soap(), &Checks::default())),
            ["service.end"]
        );
        n.service.start = "9am".into();
        assert_eq!(
            fields(&validate(&n, &Template::soap(), &Checks::default())),
            ["service.start"]
        );
        n.service.start = "09:00".into();
        assert!(validate(&n, &Template::soap(), &Checks::default()).is_empty());
    }

    #[test]
    fn interventions_need_a_description_and_a_reason_when_they_deviate() {
        use crate::domain::note::Intervention;
        let mut n = complete_soap();
        n.interventions.push(Intervention {
            description: "Motivational interviewing".into(),
            ..Intervention::default()
        });
        n.interventions.push(Intervention {
            deviates: true,
            ..Intervention::default()
        });
        let errs = validate(&n, &Template::soap(), &Checks::default());
        assert_eq!(
            fields(&errs),
            ["interventions.1.description", "interventions.1.rationale"]
        );
        assert_eq!(
            errs[1].message,
            "Intervention 2 departs from standard procedure: give the reason"
        );
        n.interventions[1].description = "Home visit without a second worker".into();
        n.interventions[1].rationale = "Client could not travel; supervisor agreed by phone".into();
        assert!(validate(&n, &Template::soap(), &Checks::default()).is_empty());
    }

    #[test]
    fn a_late_entry_needs_a_reason() {
        let mut n = complete_soap();
        let late = Checks {
            today: None,
            late_entry: true,
            service_not_ended: false,
        };
        assert_eq!(
            fields(&validate(&n, &Template::soap(), &late)),
            ["lateEntryReason"]
        );
        n.late_entry_reason = "Crisis call took the rest of the shift".into();
        assert!(validate(&n, &Template::soap(), &late).is_empty());
    }

    /// A service still under way cannot be documented (the editor sent
    /// negative hours for it).
    #[test]
    fn a_service_that_has_not_ended_is_refused() {
        let mut n = complete_soap();
        n.service.start = "09:00".into();
        n.service.end = "17:00".into();
        let open = Checks {
            service_not_ended: true,
            ..Checks::default()
        };
        let errs = validate(&n, &Template::soap(), &open);
        assert_eq!(fields(&errs), ["service.end"]);
        assert!(errs[0].message.contains("has not ended yet"));
        n.service.end.clear();
        assert_eq!(
            fields(&validate(&n, &Template::soap(), &open)),
            ["service.start"]
        );
    }

    #[test]
    fn stray_text_from_another_format_blocks_with_a_clear_message() {
        let mut n = complete_soap();
        n.format = "dap".into();
        n.section_mut("data").text = "d".into();
        let errs = validate(&n, &Template::dap(), &Checks::default());
        assert_eq!(fields(&errs), ["section.subjective", "section.objective"]);
        assert!(errs[0]
            .message
            .contains("Subjective section holds text that is not part of a DAP note"));
    }

    #[test]
    fn an_end_before_the_start_asks_whether_it_ran_past_midnight() {
        let t = Template::soap();
        let mut n = crate::domain::fixtures::rich_note();
        n.service.start = "23:00".into();
        n.service.end = "01:00".into();
        n.service.overnight = false;
        let fields: Vec<_> = validate(&n, &t, &Checks::default())
            .into_iter()
            .filter(|e| e.field.starts_with("service."))
            .collect();
        assert_eq!(fields.len(), 1);
        assert_eq!(fields[0].field, "service.end");
        assert!(
            fields[0].message.contains("past midnight"),
            "{}",
            fields[0].message
        );
        n.service.overnight = true;
        assert!(validate(&n, &t, &Checks::default())
            .iter()
            .all(|e| !e.field.starts_with("service.")));
        assert!(n.service.ends_before_start());
    }
}
