//! D13: work invoiced, or a project done, with no act of work done closing it.

use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::{ClientBook, Entity};
use crate::finding::{Finding, Location};
use crate::model::invoice::InvoiceStatus;
use crate::model::project::Stage;
use crate::model::{Invoice, Project};
use crate::msg;
use crate::yaml::YamlPath;

pub struct ActMissing;

meta! {
    /// ## Why
    /// The act of work done (акт сдачи-приёмки) is the document the client's
    /// accountant books the agency's work by, and the agency's proof that the work was
    /// accepted. Work invoiced or delivered without one is revenue the agency cannot
    /// recognise and a claim it cannot prove; the longer it waits, the harder it is to
    /// get the client's signature for last quarter's work.
    ///
    /// ## What it reads
    /// Issued invoices (not drafts or cancelled ones) and projects at `stage: done`
    /// (from their `stage_since`), dated on or after rapport.yaml's `act.since` when it
    /// is set. An invoice is closed by an issued act that lists it under `invoices`,
    /// or by one that names its project and lists no invoices; a project by an act
    /// that names it or closes one of its invoices. A done project with issued
    /// invoices is judged by its invoices. It fires from the day after the `days`th
    /// working day after the invoice's date or the project's `stage_since`.
    ///
    /// ## How to fix
    /// `rapport act new CLIENT --invoice N` (or `--project P`) draws up the act;
    /// `rapport act render CLIENT/ACT` makes the document to send.
    ///
    /// ## How to waive
    /// On the invoice or project: `waive: [{rule: D13, reason: "advance; the act comes
    /// with the final invoice"}]`.
    ///
    /// ## Thresholds
    /// `days` (default 5): working days after the invoice or the project's completion
    /// by which the act is drawn up.
    code: D13,
    name: "act-missing",
    severity: Warning,
    topic: Billing,
    summary: "Work invoiced or done is closed by an act",
    thresholds: [DAYS: "days" = 5: "working days after the invoice or the project's completion by which its act is drawn up"],
}

impl Rule for ActMissing {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        if let Some(i) = cx.client.invoice_in(&f.file) {
            return Some(msg!(
                "todo-d13-invoice",
                invoice = i.data.number.as_str(),
                by = cx.by()
            ));
        }
        let p = cx.client.project_in(&f.file)?;
        Some(msg!(
            "todo-d13-project",
            project = p.data.title.as_str(),
            by = cx.by()
        ))
    }

    fn invoice(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Invoice>, out: &mut Out) {
        let i = &e.data;
        if i.status != InvoiceStatus::Issued || !tracked(cx, i.date.0) || invoice_closed(client, e)
        {
            return;
        }
        let n = cx.threshold(DAYS);
        let due = cx.calendar.add_working_days(i.date.0, n);
        let Some(on) = due.succ_opt().and_then(|d| cx.flagged_from(d)) else {
            return;
        };
        out.emit_on(
            on,
            &e.file,
            &i.waive,
            Location::value(YamlPath::root().key("date")),
            msg!(
                "d13-invoice",
                invoice = &i.number,
                date = cx.date(i.date.0),
                days = n,
                due = cx.date(due),
            ),
        )
        .happened(i.date.0)
        .due(due)
        .help(msg!(
            "d13-help",
            command = format!("rapport act new {} --invoice {}", client.id, e.id)
        ));
    }

    fn project(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        let Some(done) = p.stage_since.filter(|_| p.stage == Stage::Done) else {
            return;
        };
        if !tracked(cx, done.0) || client.acts_closing_project(&e.id).next().is_some() {
            return;
        }
        // A project billed by issued invoices is judged by them.
        let invoiced = client.invoices.iter().any(|i| {
            i.data.project.as_deref() == Some(e.id.as_str())
                && i.data.status == InvoiceStatus::Issued
        });
        if invoiced {
            return;
        }
        let n = cx.threshold(DAYS);
        let due = cx.calendar.add_working_days(done.0, n);
        let Some(on) = due.succ_opt().and_then(|d| cx.flagged_from(d)) else {
            return;
        };
        out.emit_on(
            on,
            &e.file,
            &p.waive,
            Location::value(YamlPath::root().key("stage")),
            msg!(
                "d13-project",
                project = &p.title,
                done = cx.date(done.0),
                days = n,
                due = cx.date(due),
            ),
        )
        .happened(done.0)
        .due(due)
        .help(msg!(
            "d13-help",
            command = format!(
                "rapport act new {} --project {} --line \"ITEM;QTY;UNIT;PRICE\"",
                client.id, e.id
            )
        ));
    }
}

/// Is work of `day` expected to have its act in the book (on or after `act.since`)?
fn tracked(cx: &Cx<'_>, day: chrono::NaiveDate) -> bool {
    cx.book
        .settings
        .as_ref()
        .and_then(|s| s.act.since)
        .is_none_or(|since| day >= since.0)
}

/// Does an issued act close invoice `e`: it lists it, or it names its project and lists
/// no invoices?
fn invoice_closed(client: &ClientBook, e: &Entity<Invoice>) -> bool {
    client.acts_closing_invoice(&e.id).next().is_some()
        || client.acts.iter().any(|a| {
            a.data.status == crate::model::act::ActStatus::Issued
                && a.data.invoices.is_empty()
                && a.data.project.is_some()
                && a.data.project == e.data.project
        })
}
