//! `rapport tasks` on the example book: the list and the workload pinned in full, every
//! filter, JSON and CSV (read back by Python's csv module), the refusals, and the
//! agreement with the audit: for every task, overdue ⟺ R07, not confirmed ⟺ R22,
//! date or reason missing ⟺ R19, read from `audit --format json`.

mod common;
mod report_support;

use std::collections::BTreeSet;
use std::fs;

use common::{Run, rapport};
use report_support::assert_golden;
use serde_json::Value;

const TODAY: &str = "2026-11-27";

fn run(args: &[&str]) -> Run {
    let book = common::example_book();
    let mut all = vec!["--book", book.to_str().expect("utf-8"), "--today", TODAY];
    all.extend_from_slice(args);
    rapport(&all)
}

fn ok(args: &[&str]) -> Run {
    let r = run(args);
    assert_eq!(r.code, 0, "{args:?}\n{}{}", r.stdout, r.stderr);
    r
}

fn tasks(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["tasks", "--format", "json"];
    all.extend_from_slice(args);
    let doc = ok(&all).json();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["today"], TODAY);
    doc["tasks"].as_array().expect("tasks").clone()
}

fn ids(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|t| {
            format!(
                "{}/{}/{}",
                t["client"].as_str().expect("client"),
                t["project"].as_str().expect("project"),
                t["id"].as_str().expect("id")
            )
        })
        .collect()
}

#[test]
fn the_list_and_the_workload_are_pinned() {
    assert_golden("tasks-2026-11-27.txt", &ok(&["tasks"]).stdout);
    assert_golden(
        "tasks-workload-2026-11-27.txt",
        &ok(&["tasks", "--by", "assignee"]).stdout,
    );
}

#[test]
fn filters_select_what_they_say() {
    let all = tasks(&[]);
    assert_eq!(all.len(), 43);
    assert_eq!(
        ids(&tasks(&["--overdue"])),
        ["trudnyi-klient/zimnyaya-kampaniya/rolik"]
    );
    let late = &tasks(&["--overdue"])[0];
    assert_eq!(late["late_days"], 2);
    assert_eq!(late["late_working_days"], 2);
    assert_eq!(late["assignee_name"], "Ольга Никитина");
    let unack = ids(&tasks(&["--unacknowledged"]));
    assert_eq!(
        unack,
        [
            "trudnyi-klient/zimnyaya-kampaniya/teksty",
            "vkusnoteka/ny-kampaniya-2026/print",
            "gorod-fitness/landing-ny2027/launch",
            "lesnaya-polyana/lesnoe-kv/prepress",
            "stroymaster/stend-stroyexpo-2027/visual",
            "gorod-fitness/smm-soprovozhdenie/plan-january",
        ]
    );
    let open = tasks(&["--open"]);
    assert!(
        open.iter()
            .all(|t| t["open"] == true && t["done"].is_null())
    );
    assert_eq!(open.len(), 12);
    for t in tasks(&["--assignee", "zaitsev"]) {
        assert_eq!(t["assignee"], "zaitsev");
    }
    assert_eq!(tasks(&["--assignee", "zaitsev"]).len(), 3);
    for t in tasks(&["--client", "lesnaya-polyana"]) {
        assert_eq!(t["client"], "lesnaya-polyana");
    }
    assert_eq!(
        ids(&tasks(&[
            "--project",
            "trudnyi-klient/zimnyaya-kampaniya",
            "--open"
        ])),
        [
            "trudnyi-klient/zimnyaya-kampaniya/rolik",
            "trudnyi-klient/zimnyaya-kampaniya/teksty",
            "trudnyi-klient/zimnyaya-kampaniya/posadochnaya",
        ]
    );
    assert_eq!(tasks(&["--project", "lesnoe-kv"]).len(), 7);
    // Within 7 days: what is late and what is due by 4 December.
    let soon = tasks(&["--due-within", "7"]);
    assert_eq!(soon.len(), 4, "{:?}", ids(&soon));
    assert!(
        soon.iter()
            .all(|t| t["open"] == true && t["due"].as_str() <= Some("2026-12-04"))
    );
    // A manager's clients: Белов keeps four, Орлова the other three.
    let belov = tasks(&["--manager", "belov"]);
    let clients: BTreeSet<&str> = belov
        .iter()
        .map(|t| t["client"].as_str().expect("id"))
        .collect();
    assert_eq!(
        clients,
        BTreeSet::from(["mebel-uyut", "stroymaster", "trudnyi-klient", "vkusnoteka"])
    );
    assert_eq!(
        belov.len() + tasks(&["--manager", "orlova"]).len(),
        all.len()
    );
}

#[test]
fn json_says_the_view_and_each_task_in_full() {
    let doc = ok(&[
        "tasks",
        "--format",
        "json",
        "--manager",
        "belov",
        "--overdue",
    ])
    .json();
    assert_eq!(
        doc["view"],
        serde_json::json!({"manager": "belov", "name": "Дмитрий Белов", "from": "--manager"})
    );
    assert_eq!(
        doc["tasks"][0],
        serde_json::json!({
            "client": "trudnyi-klient",
            "client_name": "Автоцентр «Магистраль»",
            "project": "zimnyaya-kampaniya",
            "project_title": "Зимняя кампания «Шипы в подарок»",
            "project_stage": "active",
            "file": "clients/trudnyi-klient/projects/zimnyaya-kampaniya.yaml",
            "index": 4,
            "id": "rolik",
            "title": "Видеоролик 15 секунд",
            "kind": "production",
            "assignee": "nikitina",
            "assignee_name": "Ольга Никитина",
            "start": "2026-11-23",
            "due": "2026-11-25",
            "tied_to": "размещение в соцсетях с 01.12",
            "acknowledged": "2026-11-23",
            "done": null,
            "open": true,
            "started": true,
            "overdue": true,
            "late_days": 2,
            "late_working_days": 2,
            "ack": "confirmed",
            "deadline_unknown": false
        })
    );
    let all = ok(&["tasks", "--format", "json", "--open"]).json();
    assert_eq!(
        all["view"],
        serde_json::json!({"manager": null, "name": null, "from": null})
    );
}

#[test]
fn the_workload_counts_open_tasks_per_person_and_week() {
    let doc = ok(&["tasks", "--by", "assignee", "--format", "json"]).json();
    assert_eq!(doc["version"], 1);
    assert_eq!(
        doc["weeks"],
        serde_json::json!(["2026-W49", "2026-W50", "2026-W51", "2026-W52"])
    );
    let people = doc["workload"].as_array().expect("people");
    let open: u64 = people.iter().map(|p| p["open"].as_u64().expect("n")).sum();
    assert_eq!(open, 12, "every open task once");
    let nikitina = people
        .iter()
        .find(|p| p["assignee"] == "nikitina")
        .expect("Никитина");
    assert_eq!(
        nikitina,
        &serde_json::json!({"assignee": "nikitina", "name": "Ольга Никитина", "overdue": 1,
            "weeks": {"2026-W51": 1}, "no_due": 0, "open": 2})
    );
    // One person's week.
    let kim = ok(&["tasks", "--by", "assignee", "--assignee", "kim"]);
    assert_eq!(kim.stdout.lines().count(), 3, "{}", kim.stdout);
}

/// Python reads the CSV: strict RFC 4180, every record the header's length.
const READER: &str = r#"
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f, strict=True))
assert all(len(r) == len(rows[0]) for r in rows), "ragged records"
print(json.dumps([dict(zip(rows[0], r)) for r in rows[1:]]))
"#;

fn read_csv(text: &str) -> Vec<Value> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("out.csv");
    fs::write(&path, text).expect("write");
    let python = std::env::var("RAPPORT_TEST_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let out = std::process::Command::new(python)
        .arg("-c")
        .arg(READER)
        .arg(&path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn csv_is_the_json_row_for_row() {
    let csv = ok(&["tasks", "--format", "csv", "--bom"]).stdout;
    assert!(csv.starts_with('\u{feff}'));
    let rows = read_csv(&csv);
    let json = tasks(&[]);
    assert_eq!(rows.len(), json.len());
    for (c, j) in rows.iter().zip(&json) {
        for key in [
            "client", "project", "file", "title", "assignee", "due", "ack",
        ] {
            assert_eq!(
                c[key].as_str(),
                Some(j[key].as_str().unwrap_or("")),
                "{key}"
            );
        }
        assert_eq!(c["task"], j["id"]);
        assert_eq!(c["overdue"], j["overdue"].to_string());
    }
    let load = read_csv(&ok(&["tasks", "--by", "assignee", "--format", "csv"]).stdout);
    assert_eq!(load.len(), 8);
    assert_eq!(load[0]["2026-W49"], "1");
}

#[test]
fn unknown_names_are_refused_with_the_nearest() {
    for (args, want) in [
        (
            &["tasks", "--assignee", "kimm"][..],
            "no team member or contractor `kimm` in this book\nhint: did you mean `kim`?",
        ),
        (
            &["tasks", "--client", "lesnaya"][..],
            "no client `lesnaya` in this book",
        ),
        (
            &["tasks", "--project", "lesnoe"][..],
            "no project `lesnoe` in this book\nhint: did you mean `lesnoe-kv`?",
        ),
        (
            &["tasks", "--project", "lesnaya-polyana/lesnoe"][..],
            "no project `lesnoe` in client `lesnaya-polyana`\nhint: did you mean `lesnoe-kv`?",
        ),
        (
            &["tasks", "--manager", "orlov"][..],
            "no team member `orlov` in this book\nhint: did you mean `orlova`?",
        ),
        (&["tasks", "--format", "table", "--bom"][..], "--bom"),
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(want), "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}");
    }
}

/// The line of each task item (`- id: X`) in a project file, in order.
fn task_lines(text: &str) -> Vec<usize> {
    let mut in_tasks = false;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if !line.starts_with(' ') && !line.starts_with('#') && !line.is_empty() {
            in_tasks = line.starts_with("tasks:");
        }
        if in_tasks && line.trim_start().starts_with("- id:") {
            out.push(i + 1);
        }
    }
    out
}

#[test]
fn tasks_agree_with_the_audits_r07_r19_and_r22_on_every_task() {
    let book = common::example_book();
    let audit = run(&[
        "audit",
        "--format",
        "json",
        "--no-waivers",
        "--fail-on",
        "never",
        "--rule",
        "R07",
        "--rule",
        "R19",
        "--rule",
        "R22",
    ]);
    assert_eq!(audit.code, 0, "{}", audit.stderr);
    let findings = audit.json()["findings"]
        .as_array()
        .expect("findings")
        .clone();
    // (code, file, task index) of every finding on a task.
    let mut flagged: BTreeSet<(String, String, usize)> = BTreeSet::new();
    for f in &findings {
        let file = f["file"].as_str().expect("file");
        let line = f["line"].as_u64().expect("line") as usize;
        let text = fs::read_to_string(book.join(file)).expect("project file");
        let starts = task_lines(&text);
        let Some(i) = starts.iter().rposition(|s| *s <= line) else {
            continue; // on the project itself
        };
        if line < starts[0]
            || !text
                .lines()
                .nth(line - 1)
                .is_some_and(|l| l.starts_with(' '))
        {
            continue;
        }
        flagged.insert((
            f["code"].as_str().expect("code").to_owned(),
            file.to_owned(),
            i,
        ));
    }
    let all = tasks(&[]);
    let mut seen = 0;
    for t in &all {
        let file = t["file"].as_str().expect("file").to_owned();
        let i = t["index"].as_u64().expect("index") as usize;
        let has = |code: &str| flagged.contains(&(code.to_owned(), file.clone(), i));
        let stage_open =
            !["done", "lost", "cancelled"].contains(&t["project_stage"].as_str().expect("stage"));
        let name = format!("{file} task {i}");
        assert_eq!(t["overdue"] == true, has("R07"), "R07: {name}");
        assert_eq!(t["deadline_unknown"] == true, has("R19"), "R19: {name}");
        let ack = t["ack"].as_str().expect("ack");
        assert_eq!(
            stage_open && (ack == "missing" || ack == "confirmed_late"),
            has("R22"),
            "R22: {name} ({ack})"
        );
        seen += usize::from(has("R07")) + usize::from(has("R19")) + usize::from(has("R22"));
    }
    assert_eq!(
        seen,
        flagged.len(),
        "every task finding belongs to a listed task"
    );
    assert!(
        seen >= 3,
        "the example book flags R07, R19 and R22 on tasks: {flagged:?}"
    );
}
