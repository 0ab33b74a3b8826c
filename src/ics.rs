//! Writing iCalendar (RFC 5545) text: content lines ended by CRLF and folded at 75
//! octets on character boundaries, TEXT values escaped, dates and UTC date-times in
//! their basic forms. It knows nothing of the book: `commands::calendar_feed` decides
//! what the events are.
//!
//! Written here rather than with the `icalendar` crate: the crate keeps a property's
//! parameters in a `HashMap`, so their order (and the bytes of the feed) could change
//! from run to run, its `all_day()` writes an end equal to the start (which RFC 5545
//! forbids), and its folding mixes character and byte positions. What a feed needs is
//! a hundred lines, tested below and by an independent parser in `tests/calendar.rs`.

use chrono::{Days, NaiveDate, NaiveDateTime};
use rayon::prelude::*;

/// The most octets on one physical line, CRLF not counted (RFC 5545 §3.1).
const FOLD_AT: usize = 75;

/// When an event happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    /// All day on this date; written with an exclusive end the day after.
    Day(NaiveDate),
    /// From `start` to `end`, both in UTC.
    Utc {
        start: NaiveDateTime,
        end: NaiveDateTime,
    },
}

/// How an event repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    Never,
    /// Every year on the start's month and day.
    Yearly,
    /// Every year on the last day of February (a 29 February birthday, which falls
    /// on 28 February in common years).
    YearlyLastOfFebruary,
}

/// One VEVENT.
#[derive(Debug, Clone)]
pub struct Event {
    /// Stable across runs, so that a re-import updates instead of duplicating.
    pub uid: String,
    pub when: When,
    pub repeat: Repeat,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub categories: Vec<String>,
    /// Shown as free time (reminders and deadlines, not appointments).
    pub transparent: bool,
}

/// A VCALENDAR.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// `X-WR-CALNAME`: the name calendar programs show for a subscription.
    pub name: String,
    /// `X-WR-TIMEZONE`: the zone to show the times in.
    pub timezone: Option<String>,
    /// `DTSTAMP` of every event, in UTC: when the feed was made.
    pub stamp: NaiveDateTime,
    pub events: Vec<Event>,
}

/// Events written per part by [`Calendar::write_ics`].
const EVENTS_PER_PART: usize = 2048;
/// Parts made at once, in parallel, before they are written.
const PARTS_AT_ONCE: usize = 8;

impl Calendar {
    /// The whole calendar as iCalendar text (in one piece, for tests).
    #[cfg(test)]
    pub fn to_ics(&self) -> String {
        let mut out = Vec::new();
        let written = self.write_ics(&mut |part: &[u8]| {
            out.extend_from_slice(part);
            Ok(())
        });
        assert!(written.is_ok());
        String::from_utf8(out).unwrap_or_default()
    }

    /// Writes the calendar as iCalendar text, part by part, through `out`: the events
    /// are written in parallel, a few thousand to a part and a few parts at a time,
    /// so that a feed of a hundred thousand events is never whole in memory.
    pub fn write_ics(
        &self,
        out: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        out(self.head().as_bytes())?;
        let stamp = utc(self.stamp);
        for batch in self.events.chunks(EVENTS_PER_PART * PARTS_AT_ONCE) {
            let parts: Vec<String> = batch
                .par_chunks(EVENTS_PER_PART)
                .map(|events| {
                    // About 600 octets an event: sized once.
                    let mut part = String::with_capacity(events.len().saturating_mul(600));
                    for e in events {
                        write_event(&mut part, &stamp, e);
                    }
                    part
                })
                .collect();
            for part in &parts {
                out(part.as_bytes())?;
            }
        }
        let mut end = String::new();
        line(&mut end, "END:VCALENDAR");
        out(end.as_bytes())
    }

    /// The calendar's own lines, before the events.
    fn head(&self) -> String {
        let mut out = String::new();
        line(&mut out, "BEGIN:VCALENDAR");
        line(&mut out, "VERSION:2.0");
        line(&mut out, "PRODID:-//rapport//rapport//EN");
        line(&mut out, "CALSCALE:GREGORIAN");
        line(&mut out, "METHOD:PUBLISH");
        Line::new(&mut out, "X-WR-CALNAME:").text(&self.name).end();
        if let Some(tz) = &self.timezone {
            Line::new(&mut out, "X-WR-TIMEZONE:").text(tz).end();
        }
        out
    }
}

fn write_event(out: &mut String, stamp: &str, e: &Event) {
    line(out, "BEGIN:VEVENT");
    Line::new(out, "UID:").text(&e.uid).end();
    Line::new(out, "DTSTAMP:").raw(stamp).end();
    match e.when {
        When::Day(day) => {
            // RFC 5545 §3.6.1: DTEND of an all-day event is exclusive.
            let end = day.checked_add_days(Days::new(1)).unwrap_or(day);
            Line::new(out, "DTSTART;VALUE=DATE:").raw(&date(day)).end();
            Line::new(out, "DTEND;VALUE=DATE:").raw(&date(end)).end();
        }
        When::Utc { start, end } => {
            Line::new(out, "DTSTART:").raw(&utc(start)).end();
            Line::new(out, "DTEND:").raw(&utc(end)).end();
        }
    }
    match e.repeat {
        Repeat::Never => {}
        Repeat::Yearly => line(out, "RRULE:FREQ=YEARLY"),
        Repeat::YearlyLastOfFebruary => line(out, "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"),
    }
    Line::new(out, "SUMMARY:").text(&e.summary).end();
    if let Some(d) = &e.description {
        Line::new(out, "DESCRIPTION:").text(d).end();
    }
    if let Some(l) = &e.location {
        Line::new(out, "LOCATION:").text(l).end();
    }
    if !e.categories.is_empty() {
        let mut l = Line::new(out, "CATEGORIES:");
        for (i, c) in e.categories.iter().enumerate() {
            if i > 0 {
                l = l.raw(",");
            }
            l = l.text(c);
        }
        l.end();
    }
    if e.transparent {
        line(out, "TRANSP:TRANSPARENT");
    }
    line(out, "END:VEVENT");
}

/// `YYYYMMDD`.
pub fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// `YYYYMMDDTHHMMSSZ`.
pub fn utc(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, a line
/// break written as `\n`; other control characters, which TEXT may not hold, become
/// spaces. (The writer escapes in place, with [`escape_text`]; this is for tests.)
#[cfg(test)]
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_text(s, |c| out.push_str(c));
    out
}

/// [`text`], piece by piece: each piece is either a run of the input or an escape.
fn escape_text(s: &str, mut put: impl FnMut(&str)) {
    let mut rest = s;
    while let Some(at) = rest.find(|c: char| matches!(c, '\\' | ';' | ',') || c.is_control()) {
        put(&rest[..at]);
        let mut chars = rest[at..].chars();
        let c = chars.next().unwrap_or(' ');
        let mut after = chars.as_str();
        match c {
            '\\' => put("\\\\"),
            ';' => put("\\;"),
            ',' => put("\\,"),
            '\n' => put("\\n"),
            // CRLF is one line break.
            '\r' if after.starts_with('\n') => {
                put("\\n");
                after = &after[1..];
            }
            _ => put(" "),
        }
        rest = after;
    }
    put(rest);
}

/// Appends one content line, folded (RFC 5545 §3.1): no physical line longer than 75
/// octets, never cutting a character; each continuation starts with one space.
fn line(out: &mut String, content: &str) {
    Line::new(out, "").raw(content).end();
}

/// One content line being written straight into the output, folded as it goes, so
/// that no line is first built in a string of its own.
struct Line<'o> {
    out: &'o mut String,
    /// Octets on the current physical line.
    width: usize,
}

impl<'o> Line<'o> {
    fn new(out: &'o mut String, name: &str) -> Self {
        Line { out, width: 0 }.raw(name)
    }

    /// Appends `s` as it is.
    fn raw(mut self, s: &str) -> Self {
        self.put(s);
        self
    }

    /// Appends `s` as a TEXT value.
    fn text(mut self, s: &str) -> Self {
        escape_text(s, |piece| self.put(piece));
        self
    }

    fn put(&mut self, s: &str) {
        if self.width + s.len() <= FOLD_AT {
            self.out.push_str(s);
            self.width += s.len();
            return;
        }
        for c in s.chars() {
            let len = c.len_utf8();
            if self.width + len > FOLD_AT {
                self.out.push_str("\r\n ");
                self.width = 1;
            }
            self.out.push(c);
            self.width += len;
        }
    }

    fn end(self) {
        self.out.push_str("\r\n");
    }
}

/// Undoes folding: what a reader sees. For tests.
#[cfg(test)]
fn unfold(s: &str) -> String {
    s.replace("\r\n ", "")
}

/// Writes `s` for a test failure message with the CRLFs visible.
#[cfg(test)]
fn show(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for l in s.split("\r\n") {
        let _ = writeln!(out, "{l}⏎");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("test date")
    }

    fn folded(content: &str) -> String {
        let mut out = String::new();
        line(&mut out, content);
        out
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(folded("SUMMARY:x"), "SUMMARY:x\r\n");
        let exact = "X".repeat(75);
        assert_eq!(folded(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_with_a_leading_space() {
        let long = "A".repeat(200);
        let out = folded(&long);
        let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(lines[0].len(), 75);
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.starts_with(' ') && l.len() <= 75)
        );
        assert_eq!(lines[1].len(), 75);
        assert_eq!(unfold(&out), format!("{long}\r\n"));
    }

    #[test]
    fn folding_never_cuts_a_cyrillic_letter() {
        // 2-octet letters after a 9-octet name: the fold lands inside a letter.
        let content = format!("SUMMARY:{}", "Ж".repeat(100));
        let out = folded(&content);
        for l in out.split("\r\n") {
            assert!(l.len() <= 75, "{}", show(&out));
        }
        assert_eq!(unfold(&out), format!("{content}\r\n"));
        // 4-octet characters too.
        let content = format!("SUMMARY:{}", "🎂".repeat(40));
        let out = folded(&content);
        assert!(out.split("\r\n").all(|l| l.len() <= 75), "{}", show(&out));
        assert_eq!(unfold(&out), format!("{content}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a,b;c\\d"), "a\\,b\\;c\\\\d");
        assert_eq!(text("line\nbreak\r\nagain"), "line\\nbreak\\nagain");
        assert_eq!(text("tab\there"), "tab here");
        assert_eq!(
            text("Договор № 17/2025: «Поддержка»"),
            "Договор № 17/2025: «Поддержка»"
        );
    }

    #[test]
    fn an_all_day_event_ends_the_next_day_and_a_birthday_recurs() {
        let cal = Calendar {
            name: "Книга, клиенты".into(),
            timezone: Some("Europe/Moscow".into()),
            stamp: d("2026-11-27").and_hms_opt(0, 0, 0).expect("time"),
            events: vec![
                Event {
                    uid: "clients/a/contracts/1/end-t1@rapport".into(),
                    when: When::Day(d("2026-12-31")),
                    repeat: Repeat::Never,
                    summary: "Конец срока".into(),
                    description: None,
                    location: None,
                    categories: vec!["contract".into()],
                    transparent: true,
                },
                Event {
                    uid: "b@rapport".into(),
                    when: When::Day(d("2000-02-29")),
                    repeat: Repeat::YearlyLastOfFebruary,
                    summary: "ДР".into(),
                    description: Some("a\nb".into()),
                    location: None,
                    categories: vec![],
                    transparent: true,
                },
            ],
        };
        let ics = cal.to_ics();
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
        assert!(ics.contains("X-WR-CALNAME:Книга\\, клиенты\r\n"));
        assert!(ics.contains("DTSTAMP:20261127T000000Z\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"));
        assert!(ics.contains("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n"));
        assert!(ics.contains("DESCRIPTION:a\\nb\r\n"));
        assert_eq!(ics, cal.to_ics(), "the same calendar, the same bytes");
    }

    #[test]
    fn timed_events_are_written_in_utc() {
        let start = d("2026-12-02").and_hms_opt(8, 0, 0).expect("time");
        let end = d("2026-12-02").and_hms_opt(9, 0, 0).expect("time");
        let cal = Calendar {
            name: "x".into(),
            timezone: None,
            stamp: start,
            events: vec![Event {
                uid: "m@rapport".into(),
                when: When::Utc { start, end },
                repeat: Repeat::Never,
                summary: "Встреча".into(),
                description: None,
                location: Some("Офис".into()),
                categories: vec![],
                transparent: false,
            }],
        };
        let ics = cal.to_ics();
        assert!(ics.contains("DTSTART:20261202T080000Z\r\nDTEND:20261202T090000Z\r\n"));
        assert!(!ics.contains("TRANSP"));
        assert!(!ics.contains("X-WR-TIMEZONE"));
    }
}
