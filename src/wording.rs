//! The one home of the English wording the command line prints (the audit's messages
//! and help, the agenda, the listings): counts with their plural, quotes of the book's
//! text, days as people read them, things with their article. Names of people and
//! clients come from the book ([`crate::book::Book::person_name`],
//! [`crate::book::ClientBook::name`]); Russian wording is `report::locale`'s.

use chrono::{Datelike, NaiveDate};

/// `text` with its first letter in lower case: a sentence that goes on after a colon.
/// A word in capitals (`YAML`, `ID`) stays as it is.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), second) if !second.is_some_and(char::is_uppercase) => {
            first.to_lowercase().chain(second).chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

/// `text` with its first letter in upper case: a heading.
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `1 day`, `3 days`, `-1 day` (the catalogs word days for the commands now; the
/// catalogs' plural rules are checked against this).
#[cfg(test)]
pub fn days(n: i64) -> String {
    count(n, "day", "days")
}

/// `n` and the noun in the number it takes in English.
#[cfg(test)]
pub fn count(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n.abs() == 1 { one } else { many })
}

/// `«text»`, on one line and cut to `max` characters (with an ellipsis).
pub fn quote(text: &str, max: usize) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        format!("«{line}»")
    } else {
        let cut: String = line.chars().take(max.saturating_sub(1)).collect();
        format!("«{}…»", cut.trim_end())
    }
}

/// `text` with guillemets inside guillemets written as Russian typography nests
/// quotes: «Зимняя кампания „Шипы в подарок“» where a title in quotes holds a name in
/// quotes (it read «Зимняя кампания «Шипы в подарок»»). Unbalanced marks are left
/// as they are.
pub fn nest_quotes(text: &str) -> String {
    if text.matches('«').count() < 2 {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '«' => {
                depth += 1;
                out.push(if depth > 1 { '„' } else { '«' });
            }
            '»' if depth > 1 => {
                depth -= 1;
                out.push('“');
            }
            '»' => {
                depth = depth.saturating_sub(1);
                out.push('»');
            }
            c => out.push(c),
        }
    }
    out
}

/// `a`, `a and b`, `a, b and c`.
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// How to reach someone: their phone and email as the book has them.
pub fn reach(phone: Option<&str>, email: Option<&str>) -> String {
    let parts: Vec<&str> = [phone, email]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        "no phone or email in the book".to_owned()
    } else {
        parts.join(", ")
    }
}

/// `Fri 27 Nov` for a day within a month of `today`, `Tue 30 Jun 2026` for one
/// further off: a date without its year is read as the nearest one, which for a date
/// months away may be the wrong year.
pub fn day_short(d: NaiveDate, today: NaiveDate) -> String {
    let short = d.format("%a %-d %b").to_string();
    if d.year() == today.year() && (d - today).num_days().abs() <= 31 {
        short
    } else {
        format!("{short} {}", d.year())
    }
}

/// `Friday 27 November 2026`.
pub fn day_long(d: NaiveDate) -> String {
    d.format("%A %-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn lower_first_leaves_a_word_in_capitals() {
        assert_eq!(super::lower_first("Значения нет"), "значения нет");
        assert_eq!(super::lower_first("Сто рублей"), "сто рублей");
        assert_eq!(super::lower_first("YAML не читается"), "YAML не читается");
        assert_eq!(super::lower_first("Я"), "я");
        assert_eq!(super::lower_first(""), "");
        assert_eq!(super::upper_first("пн 30 ноября"), "Пн 30 ноября");
    }

    use super::*;

    #[test]
    fn quotes_inside_quotes_nest() {
        assert_eq!(
            nest_quotes("comment on «Зимняя кампания «Шипы в подарок»» (2026-11-20)"),
            "comment on «Зимняя кампания „Шипы в подарок“» (2026-11-20)"
        );
        assert_eq!(nest_quotes("«a» and «b»"), "«a» and «b»");
        assert_eq!(nest_quotes("«ООО «Ромашка»» «x»"), "«ООО „Ромашка“» «x»");
        assert_eq!(nest_quotes("» stray « open"), "» stray « open");
        assert_eq!(nest_quotes("no quotes"), "no quotes");
    }

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("test date")
    }

    #[test]
    fn counts_take_the_plural_but_for_one() {
        assert_eq!(days(1), "1 day");
        assert_eq!(days(-1), "-1 day");
        assert_eq!(days(0), "0 days");
        assert_eq!(days(2), "2 days");
        assert_eq!(days(21), "21 days");
    }

    #[test]
    fn quotes_are_short_and_on_one_line() {
        assert_eq!(
            quote("Поменять  цвет\nлоготипа", 40),
            "«Поменять цвет логотипа»"
        );
        assert_eq!(quote("абвгдежзик", 5), "«абвг…»");
        assert_eq!(quote("", 5), "«»");
    }

    #[test]
    fn a_day_far_off_says_its_year() {
        let today = d("2026-11-27");
        assert_eq!(day_short(d("2026-11-30"), today), "Mon 30 Nov");
        assert_eq!(day_short(d("2026-10-27"), today), "Tue 27 Oct");
        assert_eq!(day_short(d("2026-06-30"), today), "Tue 30 Jun 2026");
        assert_eq!(day_short(d("2027-06-30"), today), "Wed 30 Jun 2027");
        assert_eq!(day_short(d("2025-12-31"), today), "Wed 31 Dec 2025");
        // Within a month, but across the new year: the year says which.
        assert_eq!(
            day_short(d("2027-01-04"), d("2026-12-28")),
            "Mon 4 Jan 2027"
        );
        assert_eq!(day_long(d("2026-11-27")), "Friday 27 November 2026");
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["«Баннеры»"]), "«Баннеры»");
        assert_eq!(and_list(&["a", "b"]), "a and b");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
    }
}
