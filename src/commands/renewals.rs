//! `rapport renewals`: every active contract with the term in force today (through
//! its tacit renewals), the last day to give notice (moved back to a working day),
//! the days left, the renewal clause, the decision taken for this term, the value and
//! what was invoiced under it — missed notice windows first, then by notice date
//! (duty D2, controlling prolongation).
//!
//! The dates are `terms`' and the states `renewal`'s, the audit's conditions: `missed`
//! is what D02 reports, `due` what D01 reports (within its `days` threshold), so the
//! list and the audit never disagree.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::clients::{header_in, note_in, plain_table, table_date, warn_unreadable};
use super::duty_support::{self as support, Billed, amount_in, billed, currency};
use crate::book::{Book, ClientBook, Entity};
use crate::cli::{ListFormat, RenewalsArgs};
use crate::context::Context;
use crate::domain::calendar::Calendar;
use crate::domain::renewal::{self, State, state};
use crate::domain::terms::{self, Term};
use crate::exit::Exit;
use crate::i18n::{Arg, Lang, say};
use crate::model::Contract;
use crate::model::contract::{ContractKind, ContractStatus, RenewalDecision};
use crate::model::money::Money;
use crate::msg;

pub fn run(ctx: &Context, args: &RenewalsArgs) -> Result<Exit> {
    crate::output::csv::check_bom(args.bom, args.format == ListFormat::Csv)?;
    let book = ctx.load()?;
    let today = ctx.today(book);
    let view = super::manager_view::resolve(ctx, book, args.manager.as_deref())?;
    let rows: Vec<Row<'_>> = rows(book, today)
        .into_iter()
        .filter(|r| view.shows(r.client) && args.within.is_none_or(|n| r.within(today, n)))
        .collect();
    let text = match args.format {
        ListFormat::Table => format!(
            "{}{}",
            view.header("view-renewals", today, ctx.lang),
            render_table(&rows, ctx.lang, today)
        ),
        ListFormat::Json => support::json(&JsonDoc {
            view: view.json(),
            contracts: json_rows(&rows),
        })?,
        ListFormat::Csv => render_csv(&rows, args.bom)?,
    };
    crate::commands::write_stdout(text.as_bytes())?;
    warn_unreadable(ctx.lang, book, view.clients(book));
    if rows.is_empty() && args.format == ListFormat::Table {
        match args.within {
            Some(n) => note_in(
                ctx.lang,
                &msg!("renewals-none-within", days = n).render(ctx.lang),
            ),
            None => note_in(ctx.lang, &say(ctx.lang, "renewals-none")),
        }
    }
    Ok(Exit::Ok)
}

/// Every listed contract as of `today`: missed windows first, then by notice date.
pub(crate) fn rows(book: &Book, today: NaiveDate) -> Vec<Row<'_>> {
    let calendar = Calendar::from_settings(book.settings.as_ref());
    let due_days = support::threshold(
        book.settings.as_ref(),
        crate::audit::rules::thresholds::RENEWAL_NOTICE_DAYS,
    );
    let mut rows: Vec<Row<'_>> = book
        .clients
        .iter()
        .flat_map(|client| {
            client
                .contracts
                .iter()
                .filter(|c| is_listed(&c.data))
                .map(move |c| (client, c))
        })
        .map(|(client, c)| Row::of(book, client, c, today, &calendar, due_days))
        .collect();
    rows.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    rows
}

/// A contract (not a supplement, which follows its parent) with `status: active`.
fn is_listed(c: &Contract) -> bool {
    c.kind == ContractKind::Contract && c.status == ContractStatus::Active
}

/// The renewal clause in a few words: "auto, 12 months, notice 30 days",
/// "no auto-renewal, notice 30 days", "no renewal clause".
fn clause(c: &Contract) -> String {
    let Some(r) = &c.renewal else {
        return "no renewal clause".to_owned();
    };
    let mut parts = vec![if r.auto { "auto" } else { "no auto-renewal" }.to_owned()];
    if r.auto
        && let Some(m) = r.term_months
    {
        parts.push(format!("{m} months"));
    }
    if let Some(d) = r.notice_days {
        parts.push(format!("notice {d} days"));
    }
    parts.join(", ")
}

/// One contract's line.
#[derive(Debug)]
pub(crate) struct Row<'b> {
    pub(crate) client: &'b ClientBook,
    pub(crate) contract: &'b Entity<Contract>,
    pub(crate) term: Term,
    pub(crate) notice: Option<NaiveDate>,
    pub(crate) days_left: Option<i64>,
    pub(crate) state: State,
    pub(crate) decision: Option<RenewalDecision>,
    pub(crate) decided: Option<NaiveDate>,
    pub(crate) next: Option<&'b str>,
    pub(crate) next_number: Option<&'b str>,
    pub(crate) final_end: Option<NaiveDate>,
    pub(crate) value: Option<Money>,
    pub(crate) billed: Billed,
    pub(crate) currency: &'b str,
}

impl<'b> Row<'b> {
    fn of(
        book: &'b Book,
        client: &'b ClientBook,
        e: &'b Entity<Contract>,
        today: NaiveDate,
        calendar: &Calendar,
        due_days: u32,
    ) -> Self {
        let c = &e.data;
        let (term, notice, state) = state(c, today, calendar, due_days);
        let decided_now = state == State::Decided;
        let r = c.renewal.as_ref();
        // A supplement belongs to its contract: its value and invoices count here.
        let supplements: Vec<&str> = client
            .contracts
            .iter()
            .filter(|s| {
                s.data.kind == ContractKind::Supplement && s.data.parent.as_deref() == Some(&e.id)
            })
            .map(|s| s.id.as_str())
            .collect();
        let value = renewal::value_with_supplements(
            c,
            client
                .contracts
                .iter()
                .filter(|s| supplements.contains(&s.id.as_str()))
                .map(|s| &s.data),
        );
        let billed = billed(book, client, today, |i| {
            i.contract
                .as_deref()
                .is_some_and(|id| id == e.id || supplements.contains(&id))
        });
        let next = r.and_then(|r| r.next.as_deref()).filter(|_| decided_now);
        Row {
            client,
            contract: e,
            term,
            notice,
            days_left: notice.map(|n| (n - today).num_days()),
            state,
            decision: r.and_then(|r| r.decision).filter(|_| decided_now),
            decided: r
                .and_then(|r| r.decided)
                .map(|d| d.0)
                .filter(|_| decided_now),
            next,
            next_number: next
                .map(|n| support::contract(client, Some(n)).map_or(n, |x| x.number.as_str())),
            final_end: terms::final_end(c),
            value,
            billed,
            currency: currency(book, client, Some(&e.id), today),
        }
    }

    /// Kept by `--within N`: a missed window, or a notice date (for a contract
    /// without one, the end of the term) from today to N days ahead.
    pub(crate) fn within(&self, today: NaiveDate, n: u32) -> bool {
        if self.state == State::Missed {
            return true;
        }
        let date = match self.notice {
            Some(d) => d,
            None if self.state == State::NoNotice => self.term.end,
            None => return false,
        };
        date >= today && (date - today).num_days() <= i64::from(n)
    }

    /// Missed windows first, then by notice date (none last), end of term, client,
    /// contract.
    fn sort_key(&self) -> (bool, bool, Option<NaiveDate>, NaiveDate, &str, &str) {
        (
            self.state != State::Missed,
            self.notice.is_none(),
            self.notice,
            self.term.end,
            self.client.id.as_str(),
            self.contract.id.as_str(),
        )
    }

    fn decision_text(&self, lang: Lang, today: NaiveDate) -> String {
        let Some(d) = self.decision else {
            return String::new();
        };
        let mut text = match lang {
            Lang::En => d.as_str().to_owned(),
            Lang::Ru => crate::report::digest::decision_label(lang, d).to_owned(),
        };
        if let Some(on) = self.decided {
            text.push_str(&format!(" {}", table_date(lang, on, today)));
        }
        if let Some(n) = self.next_number {
            text.push_str(&format!(" → {n}"));
        }
        text
    }
}

const HEADER: [&str; 10] = [
    "col-notice",
    "col-days",
    "col-state",
    "col-client",
    "col-contract",
    "col-term",
    "col-renewal",
    "col-decision",
    "col-value",
    "col-invoiced",
];

/// [`clause`] in `lang`.
fn clause_in(lang: Lang, c: &Contract) -> String {
    if lang == Lang::En {
        return clause(c);
    }
    let Some(r) = &c.renewal else {
        return say(lang, "renewal-no-clause");
    };
    let mut parts = vec![say(
        lang,
        if r.auto {
            "renewal-auto"
        } else {
            "renewal-no-auto"
        },
    )];
    if r.auto
        && let Some(m) = r.term_months
    {
        parts.push(msg!("renewal-months", months = m).render(lang));
    }
    if let Some(d) = r.notice_days {
        parts.push(msg!("renewal-notice-days", days = d).render(lang));
    }
    parts.join(", ")
}

fn render_table(rows: &[Row<'_>], lang: Lang, today: NaiveDate) -> String {
    let date = |d: NaiveDate| table_date(lang, d, today);
    let cells = rows
        .iter()
        .map(|r| {
            vec![
                r.notice.map(date).unwrap_or_default(),
                r.days_left.map(|d| d.to_string()).unwrap_or_default(),
                match lang {
                    Lang::En => r.state.as_str().replace('_', " "),
                    _ => msg!("renewal-state", state = Arg::Word(r.state.as_str())).render(lang),
                },
                r.client.name().to_owned(),
                r.contract.data.number.clone(),
                // A term is two dates side by side: short, as a contract writes them.
                format!(
                    "{}: {} – {}",
                    r.term.number,
                    crate::report::locale::short_date_iso_en(lang, r.term.start),
                    crate::report::locale::short_date_iso_en(lang, r.term.end)
                ),
                clause_in(lang, &r.contract.data),
                r.decision_text(lang, today),
                r.value
                    .map(|v| amount_in(lang, v, r.currency))
                    .unwrap_or_default(),
                amount_in(lang, r.billed.invoiced, r.currency),
            ]
        })
        .collect();
    let header = header_in(lang, &HEADER);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    plain_table(Some(&header), cells, &[1, 8, 9], 0)
}

/// CSV: one row per contract, in the table's order; the columns are the JSON
/// document's, the term and the renewal clause spread into columns of their own.
fn render_csv(rows: &[Row<'_>], bom: bool) -> Result<String> {
    let mut table = crate::output::csv::Table::new(
        &[
            "client",
            "client_name",
            "contract",
            "file",
            "number",
            "title",
            "state",
            "term_number",
            "term_start",
            "term_end",
            "notice",
            "days_left",
            "final_end",
            "renewal_auto",
            "renewal_term_months",
            "renewal_notice_days",
            "decision",
            "decided",
            "next",
            "next_number",
            "value",
            "invoiced",
            "paid",
            "currency",
        ],
        bom,
    )?;
    let text = |v: Option<String>| v.unwrap_or_default();
    for r in rows {
        let c = &r.contract.data;
        let clause = c.renewal.as_ref();
        table.row([
            r.client.id.clone(),
            r.client.name().to_owned(),
            r.contract.id.clone(),
            r.contract.file.clone(),
            c.number.clone(),
            text(c.title.clone()),
            r.state.as_str().to_owned(),
            r.term.number.to_string(),
            r.term.start.to_string(),
            r.term.end.to_string(),
            text(r.notice.map(|d| d.to_string())),
            text(r.days_left.map(|d| d.to_string())),
            text(r.final_end.map(|d| d.to_string())),
            text(clause.map(|x| x.auto.to_string())),
            text(clause.and_then(|x| x.term_months).map(|m| m.to_string())),
            text(clause.and_then(|x| x.notice_days).map(|d| d.to_string())),
            text(r.decision.map(|d| d.as_str().to_owned())),
            text(r.decided.map(|d| d.to_string())),
            text(r.next.map(str::to_owned)),
            text(r.next_number.map(str::to_owned)),
            text(r.value.map(|v| v.to_string())),
            r.billed.invoiced.to_string(),
            r.billed.paid.to_string(),
            r.currency.to_owned(),
        ])?;
    }
    table.finish()
}

#[derive(Serialize)]
struct JsonTerm {
    /// 1 for the term as signed, 2 for the first tacit renewal, …
    number: u32,
    start: String,
    end: String,
}

#[derive(Serialize)]
struct JsonClause {
    auto: bool,
    term_months: Option<u32>,
    notice_days: Option<u32>,
}

/// One contract in `--format json`.
#[derive(Serialize)]
struct JsonRow<'b> {
    client: &'b str,
    client_name: &'b str,
    contract: &'b str,
    file: &'b str,
    number: &'b str,
    title: Option<&'b str>,
    /// `missed`, `due`, `upcoming`, `decided` or `no_notice`.
    state: &'static str,
    term: JsonTerm,
    /// The last day to give notice for the current term, moved back to a working day.
    notice: Option<String>,
    /// Days from today to `notice`, negative once it has passed.
    days_left: Option<i64>,
    /// The last day of the contract when it will not renew itself again.
    final_end: Option<String>,
    renewal: Option<JsonClause>,
    /// The decision for the current term, if taken.
    decision: Option<&'static str>,
    decided: Option<String>,
    next: Option<&'b str>,
    next_number: Option<&'b str>,
    /// The contract's `value` plus its supplements', if any sets one.
    value: Option<String>,
    /// Gross totals of the issued invoices under the contract or its supplements,
    /// dated on or before today.
    invoiced: String,
    paid: String,
    currency: &'b str,
}

#[derive(Serialize)]
struct JsonDoc<'b> {
    /// Whose clients (`--manager`); null fields: every client.
    view: super::manager_view::JsonView<'b>,
    contracts: Vec<JsonRow<'b>>,
}

fn json_rows<'b>(rows: &'b [Row<'b>]) -> Vec<JsonRow<'b>> {
    rows.iter()
        .map(|r| {
            let c = &r.contract.data;
            JsonRow {
                client: &r.client.id,
                client_name: r.client.name(),
                contract: &r.contract.id,
                file: &r.contract.file,
                number: &c.number,
                title: c.title.as_deref(),
                state: r.state.as_str(),
                term: JsonTerm {
                    number: r.term.number,
                    start: r.term.start.to_string(),
                    end: r.term.end.to_string(),
                },
                notice: r.notice.map(|d| d.to_string()),
                days_left: r.days_left,
                final_end: r.final_end.map(|d| d.to_string()),
                renewal: c.renewal.as_ref().map(|x| JsonClause {
                    auto: x.auto,
                    term_months: x.term_months,
                    notice_days: x.notice_days,
                }),
                decision: r.decision.map(|x| x.as_str()),
                decided: r.decided.map(|d| d.to_string()),
                next: r.next,
                next_number: r.next_number,
                value: r.value.map(|v| v.to_string()),
                invoiced: r.billed.invoiced.to_string(),
                paid: r.billed.paid.to_string(),
                currency: r.currency,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contract(extra: &str) -> Contract {
        let text = format!("number: '1'\nstart: 2024-01-01\nend: 2024-12-31\n{extra}");
        let mut findings = Vec::new();
        crate::book::parse_entity::<Contract>("c.yaml", &text, &mut findings)
            .unwrap_or_else(|| panic!("test contract: {findings:?}"))
    }

    #[test]
    fn clauses_in_words() {
        assert_eq!(clause(&contract("")), "no renewal clause");
        assert_eq!(
            clause(&contract(
                "renewal: {auto: true, term_months: 12, notice_days: 30}\n"
            )),
            "auto, 12 months, notice 30 days"
        );
        assert_eq!(
            clause(&contract("renewal: {auto: false, notice_days: 60}\n")),
            "no auto-renewal, notice 60 days"
        );
    }
}
