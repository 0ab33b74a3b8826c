//! `rapport invoices`: every invoice of the book with its total, what was paid, what
//! is still owed and where it stands (draft, issued, partly paid, paid, overpaid,
//! overdue N days, cancelled), then the aging of what is owed — current, 1–30, 31–60, 61–90 and
//! 90+ days past due — per currency.
//!
//! Every figure and the notion of "overdue" are `billing`'s, the same that rule
//! D04 reports, so the list and the audit agree on any day: an issued invoice whose
//! due date is before today with money owed. Payments dated after today do not count
//! yet. Drafts and cancelled invoices are listed but owe nothing: their remainder is
//! blank and they are not aged.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use std::fmt::Write as _;

use super::clients::{header_in, note_in, plain_table, table_date, warn_unreadable};
use super::duty_support::{self as support, currency, vat_contract};
use crate::book::{Book, ClientBook, Entity};
use crate::cli::{InvoicesArgs, ListFormat};
use crate::context::Context;
use crate::domain::billing::{self, Aging, Standing};
use crate::domain::receivables::{self, Owed};
use crate::exit::Exit;
use crate::i18n::{Arg, Lang, say};
use crate::model::Invoice;
use crate::model::money::Money;
use crate::msg;

pub fn run(ctx: &Context, args: &InvoicesArgs) -> Result<Exit> {
    crate::output::csv::check_bom(args.bom, args.format == ListFormat::Csv)?;
    let book = ctx.load()?;
    let today = ctx.today(book);
    let view = super::manager_view::resolve(ctx, book, args.manager.as_deref())?;
    let scope: &[ClientBook] = match &args.client {
        Some(id) => std::slice::from_ref(support::find_client(book, id)?),
        None => &book.clients,
    };
    let rows: Vec<Row<'_>> = rows(book, scope, today)?
        .into_iter()
        .filter(|r| view.shows(r.client))
        .filter(|r| !args.overdue || matches!(r.standing, Standing::Overdue { .. }))
        .collect();
    let aging = aging(&rows);
    let text = match args.format {
        ListFormat::Table => format!(
            "{}{}",
            view.header("view-invoices", today, ctx.lang),
            render_table(&rows, &aging, ctx.lang, today)
        ),
        ListFormat::Json => support::json(&JsonDoc {
            view: view.json(),
            today: today.to_string(),
            invoices: rows.iter().map(JsonRow::of).collect(),
            aging: aging.iter().map(JsonAging::of).collect(),
        })?,
        ListFormat::Csv => render_csv(&rows, args.bom)?,
    };
    crate::commands::write_stdout(text.as_bytes())?;
    warn_unreadable(ctx.lang, book, scope.iter().filter(|c| view.shows(c)));
    if rows.is_empty() && args.format == ListFormat::Table {
        note_in(
            ctx.lang,
            &say(
                ctx.lang,
                if args.overdue {
                    "invoices-none-overdue"
                } else {
                    "invoices-none"
                },
            ),
        );
    }
    Ok(Exit::Ok)
}

/// One invoice, figured as of today.
#[derive(Debug)]
pub(crate) struct Row<'b> {
    pub(crate) client: &'b ClientBook,
    pub(crate) invoice: &'b Entity<Invoice>,
    pub(crate) due: NaiveDate,
    /// The due date was computed from `payment_days`, not written.
    pub(crate) due_computed: bool,
    pub(crate) currency: &'b str,
    pub(crate) total: Money,
    pub(crate) paid: Money,
    /// What is owed: `None` for drafts and cancelled invoices.
    pub(crate) remainder: Option<Money>,
    pub(crate) standing: Standing,
}

/// Every invoice of `clients`, by date, then number, then file; an error names an
/// invoice whose figures do not fit in a sum of money (one read from a book always
/// fits: the loader refuses it, E02).
pub(crate) fn rows<'b>(
    book: &'b Book,
    clients: &'b [ClientBook],
    today: NaiveDate,
) -> Result<Vec<Row<'b>>> {
    let settings = book.settings.as_ref();
    let mut rows: Vec<Row<'b>> = clients
        .iter()
        .flat_map(|client| {
            client.invoices.iter().map(move |e| {
                let i = &e.data;
                let contract = vat_contract(client, i.contract.as_deref(), i.date.0);
                let f = billing::figures(i, contract, settings, today).map_err(|err| {
                    super::localized(msg!(
                        "invoice-figures-too-large",
                        file = e.file.as_str(),
                        why = super::invoice::too_large(&err)
                    ))
                })?;
                Ok(Row {
                    client,
                    invoice: e,
                    due: f.due,
                    due_computed: f.due_computed,
                    currency: currency(book, client, i.contract.as_deref(), i.date.0),
                    total: f.total,
                    paid: f.paid,
                    remainder: f.remainder,
                    standing: f.standing,
                })
            })
        })
        .collect::<Result<_>>()?;
    rows.sort_by(|a, b| {
        let key = |r: &Row<'b>| (r.invoice.data.date, r.invoice.data.number.as_str());
        key(a)
            .cmp(&key(b))
            .then_with(|| a.invoice.file.cmp(&b.invoice.file))
    });
    Ok(rows)
}

/// "overdue 12 days", "partly paid", …
pub(crate) fn status_text(s: Standing) -> String {
    match s {
        Standing::Draft => "draft".to_owned(),
        Standing::Issued => "issued".to_owned(),
        Standing::PartlyPaid => "partly paid".to_owned(),
        Standing::Paid => "paid".to_owned(),
        Standing::Overpaid => "overpaid".to_owned(),
        Standing::Overdue { days, .. } => format!("overdue {}", support_days(days)),
        Standing::Cancelled => "cancelled".to_owned(),
    }
}

fn support_days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

/// What is owed in one currency, by bucket: `receivables`' aging.
pub(crate) use crate::domain::receivables::AgingRow;

/// The aging of the money owed on `rows`, per currency (sorted by code).
pub(crate) fn aging<'b>(rows: &[Row<'b>]) -> Vec<AgingRow<'b>> {
    receivables::aging(rows.iter().map(|r| Owed {
        currency: r.currency,
        remainder: r.remainder,
        standing: r.standing,
    }))
}

const HEADER: [&str; 9] = [
    "col-number",
    "col-client",
    "col-date",
    "col-due",
    "col-total",
    "col-paid",
    "col-owed",
    "col-currency",
    "col-status",
];

/// [`status_text`] in `lang`.
pub(crate) fn status_in(lang: Lang, s: Standing) -> String {
    if lang == Lang::En {
        return status_text(s);
    }
    let (word, days) = match s {
        Standing::Draft => ("draft", 0),
        Standing::Issued => ("issued", 0),
        Standing::PartlyPaid => ("partly_paid", 0),
        Standing::Paid => ("paid", 0),
        Standing::Overpaid => ("overpaid", 0),
        Standing::Overdue { days, .. } => ("overdue", days),
        Standing::Cancelled => ("cancelled", 0),
    };
    msg!("invoice-standing", standing = Arg::Word(word), days = days).render(lang)
}

fn render_table(rows: &[Row<'_>], aging: &[AgingRow<'_>], lang: Lang, today: NaiveDate) -> String {
    let money = |m: Money| support::grouped_in(lang, m);
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.invoice.data.number.clone(),
                r.client.name().to_owned(),
                table_date(lang, r.invoice.data.date.0, today),
                table_date(lang, r.due, today),
                money(r.total),
                money(r.paid),
                r.remainder.map(money).unwrap_or_default(),
                r.currency.to_owned(),
                status_in(lang, r.standing),
            ]
        })
        .collect();
    let header = header_in(lang, &HEADER);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut out = plain_table(Some(&header), cells, &[4, 5, 6], 0);
    if aging.is_empty() {
        return out;
    }
    let _ = writeln!(out, "\n{}", say(lang, "invoices-aging"));
    let current = say(lang, "aging-current");
    let currency = say(lang, "col-currency");
    let total = say(lang, "col-total");
    let mut header = vec![currency.as_str()];
    header.extend(Aging::ALL.iter().map(|a| match a {
        Aging::Current => current.as_str(),
        other => other.label(),
    }));
    header.push(total.as_str());
    let cells = aging
        .iter()
        .map(|a| {
            let mut row = vec![a.currency.to_owned()];
            row.extend(
                Aging::ALL
                    .iter()
                    .map(|b| money(a.buckets.get(b).copied().unwrap_or_default())),
            );
            row.push(money(a.total));
            row
        })
        .collect();
    out.push_str(&plain_table(Some(&header), cells, &[1, 2, 3, 4, 5, 6], 2));
    out
}

/// CSV: one row per invoice (no aging: a spreadsheet sums), amounts as plain decimals.
fn render_csv(rows: &[Row<'_>], bom: bool) -> Result<String> {
    let mut table = crate::output::csv::Table::new(
        &[
            "number",
            "client",
            "file",
            "date",
            "due",
            "currency",
            "total",
            "paid",
            "remainder",
            "status",
            "overdue_days",
        ],
        bom,
    )?;
    for r in rows {
        table.row([
            r.invoice.data.number.clone(),
            r.client.id.clone(),
            r.invoice.file.clone(),
            r.invoice.data.date.to_string(),
            r.due.to_string(),
            r.currency.to_owned(),
            r.total.to_string(),
            r.paid.to_string(),
            r.remainder.map(|m| m.to_string()).unwrap_or_default(),
            r.standing.code().to_owned(),
            r.standing
                .overdue_days()
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ])?;
    }
    table.finish()
}

#[derive(Serialize)]
struct JsonDoc<'b> {
    /// Whose clients (`--manager`); null fields: every client.
    view: super::manager_view::JsonView<'b>,
    /// The day the figures are as of.
    today: String,
    invoices: Vec<JsonRow<'b>>,
    /// What is owed per currency, by days past due.
    aging: Vec<JsonAging<'b>>,
}

#[derive(Serialize)]
struct JsonRow<'b> {
    number: &'b str,
    client: &'b str,
    file: &'b str,
    date: String,
    due: String,
    /// The due date was computed as `date` + `invoice.payment_days`.
    due_computed: bool,
    currency: &'b str,
    /// Amounts are strings with exactly two decimal places: `"150000.00"`.
    total: String,
    paid: String,
    /// Null for drafts and cancelled invoices.
    remainder: Option<String>,
    status: &'static str,
    /// Days past due, for an overdue invoice.
    overdue_days: Option<i64>,
}

impl<'b> JsonRow<'b> {
    fn of(r: &Row<'b>) -> Self {
        JsonRow {
            number: &r.invoice.data.number,
            client: &r.client.id,
            file: &r.invoice.file,
            date: r.invoice.data.date.to_string(),
            due: r.due.to_string(),
            due_computed: r.due_computed,
            currency: r.currency,
            total: r.total.to_string(),
            paid: r.paid.to_string(),
            remainder: r.remainder.map(|m| m.to_string()),
            status: r.standing.code(),
            overdue_days: r.standing.overdue_days(),
        }
    }
}

#[derive(Serialize)]
struct JsonAging<'b> {
    currency: &'b str,
    current: String,
    #[serde(rename = "1-30")]
    d1_30: String,
    #[serde(rename = "31-60")]
    d31_60: String,
    #[serde(rename = "61-90")]
    d61_90: String,
    #[serde(rename = "90+")]
    over_90: String,
    total: String,
}

impl<'b> JsonAging<'b> {
    fn of(a: &AgingRow<'b>) -> Self {
        let get = |b| a.buckets.get(&b).copied().unwrap_or_default().to_string();
        JsonAging {
            currency: a.currency,
            current: get(Aging::Current),
            d1_30: get(Aging::Days1To30),
            d31_60: get(Aging::Days31To60),
            d61_90: get(Aging::Days61To90),
            over_90: get(Aging::Over90),
            total: a.total.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_as_words() {
        let overdue = |days| Standing::Overdue {
            days,
            part_paid: false,
        };
        assert_eq!(status_text(overdue(1)), "overdue 1 day");
        assert_eq!(status_text(overdue(45)), "overdue 45 days");
        assert_eq!(status_text(Standing::PartlyPaid), "partly paid");
        assert_eq!(status_text(Standing::Overpaid), "overpaid");
    }
}
