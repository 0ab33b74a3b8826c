//! D07: project costs within budget, and an estimate behind every active project.

use rust_decimal::Decimal;

use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::domain::budget::{self, Rag};
use crate::finding::{Location, Severity};
use crate::i18n::Arg;
use crate::model::Project;
use crate::model::money::Money;
use crate::model::project::Stage;
use crate::msg;
use crate::yaml::YamlPath;

use super::d_support::currency;

pub struct OverBudget;

meta! {
    /// ## Why
    /// The account manager makes the preliminary estimate and controls the budget (duty
    /// D5). Spend past the budget comes out of the agency's margin or turns into an
    /// awkward request for more money; the time to act is before it is spent, when the
    /// costs approach the budget. And work started with no estimate has no budget to
    /// control at all.
    ///
    /// ## What it reads
    /// Projects in an open stage (`lead`, `estimate`, `negotiation`, `active`; a `done`,
    /// `lost` or `cancelled` project's spend is history, no longer controllable).
    /// - With a `budget`: the sum of every `costs` amount (whatever its date: a cost
    ///   recorded ahead is committed). Over the budget: error. Over `warn_percent` of it
    ///   (more than, not equal): warning.
    /// - In stage `active`: an `estimate` with no lines (missing or empty): error.
    /// Amounts are shown in the currency of the project's contract, else the book's.
    /// `rapport budget` colours projects red and amber by the same arithmetic
    /// (`budget_math`), so the report and this rule never disagree.
    ///
    /// ## How to fix
    /// Over budget: agree the extra with the client (a new estimate and budget), or
    /// cut the remaining work. Near it: review what is left against what remains of
    /// the budget. No estimate: write the `estimate` lines (`item`, `qty`, `unit`,
    /// `price`) the client agreed to.
    ///
    /// ## How to waive
    /// On the project: `waive: [{rule: D07, reason: "…"}]`.
    ///
    /// ## Thresholds
    /// `warn_percent` (default 90): the share of the budget, in percent, beyond which
    /// the costs are worth a warning.
    code: D07,
    name: "over-budget",
    severity: Error,
    topic: Budget,
    summary: "Project costs stay within budget, and active projects have an estimate",
    thresholds: [WARN_PERCENT: "warn_percent" = 90: "percent of the budget beyond which costs are a warning"],
}

impl Rule for OverBudget {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn project(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        if !p.stage.is_open() {
            return;
        }
        if p.stage == Stage::Active && p.estimate.is_empty() {
            out.emit(
                &e.file,
                &p.waive,
                Location::key(YamlPath::root().key("estimate")),
                msg!("d07-no-estimate", project = &p.title),
            )
            .help(msg!("d07-no-estimate-help"));
        }
        let Some(budget) = p.budget else {
            return;
        };
        let spent = budget::costs_total(p);
        let warn_percent = cx.threshold(WARN_PERCENT);
        let rag = budget::rag(spent, budget, warn_percent);
        if rag == Rag::Green {
            return;
        }
        let (spent, mark) = (spent.0, Decimal::from(warn_percent));
        let cur = currency(cx.book, client, p.contract.as_deref(), cx.today);
        let money = |amount: Decimal| Arg::Money {
            amount: Money(amount),
            currency: cur.to_owned(),
        };
        let share = budget::percent(spent, budget.0);
        let at = Location::value(YamlPath::root().key("budget"));
        if rag == Rag::Red {
            let mut message = msg!(
                "d07-over-budget",
                project = &p.title,
                spent = money(spent),
                budget = money(budget.0),
                over = money(spent.saturating_sub(budget.0)),
                shown = Arg::Word(if share.is_some_and(|pc| pc > Decimal::ONE_HUNDRED) {
                    "yes"
                } else {
                    "no"
                }),
            );
            if let Some(pc) = share {
                message.args.push(("share", Arg::Number(pc)));
            }
            out.emit(&e.file, &p.waive, at, message)
                .amount(Money(spent.saturating_sub(budget.0)), cur)
                .help(msg!("d07-over-budget-help"));
        } else {
            let past = share.filter(|pc| *pc > mark);
            let mut message = msg!(
                "d07-near-budget",
                project = &p.title,
                spent = money(spent),
                budget = money(budget.0),
                left = money(budget.0.saturating_sub(spent)),
                mark = Arg::Number(mark),
                past = Arg::Word(if past.is_some() { "yes" } else { "no" }),
            );
            if let Some(pc) = past {
                message.args.push(("share", Arg::Number(pc)));
            }
            out.emit(&e.file, &p.waive, at, message)
                .severity(Severity::Warning)
                .help(msg!("d07-near-budget-help"));
        }
    }
}
