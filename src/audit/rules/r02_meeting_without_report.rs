//! R02: a report after every meeting.

use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::{ClientBook, Entity};
use crate::finding::Finding;
use crate::finding::Location;
use crate::i18n::Arg;
use crate::model::Meeting;
use crate::msg;
use crate::yaml::YamlPath;

pub struct MeetingWithoutReport;

meta! {
    /// ## Why
    /// The meeting report (the minutes) is the first habit an account manager is judged
    /// by: it fixes what was agreed, who does what by when, and protects both sides from
    /// "we never said that". Sent the same or the next working day, it is read while the
    /// meeting is fresh; a week later it is an archive nobody checks.
    ///
    /// ## What it reads
    /// Every meeting held on or before today (`at`), and its `report.sent`. The report is
    /// due by the end of the `days`th working day after the meeting's day, counting the
    /// meeting's own day as day 0 (a meeting on a Saturday: by the end of Monday, with
    /// `days` = 1). A meeting of today or of the last working day is not late yet.
    /// Working days come from `workweek` and `holidays`.
    ///
    /// ## How to fix
    /// Send the report (`rapport meeting report CLIENT/MEETING` drafts it), then record
    /// `report: {sent: YYYY-MM-DDTHH:MM, to: [contacts]}` in the meeting file.
    ///
    /// ## How to waive
    /// On the meeting: `waive: [{rule: R02, reason: "internal call, no minutes agreed"}]`.
    ///
    /// ## Thresholds
    /// `days` (default 1): working days after the meeting by which the report is due.
    code: R02,
    name: "meeting-without-report",
    severity: Error,
    topic: Report,
    summary: "A report is sent after every meeting",
    thresholds: [DAYS: "days" = 1: "working days after the meeting by which the report is due"],
}

impl Rule for MeetingWithoutReport {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        let m = &cx.client.meeting_in(&f.file)?.data;
        let with: Vec<String> = m.attendees.client.iter().map(|id| cx.person(id)).collect();
        let with = if with.is_empty() {
            Arg::Text(String::new())
        } else {
            Arg::from(msg!("todo-r02-with", names = with.join(", ")))
        };
        Some(msg!(
            "todo-r02",
            day = cx.day(m.at.date()),
            with = with,
            by = cx.by()
        ))
    }

    fn meeting(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Meeting>, out: &mut Out) {
        let m = &e.data;
        let held = m.at.date();
        // By the end of the Nth working day after the meeting's day, which
        // for a meeting on a day off is counted from that day all the same.
        let due = cx.calendar.add_working_days(held, cx.threshold(DAYS));
        let names = attendee_names(client, m);
        let sent = m.report.as_ref().and_then(|r| r.sent);
        match sent {
            None => {
                // Flagged from the day after it was due.
                let Some(on) = due.succ_opt().and_then(|d| cx.flagged_from(d)) else {
                    return;
                };
                out.emit_on(
                    on,
                    &e.file,
                    &m.waive,
                    Location::key(YamlPath::root().key("report")),
                    msg!(
                        "r02-no-report",
                        format = Arg::Word(m.format.as_str()),
                        held = cx.date(held),
                        attendees = names.len(),
                        names = names.join(", "),
                        due = cx.date(due),
                    ),
                )
                .happened(held)
                .due(due)
                .people(&m.attendees.client)
                .help(msg!("r02-no-report-help"));
            }
            Some(sent) if sent.date() > due => {
                // Flagged from the meeting's day, like every meeting held.
                let Some(on) = cx.flagged_from(held) else {
                    return;
                };
                out.emit_on(
                    on,
                    &e.file,
                    &m.waive,
                    Location::value(YamlPath::root().key("report").key("sent")),
                    msg!(
                        "r02-report-late",
                        format = Arg::Word(m.format.as_str()),
                        held = cx.date(held),
                        attendees = names.len(),
                        names = names.join(", "),
                        sent = cx.date(sent.date()),
                        due = cx.date(due),
                    ),
                )
                .done_late()
                .happened(held)
                .due(due)
                .people(&m.attendees.client)
                .help(msg!("r02-report-late-help"));
            }
            _ => {}
        }
    }
}

/// The names of the client's attendees, as the book has them.
fn attendee_names<'a>(client: &'a ClientBook, m: &'a Meeting) -> Vec<&'a str> {
    m.attendees
        .client
        .iter()
        .map(|id| client.contact(id).map_or(id.as_str(), |c| c.name.as_str()))
        .collect()
}
