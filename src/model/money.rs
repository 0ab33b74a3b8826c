//! Money and VAT rates: exact decimals, never floating point.
//!
//! A sum is written in a book as a number or a quoted string with at most two decimal
//! places (`125000.50`, `"125000.50"`); it is read from its text, so no binary
//! fraction ever touches it.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::model::locale::Locale;
use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};

/// An amount of money in the book's (or a contract's) currency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// The amount in minor units (kopecks, cents) as an exact integer: `125000.50` →
    /// `12500050`. `None` when it has a fraction of a minor unit or does not fit.
    pub fn minor_units(self) -> Option<i64> {
        use rust_decimal::prelude::ToPrimitive;
        let minor = self.0.checked_mul(Decimal::ONE_HUNDRED)?;
        if minor.fract().is_zero() {
            minor.to_i64()
        } else {
            None
        }
    }
}

/// Reads `[-]digits[.fraction]` with at most `places` fraction digits: what a person
/// writes for an amount. Exponents, commas and spaces are refused.
fn parse_decimal(s: &str, places: usize) -> Option<Decimal> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (whole, frac) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let whole_ok =
        !whole.is_empty() && whole.len() <= 15 && whole.bytes().all(|b| b.is_ascii_digit());
    let frac_ok = frac
        .is_none_or(|f| (1..=places).contains(&f.len()) && f.bytes().all(|b| b.is_ascii_digit()));
    if whole_ok && frac_ok {
        Decimal::from_str(s).ok()
    } else {
        None
    }
}

impl FromStr for Money {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        parse_decimal(s, 2).map(Money).ok_or_else(|| {
            format!(
                "`{s}` is not a sum of money: write a decimal with at most 2 places, like 125000.50"
            )
        })
    }
}

/// A quantity on an invoice or estimate line: hours, pieces, months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quantity(pub Decimal);

impl Quantity {
    pub fn one() -> Self {
        Quantity(Decimal::ONE)
    }
}

impl FromStr for Quantity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        parse_decimal(s, 3)
            .filter(|d| !d.is_sign_negative())
            .map(Quantity)
            .ok_or_else(|| format!("`{s}` is not a quantity: write a number like 1, 2.5 or 0.125"))
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl Money {
    /// "1 250 000,00 ₽" / "RUB 1,250,000.00": the amount with two decimals, grouped in
    /// thousands (a no-break space in Russian), in `currency` (an ISO 4217 code).
    pub fn in_locale(self, locale: Locale, currency: &str) -> String {
        let text = format!("{:.2}", self.0.abs());
        let (whole, frac) = text.split_once('.').unwrap_or((text.as_str(), "00"));
        let minus = if self.0 < Decimal::ZERO { "−" } else { "" };
        match locale {
            Locale::Ru => {
                let unit = match currency {
                    "RUB" => "₽",
                    other => other,
                };
                format!("{minus}{},{frac}\u{a0}{unit}", group(whole, "\u{a0}"))
            }
            Locale::En => format!("{minus}{currency}\u{a0}{}.{frac}", group(whole, ",")),
        }
    }
}

/// Groups the digits of a whole number by thousands with `sep`.
fn group(digits: &str, sep: &str) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Money {
    /// Always two decimal places: `125000.50`, `1500.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

/// Reads a value from its text with `FromStr`, naming `expecting` on failure.
macro_rules! deserialize_from_text {
    ($ty:ty, $expecting:literal) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, s: &str) -> Result<$ty, E> {
                        s.parse()
                            .map_err(|_| E::invalid_value(Unexpected::Str(s), &self))
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
    ($ty:ident, $expecting:literal, decimal) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, s: &str) -> Result<$ty, E> {
                        s.parse()
                            .map_err(|_| E::invalid_value(Unexpected::Str(s), &self))
                    }
                }
                if d.is_human_readable() {
                    d.deserialize_str(V)
                } else {
                    decimal_from_parts(d).map($ty)
                }
            }
        }
    };
}

/// Writes a decimal value as its exact text (`125000.50`) in human-readable formats,
/// and as mantissa and scale in binary ones (the parse cache).
macro_rules! serialize_decimal {
    ($ty:ident) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                if s.is_human_readable() {
                    s.collect_str(&self.0)
                } else {
                    serde::Serialize::serialize(&(self.0.mantissa(), self.0.scale()), s)
                }
            }
        }
    };
}

serialize_decimal!(Money);
serialize_decimal!(Quantity);

impl serde::Serialize for Vat {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Reads the binary form [`serialize_decimal`] writes.
fn decimal_from_parts<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    let (mantissa, scale): (i128, u32) = Deserialize::deserialize(d)?;
    Decimal::try_from_i128_with_scale(mantissa, scale).map_err(de::Error::custom)
}

deserialize_from_text!(
    Money,
    "a sum of money with at most 2 decimal places, like 125000.50",
    decimal
);
deserialize_from_text!(Quantity, "a quantity like 1, 2.5 or 0.125", decimal);
deserialize_from_text!(Vat, "a VAT rate like 22, or `none`");

/// A VAT rate: a percentage, or `none` (no VAT, e.g. the simplified tax system).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vat {
    None,
    Rate(Decimal),
}

impl FromStr for Vat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        if s == "none" {
            return Ok(Vat::None);
        }
        parse_decimal(s, 2)
            .filter(|r| !r.is_sign_negative() && *r <= Decimal::ONE_HUNDRED)
            .map(Vat::Rate)
            .ok_or_else(|| {
                format!("`{s}` is not a VAT rate: write a percentage like 22, or `none`")
            })
    }
}

impl fmt::Display for Vat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Vat::None => f.write_str("none"),
            Vat::Rate(r) => write!(f, "{}", r.normalize()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(s: &str) -> Result<Money, String> {
        s.parse()
    }

    #[test]
    fn minor_units_are_exact_kopecks() {
        let m = |s: &str| money(s).expect("money");
        assert_eq!(m("125000.50").minor_units(), Some(12_500_050));
        assert_eq!(m("0.01").minor_units(), Some(1));
        assert_eq!(m("-36000").minor_units(), Some(-3_600_000));
        assert_eq!(m("0").minor_units(), Some(0));
        assert_eq!(
            m("999999999999999.99").minor_units(),
            Some(99_999_999_999_999_999)
        );
        assert_eq!(
            Money(Decimal::new(1, 3)).minor_units(),
            None,
            "a tenth of a kopeck"
        );
    }

    #[test]
    fn money_reads_the_exact_decimal() {
        assert_eq!(
            money("125000.50").map(|m| m.to_string()),
            Ok("125000.50".into())
        );
        assert_eq!(money("0.1").map(|m| m.0), Ok(Decimal::new(1, 1)));
        assert_eq!(money("1500").map(|m| m.to_string()), Ok("1500.00".into()));
        assert_eq!(money("-20.05").map(|m| m.0), Ok(Decimal::new(-2005, 2)));
    }

    #[test]
    fn money_refuses_what_is_not_a_sum() {
        for bad in [
            "", "1.234", "1,5", "1e3", ".5", "5.", "12 000", "abc", "--1", "1.2.3", "0x10",
        ] {
            assert!(money(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(
            money("1234567890123456").is_err(),
            "16 digits is beyond any invoice"
        );
    }

    #[test]
    fn quantities_allow_three_places_and_no_sign() {
        assert_eq!(
            "0.125".parse::<Quantity>(),
            Ok(Quantity(Decimal::new(125, 3)))
        );
        assert_eq!(
            "2.50".parse::<Quantity>().map(|q| q.to_string()),
            Ok("2.5".into())
        );
        assert!("-1".parse::<Quantity>().is_err());
        assert!("0.1255".parse::<Quantity>().is_err());
    }

    #[test]
    fn vat_reads_rates_and_none() {
        assert_eq!("22".parse::<Vat>(), Ok(Vat::Rate(Decimal::new(22, 0))));
        assert_eq!("0".parse::<Vat>(), Ok(Vat::Rate(Decimal::ZERO)));
        assert_eq!("none".parse::<Vat>(), Ok(Vat::None));
        assert!("101".parse::<Vat>().is_err());
        assert!("-5".parse::<Vat>().is_err());
        assert!("NONE".parse::<Vat>().is_err());
        assert_eq!("22".parse::<Vat>().map(|v| v.to_string()), Ok("22".into()));
    }
}

#[cfg(test)]
mod proptests {
    use proptest::prelude::*;

    use super::*;

    /// How a person writes a sum: `[-]digits[.d or .dd]`, up to 15 whole digits.
    fn money_text() -> impl Strategy<Value = String> {
        (
            any::<bool>(),
            "[0-9]{1,15}",
            proptest::option::of("[0-9]{1,2}"),
        )
            .prop_map(|(negative, whole, fraction)| {
                let sign = if negative { "-" } else { "" };
                match fraction {
                    Some(f) => format!("{sign}{whole}.{f}"),
                    None => format!("{sign}{whole}"),
                }
            })
    }

    /// Any sum with at most two decimal places: kopecks, under 10^15 roubles.
    fn money() -> impl Strategy<Value = Money> {
        (-99_999_999_999_999_999i64..=99_999_999_999_999_999)
            .prop_map(|kopecks| Money(Decimal::new(kopecks, 2)))
    }

    proptest! {
        #[test]
        fn a_sum_reads_back_from_its_display(m in money()) {
            let shown = m.to_string();
            let (_, fraction) = shown.split_once('.').expect("two places");
            prop_assert_eq!(fraction.len(), 2, "{}", shown);
            prop_assert_eq!(shown.parse::<Money>(), Ok(m));
        }

        #[test]
        fn written_sums_read_exactly_and_display_with_two_places(text in money_text()) {
            let m: Money = text.parse().map_err(TestCaseError::fail)?;
            prop_assert_eq!(m.0, text.parse::<Decimal>().expect("a decimal"));
            let shown = m.to_string();
            prop_assert_eq!(shown.parse::<Money>(), Ok(m));
            prop_assert_eq!(shown.split_once('.').map(|(_, f)| f.len()), Some(2));
        }

        #[test]
        fn a_third_decimal_place_or_a_stray_character_is_refused(
            whole in "[0-9]{1,15}",
            fraction in "[0-9]{3,6}",
            junk in "[ ,_eE+a-z₽]",
            at in 0usize..16,
        ) {
            let three_places = format!("{whole}.{fraction}");
            prop_assert!(three_places.parse::<Money>().is_err());
            let mut spoiled = whole.clone();
            spoiled.insert_str(at.min(whole.len()), &junk);
            prop_assert!(spoiled.parse::<Money>().is_err(), "{:?}", spoiled);
        }

        #[test]
        fn sums_survive_json_and_the_binary_cache(m in money()) {
            let json = serde_json::to_string(&m).expect("to JSON");
            prop_assert_eq!(serde_json::from_str::<Money>(&json).expect("from JSON"), m);
            let bytes = postcard::to_stdvec(&m).expect("to postcard");
            let back: Money = postcard::from_bytes(&bytes).expect("from postcard");
            prop_assert_eq!(back, m);
            prop_assert_eq!(back.0.scale(), m.0.scale());
        }

        #[test]
        fn a_quantity_reads_back_from_its_display(thousandths in 0i64..=999_999_999_999_999_999) {
            let q = Quantity(Decimal::new(thousandths, 3));
            let shown = q.to_string();
            prop_assert!(shown.split_once('.').is_none_or(|(_, f)| !f.is_empty() && f.len() <= 3 && !f.ends_with('0')), "{}", shown);
            prop_assert_eq!(shown.parse::<Quantity>(), Ok(q));
        }

        #[test]
        fn written_quantities_read_exactly_and_never_negative(
            whole in "[0-9]{1,15}",
            fraction in proptest::option::of("[0-9]{1,3}"),
        ) {
            let text = match &fraction {
                Some(f) => format!("{whole}.{f}"),
                None => whole.clone(),
            };
            let q: Quantity = text.parse().map_err(TestCaseError::fail)?;
            prop_assert_eq!(q.0, text.parse::<Decimal>().expect("a decimal"));
            prop_assert_eq!(q.to_string().parse::<Quantity>(), Ok(q));
            let negative = format!("-{text}");
            prop_assert!(negative.parse::<Quantity>().is_err() || q.0.is_zero());
            let four_more = format!("{text}1111");
            prop_assert!(four_more.parse::<Quantity>().is_err() || fraction.is_none());
        }

        #[test]
        fn a_vat_rate_reads_back_from_its_display(hundredths in 0i64..=10_000) {
            let v = Vat::Rate(Decimal::new(hundredths, 2));
            prop_assert_eq!(v.to_string().parse::<Vat>(), Ok(v));
            let over = Decimal::new(10_001 + hundredths, 2);
            prop_assert!(over.to_string().parse::<Vat>().is_err());
        }
    }
}
