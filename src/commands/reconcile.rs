//! `rapport reconcile CLIENT [--contract C] --from DATE --to DATE`: the reconciliation
//! statement (акт сверки взаимных расчётов) of a client's account over a period, as a
//! document for the client (PDF, HTML, Markdown, built by the document builder) or as
//! CSV for the accountant.
//!
//! Its figures are `domain::reconcile`'s over the invoices' totals from `billing`, the
//! same as `rapport invoices`: the closing balance on a day is what the list shows as
//! still owed on that day, to the kopeck. With `--contract`, only the invoices under
//! that contract (or a supplement to it) count.

use anyhow::Result;

use super::document_out::{self, Rendering};
use super::duty_support::{self as support};
use crate::book::{ClientBook, Entity};
use crate::cli::ReconcileArgs;
use crate::context::Context;
use crate::domain::reconcile::{Document, Statement, statement};
use crate::exit::Exit;
use crate::i18n::Arg;
use crate::model::contract::ContractKind;
use crate::model::money::Money;
use crate::model::{Contract, Invoice};
use crate::output::csv::Table;

pub fn run(ctx: &Context, args: &ReconcileArgs) -> Result<Exit> {
    let book = ctx.load_client(&args.client)?;
    let client = support::find_client(book, &args.client)?;
    if args.from > args.to {
        let today = ctx.today(book);
        return Err(super::hinted(
            crate::msg!(
                "reconcile-from-after-to",
                from = Arg::Date {
                    date: args.from,
                    today
                },
                to = Arg::Date {
                    date: args.to,
                    today
                }
            ),
            crate::msg!("reconcile-from-after-to-hint"),
        ));
    }
    let contract = match &args.contract {
        Some(id) => Some(support::find_contract(book, &format!("{}/{id}", client.id))?.1),
        None => None,
    };
    let mut list: Vec<(&Invoice, Money)> = Vec::new();
    for e in &client.invoices {
        if !under(client, contract, &e.data) {
            continue;
        }
        let totals = crate::book::invoice_totals(book, client, &e.data).map_err(|err| {
            super::localized(crate::msg!(
                "reconcile-too-large",
                file = e.file.as_str(),
                why = super::invoice::too_large(&err)
            ))
        })?;
        list.push((&e.data, totals.gross));
    }
    let s = statement(&list, args.from, args.to);
    match Rendering::of_reconcile(args.format) {
        Some(rendering) => {
            let today = ctx.today(book);
            let built = crate::document::reconciliation(book, client, contract, &s, today)?;
            document_out::output(
                ctx.lang,
                &built,
                rendering,
                book.root(),
                &format!("akt-sverki-{}", client.id),
                args.out.as_deref(),
            )?;
            document_out::left_blank(ctx.lang, &built);
        }
        None => document_out::write_out(ctx.lang, csv(&s)?.as_bytes(), args.out.as_deref())?,
    }
    super::clients::warn_unreadable(ctx.lang, book, std::slice::from_ref(client));
    Ok(Exit::Ok)
}

/// Does `invoice` count for a statement under `contract` (all of them without one)?
/// It names the contract, or a supplement to it.
fn under(client: &ClientBook, contract: Option<&Entity<Contract>>, invoice: &Invoice) -> bool {
    let Some(c) = contract else {
        return true;
    };
    let Some(id) = invoice.contract.as_deref() else {
        return false;
    };
    id == c.id
        || client.contract_entity(Some(id)).is_some_and(|s| {
            s.data.kind == ContractKind::Supplement && s.data.parent.as_deref() == Some(&c.id)
        })
}

/// The statement as CSV (RFC 4180, CRLF): `date,entry,invoice,ref,debit,credit`, the opening balance
/// first, the turnover and the closing balance last; amounts as plain decimals, a
/// balance in the debit column when the client owes, in the credit column when the
/// agency does.
fn csv(s: &Statement<'_>) -> Result<String> {
    let mut table = Table::new(
        &["date", "entry", "invoice", "ref", "debit", "credit"],
        false,
    )?;
    let money = |m: Money| m.to_string();
    let balance = |table: &mut Table, date: chrono::NaiveDate, what: &str, m: Money| {
        let (d, c) = if m < Money::ZERO {
            (Money::ZERO, Money(-m.0))
        } else {
            (m, Money::ZERO)
        };
        table.row([
            date.to_string(),
            what.to_owned(),
            String::new(),
            String::new(),
            money(d),
            money(c),
        ])
    };
    balance(&mut table, s.from, "opening", s.opening)?;
    for r in &s.rows {
        let (entry, invoice, reference) = match r.document {
            Document::Invoice { number } => ("invoice", number, None),
            Document::Payment { invoice, reference } => ("payment", invoice, reference),
        };
        table.row([
            r.date.to_string(),
            entry.to_owned(),
            invoice.to_owned(),
            reference.unwrap_or_default().to_owned(),
            money(r.debit),
            money(r.credit),
        ])?;
    }
    table.row([
        s.to.to_string(),
        "turnover".to_owned(),
        String::new(),
        String::new(),
        money(s.debit),
        money(s.credit),
    ])?;
    balance(&mut table, s.to, "closing", s.closing)?;
    table.finish()
}
