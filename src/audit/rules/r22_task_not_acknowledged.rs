//! R22: don't assume everyone understood; ask again.

use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::{ClientBook, Entity};
use crate::finding::Finding;
use crate::finding::Location;
use crate::i18n::Arg;
use crate::model::Project;
use crate::msg;
use crate::wording::quote;
use crate::yaml::YamlPath;

pub struct TaskNotAcknowledged;

meta! {
    /// ## Why
    /// A task handed over is not a task understood. Asking the specialist to say back
    /// what they are going to do, before they start, costs five minutes; finding out at
    /// the deadline that they did something else costs the deadline.
    ///
    /// ## What it reads
    /// Tasks of open projects (not `done`, `lost` or `cancelled`) that have an
    /// `assignee` and a `start` on or before today, done or not: the assignee's
    /// `acknowledged` date must be on or before `start`. A task that starts today is
    /// already expected to be acknowledged: the point is to ask before work begins.
    /// Tasks without an assignee or a start are left to R19 and the other task rules.
    ///
    /// ## How to fix
    /// Ask the assignee to restate the task in their own words, put right what they
    /// misunderstood, and record `acknowledged: YYYY-MM-DD` on the task. Next time,
    /// do it before `start`.
    ///
    /// ## How to waive
    /// On the task: `waive: [{rule: R22, reason: "routine task, same as every month"}]`.
    code: R22,
    name: "task-not-acknowledged",
    severity: Warning,
    topic: Task,
    summary: "The assignee confirmed the task before starting it",
    thresholds: [],
}

impl Rule for TaskNotAcknowledged {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        let p = &cx.client.project_in(&f.file)?.data;
        let (i, _) = f.facts.item?;
        let t = p.tasks.get(i)?;
        let who = t.assignee.as_deref().map_or_else(
            || Arg::from(msg!("todo-r22-assignee")),
            |id| Arg::Text(cx.person(id)),
        );
        let start = t.start.map_or(Arg::Text(String::new()), |s| {
            Arg::from(msg!("todo-r22-start", day = cx.day(s.0)))
        });
        Some(msg!(
            "todo-r22",
            who = who,
            task = t.id.as_str(),
            project = quote(&p.title, 60),
            start = start
        ))
    }

    fn project(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        if !p.stage.is_open() {
            return;
        }
        for (i, t) in p.tasks.iter().enumerate() {
            let (Some(assignee), Some(start)) = (t.assignee.as_deref(), t.start) else {
                continue;
            };
            // Flagged from the day the task starts.
            let Some(on) = cx.flagged_from(start.0) else {
                continue;
            };
            let who = cx.book.person_name(Some(client), assignee);
            let at = YamlPath::root().key("tasks").index(i);
            match t.acknowledged {
                None => {
                    out.emit_on(
                        on,
                        &e.file,
                        &t.waive,
                        Location::key(at.key("acknowledged")),
                        msg!(
                            "r22-not-acknowledged",
                            task = &t.id,
                            project = &p.title,
                            start = cx.date(start.0),
                            who = who,
                        ),
                    )
                    .item(i)
                    .happened(start.0)
                    .person(assignee)
                    .help(msg!("r22-not-acknowledged-help"));
                }
                Some(ack) if ack > start => {
                    out.emit_on(
                        on,
                        &e.file,
                        &t.waive,
                        Location::value(at.key("acknowledged")),
                        msg!(
                            "r22-acknowledged-late",
                            task = &t.id,
                            project = &p.title,
                            start = cx.date(start.0),
                            who = who,
                            ack = cx.date(ack.0),
                            days = (ack.0 - start.0).num_days(),
                        ),
                    )
                    .done_late()
                    .item(i)
                    .happened(start.0)
                    .person(assignee)
                    .help(msg!("r22-acknowledged-late-help"));
                }
                Some(_) => {}
            }
        }
    }
}
