//! D01: a renewal notice date is coming and nothing is decided.

use chrono::{Days, NaiveDate};

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

pub struct RenewalNoticeDue;

meta! {
    /// ## Why
    /// Controlling prolongation is part of the job (duty D2). A contract that needs
    /// notice before its end renews itself, or lapses, on the notice date whether
    /// anyone decided or not. The weeks before that date are when the account manager
    /// talks terms with the client: renew as is, renegotiate the price, or end it.
    ///
    /// ## What it reads
    /// Contracts with `status: active` (the default) and `renewal.notice_days`. The term
    /// that matters is the one in force today: an auto-renewing contract (`renewal.auto`)
    /// has prolonged itself term by term (`term_months`, else the length of the first
    /// term), so it may be in its third term. The notice date is that term's `end` minus
    /// `notice_days` calendar days, moved back to a working day when it falls on a
    /// weekend or holiday. It fires from `days` days before the notice date up to the
    /// notice date itself (today included) while no `renewal.decision` concerns the
    /// current term: a decision taken during the term, or one without `decided`
    /// (a dated decision from an earlier term does not count). A `renewal.next` without
    /// a `decision` is not a decision: write both. Once the notice date has passed it
    /// is D02's.
    ///
    /// ## How to fix
    /// Agree with the client and record `renewal: {decision: renew|renegotiate|terminate,
    /// decided: DATE}` in the contract file (and `next:` once the renewal is signed).
    ///
    /// ## How to waive
    /// On the contract: `waive: [{rule: D01, reason: "…", until: DATE}]`.
    ///
    /// ## Thresholds
    /// `days` (default 30): how many calendar days before the notice date to start
    /// warning.
    code: D01,
    name: "renewal-notice-due",
    severity: Warning,
    topic: Renewal,
    summary: "A renewal notice date is near and nothing is decided for the current term",
    thresholds: [DAYS: "days" = 30: "calendar days before the notice date to start warning"],
}

impl Rule for RenewalNoticeDue {
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
        // The first day of this run on which the notice date of the term in force is
        // at most `days` away and nothing is decided for that term.
        let days_before = u64::from(cx.threshold(DAYS));
        let Some((term, notice, on)) = terms::terms_over(c, cx.today, cx.horizon())
            .into_iter()
            .filter(|(term, ..)| !terms::decided_for(c, *term))
            .find_map(|(term, first, last)| {
                let notice = terms::notice_date(c, term, cx.calendar)?;
                let from = notice
                    .checked_sub_days(Days::new(days_before))
                    .unwrap_or(NaiveDate::MIN)
                    .max(first);
                let on = cx.flagged_between(from, notice.min(last))?;
                Some((term, notice, on))
            })
        else {
            return;
        };
        let left = (notice - on).num_days();
        let auto = c.renewal.as_ref().is_some_and(|r| r.auto);
        out.emit_on(
            on,
            &e.file,
            &c.waive,
            Location::key(YamlPath::root().key("renewal")),
            msg!(
                "d01-notice-due",
                contract = contract_label(c),
                term = term.number,
                start = cx.date(term.start),
                end = cx.date(term.end),
                notice = cx.date(notice),
                left = left,
                auto = Arg::Word(if auto { "yes" } else { "no" }),
            ),
        )
        .due(notice)
        .help(msg!("d01-notice-due-help"));
    }
}
