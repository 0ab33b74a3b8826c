//! Every automated rule fires on its `fires` fixture with exactly the findings pinned in
//! `tests/rules/CODE/fires/expected.txt`, and stays silent on its near miss. The rule
//! list comes from `rapport rules --format json`, so a rule added without fixtures fails
//! here. And `rapport rules CODE` explains each code the same way in text and in JSON.
//!
//! `expected.txt` is a snapshot of the full findings, compared byte for byte: the human
//! view (`rapport audit --format human --color never`: severity, code, message, file,
//! line, column, the source line with its caret, the help), which is what users read,
//! then where each finding starts and ends from `--format json` of the same run, which
//! the caret alone does not show for a span over several lines. The test also checks
//! that the two formats agree on every field, so the snapshot pins both. Paths are the
//! book's own (relative); today is fixed (2026-11-27, or the case's `today` file).
//!
//! The snapshots are plain files with a bless switch rather than `insta` snapshots:
//! - `UPDATE_GOLDEN=1 cargo test --test rules` rewrites them, and `git diff` is the
//!   review: one command, no tool to install (insta's review workflow needs
//!   `cargo-insta`), no new dependency, and the switch is the one the golden files of
//!   the report tests already use;
//! - a snapshot is exactly the text a user sees, with no metadata header to churn, so a
//!   change of wording diffs as the changed message lines;
//! - the files sit beside their fixtures, where `tests/rules/README.md` says they are.
//!
//! A difference fails with a line diff (`-` expected, `+` actual) and the command that
//! accepts it. `RULE_FIXTURES=R01,R03` narrows a run (and a bless) to those rules.

mod common;
mod snapshot_support;

use std::fs;
use std::path::Path;

use common::{TempBook, rapport};
use serde_json::Value;

/// The name of the snapshot in a `fires` case; not copied into the book.
const SNAPSHOT: &str = "expected.txt";
/// The same findings as the Russian interface prints them (`--lang ru`).
const SNAPSHOT_RU: &str = "expected.ru.txt";

/// Copies a fixture folder, without its snapshot and without the parse cache that
/// `the_base_book_is_clean` leaves in `base/.rapport/` (git ignores it): a case starts
/// from its files alone.
fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("read fixture folder") {
        let entry = entry.expect("fixture entry");
        let target = to.join(entry.file_name());
        if entry.file_name() == ".rapport" {
            continue;
        }
        if entry.file_type().expect("file type").is_dir() {
            fs::create_dir_all(&target).expect("create folder");
            copy_tree(&entry.path(), &target);
        } else if entry.file_name() != SNAPSHOT {
            fs::copy(entry.path(), &target).expect("copy fixture file");
        }
    }
}

/// One run of `code` alone on the case `rules/CODE/CASE` laid over `rules/base`.
struct Case {
    book: TempBook,
    today: String,
    label: String,
}

impl Case {
    fn new(code: &str, case: &str) -> Case {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules");
        let case_dir = dir.join(code).join(case);
        assert!(
            case_dir.is_dir(),
            "{code} has no fixture tests/rules/{code}/{case}/"
        );
        let book = TempBook::empty();
        copy_tree(&dir.join("base"), book.path());
        copy_tree(&case_dir, book.path());
        let today = fs::read_to_string(case_dir.join("today"))
            .map(|t| t.trim().to_owned())
            .unwrap_or_else(|_| "2026-11-27".to_owned());
        Case {
            book,
            today,
            label: format!("{code}/{case}"),
        }
    }

    fn args<'a>(&'a self, code: &'a str, format: &'a str) -> Vec<&'a str> {
        let mut args = vec!["audit", "--today", &self.today, "--rule", code];
        args.extend(["--format", format]);
        if format == "human" {
            args.extend(["--color", "never"]);
        }
        args
    }

    /// The JSON findings of `code`, after checking that the case is a valid book (no
    /// E-code) and that only `code` reported.
    fn findings(&self, code: &str) -> Vec<Value> {
        let run = self.book.run(&self.args(code, "json"));
        let doc = run.json();
        let findings = doc["findings"].as_array().expect("findings").clone();
        let book_errors: Vec<_> = findings
            .iter()
            .filter(|f| f["code"].as_str().is_some_and(|c| c.starts_with('E')))
            .collect();
        assert!(
            book_errors.is_empty(),
            "{} is not a valid book: {book_errors:#?}",
            self.label
        );
        for f in &findings {
            assert_eq!(
                f["code"], code,
                "{}: `--rule {code}` ran another rule",
                self.label
            );
        }
        findings
    }

    /// The snapshot of `findings`, the JSON findings of `code` (see
    /// [`snapshot_support::audit_snapshot`]).
    fn snapshot(&self, code: &str, findings: &[Value]) -> String {
        let human = self.book.run(&self.args(code, "human"));
        let args = self.args(code, "human")[1..].join(" ");
        let header = format!(
            "rapport audit {args}\non tests/rules/base with tests/rules/{} laid over it",
            self.label
        );
        snapshot_support::audit_snapshot(&header, &human.stdout, findings)
    }

    /// The human findings of `code` in Russian, under the command that printed them.
    fn snapshot_ru(&self, code: &str) -> String {
        let mut args = self.args(code, "human");
        args.extend(["--lang", "ru"]);
        let human = self.book.run(&args);
        format!(
            "# rapport {}\n# on tests/rules/base with tests/rules/{} laid over it\n\n{}",
            args.join(" "),
            self.label,
            human.stdout
        )
    }
}

fn automated_codes() -> Vec<String> {
    let run = rapport(&["rules", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter(|r| {
            r["automated"] == true && r["code"].as_str().is_some_and(|c| !c.starts_with('E'))
        })
        .map(|r| r["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn every_rule_gives_its_pinned_findings_and_is_silent_on_its_near_miss() {
    let mut failures = Vec::new();
    // RULE_FIXTURES=R01,R03 narrows the run while working on those rules.
    let only: Option<Vec<String>> = std::env::var("RULE_FIXTURES")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .map(|v| v.split(',').map(|c| c.trim().to_owned()).collect());
    let codes = automated_codes();
    for code in &codes {
        if only.as_ref().is_some_and(|o| !o.contains(code)) {
            continue;
        }
        let fires = Case::new(code, "fires");
        let findings = fires.findings(code);
        assert!(
            !findings.is_empty(),
            "{code}/fires: the rule finds nothing on its fixture"
        );
        let shown = format!("tests/rules/{code}/fires/{SNAPSHOT}");
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(&shown);
        let bless = "cargo test --test rules";
        if let Err(failure) =
            snapshot_support::check(&path, &shown, &fires.snapshot(code, &findings), bless)
        {
            failures.push(failure);
        }
        let shown = format!("tests/rules/{code}/fires/{SNAPSHOT_RU}");
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(&shown);
        if let Err(failure) =
            snapshot_support::check(&path, &shown, &fires.snapshot_ru(code), bless)
        {
            failures.push(failure);
        }
        let silent = Case::new(code, "silent").findings(code);
        if !silent.is_empty() {
            failures.push(format!("{code}/silent: expected nothing, got {silent:#?}"));
        }
    }
    // And no fixture folder is left for a code that is not an automated rule.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules");
    for entry in fs::read_dir(&dir).expect("tests/rules") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().expect("file type").is_dir() && name != "base" {
            assert!(
                codes.contains(&name),
                "tests/rules/{name}/ is not the fixture of an automated rule"
            );
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn the_base_book_is_clean() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules/base");
    let run = common::rapport(&[
        "audit",
        "--format",
        "json",
        "--today",
        "2026-11-27",
        "--book",
        dir.to_str().expect("utf-8 path"),
    ]);
    let doc = run.json();
    assert_eq!(doc["findings"], serde_json::json!([]), "{}", run.stdout);
    assert_eq!(run.code, 0);
}

/// The explanation in `rapport rules CODE`'s text view: after the header (code, name
/// and summary; for a rule, its default severity too) and a blank line, up to the
/// settings block of a rule with thresholds.
fn text_explanation(code: &str, text: &str) -> String {
    let header_lines = if code.starts_with('E') { 2 } else { 3 };
    let mut lines = text.split_inclusive('\n');
    for _ in 0..header_lines {
        lines.next();
    }
    let body: String = lines.collect();
    let body = body
        .split_once("\nSettings (rapport.yaml):\n")
        .map_or(body.as_str(), |(before, _)| before);
    body.strip_suffix('\n')
        .unwrap_or_else(|| panic!("{code}: the text view ends with a newline:\n{text}"))
        .to_owned()
}

#[test]
fn the_json_explanation_is_the_text_one_without_the_doc_comment_indent() {
    let listed = rapport(&["rules", "--format", "json"]).json();
    let codes: Vec<&str> = listed["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["code"].as_str().expect("a code"))
        .collect();
    assert!(codes.len() > 40, "{codes:?}");
    let mut continuations = 0;
    for code in codes {
        let json = rapport(&["rules", code, "--format", "json"]);
        assert_eq!(json.code, 0, "{code}: {}", json.stderr);
        let doc = json.json()["doc"]
            .as_str()
            .unwrap_or_else(|| panic!("{code}: `doc` is text"))
            .to_owned();
        let text = rapport(&["rules", code]);
        assert_eq!(text.code, 0, "{code}: {}", text.stderr);
        assert_eq!(
            doc,
            text_explanation(code, &text.stdout),
            "{code}: JSON `doc` differs from the text view"
        );

        assert!(!doc.starts_with(char::is_whitespace), "{code}: {doc:?}");
        assert!(!doc.ends_with(char::is_whitespace), "{code}: {doc:?}");
        // A line starts with a space only as the continuation of a list item: two
        // spaces, under an item (`- `) or a continuation of one.
        let mut in_item = false;
        for line in doc.lines() {
            if line.starts_with(' ') {
                assert!(
                    in_item && line.starts_with("  ") && !line[2..].starts_with(' '),
                    "{code}: a line starts with a space outside a list item: {line:?}\n{doc}"
                );
                continuations += 1;
            } else {
                in_item = line.starts_with("- ");
            }
            assert_eq!(line, line.trim_end(), "{code}: trailing space in {line:?}");
        }
        if code == "R06" {
            assert!(
                doc.starts_with("## Why\nA letter left unanswered overnight"),
                "{doc:?}"
            );
            assert!(doc.contains("\n\n## What it reads\nInbound log entries"));
        }
    }
    // The list items' continuation lines keep their indent.
    assert!(continuations > 0);
}

#[test]
fn a_mistyped_code_gets_the_code_it_looks_like() {
    // A letter O for a zero is one edit from R10, R11 and R12 alike: it is read as a
    // zero, not left to whichever of them the string distance happens to prefer.
    for (typed, meant) in [
        ("R1O", "R10"),
        ("RO2", "R02"),
        ("R6", "R06"),
        ("DI0", "D10"),
    ] {
        let run = rapport(&["rules", typed]);
        assert_eq!(run.code, 2, "{typed}: {run:?}");
        assert_eq!(run.stdout, "", "{typed}");
        assert_eq!(
            run.stderr,
            format!("error: no rule {typed}; did you mean {meant}?\n"),
            "{typed}"
        );
    }
    let run = rapport(&["rules", "R99"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stderr, "error: no rule R99; did you mean R09?\n");
}
