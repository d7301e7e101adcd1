//! Dates and times of service, parsed strictly, and the two timestamp forms
//! casenote reads: RFC 3339 (signing times) and HTTP dates (`Retry-After`).
//! Hand-written so the bundle does not carry chrono's format parser.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

/// `n` ASCII digits as a number; `None` for anything else.
fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() != n || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(y, 4)? as i32, digits(m, 2)?, digits(d, 2)?)
}

/// Parses `HH:MM` (24 h), also accepting `HH:MM:SS` as browsers may send.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    let mut parts = s.split(':');
    let (h, m) = (digits(parts.next()?, 2)?, digits(parts.next()?, 2)?);
    let sec = match parts.next() {
        Some(sec) => digits(sec, 2)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(h, m, sec)
}

/// Parses an RFC 3339 timestamp (`2026-11-26T08:49:37.120Z`, or with an
/// offset like `+01:00`) to UTC.
pub fn parse_rfc3339(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    let (date, rest) = s.split_once(['T', 't', ' '])?;
    let date = parse_date(date)?;
    // The offset starts at the first Z, + or - after the time.
    let at = rest.find(['Z', 'z', '+', '-'])?;
    let (clock, offset) = rest.split_at(at);
    let (clock, fraction) = match clock.split_once('.') {
        Some((c, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => (c, f),
        Some(_) => return None,
        None => (clock, ""),
    };
    if clock.len() != 8 {
        return None;
    }
    let time = parse_time(clock)?;
    // Nanoseconds from the first nine digits of the fraction.
    let nanos = (0..9).fold(0u32, |n, i| {
        n * 10
            + fraction
                .as_bytes()
                .get(i)
                .map_or(0, |b| u32::from(b - b'0'))
    });
    let offset_minutes = match offset {
        "Z" | "z" => 0,
        _ => {
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            let (h, m) = offset.get(1..)?.split_once(':')?;
            sign * (digits(h, 2)? * 60 + digits(m, 2)?) as i64
        }
    };
    let local = date.and_time(time) + chrono::Duration::nanoseconds(i64::from(nanos));
    Some((local - chrono::Duration::minutes(offset_minutes)).and_utc())
}

/// Parses an HTTP date in its preferred form (IMF-fixdate, RFC 9110):
/// `Sun, 06 Nov 1994 08:49:37 GMT`.
pub fn parse_http_date(s: &str) -> Option<DateTime<Utc>> {
    let (_, rest) = s.trim().split_once(", ")?;
    let mut parts = rest.split(' ');
    let day = digits(parts.next()?, 2)?;
    let month = parts.next()?;
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| *m == month)? as u32
        + 1;
    let year = digits(parts.next()?, 4)? as i32;
    let time = parts.next()?;
    if time.len() != 8 || parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    Some(
        NaiveDate::from_ymd_opt(year, month, day)?
            .and_time(parse_time(time)?)
            .and_utc(),
    )
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
