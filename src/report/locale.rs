//! Words and formats of generated documents in the book's `locale`: dates, times,
//! money, and the labels of the book's enumerations. Templates receive values already
//! formatted here, and the same functions are their filters, so a document never
//! mixes two ways of writing one date.

use crate::domain::words::plural_ru;
use chrono::{Datelike, NaiveDate, Weekday};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::meeting::MeetingFormat;
use crate::model::money::Money;
use crate::model::project::Stage;
use crate::model::settings::Locale;

/// The locale's code, as used in template names: `ru`, `en`.
pub fn code(locale: Locale) -> &'static str {
    match locale {
        Locale::Ru => "ru",
        Locale::En => "en",
    }
}

const MONTHS_RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_index(date: NaiveDate) -> usize {
    date.month0() as usize
}

/// "18 ноября 2026" / "18 November 2026".
pub fn long_date(locale: Locale, date: NaiveDate) -> String {
    let i = month_index(date);
    match locale {
        Locale::Ru => format!("{} {} {}", date.day(), MONTHS_RU_GENITIVE[i], date.year()),
        Locale::En => format!("{} {} {}", date.day(), MONTHS_EN[i], date.year()),
    }
}

/// "18.11.2026" / "18 Nov 2026": for subjects and tables.
pub fn short_date(locale: Locale, date: NaiveDate) -> String {
    match locale {
        Locale::Ru => date.format("%d.%m.%Y").to_string(),
        Locale::En => format!(
            "{} {} {}",
            date.day(),
            &MONTHS_EN[month_index(date)][..3],
            date.year()
        ),
    }
}

/// "18.11.2026" in Russian, "2026-11-18" in English: a date in the command line's
/// tables, where English has always written ISO dates.
pub fn short_date_iso_en(locale: Locale, date: NaiveDate) -> String {
    match locale {
        Locale::Ru => short_date(locale, date),
        Locale::En => date.to_string(),
    }
}

/// "среда" / "Wednesday".
pub fn weekday(locale: Locale, date: NaiveDate) -> &'static str {
    weekday_name(locale, date.weekday())
}

/// The name of a day of the week.
pub fn weekday_name(locale: Locale, day: Weekday) -> &'static str {
    let i = day.num_days_from_monday() as usize;
    match locale {
        Locale::Ru => crate::i18n::WEEKDAYS_RU[i],
        Locale::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][i],
    }
}

/// A decimal as the language writes it, as exact as it is: `8,8` / `8.8`.
pub fn number(locale: Locale, d: Decimal) -> String {
    let text = d.to_string();
    match locale {
        Locale::Ru => text.replace('.', ","),
        Locale::En => text,
    }
}

/// "1 250 000,00 ₽" / "RUB 1,250,000.00": see [`Money::in_locale`].
pub fn money(locale: Locale, amount: Money, currency: &str) -> String {
    amount.in_locale(locale, currency)
}

/// What a report calls a meeting by how it was held: a phone call is a call, a video
/// meeting is a meeting like one in person (в русском — «видеовстреча» тоже встреча).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MeetingWords {
    /// The report's title before its date: "Итоги звонка" / "Call summary".
    pub summary: &'static str,
    /// The thanks that opens the letter: "Спасибо за звонок" / "Thank you for the call".
    pub thanks: &'static str,
    /// The heading over the next one: "Следующий звонок" / "Next call".
    pub next: &'static str,
}

/// The words for a meeting held in `format` ([`MeetingWords`]).
pub fn meeting_words(locale: Locale, format: MeetingFormat) -> MeetingWords {
    let call = format == MeetingFormat::Call;
    match (locale, call) {
        (Locale::Ru, true) => MeetingWords {
            summary: "Итоги звонка",
            thanks: "Спасибо за звонок",
            next: "Следующий звонок",
        },
        (Locale::Ru, false) => MeetingWords {
            summary: "Итоги встречи",
            thanks: "Спасибо за встречу",
            next: "Следующая встреча",
        },
        (Locale::En, true) => MeetingWords {
            summary: "Call summary",
            thanks: "Thank you for the call",
            next: "Next call",
        },
        (Locale::En, false) => MeetingWords {
            summary: "Meeting summary",
            thanks: "Thank you for the meeting",
            next: "Next meeting",
        },
    }
}

/// How the meeting was held: "очная встреча" / "in person".
pub fn meeting_format(locale: Locale, format: MeetingFormat) -> &'static str {
    match (locale, format) {
        (Locale::Ru, MeetingFormat::InPerson) => "очная встреча",
        (Locale::Ru, MeetingFormat::Video) => "видеовстреча",
        (Locale::Ru, MeetingFormat::Call) => "телефонный звонок",
        (Locale::En, MeetingFormat::InPerson) => "in person",
        (Locale::En, MeetingFormat::Video) => "video call",
        (Locale::En, MeetingFormat::Call) => "phone call",
    }
}

/// A project's pipeline stage in words.
pub fn stage(locale: Locale, stage: Stage) -> &'static str {
    match (locale, stage) {
        (Locale::Ru, Stage::Lead) => "лид",
        (Locale::Ru, Stage::Estimate) => "оценка",
        (Locale::Ru, Stage::Negotiation) => "переговоры",
        (Locale::Ru, Stage::Active) => "в работе",
        (Locale::Ru, Stage::Done) => "завершён",
        (Locale::Ru, Stage::Lost) => "проигран",
        (Locale::Ru, Stage::Cancelled) => "отменён",
        (Locale::En, Stage::Lead) => "lead",
        (Locale::En, Stage::Estimate) => "estimate",
        (Locale::En, Stage::Negotiation) => "negotiation",
        (Locale::En, Stage::Active) => "in progress",
        (Locale::En, Stage::Done) => "done",
        (Locale::En, Stage::Lost) => "lost",
        (Locale::En, Stage::Cancelled) => "cancelled",
    }
}

/// A team member's `role` in words; a role of the agency's own is shown as written.
pub fn role(locale: Locale, role: &str) -> String {
    let known = match (locale, role) {
        (Locale::Ru, "account") => "аккаунт-менеджер",
        (Locale::Ru, "designer") => "дизайнер",
        (Locale::Ru, "copywriter") => "копирайтер",
        (Locale::Ru, "creative") => "креативный директор",
        (Locale::Ru, "developer") => "разработчик",
        (Locale::Ru, "producer") => "продюсер",
        (Locale::Ru, "manager") => "руководитель",
        (Locale::En, "account") => "account manager",
        (Locale::En, "designer") => "designer",
        (Locale::En, "copywriter") => "copywriter",
        (Locale::En, "creative") => "creative director",
        (Locale::En, "developer") => "developer",
        (Locale::En, "producer") => "producer",
        (Locale::En, "manager") => "head of accounts",
        // Short roles of the agency's own (`smm`, `pr`) read as abbreviations.
        (_, other) if other.chars().count() <= 3 => return other.to_uppercase(),
        (_, other) => return other.to_owned(),
    };
    known.to_owned()
}

/// "3 дня" / "3 days".
pub fn days(locale: Locale, n: i64) -> String {
    match locale {
        Locale::Ru => format!("{n} {}", plural_ru(n, "день", "дня", "дней")),
        Locale::En if n.abs() == 1 => format!("{n} day"),
        Locale::En => format!("{n} days"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("test date")
    }

    #[test]
    fn numbers_in_both_languages() {
        let x = Decimal::from_str("8.8").expect("decimal");
        assert_eq!(number(Locale::Ru, x), "8,8");
        assert_eq!(number(Locale::En, x), "8.8");
        assert_eq!(number(Locale::Ru, Decimal::from(15)), "15");
    }

    #[test]
    fn dates_in_both_languages() {
        assert_eq!(long_date(Locale::Ru, d("2026-11-18")), "18 ноября 2026");
        assert_eq!(long_date(Locale::En, d("2026-11-18")), "18 November 2026");
        assert_eq!(long_date(Locale::Ru, d("2027-05-01")), "1 мая 2027");
        assert_eq!(short_date(Locale::Ru, d("2026-01-05")), "05.01.2026");
        assert_eq!(short_date(Locale::En, d("2026-09-05")), "5 Sep 2026");
        assert_eq!(weekday(Locale::Ru, d("2026-11-18")), "среда");
        assert_eq!(weekday(Locale::En, d("2026-11-29")), "Sunday");
        assert_eq!(weekday_name(Locale::En, Weekday::Fri), "Friday");
    }

    #[test]
    fn money_is_grouped_and_keeps_kopecks() {
        let m = |s: &str| Money(Decimal::from_str(s).expect("decimal"));
        assert_eq!(
            money(Locale::Ru, m("1250000.5"), "RUB"),
            "1\u{a0}250\u{a0}000,50\u{a0}₽"
        );
        assert_eq!(money(Locale::Ru, m("999"), "USD"), "999,00\u{a0}USD");
        assert_eq!(
            money(Locale::En, m("1250000"), "RUB"),
            "RUB\u{a0}1,250,000.00"
        );
        assert_eq!(
            money(Locale::En, m("-1500.25"), "EUR"),
            "−EUR\u{a0}1,500.25"
        );
        assert_eq!(money(Locale::Ru, m("0"), "RUB"), "0,00\u{a0}₽");
    }

    #[test]
    fn russian_plurals() {
        let f = |n| plural_ru(n, "день", "дня", "дней");
        assert_eq!(
            [
                f(1),
                f(2),
                f(5),
                f(11),
                f(12),
                f(21),
                f(22),
                f(25),
                f(111),
                f(0)
            ],
            [
                "день", "дня", "дней", "дней", "дней", "день", "дня", "дней", "дней", "дней"
            ]
        );
        assert_eq!(days(Locale::En, 1), "1 day");
        assert_eq!(days(Locale::Ru, 3), "3 дня");
    }

    #[test]
    fn roles_in_words() {
        assert_eq!(role(Locale::Ru, "account"), "аккаунт-менеджер");
        assert_eq!(role(Locale::En, "creative"), "creative director");
        assert_eq!(role(Locale::Ru, "smm"), "SMM");
        assert_eq!(role(Locale::Ru, "photographer"), "photographer");
    }
}
