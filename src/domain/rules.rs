//! The contract's rules that both the editor and a receiver keep, each
//! written once. A rule says what is wrong as a [`Problem`]; the caller
//! names the field, since the editor and the payload name a note's parts
//! from different places (the form, the JSON).

use chrono::NaiveDate;

use super::note::{Client, Intervention};
use super::problem::Problem;
use super::time::{parse_date, parse_time};

/// A note is about a client named by an id, a name or both.
pub fn client_named(client: &Client) -> Option<Problem> {
    (client.id.trim().is_empty() && client.name.trim().is_empty()).then_some(Problem::Missing)
}

/// A date is given, exactly YYYY-MM-DD (as the schema's `date` format has
/// it: nothing around it).
pub fn date(value: &str) -> Result<NaiveDate, Problem> {
    if value.trim().is_empty() {
        return Err(Problem::Missing);
    }
    parse_date(value)
        .filter(|_| value == value.trim())
        .ok_or(Problem::NotADate)
}

/// A time, when one is given, is exactly HH:MM (or HH:MM:SS): "" is no
/// time, and nothing stands around it.
pub fn time(value: &str) -> Option<Problem> {
    (value != value.trim() || parse_time(value).is_none()).then_some(Problem::NotATime)
}

/// The same, where an empty time means none was given (the form).
pub fn optional_time(value: &str) -> Option<Problem> {
    if value.is_empty() {
        None
    } else {
        time(value)
    }
}

/// An intervention that departs from standard procedure says why.
pub fn rationale(intervention: &Intervention) -> Option<Problem> {
    (intervention.deviates && intervention.rationale.trim().is_empty()).then_some(Problem::Missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_needs_an_id_or_a_name() {
        let named = |id: &str, name: &str| Client {
            id: id.into(),
            name: name.into(),
        };
        assert_eq!(client_named(&named(" ", "")), Some(Problem::Missing));
        assert_eq!(client_named(&named("C-1", "")), None);
        assert_eq!(client_named(&named("", "Ana")), None);
    }

    #[test]
    fn a_date_is_given_and_real() {
        assert_eq!(date(" "), Err(Problem::Missing));
        assert_eq!(date("2026-02-30"), Err(Problem::NotADate));
        assert_eq!(date("2026-02-28 "), Err(Problem::NotADate));
        assert!(date("2026-02-28").is_ok());
        assert_eq!(optional_time(""), None);
        assert_eq!(optional_time("25:00"), Some(Problem::NotATime));
        assert_eq!(time(""), Some(Problem::NotATime));
        assert_eq!(time(" 09:00"), Some(Problem::NotATime));
        assert_eq!(time("09:00:30"), None);
    }

    #[test]
    fn only_a_deviation_needs_its_rationale() {
        let mut iv = Intervention {
            description: "Safety plan".into(),
            ..Intervention::default()
        };
        assert_eq!(rationale(&iv), None);
        iv.deviates = true;
        assert_eq!(rationale(&iv), Some(Problem::Missing));
        iv.rationale = "Client asked".into();
        assert_eq!(rationale(&iv), None);
    }
}
