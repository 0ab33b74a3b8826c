//! `rapport tasks`: every task for specialists (duty D3) as a work list — who does
//! what, for which client and project, from when and by when, late by how many working
//! days, confirmed by the assignee or not, done — filtered by person, client, project,
//! account manager and state; or, with `--by assignee`, the workload: open tasks per
//! person per ISO week of their due date, so that overload shows before it happens.
//!
//! What "open", "overdue" and "not confirmed" mean is `domain::tasks`'s, the same
//! definitions rules R07, R19 and R22 use, so the list and the audit agree on any day.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::clients::{header_in, note_in, plain_table, table_date, warn_unreadable};
use super::duty_support as support;
use crate::book::{Book, ClientBook, Entity};
use crate::cli::{ListFormat, TasksArgs, TasksBy};
use crate::context::Context;
use crate::domain::calendar::Calendar;
use crate::domain::tasks::{self, Ack, Bucket, TaskState, Week};
use crate::exit::Exit;
use crate::i18n::{Lang, say};
use crate::model::Project;
use crate::model::project::Task;
use crate::msg;

/// Runs `rapport tasks`.
pub fn run(ctx: &Context, args: &TasksArgs) -> Result<Exit> {
    crate::output::csv::check_bom(args.bom, args.format == ListFormat::Csv)?;
    let book = ctx.load()?;
    let today = ctx.today(book);
    let view = super::manager_view::resolve(ctx, book, args.manager.as_deref())?;
    let scope = Scope::of(book, args, &view)?;
    let calendar = Calendar::from_settings(book.settings.as_ref());
    let rows: Vec<Row<'_>> = rows(book, &scope.clients, &calendar, today)
        .into_iter()
        .filter(|r| scope.wants(r, args, today))
        .collect();
    let text = match (args.by, args.format) {
        (Some(TasksBy::Assignee), format) => {
            let load = workload(book, &rows, today);
            match format {
                ListFormat::Table => {
                    format!(
                        "{}{}",
                        view.header("view-workload", today, ctx.lang),
                        workload_table(&load, ctx.lang)
                    )
                }
                ListFormat::Json => support::json(&JsonWorkload::of(&load, today, &view))?,
                ListFormat::Csv => workload_csv(&load, args.bom)?,
            }
        }
        (None, ListFormat::Table) => format!(
            "{}{}",
            view.header("view-tasks", today, ctx.lang),
            table(&rows, ctx.lang, today)
        ),
        (None, ListFormat::Json) => support::json(&JsonDoc {
            today: today.to_string(),
            view: view.json(),
            tasks: rows.iter().map(JsonTask::of).collect(),
        })?,
        (None, ListFormat::Csv) => csv(&rows, args.bom)?,
    };
    super::write_stdout(text.as_bytes())?;
    warn_unreadable(ctx.lang, book, scope.clients.iter().copied());
    if rows.is_empty() && args.format == ListFormat::Table {
        note_in(ctx.lang, &say(ctx.lang, "tasks-none"));
    }
    Ok(Exit::Ok)
}

/// One task of the book, as of today.
#[derive(Debug)]
pub(crate) struct Row<'b> {
    pub(crate) client: &'b ClientBook,
    pub(crate) project: &'b Entity<Project>,
    /// The task's place in the project's `tasks`.
    pub(crate) index: usize,
    pub(crate) task: &'b Task,
    pub(crate) state: TaskState,
    /// The assignee's name (team member or contractor), else the ID.
    pub(crate) assignee_name: Option<&'b str>,
}

/// Every task of `clients`, by due date (none last), then client, project and place.
pub(crate) fn rows<'b>(
    book: &'b Book,
    clients: &[&'b ClientBook],
    calendar: &Calendar,
    today: NaiveDate,
) -> Vec<Row<'b>> {
    let mut rows: Vec<Row<'b>> = clients
        .iter()
        .flat_map(|client| {
            client.projects.iter().flat_map(move |p| {
                p.data
                    .tasks
                    .iter()
                    .enumerate()
                    .map(move |(index, task)| Row {
                        client,
                        project: p,
                        index,
                        task,
                        state: tasks::state(task, p.data.stage, calendar, today),
                        assignee_name: task
                            .assignee
                            .as_deref()
                            .map(|id| book.person_name(None, id)),
                    })
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        let key = |r: &Row<'b>| {
            (
                r.task.due.is_none(),
                r.task.due,
                r.client.id.clone(),
                r.project.id.clone(),
                r.index,
            )
        };
        key(a).cmp(&key(b))
    });
    rows
}

/// The clients and projects the command line selects, and the other filters.
struct Scope<'b> {
    clients: Vec<&'b ClientBook>,
    /// `--project`: the project ID (within `clients`).
    project: Option<String>,
}

impl<'b> Scope<'b> {
    fn of(book: &'b Book, args: &TasksArgs, view: &super::manager_view::View) -> Result<Self> {
        let mut clients: Vec<&ClientBook> = match &args.client {
            Some(id) => vec![support::find_client(book, id)?],
            None => book.clients.iter().collect(),
        };
        clients.retain(|c| view.shows(c));
        if let Some(id) = &args.assignee {
            check_person(book, id)?;
        }
        let project = match &args.project {
            None => None,
            Some(arg) if arg.contains('/') => {
                let (client, project) = support::find_project(book, arg)?;
                clients.retain(|c| c.id == client.id);
                Some(project.id.clone())
            }
            Some(id) => {
                let all: BTreeSet<&str> = book
                    .clients
                    .iter()
                    .flat_map(|c| c.projects.iter().map(|p| p.id.as_str()))
                    .collect();
                if !all.contains(id.as_str()) {
                    let ids: Vec<&str> = all.into_iter().collect();
                    let hint = super::hint_for(id, &ids, msg!("tasks-projects-hint"), |_| {
                        msg!("tasks-projects-hint")
                    });
                    return Err(super::hinted(msg!("no-project", id = id.as_str()), hint));
                }
                Some(id.clone())
            }
        };
        Ok(Scope { clients, project })
    }

    fn wants(&self, r: &Row<'_>, args: &TasksArgs, today: NaiveDate) -> bool {
        let s = &r.state;
        self.project.as_deref().is_none_or(|p| r.project.id == p)
            && args
                .assignee
                .as_deref()
                .is_none_or(|a| r.task.assignee.as_deref() == Some(a))
            && (!args.open || s.open)
            && (!args.overdue || s.overdue)
            && (!args.unacknowledged || s.unacknowledged())
            && args.due_within.is_none_or(|days| {
                s.open
                    && r.task.due.is_some_and(|d| {
                        today
                            .checked_add_days(chrono::Days::new(u64::from(days)))
                            .is_none_or(|end| d.0 <= end)
                    })
            })
            && (args.by.is_none() || s.open)
    }
}

/// `id` names a team member or a contractor, or an error with the nearest.
pub(crate) fn check_person(book: &Book, id: &str) -> Result<()> {
    let mut ids: Vec<&str> = book
        .settings
        .as_ref()
        .map(|s| s.team.iter().map(|m| m.id.as_str()).collect())
        .unwrap_or_default();
    ids.extend(book.contractor_ids.iter().map(String::as_str));
    if ids.contains(&id) {
        return Ok(());
    }
    let hint = match crate::yaml::suggest(id, &ids) {
        Some(s) => msg!("did-you-mean", name = s),
        None => msg!("assignees-are"),
    };
    Err(super::hinted(msg!("no-person", id = id), hint))
}

/// The acknowledgement as a table shows it.
fn ack_text(t: &Task, ack: Ack, lang: Lang, today: NaiveDate) -> String {
    let day = |d: crate::model::time::Date| table_date(lang, d.0, today);
    match (ack, t.acknowledged) {
        (Ack::Confirmed, Some(d)) => day(d),
        (Ack::ConfirmedLate, Some(d)) => msg!("tasks-ack-late", day = day(d)).render(lang),
        (Ack::Missing, _) => say(lang, "tasks-ack-missing"),
        (Ack::Awaited, _) => say(lang, "tasks-ack-awaited"),
        _ => String::new(),
    }
}

fn late_text(s: &TaskState, lang: Lang) -> String {
    s.late_working_days
        .map(|n| msg!("tasks-late-wd", days = n).render(lang))
        .unwrap_or_default()
}

const HEADER: [&str; 9] = [
    "col-due-task",
    "col-late",
    "col-assignee",
    "col-client",
    "col-project",
    "col-task",
    "col-start",
    "col-confirmed",
    "col-done",
];

fn table(rows: &[Row<'_>], lang: Lang, today: NaiveDate) -> String {
    let opt = |d: Option<crate::model::time::Date>| {
        d.map(|d| table_date(lang, d.0, today)).unwrap_or_default()
    };
    let cells = rows
        .iter()
        .map(|r| {
            vec![
                opt(r.task.due),
                late_text(&r.state, lang),
                r.assignee_name.unwrap_or_default().to_owned(),
                r.client.name().to_owned(),
                r.project.id.clone(),
                title(r.task).to_owned(),
                opt(r.task.start),
                ack_text(r.task, r.state.ack, lang, today),
                opt(r.task.done),
            ]
        })
        .collect();
    let header = header_in(lang, &HEADER);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    plain_table(Some(&header), cells, &[1], 0)
}

/// The task's title, else its ID.
fn title(t: &Task) -> &str {
    t.title.as_deref().unwrap_or(&t.id)
}

const CSV_HEADER: [&str; 20] = [
    "client",
    "project",
    "task",
    "file",
    "index",
    "title",
    "kind",
    "assignee",
    "assignee_name",
    "start",
    "due",
    "tied_to",
    "acknowledged",
    "done",
    "open",
    "overdue",
    "late_days",
    "late_working_days",
    "ack",
    "deadline_unknown",
];

fn csv(rows: &[Row<'_>], bom: bool) -> Result<String> {
    let mut table = crate::output::csv::Table::new(&CSV_HEADER, bom)?;
    for r in rows {
        let j = JsonTask::of(r);
        table.row([
            j.client.to_owned(),
            j.project.to_owned(),
            j.id.to_owned(),
            j.file.to_owned(),
            j.index.to_string(),
            j.title.unwrap_or_default().to_owned(),
            j.kind.unwrap_or_default().to_owned(),
            j.assignee.unwrap_or_default().to_owned(),
            j.assignee_name.unwrap_or_default().to_owned(),
            j.start.unwrap_or_default(),
            j.due.unwrap_or_default(),
            j.tied_to.unwrap_or_default().to_owned(),
            j.acknowledged.unwrap_or_default(),
            j.done.unwrap_or_default(),
            j.open.to_string(),
            j.overdue.to_string(),
            j.late_days.map(|n| n.to_string()).unwrap_or_default(),
            j.late_working_days
                .map(|n| n.to_string())
                .unwrap_or_default(),
            j.ack.to_owned(),
            j.deadline_unknown.to_string(),
        ])?;
    }
    table.finish()
}

#[derive(Serialize)]
struct JsonDoc<'b> {
    /// The day the states are as of.
    today: String,
    /// Whose clients are shown.
    view: super::manager_view::JsonView<'b>,
    tasks: Vec<JsonTask<'b>>,
}

#[derive(Serialize)]
struct JsonTask<'b> {
    client: &'b str,
    client_name: &'b str,
    project: &'b str,
    project_title: &'b str,
    project_stage: &'static str,
    file: &'b str,
    /// The task's place (from 0) in the project's `tasks`.
    index: usize,
    id: &'b str,
    title: Option<&'b str>,
    kind: Option<&'static str>,
    assignee: Option<&'b str>,
    assignee_name: Option<&'b str>,
    start: Option<String>,
    due: Option<String>,
    tied_to: Option<&'b str>,
    acknowledged: Option<String>,
    done: Option<String>,
    open: bool,
    started: bool,
    overdue: bool,
    late_days: Option<i64>,
    late_working_days: Option<u32>,
    ack: &'static str,
    deadline_unknown: bool,
}

fn kind_code(k: crate::model::project::TaskKind) -> &'static str {
    use crate::model::project::TaskKind as K;
    match k {
        K::Creative => "creative",
        K::Design => "design",
        K::Copy => "copy",
        K::Dev => "dev",
        K::Production => "production",
        K::Other => "other",
    }
}

impl<'b> JsonTask<'b> {
    fn of(r: &Row<'b>) -> Self {
        let t = r.task;
        let date = |d: Option<crate::model::time::Date>| d.map(|d| d.to_string());
        JsonTask {
            client: &r.client.id,
            client_name: r.client.name(),
            project: &r.project.id,
            project_title: &r.project.data.title,
            project_stage: r.project.data.stage.as_str(),
            file: &r.project.file,
            index: r.index,
            id: &t.id,
            title: t.title.as_deref(),
            kind: t.kind.map(kind_code),
            assignee: t.assignee.as_deref(),
            assignee_name: r.assignee_name,
            start: date(t.start),
            due: date(t.due),
            tied_to: t.tied_to.as_deref(),
            acknowledged: date(t.acknowledged),
            done: date(t.done),
            open: r.state.open,
            started: r.state.started,
            overdue: r.state.overdue,
            late_days: r.state.late_days,
            late_working_days: r.state.late_working_days,
            ack: r.state.ack.code(),
            deadline_unknown: r.state.deadline_unknown,
        }
    }
}

/// Open tasks per person and bucket.
struct Workload<'b> {
    /// Every week some task is due in, in order.
    weeks: Vec<Week>,
    /// Per assignee (by name, then ID; "" for tasks without one): their name and
    /// counts per bucket.
    people: Vec<Person<'b>>,
}

struct Person<'b> {
    id: Option<&'b str>,
    name: &'b str,
    counts: BTreeMap<Bucket, usize>,
}

impl Person<'_> {
    fn count(&self, b: Bucket) -> usize {
        self.counts.get(&b).copied().unwrap_or(0)
    }

    fn total(&self) -> usize {
        self.counts.values().sum()
    }
}

fn workload<'b>(book: &'b Book, rows: &[Row<'b>], today: NaiveDate) -> Workload<'b> {
    let mut by: BTreeMap<Option<&'b str>, BTreeMap<Bucket, usize>> = BTreeMap::new();
    let mut weeks = BTreeSet::new();
    for r in rows.iter().filter(|r| r.state.open) {
        let b = tasks::bucket(r.task.due.map(|d| d.0), today);
        if let Bucket::Week(w) = b {
            weeks.insert(w);
        }
        *by.entry(r.task.assignee.as_deref())
            .or_default()
            .entry(b)
            .or_default() += 1;
    }
    let mut people: Vec<Person<'b>> = by
        .into_iter()
        .map(|(id, counts)| Person {
            id,
            name: id.map_or("(nobody)", |id| book.person_name(None, id)),
            counts,
        })
        .collect();
    people.sort_by(|a, b| (a.id.is_none(), a.name, a.id).cmp(&(b.id.is_none(), b.name, b.id)));
    Workload {
        weeks: weeks.into_iter().collect(),
        people,
    }
}

/// The table's label of a week: `W49 (30.11)`, its Monday.
fn week_label(w: Week, lang: Lang) -> String {
    match w.monday() {
        Some(m) => msg!(
            "tasks-week",
            number = format!("{:02}", w.number),
            monday = m.format("%d.%m").to_string()
        )
        .render(lang),
        None => w.to_string(),
    }
}

fn workload_table(load: &Workload<'_>, lang: Lang) -> String {
    let mut header: Vec<String> = vec![say(lang, "col-assignee"), say(lang, "col-overdue")];
    header.extend(load.weeks.iter().map(|w| week_label(*w, lang)));
    header.push(say(lang, "col-no-due"));
    header.push(say(lang, "col-open"));
    let cells = load
        .people
        .iter()
        .map(|p| {
            let blank = |n: usize| if n == 0 { String::new() } else { n.to_string() };
            let name = match p.id {
                Some(_) => p.name.to_owned(),
                None => say(lang, "tasks-nobody"),
            };
            let mut row = vec![name, blank(p.count(Bucket::Overdue))];
            row.extend(load.weeks.iter().map(|w| blank(p.count(Bucket::Week(*w)))));
            row.push(blank(p.count(Bucket::NoDue)));
            row.push(p.total().to_string());
            row
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let right: Vec<usize> = (1..header.len()).collect();
    plain_table(Some(&header), cells, &right, 0)
}

fn workload_csv(load: &Workload<'_>, bom: bool) -> Result<String> {
    let mut header: Vec<String> = vec!["assignee".into(), "name".into(), "overdue".into()];
    header.extend(load.weeks.iter().map(ToString::to_string));
    header.push("no_due".into());
    header.push("open".into());
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut table = crate::output::csv::Table::new(&header, bom)?;
    for p in &load.people {
        let mut row = vec![
            p.id.unwrap_or_default().to_owned(),
            p.name.to_owned(),
            p.count(Bucket::Overdue).to_string(),
        ];
        row.extend(
            load.weeks
                .iter()
                .map(|w| p.count(Bucket::Week(*w)).to_string()),
        );
        row.push(p.count(Bucket::NoDue).to_string());
        row.push(p.total().to_string());
        table.row(row)?;
    }
    table.finish()
}

#[derive(Serialize)]
struct JsonWorkload<'b> {
    today: String,
    view: super::manager_view::JsonView<'b>,
    /// Every ISO week (`2026-W49`) some open task is due in, from this week on.
    weeks: Vec<String>,
    workload: Vec<JsonPerson<'b>>,
}

#[derive(Serialize)]
struct JsonPerson<'b> {
    /// Null for tasks with no assignee.
    assignee: Option<&'b str>,
    name: &'b str,
    overdue: usize,
    /// Open tasks due in each week of `weeks` (weeks with none are left out).
    weeks: BTreeMap<String, usize>,
    no_due: usize,
    open: usize,
}

impl<'b> JsonWorkload<'b> {
    fn of(load: &Workload<'b>, today: NaiveDate, view: &'b super::manager_view::View) -> Self {
        JsonWorkload {
            today: today.to_string(),
            view: view.json(),
            weeks: load.weeks.iter().map(ToString::to_string).collect(),
            workload: load
                .people
                .iter()
                .map(|p| JsonPerson {
                    assignee: p.id,
                    name: p.name,
                    overdue: p.count(Bucket::Overdue),
                    weeks: p
                        .counts
                        .iter()
                        .filter_map(|(b, n)| match b {
                            Bucket::Week(w) => Some((w.to_string(), *n)),
                            _ => None,
                        })
                        .collect(),
                    no_due: p.count(Bucket::NoDue),
                    open: p.total(),
                })
                .collect(),
        }
    }
}
