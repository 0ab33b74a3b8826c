//! D16: a payment recorded with a date after today.

use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::{ClientBook, Entity};
use crate::finding::{Finding, Location};
use crate::i18n::Arg;
use crate::model::Invoice;
use crate::msg;
use crate::yaml::YamlPath;

use super::d_support::currency;

pub struct PaymentDatedAhead;

meta! {
    /// ## Why
    /// A payment is money the client has sent. One recorded with a date still to come
    /// is money the book counts that the bank has not seen: a promise written down as
    /// a fact, or a slip of the year. Either way the invoice's balance, the account's
    /// reconciliation and the overdue check (D04) read a payment that has not happened.
    ///
    /// ## What it reads
    /// Every invoice's `payments`, of any status: a payment whose `date` is after
    /// today. It stops being reported on the day it names.
    ///
    /// ## How to fix
    /// Record a payment when the money is in, with the day it came in (the bank
    /// statement's). A payment the client only promised belongs in the log, not in
    /// `payments`; a wrong year or month is corrected in place.
    ///
    /// ## How to waive
    /// On the invoice: `waive: [{rule: D16, reason: "…", until: DATE}]`.
    code: D16,
    name: "payment-dated-ahead",
    severity: Error,
    topic: Billing,
    summary: "A payment is recorded once it is in, never with a date still to come",
    thresholds: [],
}

impl Rule for PaymentDatedAhead {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        let i = &cx.client.invoice_in(&f.file)?.data;
        let (n, _) = f.facts.item?;
        let p = i.payments.get(n)?;
        let currency = f
            .facts
            .amount
            .as_ref()
            .map_or_else(|| "RUB".to_owned(), |a| a.currency.clone());
        Some(msg!(
            "todo-d16",
            amount = Arg::Sum {
                amount: p.amount,
                currency,
            },
            day = cx.day(p.date.0),
            invoice = i.number.as_str()
        ))
    }

    fn invoice(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Invoice>, out: &mut Out) {
        let i = &e.data;
        for (n, p) in i.payments.iter().enumerate() {
            // Reported up to the day before the one it names, from today.
            let Some(until) = p.date.0.pred_opt() else {
                continue;
            };
            let Some(on) = cx.flagged_between(cx.today, until) else {
                continue;
            };
            let cur = currency(cx.book, client, i.contract.as_deref(), i.date.0);
            out.emit_on(
                on,
                &e.file,
                &i.waive,
                Location::value(YamlPath::root().key("payments").index(n).key("date")),
                msg!(
                    "d16-payment-ahead",
                    invoice = &i.number,
                    amount = Arg::Money {
                        amount: p.amount,
                        currency: cur.to_owned(),
                    },
                    date = cx.date(p.date.0),
                    days = (p.date.0 - on).num_days(),
                ),
            )
            .item(n)
            .due(p.date.0)
            .amount(p.amount, cur)
            .help(msg!("d16-payment-ahead-help"));
        }
    }
}
