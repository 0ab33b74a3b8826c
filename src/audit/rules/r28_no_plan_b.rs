//! R28: always have a backup plan.

use super::touch_support::filled;
use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::Location;
use crate::model::Project;
use crate::model::project::Stage;
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

    fn project(&self, _cx: &Cx<'_>, _client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        if p.stage != Stage::Active || filled(p.plan_b.as_deref()) {
            return;
        }
        let by = p
            .deadline
            .map(|d| format!(" (deadline {d})"))
            .unwrap_or_default();
        let (location, what) = if p.plan_b.is_some() {
            (
                Location::value(YamlPath::root().key("plan_b")),
                "an empty `plan_b`",
            )
        } else {
            (Location::key(YamlPath::root().key("plan_b")), "no `plan_b`")
        };
        out.emit(
            &e.file,
            &p.waive,
            location,
            format!("active project «{}»{by} has {what}: nothing is ready if the main plan fails", p.title),
        )
        .help("write down the fallback — another contractor, a simpler version, a phased launch — in `plan_b:`");
    }
}
