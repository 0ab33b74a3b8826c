//! R28: always have a backup plan.

use super::touch_support::filled;
use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::Location;
use crate::i18n::Arg;
use crate::model::Project;
use crate::model::project::Stage;
use crate::msg;
use crate::yaml::YamlPath;

pub struct NoPlanB;

meta! {
    /// ## Why
    /// Contractors fall ill, printers break, approvals stall. A backup plan thought out
    /// calmly at the start costs an hour; improvised the night before the deadline it
    /// costs the deadline, the margin, or the client.
    ///
    /// ## What it reads
    /// Projects in stage `active`: `plan_b`. Missing or blank text is reported.
    ///
    /// ## How to fix
    /// Write down what happens if the main plan fails — another contractor, a simpler
    /// version, a phased launch — in `plan_b:` on the project.
    ///
    /// ## How to waive
    /// On the project: `waive: [{rule: R28, reason: "one-day job, nothing to fall back on"}]`.
    code: R28,
    name: "no-plan-b",
    severity: Warning,
    summary: "Every active project has a backup plan",
    thresholds: [],
}

impl Rule for NoPlanB {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn project(&self, cx: &Cx<'_>, _client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        if p.stage != Stage::Active || filled(p.plan_b.as_deref()) {
            return;
        }
        let (location, plan) = if p.plan_b.is_some() {
            (Location::value(YamlPath::root().key("plan_b")), "empty")
        } else {
            (Location::key(YamlPath::root().key("plan_b")), "none")
        };
        let mut message = msg!(
            "r28-no-plan-b",
            project = &p.title,
            plan = Arg::Word(plan),
            dated = Arg::Word(if p.deadline.is_some() { "yes" } else { "no" }),
        );
        if let Some(deadline) = p.deadline {
            message.args.push(("deadline", cx.date(deadline.0)));
        }
        out.emit(&e.file, &p.waive, location, message)
            .help(msg!("r28-no-plan-b-help"));
    }
}
