//! Helpers shared by the rules about touches and reaction times (R01, R06, R08, R14):
//! who a touch was with, how it reads in a message, and working-day counting.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use crate::book::ClientBook;
use crate::domain::calendar::Calendar;
use crate::model::LogEntry;

/// The name of the contact a log entry names, or its ID when the client file does
/// not list it; `None` when the entry names nobody.
pub fn contact_name<'a>(client: &'a ClientBook, entry: &'a LogEntry) -> Option<&'a str> {
    entry
        .contact
        .as_deref()
        .map(|id| client.contact(id).map_or(id, |c| c.name.as_str()))
}

/// ` «subject»`, or nothing when the entry has no subject.
pub fn subject(entry: &LogEntry) -> String {
    entry
        .subject
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| format!(" «{s}»"))
        .unwrap_or_default()
}

/// Is an optional text field actually filled in (not absent, not blank)?
pub fn filled(text: Option<&str>) -> bool {
    text.is_some_and(|t| !t.trim().is_empty())
}

/// How many working days lie after `from` up to and including `to`: how many working
/// days late something done on `to` is, when it was due by the end of `from`.
pub fn working_days_after(calendar: &Calendar, from: NaiveDate, to: NaiveDate) -> u32 {
    let mut n = 0;
    let mut d = from;
    while d < to {
        let next = calendar.next_working_day(d);
        if next > to || next == d {
            break;
        }
        n += 1;
        d = next;
    }
    n
}

/// The moment `hours` working hours after `at`: the earliest moment by which that much
/// working time has passed (the working hours of working days only). `None` when the
/// calendar has no working hours within ten years (a working day that ends before it
/// starts).
pub fn after_working_hours(
    calendar: &Calendar,
    at: NaiveDateTime,
    hours: u32,
) -> Option<NaiveDateTime> {
    let mut left = TimeDelta::hours(i64::from(hours));
    if left <= TimeDelta::zero() {
        return Some(at);
    }
    let mut day = at.date();
    for _ in 0..3660 {
        if calendar.is_working_day(day) {
            let open = day.and_time(calendar.day_start).max(at);
            let close = day.and_time(calendar.day_end);
            if close > open {
                if close - open >= left {
                    return Some(open + left);
                }
                left -= close - open;
            }
        }
        day = day.succ_opt()?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("test date")
    }

    fn dt(s: &str) -> NaiveDateTime {
        crate::model::time::parse_datetime(s).expect("test date-time")
    }

    fn cal() -> Calendar {
        Calendar::new(
            [true, true, true, true, true, false, false],
            &[d("2026-11-04")],
        )
    }

    #[test]
    fn filled_text_is_more_than_whitespace() {
        assert!(!filled(None));
        assert!(!filled(Some("  \n")));
        assert!(filled(Some("план Б")));
    }

    #[test]
    fn counting_working_days_late() {
        let c = cal();
        assert_eq!(working_days_after(&c, d("2026-11-23"), d("2026-11-23")), 0);
        assert_eq!(working_days_after(&c, d("2026-11-23"), d("2026-11-25")), 2);
        assert_eq!(
            working_days_after(&c, d("2026-11-27"), d("2026-11-29")),
            0,
            "weekend"
        );
        assert_eq!(
            working_days_after(&c, d("2026-11-27"), d("2026-11-30")),
            1,
            "Fri → Mon"
        );
        assert_eq!(
            working_days_after(&c, d("2026-11-03"), d("2026-11-05")),
            1,
            "over the holiday"
        );
        assert_eq!(
            working_days_after(&c, d("2026-11-25"), d("2026-11-20")),
            0,
            "backwards"
        );
    }

    #[test]
    fn working_hours_deadline() {
        let c = cal();
        let at = |s: &str, h: u32| after_working_hours(&c, dt(s), h);
        assert_eq!(at("2026-11-26T10:00", 2), Some(dt("2026-11-26T12:00")));
        assert_eq!(
            at("2026-11-26T17:00", 2),
            Some(dt("2026-11-27T10:00")),
            "overnight"
        );
        assert_eq!(
            at("2026-11-26T16:00", 2),
            Some(dt("2026-11-26T18:00")),
            "at the close"
        );
        assert_eq!(
            at("2026-11-27T17:30", 2),
            Some(dt("2026-11-30T10:30")),
            "over a weekend"
        );
        assert_eq!(
            at("2026-11-28T12:00", 2),
            Some(dt("2026-11-30T11:00")),
            "on a Saturday"
        );
        assert_eq!(
            at("2026-11-03T19:00", 2),
            Some(dt("2026-11-05T11:00")),
            "over the holiday"
        );
        assert_eq!(
            at("2026-11-26T07:30", 2),
            Some(dt("2026-11-26T11:00")),
            "before opening"
        );
        assert_eq!(at("2026-11-26T10:00", 0), Some(dt("2026-11-26T10:00")));
        assert_eq!(
            at("2026-11-26T10:00", 20),
            Some(dt("2026-11-30T12:00")),
            "over two days"
        );
    }

    #[test]
    fn the_deadline_agrees_with_working_time_between() {
        let c = cal();
        for (from, h) in [
            ("2026-11-26T17:00", 2),
            ("2026-11-27T17:30", 3),
            ("2026-11-03T12:00", 9),
        ] {
            let due = after_working_hours(&c, dt(from), h).expect("a deadline");
            assert_eq!(
                c.working_time_between(dt(from), due),
                TimeDelta::hours(i64::from(h)),
                "{from} + {h}h"
            );
        }
    }
}
