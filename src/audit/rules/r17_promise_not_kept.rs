//! R17: promise only what you can do.

use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::{ClientBook, Entity};
use crate::finding::{Finding, Location, Severity};
use crate::i18n::Arg;
use crate::model::Meeting;
use crate::msg;
use crate::wording::quote;
use crate::yaml::YamlPath;

pub struct PromiseNotKept;

meta! {
    /// ## Why
    /// What the agency promises at a meeting is what the client remembers. An action
    /// the agency took on with a date, and then let pass, is a promise broken in front
    /// of the client: it teaches him that our dates mean nothing. Promise only what can
    /// be done by that date, and when it cannot, say so before the date, not after.
    ///
    /// ## What it reads
    /// Every meeting's `actions` whose `owner` is a member of the agency's `team`
    /// (actions owned by the client's own people are theirs to keep), with a `due` date
    /// before today and no `done` date. An action due today is not late yet. `due` is
    /// a calendar date, as the client reads it: a promise for a Saturday or a holiday
    /// is late from the next day on. Actions without an owner or a `due` date are not
    /// promises this rule can check.
    ///
    /// A promise kept late (`done` after `due`) is a warning for `late_window_days`
    /// after the day it was done: the client noticed, and the next promise should be
    /// one the agency can keep. Older late promises are history and are not reported.
    ///
    /// ## How to fix
    /// Do it and record `done: YYYY-MM-DD` on the action. If it cannot be done, tell
    /// the client, agree a new date, and update `due`. A promise kept late cannot be
    /// fixed, only learnt from: promise a date with room in it next time.
    ///
    /// ## How to waive
    /// On the meeting: `waive: [{rule: R17, reason: "the client withdrew the request", until: DATE}]`.
    /// That silences it on every item of the meeting; the same `waive` list on one
    /// action (`actions[]`) silences that one only.
    code: R17,
    name: "promise-not-kept",
    severity: Error,
    topic: Promise,
    summary: "What the agency promised at a meeting is done by the date promised",
    thresholds: [LATE_WINDOW_DAYS: "late_window_days" = 30: "days after a promise kept late (`done` after `due`) that it is still reported, as a warning"],
}

impl Rule for PromiseNotKept {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        let m = &cx.client.meeting_in(&f.file)?.data;
        let (i, _) = f.facts.item?;
        let a = m.actions.get(i)?;
        let owner = a
            .owner
            .as_deref()
            .map_or_else(|| "?".to_owned(), |id| cx.person(id));
        Some(msg!(
            "todo-r17",
            owner = owner,
            what = quote(&a.what, 70),
            format = Arg::Word(m.format.as_str()),
            day = cx.day(m.at.date()),
            by = cx.by()
        ))
    }

    fn meeting(&self, cx: &Cx<'_>, _client: &ClientBook, e: &Entity<Meeting>, out: &mut Out) {
        let m = &e.data;
        let window = i64::from(cx.threshold(LATE_WINDOW_DAYS));
        for (i, action) in m.actions.iter().enumerate() {
            let (Some(owner), Some(due)) = (action.owner.as_deref(), action.due) else {
                continue;
            };
            let Some(who) = cx.book.team_name(owner) else {
                continue; // the client's own action
            };
            if let Some(done) = action.done {
                // Kept, but late: reported for a while after it was done.
                if done <= due {
                    continue;
                }
                let Some(on) =
                    cx.flagged_between(done.0, done.0 + chrono::Days::new(window as u64))
                else {
                    continue;
                };
                let late = (done.0 - due.0).num_days();
                out.emit_item_on(
                    on,
                    &e.file,
                    &m.waive,
                    &action.waive,
                    Location::value(YamlPath::root().key("actions").index(i).key("done")),
                    msg!(
                        "r17-kept-late",
                        who = who,
                        what = quote(&action.what, 60),
                        format = Arg::Word(m.format.as_str()),
                        held = cx.date(m.at.date()),
                        due = cx.date(due.0),
                        done = cx.date(done.0),
                        days = late,
                    ),
                )
                .item(i)
                .severity(Severity::Warning)
                .done_late()
                .happened(m.at.date())
                .due(due.0)
                .person(owner)
                .help(msg!("r17-kept-late-help"));
                continue;
            }
            // Flagged from the day after it was due.
            let Some(on) = due.0.succ_opt().and_then(|d| cx.flagged_from(d)) else {
                continue;
            };
            let late = (on - due.0).num_days();
            out.emit_item_on(
                on,
                &e.file,
                &m.waive,
                &action.waive,
                Location::value(YamlPath::root().key("actions").index(i).key("due")),
                msg!(
                    "r17-not-kept",
                    who = who,
                    what = quote(&action.what, 60),
                    format = Arg::Word(m.format.as_str()),
                    held = cx.date(m.at.date()),
                    due = cx.date(due.0),
                    days = late,
                ),
            )
            .item(i)
            .happened(m.at.date())
            .due(due.0)
            .person(owner)
            .help(msg!("r17-not-kept-help"));
        }
    }
}
