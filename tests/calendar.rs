//! `rapport calendar`: the iCalendar feed, read back by an independent parser
//! (Python's `icalendar`, from the tests' own venv: tests/checkers) and checked byte
//! by byte for what RFC 5545 asks of the text itself.

mod checkers;
mod common;

use common::TempBook;
use serde_json::Value;

const TODAY: &str = "2026-11-27";

fn book() -> TempBook {
    let book = TempBook::new();
    book.write(
        "clients/acme/client.yaml",
        "name: Акме\ncontacts:\n\
         \x20 - {id: ivanov, name: Иван Иванов, position: Директор, birthday: 1980-04-12}\n\
         \x20 - {id: petrova, name: Анна Петрова, birthday: --02-29}\n\
         \x20 - {id: sidorov, name: Сидор Сидоров, birthday: --12-31}\n\
         \x20 - {id: nobday, name: Без Даты}\n",
    )
    .write(
        "clients/acme/meetings/2026-12-02-demo.yaml",
        "at: 2026-12-02T11:00\nformat: in_person\nplace: \"Офис, 3 этаж; переговорная\"\n\
         project: site\nagenda: [Показ макетов, Сроки]\n\
         attendees: {client: [ivanov], agency: [petrov]}\n",
    )
    .write(
        "clients/acme/projects/site.yaml",
        "title: Новый сайт компании с личным кабинетом, онлайн-оплатой и интеграцией с CRM\n\
         stage: active\ndeadline: 2026-12-15\ndeadline_tied_to: запуск продаж\n\
         tasks:\n\
         \x20 - {id: design, title: Дизайн, assignee: petrov, due: 2026-12-10}\n\
         \x20 - {id: copy, title: Тексты, due: 2026-12-01, done: 2026-11-30}\n\
         \x20 - {id: nodue, title: Без срока}\n",
    )
    .write(
        "clients/acme/projects/lost.yaml",
        "title: Проигран\nstage: lost\ndeadline: 2026-12-20\n\
         tasks: [{id: x, due: 2026-12-19}]\n",
    )
    .write(
        "clients/acme/contracts/2024-001.yaml",
        "number: \"1/2024\"\nstart: 2024-01-01\nend: 2024-12-31\n\
         renewal: {auto: true, term_months: 12, notice_days: 30}\n",
    )
    .write(
        "clients/acme/contracts/2026-002.yaml",
        "number: \"2/2026\"\nstart: 2026-04-01\nend: 2027-03-31\n",
    )
    .write(
        "clients/acme/contracts/2026-002-ds1.yaml",
        "number: ДС-1\nkind: supplement\nparent: 2026-002\nstart: 2026-06-01\nend: 2027-03-31\n",
    )
    .write(
        "clients/acme/contracts/2023-009.yaml",
        "number: \"9/2023\"\nstart: 2023-01-01\nend: 2023-12-31\nstatus: closed\n",
    )
    .write(
        "clients/acme/invoices/2026-0001.yaml",
        "number: 2026-0001\ndate: 2026-11-20\ndue: 2026-12-05\nlines: [{item: a, price: 1500}]\n",
    )
    .write(
        "clients/acme/invoices/2026-0002.yaml",
        "number: 2026-0002\ndate: 2026-11-02\nlines: [{item: a, price: 100}]\n\
         payments: [{date: 2026-11-03, amount: 100}]\n",
    )
    .write(
        "clients/acme/invoices/2026-0003.yaml",
        "number: 2026-0003\ndate: 2026-11-03\nstatus: draft\nlines: [{item: a, price: 100}]\n",
    )
    .write(
        "clients/gone/client.yaml",
        "name: Бывший\nstatus: former\ncontacts:\n  - {id: x, name: X, birthday: --05-05}\n",
    );
    book
}

/// Parses `ics` with Python's `icalendar` and returns every VEVENT as JSON. Fails
/// loudly when Python or the package is missing: the test must not pass unchecked.
fn parse_with_python(ics: &str) -> Vec<Value> {
    const SCRIPT: &str = r#"
import json, sys
try:
    import icalendar
except ImportError:
    print("the Python package `icalendar` is missing from the test checkers' venv", file=sys.stderr)
    sys.exit(3)
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
assert cal.get("VERSION") == "2.0", cal.get("VERSION")
assert cal.get("PRODID"), "PRODID"
events = []
for e in cal.walk("VEVENT"):
    start = e.decoded("DTSTART")
    end = e.decoded("DTEND")
    rrule = e.get("RRULE")
    cats = e.get("CATEGORIES")
    occurs = []
    if rrule:
        # Expand the recurrence with dateutil (icalendar's own dependency).
        from datetime import datetime
        from dateutil.rrule import rrulestr
        rule = rrulestr(rrule.to_ical().decode(), dtstart=datetime(start.year, start.month, start.day))
        occurs = [d.date().isoformat() for d in rule.between(datetime(2027, 1, 1), datetime(2028, 12, 31), inc=True)]
    events.append({
        "uid": str(e["UID"]),
        "stamp": e.decoded("DTSTAMP").isoformat(),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "all_day": not hasattr(start, "hour"),
        "rrule": rrule.to_ical().decode() if rrule else None,
        "occurs": occurs,
        "summary": str(e["SUMMARY"]),
        "description": str(e.get("DESCRIPTION", "")),
        "location": str(e["LOCATION"]) if "LOCATION" in e else None,
        "categories": [str(c) for c in cats.cats] if cats else [],
        "transparent": str(e.get("TRANSP", "")) == "TRANSPARENT",
    })
print(json.dumps(events, ensure_ascii=False))
"#;
    let mut child = checkers::checkers()
        .python()
        .arg("-c")
        .arg(SCRIPT)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("the checkers' python could not be run to check the calendar feed: {e}")
        });
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(ics.as_bytes()).expect("feed the parser");
    }
    let out = child.wait_with_output().expect("the checkers' python runs");
    assert!(
        out.status.success(),
        "Python's icalendar refused the feed (or is missing):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the parser's JSON")
}

fn feed(book: &TempBook) -> String {
    let run = book.run(&["calendar", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

#[test]
fn the_text_is_crlf_folded_at_75_octets() {
    let ics = feed(&book());
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{ics}"
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    let body = ics.strip_suffix("\r\n").expect("CRLF at the end");
    let mut folded = 0;
    for line in body.split("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line end in {line:?}"
        );
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        if line.starts_with(' ') {
            folded += 1;
        }
    }
    assert!(folded > 0, "the long Cyrillic title must have been folded");
}

#[test]
fn an_independent_parser_reads_every_event() {
    let events = parse_with_python(&feed(&book()));
    let uids: Vec<&str> = events
        .iter()
        .map(|e| e["uid"].as_str().expect("uid"))
        .collect();
    assert_eq!(
        uids,
        [
            "clients/acme/client/birthday/ivanov@rapport",
            "clients/acme/client/birthday/petrova@rapport",
            "clients/acme/client/birthday/sidorov@rapport",
            "clients/acme/invoices/2026-0002/due@rapport",
            "clients/acme/contracts/2024-001/notice-t3@rapport",
            "clients/acme/projects/site/task/copy@rapport",
            "clients/acme/meetings/2026-12-02-demo/meeting@rapport",
            "clients/acme/invoices/2026-0001/due@rapport",
            "clients/acme/projects/site/task/design@rapport",
            "clients/acme/projects/site/deadline@rapport",
            "clients/acme/contracts/2024-001/end-t3@rapport",
            "clients/acme/contracts/2026-002/end-t1@rapport",
        ],
        "sorted by date, then UID; nothing from lost projects, draft invoices, closed \
         contracts, supplements or former clients"
    );
    let by = |uid: &str| -> &Value {
        events
            .iter()
            .find(|e| e["uid"].as_str() == Some(uid))
            .expect(uid)
    };
    for e in &events {
        assert_eq!(e["stamp"], "2026-11-27T00:00:00+00:00", "{e}");
    }
    // The meeting: 11:00 in Moscow is 08:00 UTC, one hour; text with , and ; intact.
    let m = by("clients/acme/meetings/2026-12-02-demo/meeting@rapport");
    assert_eq!(m["start"], "2026-12-02T08:00:00+00:00");
    assert_eq!(m["end"], "2026-12-02T09:00:00+00:00");
    assert_eq!(m["all_day"], false);
    assert_eq!(m["transparent"], false);
    assert_eq!(m["location"], "Офис, 3 этаж; переговорная");
    assert_eq!(
        m["summary"],
        "Акме: очная встреча — Новый сайт компании с личным кабинетом, онлайн-оплатой и интеграцией с CRM"
    );
    assert_eq!(
        m["description"],
        "Повестка:\n• Показ макетов\n• Сроки\nУчастники: Иван Иванов, Пётр Петров\n\
         clients/acme/meetings/2026-12-02-demo.yaml"
    );
    // All-day events end the day after.
    let notice = by("clients/acme/contracts/2024-001/notice-t3@rapport");
    assert_eq!(
        (notice["start"].as_str(), notice["end"].as_str()),
        (Some("2026-12-01"), Some("2026-12-02"))
    );
    assert_eq!(notice["all_day"], true);
    assert_eq!(notice["transparent"], true);
    assert_eq!(notice["categories"], serde_json::json!(["contract"]));
    assert_eq!(
        notice["summary"],
        "Последний день уведомления: договор 1/2024 — Акме"
    );
    assert_eq!(
        by("clients/acme/contracts/2024-001/end-t3@rapport")["summary"],
        "Конец срока договора (продлится автоматически): 1/2024 — Акме"
    );
    assert_eq!(
        by("clients/acme/contracts/2026-002/end-t1@rapport")["summary"],
        "Окончание договора: 2/2026 — Акме"
    );
    assert_eq!(
        by("clients/acme/invoices/2026-0001/due@rapport")["summary"],
        "Срок оплаты счёта № 2026-0001 — Акме: 1\u{a0}500,00\u{a0}₽"
    );
    assert_eq!(
        by("clients/acme/projects/site/task/copy@rapport")["summary"],
        "Срок задачи: Тексты — Акме (выполнена)"
    );
    // The assignee by name, not by ID (it said "Исполнитель: petrov").
    assert_eq!(
        by("clients/acme/projects/site/task/design@rapport")["description"],
        "Новый сайт компании с личным кабинетом, онлайн-оплатой и интеграцией с CRM\n\
         Исполнитель: Пётр Петров\nclients/acme/projects/site.yaml"
    );
    // Birthdays recur yearly; 29 February on the last day of February.
    let b = by("clients/acme/client/birthday/ivanov@rapport");
    assert_eq!(
        (b["start"].as_str(), b["end"].as_str()),
        (Some("1980-04-12"), Some("1980-04-13"))
    );
    assert_eq!(b["occurs"], serde_json::json!(["2027-04-12", "2028-04-12"]));
    let b = by("clients/acme/client/birthday/petrova@rapport");
    assert_eq!(
        (b["start"].as_str(), b["end"].as_str()),
        (Some("2000-02-29"), Some("2000-03-01"))
    );
    assert_eq!(
        b["occurs"],
        serde_json::json!(["2027-02-28", "2028-02-29"]),
        "28 February in a common year"
    );
    let b = by("clients/acme/client/birthday/sidorov@rapport");
    assert_eq!(b["start"], "2000-12-31");
    assert_eq!(b["occurs"], serde_json::json!(["2027-12-31", "2028-12-31"]));
    assert_eq!(notice["occurs"], serde_json::json!([]), "no recurrence");
}

#[test]
fn the_paid_invoice_before_today_is_listed_as_paid() {
    // 2026-0002 has no `due`: date + the book's 5 payment days.
    let ics = feed(&book());
    let events = parse_with_python(&ics);
    let e = events
        .iter()
        .find(|e| e["uid"] == "clients/acme/invoices/2026-0002/due@rapport")
        .expect("paid invoice");
    assert_eq!(e["start"], "2026-11-07");
    assert!(
        e["summary"]
            .as_str()
            .is_some_and(|s| s.ends_with("(оплачен)")),
        "{e}"
    );
}

#[test]
fn the_same_book_gives_the_same_bytes_and_uids_survive_changes() {
    let book = book();
    let first = feed(&book);
    assert_eq!(first, feed(&book), "two runs, one feed");
    let uid_set = |ics: &str| -> std::collections::BTreeSet<String> {
        ics.split("\r\n")
            .filter_map(|l| l.strip_prefix("UID:"))
            .map(str::to_owned)
            .collect()
    };
    // Moving the meeting and adding a task changes events, not the other UIDs.
    book.write(
        "clients/acme/meetings/2026-12-02-demo.yaml",
        "at: 2026-12-03T15:00\nformat: video\n",
    );
    let second = feed(&book);
    assert_ne!(first, second);
    assert_eq!(uid_set(&first), uid_set(&second));
    // A day later only DTSTAMP moves (and what depends on today).
    let run = book.run(&["calendar", "--today", "2026-11-28"]);
    assert_eq!(
        run.stdout
            .replace("DTSTAMP:20261128T000000Z", "DTSTAMP:20261127T000000Z"),
        second
    );
}

#[test]
fn english_books_get_english_words_and_other_zones_their_offsets() {
    let book = book();
    book.write(
        "rapport.yaml",
        &format!(
            "{}locale: en\ntimezone: America/New_York\n",
            common::MINIMAL_SETTINGS
        ),
    );
    let events = parse_with_python(&feed(&book));
    let m = events
        .iter()
        .find(|e| e["uid"] == "clients/acme/meetings/2026-12-02-demo/meeting@rapport")
        .expect("meeting");
    assert_eq!(
        m["start"], "2026-12-02T16:00:00+00:00",
        "11:00 EST is 16:00 UTC"
    );
    assert!(
        m["summary"]
            .as_str()
            .is_some_and(|s| s.starts_with("Акме: in person")),
        "{m}"
    );
    assert!(
        events
            .iter()
            .any(|e| e["summary"] == "Renewal notice deadline: contract 1/2024 — Акме")
    );
}

#[test]
fn out_writes_the_feed_to_a_file_and_replaces_it() {
    let book = book();
    let out = book.path().join("feed.ics");
    let out_arg = out.to_str().expect("utf-8").to_owned();
    std::fs::write(&out, "old").expect("write");
    let run = book.run(&["calendar", "--today", TODAY, "--out", &out_arg]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("wrote {out_arg} (12 events)\n"));
    assert_eq!(std::fs::read_to_string(&out).expect("feed"), feed(&book));
    // A folder is not a file.
    let dir = book.path().to_str().expect("utf-8").to_owned();
    let run = book.run(&["calendar", "--today", TODAY, "--out", &dir]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is a folder"), "{}", run.stderr);
    // A folder that does not exist is an error of the file system, named.
    let missing = book.path().join("no/such/dir/feed.ics");
    std::fs::write(book.path().join("no"), "a file in the way").expect("write");
    let run = book.run(&[
        "calendar",
        "--today",
        TODAY,
        "--out",
        missing.to_str().expect("utf-8"),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("cannot write the calendar to"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_time_zone_is_said_and_taken_as_utc() {
    let book = book();
    book.write(
        "rapport.yaml",
        &format!("{}timezone: Mars/Olympus\n", common::MINIMAL_SETTINGS),
    );
    let run = book.run(&["calendar", "--today", TODAY]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("`Mars/Olympus` is not a time zone"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("DTSTART:20261202T110000Z\r\n"));
}

#[test]
fn the_example_book_feed_parses_with_unique_uids() {
    let run = common::rapport(&["calendar", "--book", "examples/agency", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let events = parse_with_python(&run.stdout);
    let uids: std::collections::BTreeSet<&str> = events
        .iter()
        .map(|e| e["uid"].as_str().expect("uid"))
        .collect();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    assert!(events.len() > 50, "{}", events.len());
    assert!(run.stdout.split("\r\n").all(|l| l.len() <= 75));
}

/// `calendar --assignee ID` on the example book: one event on the start and one on the
/// due date of each of that person's tasks, read back by Python's icalendar, the due
/// events with the whole feed's UIDs; an unknown person is refused.
#[test]
fn one_persons_calendar_has_their_task_starts_and_due_dates() {
    let example = common::example_book();
    let args = |extra: &[&str]| {
        let mut a = vec!["--book", example.to_str().expect("utf-8"), "--today", TODAY];
        a.extend_from_slice(extra);
        common::rapport(&a)
    };
    let r = args(&["calendar", "--assignee", "zaitsev"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("X-WR-CALNAME:Белый кит — Павел Зайцев\r\n"),
        "{}",
        r.stdout
    );
    let events = parse_with_python(&r.stdout);
    let tasks = args(&["tasks", "--assignee", "zaitsev", "--format", "json"]).json();
    let mut expected: Vec<(String, String)> = Vec::new();
    for t in tasks["tasks"].as_array().expect("tasks") {
        let base = format!(
            "{}/task/{}",
            t["file"].as_str().expect("file").trim_end_matches(".yaml"),
            t["id"].as_str().expect("id")
        );
        if let Some(start) = t["start"].as_str() {
            expected.push((format!("{base}/start@rapport"), start.to_owned()));
        }
        if let Some(due) = t["due"].as_str() {
            expected.push((format!("{base}@rapport"), due.to_owned()));
        }
    }
    let mut got: Vec<(String, String)> = events
        .iter()
        .map(|e| {
            assert_eq!(e["all_day"], true);
            assert_eq!(e["categories"], serde_json::json!(["task"]));
            (
                e["uid"].as_str().expect("uid").to_owned(),
                e["start"].as_str().expect("start").to_owned(),
            )
        })
        .collect();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    assert_eq!(
        got.len(),
        6,
        "three tasks, each with a start and a due date"
    );
    let crm = events
        .iter()
        .find(|e| e["uid"] == "clients/gorod-fitness/projects/landing-ny2027/task/crm@rapport")
        .expect("the CRM task's due date");
    assert_eq!(
        crm["summary"],
        "Срок задачи: Интеграция формы заявки с CRM клуба — Город Фитнес"
    );
    assert!(
        crm["description"]
            .as_str()
            .is_some_and(|d| d.contains("Задание: https://tracker.belykit.ru/GF-96")),
        "{crm}"
    );
    // The whole feed has the same due events, under the same UIDs.
    let whole = args(&["calendar"]);
    for (uid, _) in got.iter().filter(|(u, _)| !u.ends_with("/start@rapport")) {
        assert!(
            whole
                .stdout
                .replace("\r\n ", "")
                .contains(&format!("UID:{uid}\r\n")),
            "{uid}"
        );
    }
    let r = args(&["calendar", "--assignee", "zaytsev"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(
            "no team member or contractor `zaytsev` in this book\nhint: did you mean `zaitsev`?"
        ),
        "{}",
        r.stderr
    );
}
