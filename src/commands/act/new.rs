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

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use crate::audit::rules::d05_invoice_numbering::{parse_pattern, render};
use crate::book::{self, Book, ClientBook, Kind, is_slug};
use crate::cli::ActNewArgs;
use crate::commands::duty_support as support;
use crate::commands::invoice::new::{check_ref, next_seq, split_line};
use crate::commands::{hinted, localized};
use crate::context::Context;
use crate::exit::Exit;
use crate::i18n::{Arg, Lang, Msg};
use crate::model::Act;
use crate::model::invoice::InvoiceStatus;
use crate::model::money::{Money, Quantity};
use crate::model::settings::Locale;
use crate::msg;
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
    let draft = prepare(book, args, today, ctx.lang)?;
    match write::create_new(
        &write::book_path(&root, &draft.file)?,
        draft.text.as_bytes(),
    ) {
        Ok(()) => {}
        Err(WriteError::Exists(_)) => {
            return Err(hinted(
                msg!("act-new-exists", file = draft.file.as_str()),
                msg!("act-new-exists-hint"),
            ));
        }
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
        let n = i + 1;
        let (item, qty_text, unit, price_text) = split_line(line)?;
        // The line's refusals say its number, the line and the value in question.
        let refused = |id: &'static str, value: Arg| {
            localized(Msg::new(
                id,
                vec![("n", Arg::from(n)), ("line", line.into()), ("value", value)],
            ))
        };
        let qty = (!qty_text.is_empty())
            .then(|| {
                qty_text
                    .parse::<Quantity>()
                    .map_err(|_| refused("act-line-not-a-quantity", qty_text.into()))
            })
            .transpose()?;
        let price: Money = price_text
            .parse()
            .map_err(|_| refused("act-line-not-money", price_text.into()))?;
        // As `invoice new` checks its lines: work done is worth something.
        let q = qty.unwrap_or_else(Quantity::one);
        if q.0 <= rust_decimal::Decimal::ZERO {
            return Err(refused(
                "act-line-zero-quantity",
                Arg::Number(q.0.normalize()),
            ));
        }
        if price < Money::ZERO {
            let mut amount = price.0;
            amount.rescale(2);
            return Err(refused("act-line-negative-price", Arg::Number(amount)));
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
                return Err(hinted(
                    msg!(
                        "act-invoice-unreadable",
                        client = client.id.as_str(),
                        id = id.as_str()
                    ),
                    audit_client(client),
                ));
            }
            check_ref(client, "--invoice", Kind::Invoice, Some(id))?;
            return Err(localized(msg!(
                "act-invoice-unknown",
                client = client.id.as_str(),
                id = id.as_str()
            )));
        };
        let number = e.data.number.as_str();
        if e.data.status == InvoiceStatus::Cancelled {
            return Err(localized(msg!("act-invoice-cancelled", number = number)));
        }
        if let Some(a) = client.acts_closing_invoice(&e.id).next() {
            return Err(localized(msg!(
                "act-invoice-closed",
                number = number,
                act = a.data.number.as_str(),
                file = a.file.as_str()
            )));
        }
        if out.contains(&e.id) {
            return Err(localized(msg!("act-invoice-twice", number = number)));
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
            return Err(hinted(
                msg!("act-project-nothing-open", project = project.as_str()),
                msg!("act-project-nothing-open-hint"),
            ));
        }
        out.extend(open.into_iter().map(|i| i.id.clone()));
    }
    Ok(out)
}

/// The hint to ask the audit what is wrong with the client's files.
fn audit_client(client: &ClientBook) -> Msg {
    msg!("act-audit-client-hint", client = client.id.as_str())
}

/// The act `args` ask for, checked; `lang` words what the loader finds wrong with it.
fn prepare(book: &Book, args: &ActNewArgs, today: NaiveDate, lang: Lang) -> Result<Draft> {
    let Some(settings) = book.settings.as_ref() else {
        return Err(hinted(
            msg!("act-settings-unreadable"),
            msg!("act-settings-unreadable-hint"),
        ));
    };
    let client = support::find_client(book, &args.client)?;
    if client.client.is_none() {
        return Err(hinted(
            msg!("act-client-unreadable", client = client.id.as_str()),
            audit_client(client),
        ));
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
        return Err(hinted(
            msg!("act-number-pattern", pattern = pattern),
            msg!("act-number-pattern-hint"),
        ));
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
            .map(|f| {
                let (message, _) =
                    crate::finding::in_lang(lang, f.said.as_deref(), &f.message, None);
                format!("{message} ({})", f.code)
            })
            .collect();
        return Err(localized(msg!(
            "act-new-not-read-back",
            why = why.join("; ")
        )));
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
        .map_err(|e| localized(msg!("act-new-not-priced", why = e.to_string())))?;
    let cur = book::currency(book, client, terms.contract, date);
    if totals.gross <= Money::ZERO {
        return Err(hinted(
            msg!(
                "act-total-not-positive",
                total = Arg::Money {
                    amount: totals.gross,
                    currency: cur.to_owned()
                }
            ),
            msg!("act-total-not-positive-hint"),
        ));
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
