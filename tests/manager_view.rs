//! One manager's view (`--manager ID`, `RAPPORT_MANAGER`, git's `user.email`) on every
//! command that has it, on the example book: what is shown is that manager's clients
//! and their files (book-wide findings stay), each command says which view it shows,
//! `--manager all` overrides a default, and an unknown ID is refused.

mod common;

use std::collections::BTreeSet;

use common::{GIT_EMAIL, Run, command, example_book};
use serde_json::Value;

const TODAY: &str = "2026-11-27";
const BELOV: [&str; 4] = ["mebel-uyut", "stroymaster", "trudnyi-klient", "vkusnoteka"];

/// `rapport ARGS` on the example book, with extra environment variables.
fn run_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let book = example_book();
    let mut cmd = command(book.parent().expect("examples"));
    cmd.args(args)
        .args(["--book", book.to_str().expect("utf-8"), "--today", TODAY]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("rapport runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run(args: &[&str]) -> Run {
    run_env(args, &[])
}

fn belov_view() -> Value {
    serde_json::json!({"manager": "belov", "name": "Дмитрий Белов", "from": "--manager"})
}

/// The client folder a book path is in, if any.
fn client_of(file: &str) -> Option<&str> {
    file.strip_prefix("clients/")?.split('/').next()
}

#[test]
fn json_listings_keep_the_managers_clients_and_say_so() {
    let cases: [(&[&str], &str, &str); 6] = [
        (&["clients"], "clients", "id"),
        (&["invoices"], "invoices", "client"),
        (&["renewals"], "contracts", "client"),
        (&["budget"], "projects", "client"),
        (&["tasks"], "tasks", "client"),
        (&["agenda", "--days", "30"], "items", "client"),
    ];
    for (args, list, key) in cases {
        let mut all_args = args.to_vec();
        all_args.extend(["--format", "json"]);
        let whole = run(&all_args);
        all_args.extend(["--manager", "belov"]);
        let mine = run(&all_args);
        assert_eq!(mine.code, 0, "{args:?}: {}", mine.stderr);
        let (whole, mine) = (whole.json(), mine.json());
        assert_eq!(mine["view"], belov_view(), "{args:?}");
        assert_eq!(
            whole["view"],
            serde_json::json!({"manager": null, "name": null, "from": null}),
            "{args:?}"
        );
        let mine_rows = mine[list].as_array().expect("list");
        assert!(!mine_rows.is_empty(), "{args:?}");
        for row in mine_rows {
            let client = row[key].as_str().unwrap_or("");
            // Agenda items outside any client (a contractor's) stay in every view.
            assert!(
                BELOV.contains(&client) || (client.is_empty() && list == "items"),
                "{args:?}: {row}"
            );
        }
        let expected: Vec<&Value> = whole[list]
            .as_array()
            .expect("list")
            .iter()
            .filter(|r| {
                let c = r[key].as_str().unwrap_or("");
                c.is_empty() || BELOV.contains(&c)
            })
            .collect();
        assert_eq!(mine_rows.iter().collect::<Vec<_>>(), expected, "{args:?}");
    }
}

#[test]
fn the_audit_keeps_the_managers_files_and_the_book_wide_findings() {
    let findings = |extra: &[&str]| -> (Value, Vec<Value>, u64) {
        let mut args = vec!["audit", "--format", "json", "--fail-on", "never"];
        args.extend_from_slice(extra);
        let doc = run(&args).json();
        let list = doc["findings"].as_array().expect("findings").clone();
        let files = doc["summary"]["files"].as_u64().expect("a file count");
        (doc["view"].clone(), list, files)
    };
    let (view, all, all_files) = findings(&[]);
    assert_eq!(view["manager"], Value::Null);
    let (view, belov, belov_files) = findings(&["--manager", "belov"]);
    assert_eq!(view, belov_view());
    let (_, orlova, orlova_files) = findings(&["--manager", "orlova"]);
    // The summary counts every file the rules read, as for named paths.
    assert_eq!((belov_files, orlova_files), (all_files, all_files));
    let files = |l: &[Value]| -> BTreeSet<String> {
        l.iter()
            .map(|f| f["file"].as_str().expect("file").to_owned())
            .collect()
    };
    for f in files(&belov) {
        assert!(client_of(&f).is_none_or(|c| BELOV.contains(&c)), "{f}");
    }
    for f in files(&orlova) {
        assert!(client_of(&f).is_none_or(|c| !BELOV.contains(&c)), "{f}");
    }
    let book_wide: Vec<&Value> = all
        .iter()
        .filter(|f| client_of(f["file"].as_str().expect("file")).is_none())
        .collect();
    assert!(
        !book_wide.is_empty(),
        "the example has a contractor finding (R21)"
    );
    // Every finding is in one of the two views; book-wide ones in both.
    assert_eq!(belov.len() + orlova.len(), all.len() + book_wide.len());
    let human = run(&["audit", "--manager", "belov", "--color", "never"]);
    assert_eq!(human.code, 1);
    assert!(
        human.stdout.starts_with(
            "Audit of Дмитрий Белов's clients (belov, from --manager), 2026-11-27; --manager all for every client\n\n"
        ),
        "{}",
        human.stdout
    );
}

#[test]
fn every_human_output_says_whose_view_it_is() {
    for (args, what) in [
        (&["clients"][..], "Clients"),
        (&["invoices"][..], "Invoices"),
        (&["renewals"][..], "Renewals"),
        (&["budget"][..], "Budgets"),
        (&["tasks"][..], "Tasks"),
        (&["agenda"][..], "Agenda"),
        (&["digest"][..], "Digest"),
    ] {
        let mut all = args.to_vec();
        all.extend(["--manager", "orlova"]);
        let r = run(&all);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        let head = format!(
            "{what} of Анна Орлова's clients (orlova, from --manager), 2026-11-27; --manager all for every client\n\n"
        );
        assert!(r.stdout.starts_with(&head), "{args:?}:\n{}", r.stdout);
        // The whole book, as before: no line on top.
        let whole = run(args);
        assert!(!whole.stdout.contains("'s clients ("), "{args:?}");
    }
}

#[test]
fn the_calendar_of_one_manager_has_only_their_clients_events() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("mine.ics");
    let r = run(&[
        "calendar",
        "--manager",
        "orlova",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("Calendar of Анна Орлова's clients"),
        "{}",
        r.stdout
    );
    // Unfolded (RFC 5545 folds lines longer than 75 octets).
    let ics = std::fs::read_to_string(&out)
        .expect("feed")
        .replace("\r\n ", "");
    assert!(
        ics.contains("X-WR-CALNAME:Белый кит — rapport (Анна Орлова's clients)"),
        "{ics}"
    );
    let uids: Vec<&str> = ics.lines().filter_map(|l| l.strip_prefix("UID:")).collect();
    assert!(!uids.is_empty());
    for uid in &uids {
        assert!(client_of(uid).is_some_and(|c| !BELOV.contains(&c)), "{uid}");
    }
    let whole = run(&["calendar"]);
    let whole_uids = whole
        .stdout
        .lines()
        .filter(|l| l.starts_with("UID:"))
        .count();
    let belov = run(&["calendar", "--manager", "belov"]);
    let belov_uids = belov
        .stdout
        .lines()
        .filter(|l| l.starts_with("UID:"))
        .count();
    assert_eq!(
        uids.len() + belov_uids,
        whole_uids,
        "every event in one view"
    );
}

#[test]
fn the_default_comes_from_the_environment_then_git_and_all_overrides_it() {
    let r = run_env(
        &["tasks", "--format", "json"],
        &[("RAPPORT_MANAGER", "belov")],
    );
    assert_eq!(
        r.json()["view"],
        serde_json::json!({"manager": "belov", "name": "Дмитрий Белов", "from": "RAPPORT_MANAGER"})
    );
    let r = run_env(
        &["clients", "--format", "json"],
        &[(GIT_EMAIL, "A.Orlova@belykit.ru")],
    );
    let doc = r.json();
    assert_eq!(
        doc["view"],
        serde_json::json!({"manager": "orlova", "name": "Анна Орлова", "from": "git user.email"})
    );
    assert_eq!(doc["clients"].as_array().expect("clients").len(), 3);
    // The variable wins over git.
    let r = run_env(
        &["clients", "--format", "json"],
        &[
            (GIT_EMAIL, "a.orlova@belykit.ru"),
            ("RAPPORT_MANAGER", "belov"),
        ],
    );
    assert_eq!(r.json()["view"]["manager"], "belov");
    // An email nobody in the team has: the whole book.
    let r = run_env(
        &["clients", "--format", "json"],
        &[(GIT_EMAIL, "someone@else.ru")],
    );
    assert_eq!(r.json()["view"]["manager"], Value::Null);
    // --manager all overrides either default, and says so.
    let r = run_env(
        &["clients", "--format", "json", "--manager", "all"],
        &[("RAPPORT_MANAGER", "belov")],
    );
    let doc = r.json();
    assert_eq!(
        doc["view"],
        serde_json::json!({"manager": null, "name": null, "from": "--manager"})
    );
    assert_eq!(doc["clients"].as_array().expect("clients").len(), 7);
}

#[test]
fn an_unknown_manager_is_refused_with_the_nearest_on_every_command() {
    for cmd in [
        "clients", "agenda", "audit", "invoices", "renewals", "budget", "tasks", "calendar",
        "digest",
    ] {
        let r = run(&[cmd, "--manager", "belv"]);
        assert_eq!(r.code, 2, "{cmd}: {}", r.stderr);
        assert!(
            r.stderr
                .contains("no team member `belv` in this book\nhint: did you mean `belov`? (`all`: every client)"),
            "{cmd}: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty(), "{cmd}");
    }
    let r = run_env(&["tasks"], &[("RAPPORT_MANAGER", "nobody")]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("no team member `nobody` in this book (from RAPPORT_MANAGER; unset it, or pass --manager all)"),
        "{}",
        r.stderr
    );
    // A blank variable is no default.
    let r = run_env(&["tasks", "--format", "json"], &[("RAPPORT_MANAGER", " ")]);
    assert_eq!(r.json()["view"]["manager"], Value::Null);
}
