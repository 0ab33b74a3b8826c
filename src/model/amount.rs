//! Line amounts and their sums: `qty × price` rounded to kopecks, halves away from
//! zero, each amount checked against the largest sum a book can write. It sits with
//! the model because the loader refuses an invoice or an estimate whose lines do not
//! fit (E02); the rest of invoice arithmetic (VAT, totals, payments, due dates) is
//! `domain::billing`'s.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::money::{Money, Quantity};
use crate::yaml::Refusal;

/// The largest sum of money: 999 999 999 999 999.99, the most a book can write (15
/// whole digits, 2 places).
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0x5D89_FFFF, 0x0163_4578, 0, false, 2);

/// An amount that would come to more than [`MAX_AMOUNT`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge {
    /// What does not fit: "line 2 (`Дизайн`: 3 × 75000.00)", "the sum of the lines".
    pub what: String,
    /// For a line: its number (from 1), item, quantity and price.
    pub line: Option<(usize, String, Quantity, Money)>,
}

impl TooLarge {
    /// Line `index` (from 0) of a list: its item, `qty` × `price`.
    pub fn line(index: usize, line: &impl Priced) -> Self {
        let (item, qty, price) = (line.item(), line.qty(), line.price());
        TooLarge {
            what: format!("line {} (`{item}`: {qty} × {price})", index + 1),
            line: Some((index + 1, item.to_owned(), qty, price)),
        }
    }

    pub fn of(what: &str) -> Self {
        TooLarge {
            what: what.to_owned(),
            line: None,
        }
    }

    /// The loader's refusal of lines that do not fit (E02), from [`lines_sum`]'s error:
    /// a line, or their sum.
    pub fn refusal(&self) -> Refusal {
        let max = ("max", Money(MAX_AMOUNT).to_string());
        let (what, facts) = match &self.line {
            Some((n, item, qty, price)) => (
                "line-too-large",
                vec![
                    ("n", n.to_string()),
                    ("item", item.clone()),
                    ("qty", qty.to_string()),
                    ("price", price.to_string()),
                    max,
                ],
            ),
            None => ("sum-too-large", vec![max]),
        };
        Refusal {
            what,
            facts,
            english: self.to_string(),
        }
    }
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} comes to more than the largest sum of money, {}",
            self.what,
            Money(MAX_AMOUNT)
        )
    }
}

impl std::error::Error for TooLarge {}

/// `d`, if it is a sum of money (at most [`MAX_AMOUNT`] either way).
pub fn fits(d: Option<Decimal>) -> Option<Decimal> {
    d.filter(|d| d.abs() <= MAX_AMOUNT)
}

/// Rounds to kopecks, halves away from zero.
pub fn kopecks(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// A line priced `qty × price`: an invoice's, or an estimate's (which are summed alike,
/// so that an estimate and the invoice made from it agree to the kopeck).
pub trait Priced {
    fn item(&self) -> &str;
    fn qty(&self) -> Quantity;
    fn price(&self) -> Money;
    /// The unit of the quantity, if written: шт., мес.
    fn unit(&self) -> Option<&str>;
    /// The catalogue service the line sells, if it names one (an estimate's line may).
    fn service(&self) -> Option<&str> {
        None
    }
}

/// One line's amount: `qty × price`, rounded to kopecks; `None` when it is more than a
/// sum of money.
pub fn line_amount(line: &impl Priced) -> Option<Money> {
    fits(line.qty().0.checked_mul(line.price().0).map(kopecks)).map(Money)
}

/// Each line's amount ([`line_amount`]); an error names the first line that does not
/// fit in a sum of money.
pub fn line_amounts(lines: &[impl Priced]) -> Result<Vec<Money>, TooLarge> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| line_amount(line).ok_or_else(|| TooLarge::line(i, line)))
        .collect()
}

/// The sum of `amounts` (of lines); an error when it does not fit in a sum of money.
pub fn sum_of(amounts: &[Money]) -> Result<Money, TooLarge> {
    amounts
        .iter()
        .try_fold(Decimal::ZERO, |sum, a| fits(sum.checked_add(a.0)))
        .map(Money)
        .ok_or_else(|| TooLarge::of("the sum of the lines"))
}

/// The sum of `lines`, each rounded to kopecks; an error names the first line, or the
/// sum, that does not fit in a sum of money.
pub fn lines_sum(lines: &[impl Priced]) -> Result<Money, TooLarge> {
    sum_of(&line_amounts(lines)?)
}
