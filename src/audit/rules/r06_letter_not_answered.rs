//! R06: answer letters the same day, or tell the sender you will answer later.

use chrono::NaiveDate;

use super::touch_support::{contact_name, subject, working_days_after};
use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::{ClientBook, Entity};
use crate::domain::calendar::Calendar;
use crate::finding::Finding;
use crate::finding::Location;
use crate::i18n::{Arg, Msg};
use crate::model::LogEntry;
use crate::model::log::{Direction, LogChannel};
use crate::model::time::DateTime;
use crate::msg;

use crate::yaml::YamlPath;

pub struct LetterNotAnswered;

meta! {
    /// ## Why
    /// A letter left unanswered overnight tells the client he is not a priority. The
    /// answer need not be complete: "got it, the estimate comes tomorrow by noon" is an
    /// answer. What is not acceptable is silence until the end of the working day.
    ///
    /// ## What it reads
    /// Inbound log entries (`direction: in`) on `email`, `letter` and `messenger`
    /// (calls are R14's), with their `at`, `replied` and `acknowledged`. The first of
    /// `replied` and `acknowledged` is the answer. The answer is due by the end of the
    /// entry's working day: the day of `at` when that is a working day and `at` is
    /// before `workday.end`, else the next working day (a letter in the evening, on a
    /// weekend or on a holiday counts from the next working day). An answer on that day
    /// at any hour — even after `workday.end` — is on time. A working day not yet over
    /// (today) is not late, nor is a later one. Working days come from `workweek` and
    /// `holidays`.
    ///
    /// ## How to fix
    /// Answer the sender, or at least tell them when the answer will come, and record
    /// `replied: YYYY-MM-DDTHH:MM` (or `acknowledged:`) in the log entry. For the
    /// future: clear the inbox before the end of each working day.
    ///
    /// ## How to waive
    /// On the log entry: `waive: [{rule: R06, reason: "a newsletter, no answer expected"}]`.
    code: R06,
    name: "letter-not-answered",
    severity: Error,
    topic: Answer,
    summary: "Letters are answered the same day, or the sender is told when the answer comes",
    thresholds: [],
}

impl Rule for LetterNotAnswered {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        let l = &cx.client.log_in(&f.file)?.data;
        let from = l.contact.as_deref().map_or(Arg::Text(String::new()), |id| {
            Arg::from(msg!("todo-r06-from", person = cx.person(id)))
        });
        Some(msg!(
            "todo-r06",
            channel = Arg::Word(l.channel.as_str()),
            subject = super::todo_support::quoted(l.subject.as_deref()),
            from = from,
            day = cx.day(l.at.date()),
            time = l.at.0.format("%H:%M").to_string(),
            by = cx.by()
        ))
    }

    fn log(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<LogEntry>, out: &mut Out) {
        let l = &e.data;
        if l.direction != Direction::In || l.channel == LogChannel::Call {
            return;
        }
        let due = cx.calendar.counting_day(l.at.0);
        let what = describe(cx, client, l, due);
        match answer(l) {
            None => {
                // Flagged from the day after it was due.
                let Some(on) = due.succ_opt().and_then(|d| cx.flagged_from(d)) else {
                    return;
                };
                out.emit_on(
                    on,
                    &e.file,
                    &l.waive,
                    Location::key(YamlPath::root().key("replied")),
                    msg!(
                        "r06-not-answered",
                        what = what,
                        due = cx.date(due),
                        days = (on - due).num_days(),
                    ),
                )
                .happened(l.at.date())
                .due(due)
                .person_opt(l.contact.as_deref())
                .help(msg!("r06-not-answered-help"));
            }
            Some((key, at)) if at.date() > due => {
                let late = late_by(cx.calendar, due, at.date());
                out.emit(
                    &e.file,
                    &l.waive,
                    Location::value(YamlPath::root().key(key)),
                    msg!(
                        "r06-answered-late",
                        what = what,
                        key = Arg::Word(key),
                        date = cx.date(at.date()),
                        time = at.0.format("%H:%M").to_string(),
                        late = late,
                        due = cx.date(due),
                    ),
                )
                .done_late()
                .happened(l.at.date())
                .due(due)
                .person_opt(l.contact.as_deref())
                .help(msg!("r06-answered-late-help"));
            }
            _ => {}
        }
    }
}

/// `email «Смета» from Иван Смирнов received on 2026-11-20 at 19:30 (counts from 2026-11-23)`.
fn describe(cx: &Cx<'_>, client: &ClientBook, l: &LogEntry, due: NaiveDate) -> Msg {
    let from = contact_name(client, l);
    let mut said = msg!(
        "r06-letter",
        channel = Arg::Word(l.channel.as_str()),
        subject = subject(l),
        named = Arg::Word(if from.is_some() { "yes" } else { "no" }),
        from = from.unwrap_or_default(),
        date = cx.date(l.at.date()),
        time = l.at.0.format("%H:%M").to_string(),
        later = Arg::Word(if due == l.at.date() { "no" } else { "yes" }),
    );
    said.args.push(("counts", cx.date(due)));
    said
}

/// The first answer: `replied` or `acknowledged`, whichever came first (on a tie,
/// `replied`), with the key it is written under.
fn answer(l: &LogEntry) -> Option<(&'static str, DateTime)> {
    match (l.replied, l.acknowledged) {
        (Some(r), Some(a)) if a < r => Some(("acknowledged", a)),
        (Some(r), _) => Some(("replied", r)),
        (None, Some(a)) => Some(("acknowledged", a)),
        (None, None) => None,
    }
}

/// `2 working days`, or calendar days when the answer came on a non-working day right
/// after the due day (a Saturday answer to a Friday letter).
fn late_by(calendar: &Calendar, due: NaiveDate, answered: NaiveDate) -> Msg {
    match working_days_after(calendar, due, answered) {
        0 => msg!(
            "r06-late-by",
            unit = Arg::Word("calendar"),
            n = (answered - due).num_days()
        ),
        n => msg!("r06-late-by", unit = Arg::Word("working"), n = n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(yaml: &str) -> LogEntry {
        let mut findings = Vec::new();
        let e = crate::book::parse_entity("log/x.yaml", yaml, &mut findings).expect("test entry");
        assert!(findings.is_empty(), "{findings:?}");
        e
    }

    #[test]
    fn the_first_of_replied_and_acknowledged_is_the_answer() {
        let base = "at: 2026-11-20T10:00\nchannel: email\ndirection: in\n";
        let l = entry(&format!(
            "{base}replied: 2026-11-23T10:00\nacknowledged: 2026-11-20T17:00\n"
        ));
        assert_eq!(
            answer(&l).map(|(k, a)| (k, a.to_string())),
            Some(("acknowledged", "2026-11-20T17:00".to_owned()))
        );
        let l = entry(&format!(
            "{base}replied: 2026-11-20T12:00\nacknowledged: 2026-11-20T17:00\n"
        ));
        assert_eq!(answer(&l).map(|(k, _)| k), Some("replied"));
        let l = entry(base);
        assert!(answer(&l).is_none());
    }

    #[test]
    fn lateness_in_working_days() {
        let d = |s: &str| crate::model::time::parse_date(s).expect("date");
        let c = Calendar::new(
            [true, true, true, true, true, false, false],
            &[d("2026-11-04")],
        );
        let late = |due: &str, answered: &str, lang| late_by(&c, d(due), d(answered)).render(lang);
        use crate::i18n::Lang::{En, Ru};
        assert_eq!(late("2026-11-20", "2026-11-23", En), "1 working day");
        assert_eq!(late("2026-11-20", "2026-11-21", En), "1 calendar day");
        assert_eq!(late("2026-11-20", "2026-11-22", En), "2 calendar days");
        assert_eq!(
            late("2026-11-03", "2026-11-05", En),
            "1 working day",
            "over the holiday"
        );
        assert_eq!(late("2026-11-20", "2026-11-23", Ru), "1 рабочий день");
        assert_eq!(late("2026-11-20", "2026-11-22", Ru), "2 календарных дня");
    }
}
