//! Invoice arithmetic, in one place: line amounts, VAT, totals, what was paid and what
//! is still owed, and when an invoice falls due.
//!
//! - A line is `qty × price`, rounded to kopecks (two places), halves away from zero
//!   (as accountants round, not as bankers): 0.5 × 0.05 = 0.025 → 0.03.
//! - The invoice's sum is the sum of its rounded lines.
//! - The VAT rate is the invoice's `vat`, else the contract's, else the book's (22 by
//!   default); `none` (and a rate of 0) means no VAT.
//! - With `prices_include_vat` (the invoice's, else the book's, `true` by default) the
//!   sum is the gross total and the VAT is shown "in that number":
//!   `gross × rate / (100 + rate)`, rounded to kopecks; net = gross − VAT.
//! - With net prices, the sum is the net total and VAT = `net × rate / 100`, rounded to
//!   kopecks, is added on top: gross = net + VAT.
//!
//! Amounts are exact decimals. Arithmetic saturates instead of overflowing: an
//! invoice whose figures exceed about 7.9 × 10²⁸ is absurd, never a reason to crash.

use chrono::{Days, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::invoice::Line;
use crate::model::{Contract, Invoice, Settings};
use crate::money::{Money, Vat};

/// What an invoice asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    /// Without VAT.
    pub net: Money,
    /// The VAT in it (zero without VAT).
    pub vat: Money,
    /// What the client pays: net + VAT.
    pub gross: Money,
}

/// Rounds to kopecks, halves away from zero.
pub fn kopecks(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// One line's amount: `qty × price`, rounded to kopecks.
pub fn line_amount(line: &Line) -> Money {
    Money(kopecks(line.qty.0.saturating_mul(line.price.0)))
}

/// The VAT rate that applies to `invoice`: its own, else the contract's, else the
/// book's (22 when there are no settings).
pub fn vat_rate(
    invoice: &Invoice,
    contract: Option<&Contract>,
    settings: Option<&Settings>,
) -> Vat {
    invoice
        .vat
        .or_else(|| contract.and_then(|c| c.vat))
        .or_else(|| settings.map(|s| s.vat))
        .unwrap_or(Vat::Rate(Decimal::from(22)))
}

/// Do `invoice`'s line prices include VAT? Its own flag, else the book's (`true`).
pub fn prices_include_vat(invoice: &Invoice, settings: Option<&Settings>) -> bool {
    invoice
        .prices_include_vat
        .or_else(|| settings.map(|s| s.invoice.prices_include_vat))
        .unwrap_or(true)
}

/// The net, VAT and gross of a sum of lines at `rate`, with prices gross or net.
pub fn split(sum: Money, rate: Vat, include_vat: bool) -> Totals {
    let rate = match rate {
        Vat::Rate(r) if !r.is_zero() => r,
        _ => {
            return Totals {
                net: sum,
                vat: Money::ZERO,
                gross: sum,
            };
        }
    };
    let hundred = Decimal::ONE_HUNDRED;
    if include_vat {
        let vat = kopecks(
            sum.0
                .saturating_mul(rate)
                .checked_div(hundred + rate)
                .unwrap_or(Decimal::ZERO),
        );
        Totals {
            net: Money(sum.0.saturating_sub(vat)),
            vat: Money(vat),
            gross: sum,
        }
    } else {
        let vat = kopecks(sum.0.saturating_mul(rate) / hundred);
        Totals {
            net: sum,
            vat: Money(vat),
            gross: Money(sum.0.saturating_add(vat)),
        }
    }
}

/// The totals of `invoice`, under `contract` (for its VAT rate) and the book's
/// `settings` (VAT rate and whether prices include VAT).
pub fn totals(
    invoice: &Invoice,
    contract: Option<&Contract>,
    settings: Option<&Settings>,
) -> Totals {
    let sum = invoice
        .lines
        .iter()
        .fold(Decimal::ZERO, |acc, l| acc.saturating_add(line_amount(l).0));
    split(
        Money(sum),
        vat_rate(invoice, contract, settings),
        prices_include_vat(invoice, settings),
    )
}

/// What was paid against `invoice` on or before `as_of` (a payment dated later is
/// not money received yet).
pub fn paid(invoice: &Invoice, as_of: NaiveDate) -> Money {
    Money(
        invoice
            .payments
            .iter()
            .filter(|p| p.date.0 <= as_of)
            .fold(Decimal::ZERO, |acc, p| acc.saturating_add(p.amount.0)),
    )
}

/// What is still owed on `invoice` as of `as_of`: the gross total less what was
/// paid by then. Negative when the invoice is overpaid.
pub fn remainder(
    invoice: &Invoice,
    contract: Option<&Contract>,
    settings: Option<&Settings>,
    as_of: NaiveDate,
) -> Money {
    let gross = totals(invoice, contract, settings).gross;
    Money(gross.0.saturating_sub(paid(invoice, as_of).0))
}

/// The last day to pay `invoice`: its `due`, else its `date` plus the book's
/// `invoice.payment_days` (5 by default) in calendar days. The second value says
/// whether the date was computed rather than written.
pub fn due_date(invoice: &Invoice, settings: Option<&Settings>) -> (NaiveDate, bool) {
    if let Some(due) = invoice.due {
        return (due.0, false);
    }
    let days = settings.map_or(5, |s| s.invoice.payment_days);
    let date = invoice.date.0;
    (
        date.checked_add_days(Days::new(u64::from(days)))
            .unwrap_or(date),
        true,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    fn money(s: &str) -> Money {
        Money(dec(s))
    }

    fn parse<T: serde::de::DeserializeOwned>(text: &str) -> T {
        let mut findings = Vec::new();
        crate::book::parse_entity::<T>("t.yaml", text, &mut findings)
            .unwrap_or_else(|| panic!("test entity: {findings:?}"))
    }

    fn invoice(extra: &str) -> Invoice {
        parse(&format!("number: 2026-0001\ndate: 2026-11-02\n{extra}"))
    }

    fn settings(extra: &str) -> Settings {
        parse(&format!("agency: {{name: Test}}\n{extra}"))
    }

    fn contract(extra: &str) -> Contract {
        parse(&format!(
            "number: '1'\nstart: 2026-01-01\nend: 2026-12-31\n{extra}"
        ))
    }

    fn t(net: &str, vat: &str, gross: &str) -> Totals {
        Totals {
            net: money(net),
            vat: money(vat),
            gross: money(gross),
        }
    }

    #[test]
    fn lines_are_rounded_to_kopecks_each_then_summed() {
        // 3 × 333.33 = 999.99 exactly; gross, VAT 22% in it.
        let i = invoice("lines: [{item: a, qty: 3, price: 333.33}]\n");
        assert_eq!(totals(&i, None, None).gross, money("999.99"));
        // 0.5 × 0.05 = 0.025 → 0.03 (half away from zero), twice → 0.06, not 0.05.
        let i = invoice(
            "lines: [{item: a, qty: 0.5, price: 0.05}, {item: b, qty: 0.5, price: 0.05}]\nvat: none\n",
        );
        assert_eq!(totals(&i, None, None), t("0.06", "0", "0.06"));
        // 0.125 × 0.10 = 0.0125 → 0.01; 1.5 × 0.01 = 0.015 → 0.02.
        let i = invoice(
            "lines: [{item: a, qty: 0.125, price: 0.10}, {item: b, qty: 1.5, price: 0.01}]\nvat: none\n",
        );
        assert_eq!(totals(&i, None, None).gross, money("0.03"));
        // A refund line rounds away from zero too: 0.5 × −0.05 = −0.025 → −0.03.
        let i = invoice(
            "lines: [{item: a, qty: 1, price: 1.00}, {item: b, qty: 0.5, price: -0.05}]\nvat: none\n",
        );
        assert_eq!(totals(&i, None, None).gross, money("0.97"));
        // qty defaults to 1.
        let i = invoice("lines: [{item: a, price: 1500}]\nvat: none\n");
        assert_eq!(totals(&i, None, None).gross, money("1500.00"));
    }

    #[test]
    fn vat_in_that_number() {
        let i = invoice("lines: [{item: a, price: 122000.00}]\n");
        assert_eq!(
            totals(&i, None, None),
            t("100000.00", "22000.00", "122000.00")
        );
        // 999.99 × 22 / 122 = 180.3260… → 180.33.
        let i = invoice("lines: [{item: a, qty: 3, price: 333.33}]\n");
        assert_eq!(totals(&i, None, None), t("819.66", "180.33", "999.99"));
        // 0.05 × 20 / 120 = 0.00833… → 0.01.
        let i = invoice("lines: [{item: a, price: 0.05}]\nvat: 20\n");
        assert_eq!(totals(&i, None, None), t("0.04", "0.01", "0.05"));
    }

    #[test]
    fn vat_on_top_of_net_prices() {
        let i = invoice("lines: [{item: a, price: 0.05}]\nvat: 20\nprices_include_vat: false\n");
        assert_eq!(totals(&i, None, None), t("0.05", "0.01", "0.06"));
        let i = invoice("lines: [{item: a, price: 100000}]\nprices_include_vat: false\n");
        assert_eq!(
            totals(&i, None, None),
            t("100000.00", "22000.00", "122000.00")
        );
        // 999.99 × 0.22 = 219.9978 → 220.00.
        let i = invoice("lines: [{item: a, qty: 3, price: 333.33}]\nprices_include_vat: false\n");
        assert_eq!(totals(&i, None, None), t("999.99", "220.00", "1219.99"));
        // 0.25 × 10% = 0.025 → 0.03.
        let i = invoice("lines: [{item: a, price: 0.25}]\nvat: 10\nprices_include_vat: false\n");
        assert_eq!(totals(&i, None, None), t("0.25", "0.03", "0.28"));
    }

    #[test]
    fn no_vat_with_none_or_zero() {
        for vat in ["none", "0"] {
            for include in ["true", "false"] {
                let i = invoice(&format!(
                    "lines: [{{item: a, price: 1000}}]\nvat: {vat}\nprices_include_vat: {include}\n"
                ));
                assert_eq!(
                    totals(&i, None, None),
                    t("1000", "0", "1000"),
                    "{vat} {include}"
                );
            }
        }
    }

    #[test]
    fn the_rate_comes_from_the_invoice_then_the_contract_then_the_book() {
        let s = settings("vat: 20\ninvoice: {prices_include_vat: false}\n");
        let c = contract("vat: 10\n");
        let plain = invoice("lines: [{item: a, price: 1000}]\n");
        assert_eq!(totals(&plain, None, Some(&s)).gross, money("1200.00"));
        assert_eq!(totals(&plain, Some(&c), Some(&s)).gross, money("1100.00"));
        let own = invoice("lines: [{item: a, price: 1000}]\nvat: none\n");
        assert_eq!(totals(&own, Some(&c), Some(&s)).gross, money("1000.00"));
        // The invoice's own flag wins over the book's.
        let gross = invoice("lines: [{item: a, price: 1100}]\nprices_include_vat: true\n");
        assert_eq!(
            totals(&gross, Some(&c), Some(&s)),
            t("1000.00", "100.00", "1100.00")
        );
        // Without settings: 22%, prices include VAT.
        assert_eq!(vat_rate(&plain, None, None), Vat::Rate(Decimal::from(22)));
        assert!(prices_include_vat(&plain, None));
    }

    #[test]
    fn paid_and_remainder_as_of_a_day() {
        let i = invoice(
            "lines: [{item: a, price: 120000}]\npayments:\n  - {date: 2026-11-05, amount: 50000}\n  - {date: 2026-11-20, amount: 20000.50}\n",
        );
        let d = |s| crate::model::time::parse_date(s).expect("test date");
        assert_eq!(paid(&i, d("2026-11-04")), Money::ZERO);
        assert_eq!(paid(&i, d("2026-11-05")), money("50000"));
        assert_eq!(paid(&i, d("2026-11-27")), money("70000.50"));
        assert_eq!(
            remainder(&i, None, None, d("2026-11-27")),
            money("49999.50")
        );
        let over = invoice(
            "lines: [{item: a, price: 100}]\npayments: [{date: 2026-11-03, amount: 150}]\n",
        );
        assert_eq!(remainder(&over, None, None, d("2026-11-27")), money("-50"));
    }

    #[test]
    fn due_is_written_or_date_plus_payment_days_in_calendar_days() {
        let d = |s| crate::model::time::parse_date(s).expect("test date");
        let i = invoice("lines: [{item: a, price: 1}]\n");
        assert_eq!(
            due_date(&i, None),
            (d("2026-11-07"), true),
            "Monday + 5 = Saturday"
        );
        let s = settings("invoice: {payment_days: 30}\n");
        assert_eq!(due_date(&i, Some(&s)), (d("2026-12-02"), true));
        let i = invoice("lines: [{item: a, price: 1}]\ndue: 2026-11-10\n");
        assert_eq!(due_date(&i, Some(&s)), (d("2026-11-10"), false));
    }

    #[test]
    fn absurd_figures_saturate_instead_of_panicking() {
        let i = invoice(
            "lines: [{item: a, qty: 999999999999999.999, price: 999999999999999.99}, {item: b, qty: 999999999999999.999, price: 999999999999999.99}]\nprices_include_vat: false\n",
        );
        let t = totals(&i, None, None);
        assert!(t.gross.0 > Decimal::ZERO);
    }
}
