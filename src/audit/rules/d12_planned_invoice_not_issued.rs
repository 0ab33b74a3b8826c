//! D12: a planned invoice of a contract's billing plan not issued by its date.

use crate::i18n::Arg;
use crate::msg;
use chrono::{Days, NaiveDate};

use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::{ClientBook, Entity};
use crate::domain::plan;
use crate::finding::{Finding, Location};
use crate::model::Contract;
use crate::yaml::YamlPath;

use super::d_support::{contract_label, currency, vat_contract};

pub struct PlannedInvoiceNotIssued;

meta! {
    /// ## Why
    /// Issuing the invoices on time is the account manager's duty (D2): the billing
    /// plan of a contract is what the client agreed to pay and when. An invoice not
    /// issued on its planned day is money the agency lends the client for free, and
    /// the later it comes, the more awkward it is to send.
    ///
    /// ## What it reads
    /// The `billing` list of every contract (or supplement) with `status: active`
    /// (the default): each entry is a planned invoice, numbered from 1 in the order
    /// the list is written. An entry is issued when an invoice of the same client that
    /// is not cancelled names the contract (`contract:`) and the entry's number
    /// (`planned:`); `rapport invoice new CLIENT --planned CONTRACT#N` writes both. It
    /// fires from the day after the entry's `date` plus `days` calendar days while no
    /// invoice issues it. What the entry asks for is its `amount`, or its `lines`
    /// priced as an invoice of that contract would be (VAT and currency of the
    /// contract on that date).
    ///
    /// The agenda lists a planned invoice from `lead_days` working days before its
    /// date, with the command that issues it; the calendar carries every entry of a
    /// contract in force on its date.
    ///
    /// ## How to fix
    /// Issue it: `rapport invoice new CLIENT --planned CONTRACT#N`. If it was issued by
    /// hand, add `planned: N` (and `contract:`) to that invoice. If the plan changed,
    /// change the entry's `date`, or remove the entry — and keep the numbers of the
    /// entries that invoices name (add new entries at the end).
    ///
    /// ## How to waive
    /// On the contract: `waive: [{rule: D12, reason: "…", until: DATE}]`.
    ///
    /// ## Thresholds
    /// `days` (default 0): calendar days after the planned date before it is flagged.
    /// `lead_days` (default 5): working days before the planned date from which the
    /// agenda lists it.
    code: D12,
    name: "planned-invoice-not-issued",
    severity: Error,
    topic: Plan,
    summary: "Every planned invoice of a contract in force is issued by its date",
    thresholds: [
        DAYS: "days" = 0: "calendar days after the planned date before it is flagged",
        LEAD_DAYS: "lead_days" = 5: "working days before the planned date from which the agenda lists it",
    ],
}

impl Rule for PlannedInvoiceNotIssued {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        let e = cx.client.contract_in(&f.file)?;
        let (index, _) = f.facts.item?;
        let amount = f
            .facts
            .amount
            .as_ref()
            .map_or(Arg::Text(String::new()), |a| {
                Arg::from(msg!("todo-d12-amount", amount = a.arg()))
            });
        Some(msg!(
            "todo-d12",
            n = index + 1,
            contract = e.data.number.as_str(),
            amount = amount,
            by = cx.by(),
            client = cx.client.id.as_str(),
            id = e.id.as_str()
        ))
    }

    fn contract(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Contract>, out: &mut Out) {
        let c = &e.data;
        if !plan::in_force(c) {
            return;
        }
        let grace = u64::from(cx.threshold(DAYS));
        let invoices = client.invoices.iter().map(|i| (i.id.as_str(), &i.data));
        for p in plan::entries(c) {
            if plan::issued_by(invoices.clone(), &e.id, p.number).is_some() {
                continue;
            }
            let Some(due) = p.date.checked_add_days(Days::new(grace)) else {
                continue;
            };
            let Some(on) = due.succ_opt().and_then(|from| cx.flagged_from(from)) else {
                continue;
            };
            emit(cx, client, e, p, due, on, out);
        }
    }
}

fn emit(
    cx: &Cx<'_>,
    client: &ClientBook,
    e: &Entity<Contract>,
    p: plan::Planned<'_>,
    due: NaiveDate,
    on: NaiveDate,
    out: &mut Out,
) {
    let c = &e.data;
    let vat_from = vat_contract(client, Some(&e.id), p.date).unwrap_or(c);
    let settings = cx.book.settings.as_ref();
    let cur = currency(cx.book, client, Some(&e.id), p.date);
    // Lines that do not fit in a sum of money do not load (E02).
    let gross = plan::gross(p.entry, vat_from, settings).ok();
    let note = p
        .entry
        .note
        .as_deref()
        .map(|n| crate::wording::quote(n, 60));
    let mut message = msg!(
        "d12-not-issued",
        number = p.number,
        contract = contract_label(c),
        priced = Arg::Word(if gross.is_some() { "yes" } else { "no" }),
        noted = Arg::Word(if note.is_some() { "yes" } else { "no" }),
        date = cx.date(p.date),
        days = (on - p.date).num_days(),
    );
    if let Some(g) = gross {
        message.args.push((
            "sum",
            Arg::Money {
                amount: g,
                currency: cur.to_owned(),
            },
        ));
    }
    if let Some(note) = note {
        message.args.push(("note", Arg::Text(note)));
    }
    let hit = out
        .emit_on(
            on,
            &e.file,
            &c.waive,
            Location::value(YamlPath::root().key("billing").index(p.index).key("date")),
            message,
        )
        .due(due)
        .happened(p.date)
        .item(p.index)
        .help(msg!(
            "d12-not-issued-help",
            command = format!(
                "rapport invoice new {} --planned {}#{}",
                client.id, e.id, p.number
            ),
            number = p.number,
        ));
    if let Some(g) = gross {
        hit.amount(g, cur);
    }
}
