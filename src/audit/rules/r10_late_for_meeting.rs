//! R10: never be late for a meeting.

use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::Location;
use crate::i18n::Arg;
use crate::model::Meeting;
use crate::msg;
use crate::yaml::YamlPath;

pub struct LateForMeeting;

meta! {
    /// ## Why
    /// Being late tells the client his time is worth less than ours. Ten minutes late
    /// to a meeting undoes a month of careful work on the relationship; it is also the
    /// easiest rule to keep — leave earlier, join the call five minutes before.
    ///
    /// ## What it reads
    /// Meetings held on or before today (`at`) with `late_minutes` above zero: how late
    /// the agency side was, of any format (in person, video or call). `late_minutes: 0`
    /// or no `late_minutes` means on time. Every late meeting is reported, however old.
    ///
    /// ## How to fix
    /// Apologise to the client if it has not been done, and plan the next meetings with
    /// a margin: travel time, a reminder 15 minutes before, the call link opened early.
    /// The finding stays as the record of what happened; waive it once you have drawn the
    /// lesson.
    ///
    /// ## How to waive
    /// On the meeting: `waive: [{rule: R10, reason: "the client moved the meeting by 15 minutes and told us late"}]`.
    code: R10,
    name: "late-for-meeting",
    severity: Warning,
    summary: "The agency side is never late for a meeting",
    thresholds: [],
}

impl Rule for LateForMeeting {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn meeting(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Meeting>, out: &mut Out) {
        let m = &e.data;
        let Some(late) = m.late_minutes.filter(|&n| n > 0) else {
            return;
        };
        // Flagged from the meeting's day.
        let Some(on) = cx.flagged_from(m.at.date()) else {
            return;
        };
        let names: Vec<&str> = m
            .attendees
            .client
            .iter()
            .map(|id| client.contact(id).map_or(id.as_str(), |c| c.name.as_str()))
            .collect();
        out.emit_on(
            on,
            &e.file,
            &m.waive,
            Location::value(YamlPath::root().key("late_minutes")),
            msg!(
                "r10-late",
                minutes = late,
                format = Arg::Word(m.format.as_str()),
                day = cx.date(m.at.date()),
                time = m.at.0.format("%H:%M").to_string(),
                attendees = names.len(),
                names = names.join(", "),
            ),
        )
        .past()
        .happened(m.at.date())
        .help(msg!("r10-late-help"));
    }
}
