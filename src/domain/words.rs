//! Sums in words, as an invoice writes its total: "Сто пятьдесят тысяч рублей 00
//! копеек", "One hundred fifty thousand rubles 00 kopecks".
//!
//! Russian: the whole part in words, agreeing in gender with its unit (рубль and доллар
//! are masculine: один, два; копейка and тысяча are feminine: одна, две), the unit in
//! the plural form its number takes (1, 21 → рубль; 2–4, 22–24 → рубля; 0, 5–20, 25…,
//! 11–14 → рублей); the fraction always as two digits with its unit in the matching
//! form ("01 копейка", "00 копеек"). English: "twenty-one", no "and", the unit
//! singular only for exactly one. The first letter is a capital.
//!
//! Whole parts up to `u64::MAX` (quintillions) are spelled; a larger sum is an error,
//! never a wrong number. A sum is rounded to kopecks (halves away from zero, as
//! `billing` rounds) before it is spelled.
//! Currencies known by name: RUB, USD, EUR; any other is written by its code.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::model::amount::kopecks;
use crate::model::money::Money;
use crate::model::settings::Locale;

/// Grammatical gender of a Russian counted noun: it decides один/одна, два/две.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
}

/// A Russian noun's three counted forms: for 1, for 2–4, for 5 and more.
#[derive(Debug, Clone, Copy)]
struct Forms {
    gender: Gender,
    one: &'static str,
    few: &'static str,
    many: &'static str,
}

impl Forms {
    fn pick(&self, n: u64) -> &'static str {
        // `plural_ru` reads only the last two digits.
        plural_ru((n % 100) as i64, self.one, self.few, self.many)
    }
}

const UNITS_M: [&str; 10] = [
    "",
    "один",
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
];
const UNITS_F: [&str; 10] = [
    "",
    "одна",
    "две",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
];
const TEENS_RU: [&str; 10] = [
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
];
const TENS_RU: [&str; 10] = [
    "",
    "",
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
];
const HUNDREDS_RU: [&str; 10] = [
    "",
    "сто",
    "двести",
    "триста",
    "четыреста",
    "пятьсот",
    "шестьсот",
    "семьсот",
    "восемьсот",
    "девятьсот",
];

/// The scales above the units, from thousands up, with their gender and forms.
const SCALES_RU: [Forms; 6] = [
    Forms {
        gender: Gender::Feminine,
        one: "тысяча",
        few: "тысячи",
        many: "тысяч",
    },
    Forms {
        gender: Gender::Masculine,
        one: "миллион",
        few: "миллиона",
        many: "миллионов",
    },
    Forms {
        gender: Gender::Masculine,
        one: "миллиард",
        few: "миллиарда",
        many: "миллиардов",
    },
    Forms {
        gender: Gender::Masculine,
        one: "триллион",
        few: "триллиона",
        many: "триллионов",
    },
    Forms {
        gender: Gender::Masculine,
        one: "квадриллион",
        few: "квадриллиона",
        many: "квадриллионов",
    },
    Forms {
        gender: Gender::Masculine,
        one: "квинтиллион",
        few: "квинтиллиона",
        many: "квинтиллионов",
    },
];

/// The words of a number below 1000 (none for 0), in `gender`.
fn triplet_ru(n: u64, gender: Gender, out: &mut Vec<&'static str>) {
    let (h, t, u) = (
        (n / 100) as usize,
        (n / 10 % 10) as usize,
        (n % 10) as usize,
    );
    if h > 0 {
        out.push(HUNDREDS_RU[h]);
    }
    if t == 1 {
        out.push(TEENS_RU[u]);
        return;
    }
    if t > 1 {
        out.push(TENS_RU[t]);
    }
    if u > 0 {
        out.push(match gender {
            Gender::Masculine => UNITS_M[u],
            Gender::Feminine => UNITS_F[u],
        });
    }
}

/// `n` in Russian words, lower case, its last group agreeing with `gender`:
/// `number_ru(2001, Feminine)` = "две тысячи одна".
pub fn number_ru(n: u64, gender: Gender) -> String {
    if n == 0 {
        return "ноль".to_owned();
    }
    // Groups of three digits, lowest first.
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut words = Vec::new();
    for (i, &g) in groups.iter().enumerate().rev() {
        if g == 0 {
            continue;
        }
        match i.checked_sub(1).and_then(|s| SCALES_RU.get(s)) {
            Some(scale) => {
                triplet_ru(g, scale.gender, &mut words);
                words.push(scale.pick(g));
            }
            None => triplet_ru(g, gender, &mut words),
        }
    }
    words.join(" ")
}

const ONES_EN: [&str; 20] = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS_EN: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const SCALES_EN: [&str; 6] = [
    "thousand",
    "million",
    "billion",
    "trillion",
    "quadrillion",
    "quintillion",
];

fn triplet_en(n: u64, out: &mut Vec<String>) {
    let (h, r) = ((n / 100) as usize, (n % 100) as usize);
    if h > 0 {
        out.push(ONES_EN[h].to_owned());
        out.push("hundred".to_owned());
    }
    if r >= 20 {
        let (t, u) = (r / 10, r % 10);
        out.push(if u == 0 {
            TENS_EN[t].to_owned()
        } else {
            format!("{}-{}", TENS_EN[t], ONES_EN[u])
        });
    } else if r > 0 {
        out.push(ONES_EN[r].to_owned());
    }
}

/// `n` in English words, lower case, short scale, no "and": "one hundred fifty
/// thousand", "twenty-one".
pub fn number_en(n: u64) -> String {
    if n == 0 {
        return "zero".to_owned();
    }
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut words = Vec::new();
    for (i, &g) in groups.iter().enumerate().rev() {
        if g == 0 {
            continue;
        }
        triplet_en(g, &mut words);
        if let Some(scale) = i.checked_sub(1).and_then(|s| SCALES_EN.get(s)) {
            words.push((*scale).to_owned());
        }
    }
    words.join(" ")
}

/// The Russian names of a currency's unit and hundredth, where rapport knows them.
fn currency_ru(code: &str) -> Option<(Forms, Forms)> {
    let cent = Forms {
        gender: Gender::Masculine,
        one: "цент",
        few: "цента",
        many: "центов",
    };
    match code {
        "RUB" => Some((
            Forms {
                gender: Gender::Masculine,
                one: "рубль",
                few: "рубля",
                many: "рублей",
            },
            Forms {
                gender: Gender::Feminine,
                one: "копейка",
                few: "копейки",
                many: "копеек",
            },
        )),
        "USD" => Some((
            Forms {
                gender: Gender::Masculine,
                one: "доллар США",
                few: "доллара США",
                many: "долларов США",
            },
            cent,
        )),
        "EUR" => Some((
            Forms {
                gender: Gender::Masculine,
                one: "евро",
                few: "евро",
                many: "евро",
            },
            cent,
        )),
        _ => None,
    }
}

/// A noun's English singular and plural.
type NounEn = (&'static str, &'static str);

/// The English names of a currency's unit and hundredth.
fn currency_en(code: &str) -> Option<(NounEn, NounEn)> {
    match code {
        "RUB" => Some((("ruble", "rubles"), ("kopeck", "kopecks"))),
        "USD" => Some((("dollar", "dollars"), ("cent", "cents"))),
        "EUR" => Some((("euro", "euros"), ("cent", "cents"))),
        _ => None,
    }
}

/// A sum whose whole part has no words: more than `u64::MAX`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unspeakable(pub Money);

impl std::fmt::Display for Unspeakable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} is too large to write in words (the most is {}.99)",
            self.0,
            u64::MAX
        )
    }
}

impl std::error::Error for Unspeakable {}

/// Splits a sum into its sign, whole part and hundredths, after rounding to kopecks;
/// `None` for a whole part beyond `u64::MAX`.
fn parts(amount: Money) -> Option<(bool, u64, u64)> {
    let rounded = kopecks(amount.0);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let abs = rounded.abs();
    let whole = abs.trunc();
    let cents = ((abs - whole) * Decimal::ONE_HUNDRED).trunc().to_u64()?;
    Some((negative, whole.to_u64()?, cents))
}

/// Upper-cases the first letter.
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A sum in words in the document's language, as written under an invoice's total:
/// "Сто пятьдесят тысяч рублей 00 копеек" / "One hundred fifty thousand rubles 00
/// kopecks". `currency` is an ISO 4217 code; one rapport has no words for is written
/// by its code ("Сто USD…" never happens: USD, EUR and RUB are named). A sum with more
/// than `u64::MAX` whole units is an error.
pub fn amount(locale: Locale, amount: Money, currency: &str) -> Result<String, Unspeakable> {
    let (negative, whole, cents) = parts(amount).ok_or(Unspeakable(amount))?;
    let text = match locale {
        Locale::Ru => {
            let minus = if negative { "минус " } else { "" };
            match currency_ru(currency) {
                Some((unit, sub)) => format!(
                    "{minus}{} {} {cents:02} {}",
                    number_ru(whole, unit.gender),
                    unit.pick(whole),
                    sub.pick(cents)
                ),
                None => format!(
                    "{minus}{} {currency} {cents:02}",
                    number_ru(whole, Gender::Masculine)
                ),
            }
        }
        Locale::En => {
            let minus = if negative { "minus " } else { "" };
            match currency_en(currency) {
                Some(((one, many), (sub_one, sub_many))) => format!(
                    "{minus}{} {} {cents:02} {}",
                    number_en(whole),
                    if whole == 1 { one } else { many },
                    if cents == 1 { sub_one } else { sub_many }
                ),
                None => format!("{minus}{} {currency} {cents:02}", number_en(whole)),
            }
        }
    };
    Ok(capitalise(&text))
}

/// The Russian plural form for `n`: `one` (1, 21), `few` (2–4, 22–24), `many` (5–20, 25…).
pub fn plural_ru<'a>(n: i64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let n = n.unsigned_abs();
    match (n % 10, n % 100) {
        (1, r) if r != 11 => one,
        (2..=4, r) if !(12..=14).contains(&r) => few,
        _ => many,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    /// `amount`, which must have words for the sum.
    fn say(locale: Locale, sum: Money, currency: &str) -> String {
        amount(locale, sum, currency).expect("a sum with words")
    }

    fn m(s: &str) -> Money {
        Money(Decimal::from_str(s).expect("test decimal"))
    }

    #[test]
    fn russian_sums_as_invoices_write_them() {
        let cases = [
            ("150000", "Сто пятьдесят тысяч рублей 00 копеек"),
            ("150000.00", "Сто пятьдесят тысяч рублей 00 копеек"),
            ("0", "Ноль рублей 00 копеек"),
            ("0.01", "Ноль рублей 01 копейка"),
            ("0.02", "Ноль рублей 02 копейки"),
            ("0.11", "Ноль рублей 11 копеек"),
            ("0.21", "Ноль рублей 21 копейка"),
            ("1", "Один рубль 00 копеек"),
            ("2", "Два рубля 00 копеек"),
            ("5", "Пять рублей 00 копеек"),
            ("11", "Одиннадцать рублей 00 копеек"),
            ("12", "Двенадцать рублей 00 копеек"),
            ("14", "Четырнадцать рублей 00 копеек"),
            ("21", "Двадцать один рубль 00 копеек"),
            ("22.50", "Двадцать два рубля 50 копеек"),
            ("111", "Сто одиннадцать рублей 00 копеек"),
            ("1000", "Одна тысяча рублей 00 копеек"),
            ("2000", "Две тысячи рублей 00 копеек"),
            ("5000", "Пять тысяч рублей 00 копеек"),
            ("11000", "Одиннадцать тысяч рублей 00 копеек"),
            ("21000", "Двадцать одна тысяча рублей 00 копеек"),
            ("22000", "Двадцать две тысячи рублей 00 копеек"),
            ("101000", "Сто одна тысяча рублей 00 копеек"),
            ("112000", "Сто двенадцать тысяч рублей 00 копеек"),
            ("1001", "Одна тысяча один рубль 00 копеек"),
            ("2002", "Две тысячи два рубля 00 копеек"),
            ("305000.00", "Триста пять тысяч рублей 00 копеек"),
            ("1000000", "Один миллион рублей 00 копеек"),
            ("2000000", "Два миллиона рублей 00 копеек"),
            (
                "1234567.89",
                "Один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь рублей 89 копеек",
            ),
            ("1000001000", "Один миллиард одна тысяча рублей 00 копеек"),
            (
                "999999999999999.99",
                "Девятьсот девяносто девять триллионов девятьсот девяносто девять миллиардов \
                 девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч \
                 девятьсот девяносто девять рублей 99 копеек",
            ),
            ("-20.05", "Минус двадцать рублей 05 копеек"),
        ];
        for (sum, words) in cases {
            assert_eq!(say(Locale::Ru, m(sum), "RUB"), words, "{sum}");
        }
    }

    #[test]
    fn russian_other_currencies() {
        assert_eq!(say(Locale::Ru, m("1"), "USD"), "Один доллар США 00 центов");
        assert_eq!(say(Locale::Ru, m("3.01"), "USD"), "Три доллара США 01 цент");
        assert_eq!(
            say(Locale::Ru, m("21000.22"), "EUR"),
            "Двадцать одна тысяча евро 22 цента"
        );
        assert_eq!(say(Locale::Ru, m("12.5"), "CNY"), "Двенадцать CNY 50");
    }

    #[test]
    fn english_sums() {
        let cases = [
            ("150000", "One hundred fifty thousand rubles 00 kopecks"),
            ("1", "One ruble 00 kopecks"),
            ("0.01", "Zero rubles 01 kopeck"),
            ("21.21", "Twenty-one rubles 21 kopecks"),
            ("1000000", "One million rubles 00 kopecks"),
            ("1001", "One thousand one rubles 00 kopecks"),
            ("115", "One hundred fifteen rubles 00 kopecks"),
            (
                "1234567.89",
                "One million two hundred thirty-four thousand five hundred sixty-seven rubles 89 kopecks",
            ),
        ];
        for (sum, words) in cases {
            assert_eq!(say(Locale::En, m(sum), "RUB"), words, "{sum}");
        }
        assert_eq!(say(Locale::En, m("1.01"), "USD"), "One dollar 01 cent");
        assert_eq!(say(Locale::En, m("7"), "EUR"), "Seven euros 00 cents");
        assert_eq!(say(Locale::En, m("7"), "CNY"), "Seven CNY 00");
    }

    #[test]
    fn sums_are_rounded_to_kopecks_first() {
        // Half a kopeck rounds away from zero, as every invoice amount does.
        assert_eq!(say(Locale::Ru, m("0.005"), "RUB"), "Ноль рублей 01 копейка");
        assert_eq!(
            say(Locale::Ru, m("9.999"), "RUB"),
            "Десять рублей 00 копеек"
        );
    }

    #[test]
    fn a_sum_beyond_the_largest_whole_part_is_an_error() {
        let most = Money(Decimal::from(u64::MAX) + Decimal::new(99, 2));
        assert!(say(Locale::Ru, most, "RUB").starts_with("Восемнадцать квинтиллионов"));
        let beyond = Money(Decimal::from(u64::MAX) + Decimal::ONE);
        for locale in [Locale::Ru, Locale::En] {
            let err = amount(locale, beyond, "RUB").expect_err("no words");
            assert_eq!(
                err.to_string(),
                "18446744073709551616.00 is too large to write in words (the most is \
                 18446744073709551615.99)"
            );
        }
        // Rounding to kopecks may carry into the whole part: 18446744073709551615.995.
        let carried = Money(Decimal::from(u64::MAX) + Decimal::new(995, 3));
        assert!(amount(Locale::En, carried, "RUB").is_err());
    }

    #[test]
    fn the_largest_whole_part() {
        assert_eq!(
            number_ru(u64::MAX, Gender::Masculine),
            "восемнадцать квинтиллионов четыреста сорок шесть квадриллионов семьсот сорок \
             четыре триллиона семьдесят три миллиарда семьсот девять миллионов пятьсот \
             пятьдесят одна тысяча шестьсот пятнадцать"
        );
        assert_eq!(
            number_en(u64::MAX),
            "eighteen quintillion four hundred forty-six quadrillion seven hundred \
             forty-four trillion seventy-three billion seven hundred nine million five \
             hundred fifty-one thousand six hundred fifteen"
        );
    }

    /// An independent reading of English number words back into a number.
    fn parse_en(words: &str) -> Option<u64> {
        let value = |w: &str| -> Option<u64> {
            let ones = ONES_EN.iter().position(|x| *x == w && !w.is_empty());
            let tens = TENS_EN.iter().position(|x| *x == w && !w.is_empty());
            ones.map(|i| i as u64).or(tens.map(|i| i as u64 * 10))
        };
        if words == "zero" {
            return Some(0);
        }
        let (mut total, mut group) = (0u64, 0u64);
        for w in words.split(' ') {
            if w == "hundred" {
                group = group.checked_mul(100)?;
            } else if let Some(p) = SCALES_EN.iter().position(|s| *s == w) {
                total = total.checked_add(group.checked_mul(1000u64.pow(p as u32 + 1))?)?;
                group = 0;
            } else if let Some((t, u)) = w.split_once('-') {
                group += value(t)? + value(u)?;
            } else {
                group += value(w)?;
            }
        }
        total.checked_add(group)
    }

    proptest::proptest! {
        #[test]
        fn russian_numbers_agree_with_an_independent_speller(n in 1u64..=999_999_999_999_999) {
            // The `russian_numbers` crate spells bare numbers in the masculine (as
            // рубль needs), with feminine thousands.
            use russian_numbers::NumeralName;
            let oracle = n.numeral_name().join(" ");
            proptest::prop_assert_eq!(number_ru(n, Gender::Masculine), oracle);
        }

        #[test]
        fn english_numbers_read_back(n in proptest::prelude::any::<u64>()) {
            proptest::prop_assert_eq!(parse_en(&number_en(n)), Some(n));
        }

        #[test]
        fn the_ruble_form_follows_the_last_two_digits(n in 0u64..=999_999_999_999_999, k in 0u64..100) {
            let sum = Money(Decimal::from(n) + Decimal::new(k as i64, 2));
            let text = say(Locale::Ru, sum, "RUB");
            let unit = match (n % 10, n % 100) {
                (1, r) if r != 11 => "рубль",
                (2..=4, r) if !(12..=14).contains(&r) => "рубля",
                _ => "рублей",
            };
            let sub = match (k % 10, k) {
                (1, r) if r != 11 => "копейка",
                (2..=4, r) if !(12..=14).contains(&r) => "копейки",
                _ => "копеек",
            };
            let tail = format!(" {unit} {k:02} {sub}");
            proptest::prop_assert!(text.ends_with(&tail), "{} / {}", text, tail);
            // Feminine one and two only before тысяча/тысячи (and the kopecks, which
            // are digits): a masculine unit never reads "одна рубль".
            proptest::prop_assert!(!text.contains("одна рубл") && !text.contains("две рубл"));
        }
    }
}
