//! D02: a renewal notice date passed with nothing decided.

use chrono::Days;

use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::{ClientBook, Entity};
use crate::domain::terms;
use crate::finding::Location;
use crate::model::Contract;
use crate::model::contract::ContractStatus;
use crate::yaml::YamlPath;

use super::d_support::{contract_label, renewal_todo};
use crate::finding::Finding;
use crate::i18n::Arg;
use crate::msg;

pub struct RenewalMissed;

meta! {
    /// ## Why
    /// Once the notice date has passed, the contract's fate was decided by default: an
    /// auto-renewing contract is prolonged for another term on the old terms (no price
    /// review, no chance to leave), and one without auto-renewal lapses, so the work
    /// goes on with no contract behind it. Either way the agency lost the moment to
    /// negotiate (duty D2: control prolongation).
    ///
    /// ## What it reads
    /// Contracts with `status: active` (the default) and `renewal.notice_days`. The
    /// current term is the one in force today (an auto-renewing contract walks through
    /// its tacit renewals); its notice date is the term's `end` minus `notice_days`,
    /// moved back to a working day. It fires the day after that notice date while no
    /// `renewal.decision` concerns the current term (a decision taken during the term,
    /// or one without `decided`). A contract without auto-renewal whose only term has
    /// ended keeps firing while it is still `active` with no decision: close it or
    /// record what was decided. When an auto-renewing contract enters its next term, the
    /// count starts again (D01 warns before the next notice date).
    ///
    /// ## How to fix
    /// Talk to the client now and record what was agreed: `renewal: {decision:
    /// renew|renegotiate|terminate, decided: DATE}`; sign the renewal and set
    /// `renewal.next`, or set `status: closed` on a contract that is over.
    ///
    /// ## How to waive
    /// On the contract: `waive: [{rule: D02, reason: "…"}]`.
    code: D02,
    name: "renewal-missed",
    severity: Error,
    topic: Renewal,
    summary: "A renewal notice date passed with no decision for the current term",
    thresholds: [],
}

impl Rule for RenewalMissed {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        renewal_todo(cx, f)
    }

    fn contract(&self, cx: &Cx<'_>, _client: &ClientBook, e: &Entity<Contract>, out: &mut Out) {
        let c = &e.data;
        if c.status != ContractStatus::Active {
            return;
        }
        // The first day of this run on which the notice date of the term in force has
        // passed with nothing decided for that term.
        let Some((term, notice, on)) = terms::terms_over(c, cx.today, cx.horizon())
            .into_iter()
            .filter(|(term, ..)| !terms::decided_for(c, *term))
            .find_map(|(term, first, last)| {
                let notice = terms::notice_date(c, term, cx.calendar)?;
                let on = cx.flagged_between(notice.succ_opt()?.max(first), last)?;
                Some((term, notice, on))
            })
        else {
            return;
        };
        let ago = (on - notice).num_days();
        let auto = c.renewal.as_ref().is_some_and(|r| r.auto);
        let lapsed = !auto && term.end < on;
        let next = term.end.checked_add_days(Days::new(1));
        let outcome = match (auto, next) {
            (true, Some(_)) => "renews-on",
            (true, None) => "renews",
            (false, _) if term.end < on => "lapsed",
            (false, _) => "lapses",
        };
        out.emit_on(
            on,
            &e.file,
            &c.waive,
            Location::key(YamlPath::root().key("renewal")),
            msg!(
                "d02-notice-missed",
                contract = contract_label(c),
                term = term.number,
                start = cx.date(term.start),
                end = cx.date(term.end),
                notice = cx.date(notice),
                days = ago,
                outcome = Arg::Word(outcome),
                next = cx.date(next.unwrap_or(term.end)),
            ),
        )
        .due(notice)
        .help(msg!(
            "d02-notice-missed-help",
            lapsed = Arg::Word(if lapsed { "yes" } else { "no" })
        ));
    }
}
