//! D06: billing beyond a contract's value, payments beyond an invoice's total.

use crate::i18n::Arg;
use crate::msg;
use rust_decimal::Decimal;

use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::Location;
use crate::model::invoice::InvoiceStatus;
use crate::model::money::Money;
use crate::model::{Contract, Invoice};
use crate::yaml::YamlPath;

use super::d_support::{contract_label, currency, invoice_totals};

pub struct OverBilling;

meta! {
    /// ## Why
    /// Billing more than the contract allows is work the client never agreed to pay
    /// for: the invoice will be disputed, or paid and later reclaimed. A payment larger
    /// than its invoice is money the agency owes back, or a payment booked against the
    /// wrong invoice. Both are the account manager's to catch (duty D2: issue invoices,
    /// control payments).
    ///
    /// ## What it reads
    /// - Contracts with a `value`: the gross totals (VAT included) of every issued
    ///   invoice of the client whose `contract` names it (drafts are not billed yet and
    ///   cancelled invoices are void, as the format reference says). The value is
    ///   compared as written, VAT included.
    ///   Invoices count only against the contract they name: an invoice under a
    ///   supplement counts against the supplement's value, not its parent's.
    ///   Currency: an invoice under a contract is in that contract's currency (its
    ///   `currency`, or its parent's, else the book's), so the value and the invoices
    ///   are compared in that currency, as written, with no exchange rate; amounts are
    ///   shown with that currency's code. A contract in a currency other than the
    ///   book's is compared the same way.
    /// - Invoices with `payments`: the sum of all payments against the invoice's gross
    ///   total (computed as in D04), whatever the payments' dates. A cancelled invoice
    ///   asks for nothing, so any payment against it is too much (money to return or to
    ///   move to the invoice that replaced it). Drafts are not checked.
    ///
    /// ## How to fix
    /// Over the contract value: sign a supplement raising the value (and point the
    /// invoices at it), or cancel or reduce the extra invoice. Overpaid: refund the
    /// difference, or move the payment to the invoice it was for.
    ///
    /// ## How to waive
    /// On the contract or on the invoice: `waive: [{rule: D06, reason: "…"}]`.
    code: D06,
    name: "over-billing",
    severity: Error,
    topic: Billing,
    summary: "Invoices stay within the contract value, payments within the invoice",
    thresholds: [],
}

impl Rule for OverBilling {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn contract(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Contract>, out: &mut Out) {
        let c = &e.data;
        let Some(value) = c.value else {
            return;
        };
        let invoices: Vec<&Entity<Invoice>> = client
            .invoices
            .iter()
            .filter(|i| {
                i.data.contract.as_deref() == Some(e.id.as_str())
                    && i.data.status == InvoiceStatus::Issued
            })
            .collect();
        // An invoice whose lines do not fit in a sum of money does not load (E02).
        let billed = invoices.iter().fold(Decimal::ZERO, |acc, i| {
            invoice_totals(cx.book, client, &i.data).map_or(acc, |t| acc.saturating_add(t.gross.0))
        });
        if billed <= value.0 {
            return;
        }
        let cur = currency(cx.book, client, Some(&e.id), cx.today);
        let money = |amount: Money| Arg::Money {
            amount,
            currency: cur.to_owned(),
        };
        let numbers: Vec<&str> = invoices.iter().map(|i| i.data.number.as_str()).collect();
        out.emit(
            &e.file,
            &c.waive,
            Location::value(YamlPath::root().key("value")),
            msg!(
                "d06-contract-over",
                contract = contract_label(c),
                count = numbers.len(),
                invoices = Arg::List(numbers.iter().map(|n| (*n).to_owned()).collect()),
                billed = money(Money(billed)),
                value = money(value),
                over = money(Money(billed.saturating_sub(value.0))),
            ),
        )
        .amount(Money(billed.saturating_sub(value.0)), cur)
        .help(msg!("d06-contract-over-help"));
    }

    fn invoice(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Invoice>, out: &mut Out) {
        let i = &e.data;
        if i.payments.is_empty() || i.status == InvoiceStatus::Draft {
            return;
        }
        let cancelled = i.status == InvoiceStatus::Cancelled;
        let total = if cancelled {
            Money::ZERO
        } else {
            // An invoice whose lines do not fit in a sum of money does not load (E02).
            let Ok(totals) = invoice_totals(cx.book, client, i) else {
                return;
            };
            totals.gross
        };
        let mut paid = Decimal::ZERO;
        let mut first_over = None;
        for (n, p) in i.payments.iter().enumerate() {
            paid = paid.saturating_add(p.amount.0);
            if first_over.is_none() && paid > total.0 {
                first_over = Some(n);
            }
        }
        let Some(n) = first_over else {
            return;
        };
        let cur = currency(cx.book, client, i.contract.as_deref(), i.date.0);
        let over = Money(paid.saturating_sub(total.0));
        let money = |amount: Money| Arg::Money {
            amount,
            currency: cur.to_owned(),
        };
        let message = if cancelled {
            msg!(
                "d06-paid-cancelled",
                invoice = &i.number,
                paid = money(Money(paid))
            )
        } else {
            msg!(
                "d06-overpaid",
                invoice = &i.number,
                paid = money(Money(paid)),
                total = money(total),
                over = money(over),
            )
        };
        out.emit(
            &e.file,
            &i.waive,
            Location::value(YamlPath::root().key("payments").index(n).key("amount")),
            message,
        )
        .amount(over, cur)
        .help(msg!(
            "d06-overpaid-help",
            cancelled = Arg::Word(if cancelled { "yes" } else { "no" })
        ));
    }
}
