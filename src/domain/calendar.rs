//! Working days and working hours, from the book's `workweek`, `workday` and
//! `holidays`. Every rule and command that asks "how late is this" asks here, so that
//! the audit and the agenda never disagree.

use std::collections::HashSet;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use crate::model::Settings;

/// The agency's working calendar.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// Working weekdays, indexed by `num_days_from_monday`.
    workweek: [bool; 7],
    holidays: HashSet<NaiveDate>,
    pub day_start: NaiveTime,
    pub day_end: NaiveTime,
}

impl Default for Calendar {
    /// Monday to Friday, 09:00–18:00, no holidays.
    fn default() -> Self {
        Calendar {
            workweek: [true, true, true, true, true, false, false],
            holidays: HashSet::new(),
            day_start: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            day_end: NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default(),
        }
    }
}

impl Calendar {
    pub fn from_settings(settings: Option<&Settings>) -> Self {
        let Some(s) = settings else {
            return Calendar::default();
        };
        let mut workweek = [false; 7];
        for day in &s.workweek {
            workweek[day.to_chrono().num_days_from_monday() as usize] = true;
        }
        Calendar {
            workweek,
            holidays: s.holidays.iter().map(|d| d.0).collect(),
            day_start: s.workday.start.0,
            day_end: s.workday.end.0,
        }
    }

    /// A calendar for tests and examples: the given working weekdays and holidays.
    #[cfg(test)]
    pub fn new(workweek: [bool; 7], holidays: &[NaiveDate]) -> Self {
        Calendar {
            workweek,
            holidays: holidays.iter().copied().collect(),
            ..Calendar::default()
        }
    }

    /// Is `date` a working day? A calendar with no working weekday at all treats
    /// every day as working, so that date arithmetic always ends.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        if !self.workweek.contains(&true) {
            return true;
        }
        self.workweek[date.weekday().num_days_from_monday() as usize]
            && !self.holidays.contains(&date)
    }

    /// The first working day strictly after `date`.
    pub fn next_working_day(&self, date: NaiveDate) -> NaiveDate {
        let mut d = date;
        loop {
            match d.checked_add_days(Days::new(1)) {
                Some(next) => d = next,
                None => return d,
            }
            if self.is_working_day(d) {
                return d;
            }
        }
    }

    /// `date` itself if it is a working day, else the working day before it.
    pub fn on_or_before(&self, date: NaiveDate) -> NaiveDate {
        let mut d = date;
        while !self.is_working_day(d) {
            match d.checked_sub_days(Days::new(1)) {
                Some(prev) => d = prev,
                None => return d,
            }
        }
        d
    }

    /// `date` itself if it is a working day, else the next working day.
    pub fn on_or_after(&self, date: NaiveDate) -> NaiveDate {
        if self.is_working_day(date) {
            date
        } else {
            self.next_working_day(date)
        }
    }

    /// The `n`th working day after `date` (`date` itself for n = 0): the last day of
    /// "within n working days" of an event on `date`.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> NaiveDate {
        (0..n).fold(date, |d, _| self.next_working_day(d))
    }

    /// The `n`th working day before `date` (`date` itself for n = 0): the day from
    /// which something due on `date` is shown `n` working days ahead.
    pub fn sub_working_days(&self, date: NaiveDate, n: u32) -> NaiveDate {
        (0..n).fold(date, |d, _| {
            let mut p = d;
            loop {
                match p.checked_sub_days(Days::new(1)) {
                    Some(prev) => p = prev,
                    None => return p,
                }
                if self.is_working_day(p) {
                    return p;
                }
            }
        })
    }

    /// The working day an event at `at` counts from: its own day if it is a working
    /// day and `at` is before the end of the working day, else the next working day.
    pub fn counting_day(&self, at: NaiveDateTime) -> NaiveDate {
        let day = at.date();
        if self.is_working_day(day) && at.time() < self.day_end {
            day
        } else {
            self.next_working_day(day)
        }
    }

    /// Working time between `from` and `to` (zero if `to` is not after `from`):
    /// only the hours inside the working day of working days count.
    pub fn working_time_between(&self, from: NaiveDateTime, to: NaiveDateTime) -> TimeDelta {
        if to <= from {
            return TimeDelta::zero();
        }
        let mut total = TimeDelta::zero();
        let mut day = from.date();
        while day <= to.date() {
            if self.is_working_day(day) {
                let open = day.and_time(self.day_start).max(from);
                let close = day.and_time(self.day_end).min(to);
                if close > open {
                    total += close - open;
                }
            }
            match day.checked_add_days(Days::new(1)) {
                Some(next) => day = next,
                None => break,
            }
        }
        total
    }
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

    /// Mon–Fri with 2026-11-04 (Wednesday, Unity Day) and 2026-12-31 as holidays.
    fn cal() -> Calendar {
        Calendar::new(
            [true, true, true, true, true, false, false],
            &[d("2026-11-04"), d("2026-12-31")],
        )
    }

    #[test]
    fn weekends_and_holidays_are_not_working_days() {
        let c = cal();
        assert!(c.is_working_day(d("2026-11-27")), "Friday");
        assert!(!c.is_working_day(d("2026-11-28")), "Saturday");
        assert!(!c.is_working_day(d("2026-11-29")), "Sunday");
        assert!(!c.is_working_day(d("2026-11-04")), "holiday on a Wednesday");
    }

    #[test]
    fn next_working_day_skips_weekends_and_holidays() {
        let c = cal();
        assert_eq!(
            c.next_working_day(d("2026-11-27")),
            d("2026-11-30"),
            "Fri → Mon"
        );
        assert_eq!(
            c.next_working_day(d("2026-11-03")),
            d("2026-11-05"),
            "over the holiday"
        );
        assert_eq!(
            c.next_working_day(d("2026-12-30")),
            d("2027-01-01"),
            "over 31 Dec"
        );
    }

    #[test]
    fn adding_working_days() {
        let c = cal();
        assert_eq!(c.add_working_days(d("2026-11-18"), 0), d("2026-11-18"));
        assert_eq!(c.add_working_days(d("2026-11-18"), 1), d("2026-11-19"));
        assert_eq!(
            c.add_working_days(d("2026-11-26"), 2),
            d("2026-11-30"),
            "Thu + 2 = Mon"
        );
        assert_eq!(
            c.add_working_days(d("2026-11-28"), 1),
            d("2026-11-30"),
            "from a Saturday"
        );
        assert_eq!(c.add_working_days(d("2026-11-03"), 1), d("2026-11-05"));
    }

    #[test]
    fn counting_working_days_back() {
        let c = cal();
        assert_eq!(c.sub_working_days(d("2026-12-07"), 0), d("2026-12-07"));
        assert_eq!(
            c.sub_working_days(d("2026-12-07"), 5),
            d("2026-11-30"),
            "Mon − 5 = the Monday before"
        );
        assert_eq!(
            c.sub_working_days(d("2026-11-30"), 1),
            d("2026-11-27"),
            "Mon − 1 = Fri"
        );
        assert_eq!(
            c.sub_working_days(d("2026-11-05"), 1),
            d("2026-11-03"),
            "over the holiday"
        );
        assert_eq!(
            c.sub_working_days(d("2026-11-29"), 1),
            d("2026-11-27"),
            "from a Sunday"
        );
        // Back and forth: n working days back, then n forward, is where it started
        // (from a working day).
        for n in 0..12 {
            let from = d("2026-12-16");
            assert_eq!(
                c.add_working_days(c.sub_working_days(from, n), n),
                from,
                "{n}"
            );
        }
    }

    #[test]
    fn moving_back_and_forward_to_a_working_day() {
        let c = cal();
        assert_eq!(
            c.on_or_before(d("2026-11-29")),
            d("2026-11-27"),
            "Sun → Fri"
        );
        assert_eq!(
            c.on_or_before(d("2026-11-04")),
            d("2026-11-03"),
            "holiday → Tue"
        );
        assert_eq!(c.on_or_before(d("2026-11-27")), d("2026-11-27"));
        assert_eq!(c.on_or_after(d("2026-11-28")), d("2026-11-30"));
    }

    #[test]
    fn a_letter_after_hours_counts_from_the_next_working_day() {
        let c = cal();
        assert_eq!(c.counting_day(dt("2026-11-26T17:59")), d("2026-11-26"));
        assert_eq!(
            c.counting_day(dt("2026-11-26T18:00")),
            d("2026-11-27"),
            "at the close"
        );
        assert_eq!(
            c.counting_day(dt("2026-11-27T19:30")),
            d("2026-11-30"),
            "Friday evening"
        );
        assert_eq!(
            c.counting_day(dt("2026-11-28T10:00")),
            d("2026-11-30"),
            "Saturday"
        );
        assert_eq!(
            c.counting_day(dt("2026-11-26T07:00")),
            d("2026-11-26"),
            "before opening"
        );
    }

    #[test]
    fn working_hours_between_two_moments() {
        let c = cal();
        let h = |a: &str, b: &str| c.working_time_between(dt(a), dt(b)).num_minutes();
        assert_eq!(h("2026-11-26T10:00", "2026-11-26T11:30"), 90);
        assert_eq!(h("2026-11-26T17:00", "2026-11-27T10:00"), 120, "overnight");
        assert_eq!(
            h("2026-11-27T17:00", "2026-11-30T10:00"),
            120,
            "over a weekend"
        );
        assert_eq!(
            h("2026-11-28T10:00", "2026-11-28T15:00"),
            0,
            "all on Saturday"
        );
        assert_eq!(h("2026-11-26T19:00", "2026-11-26T20:00"), 0, "after hours");
        assert_eq!(h("2026-11-26T11:00", "2026-11-26T10:00"), 0, "backwards");
    }

    #[test]
    fn a_calendar_with_no_working_day_still_ends() {
        let c = Calendar::new([false; 7], &[]);
        assert_eq!(c.next_working_day(d("2026-11-27")), d("2026-11-28"));
        assert_eq!(c.on_or_before(d("2026-11-27")), d("2026-11-27"));
    }
}

#[cfg(test)]
mod proptests {
    use proptest::prelude::*;

    use super::*;

    /// A day in 2000–2099.
    fn date() -> impl Strategy<Value = NaiveDate> {
        (0u64..36_500).prop_map(|n| {
            NaiveDate::from_ymd_opt(2000, 1, 1)
                .and_then(|d| d.checked_add_days(Days::new(n)))
                .expect("in range")
        })
    }

    /// A moment of a day in 2000–2099, to the minute.
    fn moment() -> impl Strategy<Value = NaiveDateTime> {
        (date(), 0u32..24 * 60)
            .prop_map(|(d, m)| d.and_hms_opt(m / 60, m % 60, 0).expect("a time of day"))
    }

    /// Any working week (even none: then every day works), holidays around `around`
    /// (up to 40 in the 120 days from 30 days before it), and working hours that may
    /// be empty or start at midnight.
    fn calendar_around(around: NaiveDate) -> impl Strategy<Value = Calendar> {
        (
            any::<[bool; 7]>(),
            proptest::collection::vec(0u64..120, 0..40),
            0u32..24 * 60,
            0u32..24 * 60,
        )
            .prop_map(move |(workweek, offsets, a, b)| {
                let first = around.checked_sub_days(Days::new(30)).unwrap_or(around);
                let holidays: Vec<NaiveDate> = offsets
                    .iter()
                    .filter_map(|o| first.checked_add_days(Days::new(*o)))
                    .collect();
                let time = |m: u32| NaiveTime::from_hms_opt(m / 60, m % 60, 0).expect("time");
                Calendar {
                    day_start: time(a.min(b)),
                    day_end: time(a.max(b)),
                    ..Calendar::new(workweek, &holidays)
                }
            })
    }

    fn date_and_calendar() -> impl Strategy<Value = (NaiveDate, Calendar)> {
        date().prop_flat_map(|d| (Just(d), calendar_around(d)))
    }

    fn working_days_in(c: &Calendar, after: NaiveDate, to: NaiveDate) -> usize {
        after
            .iter_days()
            .skip(1)
            .take_while(|d| *d <= to)
            .filter(|d| c.is_working_day(*d))
            .count()
    }

    proptest! {
        #[test]
        fn adding_n_working_days_counts_exactly_n_of_them(
            (d, c) in date_and_calendar(),
            n in 0u32..40,
        ) {
            let end = c.add_working_days(d, n);
            if n == 0 {
                prop_assert_eq!(end, d);
            } else {
                prop_assert!(end > d);
                prop_assert!(c.is_working_day(end), "{} is not a working day", end);
                prop_assert_eq!(working_days_in(&c, d, end), n as usize);
            }
            // One more is the next working day after it.
            prop_assert_eq!(c.add_working_days(d, n + 1), c.next_working_day(end));
        }

        #[test]
        fn on_or_before_is_the_latest_working_day_not_after(
            (d, c) in date_and_calendar(),
        ) {
            let back = c.on_or_before(d);
            prop_assert!(back <= d);
            prop_assert!(c.is_working_day(back));
            prop_assert_eq!(working_days_in(&c, back, d), 0);
            prop_assert_eq!(back == d, c.is_working_day(d));
        }

        #[test]
        fn on_or_after_is_the_earliest_working_day_not_before(
            (d, c) in date_and_calendar(),
        ) {
            let ahead = c.on_or_after(d);
            prop_assert!(ahead >= d);
            prop_assert!(c.is_working_day(ahead));
            let before = d.pred_opt().expect("in range");
            prop_assert_eq!(working_days_in(&c, before, ahead), 1);
        }

        #[test]
        fn an_event_counts_from_a_working_day_not_before_its_own(
            (d, c) in date_and_calendar(),
            minute in 0u32..24 * 60,
        ) {
            let at = d.and_hms_opt(minute / 60, minute % 60, 0).expect("time");
            let day = c.counting_day(at);
            prop_assert!(day >= d);
            prop_assert!(c.is_working_day(day));
            prop_assert_eq!(day == d, c.is_working_day(d) && at.time() < c.day_end);
            if day != d {
                prop_assert_eq!(day, c.next_working_day(d));
            }
        }

        #[test]
        fn working_time_adds_up_over_a_split_and_fits_in_the_span(
            (d, c) in date_and_calendar(),
            a in 0i64..20 * 24 * 60,
            b in 0i64..20 * 24 * 60,
            split in 0i64..20 * 24 * 60,
        ) {
            let start = d.and_hms_opt(0, 0, 0).expect("midnight");
            let at = |m: i64| start + TimeDelta::minutes(m);
            let mut points = [a, b, split];
            points.sort_unstable();
            let [from, mid, to] = points.map(at);
            let whole = c.working_time_between(from, to);
            prop_assert_eq!(
                whole,
                c.working_time_between(from, mid) + c.working_time_between(mid, to)
            );
            prop_assert!(whole >= TimeDelta::zero());
            prop_assert!(whole <= to - from);
            prop_assert_eq!(c.working_time_between(to, from), TimeDelta::zero());
            // No more than one working day's hours per calendar day touched.
            let days = (to.date() - from.date()).num_days() + 1;
            prop_assert!(whole <= (c.day_end - c.day_start) * i32::try_from(days).expect("small"));
        }

        #[test]
        fn moments_anywhere_in_the_century_add_up(
            (x, y, z) in (moment(), moment(), moment()),
        ) {
            // The default calendar over spans of any length (up to a century).
            let c = Calendar::default();
            let mut points = [x, y, z];
            points.sort_unstable();
            let [from, mid, to] = points;
            let whole = c.working_time_between(from, to);
            prop_assert_eq!(
                whole,
                c.working_time_between(from, mid) + c.working_time_between(mid, to)
            );
            prop_assert!(whole <= to - from);
        }
    }
}
