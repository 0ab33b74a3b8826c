//! `rapport task new|ack|done|move` and `rapport project move`: the changes to a
//! task that R07, R08 and R22 care about, made without opening an editor.
//!
//! Each is a minimal edit of the project file through [`crate::write::edit`]: one value
//! set (`acknowledged`, `done`, `due`, `deadline`) or one item appended (to `tasks`,
//! to `deadline_changes`), every other byte — comments, blank lines, quoting, key
//! order — kept. A move records its `deadline_changes` entry (`task:` names the task
//! for a task's `due`; absent, the project's `deadline`), so R08 sees every move made
//! through rapport. The file is read and edited under the book's lock
//! ([`BookLock`]), so two edits of one project at once never lose either; the result
//! must read back as the project with what was written and no error, and is written
//! whole and atomically with [`crate::write::replace`].

use anyhow::{Context as _, Result};
use chrono::NaiveDate;

use super::duty_support as support;
use crate::book::{self, Book, ClientBook};
use crate::cli::{ChangeArgs, ProjectCommand, TaskCommand, TaskKindArg, TaskNewArgs, TaskSendArgs};
use crate::context::Context;
use crate::exit::Exit;
use crate::i18n::{Arg, Msg};
use crate::model::Project;
use crate::model::project::Task;
use crate::msg;
use crate::write;
use crate::write::edit;
use crate::write::lock::BookLock;
use crate::write::scalar::{yaml_id, yaml_string};
use crate::yaml::YamlPath;

/// Runs `rapport task`.
pub fn run(ctx: &Context, command: &TaskCommand) -> Result<Exit> {
    match command {
        TaskCommand::New(args) => new(ctx, args),
        TaskCommand::Ack(args) => set_date(ctx, &args.task, args.date, Mark::Ack),
        TaskCommand::Done(args) => set_date(ctx, &args.task, args.date, Mark::Done),
        TaskCommand::Send(args) => send(ctx, args),
        TaskCommand::Move(args) => edit_project(ctx, &project_of(&args.task)?, |cx| {
            let (i, task) = find_task(cx.project, &args.task)?;
            let Some(from) = task.due else {
                return Err(super::hinted(
                    msg!("task-no-due", id = task.id.as_str()),
                    msg!("task-no-due-hint", file = cx.file),
                ));
            };
            if task.done.is_some() {
                return Err(super::localized(msg!(
                    "task-done-no-move",
                    id = task.id.as_str()
                )));
            }
            if args.due == from.0 {
                return Err(super::localized(msg!(
                    "task-due-already",
                    id = task.id.as_str(),
                    date = cx.date(from.0)
                )));
            }
            if let Some(start) = task.start
                && args.due < start.0
            {
                return Err(super::localized(msg!(
                    "task-before-start",
                    flag = "--due",
                    date = cx.date(args.due),
                    start = cx.date(start.0)
                )));
            }
            let change = Change::of(cx, &args.change, from.0, args.due, Some(&task.id))?;
            let at = YamlPath::root().key("tasks").index(i).key("due");
            let text = edit::set(cx.text, &at, &args.due.to_string())?;
            let text = change.append(&text)?;
            let (id, due, n) = (task.id.clone(), args.due, cx.project.deadline_changes.len());
            Ok(Edited {
                text,
                says: msg!(
                    "task-moved",
                    id = id.as_str(),
                    from = cx.date(from.0),
                    to = cx.date(due),
                    told = change.told_text(cx.today)
                ),
                check: Box::new(move |p: &Project| {
                    p.tasks.get(i).and_then(|t| t.due).map(|d| d.0) == Some(due)
                        && p.deadline_changes.len() == n + 1
                        && p.deadline_changes
                            .last()
                            .is_some_and(|c| c.task.as_deref() == Some(id.as_str()))
                }),
            })
        }),
    }
}

/// Runs `rapport project`.
pub fn run_project(ctx: &Context, command: &ProjectCommand) -> Result<Exit> {
    match command {
        ProjectCommand::Move(args) => edit_project(ctx, &args.project, |cx| {
            let p = cx.project;
            let Some(from) = p.deadline else {
                return Err(super::hinted(
                    msg!("task-project-no-deadline", title = p.title.as_str()),
                    msg!("task-project-no-deadline-hint", file = cx.file),
                ));
            };
            if args.deadline == from.0 {
                return Err(super::localized(msg!(
                    "project-due-already",
                    title = p.title.as_str(),
                    date = cx.date(from.0)
                )));
            }
            if let Some(start) = p.start
                && args.deadline < start.0
            {
                return Err(super::localized(msg!(
                    "task-project-deadline-before-start",
                    date = cx.date(args.deadline),
                    start = cx.date(start.0)
                )));
            }
            let change = Change::of(cx, &args.change, from.0, args.deadline, None)?;
            let text = edit::set(
                cx.text,
                &YamlPath::root().key("deadline"),
                &args.deadline.to_string(),
            )?;
            let text = change.append(&text)?;
            let (deadline, n) = (args.deadline, p.deadline_changes.len());
            Ok(Edited {
                text,
                says: msg!(
                    "deadline-moved",
                    from = cx.date(from.0),
                    to = cx.date(deadline),
                    told = change.told_text(cx.today)
                ),
                check: Box::new(move |p: &Project| {
                    p.deadline.map(|d| d.0) == Some(deadline)
                        && p.deadline_changes.len() == n + 1
                        && p.deadline_changes.last().is_some_and(|c| c.task.is_none())
                }),
            })
        }),
    }
}

/// What an edit sees: the book (for names), the project's client, its file as it is
/// now under the lock, and that text read as a project.
struct Cx<'a> {
    book: &'a Book,
    client: &'a ClientBook,
    file: &'a str,
    text: &'a str,
    project: &'a Project,
    today: NaiveDate,
}

impl Cx<'_> {
    /// A day for a message, told from today.
    fn date(&self, date: NaiveDate) -> Arg {
        Arg::Date {
            date,
            today: self.today,
        }
    }
}

/// An edit to write: the new text, what to say, and what it must read back with.
struct Edited {
    text: String,
    says: Msg,
    check: Box<dyn FnOnce(&Project) -> bool>,
}

/// Edits the project `arg` (CLIENT/PROJECT) under the book's lock: `make` gets the file
/// as it is now and returns the edit; the result is checked and written.
fn edit_project(
    ctx: &Context,
    arg: &str,
    make: impl FnOnce(&Cx<'_>) -> Result<Edited>,
) -> Result<Exit> {
    let (client_id, _) = support::split_ref(arg, "project")?;
    let root = ctx.book_root()?;
    let _lock = BookLock::acquire(&root)?;
    let book = ctx.load_client(client_id)?;
    let (client, entity) = support::find_project(book, arg)?;
    let today = ctx.today(book);
    let path = write::book_path(book.root(), &entity.file)?;
    let text = std::fs::read_to_string(&path).with_context(|| {
        crate::i18n::Localized(msg!("task-cannot-read", file = entity.file.as_str()))
    })?;
    // The file as it is now, under the lock: another edit may have changed it since
    // the book was loaded.
    let mut findings = Vec::new();
    let Some(current) = book::parse_entity::<Project>(&entity.file, &text, &mut findings) else {
        let file = entity.file.as_str();
        return Err(super::hinted(
            msg!("task-project-unreadable", file = file),
            msg!("task-audit-file-hint", file = file),
        ));
    };
    let cx = Cx {
        book,
        client,
        file: &entity.file,
        text: &text,
        project: &current,
        today,
    };
    let edited = make(&cx)?;
    support::read_back(
        &entity.file,
        &edited.text,
        msg!("read-back-as-recorded"),
        edited.check,
    )?;
    write::replace(&path, edited.text.as_bytes())?;
    super::say_out(
        ctx.lang,
        &msg!("in-file", file = entity.file.as_str(), text = edited.says),
    )?;
    Ok(Exit::Ok)
}

/// `CLIENT/PROJECT` of a `CLIENT/PROJECT/TASK` argument, or how to write it.
fn project_of(arg: &str) -> Result<String> {
    let parts: Vec<&str> = arg.split('/').collect();
    match parts.as_slice() {
        [c, p, t] if !c.is_empty() && !p.is_empty() && !t.is_empty() => Ok(format!("{c}/{p}")),
        _ => Err(super::hinted(
            msg!("ref-not-a-task", arg = arg),
            msg!("ref-write-task"),
        )),
    }
}

/// The task the last part of `arg` names in `project`, with its place; an unknown or
/// repeated ID is refused, with the nearest.
fn find_task<'p>(project: &'p Project, arg: &str) -> Result<(usize, &'p Task)> {
    let id = arg.rsplit('/').next().unwrap_or(arg);
    let found: Vec<(usize, &Task)> = project
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.id == id)
        .collect();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => {
            let ids: Vec<&str> = project.tasks.iter().map(|t| t.id.as_str()).collect();
            let hint = match crate::yaml::suggest(id, &ids) {
                Some(s) => msg!("did-you-mean", name = s),
                None if ids.is_empty() => msg!("project-no-tasks"),
                None => msg!("project-its-tasks", list = ids.join(", ")),
            };
            Err(super::hinted(
                msg!("no-task", id = id, project = project.title.as_str()),
                hint,
            ))
        }
        _ => Err(super::hinted(
            msg!(
                "task-id-ambiguous",
                n = found.len(),
                project = project.title.as_str(),
                id = id
            ),
            msg!("task-id-ambiguous-hint"),
        )),
    }
}

/// Which date `set_date` records.
#[derive(Clone, Copy)]
enum Mark {
    Ack,
    Done,
}

/// `task ack` and `task done`: one date set on the task.
fn set_date(ctx: &Context, arg: &str, date: Option<NaiveDate>, mark: Mark) -> Result<Exit> {
    edit_project(ctx, &project_of(arg)?, |cx| {
        let (i, task) = find_task(cx.project, arg)?;
        let date = date.unwrap_or(cx.today);
        let id = task.id.clone();
        if date > cx.today {
            return Err(super::hinted(
                msg!(
                    "date-after-today",
                    flag = "--date",
                    date = cx.date(date),
                    today = cx.date(cx.today)
                ),
                msg!("date-after-today-hint"),
            ));
        }
        let (key, says) = match mark {
            Mark::Ack => {
                let Some(who) = task.assignee.as_deref() else {
                    return Err(super::hinted(
                        msg!("task-no-assignee", id = id.as_str()),
                        msg!("task-no-assignee-hint", file = cx.file),
                    ));
                };
                if let Some(a) = task.acknowledged {
                    return Err(super::localized(msg!(
                        "task-confirmed-already",
                        id = id.as_str(),
                        date = cx.date(a.0)
                    )));
                }
                let who = cx.book.person_name(Some(cx.client), who);
                let late = task.start.filter(|s| date > s.0);
                (
                    "acknowledged",
                    msg!(
                        "task-confirmed",
                        id = id.as_str(),
                        who = who,
                        date = cx.date(date),
                        late = Arg::Word(if late.is_some() { "yes" } else { "no" }),
                        start = cx.date(late.map_or(date, |s| s.0))
                    ),
                )
            }
            Mark::Done => {
                if let Some(d) = task.done {
                    return Err(super::localized(msg!(
                        "task-done-already-on",
                        id = id.as_str(),
                        date = cx.date(d.0)
                    )));
                }
                if let Some(s) = task.start
                    && date < s.0
                {
                    return Err(super::localized(msg!(
                        "task-before-start",
                        flag = "--date",
                        date = cx.date(date),
                        start = cx.date(s.0)
                    )));
                }
                (
                    "done",
                    msg!("task-done", id = id.as_str(), date = cx.date(date)),
                )
            }
        };
        let at = YamlPath::root().key("tasks").index(i).key(key);
        let text = edit::set(cx.text, &at, &date.to_string())?;
        Ok(Edited {
            text,
            says,
            check: Box::new(move |p: &Project| {
                p.tasks.get(i).is_some_and(|t| {
                    let got = match mark {
                        Mark::Ack => t.acknowledged,
                        Mark::Done => t.done,
                    };
                    t.id == id && got.map(|d| d.0) == Some(date)
                })
            }),
        })
    })
}

/// A `deadline_changes` entry about to be recorded.
struct Change {
    from: NaiveDate,
    to: NaiveDate,
    decided: NaiveDate,
    told_on: Option<NaiveDate>,
    told_to: Option<String>,
    told_name: Option<String>,
    reason: String,
    task: Option<String>,
}

impl Change {
    fn of(
        cx: &Cx<'_>,
        args: &ChangeArgs,
        from: NaiveDate,
        to: NaiveDate,
        task: Option<&str>,
    ) -> Result<Change> {
        let decided = args.decided.unwrap_or(cx.today);
        let told_on = args.told_on.or(args.told.as_ref().map(|_| cx.today));
        if args.reason.trim().is_empty() {
            return Err(super::localized(msg!("task-move-reason-empty")));
        }
        for (flag, d) in [("--decided", Some(decided)), ("--told-on", told_on)] {
            if let Some(d) = d
                && d > cx.today
            {
                return Err(super::localized(msg!(
                    "date-after-today",
                    flag = flag,
                    date = cx.date(d),
                    today = cx.date(cx.today)
                )));
            }
        }
        if let Some(t) = told_on
            && t < decided
        {
            return Err(super::localized(msg!(
                "task-move-told-before-decided",
                told = cx.date(t),
                decided = cx.date(decided)
            )));
        }
        let told_name = match &args.told {
            None => None,
            Some(id) => match cx.client.contact(id) {
                Some(c) => Some(c.name.clone()),
                None => {
                    let ids: Vec<&str> = cx
                        .client
                        .client
                        .as_ref()
                        .map(|c| c.data.contacts.iter().map(|p| p.id.as_str()).collect())
                        .unwrap_or_default();
                    let hint = super::hint_for(id, &ids, msg!("task-move-no-contacts"), |ids| {
                        msg!("task-move-its-contacts", list = ids.join(", "))
                    });
                    return Err(super::hinted(
                        msg!(
                            "task-move-no-contact",
                            id = id.as_str(),
                            client = cx.client.id.as_str()
                        ),
                        hint,
                    ));
                }
            },
        };
        Ok(Change {
            from,
            to,
            decided,
            told_on,
            told_to: args.told.clone(),
            told_name,
            reason: args.reason.trim().to_owned(),
            task: task.map(str::to_owned),
        })
    }

    /// `; Юлия Лапина told on 2026-11-27` or `; the client is not told yet (R08)`.
    fn told_text(&self, today: NaiveDate) -> Msg {
        let day = |date| Arg::Date { date, today };
        match (self.told_on, &self.told_name) {
            (Some(d), Some(n)) => msg!("move-told", who = n.as_str(), date = day(d)),
            (Some(d), None) => msg!("move-client-told", date = day(d)),
            (None, _) => msg!("move-not-told", decided = day(self.decided)),
        }
    }

    /// `text` with the entry appended to `deadline_changes`, in the style of the list
    /// (block items among block items, else a flow mapping).
    fn append(&self, text: &str) -> Result<String> {
        let mut fields: Vec<(&str, String, bool)> = vec![
            ("from", self.from.to_string(), false),
            ("to", self.to.to_string(), false),
            ("decided", self.decided.to_string(), false),
        ];
        if let Some(d) = self.told_on {
            fields.push(("client_told", d.to_string(), false));
        }
        if let Some(c) = &self.told_to {
            fields.push(("told_to", yaml_id(c), false));
        }
        if let Some(t) = &self.task {
            fields.push(("task", yaml_id(t), false));
        }
        fields.push(("reason", self.reason.clone(), true));
        let block = edit::block_map_items(text, "deadline_changes");
        let value = |v: &str, is_text: bool| {
            if !is_text {
                v.to_owned()
            } else if block {
                yaml_string(v)
            } else {
                flow_string(v)
            }
        };
        let item = if block {
            fields
                .iter()
                .map(|(k, v, t)| format!("{k}: {}", value(v, *t)))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            let inner: Vec<String> = fields
                .iter()
                .map(|(k, v, t)| format!("{k}: {}", value(v, *t)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        };
        Ok(edit::append(
            text,
            &YamlPath::root().key("deadline_changes"),
            &item,
        )?)
    }
}

/// `s` as a YAML scalar safe inside `{…}` and `[…]`: plain when [`yaml_string`] keeps
/// it plain and it holds no flow indicator, else double-quoted (JSON's escapes are
/// YAML's).
fn flow_string(s: &str) -> String {
    let plain = yaml_string(s);
    if plain == s && !s.contains([',', '[', ']', '{', '}']) {
        plain
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
    }
}

/// `rapport task new`: a task appended to the project's `tasks`.
fn new(ctx: &Context, args: &TaskNewArgs) -> Result<Exit> {
    edit_project(ctx, &args.project, |cx| {
        let p = cx.project;
        if !p.stage.is_open() {
            return Err(super::hinted(
                msg!(
                    "task-project-closed",
                    title = p.title.as_str(),
                    stage = Arg::Word(p.stage.as_str())
                ),
                msg!("task-project-closed-hint"),
            ));
        }
        super::tasks::check_person(cx.book, &args.to)?;
        let title = args.what.trim();
        if title.is_empty() {
            return Err(super::localized(msg!("task-what-empty")));
        }
        if let Some(start) = args.start
            && args.due < start
        {
            return Err(super::localized(msg!(
                "task-due-before-start-flag",
                due = cx.date(args.due),
                start = cx.date(start)
            )));
        }
        let taken = |id: &str| p.tasks.iter().any(|t| t.id == id);
        let id = match &args.id {
            Some(id) => {
                if !book::is_slug(id) {
                    return Err(super::localized(msg!(
                        "task-id-not-an-id",
                        id = id.as_str(),
                        example = write::slug::slug(id, "task")
                    )));
                }
                if taken(id) {
                    return Err(super::hinted(
                        msg!("task-id-taken", title = p.title.as_str(), id = id.as_str()),
                        msg!("task-id-taken-hint"),
                    ));
                }
                id.clone()
            }
            None => write::slug::unique(&write::slug::slug(title, "task"), taken),
        };
        let mut fields: Vec<(&str, String)> = vec![
            ("id", yaml_id(&id)),
            ("title", title.to_owned()),
            ("assignee", yaml_id(&args.to)),
        ];
        if let Some(k) = args.kind {
            fields.push(("kind", kind_word(k).to_owned()));
        }
        if let Some(s) = args.start {
            fields.push(("start", s.to_string()));
        }
        fields.push(("due", args.due.to_string()));
        if let Some(t) = args
            .tied_to
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            fields.push(("tied_to", t.to_owned()));
        }
        let texts = ["title", "tied_to"];
        let block = edit::block_map_items(cx.text, "tasks") || p.tasks.is_empty();
        let item = if block {
            fields
                .iter()
                .map(|(k, v)| {
                    let v = if texts.contains(k) {
                        yaml_string(v)
                    } else {
                        v.clone()
                    };
                    format!("{k}: {v}")
                })
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            let inner: Vec<String> = fields
                .iter()
                .map(|(k, v)| {
                    let v = if texts.contains(k) {
                        flow_string(v)
                    } else {
                        v.clone()
                    };
                    format!("{k}: {v}")
                })
                .collect();
            format!("{{{}}}", inner.join(", "))
        };
        let text = edit::append(cx.text, &YamlPath::root().key("tasks"), &item)?;
        let n = p.tasks.len();
        let who = cx.book.person_name(Some(cx.client), &args.to).to_owned();
        let due = args.due;
        let says = msg!(
            "task-given",
            id = id.as_str(),
            who = who.as_str(),
            due = cx.date(due),
            tied = Arg::Word(if args.tied_to.is_none() { "no" } else { "yes" })
        );
        Ok(Edited {
            text,
            says,
            check: Box::new(move |p: &Project| {
                p.tasks.len() == n + 1
                    && p.tasks
                        .last()
                        .is_some_and(|t| t.id == id && t.due.map(|d| d.0) == Some(due))
            }),
        })
    })
}

/// `rapport task send`: the task as an email draft to its assignee.
fn send(ctx: &Context, args: &TaskSendArgs) -> Result<Exit> {
    let project = project_of(&args.task)?;
    let (client_id, _) = support::split_ref(&project, "project")?;
    let book = ctx.load_client(client_id)?;
    let (client, entity) = support::find_project(book, &project)?;
    let (_, task) = find_task(&entity.data, &args.task)?;
    let today = ctx.today(book);
    // Dated at the start of today's working day: never the wall clock.
    let start = crate::domain::calendar::Calendar::from_settings(book.settings.as_ref()).day_start;
    let zone = book
        .settings
        .as_ref()
        .map_or("Europe/Moscow", |s| s.timezone.as_str());
    let date = crate::report::email::date_header(today.and_time(start), zone);
    let made = crate::report::task::draft(book, client, entity, task, date)?;
    let bytes = crate::report::email::build_with(&made.draft, &made.attachments)?;
    let path = args
        .eml
        .join(format!("{}-{}-{}.eml", client.id, entity.id, task.id));
    write::replace(&path, &bytes)?;
    super::write_stdout(format!("{}\n", path.display()).as_bytes())?;
    for w in &made.warnings {
        super::warning(ctx.lang, w);
    }
    if task.done.is_some() {
        super::note(ctx.lang, &msg!("task-done-already", id = task.id.as_str()));
    }
    Ok(Exit::Ok)
}

fn kind_word(k: TaskKindArg) -> &'static str {
    match k {
        TaskKindArg::Creative => "creative",
        TaskKindArg::Design => "design",
        TaskKindArg::Copy => "copy",
        TaskKindArg::Dev => "dev",
        TaskKindArg::Production => "production",
        TaskKindArg::Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_references_need_three_parts() {
        assert_eq!(project_of("a/b/c").ok().as_deref(), Some("a/b"));
        for bad in ["a/b", "a", "a/b/c/d", "/b/c", "a//c", "a/b/"] {
            let err = project_of(bad).expect_err(bad).to_string();
            assert!(err.contains("CLIENT/PROJECT/TASK"), "{err}");
        }
    }

    #[test]
    fn flow_strings_are_quoted_only_when_they_must_be() {
        assert_eq!(
            flow_string("Клиент заменил модель"),
            "Клиент заменил модель"
        );
        assert_eq!(flow_string("a, b"), "\"a, b\"");
        assert_eq!(flow_string("{x}"), "\"{x}\"");
        assert_eq!(flow_string("Решение: перенос"), "\"Решение: перенос\"");
        assert_eq!(flow_string("say \"hi\""), "say \"hi\"");
        assert_eq!(flow_string("\"hi\", he said"), "\"\\\"hi\\\", he said\"");
    }
}
