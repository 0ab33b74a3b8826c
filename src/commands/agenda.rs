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
//! A finding about something already done, only late — a report sent after its day,
//! a letter answered or a call returned late, a task acknowledged after it started,
//! the client told of a deadline move late — is the audit's to report, but nothing is
//! left to do about it: the agenda leaves it out ([`done_late`]). A contract's renewal
//! is one decision: its D01 (the notice date is near) and D02 (it passed) are one
//! item, under the more urgent day.
//!
//! Besides the audit, the agenda lists events from the book: meetings coming up and
//! birthdays (with the contact's phone or email). An item due on a day off is shown
//! on the working day before it, when something can still be done about it.
//!
//! The agenda is the tool's own output, in English like the audit it quotes.

use std::collections::HashSet;
use std::fmt::Write as _;

use anyhow::Result;
use chrono::{Datelike, Days, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use crate::audit::{self, Options};
use crate::book::{Book, ClientBook, Entity};
use crate::calendar::Calendar;
use crate::cli::{AgendaArgs, TextFormat};
use crate::context::Context;
use crate::exit::Exit;
use crate::finding::{Code, Finding, Location, Severity};
use crate::model::client::ClientStatus;
use crate::model::time::Birthday;
use crate::model::{Contract, Invoice, LogEntry, Meeting, Project};
use crate::report::locale;
use crate::report::meeting::client_name;
use crate::terms;
use crate::yaml::{PathSeg, YamlPath};

/// Version of the JSON document's shape; bumped only on an incompatible change.
const JSON_VERSION: u32 = 1;

pub fn run(ctx: &Context, args: &AgendaArgs) -> Result<Exit> {
    let book = ctx.load()?;
    let today = ctx.today(book);
    let agenda = Agenda::build(book, today, args.days);
    let t = crate::clock::phase("agenda: render");
    let parts = match args.format {
        TextFormat::Text => render_text(&agenda),
        TextFormat::Json => vec![render_json(&agenda)?],
    };
    drop(t);
    for part in &parts {
        super::write_stdout(part.as_bytes())?;
    }
    super::clients::warn_unreadable(book, &book.clients);
    Ok(Exit::Ok)
}

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// Something the audit flags (or will flag the day after the item's date).
    Rule,
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
            .filter(|f| !done_late(book, f))
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
            if seen.insert(key(f)) && !done_late(book, f) {
                walk.push((day, f));
            }
        }

        // Events from the book.
        let mut items = Vec::new();
        for client in &book.clients {
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
            // A missed-greeting warning after a birthday already listed adds nothing.
            if f.code == Code::R23
                && contact_index(&f.location)
                    .is_some_and(|i| birthday_items.contains(&(f.file.as_str(), i)))
            {
                continue;
            }
            flagged.push((f, Some(due), act_on(due)));
        }
        items.par_extend(
            flagged
                .into_par_iter()
                .map(|(f, due, act_on)| rule_item(book, f, due, act_on)),
        );

        drop(t);
        let t = crate::clock::phase("agenda: lines");
        resolve_lines(book, &mut items);
        drop(t);
        let _t = crate::clock::phase("agenda: sort");
        items.par_sort_by(|a, b| order(a).cmp(&order(b)));
        // A contract's renewal is one decision: D01 (its notice date is near) and D02
        // (the notice date passed) about it are one item, under the more urgent day.
        let mut renewals: HashSet<String> = HashSet::new();
        items.retain(|i| {
            !matches!(i.code, Some(Code::D01 | Code::D02)) || renewals.insert(i.file.clone())
        });
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

/// The index after `contacts` in a finding's path.
fn contact_index(location: &Location) -> Option<usize> {
    index_after(location, "contacts")
}

fn index_after(location: &Location, list: &str) -> Option<usize> {
    let Location::Path { path, .. } = location else {
        return None;
    };
    path.0.windows(2).find_map(|w| match (&w[0], &w[1]) {
        (PathSeg::Key(k), PathSeg::Index(i)) if k == list => Some(*i),
        _ => None,
    })
}

/// `Fri 27 Nov`.
fn day_short(d: NaiveDate) -> String {
    let name = locale::weekday_name(crate::model::settings::Locale::En, d.weekday());
    format!("{} {} {}", &name[..3], d.day(), &d.format("%b").to_string())
}

/// `Friday 27 November 2026`.
fn day_long(d: NaiveDate) -> String {
    format!(
        "{} {}",
        locale::weekday_name(crate::model::settings::Locale::En, d.weekday()),
        locale::long_date(crate::model::settings::Locale::En, d)
    )
}

fn team_name<'b>(book: &'b Book, id: &'b str) -> &'b str {
    book.settings
        .as_ref()
        .and_then(|s| s.team.iter().find(|m| m.id == id))
        .map_or(id, |m| m.name.as_str())
}

/// A team member, a contractor, or a contact of `client`, by name.
fn person<'b>(book: &'b Book, client: &'b ClientBook, id: &'b str) -> &'b str {
    if book.is_team(id) {
        return team_name(book, id);
    }
    book.contractor(id)
        .map(|c| c.data.name.as_str())
        .or_else(|| client.contact(id).map(|c| c.name.as_str()))
        .unwrap_or(id)
}

/// `«text»`, on one line and cut to `max` characters.
fn quote(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        format!("«{line}»")
    } else {
        let cut: String = line.chars().take(max.saturating_sub(1)).collect();
        format!("«{}…»", cut.trim_end())
    }
}

/// How to reach a contact: phone and email, as the book has them.
fn reach(phone: Option<&str>, email: Option<&str>) -> String {
    let parts: Vec<&str> = [phone, email]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        "no phone or email in the book".to_owned()
    } else {
        parts.join(", ")
    }
}

/// What the entity of a finding is.
enum Target<'b> {
    Client,
    Meeting(&'b Entity<Meeting>),
    Log(&'b Entity<LogEntry>),
    Project(&'b Entity<Project>),
    Invoice(&'b Entity<Invoice>),
    Contract(&'b Entity<Contract>),
    Other,
}

fn target<'b>(client: &'b ClientBook, file: &str) -> Target<'b> {
    if client.client.as_ref().is_some_and(|c| c.file == file) {
        return Target::Client;
    }
    // Each kind's entities are in the order of their files: found by binary search
    // in the list the file's folder names.
    fn find<'b, T>(list: &'b [Entity<T>], file: &str) -> Option<&'b Entity<T>> {
        list.binary_search_by(|e| e.file.as_str().cmp(file))
            .ok()
            .map(|i| &list[i])
    }
    let folder = file
        .rsplit('/')
        .nth(1)
        .and_then(crate::book::Kind::from_folder);
    let found = match folder {
        Some(crate::book::Kind::Meeting) => find(&client.meetings, file).map(Target::Meeting),
        Some(crate::book::Kind::Log) => find(&client.log, file).map(Target::Log),
        Some(crate::book::Kind::Project) => find(&client.projects, file).map(Target::Project),
        Some(crate::book::Kind::Invoice) => find(&client.invoices, file).map(Target::Invoice),
        Some(crate::book::Kind::Contract) => find(&client.contracts, file).map(Target::Contract),
        _ => None,
    };
    found.unwrap_or(Target::Other)
}

/// The client whose folder holds `file`.
fn client_of<'b>(book: &'b Book, file: &str) -> Option<&'b ClientBook> {
    let rest = file.strip_prefix("clients/")?;
    let id = rest.split('/').next()?;
    book.client(id)
}

/// Is `f` about something already done, only late? The report was sent (R02), the
/// letter answered or acknowledged (R06), the call returned (R14), the client told of
/// the deadline move (R08), the task acknowledged (R22): the audit still reports the
/// lateness, but there is nothing left to do.
fn done_late(book: &Book, f: &Finding) -> bool {
    let Some(client) = client_of(book, &f.file) else {
        return false;
    };
    match (f.code, target(client, &f.file)) {
        (Code::R02, Target::Meeting(e)) => e.data.report.as_ref().is_some_and(|r| r.sent.is_some()),
        (Code::R06, Target::Log(e)) => e.data.replied.is_some() || e.data.acknowledged.is_some(),
        (Code::R14, Target::Log(e)) => e.data.replied.is_some(),
        (Code::R08, Target::Project(e)) => index_after(&f.location, "deadline_changes")
            .and_then(|i| e.data.deadline_changes.get(i))
            .is_some_and(|c| c.client_told.is_some()),
        (Code::R22, Target::Project(e)) => index_after(&f.location, "tasks")
            .and_then(|i| e.data.tasks.get(i))
            .is_some_and(|t| t.acknowledged.is_some()),
        _ => false,
    }
}

/// What to do about a finding, in words, when the agenda knows the rule; else the
/// rule's own message.
/// `on` is the day the audit reported `f` (today, or the day it first flags it).
fn describe(book: &Book, f: &Finding, due: Option<NaiveDate>, on: NaiveDate) -> Option<String> {
    let client = client_of(book, &f.file)?;
    let by = due
        .map(|d| format!(" — due {}", day_short(d)))
        .unwrap_or_default();
    let text = match (f.code, target(client, &f.file)) {
        (Code::R02, Target::Meeting(e)) => {
            let m = &e.data;
            let with: Vec<&str> = m
                .attendees
                .client
                .iter()
                .map(|id| person(book, client, id))
                .collect();
            let with = if with.is_empty() {
                String::new()
            } else {
                format!(" with {}", with.join(", "))
            };
            format!(
                "send the report of the meeting on {}{with}{by}",
                day_short(m.at.date())
            )
        }
        (Code::R06, Target::Log(e)) => {
            let l = &e.data;
            let what = match l.channel {
                crate::model::log::LogChannel::Messenger => "message",
                other => other.as_str(),
            };
            let from = l
                .contact
                .as_deref()
                .map(|id| format!(" from {}", person(book, client, id)))
                .unwrap_or_default();
            let subject = l
                .subject
                .as_deref()
                .map(|s| format!(" {}", quote(s, 60)))
                .unwrap_or_default();
            format!(
                "answer the {what}{subject}{from} of {} {}{by}",
                day_short(l.at.date()),
                l.at.0.format("%H:%M")
            )
        }
        (Code::R14, Target::Log(e)) => {
            let l = &e.data;
            let who = l.contact.as_deref().map(|id| {
                let c = client.contact(id);
                format!(
                    " {} ({})",
                    person(book, client, id),
                    reach(
                        c.and_then(|c| c.phone.as_deref()),
                        c.and_then(|c| c.email.as_deref())
                    )
                )
            });
            format!(
                "call back{} — missed call of {} {}{by}",
                who.unwrap_or_default(),
                day_short(l.at.date()),
                l.at.0.format("%H:%M")
            )
        }
        (Code::R17, Target::Meeting(e)) => {
            let a = index_after(&f.location, "actions").and_then(|i| e.data.actions.get(i))?;
            let owner = a
                .owner
                .as_deref()
                .map_or("?", |id| person(book, client, id));
            format!(
                "{owner}: {} (promised at the meeting on {}){by}",
                quote(&a.what, 70),
                day_short(e.data.at.date())
            )
        }
        (Code::R07, Target::Project(e)) => {
            let p = &e.data;
            match index_after(&f.location, "tasks").and_then(|i| p.tasks.get(i)) {
                Some(t) => {
                    let who = t
                        .assignee
                        .as_deref()
                        .map(|id| format!(" ({})", person(book, client, id)))
                        .unwrap_or_default();
                    let title = t
                        .title
                        .as_deref()
                        .map(|s| format!(" {}", quote(s, 60)))
                        .unwrap_or_default();
                    format!("task `{}`{title}{who} of {}{by}", t.id, quote(&p.title, 60))
                }
                None => format!("deadline of {}{by}", quote(&p.title, 60)),
            }
        }
        (Code::R22, Target::Project(e)) => {
            let p = &e.data;
            let t = index_after(&f.location, "tasks").and_then(|i| p.tasks.get(i))?;
            let who = t
                .assignee
                .as_deref()
                .map_or("the assignee", |id| person(book, client, id));
            let start = t
                .start
                .map(|s| format!(" (starts {})", day_short(s.0)))
                .unwrap_or_default();
            format!(
                "get {who} to confirm they understood task `{}` of {}{start}",
                t.id,
                quote(&p.title, 60)
            )
        }
        // R01's second part: no proactive contact for longer than the cadence (the
        // first, a client who had to chase us, is on a log entry).
        (Code::R01, Target::Client) => {
            let name = client.client.as_ref().map(|c| format!("{}: ", c.data.name));
            let rest = name
                .and_then(|n| f.message.strip_prefix(&n))
                .unwrap_or(&f.message);
            if rest.starts_with("no proactive contact") {
                format!("{rest}{by}")
            } else {
                format!("no proactive contact: {rest}{by}")
            }
        }
        (Code::D04, Target::Invoice(e)) => {
            let i = &e.data;
            let cur = crate::report::invoice_currency(book, client, i);
            // D04 judged the figures, so they fit.
            match crate::report::invoice_totals(book, client, i) {
                Ok(totals) => {
                    let owed = crate::invoice_math::remainder(i, totals.gross, on);
                    format!("payment of invoice {} ({owed} {cur} unpaid){by}", i.number)
                }
                Err(_) => format!("payment of invoice {}{by}", i.number),
            }
        }
        (Code::D01 | Code::D02, Target::Contract(e)) => {
            let c = &e.data;
            let calendar = Calendar::from_settings(book.settings.as_ref());
            let term = terms::term_on(c, on);
            let notice = terms::notice_date(c, term, &calendar)
                .map(|n| format!(": the notice is due by {}", day_short(n)))
                .unwrap_or_default();
            format!(
                "decide on renewing contract {} (term ends {}){notice}",
                c.number,
                day_short(term.end)
            )
        }
        (Code::R23, Target::Client) => {
            let c = client.client.as_ref()?;
            let p = contact_index(&f.location).and_then(|i| c.data.contacts.get(i))?;
            format!(
                "greet {} on their birthday ({}) — {}{}",
                p.name,
                p.birthday
                    .map(|b| format!("{:02}-{:02}", b.month, b.day))
                    .unwrap_or_default(),
                reach(p.phone.as_deref(), p.email.as_deref()),
                due.map(|d| format!(" — last day {}", day_short(d)))
                    .unwrap_or_default()
            )
        }
        _ => return None,
    };
    Some(text)
}

fn rule_item(book: &Book, f: &Finding, due: Option<NaiveDate>, act_on: NaiveDate) -> Item {
    let client = client_of(book, &f.file);
    let meta = audit::rules::all()
        .iter()
        .map(|r| r.meta())
        .find(|m| m.code == f.code);
    let on = due.map_or(act_on, |d| add_days(d, 1));
    let text = describe(book, f, due, on).unwrap_or_else(|| match meta {
        Some(m) => format!("{}: {}", m.name.replace('-', " "), f.message),
        None => f.message.clone(),
    });
    Item {
        kind: ItemKind::Rule,
        code: Some(f.code),
        severity: Some(f.severity),
        overdue: due.is_none(),
        date: due,
        act_on,
        flagged_from: due.map(|_| on),
        client: client.map(|c| c.id.clone()),
        client_name: client.map(|c| client_name(c).to_owned()),
        file: f.file.clone(),
        line: 0,
        text,
        message: Some(f.message.clone()),
        time: None,
        location: f.location.clone(),
    }
}

fn meeting_item(book: &Book, client: &ClientBook, e: &Entity<Meeting>, day: NaiveDate) -> Item {
    let m = &e.data;
    let with: Vec<&str> = m
        .attendees
        .client
        .iter()
        .map(|id| person(book, client, id))
        .collect();
    let with = if with.is_empty() {
        String::new()
    } else {
        format!(" with {}", with.join(", "))
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
    Item {
        kind: ItemKind::Meeting,
        code: None,
        severity: None,
        overdue: false,
        date: Some(day),
        act_on: day,
        flagged_from: None,
        client: Some(client.id.clone()),
        client_name: Some(client_name(client).to_owned()),
        file: e.file.clone(),
        line: 0,
        text: format!("{} {format}{with}{place}{agenda}", m.at.0.format("%H:%M")),
        message: None,
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
        format!(" on {}", day_short(day))
    };
    Item {
        kind: ItemKind::Birthday,
        code: None,
        severity: None,
        overdue: false,
        date: Some(day),
        act_on,
        flagged_from: None,
        client: Some(client.id.clone()),
        client_name: Some(client_name(client).to_owned()),
        file: c.file.clone(),
        line: 0,
        text: format!(
            "birthday of {}{position}{age}{when} — {}",
            p.name,
            reach(p.phone.as_deref(), p.email.as_deref())
        ),
        message: None,
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
    today: String,
    days: u32,
    until: String,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    /// `rule`, `meeting` or `birthday`.
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

fn render_json(agenda: &Agenda) -> Result<String> {
    let doc = JsonAgenda {
        version: JSON_VERSION,
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

/// The tag before an item: the rule's code, or what the event is.
fn tag(item: &Item) -> &'static str {
    match item.kind {
        ItemKind::Rule => item.code.map_or("rule", Code::as_str),
        ItemKind::Meeting => "meeting",
        ItemKind::Birthday => "birthday",
    }
}

/// The agenda as text, in parts to be written one after the other.
fn render_text(agenda: &Agenda) -> Vec<String> {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Agenda for {} and the next {} (to {})",
        day_long(agenda.today),
        locale::days(crate::model::settings::Locale::En, i64::from(agenda.days)),
        day_short(agenda.until)
    );
    if agenda.items.is_empty() {
        let _ = writeln!(
            out,
            "\nNothing to do: no report, answer, promise, deadline, invoice, notice date, meeting or birthday is due."
        );
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
                    "Overdue — the audit flags these today".to_owned()
                } else if item.act_on == agenda.today {
                    format!("Today, {}", day_long(item.act_on))
                } else {
                    day_long(item.act_on)
                };
                let _ = writeln!(out, "\n{title}");
            }
            let client = item
                .client_name
                .as_deref()
                .map(|c| format!("{c}: "))
                .unwrap_or_default();
            let _ = writeln!(out, "  {:<9}{client}{}", tag(item), item.text);
            if item.overdue
                && let Some(m) = &item.message
            {
                let _ = writeln!(out, "  {:<9}audit: {m}", "");
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

    #[test]
    fn dates_and_quotes_read_well() {
        assert_eq!(day_short(d("2026-12-06")), "Sun 6 Dec");
        assert_eq!(day_long(d("2026-12-04")), "Friday 4 December 2026");
        assert_eq!(quote("a  b\nc", 10), "«a b c»");
        assert_eq!(quote("абвгдежз", 5), "«абвг…»");
        assert_eq!(reach(Some(" +7 900 "), Some("")), "+7 900");
        assert_eq!(reach(None, None), "no phone or email in the book");
    }

    #[test]
    fn indices_are_read_from_paths() {
        let loc = Location::value(YamlPath::root().key("actions").index(2).key("due"));
        assert_eq!(index_after(&loc, "actions"), Some(2));
        assert_eq!(index_after(&loc, "tasks"), None);
        assert_eq!(index_after(&Location::File, "actions"), None);
    }
}
