//! D04: an issued invoice past its due date with money still owed.

use chrono::NaiveDate;

use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::{ClientBook, Entity};
use crate::domain::billing;
use crate::finding::Location;
use crate::model::Invoice;
use crate::model::invoice::InvoiceStatus;
use crate::model::money::Money;
use crate::yaml::YamlPath;

use super::d_support::{currency, vat_contract};
use crate::finding::Finding;
use crate::i18n::Arg;
use crate::msg;

pub struct InvoiceOverdue;

meta! {
    /// ## Why
    /// Controlling payments is the account manager's duty (D2): an unpaid invoice is
    /// work the agency financed for the client. The earlier a late payment is noticed,
    /// the easier the call: a polite reminder the day after the due date, not an
    /// awkward conversation a quarter later.
    ///
    /// ## What it reads
    /// Issued invoices (`status: issued`, the default; drafts and cancelled ones are
    /// not owed). The due date is `due`, else `date` plus `invoice.payment_days` of
    /// rapport.yaml (default 5) in calendar days, not working days, as payment terms
    /// are usually written. The invoice is overdue from the day after the due date.
    /// Its total is computed as everywhere in rapport: each line `qty × price` rounded
    /// to kopecks (halves away from zero), summed; with `prices_include_vat` (the
    /// invoice's, else the book's, default true) that sum is the total; with net
    /// prices, VAT at the invoice's `vat`, else its contract's (or the contract's
    /// parent's), else the book's, is added on top, rounded to kopecks; `vat: none`
    /// means no VAT. What remains is the total less the `payments` dated on or before
    /// today; it fires while that is above zero.
    ///
    /// ## How to fix
    /// Remind the client (and record the touch in the log); when the money arrives,
    /// add it to `payments: [{date: DATE, amount: SUM, ref: "…"}]`. If a new date was
    /// agreed, write it as `due`; if the invoice was withdrawn, set `status: cancelled`.
    ///
    /// ## How to waive
    /// On the invoice: `waive: [{rule: D04, reason: "…", until: DATE}]`, e.g. a
    /// deferral agreed in writing.
    ///
    /// ## Thresholds
    /// `firm_days` (default 14): days overdue after which the payment reminder that
    /// `rapport invoice remind` drafts (and the agenda proposes) is worded firmly
    /// rather than politely.
    code: D04,
    name: "invoice-overdue",
    severity: Error,
    topic: Payment,
    summary: "Issued invoices are paid by their due date",
    thresholds: [FIRM_DAYS: "firm_days" = 14: "days overdue after which a payment reminder is worded firmly"],
}

impl Rule for InvoiceOverdue {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        let e = cx.client.invoice_in(&f.file)?;
        let i = &e.data;
        let unpaid = f
            .facts
            .amount
            .as_ref()
            .map_or(Arg::Text(String::new()), |a| {
                Arg::from(msg!("todo-d04-unpaid", amount = a.arg()))
            });
        // Once it is overdue, the reminder to send; before, only the date.
        let remind = if cx.due.is_none() {
            Arg::from(msg!(
                "todo-d04-remind",
                client = cx.client.id.as_str(),
                id = e.id.as_str()
            ))
        } else {
            Arg::Text(String::new())
        };
        Some(msg!(
            "todo-d04",
            invoice = i.number.as_str(),
            unpaid = unpaid,
            by = cx.by(),
            remind = remind
        ))
    }

    fn invoice(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Invoice>, out: &mut Out) {
        let i = &e.data;
        if i.status != InvoiceStatus::Issued {
            return;
        }
        let settings = cx.book.settings.as_ref();
        let (due, computed) = billing::due_date(i, settings);
        let Some(after_due) = due.succ_opt() else {
            return;
        };
        let contract = vat_contract(client, i.contract.as_deref(), i.date.0);
        // An invoice whose lines do not fit in a sum of money does not load (E02).
        let Ok(totals) = billing::totals(i, contract, settings) else {
            return;
        };
        let gross = totals.gross;
        // Flagged from the day after it was due, on every day something is unpaid
        // (payments count from their dates).
        let Some(on) = cx
            .flagged_from(after_due)
            .and_then(|from| first_unpaid_day(i, gross, from, cx.horizon()))
        else {
            return;
        };
        let paid = billing::paid(i, on);
        let unpaid = billing::remainder(i, gross, on);
        if unpaid <= Money::ZERO {
            return;
        }
        let cur = currency(cx.book, client, i.contract.as_deref(), i.date.0);
        let late = (on - due).num_days();
        let pd = settings.map_or(5, |s| s.invoice.payment_days);
        let location = if computed {
            Location::value(YamlPath::root().key("date"))
        } else {
            Location::value(YamlPath::root().key("due"))
        };
        let money = |amount: Money| Arg::Money {
            amount,
            currency: cur.to_owned(),
        };
        out.emit_on(
            on,
            &e.file,
            &i.waive,
            location,
            msg!(
                "d04-overdue",
                invoice = &i.number,
                due = cx.date(due),
                computed = Arg::Word(if computed { "yes" } else { "no" }),
                date = cx.date(i.date.0),
                payment_days = pd,
                days = late,
                paid = Arg::Word(if paid == Money::ZERO { "none" } else { "part" }),
                unpaid = money(unpaid),
                gross = money(gross),
            ),
        )
        .due(due)
        .amount(unpaid, cur)
        .help(msg!("d04-overdue-help"));
    }
}

/// The first day of `from..=to` on which something of `gross` is unpaid, payments
/// counting from their dates: `from`, or the date of a later payment after which
/// the remainder is owed again (a refund).
fn first_unpaid_day(
    invoice: &Invoice,
    gross: Money,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<NaiveDate> {
    let unpaid = |day: NaiveDate| billing::remainder(invoice, gross, day) > Money::ZERO;
    if from > to {
        return None;
    }
    if unpaid(from) {
        return Some(from);
    }
    let mut later: Vec<NaiveDate> = invoice
        .payments
        .iter()
        .map(|p| p.date.0)
        .filter(|d| (from..=to).contains(d) && *d > from)
        .collect();
    later.sort_unstable();
    later.dedup();
    later.into_iter().find(|d| unpaid(*d))
}
