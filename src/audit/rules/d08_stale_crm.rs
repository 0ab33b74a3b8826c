//! D08: the CRM is kept up to date — active projects touched, deals moving.

use crate::i18n::{Arg, Msg};
use crate::msg;
use chrono::{Days, NaiveDate};

use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::Location;
use crate::model::Project;
use crate::model::project::Stage;
use crate::yaml::YamlPath;

pub struct StaleCrm;

meta! {
    /// ## Why
    /// Keeping sales projects and the history of every interaction up to date is a duty
    /// of its own (D4). An active project with no recorded meeting or letter for weeks is
    /// either neglected or unrecorded: both leave the next person (or the curator) blind.
    /// A deal stuck in one pipeline stage for a month is either lost and not marked so,
    /// or waiting for a push nobody gives.
    ///
    /// ## What it reads
    /// - Projects in stage `active`: the latest of the days of meetings held (`at` on or
    ///   before today) and log entries (in or out, `at` on or before today) whose
    ///   `project` is this project, and of the project's own `stage_since` and `start`
    ///   (on or before today). It fires when that day is more than `active_days` days
    ///   ago (calendar days; exactly `active_days` days is not stale yet), or when there
    ///   is none of them at all.
    /// - Projects in stage `lead`, `estimate` or `negotiation` with a `stage_since` more
    ///   than `stage_days` days ago. Touches do not reset this one: talking about a deal
    ///   is not moving it. A stage with no `stage_since` cannot be aged and is not checked.
    ///
    /// ## How to fix
    /// Record the touches you had (`rapport new log`, `rapport new meeting` with
    /// `project:`), or get in touch; move the deal to its real stage and set
    /// `stage_since` to the day it got there (`lost` is a stage too).
    ///
    /// ## How to waive
    /// On the project: `waive: [{rule: D08, reason: "…", until: DATE}]`, e.g. a project
    /// paused by the client until a date.
    ///
    /// ## Thresholds
    /// `active_days` (default 21): calendar days an active project may go without a
    /// recorded meeting or log touch. `stage_days` (default 30): calendar days a lead,
    /// estimate or negotiation may stay in its stage.
    code: D08,
    name: "stale-crm",
    severity: Warning,
    summary: "Active projects are touched and deals keep moving through the pipeline",
    thresholds: [
        ACTIVE_DAYS: "active_days" = 21: "calendar days an active project may go without a recorded touch",
        STAGE_DAYS: "stage_days" = 30: "calendar days a lead, estimate or negotiation may stay in its stage",
    ],
}

/// The days of every recorded touch of project `id`, whenever they are.
fn touch_days<'c>(
    client: &'c ClientBook,
    id: &'c str,
    p: &'c Project,
) -> impl Iterator<Item = NaiveDate> + 'c {
    let meetings = client
        .meetings
        .iter()
        .filter(move |m| m.data.project.as_deref() == Some(id))
        .map(|m| m.data.at.date());
    let log = client
        .log
        .iter()
        .filter(move |l| l.data.project.as_deref() == Some(id))
        .map(|l| l.data.at.date());
    meetings
        .chain(log)
        .chain(p.stage_since.map(|d| d.0))
        .chain(p.start.map(|d| d.0))
}

/// The latest recorded touch of project `id`, and what it was.
fn last_touch(
    client: &ClientBook,
    id: &str,
    p: &Project,
    today: NaiveDate,
) -> Option<(NaiveDate, Msg)> {
    let on = |kind: &'static str, date: NaiveDate| {
        msg!(
            "d08-touch",
            kind = Arg::Word(kind),
            date = Arg::Date { date, today },
        )
    };
    let meetings = client
        .meetings
        .iter()
        .filter(|m| m.data.project.as_deref() == Some(id))
        .map(|m| (m.data.at.date(), on("meeting", m.data.at.date())));
    let log = client
        .log
        .iter()
        .filter(|l| l.data.project.as_deref() == Some(id))
        .map(|l| {
            (
                l.data.at.date(),
                on(l.data.channel.as_str(), l.data.at.date()),
            )
        });
    let own = [
        p.stage_since.map(|d| (d.0, on("stage-since", d.0))),
        p.start.map(|d| (d.0, on("start", d.0))),
    ]
    .into_iter()
    .flatten();
    meetings
        .chain(log)
        .chain(own)
        .filter(|(d, _)| *d <= today)
        .max_by_key(|(d, _)| *d)
}

impl Rule for StaleCrm {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn project(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        match p.stage {
            Stage::Active => {
                let limit = i64::from(cx.threshold(ACTIVE_DAYS));
                // As of a day: idle for longer than the limit since the latest touch.
                // It can only turn stale the day after a limit from a touch ran out.
                let judge = |today: NaiveDate| match last_touch(client, &e.id, p, today) {
                    Some((day, what)) => {
                        let idle = (today - day).num_days();
                        (idle > limit).then(|| {
                            msg!(
                                "d08-idle",
                                project = &p.title,
                                days = idle,
                                latest = what,
                                limit = limit,
                            )
                        })
                    }
                    None => Some(msg!("d08-no-touch", project = &p.title)),
                };
                let changes = || {
                    let after = Days::new(limit.unsigned_abs() + 1);
                    touch_days(client, &e.id, p)
                        .filter_map(|d| d.checked_add_days(after))
                        .collect()
                };
                let Some((on, message)) = cx.first_flagged(changes, judge) else {
                    return;
                };
                out.emit_on(
                    on,
                    &e.file,
                    &p.waive,
                    Location::value(YamlPath::root().key("stage")),
                    message,
                )
                .help(msg!("d08-idle-help"));
            }
            Stage::Lead | Stage::Estimate | Stage::Negotiation => {
                let Some(since) = p.stage_since else {
                    return;
                };
                let limit = i64::from(cx.threshold(STAGE_DAYS));
                // Flagged from the day after the limit ran out.
                let Some(on) = since
                    .0
                    .checked_add_days(Days::new(limit.unsigned_abs() + 1))
                    .and_then(|d| cx.flagged_from(d))
                else {
                    return;
                };
                let age = (on - since.0).num_days();
                out.emit_on(
                    on,
                    &e.file,
                    &p.waive,
                    Location::value(YamlPath::root().key("stage_since")),
                    msg!(
                        "d08-stage-stuck",
                        project = &p.title,
                        stage = p.stage.as_str(),
                        since = cx.date(since.0),
                        days = age,
                        limit = limit,
                    ),
                )
                .help(msg!("d08-stage-stuck-help"));
            }
            Stage::Done | Stage::Lost | Stage::Cancelled => {}
        }
    }
}
