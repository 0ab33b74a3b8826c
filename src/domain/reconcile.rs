//! The reconciliation of a client's account over a period (акт сверки взаимных
//! расчётов), as the agency's books see it: debit is what was invoiced (each issued
//! invoice's total with VAT, on its date), credit is what was paid (each payment, on its
//! date). Drafts and cancelled invoices are not owed and do not appear.
//!
//! - The opening balance is everything invoiced before the period less everything paid
//!   before it; the closing balance is the opening one plus the period's debit less its
//!   credit. A positive balance is owed to the agency, a negative one to the client
//!   (an overpayment).
//! - The totals of the invoices are `billing::totals`, given by the caller: the same
//!   figures as `rapport invoices`, so that the closing balance on a day equals the sum
//!   of what the list shows as still owed on that day, to the kopeck.

use chrono::NaiveDate;

use crate::model::Invoice;
use crate::model::invoice::InvoiceStatus;
use crate::model::money::Money;

/// What one row of the statement records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document<'a> {
    /// An invoice issued: its number.
    Invoice { number: &'a str },
    /// A payment received against the invoice numbered `invoice`, with the bank's
    /// payment reference when the book has it.
    Payment {
        invoice: &'a str,
        reference: Option<&'a str>,
    },
}

/// One row of the period: a document, its date, and its debit or credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row<'a> {
    pub date: NaiveDate,
    pub document: Document<'a>,
    pub debit: Money,
    pub credit: Money,
}

/// The statement of a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement<'a> {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Owed to the agency at the start of `from` (negative: owed to the client).
    pub opening: Money,
    /// The period's rows in date order: on one day, invoices before payments, then by
    /// number.
    pub rows: Vec<Row<'a>>,
    /// The period's turnover: invoiced, paid.
    pub debit: Money,
    pub credit: Money,
    /// Owed to the agency at the end of `to` (negative: owed to the client).
    pub closing: Money,
}

/// In whose favour a balance is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Favour {
    /// The client owes the agency.
    Agency,
    /// The agency owes the client (it was overpaid).
    Client,
    /// Nothing is owed either way.
    Nobody,
}

impl Statement<'_> {
    /// In whose favour the closing balance is.
    pub fn favour(&self) -> Favour {
        if self.closing > Money::ZERO {
            Favour::Agency
        } else if self.closing < Money::ZERO {
            Favour::Client
        } else {
            Favour::Nobody
        }
    }
}

fn add(a: Money, b: Money) -> Money {
    Money(a.0.saturating_add(b.0))
}

fn sub(a: Money, b: Money) -> Money {
    Money(a.0.saturating_sub(b.0))
}

/// The statement of `invoices` (each with its total with VAT, from
/// `billing::totals`) from `from` to `to`, both days included.
pub fn statement<'a>(
    invoices: &[(&'a Invoice, Money)],
    from: NaiveDate,
    to: NaiveDate,
) -> Statement<'a> {
    let mut opening = Money::ZERO;
    let mut rows = Vec::new();
    for (invoice, gross) in invoices {
        if invoice.status != InvoiceStatus::Issued {
            continue;
        }
        let date = invoice.date.0;
        if date < from {
            opening = add(opening, *gross);
        } else if date <= to {
            rows.push(Row {
                date,
                document: Document::Invoice {
                    number: &invoice.number,
                },
                debit: *gross,
                credit: Money::ZERO,
            });
        }
        for p in &invoice.payments {
            if p.date.0 < from {
                opening = sub(opening, p.amount);
            } else if p.date.0 <= to {
                rows.push(Row {
                    date: p.date.0,
                    document: Document::Payment {
                        invoice: &invoice.number,
                        reference: p.reference.as_deref(),
                    },
                    debit: Money::ZERO,
                    credit: p.amount,
                });
            }
        }
    }
    rows.sort_by(|a, b| {
        let key = |r: &Row<'a>| match r.document {
            Document::Invoice { number } => (r.date, 0, number, ""),
            Document::Payment { invoice, reference } => {
                (r.date, 1, invoice, reference.unwrap_or_default())
            }
        };
        key(a).cmp(&key(b))
    });
    let debit = rows.iter().fold(Money::ZERO, |acc, r| add(acc, r.debit));
    let credit = rows.iter().fold(Money::ZERO, |acc, r| add(acc, r.credit));
    let closing = sub(add(opening, debit), credit);
    Statement {
        from,
        to,
        opening,
        rows,
        debit,
        credit,
        closing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::billing;

    fn invoice(text: &str) -> Invoice {
        let mut findings = Vec::new();
        crate::book::parse_entity::<Invoice>("t.yaml", text, &mut findings)
            .unwrap_or_else(|| panic!("test invoice: {findings:?}"))
    }

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("test date")
    }

    fn m(s: &str) -> Money {
        s.parse().expect("test money")
    }

    #[test]
    fn opening_rows_turnover_and_closing() {
        let a = invoice(
            "number: A\ndate: 2026-09-10\nvat: none\nlines: [{item: a, price: 1000}]\npayments:\n  - {date: 2026-09-20, amount: 400}\n  - {date: 2026-10-05, amount: 600, ref: п/п 7}\n",
        );
        let b = invoice(
            "number: B\ndate: 2026-10-05\nvat: none\nlines: [{item: a, qty: 3, price: 333.33}]\npayments: [{date: 2026-11-02, amount: 100.01}]\n",
        );
        let draft =
            invoice("number: C\ndate: 2026-10-06\nstatus: draft\nlines: [{item: a, price: 5}]\n");
        let cancelled = invoice(
            "number: D\ndate: 2026-10-06\nstatus: cancelled\nlines: [{item: a, price: 5}]\n",
        );
        let later = invoice("number: E\ndate: 2026-11-01\nlines: [{item: a, price: 50}]\n");
        let gross = |i: &Invoice| billing::totals(i, None, None).expect("fits").gross;
        let list = [
            (&a, gross(&a)),
            (&b, gross(&b)),
            (&draft, gross(&draft)),
            (&cancelled, gross(&cancelled)),
            (&later, gross(&later)),
        ];
        let s = statement(&list, d("2026-10-01"), d("2026-10-31"));
        assert_eq!(
            s.opening,
            m("600"),
            "1000 invoiced, 400 paid before October"
        );
        assert_eq!(
            s.rows,
            [
                Row {
                    date: d("2026-10-05"),
                    document: Document::Invoice { number: "B" },
                    debit: m("999.99"),
                    credit: Money::ZERO
                },
                Row {
                    date: d("2026-10-05"),
                    document: Document::Payment {
                        invoice: "A",
                        reference: Some("п/п 7")
                    },
                    debit: Money::ZERO,
                    credit: m("600")
                },
            ]
        );
        assert_eq!((s.debit, s.credit), (m("999.99"), m("600")));
        assert_eq!(s.closing, m("999.99"));
        assert_eq!(s.favour(), Favour::Agency);
        // The next month opens where this one closed.
        let next = statement(&list, d("2026-11-01"), d("2026-11-30"));
        assert_eq!(next.opening, s.closing);
        assert_eq!(next.closing, m("949.98"));
        // Overpaid: the balance is the client's.
        let over = invoice(
            "number: F\ndate: 2026-10-01\nvat: none\nlines: [{item: a, price: 10}]\npayments: [{date: 2026-10-02, amount: 12}]\n",
        );
        let s = statement(&[(&over, m("10"))], d("2026-10-01"), d("2026-10-31"));
        assert_eq!((s.closing, s.favour()), (m("-2"), Favour::Client));
        let s = statement(&[], d("2026-10-01"), d("2026-10-31"));
        assert_eq!((s.closing, s.favour()), (Money::ZERO, Favour::Nobody));
    }
}
