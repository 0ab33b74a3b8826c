//! `rapport invoice new CLIENT`: the next invoice of the year.
//!
//! Under the book's invoice lock ([`crate::write::lock::BookLock`]) the book is read afresh, the
//! next free number is taken from rapport.yaml's `invoice.number` pattern (read by
//! D05's parser: `{year}`, `{seq}`/`{seq:0N}`, `{client}`), and the file is created
//! with [`crate::write::create_new`], which never overwrites and never leaves a torn
//! file. Two `invoice new` at once therefore queue on the lock and get consecutive
//! numbers. Numbers that arrive from another git branch are D05's to catch.
//!
//! The next number is one more than the highest sequence number of the year among
//! every invoice of the book that matches the pattern — drafts and cancelled ones
//! too, since their numbers are taken, and invoice files that do not read, by their
//! file name — counted per client when the pattern has `{client}`. The file is named
//! after the number when the number is a valid ID (`2026-0010.yaml`), else
//! `<year>-<seq:04>` (`"{seq}/{year}"` gives `17/2026` in `2026-0017.yaml`).

use std::fmt::Write as _;

use anyhow::Result;
use chrono::{Datelike, Days, NaiveDate};

use crate::audit::rules::d05_invoice_numbering::{Tok, match_number, parse_pattern, render};
use crate::book::{self, Book, ClientBook, Kind, is_slug};
use crate::cli::InvoiceNewArgs;
use crate::commands::duty_support::{self as support, currency, vat_contract};
use crate::commands::{hinted, localized};
use crate::context::Context;
use crate::domain::{billing, plan};
use crate::exit::Exit;
use crate::i18n::{Arg, Lang, Msg};
use crate::model::Invoice;
use crate::model::money::{Money, Quantity, Vat};
use crate::model::settings::Locale;
use crate::msg;
use crate::report::locale;
use crate::write::lock::BookLock;
use crate::write::scalar::yaml_string;
use crate::write::{self, WriteError};

/// Runs `rapport invoice new`.
pub fn run(ctx: &Context, args: &InvoiceNewArgs) -> Result<Exit> {
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
                msg!("invoice-new-exists", file = draft.file.as_str()),
                msg!("invoice-new-exists-hint"),
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

/// The new invoice, checked, not yet written.
#[derive(Debug)]
struct Draft {
    /// Relative to the book root.
    file: String,
    text: String,
    /// One line for the user: number, total, due.
    summary: String,
}

/// One `--line ITEM;QTY;UNIT;PRICE`, trimmed, split from the right (the item may hold
/// `;`); QTY and UNIT may be empty. The same form as `rapport new invoice --line`.
pub(crate) fn split_line(line: &str) -> Result<(&str, &str, &str, &str)> {
    let mut parts = line.rsplitn(4, ';').map(str::trim);
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(price), Some(unit), Some(qty), Some(item)) if !item.is_empty() => {
            Ok((item, qty, unit, price))
        }
        _ => Err(hinted(
            msg!("invoice-line-not-split", line = line),
            // The examples are the book's words, not the catalog's (tests/lang.rs tells
            // the two apart).
            msg!(
                "invoice-line-not-split-hint",
                example = "Дизайн упаковки;3;SKU;75000",
                advance = "Аванс;;;150000"
            ),
        )),
    }
}

/// What is wrong with a line of `qty` × `price`, if anything: an invoice asks for
/// money, so a quantity is more than zero and a price is not negative.
pub(crate) fn bad_line(qty: Quantity, price: Money) -> Option<BadLine> {
    if qty.0 <= rust_decimal::Decimal::ZERO {
        Some(BadLine::Quantity(qty))
    } else if price < Money::ZERO {
        Some(BadLine::Price(price))
    } else {
        None
    }
}

/// What [`bad_line`] finds wrong: a predicate of the line ("has a quantity of 0: …"),
/// shown in English, or in the user's language through [`BadLine::msg`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BadLine {
    Quantity(Quantity),
    Price(Money),
}

impl BadLine {
    pub(crate) fn msg(self) -> Msg {
        match self {
            BadLine::Quantity(qty) => msg!(
                "invoice-line-qty-not-positive",
                qty = Arg::Number(qty.0.normalize())
            ),
            BadLine::Price(price) => {
                msg!(
                    "invoice-line-price-negative",
                    price = Arg::Number(two_places(price))
                )
            }
        }
    }
}

impl std::fmt::Display for BadLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().render(Lang::En))
    }
}

/// `price` as a decimal with its two places, as [`Money`] shows itself: `-5.00`.
fn two_places(price: Money) -> rust_decimal::Decimal {
    let mut d = price.0;
    d.rescale(2);
    d
}

/// One `--line` (the `n`th, from 1) read whole: its item, quantity (when given), unit
/// and price, each checked.
pub(crate) fn parse_line(n: usize, line: &str) -> Result<(&str, Option<Quantity>, &str, Money)> {
    let (item, qty, unit, price) = split_line(line)?;
    let qty = (!qty.is_empty())
        .then(|| {
            qty.parse::<Quantity>().map_err(|_| {
                localized(msg!(
                    "invoice-line-bad-qty",
                    n = n,
                    line = line,
                    value = qty
                ))
            })
        })
        .transpose()?;
    let price = price.parse::<Money>().map_err(|_| {
        localized(msg!(
            "invoice-line-bad-price",
            n = n,
            line = line,
            value = price
        ))
    })?;
    if let Some(why) = bad_line(qty.unwrap_or_else(Quantity::one), price) {
        return Err(localized(msg!(
            "invoice-line-bad",
            n = n,
            line = line,
            why = why.msg()
        )));
    }
    Ok((item, qty, unit, price))
}

/// A line ready to write: its values as YAML text.
struct LineText {
    item: String,
    qty: Option<String>,
    unit: Option<String>,
    price: String,
}

fn parse_lines(args: &InvoiceNewArgs, client: &ClientBook) -> Result<Vec<LineText>> {
    let mut out = Vec::new();
    if args.from_estimate {
        let id = args.project.as_deref().unwrap_or_default();
        let project = client.projects.iter().find(|p| p.id == id);
        let Some(project) = project else {
            return Err(localized(msg!(
                "invoice-estimate-unreadable",
                id = id,
                client = client.id.as_str()
            )));
        };
        if project.data.estimate.is_empty() {
            return Err(hinted(
                msg!("invoice-estimate-empty", id = id),
                msg!("invoice-estimate-empty-hint", file = project.file.as_str()),
            ));
        }
        for (n, l) in project.data.estimate.iter().enumerate() {
            if let Some(why) = bad_line(l.qty, l.price) {
                return Err(hinted(
                    msg!(
                        "invoice-estimate-bad-line",
                        n = n + 1,
                        file = project.file.as_str(),
                        item = l.item.as_str(),
                        why = why.msg()
                    ),
                    msg!("invoice-estimate-bad-line-hint"),
                ));
            }
            out.push(LineText {
                item: yaml_string(&l.item),
                qty: (l.qty != Quantity::one()).then(|| l.qty.to_string()),
                unit: l.unit.as_deref().map(yaml_string),
                price: l.price.to_string(),
            });
        }
    }
    for (i, line) in args.lines.iter().enumerate() {
        let (item, qty, unit, price) = parse_line(i + 1, line)?;
        out.push(LineText {
            item: yaml_string(item),
            qty: qty.map(|q| q.to_string()),
            unit: (!unit.is_empty()).then(|| yaml_string(unit)),
            price: price.to_string(),
        });
    }
    if out.is_empty() {
        return Err(hinted(
            msg!("invoice-no-lines"),
            msg!("invoice-no-lines-hint"),
        ));
    }
    Ok(out)
}

/// The entry of a contract's billing plan that `--planned` names, checked: the
/// contract is the client's and in force, the entry exists and no invoice issues it
/// yet.
struct PlannedEntry {
    contract: String,
    number: u32,
    /// The entry gives a sum (one line of that price, VAT in it), not lines.
    amount: bool,
    lines: Vec<LineText>,
}

impl PlannedEntry {
    fn lines(&self) -> Vec<LineText> {
        self.lines
            .iter()
            .map(|l| LineText {
                item: l.item.clone(),
                qty: l.qty.clone(),
                unit: l.unit.clone(),
                price: l.price.clone(),
            })
            .collect()
    }
}

fn planned_entry(
    book: &Book,
    client: &ClientBook,
    settings: &crate::model::Settings,
    reference: &str,
    net: bool,
    today: NaiveDate,
) -> Result<PlannedEntry> {
    let (id, number) = plan::parse_ref(reference).map_err(|_| {
        // plan::parse_ref's two refusals, in its order: a bad number after `#`, then
        // no contract before it.
        let bad_number = reference
            .split_once('#')
            .is_some_and(|(_, n)| n.trim().parse::<u32>().ok().filter(|n| *n > 0).is_none());
        localized(if bad_number {
            msg!("invoice-planned-bad-number", text = reference)
        } else {
            msg!("invoice-planned-no-contract", text = reference)
        })
    })?;
    check_ref(client, "--planned", Kind::Contract, Some(id))?;
    let Some(e) = client.contract_entity(Some(id)) else {
        return Err(hinted(
            msg!(
                "invoice-planned-unreadable",
                file = format!("clients/{}/contracts/{id}.yaml", client.id)
            ),
            msg!("invoice-audit-client-hint", client = client.id.as_str()),
        ));
    };
    let c = &e.data;
    if !plan::in_force(c) {
        return Err(hinted(
            msg!(
                "invoice-planned-not-in-force",
                number = c.number.as_str(),
                file = e.file.as_str(),
                status = Arg::Word(c.status.as_str())
            ),
            msg!("invoice-planned-not-in-force-hint", id = id),
        ));
    }
    if c.billing.is_empty() {
        return Err(hinted(
            msg!(
                "invoice-planned-no-plan",
                number = c.number.as_str(),
                file = e.file.as_str()
            ),
            msg!("invoice-planned-no-plan-hint", id = id),
        ));
    }
    let invoices = || client.invoices.iter().map(|i| (i.id.as_str(), &i.data));
    let issued = |n: u32| plan::issued_by(invoices(), id, n);
    let entries = c.billing.len();
    let entry = match number {
        Some(n) => {
            let Some(entry) = plan::entry(c, n) else {
                return Err(hinted(
                    msg!(
                        "invoice-planned-no-entry",
                        number = c.number.as_str(),
                        n = n,
                        entries = entries,
                        file = e.file.as_str()
                    ),
                    msg!("invoice-planned-no-entry-hint"),
                ));
            };
            if let Some(by) = issued(n) {
                return Err(hinted(
                    msg!(
                        "invoice-planned-issued",
                        n = n,
                        number = c.number.as_str(),
                        date = Arg::Date {
                            date: entry.date,
                            today
                        },
                        by = format!("clients/{}/invoices/{by}.yaml", client.id)
                    ),
                    msg!("invoice-planned-issued-hint"),
                ));
            }
            entry
        }
        None => {
            let Some(entry) = plan::entries(c).find(|p| issued(p.number).is_none()) else {
                return Err(hinted(
                    msg!(
                        "invoice-planned-all-issued",
                        number = c.number.as_str(),
                        entries = entries
                    ),
                    msg!("invoice-planned-all-issued-hint", file = e.file.as_str()),
                ));
            };
            entry
        }
    };
    let file = e.file.as_str();
    let cur = currency(book, client, Some(id), entry.date);
    let sum_arg = |amount: Money| Arg::Sum {
        amount,
        currency: cur.to_owned(),
    };
    let (amount, lines) = match entry.entry.amount {
        Some(sum) => {
            if net {
                return Err(hinted(
                    msg!(
                        "invoice-planned-net",
                        n = entry.number,
                        file = file,
                        sum = sum_arg(sum)
                    ),
                    msg!("invoice-planned-net-hint"),
                ));
            }
            if sum <= Money::ZERO {
                return Err(localized(msg!(
                    "invoice-planned-zero",
                    n = entry.number,
                    file = file,
                    sum = sum_arg(sum)
                )));
            }
            let item = entry
                .entry
                .note
                .clone()
                .unwrap_or_else(|| match settings.locale {
                    Locale::Ru => format!("Оплата по договору № {}", c.number),
                    Locale::En => format!("Payment under contract No. {}", c.number),
                });
            (
                true,
                vec![LineText {
                    item: yaml_string(&item),
                    qty: None,
                    unit: None,
                    price: sum.to_string(),
                }],
            )
        }
        None if entry.entry.lines.is_empty() => {
            return Err(hinted(
                msg!("invoice-planned-neither", n = entry.number, file = file),
                msg!("invoice-planned-neither-hint"),
            ));
        }
        None => {
            let mut lines = Vec::new();
            for (n, l) in entry.entry.lines.iter().enumerate() {
                if let Some(why) = bad_line(l.qty, l.price) {
                    return Err(localized(msg!(
                        "invoice-planned-bad-line",
                        line = n + 1,
                        n = entry.number,
                        file = file,
                        item = l.item.as_str(),
                        why = why.msg()
                    )));
                }
                lines.push(LineText {
                    item: yaml_string(&l.item),
                    qty: (l.qty != Quantity::one()).then(|| l.qty.to_string()),
                    unit: l.unit.as_deref().map(yaml_string),
                    price: l.price.to_string(),
                });
            }
            (false, lines)
        }
    };
    Ok(PlannedEntry {
        contract: e.id.clone(),
        number: entry.number,
        amount,
        lines,
    })
}

/// Refuses a contract or project the client does not have.
pub(crate) fn check_ref(
    client: &ClientBook,
    flag: &str,
    kind: Kind,
    id: Option<&str>,
) -> Result<()> {
    let Some(id) = id else {
        return Ok(());
    };
    if client.has(kind, id) {
        return Ok(());
    }
    let known: Vec<&str> = client.ids(kind).collect();
    let noun = Arg::Word(kind.noun());
    let hint = crate::commands::hint_for(
        id,
        &known,
        msg!(
            "invoice-no-ref-none",
            client = client.id.as_str(),
            kind = noun.clone()
        ),
        |ids| {
            msg!(
                "load-known",
                ids = Arg::Ids(ids.iter().map(|&i| i.to_owned()).collect())
            )
        },
    );
    Err(hinted(
        msg!(
            "invoice-no-ref",
            flag = flag,
            kind = noun,
            id = id,
            client = client.id.as_str()
        ),
        hint,
    ))
}

/// The next free sequence number of `year` for `client` under the pattern, among the
/// documents of `kind` (invoices, acts) that `numbered` lists for a client: each one's
/// ID, number and date. Files of that kind that do not read count by their name.
pub(crate) fn next_seq<'b, I>(
    book: &'b Book,
    toks: &[Tok],
    client: &str,
    year: i32,
    kind: Kind,
    numbered: impl Fn(&'b ClientBook) -> I,
) -> u64
where
    I: Iterator<Item = (&'b str, &'b str, NaiveDate)>,
{
    let per_client = toks.contains(&Tok::Client);
    let mut highest = 0;
    for c in &book.clients {
        if per_client && c.id != client {
            continue;
        }
        for (_, number, date) in numbered(c) {
            if let Some(p) = match_number(toks, number, &c.id)
                && p.year.unwrap_or_else(|| date.year()) == year
            {
                highest = highest.max(p.seq);
            }
        }
        // Files that do not read: their name is their number, conservatively.
        for (present, id) in &c.present {
            if *present != kind || numbered(c).any(|(read, _, _)| read == id) {
                continue;
            }
            if let Some(p) = match_number(toks, id, &c.id)
                && p.year.is_none_or(|y| y == year)
            {
                highest = highest.max(p.seq);
            }
        }
    }
    highest.saturating_add(1)
}

/// Is `number` already printed on an invoice of `year` somewhere in the book?
fn number_taken(book: &Book, number: &str, year: i32) -> bool {
    book.clients.iter().any(|c| {
        c.invoices
            .iter()
            .any(|e| e.data.number == number && e.data.date.0.year() == year)
    })
}

/// The new invoice of `args`, checked; what is wrong is worded in `lang` where the
/// book words it (the loader's findings).
fn prepare(book: &Book, args: &InvoiceNewArgs, today: NaiveDate, lang: Lang) -> Result<Draft> {
    let Some(settings) = book.settings.as_ref() else {
        return Err(hinted(
            msg!("invoice-no-settings"),
            msg!("invoice-no-settings-hint"),
        ));
    };
    let client = support::find_client(book, &args.client)?;
    if client.client.is_none() {
        return Err(hinted(
            msg!("invoice-no-buyer", client = client.id.as_str()),
            msg!("invoice-audit-client-hint", client = client.id.as_str()),
        ));
    }
    check_ref(
        client,
        "--contract",
        Kind::Contract,
        args.contract.as_deref(),
    )?;
    check_ref(client, "--project", Kind::Project, args.project.as_deref())?;
    let planned = args
        .planned
        .as_deref()
        .map(|r| planned_entry(book, client, settings, r, args.net, today))
        .transpose()?;
    // Without --contract, the plan's contract, else a project's contract is the
    // invoice's.
    let contract = planned.as_ref().map(|p| p.contract.clone());
    let contract = contract.or_else(|| args.contract.clone()).or_else(|| {
        let project = client
            .projects
            .iter()
            .find(|p| Some(p.id.as_str()) == args.project.as_deref())?;
        project.data.contract.clone()
    });
    let vat = args
        .vat
        .as_deref()
        .map(|v| {
            v.parse::<Vat>()
                .map_err(|_| localized(msg!("invoice-bad-vat", value = v)))
        })
        .transpose()?;
    let lines = match &planned {
        Some(p) => p.lines(),
        None => parse_lines(args, client)?,
    };
    let date = args.date.unwrap_or(today);
    let year = date.year();

    let pattern = settings.invoice.number.as_str();
    let Some(toks) = parse_pattern(pattern) else {
        return Err(hinted(
            msg!("invoice-bad-pattern", pattern = pattern),
            msg!("invoice-bad-pattern-hint"),
        ));
    };
    let mut seq = next_seq(book, &toks, &client.id, year, Kind::Invoice, |c| {
        c.invoices
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
        if !number_taken(book, &number, year) && !client.has(Kind::Invoice, &id) {
            break (number, id);
        }
        seq = seq.saturating_add(1);
    };

    let due = match args.due {
        Some(d) => d,
        None => date
            .checked_add_days(Days::new(u64::from(settings.invoice.payment_days)))
            .unwrap_or(date),
    };
    if due < date {
        return Err(localized(msg!(
            "invoice-due-before-date",
            due = Arg::Date { date: due, today },
            date = Arg::Date { date, today }
        )));
    }
    let mut text = String::new();
    let _ = writeln!(text, "number: {}", yaml_string(&number));
    let _ = writeln!(text, "date: {date}");
    let _ = writeln!(text, "due: {due}");
    if let Some(c) = &contract {
        let _ = writeln!(text, "contract: {}", yaml_string(c));
    }
    if let Some(p) = &planned {
        let _ = writeln!(text, "planned: {}", p.number);
    }
    if let Some(p) = &args.project {
        let _ = writeln!(text, "project: {}", yaml_string(p));
    }
    if let Some(v) = vat {
        let _ = writeln!(text, "vat: {v}");
    }
    if args.net {
        text.push_str("prices_include_vat: false\n");
    } else if args.gross
        || (planned.as_ref().is_some_and(|p| p.amount) && !settings.invoice.prices_include_vat)
    {
        text.push_str("prices_include_vat: true\n");
    }
    if args.draft {
        text.push_str("status: draft\n");
    }
    text.push_str("lines:\n");
    for l in &lines {
        let _ = writeln!(text, "  - item: {}", l.item);
        if let Some(q) = &l.qty {
            let _ = writeln!(text, "    qty: {q}");
        }
        if let Some(u) = &l.unit {
            let _ = writeln!(text, "    unit: {u}");
        }
        let _ = writeln!(text, "    price: {}", l.price);
    }

    let folder = Kind::Invoice.folder().unwrap_or("invoices");
    let file = format!("clients/{}/{folder}/{id}.yaml", client.id);
    let mut findings = Vec::new();
    let parsed = book::parse_entity::<Invoice>(&file, &text, &mut findings);
    let Some(invoice) = parsed.filter(|_| findings.is_empty()) else {
        let why: Vec<String> = findings
            .iter()
            .map(|f| {
                let (message, _) =
                    crate::finding::in_lang(lang, f.said.as_deref(), &f.message, None);
                format!("{message} ({})", f.code)
            })
            .collect();
        return Err(localized(msg!(
            "invoice-not-read-back",
            why = why.join("; ")
        )));
    };
    let totals = billing::totals(
        &invoice,
        vat_contract(client, invoice.contract.as_deref(), invoice.date.0),
        Some(settings),
    )
    .map_err(|e| localized(msg!("invoice-cannot-issue", why = super::too_large(&e))))?;
    let cur = currency(book, client, invoice.contract.as_deref(), invoice.date.0);
    if totals.gross <= Money::ZERO {
        let lines: Vec<String> = invoice
            .lines
            .iter()
            .enumerate()
            .map(|(n, l)| {
                msg!(
                    "invoice-zero-line",
                    n = n + 1,
                    item = l.item.as_str(),
                    qty = Arg::Number(l.qty.0.normalize()),
                    price = Arg::Number(two_places(l.price))
                )
                .render(lang)
            })
            .collect();
        return Err(hinted(
            msg!(
                "invoice-zero-total",
                total = Arg::Money {
                    amount: totals.gross,
                    currency: cur.to_owned()
                }
            ),
            msg!("invoice-zero-total-hint", lines = lines.join("; ")),
        ));
    }
    let loc = settings.locale;
    let summary = match loc {
        Locale::Ru => format!(
            "счёт № {number} от {} на {}, оплатить до {}{}",
            locale::short_date(loc, date),
            locale::money(loc, totals.gross, cur),
            locale::short_date(loc, due),
            if args.draft {
                " (черновик)"
            } else {
                ""
            }
        ),
        Locale::En => format!(
            "invoice No. {number} of {}, {}, due {}{}",
            locale::short_date(loc, date),
            locale::money(loc, totals.gross, cur),
            locale::short_date(loc, due),
            if args.draft { " (draft)" } else { "" }
        ),
    };
    Ok(Draft {
        file,
        text,
        summary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(client: &str) -> InvoiceNewArgs {
        InvoiceNewArgs {
            client: client.into(),
            contract: None,
            project: None,
            lines: vec!["Дизайн: макет #1;2;шт;75000".into()],
            from_estimate: false,
            planned: None,
            date: NaiveDate::from_ymd_opt(2026, 11, 27),
            due: None,
            vat: None,
            net: false,
            gross: false,
            draft: false,
        }
    }

    fn book(pattern: &str, invoices: &[(&str, &str, &str)]) -> Book {
        let mut findings = Vec::new();
        let settings = book::parse_entity::<crate::model::Settings>(
            "rapport.yaml",
            &format!("agency: {{name: A}}\ninvoice: {{number: \"{pattern}\", payment_days: 10}}\n"),
            &mut findings,
        );
        let client_data = book::parse_entity::<crate::model::Client>(
            "clients/acme/client.yaml",
            "name: Acme\ncontacts: [{id: a, name: A}]\n",
            &mut findings,
        );
        let mut clients = Vec::new();
        for id in ["acme", "beta"] {
            let mut c = ClientBook {
                id: id.into(),
                client: client_data.clone().map(|data| crate::book::Entity {
                    id: id.into(),
                    file: format!("clients/{id}/client.yaml"),
                    data,
                }),
                ..Default::default()
            };
            for (client, number, date) in invoices.iter().filter(|(c, _, _)| *c == id) {
                let file = format!("clients/{client}/invoices/{number}.yaml");
                let data = book::parse_entity::<Invoice>(
                    &file,
                    &format!(
                        "number: \"{number}\"\ndate: {date}\nlines: [{{item: a, price: 1}}]\n"
                    ),
                    &mut findings,
                )
                .expect("test invoice");
                c.present.push((Kind::Invoice, (*number).to_owned()));
                c.invoices.push(crate::book::Entity {
                    id: (*number).to_owned(),
                    file,
                    data,
                });
            }
            c.present.sort();
            clients.push(c);
        }
        assert!(findings.is_empty(), "{findings:?}");
        Book {
            settings,
            clients,
            ..Default::default()
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).expect("date")
    }

    #[test]
    fn the_next_number_follows_the_highest_of_the_year_across_the_book() {
        let b = book(
            "{year}-{seq:04}",
            &[
                ("acme", "2026-0001", "2026-01-10"),
                ("beta", "2026-0007", "2026-06-10"),
                ("acme", "2025-0042", "2025-12-30"),
                ("acme", "hand-made", "2026-02-01"),
            ],
        );
        let d = prepare(&b, &args("acme"), today(), Lang::En).expect("draft");
        assert_eq!(d.file, "clients/acme/invoices/2026-0008.yaml");
        assert_eq!(
            d.text,
            "number: \"2026-0008\"\ndate: 2026-11-27\ndue: 2026-12-07\nlines:\n  - item: \"Дизайн: \
             макет #1\"\n    qty: 2\n    unit: шт\n    price: 75000.00\n"
        );
        let mut a = args("acme");
        a.date = NaiveDate::from_ymd_opt(2027, 1, 11);
        let d = prepare(&b, &a, today(), Lang::En).expect("draft");
        assert!(d.text.starts_with("number: \"2027-0001\"\n"), "{}", d.text);
    }

    #[test]
    fn with_client_in_the_pattern_each_client_counts_alone_and_odd_numbers_get_a_file_id() {
        let b = book(
            "{client}-{seq:03}",
            &[
                ("acme", "acme-004", "2026-01-10"),
                ("beta", "beta-009", "2026-01-10"),
            ],
        );
        let d = prepare(&b, &args("beta"), today(), Lang::En).expect("draft");
        assert_eq!(d.file, "clients/beta/invoices/beta-010.yaml");
        let b = book("{seq}/{year}", &[]);
        let d = prepare(&b, &args("acme"), today(), Lang::En).expect("draft");
        assert_eq!(d.file, "clients/acme/invoices/2026-0001.yaml");
        assert!(d.text.starts_with("number: \"1/2026\"\n"), "{}", d.text);
    }

    #[test]
    fn flags_are_checked_before_anything_is_written() {
        let b = book("{year}-{seq:04}", &[]);
        let mut a = args("acme");
        a.lines = vec!["Аванс;150000".into()];
        let err = prepare(&b, &a, today(), Lang::En)
            .expect_err("bad line")
            .to_string();
        assert!(err.contains("is not ITEM;QTY;UNIT;PRICE"), "{err}");
        a.lines = vec!["Аванс;;;150 000".into()];
        let err = prepare(&b, &a, today(), Lang::En)
            .expect_err("bad price")
            .to_string();
        assert!(err.contains("is not a sum of money"), "{err}");
        a.lines = vec![];
        let err = prepare(&b, &a, today(), Lang::En)
            .expect_err("no lines")
            .to_string();
        assert!(err.contains("at least one line"), "{err}");
        let mut a = args("acme");
        a.vat = Some("20%".into());
        let err = prepare(&b, &a, today(), Lang::En)
            .expect_err("bad vat")
            .to_string();
        assert!(err.contains("invalid --vat"), "{err}");
        let mut a = args("acme");
        a.contract = Some("2026-001".into());
        let err = prepare(&b, &a, today(), Lang::En)
            .expect_err("no contract")
            .to_string();
        assert!(err.contains("no contract `2026-001`"), "{err}");
        let b = book("{year}-{month}", &[]);
        let err = prepare(&b, &args("acme"), today(), Lang::En)
            .expect_err("pattern")
            .to_string();
        assert!(err.contains("cannot number invoices"), "{err}");
    }

    #[test]
    fn vat_net_draft_and_due_are_written_when_given() {
        let b = book("{year}-{seq:04}", &[]);
        let mut a = args("acme");
        a.vat = Some("none".into());
        a.net = true;
        a.draft = true;
        a.due = NaiveDate::from_ymd_opt(2026, 12, 31);
        let d = prepare(&b, &a, today(), Lang::En).expect("draft");
        assert!(
            d.text
                .contains("due: 2026-12-31\nvat: none\nprices_include_vat: false\nstatus: draft\n"),
            "{}",
            d.text
        );
        assert!(d.summary.contains("150"), "{}", d.summary);
    }
}
