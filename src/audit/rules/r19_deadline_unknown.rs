//! R19: everyone knows the deadline and what it is tied to.

use super::touch_support::filled;
use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::Location;
use crate::i18n::Arg;
use crate::model::Project;
use crate::model::project::Stage;
use crate::msg;
use crate::yaml::YamlPath;

pub struct DeadlineUnknown;

meta! {
    /// ## Why
    /// A date alone is an order; a date with its reason is a plan. When every participant
    /// knows both the deadline and what it is tied to (a launch, a trade show, a board
    /// meeting), they can judge on their own what may slip and what may not, and they
    /// raise the alarm early. A deadline nobody can explain gets treated as negotiable.
    ///
    /// ## What it reads
    /// Projects in stage `active`: `deadline` and `deadline_tied_to`. Tasks not yet
    /// `done` in every open project (not `done`, `lost` or `cancelled`, so that tasks
    /// planned during an estimate count too): `due` and `tied_to`. One finding per
    /// project or task names what is missing; when only the reason is missing it points
    /// at the date, when only the date is missing at the reason, when both are missing
    /// at the project or task. Blank text counts as missing.
    ///
    /// ## How to fix
    /// Agree the date and write down what it is tied to: `deadline` and
    /// `deadline_tied_to: "the ad campaign starts on 1 December"` on the project, `due`
    /// and `tied_to` on each task, and tell the people doing the work.
    ///
    /// ## How to waive
    /// On the project or on the task: `waive: [{rule: R19, reason: "ongoing support, no end date"}]`.
    code: R19,
    name: "deadline-unknown",
    severity: Error,
    summary: "Every project and task has a deadline and what it is tied to",
    thresholds: [],
}

impl Rule for DeadlineUnknown {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn project(&self, cx: &Cx<'_>, _client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        if !p.stage.is_open() {
            return;
        }
        let root = YamlPath::root();
        if p.stage == Stage::Active {
            let has_date = p.deadline.is_some();
            let has_why = filled(p.deadline_tied_to.as_deref());
            let what = match (has_date, has_why) {
                (true, true) => None,
                (true, false) => Some((
                    Location::key(root.key("deadline")),
                    msg!(
                        "r19-project-untied",
                        project = &p.title,
                        deadline = cx.date(p.deadline.map_or(cx.today, |d| d.0)),
                    ),
                    msg!("r19-project-untied-help"),
                )),
                (false, true) => Some((
                    Location::key(root.key("deadline_tied_to")),
                    msg!(
                        "r19-project-undated",
                        project = &p.title,
                        tied = p.deadline_tied_to.as_deref().unwrap_or_default().trim(),
                    ),
                    msg!("r19-project-undated-help"),
                )),
                (false, false) => Some((
                    Location::key(root.key("deadline")),
                    msg!("r19-project-neither", project = &p.title),
                    msg!("r19-project-neither-help"),
                )),
            };
            if let Some((location, message, help)) = what {
                out.emit(&e.file, &p.waive, location, message).help(help);
            }
        }
        for (i, t) in p.tasks.iter().enumerate() {
            if t.done.is_some() {
                continue;
            }
            let at = root.key("tasks").index(i);
            let who = t
                .assignee
                .as_deref()
                .map_or("", |a| cx.book.person_name(None, a));
            let assigned = || Arg::Word(if t.assignee.is_some() { "yes" } else { "no" });
            let has_why = filled(t.tied_to.as_deref());
            let what = match (t.due, has_why) {
                (Some(_), true) => None,
                (Some(due), false) => Some((
                    Location::key(at.key("due")),
                    msg!(
                        "r19-task-untied",
                        task = &t.id,
                        assigned = assigned(),
                        who = who,
                        due = cx.date(due.0),
                    ),
                    msg!("r19-task-untied-help"),
                )),
                (None, true) => Some((
                    Location::key(at.key("tied_to")),
                    msg!(
                        "r19-task-undated",
                        task = &t.id,
                        assigned = assigned(),
                        who = who,
                        tied = t.tied_to.as_deref().unwrap_or_default().trim(),
                    ),
                    msg!("r19-task-undated-help"),
                )),
                (None, false) => Some((
                    Location::key(at.key("due")),
                    msg!(
                        "r19-task-neither",
                        task = &t.id,
                        assigned = assigned(),
                        who = who,
                    ),
                    msg!("r19-task-neither-help"),
                )),
            };
            if let Some((location, message, help)) = what {
                out.emit(&e.file, &t.waive, location, message).help(help);
            }
        }
    }
}
