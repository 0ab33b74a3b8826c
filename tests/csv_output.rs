//! `--format csv` of every listing — `clients`, `invoices`, `renewals`, `budget`,
//! `agenda`, `audit` — read back by Python's `csv` module (strict) on the example book,
//! row for row what the same command says in JSON; `--bom` puts a UTF-8 byte-order
//! mark first and means nothing without `--format csv`.

mod common;

use std::fs;

use common::{Run, rapport};
use serde_json::Value;

const TODAY: &str = "2026-11-27";

/// Python reads the file: strict RFC 4180 parsing, every record the header's length.
const READER: &str = r#"
import csv, json, sys
with open(sys.argv[1], newline="", encoding=sys.argv[2]) as f:
    rows = list(csv.reader(f, strict=True))
assert rows, "no header"
assert all(len(r) == len(rows[0]) for r in rows), "ragged records"
print(json.dumps([dict(zip(rows[0], r)) for r in rows[1:]] + [{"__header__": rows[0]}]))
"#;

/// The rows of `text` as Python's csv module reads them, and the header.
fn parse(text: &str, encoding: &str) -> (Vec<Value>, Vec<String>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("out.csv");
    fs::write(&path, text).expect("write");
    let python = std::env::var("RAPPORT_TEST_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let out = std::process::Command::new(python)
        .arg("-c")
        .arg(READER)
        .arg(&path)
        .arg(encoding)
        .output()
        .expect("python3 runs (it is on every machine the tests run on)");
    assert!(
        out.status.success(),
        "Python's csv module could not read:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut rows: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    let header = rows.pop().expect("the header")["__header__"]
        .as_array()
        .expect("names")
        .iter()
        .map(|v| v.as_str().expect("name").to_owned())
        .collect();
    (rows, header)
}

fn run(args: &[&str]) -> Run {
    let book = common::example_book();
    let mut all = vec!["--book", book.to_str().expect("utf-8"), "--today", TODAY];
    all.extend_from_slice(args);
    rapport(&all)
}

/// The command's CSV and JSON, both run; the CSV parsed.
fn both(args: &[&str], code: i32) -> (Vec<Value>, Vec<String>, Value, String) {
    let mut csv_args = args.to_vec();
    csv_args.extend_from_slice(&["--format", "csv"]);
    let csv = run(&csv_args);
    assert_eq!(csv.code, code, "{}", csv.stderr);
    assert!(csv.stdout.ends_with("\r\n"), "records end with CRLF");
    let mut json_args = args.to_vec();
    json_args.extend_from_slice(&["--format", "json"]);
    let json = run(&json_args);
    assert_eq!(json.code, code, "{}", json.stderr);
    let (rows, header) = parse(&csv.stdout, "utf-8");
    (rows, header, json.json(), csv.stdout)
}

/// A JSON value as the CSV writes it: text as is, null as empty, numbers and booleans
/// in their JSON spelling.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Every column of `rows` that the JSON `items` also have holds the same values.
fn same(rows: &[Value], items: &[Value], header: &[String], skip: &[&str]) {
    assert_eq!(rows.len(), items.len());
    assert!(!rows.is_empty());
    let mut compared = 0;
    for (row, item) in rows.iter().zip(items) {
        for col in header {
            if skip.contains(&col.as_str()) {
                continue;
            }
            if let Some(v) = item.get(col) {
                assert_eq!(row[col], cell(v), "{col} of {item}");
                compared += 1;
            }
        }
    }
    assert!(compared >= rows.len() * 5, "too few columns compared");
}

#[test]
fn clients() {
    let (rows, header, json, _) = both(&["clients"], 0);
    // The CSV shows names where the JSON has IDs (manager, curator) and yes/blank for key.
    same(
        &rows,
        json["clients"].as_array().expect("clients"),
        &header,
        &["manager", "curator", "key"],
    );
    assert!(rows.iter().any(|r| r["name"] == "Автоцентр «Магистраль»"));
}

#[test]
fn invoices() {
    let (rows, header, json, _) = both(&["invoices"], 0);
    same(
        &rows,
        json["invoices"].as_array().expect("invoices"),
        &header,
        &[],
    );
}

#[test]
fn renewals() {
    let (rows, header, json, _) = both(&["renewals"], 0);
    let contracts = json["contracts"].as_array().expect("contracts");
    same(&rows, contracts, &header, &[]);
    for (row, c) in rows.iter().zip(contracts) {
        assert_eq!(row["term_end"], c["term"]["end"]);
        assert_eq!(
            row["renewal_notice_days"],
            cell(&c["renewal"]["notice_days"])
        );
    }
}

#[test]
fn budget() {
    let (rows, header, json, _) = both(&["budget"], 0);
    same(
        &rows,
        json["projects"].as_array().expect("projects"),
        &header,
        &[],
    );
}

#[test]
fn agenda() {
    let (rows, header, json, _) = both(&["agenda", "--days", "7"], 0);
    same(
        &rows,
        json["items"].as_array().expect("items"),
        &header,
        &[],
    );
    // Messages with commas and quotes survive.
    assert!(
        rows.iter()
            .any(|r| r["text"].as_str().is_some_and(|t| t.contains(',')))
    );
}

#[test]
fn audit() {
    let (rows, header, json, _) = both(&["audit"], 1);
    assert_eq!(
        header,
        [
            "code",
            "severity",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "message",
            "help"
        ]
    );
    same(
        &rows,
        json["findings"].as_array().expect("findings"),
        &header,
        &[],
    );
    assert_eq!(rows.len(), 49);
}

#[test]
fn bom_comes_first_and_reads_back_the_same() {
    for args in [
        &["clients"][..],
        &["invoices"],
        &["renewals"],
        &["budget"],
        &["agenda"],
        &["audit", "--fail-on", "never"],
    ] {
        let mut plain = args.to_vec();
        plain.extend_from_slice(&["--format", "csv"]);
        let without = run(&plain);
        plain.push("--bom");
        let with = run(&plain);
        assert_eq!(with.code, 0, "{args:?}: {}", with.stderr);
        assert_eq!(
            with.stdout,
            format!("\u{feff}{}", without.stdout),
            "{args:?}: the BOM, then the same bytes"
        );
        assert_eq!(
            parse(&with.stdout, "utf-8-sig"),
            parse(&without.stdout, "utf-8")
        );
    }
}

#[test]
fn bom_without_csv_is_refused() {
    for args in [
        &["clients", "--bom"][..],
        &["invoices", "--bom", "--format", "json"],
        &["renewals", "--bom"],
        &["budget", "--bom"],
        &["agenda", "--bom"],
        &["audit", "--bom"],
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(
            r.stderr.contains("error: --bom goes with --format csv"),
            "{args:?}: {}",
            r.stderr
        );
        assert_eq!(r.stdout, "");
    }
}
