//! The outputs for CI: `--format sarif` validated against the OASIS SARIF 2.1.0 schema
//! by an independent validator (`check-jsonschema` from PyPI, in the tests' own venv:
//! tests/checkers)
//! and checked for what GitHub code scanning needs beyond the schema; `--format
//! github` workflow commands; exit codes for each `--fail-on`.
//!
//! The schema is our own copy, `tests/schemas/sarif-schema-2.1.0.json` (from
//! `../shared/schemas/`). When the validator cannot be had the tests fail, saying
//! why: they never skip.

mod checkers;
mod common;

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use common::{Run, TempBook, example_book, fixture, rapport};
use serde_json::{Value, json};

const TODAY: &str = "2026-11-27";

/// The committed copy of the OASIS schema (SARIF 2.1.0, errata 01).
fn schema() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json")
}

/// Runs `check-jsonschema --schemafile SCHEMA FILE` on `text`: Ok, or what the
/// validator said. Panics, saying why, when the validator cannot be had.
fn validate(text: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("out.sarif");
    fs::write(&file, text).expect("write the SARIF file");
    let out = checkers::checkers()
        .command("check-jsonschema")
        .arg("--schemafile")
        .arg(schema())
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("check-jsonschema could not be run: {e}"));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    match out.status.code() {
        Some(0) => Ok(()),
        // 1: the document does not validate. Anything else: the validator itself failed.
        Some(1) => Err(said),
        other => panic!("check-jsonschema failed to run ({other:?}):\n{said}"),
    }
}

/// What the audit says on standard error of a book outside git (its history checks
/// skipped); nothing else may be there.
const NOT_IN_GIT: &str =
    "note: the history checks (R08, D05) were skipped: the book is not in a git repository\n";

/// Asserts that `run` printed SARIF that the validator accepts; returns it parsed.
fn valid_sarif(run: &Run) -> Value {
    assert!(
        run.stderr.is_empty() || run.stderr == NOT_IN_GIT,
        "stderr: {}",
        run.stderr
    );
    if let Err(said) = validate(&run.stdout) {
        panic!(
            "the SARIF does not validate:\n{said}\n--- the SARIF:\n{}",
            run.stdout
        );
    }
    run.json()
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{pointer}: not a string in {v:#}"))
}

fn u64_at(v: &Value, pointer: &str) -> u64 {
    v.pointer(pointer)
        .and_then(Value::as_u64)
        .unwrap_or_else(|| panic!("{pointer}: not an unsigned integer in {v:#}"))
}

/// A relative URI reference of a file: only unreserved characters, `/` and `%XX`
/// escapes of UTF-8 (RFC 3986), decoded. Panics when the URI is not one.
fn decode_uri(uri: &str) -> String {
    assert!(
        !uri.is_empty() && !uri.starts_with('/'),
        "not a relative path: {uri:?}"
    );
    let bytes = uri.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let hex = uri.get(i + 1..i + 3).unwrap_or("");
            let byte = u8::from_str_radix(hex, 16)
                .unwrap_or_else(|_| panic!("a bad escape at {i} in {uri:?}"));
            assert!(hex.len() == 2, "a bad escape at {i} in {uri:?}");
            out.push(byte);
            i += 3;
        } else {
            assert!(
                b.is_ascii_alphanumeric() || b"-._~/".contains(&b),
                "{:?} must be percent-encoded in the URI {uri:?}",
                char::from(b)
            );
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| panic!("{uri:?} is not UTF-8"))
}

/// One result, as GitHub reads it.
#[derive(Debug, PartialEq, Eq)]
struct Hit {
    rule: String,
    level: String,
    file: String,
    start: (u64, u64),
    end: (u64, u64),
    message: String,
}

/// GitHub code scanning's requirements beyond the schema (see
/// `../shared/schemas/README.md`), asserted on `doc`, the SARIF of the book at `book`.
/// Returns the results in order.
fn assert_github_ready(doc: &Value, book: &Path) -> Vec<Hit> {
    let schema = str_at(doc, "/$schema");
    assert!(
        schema.starts_with("https://") && schema.contains("sarif") && schema.contains("2.1.0"),
        "$schema: {schema}"
    );
    assert_eq!(doc["version"], "2.1.0");
    let runs = doc["runs"].as_array().expect("runs is a list");
    assert_eq!(runs.len(), 1, "one run");
    let run = &runs[0];
    assert_eq!(str_at(run, "/tool/driver/name"), "rapport");

    // Every rule described, each id once.
    let rules = run
        .pointer("/tool/driver/rules")
        .and_then(Value::as_array)
        .expect("tool.driver.rules is a list");
    let mut ids = Vec::new();
    for rule in rules {
        let id = str_at(rule, "/id");
        for (field, max) in [
            ("/shortDescription/text", Some(1024)),
            ("/fullDescription/text", Some(1024)),
            ("/help/text", None),
        ] {
            let text = str_at(rule, field);
            assert!(!text.trim().is_empty(), "{id}: {field} is empty");
            if let Some(max) = max {
                assert!(
                    text.chars().count() <= max,
                    "{id}: {field} has {} characters, GitHub shows {max}",
                    text.chars().count()
                );
            }
        }
        ids.push(id.to_owned());
    }
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "rule ids repeat: {ids:?}");
    // Every code that `rapport rules` knows is there, so any finding can point at it.
    let listed = rapport(&["rules", "--format", "json"]).json();
    for rule in listed["rules"].as_array().expect("rules is a list") {
        let code = rule["code"].as_str().expect("a code");
        assert!(
            ids.iter().any(|id| id == code),
            "{code} is not in tool.driver.rules"
        );
    }

    let results = run["results"].as_array().expect("results is a list");
    let mut hits = Vec::new();
    for r in results {
        let rule = str_at(r, "/ruleId");
        let index = u64_at(r, "/ruleIndex") as usize;
        assert_eq!(
            ids.get(index).map(String::as_str),
            Some(rule),
            "ruleIndex {index} of {rule} points at another rule"
        );
        let level = str_at(r, "/level");
        assert!(
            ["error", "warning", "note"].contains(&level),
            "level {level}"
        );
        let message = str_at(r, "/message/text");
        assert!(!message.trim().is_empty(), "{rule}: empty message");

        let loc = r
            .pointer("/locations/0/physicalLocation")
            .unwrap_or_else(|| panic!("{rule}: no physical location in {r:#}"));
        let file = decode_uri(str_at(loc, "/artifactLocation/uri"));
        let path = book.join(&file);
        assert!(path.is_file(), "{rule}: {file} is not a file of the book");
        let start = (
            u64_at(loc, "/region/startLine"),
            u64_at(loc, "/region/startColumn"),
        );
        let end = (
            u64_at(loc, "/region/endLine"),
            u64_at(loc, "/region/endColumn"),
        );
        assert!(
            start.0 >= 1 && start.1 >= 1,
            "{rule} at {file}: 1-based {start:?}"
        );
        assert!(
            end.0 >= start.0 && end.1 >= 1,
            "{rule} at {file}: {start:?}..{end:?}"
        );
        if end.0 == start.0 {
            assert!(
                end.1 > start.1,
                "{rule} at {file}: empty region {start:?}..{end:?}"
            );
        }
        let text =
            String::from_utf8_lossy(&fs::read(&path).expect("read a book file")).into_owned();
        // The region lies in the file. After a final line break there is one more,
        // empty line (SARIF counts lines by their terminators): a block mapping's region
        // ends at its start, and a syntax error at the end of input starts there.
        let eof = (text.lines().count() as u64 + 1, 1);
        let inside = |(line, col): (u64, u64)| {
            (line, col) == eof
                || text
                    .lines()
                    .nth(line as usize - 1)
                    .is_some_and(|l| col <= l.chars().count() as u64 + 1)
        };
        assert!(
            inside(start),
            "{rule} at {file}: {start:?} is not in the file"
        );
        // The end is exclusive: at most one past the line's last character, or one
        // past the start for a point (a missing key, the end of input) widened to show.
        assert!(
            inside(end) || end == (start.0, start.1 + 1),
            "{rule} at {file}: the end {end:?} is not in the file"
        );
        hits.push(Hit {
            rule: rule.to_owned(),
            level: level.to_owned(),
            file,
            start,
            end,
            message: message.to_owned(),
        });
    }
    hits
}

/// The findings of `--format json`, as the SARIF must carry them: error→error,
/// warning→warning, info→note; the help after the message; the same region.
fn expected_hits(json: &Value) -> Vec<Hit> {
    json["findings"]
        .as_array()
        .expect("findings is a list")
        .iter()
        .map(|f| {
            let level = match str_at(f, "/severity") {
                "error" => "error",
                "warning" => "warning",
                "info" => "note",
                other => panic!("severity {other}"),
            };
            let message = match f["help"].as_str() {
                Some(help) => format!("{} (help: {help})", str_at(f, "/message")),
                None => str_at(f, "/message").to_owned(),
            };
            let start = (u64_at(f, "/line"), u64_at(f, "/column"));
            let mut end = (u64_at(f, "/end_line"), u64_at(f, "/end_column"));
            if end == start {
                // A point (the end of input) is shown one character wide.
                end.1 += 1;
            }
            Hit {
                rule: str_at(f, "/code").to_owned(),
                level: level.to_owned(),
                file: str_at(f, "/file").to_owned(),
                start,
                end,
                message,
            }
        })
        .collect()
}

/// A paused client with one contact: nothing to say.
const CLEAN_CLIENT: &str = "\
name: Акме
status: paused
manager: petrov
contacts:
  - {id: ivanov, name: Иван Иванов}
";

/// A meeting file whose name needs escaping everywhere: a space, `#`, `,`, `%`, `:`
/// and Cyrillic (E06: not a valid ID), with a key that holds a newline (E03).
const ODD_MEETING: &str = "clients/acme/meetings/2026-11-02 встреча #1, 100%: итог.yaml";

/// A book with findings of every severity: an unknown key (error), a waiver of no
/// rule (warning), a referral (R20, info), and the odd meeting file (two errors).
fn mixed_book() -> TempBook {
    let book = TempBook::new();
    book.write(
        "clients/acme/client.yaml",
        "\
name: Акме
status: paused
manager: petrov
referred_by: Иван Иванов
waive: [{rule: R99, reason: проверка}]
contacts:
  - id: ivanov
    name: Иван Иванов
    birthdy: --04-12
",
    )
    .write(
        ODD_MEETING,
        "at: 2026-11-02T10:00\nformat: call\nattendees: {client: [ivanov], agency: [petrov]}\n\
         report: {sent: 2026-11-02T15:00, to: [ivanov]}\n\"note\\nline two\": 1\n",
    );
    book
}

fn clean_book() -> TempBook {
    let book = TempBook::new();
    book.write("clients/acme/client.yaml", CLEAN_CLIENT);
    book
}

/// Only a warning: a waiver of a code that is no rule.
fn warning_book() -> TempBook {
    let book = TempBook::new();
    book.write(
        "clients/acme/client.yaml",
        &format!("{CLEAN_CLIENT}waive: [{{rule: R99, reason: проверка}}]\n"),
    );
    book
}

/// Only an info: R20 reports a client that came recommended.
fn info_book() -> TempBook {
    let book = TempBook::new();
    book.write(
        "clients/acme/client.yaml",
        &format!("{CLEAN_CLIENT}referred_by: Иван Иванов\n"),
    );
    book
}

/// Only an error: an unknown key.
fn error_book() -> TempBook {
    let book = TempBook::new();
    book.write(
        "clients/acme/client.yaml",
        &format!("{CLEAN_CLIENT}colour: red\n"),
    );
    book
}

#[test]
fn sarif_of_errors_warnings_and_infos_validates_and_is_what_github_reads() {
    let book = mixed_book();
    let run = book.run(&["audit", "--format", "sarif", "--today", TODAY]);
    assert_eq!(run.code, 1, "errors fail the audit: {}", run.stderr);
    assert!(run.stdout.ends_with("}\n"), "one document and a newline");
    let doc = valid_sarif(&run);
    let hits = assert_github_ready(&doc, book.path());

    // The same findings as the JSON document, in the same order, levels mapped.
    let json = book
        .run(&["audit", "--format", "json", "--today", TODAY])
        .json();
    assert_eq!(hits, expected_hits(&json));

    let levels: Vec<(&str, &str)> = hits
        .iter()
        .map(|h| (h.rule.as_str(), h.level.as_str()))
        .collect();
    assert_eq!(
        levels,
        [
            ("R20", "note"),
            ("E08", "warning"),
            ("E03", "error"),
            ("E06", "error"),
            ("E03", "error"),
        ]
    );
    let r20 = &hits[0];
    assert_eq!(r20.file, "clients/acme/client.yaml");
    // `Иван Иванов` on line 4 from column 14: 11 characters, the end exclusive.
    assert_eq!((r20.start, r20.end), ((4, 14), (4, 25)));
    assert_eq!((hits[2].start, hits[2].end), ((9, 5), (9, 12)), "`birthdy`");

    // The odd file name is one percent-encoded URI that decodes to the file.
    let uris: Vec<&str> = doc["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| str_at(r, "/locations/0/physicalLocation/artifactLocation/uri"))
        .collect();
    assert_eq!(
        uris[3],
        "clients/acme/meetings/2026-11-02%20%D0%B2%D1%81%D1%82%D1%80%D0%B5%D1%87%D0%B0\
         %20%231%2C%20100%25%3A%20%D0%B8%D1%82%D0%BE%D0%B3.yaml"
    );
    assert_eq!(hits[3].file, ODD_MEETING);
    assert_eq!(hits[4].file, ODD_MEETING);
    assert!(
        hits[4].message.contains("`note\nline two`"),
        "{}",
        hits[4].message
    );

    // Rules that fired, with the default level of each.
    let rules = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    let by_id: HashMap<&str, &Value> = rules.iter().map(|r| (str_at(r, "/id"), r)).collect();
    assert_eq!(by_id["R20"]["defaultConfiguration"]["level"], "note");
    assert_eq!(by_id["R23"]["defaultConfiguration"]["level"], "warning");
    assert_eq!(by_id["R02"]["defaultConfiguration"]["level"], "error");
    assert_eq!(by_id["E03"]["defaultConfiguration"]["level"], "error");
    // Manual rules are listed, switched off.
    assert_eq!(by_id["R11"]["defaultConfiguration"]["enabled"], false);
    // The short description is the summary, the full one says why, the help says all.
    assert_eq!(
        by_id["R02"]["shortDescription"]["text"],
        "A report is sent after every meeting"
    );
    let full = str_at(by_id["R02"], "/fullDescription/text");
    assert!(
        full.starts_with("The meeting report (the minutes)"),
        "{full}"
    );
    assert!(!full.contains('#') && !full.contains('\n'), "{full}");
    let help = str_at(by_id["R02"], "/help/markdown");
    assert!(help.starts_with("## Why\nThe meeting report"), "{help}");
    for section in [
        "\n## What it reads\n",
        "\n## How to fix\n",
        "\n## How to waive\n",
    ] {
        assert!(help.contains(section), "{section:?} in {help}");
    }
    assert_eq!(str_at(by_id["R02"], "/help/text"), help);
}

#[test]
fn sarif_of_a_clean_book_validates_with_an_empty_result_list() {
    let book = clean_book();
    let run = book.run(&["audit", "--format", "sarif", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = valid_sarif(&run);
    assert!(assert_github_ready(&doc, book.path()).is_empty());
    // GitHub's upload refuses a run without a `results` list: it must be there, empty.
    assert_eq!(doc["runs"][0]["results"], json!([]));
}

#[test]
fn sarif_of_the_example_book_and_the_fixtures_validates() {
    // The example book breaks every automated rule; the E-code fixtures break the book.
    let mut books = vec![example_book()];
    books.extend(["e01-fires", "e03-fires", "e04-fires", "e08-fires"].map(fixture));
    let mut levels = BTreeSet::new();
    for dir in books {
        let path = dir.to_str().expect("utf-8 path");
        let run = rapport(&[
            "audit", "--format", "sarif", "--today", TODAY, "--book", path,
        ]);
        assert_eq!(run.code, 1, "{path}: {}", run.stderr);
        let doc = valid_sarif(&run);
        let hits = assert_github_ready(&doc, &dir);
        let json = rapport(&[
            "audit", "--format", "json", "--today", TODAY, "--book", path,
        ])
        .json();
        assert_eq!(hits, expected_hits(&json), "{path}");
        levels.extend(hits.into_iter().map(|h| h.level));
    }
    assert_eq!(
        levels.into_iter().collect::<Vec<_>>(),
        ["error", "note", "warning"],
        "every level was checked"
    );
}

/// Breaks a valid SARIF document in one place.
type Breakage = fn(&mut Value);

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    // A validator that accepts anything (a missing or emptied schema) would make the
    // tests above worthless: each of these breaks the schema in one place.
    let book = mixed_book();
    let run = book.run(&["audit", "--format", "sarif", "--today", TODAY]);
    let good = valid_sarif(&run);
    let breakages: [(&str, Breakage); 5] = [
        ("a line 0", |d| {
            d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
                json!(0);
        }),
        ("level info (SARIF says note)", |d| {
            d["runs"][0]["results"][0]["level"] = json!("info");
        }),
        ("a message without text", |d| {
            d["runs"][0]["results"][0]["message"] = json!({});
        }),
        ("version 2.1", |d| d["version"] = json!("2.1")),
        ("a rule without an id", |d| {
            d["runs"][0]["tool"]["driver"]["rules"][0]
                .as_object_mut()
                .expect("a rule")
                .remove("id");
        }),
    ];
    for (what, breakage) in breakages {
        let mut doc = good.clone();
        breakage(&mut doc);
        let text = serde_json::to_string_pretty(&doc).expect("JSON");
        assert!(validate(&text).is_err(), "the validator accepted {what}");
    }
    // And our copy is the OASIS schema itself.
    let copy: Value =
        serde_json::from_str(&fs::read_to_string(schema()).expect("read the schema copy"))
            .expect("the schema is JSON");
    assert_eq!(
        copy["id"],
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    );
}

/// Escapes a workflow command's message, as GitHub's toolkit does.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (`file=`, `title=`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[test]
fn github_annotations_are_one_escaped_line_per_finding() {
    let book = mixed_book();
    let run = book.run(&["audit", "--format", "github", "--today", TODAY]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr, NOT_IN_GIT);
    let json = book
        .run(&["audit", "--format", "json", "--today", TODAY])
        .json();
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 5);

    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(run.stdout.ends_with('\n'));
    assert_eq!(
        lines.len(),
        findings.len() + 1,
        "one line per finding and a summary:\n{}",
        run.stdout
    );
    for (line, f) in lines.iter().zip(findings) {
        let command = match str_at(f, "/severity") {
            "error" => "error",
            "warning" => "warning",
            "info" => "notice",
            other => panic!("severity {other}"),
        };
        let mut message = str_at(f, "/message").to_owned();
        if let Some(help) = f["help"].as_str() {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let expected = format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(str_at(f, "/file")),
            u64_at(f, "/line"),
            u64_at(f, "/column"),
            u64_at(f, "/end_line"),
            u64_at(f, "/end_column"),
            escape_property(&format!("rapport {}", str_at(f, "/code"))),
            escape_data(&message),
        );
        assert_eq!(*line, expected);
    }
    assert_eq!(
        lines[5], "rapport audit: 3 files, 3 errors, 1 warnings, 1 infos",
        "the summary is a plain log line, not a command"
    );

    // Spelled out: the three commands, and each escape where GitHub wants it.
    assert_eq!(
        lines[0],
        "::notice file=clients/acme/client.yaml,line=4,col=14,endLine=4,endColumn=25,\
         title=rapport R20::Акме came recommended by Иван Иванов%0Ahelp: thank the \
         recommender; a recommendation is the best measure of our work"
    );
    assert!(lines[1].starts_with(
        "::warning file=clients/acme/client.yaml,line=5,col=16,endLine=5,endColumn=19,\
         title=rapport E08::waiver names `R99`"
    ));
    let odd = "file=clients/acme/meetings/2026-11-02 встреча #1%2C 100%25%3A итог.yaml,";
    assert!(
        lines[3].starts_with(&format!("::error {odd}line=1,col=1,")),
        "{}",
        lines[3]
    );
    // In the message only `%` and line breaks are escaped: `,` and `:` stay.
    assert!(
        lines[3].contains("::file name `2026-11-02 встреча #1, 100%25: итог` is not a valid ID%0A"),
        "{}",
        lines[3]
    );
    assert!(
        lines[4].starts_with(&format!("::error {odd}line=5,col=1,")),
        "{}",
        lines[4]
    );
    assert!(
        lines[4].contains("unknown key `note%0Aline two`%0Ahelp: "),
        "{}",
        lines[4]
    );
}

#[test]
fn github_output_of_a_clean_book_is_the_summary_alone() {
    let run = clean_book().run(&["audit", "--format", "github", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "rapport audit: 2 files, 0 errors, 0 warnings, 0 infos\n"
    );
}

#[test]
fn exit_codes_follow_fail_on_in_the_ci_formats() {
    let books = [
        ("clean", clean_book()),
        ("info", info_book()),
        ("warning", warning_book()),
        ("error", error_book()),
    ];
    // Exit codes for (no --fail-on, error, warning, never).
    let expected: HashMap<&str, [i32; 4]> = HashMap::from([
        ("clean", [0, 0, 0, 0]),
        ("info", [0, 0, 0, 0]),
        ("warning", [0, 0, 1, 0]),
        ("error", [1, 1, 1, 0]),
    ]);
    for (name, book) in &books {
        // The book has exactly the findings it is named after.
        let json = book
            .run(&[
                "audit",
                "--format",
                "json",
                "--today",
                TODAY,
                "--fail-on",
                "never",
            ])
            .json();
        let severities: BTreeSet<&str> = json["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| str_at(f, "/severity"))
            .collect();
        let want: BTreeSet<&str> = match *name {
            "clean" => BTreeSet::new(),
            severity => BTreeSet::from([severity]),
        };
        assert_eq!(severities, want, "{name}: {json:#}");

        for format in ["sarif", "github", "human", "json"] {
            for (i, fail_on) in [None, Some("error"), Some("warning"), Some("never")]
                .into_iter()
                .enumerate()
            {
                let mut args = vec!["audit", "--format", format, "--today", TODAY];
                if let Some(level) = fail_on {
                    args.extend(["--fail-on", level]);
                }
                let run = book.run(&args);
                assert_eq!(
                    run.code, expected[name][i],
                    "{name} book, --format {format}, --fail-on {fail_on:?}: {}",
                    run.stderr
                );
                assert!(
                    !run.stdout.is_empty(),
                    "the report is printed whatever the exit code"
                );
                if format == "sarif" && fail_on == Some("never") {
                    valid_sarif(&run);
                }
            }
        }
    }
    // A level that does not exist is a usage error: exit code 2, nothing on stdout.
    let run = books[0]
        .1
        .run(&["audit", "--format", "sarif", "--fail-on", "info"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("--fail-on"), "{}", run.stderr);
}

#[test]
fn the_example_workflow_is_valid_and_uploads_what_the_audit_writes() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/github-workflow.yml");
    // check-jsonschema ships the schema of GitHub workflows (SchemaStore's).
    let out = checkers::checkers()
        .command("check-jsonschema")
        .args(["--builtin-schema", "vendor.github-workflows"])
        .arg(&path)
        .output()
        .expect("check-jsonschema runs (see validate())");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = fs::read_to_string(&path).expect("read the workflow");
    for needed in [
        // The SARIF step never fails on findings, so the upload always happens…
        "run: rapport audit --format sarif --fail-on never > rapport.sarif\n",
        "uses: github/codeql-action/upload-sarif@",
        "sarif_file: rapport.sarif\n",
        "security-events: write",
        // …and the last step gives the verdict, with annotations.
        "run: rapport audit --format github\n",
        "cargo install --locked",
    ] {
        assert!(text.contains(needed), "the workflow lacks {needed:?}");
    }
    let upload = text.find("upload-sarif@").expect("the upload");
    assert!(text.find("--format sarif").is_some_and(|i| i < upload));
    assert!(text.rfind("--format github").is_some_and(|i| i > upload));
    // Every `--format` and `--fail-on` it uses is one that rapport knows.
    let book = clean_book();
    for args in [
        ["audit", "--format", "sarif", "--fail-on", "never"],
        ["audit", "--format", "github", "--fail-on", "error"],
    ] {
        assert_eq!(book.run(&args).code, 0);
    }
}

/// `--lang ru`: the SARIF log still validates; each result's message is the Russian of
/// the JSON document's `localized.message` (with its help), and its English is kept in
/// `properties.englishMessage`, equal to the English message and help.
#[test]
fn sarif_in_russian_validates_and_keeps_the_english_beside_it() {
    let path = example_book();
    let path = path.to_str().expect("utf-8 path");
    let run = rapport(&[
        "audit", "--format", "sarif", "--today", TODAY, "--book", path, "--lang", "ru",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc = valid_sarif(&run);
    let json = rapport(&[
        "audit", "--format", "json", "--today", TODAY, "--book", path, "--lang", "ru",
    ])
    .json();
    let results = doc["runs"][0]["results"].as_array().expect("results");
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(results.len(), findings.len());
    let with_help = |message: &Value, help: &Value, label: &str| match help.as_str() {
        Some(help) => format!("{} ({label}: {help})", message.as_str().unwrap_or_default()),
        None => message.as_str().unwrap_or_default().to_owned(),
    };
    let mut russian = 0;
    for (r, f) in results.iter().zip(findings) {
        let local = &f["localized"];
        assert_eq!(local["lang"], "ru", "{f:#}");
        assert_eq!(
            r["message"]["text"],
            with_help(&local["message"], &local["help"], "что сделать")
        );
        assert_eq!(
            r["properties"]["englishMessage"],
            with_help(&f["message"], &f["help"], "help")
        );
        if local["message"] != f["message"] {
            russian += 1;
        }
    }
    assert!(
        russian >= 10,
        "only {russian} findings were worded in Russian"
    );
    // The English JSON has no `localized`, and says what the Russian run said in English.
    let english = rapport(&[
        "audit", "--format", "json", "--today", TODAY, "--book", path,
    ])
    .json();
    let english_findings = english["findings"].as_array().expect("findings");
    assert!(
        english_findings
            .iter()
            .all(|f| f.get("localized").is_none())
    );
    let strip = |f: &Value| {
        let mut f = f.clone();
        if let Some(o) = f.as_object_mut() {
            o.remove("localized");
        }
        f
    };
    assert_eq!(
        english_findings.iter().map(strip).collect::<Vec<_>>(),
        findings.iter().map(strip).collect::<Vec<_>>()
    );
}

#[test]
fn a_managers_view_is_named_in_sarif_and_in_the_github_summary() {
    let path = example_book();
    let path = path.to_str().expect("utf-8 path");
    let args = |format: &'static str| {
        vec![
            "audit",
            "--format",
            format,
            "--today",
            TODAY,
            "--book",
            path,
            "--manager",
            "belov",
        ]
    };
    let doc = valid_sarif(&rapport(&args("sarif")));
    assert_eq!(
        doc.pointer("/runs/0/properties/view"),
        Some(
            &serde_json::json!({"manager": "belov", "name": "Дмитрий Белов", "from": "--manager"})
        ),
        "{doc:#}"
    );
    // The whole book names no view: the run has no properties.
    let whole = valid_sarif(&rapport(&[
        "audit", "--format", "sarif", "--today", TODAY, "--book", path,
    ]));
    assert_eq!(whole.pointer("/runs/0/properties"), None);

    let github = rapport(&args("github"));
    let last = github.stdout.lines().last().expect("a summary line");
    assert!(
        last.starts_with("rapport audit of Дмитрий Белов's clients: "),
        "{last}"
    );
}
