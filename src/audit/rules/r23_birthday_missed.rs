//! R23: congratulate clients on their birthday.

use crate::i18n::Arg;
use crate::msg;
use chrono::{Datelike, Days, NaiveDate};

use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::ClientBook;
use crate::finding::{Finding, Location, Severity, Topic};
use crate::model::client::ClientStatus;
use crate::model::log::Direction;
use crate::model::time::Birthday;

use crate::yaml::YamlPath;

pub struct BirthdayMissed;

/// How many days before or after the birthday a greeting still counts.
const SLACK_DAYS: u64 = 2;

meta! {
    /// ## Why
    /// A birthday greeting is a small thing that clients remember for a long time, and
    /// its absence is noticed too, especially when a competitor did not forget. It only
    /// works on the day, or close to it.
    ///
    /// ## What it reads
    /// The `birthday` of every contact of every client that is not `former` (and of
    /// former clients' contacts too with `former_clients: 1`: a former client's people
    /// still recommend the agency, R20, and a greeting keeps the door open)
    /// (`YYYY-MM-DD` or `--MM-DD`; 29 February falls on 28 February in a common year),
    /// and the client's `log`: a greeting is an entry with `direction: out` and
    /// `topic: birthday` dated within 2 days before or after the birthday, whose
    /// `contact` is that person (an entry without a `contact` counts for anyone whose
    /// birthday it is near). A warning when the last birthday was at most `window` days
    /// ago and has no greeting, once the 2 days after it are over: a birthday of
    /// yesterday can still be greeted today. The window crosses the new year: in early
    /// January, late December birthdays are checked.
    /// Information: every contact of a key client (not `former`) with no `birthday` on
    /// file.
    ///
    /// ## How to fix
    /// Congratulate them, even late, and log it: a `log/` entry with
    /// `direction: out`, `topic: birthday` and `contact:`. For a key client's contact,
    /// find out the birthday and record `birthday: --MM-DD` (the year is optional).
    ///
    /// ## How to waive
    /// On the contact in client.yaml: `waive: [{rule: R23, reason: "asked not to be congratulated"}]`.
    ///
    /// ## Thresholds
    /// `window` (default 30): how many days back a missed birthday is still reported.
    /// `former_clients` (default 0): 1 to keep greeting the contacts of `former` clients.
    code: R23,
    name: "birthday-missed",
    severity: Warning,
    topic: Touch,
    summary: "Contacts are congratulated on their birthday",
    thresholds: [
        WINDOW: "window" = 30: "days back a birthday without a greeting is still reported",
        FORMER_CLIENTS: "former_clients" = 0: "1 to greet the contacts of former clients too, 0 not to",
    ],
}

impl Rule for BirthdayMissed {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        let c = &cx.client.client.as_ref()?.data;
        let (i, _) = f.facts.item?;
        let p = c.contacts.get(i)?;
        let birthday = p
            .birthday
            .map_or(Arg::Text(String::new()), |b| Arg::MonthDay {
                month: b.month,
                day: b.day,
            });
        let last = cx.due.map_or(Arg::Text(String::new()), |d| {
            Arg::from(msg!("todo-r23-last", day = cx.day(d)))
        });
        Some(msg!(
            "todo-r23",
            name = p.name.as_str(),
            birthday = birthday,
            reach = super::todo_support::reach(p.phone.as_deref(), p.email.as_deref()),
            last = last
        ))
    }

    fn client(&self, cx: &Cx<'_>, client: &ClientBook, out: &mut Out) {
        let Some(e) = &client.client else {
            return;
        };
        let c = &e.data;
        let former = c.status == ClientStatus::Former;
        if former && cx.threshold(FORMER_CLIENTS) == 0 {
            return;
        }
        let window = i64::from(cx.threshold(WINDOW));
        for (i, person) in c.contacts.iter().enumerate() {
            let at = YamlPath::root().key("contacts").index(i);
            let Some(birthday) = person.birthday else {
                // A former client's missing birthdays are not worth finding out.
                if c.key && !former {
                    out.emit(
                        &e.file,
                        &person.waive,
                        Location::key(at.key("birthday")),
                        msg!("r23-no-birthday", person = &person.name, client = &c.name),
                    )
                    .severity(Severity::Info)
                    .topic(Topic::Other)
                    .item(i)
                    .help(msg!("r23-no-birthday-help"));
                }
                continue;
            };
            // As of a day: the birthday just past, missed and not greeted. It is
            // missed from the day after its greeting span, so that is the day the
            // verdict can turn, for each year the run looks at.
            let judge = |today: NaiveDate| {
                let day = missed(birthday, today, window)?;
                let (from, to) = greeting_span(day);
                let greeted = client.log.iter().any(|l| {
                    let l = &l.data;
                    l.direction == Direction::Out
                        && l.topic
                            .as_deref()
                            .is_some_and(|t| t.trim().eq_ignore_ascii_case("birthday"))
                        && l.contact.as_deref().is_none_or(|id| id == person.id)
                        && (from..=to).contains(&l.at.date())
                });
                (!greeted).then_some((day, from, to))
            };
            let changes = || {
                (cx.today.year() - 1..=cx.horizon().year())
                    .filter_map(|y| birthday.in_year(y))
                    .filter_map(|d| greeting_span(d).1.succ_opt())
                    .collect()
            };
            let Some((on, (day, from, to))) = cx.first_flagged(changes, judge) else {
                continue;
            };
            let ago = (on - day).num_days();
            out.emit_on(
                on,
                &e.file,
                &person.waive,
                Location::value(at.key("birthday")),
                msg!(
                    "r23-not-greeted",
                    person = &person.name,
                    client = &c.name,
                    day = cx.date(day),
                    days = ago,
                    from = cx.date(from),
                    to = cx.date(to),
                ),
            )
            .item(i)
            .happened(day)
            .person(&person.id)
            .help(msg!("r23-not-greeted-help"));
        }
    }
}

/// The last day `birthday` fell on, on or before `today`, if the person was born by then.
fn last_birthday(birthday: Birthday, today: NaiveDate) -> Option<NaiveDate> {
    let day = birthday
        .in_year(today.year())
        .filter(|d| *d <= today)
        .or_else(|| birthday.in_year(today.year() - 1))?;
    birthday.year.is_none_or(|y| y < day.year()).then_some(day)
}

/// The last birthday, if a greeting for it is now late: it fell at most `window` days
/// ago, and the days after it in which a greeting still counts are over.
fn missed(birthday: Birthday, today: NaiveDate, window: i64) -> Option<NaiveDate> {
    let day = last_birthday(birthday, today)?;
    let (_, last) = greeting_span(day);
    let ago = (today - day).num_days();
    (last < today && ago <= window).then_some(day)
}

/// The first and last day a greeting for a birthday on `day` counts.
fn greeting_span(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    (
        day.checked_sub_days(Days::new(SLACK_DAYS)).unwrap_or(day),
        day.checked_add_days(Days::new(SLACK_DAYS)).unwrap_or(day),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::parse_birthday;

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("test date")
    }

    fn b(s: &str) -> Birthday {
        parse_birthday(s).expect("test birthday")
    }

    #[test]
    fn the_last_birthday_crosses_the_new_year() {
        assert_eq!(
            last_birthday(b("--12-28"), d("2027-01-05")),
            Some(d("2026-12-28"))
        );
        assert_eq!(
            last_birthday(b("--01-05"), d("2027-01-05")),
            Some(d("2027-01-05")),
            "today"
        );
        assert_eq!(
            last_birthday(b("--01-06"), d("2027-01-05")),
            Some(d("2026-01-06"))
        );
    }

    #[test]
    fn a_leap_day_birthday_falls_on_28_february_in_common_years() {
        assert_eq!(
            last_birthday(b("--02-29"), d("2027-03-10")),
            Some(d("2027-02-28"))
        );
        assert_eq!(
            last_birthday(b("1992-02-29"), d("2028-03-10")),
            Some(d("2028-02-29"))
        );
        assert_eq!(
            last_birthday(b("--02-29"), d("2027-02-28")),
            Some(d("2027-02-28"))
        );
        assert_eq!(
            missed(b("--02-29"), d("2027-03-03"), 30),
            Some(d("2027-02-28"))
        );
        assert_eq!(
            missed(b("--02-29"), d("2027-03-02"), 30),
            None,
            "still within 2 days"
        );
    }

    #[test]
    fn nobody_has_a_birthday_before_being_born() {
        assert_eq!(last_birthday(b("2026-12-01"), d("2026-11-27")), None);
        assert_eq!(
            last_birthday(b("2026-11-01"), d("2026-11-27")),
            None,
            "the day of birth"
        );
        assert_eq!(
            last_birthday(b("2025-11-01"), d("2026-11-27")),
            Some(d("2026-11-01"))
        );
    }

    #[test]
    fn a_greeting_counts_two_days_either_side() {
        assert_eq!(
            greeting_span(d("2027-01-01")),
            (d("2026-12-30"), d("2027-01-03"))
        );
        assert_eq!(
            greeting_span(d("2028-02-29")),
            (d("2028-02-27"), d("2028-03-02"))
        );
    }

    #[test]
    fn a_birthday_is_missed_after_the_slack_and_within_the_window() {
        let today = d("2027-01-08");
        assert_eq!(
            missed(b("--01-07"), today, 30),
            None,
            "yesterday: can still greet"
        );
        assert_eq!(
            missed(b("--01-06"), today, 30),
            None,
            "2 days ago: can still greet"
        );
        assert_eq!(missed(b("--01-05"), today, 30), Some(d("2027-01-05")));
        assert_eq!(
            missed(b("--12-28"), today, 30),
            Some(d("2026-12-28")),
            "over the new year"
        );
        assert_eq!(
            missed(b("--12-09"), today, 30),
            Some(d("2026-12-09")),
            "exactly 30 days"
        );
        assert_eq!(
            missed(b("--12-08"), today, 30),
            None,
            "31 days: out of the window"
        );
        assert_eq!(missed(b("--01-08"), today, 30), None, "today");
        assert_eq!(
            missed(b("--01-09"), today, 30),
            None,
            "tomorrow: last year's is too old"
        );
    }
}
