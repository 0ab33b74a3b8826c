//! D03: work done under a contract that has ended.

use crate::msg;
use chrono::NaiveDate;

use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::domain::terms;
use crate::finding::Location;
use crate::model::contract::ContractStatus;
use crate::model::invoice::InvoiceStatus;
use crate::model::project::Stage;
use crate::model::{Contract, Invoice, Meeting, Project, Waiver};
use crate::yaml::YamlPath;

use super::d_support::{contract, contract_label, project};

pub struct ExpiredContractInUse;

meta! {
    /// ## Why
    /// Work after a contract's end has no legal basis: the client may refuse to pay for
    /// it, the agency carries the risk, and an invoice under an ended contract is
    /// rejected by the client's accountants. The renewal (or a new contract) must be in
    /// place before the old one ends (duty D2: control prolongation, re-sign).
    ///
    /// ## What it reads
    /// Contracts other than drafts, with no `renewal.next`, and their final end: `end`
    /// for a contract without auto-renewal; for one with `renewal.auto`, the end of the
    /// term in which a `terminate` decision was taken (an auto-renewing contract without
    /// one keeps prolonging itself, so it never ends and is not checked). Work under such
    /// a contract, dated after that end and on or before today:
    /// - a meeting held (`at`) about a project (`project`) whose `contract` it is;
    /// - an invoice (`contract`) issued on its `date` (drafts and cancelled invoices are
    ///   not work billed);
    /// - a project (`contract`) in stage `active` today, once it has started (`start` on
    ///   or before today, or no `start`): the work is going on now, after the end.
    ///
    /// ## How to fix
    /// Sign the renewal or a new contract and record it as `renewal: {next: ID}` on the
    /// ended contract; point the project or invoice at the contract in force.
    ///
    /// ## How to waive
    /// On the meeting, invoice or project: `waive: [{rule: D03, reason: "…"}]`; or on the
    /// contract, which silences D03 for all the work under it (e.g. "renewal signed on
    /// paper, file to follow", with `until`).
    code: D03,
    name: "expired-contract-in-use",
    severity: Error,
    topic: Contract,
    summary: "No work, meeting or invoice after a contract's final end without a renewal",
    thresholds: [],
}

/// The contract's final end, if it has ended for good with no renewal recorded.
fn ended(c: &Contract) -> Option<NaiveDate> {
    if c.status == ContractStatus::Draft || c.renewal.as_ref().is_some_and(|r| r.next.is_some()) {
        return None;
    }
    terms::final_end(c)
}

/// The waivers of the work and of its contract together.
fn waivers(own: &[Waiver], contract: &Contract) -> Vec<Waiver> {
    own.iter().chain(&contract.waive).cloned().collect()
}

impl Rule for ExpiredContractInUse {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn meeting(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Meeting>, out: &mut Out) {
        let m = &e.data;
        let held = m.at.date();
        // Flagged from the day it is held.
        let Some(on) = cx.flagged_from(held) else {
            return;
        };
        let Some(p) = project(client, m.project.as_deref()) else {
            return;
        };
        let Some(c) = contract(client, p.data.contract.as_deref()) else {
            return;
        };
        let Some(end) = ended(&c.data) else {
            return;
        };
        if held <= end {
            return;
        }
        out.emit_on(
            on,
            &e.file,
            &waivers(&m.waive, &c.data),
            Location::value(YamlPath::root().key("at")),
            msg!(
                "d03-meeting",
                held = cx.date(held),
                project = &p.data.title,
                contract = contract_label(&c.data),
                end = cx.date(end),
            ),
        )
        .due(end)
        .help(msg!("d03-help"));
    }

    fn invoice(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Invoice>, out: &mut Out) {
        let i = &e.data;
        if i.status != InvoiceStatus::Issued {
            return;
        }
        // Flagged from the invoice's date.
        let Some(on) = cx.flagged_from(i.date.0) else {
            return;
        };
        let Some(c) = contract(client, i.contract.as_deref()) else {
            return;
        };
        let Some(end) = ended(&c.data) else {
            return;
        };
        if i.date.0 <= end {
            return;
        }
        out.emit_on(
            on,
            &e.file,
            &waivers(&i.waive, &c.data),
            Location::value(YamlPath::root().key("contract")),
            msg!(
                "d03-invoice",
                invoice = &i.number,
                date = cx.date(i.date.0),
                contract = contract_label(&c.data),
                end = cx.date(end),
            ),
        )
        .due(end)
        .help(msg!("d03-help"));
    }

    fn project(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        if p.stage != Stage::Active {
            return;
        }
        let Some(c) = contract(client, p.contract.as_deref()) else {
            return;
        };
        let Some(end) = ended(&c.data) else {
            return;
        };
        // Flagged from the day after the end, once the project has started.
        let from = end
            .succ_opt()
            .unwrap_or(end)
            .max(p.start.map_or(NaiveDate::MIN, |s| s.0));
        let Some(on) = cx.flagged_from(from) else {
            return;
        };
        out.emit_on(
            on,
            &e.file,
            &waivers(&p.waive, &c.data),
            Location::value(YamlPath::root().key("contract")),
            msg!(
                "d03-project",
                project = &p.title,
                contract = contract_label(&c.data),
                end = cx.date(end),
            ),
        )
        .due(end)
        .help(msg!("d03-help"));
    }
}
