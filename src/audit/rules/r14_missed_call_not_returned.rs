//! R14: always answer calls — and call back a missed one at once.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use super::touch_support::{after_working_hours, contact_name};
use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::{ClientBook, Entity};
use crate::domain::calendar::Calendar;
use crate::finding::Finding;
use crate::finding::Location;
use crate::i18n::{Arg, Msg};
use crate::model::LogEntry;
use crate::model::log::{Direction, LogChannel};
use crate::msg;

use crate::yaml::YamlPath;

pub struct MissedCallNotReturned;

meta! {
    /// ## Why
    /// A client who calls has something that cannot wait for a letter. A call that
    /// goes unanswered and is not returned quickly makes him feel unheard — and next
    /// time he calls your director instead. A missed call is forgivable; a missed call
    /// not returned within a couple of working hours is not.
    ///
    /// ## What it reads
    /// Inbound call log entries (`channel: call`, `direction: in`) with `missed: true`,
    /// and their `replied` (when we called back). Only working time counts: the hours
    /// between `workday.start` and `workday.end` of working days (`workweek` minus
    /// `holidays`), so a call at 17:30 on Friday with a 2-hour allowance must be
    /// returned by 10:30 on Monday. A call back is late when more than `hours` working
    /// hours passed between the call and `replied`. A call not (yet) returned is late
    /// once `hours` working hours have passed before today began; a call back still
    /// due today is not late yet, as today is not over (the audit knows the date, not
    /// the hour).
    ///
    /// ## How to fix
    /// Call the client back now, and record `replied: YYYY-MM-DDTHH:MM` in the log
    /// entry. Keep the phone with you, or have a colleague pick up when you cannot.
    ///
    /// ## How to waive
    /// On the log entry: `waive: [{rule: R14, reason: "the client wrote the same minute, answered by email"}]`.
    ///
    /// ## Thresholds
    /// `hours` (default 2): working hours after a missed call within which we call back.
    code: R14,
    name: "missed-call-not-returned",
    severity: Error,
    topic: Answer,
    summary: "A missed call from a client is returned within a couple of working hours",
    thresholds: [HOURS: "hours" = 2: "working hours after a missed call within which we call back"],
}

impl Rule for MissedCallNotReturned {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        let l = &cx.client.log_in(&f.file)?.data;
        let who = l.contact.as_deref().map_or(Arg::Text(String::new()), |id| {
            let c = cx.client.contact(id);
            Arg::from(msg!(
                "todo-r14-who",
                person = cx.person(id),
                reach = super::todo_support::reach(
                    c.and_then(|c| c.phone.as_deref()),
                    c.and_then(|c| c.email.as_deref())
                )
            ))
        });
        Some(msg!(
            "todo-r14",
            who = who,
            day = cx.day(l.at.date()),
            time = l.at.0.format("%H:%M").to_string(),
            by = cx.by()
        ))
    }

    fn log(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<LogEntry>, out: &mut Out) {
        let l = &e.data;
        if l.direction != Direction::In || l.channel != LogChannel::Call || !l.missed {
            return;
        }
        let at = l.at.0;
        let hours = cx.threshold(HOURS);
        let allowed = TimeDelta::hours(i64::from(hours));
        let who = contact_name(client, l);
        // The missed call and the allowance: the head and tail of both messages.
        let call = || {
            msg!(
                "r14-call",
                named = Arg::Word(if who.is_some() { "yes" } else { "no" }),
                who = who.unwrap_or_default(),
                date = cx.date(at.date()),
                time = at.format("%H:%M").to_string(),
            )
        };
        let allowance = || {
            let by = after_working_hours(cx.calendar, at, hours);
            let mut said = msg!(
                "r14-allowance",
                hours = hours,
                known = Arg::Word(if by.is_some() { "yes" } else { "no" }),
            );
            if let Some(by) = by {
                said.args.push(("date", cx.date(by.date())));
                said.args
                    .push(("time", Arg::Text(by.format("%H:%M").to_string())));
            }
            said
        };
        match l.replied {
            None => {
                // Late from the first day that starts after the hours allowed ran
                // out (and after the day of the call).
                let changes = || {
                    let mut days = vec![at.date().succ_opt().unwrap_or(at.date())];
                    if let Some(due) = after_working_hours(cx.calendar, at, hours) {
                        days.push(due.date());
                        days.extend(due.date().succ_opt());
                    }
                    days
                };
                let judge = |day| unreturned_is_late(cx.calendar, at, day, hours).then_some(());
                let Some((on, ())) = cx.first_flagged(changes, judge) else {
                    return;
                };
                out.emit_on(
                    on,
                    &e.file,
                    &l.waive,
                    Location::key(YamlPath::root().key("replied")),
                    msg!("r14-not-returned", call = call(), allowance = allowance()),
                )
                .happened(at.date())
                .person_opt(l.contact.as_deref())
                .help(msg!("r14-not-returned-help"));
            }
            Some(replied) => {
                let took = cx.calendar.working_time_between(at, replied.0);
                if took <= allowed {
                    return;
                }
                out.emit(
                    &e.file,
                    &l.waive,
                    Location::value(YamlPath::root().key("replied")),
                    msg!(
                        "r14-returned-late",
                        call = call(),
                        date = cx.date(replied.date()),
                        time = replied.0.format("%H:%M").to_string(),
                        took = hours_and_minutes(took),
                        allowance = allowance(),
                    ),
                )
                .done_late()
                .happened(at.date())
                .person_opt(l.contact.as_deref())
                .help(msg!("r14-returned-late-help"));
            }
        }
    }
}

/// `3 h`, `2 h 15 min`, `45 min`: working time as hours and minutes.
fn hours_and_minutes(t: TimeDelta) -> Msg {
    let minutes = t.num_minutes();
    msg!("r14-took", h = minutes / 60, m = minutes % 60)
}

/// Is a missed call at `at`, not returned, late as of `today`? Only when all of its
/// allowance of working hours passed before today began: a call back still due today
/// is not late yet. A call of today is never late today.
fn unreturned_is_late(
    calendar: &Calendar,
    at: NaiveDateTime,
    today: NaiveDate,
    hours: u32,
) -> bool {
    at.date() < today
        && calendar.working_time_between(at, today.and_time(NaiveTime::MIN))
            >= TimeDelta::hours(i64::from(hours))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("test date")
    }

    fn dt(s: &str) -> NaiveDateTime {
        crate::model::time::parse_datetime(s).expect("test date-time")
    }

    fn cal() -> Calendar {
        Calendar::new(
            [true, true, true, true, true, false, false],
            &[d("2026-11-04")],
        )
    }

    #[test]
    fn an_unreturned_call_is_late_once_its_hours_passed_before_today() {
        let c = cal();
        // Thursday 15:00: two working hours end at 17:00 the same day.
        assert!(unreturned_is_late(
            &c,
            dt("2026-11-26T15:00"),
            d("2026-11-27"),
            2
        ));
        // Thursday 16:00: they end at the close, 18:00: late by Friday.
        assert!(unreturned_is_late(
            &c,
            dt("2026-11-26T16:00"),
            d("2026-11-27"),
            2
        ));
        // Thursday 17:00: one hour on Thursday, the second on Friday (today): not yet.
        assert!(!unreturned_is_late(
            &c,
            dt("2026-11-26T17:00"),
            d("2026-11-27"),
            2
        ));
        // Friday 17:30: due Monday 10:30; on Monday itself not yet, on Tuesday late.
        assert!(!unreturned_is_late(
            &c,
            dt("2026-11-27T17:30"),
            d("2026-11-30"),
            2
        ));
        assert!(unreturned_is_late(
            &c,
            dt("2026-11-27T17:30"),
            d("2026-12-01"),
            2
        ));
        // Tuesday before the 4 November holiday, 17:00: due Thursday 10:00.
        assert!(!unreturned_is_late(
            &c,
            dt("2026-11-03T17:00"),
            d("2026-11-05"),
            2
        ));
        assert!(unreturned_is_late(
            &c,
            dt("2026-11-03T17:00"),
            d("2026-11-06"),
            2
        ));
        // Today's call is never late today, whatever the threshold.
        assert!(!unreturned_is_late(
            &c,
            dt("2026-11-27T09:00"),
            d("2026-11-27"),
            0
        ));
    }

    #[test]
    fn time_taken_reads_as_hours_and_minutes() {
        use crate::i18n::Lang::{En, Ru};
        let took = |m, lang| hours_and_minutes(TimeDelta::minutes(m)).render(lang);
        assert_eq!(took(180, En), "3 h");
        assert_eq!(took(135, En), "2 h 15 min");
        assert_eq!(took(45, En), "45 min");
        assert_eq!(took(135, Ru), "2 ч 15 мин");
        assert_eq!(took(45, Ru), "45 мин");
    }
}
