//! `rapport export sqlite FILE.db`: the whole book as an SQLite database, for analysts
//! who want SQL rather than YAML. The schema is `schema.sql` (documented in
//! docs/sqlite.md): one table per kind of file, one per list inside a file, the
//! audit's findings, and the figures as of today that rapport's own commands show —
//! what each invoice comes to and what is owed (`billing`, as `invoices`), notice dates
//! (`terms`/`renewal`, as `renewals`), budgets (`budget`, as `budget`) — stored as
//! computed, never re-derived in SQL, so the database and the commands cannot disagree.
//!
//! The database is built in memory, anew each time, then serialised and written whole
//! through `write` (a temporary file beside the target, then a link or rename), never
//! over an existing file without `--force`. Rows go in in the book's sorted order, so
//! the same book and `--today` give the same bytes.

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use rusqlite::{Connection, Statement, params};
use serde::Serialize;

use crate::audit::{self, Options};
use crate::book::{Book, ClientBook};
use crate::cli::ExportSqliteArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::finding::Finding;
use crate::model::money::Money;
use crate::model::time::{Date, DateTime};
use crate::model::waiver::Waiver;
use crate::write::{self, WriteError};

/// The schema's version, also written as `PRAGMA user_version` and `meta.schema_version`;
/// bumped on an incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

const SCHEMA: &str = include_str!("schema.sql");

pub fn run(ctx: &Context, args: &ExportSqliteArgs) -> Result<Exit> {
    let book = ctx.load()?;
    let today = ctx.today(book);
    let mut conn = database(book, today)?;
    // The file's bytes, straight from SQLite's memory (a 110,000-file book makes a
    // 150 MB database: not copied again).
    let bytes = conn
        .serialize(rusqlite::MAIN_DB)
        .context("cannot serialise the database")?;
    let path = &args.file;
    let written = if args.force {
        write::replace(path, &bytes)
    } else {
        write::create_new(path, &bytes)
    };
    match written {
        Ok(()) => {}
        Err(WriteError::Exists(p)) => {
            return Err(crate::commands::hinted(
                crate::msg!("export-exists", file = p.display().to_string()),
                crate::msg!("export-sqlite-exists-hint"),
            ));
        }
        Err(e) => return Err(e.into()),
    }
    let wrote = crate::msg!("wrote", path = path.display().to_string()).render(ctx.lang);
    crate::commands::write_stdout(format!("{wrote}\n").as_bytes())?;
    Ok(Exit::Ok)
}

/// The database of `book` as of `today`, in memory.
pub fn database(book: &Book, today: NaiveDate) -> Result<Connection> {
    let mut conn = Connection::open_in_memory().context("cannot open an SQLite database")?;
    conn.execute_batch(SCHEMA)
        .context("cannot create the database's tables")?;
    conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    let tx = conn.transaction()?;
    meta(&tx, book, today)?;
    settings(&tx, book)?;
    clients(&tx, book)?;
    contracts(&tx, book)?;
    projects(&tx, book)?;
    meetings(&tx, book)?;
    log(&tx, book)?;
    invoices(&tx, book, today)?;
    contractors(&tx, book)?;
    waivers(&tx, book)?;
    findings(&tx, book, today)?;
    renewals(&tx, book, today)?;
    budgets(&tx, book, today)?;
    tx.commit()?;
    Ok(conn)
}

/// A date as ISO text.
fn date(d: Option<Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn datetime(d: Option<DateTime>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// Money as exact decimal text.
fn text(m: Option<Money>) -> Option<String> {
    m.map(|m| m.to_string())
}

/// Money as integer kopecks.
fn kopecks(m: Option<Money>) -> Option<i64> {
    m.and_then(Money::minor_units)
}

/// The name a value is written with in the book (`in_person`, `supplement`), from
/// its serde form.
fn name<T: Serialize>(v: &T) -> Option<String> {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

/// A list's place, from 1.
fn seq(i: usize) -> i64 {
    i64::try_from(i).map_or(i64::MAX, |i| i.saturating_add(1))
}

fn meta(tx: &Connection, book: &Book, today: NaiveDate) -> Result<()> {
    let mut st = tx.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)")?;
    let settings = book.settings.as_ref();
    let rows = [
        ("schema_version", Some(SCHEMA_VERSION.to_string())),
        ("today", Some(today.to_string())),
        ("agency", settings.map(|s| s.agency.name.clone())),
        ("currency", settings.map(|s| s.currency.clone())),
        (
            "rapport_version",
            Some(env!("CARGO_PKG_VERSION").to_owned()),
        ),
    ];
    for (k, v) in rows {
        st.execute(params![k, v])?;
    }
    Ok(())
}

fn settings(tx: &Connection, book: &Book) -> Result<()> {
    let Some(s) = book.settings.as_ref() else {
        return Ok(());
    };
    let mut st = tx.prepare("INSERT INTO team VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for m in &s.team {
        st.execute(params![m.id, m.name, m.role, m.email, m.phone])?;
    }
    let mut st = tx.prepare("INSERT INTO curators VALUES (?1, ?2, ?3)")?;
    for c in &s.curators {
        st.execute(params![c.id, c.name, c.email])?;
    }
    let mut st = tx.prepare("INSERT INTO services VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for v in &s.services {
        st.execute(params![
            v.id,
            v.name,
            v.unit,
            text(v.price),
            kopecks(v.price)
        ])?;
    }
    Ok(())
}

fn clients(tx: &Connection, book: &Book) -> Result<()> {
    let mut client_st = tx.prepare(
        "INSERT INTO clients VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)",
    )?;
    let mut service_st = tx.prepare("INSERT INTO client_services VALUES (?1, ?2, ?3)")?;
    let mut contact_st =
        tx.prepare("INSERT INTO contacts VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)")?;
    for client in &book.clients {
        let Some(e) = &client.client else {
            // A folder whose client.yaml does not read: its ID still groups its files.
            client_st.execute(params![
                client.id,
                Option::<String>::None,
                client.id,
                Option::<String>::None,
                Option::<i64>::None,
                Option::<String>::None,
                Option::<String>::None,
                Option::<String>::None,
                Option::<i64>::None,
                Option::<String>::None,
                Option::<String>::None,
                Option::<String>::None,
                Option::<String>::None,
                Option::<String>::None,
                Option::<String>::None,
            ])?;
            continue;
        };
        let c = &e.data;
        let legal = c.legal.as_ref();
        client_st.execute(params![
            client.id,
            e.file,
            c.name,
            name(&c.status),
            c.key,
            c.manager,
            c.curator,
            date(c.since),
            c.contact_every_days,
            c.referred_by,
            legal.and_then(|l| l.name.clone()),
            legal.and_then(|l| l.inn.clone()),
            legal.and_then(|l| l.kpp.clone()),
            legal.and_then(|l| l.ogrn.clone()),
            legal.and_then(|l| l.address.clone()),
        ])?;
        for (i, s) in c.services.iter().enumerate() {
            service_st.execute(params![client.id, seq(i), s])?;
        }
        for (i, p) in c.contacts.iter().enumerate() {
            contact_st.execute(params![
                client.id,
                seq(i),
                p.id,
                p.name,
                p.position,
                p.email,
                p.phone,
                p.birthday.map(|b| b.to_string()),
                p.preferred_channel.as_ref().and_then(name),
                p.approver,
                p.profile,
            ])?;
        }
    }
    Ok(())
}

/// Inserts a line of an invoice, an estimate or a planned bill: `head` (the owner's
/// keys), then item, qty, unit, price and its kopecks.
fn line(
    st: &mut Statement<'_>,
    head: &[&dyn rusqlite::ToSql],
    item: &str,
    qty: crate::model::money::Quantity,
    unit: Option<&str>,
    price: Money,
    tail: &[&dyn rusqlite::ToSql],
) -> Result<()> {
    let qty = qty.to_string();
    let price_text = price.to_string();
    let price_kopecks = price.minor_units();
    let mut values: Vec<&dyn rusqlite::ToSql> = head.to_vec();
    values.extend_from_slice(&[&item, &qty, &unit, &price_text, &price_kopecks]);
    values.extend_from_slice(tail);
    st.execute(values.as_slice())?;
    Ok(())
}

fn contracts(tx: &Connection, book: &Book) -> Result<()> {
    let mut st = tx.prepare(
        "INSERT INTO contracts VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,\
         ?16,?17,?18,?19,?20,?21)",
    )?;
    let mut bill_st = tx.prepare("INSERT INTO contract_billing VALUES (?1,?2,?3,?4,?5,?6,?7)")?;
    let mut line_st =
        tx.prepare("INSERT INTO contract_billing_lines VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)")?;
    for client in &book.clients {
        for e in &client.contracts {
            let c = &e.data;
            let r = c.renewal.as_ref();
            st.execute(params![
                e.file,
                client.id,
                e.id,
                c.number,
                c.title,
                name(&c.kind),
                c.parent,
                date(c.signed),
                c.start.to_string(),
                c.end.to_string(),
                text(c.value),
                kopecks(c.value),
                c.currency,
                c.vat.map(|v| v.to_string()),
                name(&c.status),
                r.map(|r| r.auto),
                r.and_then(|r| r.term_months),
                r.and_then(|r| r.notice_days),
                r.and_then(|r| r.decision.as_ref().and_then(name)),
                r.and_then(|r| date(r.decided)),
                r.and_then(|r| r.next.clone()),
            ])?;
            for (i, b) in c.billing.iter().enumerate() {
                bill_st.execute(params![
                    client.id,
                    e.id,
                    seq(i),
                    b.date.to_string(),
                    text(b.amount),
                    kopecks(b.amount),
                    b.note,
                ])?;
                for (j, l) in b.lines.iter().enumerate() {
                    line(
                        &mut line_st,
                        &[&client.id, &e.id, &seq(i), &seq(j)],
                        &l.item,
                        l.qty,
                        l.unit.as_deref(),
                        l.price,
                        &[],
                    )?;
                }
            }
        }
    }
    Ok(())
}

fn projects(tx: &Connection, book: &Book) -> Result<()> {
    let mut st = tx.prepare(
        "INSERT INTO projects VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)",
    )?;
    let mut estimate_st =
        tx.prepare("INSERT INTO estimate_lines VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)")?;
    let mut cost_st = tx.prepare("INSERT INTO costs VALUES (?1,?2,?3,?4,?5,?6,?7,?8)")?;
    let mut change_st =
        tx.prepare("INSERT INTO deadline_changes VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)")?;
    let mut declined_st =
        tx.prepare("INSERT INTO declined_requests VALUES (?1,?2,?3,?4,?5,?6,?7)")?;
    let mut task_st =
        tx.prepare("INSERT INTO tasks VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)")?;
    let mut round_st = tx.prepare("INSERT INTO feedback_rounds VALUES (?1,?2,?3,?4,?5)")?;
    let mut comment_st =
        tx.prepare("INSERT INTO feedback_comments VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)")?;
    for client in &book.clients {
        for e in &client.projects {
            let p = &e.data;
            let (c, id) = (&client.id, &e.id);
            st.execute(params![
                e.file,
                c,
                id,
                p.title,
                p.contract,
                name(&p.stage),
                date(p.stage_since),
                p.approver,
                date(p.start),
                date(p.deadline),
                p.deadline_tied_to,
                p.plan_b,
                p.brief.as_ref().and_then(|b| b.doc.clone()),
                p.brief.as_ref().and_then(|b| date(b.confirmed)),
                text(p.budget),
                kopecks(p.budget),
            ])?;
            for (i, l) in p.estimate.iter().enumerate() {
                line(
                    &mut estimate_st,
                    &[c, id, &seq(i)],
                    &l.item,
                    l.qty,
                    l.unit.as_deref(),
                    l.price,
                    &[&l.service],
                )?;
            }
            for (i, k) in p.costs.iter().enumerate() {
                cost_st.execute(params![
                    c,
                    id,
                    seq(i),
                    k.date.to_string(),
                    k.amount.to_string(),
                    k.amount.minor_units(),
                    k.what,
                    k.contractor,
                ])?;
            }
            for (i, d) in p.deadline_changes.iter().enumerate() {
                change_st.execute(params![
                    c,
                    id,
                    seq(i),
                    d.from.to_string(),
                    d.to.to_string(),
                    date(d.decided),
                    date(d.client_told),
                    d.reason,
                    d.task,
                    d.told_to,
                ])?;
            }
            for (i, d) in p.declined.iter().enumerate() {
                declined_st.execute(params![
                    c,
                    id,
                    seq(i),
                    d.date.to_string(),
                    d.request,
                    d.reason,
                    date(d.explained),
                ])?;
            }
            for (i, t) in p.tasks.iter().enumerate() {
                task_st.execute(params![
                    c,
                    id,
                    seq(i),
                    t.id,
                    t.title,
                    t.assignee,
                    t.kind.as_ref().and_then(name),
                    date(t.start),
                    date(t.due),
                    t.tied_to,
                    t.task_doc,
                    date(t.copy_ready),
                    date(t.acknowledged),
                    date(t.done),
                ])?;
            }
            for (i, r) in p.feedback.iter().enumerate() {
                round_st.execute(params![c, id, seq(i), r.date.to_string(), r.from])?;
                for (j, k) in r.comments.iter().enumerate() {
                    comment_st.execute(params![
                        c,
                        id,
                        seq(i),
                        seq(j),
                        k.text,
                        k.response,
                        date(k.resolved),
                        k.resolution.as_ref().and_then(name),
                        k.clarified_with,
                    ])?;
                }
            }
        }
    }
    Ok(())
}

fn meetings(tx: &Connection, book: &Book) -> Result<()> {
    let mut st = tx.prepare("INSERT INTO meetings VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)")?;
    let mut people_st = tx.prepare("INSERT INTO meeting_attendees VALUES (?1,?2,?3,?4,?5)")?;
    let mut agenda_st = tx.prepare("INSERT INTO meeting_agenda VALUES (?1,?2,?3,?4)")?;
    let mut decision_st = tx.prepare("INSERT INTO meeting_decisions VALUES (?1,?2,?3,?4)")?;
    let mut action_st = tx.prepare("INSERT INTO meeting_actions VALUES (?1,?2,?3,?4,?5,?6,?7)")?;
    let mut to_st = tx.prepare("INSERT INTO meeting_report_to VALUES (?1,?2,?3,?4)")?;
    for client in &book.clients {
        for e in &client.meetings {
            let m = &e.data;
            let (c, id) = (&client.id, &e.id);
            st.execute(params![
                e.file,
                c,
                id,
                m.at.to_string(),
                name(&m.format),
                m.place,
                m.project,
                m.late_minutes,
                m.notes,
                m.report.as_ref().and_then(|r| datetime(r.sent)),
            ])?;
            for (side, people) in [
                ("client", &m.attendees.client),
                ("agency", &m.attendees.agency),
            ] {
                for (i, p) in people.iter().enumerate() {
                    people_st.execute(params![c, id, side, seq(i), p])?;
                }
            }
            for (i, a) in m.agenda.iter().enumerate() {
                agenda_st.execute(params![c, id, seq(i), a])?;
            }
            for (i, d) in m.decisions.iter().enumerate() {
                decision_st.execute(params![c, id, seq(i), d])?;
            }
            for (i, a) in m.actions.iter().enumerate() {
                action_st.execute(params![
                    c,
                    id,
                    seq(i),
                    a.what,
                    a.owner,
                    date(a.due),
                    date(a.done)
                ])?;
            }
            for (i, to) in m.report.iter().flat_map(|r| &r.to).enumerate() {
                to_st.execute(params![c, id, seq(i), to])?;
            }
        }
    }
    Ok(())
}

fn log(tx: &Connection, book: &Book) -> Result<()> {
    let mut st =
        tx.prepare("INSERT INTO log VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)")?;
    for client in &book.clients {
        for e in &client.log {
            let l = &e.data;
            st.execute(params![
                e.file,
                client.id,
                e.id,
                l.at.to_string(),
                name(&l.channel),
                name(&l.direction),
                l.contact,
                l.subject,
                l.summary,
                l.chasing,
                l.missed,
                datetime(l.replied),
                datetime(l.acknowledged),
                l.topic,
                l.project,
            ])?;
        }
    }
    Ok(())
}

/// Invoices with `billing`'s figures as of `today`: the rows `rapport invoices` lists.
fn invoices(tx: &Connection, book: &Book, today: NaiveDate) -> Result<()> {
    let mut st = tx.prepare(
        "INSERT INTO invoices VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,\
         ?16,?17,?18,?19,?20,?21,?22)",
    )?;
    let mut line_st = tx.prepare("INSERT INTO invoice_lines VALUES (?1,?2,?3,?4,?5,?6,?7,?8)")?;
    let mut pay_st = tx.prepare("INSERT INTO payments VALUES (?1,?2,?3,?4,?5,?6,?7)")?;
    let mut rows = super::super::invoices::rows(book, &book.clients, today)?;
    rows.sort_by(|a, b| a.invoice.file.cmp(&b.invoice.file));
    for r in &rows {
        let (e, i) = (r.invoice, &r.invoice.data);
        st.execute(params![
            e.file,
            r.client.id,
            e.id,
            i.number,
            i.date.to_string(),
            r.due.to_string(),
            r.due_computed,
            i.contract,
            i.project,
            i.vat.map(|v| v.to_string()),
            i.prices_include_vat,
            name(&i.status),
            date(i.sent),
            r.currency,
            r.total.to_string(),
            r.total.minor_units(),
            r.paid.to_string(),
            r.paid.minor_units(),
            text(r.remainder),
            kopecks(r.remainder),
            r.standing.code(),
            r.standing.overdue_days(),
        ])?;
        for (n, l) in i.lines.iter().enumerate() {
            line(
                &mut line_st,
                &[&r.client.id, &e.id, &seq(n)],
                &l.item,
                l.qty,
                l.unit.as_deref(),
                l.price,
                &[],
            )?;
        }
        for (n, p) in i.payments.iter().enumerate() {
            pay_st.execute(params![
                r.client.id,
                e.id,
                seq(n),
                p.date.to_string(),
                p.amount.to_string(),
                p.amount.minor_units(),
                p.reference,
            ])?;
        }
    }
    Ok(())
}

fn contractors(tx: &Connection, book: &Book) -> Result<()> {
    let mut st = tx.prepare("INSERT INTO contractors VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)")?;
    let mut service_st = tx.prepare("INSERT INTO contractor_services VALUES (?1, ?2, ?3)")?;
    for e in &book.contractors {
        let c = &e.data;
        st.execute(params![
            e.file,
            e.id,
            c.name,
            c.contact,
            c.preferred_channel.as_ref().and_then(name),
            c.email,
            c.phone,
            c.messenger,
            c.notes,
        ])?;
        for (i, s) in c.services.iter().enumerate() {
            service_st.execute(params![e.id, seq(i), s])?;
        }
    }
    Ok(())
}

/// Every `waive:` entry: of a whole file (`item` null), of a contact (`contact:ID`) or
/// of a task (`task:ID`).
fn waivers(tx: &Connection, book: &Book) -> Result<()> {
    let mut st = tx.prepare("INSERT INTO waivers VALUES (?1,?2,?3,?4,?5,?6)")?;
    let mut put = |file: &str, item: Option<String>, list: &[Waiver]| -> Result<()> {
        for (i, w) in list.iter().enumerate() {
            st.execute(params![file, item, seq(i), w.rule, w.reason, date(w.until)])?;
        }
        Ok(())
    };
    for client in &book.clients {
        if let Some(e) = &client.client {
            put(&e.file, None, &e.data.waive)?;
            for p in &e.data.contacts {
                put(&e.file, Some(format!("contact:{}", p.id)), &p.waive)?;
            }
        }
        each_file(client, &mut put)?;
    }
    Ok(())
}

/// The waivers of a client's files other than client.yaml, file by file.
fn each_file(
    client: &ClientBook,
    put: &mut impl FnMut(&str, Option<String>, &[Waiver]) -> Result<()>,
) -> Result<()> {
    for e in &client.contracts {
        put(&e.file, None, &e.data.waive)?;
    }
    for e in &client.projects {
        put(&e.file, None, &e.data.waive)?;
        for t in &e.data.tasks {
            put(&e.file, Some(format!("task:{}", t.id)), &t.waive)?;
        }
    }
    for e in &client.meetings {
        put(&e.file, None, &e.data.waive)?;
    }
    for e in &client.log {
        put(&e.file, None, &e.data.waive)?;
    }
    for e in &client.invoices {
        put(&e.file, None, &e.data.waive)?;
    }
    Ok(())
}

/// The findings of a full `rapport audit` as of `today` (the book's own, the settings'
/// and every rule's, waivers applied), in its order: by file, line, column and code.
fn findings(tx: &Connection, book: &Book, today: NaiveDate) -> Result<()> {
    let report = audit::run(book, today, &Options::default());
    let mut all: Vec<Finding> = book.findings.clone();
    all.extend(audit::config::check(book.settings.as_ref()));
    all.extend(report.findings);
    let spans = crate::output::positions(book, all.iter().map(|f| (f.file.as_str(), &f.location)));
    let mut placed: Vec<(&Finding, crate::yaml::Pos, crate::yaml::Pos)> = all
        .iter()
        .zip(spans)
        .map(|(f, (start, end))| (f, start, end))
        .collect();
    placed.sort_by(|a, b| {
        (&a.0.file, a.1, a.0.code, &a.0.message).cmp(&(&b.0.file, b.1, b.0.code, &b.0.message))
    });
    placed.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let mut st = tx.prepare(
        "INSERT INTO findings VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)",
    )?;
    let mut people_st = tx.prepare("INSERT INTO finding_people VALUES (?1, ?2, ?3)")?;
    for (n, (f, start, end)) in placed.iter().enumerate() {
        let facts = &f.facts;
        let money = facts.amount.as_ref().map(|a| a.money);
        st.execute(params![
            seq(n),
            f.code.as_str(),
            f.severity.as_str(),
            f.file,
            start.line,
            start.col,
            end.line,
            end.col,
            f.message,
            f.help,
            facts.topic.as_str(),
            facts.state.as_str(),
            facts.happened.map(|d| d.to_string()),
            facts.due.map(|d| d.to_string()),
            text(money),
            kopecks(money),
            facts.amount.as_ref().map(|a| a.currency.as_str()),
        ])?;
        for (i, p) in facts.people.iter().enumerate() {
            people_st.execute(params![seq(n), seq(i), p])?;
        }
    }
    Ok(())
}

/// Active contracts as `rapport renewals` lists them, in its order (`seq`).
fn renewals(tx: &Connection, book: &Book, today: NaiveDate) -> Result<()> {
    let mut st = tx.prepare(
        "INSERT INTO renewals VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,\
         ?16,?17,?18,?19,?20,?21)",
    )?;
    for (n, r) in super::super::renewals::rows(book, today).iter().enumerate() {
        st.execute(params![
            seq(n),
            r.client.id,
            r.contract.id,
            r.contract.file,
            r.state.as_str(),
            r.term.number,
            r.term.start.to_string(),
            r.term.end.to_string(),
            r.notice.map(|d| d.to_string()),
            r.days_left,
            r.final_end.map(|d| d.to_string()),
            r.decision.map(|d| d.as_str()),
            r.decided.map(|d| d.to_string()),
            r.next,
            text(r.value),
            kopecks(r.value),
            r.billed.invoiced.to_string(),
            r.billed.invoiced.minor_units(),
            r.billed.paid.to_string(),
            r.billed.paid.minor_units(),
            r.currency,
        ])?;
    }
    Ok(())
}

/// Every project's money as `rapport budget` shows it.
fn budgets(tx: &Connection, book: &Book, today: NaiveDate) -> Result<()> {
    let mut st = tx.prepare(
        "INSERT INTO project_budgets VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,\
         ?15,?16,?17,?18)",
    )?;
    let (rows, _warn) = super::super::budget::all_rows(book, today);
    for r in &rows {
        st.execute(params![
            r.client.id,
            r.project.id,
            r.project.file,
            r.currency,
            text(r.estimate),
            kopecks(r.estimate),
            text(r.budget),
            kopecks(r.budget),
            r.costs.to_string(),
            r.costs.minor_units(),
            text(r.remaining),
            kopecks(r.remaining),
            r.used_percent,
            r.status.map(crate::domain::budget::Rag::as_str),
            r.billed.invoiced.to_string(),
            r.billed.invoiced.minor_units(),
            r.billed.paid.to_string(),
            r.billed.paid.minor_units(),
        ])?;
    }
    Ok(())
}
