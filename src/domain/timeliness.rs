//! Timeliness: when the service ended, and whether the note is a late entry.
//!
//! Service times are entered in the worker's local time; the documentation
//! time is a UTC instant. The worker's UTC offset (minutes east of UTC, as
//! at the time of documenting) links the two.

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, NaiveTime, Timelike, Utc};

use super::note::ServiceTime;
use super::record::Signature;
use super::time::{parse_date, parse_rfc3339, parse_time};

/// Hours after the end of service past which a note is a late entry.
pub const DEFAULT_LATE_ENTRY_HOURS: f64 = 24.0;

/// The local end of the service: date + end time (the next day when it ends
/// before it starts), else date + start, else the end of that day.
pub fn service_end_local(service: &ServiceTime) -> Option<NaiveDateTime> {
    let date = parse_date(&service.date)?;
    let start = parse_time(&service.start);
    let end = parse_time(&service.end);
    Some(match (start, end) {
        (Some(s), Some(e)) if e < s => date.and_time(e) + Duration::days(1),
        (_, Some(e)) => date.and_time(e),
        (Some(s), None) => date.and_time(s),
        (None, None) => date.and_time(NaiveTime::from_hms_opt(23, 59, 59)?),
    })
}

/// The service's period as FHIR `dateTime`s (start, end): with the times
/// and the worker's UTC offset, each to the minute in that offset
/// (`2026-11-26T23:00:00-05:00`), the end on the next day when it is
/// before the start; without an offset, dates only (a time without its
/// zone is no instant), the end's date the next day for a service past
/// midnight. `None` for a date that is not one.
pub fn service_period(
    service: &ServiceTime,
    offset_minutes: Option<i32>,
) -> Option<(String, String)> {
    let date = parse_date(&service.date)?;
    let start = parse_time(&service.start);
    let end = parse_time(&service.end);
    let end_date = match (start, end) {
        (Some(s), Some(e)) if e < s => date + Duration::days(1),
        _ => date,
    };
    // Written out by hand: chrono's `format` brings its strftime parser
    // into the FHIR part (15 kB of code).
    let day = |d: chrono::NaiveDate| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
    match (start, offset_minutes) {
        (Some(s), Some(offset)) => {
            let sign = if offset < 0 { '-' } else { '+' };
            let zone = format!("{sign}{:02}:{:02}", offset.abs() / 60, offset.abs() % 60);
            let at = |d: chrono::NaiveDate, t: NaiveTime| {
                let (h, m, sec) = (t.hour(), t.minute(), t.second());
                format!("{}T{h:02}:{m:02}:{sec:02}{zone}", day(d))
            };
            Some((at(date, s), at(end_date, end.unwrap_or(s))))
        }
        _ => Some((day(date), day(end_date))),
    }
}

/// Hours from the end of service to `documented_at`, for a worker whose UTC
/// offset is `offset_minutes` (east positive: +60 for UTC+1).
pub fn hours_after_service(
    service: &ServiceTime,
    documented_at: DateTime<Utc>,
    offset_minutes: i32,
) -> Option<f64> {
    let end_local = service_end_local(service)?;
    let end_utc = end_local - Duration::minutes(i64::from(offset_minutes));
    let delta = documented_at.naive_utc() - end_utc;
    Some(delta.num_seconds() as f64 / 3600.0)
}

/// The earliest the service can have ended: its end, else its start, else
/// the start of its day (local time). A service whose earliest end is
/// after an instant had certainly not ended then.
pub fn service_earliest_end_local(service: &ServiceTime) -> Option<NaiveDateTime> {
    let date = parse_date(&service.date)?;
    Some(
        match (parse_time(&service.start), parse_time(&service.end)) {
            (Some(s), Some(e)) if e < s => date.and_time(e) + Duration::days(1),
            (_, Some(e)) => date.and_time(e),
            (Some(s), None) => date.and_time(s),
            (None, None) => date.and_time(NaiveTime::MIN),
        },
    )
}

/// Whether the service had ended by `at` for a worker at `offset_minutes`
/// (true when the service time is not known).
pub fn service_has_ended(service: &ServiceTime, at: DateTime<Utc>, offset_minutes: i32) -> bool {
    service_earliest_end_local(service)
        .is_none_or(|end| end - Duration::minutes(i64::from(offset_minutes)) <= at.naive_utc())
}

/// Whether the service was still under way when the note was documented:
/// its signing time once signed, else `now`. Such a note cannot be sent.
pub fn service_not_ended(
    service: &ServiceTime,
    signature: Option<&Signature>,
    now: DateTime<Utc>,
    offset_minutes: i32,
) -> bool {
    let at = match signature {
        Some(sig) => parse_rfc3339(&sig.signed_at),
        None => Some(now),
    };
    at.is_some_and(|at| !service_has_ended(service, at, offset_minutes))
}

/// The UTC offsets in use anywhere, in minutes east: from UTC-12:00 to
/// UTC+14:00. A note that does not say its offset is judged by the whole
/// range.
pub const OFFSET_RANGE_MINUTES: (i32, i32) = (-12 * 60, 14 * 60);

/// Whether a note documented at `documented_at` is a late entry.
pub fn is_late(
    service: &ServiceTime,
    documented_at: DateTime<Utc>,
    offset_minutes: i32,
    threshold_hours: f64,
) -> bool {
    hours_after_service(service, documented_at, offset_minutes).is_some_and(|h| h > threshold_hours)
}

/// Hours from the end of the service to when the note was documented: its
/// signing time once signed, else `now`. `None` when the service time is
/// not known (or a signature's time cannot be read).
pub fn documented_hours(
    service: &ServiceTime,
    signature: Option<&Signature>,
    now: DateTime<Utc>,
    offset_minutes: i32,
) -> Option<f64> {
    let at = match signature {
        Some(sig) => parse_rfc3339(&sig.signed_at)?,
        None => now,
    };
    hours_after_service(service, at, offset_minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(date: &str, start: &str, end: &str) -> ServiceTime {
        ServiceTime {
            date: date.into(),
            start: start.into(),
            end: end.into(),
            overnight: false,
        }
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn the_period_keeps_times_in_the_workers_zone_and_crosses_midnight() {
        let s = service("2026-11-26", "23:00", "01:15");
        assert_eq!(
            service_period(&s, Some(-300)),
            Some((
                "2026-11-26T23:00:00-05:00".into(),
                "2026-11-27T01:15:00-05:00".into()
            ))
        );
        assert_eq!(
            service_period(&service("2026-11-26", "09:00", "09:30"), Some(330)),
            Some((
                "2026-11-26T09:00:00+05:30".into(),
                "2026-11-26T09:30:00+05:30".into()
            ))
        );
        // No offset: dates only, the next day for a night's service.
        assert_eq!(
            service_period(&s, None),
            Some(("2026-11-26".into(), "2026-11-27".into()))
        );
        // A start alone ends where it starts.
        assert_eq!(
            service_period(&service("2026-11-26", "09:00", ""), Some(0)),
            Some((
                "2026-11-26T09:00:00+00:00".into(),
                "2026-11-26T09:00:00+00:00".into()
            ))
        );
        assert_eq!(
            service_period(&service("2026-11-26", "", ""), Some(60)),
            Some(("2026-11-26".into(), "2026-11-26".into()))
        );
        assert_eq!(service_period(&service("26/11", "", ""), None), None);
    }

    #[test]
    fn end_of_service_across_midnight() {
        let s = service("2026-11-25", "23:30", "00:45");
        assert_eq!(
            service_end_local(&s).unwrap().to_string(),
            "2026-11-26 00:45:00"
        );
        let s = service("2026-11-25", "09:00", "");
        assert_eq!(
            service_end_local(&s).unwrap().to_string(),
            "2026-11-25 09:00:00"
        );
        let s = service("2026-11-25", "", "");
        assert_eq!(
            service_end_local(&s).unwrap().to_string(),
            "2026-11-25 23:59:59"
        );
        assert!(service_end_local(&service("", "09:00", "10:00")).is_none());
    }

    #[test]
    fn hours_after_service_in_the_workers_time_zone() {
        let s = service("2026-11-25", "09:00", "10:00");
        // Documented at 10:00 local on the same day in UTC-5 (15:00 UTC).
        assert_eq!(
            hours_after_service(&s, utc("2026-11-25T15:00:00Z"), -300),
            Some(0.0)
        );
        // The same instant in UTC+2: service ended at 08:00 UTC, 7 hours earlier.
        assert_eq!(
            hours_after_service(&s, utc("2026-11-25T15:00:00Z"), 120),
            Some(7.0)
        );
        // Across midnight, documented 23 hours after the end.
        let late_night = service("2026-11-25", "23:00", "01:00");
        assert_eq!(
            hours_after_service(&late_night, utc("2026-11-27T00:00:00Z"), 0),
            Some(23.0)
        );
    }

    #[test]
    fn a_service_has_ended_at_its_earliest_end() {
        let at = utc("2026-11-25T12:00:00Z");
        assert!(service_has_ended(
            &service("2026-11-25", "09:00", "11:59"),
            at,
            0
        ));
        assert!(!service_has_ended(
            &service("2026-11-25", "09:00", "12:01"),
            at,
            0
        ));
        // In UTC+1, 12:30 local was 11:30 UTC.
        assert!(service_has_ended(
            &service("2026-11-25", "09:00", "12:30"),
            at,
            60
        ));
        // Only a start: it had begun; only a date: the day had begun.
        assert!(service_has_ended(
            &service("2026-11-25", "11:00", ""),
            at,
            0
        ));
        assert!(!service_has_ended(
            &service("2026-11-25", "13:00", ""),
            at,
            0
        ));
        assert!(service_has_ended(&service("2026-11-25", "", ""), at, 0));
        assert!(!service_has_ended(&service("2026-11-26", "", ""), at, 0));
        assert!(service_has_ended(&service("", "", ""), at, 0));
    }

    #[test]
    fn late_entry_threshold() {
        let s = service("2026-11-25", "09:00", "10:00");
        assert!(!is_late(&s, utc("2026-11-26T10:00:00Z"), 0, 24.0));
        assert!(is_late(&s, utc("2026-11-26T10:00:01Z"), 0, 24.0));
        assert!(is_late(&s, utc("2026-11-25T13:00:00Z"), 0, 2.0));
        assert!(!is_late(
            &service("", "", ""),
            utc("2030-01-01T00:00:00Z"),
            0,
            24.0
        ));
    }

    #[test]
    fn documented_hours_run_to_the_signing_time_once_signed() {
        let s = service("2026-11-25", "09:00", "10:00");
        let now = utc("2026-11-27T10:00:00Z");
        assert_eq!(documented_hours(&s, None, now, 0), Some(48.0));
        let sig = Signature {
            signer_id: "w".into(),
            signer_name: String::new(),
            signed_at: "2026-11-25T12:30:00Z".into(),
            attestation: String::new(),
            content_hash: "0".repeat(64),
            signature_hash: None,
        };
        assert_eq!(documented_hours(&s, Some(&sig), now, 0), Some(2.5));
        // In UTC+1 the service ended an hour earlier in UTC.
        assert_eq!(documented_hours(&s, Some(&sig), now, 60), Some(3.5));
        let unreadable = Signature {
            signed_at: "yesterday".into(),
            ..sig
        };
        assert_eq!(documented_hours(&s, Some(&unreadable), now, 0), None);
        assert_eq!(documented_hours(&service("", "", ""), None, now, 0), None);
    }

    #[test]
    fn a_service_not_ended_is_judged_at_the_signing_time_once_signed() {
        let s = service("2026-11-25", "09:00", "10:00");
        let sig = Signature {
            signer_id: "w".into(),
            signer_name: String::new(),
            signed_at: "2026-11-25T09:30:00Z".into(),
            attestation: String::new(),
            content_hash: "0".repeat(64),
            signature_hash: None,
        };
        let later = utc("2026-11-25T12:00:00Z");
        assert!(!service_not_ended(&s, None, later, 0));
        assert!(service_not_ended(&s, Some(&sig), later, 0));
        assert!(service_not_ended(&s, None, utc("2026-11-25T09:30:00Z"), 0));
    }
}
