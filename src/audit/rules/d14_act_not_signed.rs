//! D14: an act sent to the client and not signed back.

use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::{ClientBook, Entity};
use crate::finding::{Finding, Location};
use crate::model::Act;
use crate::model::act::ActStatus;
use crate::msg;
use crate::yaml::YamlPath;

pub struct ActNotSigned;

meta! {
    /// ## Why
    /// An act counts once the client has signed it: until then the work is not
    /// accepted on paper, the agency cannot recognise the revenue, and a dispute about
    /// the work has no document to settle it. Chasing the signature is the account
    /// manager's everyday part of closing a month (duty D2).
    ///
    /// ## What it reads
    /// Issued acts with `sent` and no `signed`. It fires from the day after the
    /// `days`th working day after `sent`.
    ///
    /// ## How to fix
    /// Ask the client for the signed copy; when it comes back, `rapport act signed
    /// CLIENT/ACT --date D` records it.
    ///
    /// ## How to waive
    /// On the act: `waive: [{rule: D14, reason: "signed through the ЭДО operator"}]`.
    ///
    /// ## Thresholds
    /// `days` (default 5): working days after the act was sent by which the signed copy
    /// is back.
    code: D14,
    name: "act-not-signed",
    severity: Warning,
    topic: Billing,
    summary: "A sent act comes back signed",
    thresholds: [DAYS: "days" = 5: "working days after an act was sent by which the client's signed copy is back"],
}

impl Rule for ActNotSigned {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        let a = &cx.client.act_in(&f.file)?.data;
        let sent = a.sent?;
        Some(msg!(
            "todo-d14",
            act = a.number.as_str(),
            client = cx.client.name(),
            sent = cx.day(sent.0),
            by = cx.by()
        ))
    }

    fn act(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Act>, out: &mut Out) {
        let a = &e.data;
        let Some(sent) = a.sent else { return };
        if a.status != ActStatus::Issued || a.signed.is_some() {
            return;
        }
        let n = cx.threshold(DAYS);
        let due = cx.calendar.add_working_days(sent.0, n);
        let Some(on) = due.succ_opt().and_then(|d| cx.flagged_from(d)) else {
            return;
        };
        out.emit_on(
            on,
            &e.file,
            &a.waive,
            Location::value(YamlPath::root().key("sent")),
            msg!(
                "d14-not-signed",
                act = &a.number,
                client = client.name(),
                sent = cx.date(sent.0),
                days = n,
                due = cx.date(due),
            ),
        )
        .happened(sent.0)
        .due(due)
        .help(msg!(
            "d14-not-signed-help",
            command = format!("rapport act signed {}/{}", client.id, e.id)
        ));
    }
}
