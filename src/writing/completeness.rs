//! Completeness prompts: what a section seems to be missing. A Plan that
//! names no next step with a time (a date, a day, "in two weeks"); an
//! Objective or Data section with no observation; an intervention without
//! the client's response. They only prompt, and only once a section has
//! some text (an empty required section is the checks' business). The
//! words they look for are the note's language's: English here, Spanish
//! in `es/completeness.rs`.

use super::es::completeness as spanish;
use casenote_text::Catalog;
use casenote_text::Lang;

/// What the note holds beyond the section's text that a prompt depends on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoteFacts {
    /// Follow-ups (next steps with what, who and a date) in the note's own
    /// list: each is a next step with a time.
    pub dated_follow_ups: usize,
}

/// A prompt for one section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prompt {
    /// The Plan names no next step with a time.
    PlanWithoutTime,
    /// An Objective or Data section records no observation.
    NoObservation,
}

impl Prompt {
    /// What the worker is told, in `lang`.
    pub fn text(self, lang: Lang) -> String {
        match self {
            Prompt::PlanWithoutTime => lang.t("aids-prompt-plan-without-time"),
            Prompt::NoObservation => lang.t("aids-prompt-no-observation"),
        }
    }
}

/// Words that say when: days, months, relative times (English).
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "today", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "oct", "nov",
    "dec", "week", "weeks", "weekly", "fortnight", "biweekly", "month", "months", "monthly", "day",
    "days", "daily", "morning", "afternoon", "evening", "noon", "am", "pm", "hour", "hours",
    "weekend", "asap",
];

/// Words that say something was observed or measured (English).
#[rustfmt::skip]
const OBSERVATION_WORDS: &[&str] = &[
    "observed", "observe", "observation", "noted", "saw", "seen", "heard", "presented", "arrived",
    "appearance", "dressed", "groomed", "grooming", "affect", "mood", "speech", "spoke", "eye",
    "contact", "tearful", "cried", "crying", "smiled", "smiling", "laughed", "calm", "alert",
    "oriented", "sat", "stood", "paced", "pacing", "walked", "score", "scored", "scores",
    "measured", "result", "results", "tested", "positive", "negative", "weight", "weighed", "bp",
    "pulse", "temperature", "verified", "confirmed", "visible", "odor", "odour", "smelled",
    "bruise", "bruising", "injury", "home", "apartment", "room", "kitchen", "clean", "cluttered",
    "tidy", "quiet", "loud", "slurred", "steady", "unsteady", "answered", "asked", "attended",
    "completed", "brought", "showed", "signed", "minutes", "late", "early", "shaking", "trembling",
    "voice", "gait", "hygiene", "behaviour", "behavior", "engaged", "responded", "nodded", "wore",
    "wearing", "present", "absent", "made",
];

fn words_lower(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The time and observation words of `lang`.
fn lists(lang: Lang) -> (&'static [&'static str], &'static [&'static str]) {
    match lang {
        Lang::En => (TIME_WORDS, OBSERVATION_WORDS),
        Lang::Es => (spanish::TIME_WORDS, spanish::OBSERVATION_WORDS),
    }
}

/// Whether `text` says when: a time word, "in 2 weeks", or a number in a
/// date or time ("12/05", "3:30", "the 5th").
pub fn names_a_time(lang: Lang, text: &str) -> bool {
    let (time_words, _) = lists(lang);
    let has_date_digits = text.char_indices().any(|(i, c)| {
        matches!(c, '/' | ':' | '-' | '.')
            && text[..i].ends_with(|p: char| p.is_ascii_digit())
            && text[i + 1..].starts_with(|n: char| n.is_ascii_digit())
    });
    has_date_digits
        || words_lower(text).iter().any(|w| {
            time_words.contains(&w.as_str())
                || ["st", "nd", "rd", "th", "am", "pm", "h", "hs", "º", "ª"]
                    .iter()
                    .any(|s| {
                        w.strip_suffix(s)
                            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
                    })
        })
}

/// Whether `text` records an observation.
pub fn has_observation(lang: Lang, text: &str) -> bool {
    let (_, observation_words) = lists(lang);
    words_lower(text)
        .iter()
        .any(|w| observation_words.contains(&w.as_str()) || w.bytes().all(|b| b.is_ascii_digit()))
}

/// The prompts for section `key` with `text`, in a note in `lang`.
pub fn section_prompts(lang: Lang, key: &str, text: &str, facts: NoteFacts) -> Vec<Prompt> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if key == "plan" && facts.dated_follow_ups == 0 && !names_a_time(lang, text) {
        out.push(Prompt::PlanWithoutTime);
    }
    if matches!(key, "objective" | "data") && !has_observation(lang, text) {
        out.push(Prompt::NoObservation);
    }
    out
}

/// Whether an intervention is described but the client's response to it
/// is not.
pub fn needs_response(description: &str, client_response: &str) -> bool {
    !description.trim().is_empty() && client_response.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: NoteFacts = NoteFacts {
        dated_follow_ups: 0,
    };

    #[test]
    fn a_plan_with_a_time_in_any_usual_form_is_complete() {
        for plan in [
            "Worker to call landlord on Friday.",
            "Review in two weeks.",
            "Next visit 12/05/2026.",
            "Meet again at 3pm to sign the lease.",
            "Follow up on the 5th.",
            "Client to bring pay stubs tomorrow.",
            "Weekly check-ins continue.",
            "Referral to food bank; reassess next month.",
        ] {
            assert_eq!(section_prompts(Lang::En, "plan", plan, NONE), [], "{plan}");
        }
    }

    #[test]
    fn a_plan_without_a_time_is_prompted_unless_a_follow_up_is_dated() {
        let plan = "Continue to support client with housing search.";
        assert_eq!(
            section_prompts(Lang::En, "plan", plan, NONE),
            [Prompt::PlanWithoutTime]
        );
        let with_follow_up = NoteFacts {
            dated_follow_ups: 1,
        };
        assert_eq!(section_prompts(Lang::En, "plan", plan, with_follow_up), []);
        // Empty: the checks say it is required; no prompt on top.
        assert_eq!(section_prompts(Lang::En, "plan", "  ", NONE), []);
    }

    #[test]
    fn objective_and_data_need_an_observation() {
        assert_eq!(
            section_prompts(
                Lang::En,
                "objective",
                "Client reports feeling better about the move.",
                NONE
            ),
            [Prompt::NoObservation]
        );
        assert_eq!(
            section_prompts(
                Lang::En,
                "data",
                "Client reports feeling better; tearful when discussing her son.",
                NONE
            ),
            []
        );
        assert_eq!(
            section_prompts(Lang::En, "objective", "PHQ-9 of 14, down from 19.", NONE),
            []
        );
        // Other sections are not asked for one.
        assert_eq!(
            section_prompts(
                Lang::En,
                "subjective",
                "Client reports feeling better.",
                NONE
            ),
            []
        );
    }

    #[test]
    fn an_intervention_needs_the_clients_response_once_described() {
        assert!(needs_response(
            "Motivational interviewing about the lease.",
            " "
        ));
        assert!(!needs_response(
            "Motivational interviewing.",
            "Client agreed to call."
        ));
        assert!(!needs_response("", ""));
    }

    #[test]
    fn spanish_plans_and_observations_are_read_in_spanish() {
        for plan in [
            "La trabajadora llamará al casero el viernes.",
            "Revisión en dos semanas.",
            "Próxima visita 12/05/2026.",
            "Nos vemos a las 15h para firmar el contrato.",
            "Traerá las nóminas mañana.",
        ] {
            assert_eq!(section_prompts(Lang::Es, "plan", plan, NONE), [], "{plan}");
        }
        assert_eq!(
            section_prompts(Lang::Es, "plan", "Continuar apoyando a la usuaria.", NONE),
            [Prompt::PlanWithoutTime]
        );
        assert_eq!(
            section_prompts(
                Lang::Es,
                "objective",
                "La usuaria refiere sentirse mejor.",
                NONE
            ),
            [Prompt::NoObservation]
        );
        assert_eq!(
            section_prompts(
                Lang::Es,
                "data",
                "Refiere sentirse mejor; llorosa al hablar de su hijo.",
                NONE
            ),
            []
        );
    }
}
