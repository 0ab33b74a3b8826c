//! R04: before the designer draws anything, there is a written task.

use super::touch_support::filled;
use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::Location;
use crate::i18n::Arg;
use crate::model::Project;
use crate::model::project::TaskKind;
use crate::msg;
use crate::yaml::YamlPath;

pub struct DesignWithoutTaskDoc;

meta! {
    /// ## Why
    /// A designer who starts from a phone call draws what he heard, not what the client
    /// needs; the mismatch surfaces at the first review and costs a round. A written
    /// task — in any form: a ticket, a page, a letter — fixes the goal, formats,
    /// content, constraints and deadline, and is the thing to check the layout against.
    ///
    /// ## What it reads
    /// Tasks with `kind: design` that have started (`start` on or before today), in
    /// projects of any stage, and their `task_doc` (a path or a link to the written
    /// task). A blank `task_doc` counts as none. Done tasks are still reported. A task
    /// without `start` has not started.
    ///
    /// ## How to fix
    /// Write the task down — goal, formats and sizes, texts and images supplied,
    /// constraints, deadline — give it to the designer, and record
    /// `task_doc: <path or link>` on the task.
    ///
    /// ## How to waive
    /// On the task: `waive: [{rule: R04, reason: "a one-line fix, agreed at the review"}]`.
    code: R04,
    name: "design-without-task-doc",
    severity: Error,
    topic: Task,
    summary: "A designer starts only from a written task",
    thresholds: [],
}

impl Rule for DesignWithoutTaskDoc {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn project(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        for (i, t) in p.tasks.iter().enumerate() {
            let (Some(TaskKind::Design), Some(start)) = (t.kind, t.start) else {
                continue;
            };
            if filled(t.task_doc.as_deref()) {
                continue;
            }
            // Flagged from the day the task starts.
            let Some(on) = cx.flagged_from(start.0) else {
                continue;
            };
            let who = t
                .assignee
                .as_deref()
                .map_or("", |a| cx.book.person_name(Some(client), a));
            out.emit_on(
                on,
                &e.file,
                &t.waive,
                Location::key(YamlPath::root().key("tasks").index(i).key("task_doc")),
                msg!(
                    "r04-no-task-doc",
                    project = &p.title,
                    task = &t.id,
                    assigned = Arg::Word(if t.assignee.is_some() { "yes" } else { "no" }),
                    who = who,
                    start = cx.date(start.0),
                ),
            )
            .item(i)
            .happened(start.0)
            .person_opt(t.assignee.as_deref())
            .help(msg!("r04-no-task-doc-help"));
        }
    }
}
