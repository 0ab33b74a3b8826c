//! Money across many invoices, per currency: how old the debt is (the aging of
//! `rapport invoices` and the site's money page) and what was invoiced and paid in
//! each of the last twelve months (the site's money page). Each invoice's own figures
//! are `billing`'s; this module only sums them.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};

use super::billing::{self, Aging, Standing};
use crate::model::invoice::InvoiceStatus;
use crate::model::money::Money;
use crate::model::{Contract, Invoice, Settings};

fn add(a: Money, b: Money) -> Money {
    Money(a.0.saturating_add(b.0))
}

/// What is owed in one currency, by bucket.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct AgingRow<'a> {
    pub currency: &'a str,
    pub buckets: BTreeMap<Aging, Money>,
    pub total: Money,
}

/// One invoice as the aging sees it: its currency, what is owed on it (`None` for a
/// draft or a cancelled invoice) and where it stands.
#[derive(Debug, Clone, Copy)]
pub struct Owed<'a> {
    pub currency: &'a str,
    pub remainder: Option<Money>,
    pub standing: Standing,
}

/// The aging of the money owed on `invoices`, per currency (sorted by code): only a
/// positive remainder is owed; it falls in the bucket of its days past due.
pub fn aging<'a>(invoices: impl IntoIterator<Item = Owed<'a>>) -> Vec<AgingRow<'a>> {
    let mut by_currency: BTreeMap<&str, AgingRow<'a>> = BTreeMap::new();
    for r in invoices {
        let Some(owed) = r.remainder.filter(|m| *m > Money::ZERO) else {
            continue;
        };
        let days = r.standing.overdue_days().unwrap_or(0);
        let row = by_currency.entry(r.currency).or_insert_with(|| AgingRow {
            currency: r.currency,
            ..AgingRow::default()
        });
        let bucket = row.buckets.entry(Aging::of(days)).or_default();
        *bucket = add(*bucket, owed);
        row.total = add(row.total, owed);
    }
    by_currency.into_values().collect()
}

/// Invoiced and paid, summed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Billed {
    /// The gross totals of the issued invoices dated on or before today.
    pub invoiced: Money,
    /// What was paid against them on or before today.
    pub paid: Money,
}

/// What the issued `invoices` came to by `today`, each with the contract that sets
/// its VAT (`book::vat_contract`): drafts, cancelled invoices and invoices dated
/// after today do not count, nor does an invoice whose lines do not fit in a sum of
/// money (it does not load: E02).
pub fn billed<'a>(
    invoices: impl IntoIterator<Item = (&'a Invoice, Option<&'a Contract>)>,
    settings: Option<&Settings>,
    today: NaiveDate,
) -> Billed {
    let mut sum = Billed::default();
    for (i, contract) in invoices {
        if i.status != InvoiceStatus::Issued || i.date.0 > today {
            continue;
        }
        let Ok(totals) = billing::totals(i, contract, settings) else {
            continue;
        };
        sum.invoiced = add(sum.invoiced, totals.gross);
        sum.paid = add(sum.paid, billing::paid(i, today));
    }
    sum
}

/// One month of [`monthly`]: its first day, the gross totals invoiced in it and the
/// payments received in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub first: NaiveDate,
    pub invoiced: Money,
    pub paid: Money,
}

/// An invoice as [`monthly`] sees it: its currency, the invoice and its gross total.
#[derive(Debug, Clone, Copy)]
pub struct Invoiced<'a> {
    pub currency: &'a str,
    pub invoice: &'a Invoice,
    pub total: Money,
}

/// The first day of `day`'s month.
fn first_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// Invoiced and paid per month and currency, for the 12 months up to today's (today's
/// month last, oldest first): invoiced are the gross totals of issued invoices (not
/// drafts, not cancelled) dated in the month, paid the payments on those invoices
/// dated in the month — a payment counts in its own month, whenever the invoice was
/// dated — on or before today. Invoices dated after today count for nothing. A
/// currency appears when it has an issued invoice dated on or before today, even with
/// nothing in the window (its months are zero then).
pub fn monthly<'a>(
    invoices: impl IntoIterator<Item = Invoiced<'a>>,
    today: NaiveDate,
) -> BTreeMap<&'a str, Vec<Month>> {
    let this = first_of(today);
    let months: Vec<NaiveDate> = (0..12u32)
        .rev()
        .filter_map(|k| this.checked_sub_months(Months::new(k)))
        .collect();
    let start = months.first().copied().unwrap_or(this);
    let mut out: BTreeMap<&'a str, Vec<Month>> = BTreeMap::new();
    for b in invoices {
        let i = b.invoice;
        if i.status != InvoiceStatus::Issued || i.date.0 > today {
            continue;
        }
        let series = out.entry(b.currency).or_insert_with(|| {
            months
                .iter()
                .map(|m| Month {
                    first: *m,
                    invoiced: Money::ZERO,
                    paid: Money::ZERO,
                })
                .collect()
        });
        let mut put = |day: NaiveDate, m: Money, paid: bool| {
            if day < start || day > today {
                return;
            }
            if let Some(slot) = series.iter_mut().find(|s| s.first == first_of(day)) {
                let cell = if paid {
                    &mut slot.paid
                } else {
                    &mut slot.invoiced
                };
                *cell = add(*cell, m);
            }
        };
        put(i.date.0, b.total, false);
        for p in &i.payments {
            put(p.date.0, p.amount, true);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn money(s: &str) -> Money {
        Money(rust_decimal::Decimal::from_str(s).expect("test decimal"))
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::from_str(s).expect("test date")
    }

    fn invoice(text: &str) -> Invoice {
        let mut findings = Vec::new();
        crate::book::parse_entity::<Invoice>("t.yaml", text, &mut findings)
            .unwrap_or_else(|| panic!("test invoice: {findings:?}"))
    }

    /// An invoice dated `date` with its payments (`(date, amount)`), of `status`.
    fn dated(date: &str, status: &str, payments: &[(&str, &str)]) -> Invoice {
        let mut text = format!(
            "number: '1'\ndate: {date}\nstatus: {status}\nlines: [{{item: a, qty: 1, price: 1}}]\n"
        );
        if !payments.is_empty() {
            text.push_str("payments:\n");
            for (d, a) in payments {
                text.push_str(&format!("  - {{date: {d}, amount: {a}}}\n"));
            }
        }
        invoice(&text)
    }

    fn billed<'a>(currency: &'a str, invoice: &'a Invoice, total: &str) -> Invoiced<'a> {
        Invoiced {
            currency,
            invoice,
            total: money(total),
        }
    }

    /// The (invoiced, paid) of `first`'s month in `series`.
    fn at(series: &[Month], first: &str) -> (Money, Money) {
        let m = series
            .iter()
            .find(|m| m.first == day(first))
            .unwrap_or_else(|| panic!("no month {first} in {series:?}"));
        (m.invoiced, m.paid)
    }

    const TODAY: &str = "2026-11-27";

    #[test]
    fn the_window_is_the_twelve_months_to_today_s_oldest_first() {
        let i = dated("2026-11-02", "issued", &[]);
        let out = monthly([billed("RUB", &i, "10.00")], day(TODAY));
        let firsts: Vec<String> = out["RUB"].iter().map(|m| m.first.to_string()).collect();
        assert_eq!(firsts.len(), 12);
        assert_eq!(firsts[0], "2025-12-01");
        assert_eq!(firsts[11], "2026-11-01");
        // Across a year's end, and from the 31st (no 31 November: the month's first day).
        let out = monthly([billed("RUB", &i, "10.00")], day("2027-01-31"));
        let firsts: Vec<String> = out["RUB"].iter().map(|m| m.first.to_string()).collect();
        assert_eq!(firsts[0], "2026-02-01");
        assert_eq!(firsts[10], "2026-12-01");
        assert_eq!(firsts[11], "2027-01-01");
    }

    #[test]
    fn month_boundaries_put_the_last_and_first_days_in_their_own_months() {
        let a = dated("2026-10-31", "issued", &[("2026-10-31", "1.00")]);
        let b = dated("2026-11-01", "issued", &[("2026-11-01", "2.00")]);
        let c = dated("2025-12-01", "issued", &[]);
        let before = dated("2025-11-30", "issued", &[]);
        let out = monthly(
            [
                billed("RUB", &a, "100.00"),
                billed("RUB", &b, "200.00"),
                billed("RUB", &c, "300.00"),
                billed("RUB", &before, "999.00"),
            ],
            day(TODAY),
        );
        let rub = &out["RUB"];
        assert_eq!(at(rub, "2026-10-01"), (money("100.00"), money("1.00")));
        assert_eq!(at(rub, "2026-11-01"), (money("200.00"), money("2.00")));
        // The window's first day counts; the day before it does not.
        assert_eq!(at(rub, "2025-12-01"), (money("300.00"), Money::ZERO));
        let invoiced: Money = rub.iter().fold(Money::ZERO, |s, m| add(s, m.invoiced));
        assert_eq!(invoiced, money("600.00"));
    }

    #[test]
    fn a_payment_counts_in_its_own_month_not_the_invoice_s() {
        // Invoiced in September, paid in part in October and the rest in November.
        let i = dated(
            "2026-09-15",
            "issued",
            &[("2026-10-03", "40.00"), ("2026-11-20", "60.00")],
        );
        // Invoiced before the window, paid inside it: the payment counts, the
        // invoice's total does not.
        let old = dated("2025-10-10", "issued", &[("2026-01-05", "7.50")]);
        let out = monthly(
            [billed("RUB", &i, "100.00"), billed("RUB", &old, "7.50")],
            day(TODAY),
        );
        let rub = &out["RUB"];
        assert_eq!(at(rub, "2026-09-01"), (money("100.00"), Money::ZERO));
        assert_eq!(at(rub, "2026-10-01"), (Money::ZERO, money("40.00")));
        assert_eq!(at(rub, "2026-11-01"), (Money::ZERO, money("60.00")));
        assert_eq!(at(rub, "2026-01-01"), (Money::ZERO, money("7.50")));
    }

    #[test]
    fn partial_payments_of_one_month_add_up_and_later_ones_do_not_count_yet() {
        let i = dated(
            "2026-11-02",
            "issued",
            &[
                ("2026-11-05", "10.10"),
                ("2026-11-27", "20.20"),
                ("2026-11-28", "30.30"),
            ],
        );
        let out = monthly([billed("RUB", &i, "100.00")], day(TODAY));
        assert_eq!(
            at(&out["RUB"], "2026-11-01"),
            (money("100.00"), money("30.30"))
        );
    }

    #[test]
    fn currencies_are_kept_apart() {
        let r = dated("2026-11-02", "issued", &[("2026-11-03", "5.00")]);
        let e = dated("2026-11-02", "issued", &[("2026-11-04", "3.00")]);
        let r2 = dated("2026-06-30", "issued", &[]);
        let out = monthly(
            [
                billed("RUB", &r, "50.00"),
                billed("EUR", &e, "30.00"),
                billed("RUB", &r2, "20.00"),
            ],
            day(TODAY),
        );
        assert_eq!(out.keys().copied().collect::<Vec<_>>(), ["EUR", "RUB"]);
        assert_eq!(
            at(&out["RUB"], "2026-11-01"),
            (money("50.00"), money("5.00"))
        );
        assert_eq!(
            at(&out["EUR"], "2026-11-01"),
            (money("30.00"), money("3.00"))
        );
        assert_eq!(at(&out["RUB"], "2026-06-01"), (money("20.00"), Money::ZERO));
        assert_eq!(at(&out["EUR"], "2026-06-01"), (Money::ZERO, Money::ZERO));
    }

    #[test]
    fn drafts_cancelled_and_future_invoices_count_for_nothing() {
        let draft = dated("2026-11-02", "draft", &[]);
        let cancelled = dated("2026-11-02", "cancelled", &[("2026-11-03", "1.00")]);
        let future = dated("2026-11-28", "issued", &[]);
        let out = monthly(
            [
                billed("RUB", &draft, "1.00"),
                billed("RUB", &cancelled, "2.00"),
                billed("USD", &future, "3.00"),
            ],
            day(TODAY),
        );
        assert!(out.is_empty(), "{out:?}");
        // An issued invoice before the window still names its currency, with zeros.
        let old = dated("2024-01-10", "issued", &[]);
        let out = monthly([billed("RUB", &old, "1.00")], day(TODAY));
        assert!(
            out["RUB"]
                .iter()
                .all(|m| m.invoiced == Money::ZERO && m.paid == Money::ZERO)
        );
    }

    #[test]
    fn aging_sums_what_is_owed_by_currency_and_bucket() {
        let overdue = |days| Standing::Overdue {
            days,
            part_paid: false,
        };
        let owed = |currency, remainder: Option<&str>, standing| Owed {
            currency,
            remainder: remainder.map(money),
            standing,
        };
        let rows = aging([
            owed("RUB", Some("10.00"), Standing::Issued),
            owed("RUB", Some("5.00"), overdue(1)),
            owed("RUB", Some("6.00"), overdue(30)),
            owed("RUB", Some("7.00"), overdue(31)),
            owed("RUB", Some("8.00"), overdue(91)),
            // Overpaid, drafts and cancelled owe nothing.
            owed("RUB", Some("-3.00"), Standing::Overpaid),
            owed("RUB", None, Standing::Draft),
            owed("EUR", Some("2.50"), Standing::PartlyPaid),
        ]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].currency, "EUR");
        assert_eq!(rows[0].total, money("2.50"));
        let rub = &rows[1];
        assert_eq!(rub.total, money("36.00"));
        assert_eq!(rub.buckets[&Aging::Current], money("10.00"));
        assert_eq!(rub.buckets[&Aging::Days1To30], money("11.00"));
        assert_eq!(rub.buckets[&Aging::Days31To60], money("7.00"));
        assert_eq!(rub.buckets.get(&Aging::Days61To90), None);
        assert_eq!(rub.buckets[&Aging::Over90], money("8.00"));
    }
}
