//! What `rapport audit` prints and how it exits: the compiler-style human text, colour,
//! the JSON document's shape, exit codes, finding the book, and determinism.

mod common;

use std::path::Path;

use common::{Run, TempBook, command, example_book, fixture, rapport, rapport_in};
use serde_json::Value;

const TODAY: &str = "2026-11-27";

/// Runs `rapport ARGS` in `dir` with extra environment variables.
fn run_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = command(dir);
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the rapport binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const CLIENT: &str = "\
name: Акме
status: paused
manager: petrov
contacts:
  - id: ivanov
    name: Иван Иванов
    position: директор
    email: ivanov@acme.example
    phone: \"+7 900 000-00-00\"
    birthdy: --04-12
";

const MEETING: &str = "\
at: 2026-11-02T10:00
format: call
attendees: {client: [ivanof], agency: [petrov]}
report: {sent: 2026-11-02T15:00}
waive: [{rule: R99, reason: проверка}]
";

/// A small book with two errors and a warning: an unknown key on a line with a
/// two-digit number, a dangling reference in a flow list, a waiver of no rule.
fn broken_book() -> TempBook {
    let book = TempBook::new();
    book.write("clients/acme/client.yaml", CLIENT)
        .write("clients/acme/meetings/2026-11-02-kickoff.yaml", MEETING);
    book
}

/// A book with nothing to say.
fn clean_book() -> TempBook {
    let book = TempBook::new();
    book.write(
        "clients/acme/client.yaml",
        "name: Акме\nstatus: paused\nmanager: petrov\ncontacts:\n  - {id: ivanov, name: Иван Иванов}\n",
    )
    .write(
        "clients/acme/meetings/2026-11-02-kickoff.yaml",
        "at: 2026-11-02T10:00\nformat: call\nattendees: {client: [ivanov], agency: [petrov]}\nreport: {sent: 2026-11-02T15:00, to: [ivanov]}\n",
    );
    book
}

/// A book whose only finding is a warning.
fn warning_book() -> TempBook {
    let book = TempBook::new();
    book.write(
        "clients/acme/client.yaml",
        "name: Акме\nstatus: paused\nwaive: [{rule: R31, reason: нет такого правила}]\ncontacts:\n  - {id: ivanov, name: Иван Иванов}\n",
    );
    book
}

const EXPECTED_HUMAN: &str = "\
error[E03]: unknown key `birthdy`
  --> clients/acme/client.yaml:10:5
   |
10 |     birthdy: --04-12
   |     ^^^^^^^
   = help: did you mean `birthday`?

error[E04]: no contact `ivanof` among the contacts of client `acme`
 --> clients/acme/meetings/2026-11-02-kickoff.yaml:3:22
  |
3 | attendees: {client: [ivanof], agency: [petrov]}
  |                      ^^^^^^
  = help: did you mean `ivanov`?

warning[E08]: waiver names `R99`, which is not a rule code
 --> clients/acme/meetings/2026-11-02-kickoff.yaml:5:16
  |
5 | waive: [{rule: R99, reason: проверка}]
  |                ^^^
  = help: rule codes are R01–R30 and D01–D16; `rapport rules` lists them

audit: 3 files checked: 2 errors, 1 warning, 0 infos
";

#[test]
fn human_output_is_a_compiler_style_block_per_finding_and_a_summary() {
    let book = broken_book();
    let run = book.run(&["audit", "--color", "never", "--today", TODAY]);
    assert_eq!(run.stdout, EXPECTED_HUMAN, "stderr: {}", run.stderr);
    assert_eq!(run.code, 1);
    // The book is not in git: the history checks are skipped, said once.
    assert_eq!(
        run.stderr,
        "note: the history checks (R08, D05) were skipped: the book is not in a git repository\n"
    );
}

#[test]
fn lines_broken_by_a_lone_carriage_return_are_shown_as_the_parser_counts_them() {
    // Old Mac line breaks: YAML counts a lone `\r` as a line break, and so must the
    // source line under a finding and the span's end.
    let book = clean_book();
    book.write(
        "clients/acme/client.yaml",
        "name: Акме\rstatus: paused\rmanager: petrov\rcontacts:\r  - {id: ivanov, name: Иван Иванов}\rbirthdy: x\r",
    );
    let run = book.run(&["audit", "--color", "never", "--today", TODAY]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains(" --> clients/acme/client.yaml:6:1\n  |\n6 | birthdy: x\n  | ^^^^^^^\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn human_output_of_a_clean_book_is_the_summary_alone() {
    let run = clean_book().run(&["audit", "--color", "never", "--today", TODAY]);
    assert_eq!(
        run.stdout,
        "audit: 3 files checked: 0 errors, 0 warnings, 0 infos\n"
    );
    assert_eq!(run.code, 0);
}

#[test]
fn colour_only_when_asked_for() {
    let book = broken_book();
    let always = book.run(&["audit", "--color", "always", "--today", TODAY]);
    assert!(always.stdout.contains("\x1b["), "{}", always.stdout);
    assert!(always.stdout.contains("\x1b[1;31merror[E03]\x1b[0m"));
    assert!(always.stdout.contains("\x1b[1;33mwarning[E08]\x1b[0m"));
    // Without the escapes, the text is the plain one.
    let stripped = strip_ansi(&always.stdout);
    assert_eq!(stripped, EXPECTED_HUMAN);

    let never = book.run(&["audit", "--color", "never", "--today", TODAY]);
    assert!(!never.stdout.contains('\x1b'));

    // JSON is for programs: never coloured.
    let json = book.run(&[
        "audit", "--format", "json", "--color", "always", "--today", TODAY,
    ]);
    assert!(!json.stdout.contains('\x1b'), "{}", json.stdout);
    json.json();

    // `auto` (the default): not a terminal here, and NO_COLOR set besides.
    let dir = book.path().to_str().expect("utf-8 path");
    for args in [
        vec!["audit", "--today", TODAY, "--book", dir],
        vec!["audit", "--color", "auto", "--today", TODAY, "--book", dir],
    ] {
        let run = run_env(book.path(), &args, &[("NO_COLOR", "1")]);
        assert_eq!(run.code, 1);
        assert!(!run.stdout.contains('\x1b'), "{}", run.stdout);
        assert_eq!(run.stdout, EXPECTED_HUMAN);
    }

    // An explicit `--color always` wins over NO_COLOR.
    let run = run_env(
        book.path(),
        &[
            "audit", "--color", "always", "--today", TODAY, "--book", dir,
        ],
        &[("NO_COLOR", "1")],
    );
    assert!(run.stdout.contains("\x1b["));
}

/// Removes `ESC [ … m` sequences.
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn json_document_has_a_version_findings_and_a_summary() {
    let book = broken_book();
    let run = book.run(&["audit", "--format", "json", "--today", TODAY]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.ends_with("}\n"), "one document and a newline");
    let doc = run.json();
    let keys: Vec<&str> = doc
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 4, "{keys:?}");
    for key in ["version", "view", "findings", "summary"] {
        assert!(keys.contains(&key), "{key} in {keys:?}");
    }
    assert_eq!(doc["version"], 1);
    assert_eq!(
        doc["view"],
        serde_json::json!({"manager": null, "name": null, "from": null}),
        "the whole book (`--manager`, docs/tasks.md)"
    );

    let findings = doc["findings"].as_array().expect("findings is a list");
    assert_eq!(findings.len(), 3, "{doc:#}");
    for f in findings {
        let obj = f.as_object().expect("a finding is an object");
        for key in ["code", "severity", "file", "message"] {
            assert!(obj.get(key).is_some_and(Value::is_string), "{key} in {f}");
        }
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(
                obj.get(key).and_then(Value::as_u64).is_some_and(|n| n >= 1),
                "{key} in {f}"
            );
        }
        assert!(
            obj.get("help")
                .is_some_and(|h| h.is_string() || h.is_null()),
            "help in {f}"
        );
        assert_eq!(obj.len(), 9, "no other keys: {f}");
    }
    // In file order, then line and column.
    let first = &findings[0];
    assert_eq!(first["code"], "E03");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["file"], "clients/acme/client.yaml");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(10), Some(5))
    );
    assert_eq!(
        (first["end_line"].as_u64(), first["end_column"].as_u64()),
        (Some(10), Some(12))
    );
    assert_eq!(first["message"], "unknown key `birthdy`");
    assert_eq!(first["help"], "did you mean `birthday`?");
    assert_eq!(findings[1]["code"], "E04");
    assert_eq!(findings[2]["code"], "E08");
    assert_eq!(findings[2]["severity"], "warning");

    let summary = doc["summary"].as_object().expect("summary is an object");
    assert_eq!(
        Value::Object(summary.clone()),
        serde_json::json!({"files": 3, "errors": 2, "warnings": 1, "infos": 0, "waived": 0})
    );
}

#[test]
fn json_of_a_clean_book_has_no_findings() {
    let run = clean_book().run(&["audit", "--format", "json", "--today", TODAY]);
    assert_eq!(run.code, 0);
    let doc = run.json();
    assert_eq!(doc["findings"], serde_json::json!([]));
    assert_eq!(doc["summary"]["errors"], 0);
}

#[test]
fn exit_codes_follow_fail_on() {
    let audit = |book: &TempBook, fail_on: Option<&str>| {
        let mut args = vec!["audit", "--format", "json", "--today", TODAY];
        if let Some(level) = fail_on {
            args.extend(["--fail-on", level]);
        }
        book.run(&args).code
    };
    let clean = clean_book();
    let warning = warning_book();
    let broken = broken_book();

    assert_eq!(audit(&clean, None), 0, "a clean book");
    assert_eq!(audit(&clean, Some("warning")), 0);
    assert_eq!(audit(&broken, None), 1, "errors fail by default");
    assert_eq!(audit(&broken, Some("error")), 1);
    assert_eq!(
        audit(&warning, None),
        0,
        "a warning alone passes by default"
    );
    assert_eq!(audit(&warning, Some("error")), 0);
    assert_eq!(audit(&warning, Some("warning")), 1, "--fail-on warning");
    assert_eq!(audit(&warning, Some("never")), 0);
    assert_eq!(audit(&broken, Some("never")), 0, "--fail-on never");

    // The warning book does report its warning.
    let run = warning.run(&["audit", "--format", "json", "--today", TODAY]);
    let doc = run.json();
    assert_eq!(doc["summary"]["warnings"], 1, "{doc:#}");
    assert_eq!(doc["summary"]["errors"], 0, "{doc:#}");
}

#[test]
fn no_book_is_exit_code_2_with_the_reason_on_stderr() {
    // A folder that does not exist.
    let empty = TempBook::empty();
    let missing = empty.path().join("no-such-book");
    let run = rapport(&[
        "audit",
        "--today",
        TODAY,
        "--book",
        missing.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("no-such-book"), "{}", run.stderr);
    assert!(run.stderr.contains("rapport.yaml"), "{}", run.stderr);

    // A folder without rapport.yaml.
    let run = empty.run(&["audit", "--today", TODAY]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("is not a book"), "{}", run.stderr);
    assert!(run.stderr.contains("no rapport.yaml"), "{}", run.stderr);
    assert!(run.stderr.contains("rapport init"), "{}", run.stderr);

    // No --book, and no book at or above the current folder.
    let run = rapport_in(empty.path(), &["audit", "--today", TODAY]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("no book here"), "{}", run.stderr);
    assert!(run.stderr.contains("--book"), "{}", run.stderr);
}

#[test]
fn a_bad_today_is_exit_code_2() {
    let book = clean_book();
    let run = book.run(&["audit", "--today", "2026-13-01"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("2026-13-01"), "{}", run.stderr);
    assert!(run.stderr.contains("no month 13"), "{}", run.stderr);

    let run = book.run(&["audit", "--today", "27.11.2026"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("YYYY-MM-DD"), "{}", run.stderr);

    let dir = book.path().to_str().expect("utf-8 path");
    let run = run_env(
        book.path(),
        &["audit", "--book", dir],
        &[("RAPPORT_TODAY", "2026-02-30")],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("2026-02-30"), "{}", run.stderr);
}

#[test]
fn the_book_is_found_by_walking_up_from_the_current_folder() {
    let book = broken_book();
    let with_flag = book.run(&["audit", "--format", "json", "--today", TODAY]);
    let deep = book.path().join("clients/acme/meetings");
    let walked = rapport_in(&deep, &["audit", "--format", "json", "--today", TODAY]);
    assert_eq!(walked.code, 1, "{}", walked.stderr);
    assert_eq!(walked.stdout, with_flag.stdout);
    // Paths stay relative to the book's root, not to the current folder.
    assert_eq!(
        walked.json()["findings"][0]["file"],
        "clients/acme/client.yaml"
    );

    // From a folder that is not one of the book's own (and has no rapport.yaml).
    std::fs::create_dir_all(book.path().join("clients/acme/briefs/old")).expect("folder");
    let walked = rapport_in(
        &book.path().join("clients/acme/briefs/old"),
        &["audit", "--format", "json", "--today", TODAY],
    );
    assert_eq!(walked.stdout, with_flag.stdout);
}

#[test]
fn rapport_book_names_the_book() {
    let book = broken_book();
    let elsewhere = TempBook::empty();
    let dir = book.path().to_str().expect("utf-8 path");
    let run = run_env(
        elsewhere.path(),
        &["audit", "--format", "json", "--today", TODAY],
        &[("RAPPORT_BOOK", dir)],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.json()["summary"]["errors"], 2);

    // --book wins over the variable.
    let clean = clean_book();
    let run = run_env(
        elsewhere.path(),
        &[
            "audit",
            "--format",
            "json",
            "--today",
            TODAY,
            "--book",
            clean.path().to_str().expect("utf-8 path"),
        ],
        &[("RAPPORT_BOOK", dir)],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);

    // A variable naming no book is exit code 2, like --book.
    let run = run_env(
        elsewhere.path(),
        &["audit", "--today", TODAY],
        &[(
            "RAPPORT_BOOK",
            elsewhere.path().to_str().expect("utf-8 path"),
        )],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("rapport.yaml"), "{}", run.stderr);
}

#[test]
fn two_runs_are_byte_identical() {
    // Books with many files and findings, read in parallel.
    for name in ["e03-fires", "e04-fires", "e01-fires"] {
        let dir = fixture(name);
        let dir = dir.to_str().expect("utf-8 path");
        for format in ["human", "json"] {
            let args = [
                "audit", "--format", format, "--color", "never", "--today", TODAY, "--book", dir,
            ];
            let first = rapport(&args);
            let second = rapport(&args);
            assert_eq!(first.code, 1, "{name}: {}", first.stderr);
            assert!(!first.stdout.is_empty());
            assert_eq!(first.stdout, second.stdout, "{name} --format {format}");
            assert_eq!(first.code, second.code);
        }
    }
}

#[test]

fn the_caret_covers_only_the_value_not_the_comment_after_it() {
    let book = TempBook::new();
    book.write(
        "clients/acme/client.yaml",
        "name: Акме\nstatus: paused\ncontacts: [{id: ivanov, name: Иван}]\n",
    )
    .write(
        "clients/acme/meetings/2026-11-02-kickoff.yaml",
        "at: 2026-11-02T10:00\nformat: call\nlate_minutes: \"5\"   # five minutes\nreport: {sent: 2026-11-02T15:00}\n",
    )
    .write(
        "clients/acme/meetings/2026-11-03-call.yaml",
        "at: 2026-11-03T10:00\nformat: call\nlate_minutes: [5]   # a list\nreport: {sent: 2026-11-03T15:00}\n",
    );
    let run = book.run(&["audit", "--color", "never", "--today", TODAY]);
    assert!(
        run.stdout
            .contains("3 | late_minutes: \"5\"   # five minutes\n  |               ^^^\n"),
        "{}",
        run.stdout
    );
    let json = book
        .run(&["audit", "--format", "json", "--today", TODAY])
        .json();
    let f = &json["findings"][0];
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(3), Some(15))
    );
    assert_eq!(
        (f["end_line"].as_u64(), f["end_column"].as_u64()),
        (Some(3), Some(18)),
        "{f}"
    );
    let f = &json["findings"][1];
    assert_eq!(f["file"], "clients/acme/meetings/2026-11-03-call.yaml");
    assert_eq!(
        (f["end_line"].as_u64(), f["end_column"].as_u64()),
        (Some(3), Some(18)),
        "{f}"
    );
}

#[test]
fn book_codes_named_with_rule_narrow_the_report_and_run_no_rule() {
    let book = common::fixture("e03-fires");
    let path = book.to_str().expect("utf-8 path");
    let run = common::rapport(&[
        "audit",
        "--format",
        "json",
        "--today",
        "2026-11-27",
        "--book",
        path,
        "--rule",
        "E03",
    ]);
    let doc = run.json();
    let codes: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(!codes.is_empty());
    assert!(codes.iter().all(|c| *c == "E03"), "{codes:?}");

    let unknown = common::rapport(&["audit", "--book", path, "--rule", "E09"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean E08?"),
        "{}",
        unknown.stderr
    );
}

/// The source line and caret line printed under the finding at `file:line:col`.
fn source_and_caret(stdout: &str, place: &str) -> (String, String) {
    let mut lines = stdout.lines().skip_while(|l| !l.ends_with(place));
    let source = lines
        .nth(2)
        .unwrap_or_else(|| panic!("no source line:\n{stdout}"));
    let caret = lines
        .next()
        .unwrap_or_else(|| panic!("no caret line:\n{stdout}"));
    let (_, source) = source.split_once(" | ").expect("`N | line`");
    let caret = caret.trim_start().strip_prefix("| ").expect("`| ^^^`");
    (source.to_owned(), caret.to_owned())
}

#[test]
fn a_20000_deep_line_is_shown_as_a_window_around_the_caret() {
    let book = clean_book();
    book.write(
        "clients/acme/meetings/2026-11-03-deep.yaml",
        &format!("agenda: {}\n", "[".repeat(20_000)),
    );
    let run = book.run(&["audit", "--color", "never", "--today", TODAY]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = book
        .run(&["audit", "--format", "json", "--today", TODAY])
        .json();
    let f = &json["findings"][0];
    assert_eq!(f["code"], "E01");
    let col = f["column"].as_u64().expect("a column");
    assert!(col > 200, "the fault is far into the line: {f}");
    let place = format!("clients/acme/meetings/2026-11-03-deep.yaml:1:{col}");
    assert!(
        run.stdout.lines().all(|l| l.chars().count() <= 140),
        "a line over 140 characters:\n{}",
        run.stdout
    );
    let (source, caret) = source_and_caret(&run.stdout, &place);
    assert_eq!(source, format!("…{}…", "[".repeat(120)));
    assert_eq!(caret, format!("{}^", " ".repeat(61)));
}

#[test]
fn a_long_cyrillic_line_keeps_the_caret_under_its_word() {
    // An unknown key 400-odd characters into a flow mapping, after Cyrillic text.
    let position = ["руководитель направления цифрового маркетинга и коммуникаций"; 6].join("; ");
    let contact = format!(
        "  - {{id: ivanov, name: Иван Иванов, position: {position}, birthdy: --04-12, email: ivanov@acme.example, phone: \"+7 900 000-00-00\", profile: {}}}\n",
        "решает быстро и любит цифры; ".repeat(8)
    );
    let book = clean_book();
    book.write(
        "clients/acme/client.yaml",
        &format!("name: Акме\nstatus: paused\nmanager: petrov\ncontacts:\n{contact}"),
    );
    let line = contact.trim_end();
    let col = line
        .find("birthdy")
        .map(|byte| line[..byte].chars().count() + 1)
        .expect("birthdy in the line");
    assert!(col > 400 && line.chars().count() - col > 200, "{col}");

    let run = book.run(&["audit", "--color", "never", "--today", TODAY]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("error[E03]: unknown key `birthdy`\n"),
        "{}",
        run.stdout
    );
    let place = format!("clients/acme/client.yaml:5:{col}");
    let (source, caret) = source_and_caret(&run.stdout, &place);
    // Cut at both ends, about 120 characters of the line between the `…`s.
    let inner = source
        .strip_prefix('…')
        .and_then(|s| s.strip_suffix('…'))
        .unwrap_or_else(|| panic!("cut at both ends: {source}"));
    assert_eq!(inner.chars().count(), 120, "{source}");
    assert!(line.contains(inner), "{inner}");
    assert!(inner.contains("маркетинга и коммуникаций, birthdy: --04-12, email:"));
    // The caret is under `birthdy`, counted in characters.
    let offset = caret.chars().take_while(|&c| c == ' ').count();
    assert_eq!(caret.trim_start(), "^^^^^^^", "{caret}");
    let under: String = source.chars().skip(offset).take(7).collect();
    assert_eq!(under, "birthdy", "source {source}\ncaret  {caret}");
}

#[test]
fn control_characters_in_a_book_never_reach_the_terminal() {
    let book = clean_book();
    book.write(
        "clients/acme/client.yaml",
        "name: Акме\nstatus: paused\nmanager: petrov\n\"n\x1b[2Jx\": \"\x1b]0;title\x07\"\ncontacts:\n  - {id: ivanov, name: Иван Иванов}\n",
    );
    let run = book.run(&["audit", "--color", "never", "--today", TODAY]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "error[E03]: unknown key `n\u{FFFD}[2Jx`\n \
         --> clients/acme/client.yaml:4:1\n  |\n\
         4 | \"n\u{FFFD}[2Jx\": \"\u{FFFD}]0;title\u{FFFD}\"\n  | ^^^^^^^^\n  \
         = help: known keys here: id, name, legal, status, key, manager, curator, since, \
         contact_every_days, referred_by, services, contacts, waive; keys of your own must \
         start with `x-`\n\naudit: 3 files checked: 1 error, 0 warnings, 0 infos\n"
    );
    // JSON escapes them itself, and keeps the key as written.
    let json = book
        .run(&["audit", "--format", "json", "--today", TODAY])
        .json();
    assert_eq!(json["findings"][0]["message"], "unknown key `n\x1b[2Jx`");
}

/// `--lang en` is the default, byte for byte; `--lang ru` and `RAPPORT_LANG=ru` say the
/// same in Russian; an unknown language is refused with the ones there are.
#[test]
fn the_language_is_chosen_by_lang_or_rapport_lang() {
    let book = example_book();
    let book = book.to_str().expect("utf-8 path");
    let base = [
        "audit",
        "--book",
        book,
        "--today",
        "2026-11-27",
        "--color",
        "never",
    ];
    let plain = rapport(&base);
    let mut en = base.to_vec();
    en.extend(["--lang", "en"]);
    assert_eq!(rapport(&en).stdout, plain.stdout);
    let mut ru = base.to_vec();
    ru.extend(["--lang", "ru"]);
    let russian = rapport(&ru);
    assert_eq!(russian.code, plain.code);
    let last = russian.stdout.lines().last().unwrap_or_default().to_owned();
    assert!(last.starts_with("аудит — 136 файлов: "), "{last}");
    assert!(
        russian
            .stdout
            .contains("ошибка[R02]: Видеовстреча 12 ноября")
    );
    let by_env = run_env(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &base,
        &[("RAPPORT_LANG", "ru")],
    );
    assert_eq!(by_env.stdout, russian.stdout);
    let mut bad = base.to_vec();
    bad.extend(["--lang", "de"]);
    let refused = rapport(&bad);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    // Told in the book's language (Russian): `de` chooses none.
    assert!(
        refused.stderr.starts_with(
            "ошибка: недопустимое значение «de» для «--lang <ЯЗЫК>»; допустимые: «en», «ru»\n"
        ),
        "{}",
        refused.stderr
    );
}
