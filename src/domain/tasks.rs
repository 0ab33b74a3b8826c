//! Where a task for a specialist stands on a day: open or not, overdue and by how many
//! working days, whether its assignee confirmed it (R22's notion), whether its date
//! and what it is tied to are known (R19's); and the ISO week a due date falls in, for
//! the workload per person and week. `rapport tasks` reads a task through here, with
//! the same definitions as rules R07, R19 and R22, so the list and the audit agree.

use chrono::{Datelike, NaiveDate};

use super::calendar::Calendar;
use crate::model::project::{Stage, Task};

/// Whether the assignee confirmed they understood the task (R22).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ack {
    /// No assignee: nobody to confirm.
    Unassigned,
    /// Confirmed on or before the start (or confirmed, with no start written).
    Confirmed,
    /// Confirmed only after the work started (R22, done late).
    ConfirmedLate,
    /// Not confirmed, and the work has started (`start` ≤ today): R22.
    Missing,
    /// Not confirmed yet, and the work has not started (or has no start).
    Awaited,
}

impl Ack {
    /// The word scripts read: `unassigned`, `confirmed`, `confirmed_late`, `missing`,
    /// `awaited`.
    pub fn code(self) -> &'static str {
        match self {
            Ack::Unassigned => "unassigned",
            Ack::Confirmed => "confirmed",
            Ack::ConfirmedLate => "confirmed_late",
            Ack::Missing => "missing",
            Ack::Awaited => "awaited",
        }
    }
}

/// A task as of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskState {
    /// Not done, in a project still in play (not done, lost or cancelled): the
    /// project's closing ends its tasks, as R07 and R22 read them.
    pub open: bool,
    /// `start` ≤ today.
    pub started: bool,
    /// Open and past its due date (due before today): R07.
    pub overdue: bool,
    /// For an overdue task: calendar days since the due date (R07's count).
    pub late_days: Option<i64>,
    /// For an overdue task: working days after the due date up to and including
    /// today (0 when only days off have passed since).
    pub late_working_days: Option<u32>,
    pub ack: Ack,
    /// Open, and without a due date or without what it is tied to: R19.
    pub deadline_unknown: bool,
}

impl TaskState {
    /// An open task not confirmed by its assignee (started or not).
    pub fn unacknowledged(&self) -> bool {
        self.open && matches!(self.ack, Ack::Missing | Ack::Awaited)
    }
}

/// Where `task` of a project in `stage` stands on `today`.
pub fn state(task: &Task, stage: Stage, calendar: &Calendar, today: NaiveDate) -> TaskState {
    let open = task.done.is_none() && stage.is_open();
    let started = task.start.is_some_and(|s| s.0 <= today);
    let overdue_since = task.due.map(|d| d.0).filter(|d| open && *d < today);
    let ack = match (task.assignee.as_deref(), task.acknowledged, task.start) {
        (None, _, _) => Ack::Unassigned,
        (Some(_), Some(a), Some(s)) if a > s => Ack::ConfirmedLate,
        (Some(_), Some(_), _) => Ack::Confirmed,
        (Some(_), None, _) if started => Ack::Missing,
        (Some(_), None, _) => Ack::Awaited,
    };
    let tied = task
        .tied_to
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty());
    TaskState {
        open,
        started,
        overdue: overdue_since.is_some(),
        late_days: overdue_since.map(|d| (today - d).num_days()),
        late_working_days: overdue_since.map(|d| working_days_after(calendar, d, today)),
        ack,
        deadline_unknown: open && (task.due.is_none() || !tied),
    }
}

/// How many working days lie after `from` up to and including `to` (0 when `to` is
/// not after `from`).
pub fn working_days_after(calendar: &Calendar, from: NaiveDate, to: NaiveDate) -> u32 {
    let mut n = 0;
    let mut d = from;
    while d < to {
        let next = calendar.next_working_day(d);
        if next > to || next == d {
            break;
        }
        n += 1;
        d = next;
    }
    n
}

/// An ISO 8601 week: its year (which differs from the calendar year around New Year)
/// and number, 1–53.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Week {
    pub year: i32,
    pub number: u32,
}

impl Week {
    /// The ISO week `date` falls in.
    pub fn of(date: NaiveDate) -> Week {
        let w = date.iso_week();
        Week {
            year: w.year(),
            number: w.week(),
        }
    }

    /// The week's Monday.
    pub fn monday(self) -> Option<NaiveDate> {
        NaiveDate::from_isoywd_opt(self.year, self.number, chrono::Weekday::Mon)
    }
}

impl std::fmt::Display for Week {
    /// `2026-W49`, as ISO 8601 writes a week.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.number)
    }
}

/// Where an open task counts in the workload on `today`: overdue, in the ISO week of
/// its due date (this week or later), or with no due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bucket {
    Overdue,
    Week(Week),
    NoDue,
}

/// The workload bucket of a task due on `due` (if any), on `today`.
pub fn bucket(due: Option<NaiveDate>, today: NaiveDate) -> Bucket {
    match due {
        None => Bucket::NoDue,
        Some(d) if d < today => Bucket::Overdue,
        Some(d) => Bucket::Week(Week::of(d)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::Date;

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("test date")
    }

    fn calendar() -> Calendar {
        // Monday to Friday; 4 November and 31 December 2026 are holidays.
        Calendar::new(
            [true, true, true, true, true, false, false],
            &[d("2026-11-04"), d("2026-12-31")],
        )
    }

    fn task(assignee: Option<&str>, start: Option<&str>, due: Option<&str>) -> Task {
        Task {
            id: "t".into(),
            title: None,
            assignee: assignee.map(Into::into),
            kind: None,
            start: start.map(|s| Date(d(s))),
            due: due.map(|s| Date(d(s))),
            tied_to: Some("запуск".into()),
            task_doc: None,
            copy_ready: None,
            acknowledged: None,
            done: None,
            waive: Vec::new(),
        }
    }

    #[test]
    fn lateness_counts_working_days_after_the_due_date() {
        let c = calendar();
        let t = task(Some("kim"), Some("2026-11-02"), Some("2026-11-25"));
        // Wednesday 25 → Friday 27: Thursday and Friday.
        let s = state(&t, Stage::Active, &c, d("2026-11-27"));
        assert!(s.overdue && s.open);
        assert_eq!((s.late_days, s.late_working_days), (Some(2), Some(2)));
        // The due day itself is not late.
        let s = state(&t, Stage::Active, &c, d("2026-11-25"));
        assert!(!s.overdue);
        assert_eq!((s.late_days, s.late_working_days), (None, None));
        // Due on Friday, seen on Sunday: 2 days late, but no working day lost yet.
        let t = task(Some("kim"), None, Some("2026-11-27"));
        let s = state(&t, Stage::Active, &c, d("2026-11-29"));
        assert_eq!((s.late_days, s.late_working_days), (Some(2), Some(0)));
        // Over the 4 November holiday: due Tuesday 3, seen Friday 6: Thursday, Friday.
        let t = task(None, None, Some("2026-11-03"));
        let s = state(&t, Stage::Active, &c, d("2026-11-06"));
        assert_eq!(s.late_working_days, Some(2));
        assert_eq!(working_days_after(&c, d("2026-11-06"), d("2026-11-03")), 0);
    }

    #[test]
    fn done_tasks_and_tasks_of_closed_projects_are_not_open() {
        let c = calendar();
        let mut t = task(Some("kim"), Some("2026-11-02"), Some("2026-11-10"));
        for stage in [Stage::Done, Stage::Lost, Stage::Cancelled] {
            let s = state(&t, stage, &c, d("2026-11-27"));
            assert!(!s.open && !s.overdue && !s.unacknowledged(), "{stage:?}");
        }
        t.done = Some(Date(d("2026-11-12")));
        let s = state(&t, Stage::Active, &c, d("2026-11-27"));
        assert!(!s.open && !s.overdue && !s.deadline_unknown);
        // A done task still tells whether it was confirmed (R22 reads done tasks too).
        assert_eq!(s.ack, Ack::Missing);
    }

    #[test]
    fn acknowledgement_as_r22_reads_it() {
        let c = calendar();
        let today = d("2026-11-27");
        let mut t = task(Some("kim"), Some("2026-11-16"), Some("2026-12-01"));
        assert_eq!(state(&t, Stage::Active, &c, today).ack, Ack::Missing);
        t.start = Some(Date(d("2026-11-27")));
        assert_eq!(
            state(&t, Stage::Active, &c, today).ack,
            Ack::Missing,
            "a task that starts today is expected to be confirmed"
        );
        t.start = Some(Date(d("2026-11-30")));
        let s = state(&t, Stage::Active, &c, today);
        assert_eq!(s.ack, Ack::Awaited);
        assert!(s.unacknowledged() && !s.started);
        t.acknowledged = Some(Date(d("2026-12-01")));
        assert_eq!(state(&t, Stage::Active, &c, today).ack, Ack::ConfirmedLate);
        t.acknowledged = Some(Date(d("2026-11-30")));
        assert_eq!(state(&t, Stage::Active, &c, today).ack, Ack::Confirmed);
        t.start = None;
        assert_eq!(state(&t, Stage::Active, &c, today).ack, Ack::Confirmed);
        t.assignee = None;
        let s = state(&t, Stage::Active, &c, today);
        assert_eq!(s.ack, Ack::Unassigned);
        assert!(!s.unacknowledged());
    }

    #[test]
    fn a_deadline_is_unknown_without_a_date_or_its_reason() {
        let c = calendar();
        let today = d("2026-11-27");
        let mut t = task(None, None, Some("2026-12-01"));
        assert!(!state(&t, Stage::Lead, &c, today).deadline_unknown);
        t.tied_to = Some("  ".into());
        assert!(state(&t, Stage::Lead, &c, today).deadline_unknown);
        t.tied_to = Some("запуск".into());
        t.due = None;
        assert!(state(&t, Stage::Active, &c, today).deadline_unknown);
    }

    #[test]
    fn weeks_are_iso_weeks_across_new_year() {
        // 2026 began on a Thursday: it has 53 ISO weeks, and 1 January 2027 is in the last.
        assert_eq!(Week::of(d("2026-12-31")).to_string(), "2026-W53");
        assert_eq!(Week::of(d("2027-01-01")).to_string(), "2026-W53");
        assert_eq!(Week::of(d("2027-01-04")).to_string(), "2027-W01");
        assert_eq!(Week::of(d("2026-01-01")).to_string(), "2026-W01");
        assert_eq!(Week::of(d("2025-12-29")).to_string(), "2026-W01");
        let w = Week::of(d("2026-11-27"));
        assert_eq!(w.to_string(), "2026-W48");
        assert_eq!(w.monday(), Some(d("2026-11-23")));
        assert!(Week::of(d("2026-12-31")) < Week::of(d("2027-01-04")));
    }

    #[test]
    fn buckets_put_the_past_in_overdue() {
        let today = d("2026-11-27");
        assert_eq!(bucket(None, today), Bucket::NoDue);
        assert_eq!(bucket(Some(d("2026-11-26")), today), Bucket::Overdue);
        assert_eq!(
            bucket(Some(d("2026-11-27")), today),
            Bucket::Week(Week::of(today))
        );
        assert!(Bucket::Overdue < Bucket::Week(Week::of(today)));
        assert!(Bucket::Week(Week::of(d("2027-06-01"))) < Bucket::NoDue);
    }
}
