//! `rapport act new CLIENT (--invoice N | --project P | --line …)`: the next act.
//!
//! Under the book's lock ([`crate::write::lock::BookLock`], the one `invoice new` takes)
//! the book is read afresh, the next free number is taken from rapport.yaml's
//! `act.number` pattern (read by D05's parser: `{year}`, `{seq}`/`{seq:04}`,
//! `{client}`), and the file is created with [`crate::write::create_new`], which never
//! overwrites and never leaves a torn file. Two `act new` at once therefore queue on
//! the lock and get consecutive numbers.
//!
//! Acts have a sequence of their own: the next number is one more than the highest
//! sequence number of the year among the book's acts that match the pattern — drafts
//! and cancelled ones too, and act files that do not read, by their file name —
//! counted per client when the pattern has `{client}`.
//!
//! What the act closes: the invoices given with `--invoice` (their lines are the act's
//! unless `--line` gives others); or, with `--project` alone, the project's issued
//! invoices that no act closes yet; or just the `--line`s. An invoice that an act
//! already closes, or a cancelled one, is refused.

use std::fmt::Write as _;

use anyhow::{Result, bail};
use chrono::{Datelike, NaiveDate};

use crate::audit::rules::d05_invoice_numbering::{parse_pattern, render};
use crate::book::{self, Book, ClientBook, Kind, is_slug};
use crate::cli::ActNewArgs;
use crate::commands::duty_support as support;
use crate::commands::invoice::new::{bad_line, check_ref, next_seq, split_line};
use crate::context::Context;
use crate::exit::Exit;
use crate::model::Act;
use crate::model::invoice::InvoiceStatus;
use crate::model::money::{Money, Quantity};
use crate::model::settings::Locale;
use crate::report::locale;
use crate::write::lock::BookLock;
use crate::write::scalar::{yaml_id, yaml_string};
use crate::write::{self, WriteError};

/// Runs `rapport act new`.
pub fn run(ctx: &Context, args: &ActNewArgs) -> Result<Exit> {
    let root = ctx.book_root()?;
    let lock = BookLock::acquire(&root)?;
    let book = ctx.load()?;
    let today = ctx.today(book);
    let draft = prepare(book, args, today)?;
    match write::create_new(
        &write::book_path(&root, &draft.file)?,
        draft.text.as_bytes(),
    ) {
        Ok(()) => {}
        Err(WriteError::Exists(_)) => bail!(
            "{} already exists: rapport never overwrites a file\nhint: an act file of this \
             name was made outside rapport's lock; try again",
            draft.file
        ),
        Err(e) => return Err(e.into()),
    }
    drop(lock);
    crate::commands::say_out(
        ctx.lang,
        &crate::msg!("created", path = draft.file.as_str()),
    )?;
    eprintln!("{}", draft.summary);
    Ok(Exit::Ok)
}

/// The new act, checked, not yet written.
#[derive(Debug)]
struct Draft {
    file: String,
    text: String,
    summary: String,
}

/// The `--line`s as YAML text lines of a block list.
fn lines_text(args: &ActNewArgs) -> Result<String> {
    let mut out = String::new();
    for (i, line) in args.lines.iter().enumerate() {
        let (item, qty, unit, price) = split_line(line)?;
        let qty = (!qty.is_empty())
            .then(|| {
                qty.parse::<Quantity>()
                    .map_err(|e| anyhow::anyhow!("invalid --line {} (`{line}`): {e}", i + 1))
            })
            .transpose()?;
        let price: Money = price
            .parse()
            .map_err(|e| anyhow::anyhow!("invalid --line {} (`{line}`): {e}", i + 1))?;
        if let Some(why) = bad_line(qty.unwrap_or_else(Quantity::one), price) {
            bail!("invalid --line {}: `{line}` {why}", i + 1);
        }
        let _ = writeln!(out, "  - item: {}", yaml_string(item));
        if let Some(q) = qty {
            let _ = writeln!(out, "    qty: {q}");
        }
        if !unit.is_empty() {
            let _ = writeln!(out, "    unit: {}", yaml_string(unit));
        }
        let _ = writeln!(out, "    price: {price}");
    }
    Ok(out)
}

/// The invoices the act closes: those given, each checked; or, with a project alone,
/// its issued invoices that no act closes yet.
fn invoices(client: &ClientBook, args: &ActNewArgs) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for id in &args.invoices {
        let Some(e) = client
            .invoice_entity(id)
            .or_else(|| client.invoices.iter().find(|i| &i.data.number == id))
        else {
            if client.has(Kind::Invoice, id) {
                bail!(
                    "invalid --invoice: clients/{}/invoices/{id} does not read\nhint: `rapport \
                     audit clients/{}` says what is wrong",
                    client.id,
                    client.id
                );
            }
            check_ref(client, "--invoice", Kind::Invoice, Some(id))?;
            bail!(
                "invalid --invoice: no invoice `{id}` in client `{}`",
                client.id
            );
        };
        if e.data.status == InvoiceStatus::Cancelled {
            bail!(
                "invalid --invoice: invoice {} is cancelled: there is no work to close",
                e.data.number
            );
        }
        if let Some(a) = client.acts_closing_invoice(&e.id).next() {
            bail!(
                "invalid --invoice: invoice {} is closed already by act {} ({})",
                e.data.number,
                a.data.number,
                a.file
            );
        }
        if out.contains(&e.id) {
            bail!(
                "invalid --invoice: invoice {} is given twice",
                e.data.number
            );
        }
        out.push(e.id.clone());
    }
    if out.is_empty()
        && args.lines.is_empty()
        && let Some(project) = &args.project
    {
        let mut open: Vec<_> = client
            .invoices
            .iter()
            .filter(|i| {
                i.data.project.as_deref() == Some(project.as_str())
                    && i.data.status == InvoiceStatus::Issued
                    && client.acts_closing_invoice(&i.id).next().is_none()
            })
            .collect();
        open.sort_by_key(|i| (i.data.date, i.id.clone()));
        if open.is_empty() {
            bail!(
                "project `{project}` has no issued invoice that an act does not close already\n\
                 hint: give the services with --line \"ITEM;QTY;UNIT;PRICE\", or the invoice \
                 with --invoice N"
            );
        }
        out.extend(open.into_iter().map(|i| i.id.clone()));
    }
    Ok(out)
}

fn prepare(book: &Book, args: &ActNewArgs, today: NaiveDate) -> Result<Draft> {
    let Some(settings) = book.settings.as_ref() else {
        bail!(
            "rapport.yaml does not read, so the act numbering is unknown\nhint: `rapport \
             audit` says what is wrong with it"
        );
    };
    let client = support::find_client(book, &args.client)?;
    if client.client.is_none() {
        bail!(
            "clients/{}/client.yaml is missing or does not read: an act needs its customer\n\
             hint: `rapport audit clients/{}` says what is wrong",
            client.id,
            client.id
        );
    }
    check_ref(
        client,
        "--contract",
        Kind::Contract,
        args.contract.as_deref(),
    )?;
    check_ref(client, "--project", Kind::Project, args.project.as_deref())?;
    let lines = lines_text(args)?;
    let invoices = invoices(client, args)?;
    let date = args.date.unwrap_or(today);
    let year = date.year();
    // The contract: given, else the first invoice's (then it need not be written),
    // else the project's.
    let first_invoice_contract = invoices
        .first()
        .and_then(|id| client.invoice_entity(id))
        .and_then(|i| i.data.contract.clone());
    let contract = args.contract.clone().or_else(|| {
        if first_invoice_contract.is_some() {
            return None;
        }
        client
            .project_entity(args.project.as_deref())
            .and_then(|p| p.data.contract.clone())
    });
    // The project: given, else the first invoice's.
    let project = args.project.clone().or_else(|| {
        invoices
            .first()
            .and_then(|id| client.invoice_entity(id))
            .and_then(|i| i.data.project.clone())
    });

    let pattern = settings.act.number.as_str();
    let Some(toks) = parse_pattern(pattern) else {
        bail!(
            "rapport.yaml's act.number `{pattern}` cannot number acts: it needs exactly one \
             {{seq}} (or {{seq:04}}) and only the placeholders {{year}}, {{seq}}, {{client}}\n\
             hint: the default is \"{{year}}-{{seq:04}}\""
        );
    };
    let mut seq = next_seq(book, &toks, &client.id, year, Kind::Act, |c| {
        c.acts
            .iter()
            .map(|e| (e.id.as_str(), e.data.number.as_str(), e.data.date.0))
    });
    let (number, id) = loop {
        let number = render(&toks, year, seq, &client.id);
        let id = if is_slug(&number) {
            number.clone()
        } else {
            format!("{year:04}-{seq:04}")
        };
        let taken = book.clients.iter().any(|c| {
            c.acts
                .iter()
                .any(|e| e.data.number == number && e.data.date.0.year() == year)
        });
        if !taken && !client.has(Kind::Act, &id) {
            break (number, id);
        }
        seq = seq.saturating_add(1);
    };

    let mut text = String::new();
    let _ = writeln!(text, "number: {}", yaml_string(&number));
    let _ = writeln!(text, "date: {date}");
    if let Some(c) = &contract {
        let _ = writeln!(text, "contract: {}", yaml_id(c));
    }
    if let Some(p) = &project {
        let _ = writeln!(text, "project: {}", yaml_id(p));
    }
    if !invoices.is_empty() {
        let ids: Vec<String> = invoices.iter().map(|i| yaml_id(i)).collect();
        let _ = writeln!(text, "invoices: [{}]", ids.join(", "));
    }
    if !lines.is_empty() {
        text.push_str("lines:\n");
        text.push_str(&lines);
    }

    let file = format!("clients/{}/acts/{id}.yaml", client.id);
    let mut findings = Vec::new();
    let parsed = book::parse_entity::<Act>(&file, &text, &mut findings);
    let Some(act) = parsed.filter(|_| findings.is_empty()) else {
        let why: Vec<String> = findings
            .iter()
            .map(|f| format!("{} ({})", f.message, f.code))
            .collect();
        bail!("the new act does not read back: {}", why.join("; "));
    };
    let terms = client.act_terms(&act);
    let rate = crate::domain::billing::vat_rate(
        terms.vat,
        book::vat_contract(client, terms.contract, date),
        Some(settings),
    );
    let include =
        crate::domain::billing::prices_include_vat(terms.prices_include_vat, Some(settings));
    let (_, totals) = crate::domain::billing::priced(&terms.lines, rate, include)
        .map_err(|e| anyhow::anyhow!("the new act cannot be drawn up: {e}"))?;
    let cur = book::currency(book, client, terms.contract, date);
    if totals.gross <= Money::ZERO {
        bail!(
            "the act would total {} {cur}: an act closes work worth more than zero\nhint: \
             check the prices",
            totals.gross
        );
    }
    let loc = settings.locale;
    let summary = match loc {
        Locale::Ru => format!(
            "акт № {number} от {} на {}",
            locale::short_date(loc, date),
            locale::money(loc, totals.gross, cur),
        ),
        Locale::En => format!(
            "act No. {number} of {}, {}",
            locale::short_date(loc, date),
            locale::money(loc, totals.gross, cur),
        ),
    };
    Ok(Draft {
        file,
        text,
        summary,
    })
}
