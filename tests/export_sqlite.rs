//! `rapport export sqlite`: the database read back by Python's own `sqlite3` module and
//! held against the commands it must agree with — `invoices`, `renewals`, `budget` and
//! `audit --format json` — on the example book and on a generated book; written whole,
//! the same bytes twice, never over a file without `--force`.

mod common;

#[allow(dead_code, clippy::all, clippy::pedantic)]
#[path = "../examples/gen_book.rs"]
mod gen_book;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use common::{Run, rapport_in};
use serde_json::Value;

const TODAY: &str = "2026-11-27";

/// Reads the database with Python's sqlite3 and prints what the tests compare, as JSON.
/// It also checks, for every table, that each money column's decimal text and its
/// `_kopecks` integer are the same amount (with Python's Decimal), and that SQLite
/// finds the file sound.
const READER: &str = r#"
import json, sqlite3, sys
from decimal import Decimal
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
out = {}
out["integrity"] = db.execute("PRAGMA integrity_check").fetchone()[0]
out["user_version"] = db.execute("PRAGMA user_version").fetchone()[0]
out["meta"] = dict(db.execute("SELECT key, value FROM meta"))
mismatch = []
tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")]
out["tables"] = tables
for t in tables:
    cols = [r[1] for r in db.execute(f'PRAGMA table_info("{t}")')]
    for c in cols:
        if c.endswith("_kopecks") and c[:-8] in cols:
            for text, kop in db.execute(f'SELECT "{c[:-8]}", "{c}" FROM "{t}"'):
                if (text is None) != (kop is None) or (text is not None and Decimal(text) * 100 != kop):
                    mismatch.append([t, c, text, kop])
out["money_mismatch"] = mismatch
out["invoices"] = [dict(zip(["file", "client", "total", "paid", "remainder", "standing", "overdue_days", "due"], r))
    for r in db.execute("SELECT file, client, total, paid, remainder, standing, overdue_days, due FROM invoices ORDER BY file")]
out["totals_by_client"] = {c: k for c, k in db.execute("SELECT client, SUM(total_kopecks) FROM invoices GROUP BY client")}
out["owed_by_client"] = [list(r) for r in db.execute("SELECT client, currency, owed_kopecks, overdue_kopecks FROM owed_by_client")]
out["open_invoices"] = [r[0] for r in db.execute("SELECT file FROM open_invoices ORDER BY file")]
out["renewals"] = [dict(zip(["client", "contract", "state", "notice", "days_left", "term_end"], r))
    for r in db.execute("SELECT client, contract, state, notice, days_left, term_end FROM renewals ORDER BY seq")]
out["renewals_due"] = [list(r) for r in db.execute("SELECT client, notice, state FROM renewals_due")]
out["budgets"] = [dict(zip(["client", "project", "costs", "remaining", "used_percent", "status", "invoiced"], r))
    for r in db.execute("SELECT client, project, costs, remaining, used_percent, status, invoiced FROM budget_per_project")]
out["findings"] = [list(r) for r in db.execute('SELECT code, severity, file, line, "column", message FROM findings ORDER BY seq')]
out["counts"] = {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
out["contacts"] = [list(r) for r in db.execute("SELECT client, id, name, birthday FROM contacts ORDER BY client, seq")]
print(json.dumps(out))
"#;

fn read_db(db: &Path) -> Value {
    let out = Command::new(common_python())
        .arg("-c")
        .arg(READER)
        .arg(db)
        .output()
        .expect("python3 runs (it is on every machine the tests run on)");
    assert!(
        out.status.success(),
        "python3 could not read {}:\n{}",
        db.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the reader prints JSON")
}

fn common_python() -> String {
    std::env::var("RAPPORT_TEST_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

fn run(book: &Path, args: &[&str]) -> Run {
    let mut all = vec![
        "--book",
        book.to_str().expect("utf-8 path"),
        "--today",
        TODAY,
    ];
    all.extend_from_slice(args);
    rapport_in(book, &all)
}

fn export(book: &Path, db: &Path) {
    let r = run(
        book,
        &["export", "sqlite", db.to_str().expect("utf-8 path")],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, format!("wrote {}\n", db.display()));
}

/// `"1500.50"` → 150050.
fn kopecks(text: &str) -> i64 {
    let (whole, frac) = text.split_once('.').expect("two decimals");
    let sign = if whole.starts_with('-') { -1 } else { 1 };
    let whole: i64 = whole.trim_start_matches('-').parse().expect("digits");
    let frac: i64 = frac.parse().expect("digits");
    sign * (whole * 100 + frac)
}

/// The database agrees with `invoices`, `renewals`, `budget` and `audit` as JSON.
fn check_against_commands(book: &Path, db: &Value) {
    assert_eq!(db["integrity"], "ok");
    assert_eq!(db["user_version"], 1);
    assert_eq!(db["meta"]["today"], TODAY);
    assert_eq!(db["money_mismatch"], serde_json::json!([]));

    // Invoices: every figure as `rapport invoices --format json` gives it.
    let inv = run(book, &["invoices", "--format", "json"]).json();
    let mut listed: Vec<&Value> = inv["invoices"]
        .as_array()
        .expect("invoices")
        .iter()
        .collect();
    listed.sort_by_key(|i| i["file"].as_str().unwrap_or_default().to_owned());
    let rows = db["invoices"].as_array().expect("invoice rows");
    assert_eq!(rows.len(), listed.len());
    assert!(!rows.is_empty());
    for (row, i) in rows.iter().zip(&listed) {
        for key in [
            "file",
            "client",
            "total",
            "paid",
            "remainder",
            "overdue_days",
            "due",
        ] {
            assert_eq!(row[key], i[key], "{key} of {}", i["file"]);
        }
        assert_eq!(row["standing"], i["status"], "{}", i["file"]);
    }
    // Totals and what is owed per client: sums of kopecks in SQL, of decimals here.
    let mut totals: BTreeMap<String, i64> = BTreeMap::new();
    let mut owed: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for i in &listed {
        let client = i["client"].as_str().expect("client").to_owned();
        *totals.entry(client.clone()).or_default() += kopecks(i["total"].as_str().expect("total"));
        if let Some(r) = i["remainder"].as_str().map(kopecks).filter(|r| *r > 0) {
            let e = owed.entry(client).or_default();
            e.0 += r;
            if !i["overdue_days"].is_null() {
                e.1 += r;
            }
        }
    }
    let db_totals: BTreeMap<String, i64> =
        serde_json::from_value(db["totals_by_client"].clone()).expect("totals");
    assert_eq!(db_totals, totals);
    let db_owed: BTreeMap<String, (i64, i64)> = db["owed_by_client"]
        .as_array()
        .expect("owed")
        .iter()
        .map(|r| {
            (
                r[0].as_str().expect("client").to_owned(),
                (
                    r[2].as_i64().expect("owed"),
                    r[3].as_i64().expect("overdue"),
                ),
            )
        })
        .collect();
    assert_eq!(db_owed, owed);

    // Renewals: the same contracts in the same order, with the same notice dates.
    let ren = run(book, &["renewals", "--format", "json"]).json();
    let listed = ren["contracts"].as_array().expect("contracts");
    let rows = db["renewals"].as_array().expect("renewal rows");
    assert_eq!(rows.len(), listed.len());
    for (row, c) in rows.iter().zip(listed) {
        assert_eq!(row["client"], c["client"]);
        assert_eq!(row["contract"], c["contract"]);
        assert_eq!(row["state"], c["state"]);
        assert_eq!(row["notice"], c["notice"], "notice of {}", c["file"]);
        assert_eq!(row["days_left"], c["days_left"]);
        assert_eq!(row["term_end"], c["term"]["end"]);
    }
    assert_eq!(
        db["renewals_due"].as_array().expect("view").len(),
        listed.len()
    );

    // Budgets: as `rapport budget --format json`.
    let bud = run(book, &["budget", "--format", "json"]).json();
    let listed = bud["projects"].as_array().expect("projects");
    let rows = db["budgets"].as_array().expect("budget rows");
    assert_eq!(rows.len(), listed.len());
    for (row, p) in rows.iter().zip(listed) {
        assert_eq!(row["client"], p["client"]);
        assert_eq!(row["project"], p["project"]);
        for key in ["costs", "remaining", "used_percent", "status", "invoiced"] {
            assert_eq!(
                row[key], p[key],
                "{key} of {}/{}",
                p["client"], p["project"]
            );
        }
    }

    // Findings: those of `rapport audit --format json`, in its order and places.
    let audit = run(book, &["audit", "--format", "json", "--fail-on", "never"]).json();
    let listed: Vec<Value> = audit["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            serde_json::json!([
                f["code"],
                f["severity"],
                f["file"],
                f["line"],
                f["column"],
                f["message"]
            ])
        })
        .collect();
    assert_eq!(db["findings"].as_array().expect("finding rows"), &listed);
}

#[test]
fn the_example_book_reads_back_and_agrees_with_the_commands() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let book = common::example_book();
    let path = dir.path().join("book.db");
    export(&book, &path);
    let db = read_db(&path);
    check_against_commands(&book, &db);

    let counts = &db["counts"];
    assert_eq!(counts["clients"], 7);
    assert_eq!(counts["contractors"], 5);
    assert_eq!(counts["findings"], 49, "28 errors, 13 warnings, 8 infos");
    for table in [
        "team",
        "contacts",
        "contracts",
        "projects",
        "tasks",
        "estimate_lines",
        "costs",
        "meetings",
        "meeting_actions",
        "log",
        "invoices",
        "invoice_lines",
        "payments",
        "waivers",
        "finding_people",
        "open_invoices",
        "owed_by_client",
        "renewals_due",
        "budget_per_project",
    ] {
        assert!(
            counts[table].as_i64().is_some_and(|n| n > 0),
            "{table} is empty"
        );
    }
    // A birthday without a year stays one.
    let contacts = db["contacts"].as_array().expect("contacts");
    assert!(
        contacts
            .iter()
            .any(|c| c[3].as_str().is_some_and(|b| b.starts_with("--"))),
        "{contacts:?}"
    );
}

#[test]
fn every_table_and_view_is_documented() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("book.db");
    export(&common::example_book(), &path);
    let db = read_db(&path);
    let doc = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/sqlite.md"))
        .expect("docs/sqlite.md");
    for t in db["tables"].as_array().expect("tables") {
        let t = t.as_str().expect("name");
        assert!(
            doc.contains(&format!("### `{t}`")),
            "docs/sqlite.md has no section `### `{t}``"
        );
    }
}

#[test]
fn a_generated_book_agrees_with_the_commands_too() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let book = dir.path().join("book");
    gen_book::generate(&book, 40, 7).expect("gen_book writes a book");
    let path = dir.path().join("book.db");
    export(&book, &path);
    let db = read_db(&path);
    check_against_commands(&book, &db);
    assert_eq!(db["counts"]["clients"], 40);
    assert!(db["counts"]["findings"].as_i64().is_some_and(|n| n > 0));
}

#[test]
fn the_same_book_gives_the_same_bytes_and_nothing_is_overwritten_without_force() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let book = common::example_book();
    let path = dir.path().join("book.db");
    export(&book, &path);
    let first = fs::read(&path).expect("written");
    assert!(first.starts_with(b"SQLite format 3\0"));

    // Refused: the file is there; it is left as it was.
    fs::write(&path, b"not a database").expect("write");
    let p = path.to_str().expect("utf-8");
    let r = run(&book, &["export", "sqlite", p]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    assert_eq!(fs::read(&path).expect("kept"), b"not a database");

    // Replaced whole with --force: the same bytes as the first time.
    let r = run(&book, &["export", "sqlite", p, "--force"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(fs::read(&path).expect("replaced"), first);
    // No temporary file is left beside it.
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["book.db"]);
}

#[test]
fn a_folder_or_an_unwritable_place_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let book = common::example_book();
    let d = dir.path().to_str().expect("utf-8");
    let r = run(&book, &["export", "sqlite", d, "--force"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: cannot write"), "{}", r.stderr);

    let r = rapport_in(dir.path(), &["export", "sqlite", "x.db"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("rapport.yaml"), "{}", r.stderr);
    assert!(!dir.path().join("x.db").exists());
}
