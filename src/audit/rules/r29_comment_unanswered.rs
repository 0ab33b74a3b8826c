//! R29: process and discuss every comment.

use crate::i18n::Arg;
use crate::msg;
use chrono::NaiveDate;

use super::touch_support::filled;
use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::domain::calendar::Calendar;
use crate::finding::Location;
use crate::model::Project;
use crate::wording::quote;
use crate::yaml::YamlPath;

pub struct CommentUnanswered;

meta! {
    /// ## Why
    /// A client's letter of comments forwarded as is to the creative group is not
    /// account management. Every comment is read, understood, discussed and answered:
    /// accepted, clarified with the client, or declined with the reason. A comment left
    /// without an answer tells the client nobody read it, and comes back in the next
    /// round, angrier.
    ///
    /// ## What it reads
    /// Every round of `feedback` of every project, whatever its stage (a comment from a
    /// finished project was still left unanswered): each comment needs a `response`
    /// (blank text counts as missing). It is due by the end of the `days`th working
    /// day after the round's `date` (a round on a Saturday, `days` = 2: by the end of
    /// Tuesday). Until that day is over it is not late. `resolved` and `resolution`
    /// alone do not count: the response is the record of what was told to the client.
    /// Working days come from `workweek` and `holidays`.
    ///
    /// ## How to fix
    /// Discuss the comment with the team, answer the client, and record the answer in
    /// the comment's `response:` (with `resolution:` and `resolved:` once settled).
    ///
    /// ## How to waive
    /// On the project: `waive: [{rule: R29, reason: "comments superseded by the new brief"}]`.
    /// That silences it on every item of the project; the same `waive` list on one
    /// comment (`feedback[].comments[]`) silences that one only.
    ///
    /// ## Thresholds
    /// `days` (default 2): working days after the round by which every comment has a response.
    code: R29,
    name: "comment-unanswered",
    severity: Error,
    topic: Feedback,
    summary: "Every client comment gets a response",
    thresholds: [DAYS: "days" = 2: "working days after a round of comments by which each has a response"],
}

impl Rule for CommentUnanswered {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn project(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        let n = cx.threshold(DAYS);
        for (i, round) in p.feedback.iter().enumerate() {
            let due = response_due(cx.calendar, round.date.0, n);
            // Flagged from the day after it was due.
            let Some(on) = due.succ_opt().and_then(|d| cx.flagged_from(d)) else {
                continue;
            };
            let from = round
                .from
                .as_deref()
                .map_or("", |id| cx.book.person_name(Some(client), id));
            for (j, comment) in round.comments.iter().enumerate() {
                if filled(comment.response.as_deref()) {
                    continue;
                }
                let at = YamlPath::root()
                    .key("feedback")
                    .index(i)
                    .key("comments")
                    .index(j);
                let location = if comment.response.is_some() {
                    Location::value(at.key("response"))
                } else {
                    Location::key(at.key("response"))
                };
                out.emit_item_on(
                    on,
                    &e.file,
                    &p.waive,
                    &comment.waive,
                    location,
                    msg!(
                        "r29-unanswered",
                        comment = quote(&comment.text, 60),
                        named = Arg::Word(if from.is_empty() { "no" } else { "yes" }),
                        from = from,
                        project = &p.title,
                        round = cx.date(round.date.0),
                        due = cx.date(due),
                    ),
                )
                .sub_item(i, j)
                .happened(round.date.0)
                .due(due)
                .person_opt(round.from.as_deref())
                .help(msg!("r29-unanswered-help"));
            }
        }
    }
}

/// The last day to respond to a round of comments of `date`: the `n`th working day
/// after it, whether or not the round itself came on a working day.
fn response_due(calendar: &Calendar, date: NaiveDate, n: u32) -> NaiveDate {
    calendar.add_working_days(date, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("test date")
    }

    fn cal() -> Calendar {
        Calendar::new(
            [true, true, true, true, true, false, false],
            &[d("2026-11-04")],
        )
    }

    #[test]
    fn two_working_days_skip_weekends_and_holidays() {
        let c = cal();
        assert_eq!(
            response_due(&c, d("2026-11-24"), 2),
            d("2026-11-26"),
            "Tue → Thu"
        );
        assert_eq!(
            response_due(&c, d("2026-11-26"), 2),
            d("2026-11-30"),
            "Thu → Mon"
        );
        assert_eq!(
            response_due(&c, d("2026-11-21"), 2),
            d("2026-11-24"),
            "Sat: Mon is the first working day after it, Tue the second"
        );
        assert_eq!(
            response_due(&c, d("2026-11-03"), 2),
            d("2026-11-06"),
            "over the holiday"
        );
        assert_eq!(
            response_due(&c, d("2026-11-04"), 2),
            d("2026-11-06"),
            "on the holiday: Thu and Fri are the two working days after it"
        );
        assert_eq!(
            response_due(&c, d("2026-11-27"), 0),
            d("2026-11-27"),
            "same day"
        );
    }
}
