//! A project's money, in one place: the estimate's total, the costs, the share of the
//! budget spent, and the red/amber/green status that rule D07 and `rapport budget`
//! both judge by, so that the report and the audit never disagree.
//!
//! - An estimate line is `qty × price`, rounded to kopecks by the same code as invoice
//!   lines (`model::amount::line_amount`); the estimate is the sum of its rounded lines. As on an
//!   invoice, a line or a sum that would be more than a sum of money
//!   (`model::amount::MAX_AMOUNT`) is an error naming the line, never a saturated
//!   figure; the loader refuses such an estimate (E02).
//! - The costs are every `costs` amount, whatever its date: a cost recorded ahead is
//!   money committed.
//! - Red: the costs exceed the budget. Amber: they exceed `warn_percent` of it (more
//!   than, not equal). Green otherwise.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::Project;
use crate::model::amount::TooLarge;
use crate::model::money::Money;

/// The estimate's total: the sum of its rounded lines; an error names the line, or
/// the sum, that does not fit in a sum of money.
pub fn estimate_total(project: &Project) -> Result<Money, TooLarge> {
    crate::model::amount::lines_sum(&project.estimate)
}

/// Every recorded cost, summed.
pub fn costs_total(project: &Project) -> Money {
    Money(
        project
            .costs
            .iter()
            .fold(Decimal::ZERO, |acc, c| acc.saturating_add(c.amount.0)),
    )
}

/// `part` as a percentage of `whole`, to one decimal place (halves away from zero),
/// without trailing zeros: 91, 90.4, 33.3. `None` when `whole` is zero.
pub fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    let ratio = part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)?;
    Some(
        ratio
            .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
            .normalize(),
    )
}

/// How a project stands against its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rag {
    Green,
    Amber,
    Red,
}

impl Rag {
    pub fn as_str(self) -> &'static str {
        match self {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
        }
    }
}

/// The status of `spent` against `budget`: red over the budget, amber over
/// `warn_percent` percent of it, green otherwise (D07's rule).
pub fn rag(spent: Money, budget: Money, warn_percent: u32) -> Rag {
    let warn_at = budget.0.saturating_mul(Decimal::from(warn_percent)) / Decimal::ONE_HUNDRED;
    if spent.0 > budget.0 {
        Rag::Red
    } else if spent.0 > warn_at {
        Rag::Amber
    } else {
        Rag::Green
    }
}

/// A project's money as `rapport budget` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    /// `None` when the project has no estimate lines.
    pub estimate: Option<Money>,
    pub budget: Option<Money>,
    pub costs: Money,
    /// The budget less the costs.
    pub remaining: Option<Money>,
    /// The costs as a percentage of the budget ([`percent`]).
    pub used_percent: Option<Decimal>,
    pub status: Option<Rag>,
}

/// The [`Figures`] of `project`, its status judged by `warn_percent` ([`rag`]).
pub fn figures(project: &Project, warn_percent: u32) -> Figures {
    let costs = costs_total(project);
    let budget = project.budget;
    Figures {
        // An estimate that does not fit in a sum of money does not load (E02).
        estimate: (!project.estimate.is_empty())
            .then(|| estimate_total(project).ok())
            .flatten(),
        budget,
        costs,
        remaining: budget.map(|b| Money(b.0.saturating_sub(costs.0))),
        used_percent: budget.and_then(|b| percent(costs.0, b.0)),
        status: budget.map(|b| rag(costs, b, warn_percent)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn m(s: &str) -> Money {
        Money(Decimal::from_str(s).expect("test decimal"))
    }

    fn project(extra: &str) -> Project {
        let mut findings = Vec::new();
        crate::book::parse_entity::<Project>("p.yaml", &format!("title: P\n{extra}"), &mut findings)
            .unwrap_or_else(|| panic!("test project: {findings:?}"))
    }

    #[test]
    fn the_estimate_sums_rounded_lines() {
        let p = project(
            "estimate:\n  - {item: a, qty: 30, price: 6000}\n  - {item: b, qty: 0.5, price: 0.05}\n  - {item: c, price: 100}\n",
        );
        // 180000 + 0.025 → 0.03 + 100
        assert_eq!(estimate_total(&p), Ok(m("180100.03")));
        assert_eq!(estimate_total(&project("")), Ok(Money::ZERO));
    }

    #[test]
    fn an_estimate_that_does_not_fit_is_an_error_naming_the_line() {
        let mut p = project("estimate:\n  - {item: a, price: 1}\n  - {item: b, price: 1}\n");
        p.estimate[1].qty = crate::model::money::Quantity(Decimal::from(999_999_999_999_999_i64));
        p.estimate[1].price = m("999999999999999.99");
        assert_eq!(
            estimate_total(&p).map_err(|e| e.what),
            Err("line 2 (`b`: 999999999999999 × 999999999999999.99)".to_owned())
        );
        p.estimate[1].qty = crate::model::money::Quantity(Decimal::ONE);
        p.estimate[0].price = m("999999999999999.99");
        assert_eq!(
            estimate_total(&p).map_err(|e| e.what),
            Err("the sum of the lines".to_owned())
        );
    }

    #[test]
    fn costs_count_whatever_their_date() {
        let p = project(
            "costs:\n  - {date: 2026-11-01, amount: 100.50}\n  - {date: 2030-01-01, amount: 50}\n",
        );
        assert_eq!(costs_total(&p), m("150.50"));
    }

    #[test]
    fn red_amber_green_by_the_threshold() {
        assert_eq!(rag(m("90"), m("100"), 90), Rag::Green, "equal to the mark");
        assert_eq!(rag(m("90.01"), m("100"), 90), Rag::Amber);
        assert_eq!(
            rag(m("100"), m("100"), 90),
            Rag::Amber,
            "all of it, not over"
        );
        assert_eq!(rag(m("100.01"), m("100"), 90), Rag::Red);
        assert_eq!(
            rag(m("0"), m("0"), 90),
            Rag::Green,
            "nothing spent of nothing"
        );
        assert_eq!(rag(m("1"), m("0"), 90), Rag::Red);
        assert_eq!(rag(m("100"), m("100"), 100), Rag::Green);
    }

    #[test]
    fn percentages_to_one_place() {
        let d = |n: i64| Decimal::from(n);
        let p = |a, b| percent(d(a), d(b)).map(|x| x.to_string());
        assert_eq!(p(91, 100), Some("91".into()));
        assert_eq!(p(904, 1000), Some("90.4".into()));
        assert_eq!(p(2, 3), Some("66.7".into()));
        assert_eq!(p(9005, 10000), Some("90.1".into()), "half away from zero");
        assert_eq!(p(1, 0), None);
    }
}
