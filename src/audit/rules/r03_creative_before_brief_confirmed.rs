//! R03: before the creative group invents anything, everyone has understood the task.

use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::Location;
use crate::i18n::Arg;
use crate::model::Project;
use crate::msg;
use crate::yaml::YamlPath;

pub struct CreativeBeforeBriefConfirmed;

meta! {
    /// ## Why
    /// Creative work built on a misunderstood brief is thrown away, and the client
    /// remembers the wasted round, not the fine idea. Before the creative group starts,
    /// the account manager retells the task in his own words and the client confirms
    /// that this is exactly what he wants. Only then does inventing begin.
    ///
    /// ## What it reads
    /// Tasks of the creative side (`kinds`: by default `kind: creative` and
    /// `kind: copy`, the ideas and the words; settable to any task kinds) that have started (`start` on or before today), in
    /// projects of any stage, and the project's `brief.confirmed`: the day the client
    /// confirmed our understanding of the brief. A task is reported when the brief was
    /// never confirmed, or was confirmed after the task's `start`. Confirmation on the
    /// same day as the start is in time. Done tasks are still reported: the work was
    /// started blind all the same. A task without `start` has not started.
    ///
    /// ## How to fix
    /// Send the client your understanding of the brief (what, for whom, what result,
    /// what constraints), get his confirmation, and record
    /// `brief: {doc: …, confirmed: YYYY-MM-DD}` in the project. Start creative tasks on
    /// or after that day.
    ///
    /// ## How to waive
    /// On the task: `waive: [{rule: R03, reason: "the client's own brief, verbatim, nothing to interpret"}]`.
    code: R03,
    name: "creative-before-brief-confirmed",
    severity: Error,
    topic: Task,
    summary: "Creative work starts only once the client confirmed our understanding of the brief",
    thresholds: [],
    words: [CREATIVE_KINDS: "kinds" = ["creative", "copy"] of ["creative", "design", "copy", "dev", "production", "other"]: "the task kinds of the creative side, which wait for the confirmed brief"],
}

impl Rule for CreativeBeforeBriefConfirmed {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn project(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        let confirmed = p.brief.as_ref().and_then(|b| b.confirmed);
        let kinds = cx.words(CREATIVE_KINDS);
        for (i, t) in p.tasks.iter().enumerate() {
            let (Some(kind), Some(start)) = (t.kind, t.start) else {
                continue;
            };
            if !kinds.contains(&kind.as_str()) {
                continue;
            }
            // Flagged from the day the task starts.
            let Some(on) = cx.flagged_from(start.0) else {
                continue;
            };
            let why = match confirmed {
                None => msg!("r03-never-confirmed"),
                Some(c) if c > start => msg!(
                    "r03-confirmed-later",
                    confirmed = cx.date(c.0),
                    days = (c.0 - start.0).num_days(),
                ),
                Some(_) => continue,
            };
            let who = t
                .assignee
                .as_deref()
                .map_or("", |a| cx.book.person_name(Some(client), a));
            let hit = out
                .emit_on(
                    on,
                    &e.file,
                    &t.waive,
                    Location::value(YamlPath::root().key("tasks").index(i).key("start")),
                    msg!(
                        "r03-before-brief",
                        project = &p.title,
                        kind = kind.as_str(),
                        task = &t.id,
                        assigned = Arg::Word(if t.assignee.is_some() { "yes" } else { "no" }),
                        who = who,
                        start = cx.date(start.0),
                        why = why,
                    ),
                )
                .item(i)
                .happened(start.0)
                .person_opt(t.assignee.as_deref())
                .help(msg!("r03-before-brief-help"));
            // Confirmed since: it happened, and cannot be undone.
            if confirmed.is_some() {
                hit.past();
            }
        }
    }
}
