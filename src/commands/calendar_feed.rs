//! `rapport calendar [--out FILE]`: the book as an iCalendar (RFC 5545) feed that a
//! calendar program subscribes to or imports — meetings, task and project
//! deadlines, contract notice dates and ends, invoice due dates, the planned invoices
//! of the contracts in force (each with the invoice that issued it, or the command
//! that issues it), and contacts' birthdays, in the book's language.
//!
//! - Every UID is made of the file the event comes from (without its extension) and
//!   the kind of event, so it is the same on every run and a re-import updates the
//!   event instead of adding a second one: `clients/acme/meetings/2026-12-02-demo/meeting@rapport`.
//!   A contract's notice date and end carry the term number (`notice-t3`): a new term
//!   is a new event, the old one stays as history in an imported calendar.
//! - `DTSTAMP` is today (`--today` or the book's date) at 00:00 UTC, so two runs on
//!   the same day write the same bytes.
//! - Meetings are timed events of one hour (the book has no end time), converted from
//!   the book's `timezone` to UTC so that no VTIMEZONE is needed. Everything else is
//!   an all-day event, shown as free time, with the exclusive end the day after.
//! - Birthdays recur yearly from the birth year (2000 when the year is unknown); 29
//!   February recurs on the last day of February, as R23 greets it on 28 February in
//!   common years.
//! - What is left out: lost and cancelled projects' deadlines and tasks, draft and
//!   cancelled invoices, contracts that are not active, supplements (they follow their
//!   contract), and the contacts of former clients.

use std::path::Path;

use anyhow::{Context as _, Result};
use chrono::{LocalResult, NaiveDate, NaiveDateTime, TimeDelta, TimeZone};
use rayon::prelude::*;

use super::clients::note;
use super::duty_support::{self as support, currency};
use crate::book::{Book, ClientBook};
use crate::cli::CalendarArgs;
use crate::context::Context;
use crate::domain::billing;
use crate::domain::calendar::Calendar;
use crate::domain::plan;
use crate::domain::renewal::{self, State};
use crate::domain::terms;
use crate::exit::Exit;
use crate::ics::{self, Event, Repeat, When};
use crate::model::client::ClientStatus;
use crate::model::contract::{ContractKind, ContractStatus, RenewalDecision};
use crate::model::invoice::InvoiceStatus;
use crate::model::project::Stage;
use crate::model::settings::Locale;
use crate::report::locale;

/// How long a meeting is shown, the book having no end time.
const MEETING_MINUTES: i64 = 60;

/// The year a birthday without one starts recurring from (a leap year, so that
/// 29 February can start there too).
const NO_YEAR: i32 = 2000;

pub fn run(ctx: &Context, args: &CalendarArgs) -> Result<Exit> {
    let book = ctx.load()?;
    let today = ctx.today(book);
    let zone_name = book
        .settings
        .as_ref()
        .map_or("Europe/Moscow", |s| s.timezone.as_str());
    let zone = match zone_name.parse::<chrono_tz::Tz>() {
        Ok(z) => z,
        Err(_) => {
            note(&format!(
                "`{zone_name}` is not a time zone: meeting times are taken as UTC"
            ));
            chrono_tz::UTC
        }
    };
    let view = super::manager_view::resolve(ctx, book, args.manager.as_deref())?;
    let mut cal = match &args.assignee {
        None => feed(book, today, zone),
        Some(id) => {
            super::tasks::check_person(book, id)?;
            assignee_feed(book, today, id)
        }
    };
    // Every event's UID begins with the path of the file it comes from.
    cal.events.retain(|e| view.shows_file(&e.uid));
    if let Some(label) = view.label() {
        cal.name = format!("{} ({label})", cal.name);
    }
    match &args.out {
        None => cal.write_ics(&mut |part| {
            crate::commands::write_stdout(part).map_err(std::io::Error::other)
        })?,
        Some(path) => {
            write_feed(path, &cal)?;
            crate::commands::write_stdout(
                format!(
                    "{}{}\n",
                    view.header("view-calendar", today, ctx.lang),
                    crate::msg!(
                        "wrote-events",
                        path = path.display().to_string(),
                        events = cal.events.len()
                    )
                    .render(ctx.lang)
                )
                .as_bytes(),
            )?;
        }
    }
    super::clients::warn_unreadable(ctx.lang, book, view.clients(book));
    Ok(Exit::Ok)
}

fn write_feed(path: &Path, cal: &ics::Calendar) -> Result<()> {
    if path.is_dir() {
        return Err(super::hinted(
            crate::msg!("out-is-a-folder", path = path.display().to_string()),
            crate::msg!(
                "out-is-a-folder-hint",
                example = path.join("rapport.ics").display().to_string()
            ),
        ));
    }
    crate::write::replace_with(path, |file| cal.write_ics(&mut |part| file.write_all(part)))
        .with_context(|| format!("cannot write the calendar to {}", path.display()))
}

/// The feed of the whole book as of `today`.
pub fn feed(book: &Book, today: NaiveDate, zone: chrono_tz::Tz) -> ics::Calendar {
    let locale = crate::report::meeting::book_locale(book);
    let calendar = Calendar::from_settings(book.settings.as_ref());
    let due_days = support::threshold(
        book.settings.as_ref(),
        crate::audit::rules::thresholds::RENEWAL_NOTICE_DAYS,
    );
    // Each client's events in parallel, then all of them in order (UIDs are unique,
    // so the order is total).
    let per_client: Vec<Vec<Event>> = book
        .clients
        .par_iter()
        .map(|client| {
            let w = Words { locale };
            let mut events = Vec::new();
            meetings(book, client, zone, &w, &mut events);
            projects(book, client, &w, &mut events);
            contracts(client, today, &calendar, due_days, &w, &mut events);
            invoices(book, client, today, &w, &mut events);
            planned(book, client, &w, &mut events);
            birthdays(client, &w, &mut events);
            events
        })
        .collect();
    // Put together in one list sized once.
    let mut events = Vec::with_capacity(per_client.iter().map(Vec::len).sum());
    for mut list in per_client {
        events.append(&mut list);
    }
    events.par_sort_unstable_by(|a, b| sort_key(a).cmp(&sort_key(b)));
    let agency = book
        .settings
        .as_ref()
        .map_or("rapport", |s| s.agency.name.as_str());
    ics::Calendar {
        name: format!("{agency} — rapport"),
        timezone: book.settings.as_ref().map(|s| s.timezone.clone()),
        stamp: today.and_time(chrono::NaiveTime::MIN),
        events,
    }
}

/// One person's tasks as of `today`: each task's start and due date (tasks of lost
/// and cancelled projects left out, as in the whole feed), named for the person.
/// The due events have the whole feed's UIDs; a start is `…/task/ID/start`.
pub fn assignee_feed(book: &Book, today: NaiveDate, who: &str) -> ics::Calendar {
    let w = Words {
        locale: crate::report::meeting::book_locale(book),
    };
    let mut events = Vec::new();
    for client in &book.clients {
        let name = client.name();
        for e in &client.projects {
            let p = &e.data;
            if matches!(p.stage, Stage::Lost | Stage::Cancelled) {
                continue;
            }
            for t in p
                .tasks
                .iter()
                .filter(|t| t.assignee.as_deref() == Some(who))
            {
                let title = t.title.as_deref().unwrap_or(&t.id);
                let done = if t.done.is_some() {
                    w.pick(" (выполнена)", " (done)")
                } else {
                    ""
                };
                let mut description = vec![format!("{} — {name}", p.title)];
                if let Some(why) = &t.tied_to {
                    description.push(format!("{}: {why}", w.pick("Срок связан с", "Tied to")));
                }
                if let Some(doc) = &t.task_doc {
                    description.push(format!("{}: {doc}", w.pick("Задание", "Task brief")));
                }
                description.push(e.file.clone());
                let description = description.join("\n");
                let dates = [
                    (t.start, "/start", w.pick("Начало задачи", "Task starts")),
                    (t.due, "", w.pick("Срок задачи", "Task due")),
                ];
                for (date, suffix, what) in dates {
                    let Some(date) = date else { continue };
                    let mut ev = all_day(
                        uid(&e.file, &format!("task/{}{suffix}", t.id)),
                        date.0,
                        format!("{what}: {title} — {name}{done}"),
                        "task",
                    );
                    ev.description = Some(description.clone());
                    events.push(ev);
                }
            }
        }
    }
    events.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
    let agency = book
        .settings
        .as_ref()
        .map_or("rapport", |s| s.agency.name.as_str());
    ics::Calendar {
        name: format!("{agency} — {}", book.person_name(None, who)),
        timezone: book.settings.as_ref().map(|s| s.timezone.clone()),
        stamp: today.and_time(chrono::NaiveTime::MIN),
        events,
    }
}

/// Soonest first; all-day events before timed ones on the same day; then by UID.
fn sort_key(e: &Event) -> (NaiveDate, bool, NaiveDateTime, &str) {
    match e.when {
        When::Day(d) => (d, false, d.and_time(chrono::NaiveTime::MIN), e.uid.as_str()),
        When::Utc { start, .. } => (start.date(), true, start, e.uid.as_str()),
    }
}

/// The UID of an event of `kind` from `file`: the path without `.yaml`/`.yml`, then
/// the kind, `@rapport`. Characters other than ASCII letters, digits, `-`, `.`, `_`
/// and `/` are percent-encoded, so a UID is plain ASCII.
pub fn uid(file: &str, kind: &str) -> String {
    let stem = file
        .strip_suffix(".yaml")
        .or_else(|| file.strip_suffix(".yml"))
        .unwrap_or(file);
    let mut out = String::new();
    for b in format!("{stem}/{kind}").bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push_str("@rapport");
    out
}

/// A local date-time of the book as UTC. A time skipped by a clock change is taken
/// an hour later; a repeated one, the first time.
fn to_utc(zone: chrono_tz::Tz, at: NaiveDateTime) -> NaiveDateTime {
    let resolved = match zone.from_local_datetime(&at) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t),
        LocalResult::None => at
            .checked_add_signed(TimeDelta::hours(1))
            .and_then(|later| zone.from_local_datetime(&later).earliest()),
    };
    resolved.map_or(at, |t| t.naive_utc())
}

fn all_day(uid: String, day: NaiveDate, summary: String, category: &str) -> Event {
    Event {
        uid,
        when: When::Day(day),
        repeat: Repeat::Never,
        summary,
        description: None,
        location: None,
        categories: vec![category.to_owned()],
        transparent: true,
    }
}

/// The feed's words in the book's language.
struct Words {
    locale: Locale,
}

impl Words {
    fn ru(&self) -> bool {
        self.locale == Locale::Ru
    }

    fn pick(&self, ru: &'static str, en: &'static str) -> &'static str {
        if self.ru() { ru } else { en }
    }

    /// A decision in words: "решено продлить" / "decided: renew".
    fn decision(&self, d: RenewalDecision) -> &'static str {
        match d {
            RenewalDecision::Renew => self.pick("решено продлить", "decided: renew"),
            RenewalDecision::Renegotiate => {
                self.pick("решено пересогласовать", "decided: renegotiate")
            }
            RenewalDecision::Terminate => self.pick("решено расторгнуть", "decided: terminate"),
        }
    }
}

fn meetings(
    book: &Book,
    client: &ClientBook,
    zone: chrono_tz::Tz,
    w: &Words,
    out: &mut Vec<Event>,
) {
    let name = client.name();
    for e in &client.meetings {
        let m = &e.data;
        let start = to_utc(zone, m.at.0);
        let end = start
            .checked_add_signed(TimeDelta::minutes(MEETING_MINUTES))
            .unwrap_or(start);
        let project = m
            .project
            .as_deref()
            .and_then(|id| client.projects.iter().find(|p| p.id == id))
            .map(|p| p.data.title.as_str());
        let mut summary = format!("{name}: {}", locale::meeting_format(w.locale, m.format));
        if let Some(p) = project {
            summary.push_str(&format!(" — {p}"));
        }
        let mut description = Vec::new();
        if !m.agenda.is_empty() {
            description.push(format!("{}:", w.pick("Повестка", "Agenda")));
            description.extend(m.agenda.iter().map(|a| format!("• {a}")));
        }
        let people: Vec<&str> = m
            .attendees
            .client
            .iter()
            .map(|id| client.contact(id).map_or(id.as_str(), |c| c.name.as_str()))
            .chain(m.attendees.agency.iter().map(|id| {
                book.settings
                    .as_ref()
                    .and_then(|s| s.team.iter().find(|t| &t.id == id))
                    .map_or(id.as_str(), |t| t.name.as_str())
            }))
            .collect();
        if !people.is_empty() {
            description.push(format!(
                "{}: {}",
                w.pick("Участники", "Attendees"),
                people.join(", ")
            ));
        }
        description.push(e.file.clone());
        out.push(Event {
            uid: uid(&e.file, "meeting"),
            when: When::Utc { start, end },
            repeat: Repeat::Never,
            summary,
            description: Some(description.join("\n")),
            location: m.place.clone(),
            categories: vec!["meeting".to_owned()],
            transparent: false,
        });
    }
}

fn projects(book: &Book, client: &ClientBook, w: &Words, out: &mut Vec<Event>) {
    let name = client.name();
    for e in &client.projects {
        let p = &e.data;
        if matches!(p.stage, Stage::Lost | Stage::Cancelled) {
            continue;
        }
        if let Some(deadline) = p.deadline {
            let mut ev = all_day(
                uid(&e.file, "deadline"),
                deadline.0,
                format!(
                    "{}: {} — {name}",
                    w.pick("Дедлайн проекта", "Project deadline"),
                    p.title
                ),
                "deadline",
            );
            ev.description = Some(
                p.deadline_tied_to
                    .as_ref()
                    .map_or_else(|| e.file.clone(), |t| format!("{t}\n{}", e.file)),
            );
            out.push(ev);
        }
        for t in &p.tasks {
            let Some(due) = t.due else {
                continue;
            };
            let title = t.title.as_deref().unwrap_or(&t.id);
            let mut summary = format!("{}: {title} — {name}", w.pick("Срок задачи", "Task due"));
            if t.done.is_some() {
                summary.push_str(w.pick(" (выполнена)", " (done)"));
            }
            let mut ev = all_day(
                uid(&e.file, &format!("task/{}", t.id)),
                due.0,
                summary,
                "task",
            );
            let mut description = vec![p.title.clone()];
            if let Some(a) = &t.assignee {
                let a = book.person_name(Some(client), a);
                description.push(format!("{}: {a}", w.pick("Исполнитель", "Assignee")));
            }
            description.push(e.file.clone());
            ev.description = Some(description.join("\n"));
            out.push(ev);
        }
    }
}

fn contracts(
    client: &ClientBook,
    today: NaiveDate,
    calendar: &Calendar,
    due_days: u32,
    w: &Words,
    out: &mut Vec<Event>,
) {
    let name = client.name();
    for e in &client.contracts {
        let c = &e.data;
        if c.kind != ContractKind::Contract || c.status != ContractStatus::Active {
            continue;
        }
        let (term, notice, state) = renewal::state(c, today, calendar, due_days);
        if let Some(notice) = notice {
            let mut summary = format!(
                "{}: {} {} — {name}",
                w.pick("Последний день уведомления", "Renewal notice deadline"),
                w.pick("договор", "contract"),
                c.number
            );
            if state == State::Decided
                && let Some(d) = c.renewal.as_ref().and_then(|r| r.decision)
            {
                summary.push_str(&format!(" ({})", w.decision(d)));
            }
            let auto = c.renewal.as_ref().is_some_and(|r| r.auto);
            let without = match (w.ru(), auto) {
                (true, true) => "Без уведомления договор продлится на следующий срок.",
                (true, false) => "Без решения договор закончится с этим сроком.",
                (false, true) => "Without notice the contract renews itself for another term.",
                (false, false) => "Without a decision the contract ends with this term.",
            };
            let mut ev = all_day(
                uid(&e.file, &format!("notice-t{}", term.number)),
                notice,
                summary,
                "contract",
            );
            ev.description = Some(format!(
                "{} {}: {} – {}\n{without}\n{}",
                w.pick("Срок", "Term"),
                term.number,
                term.start,
                term.end,
                e.file
            ));
            out.push(ev);
        }
        let ends = terms::final_end(c).is_some_and(|f| f == term.end);
        let what = match (w.ru(), ends) {
            (true, true) => "Окончание договора",
            (true, false) => "Конец срока договора (продлится автоматически)",
            (false, true) => "Contract ends",
            (false, false) => "Contract term ends (renews itself)",
        };
        let mut ev = all_day(
            uid(&e.file, &format!("end-t{}", term.number)),
            term.end,
            format!("{what}: {} — {name}", c.number),
            "contract",
        );
        ev.description = Some(e.file.clone());
        out.push(ev);
    }
}

fn invoices(book: &Book, client: &ClientBook, today: NaiveDate, w: &Words, out: &mut Vec<Event>) {
    let name = client.name();
    let settings = book.settings.as_ref();
    for e in &client.invoices {
        let i = &e.data;
        if i.status != InvoiceStatus::Issued {
            continue;
        }
        let (due, _) = billing::due_date(i, settings);
        // An invoice whose lines do not fit in a sum of money does not load (E02).
        let Ok(totals) = billing::totals(
            i,
            support::vat_contract(client, i.contract.as_deref(), i.date.0),
            settings,
        ) else {
            continue;
        };
        let gross = totals.gross;
        let paid = billing::paid(i, today);
        let cur = currency(book, client, i.contract.as_deref(), i.date.0);
        let mut summary = format!(
            "{} {} — {name}: {}",
            w.pick("Срок оплаты счёта №", "Invoice due: No."),
            i.number,
            locale::money(w.locale, gross, cur)
        );
        if paid >= gross {
            summary.push_str(w.pick(" (оплачен)", " (paid)"));
        }
        let mut ev = all_day(uid(&e.file, "due"), due, summary, "invoice");
        ev.description = Some(e.file.clone());
        out.push(ev);
    }
}

/// Each planned invoice of a contract in force, on its date, with the invoice that
/// issued it, if one did.
fn planned(book: &Book, client: &ClientBook, w: &Words, out: &mut Vec<Event>) {
    let name = client.name();
    for e in &client.contracts {
        let c = &e.data;
        if !plan::in_force(c) {
            continue;
        }
        for p in plan::entries(c) {
            let vat_from = support::vat_contract(client, Some(&e.id), p.date).unwrap_or(c);
            let cur = currency(book, client, Some(&e.id), p.date);
            let sum = plan::gross(p.entry, vat_from, book.settings.as_ref())
                .map(|g| format!(": {}", locale::money(w.locale, g, cur)))
                .unwrap_or_default();
            let mut summary = format!(
                "{} {} — {name}{sum}",
                w.pick("Счёт по плану, договор", "Planned invoice, contract"),
                c.number
            );
            let issued = plan::issued_by(
                client.invoices.iter().map(|i| (i.id.as_str(), &i.data)),
                &e.id,
                p.number,
            )
            .and_then(|id| client.invoices.iter().find(|i| i.id == id));
            if let Some(i) = issued {
                summary.push_str(&format!(
                    " ({} {})",
                    w.pick("выставлен счёт №", "issued as No."),
                    i.data.number
                ));
            }
            let mut ev = all_day(
                uid(&e.file, &format!("plan-{}", p.number)),
                p.date,
                summary,
                "invoice",
            );
            let mut description = Vec::new();
            if let Some(n) = &p.entry.note {
                description.push(n.clone());
            }
            if issued.is_none() {
                description.push(format!(
                    "rapport invoice new {} --planned {}#{}",
                    client.id, e.id, p.number
                ));
            }
            description.push(e.file.clone());
            ev.description = Some(description.join("\n"));
            out.push(ev);
        }
    }
}

fn birthdays(client: &ClientBook, w: &Words, out: &mut Vec<Event>) {
    let Some(c) = &client.client else {
        return;
    };
    if c.data.status == ClientStatus::Former {
        return;
    }
    for person in &c.data.contacts {
        let Some(b) = person.birthday else {
            continue;
        };
        let leap_day = b.month == 2 && b.day == 29;
        let year = b.year.unwrap_or(NO_YEAR);
        let Some(first) = NaiveDate::from_ymd_opt(year, b.month, b.day) else {
            continue;
        };
        let mut summary = format!("{}: {}", w.pick("День рождения", "Birthday"), person.name);
        summary.push_str(&format!(" ({})", c.data.name));
        let mut description = Vec::new();
        if let Some(p) = &person.position {
            description.push(p.clone());
        }
        description.push(c.file.clone());
        out.push(Event {
            uid: uid(&c.file, &format!("birthday/{}", person.id)),
            when: When::Day(first),
            repeat: if leap_day {
                Repeat::YearlyLastOfFebruary
            } else {
                Repeat::Yearly
            },
            summary,
            description: Some(description.join("\n")),
            location: None,
            categories: vec!["birthday".to_owned()],
            transparent: true,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_are_paths_and_kinds() {
        assert_eq!(
            uid("clients/acme/meetings/2026-12-02-demo.yaml", "meeting"),
            "clients/acme/meetings/2026-12-02-demo/meeting@rapport"
        );
        assert_eq!(
            uid("clients/acme/contracts/1.yml", "notice-t3"),
            "clients/acme/contracts/1/notice-t3@rapport",
            ".yml and .yaml give the same UID"
        );
        assert_eq!(
            uid("clients/a b/x.yaml", "k;"),
            "clients/a%20b/x/k%3B@rapport"
        );
    }

    #[test]
    fn local_times_become_utc() {
        let at = |s: &str| crate::model::time::parse_datetime(s).expect("test time");
        let moscow: chrono_tz::Tz = "Europe/Moscow".parse().expect("zone");
        assert_eq!(
            to_utc(moscow, at("2026-12-02T11:00")),
            at("2026-12-02T08:00")
        );
        let berlin: chrono_tz::Tz = "Europe/Berlin".parse().expect("zone");
        assert_eq!(
            to_utc(berlin, at("2026-07-01T12:00")),
            at("2026-07-01T10:00")
        );
        // 02:30 does not exist on 2026-03-29 in Berlin: taken as 03:30 CEST = 01:30 UTC.
        assert_eq!(
            to_utc(berlin, at("2026-03-29T02:30")),
            at("2026-03-29T01:30")
        );
        // 02:30 happens twice on 2026-10-25: the first (CEST) is 00:30 UTC.
        assert_eq!(
            to_utc(berlin, at("2026-10-25T02:30")),
            at("2026-10-25T00:30")
        );
    }
}
