//! `rapport agenda [--days N]`: what the account manager must do today and in the
//! next N days, from the book alone, grouped by day, most urgent first.
//!
//! The agenda has no date arithmetic of its own: what is due when comes from the
//! audit. It runs the audit once, as of today and looking ahead to today + N + 1
//! ([`audit::run_ahead`]): what is flagged today is already late, and a finding that
//! is first flagged on day D + 1 is something due on day D, because that is what the
//! audit will flag tomorrow if nothing is done today. So the agenda and the audit
//! cannot disagree about a report, a letter, a call, a promise, a deadline, an
//! invoice or a notice date.
//!
//! The agenda reads the findings' facts, never their codes: a finding about something
//! already done, only late (a report sent after its day, a call returned late), or
//! about a fact of the past (work started before the brief was confirmed) is the
//! audit's to report, but nothing is left to do about it, so the agenda leaves it out;
//! what to do about the others is worded by the rule that found them
//! ([`audit::todo`]). A contract's renewal is one decision: findings on the renewal of
//! one contract are one item, under the more urgent day.
//!
//! Besides the audit, the agenda lists events from the book: meetings coming up,
//! birthdays (with the contact's phone or email), and the planned invoices of the
//! contracts in force ([`plan`]) not issued yet, from D12's `lead_days` working days
//! before their date (once one is late, D12's finding takes its place). An item due on a day off is shown
//! on the working day before it, when something can still be done about it.
//!
//! The agenda speaks the user's language (`--lang`, see [`crate::context`]). An audit
//! item is its rule's to-do, worded by the rule from the catalogs (`todo.ftl`), with
//! the audit's own line under one already late; for a rule with no to-do of its own,
//! it is the finding's message (in English after the rule's name; in another language
//! with the rule's help, and for a matter not flagged yet, from when the audit will
//! flag it).

use std::collections::HashSet;
use std::fmt::Write as _;

use anyhow::Result;
use chrono::{Datelike, Days, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use crate::audit::{self, Options};
use crate::book::{Book, ClientBook, Entity};
use crate::cli::{AgendaArgs, AgendaFormat};
use crate::context::Context;
use crate::domain::calendar::Calendar;
use crate::domain::plan;
use crate::exit::Exit;
use crate::finding::{Code, Finding, Location, Severity, State, Topic};
use crate::i18n;
use crate::i18n::{Arg, Lang, Msg};
use crate::model::client::ClientStatus;
use crate::model::time::Birthday;
use crate::model::{Contract, Meeting};
use crate::msg;
use crate::wording::{self, day_short};
use crate::yaml::YamlPath;

/// Version of the JSON document's shape; bumped only on an incompatible change.
const JSON_VERSION: u32 = 1;

pub fn run(ctx: &Context, args: &AgendaArgs) -> Result<Exit> {
    crate::output::csv::check_bom(args.bom, args.format == AgendaFormat::Csv)?;
    let book = ctx.load()?;
    let today = ctx.today(book);
    let view = super::manager_view::resolve(ctx, book, args.manager.as_deref())?;
    let mut agenda = Agenda::build(book, today, args.days);
    agenda.items.retain(|i| view.shows_file(&i.file));
    let t = crate::clock::phase("agenda: render");
    let parts = match args.format {
        AgendaFormat::Text => {
            let mut parts = render_text(&agenda, ctx.lang);
            parts.insert(0, view.header("view-agenda", today, ctx.lang));
            parts
        }
        AgendaFormat::Json => vec![render_json(&agenda, &view)?],
        AgendaFormat::Csv => vec![render_csv(&agenda, args.bom)?],
    };
    drop(t);
    for part in &parts {
        super::write_stdout(part.as_bytes())?;
    }
    super::clients::warn_unreadable(ctx.lang, book, view.clients(book));
    Ok(Exit::Ok)
}

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// Something the audit flags (or will flag the day after the item's date).
    Rule,
    /// A planned invoice of a contract's billing plan, listed from `lead_days`
    /// working days before its date (D12's threshold).
    Planned,
    /// A meeting on the book's calendar.
    Meeting,
    /// A contact's birthday.
    Birthday,
}

/// One thing to do.
#[derive(Debug, Clone)]
pub struct Item {
    pub kind: ItemKind,
    /// The rule's code, for `rule` items.
    pub code: Option<Code>,
    /// What the finding is about, for `rule` items.
    pub topic: Option<Topic>,
    /// The text is the rule's own to-do, not its finding's message: the message is
    /// worth showing beside it.
    pub worded: bool,
    /// The rule's severity, for `rule` items.
    pub severity: Option<Severity>,
    /// True when the audit flags it already today.
    pub overdue: bool,
    /// The day it is due (the last day before the audit flags it) or the event's day;
    /// `None` for overdue items.
    pub date: Option<NaiveDate>,
    /// The day to act on: the due day, moved back to a working day (not before today).
    /// Today for overdue items.
    pub act_on: NaiveDate,
    /// The first day the audit flags it, for `rule` items.
    pub flagged_from: Option<NaiveDate>,
    pub client: Option<String>,
    pub client_name: Option<String>,
    /// The file to open, relative to the book root.
    pub file: String,
    pub line: u32,
    /// What to do.
    pub text: String,
    /// What the audit says about it (today for overdue items, on `flagged_from` for
    /// the others).
    pub message: Option<String>,
    /// `text` as a catalog message, for languages other than English (`None`: the
    /// English text in every language).
    pub said: Option<Msg>,
    /// What to do, as the rule's help says it, for languages other than English (for
    /// an item without a to-do of its rule's).
    pub said_help: Option<Msg>,
    /// The finding's message under the rule's to-do, for languages other than English.
    pub said_audit: Option<Msg>,
    /// Time of day, for meetings.
    time: Option<chrono::NaiveTime>,
    /// Where in the file, for `line`.
    location: Location,
}

/// The agenda: items in the order they are shown.
#[derive(Debug, Clone)]
pub struct Agenda {
    pub today: NaiveDate,
    pub days: u32,
    pub until: NaiveDate,
    pub items: Vec<Item>,
}

/// A finding's identity across days: the same problem at the same place.
type Key<'f> = (Code, &'f str, &'f Location);

fn key(f: &Finding) -> Key<'_> {
    (f.code, f.file.as_str(), &f.location)
}

/// Does the agenda show `f`? Errors and warnings: infos are not things to do.
fn shown(f: &Finding) -> bool {
    f.severity != Severity::Info
}

fn add_days(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(n))).unwrap_or(d)
}

impl Agenda {
    /// The agenda of `book` for `today` and the `days` after it.
    pub fn build(book: &Book, today: NaiveDate, days: u32) -> Agenda {
        let calendar = Calendar::from_settings(book.settings.as_ref());
        let until = add_days(today, days);
        // Things due on the days off right after the window are due within it.
        let horizon = calendar
            .next_working_day(until)
            .pred_opt()
            .unwrap_or(until)
            .max(until);
        let act_on = |date: NaiveDate| calendar.on_or_before(date).max(today);

        // One audit, as of today and looking ahead to the day after the horizon: what
        // is flagged today, and what is first flagged on each later day.
        let report = {
            let _t = crate::clock::phase("agenda: audit");
            audit::run_ahead(book, today, add_days(horizon, 1), &Options::default())
        };
        let t = crate::clock::phase("agenda: items");
        // Already flagged today.
        let now: Vec<&Finding> = report.findings.iter().filter(|f| shown(f)).collect();
        let mut seen: HashSet<Key> = now.iter().map(|f| key(f)).collect();
        // The audit's findings as items: (finding, due day, day to act on), worded in
        // parallel below.
        let mut flagged: Vec<(&Finding, Option<NaiveDate>, NaiveDate)> = now
            .into_iter()
            .filter(|f| f.facts.state == State::Open)
            .map(|f| (f, None, today))
            .collect();
        // First flagged on day + 1: due on day. Each finding is listed once, on the
        // day before the audit first reports it.
        let mut ahead: Vec<&(NaiveDate, Finding)> =
            report.ahead.iter().filter(|(_, f)| shown(f)).collect();
        ahead.sort_by_key(|(from, _)| *from);
        let mut birthday_items: HashSet<(&str, usize)> = HashSet::new();
        let mut walk: Vec<(NaiveDate, &Finding)> = Vec::new();
        for (from, f) in ahead {
            let Some(day) = from.pred_opt() else { continue };
            if seen.insert(key(f)) && f.facts.state == State::Open {
                walk.push((day, f));
            }
        }

        // Events from the book.
        let mut items = Vec::new();
        let lead = crate::commands::duty_support::threshold(
            book.settings.as_ref(),
            audit::rules::thresholds::PLAN_LEAD_DAYS,
        );
        let mut planned_items: HashSet<(&str, usize)> = HashSet::new();
        for client in &book.clients {
            for (e, p) in planned_ahead(client, today, until, &calendar, lead) {
                let from = calendar
                    .on_or_before(calendar.sub_working_days(p.date, lead))
                    .max(today);
                items.push(planned_item(book, client, e, p, from, today));
                planned_items.insert((e.file.as_str(), p.index));
            }
            for e in &client.meetings {
                let d = e.data.at.date();
                if (today..=until).contains(&d) {
                    items.push(meeting_item(book, client, e, d));
                }
            }
            let Some(c) = &client.client else { continue };
            if c.data.status == ClientStatus::Former {
                continue;
            }
            for (i, person) in c.data.contacts.iter().enumerate() {
                let Some(b) = person.birthday else { continue };
                for d in birthdays_between(b, today, horizon) {
                    items.push(birthday_item(client, c, i, d, act_on(d)));
                    birthday_items.insert((c.file.as_str(), i));
                }
            }
        }

        for (due, f) in walk {
            // A planned invoice already listed from its lead day is not listed again
            // on the day after it falls due.
            if f.facts.topic == Topic::Plan
                && f.facts
                    .item
                    .is_some_and(|(i, _)| planned_items.contains(&(f.file.as_str(), i)))
            {
                continue;
            }
            // A missed greeting after a birthday already listed adds nothing.
            if f.facts.topic == Topic::Touch
                && f.facts
                    .item
                    .is_some_and(|(i, _)| birthday_items.contains(&(f.file.as_str(), i)))
            {
                continue;
            }
            flagged.push((f, Some(due), act_on(due)));
        }
        items.par_extend(
            flagged
                .into_par_iter()
                .map(|(f, due, act_on)| rule_item(book, today, f, due, act_on)),
        );

        drop(t);
        let t = crate::clock::phase("agenda: lines");
        resolve_lines(book, &mut items);
        drop(t);
        let _t = crate::clock::phase("agenda: sort");
        items.par_sort_by(|a, b| order(a).cmp(&order(b)));
        // A contract's renewal is one decision: the findings on it (its notice date is
        // near, it passed) are one item, under the more urgent day.
        let mut renewals: HashSet<String> = HashSet::new();
        items.retain(|i| i.topic != Some(Topic::Renewal) || renewals.insert(i.file.clone()));
        Agenda {
            today,
            days,
            until,
            items,
        }
    }
}

/// Sort key: overdue first, then by the day to act; within a day the audit's
/// errors, then its warnings, then meetings by time, then birthdays.
fn order(i: &Item) -> impl Ord + '_ {
    (
        !i.overdue,
        i.act_on,
        i.kind,
        i.severity,
        i.date,
        i.time,
        i.client_name.as_deref(),
        i.file.as_str(),
        i.line,
        i.text.as_str(),
    )
}

/// The days in `from..=to` on which `b` falls (one per year crossed).
fn birthdays_between(b: Birthday, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    (from.year()..=to.year())
        .filter_map(|y| b.in_year(y))
        .filter(|d| (from..=to).contains(d) && b.year.is_none_or(|y| y < d.year()))
        .collect()
}

/// An item's `said` message in `lang`: without the client's name when the message
/// starts with it (the line already does), and for a matter the audit does not flag
/// yet, from when it will.
fn said_text(item: &Item, lang: Lang, said: &Msg) -> String {
    let text = said.render(lang);
    let upcoming = item.date.is_some() && item.flagged_from.is_some();
    let text = match item.client_name.as_deref() {
        Some(name) => text
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix(": "))
            .map_or_else(
                || text.clone(),
                |rest| match upcoming {
                    true => rest.to_owned(),
                    false => crate::wording::upper_first(rest),
                },
            ),
        None => text,
    };
    match (item.date, item.flagged_from) {
        (Some(due), Some(from)) => msg!(
            "agenda-upcoming",
            due = Arg::Date {
                date: due,
                today: item.act_on,
            },
            from = Arg::Date {
                date: from,
                today: item.act_on,
            },
            message = text,
        )
        .render(lang),
        _ => text,
    }
}

fn rule_item(
    book: &Book,
    today: NaiveDate,
    f: &Finding,
    due: Option<NaiveDate>,
    act_on: NaiveDate,
) -> Item {
    let client = book.client_of(&f.file);
    let on = due.map_or(act_on, |d| add_days(d, 1));
    let todo = client.and_then(|client| {
        audit::todo(
            &audit::TodoCx {
                book,
                client,
                today,
                on,
                due,
            },
            f,
        )
    });
    let worded = todo.is_some();
    let finding_said = f.said.as_ref().and_then(|s| s.message.clone());
    let (text, said, said_help, said_audit) = match todo {
        // The rule's to-do, in every language; under it, the audit's own line.
        Some(todo) => (
            wording::nest_quotes(&todo.render(Lang::En)),
            Some(todo),
            None,
            finding_said,
        ),
        // In other languages: the finding's message (for a matter not flagged yet,
        // the output says from when it will be: see `flagged_from`) and its help.
        None => {
            let name = audit::rules::all()
                .iter()
                .map(|r| r.meta())
                .find(|m| m.code == f.code)
                .map_or("", |m| m.name);
            (
                format!("{}: {}", name.replace('-', " "), f.message),
                finding_said,
                f.said.as_ref().and_then(|s| s.help.clone()),
                None,
            )
        }
    };
    Item {
        kind: ItemKind::Rule,
        code: Some(f.code),
        topic: Some(f.facts.topic),
        worded,
        severity: Some(f.severity),
        overdue: due.is_none(),
        date: due,
        act_on,
        flagged_from: due.map(|_| on),
        client: client.map(|c| c.id.clone()),
        client_name: client.map(|c| c.name().to_owned()),
        file: f.file.clone(),
        line: 0,
        text,
        message: Some(f.message.clone()),
        said,
        said_help,
        said_audit,
        time: None,
        location: f.location.clone(),
    }
}

/// The planned invoices of `client` not issued yet, dated today or later, whose lead
/// day (`lead` working days before their date) is on or before `until`.
fn planned_ahead<'c>(
    client: &'c ClientBook,
    today: NaiveDate,
    until: NaiveDate,
    calendar: &Calendar,
    lead: u32,
) -> Vec<(&'c Entity<Contract>, plan::Planned<'c>)> {
    let mut out = Vec::new();
    for e in &client.contracts {
        if !plan::in_force(&e.data) {
            continue;
        }
        let invoices = client.invoices.iter().map(|i| (i.id.as_str(), &i.data));
        for p in plan::entries(&e.data) {
            if p.date >= today
                && calendar.sub_working_days(p.date, lead) <= until
                && plan::issued_by(invoices.clone(), &e.id, p.number).is_none()
            {
                out.push((e, p));
            }
        }
    }
    out
}

fn planned_item(
    book: &Book,
    client: &ClientBook,
    e: &Entity<Contract>,
    p: plan::Planned<'_>,
    act_on: NaiveDate,
    today: NaiveDate,
) -> Item {
    let c = &e.data;
    let vat_from = crate::book::vat_contract(client, Some(&e.id), p.date).unwrap_or(c);
    let cur = crate::book::currency(book, client, Some(&e.id), p.date);
    let gross = plan::gross(p.entry, vat_from, book.settings.as_ref()).ok();
    let amount = gross.map(|g| format!(" for {g} {cur}")).unwrap_or_default();
    let quoted = p.entry.note.as_deref().map(|n| wording::quote(n, 60));
    let note = quoted
        .as_deref()
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    let due = if act_on == p.date {
        String::new()
    } else {
        format!(" — due {}", day_short(p.date, today))
    };
    let said = msg!(
        "agenda-planned",
        number = p.number,
        contract = c.number.as_str(),
        amount = gross.map_or(Arg::Word("none"), |g| Arg::Money {
            amount: g,
            currency: cur.to_owned(),
        }),
        note = quoted.map_or(Arg::Word("none"), Arg::Text),
        due = if act_on == p.date {
            Arg::Word("none")
        } else {
            Arg::Text(crate::i18n::day_short_ru(p.date, today))
        },
        command = format!(
            "rapport invoice new {} --planned {}#{}",
            client.id, e.id, p.number
        ),
    );
    Item {
        kind: ItemKind::Planned,
        code: None,
        topic: Some(Topic::Plan),
        worded: false,
        severity: None,
        overdue: false,
        date: Some(p.date),
        act_on,
        flagged_from: None,
        client: Some(client.id.clone()),
        client_name: Some(client.name().to_owned()),
        file: e.file.clone(),
        line: 0,
        text: format!(
            "issue planned invoice {} of contract {}{amount}{note}{due}: `rapport invoice new {} --planned {}#{}`",
            p.number, c.number, client.id, e.id, p.number
        ),
        message: None,
        said: Some(said),
        said_help: None,
        said_audit: None,
        time: None,
        location: Location::value(YamlPath::root().key("billing").index(p.index).key("date")),
    }
}

fn meeting_item(book: &Book, client: &ClientBook, e: &Entity<Meeting>, day: NaiveDate) -> Item {
    let m = &e.data;
    let with_names: Vec<&str> = m
        .attendees
        .client
        .iter()
        .map(|id| book.person_name(Some(client), id))
        .collect();
    let with = if with_names.is_empty() {
        String::new()
    } else {
        format!(" with {}", with_names.join(", "))
    };
    let format = match m.format {
        crate::model::meeting::MeetingFormat::InPerson => "meeting in person",
        crate::model::meeting::MeetingFormat::Video => "video meeting",
        crate::model::meeting::MeetingFormat::Call => "call",
    };
    let place = m
        .place
        .as_deref()
        .map(|p| format!(" — {}", p.trim()))
        .unwrap_or_default();
    let agenda = if m.agenda.is_empty() {
        String::new()
    } else {
        format!("; agenda: {}", m.agenda.join("; "))
    };
    let or_none = |text: String| {
        if text.is_empty() {
            Arg::Word("none")
        } else {
            Arg::Text(text)
        }
    };
    let said = msg!(
        "agenda-meeting",
        time = m.at.0.format("%H:%M").to_string(),
        format = Arg::Word(m.format.as_str()),
        with = or_none(with_names.join(", ")),
        place = or_none(
            m.place
                .as_deref()
                .map(str::trim)
                .unwrap_or_default()
                .to_owned()
        ),
        agenda = or_none(m.agenda.join("; ")),
    );
    Item {
        kind: ItemKind::Meeting,
        code: None,
        topic: None,
        worded: false,
        severity: None,
        overdue: false,
        date: Some(day),
        act_on: day,
        flagged_from: None,
        client: Some(client.id.clone()),
        client_name: Some(client.name().to_owned()),
        file: e.file.clone(),
        line: 0,
        text: format!("{} {format}{with}{place}{agenda}", m.at.0.format("%H:%M")),
        message: None,
        said: Some(said),
        said_help: None,
        said_audit: None,
        time: Some(m.at.0.time()),
        location: Location::value(YamlPath::root().key("at")),
    }
}

fn birthday_item(
    client: &ClientBook,
    c: &Entity<crate::model::Client>,
    index: usize,
    day: NaiveDate,
    act_on: NaiveDate,
) -> Item {
    let p = &c.data.contacts[index];
    let age = p
        .birthday
        .and_then(|b| b.year)
        .map(|y| format!(", turns {}", day.year() - y))
        .unwrap_or_default();
    let position = p
        .position
        .as_deref()
        .map(|s| format!(", {}", s.trim()))
        .unwrap_or_default();
    let when = if act_on == day {
        String::new()
    } else {
        format!(" on {}", day_short(day, act_on))
    };
    let (phone, email) = (p.phone.as_deref(), p.email.as_deref());
    let reach_ru = if [phone, email]
        .into_iter()
        .flatten()
        .all(|s| s.trim().is_empty())
    {
        Arg::Nested(Box::new(msg!("agenda-no-reach")))
    } else {
        Arg::Text(wording::reach(phone, email))
    };
    let said = msg!(
        "agenda-birthday",
        name = p.name.as_str(),
        position = p
            .position
            .as_deref()
            .map_or(Arg::Word("none"), |s| Arg::Text(s.trim().to_owned())),
        age = p
            .birthday
            .and_then(|b| b.year)
            .map_or(0, |y| day.year() - y),
        on = if act_on == day {
            Arg::Word("none")
        } else {
            Arg::Text(crate::i18n::day_short_ru(day, act_on))
        },
        reach = reach_ru,
    );
    Item {
        kind: ItemKind::Birthday,
        code: None,
        topic: None,
        worded: false,
        severity: None,
        overdue: false,
        date: Some(day),
        act_on,
        flagged_from: None,
        client: Some(client.id.clone()),
        client_name: Some(client.name().to_owned()),
        file: c.file.clone(),
        line: 0,
        text: format!(
            "birthday of {}{position}{age}{when} — {}",
            p.name,
            wording::reach(p.phone.as_deref(), p.email.as_deref())
        ),
        message: None,
        said: Some(said),
        said_help: None,
        said_audit: None,
        time: None,
        location: Location::value(
            YamlPath::root()
                .key("contacts")
                .index(index)
                .key("birthday"),
        ),
    }
}

/// Works out each item's line in its file, parsing each file once.
fn resolve_lines(book: &Book, items: &mut [Item]) {
    let found =
        crate::output::positions(book, items.iter().map(|i| (i.file.as_str(), &i.location)));
    for (item, (start, _)) in items.iter_mut().zip(found) {
        item.line = start.line.max(1);
    }
}

/// `--format json`: its own types, so that internal changes never change it.
#[derive(Serialize)]
struct JsonAgenda<'a> {
    version: u32,
    /// Whose clients (`--manager`); null fields: every client.
    view: super::manager_view::JsonView<'a>,
    today: String,
    days: u32,
    until: String,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    /// `rule`, `planned`, `meeting` or `birthday`.
    kind: ItemKind,
    code: Option<Code>,
    severity: Option<Severity>,
    overdue: bool,
    date: Option<String>,
    act_on: String,
    flagged_from: Option<String>,
    client: Option<&'a str>,
    client_name: Option<&'a str>,
    file: &'a str,
    line: u32,
    text: &'a str,
    message: Option<&'a str>,
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn render_json(agenda: &Agenda, view: &super::manager_view::View) -> Result<String> {
    let doc = JsonAgenda {
        version: JSON_VERSION,
        view: view.json(),
        today: iso(agenda.today),
        days: agenda.days,
        until: iso(agenda.until),
        items: agenda
            .items
            .iter()
            .map(|i| JsonItem {
                kind: i.kind,
                code: i.code,
                severity: i.severity,
                overdue: i.overdue,
                date: i.date.map(iso),
                act_on: iso(i.act_on),
                flagged_from: i.flagged_from.map(iso),
                client: i.client.as_deref(),
                client_name: i.client_name.as_deref(),
                file: &i.file,
                line: i.line,
                text: &i.text,
                message: i.message.as_deref(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    Ok(text)
}

/// `--format csv`: one row per item, in the agenda's order, with the JSON document's
/// fields.
fn render_csv(agenda: &Agenda, bom: bool) -> Result<String> {
    let mut table = crate::output::csv::Table::new(
        &[
            "kind",
            "code",
            "severity",
            "overdue",
            "date",
            "act_on",
            "flagged_from",
            "client",
            "client_name",
            "file",
            "line",
            "text",
            "message",
        ],
        bom,
    )?;
    for i in &agenda.items {
        let kind = match i.kind {
            ItemKind::Rule => "rule",
            ItemKind::Meeting => "meeting",
            ItemKind::Birthday => "birthday",
            ItemKind::Planned => "planned",
        };
        table.row([
            kind,
            i.code.map_or("", Code::as_str),
            i.severity.map_or("", Severity::as_str),
            if i.overdue { "true" } else { "false" },
            &i.date.map(iso).unwrap_or_default(),
            &iso(i.act_on),
            &i.flagged_from.map(iso).unwrap_or_default(),
            i.client.as_deref().unwrap_or_default(),
            i.client_name.as_deref().unwrap_or_default(),
            &i.file,
            &i.line.to_string(),
            &i.text,
            i.message.as_deref().unwrap_or_default(),
        ])?;
    }
    table.finish()
}

/// The tag before an item: the rule's code, or what the event is.
fn tag(item: &Item, lang: Lang) -> String {
    let id = match item.kind {
        ItemKind::Rule => match item.code {
            Some(code) => return code.as_str().to_owned(),
            None => "agenda-tag-rule",
        },
        ItemKind::Planned => "agenda-tag-invoice",
        ItemKind::Meeting => "agenda-tag-meeting",
        ItemKind::Birthday => "agenda-tag-birthday",
    };
    crate::i18n::say(lang, id)
}

/// The agenda as text, in parts to be written one after the other.
fn render_text(agenda: &Agenda, lang: Lang) -> Vec<String> {
    let mut out = String::new();
    let title = msg!(
        "agenda-title",
        weekday = i18n::weekday(lang, agenda.today),
        date = i18n::date_long(lang, agenda.today),
        days = agenda.days,
        until = i18n::day_short(lang, agenda.until, agenda.today),
    );
    let _ = writeln!(out, "{}", title.render(lang));
    if agenda.items.is_empty() {
        let _ = writeln!(out, "\n{}", i18n::say(lang, "agenda-nothing"));
        return vec![out];
    }
    // Each item with the heading of its day before it where a day begins: written in
    // parallel, after the title.
    let items = &agenda.items;
    let mut parts = vec![out];
    parts.par_extend((0..items.len()).into_par_iter().chunks(1024).map(|chunk| {
        let mut out = String::new();
        for i in chunk {
            let item = &items[i];
            let this = (item.overdue, item.act_on);
            if i == 0 || (items[i - 1].overdue, items[i - 1].act_on) != this {
                let title = if item.overdue {
                    i18n::say(lang, "agenda-overdue")
                } else if item.act_on == agenda.today {
                    msg!("agenda-today", day = i18n::day_long(lang, item.act_on)).render(lang)
                } else {
                    crate::wording::upper_first(&i18n::day_long(lang, item.act_on))
                };
                let _ = writeln!(out, "\n{title}");
            }
            let client = item
                .client_name
                .as_deref()
                .map(|c| format!("{c}: "))
                .unwrap_or_default();
            let said = match (lang, &item.said) {
                (Lang::En, _) | (_, None) => None,
                (_, Some(todo)) if item.worded => {
                    Some(crate::wording::nest_quotes(&todo.render(lang)))
                }
                (_, Some(said)) => Some(crate::wording::nest_quotes(&said_text(item, lang, said))),
            };
            let text = said.as_deref().unwrap_or(&item.text);
            let _ = writeln!(out, "  {:<9}{client}{text}", tag(item, lang));
            match (lang, &item.said_help) {
                _ if item.worded => {
                    let audit = match (lang, &item.said_audit) {
                        (Lang::En, _) | (_, None) => item.message.clone(),
                        (_, Some(said)) => Some(crate::wording::nest_quotes(&said.render(lang))),
                    };
                    if item.overdue
                        && let Some(m) = audit
                    {
                        let line = msg!("todo-audit", message = m).render(lang);
                        let _ = writeln!(out, "  {:<9}{line}", "");
                    }
                }
                (Lang::En, _) => {}
                (_, Some(help)) if said.is_some() => {
                    let help = crate::wording::nest_quotes(&help.render(lang));
                    let line = msg!("agenda-help", help = help).render(lang);
                    let _ = writeln!(out, "  {:<9}{line}", "");
                }
                _ => {}
            }
            let _ = writeln!(out, "  {:<9}{}:{}", "", item.file, item.line);
        }
        out
    }));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("test date")
    }

    fn b(s: &str) -> Birthday {
        crate::model::time::parse_birthday(s).expect("test birthday")
    }

    #[test]
    fn birthdays_in_a_window_across_the_new_year() {
        assert_eq!(
            birthdays_between(b("--01-02"), d("2026-12-28"), d("2027-01-04")),
            [d("2027-01-02")]
        );
        assert_eq!(
            birthdays_between(b("--12-30"), d("2026-12-28"), d("2027-01-04")),
            [d("2026-12-30")]
        );
        assert!(birthdays_between(b("--02-01"), d("2026-12-28"), d("2027-01-04")).is_empty());
        assert_eq!(
            birthdays_between(b("--02-29"), d("2027-02-25"), d("2027-03-01")),
            [d("2027-02-28")],
            "a leap-day birthday falls on 28 February in a common year"
        );
        assert!(
            birthdays_between(b("2026-12-30"), d("2026-12-28"), d("2027-01-04")).is_empty(),
            "the day of birth is no birthday"
        );
    }
}
