//! R07: no stalled deadlines.

use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::{ClientBook, Entity};
use crate::finding::Finding;
use crate::finding::{Location, Topic};
use crate::i18n::Arg;
use crate::model::Project;
use crate::msg;
use crate::wording::quote;
use crate::yaml::YamlPath;

pub struct StalledDeadline;

meta! {
    /// ## Why
    /// A deadline that passes in silence is the fastest way to lose a client's trust: the
    /// client learns of the delay by not receiving the work. A deadline is either met,
    /// or moved openly and early (R08) — never left to stall.
    ///
    /// ## What it reads
    /// Projects: `deadline`, while the `stage` is still open (not `done`, `lost` or
    /// `cancelled`). Tasks of open projects: `due` with no `done` date. A deadline is
    /// stalled the day after it passes.
    ///
    /// ## How to fix
    /// Deliver and record `done: DATE` on the task (or move the project to `stage: done`);
    /// or agree a new date with the client and record it in `deadline_changes` with
    /// `client_told`, then update `deadline`/`due`.
    ///
    /// ## How to waive
    /// On the project or on the task: `waive: [{rule: R07, reason: "…", until: DATE}]`.
    code: R07,
    name: "stalled-deadline",
    severity: Error,
    topic: Deadline,
    summary: "Deadlines are never left to stall",
    thresholds: [],
}

impl Rule for StalledDeadline {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        let p = &cx.client.project_in(&f.file)?.data;
        let project = quote(&p.title, 60);
        let Some((i, _)) = f.facts.item else {
            return Some(msg!("todo-r07-deadline", project = project, by = cx.by()));
        };
        let t = p.tasks.get(i)?;
        let who = t
            .assignee
            .as_deref()
            .map_or(Arg::Text(String::new()), |id| {
                Arg::from(msg!("todo-r07-who", person = cx.person(id)))
            });
        Some(msg!(
            "todo-r07-task",
            task = t.id.as_str(),
            title = super::todo_support::quoted(t.title.as_deref()),
            who = who,
            project = project,
            by = cx.by()
        ))
    }

    fn project(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        if !p.stage.is_open() {
            return;
        }
        // Flagged from the day after the deadline.
        if let Some(deadline) = p.deadline
            && let Some(on) = deadline.0.succ_opt().and_then(|d| cx.flagged_from(d))
        {
            let days_past = (on - deadline.0).num_days();
            out.emit_on(
                on,
                &e.file,
                &p.waive,
                Location::value(YamlPath::root().key("deadline")),
                msg!(
                    "r07-project-late",
                    project = &p.title,
                    days = days_past,
                    deadline = cx.date(deadline.0),
                    stage = p.stage.as_str(),
                ),
            )
            .due(deadline.0)
            .help(msg!("r07-project-late-help"));
        }
        for (i, t) in p.tasks.iter().enumerate() {
            let (Some(due), None) = (t.due, t.done) else {
                continue;
            };
            // Flagged from the day after it was due.
            let Some(on) = due.0.succ_opt().and_then(|d| cx.flagged_from(d)) else {
                continue;
            };
            let late = (on - due.0).num_days();
            let who = t
                .assignee
                .as_deref()
                .map_or("", |a| cx.book.person_name(Some(client), a));
            out.emit_on(
                on,
                &e.file,
                &t.waive,
                Location::value(YamlPath::root().key("tasks").index(i).key("due")),
                msg!(
                    "r07-task-late",
                    project = &p.title,
                    task = t
                        .title
                        .as_deref()
                        .map_or_else(|| format!("`{}`", t.id), |title| quote(title, 60)),
                    assigned = Arg::Word(if t.assignee.is_some() { "yes" } else { "no" }),
                    who = who,
                    due = cx.date(due.0),
                    days = late,
                ),
            )
            .topic(Topic::Task)
            .item(i)
            .due(due.0)
            .person_opt(t.assignee.as_deref())
            .help(msg!("r07-task-late-help"));
        }
    }
}
