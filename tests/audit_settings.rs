//! What changes what `rapport audit` reports: `rules:` in rapport.yaml (unknown codes
//! and thresholds, bad severities, severity overrides, `off`, thresholds), `waive:`
//! entries and `--no-waivers`, `PATH…` arguments, `--rule` and `--fail-on`. Each test
//! builds a small book in a temporary folder and compares the findings exactly.

mod common;

use common::{MINIMAL_SETTINGS, Run, TempBook, rapport_in};
use serde_json::Value;

const TODAY: &str = "2026-11-27";

/// `(code, severity, file, line)` of one finding.
type Found = (String, String, String, u64);

fn found(code: &str, severity: &str, file: &str, line: u64) -> Found {
    (code.to_owned(), severity.to_owned(), file.to_owned(), line)
}

/// `(code, severity, file, line)` of every finding of a `--format json` run, in the
/// order printed.
fn findings(run: &Run) -> Vec<Found> {
    run.json()["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("`findings` is a list: {}", run.stdout))
        .iter()
        .map(|f| {
            (
                text(f, "code").to_owned(),
                text(f, "severity").to_owned(),
                text(f, "file").to_owned(),
                f["line"]
                    .as_u64()
                    .unwrap_or_else(|| panic!("`line` in {f}")),
            )
        })
        .collect()
}

/// The one finding of `code` in `file` of a `--format json` run.
fn the(run: &Run, code: &str, file: &str) -> Value {
    let doc = run.json();
    let all: Vec<&Value> = doc["findings"]
        .as_array()
        .expect("`findings` is a list")
        .iter()
        .filter(|f| f["code"] == code && f["file"] == file)
        .collect();
    assert_eq!(all.len(), 1, "one {code} in {file}: {}", run.stdout);
    all[0].clone()
}

fn text<'v>(f: &'v Value, key: &str) -> &'v str {
    f[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is not text in {f}"))
}

/// `(line, column, end_line, end_column)`.
type Span = (u64, u64, u64, u64);

/// `(line, column, end_line, end_column)` of a finding.
fn span(f: &Value) -> Span {
    let n = |k: &str| f[k].as_u64().unwrap_or_else(|| panic!("`{k}` in {f}"));
    (n("line"), n("column"), n("end_line"), n("end_column"))
}

/// A finding on rapport.yaml itself.
#[derive(Debug, PartialEq)]
struct OnSettings {
    code: String,
    span: Span,
    message: String,
    help: String,
}

fn on_settings(code: &str, span: Span, message: &str, help: &str) -> OnSettings {
    OnSettings {
        code: code.to_owned(),
        span,
        message: message.to_owned(),
        help: help.to_owned(),
    }
}

/// Every finding of a `--format json` run on rapport.yaml, each an error.
fn settings_findings(run: &Run) -> Vec<OnSettings> {
    run.json()["findings"]
        .as_array()
        .expect("`findings` is a list")
        .iter()
        .filter(|f| f["file"] == "rapport.yaml")
        .map(|f| {
            assert_eq!(text(f, "severity"), "error", "{f}");
            OnSettings {
                code: text(f, "code").to_owned(),
                span: span(f),
                message: text(f, "message").to_owned(),
                help: f["help"].as_str().unwrap_or_default().to_owned(),
            }
        })
        .collect()
}

/// `rapport audit --format json --today TODAY ARGS` on `book`.
fn audit(book: &TempBook, args: &[&str]) -> Run {
    let mut all = vec!["audit", "--format", "json", "--today", TODAY];
    all.extend_from_slice(args);
    book.run(&all)
}

const CLIENT: &str = "\
name: Акме
status: paused
manager: petrov
contacts:
  - {id: ivanov, name: Иван Иванов}
";

/// R10 (warning by default): five minutes late, report sent the same day.
const LATE_MEETING: &str = "\
at: 2026-11-20T10:00
format: call
attendees: {client: [ivanov], agency: [petrov]}
late_minutes: 5
report: {sent: 2026-11-20T15:00, to: [ivanov]}
";

/// R02 (error): on time, but no report four working days on.
const UNREPORTED_MEETING: &str = "\
at: 2026-11-20T12:00
format: call
attendees: {client: [ivanov], agency: [petrov]}
";

const LATE: &str = "clients/acme/meetings/2026-11-20-late.yaml";
const UNREPORTED: &str = "clients/acme/meetings/2026-11-20-noreport.yaml";

/// A book whose rapport.yaml is [`MINIMAL_SETTINGS`] (8 lines) followed by `rules`
/// (from line 9), with one R10 warning and one R02 error.
fn book_with_rules(rules: &str) -> TempBook {
    let book = TempBook::empty();
    book.write("rapport.yaml", &format!("{MINIMAL_SETTINGS}{rules}"))
        .write("clients/acme/client.yaml", CLIENT)
        .write(LATE, LATE_MEETING)
        .write(UNREPORTED, UNREPORTED_MEETING);
    book
}

// ---- `rules:` in rapport.yaml ------------------------------------------------------

#[test]
fn the_settings_book_without_rules_gives_its_two_findings() {
    let run = audit(&book_with_rules(""), &[]);
    assert_eq!(
        findings(&run),
        vec![
            found("R10", "warning", LATE, 4),
            found("R02", "error", UNREPORTED, 1),
        ],
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]
fn an_unknown_rule_code_is_e03_at_its_key_with_the_nearest_code() {
    let book = book_with_rules(
        "rules:\n  RR10: {severity: error}\n  D088: off\n  XYZW: off\n  R10: {severity: error}\n",
    );
    let run = audit(&book, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        settings_findings(&run),
        vec![
            on_settings(
                "E03",
                (10, 3, 10, 7),
                "unknown rule `RR10`",
                "did you mean `R10`?"
            ),
            on_settings(
                "E03",
                (11, 3, 11, 7),
                "unknown rule `D088`",
                "did you mean `D08`?"
            ),
            on_settings(
                "E03",
                (12, 3, 12, 7),
                "unknown rule `XYZW`",
                "`rapport rules` lists the codes"
            ),
        ]
    );
    // The known code beside them still applies: R10 is an error here.
    assert_eq!(text(&the(&run, "R10", LATE), "severity"), "error");
}

#[test]
fn a_code_with_a_look_alike_letter_or_no_leading_zero_gets_the_code_it_looks_like() {
    let book = book_with_rules("rules:\n  R1O: off\n  r2: off\n");
    let run = audit(&book, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        settings_findings(&run),
        vec![
            on_settings(
                "E03",
                (10, 3, 10, 6),
                "unknown rule `R1O`",
                "did you mean `R10`?"
            ),
            on_settings(
                "E03",
                (11, 3, 11, 5),
                "unknown rule `r2`",
                "did you mean `R02`?"
            ),
        ]
    );
    // Neither setting applies: R10 and R02 still fire.
    assert_eq!(text(&the(&run, "R10", LATE), "severity"), "warning");
    assert_eq!(text(&the(&run, "R02", UNREPORTED), "severity"), "error");
}

#[test]
fn an_unknown_threshold_is_e03_naming_the_rule_and_what_it_has() {
    let book =
        book_with_rules("rules:\n  D08: {stage_day: 10}\n  R01: {cadence: 3}\n  R04: {days: 3}\n");
    let run = audit(&book, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        settings_findings(&run),
        vec![
            on_settings(
                "E03",
                (10, 9, 10, 18),
                "D08 has no threshold `stage_day`",
                "did you mean `stage_days`?"
            ),
            on_settings(
                "E03",
                (11, 9, 11, 16),
                "R01 has no threshold `cadence`",
                "R01 has: severity, days, key_days"
            ),
            on_settings(
                "E03",
                (12, 9, 12, 13),
                "R04 has no threshold `days`",
                "R04 has no thresholds; only `severity` is settable"
            ),
        ]
    );
}

#[test]
fn a_bad_severity_is_e02_at_the_value_and_the_rule_keeps_its_default() {
    let book = book_with_rules("rules:\n  R10: {severity: fatal}\n  R02: {severity: Error}\n");
    let run = audit(&book, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        settings_findings(&run),
        vec![
            on_settings(
                "E02",
                (10, 19, 10, 24),
                "`fatal` is not a severity",
                "write `error`, `warning` or `info`"
            ),
            on_settings(
                "E02",
                (11, 19, 11, 24),
                "`Error` is not a severity",
                "write `error`, `warning` or `info`"
            ),
        ]
    );
    assert_eq!(text(&the(&run, "R10", LATE), "severity"), "warning");
    assert_eq!(text(&the(&run, "R02", UNREPORTED), "severity"), "error");

    // The human view points at the value, with the help under it.
    let human = book.run(&["audit", "--color", "never", "--today", TODAY]);
    assert!(
        human.stdout.contains(
            "error[E02]: `fatal` is not a severity\n  --> rapport.yaml:10:19\n   |\n\
             10 |   R10: {severity: fatal}\n   |                   ^^^^^\n\
             \x20  = help: write `error`, `warning` or `info`\n"
        ),
        "{}",
        human.stdout
    );
}

#[test]
fn a_wrong_value_in_the_settings_leaves_the_rest_of_them_in_force() {
    // R02's threshold is not a number: E02 at it, and R02 keeps its default; R10's
    // severity beside it still applies, and so does the team, which E04 checks the
    // client's manager against.
    let book = book_with_rules("rules:\n  R02: {days: abc}\n  R10: {severity: error}\n");
    book.write(
        "clients/acme/client.yaml",
        &CLIENT.replace("manager: petrov", "manager: nobody"),
    );
    let run = audit(&book, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let got: Vec<(String, Span)> = settings_findings(&run)
        .into_iter()
        .map(|f| (f.code, f.span))
        .collect();
    assert_eq!(
        got,
        vec![("E02".to_owned(), (10, 15, 10, 18))],
        "{}",
        run.stdout
    );
    assert_eq!(text(&the(&run, "R10", LATE), "severity"), "error");
    assert_eq!(text(&the(&run, "R02", UNREPORTED), "severity"), "error");
    let e04 = the(&run, "E04", "clients/acme/client.yaml");
    assert!(text(&e04, "message").contains("`nobody`"), "{}", run.stdout);

    // A wrong VAT rate: the default stands in, and the team is still checked.
    book.write("rapport.yaml", &format!("{MINIMAL_SETTINGS}vat: abc\n"));
    let run = audit(&book, &[]);
    let got: Vec<(String, Span)> = settings_findings(&run)
        .into_iter()
        .map(|f| (f.code, f.span))
        .collect();
    assert_eq!(
        got,
        vec![("E02".to_owned(), (9, 6, 9, 9))],
        "{}",
        run.stdout
    );
    the(&run, "E04", "clients/acme/client.yaml");

    // A wrong team member: the team is not known then, so references to it are not
    // checked (an E04 for every client managed by the team would be the E02's echo).
    book.write(
        "rapport.yaml",
        &MINIMAL_SETTINGS.replace("name: Пётр Петров", "name: [Пётр]"),
    );
    let run = audit(&book, &[]);
    assert_eq!(
        findings(&run).iter().filter(|f| f.0 == "E04").count(),
        0,
        "{}",
        run.stdout
    );
}

#[test]
fn rules_settings_are_not_the_place_for_off_true() {
    // The format has `R10: off`; a map with `off: true` is read as a threshold named
    // `off`, which must be refused, never taken as "on with defaults".
    let run = audit(&book_with_rules("rules:\n  R10: {off: true}\n"), &[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let got: Vec<(String, Span)> = settings_findings(&run)
        .into_iter()
        .map(|f| (f.code, f.span))
        .collect();
    assert_eq!(
        got,
        vec![("E02".to_owned(), (10, 14, 10, 18))],
        "{}",
        run.stdout
    );
}

#[test]
fn a_severity_override_changes_the_finding_and_the_exit_code() {
    // R10 is a warning by default: `--fail-on error` passes on it alone.
    let default = book_with_rules("");
    let run = audit(&default, &["--rule", "R10", "--fail-on", "error"]);
    assert_eq!(findings(&run), vec![found("R10", "warning", LATE, 4)]);
    assert_eq!(run.code, 0);

    let error = book_with_rules("rules:\n  R10: {severity: error}\n");
    let run = audit(&error, &["--rule", "R10", "--fail-on", "error"]);
    assert_eq!(findings(&run), vec![found("R10", "error", LATE, 4)]);
    assert_eq!(run.json()["summary"]["errors"], 1);
    assert_eq!(run.code, 1);
    let human = error.run(&[
        "audit", "--color", "never", "--today", TODAY, "--rule", "R10",
    ]);
    assert!(
        human
            .stdout
            .starts_with("error[R10]: we were 5 minutes late"),
        "{}",
        human.stdout
    );
    assert_eq!(human.code, 1);

    // Down to info: not even `--fail-on warning` fails on it.
    let info = book_with_rules("rules:\n  R10: {severity: info}\n");
    let run = audit(&info, &["--rule", "R10", "--fail-on", "warning"]);
    assert_eq!(findings(&run), vec![found("R10", "info", LATE, 4)]);
    assert_eq!(run.json()["summary"]["infos"], 1);
    assert_eq!(run.code, 0);

    // And an error rule down to a warning: the default `--fail-on error` passes.
    let warning = book_with_rules("rules:\n  R02: {severity: warning}\n");
    let run = audit(&warning, &[]);
    assert_eq!(
        findings(&run),
        vec![
            found("R10", "warning", LATE, 4),
            found("R02", "warning", UNREPORTED, 1),
        ]
    );
    assert_eq!(run.code, 0);
}

#[test]
fn off_removes_that_rule_s_findings_and_no_other() {
    for rules in ["rules:\n  R10: off\n", "rules:\n  R10: \"off\"\n"] {
        let run = audit(&book_with_rules(rules), &[]);
        assert_eq!(
            findings(&run),
            vec![found("R02", "error", UNREPORTED, 1)],
            "{rules}"
        );
        assert_eq!(run.code, 1);
    }
    let run = audit(&book_with_rules("rules:\n  R02: off\n"), &[]);
    assert_eq!(findings(&run), vec![found("R10", "warning", LATE, 4)]);
    assert_eq!(run.code, 0, "only a warning is left");
}

/// A lead since 2026-10-28: 30 days on 2026-11-27. D08's `stage_days` is 30 by
/// default, and exactly that many days is not stale yet.
fn lead_book(rules: &str) -> TempBook {
    let book = TempBook::empty();
    book.write("rapport.yaml", &format!("{MINIMAL_SETTINGS}{rules}"))
        .write("clients/acme/client.yaml", CLIENT)
        .write(
            "clients/acme/projects/tender.yaml",
            "title: Тендер на печать\nstage: lead\nstage_since: 2026-10-28\n",
        );
    book
}

#[test]
fn a_threshold_moves_the_boundary() {
    const TENDER: &str = "clients/acme/projects/tender.yaml";
    let d08 = |book: &TempBook, today: &str| {
        book.run(&[
            "audit", "--format", "json", "--today", today, "--rule", "D08",
        ])
    };
    // Default 30: day 30 is silent, day 31 fires.
    let default = lead_book("");
    let run = d08(&default, TODAY);
    assert_eq!(findings(&run), vec![], "{}", run.stdout);
    let run = d08(&default, "2026-11-28");
    assert_eq!(findings(&run), vec![found("D08", "warning", TENDER, 3)]);
    assert_eq!(
        text(&the(&run, "D08", TENDER), "message"),
        "project «Тендер на печать» has been in stage `lead` since 2026-10-28, 31 days, \
         more than the 30 days allowed"
    );

    // 29: day 30 fires now, at the `stage_since` value.
    let run = d08(&lead_book("rules:\n  D08: {stage_days: 29}\n"), TODAY);
    assert_eq!(findings(&run), vec![found("D08", "warning", TENDER, 3)]);
    let f = the(&run, "D08", TENDER);
    assert_eq!(span(&f), (3, 14, 3, 24));
    assert_eq!(
        text(&f, "message"),
        "project «Тендер на печать» has been in stage `lead` since 2026-10-28, 30 days, \
         more than the 29 days allowed"
    );

    // 31: day 31 is silent again.
    let run = d08(
        &lead_book("rules:\n  D08: {stage_days: 31}\n"),
        "2026-11-28",
    );
    assert_eq!(findings(&run), vec![], "{}", run.stdout);

    // The other threshold of the rule does not move this one.
    let run = d08(&lead_book("rules:\n  D08: {active_days: 1}\n"), TODAY);
    assert_eq!(findings(&run), vec![], "{}", run.stdout);
}

// ---- waivers -------------------------------------------------------------------------

/// Four late meetings: waived for good, waived until yesterday (lapsed), waived until
/// today (still in force), and not waived (though the client waives R10 for itself).
/// The first also lacks its report (R02), which its R10 waiver must not silence.
fn waiver_book() -> TempBook {
    let book = TempBook::new();
    book.write(
        "clients/acme/client.yaml",
        "name: Акме\nstatus: paused\nmanager: petrov\n\
         waive: [{rule: R10, reason: клиент сам переносит встречи}]\n\
         contacts:\n  - {id: ivanov, name: Иван Иванов}\n",
    )
    .write(
        "clients/acme/meetings/2026-11-20-waived.yaml",
        "at: 2026-11-20T10:00\nformat: call\nattendees: {client: [ivanov], agency: [petrov]}\n\
         late_minutes: 5\nwaive:\n  - {rule: R10, reason: пробки из-за снегопада}\n",
    )
    .write(
        "clients/acme/meetings/2026-11-23-lapsed.yaml",
        "at: 2026-11-23T10:00\nformat: call\nattendees: {client: [ivanov], agency: [petrov]}\n\
         late_minutes: 10\nreport: {sent: 2026-11-23T15:00}\n\
         waive:\n  - {rule: R10, reason: сбой связи, until: 2026-11-26}\n",
    )
    .write(
        "clients/acme/meetings/2026-11-24-today.yaml",
        "at: 2026-11-24T10:00\nformat: call\nattendees: {client: [ivanov], agency: [petrov]}\n\
         late_minutes: 15\nreport: {sent: 2026-11-24T15:00}\n\
         waive:\n  - {rule: R10, reason: сбой связи, until: 2026-11-27}\n",
    )
    .write(
        "clients/acme/meetings/2026-11-25-plain.yaml",
        "at: 2026-11-25T10:00\nformat: call\nattendees: {client: [ivanov], agency: [petrov]}\n\
         late_minutes: 20\nreport: {sent: 2026-11-25T15:00}\n",
    );
    book
}

#[test]
fn a_waiver_silences_that_rule_on_that_entity_only() {
    let run = audit(&waiver_book(), &[]);
    assert_eq!(
        findings(&run),
        vec![
            // Not R10 (waived), but R02 on the same meeting.
            found(
                "R02",
                "error",
                "clients/acme/meetings/2026-11-20-waived.yaml",
                1
            ),
            // The lapsed waiver.
            found(
                "R10",
                "warning",
                "clients/acme/meetings/2026-11-23-lapsed.yaml",
                4
            ),
            // No waiver of its own: the client's does not reach its meetings.
            found(
                "R10",
                "warning",
                "clients/acme/meetings/2026-11-25-plain.yaml",
                4
            ),
        ],
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 1);
}

#[test]
fn a_lapsed_waiver_says_when_it_lapsed() {
    let run = audit(&waiver_book(), &["--rule", "R10"]);
    let f = the(&run, "R10", "clients/acme/meetings/2026-11-23-lapsed.yaml");
    assert_eq!(
        text(&f, "message"),
        "we were 10 minutes late for the call on 2026-11-23 at 10:00 with Иван Иванов \
         (its waiver lapsed on 2026-11-26)"
    );
    let f = the(&run, "R10", "clients/acme/meetings/2026-11-25-plain.yaml");
    assert!(!text(&f, "message").contains("waiver"), "{f}");
    // A day earlier the waiver was in force.
    let run = waiver_book().run(&[
        "audit",
        "--format",
        "json",
        "--today",
        "2026-11-26",
        "--rule",
        "R10",
    ]);
    assert_eq!(
        findings(&run),
        vec![found(
            "R10",
            "warning",
            "clients/acme/meetings/2026-11-25-plain.yaml",
            4
        )]
    );
}

#[test]
fn no_waivers_brings_every_waived_finding_back() {
    let run = audit(&waiver_book(), &["--no-waivers", "--rule", "R10"]);
    let meeting = |name: &str| {
        found(
            "R10",
            "warning",
            &format!("clients/acme/meetings/{name}"),
            4,
        )
    };
    assert_eq!(
        findings(&run),
        vec![
            meeting("2026-11-20-waived.yaml"),
            meeting("2026-11-23-lapsed.yaml"),
            meeting("2026-11-24-today.yaml"),
            meeting("2026-11-25-plain.yaml"),
        ],
        "{}",
        run.stdout
    );
    // Waivers ignored, none lapsed: the message is the plain one.
    for f in run.json()["findings"].as_array().expect("findings") {
        assert!(!text(f, "message").contains("waiver"), "{f}");
    }
    assert_eq!(run.code, 0, "warnings only");
    assert_eq!(
        audit(
            &waiver_book(),
            &["--no-waivers", "--rule", "R10", "--fail-on", "warning"]
        )
        .code,
        1
    );
}

// ---- PATH… -------------------------------------------------------------------------

const ACME_INVOICE: &str = "clients/acme/invoices/2026-0001.yaml";
const BETA_INVOICE: &str = "clients/beta/invoices/2026-0001.yaml";
const ACME_LATE: &str = "clients/acme/meetings/2026-11-20-late.yaml";

/// Two clients whose invoices share the number 2026-0001: D05 reports the later one
/// (beta's), naming acme's; both are unpaid (D04); acme was late for a meeting (R10).
fn two_client_book() -> TempBook {
    let book = TempBook::new();
    book.write("clients/acme/client.yaml", CLIENT)
        .write(
            "clients/beta/client.yaml",
            "name: Бета\nstatus: paused\nmanager: petrov\ncontacts:\n  - {id: belov, name: Борис Белов}\n",
        )
        .write(
            ACME_INVOICE,
            "number: 2026-0001\ndate: 2026-02-10\nlines: [{item: Услуги, price: 10000}]\n",
        )
        .write(
            BETA_INVOICE,
            "number: 2026-0001\ndate: 2026-05-01\nlines: [{item: Услуги, price: 10000}]\n",
        )
        .write(ACME_LATE, LATE_MEETING);
    book
}

fn beta_only() -> Vec<Found> {
    vec![
        found("D05", "error", BETA_INVOICE, 1),
        found("D04", "error", BETA_INVOICE, 2),
        // No act closes the invoice (D13).
        found("D13", "warning", BETA_INVOICE, 2),
    ]
}

#[test]
fn the_two_client_book_in_full() {
    let run = audit(&two_client_book(), &[]);
    assert_eq!(
        findings(&run),
        vec![
            found("D04", "error", ACME_INVOICE, 2),
            found("D13", "warning", ACME_INVOICE, 2),
            found("R10", "warning", ACME_LATE, 4),
            found("D05", "error", BETA_INVOICE, 1),
            found("D04", "error", BETA_INVOICE, 2),
            found("D13", "warning", BETA_INVOICE, 2),
        ],
        "{}",
        run.stdout
    );
}

#[test]
fn paths_narrow_the_findings_while_rules_still_read_the_whole_book() {
    let book = two_client_book();
    let root = book.path().to_str().expect("utf-8 path").to_owned();
    let abs_file = format!("{root}/{BETA_INVOICE}");
    let abs_folder = format!("{root}/clients/beta/invoices");
    for path in [
        "beta",
        "clients/beta",
        "./clients/beta/",
        BETA_INVOICE,
        abs_file.as_str(),
        abs_folder.as_str(),
    ] {
        let run = audit(&book, &[path]);
        assert_eq!(findings(&run), beta_only(), "PATH {path}: {}", run.stdout);
        assert_eq!(run.code, 1, "PATH {path}");
        // The duplicate is still found, though acme's invoice was not asked about.
        assert!(
            text(&the(&run, "D05", BETA_INVOICE), "message").contains(ACME_INVOICE),
            "PATH {path}"
        );
        // The summary counts the book's files, the findings only those shown.
        assert_eq!(
            run.json()["summary"],
            serde_json::json!({"files": 6, "errors": 2, "warnings": 1, "infos": 0, "waived": 0}),
            "PATH {path}"
        );
    }

    // Relative to the current folder, inside the book.
    let run = rapport_in(
        &book.path().join("clients"),
        &[
            "audit",
            "--format",
            "json",
            "--today",
            TODAY,
            "beta/invoices/2026-0001.yaml",
        ],
    );
    assert_eq!(findings(&run), beta_only(), "{}", run.stderr);

    // Relative to the book's root, from a folder outside it.
    let elsewhere = TempBook::empty();
    let run = rapport_in(
        elsewhere.path(),
        &[
            "audit",
            "--format",
            "json",
            "--today",
            TODAY,
            "--book",
            &root,
            "clients/beta",
        ],
    );
    assert_eq!(findings(&run), beta_only(), "{}", run.stderr);

    // With `..` in it, from outside the book: the folder it comes to, not nothing.
    let run = rapport_in(
        elsewhere.path(),
        &[
            "audit",
            "--format",
            "json",
            "--today",
            TODAY,
            "--book",
            &root,
            "clients/acme/../beta",
        ],
    );
    assert_eq!(findings(&run), beta_only(), "{}", run.stderr);
}

#[test]
fn acme_s_paths_show_acme_s_findings_and_not_the_duplicate_reported_on_beta() {
    let book = two_client_book();
    let acme = vec![
        found("D04", "error", ACME_INVOICE, 2),
        found("D13", "warning", ACME_INVOICE, 2),
        found("R10", "warning", ACME_LATE, 4),
    ];
    assert_eq!(findings(&audit(&book, &["acme"])), acme);
    assert_eq!(findings(&audit(&book, &["clients/acme"])), acme);
    // Two paths: the union.
    let run = audit(&book, &[ACME_LATE, BETA_INVOICE]);
    assert_eq!(
        findings(&run),
        vec![
            found("R10", "warning", ACME_LATE, 4),
            found("D05", "error", BETA_INVOICE, 1),
            found("D04", "error", BETA_INVOICE, 2),
            found("D13", "warning", BETA_INVOICE, 2),
        ]
    );
    // A file without findings: none, and exit 0.
    let run = audit(&book, &["clients/acme/client.yaml"]);
    assert_eq!(findings(&run), vec![]);
    assert_eq!(run.code, 0);
    // Only warnings in the file asked about: the default `--fail-on error` passes.
    let run = audit(&book, &[ACME_LATE]);
    assert_eq!(findings(&run), vec![found("R10", "warning", ACME_LATE, 4)]);
    assert_eq!(run.code, 0);
}

#[test]
fn a_path_that_does_not_exist_is_exit_code_2() {
    let book = two_client_book();
    let run = audit(&book, &["clients/gamma"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: clients/gamma: no such file or folder, and no client with that ID\n"
    );
    let run = audit(&book, &["gamma"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("gamma: no such file or folder, and no client with that ID"),
        "{}",
        run.stderr
    );

    // A folder that exists but is not in the book.
    let elsewhere = TempBook::empty();
    let outside = elsewhere.path().to_str().expect("utf-8 path");
    let run = audit(&book, &[outside]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains(&format!("{outside} is outside the book")),
        "{}",
        run.stderr
    );
}

// ---- --rule ------------------------------------------------------------------------

#[test]
fn rule_is_repeatable_and_keeps_only_those_codes() {
    let book = two_client_book();
    let run = audit(&book, &["--rule", "R10", "--rule", "D05"]);
    assert_eq!(
        findings(&run),
        vec![
            found("R10", "warning", ACME_LATE, 4),
            found("D05", "error", BETA_INVOICE, 1),
        ]
    );
    assert_eq!(run.code, 1);
    let run = audit(&book, &["--rule", "R10"]);
    assert_eq!(findings(&run), vec![found("R10", "warning", ACME_LATE, 4)]);
    assert_eq!(run.code, 0);
    // In lower case too, as `rapport rules r10` takes it.
    let run = audit(&book, &["--rule", "r10"]);
    assert_eq!(findings(&run), vec![found("R10", "warning", ACME_LATE, 4)]);
    // With a path as well: both narrow.
    let run = audit(&book, &["--rule", "D04", "beta"]);
    assert_eq!(findings(&run), vec![found("D04", "error", BETA_INVOICE, 2)]);
}

#[test]
fn an_unknown_rule_is_exit_code_2_with_a_suggestion_when_there_is_one() {
    let book = two_client_book();
    let run = audit(&book, &["--rule", "R10", "--rule", "D99"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: --rule D99: no such rule; did you mean D09?\n"
    );
    // A letter O for a zero: R10, not whichever code one edit away scores best.
    let run = audit(&book, &["--rule", "R1O"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr,
        "error: --rule R1O: no such rule; did you mean R10?\n"
    );
    let run = audit(&book, &["--rule", "XYZ"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: --rule XYZ: no such rule; `rapport rules` lists them\n"
    );
}

// ---- --fail-on -----------------------------------------------------------------------

#[test]
fn fail_on_levels_on_one_book() {
    // Errors (D04, D05) and a warning (R10).
    let book = two_client_book();
    let code = |args: &[&str]| audit(&book, args).code;
    assert_eq!(code(&[]), 1, "errors fail by default");
    assert_eq!(code(&["--fail-on", "error"]), 1);
    assert_eq!(code(&["--fail-on", "warning"]), 1);
    assert_eq!(code(&["--fail-on", "never"]), 0);

    // The same book seen through its warning alone.
    let only_warning = ["--rule", "R10"];
    assert_eq!(code(&only_warning), 0);
    assert_eq!(
        code(&[&only_warning[..], &["--fail-on", "error"]].concat()),
        0
    );
    assert_eq!(
        code(&[&only_warning[..], &["--fail-on", "warning"]].concat()),
        1
    );
    assert_eq!(
        code(&[&only_warning[..], &["--fail-on", "never"]].concat()),
        0
    );

    // Every finding an info: nothing fails.
    book.write(
        "rapport.yaml",
        &format!(
            "{MINIMAL_SETTINGS}rules:\n  D04: {{severity: info}}\n  D05: {{severity: info}}\n  D13: {{severity: info}}\n  R10: {{severity: info}}\n"
        ),
    );
    let run = audit(&book, &["--fail-on", "warning"]);
    assert_eq!(
        run.json()["summary"],
        serde_json::json!({"files": 6, "errors": 0, "warnings": 0, "infos": 6, "waived": 0}),
        "{}",
        run.stdout
    );
    assert_eq!(run.code, 0);
    assert_eq!(code(&["--fail-on", "error"]), 0);
}

#[test]
fn a_bad_fail_on_is_exit_code_2() {
    let run = audit(&two_client_book(), &["--fail-on", "warnings"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("warnings"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("[possible values: error, warning, never]"),
        "{}",
        run.stderr
    );
}

// ---- lists of words: R03's `kinds` -----------------------------------------------------

/// A copy task started before the brief was confirmed: R03 by default (copy is on the
/// creative side), with `rules` from line 9 of rapport.yaml.
fn copy_book(rules: &str) -> TempBook {
    let book = TempBook::empty();
    book.write("rapport.yaml", &format!("{MINIMAL_SETTINGS}{rules}"))
        .write("clients/acme/client.yaml", CLIENT)
        .write(
            "clients/acme/projects/texts.yaml",
            "title: Тексты\nstage: done\nbrief: {confirmed: 2026-11-10}\n\
             tasks:\n  - {id: copy, kind: copy, start: 2026-11-05, done: 2026-11-06}\n",
        );
    book
}

#[test]
fn r03_reads_the_kinds_of_its_setting() {
    const TEXTS: &str = "clients/acme/projects/texts.yaml";
    let r03 = |book: &TempBook| audit(book, &["--rule", "R03"]);
    let run = r03(&copy_book(""));
    assert_eq!(findings(&run), vec![found("R03", "error", TEXTS, 5)]);
    assert_eq!(
        text(&the(&run, "R03", TEXTS), "message"),
        "project «Тексты»: copy task `copy` started on 2026-11-05, but the brief was \
         confirmed only on 2026-11-10, 5 days later"
    );
    // Only creative tasks: the copy task may start before the confirmation.
    let run = r03(&copy_book("rules:\n  R03: {kinds: [creative]}\n"));
    assert_eq!(findings(&run), vec![], "{}", run.stdout);
    // Any kind may be named.
    let run = r03(&copy_book("rules:\n  R03: {kinds: [design, copy]}\n"));
    assert_eq!(findings(&run), vec![found("R03", "error", TEXTS, 5)]);
}

#[test]
fn a_word_a_list_does_not_allow_or_a_list_for_a_number_is_e02() {
    let book = copy_book(
        "rules:\n  R03: {kinds: [creativ, copy]}\n  R17: {late_window_days: [7]}\n  R26: {recent_months: 6}\n  R23: {window: 10, former_clients: 1}\n",
    );
    let run = audit(&book, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        settings_findings(&run),
        vec![
            on_settings(
                "E02",
                (10, 17, 10, 24),
                "`creativ` is not one of R03's `kinds`",
                "did you mean `creative`?"
            ),
            on_settings(
                "E02",
                (11, 27, 11, 30),
                "R17's `late_window_days` is a whole number",
                "write it as a whole number, like `late_window_days: 30`"
            ),
        ]
    );
    let run = audit(&copy_book("rules:\n  R03: {kinds: 2}\n"), &[]);
    assert_eq!(
        settings_findings(&run),
        vec![on_settings(
            "E02",
            (10, 16, 10, 17),
            "R03's `kinds` is a list of words",
            "write it as a list of words, like `kinds: [creative, copy]`"
        )]
    );
}

// ---- waivers on one item ---------------------------------------------------------------

#[test]
fn a_waiver_on_one_item_is_checked_and_one_for_a_rule_that_never_reports_there_is_e08() {
    const P: &str = "clients/acme/projects/texts.yaml";
    let book = copy_book("");
    book.write(
        P,
        "title: Тексты\nstage: done\n\
         deadline_changes:\n\
         \x20 - from: 2026-11-20\n    to: 2026-11-27\n    decided: 2026-11-10\n    client_told: 2026-11-10\n\
         \x20   waive: [{rule: R08}]\n\
         feedback:\n\
         \x20 - date: 2026-11-02\n    comments:\n\
         \x20     - {text: Короче, response: принято, waive: [{rule: R08, reason: по ошибке}]}\n",
    );
    let run = audit(&book, &[]);
    let e08: Vec<(String, String, Span, String)> = run.json()["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "E08")
        .map(|f| {
            (
                text(f, "severity").to_owned(),
                text(f, "file").to_owned(),
                span(f),
                text(f, "message").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        e08,
        vec![
            (
                "error".to_owned(),
                P.to_owned(),
                (8, 13, 8, 24),
                "waiver of R08 without a reason".to_owned()
            ),
            (
                "warning".to_owned(),
                P.to_owned(),
                (12, 58, 12, 61),
                "R08 never reports on a comment: this waiver silences nothing".to_owned()
            ),
        ],
        "{}",
        run.stdout
    );
}
