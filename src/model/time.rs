//! Date and time values as written in a book: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]`,
//! birthdays with or without a year (`--04-12`), `HH:MM`, and weekday names.
//!
//! A well-formed date that cannot exist (`2026-02-30`) is reported as an impossible
//! date (E07), apart from text that is not a date at all (E02).

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};
use serde::{Serialize, Serializer};

use crate::yaml;

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the expected shape.
    Malformed,
    /// The right shape, but no such day.
    Impossible(Impossible),
}

/// Why a well-formed date or time cannot be, with its facts; [`fmt::Display`] says it
/// in English (the loader words it from its catalogs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Impossible {
    /// `there is no month 13`.
    Month(u32),
    /// `2026-02 has 28 days, there is no day 30`.
    Day {
        year: i32,
        month: u32,
        last: u32,
        day: u32,
    },
    /// A birthday without its year: `month 02 has no day 30`.
    DayInMonth { month: u32, day: u32 },
    /// `there is no time 25:00 in a day`, the time as written.
    Time(String),
}

impl fmt::Display for Impossible {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Impossible::Month(month) => write!(f, "there is no month {month}"),
            Impossible::Day {
                year,
                month,
                last,
                day,
            } => write!(
                f,
                "{year}-{month:02} has {last} days, there is no day {day}"
            ),
            Impossible::DayInMonth { month, day } => {
                write!(f, "month {month:02} has no day {day}")
            }
            Impossible::Time(time) => write!(f, "there is no time {time} in a day"),
        }
    }
}

/// Why `text`, a date, date and time, time of day or birthday as a book writes them,
/// cannot be; `None` when it can, or is not one of them at all.
pub fn impossible(text: &str) -> Option<Impossible> {
    let parsed = if text.contains(['T', ' ']) {
        parse_datetime(text).map(|_| ())
    } else if text.contains(':') {
        parse_time(text).map(|_| ())
    } else {
        parse_birthday(text).map(|_| ())
    };
    match parsed {
        Err(DateError::Impossible(why)) => Some(why),
        _ => None,
    }
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn month_day(year: i32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        if !(1..=12).contains(&month) {
            DateError::Impossible(Impossible::Month(month))
        } else {
            let last = (28..=31)
                .rev()
                .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())
                .unwrap_or(28);
            DateError::Impossible(Impossible::Day {
                year,
                month,
                last,
                day,
            })
        }
    })
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let mut parts = s.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(DateError::Malformed);
    };
    let (Some(y), Some(m), Some(d)) = (digits(y, 4), digits(m, 2), digits(d, 2)) else {
        return Err(DateError::Malformed);
    };
    month_day(i32::try_from(y).map_err(|_| DateError::Malformed)?, m, d)
}

/// Parses `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (a space may stand for the `T`).
pub fn parse_datetime(s: &str) -> Result<NaiveDateTime, DateError> {
    let (date, time) = s
        .split_once('T')
        .or_else(|| s.split_once(' '))
        .ok_or(DateError::Malformed)?;
    let date = parse_date(date)?;
    let time = parse_time(time)?;
    Ok(date.and_time(time))
}

/// Parses `HH:MM` or `HH:MM:SS`.
pub fn parse_time(s: &str) -> Result<NaiveTime, DateError> {
    let mut parts = s.split(':');
    let h = parts.next().and_then(|p| digits(p, 2));
    let m = parts.next().and_then(|p| digits(p, 2));
    let sec = match parts.next() {
        None => Some(0),
        Some(p) => digits(p, 2),
    };
    let (Some(h), Some(m), Some(sec), None) = (h, m, sec, parts.next()) else {
        return Err(DateError::Malformed);
    };
    NaiveTime::from_hms_opt(h, m, sec)
        .ok_or_else(|| DateError::Impossible(Impossible::Time(s.to_owned())))
}

/// The value of a date's text, or why there is none: not a date (`invalid_value`,
/// E02), or a date that cannot be (E07), which the book's deserializer tells apart
/// because the date types are read under [`yaml::DATE`].
fn visit<T, E: de::Error>(
    s: &str,
    parsed: Result<T, DateError>,
    exp: &dyn de::Expected,
) -> Result<T, E> {
    parsed.map_err(|e| match e {
        DateError::Malformed => E::invalid_value(Unexpected::Str(s), exp),
        DateError::Impossible(why) => {
            yaml::impossible_date(format_args!("`{s}` is not a real date: {why}"))
        }
    })
}

/// Reads a value from its text in a book (`deserialize_str`), or from a compact
/// binary form (`$bin`) in formats that are not human-readable (the parse cache);
/// writes it the same two ways.
macro_rules! text_value {
    ($ty:ident, $parse:path, $expecting:literal, $bin:ty, |$v:ident| $to_bin:expr, |$b:ident| $from_bin:expr, |$t:ident| $text:expr) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, s: &str) -> Result<$ty, E> {
                        visit(s, $parse(s), &self).map($ty)
                    }
                    fn visit_newtype_struct<D: Deserializer<'de>>(
                        self,
                        d: D,
                    ) -> Result<$ty, D::Error> {
                        d.deserialize_str(self)
                    }
                }
                if d.is_human_readable() {
                    d.deserialize_newtype_struct(yaml::DATE, V)
                } else {
                    let $b = <$bin>::deserialize(d)?;
                    $from_bin
                        .map($ty)
                        .ok_or_else(|| de::Error::custom(concat!("not ", $expecting)))
                }
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                if s.is_human_readable() {
                    let $t = self;
                    s.collect_str(&$text)
                } else {
                    let $v = self;
                    $to_bin.serialize(s)
                }
            }
        }
    };
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);
text_value!(
    Date,
    parse_date,
    "a date as YYYY-MM-DD",
    i32,
    |d| d.0.num_days_from_ce(),
    |n| NaiveDate::from_num_days_from_ce_opt(n),
    |d| d.0.format("%Y-%m-%d")
);

/// A local date and time in the book's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime(pub NaiveDateTime);
text_value!(
    DateTime,
    parse_datetime,
    "a date and time as YYYY-MM-DDTHH:MM",
    i64,
    |d| d.0.and_utc().timestamp(),
    |n| chrono::DateTime::from_timestamp(n, 0).map(|t| t.naive_utc()),
    |d| d.0.format("%Y-%m-%dT%H:%M:%S")
);

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(pub NaiveTime);
text_value!(
    TimeOfDay,
    parse_time,
    "a time of day as HH:MM",
    u32,
    |t| t.0.num_seconds_from_midnight(),
    |n| NaiveTime::from_num_seconds_from_midnight_opt(n, 0),
    |t| t.0.format("%H:%M:%S")
);

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%dT%H:%M"))
    }
}

impl DateTime {
    pub fn date(self) -> NaiveDate {
        self.0.date()
    }
}

/// A birthday: month and day, with the year where known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Birthday {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

/// Parses `YYYY-MM-DD` or `--MM-DD`.
pub fn parse_birthday(s: &str) -> Result<Birthday, DateError> {
    if let Some(rest) = s.strip_prefix("--") {
        let (m, d) = rest.split_once('-').ok_or(DateError::Malformed)?;
        let (Some(m), Some(d)) = (digits(m, 2), digits(d, 2)) else {
            return Err(DateError::Malformed);
        };
        // A leap year admits 29 February, which a birthday without a year may be.
        if month_day(2000, m, d).is_err() {
            return Err(DateError::Impossible(if (1..=12).contains(&m) {
                Impossible::DayInMonth { month: m, day: d }
            } else {
                Impossible::Month(m)
            }));
        }
        return Ok(Birthday {
            year: None,
            month: m,
            day: d,
        });
    }
    let date = parse_date(s)?;
    Ok(Birthday {
        year: Some(date.year()),
        month: date.month(),
        day: date.day(),
    })
}

impl Birthday {
    /// The day it falls on in `year`. 29 February falls on 28 February in a common year.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day).or_else(|| {
            (self.month == 2 && self.day == 29)
                .then(|| NaiveDate::from_ymd_opt(year, 2, 28))
                .flatten()
        })
    }
}

impl fmt::Display for Birthday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

impl Serialize for Birthday {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Birthday {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Birthday;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a birthday as YYYY-MM-DD, or --MM-DD without the year")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Birthday, E> {
                visit(s, parse_birthday(s), &self)
            }
            fn visit_newtype_struct<D: Deserializer<'de>>(
                self,
                d: D,
            ) -> Result<Birthday, D::Error> {
                d.deserialize_str(self)
            }
        }
        d.deserialize_newtype_struct(yaml::DATE, V)
    }
}

/// A day of the week, as written in `workweek`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Deserialize,
    serde::Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub fn to_chrono(self) -> chrono::Weekday {
        match self {
            Weekday::Mon => chrono::Weekday::Mon,
            Weekday::Tue => chrono::Weekday::Tue,
            Weekday::Wed => chrono::Weekday::Wed,
            Weekday::Thu => chrono::Weekday::Thu,
            Weekday::Fri => chrono::Weekday::Fri,
            Weekday::Sat => chrono::Weekday::Sat,
            Weekday::Sun => chrono::Weekday::Sun,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test date")
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(parse_date("2026-11-27"), Ok(ymd(2026, 11, 27)));
        for bad in [
            "2026-1-27",
            "26-11-27",
            "2026/11/27",
            "2026-11-27x",
            "",
            "2026-11",
            "2026-11-27-1",
        ] {
            assert_eq!(parse_date(bad), Err(DateError::Malformed), "{bad}");
        }
    }

    #[test]
    fn impossible_dates_say_why() {
        let why = |s: &str| match parse_date(s) {
            Err(DateError::Impossible(why)) => why.to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(why("2026-02-30"), "2026-02 has 28 days, there is no day 30");
        assert_eq!(why("2028-02-30"), "2028-02 has 29 days, there is no day 30");
        assert_eq!(why("2026-13-01"), "there is no month 13");
        assert_eq!(
            impossible("2026-11-20T25:00").map(|w| w.to_string()),
            Some("there is no time 25:00 in a day".to_owned())
        );
        assert_eq!(
            impossible("--02-30").map(|w| w.to_string()),
            Some("month 02 has no day 30".to_owned())
        );
        assert_eq!(impossible("2026-02-28"), None);
        assert!(matches!(
            parse_date("2026-04-31"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_date("2026-00-10"),
            Err(DateError::Impossible(_))
        ));
    }

    #[test]
    fn datetimes_take_optional_seconds() {
        let expected = ymd(2026, 11, 20).and_hms_opt(15, 0, 0).expect("time");
        assert_eq!(parse_datetime("2026-11-20T15:00"), Ok(expected));
        assert_eq!(parse_datetime("2026-11-20T15:00:00"), Ok(expected));
        assert_eq!(parse_datetime("2026-11-20 15:00"), Ok(expected));
        assert_eq!(parse_datetime("2026-11-20"), Err(DateError::Malformed));
        assert!(matches!(
            parse_datetime("2026-11-20T25:00"),
            Err(DateError::Impossible(_))
        ));
        assert_eq!(parse_datetime("2026-11-20T15"), Err(DateError::Malformed));
    }

    #[test]
    fn birthdays_with_and_without_year() {
        assert_eq!(
            parse_birthday("--04-12"),
            Ok(Birthday {
                year: None,
                month: 4,
                day: 12
            })
        );
        assert_eq!(
            parse_birthday("1985-04-12"),
            Ok(Birthday {
                year: Some(1985),
                month: 4,
                day: 12
            })
        );
        assert!(
            parse_birthday("--02-29").is_ok(),
            "29 February exists without a year"
        );
        assert!(matches!(
            parse_birthday("--02-30"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_birthday("1985-02-29"),
            Err(DateError::Impossible(_))
        ));
        assert_eq!(parse_birthday("--4-12"), Err(DateError::Malformed));
    }

    /// Read under `yaml::DATE`, the date types are still the newtype of a string any
    /// other deserializer knows; their impossible dates are a plain message there.
    #[test]
    fn other_deserializers_read_dates_as_text() {
        let date: Date = serde_json::from_str("\"2026-11-20\"").expect("a date");
        assert_eq!(date.to_string(), "2026-11-20");
        let at: DateTime =
            serde_json::from_value(serde_json::json!("2026-11-20T09:30")).expect("a date-time");
        assert_eq!(at.to_string(), "2026-11-20T09:30");
        let born: Birthday = serde_json::from_str("\"--04-12\"").expect("a birthday");
        assert_eq!(born.to_string(), "--04-12");
        let time: TimeOfDay = serde_json::from_str("\"09:00\"").expect("a time");
        assert_eq!(time.0.to_string(), "09:00:00");
        let err = serde_json::from_str::<Date>("\"2026-02-30\"").expect_err("impossible");
        assert_eq!(
            err.to_string(),
            "`2026-02-30` is not a real date: 2026-02 has 28 days, there is no day 30 at line 1 column 12"
        );
        let err = serde_json::from_str::<Date>("\"2026-2-3\"").expect_err("no date");
        assert_eq!(
            err.to_string(),
            "invalid value: string \"2026-2-3\", expected a date as YYYY-MM-DD at line 1 column 10"
        );
    }

    #[test]
    fn leap_day_birthday_falls_on_28_february_in_common_years() {
        let b = Birthday {
            year: None,
            month: 2,
            day: 29,
        };
        assert_eq!(b.in_year(2027), Some(ymd(2027, 2, 28)));
        assert_eq!(b.in_year(2028), Some(ymd(2028, 2, 29)));
        let b = Birthday {
            year: Some(1990),
            month: 4,
            day: 12,
        };
        assert_eq!(b.in_year(2026), Some(ymd(2026, 4, 12)));
        assert_eq!(b.to_string(), "1990-04-12");
        assert_eq!(
            Birthday {
                year: None,
                month: 4,
                day: 2
            }
            .to_string(),
            "--04-02"
        );
    }
}
