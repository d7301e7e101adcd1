//! Dates and times of service, parsed strictly.

use chrono::{NaiveDate, NaiveTime};

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Parses `HH:MM` (24 h), also accepting `HH:MM:SS` as browsers may send.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .ok()
}

/// Minutes from `start` to `end`. A session that ends earlier in the day than
/// it started is taken to run past midnight.
pub fn duration_minutes(start: &str, end: &str) -> Option<i64> {
    let (s, e) = (parse_time(start)?, parse_time(end)?);
    let mins = (e - s).num_minutes();
    Some(if mins < 0 { mins + 24 * 60 } else { mins })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_strictly() {
        assert!(parse_date("2026-11-26").is_some());
        assert!(parse_date("2026-02-30").is_none());
        assert!(parse_date("26/11/2026").is_none());
        assert!(parse_date("").is_none());
    }

    #[test]
    fn durations_including_across_midnight() {
        assert_eq!(duration_minutes("09:00", "09:45"), Some(45));
        assert_eq!(duration_minutes("23:30", "00:15"), Some(45));
        assert_eq!(duration_minutes("10:00:00", "11:30"), Some(90));
        assert_eq!(duration_minutes("10:00", ""), None);
        assert_eq!(duration_minutes("25:00", "11:00"), None);
    }
}
