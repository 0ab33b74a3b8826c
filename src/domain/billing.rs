//! Invoice arithmetic, in one place: line amounts, VAT, totals, what was paid and what
//! is still owed, when an invoice falls due, whether it is overdue and how old its
//! debt is (the aging buckets of `rapport invoices`).
//!
//! - A line is `qty × price`, rounded to kopecks (two places), halves away from zero
//!   (as accountants round, not as bankers): 0.5 × 0.05 = 0.025 → 0.03.
//! - The invoice's sum is the sum of its rounded lines.
//! - The VAT rate is the invoice's `vat`, else the contract's on the invoice's date
//!   (the caller passes the contract that sets it: a supplement in force may, see
//!   `book::vat_contract`), else the book's (22 by default); `none` (and a rate of 0)
//!   means no VAT.
//! - With `prices_include_vat` (the invoice's, else the book's, `true` by default) the
//!   sum is the gross total and the VAT is shown "in that number":
//!   `gross × rate / (100 + rate)`, rounded to kopecks; net = gross − VAT.
//! - With net prices, the sum is the net total and VAT = `net × rate / 100`, rounded to
//!   kopecks, is added on top: gross = net + VAT.
//!
//! Amounts are exact decimals, and every amount is a sum of money as a book can write
//! one: at most [`MAX_AMOUNT`] (15 whole digits). The arithmetic is checked: a line,
//! the sum of the lines or the total with VAT that would come to more is an error
//! ([`TooLarge`], naming the line), never a saturated or wrapped figure. The loader
//! refuses an invoice whose lines do not fit (E02), so what a book holds always adds up.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use crate::model::amount::{Priced, TooLarge, fits, kopecks, line_amounts, sum_of};
use crate::model::invoice::InvoiceStatus;
use crate::model::money::{Money, Vat};
use crate::model::{Contract, Invoice, Settings};

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

/// The VAT rate that applies to a document (an invoice, an estimate): its `own`, else
/// `contract`'s (the one `book::vat_contract` picks for the document's date), else the
/// book's (22 when there are no settings).
pub fn vat_rate(own: Option<Vat>, contract: Option<&Contract>, settings: Option<&Settings>) -> Vat {
    own.or_else(|| contract.and_then(|c| c.vat))
        .or_else(|| settings.map(|s| s.vat))
        .unwrap_or(Vat::Rate(Decimal::from(22)))
}

/// Do a document's line prices include VAT? Its `own` flag, else the book's (`true`).
pub fn prices_include_vat(own: Option<bool>, settings: Option<&Settings>) -> bool {
    own.or_else(|| settings.map(|s| s.invoice.prices_include_vat))
        .unwrap_or(true)
}

/// The net, VAT and gross of a sum of lines at `rate`, with prices gross or net;
/// `None` when the sum is more than a sum of money. (VAT on top of at most
/// [`MAX_AMOUNT`], at a rate of at most 100 %, is at most twice that: it fits.)
pub fn split(sum: Money, rate: Vat, include_vat: bool) -> Option<Totals> {
    let sum = Money(fits(Some(sum.0))?);
    let rate = match rate {
        Vat::Rate(r) if !r.is_zero() => r,
        _ => {
            return Some(Totals {
                net: sum,
                vat: Money::ZERO,
                gross: sum,
            });
        }
    };
    let hundred = Decimal::ONE_HUNDRED;
    let share = sum.0.checked_mul(rate)?;
    if include_vat {
        let vat = kopecks(share.checked_div(hundred.checked_add(rate)?)?);
        Some(Totals {
            net: Money(sum.0.checked_sub(vat)?),
            vat: Money(vat),
            gross: sum,
        })
    } else {
        let vat = kopecks(share.checked_div(hundred)?);
        Some(Totals {
            net: sum,
            vat: Money(vat),
            gross: Money(sum.0.checked_add(vat)?),
        })
    }
}

/// What a document's `lines` ask for at VAT `rate`, prices with VAT or without: each
/// line's amount ([`line_amounts`]) and the [`Totals`] of their sum ([`split`]) — the
/// one reckoning of an invoice, an estimate or an act. An error names the line, or the
/// figure, that would be more than a sum of money.
pub fn priced(
    lines: &[impl Priced],
    rate: Vat,
    include_vat: bool,
) -> Result<(Vec<Money>, Totals), TooLarge> {
    let amounts = line_amounts(lines)?;
    let totals = split(sum_of(&amounts)?, rate, include_vat)
        .ok_or_else(|| TooLarge::of("the total with VAT"))?;
    Ok((amounts, totals))
}

/// The totals of `invoice`, under `contract` (for its VAT rate) and the book's
/// `settings` (VAT rate and whether prices include VAT); an error names the line, or
/// the figure, that would be more than a sum of money.
pub fn totals(
    invoice: &Invoice,
    contract: Option<&Contract>,
    settings: Option<&Settings>,
) -> Result<Totals, TooLarge> {
    priced(
        &invoice.lines,
        vat_rate(invoice.vat, contract, settings),
        prices_include_vat(invoice.prices_include_vat, settings),
    )
    .map(|(_, totals)| totals)
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

/// What is still owed on `invoice`, of `gross` ([`totals`]), as of `as_of`: the
/// gross total less what was paid by then. Negative when the invoice is overpaid.
pub fn remainder(invoice: &Invoice, gross: Money, as_of: NaiveDate) -> Money {
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

/// How many days `invoice`, of `gross` ([`totals`]), is overdue on `today`, as rule
/// D04 counts them: an issued invoice (not a draft, not cancelled) whose due date
/// ([`due_date`]) is before `today` and on which something is still owed
/// ([`remainder`] above zero). `None` when it is not overdue. The invoice list and the
/// audit both ask this.
pub fn overdue_days(
    invoice: &Invoice,
    gross: Money,
    settings: Option<&Settings>,
    today: NaiveDate,
) -> Option<i64> {
    if invoice.status != InvoiceStatus::Issued {
        return None;
    }
    let (due, _) = due_date(invoice, settings);
    if due >= today || remainder(invoice, gross, today) <= Money::ZERO {
        return None;
    }
    Some((today - due).num_days())
}

/// Where an invoice stands on a day: the one answer `rapport invoices`, `show` and
/// the commands after them give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Prepared, not issued: nothing is owed yet.
    Draft,
    /// Issued, nothing paid, not yet due.
    Issued,
    /// Issued, paid in part, not yet due.
    PartlyPaid,
    /// Paid in full, to the kopeck.
    Paid,
    /// Paid more than it asks for: the client is owed the difference.
    Overpaid,
    /// Past its due date with money owed (see [`overdue_days`]); `part_paid` when
    /// something was paid against it.
    Overdue { days: i64, part_paid: bool },
    /// Withdrawn: nothing is owed.
    Cancelled,
}

impl Standing {
    /// The machine name, for JSON and CSV: `draft`, `issued`, `partly_paid`, `paid`,
    /// `overpaid`, `overdue`, `cancelled`.
    pub fn code(self) -> &'static str {
        match self {
            Standing::Draft => "draft",
            Standing::Issued => "issued",
            Standing::PartlyPaid => "partly_paid",
            Standing::Paid => "paid",
            Standing::Overpaid => "overpaid",
            Standing::Overdue { .. } => "overdue",
            Standing::Cancelled => "cancelled",
        }
    }

    /// How an issued invoice's payment stands, whether or not it is due: `unpaid`,
    /// `partly_paid`, `paid` or `overpaid`; `None` for a draft or a cancelled one.
    pub fn payment(self) -> Option<&'static str> {
        match self {
            Standing::Draft | Standing::Cancelled => None,
            Standing::Issued
            | Standing::Overdue {
                part_paid: false, ..
            } => Some("unpaid"),
            Standing::PartlyPaid
            | Standing::Overdue {
                part_paid: true, ..
            } => Some("partly_paid"),
            Standing::Paid => Some("paid"),
            Standing::Overpaid => Some("overpaid"),
        }
    }

    /// Days past due, for an overdue invoice.
    pub fn overdue_days(self) -> Option<i64> {
        match self {
            Standing::Overdue { days, .. } => Some(days),
            _ => None,
        }
    }
}

/// Where `invoice`, of `gross` ([`totals`]), stands on `today` (payments dated later
/// do not count yet).
pub fn standing(
    invoice: &Invoice,
    gross: Money,
    settings: Option<&Settings>,
    today: NaiveDate,
) -> Standing {
    match invoice.status {
        InvoiceStatus::Draft => return Standing::Draft,
        InvoiceStatus::Cancelled => return Standing::Cancelled,
        InvoiceStatus::Issued => {}
    }
    let part_paid = paid(invoice, today) > Money::ZERO;
    if let Some(days) = overdue_days(invoice, gross, settings, today) {
        return Standing::Overdue { days, part_paid };
    }
    let owed = remainder(invoice, gross, today);
    if owed < Money::ZERO {
        Standing::Overpaid
    } else if owed == Money::ZERO {
        Standing::Paid
    } else if part_paid {
        Standing::PartlyPaid
    } else {
        Standing::Issued
    }
}

/// One invoice's figures on a day, as every listing shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    /// The last day to pay ([`due_date`]).
    pub due: NaiveDate,
    /// The due date was computed from `payment_days`, not written.
    pub due_computed: bool,
    /// The gross total ([`totals`]).
    pub total: Money,
    /// Paid on or before the day ([`paid`]).
    pub paid: Money,
    /// What is owed ([`remainder`]): `None` for drafts and cancelled invoices.
    pub remainder: Option<Money>,
    pub standing: Standing,
}

/// The [`Figures`] of `invoice` on `today`, under the `contract` that sets its VAT
/// and the book's `settings`; an error names what does not fit in a sum of money (an
/// invoice read from a book always fits: the loader refuses it, E02).
pub fn figures(
    invoice: &Invoice,
    contract: Option<&Contract>,
    settings: Option<&Settings>,
    today: NaiveDate,
) -> Result<Figures, TooLarge> {
    let (due, due_computed) = due_date(invoice, settings);
    let total = totals(invoice, contract, settings)?.gross;
    let standing = standing(invoice, total, settings, today);
    let owes = !matches!(standing, Standing::Draft | Standing::Cancelled);
    Ok(Figures {
        due,
        due_computed,
        total,
        paid: paid(invoice, today),
        remainder: owes.then(|| remainder(invoice, total, today)),
        standing,
    })
}

/// The aging bucket of money owed: by how many days it is past due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Aging {
    /// Not yet due.
    Current,
    Days1To30,
    Days31To60,
    Days61To90,
    Over90,
}

impl Aging {
    pub const ALL: [Aging; 5] = [
        Aging::Current,
        Aging::Days1To30,
        Aging::Days31To60,
        Aging::Days61To90,
        Aging::Over90,
    ];

    /// The bucket of an amount `days_overdue` days past due (zero or less: current).
    pub fn of(days_overdue: i64) -> Aging {
        match days_overdue {
            i64::MIN..=0 => Aging::Current,
            1..=30 => Aging::Days1To30,
            31..=60 => Aging::Days31To60,
            61..=90 => Aging::Days61To90,
            _ => Aging::Over90,
        }
    }

    /// The bucket's name in lists and JSON: `current`, `1-30`, `31-60`, `61-90`, `90+`.
    pub fn label(self) -> &'static str {
        match self {
            Aging::Current => "current",
            Aging::Days1To30 => "1-30",
            Aging::Days31To60 => "31-60",
            Aging::Days61To90 => "61-90",
            Aging::Over90 => "90+",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::amount::{MAX_AMOUNT, line_amount};
    use crate::model::invoice::Line;
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
        assert_eq!(totals(&i, None, None).expect("fits").gross, money("999.99"));
        // 0.5 × 0.05 = 0.025 → 0.03 (half away from zero), twice → 0.06, not 0.05.
        let i = invoice(
            "lines: [{item: a, qty: 0.5, price: 0.05}, {item: b, qty: 0.5, price: 0.05}]\nvat: none\n",
        );
        assert_eq!(
            totals(&i, None, None).expect("fits"),
            t("0.06", "0", "0.06")
        );
        // 0.125 × 0.10 = 0.0125 → 0.01; 1.5 × 0.01 = 0.015 → 0.02.
        let i = invoice(
            "lines: [{item: a, qty: 0.125, price: 0.10}, {item: b, qty: 1.5, price: 0.01}]\nvat: none\n",
        );
        assert_eq!(totals(&i, None, None).expect("fits").gross, money("0.03"));
        // A negative amount rounds away from zero too: 0.5 × −0.05 = −0.025 → −0.03
        // (a file cannot hold a negative price: E02; the rounding is the same anyway).
        let refund = Line {
            item: "b".into(),
            qty: crate::model::money::Quantity(dec("0.5")),
            unit: None,
            price: money("-0.05"),
        };
        assert_eq!(line_amount(&refund), Some(money("-0.03")));
        // qty defaults to 1.
        let i = invoice("lines: [{item: a, price: 1500}]\nvat: none\n");
        assert_eq!(
            totals(&i, None, None).expect("fits").gross,
            money("1500.00")
        );
    }

    #[test]
    fn vat_in_that_number() {
        let i = invoice("lines: [{item: a, price: 122000.00}]\n");
        assert_eq!(
            totals(&i, None, None).expect("fits"),
            t("100000.00", "22000.00", "122000.00")
        );
        // 999.99 × 22 / 122 = 180.3260… → 180.33.
        let i = invoice("lines: [{item: a, qty: 3, price: 333.33}]\n");
        assert_eq!(
            totals(&i, None, None).expect("fits"),
            t("819.66", "180.33", "999.99")
        );
        // 0.05 × 20 / 120 = 0.00833… → 0.01.
        let i = invoice("lines: [{item: a, price: 0.05}]\nvat: 20\n");
        assert_eq!(
            totals(&i, None, None).expect("fits"),
            t("0.04", "0.01", "0.05")
        );
    }

    #[test]
    fn vat_on_top_of_net_prices() {
        let i = invoice("lines: [{item: a, price: 0.05}]\nvat: 20\nprices_include_vat: false\n");
        assert_eq!(
            totals(&i, None, None).expect("fits"),
            t("0.05", "0.01", "0.06")
        );
        let i = invoice("lines: [{item: a, price: 100000}]\nprices_include_vat: false\n");
        assert_eq!(
            totals(&i, None, None).expect("fits"),
            t("100000.00", "22000.00", "122000.00")
        );
        // 999.99 × 0.22 = 219.9978 → 220.00.
        let i = invoice("lines: [{item: a, qty: 3, price: 333.33}]\nprices_include_vat: false\n");
        assert_eq!(
            totals(&i, None, None).expect("fits"),
            t("999.99", "220.00", "1219.99")
        );
        // 0.25 × 10% = 0.025 → 0.03.
        let i = invoice("lines: [{item: a, price: 0.25}]\nvat: 10\nprices_include_vat: false\n");
        assert_eq!(
            totals(&i, None, None).expect("fits"),
            t("0.25", "0.03", "0.28")
        );
    }

    #[test]
    fn no_vat_with_none_or_zero() {
        for vat in ["none", "0"] {
            for include in ["true", "false"] {
                let i = invoice(&format!(
                    "lines: [{{item: a, price: 1000}}]\nvat: {vat}\nprices_include_vat: {include}\n"
                ));
                assert_eq!(
                    totals(&i, None, None).expect("fits"),
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
        assert_eq!(
            totals(&plain, None, Some(&s)).expect("fits").gross,
            money("1200.00")
        );
        assert_eq!(
            totals(&plain, Some(&c), Some(&s)).expect("fits").gross,
            money("1100.00")
        );
        let own = invoice("lines: [{item: a, price: 1000}]\nvat: none\n");
        assert_eq!(
            totals(&own, Some(&c), Some(&s)).expect("fits").gross,
            money("1000.00")
        );
        // The invoice's own flag wins over the book's.
        let gross = invoice("lines: [{item: a, price: 1100}]\nprices_include_vat: true\n");
        assert_eq!(
            totals(&gross, Some(&c), Some(&s)).expect("fits"),
            t("1000.00", "100.00", "1100.00")
        );
        // Without settings: 22%, prices include VAT.
        assert_eq!(
            vat_rate(plain.vat, None, None),
            Vat::Rate(Decimal::from(22))
        );
        assert!(prices_include_vat(plain.prices_include_vat, None));
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
            remainder(&i, money("120000"), d("2026-11-27")),
            money("49999.50")
        );
        let over = invoice(
            "lines: [{item: a, price: 100}]\npayments: [{date: 2026-11-03, amount: 150}]\n",
        );
        assert_eq!(
            remainder(&over, money("100"), d("2026-11-27")),
            money("-50")
        );
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
    fn the_largest_sum_of_money_is_what_a_book_can_write() {
        assert_eq!(Money(MAX_AMOUNT).to_string(), "999999999999999.99");
        assert_eq!(Ok(Money(MAX_AMOUNT)), "999999999999999.99".parse::<Money>());
    }

    /// An invoice whose lines are `lines`, as the model holds it (the loader would
    /// refuse it: these tests are of the arithmetic under it).
    fn raw(lines: &[(&str, &str)], extra: &str) -> Invoice {
        let mut i = invoice(&format!("lines: [{{item: a, price: 1}}]\n{extra}"));
        i.lines = lines
            .iter()
            .enumerate()
            .map(|(n, (q, p))| Line {
                item: format!("l{}", n + 1),
                qty: crate::model::money::Quantity(dec(q)),
                unit: None,
                price: money(p),
            })
            .collect();
        i
    }

    #[test]
    fn figures_that_do_not_fit_are_errors_naming_the_line() {
        // The line itself overflows a decimal.
        let i = raw(&[("1", "1"), ("999999999999999", "999999999999999.99")], "");
        let e = totals(&i, None, None).expect_err("does not fit");
        assert_eq!(
            e.to_string(),
            "line 2 (`l2`: 999999999999999 × 999999999999999.99) comes to more than the \
             largest sum of money, 999999999999999.99"
        );
        // It fits a decimal, but not a sum of money.
        let i = raw(&[("10", "100000000000000.00")], "");
        assert_eq!(
            totals(&i, None, None).expect_err("too large").what,
            "line 1 (`l1`: 10 × 100000000000000.00)"
        );
        // Each line fits; their sum does not.
        let i = raw(&[("1", "999999999999999.99"), ("1", "0.01")], "");
        assert_eq!(
            totals(&i, None, None).expect_err("too large").what,
            "the sum of the lines"
        );
        // The largest sum, with VAT on top or in it, adds up.
        let i = raw(
            &[("1", "999999999999999.99")],
            "prices_include_vat: false\n",
        );
        let t = totals(&i, None, None).expect("fits");
        assert_eq!(t.gross, money("1219999999999999.99"));
        let i = raw(&[("1", "999999999999999.99")], "");
        let t = totals(&i, None, None).expect("fits");
        assert_eq!(t.gross, Money(MAX_AMOUNT));
        assert_eq!(t.net.0 + t.vat.0, t.gross.0);
        assert_eq!(
            split(Money(MAX_AMOUNT + dec("0.01")), Vat::None, true),
            None
        );
    }
}

/// Where an invoice stands, day by day: the list's statuses and D04's "overdue".
#[cfg(test)]
mod standing_tests {
    use super::*;

    fn invoice(extra: &str) -> Invoice {
        let mut findings = Vec::new();
        crate::book::parse_entity::<Invoice>(
            "t.yaml",
            &format!("number: '1'\ndate: 2026-11-02\nvat: none\nlines: [{{item: a, price: 1000}}]\n{extra}"),
            &mut findings,
        )
        .expect("test invoice")
    }

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("test date")
    }

    /// The test invoice's gross: one line of 1000, no VAT.
    fn thousand() -> Money {
        Money(Decimal::from(1000))
    }

    #[test]
    fn an_invoice_moves_from_issued_to_overdue_to_paid() {
        // Due 2026-11-07 (date + 5 calendar days without settings).
        let i = invoice(
            "payments: [{date: 2026-11-10, amount: 400}, {date: 2026-11-20, amount: 600}]\n",
        );
        let at = |day| standing(&i, thousand(), None, d(day));
        assert_eq!(at("2026-11-02"), Standing::Issued);
        assert_eq!(
            at("2026-11-07"),
            Standing::Issued,
            "due today is not overdue"
        );
        assert_eq!(
            at("2026-11-08"),
            Standing::Overdue {
                days: 1,
                part_paid: false
            }
        );
        assert_eq!(
            at("2026-11-10"),
            Standing::Overdue {
                days: 3,
                part_paid: true
            },
            "partly paid and late"
        );
        assert_eq!(at("2026-11-20"), Standing::Paid);
        assert_eq!(overdue_days(&i, thousand(), None, d("2026-11-09")), Some(2));
        assert_eq!(overdue_days(&i, thousand(), None, d("2026-11-20")), None);
        let early = invoice("due: 2026-12-01\npayments: [{date: 2026-11-03, amount: 1}]\n");
        assert_eq!(
            standing(&early, thousand(), None, d("2026-11-27")),
            Standing::PartlyPaid
        );
        let over = invoice("payments: [{date: 2026-11-03, amount: 1000.01}]\n");
        let at = |day| standing(&over, thousand(), None, d(day));
        assert_eq!(at("2026-11-02"), Standing::Issued, "not paid yet");
        assert_eq!(at("2026-11-27"), Standing::Overpaid);
        assert_eq!(at("2026-11-27").payment(), Some("overpaid"));
        assert_eq!(Standing::Paid.payment(), Some("paid"));
        assert_eq!(at("2026-11-27").code(), "overpaid");
    }

    #[test]
    fn drafts_and_cancelled_invoices_are_never_owed() {
        for (status, want) in [
            ("draft", Standing::Draft),
            ("cancelled", Standing::Cancelled),
        ] {
            let i = invoice(&format!("status: {status}\n"));
            assert_eq!(standing(&i, thousand(), None, d("2027-01-01")), want);
            assert_eq!(overdue_days(&i, thousand(), None, d("2027-01-01")), None);
        }
    }

    #[test]
    fn aging_bucket_edges() {
        let cases = [
            (-5, Aging::Current),
            (0, Aging::Current),
            (1, Aging::Days1To30),
            (30, Aging::Days1To30),
            (31, Aging::Days31To60),
            (60, Aging::Days31To60),
            (61, Aging::Days61To90),
            (90, Aging::Days61To90),
            (91, Aging::Over90),
        ];
        for (days, want) in cases {
            assert_eq!(Aging::of(days), want, "{days}");
        }
        assert_eq!(
            Aging::ALL.map(Aging::label),
            ["current", "1-30", "31-60", "61-90", "90+"]
        );
    }
}

/// Property tests of the arithmetic: whatever the figures, the parts add up.
#[cfg(test)]
mod properties {
    use super::*;
    use crate::model::amount::{MAX_AMOUNT, line_amount};
    use crate::model::invoice::Line;
    use proptest::prelude::*;

    /// A sum of money as a book may hold it: up to 12 whole digits, 2 places.
    fn money() -> impl Strategy<Value = Money> {
        (0i64..=99_999_999_999_999).prop_map(|k| Money(Decimal::new(k, 2)))
    }

    /// A quantity: up to 6 whole digits, 3 places.
    fn qty() -> impl Strategy<Value = Decimal> {
        (0i64..=999_999_999).prop_map(|q| Decimal::new(q, 3))
    }

    fn rate() -> impl Strategy<Value = Vat> {
        prop_oneof![
            Just(Vat::None),
            Just(Vat::Rate(Decimal::ZERO)),
            Just(Vat::Rate(Decimal::from(10))),
            Just(Vat::Rate(Decimal::from(20))),
            Just(Vat::Rate(Decimal::from(22))),
            (0i64..=10_000).prop_map(|r| Vat::Rate(Decimal::new(r, 2))),
        ]
    }

    fn places(d: Decimal) -> u32 {
        d.normalize().scale()
    }

    fn half_kopeck() -> Decimal {
        Decimal::new(5, 3)
    }

    proptest! {
        #[test]
        fn net_plus_vat_is_gross(sum in money(), rate in rate(), include in any::<bool>()) {
            let t = split(sum, rate, include).expect("fits");
            prop_assert_eq!(t.net.0 + t.vat.0, t.gross.0);
            prop_assert!(places(t.vat.0) <= 2 && places(t.net.0) <= 2 && places(t.gross.0) <= 2);
            prop_assert!(t.vat.0 >= Decimal::ZERO && t.vat.0 <= t.gross.0);
            // The sum of the lines is the gross (prices with VAT) or the net.
            prop_assert_eq!(if include { t.gross } else { t.net }, sum);
        }

        #[test]
        fn vat_is_the_exact_share_rounded_to_a_kopeck(sum in money(), rate in rate(), include in any::<bool>()) {
            let t = split(sum, rate, include).expect("fits");
            let r = match rate {
                Vat::Rate(r) => r,
                Vat::None => Decimal::ZERO,
            };
            let exact = if include {
                sum.0 * r / (Decimal::ONE_HUNDRED + r)
            } else {
                sum.0 * r / Decimal::ONE_HUNDRED
            };
            prop_assert!((t.vat.0 - exact).abs() <= half_kopeck(), "{} vs {}", t.vat.0, exact);
        }

        #[test]
        fn no_vat_and_a_zero_rate_give_the_same_figures(sum in money(), include in any::<bool>()) {
            prop_assert_eq!(split(sum, Vat::None, include), split(sum, Vat::Rate(Decimal::ZERO), include));
        }

        #[test]
        fn lines_are_rounded_each_then_summed(
            lines in proptest::collection::vec((qty(), money()), 1..12),
            rate in rate(),
            include in any::<bool>(),
        ) {
            let mut findings = Vec::new();
            let mut invoice = crate::book::parse_entity::<Invoice>(
                "t.yaml",
                "number: '1'\ndate: 2026-11-02\nlines: [{item: a, price: 1}]\n",
                &mut findings,
            )
            .expect("test invoice");
            invoice.lines = lines
                .iter()
                .map(|(q, p)| Line {
                    item: "x".into(),
                    qty: crate::model::money::Quantity(*q),
                    unit: None,
                    price: *p,
                })
                .collect();
            invoice.vat = Some(rate);
            invoice.prices_include_vat = Some(include);
            // Up to 12 lines of up to 10^15 each: some sums do not fit, and must say so.
            let mut sum = Decimal::ZERO;
            for line in &invoice.lines {
                let exact = line.qty.0 * line.price.0;
                let Some(amount) = line_amount(line) else {
                    prop_assert!(exact > MAX_AMOUNT);
                    prop_assert!(totals(&invoice, None, None).is_err());
                    return Ok(());
                };
                prop_assert!((amount.0 - exact).abs() <= half_kopeck());
                prop_assert!(places(amount.0) <= 2);
                sum += amount.0;
            }
            match totals(&invoice, None, None) {
                Ok(t) => {
                    prop_assert!(sum <= MAX_AMOUNT);
                    prop_assert_eq!(Some(t), split(Money(sum), rate, include));
                    prop_assert_eq!(t.net.0 + t.vat.0, t.gross.0);
                }
                Err(e) => {
                    prop_assert!(sum > MAX_AMOUNT);
                    prop_assert_eq!(e.what, "the sum of the lines");
                }
            }
        }

        #[test]
        fn paid_and_remainder_add_up_to_the_total(
            gross in money(),
            payments in proptest::collection::vec((money(), 0u64..60), 0..6),
            day in 0u64..60,
        ) {
            let mut findings = Vec::new();
            let mut invoice = crate::book::parse_entity::<Invoice>(
                "t.yaml",
                "number: '1'\ndate: 2026-11-02\nvat: none\nlines: [{item: a, price: 1}]\n",
                &mut findings,
            )
            .expect("test invoice");
            invoice.lines[0].price = gross;
            let start = invoice.date.0;
            invoice.payments = payments
                .iter()
                .map(|(amount, d)| crate::model::invoice::Payment {
                    date: crate::model::time::Date(start + Days::new(*d)),
                    amount: *amount,
                    reference: None,
                })
                .collect();
            let today = start + Days::new(day);
            let paid_now = paid(&invoice, today);
            let expected: Decimal = payments
                .iter()
                .filter(|(_, d)| *d <= day)
                .map(|(a, _)| a.0)
                .sum();
            prop_assert_eq!(paid_now.0, expected);
            prop_assert_eq!(remainder(&invoice, gross, today).0 + paid_now.0, gross.0);
        }

        #[test]
        fn aging_buckets_cover_every_day_once(days in any::<i64>()) {
            let bucket = Aging::of(days);
            let expected = if days <= 0 {
                Aging::Current
            } else if days <= 30 {
                Aging::Days1To30
            } else if days <= 60 {
                Aging::Days31To60
            } else if days <= 90 {
                Aging::Days61To90
            } else {
                Aging::Over90
            };
            prop_assert_eq!(bucket, expected);
        }
    }
}
