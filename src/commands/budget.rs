//! `rapport budget [CLIENT[/PROJECT]]`: every project's money at a glance (duty D5) —
//! the estimate from its lines, the budget, the costs, what remains, the share of the
//! budget used, what was invoiced and paid, and a red/amber/green status by rule
//! D07's threshold; then totals per client (per currency). A table, versioned JSON
//! or CSV.
//!
//! The arithmetic is `budget_math`'s (shared with D07) and `billing`'s, so the
//! report, the audit and the invoices never disagree.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::clients::{header_in, note_in, plain_table, warn_unreadable};
use super::duty_support::{self as support, Billed, add, billed, currency};
use crate::book::{Book, ClientBook, Entity};
use crate::cli::{BudgetArgs, ListFormat};
use crate::context::Context;
use crate::domain::budget::{self, Rag};
use crate::exit::Exit;
use crate::i18n::{Arg, Lang, say};
use crate::model::Project;
use crate::model::money::Money;
use crate::msg;

pub fn run(ctx: &Context, args: &BudgetArgs) -> Result<Exit> {
    crate::output::csv::check_bom(args.bom, args.format == ListFormat::Csv)?;
    let book = ctx.load()?;
    let today = ctx.today(book);
    let warn = support::threshold(
        book.settings.as_ref(),
        crate::audit::rules::thresholds::BUDGET_WARN_PERCENT,
    );
    let view = super::manager_view::resolve(ctx, book, args.manager.as_deref())?;
    let (target_client, selected) = select(book, args.target.as_deref())?;
    let rows: Vec<Row<'_>> = selected
        .iter()
        .filter(|(client, _)| view.shows(client))
        .map(|(client, p)| Row::of(book, client, p, today, warn))
        .collect();
    let totals = totals(&rows);
    let text = match args.format {
        ListFormat::Table => format!(
            "{}{}",
            view.header("view-budgets", today, ctx.lang),
            render_table(&rows, &totals, ctx.lang)
        ),
        ListFormat::Json => support::json(&JsonDoc {
            view: view.json(),
            warn_percent: warn,
            projects: rows.iter().map(JsonRow::of).collect(),
            totals: totals.iter().map(JsonTotal::of).collect(),
        })?,
        ListFormat::Csv => render_csv(&rows, args.bom)?,
    };
    crate::commands::write_stdout(text.as_bytes())?;
    let scope = match target_client {
        Some(client) => vec![client],
        None => view.clients(book),
    };
    warn_unreadable(ctx.lang, book, scope);
    if rows.is_empty() && args.format == ListFormat::Table {
        let id = match args.target {
            Some(_) => "budget-client-none",
            None => "budget-none",
        };
        note_in(ctx.lang, &say(ctx.lang, id));
    }
    Ok(Exit::Ok)
}

/// Every project of the book with its money as of `today`, by client and project ID,
/// and the warning threshold (percent of the budget) its status was judged by.
pub(crate) fn all_rows(book: &Book, today: NaiveDate) -> (Vec<Row<'_>>, u32) {
    let warn = support::threshold(
        book.settings.as_ref(),
        crate::audit::rules::thresholds::BUDGET_WARN_PERCENT,
    );
    let rows = book
        .clients
        .iter()
        .flat_map(|c| c.projects.iter().map(move |p| (c, p)))
        .map(|(client, p)| Row::of(book, client, p, today, warn))
        .collect();
    (rows, warn)
}

/// A client's project.
type Selected<'b> = (&'b ClientBook, &'b Entity<Project>);

/// The client `target` names, if it names one, and the projects it names (a client's,
/// one project, or all), sorted by client and project ID.
fn select<'b>(
    book: &'b Book,
    target: Option<&str>,
) -> Result<(Option<&'b ClientBook>, Vec<Selected<'b>>)> {
    match target {
        None => Ok((
            None,
            book.clients
                .iter()
                .flat_map(|c| c.projects.iter().map(move |p| (c, p)))
                .collect(),
        )),
        Some(t) if t.contains('/') => {
            let (client, project) = support::find_project(book, t)?;
            Ok((Some(client), vec![(client, project)]))
        }
        Some(t) => {
            let client = support::find_client(book, t)?;
            Ok((
                Some(client),
                client.projects.iter().map(|p| (client, p)).collect(),
            ))
        }
    }
}

/// One project's money.
#[derive(Debug)]
pub(crate) struct Row<'b> {
    pub(crate) client: &'b ClientBook,
    pub(crate) project: &'b Entity<Project>,
    pub(crate) currency: &'b str,
    /// `None` when the project has no estimate lines.
    pub(crate) estimate: Option<Money>,
    pub(crate) budget: Option<Money>,
    pub(crate) costs: Money,
    pub(crate) remaining: Option<Money>,
    pub(crate) used_percent: Option<String>,
    pub(crate) status: Option<Rag>,
    pub(crate) billed: Billed,
}

impl<'b> Row<'b> {
    fn of(
        book: &'b Book,
        client: &'b ClientBook,
        e: &'b Entity<Project>,
        today: NaiveDate,
        warn: u32,
    ) -> Self {
        let p = &e.data;
        let f = budget::figures(p, warn);
        Row {
            client,
            project: e,
            currency: currency(book, client, p.contract.as_deref(), today),
            estimate: f.estimate,
            budget: f.budget,
            costs: f.costs,
            remaining: f.remaining,
            used_percent: f.used_percent.map(|pc| pc.to_string()),
            status: f.status,
            billed: billed(book, client, today, |i| i.project.as_deref() == Some(&e.id)),
        }
    }
}

/// A client's projects in one currency, summed. A column that is blank on every
/// project (no estimate, no budget) is `None`: blank in the table too.
#[derive(Debug)]
struct Total<'b> {
    client: &'b ClientBook,
    currency: &'b str,
    projects: usize,
    estimate: Option<Money>,
    budget: Option<Money>,
    costs: Money,
    /// The sum of the projects' remainders (projects with a budget only).
    remaining: Option<Money>,
    billed: Billed,
}

/// `sum` plus `m`, where `None` is a blank: blank plus blank stays blank.
fn add_cell(sum: Option<Money>, m: Option<Money>) -> Option<Money> {
    match (sum, m) {
        (Some(a), Some(b)) => Some(add(a, b)),
        (a, b) => a.or(b),
    }
}

/// Totals per client and currency, in the rows' order.
fn totals<'b>(rows: &[Row<'b>]) -> Vec<Total<'b>> {
    let mut out: Vec<Total<'b>> = Vec::new();
    for r in rows {
        let i = match out
            .iter()
            .position(|t| std::ptr::eq(t.client, r.client) && t.currency == r.currency)
        {
            Some(i) => i,
            None => {
                out.push(Total {
                    client: r.client,
                    currency: r.currency,
                    projects: 0,
                    estimate: None,
                    budget: None,
                    costs: Money::ZERO,
                    remaining: None,
                    billed: Billed::default(),
                });
                out.len() - 1
            }
        };
        let t = &mut out[i];
        t.projects += 1;
        t.estimate = add_cell(t.estimate, r.estimate);
        t.budget = add_cell(t.budget, r.budget);
        t.costs = add(t.costs, r.costs);
        t.remaining = add_cell(t.remaining, r.remaining);
        t.billed.invoiced = add(t.billed.invoiced, r.billed.invoiced);
        t.billed.paid = add(t.billed.paid, r.billed.paid);
    }
    out
}

const HEADER: [&str; 12] = [
    "col-client",
    "col-project",
    "col-stage",
    "col-estimate",
    "col-budget",
    "col-costs",
    "col-remaining",
    "col-used",
    "col-status",
    "col-invoiced",
    "col-paid",
    "col-currency",
];

/// An amount in the CSV: a plain decimal, empty when there is none.
fn csv_money(m: Option<Money>) -> String {
    m.map(|m| m.to_string()).unwrap_or_default()
}

fn render_table(rows: &[Row<'_>], totals: &[Total<'_>], lang: Lang) -> String {
    // An amount in the table: grouped digits, blank when there is none.
    let grouped = |m: Money| support::grouped_in(lang, m);
    let money_cell = |m: Option<Money>| m.map(grouped).unwrap_or_default();
    let mut cells: Vec<Vec<String>> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let client = rows[i].client;
        let end = rows[i..]
            .iter()
            .position(|r| !std::ptr::eq(r.client, client))
            .map_or(rows.len(), |n| i + n);
        for r in &rows[i..end] {
            cells.push(vec![
                r.client.name().to_owned(),
                r.project.id.clone(),
                match lang {
                    Lang::En => r.project.data.stage.as_str().to_owned(),
                    _ => crate::report::locale::stage(lang, r.project.data.stage).to_owned(),
                },
                money_cell(r.estimate),
                money_cell(r.budget),
                grouped(r.costs),
                money_cell(r.remaining),
                r.used_percent
                    .as_ref()
                    .map(|p| match lang {
                        Lang::En => format!("{p}%"),
                        _ => format!("{}\u{a0}%", p.replace('.', ",")),
                    })
                    .unwrap_or_default(),
                r.status
                    .map(|rag| match lang {
                        Lang::En => rag.as_str().to_owned(),
                        _ => msg!("budget-rag", rag = Arg::Word(rag.as_str())).render(lang),
                    })
                    .unwrap_or_default(),
                grouped(r.billed.invoiced),
                grouped(r.billed.paid),
                r.currency.to_owned(),
            ]);
        }
        for t in totals.iter().filter(|t| std::ptr::eq(t.client, client)) {
            cells.push(vec![
                client.name().to_owned(),
                msg!("budget-total", projects = t.projects).render(lang),
                String::new(),
                money_cell(t.estimate),
                money_cell(t.budget),
                grouped(t.costs),
                money_cell(t.remaining),
                String::new(),
                String::new(),
                grouped(t.billed.invoiced),
                grouped(t.billed.paid),
                t.currency.to_owned(),
            ]);
        }
        i = end;
    }
    let header = header_in(lang, &HEADER);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    plain_table(Some(&header), cells, &[3, 4, 5, 6, 7, 9, 10], 0)
}

/// CSV: one row per project (no totals: a spreadsheet sums), amounts as plain
/// decimals.
fn render_csv(rows: &[Row<'_>], bom: bool) -> Result<String> {
    let mut table = crate::output::csv::Table::new(
        &[
            "client",
            "project",
            "title",
            "stage",
            "currency",
            "estimate",
            "budget",
            "costs",
            "remaining",
            "used_percent",
            "status",
            "invoiced",
            "paid",
        ],
        bom,
    )?;
    for r in rows {
        table.row([
            r.client.id.clone(),
            r.project.id.clone(),
            r.project.data.title.clone(),
            r.project.data.stage.as_str().to_owned(),
            r.currency.to_owned(),
            csv_money(r.estimate),
            csv_money(r.budget),
            r.costs.to_string(),
            csv_money(r.remaining),
            r.used_percent.clone().unwrap_or_default(),
            r.status.map(Rag::as_str).unwrap_or_default().to_owned(),
            r.billed.invoiced.to_string(),
            r.billed.paid.to_string(),
        ])?;
    }
    table.finish()
}

#[derive(Serialize)]
struct JsonDoc<'b> {
    /// Whose clients (`--manager`); null fields: every client.
    view: super::manager_view::JsonView<'b>,
    /// D07's threshold in force: amber beyond this share of the budget.
    warn_percent: u32,
    projects: Vec<JsonRow<'b>>,
    totals: Vec<JsonTotal<'b>>,
}

/// One project in `--format json`; amounts are strings with two decimals.
#[derive(Serialize)]
struct JsonRow<'b> {
    client: &'b str,
    client_name: &'b str,
    project: &'b str,
    file: &'b str,
    title: &'b str,
    stage: &'static str,
    currency: &'b str,
    /// The sum of the estimate lines (qty × price, each rounded to kopecks); `null`
    /// without lines.
    estimate: Option<String>,
    budget: Option<String>,
    /// Every recorded cost, whatever its date.
    costs: String,
    /// Budget − costs; negative when over.
    remaining: Option<String>,
    /// Costs as a percentage of the budget, one decimal place.
    used_percent: Option<String>,
    /// `green`, `amber` or `red` by D07's threshold; `null` without a budget.
    status: Option<&'static str>,
    /// Gross totals of the project's issued invoices dated on or before today.
    invoiced: String,
    /// What was paid against them by today.
    paid: String,
}

impl<'b> JsonRow<'b> {
    fn of(r: &'b Row<'b>) -> Self {
        JsonRow {
            client: &r.client.id,
            client_name: r.client.name(),
            project: &r.project.id,
            file: &r.project.file,
            title: &r.project.data.title,
            stage: r.project.data.stage.as_str(),
            currency: r.currency,
            estimate: r.estimate.map(|m| m.to_string()),
            budget: r.budget.map(|m| m.to_string()),
            costs: r.costs.to_string(),
            remaining: r.remaining.map(|m| m.to_string()),
            used_percent: r.used_percent.clone(),
            status: r.status.map(Rag::as_str),
            invoiced: r.billed.invoiced.to_string(),
            paid: r.billed.paid.to_string(),
        }
    }
}

/// A client's totals in one currency.
#[derive(Serialize)]
struct JsonTotal<'b> {
    client: &'b str,
    client_name: &'b str,
    currency: &'b str,
    projects: usize,
    estimate: String,
    budget: String,
    costs: String,
    /// The sum of the remainders of the projects with a budget.
    remaining: String,
    invoiced: String,
    paid: String,
}

impl<'b> JsonTotal<'b> {
    fn of(t: &'b Total<'b>) -> Self {
        JsonTotal {
            client: &t.client.id,
            client_name: t.client.name(),
            currency: t.currency,
            projects: t.projects,
            estimate: t.estimate.unwrap_or(Money::ZERO).to_string(),
            budget: t.budget.unwrap_or(Money::ZERO).to_string(),
            costs: t.costs.to_string(),
            remaining: t.remaining.unwrap_or(Money::ZERO).to_string(),
            invoiced: t.billed.invoiced.to_string(),
            paid: t.billed.paid.to_string(),
        }
    }
}
