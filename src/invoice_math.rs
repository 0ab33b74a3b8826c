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
//! Amounts are exact decimals. Arithmetic saturates instead of overflowing: an
//! invoice whose figures exceed about 7.9 × 10²⁸ is absurd, never a reason to crash.

use chrono::{Days, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::invoice::{InvoiceStatus, Line};
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
        vat_rate(invoice.vat, contract, settings),
        prices_include_vat(invoice.prices_include_vat, settings),
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

/// How many days `invoice` is overdue on `today`, as rule D04 counts them: an issued
/// invoice (not a draft, not cancelled) whose due date ([`due_date`]) is before
/// `today` and on which something is still owed ([`remainder`] above zero). `None`
/// when it is not overdue. The invoice list and the audit both ask this.
pub fn overdue_days(
    invoice: &Invoice,
    contract: Option<&Contract>,
    settings: Option<&Settings>,
    today: NaiveDate,
) -> Option<i64> {
    if invoice.status != InvoiceStatus::Issued {
        return None;
    }
    let (due, _) = due_date(invoice, settings);
    if due >= today || remainder(invoice, contract, settings, today) <= Money::ZERO {
        return None;
    }
    Some((today - due).num_days())
}

/// Where an invoice stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Prepared, not issued: nothing is owed yet.
    Draft,
    /// Issued, nothing paid, not yet due.
    Issued,
    /// Issued, paid in part, not yet due.
    PartlyPaid,
    /// Paid in full (or over).
    Paid,
    /// Past its due date with money owed (see [`overdue_days`]).
    Overdue { days: i64 },
    /// Withdrawn: nothing is owed.
    Cancelled,
}

/// Where `invoice` stands on `today` (payments dated later do not count yet).
pub fn standing(
    invoice: &Invoice,
    contract: Option<&Contract>,
    settings: Option<&Settings>,
    today: NaiveDate,
) -> Standing {
    match invoice.status {
        InvoiceStatus::Draft => return Standing::Draft,
        InvoiceStatus::Cancelled => return Standing::Cancelled,
        InvoiceStatus::Issued => {}
    }
    if let Some(days) = overdue_days(invoice, contract, settings, today) {
        return Standing::Overdue { days };
    }
    if remainder(invoice, contract, settings, today) <= Money::ZERO {
        Standing::Paid
    } else if paid(invoice, today) > Money::ZERO {
        Standing::PartlyPaid
    } else {
        Standing::Issued
    }
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
        // A negative amount rounds away from zero too: 0.5 × −0.05 = −0.025 → −0.03
        // (a file cannot hold a negative price: E02; the rounding is the same anyway).
        let refund = Line {
            item: "b".into(),
            qty: crate::money::Quantity(dec("0.5")),
            unit: None,
            price: money("-0.05"),
        };
        assert_eq!(line_amount(&refund), money("-0.03"));
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

    #[test]
    fn an_invoice_moves_from_issued_to_overdue_to_paid() {
        // Due 2026-11-07 (date + 5 calendar days without settings).
        let i = invoice(
            "payments: [{date: 2026-11-10, amount: 400}, {date: 2026-11-20, amount: 600}]\n",
        );
        let at = |day| standing(&i, None, None, d(day));
        assert_eq!(at("2026-11-02"), Standing::Issued);
        assert_eq!(
            at("2026-11-07"),
            Standing::Issued,
            "due today is not overdue"
        );
        assert_eq!(at("2026-11-08"), Standing::Overdue { days: 1 });
        assert_eq!(
            at("2026-11-10"),
            Standing::Overdue { days: 3 },
            "partly paid and late"
        );
        assert_eq!(at("2026-11-20"), Standing::Paid);
        assert_eq!(overdue_days(&i, None, None, d("2026-11-09")), Some(2));
        assert_eq!(overdue_days(&i, None, None, d("2026-11-20")), None);
        let early = invoice("due: 2026-12-01\npayments: [{date: 2026-11-03, amount: 1}]\n");
        assert_eq!(
            standing(&early, None, None, d("2026-11-27")),
            Standing::PartlyPaid
        );
    }

    #[test]
    fn drafts_and_cancelled_invoices_are_never_owed() {
        for (status, want) in [
            ("draft", Standing::Draft),
            ("cancelled", Standing::Cancelled),
        ] {
            let i = invoice(&format!("status: {status}\n"));
            assert_eq!(standing(&i, None, None, d("2027-01-01")), want);
            assert_eq!(overdue_days(&i, None, None, d("2027-01-01")), None);
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
            let t = split(sum, rate, include);
            prop_assert_eq!(t.net.0 + t.vat.0, t.gross.0);
            prop_assert!(places(t.vat.0) <= 2 && places(t.net.0) <= 2 && places(t.gross.0) <= 2);
            prop_assert!(t.vat.0 >= Decimal::ZERO && t.vat.0 <= t.gross.0);
            // The sum of the lines is the gross (prices with VAT) or the net.
            prop_assert_eq!(if include { t.gross } else { t.net }, sum);
        }

        #[test]
        fn vat_is_the_exact_share_rounded_to_a_kopeck(sum in money(), rate in rate(), include in any::<bool>()) {
            let t = split(sum, rate, include);
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
                    qty: crate::money::Quantity(*q),
                    unit: None,
                    price: *p,
                })
                .collect();
            invoice.vat = Some(rate);
            invoice.prices_include_vat = Some(include);
            let mut sum = Decimal::ZERO;
            for line in &invoice.lines {
                let amount = line_amount(line).0;
                let exact = line.qty.0 * line.price.0;
                prop_assert!((amount - exact).abs() <= half_kopeck());
                prop_assert!(places(amount) <= 2);
                sum += amount;
            }
            let t = totals(&invoice, None, None);
            prop_assert_eq!(t, split(Money(sum), rate, include));
            prop_assert_eq!(t.net.0 + t.vat.0, t.gross.0);
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
            prop_assert_eq!(remainder(&invoice, None, None, today).0 + paid_now.0, gross.0);
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
