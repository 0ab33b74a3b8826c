//! R26: always meet the client in person before work begins.

use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::Location;
use crate::i18n::Arg;
use crate::model::meeting::MeetingFormat;
use crate::model::project::Stage;
use crate::model::{Meeting, Project};
use crate::msg;
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
    /// or before `start` (a meeting on the start day counts), no more than
    /// `recent_months` before it, and with someone on this project among the client's
    /// attendees: its `approver`, a contact who gave `feedback` on it, or a client
    /// attendee of a meeting about it (`project:`). Such a meeting held for an earlier
    /// project counts too. A project that names none of its people yet is satisfied
    /// by an in-person meeting with any of the client's contacts. A project that
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
    thresholds: [RECENT_MONTHS: "recent_months" = 12: "how many months before the start an in-person meeting still counts"],
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
        let people = project_people(client, &e.id, p);
        let names: Vec<&str> = people
            .iter()
            .map(|id| cx.book.person_name(Some(client), id))
            .collect();
        // Whom the meeting had to be with: the project's people, where it names any.
        let people_named = Arg::Word(if names.is_empty() { "no" } else { "yes" });
        let names = Arg::List(names.iter().map(|n| (*n).to_owned()).collect());
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
                msg!(
                    "r26-started",
                    project = &p.title,
                    start = cx.date(start.0),
                    named = people_named,
                    people = names,
                    client = client.name(),
                ),
            ),
            None => (
                cx.today,
                cx.today,
                Location::key(root.key("start")),
                msg!(
                    "r26-no-start",
                    project = &p.title,
                    stage = p.stage.as_str(),
                    named = people_named,
                    people = names,
                    client = client.name(),
                ),
            ),
        };
        let since = by
            .checked_sub_months(chrono::Months::new(cx.threshold(RECENT_MONTHS)))
            .unwrap_or(chrono::NaiveDate::MIN);
        let with_people = |m: &Meeting| {
            people.is_empty() || m.attendees.client.iter().any(|c| people.contains(&c))
        };
        // The latest in-person meeting on or before `by`, and the latest of those with
        // the project's people: what was missing, when one of them was.
        let in_person = client
            .meetings
            .iter()
            .map(|m| &m.data)
            .filter(|m| m.format == MeetingFormat::InPerson && m.at.date() <= by);
        let latest = in_person.clone().map(|m| m.at.date()).max();
        let latest_with = in_person
            .filter(|m| with_people(m))
            .map(|m| m.at.date())
            .max();
        if latest_with.is_none_or(|d| d < since) {
            let message = match (latest, latest_with) {
                (_, Some(d)) => msg!(
                    "r26-too-long-ago",
                    finding = message,
                    last = cx.date(d),
                    months = cx.threshold(RECENT_MONTHS),
                ),
                (Some(d), None) => msg!(
                    "r26-without-them",
                    finding = message,
                    client = client.name(),
                    last = cx.date(d),
                ),
                (None, None) => message,
            };
            let hit = out.emit_on(on, &e.file, &p.waive, location, message);
            // Started without one: that cannot be undone, only learnt from.
            if p.start.is_some() {
                hit.past().happened(by).help(msg!("r26-started-help"));
            } else {
                hit.help(msg!("r26-no-start-help"));
            }
        }
    }
}

/// The client's people on a project: its approver, the contacts who gave feedback on
/// it, and the client's attendees of meetings about it.
fn project_people<'a>(client: &'a ClientBook, id: &str, p: &'a Project) -> Vec<&'a String> {
    let mut people: Vec<&String> = p.approver.iter().collect();
    people.extend(p.feedback.iter().filter_map(|r| r.from.as_ref()));
    people.extend(
        client
            .meetings
            .iter()
            .filter(|m| m.data.project.as_deref() == Some(id))
            .flat_map(|m| &m.data.attendees.client),
    );
    people.sort_unstable();
    people.dedup();
    people
}
