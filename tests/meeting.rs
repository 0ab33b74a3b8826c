//! `rapport meeting report` (Markdown in both languages, HTML, the `.eml` draft read
//! back by Python's `email` package, book templates) and `rapport meeting sent`
//! (a minimal edit of a heavily commented file, atomically written).

mod common;
mod report_support;

use std::fs;
use std::path::Path;

use common::{Run, TempBook, fixture, rapport_in};
use report_support::{assert_golden, assert_wire_format, copy_dir, parse_eml};
use serde_json::json;

const MEETING: &str = "romashka/2026-11-18-kickoff";
const MEETING_FILE: &str = "clients/romashka/meetings/2026-11-18-kickoff.yaml";

/// A copy of `tests/fixtures/meeting-book` in a temporary folder, in `locale`.
fn copy_book(locale: &str) -> TempBook {
    let book = TempBook::empty();
    copy_dir(&fixture("meeting-book"), book.path());
    let settings = book
        .read("rapport.yaml")
        .replace("locale: ru", &format!("locale: {locale}"));
    book.write("rapport.yaml", &settings);
    book
}

fn run(book: &TempBook, args: &[&str]) -> Run {
    let mut all = vec!["--today", "2026-11-20"];
    all.extend_from_slice(args);
    book.run(&all)
}

#[test]
fn markdown_report_in_russian_matches_the_golden_file() {
    let r = rapport_in(
        &fixture("meeting-book"),
        &["--today", "2026-11-20", "meeting", "report", MEETING],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    assert_golden("meeting-ru.md", &r.stdout);
    assert!(
        r.stdout
            .starts_with("# Итоги встречи 18.11.2026 — Ромашка\n")
    );
    assert!(r.stdout.contains("18 ноября 2026, среда, 14:00"));
    assert!(
        r.stdout
            .contains("| 1 | Прислать изложение брифа \\| на подтверждение |"),
        "pipes escaped in a table cell"
    );
}

#[test]
fn markdown_report_in_english_matches_the_golden_file() {
    let book = copy_book("en");
    let r = run(&book, &["meeting", "report", MEETING]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_golden("meeting-en.md", &r.stdout);
    assert!(
        r.stdout
            .starts_with("# Meeting summary 18 Nov 2026 — Ромашка\n")
    );
    assert!(r.stdout.contains("Wednesday, 18 November 2026, 14:00"));
    assert!(
        r.stdout
            .contains("| 3 | Подготовить три концепции | Виктория Ким | 1 Dec 2026 | open |")
    );
}

#[test]
fn html_report_escapes_the_books_text() {
    let r = rapport_in(
        &fixture("meeting-book"),
        &[
            "--today",
            "2026-11-20",
            "meeting",
            "report",
            MEETING,
            "--format",
            "html",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("<!DOCTYPE html>\n<html lang=\"ru\">"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("Бюджет &lt;500 тыс. ₽ &amp; без учёта печати."),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains("<500"),
        "no raw text of the book in HTML"
    );
    assert!(r.stdout.contains("<li>Делаем три концепции</li>"));
}

#[test]
fn a_meeting_can_be_named_by_its_file() {
    let r = rapport_in(
        &fixture("meeting-book"),
        &["--today", "2026-11-20", "meeting", "report", MEETING_FILE],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("# Итоги встречи 18.11.2026 — Ромашка\n")
    );
}

/// Writes the draft and reads it back with Python.
fn draft(book: &TempBook, extra: &[&str]) -> (Run, Vec<u8>, serde_json::Value) {
    let out = book.path().join("out");
    let out_s = out.to_str().expect("utf-8 path").to_owned();
    let mut args = vec!["meeting", "report", MEETING, "--eml", &out_s];
    args.extend_from_slice(extra);
    let r = run(book, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let path = out.join("romashka-2026-11-18-kickoff.eml");
    assert_eq!(r.stdout, format!("{}\n", path.display()));
    let bytes = fs::read(&path).expect("the draft was written");
    let parsed = parse_eml(&path);
    (r, bytes, parsed)
}

#[test]
fn the_email_draft_reads_back_with_pythons_email_package() {
    let book = copy_book("ru");
    let (r, bytes, m) = draft(&book, &[]);
    assert_wire_format(&bytes);
    assert_eq!(m["defects"], json!([]), "Python found no defect");
    assert_eq!(m["subject"], "Итоги встречи 18.11.2026 — Ромашка");
    assert_eq!(m["x_unsent"], "1");
    assert_eq!(m["mime_version"], "1.0");
    // Today at the start of the working day: later than the meeting, never the clock.
    assert_eq!(m["date"], "Fri, 20 Nov 2026 09:00:00 +0300");
    let id = m["message_id"].as_str().expect("a Message-ID");
    assert!(
        id.starts_with("<meeting.romashka.2026-11-18-kickoff.") && id.ends_with("@belykit.ru>"),
        "{id}"
    );
    assert_eq!(
        m["from"],
        json!([{"name": "Анна Орлова", "email": "a.orlova@belykit.ru"}])
    );
    assert_eq!(
        m["to"],
        json!([
            {"name": "Мария Иванова", "email": "m.ivanova@romashka.ru"},
            {"name": "Пётр Петров", "email": "p.petrov@romashka.ru"}
        ])
    );
    // The sender is not copied to herself; Громов has no email.
    assert_eq!(
        m["cc"],
        json!([{"name": "Виктория Ким", "email": "v.kim@belykit.ru"}])
    );
    assert_eq!(m["content_type"], "multipart/alternative");
    assert_eq!(m["parts"], json!(["text/plain", "text/html"]));
    assert_eq!(m["charsets"], json!(["utf-8", "utf-8"]));
    let text = m["text"].as_str().expect("a text part");
    assert!(
        text.contains("## Решения\n\n1. Делаем три концепции\n2. Показ концепций — 02.12\n"),
        "{text}"
    );
    let html = m["html"].as_str().expect("an HTML part");
    assert!(html.contains("<li>Показ концепций — 02.12</li>"), "{html}");
    // Attendees without an email are named, not silently dropped.
    assert!(
        r.stderr.contains("warning: not addressed in the draft: Олег Сидоров (client, `sidorov`): no email in the book"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("Илья Громов (agency, `gromov`): no email in the book"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_email_draft_is_deterministic_and_english_when_the_book_is() {
    let book = copy_book("ru");
    let (_, first, _) = draft(&book, &[]);
    let (_, second, _) = draft(&book, &[]);
    assert_eq!(first, second, "the same book gives the same bytes");

    let book = copy_book("en");
    let (_, _, m) = draft(&book, &[]);
    assert_eq!(m["subject"], "Meeting summary 18 Nov 2026 — Ромашка");
    let text = m["text"].as_str().expect("text");
    assert!(text.contains("## Decisions"), "{text}");
}

#[test]
fn a_draft_without_any_address_for_the_client_still_opens_and_says_so() {
    let book = copy_book("ru");
    let text = book.read("clients/romashka/client.yaml");
    let text = text
        .replace(", email: m.ivanova@romashka.ru", "")
        .replace(", email: p.petrov@romashka.ru", "");
    book.write("clients/romashka/client.yaml", &text);
    let (r, _, m) = draft(&book, &[]);
    assert_eq!(m["to"], json!([]));
    assert!(
        r.stderr.contains("warning: the draft has no recipient"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("Мария Иванова (client, `ivanova`): no email in the book"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_reference_to_nobody_is_warned_about_and_no_attendees_means_no_heading() {
    let book = copy_book("ru");
    let text = book
        .read(MEETING_FILE)
        .replace(
            "client: [ivanova, petrov, sidorov]",
            "client: [ivanova, ghost]",
        )
        .replace(
            "agency: [orlova, kim, gromov]",
            "agency: [orlova, stranger]",
        )
        .replace(
            "owner: kim, due: 2026-12-01",
            "owner: nobody, due: 2026-12-01",
        );
    book.write(MEETING_FILE, &text);
    let warnings = [
        "warning: clients/romashka/meetings/2026-11-18-kickoff.yaml: attendees.client: \
         `ghost` is not a contact of Ромашка (E04)",
        "warning: clients/romashka/meetings/2026-11-18-kickoff.yaml: attendees.agency: \
         `stranger` is not a team member (E04)",
        "warning: clients/romashka/meetings/2026-11-18-kickoff.yaml: actions[2].owner: \
         `nobody` is neither a contact of Ромашка nor a team member (E04)",
        "hint: the report shows such a person by the bare ID",
    ];
    let r = run(&book, &["meeting", "report", MEETING]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for w in warnings {
        assert!(r.stderr.contains(w), "{w}:\n{}", r.stderr);
    }
    assert_eq!(r.stderr.matches("warning:").count(), 3, "{}", r.stderr);
    // The audit says the same (E04), at the same three places.
    let audit = run(&book, &["audit", MEETING_FILE]);
    assert_eq!(
        audit.stdout.matches("error[E04]").count(),
        3,
        "{}",
        audit.stdout
    );
    // The draft says why they have no address: not that the book lacks their email.
    let (r, _, m) = draft(&book, &[]);
    assert_eq!(
        m["to"],
        json!([{"name": "Мария Иванова", "email": "m.ivanova@romashka.ru"}])
    );
    assert!(
        r.stderr.contains(
            "warning: not addressed in the draft: `ghost` (client): not a contact of Ромашка, \
             so no address"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(
            "warning: not addressed in the draft: `stranger` (agency): not a team member, so \
             no address"
        ),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("`ghost`): no email"), "{}", r.stderr);

    // No attendees at all: no empty heading, in either language or format.
    let text = book
        .read(MEETING_FILE)
        .replace("  client: [ivanova, ghost]\n", "")
        .replace("  agency: [orlova, stranger]\n", "")
        .replace("attendees:\n", "");
    book.write(MEETING_FILE, &text);
    for (locale, heading) in [("ru", "Участники"), ("en", "Attendees")] {
        let settings = book.read("rapport.yaml");
        let settings = settings
            .replace("locale: ru", &format!("locale: {locale}"))
            .replace("locale: en", &format!("locale: {locale}"));
        book.write("rapport.yaml", &settings);
        for format in ["md", "html"] {
            let r = run(&book, &["meeting", "report", MEETING, "--format", format]);
            assert_eq!(r.code, 0, "{}", r.stderr);
            assert!(
                !r.stdout.contains(heading),
                "{locale} {format}:\n{}",
                r.stdout
            );
            assert!(r.stdout.contains("Бриф на упаковку"), "{}", r.stdout);
        }
    }
}

#[test]
fn a_call_is_reported_as_a_call() {
    // A phone call's report said «Итоги встречи» and «Спасибо за встречу».
    for (locale, said, wrong) in [
        (
            "ru",
            [
                "Итоги звонка 18.11.2026 — Ромашка",
                "Спасибо за звонок.",
                "Следующий звонок",
            ],
            ["Итоги встречи", "Спасибо за встречу", "Следующая встреча"],
        ),
        (
            "en",
            [
                "Call summary 18 Nov 2026 — Ромашка",
                "Thank you for the call.",
                "Next call",
            ],
            ["Meeting summary", "for the meeting", "Next meeting"],
        ),
    ] {
        let book = copy_book(locale);
        for (file, format) in [
            (MEETING_FILE, "in_person"),
            ("clients/romashka/meetings/2026-12-02-pokaz.yaml", "video"),
        ] {
            let text = book
                .read(file)
                .replace(&format!("format: {format}"), "format: call");
            book.write(file, &text);
        }
        let md = run(&book, &["meeting", "report", MEETING]);
        assert_eq!(md.code, 0, "{}", md.stderr);
        let html = run(&book, &["meeting", "report", MEETING, "--format", "html"]);
        assert_eq!(html.code, 0, "{}", html.stderr);
        let (_, _, eml) = draft(&book, &[]);
        assert_eq!(eml["subject"], said[0], "{locale}");
        for out in [&md.stdout, &html.stdout] {
            for want in said {
                assert!(out.contains(want), "{locale}: {want:?} in\n{out}");
            }
            for not in wrong {
                assert!(!out.contains(not), "{locale}: {not:?} in\n{out}");
            }
        }
    }
}

#[test]
fn a_video_meeting_is_still_a_meeting() {
    let book = copy_book("ru");
    let md = run(&book, &["meeting", "report", "romashka/2026-12-02-pokaz"]);
    assert!(
        md.stdout
            .starts_with("# Итоги встречи 02.12.2026 — Ромашка\n"),
        "{}",
        md.stdout
    );
    assert!(md.stdout.contains("Спасибо за встречу."), "{}", md.stdout);
}

#[test]
fn a_draft_needs_a_sender() {
    let book = copy_book("ru");
    let text = book.read("rapport.yaml");
    let text = text
        .replace("  email: hello@belykit.ru\n", "")
        .replace(", email: a.orlova@belykit.ru", "")
        .replace(", email: v.kim@belykit.ru", "");
    book.write("rapport.yaml", &text);
    let out = book.path().join("out");
    let r = run(
        &book,
        &[
            "meeting",
            "report",
            MEETING,
            "--eml",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("error: the draft has no sender"),
        "{}",
        r.stderr
    );
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_book_template_overrides_the_built_in_one() {
    let book = copy_book("ru");
    book.write(
        "templates/meeting.ru.md.j2",
        "{{ client.name }}: {{ meeting.when.long }}\n{% for d in meeting.decisions %}\n* {{ d }}\n{% endfor %}\n{% include \"footer.j2\" %}",
    )
    .write("templates/footer.j2", "— {{ agency.name }} ({{ meeting.when.date | date_short }})\n");
    let r = run(&book, &["meeting", "report", MEETING]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "Ромашка: 18 ноября 2026\n* Делаем три концепции\n* Показ концепций — 02.12\n— Белый кит (18.11.2026)\n"
    );
}

#[test]
fn a_broken_book_template_is_an_error_naming_it() {
    let book = copy_book("ru");
    book.write("templates/meeting.ru.md.j2", "{% for x in %}");
    let r = run(&book, &["meeting", "report", MEETING]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("error: cannot load templates/meeting.ru.md.j2 of the book"),
        "{}",
        r.stderr
    );
    book.write("templates/meeting.ru.md.j2", "{{ meeting.nope }}");
    let r = run(&book, &["meeting", "report", MEETING]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("cannot render templates/meeting.ru.md.j2 of the book"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("undefined"), "{}", r.stderr);
}

#[test]
fn naming_a_meeting_that_is_not_there() {
    let dir = fixture("meeting-book");
    let cases: &[(&str, &str)] = &[
        (
            "romashk/2026-11-18-kickoff",
            "no client `romashk` in this book\nhint: did you mean `romashka`?",
        ),
        (
            "romashka/2026-11-18-kickof",
            "no meeting `2026-11-18-kickof` in romashka\nhint: did you mean `romashka/2026-11-18-kickoff`?",
        ),
        (
            "romashka/zzz",
            "no meeting `zzz` in romashka\nhint: its latest meetings: romashka/2026-12-02-pokaz, romashka/2026-11-18-kickoff",
        ),
        (
            "romashka",
            "`romashka` does not name a meeting\nhint: write CLIENT/MEETING",
        ),
        (
            "clients/romashka/projects/upakovka.yaml",
            "is not a meeting file",
        ),
    ];
    for (arg, expected) in cases {
        let r = rapport_in(&dir, &["meeting", "report", arg]);
        assert_eq!(r.code, 2, "{arg}");
        assert!(r.stderr.contains(expected), "{arg}: {}", r.stderr);
        assert_eq!(r.stdout, "");
    }
}

#[test]
fn a_meeting_file_that_does_not_read_is_named() {
    let book = copy_book("ru");
    book.write(
        "clients/romashka/meetings/2026-11-25-broken.yaml",
        "at: tomorrow\nformat: call\n",
    );
    let r = run(&book, &["meeting", "report", "romashka/2026-11-25-broken"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("clients/romashka/meetings/2026-11-25-broken could not be read"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_report_of_a_meeting_still_ahead_warns() {
    let r = rapport_in(
        &fixture("meeting-book"),
        &[
            "--today",
            "2026-11-20",
            "meeting",
            "report",
            "romashka/2026-12-02-pokaz",
        ],
    );
    assert_eq!(r.code, 0);
    assert!(
        r.stderr
            .contains("warning: the meeting is on 2026-12-02, after today (2026-11-20)"),
        "{}",
        r.stderr
    );
    assert!(!r.stdout.contains("## Решения"), "no decisions yet");
}

// --- meeting sent -------------------------------------------------------------

/// A meeting file full of comments, blank lines and odd spacing.
const COMMENTED: &str = "\
# Встреча по запуску упаковки — комментарий пользователя
# в две строки.

at: 2026-11-18T14:00      # время по Москве
format: in_person   # очно

# кто был
attendees:
  client: [ivanova, petrov]   # Сидоров не пришёл
  agency:
    - orlova    # вела встречу
    - kim

decisions:
  - Делаем три концепции   # ура
    # комментарий внутри списка

x-crm: 12   # своё поле
# последняя строка — комментарий
";

fn sent_book(meeting: &str) -> TempBook {
    let book = copy_book("ru");
    book.write(MEETING_FILE, meeting);
    book
}

/// Asserts that `after` is `before` with exactly `inserted` added after the line
/// `anchor` (or at the end), and nothing else changed.
fn assert_only_inserted(before: &str, after: &str, anchor: Option<&str>, inserted: &str) {
    let expected = match anchor {
        Some(line) => {
            let at = before.find(line).expect("anchor line") + line.len();
            format!("{}{inserted}{}", &before[..at], &before[at..])
        }
        None => format!("{before}{inserted}"),
    };
    assert_eq!(
        after.len(),
        before.len() + inserted.len(),
        "only the new lines were added"
    );
    assert_eq!(after, expected, "every other byte is unchanged");
}

fn no_temp_files(dir: &Path) {
    for entry in fs::read_dir(dir).expect("read dir") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        assert!(!name.starts_with('.'), "a temporary file was left: {name}");
    }
}

#[test]
fn meeting_sent_adds_two_lines_and_keeps_every_other_byte() {
    let book = sent_book(COMMENTED);
    let r = run(
        &book,
        &["meeting", "sent", MEETING, "--at", "2026-11-18T19:30"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        format!("{MEETING_FILE}: report sent 2026-11-18T19:30 to ivanova, petrov\n")
    );
    let after = book.read(MEETING_FILE);
    // After the last key, before the closing comment.
    assert_only_inserted(
        COMMENTED,
        &after,
        Some("x-crm: 12   # своё поле\n"),
        "report:\n  sent: 2026-11-18T19:30\n  to: [ivanova, petrov]\n",
    );
    no_temp_files(&book.path().join("clients/romashka/meetings"));

    // The result re-validates: the audit reads it with no error about the file.
    let audit = run(
        &book,
        &[
            "audit",
            MEETING_FILE,
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    );
    let doc: serde_json::Value = serde_json::from_str(&audit.stdout).expect("json");
    let about_it: Vec<&serde_json::Value> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| {
            f["file"] == MEETING_FILE
                && f["code"]
                    .as_str()
                    .is_some_and(|c| c.starts_with('E') || c == "R02")
        })
        .collect();
    assert!(about_it.is_empty(), "{about_it:?}");

    // Running it again changes nothing.
    let r = run(
        &book,
        &["meeting", "sent", MEETING, "--at", "2026-11-18T19:30"],
    );
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        format!("{MEETING_FILE}: already recorded, nothing to change\n")
    );
    assert_eq!(book.read(MEETING_FILE), after);
}

#[test]
fn meeting_sent_fills_an_existing_report_map_and_appends_to_its_list() {
    let before = "\
at: 2026-11-18T14:00
format: in_person
attendees: {client: [ivanova, petrov], agency: [orlova]}
report:   # отчёт
  to:
    - ivanova   # ей первой
# хвост
";
    let book = sent_book(before);
    let r = run(
        &book,
        &[
            "meeting",
            "sent",
            MEETING,
            "--at",
            "2026-11-19T10:00",
            "--to",
            "ivanova,sidorov",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let after = book.read(MEETING_FILE);
    let expected = before.replace(
        "    - ivanova   # ей первой\n",
        "    - ivanova   # ей первой\n    - sidorov\n",
    );
    // `sent` is added inside the map, `sidorov` after the last item; nothing else moves.
    assert!(
        after.contains("    - ivanova   # ей первой\n    - sidorov\n"),
        "{after}"
    );
    assert!(after.contains("  sent: 2026-11-19T10:00\n"), "{after}");
    let without_sent = after.replace("  sent: 2026-11-19T10:00\n", "");
    assert_eq!(without_sent, expected);
}

#[test]
fn meeting_sent_in_a_flow_report_replaces_only_the_date() {
    let before = "at: 2026-11-18T14:00\nformat: call\nattendees: {client: [ivanova]}\nreport: {sent: 2026-11-18T18:00, to: [ivanova]}   # c\n";
    let book = sent_book(before);
    let r = run(
        &book,
        &["meeting", "sent", MEETING, "--at", "2026-11-19T09:15"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        book.read(MEETING_FILE),
        before.replace("2026-11-18T18:00", "2026-11-19T09:15")
    );
    assert!(
        r.stderr
            .contains("note: report.sent was 2026-11-18T18:00; now 2026-11-19T09:15"),
        "{}",
        r.stderr
    );
}

#[test]
fn meeting_sent_defaults_to_today_at_the_end_of_the_working_day() {
    let book = sent_book(COMMENTED);
    let r = run(&book, &["meeting", "sent", MEETING]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_only_inserted(
        COMMENTED,
        &book.read(MEETING_FILE),
        Some("x-crm: 12   # своё поле\n"),
        "report:\n  sent: 2026-11-20T18:00\n  to: [ivanova, petrov]\n",
    );
}

#[test]
fn meeting_sent_keeps_crlf_line_ends() {
    let before = COMMENTED.replace('\n', "\r\n");
    let book = sent_book(&before);
    let r = run(
        &book,
        &["meeting", "sent", MEETING, "--at", "2026-11-18T19:30"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_only_inserted(
        &before,
        &book.read(MEETING_FILE),
        Some("x-crm: 12   # своё поле\r\n"),
        "report:\r\n  sent: 2026-11-18T19:30\r\n  to: [ivanova, petrov]\r\n",
    );
}

#[test]
fn meeting_sent_refuses_what_cannot_be_true_and_leaves_the_file_alone() {
    let book = sent_book(COMMENTED);
    let cases: &[(&[&str], &str)] = &[
        (
            &["--at", "2026-11-18T13:59"],
            "--at 2026-11-18T13:59 is before the meeting started (2026-11-18T14:00)",
        ),
        (
            &["--at", "2026-11-21T10:00"],
            "--at 2026-11-21T10:00 is after today (2026-11-20)",
        ),
        (
            &["--to", "ivanov"],
            "`ivanov` is not a contact of romashka\nhint: did you mean `ivanova`?",
        ),
        (
            &["--to", "zzz"],
            "`zzz` is not a contact of romashka\nhint: its contacts: ivanova, petrov, sidorov",
        ),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["meeting", "sent", MEETING];
        args.extend_from_slice(extra);
        let r = run(&book, &args);
        assert_eq!(r.code, 2, "{extra:?}");
        assert!(r.stderr.contains(expected), "{extra:?}: {}", r.stderr);
        assert_eq!(
            book.read(MEETING_FILE),
            COMMENTED,
            "{extra:?}: the file is untouched"
        );
    }
    let r = run(&book, &["meeting", "sent", MEETING, "--at", "18.11.2026"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("is not a date and time: write YYYY-MM-DDTHH:MM"),
        "{}",
        r.stderr
    );
    let r = run(&book, &["meeting", "sent", "romashka/2026-12-02-pokaz"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("the meeting is on 2026-12-02T11:00, after today (2026-11-20)"),
        "{}",
        r.stderr
    );
    no_temp_files(&book.path().join("clients/romashka/meetings"));
}

#[test]
fn meeting_sent_refuses_a_file_that_does_not_read() {
    let broken = "at: 2026-11-18T14:00\nformat: [unclosed\n";
    let book = sent_book(broken);
    let r = run(&book, &["meeting", "sent", MEETING]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("could not be read"), "{}", r.stderr);
    assert_eq!(book.read(MEETING_FILE), broken);
}

#[cfg(unix)]
#[test]
fn meeting_sent_in_a_read_only_folder_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let book = sent_book(COMMENTED);
    let dir = book.path().join("clients/romashka/meetings");
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).expect("chmod");
    let probe = dir.join("probe");
    if fs::write(&probe, "").is_ok() {
        let _ = fs::remove_file(&probe);
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).expect("chmod back");
        eprintln!("skipped: this user can write to a read-only folder");
        return;
    }
    let r = run(
        &book,
        &["meeting", "sent", MEETING, "--at", "2026-11-18T19:30"],
    );
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).expect("chmod back");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("cannot create a temporary file in"),
        "{}",
        r.stderr
    );
    assert_eq!(book.read(MEETING_FILE), COMMENTED);
}
