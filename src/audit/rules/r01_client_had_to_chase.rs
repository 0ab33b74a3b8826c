//! R01: the client must never have to call us himself.

use chrono::{Days, NaiveDate};

use super::touch_support::{contact_name, subject};
use crate::audit::{Cx, Meta, Out, Rule, TodoCx};
use crate::book::{ClientBook, Entity};
use crate::finding::Finding;
use crate::finding::{Location, Severity};
use crate::i18n::{Arg, Msg};
use crate::model::LogEntry;
use crate::model::client::ClientStatus;
use crate::model::log::Direction;
use crate::msg;
use crate::yaml::YamlPath;

pub struct ClientHadToChase;

meta! {
    /// ## Why
    /// The client must never have to call us to learn how things stand. Every time a
    /// client chases us for status, he learns that silence from the agency means nothing
    /// is happening — and starts to check on us instead of trusting us. The cure is to
    /// come first: a short proactive note, call or meeting at a steady cadence, whether
    /// or not there is news.
    ///
    /// ## What it reads
    /// Two checks, at two levels.
    ///
    /// (a) error: an inbound log entry (`direction: in`) with `chasing: true`, dated on
    /// or before today — the client had to chase us. `chasing` on an outbound entry
    /// means nothing and is not read. Every such entry is reported, however old: it
    /// stays in the audit until it is waived with what was changed.
    ///
    /// (b) warning: a client with `status: active` whose latest proactive touch is more
    /// than its cadence (calendar days) before today. A proactive touch is a log entry
    /// with `direction: out` (any channel, any topic) or a meeting of any format, dated
    /// on or before today; a meeting planned for later today counts, as today is not
    /// over. An answer recorded only as `replied` on an inbound entry does not count:
    /// the client started that exchange. The cadence is the client's own
    /// `contact_every_days` where set, else `key_days` for a key client (`key: true`),
    /// else `days`. A client with no proactive touch at all is measured from `since`
    /// (the day it became a client) when that is set; with neither, it is reported at
    /// once. Leads, paused and former clients are not checked by (b).
    ///
    /// ## How to fix
    /// (a) Find out why the client had to chase: agree a status rhythm with him (a
    /// weekly note, a standing call) and put it in `contact_every_days`. (b) Call or
    /// write to the client now, before he has to chase you, and log the touch in
    /// `log/` with `direction: out` (or record the meeting).
    ///
    /// ## How to waive
    /// (a) On the log entry: `waive: [{rule: R01, reason: "…"}]`. (b) On the client, in
    /// `client.yaml`: `waive: [{rule: R01, reason: "on holiday until January", until: 2027-01-10}]`.
    /// A waiver on the client does not silence (a), which is reported on the log entry.
    ///
    /// ## Thresholds
    /// `days` (default 14): the longest gap, in calendar days, between proactive
    /// touches of an active client. `key_days` (default 7): the same for key clients.
    /// A client's `contact_every_days` overrides both. A `severity` set for R01 in
    /// rapport.yaml applies to both levels.
    code: R01,
    name: "client-had-to-chase",
    severity: Error,
    topic: Touch,
    summary: "The client never has to chase us: we come first, at a steady cadence",
    thresholds: [
        DAYS: "days" = 14: "longest gap in days between proactive touches of an active client",
        KEY_DAYS: "key_days" = 7: "the same for key clients",
    ],
}

impl Rule for ClientHadToChase {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn todo(&self, cx: &TodoCx<'_>, f: &Finding) -> Option<crate::i18n::Msg> {
        // Only the missing proactive contact (on client.yaml) is a thing to do; a chase
        // is a fact of the past.
        if cx.client.client.as_ref().is_none_or(|c| c.file != f.file) {
            return None;
        }
        // The audit line beside it says how long and by which cadence.
        Some(match f.facts.happened.filter(|d| *d != NaiveDate::MIN) {
            Some(last) => msg!("todo-r01-since", day = cx.day(last), by = cx.by()),
            None => msg!("todo-r01-never", by = cx.by()),
        })
    }

    /// (a) The client had to chase us.
    fn log(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<LogEntry>, out: &mut Out) {
        let l = &e.data;
        if l.direction != Direction::In || !l.chasing {
            return;
        }
        let Some(on) = cx.flagged_from(l.at.date()) else {
            return;
        };
        let who = contact_name(client, l);
        out.emit_on(
            on,
            &e.file,
            &l.waive,
            Location::value(YamlPath::root().key("chasing")),
            msg!(
                "r01-chased",
                named = Arg::Word(if who.is_some() { "yes" } else { "no" }),
                who = who.unwrap_or_default(),
                channel = Arg::Word(l.channel.as_str()),
                date = cx.date(l.at.date()),
                time = l.at.0.format("%H:%M").to_string(),
                subject = subject(l),
            ),
        )
        .past()
        .happened(l.at.date())
        .person_opt(l.contact.as_deref())
        .help(msg!("r01-chased-help"));
    }

    /// (b) No proactive touch for longer than the cadence.
    fn client(&self, cx: &Cx<'_>, client: &ClientBook, out: &mut Out) {
        let Some(c) = &client.client else {
            return;
        };
        let data = &c.data;
        if data.status != ClientStatus::Active {
            return;
        }
        let (cadence, whose) = match data.contact_every_days {
            Some(n) => (n, "client"),
            None if data.key => (cx.threshold(KEY_DAYS), "key"),
            None => (cx.threshold(DAYS), "default"),
        };
        // As of a day: the gap since the latest proactive touch (else since the
        // client joined), when it is longer than the cadence. It can only grow past
        // the cadence on the day after a cadence from a touch (or from `since`) ran out.
        let judge = |day: NaiveDate| {
            let last = latest_proactive_touch(client, day);
            let (since, what) = match (&last, data.since) {
                (Some(t), _) => (
                    t.day,
                    msg!("r01-last-touch", touch = t.said(cx.date(t.day))),
                ),
                (None, Some(since)) => {
                    (since.0, msg!("r01-since-joined", since = cx.date(since.0)))
                }
                (None, None) => (NaiveDate::MIN, msg!("r01-never")),
            };
            let gap = (day - since).num_days();
            (gap > i64::from(cadence)).then_some((since, what, gap))
        };
        let changes = || {
            let after = Days::new(u64::from(cadence) + 1);
            proactive_touch_days(client)
                .chain(data.since.map(|d| d.0))
                .filter_map(|d| d.checked_add_days(after))
                .collect()
        };
        let Some((on, (since, what, gap))) = cx.first_flagged(changes, judge) else {
            return;
        };
        let location = if data.contact_every_days.is_some() {
            Location::value(YamlPath::root().key("contact_every_days"))
        } else {
            Location::key(YamlPath::root())
        };
        let cadence_said = msg!("r01-cadence", whose = Arg::Word(whose), days = cadence);
        let message = if since == NaiveDate::MIN {
            msg!(
                "r01-no-touch-at-all",
                client = &data.name,
                what = what,
                cadence = cadence_said,
            )
        } else {
            msg!(
                "r01-no-contact",
                client = &data.name,
                gap = gap,
                what = what,
                cadence = cadence_said,
            )
        };
        out.emit_on(on, &c.file, &data.waive, location, message)
            .severity(Severity::Warning)
            .happened(since)
            .due(
                since
                    .checked_add_days(chrono::Days::new(u64::from(cadence)))
                    .unwrap_or(since),
            )
            .help(msg!("r01-no-contact-help"));
    }
}

/// The latest proactive touch: its day and what it was, for the message.
#[derive(Debug, PartialEq, Eq)]
struct Touch {
    day: NaiveDate,
    /// What kind of touch, as the catalog chooses its noun: a log entry's channel
    /// (`email`, `call`, `messenger`, `letter`) or a meeting's format after
    /// `meeting-` (`meeting-in_person`, `meeting-video`, `meeting-call`).
    kind: String,
    /// Whom a log entry was to, when it names a contact.
    to: Option<String>,
    /// ` «subject»` of a log entry, or nothing.
    subject: String,
}

impl Touch {
    /// The touch as a catalog message (`an email on 2026-11-19 to Борис Белов «…»`),
    /// its day given as the rule words dates.
    fn said(&self, day: Arg) -> Msg {
        msg!(
            "r01-touch",
            kind = self.kind.clone(),
            date = day,
            named = Arg::Word(if self.to.is_some() { "yes" } else { "no" }),
            to = self.to.clone().unwrap_or_default(),
            subject = &self.subject,
        )
    }
}

/// The days of every proactive touch: `out` log entries and meetings.
fn proactive_touch_days(client: &ClientBook) -> impl Iterator<Item = NaiveDate> + '_ {
    client
        .log
        .iter()
        .filter(|e| e.data.direction == Direction::Out)
        .map(|e| e.data.at.date())
        .chain(client.meetings.iter().map(|e| e.data.at.date()))
}

/// The latest `out` log entry or meeting dated on or before `today`. On a tie, the
/// entry that comes first in file order wins, so the message is deterministic.
fn latest_proactive_touch(client: &ClientBook, today: NaiveDate) -> Option<Touch> {
    let mut best: Option<(chrono::NaiveDateTime, Touch)> = None;
    let mut consider = |at: chrono::NaiveDateTime, what: Touch| {
        if at.date() <= today && best.as_ref().is_none_or(|(b, _)| at > *b) {
            best = Some((at, what));
        }
    };
    for e in &client.log {
        let l = &e.data;
        if l.direction == Direction::Out {
            consider(
                l.at.0,
                Touch {
                    day: l.at.date(),
                    kind: l.channel.as_str().to_owned(),
                    to: contact_name(client, l).map(str::to_owned),
                    subject: subject(l),
                },
            );
        }
    }
    for e in &client.meetings {
        let m = &e.data;
        consider(
            m.at.0,
            Touch {
                day: m.at.date(),
                kind: format!("meeting-{}", m.format.as_str()),
                to: None,
                subject: String::new(),
            },
        );
    }
    best.map(|(_, touch)| touch)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity<T: serde::de::DeserializeOwned>(file: &str, yaml: &str) -> Entity<T> {
        let mut findings = Vec::new();
        let data = crate::book::parse_entity(file, yaml, &mut findings).expect("test entity");
        assert!(findings.is_empty(), "{findings:?}");
        Entity {
            id: file.to_owned(),
            file: file.to_owned(),
            data,
        }
    }

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("test date")
    }

    fn book() -> ClientBook {
        ClientBook {
            id: "acme".to_owned(),
            log: vec![
                entity(
                    "l1",
                    "at: 2026-11-10T10:00\nchannel: email\ndirection: out\nsubject: Статус\n",
                ),
                entity("l2", "at: 2026-11-20T10:00\nchannel: call\ndirection: in\n"),
                entity(
                    "l3",
                    "at: 2026-12-01T10:00\nchannel: email\ndirection: out\n",
                ),
            ],
            meetings: vec![
                entity("m1", "at: 2026-11-12T15:00\nformat: video\n"),
                entity("m2", "at: 2026-11-27T17:00\nformat: in_person\n"),
            ],
            ..ClientBook::default()
        }
    }

    #[test]
    fn inbound_touches_and_future_ones_do_not_count() {
        let t = latest_proactive_touch(&book(), d("2026-11-26")).expect("a touch");
        assert_eq!(t.day, d("2026-11-12"));
        assert_eq!(
            t.said(Arg::from("2026-11-12"))
                .render(crate::i18n::Lang::En),
            "a video meeting on 2026-11-12"
        );
    }

    #[test]
    fn a_meeting_later_today_counts() {
        let t = latest_proactive_touch(&book(), d("2026-11-27")).expect("a touch");
        assert_eq!(t.day, d("2026-11-27"));
    }

    #[test]
    fn no_touch_before_the_first_one() {
        assert!(latest_proactive_touch(&book(), d("2026-11-09")).is_none());
        let t = latest_proactive_touch(&book(), d("2026-11-11")).expect("a touch");
        assert_eq!(
            t.said(Arg::from("2026-11-10"))
                .render(crate::i18n::Lang::En),
            "an email on 2026-11-10 «Статус»"
        );
    }
}
