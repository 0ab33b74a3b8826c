//! R19: everyone knows the deadline and what it is tied to.

use super::touch_support::filled;
use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::Location;
use crate::model::Project;
use crate::model::project::Stage;
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
                    format!(
                        "active project «{}» has a deadline, {}, but does not say what it is tied to",
                        p.title,
                        p.deadline.map(|d| d.to_string()).unwrap_or_default()
                    ),
                    "add `deadline_tied_to:` — the event or reason the date depends on",
                )),
                (false, true) => Some((
                    Location::key(root.key("deadline_tied_to")),
                    format!(
                        "active project «{}» has no deadline, though it is tied to «{}»",
                        p.title,
                        p.deadline_tied_to.as_deref().unwrap_or_default().trim()
                    ),
                    "agree the date with the client and record `deadline: YYYY-MM-DD`",
                )),
                (false, false) => Some((
                    Location::key(root.key("deadline")),
                    format!(
                        "active project «{}» has neither a deadline nor what it is tied to",
                        p.title
                    ),
                    "agree the date with the client; record `deadline:` and `deadline_tied_to:`",
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
                .map(|a| format!(" ({})", cx.book.person_name(None, a)))
                .unwrap_or_default();
            let has_why = filled(t.tied_to.as_deref());
            let what = match (t.due, has_why) {
                (Some(_), true) => None,
                (Some(due), false) => Some((
                    Location::key(at.key("due")),
                    format!(
                        "open task `{}`{who} is due on {due}, but does not say what that date is tied to",
                        t.id
                    ),
                    "add `tied_to:` and tell the assignee why the date matters",
                )),
                (None, true) => Some((
                    Location::key(at.key("tied_to")),
                    format!(
                        "open task `{}`{who} has no due date, though it is tied to «{}»",
                        t.id,
                        t.tied_to.as_deref().unwrap_or_default().trim()
                    ),
                    "set `due:` and tell the assignee",
                )),
                (None, false) => Some((
                    Location::key(at.key("due")),
                    format!(
                        "open task `{}`{who} has neither a due date nor what it is tied to",
                        t.id
                    ),
                    "set `due:` and `tied_to:` and tell the assignee both",
                )),
            };
            if let Some((location, message, help)) = what {
                out.emit(&e.file, &t.waive, location, message).help(help);
            }
        }
    }
}
