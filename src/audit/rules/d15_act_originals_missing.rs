//! D15: a signed act whose paper originals the contract requires have not come back.

use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::{ClientBook, Entity};
use crate::finding::{Finding, Location};
use crate::model::Act;
use crate::model::act::ActStatus;
use crate::msg;
use crate::yaml::YamlPath;

pub struct ActOriginalsMissing;

meta! {
    /// ## Why
    /// Where the contract requires paper originals, a scan of the signed act is not
    /// the document the agency's accountant (or a tax audit) accepts. Originals go
    /// astray in the post and in the client's office; they are found easily a month
    /// later, and hardly a year later.
    ///
    /// ## What it reads
    /// Issued acts with `signed` and no `originals`, under a contract (the act's, else
    /// the first invoice's) that has `originals: true` — or that supplements one that
    /// has. It fires from the day after `signed` plus `days` calendar days.
    ///
    /// ## How to fix
    /// Ask the client to post the originals; when they arrive, `rapport act signed
    /// CLIENT/ACT --originals --date D` records it.
    ///
    /// ## How to waive
    /// On the act: `waive: [{rule: D15, reason: "originals exchanged through ЭДО"}]`.
    ///
    /// ## Thresholds
    /// `days` (default 30): calendar days after the signed copy by which the paper
    /// originals are in.
    code: D15,
    name: "act-originals-missing",
    severity: Warning,
    topic: Billing,
    summary: "Paper originals of signed acts come back where the contract requires them",
    thresholds: [DAYS: "days" = 30: "calendar days after an act was signed by which its paper originals are in"],
}

impl Rule for ActOriginalsMissing {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        let a = &cx.client.act_in(&f.file)?.data;
        Some(msg!(
            "todo-d15",
            client = cx.client.name(),
            act = a.number.as_str(),
            by = cx.by()
        ))
    }

    fn act(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Act>, out: &mut Out) {
        let a = &e.data;
        let Some(signed) = a.signed else { return };
        if a.status != ActStatus::Issued || a.originals.is_some() {
            return;
        }
        if !crate::book::wants_originals(client, client.act_terms(a).contract) {
            return;
        }
        let n = cx.threshold(DAYS);
        let Some(due) = signed.0.checked_add_days(chrono::Days::new(u64::from(n))) else {
            return;
        };
        let Some(on) = due.succ_opt().and_then(|d| cx.flagged_from(d)) else {
            return;
        };
        out.emit_on(
            on,
            &e.file,
            &a.waive,
            Location::value(YamlPath::root().key("signed")),
            msg!(
                "d15-no-originals",
                act = &a.number,
                client = client.name(),
                signed = cx.date(signed.0),
                days = (on - signed.0).num_days(),
            ),
        )
        .happened(signed.0)
        .due(due)
        .help(msg!(
            "d15-no-originals-help",
            command = format!("rapport act signed {}/{} --originals", client.id, e.id)
        ));
    }
}
