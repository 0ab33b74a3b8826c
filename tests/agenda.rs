//! `rapport agenda`: a fixture book with today pinned to a Friday before a weekend
//! and a Monday holiday; and the promise that the agenda shows exactly what the audit
//! would flag tomorrow if nothing is done today, checked against the audit itself.

mod common;
mod report_support;

use std::collections::BTreeSet;
use std::path::Path;

use common::{TempBook, example_book, fixture, rapport_in};
use report_support::{assert_golden, copy_dir};
use serde_json::Value;

fn agenda_json(dir: &Path, today: &str, days: &str) -> Value {
    let r = rapport_in(
        dir,
        &[
            "--book",
            dir.to_str().expect("utf-8"),
            "--today",
            today,
            "agenda",
            "--days",
            days,
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.json()
}

fn audit_json(dir: &Path, today: &str) -> Value {
    let r = rapport_in(
        dir,
        &[
            "--book",
            dir.to_str().expect("utf-8"),
            "--today",
            today,
            "audit",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.json()
}

type Spot = (String, String, u64);

fn spot(v: &Value) -> Spot {
    (
        v["code"].as_str().expect("code").to_owned(),
        v["file"].as_str().expect("file").to_owned(),
        v["line"].as_u64().expect("line"),
    )
}

/// Does the audit's finding `f` report something done, only late, or a fact of the
/// past that can no longer be acted on (by the audit's own words)? Such a finding is
/// not a to-do, so the agenda leaves it out.
fn done_late(f: &Value) -> bool {
    let message = f["message"].as_str().unwrap_or_default();
    let says = match f["code"].as_str().unwrap_or_default() {
        "R02" => ": report sent on ",
        "R06" => " late; the answer was due",
        "R08" => ": the client was told on ",
        "R14" => ": called back on ",
        "R22" => " confirmed it only on ",
        // Facts of the past: a chase, a brief confirmed after the work began, a
        // layout begun before its copy, a late arrival, work begun without a meeting.
        "R01" => " had to chase us by ",
        "R03" => "the brief was confirmed only on ",
        "R05" => " before its copy was ready on ",
        "R10" => "we were ",
        "R26" => " started on ",
        _ => return false,
    };
    message.contains(says)
}

/// The audit's errors and warnings as of `today`, but for what was done late.
fn flagged(dir: &Path, today: &str) -> BTreeSet<Spot> {
    audit_json(dir, today)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] != "info" && !f["code"].as_str().unwrap_or("E").starts_with('E'))
        .filter(|f| !done_late(f))
        .map(spot)
        .collect()
}

fn next_day(today: &str) -> String {
    let d = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d").expect("date");
    (d + chrono::Days::new(1)).format("%Y-%m-%d").to_string()
}

/// The contract file of a renewal finding (D01: the notice date is near; D02: it
/// passed). The agenda shows one item per contract's renewal: it is one decision.
fn renewal(s: &Spot) -> Option<&str> {
    matches!(s.0.as_str(), "D01" | "D02").then_some(s.1.as_str())
}

/// Overdue items are what the audit flags today; items due today are what it
/// starts flagging tomorrow: together, everything it flags tomorrow — but for a
/// contract's renewal, which is on the agenda once, under its more urgent day.
fn assert_agenda_is_tomorrows_audit(dir: &Path, today: &str) {
    let tomorrow = next_day(today);
    let agenda = agenda_json(dir, today, "7");
    let items = agenda["items"].as_array().expect("items");
    let renewals: Vec<Spot> = items
        .iter()
        .filter(|i| i["kind"] == "rule")
        .map(spot)
        .filter(|s| renewal(s).is_some())
        .collect();
    for (n, s) in renewals.iter().enumerate() {
        assert!(
            !renewals[..n].iter().any(|r| renewal(r) == renewal(s)),
            "{today}: the renewal of {} is on the agenda twice",
            s.1
        );
    }
    let on_agenda_already =
        |s: &Spot| renewal(s).is_some_and(|file| renewals.iter().any(|r| renewal(r) == Some(file)));
    let overdue: BTreeSet<Spot> = items
        .iter()
        .filter(|i| i["overdue"] == true)
        .map(spot)
        .collect();
    let due_today: BTreeSet<Spot> = items
        .iter()
        .filter(|i| i["kind"] == "rule" && i["flagged_from"] == tomorrow.as_str())
        .map(spot)
        .collect();
    let now = flagged(dir, today);
    let then = flagged(dir, &tomorrow);
    assert_eq!(
        overdue, now,
        "{today}: the overdue items are the audit's findings today"
    );
    let new_tomorrow: BTreeSet<Spot> = then
        .difference(&now)
        .filter(|s| !on_agenda_already(s) || due_today.contains(*s))
        .cloned()
        .collect();
    // A missed-birthday warning may be folded into the birthday itself; none is due
    // the day after the birthday, so here the sets must be equal.
    assert_eq!(
        due_today, new_tomorrow,
        "{today}: due today = what the audit starts flagging tomorrow"
    );
    for s in &then {
        assert!(
            overdue.contains(s) || due_today.contains(s) || on_agenda_already(s),
            "{today}: {s:?} is flagged tomorrow but not on the agenda"
        );
    }
}

#[test]
fn the_agenda_is_what_the_audit_flags_tomorrow_in_the_fixture() {
    let dir = fixture("agenda-book");
    for today in [
        "2026-12-03",
        "2026-12-04",
        "2026-12-05",
        "2026-12-07",
        "2026-12-08",
        "2026-12-09",
    ] {
        assert_agenda_is_tomorrows_audit(&dir, today);
    }
}

#[test]
fn the_agenda_is_what_the_audit_flags_tomorrow_in_the_example_book() {
    let dir = example_book();
    for today in [
        "2026-11-27",
        "2026-11-30",
        "2026-12-01",
        "2026-12-03",
        "2026-12-04",
    ] {
        assert_agenda_is_tomorrows_audit(&dir, today);
    }
}

#[test]
fn agenda_text_on_a_friday_before_a_weekend_and_a_holiday() {
    let r = rapport_in(
        &fixture("agenda-book"),
        &["--today", "2026-12-04", "agenda"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    assert_golden("agenda-2026-12-04.txt", &r.stdout);
}

/// The same agenda in Russian: every rule's to-do worded from the Russian catalog.
#[test]
fn agenda_text_in_russian() {
    let r = rapport_in(
        &fixture("agenda-book"),
        &["--today", "2026-12-04", "--lang", "ru", "agenda"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    assert_golden("agenda-2026-12-04.ru.txt", &r.stdout);
}

/// (act_on, tag, date) of every item, in order.
fn outline(agenda: &Value) -> Vec<(String, String, String)> {
    agenda["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            let tag = i["code"].as_str().map_or_else(
                || i["kind"].as_str().unwrap_or("").to_owned(),
                str::to_owned,
            );
            let when = if i["overdue"] == true {
                "overdue".to_owned()
            } else {
                i["act_on"].as_str().unwrap_or("").to_owned()
            };
            (when, tag, i["date"].as_str().unwrap_or("-").to_owned())
        })
        .collect()
}

#[test]
fn due_dates_on_days_off_move_to_the_working_day_before() {
    let agenda = agenda_json(&fixture("agenda-book"), "2026-12-04", "7");
    assert_eq!(agenda["version"], 1);
    assert_eq!(agenda["today"], "2026-12-04");
    assert_eq!(agenda["until"], "2026-12-11");
    let o = outline(&agenda);
    let s = |a: &str, b: &str, c: &str| (a.to_owned(), b.to_owned(), c.to_owned());
    assert_eq!(
        o,
        vec![
            s("overdue", "D04", "-"),
            s("overdue", "R06", "-"),
            s("overdue", "R17", "-"),
            s("overdue", "D01", "-"),
            // Invoice 2026-0005 of 2026-11-10 has no act (D13).
            s("overdue", "D13", "-"),
            // The report of yesterday's meeting is due by tonight.
            s("2026-12-04", "R02", "2026-12-04"),
            // A promise for Sunday and an invoice due on the Monday holiday: today.
            s("2026-12-04", "R17", "2026-12-06"),
            s("2026-12-04", "D04", "2026-12-07"),
            // Invoice 2026-0006 of 2026-11-27: its act is due within 5 working days.
            s("2026-12-04", "D13", "2026-12-04"),
            s("2026-12-04", "R23", "2026-12-04"),
            // A task starting on the holiday must be acknowledged before it.
            s("2026-12-04", "R22", "2026-12-06"),
            s("2026-12-04", "meeting", "2026-12-04"),
            // A birthday on Sunday: greet on Friday.
            s("2026-12-04", "birthday", "2026-12-06"),
            // Today's meeting and tonight's missed call: the audit's working days skip
            // the weekend and the holiday, so they are due on Tuesday.
            s("2026-12-08", "R14", "2026-12-08"),
            s("2026-12-08", "R02", "2026-12-08"),
            s("2026-12-08", "R07", "2026-12-08"),
            // Contract 10/2025's notice date is Wednesday: D01 warns today and D02 would
            // fire on Thursday. One decision, so one item, the overdue D01 (it names
            // the notice date); not a second one under Wednesday.
            s("2026-12-09", "birthday", "2026-12-09"),
            s("2026-12-10", "meeting", "2026-12-10"),
            s("2026-12-11", "R02", "2026-12-11"),
        ]
    );
    let items = agenda["items"].as_array().expect("items");
    assert_eq!(
        items[3]["text"],
        "decide on renewing contract 10/2025 (term ends Thu 31 Dec): the notice is due by Wed 9 Dec"
    );
    let birthday = &items[12];
    assert_eq!(birthday["client"], "beta");
    assert_eq!(birthday["file"], "clients/beta/client.yaml");
    assert_eq!(birthday["line"], 4);
    assert_eq!(
        birthday["text"],
        "birthday of Анна Сидорова, Бренд-менеджер, turns 46 on Sun 6 Dec — +7 900 000-00-02"
    );
    let invoice = &items[7];
    assert_eq!(invoice["flagged_from"], "2026-12-08");
    assert_eq!(invoice["severity"], "error");
    assert_eq!(
        invoice["text"],
        "payment of invoice 2026-0007 (60000.00 RUB unpaid) — due Mon 7 Dec"
    );
    assert!(
        invoice["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("invoice 2026-0007 was due on 2026-12-07, 1 day ago")),
        "the audit's own words on the day it flags it: {}",
        invoice["message"]
    );
    assert!(
        !items.iter().any(|i| i["client"] == "gamma"),
        "a former client's birthday is not on the agenda"
    );
}

#[test]
fn a_shorter_window_and_a_weekend_day() {
    let o = outline(&agenda_json(&fixture("agenda-book"), "2026-12-04", "0"));
    assert!(
        o.iter()
            .all(|(when, _, _)| when == "overdue" || when == "2026-12-04"),
        "{o:?}"
    );
    assert!(
        o.iter()
            .any(|(_, tag, date)| tag == "R17" && date == "2026-12-06"),
        "due Sunday, shown today: {o:?}"
    );
    // On Saturday, what is due on Sunday or on the holiday is due today.
    let o = outline(&agenda_json(&fixture("agenda-book"), "2026-12-05", "1"));
    assert!(
        o.contains(&(
            "2026-12-05".to_owned(),
            "R17".to_owned(),
            "2026-12-06".to_owned()
        )),
        "{o:?}"
    );
    let r = rapport_in(&fixture("agenda-book"), &["agenda", "--days", "400"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("400 is not in 0..=366"), "{}", r.stderr);
}

#[test]
fn what_was_done_late_is_not_on_the_agenda_but_stays_in_the_audit() {
    let book = TempBook::empty();
    copy_dir(&fixture("agenda-book"), book.path());
    let today = "2026-12-09";
    let meeting = "clients/alfa/meetings/2026-12-03-status.yaml";
    let call = "clients/alfa/log/2026-12-04-zvonok.yaml";
    let texts = |agenda: &Value, file: &str| -> Vec<String> {
        agenda["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter(|i| i["file"] == file)
            .map(|i| i["text"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    // Not done: on the agenda, as overdue.
    let agenda = agenda_json(book.path(), today, "7");
    assert_eq!(
        texts(&agenda, meeting),
        ["send the report of the meeting on Thu 3 Dec with Иван Иванов"]
    );
    assert_eq!(
        texts(&agenda, call),
        [
            "call back Иван Иванов (+7 900 000-00-01, ivanov@alfa.ru) — missed call of Fri 4 Dec \
             17:00"
        ]
    );
    // Done, late: the report sent on Monday, the call returned today.
    book.write(
        meeting,
        &(book.read(meeting) + "report: {sent: 2026-12-07T10:00, to: [ivanov]}\n"),
    );
    book.write(call, &(book.read(call) + "replied: 2026-12-09T12:00\n"));
    let agenda = agenda_json(book.path(), today, "7");
    assert!(texts(&agenda, meeting).is_empty(), "{agenda:#}");
    assert!(texts(&agenda, call).is_empty(), "{agenda:#}");
    // The audit still reports the lateness.
    let audit = audit_json(book.path(), today);
    let late: Vec<&str> = audit["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["file"] == meeting || f["file"] == call)
        .map(|f| f["message"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(late.len(), 2, "{late:?}");
    assert!(
        late.iter().any(|m| m.contains("report sent on 2026-12-07")),
        "{late:?}"
    );
    assert!(
        late.iter()
            .any(|m| m.contains("called back on 2026-12-09 at 12:00")),
        "{late:?}"
    );
    // And the agenda is still exactly tomorrow's audit, less what was done.
    assert_agenda_is_tomorrows_audit(book.path(), today);
}

#[test]
fn items_are_titled_by_what_they_are_and_a_renewal_is_listed_once() {
    let agenda = agenda_json(&example_book(), "2026-11-27", "7");
    let items = agenda["items"].as_array().expect("items");
    let of = |code: &str, file: &str| -> Vec<String> {
        items
            .iter()
            .filter(|i| i["code"] == code && i["file"] == file)
            .map(|i| i["text"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    // R01 (b): a missed cadence is not a client who had to chase us; the headline
    // says what to do, not the audit's line again (which the text shows below it).
    assert_eq!(
        of("R01", "clients/trudnyi-klient/client.yaml"),
        ["get in touch: no proactive contact since Thu 19 Nov"]
    );
    // A chase is a fact of the past: the audit reports it, the agenda has nothing to
    // do about it.
    assert!(
        of(
            "R01",
            "clients/trudnyi-klient/log/2026-11-24-gde-makety.yaml"
        )
        .is_empty(),
        "{agenda:#}"
    );
    // Contract 20/2026: D01 today (its notice date, Tue 1 Dec, is near) and D02 from
    // Wed 2 Dec (it passed) are one decision: one item, overdue, naming the date.
    let contract = "clients/trudnyi-klient/contracts/2026-020.yaml";
    assert_eq!(
        of("D01", contract),
        [
            "decide on renewing contract 20/2026 (term ends Thu 31 Dec 2026): the notice is due by Tue 1 Dec"
        ]
    );
    assert!(of("D02", contract).is_empty(), "{agenda:#}");
    let d01 = items
        .iter()
        .find(|i| i["code"] == "D01" && i["file"] == contract)
        .expect("D01");
    assert_eq!(d01["overdue"], true);
}

#[test]
fn a_waived_finding_is_not_on_the_agenda() {
    let book = TempBook::empty();
    copy_dir(&fixture("agenda-book"), book.path());
    let file = "clients/alfa/log/2026-12-01-pismo.yaml";
    let text = book.read(file) + "waive: [{rule: R06, reason: ответили по телефону}]\n";
    book.write(file, &text);
    let agenda = agenda_json(book.path(), "2026-12-04", "7");
    assert!(
        !agenda["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|i| i["file"] == file),
        "{agenda}"
    );
}

#[test]
fn an_empty_book_has_nothing_to_do() {
    let book = TempBook::new();
    let r = book.run(&["--today", "2026-12-04", "agenda"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "Agenda for Friday 4 December 2026 and the next 7 days (to Fri 11 Dec)\n\n\
         Nothing to do: no report, answer, promise, deadline, invoice, notice date, meeting or birthday is due.\n"
    );
}

#[test]
fn an_unreadable_file_is_named() {
    let book = TempBook::empty();
    copy_dir(&fixture("agenda-book"), book.path());
    book.write("clients/alfa/meetings/2026-12-08-broken.yaml", "at: [\n");
    let r = book.run(&["--today", "2026-12-04", "agenda"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: 1 file could not be read"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("clients/alfa/meetings/2026-12-08-broken.yaml"),
        "{}",
        r.stderr
    );
}

#[test]
fn no_book_is_an_error() {
    let dir = TempBook::empty();
    let r = rapport_in(dir.path(), &["agenda"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
}

#[test]
fn no_item_repeats_its_audit_line_as_its_headline() {
    // R01's to-do was the audit's message again, printed twice, one under the other.
    let r = rapport_in(
        &example_book(),
        &[
            "--today",
            "2026-11-27",
            "--no-cache",
            "agenda",
            "--days",
            "30",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let mut audit_lines = 0;
    for pair in lines.windows(2) {
        let Some(audit) = pair[1].trim_start().strip_prefix("audit: ") else {
            continue;
        };
        audit_lines += 1;
        let headline = pair[0].get(11..).unwrap_or_default();
        assert!(
            !headline.ends_with(audit) && !audit.ends_with(headline),
            "{}\n{}",
            pair[0],
            pair[1]
        );
    }
    assert!(audit_lines > 5, "{}", r.stdout);
}
