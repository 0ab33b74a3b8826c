//! The command line's words in the user's language. Texts live in Fluent catalogs,
//! one folder per language (`en/`, `ru/` beside this file, a file per topic listed in
//! `catalog::FILES`), with the plural rules of
//! each language (Russian has one, few and many: «1 день, 2 дня, 5 дней»). A text is
//! a [`Msg`]: the id of a catalog message and its arguments, typed, so that a day or a
//! count is written the way each language writes it.
//!
//! Which language: `--lang`, else `RAPPORT_LANG`, else the book's `locale` as
//! rapport.yaml writes it, else the user's `LANG` (resolved in
//! [`crate::context::Context`]). Documents and letters follow the book's or the
//! client's `locale`, as before; see [`Lang`].

mod catalog;

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

pub use crate::model::locale::Locale as Lang;
use crate::model::money::Money;

/// One argument of a catalog message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text from the book or already worded (a name, a quote): shown as it is.
    Text(String),
    /// A whole number: shown as digits, and it chooses the plural form.
    Count(i64),
    /// A word the catalog chooses its wording by (`[phone]`, `[email]` …): the
    /// enumeration's name as the book spells it.
    Word(&'static str),
    /// A day as a date: `2026-11-13` in English; in Russian «13 ноября», with its
    /// year when more than a month from `today`.
    Date { date: NaiveDate, today: NaiveDate },
    /// A day as the agenda shows it: `Mon 30 Nov` in English, «пн 30 ноября» in
    /// Russian, each with its year when more than a month from `today`.
    Day { date: NaiveDate, today: NaiveDate },
    /// A day with its year, for a message that knows no today (the loader's): as the
    /// book writes it in English, `2026-06-30`; «30 июня 2026 г.» in Russian.
    FullDate(NaiveDate),
    /// A moment with its year, likewise: `2026-11-12T10:00` in English, «12 ноября
    /// 2026 г., 10:00» in Russian.
    FullMoment(chrono::NaiveDateTime),
    /// A day of the year without its year (a birthday): `12-02` in English, «2 декабря»
    /// in Russian.
    MonthDay { month: u32, day: u32 },
    /// A sum of money whose currency English leaves to the context: `30000.00` in
    /// English, «30 000,00 ₽» in Russian.
    Sum { amount: Money, currency: String },
    /// A sum of money: `156000.00 RUB` in English (as the audit has always written
    /// it), «156 000,00 ₽» in Russian.
    Money { amount: Money, currency: String },
    /// A decimal as the language writes it, as exact as it is: `92.5` / «92,5».
    Number(rust_decimal::Decimal),
    /// Items joined as the language lists them: `a, b and c`, «a, b и c».
    List(Vec<String>),
    /// IDs and keys of the book, listed: `design, copy` in English (as the audit has
    /// always written them); in Russian each between backticks, «`design`, `copy`»,
    /// so that Latin identifiers stand apart from the Russian prose around them.
    Ids(Vec<String>),
    /// Another message, worded in the same language.
    Nested(Box<Msg>),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Count(n)
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Arg::Count(i64::from(n))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Count(i64::from(n))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<Msg> for Arg {
    fn from(msg: Msg) -> Self {
        Arg::Nested(Box::new(msg))
    }
}

/// A catalog message with its arguments: what to say, in no language yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Msg { id, args }
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        catalog::format(lang, self)
    }
}

/// A text the program keeps in English beside its catalog twin (a rule's summary and
/// explanation): `english` itself in English, else the message `id` of `lang`'s
/// catalog, or `english` when that catalog lacks it.
pub fn text_or(lang: Lang, id: &str, english: &str) -> String {
    match lang {
        Lang::En => english.to_owned(),
        _ => catalog::format_id(lang, id).unwrap_or_else(|| english.to_owned()),
    }
}

/// The message `id`, which takes no arguments, as `lang`'s catalog words it; `None`
/// when that catalog lacks it.
pub fn text_or_none(lang: Lang, id: &str) -> Option<String> {
    catalog::format_id(lang, id)
}

/// The message `id`, which takes no arguments, exactly as `lang`'s catalog words it.
#[cfg(test)]
pub fn text(lang: Lang, id: &str) -> Option<String> {
    catalog::format_id(lang, id)
}

/// `msg!("r02-no-report", meeting = name, day = Arg::Day { .. })`: a [`Msg`] whose
/// arguments convert into [`Arg`] (text, counts, nested messages).
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Msg::new(
            $id,
            vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

/// What a finding or a line says: English text written in the code (not yet in the
/// catalogs, so the same in every language), or a catalog message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Plain(String),
    Msg(Msg),
}

impl Text {
    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> Cow<'_, str> {
        match self {
            Text::Plain(text) => Cow::Borrowed(text),
            Text::Msg(msg) => Cow::Owned(msg.render(lang)),
        }
    }

    /// The catalog message, if the text is one.
    pub fn into_msg(self) -> Option<Msg> {
        match self {
            Text::Plain(_) => None,
            Text::Msg(msg) => Some(msg),
        }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::Plain(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::Plain(text.to_owned())
    }
}

impl From<Msg> for Text {
    fn from(msg: Msg) -> Self {
        Text::Msg(msg)
    }
}

/// An error a command words from the catalog: displayed in English (as `anyhow`
/// chains show it), and in the user's language by [`crate::commands::error_text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized(pub Msg);

impl std::fmt::Display for Localized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.render(Lang::En))
    }
}

impl std::error::Error for Localized {}

/// An error worded from the catalog with a hint: `ERROR\nhint: HINT` in the user's
/// language (see [`crate::commands::error_text`]).
pub fn hinted(error: Msg, hint: Msg) -> anyhow::Error {
    anyhow::Error::new(Localized(crate::msg!(
        "error-with-hint",
        error = error,
        hint = hint
    )))
}

/// `DIR is not a book: it has no rapport.yaml`, with the hint to create one.
pub fn not_a_book(root: &std::path::Path) -> anyhow::Error {
    let dir = root.display().to_string();
    hinted(
        crate::msg!("not-a-book", dir = dir.as_str()),
        crate::msg!("not-a-book-hint", dir = dir.as_str()),
    )
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

/// «a», «a и b», «a, b и c».
pub fn and_list_ru(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} и {last}", init.join(", ")),
    }
}

/// «27 ноября» within a month of `today` in its year, «30 июня 2026 г.» further off:
/// the Russian of [`crate::wording::day_short`], in the genitive a date takes.
pub fn day_ru(d: NaiveDate, today: NaiveDate) -> String {
    let month = MONTHS_RU_GENITIVE[d.month0() as usize];
    if d.year() == today.year() && (d - today).num_days().abs() <= 31 {
        format!("{} {month}", d.day())
    } else {
        format!("{} {month} {} г.", d.day(), d.year())
    }
}

/// «2 декабря»: a day of the year without its year.
pub fn month_day_ru(month: u32, day: u32) -> String {
    let name = month
        .checked_sub(1)
        .and_then(|m| MONTHS_RU_GENITIVE.get(m as usize))
        .copied()
        .unwrap_or("");
    format!("{day} {name}")
}

const WEEKDAYS_RU_SHORT: [&str; 7] = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"];

/// The days of the week in Russian, from Monday.
pub const WEEKDAYS_RU: [&str; 7] = [
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
];

/// «пт 4 декабря» within a month of `today` in its year, «вт 30 июня 2026 г.» further
/// off: the Russian of [`crate::wording::day_short`].
pub fn day_short_ru(d: NaiveDate, today: NaiveDate) -> String {
    let weekday = WEEKDAYS_RU_SHORT[d.weekday().num_days_from_monday() as usize];
    format!("{weekday} {}", day_ru(d, today))
}

/// «пятница, 4 декабря 2026 г.»: the Russian of [`crate::wording::day_long`].
pub fn day_long_ru(d: NaiveDate) -> String {
    let weekday = WEEKDAYS_RU[d.weekday().num_days_from_monday() as usize];
    let month = MONTHS_RU_GENITIVE[d.month0() as usize];
    format!("{weekday}, {} {month} {} г.", d.day(), d.year())
}

/// A day as a short date in `lang`: `Fri 4 Dec` / «пт 4 декабря».
pub fn day_short(lang: Lang, d: NaiveDate, today: NaiveDate) -> String {
    match lang {
        Lang::En => crate::wording::day_short(d, today),
        Lang::Ru => day_short_ru(d, today),
    }
}

/// A day in full in `lang`: `Friday 4 December 2026` / «пятница, 4 декабря 2026 г.».
pub fn day_long(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::En => crate::wording::day_long(d),
        Lang::Ru => day_long_ru(d),
    }
}

/// The day of the week of `d` in `lang`: `Friday` / «пятница».
pub fn weekday(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::En => d.format("%A").to_string(),
        Lang::Ru => WEEKDAYS_RU[d.weekday().num_days_from_monday() as usize].to_owned(),
    }
}

/// A date in full without its weekday: `4 December 2026` / «4 декабря 2026 г.».
pub fn date_long(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::En => d.format("%-d %B %Y").to_string(),
        Lang::Ru => format!(
            "{} {} {} г.",
            d.day(),
            MONTHS_RU_GENITIVE[d.month0() as usize],
            d.year()
        ),
    }
}

/// The catalog message `id`, without arguments, in `lang`.
pub fn say(lang: Lang, id: &'static str) -> String {
    Msg::new(id, Vec::new()).render(lang)
}

#[cfg(test)]
mod tests;
