//! `rapport acts`: every act of the book — what it closes, its total, and where it
//! stands: a draft, cancelled, not sent, sent and awaiting the client's signature,
//! signed, and (where the contract asks for them) whether the paper originals came
//! back. The figures are the act document's ([`crate::book::ClientBook::act_terms`],
//! `billing`), the standing the one D14 and D15 read.

use anyhow::Result;
use serde::Serialize;

use chrono::NaiveDate;

use super::clients::{header_in, note_in, plain_table, table_date, warn_unreadable};
use super::duty_support::{self as support};
use crate::book::{self, Book, ClientBook, Entity};
use crate::cli::{ActsArgs, ReportFormat};
use crate::context::Context;
use crate::domain::billing;
use crate::exit::Exit;
use crate::i18n::{Arg, Lang, say};
use crate::model::Act;
use crate::model::act::ActStatus;
use crate::msg;

pub fn run(ctx: &Context, args: &ActsArgs) -> Result<Exit> {
    let book = ctx.load()?;
    let today = ctx.today(book);
    let scope: &[ClientBook] = match &args.client {
        Some(id) => std::slice::from_ref(support::find_client(book, id)?),
        None => &book.clients,
    };
    let rows = rows(book, scope);
    let text = match args.format {
        ReportFormat::Table => table(&rows, ctx.lang, today),
        ReportFormat::Json => support::json(&JsonDoc {
            today: today.to_string(),
            acts: &rows,
        })?,
    };
    crate::commands::write_stdout(text.as_bytes())?;
    warn_unreadable(ctx.lang, book, scope);
    if rows.is_empty() && args.format == ReportFormat::Table {
        note_in(ctx.lang, &say(ctx.lang, "acts-none"));
    }
    Ok(Exit::Ok)
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    today: String,
    acts: &'a [Row],
}

/// One act as listed.
#[derive(Debug, Serialize)]
struct Row {
    client: String,
    #[serde(skip)]
    client_name: String,
    id: String,
    file: String,
    number: String,
    date: String,
    project: Option<String>,
    invoices: Vec<String>,
    currency: String,
    /// The total with VAT, as the document prints it; `None` when it bills nothing
    /// that reads.
    total: Option<String>,
    /// draft, cancelled, not_sent, awaiting_signature, signed, awaiting_originals,
    /// originals.
    standing: &'static str,
    sent: Option<String>,
    signed: Option<String>,
    originals: Option<String>,
}

/// Where an act stands, as D14 and D15 see it.
fn standing(client: &ClientBook, a: &Act) -> &'static str {
    match a.status {
        ActStatus::Draft => return "draft",
        ActStatus::Cancelled => return "cancelled",
        ActStatus::Issued => {}
    }
    let wants = book::wants_originals(client, client.act_terms(a).contract);
    match (a.sent, a.signed, a.originals) {
        (_, _, Some(_)) => "originals",
        (_, Some(_), None) if wants => "awaiting_originals",
        (_, Some(_), None) => "signed",
        (Some(_), None, None) => "awaiting_signature",
        (None, None, None) => "not_sent",
    }
}

fn total(book: &Book, client: &ClientBook, e: &Entity<Act>) -> (String, Option<String>) {
    let a = &e.data;
    let terms = client.act_terms(a);
    let settings = book.settings.as_ref();
    let cur = book::currency(book, client, terms.contract, a.date.0).to_owned();
    if terms.lines.is_empty() {
        return (cur, None);
    }
    let rate = billing::vat_rate(
        terms.vat,
        book::vat_contract(client, terms.contract, a.date.0),
        settings,
    );
    let include = billing::prices_include_vat(terms.prices_include_vat, settings);
    let gross = billing::priced(&terms.lines, rate, include)
        .ok()
        .map(|(_, t)| t.gross.to_string());
    (cur, gross)
}

fn rows(book: &Book, clients: &[ClientBook]) -> Vec<Row> {
    let mut out = Vec::new();
    for client in clients {
        for e in &client.acts {
            let a = &e.data;
            let (currency, total) = total(book, client, e);
            out.push(Row {
                client: client.id.clone(),
                client_name: client.name().to_owned(),
                id: e.id.clone(),
                file: e.file.clone(),
                number: a.number.clone(),
                date: a.date.to_string(),
                project: a.project.clone(),
                invoices: a.invoices.clone(),
                currency,
                total,
                standing: standing(client, a),
                sent: a.sent.map(|d| d.to_string()),
                signed: a.signed.map(|d| d.to_string()),
                originals: a.originals.map(|d| d.to_string()),
            });
        }
    }
    out.sort_by(|x, y| (&x.date, &x.number, &x.file).cmp(&(&y.date, &y.number, &y.file)));
    out
}

fn table(rows: &[Row], lang: Lang, today: NaiveDate) -> String {
    let header = header_in(
        lang,
        &[
            "col-date",
            "col-act",
            "col-client",
            "col-closes",
            "col-total",
            "col-standing",
        ],
    );
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    // The rows keep ISO dates (the JSON's); a table in another language writes them
    // its way.
    let day = |d: &str| match (lang, crate::model::time::parse_date(d)) {
        (Lang::En, _) | (_, Err(_)) => d.to_owned(),
        (_, Ok(d)) => table_date(lang, d, today),
    };
    let day_of = |d: &Option<String>| d.as_deref().map(day).unwrap_or_default();
    let body = rows
        .iter()
        .map(|r| {
            let closes = if r.invoices.is_empty() {
                r.project
                    .as_deref()
                    .map(|p| msg!("acts-closes-project", project = p).render(lang))
                    .unwrap_or_default()
            } else {
                msg!("acts-closes-invoice", numbers = r.invoices.join(", ")).render(lang)
            };
            let standing = msg!(
                "act-standing",
                standing = Arg::Word(r.standing),
                sent = day_of(&r.sent),
                signed = day_of(&r.signed),
                originals = day_of(&r.originals),
            )
            .render(lang);
            let total = match (&r.total, lang) {
                (None, _) => "—".to_owned(),
                (Some(t), Lang::En) => format!("{t} {}", r.currency),
                (Some(t), _) => match t.parse::<crate::model::money::Money>() {
                    Ok(m) => m.in_locale(lang, &r.currency),
                    Err(_) => format!("{t} {}", r.currency),
                },
            };
            vec![
                day(&r.date),
                r.number.clone(),
                r.client_name.clone(),
                closes,
                total,
                standing,
            ]
        })
        .collect();
    let mut text = plain_table(Some(&header), body, &[4], 0);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}
