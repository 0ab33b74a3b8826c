//! `rapport meeting report CLIENT/MEETING` renders the meeting report (Markdown or
//! HTML to stdout, or an `.eml` draft into a folder); `rapport meeting sent
//! CLIENT/MEETING` records `report.sent` and `report.to` in the meeting file, changing
//! only those lines (see [`crate::write::edit`]) and writing atomically.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use chrono::{NaiveDate, NaiveDateTime};

use crate::book::{self, Book, ClientBook, Entity, Kind};
use crate::cli::{DocFormat, MeetingCommand, MeetingReportArgs, MeetingSentArgs};
use crate::context::Context;
use crate::exit::Exit;
use crate::i18n::{Arg, Lang};
use crate::model::Meeting;
use crate::msg;
use crate::report::email;
use crate::report::meeting::{self as view, MeetingView};
use crate::report::templates::Templates;
use crate::write;
use crate::write::edit;
use crate::yaml::YamlPath;

/// Runs `rapport meeting`.
pub fn run(ctx: &Context, command: &MeetingCommand) -> Result<Exit> {
    match command {
        MeetingCommand::Report(args) => report(ctx, args),
        MeetingCommand::Sent(args) => sent(ctx, args),
    }
}

/// `CLIENT/MEETING`, or a path ending in `clients/CLIENT/meetings/MEETING.yaml`.
fn parse_ref(arg: &str) -> Result<(String, String)> {
    super::parse_entity_ref(
        arg,
        "meetings",
        "meeting",
        "lesnaya-polyana/2026-11-24-status",
    )
}

/// The meeting `arg` names, and its client.
fn locate<'b>(book: &'b Book, arg: &str) -> Result<(&'b ClientBook, &'b Entity<Meeting>)> {
    let (client_id, meeting_id) = parse_ref(arg)?;
    let client = crate::book::find_client(book, &client_id)?;
    if let Some(m) = client.meetings.iter().find(|m| m.id == meeting_id) {
        return Ok((client, m));
    }
    if client.has(Kind::Meeting, &meeting_id) {
        return Err(crate::i18n::hinted(
            crate::msg!(
                "meeting-unread",
                file = format!("clients/{client_id}/meetings/{meeting_id}")
            ),
            crate::msg!(
                "meeting-unread-hint",
                folder = format!("clients/{client_id}")
            ),
        ));
    }
    let ids: Vec<&str> = client.meetings.iter().map(|m| m.id.as_str()).collect();
    let hint = match crate::yaml::suggest(&meeting_id, &ids) {
        Some(id) => msg!("did-you-mean", name = format!("{client_id}/{id}")),
        None if ids.is_empty() => msg!(
            "entity-none-yet",
            kind = Arg::Word("meeting"),
            client = client_id.as_str()
        ),
        None => {
            let mut recent: Vec<&Entity<Meeting>> = client.meetings.iter().collect();
            recent.sort_by_key(|m| std::cmp::Reverse(m.data.at));
            let list: Vec<String> = recent
                .iter()
                .take(5)
                .map(|m| format!("{client_id}/{}", m.id))
                .collect();
            msg!(
                "entity-latest",
                kind = Arg::Word("meeting"),
                list = list.join(", ")
            )
        }
    };
    Err(super::hinted(
        msg!(
            "no-entity",
            kind = Arg::Word("meeting"),
            id = meeting_id.as_str(),
            client = client_id.as_str()
        ),
        hint,
    ))
}

/// The working day's start and end of the book (09:00–18:00 without settings).
fn workday(book: &Book) -> (chrono::NaiveTime, chrono::NaiveTime) {
    let cal = crate::domain::calendar::Calendar::from_settings(book.settings.as_ref());
    (cal.day_start, cal.day_end)
}

fn timezone(book: &Book) -> &str {
    book.settings
        .as_ref()
        .map_or("Europe/Moscow", |s| s.timezone.as_str())
}

fn report(ctx: &Context, args: &MeetingReportArgs) -> Result<Exit> {
    let book = ctx.load_for(parse_ref(&args.meeting))?;
    let (client, meeting) = locate(book, &args.meeting)?;
    let today = ctx.today(book);
    let locale = view::book_locale(book);
    let v = MeetingView::of(book, client, meeting);
    let templates = Templates::new(book.root(), locale)?;
    let rendered = view::render(&templates, locale, &v)?;
    let dangling = view::dangling(book, client, &meeting.data);
    let lang = ctx.lang;
    for why in &dangling {
        super::warning(
            lang,
            &msg!("in-file", file = meeting.file.as_str(), text = why.clone()),
        );
    }
    if !dangling.is_empty() {
        super::hint(lang, &msg!("meeting-bare-id-hint"));
    }
    if meeting.data.at.date() > today {
        super::warning(
            lang,
            &msg!(
                "meeting-in-future",
                day = Arg::Date {
                    date: meeting.data.at.date(),
                    today
                },
                today = Arg::Date { date: today, today }
            ),
        );
    }
    let Some(dir) = &args.eml else {
        let text = match args.format {
            DocFormat::Md => &rendered.markdown,
            DocFormat::Html => &rendered.html,
        };
        super::write_stdout(text.as_bytes())?;
        return Ok(Exit::Ok);
    };
    // The draft is dated when it can be sent: the meeting's time, or the start of
    // today's working day if that is later. Never the wall clock.
    let (start, _) = workday(book);
    let at = meeting.data.at.0.max(today.and_time(start));
    let date = email::date_header(at, timezone(book));
    let plan = view::draft(book, &v, &rendered, date)?;
    let bytes = email::build(&plan.draft)?;
    let path = dir.join(format!("{}-{}.eml", client.id, meeting.id));
    write::replace(&path, &bytes)?;
    super::write_stdout(format!("{}\n", path.display()).as_bytes())?;
    for who in &plan.left_out {
        super::warning(lang, &msg!("draft-left-out", who = who.clone()));
    }
    if plan.draft.to.is_empty() {
        super::warning(lang, &msg!("draft-no-recipient"));
    }
    Ok(Exit::Ok)
}

/// `YYYY-MM-DDTHH:MM`, with seconds only when there are any.
fn datetime_text(at: NaiveDateTime) -> String {
    if at.format("%S").to_string() == "00" {
        at.format("%Y-%m-%dT%H:%M").to_string()
    } else {
        at.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

/// When the report was sent: `--at`, else today at the end of the working day (or
/// the meeting's time, if that is later). Checked against the meeting and today.
fn sent_at(
    book: &Book,
    meeting: &Meeting,
    at: Option<NaiveDateTime>,
    today: NaiveDate,
) -> Result<NaiveDateTime> {
    let held = meeting.at.0;
    if held.date() > today {
        return Err(super::localized(crate::msg!(
            "meeting-sent-in-future",
            at = crate::i18n::Arg::FullMoment(held),
            today = crate::i18n::Arg::FullDate(today)
        )));
    }
    let at = match at {
        Some(at) => at,
        None => {
            let (_, end) = workday(book);
            today.and_time(end).max(held)
        }
    };
    if at < held {
        return Err(super::localized(crate::msg!(
            "meeting-sent-before-held",
            at = Arg::FullMoment(at),
            held = Arg::FullMoment(held)
        )));
    }
    if at.date() > today {
        return Err(super::localized(crate::msg!(
            "meeting-sent-after-today",
            at = Arg::FullMoment(at),
            today = Arg::FullDate(today)
        )));
    }
    Ok(at)
}

/// The recipients: `--to` (each a contact of the client), else the client's attendees.
fn recipients(client: &ClientBook, meeting: &Meeting, to: &[String]) -> Result<Vec<String>> {
    if to.is_empty() {
        return Ok(meeting.attendees.client.clone());
    }
    let contacts: Vec<&str> = client
        .client
        .as_ref()
        .map(|c| c.data.contacts.iter().map(|p| p.id.as_str()).collect())
        .unwrap_or_default();
    let mut out: Vec<String> = Vec::new();
    for id in to {
        let id = id.trim();
        if client.contact(id).is_none() {
            let hint = super::hint_for(
                id,
                &contacts,
                crate::msg!("meeting-no-contacts", client = client.id.as_str()),
                |ids| crate::msg!("meeting-its-contacts", ids = ids.join(", ")),
            );
            return Err(super::hinted(
                crate::msg!(
                    "meeting-not-a-contact",
                    id = id,
                    client = client.id.as_str()
                ),
                hint,
            ));
        }
        if !out.iter().any(|o| o == id) {
            out.push(id.to_owned());
        }
    }
    Ok(out)
}

/// The meeting file's new text: `report.sent` set, the recipients added to
/// `report.to`. Every other byte is kept.
pub(crate) fn record_sent(
    text: &str,
    current: &Meeting,
    at: &str,
    to: &[String],
) -> Result<String> {
    let report = YamlPath::root().key("report");
    let mut out = if current
        .report
        .as_ref()
        .and_then(|r| r.sent)
        .map(|s| datetime_text(s.0))
        == Some(at.to_owned())
    {
        text.to_owned()
    } else {
        edit::set(text, &report.key("sent"), at)?
    };
    let listed: Vec<String> = current
        .report
        .as_ref()
        .map(|r| r.to.clone())
        .unwrap_or_default();
    let missing: Vec<&String> = to.iter().filter(|id| !listed.contains(id)).collect();
    if missing.is_empty() {
        return Ok(out);
    }
    if to_is_a_list(&out) {
        for id in missing {
            out = edit::append(&out, &report.key("to"), id)?;
        }
    } else {
        let items: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
        out = edit::set(&out, &report.key("to"), &format!("[{}]", items.join(", ")))?;
    }
    Ok(out)
}

/// Is `report.to` in `text` a list (block or flow) that items can be appended to?
fn to_is_a_list(text: &str) -> bool {
    let Ok(tree) = crate::yaml::parse(text, &crate::yaml::Limits::default()) else {
        return false;
    };
    tree.get(tree.root(), "report")
        .and_then(|(_, report)| tree.get(report, "to"))
        .is_some_and(|(_, to)| tree.node(tree.resolve(to)).kind == crate::yaml::NodeKind::Seq)
}

fn sent(ctx: &Context, args: &MeetingSentArgs) -> Result<Exit> {
    let book = ctx.load_for(parse_ref(&args.meeting))?;
    let (client, meeting) = locate(book, &args.meeting)?;
    let today = ctx.today(book);
    let at = sent_at(book, &meeting.data, args.at, today)?;
    let to = recipients(client, &meeting.data, &args.to)?;
    let path: PathBuf = write::book_path(book.root(), &meeting.file)?;
    let text = std::fs::read_to_string(&path).map_err(|e| super::cannot_read(&meeting.file, &e))?;
    // The file as it is now (it may have changed since the book was loaded).
    let mut findings = Vec::new();
    let Some(current) = book::parse_entity::<Meeting>(&meeting.file, &text, &mut findings) else {
        return Err(super::hinted(
            crate::msg!("meeting-unread-now", file = meeting.file.as_str()),
            crate::msg!("meeting-unread-now-hint", file = meeting.file.as_str()),
        ));
    };
    let at_text = datetime_text(at);
    let new_text = record_sent(&text, &current, &at_text, &to)
        .with_context(|| format!("cannot edit {}", meeting.file))?;
    check_edit(&meeting.file, &new_text, at, &to)?;
    let previous = current.report.as_ref().and_then(|r| r.sent);
    let lang = ctx.lang;
    if new_text == text {
        super::say_out(
            lang,
            &msg!("already-recorded", file = meeting.file.as_str()),
        )?;
        return Ok(Exit::Ok);
    }
    write::replace(&path, new_text.as_bytes())?;
    let when = match lang {
        Lang::En => at_text.clone(),
        _ => format!(
            "{}, {}",
            crate::i18n::day_ru(at.date(), today),
            at.format("%H:%M")
        ),
    };
    super::say_out(
        lang,
        &msg!(
            "report-sent",
            file = meeting.file.as_str(),
            at = when,
            count = to.len(),
            to = Arg::Ids(to.clone())
        ),
    )?;
    if let Some(prev) = previous.filter(|p| p.0 != at) {
        super::note(
            lang,
            &msg!(
                "report-sent-before",
                before = Arg::FullMoment(prev.0),
                now = Arg::FullMoment(at)
            ),
        );
    }
    if to.is_empty() {
        super::note(lang, &msg!("report-no-recipients"));
    }
    Ok(Exit::Ok)
}

/// The edited file must read as a meeting, with no error, and say what was recorded.
fn check_edit(file: &str, text: &str, at: NaiveDateTime, to: &[String]) -> Result<()> {
    super::duty_support::read_back(file, text, msg!("read-back-as-recorded"), |m: &Meeting| {
        m.report.as_ref().is_some_and(|r| {
            r.sent.map(|s| s.0) == Some(at) && to.iter().all(|id| r.to.contains(id))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(text: &str) -> Meeting {
        let mut findings = Vec::new();
        book::parse_entity::<Meeting>("m.yaml", text, &mut findings)
            .unwrap_or_else(|| panic!("test meeting: {findings:?}"))
    }

    fn dt(s: &str) -> NaiveDateTime {
        crate::model::time::parse_datetime(s).expect("test date-time")
    }

    fn record(text: &str, at: &str, to: &[&str]) -> String {
        let to: Vec<String> = to.iter().map(|s| (*s).to_owned()).collect();
        let out = record_sent(text, &meeting(text), at, &to).expect("edit");
        check_edit("m.yaml", &out, dt(at), &to).expect("reads back as recorded");
        out
    }

    const BASE: &str = "at: 2026-11-18T14:00   # c\nformat: call\n";

    #[test]
    fn records_into_a_file_without_a_report() {
        assert_eq!(
            record(BASE, "2026-11-18T19:30", &["a", "b"]),
            format!("{BASE}report:\n  sent: 2026-11-18T19:30\n  to: [a, b]\n")
        );
        assert_eq!(
            record(BASE, "2026-11-18T19:30", &[]),
            format!("{BASE}report:\n  sent: 2026-11-18T19:30\n")
        );
    }

    #[test]
    fn adds_only_missing_recipients_to_an_existing_list() {
        let text = format!("{BASE}report:\n  to: [a]   # first\n");
        assert_eq!(
            record(&text, "2026-11-19T09:00", &["a", "b"]),
            format!("{BASE}report:\n  to: [a, b]   # first\n  sent: 2026-11-19T09:00\n")
        );
        let text = format!("{BASE}report:\n  sent: 2026-11-19T09:00\n  to:\n    - a\n");
        assert_eq!(
            record(&text, "2026-11-19T09:00", &["a", "c"]),
            format!("{BASE}report:\n  sent: 2026-11-19T09:00\n  to:\n    - a\n    - c\n")
        );
        let same = format!("{BASE}report: {{sent: 2026-11-19T09:00, to: [a]}}\n");
        assert_eq!(
            record(&same, "2026-11-19T09:00", &["a"]),
            same,
            "nothing to do"
        );
    }

    #[test]
    fn an_edit_that_does_not_read_back_is_refused() {
        let err = check_edit("m.yaml", "at: [\n", dt("2026-11-19T09:00"), &[])
            .expect_err("broken")
            .to_string();
        assert!(
            err.contains("would not read back as recorded (E01"),
            "{err}"
        );
        let err = check_edit("m.yaml", BASE, dt("2026-11-19T09:00"), &[])
            .expect_err("not recorded")
            .to_string();
        assert!(err.contains("(values differ)"), "{err}");
    }

    #[test]
    fn seconds_only_when_there_are_any() {
        assert_eq!(datetime_text(dt("2026-11-18T19:30")), "2026-11-18T19:30");
        assert_eq!(
            datetime_text(dt("2026-11-18T19:30:15")),
            "2026-11-18T19:30:15"
        );
    }

    #[test]
    fn meeting_references() {
        let ok = |s: &str| parse_ref(s).expect("parses");
        assert_eq!(ok("a/b"), ("a".into(), "b".into()));
        assert_eq!(ok("clients/a/meetings/b.yaml"), ("a".into(), "b".into()));
        assert_eq!(
            ok("/x/book/clients/a/meetings/b.yml"),
            ("a".into(), "b".into())
        );
        assert_eq!(ok("clients\\a\\meetings\\b.yaml"), ("a".into(), "b".into()));
        for bad in ["a", "a/", "/b", "a/b/c", "clients/a/log/b.yaml", "b.yaml"] {
            assert!(parse_ref(bad).is_err(), "{bad}");
        }
    }
}
