//! Dates and times of service, parsed strictly by chrono, and the two
//! timestamp forms casenote reads: RFC 3339 (signing times) and HTTP dates
//! (`Retry-After`, by httpdate).

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

/// Parses `YYYY-MM-DD` (surrounding spaces allowed).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let d: NaiveDate = s.parse().ok()?;
    // chrono also reads one-digit months and signed or long years; the
    // form is exactly what chrono writes back.
    (d.to_string() == s).then_some(d)
}

/// Parses `HH:MM` (24 h), also accepting `HH:MM:SS` as browsers may send.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    let t: NaiveTime = s.parse().ok()?;
    // chrono reads both forms (and fractions, and one-digit fields); keep
    // exactly the two, as chrono writes them back (always with seconds).
    let written = t.to_string();
    (written == s || (s.len() == 5 && written == format!("{s}:00"))).then_some(t)
}

/// Parses an RFC 3339 timestamp (`2026-11-26T08:49:37.120Z`, or with an
/// offset like `+01:00`) to UTC.
pub fn parse_rfc3339(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Parses an HTTP date in any of the three forms RFC 9110 asks recipients
/// to accept: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850
/// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`).
pub fn parse_http_date(s: &str) -> Option<DateTime<Utc>> {
    let at = httpdate::parse_http_date(s.trim()).ok()?;
    let since = at.duration_since(std::time::UNIX_EPOCH).ok()?;
    DateTime::from_timestamp_millis(i64::try_from(since.as_millis()).ok()?)
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
    fn times_parse_strictly() {
        assert!(parse_time("09:05").is_some());
        assert!(parse_time("09:05:30").is_some());
        assert!(parse_time("9:05").is_none());
        assert!(parse_time("09:60").is_none());
        assert!(parse_time("09:05:30:00").is_none());
        assert!(parse_date(" 2026-11-26 ").is_some());
        assert!(parse_date("2026-11-26-01").is_none());
        assert!(parse_date("+2026-11-26").is_none());
        assert!(parse_date("2026-1-26").is_none());
        assert!(parse_date("12026-11-26").is_none());
        assert!(parse_time("9:5").is_none());
        assert!(parse_time("24:00").is_none());
    }

    #[test]
    fn rfc3339_timestamps_to_utc() {
        let ms = |s: &str| parse_rfc3339(s).map(|t| t.timestamp_millis());
        assert_eq!(ms("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(ms("1970-01-01T00:00:01.5Z"), Some(1_500));
        assert_eq!(ms("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(ms("1969-12-31T23:30:00-00:30"), Some(0));
        assert_eq!(ms("2026-11-26T08:49:37.120Z"), Some(1_795_682_977_120));
        assert_eq!(ms("2026-11-26T08:49Z"), None);
        assert_eq!(ms("2026-11-26T08:49:37"), None);
        assert_eq!(ms("2026-11-26T08:49:37.Z"), None);
        assert_eq!(ms("yesterday"), None);
        // Offsets are real offsets.
        assert_eq!(ms("2026-11-26T08:49:37+99:99"), None);
        assert_eq!(ms("2026-11-26T08:49:37+01:60"), None);
        assert_eq!(ms("2026-11-26T25:49:37Z"), None);
    }

    #[test]
    fn http_dates() {
        let ms = |s: &str| parse_http_date(s).map(|t| t.timestamp_millis());
        assert_eq!(ms("Thu, 01 Jan 1970 00:00:10 GMT"), Some(10_000));
        assert_eq!(ms("Thu, 26 Nov 2026 08:49:37 GMT"), Some(1_795_682_977_000));
        assert_eq!(ms("Thu, 26 Foo 2026 08:49:37 GMT"), None);
        assert_eq!(ms("Thu, 26 Nov 2026 08:49:37 PST"), None);
        assert_eq!(ms("Thu, 31 Nov 2026 08:49:37 GMT"), None);
        assert_eq!(ms("26 Nov 2026"), None);
        // The obsolete forms RFC 9110 still asks recipients to read.
        assert_eq!(ms("Sunday, 06-Nov-94 08:49:37 GMT"), Some(784_111_777_000));
        assert_eq!(ms("Sun Nov  6 08:49:37 1994"), Some(784_111_777_000));
        assert_eq!(ms("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777_000));
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
