//! R05: the designer does not invent the text while making the layout.

use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::Location;
use crate::i18n::Arg;
use crate::model::Project;
use crate::model::project::TaskKind;
use crate::msg;
use crate::yaml::YamlPath;

pub struct LayoutBeforeCopy;

meta! {
    /// ## Why
    /// A layout drawn around placeholder text, or around text the designer made up,
    /// falls apart when the real copy arrives: it is longer, shorter, says something
    /// else. The copy comes first — written by the copywriter, agreed with the client —
    /// and the layout is built for it.
    ///
    /// ## What it reads
    /// Tasks with `kind: design` that have started (`start` on or before today), in
    /// projects of any stage, and their `copy_ready` (the day the text for the layout
    /// was ready). A task is reported when `copy_ready` is missing, or later than
    /// `start`. Text ready on the day the layout starts is in time. Done tasks are still
    /// reported. A design task with no text at all (a logo, an icon) is waived.
    ///
    /// ## How to fix
    /// Get the final copy from the copywriter (agreed with the client) before the
    /// layout starts, and record `copy_ready: YYYY-MM-DD` on the design task.
    ///
    /// ## How to waive
    /// On the task: `waive: [{rule: R05, reason: "a logo, no copy"}]`.
    code: R05,
    name: "layout-before-copy",
    severity: Warning,
    topic: Task,
    summary: "Layouts are made for ready copy, not with invented text",
    thresholds: [],
}

impl Rule for LayoutBeforeCopy {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn project(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        for (i, t) in p.tasks.iter().enumerate() {
            let (Some(TaskKind::Design), Some(start)) = (t.kind, t.start) else {
                continue;
            };
            // Flagged from the day the task starts.
            let Some(on) = cx.flagged_from(start.0) else {
                continue;
            };
            let task = YamlPath::root().key("tasks").index(i);
            let who = t
                .assignee
                .as_deref()
                .map_or("", |a| cx.book.person_name(Some(client), a));
            let head = msg!(
                "r05-head",
                project = &p.title,
                task = &t.id,
                assigned = Arg::Word(if t.assignee.is_some() { "yes" } else { "no" }),
                who = who,
                start = cx.date(start.0),
            );
            match t.copy_ready {
                None => {
                    out.emit_on(
                        on,
                        &e.file,
                        &t.waive,
                        Location::key(task.key("copy_ready")),
                        msg!("r05-no-copy", head = head),
                    )
                    .item(i)
                    .happened(start.0)
                    .person_opt(t.assignee.as_deref())
                    .help(msg!("r05-no-copy-help"));
                }
                Some(ready) if ready > start => {
                    let days = (ready.0 - start.0).num_days();
                    // The copy still to come is a thing to get; one that came late is
                    // a fact of the past.
                    let (message, open) = if ready.0 > on {
                        (
                            msg!(
                                "r05-copy-due-later",
                                head = head,
                                ready = cx.date(ready.0),
                                days = days,
                            ),
                            true,
                        )
                    } else {
                        (
                            msg!(
                                "r05-copy-ready-later",
                                head = head,
                                ready = cx.date(ready.0),
                                days = days,
                            ),
                            false,
                        )
                    };
                    let hit = out.emit_on(
                        on,
                        &e.file,
                        &t.waive,
                        Location::value(task.key("copy_ready")),
                        message,
                    );
                    if !open {
                        hit.past();
                    }
                    hit.item(i)
                        .happened(start.0)
                        .person_opt(t.assignee.as_deref())
                        .help(msg!("r05-copy-late-help"));
                }
                Some(_) => {}
            }
        }
    }
}
