//! R26: always meet the client in person before work begins.

use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::Location;
use crate::model::Project;
use crate::model::meeting::MeetingFormat;
use crate::model::project::Stage;
use crate::yaml::YamlPath;

pub struct StartedWithoutMeeting;

meta! {
    /// ## Why
    /// Letters and calls carry the words; a meeting carries the people. Meeting the
    /// client face to face before the work begins is when the account manager learns
    /// who decides, what worries them and what they did not put in the brief, and when
    /// the client learns whom to trust with it.
    ///
    /// ## What it reads
    /// Projects in stage `active` or `done` whose `start` is on or before today, and
    /// the client's meetings: at least one with `format: in_person` must be dated on
    /// or before `start` (any earlier in-person meeting with the same client counts,
    /// for an earlier project too; a meeting on the start day counts). A project that
    /// starts today already needs it: the meeting comes before the work. An `active`
    /// or `done` project with no `start` at all must still have some in-person meeting
    /// with the client on or before today.
    ///
    /// ## How to fix
    /// Arrange an in-person meeting with the client and record it in `meetings/` with
    /// `format: in_person`. If the meeting happened but was never recorded, record it
    /// with its real date.
    ///
    /// ## How to waive
    /// On the project: `waive: [{rule: R26, reason: "client abroad, met by video; visit planned"}]`.
    code: R26,
    name: "started-without-meeting",
    severity: Error,
    summary: "The client is met in person before the work begins",
    thresholds: [],
}

impl Rule for StartedWithoutMeeting {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn project(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {
        let p = &e.data;
        if !matches!(p.stage, Stage::Active | Stage::Done) {
            return;
        }
        let root = YamlPath::root();
        // With a start: flagged from that day, when no in-person meeting came before
        // it. Without one: as of today (a meeting planned for later does not count).
        let (on, by, location, message) = match p.start {
            Some(start) => (
                match cx.flagged_from(start.0) {
                    Some(on) => on,
                    None => return,
                },
                start.0,
                Location::value(root.key("start")),
                format!(
                    "project «{}» started on {start} with no in-person meeting with {} on or before that day",
                    p.title,
                    client.name()
                ),
            ),
            None => (
                cx.today,
                cx.today,
                Location::key(root.key("start")),
                format!(
                    "project «{}» is `{}` with no `start`, and no in-person meeting with {} is on record",
                    p.title,
                    p.stage.as_str(),
                    client.name()
                ),
            ),
        };
        let met = client
            .meetings
            .iter()
            .any(|m| m.data.format == MeetingFormat::InPerson && m.data.at.date() <= by);
        if !met {
            let hit = out.emit_on(on, &e.file, &p.waive, location, message);
            // Started without one: that cannot be undone, only learnt from.
            if p.start.is_some() {
                hit.past()
                    .happened(by)
                    .help("meet the client in person before the work starts, next time; record such meetings with `format: in_person`");
            } else {
                hit.help(
                    "meet the client in person and record the meeting with `format: in_person`",
                );
            }
        }
    }
}
