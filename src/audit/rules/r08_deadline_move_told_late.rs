//! R08: if a deadline moves, the client hears about it as early as possible.

use crate::i18n::Arg;
use crate::msg;
use chrono::NaiveDate;

use super::touch_support::working_days_after;
use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::domain::calendar::Calendar;
use crate::finding::Location;
use crate::model::Project;
use crate::model::project::DeadlineChange;
use crate::yaml::YamlPath;

pub struct DeadlineMoveToldLate;

meta! {
    /// ## Why
    /// A moved deadline is a problem for the client too: he has his own plans, launches
    /// and bosses tied to our date. Told early, he can re-plan; told late — or told
    /// after the old date has already passed — he learns the agency hid it.
    ///
    /// ## What it reads
    /// Every entry of a project's `deadline_changes`, of the project's deadline or,
    /// with `task:`, of one task's `due` (`rapport task move` and `rapport project
    /// move` record both): `from` (the old deadline),
    /// `decided` (when the move was decided) and `client_told` (when the client was
    /// told). The client must be told by the end of the `days`th working day after the
    /// day of `decided` (decided on a Saturday: by the end of Monday, with `days` = 1),
    /// and never after `from`. A change is reported when `client_told` is later
    /// than either limit; or when `client_told` is missing and the earlier of the two
    /// limits has passed (a change decided today is not late yet). A change without
    /// `decided` is held to `from` alone. A move decided after the old deadline had
    /// already passed is always told late.
    ///
    /// When the book is a git repository, R08 also reads its history (the last 1000
    /// commits on the first-parent line, `--history-commits N`; `--no-history` turns
    /// this off): a `deadline` or a task's `due` that a commit moved is reported at
    /// its line, naming the commit, its author date and both dates, when no
    /// `deadline_changes` entry of the same task records that move (same `from` and
    /// `to`), or when the entry's `client_told` is more than `days` working days after
    /// the commit (and not already late by its own `decided` or `from`): the commit
    /// shows when the move was made, whatever the entry says.
    ///
    /// ## How to fix
    /// Tell the client now — what moves, to when, why, and what we do so it does not
    /// happen again — and record `client_told: YYYY-MM-DD` on the change.
    ///
    /// ## How to waive
    /// On the project: `waive: [{rule: R08, reason: "the client asked for the move himself"}]`.
    /// That silences it on every item of the project; the same `waive` list on one
    /// deadline change (`deadline_changes[]`) silences that one only.
    ///
    /// ## Thresholds
    /// `days` (default 1): working days after the decision by which the client is told.
    code: R08,
    name: "deadline-move-told-late",
    severity: Error,
    topic: Deadline,
    summary: "A moved deadline is told to the client at once, and before the old date",
    thresholds: [DAYS: "days" = 1: "working days after the decision by which the client is told"],
}

impl Rule for DeadlineMoveToldLate {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn project(&self, cx: &Cx<'_>, _client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        let allowed = cx.threshold(DAYS);
        super::history_support::deadline_moves(cx, e, allowed, out);
        for (i, ch) in p.deadline_changes.iter().enumerate() {
            let at = YamlPath::root().key("deadline_changes").index(i);
            let limit = limit(cx.calendar, ch, allowed);
            let mut head = msg!(
                "r08-head",
                project = &p.title,
                of_task = Arg::Word(if ch.task.is_some() { "yes" } else { "no" }),
                task = ch.task.as_deref().unwrap_or_default(),
                from = cx.date(ch.from.0),
                to = cx.date(ch.to.0),
                dated = Arg::Word(if ch.decided.is_some() { "yes" } else { "no" }),
            );
            if let Some(decided) = ch.decided {
                head.args.push(("decided", cx.date(decided.0)));
            }
            match ch.client_told {
                None => {
                    // Flagged from the day after the client was to be told.
                    let Some(on) = limit.due.succ_opt().and_then(|d| cx.flagged_from(d)) else {
                        continue;
                    };
                    out.emit_item_on(
                        on,
                        &e.file,
                        &p.waive,
                        &ch.waive,
                        Location::key(at.key("client_told")),
                        msg!(
                            "r08-never-told",
                            head = head,
                            due = cx.date(limit.due),
                            why = Arg::Word(limit.why),
                        ),
                    )
                    .item(i)
                    .due(limit.due)
                    .help(msg!("r08-never-told-help"));
                }
                Some(told) => {
                    let after_decision = limit.after_decision.filter(|by| told.0 > *by);
                    let after_deadline = told > ch.from;
                    let late = match (after_decision, after_deadline) {
                        (Some(_), true) => "both",
                        (Some(_), false) => "decision",
                        (None, true) => "deadline",
                        (None, false) => continue,
                    };
                    let by = after_decision.unwrap_or(limit.due);
                    out.emit_item(
                        &e.file,
                        &p.waive,
                        &ch.waive,
                        Location::value(at.key("client_told")),
                        msg!(
                            "r08-told-late",
                            head = head,
                            told = cx.date(told.0),
                            late = Arg::Word(late),
                            working = working_days_after(cx.calendar, by, told.0) + allowed,
                            by = cx.date(by),
                            days = (told.0 - ch.from.0).num_days(),
                            from = cx.date(ch.from.0),
                        ),
                    )
                    .done_late()
                    .item(i)
                    .due(limit.due)
                    .help(msg!("r08-told-late-help", allowed = allowed));
                }
            }
        }
    }
}

/// By when the client must be told of a change.
struct Limit {
    /// The last day of `days` working days after the decision, when it is known.
    after_decision: Option<NaiveDate>,
    /// The earlier of that and the old deadline.
    due: NaiveDate,
    /// Which limit it is, as the catalog words it: `one-day`, `days`, `old-deadline`.
    why: &'static str,
}

fn limit(calendar: &Calendar, ch: &DeadlineChange, days: u32) -> Limit {
    let after_decision = ch.decided.map(|d| calendar.add_working_days(d.0, days));
    match after_decision {
        Some(by) if by <= ch.from.0 => Limit {
            after_decision,
            due: by,
            why: if days == 1 { "one-day" } else { "days" },
        },
        _ => Limit {
            after_decision,
            due: ch.from.0,
            why: "old-deadline",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("test date")
    }

    fn change(from: &str, decided: Option<&str>) -> DeadlineChange {
        let date = |s: &str| crate::model::time::Date(d(s));
        DeadlineChange {
            from: date(from),
            to: date("2026-12-31"),
            decided: decided.map(date),
            client_told: None,
            reason: None,
            task: None,
            told_to: None,
            waive: Vec::new(),
        }
    }

    #[test]
    fn the_client_is_told_by_the_earlier_of_the_two_limits() {
        let c = Calendar::new(
            [true, true, true, true, true, false, false],
            &[d("2026-11-04")],
        );
        // Decided Friday: told by Monday, well before the old deadline.
        let l = limit(&c, &change("2026-12-10", Some("2026-11-20")), 1);
        assert_eq!(
            (l.after_decision, l.due),
            (Some(d("2026-11-23")), d("2026-11-23"))
        );
        // Decided on a Saturday: Monday is the first working day after it.
        let l = limit(&c, &change("2026-12-10", Some("2026-11-21")), 1);
        assert_eq!(l.due, d("2026-11-23"));
        // Decided Tuesday before the holiday: by Thursday 5 November.
        let l = limit(&c, &change("2026-12-10", Some("2026-11-03")), 1);
        assert_eq!(l.due, d("2026-11-05"));
        // Decided the day before the old deadline: the old deadline comes first.
        let l = limit(&c, &change("2026-11-20", Some("2026-11-19")), 2);
        assert_eq!((l.due, l.why), (d("2026-11-20"), "old-deadline"));
        // No decision date: the old deadline alone.
        let l = limit(&c, &change("2026-11-20", None), 1);
        assert_eq!((l.after_decision, l.due), (None, d("2026-11-20")));
    }
}
