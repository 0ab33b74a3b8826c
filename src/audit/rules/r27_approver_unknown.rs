//! R27: know the person who accepts the work.

use super::touch_support::filled;
use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::Location;
use crate::i18n::Arg;
use crate::model::Project;
use crate::model::project::Stage;
use crate::msg;
use crate::yaml::YamlPath;

pub struct ApproverUnknown;

meta! {
    /// ## Why
    /// The work is accepted or rejected by one person, and it is their taste, fears and
    /// way of deciding that the work has to pass. An account manager who does not know
    /// who that is, or knows the name and nothing else, learns it at the presentation,
    /// which is the most expensive moment to learn it.
    ///
    /// ## What it reads
    /// Projects in stage `estimate`, `negotiation` or `active`: their `approver`, a
    /// contact of the client. A project without one is reported on the project. An
    /// approver whose `profile` in client.yaml is missing or blank is reported once
    /// per contact, on the contact in client.yaml (where the fix goes), naming every
    /// such project that depends on them.
    ///
    /// ## How to fix
    /// Find out who accepts the work and record `approver: CONTACT` on the project.
    /// Write what you know about them in the contact's `profile`: how they decide, what
    /// they like and dislike, what went wrong before.
    ///
    /// ## How to waive
    /// A missing approver on the project, a missing profile on the contact:
    /// `waive: [{rule: R27, reason: "new marketing director, first meeting on 2 December", until: 2026-12-03}]`.
    code: R27,
    name: "approver-unknown",
    severity: Error,
    summary: "Every project names its approver, and we know that person",
    thresholds: [],
}

/// The stages in which the approver must be known.
fn needs_approver(stage: Stage) -> bool {
    matches!(stage, Stage::Estimate | Stage::Negotiation | Stage::Active)
}

impl Rule for ApproverUnknown {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn client(&self, _cx: &Cx<'_>, client: &ClientBook, out: &mut Out) {
        let Some(e) = &client.client else {
            return;
        };
        for (i, person) in e.data.contacts.iter().enumerate() {
            if filled(person.profile.as_deref()) {
                continue;
            }
            let projects: Vec<String> = client
                .projects
                .iter()
                .filter(|p| {
                    needs_approver(p.data.stage) && p.data.approver.as_deref() == Some(&person.id)
                })
                .map(|p| format!("«{}»", p.data.title))
                .collect();
            let count = projects.len();
            if projects.is_empty() {
                continue;
            }
            out.emit(
                &e.file,
                &person.waive,
                Location::key(YamlPath::root().key("contacts").index(i).key("profile")),
                msg!(
                    "r27-approver-unknown",
                    name = &person.name,
                    count = count,
                    projects = Arg::List(projects),
                ),
            )
            .help(msg!("r27-approver-unknown-help"));
        }
    }

    fn project(&self, _cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        if !needs_approver(p.stage) || filled(p.approver.as_deref()) {
            return;
        }
        let marked: Vec<String> = client
            .client
            .iter()
            .flat_map(|c| &c.data.contacts)
            .filter(|c| c.approver)
            .map(|c| format!("{} (`{}`)", c.name, c.id))
            .collect();
        let help = msg!(
            "r27-no-approver-help",
            marked = marked.len(),
            names = marked.join(", ")
        );
        out.emit(
            &e.file,
            &p.waive,
            Location::key(YamlPath::root().key("approver")),
            msg!(
                "r27-no-approver",
                project = &p.title,
                stage = p.stage.as_str()
            ),
        )
        .help(help);
    }
}
