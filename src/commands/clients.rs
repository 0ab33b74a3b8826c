//! `rapport clients`: one row per client — status, key flag, manager, curator,
//! active contracts, open projects and the last touch — as a table, JSON or CSV.
//!
//! It also holds what `show` shares with it: the last-touch and active-contract
//! rules, the names of team members, curators and services, the plain table style,
//! and the warning about files that could not be read.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::Write as _;

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use comfy_table::{CellAlignment, ContentArrangement, Table};
use serde::Serialize;

use crate::book::{Book, ClientBook};
use crate::cli::{ClientsArgs, ListFormat};
use crate::context::Context;
use crate::exit::Exit;
use crate::i18n::{Arg, Lang, say};
use crate::model::client::ClientStatus;
use crate::model::contract::{ContractKind, ContractStatus};
use crate::model::{Client, Contract};
use crate::msg;

/// Version of the JSON document's shape; bumped only on an incompatible change.
const JSON_VERSION: u32 = 1;

pub fn run(ctx: &Context, args: &ClientsArgs) -> Result<Exit> {
    let book = ctx.load()?;
    let today = ctx.today(book);
    crate::output::csv::check_bom(args.bom, args.format == ListFormat::Csv)?;
    let view = super::manager_view::resolve(ctx, book, args.manager.as_deref())?;
    let clients = view.clients(book);
    let rows: Vec<Row<'_>> = clients.iter().map(|c| Row::of(c, today)).collect();
    let text = match args.format {
        ListFormat::Table => format!(
            "{}{}",
            view.header("view-clients", today, ctx.lang),
            render_table(book, &rows, ctx.lang, today)
        ),
        ListFormat::Json => render_json(book, &rows, &view)?,
        ListFormat::Csv => render_csv(book, &rows, args.bom)?,
    };
    crate::commands::write_stdout(text.as_bytes())?;
    warn_unreadable(ctx.lang, book, clients.iter().copied());
    if rows.is_empty() && args.format == ListFormat::Table {
        note_in(ctx.lang, &say(ctx.lang, "clients-none"));
    }
    Ok(Exit::Ok)
}

/// One client's line in the list.
#[derive(Debug)]
struct Row<'b> {
    id: &'b str,
    /// Whether `client.yaml` exists and reads; when not, the fields below that come
    /// from it are `None`.
    client_file: ClientFile,
    name: Option<&'b str>,
    status: Option<ClientStatus>,
    key: Option<bool>,
    manager: Option<&'b str>,
    curator: Option<&'b str>,
    active_contracts: usize,
    open_projects: usize,
    last_touch: Option<NaiveDate>,
    days_since: Option<i64>,
}

/// The state of a client's `client.yaml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ClientFile {
    Ok,
    Broken,
    Missing,
}

impl ClientFile {
    pub(super) fn of(client: &ClientBook) -> Self {
        match (&client.client, client.client_broken) {
            (Some(_), _) => ClientFile::Ok,
            (None, true) => ClientFile::Broken,
            (None, false) => ClientFile::Missing,
        }
    }

    pub(super) fn as_str(self) -> &'static str {
        match self {
            ClientFile::Ok => "ok",
            ClientFile::Broken => "broken",
            ClientFile::Missing => "missing",
        }
    }
}

impl<'b> Row<'b> {
    fn of(client: &'b ClientBook, today: NaiveDate) -> Self {
        let data: Option<&Client> = client.client.as_ref().map(|e| &e.data);
        let last_touch = last_touch(client, today);
        Row {
            id: &client.id,
            client_file: ClientFile::of(client),
            name: data.map(|c| c.name.as_str()),
            status: data.map(|c| c.status),
            key: data.map(|c| c.key),
            manager: data.and_then(|c| c.manager.as_deref()),
            curator: data.and_then(|c| c.curator.as_deref()),
            active_contracts: client
                .contracts
                .iter()
                .filter(|c| is_active_contract(&c.data, today))
                .count(),
            open_projects: client
                .projects
                .iter()
                .filter(|p| p.data.stage.is_open())
                .count(),
            last_touch,
            days_since: last_touch.map(|d| (today - d).num_days()),
        }
    }
}

/// Does this contract count as active today? A contract (not a supplement, which
/// belongs to its parent) with `status: active` that has started (`start` ≤ today).
/// The end date is not looked at: an auto-renewing contract runs past its `end`, and
/// a contract that has really ended should be marked `closed`.
pub(super) fn is_active_contract(contract: &Contract, today: NaiveDate) -> bool {
    contract.kind == ContractKind::Contract
        && contract.status == ContractStatus::Active
        && contract.start.0 <= today
}

/// The last touch: the latest day, on or before `today`, of a meeting or a log
/// entry. Meetings after today are planned, not held, and do not count.
pub(super) fn last_touch(client: &ClientBook, today: NaiveDate) -> Option<NaiveDate> {
    let meetings = client.meetings.iter().map(|m| m.data.at.date());
    let log = client.log.iter().map(|l| l.data.at.date());
    meetings.chain(log).filter(|d| *d <= today).max()
}

/// A curator's name, or `id` itself when the book does not know it.
pub(super) fn curator_name<'b>(book: &'b Book, id: &'b str) -> &'b str {
    book.settings
        .as_ref()
        .and_then(|s| s.curators.iter().find(|m| m.id == id))
        .map_or(id, |m| m.name.as_str())
}

/// A service's name from the catalogue, or `id` itself.
pub(super) fn service_name<'b>(book: &'b Book, id: &'b str) -> &'b str {
    book.settings
        .as_ref()
        .and_then(|s| s.services.iter().find(|m| m.id == id))
        .map_or(id, |m| m.name.as_str())
}

/// Makes text safe for one table cell: line breaks and other control characters
/// become spaces, runs of spaces collapse to one.
pub(super) fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A table in the plain style every listing uses: no colours, no vertical rules, a
/// dashed line under the header when there is one, columns two spaces apart, no
/// wrapping (so the text never depends on the terminal), no trailing spaces.
/// `indent` spaces go before every line; columns listed in `right` are right-aligned.
pub(super) fn plain_table(
    header: Option<&[&str]>,
    rows: Vec<Vec<String>>,
    right: &[usize],
    indent: usize,
) -> String {
    let mut table = Table::new();
    // Only the header line is drawn: position 5 of a comfy-table preset.
    let style = if header.is_some() {
        "     -             "
    } else {
        "                   "
    };
    table
        .load_preset(style)
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Disabled);
    if let Some(header) = header {
        table.set_header(header.iter().copied());
    }
    for row in rows {
        table.add_row(row.into_iter().map(|cell| one_line(&cell)));
    }
    if let Some(first) = table.column_mut(0) {
        first.set_padding((0, 1));
    }
    for i in right {
        if let Some(column) = table.column_mut(*i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    let mut text = String::new();
    for line in table.lines() {
        let _ = writeln!(text, "{:indent$}{}", "", line.trim_end());
    }
    text
}

const HEADER: [&str; 10] = [
    "col-id",
    "col-name",
    "col-status",
    "col-key",
    "col-manager",
    "col-curator",
    "col-contracts",
    "col-projects",
    "col-last-touch",
    "col-days",
];

/// A table's header: the catalog's words for `ids` in `lang`.
pub(super) fn header_in(lang: Lang, ids: &[&'static str]) -> Vec<String> {
    ids.iter().map(|id| say(lang, id)).collect()
}

/// A date in a table: ISO in English (as it always was), «30 ноября» in Russian
/// (with its year when more than a month from `today`).
pub(super) fn table_date(lang: Lang, d: NaiveDate, today: NaiveDate) -> String {
    match lang {
        Lang::En => d.to_string(),
        Lang::Ru => crate::i18n::day_ru(d, today),
    }
}

/// The cells of a row as the table and the CSV show them.
fn cells(book: &Book, row: &Row<'_>) -> Vec<String> {
    vec![
        row.id.to_owned(),
        row.name.unwrap_or_default().to_owned(),
        row.status
            .map(|x| x.as_str())
            .unwrap_or_default()
            .to_owned(),
        if row.key == Some(true) { "yes" } else { "" }.to_owned(),
        row.manager
            .map(|m| book.team_name(m).unwrap_or(m))
            .unwrap_or_default()
            .to_owned(),
        row.curator
            .map(|c| curator_name(book, c))
            .unwrap_or_default()
            .to_owned(),
        row.active_contracts.to_string(),
        row.open_projects.to_string(),
        row.last_touch.map(|d| d.to_string()).unwrap_or_default(),
        row.days_since.map(|d| d.to_string()).unwrap_or_default(),
    ]
}

/// The table: "Contracts" counts active contracts, "Projects" open projects, "Days"
/// the days since the last touch. In another language than English the words of the
/// cells are translated (the CSV keeps the book's).
fn render_table(book: &Book, rows: &[Row<'_>], lang: Lang, today: NaiveDate) -> String {
    let cells = rows
        .iter()
        .map(|r| {
            let mut cells = cells(book, r);
            if lang != Lang::En {
                if let Some(status) = r.status {
                    cells[2] =
                        msg!("client-status", status = Arg::Word(status.as_str())).render(lang);
                }
                if r.key == Some(true) {
                    cells[3] = say(lang, "yes");
                }
                if let Some(d) = r.last_touch {
                    cells[8] = table_date(lang, d, today);
                }
            }
            cells
        })
        .collect();
    let header = header_in(lang, &HEADER);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    plain_table(Some(&header), cells, &[6, 7, 9], 0)
}

/// CSV: a header row, then one row per client.
fn render_csv(book: &Book, rows: &[Row<'_>], bom: bool) -> Result<String> {
    let header = [
        "id",
        "name",
        "status",
        "key",
        "manager",
        "curator",
        "active_contracts",
        "open_projects",
        "last_touch",
        "days_since_touch",
    ];
    let mut table = crate::output::csv::Table::new(&header, bom)?;
    for row in rows {
        table.row(cells(book, row))?;
    }
    table.finish()
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    version: u32,
    /// Whose clients (`--manager`); null fields: every client.
    view: super::manager_view::JsonView<'a>,
    clients: Vec<JsonClient<'a>>,
}

/// One client in `--format json`. Keys are stable; a value unknown because
/// `client.yaml` is missing or broken is `null`.
#[derive(Serialize)]
struct JsonClient<'a> {
    id: &'a str,
    /// `ok`, `broken` (exists but does not read) or `missing`.
    client_file: &'static str,
    name: Option<&'a str>,
    status: Option<&'static str>,
    key: Option<bool>,
    manager: Option<&'a str>,
    manager_name: Option<&'a str>,
    curator: Option<&'a str>,
    curator_name: Option<&'a str>,
    active_contracts: usize,
    open_projects: usize,
    last_touch: Option<String>,
    days_since_touch: Option<i64>,
}

fn render_json(book: &Book, rows: &[Row<'_>], view: &super::manager_view::View) -> Result<String> {
    let doc = JsonDocument {
        version: JSON_VERSION,
        view: view.json(),
        clients: rows
            .iter()
            .map(|r| JsonClient {
                id: r.id,
                client_file: r.client_file.as_str(),
                name: r.name,
                status: r.status.map(|x| x.as_str()),
                key: r.key,
                manager: r.manager,
                manager_name: r.manager.map(|m| book.team_name(m).unwrap_or(m)),
                curator: r.curator,
                curator_name: r.curator.map(|c| curator_name(book, c)),
                active_contracts: r.active_contracts,
                open_projects: r.open_projects,
                last_touch: r.last_touch.map(|d| d.to_string()),
                days_since_touch: r.days_since,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&doc).context("cannot write the JSON")?;
    text.push('\n');
    Ok(text)
}

/// Prints a note to stderr (quietly doing nothing if stderr is closed).
pub(super) fn note(text: &str) {
    note_in(Lang::En, text);
}

/// A note on stderr, its prefix in `lang`.
pub(super) fn note_in(lang: Lang, text: &str) {
    let _ = writeln!(
        std::io::stderr().lock(),
        "{}: {text}",
        say(lang, "note-prefix")
    );
}

/// The files of these clients that exist but could not be read (or repeat another
/// file's ID): what is shown is short of them.
pub(super) fn unreadable_files<'b, 'c>(
    book: &'b Book,
    clients: impl IntoIterator<Item = &'c ClientBook>,
) -> Vec<&'b str> {
    let mut out = Vec::new();
    for client in clients {
        let loaded: HashSet<&str> = client
            .client
            .iter()
            .map(|e| e.file.as_str())
            .chain(client.contracts.iter().map(|e| e.file.as_str()))
            .chain(client.projects.iter().map(|e| e.file.as_str()))
            .chain(client.meetings.iter().map(|e| e.file.as_str()))
            .chain(client.log.iter().map(|e| e.file.as_str()))
            .chain(client.invoices.iter().map(|e| e.file.as_str()))
            .chain(client.acts.iter().map(|e| e.file.as_str()))
            .collect();
        out.extend(
            book.client_sources(&client.id)
                .iter()
                .map(|s| s.file.as_str())
                .filter(|f| !loaded.contains(f)),
        );
    }
    out
}

/// Tells on stderr, in `lang`, which files of these clients could not be read.
pub(super) fn warn_unreadable<'c>(
    lang: Lang,
    book: &Book,
    clients: impl IntoIterator<Item = &'c ClientBook>,
) {
    let files = unreadable_files(book, clients);
    if files.is_empty() {
        return;
    }
    let mut text = crate::msg!("unreadable-files", count = files.len()).render(lang);
    for f in &files {
        let _ = write!(text, "\n  {f}");
    }
    let _ = write!(
        text,
        "\n{}: {}",
        say(lang, "hint-prefix"),
        say(lang, "unreadable-hint")
    );
    let _ = writeln!(
        std::io::stderr().lock(),
        "{}: {text}",
        say(lang, "warning-prefix")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_collapses_breaks_and_runs_of_spaces() {
        assert_eq!(one_line("  a\n b\t\tc \r\n"), "a b c");
        assert_eq!(one_line(""), "");
    }
}
