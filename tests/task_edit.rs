//! `rapport task new|ack|done|move` and `rapport project move` through the real binary,
//! on a copy of the example book: each edit changes exactly the lines it says, byte for
//! byte; a move is recorded in `deadline_changes` and R08 reads it; concurrent edits of
//! two tasks of one project both land; every refusal exits 2, says why, and writes
//! nothing.

mod common;

use std::process::Stdio;

use common::{TempBook, command, example_book};

const TODAY: &str = "2026-11-27";
const PROJECT: &str = "clients/trudnyi-klient/projects/zimnyaya-kampaniya.yaml";

fn example_copy() -> TempBook {
    TempBook::copy_of(&example_book())
}

fn run(book: &TempBook, args: &[&str]) -> common::Run {
    let mut all = vec!["--today", TODAY];
    all.extend_from_slice(args);
    book.run(&all)
}

fn ok(book: &TempBook, args: &[&str]) -> String {
    let r = run(book, args);
    assert_eq!(r.code, 0, "{args:?}: {}{}", r.stdout, r.stderr);
    r.stdout
}

/// `text` with `new` (whole lines) inserted after the first line equal to `after`
/// that follows the line equal to `from`.
fn insert_after(text: &str, from: &str, after: &str, new: &str) -> String {
    let mut out = String::new();
    let (mut seen_from, mut done) = (false, false);
    for line in text.split_inclusive('\n') {
        out.push_str(line);
        seen_from |= line.trim_end_matches('\n') == from;
        if seen_from && !done && line.trim_end_matches('\n') == after {
            out.push_str(new);
            done = true;
        }
    }
    assert!(done, "no line `{after}` after `{from}`");
    out
}

#[test]
fn ack_and_done_add_one_line_each_and_keep_every_other_byte() {
    let book = example_copy();
    let before = book.read(PROJECT);
    let out = ok(
        &book,
        &["task", "ack", "trudnyi-klient/zimnyaya-kampaniya/teksty"],
    );
    assert_eq!(
        out,
        format!(
            "{PROJECT}: task `teksty` confirmed by Мария Лебедева on 2026-11-27 (after it \
             started on 2026-11-16: R22 will say so)\n"
        )
    );
    let expected = insert_after(
        &before,
        "  - id: teksty",
        "    tied_to: вёрстка посадочной страницы с 02.12",
        "    acknowledged: 2026-11-27\n",
    );
    assert_eq!(book.read(PROJECT), expected);
    ok(
        &book,
        &[
            "task",
            "done",
            "trudnyi-klient/zimnyaya-kampaniya/rolik",
            "--date",
            "2026-11-26",
        ],
    );
    let expected = insert_after(
        &expected,
        "  - id: rolik",
        "    acknowledged: 2026-11-23",
        "    done: 2026-11-26\n",
    );
    assert_eq!(book.read(PROJECT), expected);
    // The audit agrees: R07 no longer on the video, R22 now says "confirmed late".
    let tasks = run(&book, &["tasks", "--overdue", "--format", "json"]).json();
    assert_eq!(tasks["tasks"], serde_json::json!([]));
}

#[test]
fn a_task_move_sets_due_and_records_the_change_r08_reads() {
    let book = example_copy();
    let before = book.read(PROJECT);
    let out = ok(
        &book,
        &[
            "task",
            "move",
            "trudnyi-klient/zimnyaya-kampaniya/posadochnaya",
            "--due",
            "2026-12-12",
            "--reason",
            "Клиент сдвинул старт, макет позже",
            "--decided",
            "2026-11-20",
        ],
    );
    assert!(
        out.contains(
            "task `posadochnaya` moved from 2026-12-10 to 2026-12-12; the client is not told yet"
        ),
        "{out}"
    );
    let expected = before
        .replacen("    due: 2026-12-10\n", "    due: 2026-12-12\n", 1)
        .replace(
            "client_told: 2026-11-20, reason: Клиент заменил модель в ролике}\n",
            "client_told: 2026-11-20, reason: Клиент заменил модель в ролике}\n  - {from: \
             2026-12-10, to: 2026-12-12, decided: 2026-11-20, task: posadochnaya, reason: \
             \"Клиент сдвинул старт, макет позже\"}\n",
        );
    assert_eq!(book.read(PROJECT), expected);
    // Decided on the 20th and never told: R08 reports it, naming the task.
    let audit = run(
        &book,
        &["audit", "--rule", "R08", "--format", "json", PROJECT],
    );
    let doc = audit.json();
    let messages: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["message"].as_str().expect("message"))
        .collect();
    assert!(
        messages.iter().any(|m| m.contains(
            "task `posadochnaya` moved from 2026-12-10 to 2026-12-12, decided 2026-11-20: the client was never told"
        )),
        "{messages:?}"
    );
}

#[test]
fn a_project_move_told_to_a_contact_is_recorded_in_block_style_where_the_list_is() {
    let book = example_copy();
    let file = "clients/lesnaya-polyana/projects/lesnoe-kv.yaml";
    // The example's list is in block style: the entry follows it.
    let before = book.read(file);
    assert!(
        before.contains("deadline_changes:\n  - from: 2026-12-11\n"),
        "{before}"
    );
    let out = ok(
        &book,
        &[
            "project",
            "move",
            "lesnaya-polyana/lesnoe-kv",
            "--deadline",
            "2026-12-23",
            "--reason",
            "Типография: очередь",
            "--told",
            "smirnova",
        ],
    );
    assert!(
        out.ends_with(
            "deadline moved from 2026-12-18 to 2026-12-23; Елена Смирнова told on 2026-11-27\n"
        ),
        "{out}"
    );
    let expected = before.replacen("deadline: 2026-12-18\n", "deadline: 2026-12-23\n", 1).replacen(
        "обсудили и согласовали на встрече\n",
        "обсудили и согласовали на встрече\n  - from: 2026-12-18\n    to: 2026-12-23\n    decided: 2026-11-27\n    client_told: 2026-11-27\n    told_to: smirnova\n    reason: \"Типография: очередь\"\n",
        1,
    );
    assert_eq!(book.read(file), expected);
    let audit = run(&book, &["audit", file]);
    assert_eq!(audit.code, 0, "{}", audit.stdout);
}

#[test]
fn a_new_task_is_appended_in_the_lists_style() {
    let book = example_copy();
    let before = book.read(PROJECT);
    let out = ok(
        &book,
        &[
            "task",
            "new",
            "trudnyi-klient/zimnyaya-kampaniya",
            "--to",
            "kim",
            "--what",
            "Баннеры: вторая волна",
            "--due",
            "2026-12-09",
            "--kind",
            "design",
            "--start",
            "2026-12-01",
            "--tied-to",
            "вторая волна 10.12",
        ],
    );
    assert_eq!(
        out,
        format!("{PROJECT}: task `bannery-vtoraya-volna` for Виктория Ким, due 2026-12-09\n")
    );
    let expected = insert_after(
        &before,
        "  - id: posadochnaya",
        "    acknowledged: 2026-11-27",
        "  - id: bannery-vtoraya-volna\n    title: \"Баннеры: вторая волна\"\n    assignee: kim\n    kind: design\n    start: 2026-12-01\n    due: 2026-12-09\n    tied_to: вторая волна 10.12\n",
    );
    assert_eq!(book.read(PROJECT), expected);
    // The same title again gets the next free ID; a contractor can be given a task.
    let out = ok(
        &book,
        &[
            "task",
            "new",
            "trudnyi-klient/zimnyaya-kampaniya",
            "--to",
            "pechat-ekspress",
            "--what",
            "Баннеры: вторая волна",
            "--due",
            "2026-12-09",
        ],
    );
    assert!(out.contains("task `bannery-vtoraya-volna-2` for"), "{out}");
    assert!(out.contains("R19"), "{out}");
    let tasks = run(
        &book,
        &[
            "tasks",
            "--project",
            "trudnyi-klient/zimnyaya-kampaniya",
            "--format",
            "json",
        ],
    )
    .json();
    assert_eq!(tasks["tasks"].as_array().expect("tasks").len(), 8);
}

/// Starts an edit of one task of the project.
fn spawn(book: &TempBook, args: &[&str]) -> std::process::Child {
    let path = book.path().to_str().expect("utf-8").to_owned();
    command(book.path())
        .args(args)
        .args(["--today", TODAY, "--book", &path])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn rapport")
}

/// Edits of different tasks of one project at once: every one lands (the lock keeps
/// each read-edit-write whole), and the file reads clean.
#[test]
fn concurrent_edits_of_tasks_of_one_project_lose_none() {
    let book = example_copy();
    let p = "trudnyi-klient/zimnyaya-kampaniya";
    let jobs: Vec<Vec<String>> = vec![
        vec!["task".into(), "ack".into(), format!("{p}/teksty")],
        vec!["task".into(), "done".into(), format!("{p}/rolik")],
        vec![
            "task".into(),
            "move".into(),
            format!("{p}/posadochnaya"),
            "--due".into(),
            "2026-12-12".into(),
            "--reason".into(),
            "позже".into(),
        ],
        vec![
            "task".into(),
            "move".into(),
            format!("{p}/teksty"),
            "--due".into(),
            "2026-12-03".into(),
            "--reason".into(),
            "тексты позже".into(),
            "--told".into(),
            "lapina".into(),
        ],
        vec![
            "project".into(),
            "move".into(),
            p.into(),
            "--deadline".into(),
            "2026-12-17".into(),
            "--reason".into(),
            "досъёмка".into(),
            "--told".into(),
            "lapina".into(),
        ],
        vec![
            "task".into(),
            "new".into(),
            p.into(),
            "--to".into(),
            "kim".into(),
            "--what".into(),
            "Ресайзы".into(),
            "--due".into(),
            "2026-12-05".into(),
            "--tied-to".into(),
            "размещение".into(),
        ],
        vec![
            "task".into(),
            "new".into(),
            p.into(),
            "--to".into(),
            "sokolov".into(),
            "--what".into(),
            "Ресайзы".into(),
            "--due".into(),
            "2026-12-06".into(),
            "--tied-to".into(),
            "размещение".into(),
        ],
    ];
    let children: Vec<_> = jobs
        .iter()
        .map(|j| spawn(&book, &j.iter().map(String::as_str).collect::<Vec<_>>()))
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = book.read(PROJECT);
    for want in [
        "    acknowledged: 2026-11-27\n",
        "    done: 2026-11-27\n",
        "    due: 2026-12-03\n",
        "    due: 2026-12-12\n",
        "task: posadochnaya, reason: позже}",
        "deadline: 2026-12-17\n",
        "task: teksty, reason: тексты позже}",
        "decided: 2026-11-27, client_told: 2026-11-27, told_to: lapina, reason: досъёмка}",
        "  - id: resayzy\n",
        "  - id: resayzy-2\n",
    ] {
        assert!(text.contains(want), "lost `{want}`:\n{text}");
    }
    let audit = run(
        &book,
        &["audit", "--format", "json", "--fail-on", "never", PROJECT],
    )
    .json();
    let errors: Vec<_> = audit["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"].as_str().is_some_and(|c| c.starts_with('E')))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn every_refusal_exits_2_says_why_and_writes_nothing() {
    let book = example_copy();
    // A project with two tasks of one ID, and one with a task and no due or assignee.
    let dup = "clients/trudnyi-klient/projects/dup.yaml";
    book.write(
        dup,
        "title: Дубль\nstage: active\ntasks:\n  - {id: a, due: 2026-12-01}\n  - {id: a, due: 2026-12-02}\n  - {id: b, start: 2026-11-20}\n",
    );
    let done = "clients/lesnaya-polyana/projects/upakovka-kefir-2025.yaml";
    let p = "trudnyi-klient/zimnyaya-kampaniya";
    const ROLIK: &str = "trudnyi-klient/zimnyaya-kampaniya/rolik";
    const TEKSTY: &str = "trudnyi-klient/zimnyaya-kampaniya/teksty";
    const BANNERY: &str = "trudnyi-klient/zimnyaya-kampaniya/bannery";
    let snapshot = |book: &TempBook| [PROJECT, dup, done].map(|f| book.read(f));
    let before = snapshot(&book);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["task", "ack", "trudnyi-klient/zimnyaya"],
            "does not name a task",
        ),
        (
            vec!["task", "ack", "trudnyi/zimnyaya-kampaniya/teksty"],
            "no client `trudnyi` in this book\nhint: did you mean `trudnyi-klient`?",
        ),
        (
            vec!["task", "ack", "trudnyi-klient/zimnyaya/teksty"],
            "no project `zimnyaya` in client `trudnyi-klient`\nhint: did you mean `zimnyaya-kampaniya`?",
        ),
        (
            vec!["task", "ack", "trudnyi-klient/zimnyaya-kampaniya/tekst"],
            "no task `tekst` in project «Зимняя кампания «Шипы в подарок»»\nhint: did you mean `teksty`?",
        ),
        (
            vec!["task", "ack", "trudnyi-klient/dup/a"],
            "2 tasks of project «Дубль» have the ID `a` (E05)",
        ),
        (
            vec!["task", "ack", "trudnyi-klient/dup/b"],
            "task `b` has no assignee to confirm it",
        ),
        (
            vec!["task", "ack", ROLIK],
            "task `rolik` was confirmed already, on 2026-11-23",
        ),
        (
            vec!["task", "ack", TEKSTY, "--date", "2026-11-28"],
            "invalid --date: 2026-11-28 is after today (2026-11-27)",
        ),
        (
            vec!["task", "done", BANNERY],
            "task `bannery` is done already, on 2026-11-18",
        ),
        (
            vec!["task", "done", ROLIK, "--date", "2026-11-20"],
            "invalid --date: 2026-11-20 is before the task starts on 2026-11-23 (E07)",
        ),
        (
            vec![
                "task",
                "move",
                BANNERY,
                "--due",
                "2026-12-01",
                "--reason",
                "x",
            ],
            "task `bannery` is done: its due date no longer moves",
        ),
        (
            vec![
                "task",
                "move",
                "trudnyi-klient/dup/b",
                "--due",
                "2026-12-01",
                "--reason",
                "x",
            ],
            "task `b` has no due date to move",
        ),
        (
            vec![
                "task",
                "move",
                ROLIK,
                "--due",
                "2026-11-25",
                "--reason",
                "x",
            ],
            "task `rolik` is due on 2026-11-25 already",
        ),
        (
            vec![
                "task",
                "move",
                ROLIK,
                "--due",
                "2026-11-20",
                "--reason",
                "x",
            ],
            "invalid --due: 2026-11-20 is before the task starts on 2026-11-23 (E07)",
        ),
        (
            vec![
                "task",
                "move",
                ROLIK,
                "--due",
                "2026-12-01",
                "--reason",
                "  ",
            ],
            "invalid --reason",
        ),
        (
            vec![
                "task",
                "move",
                ROLIK,
                "--due",
                "2026-12-01",
                "--reason",
                "x",
                "--told",
                "lapin",
            ],
            "no contact `lapin` in client `trudnyi-klient`\nhint: did you mean `lapina`?",
        ),
        (
            vec![
                "task",
                "move",
                ROLIK,
                "--due",
                "2026-12-01",
                "--reason",
                "x",
                "--told-on",
                "2026-11-30",
            ],
            "invalid --told-on: 2026-11-30 is after today",
        ),
        (
            vec![
                "task",
                "move",
                ROLIK,
                "--due",
                "2026-12-01",
                "--reason",
                "x",
                "--decided",
                "2026-11-26",
                "--told-on",
                "2026-11-25",
            ],
            "invalid --told-on: 2026-11-25 is before the move was decided on 2026-11-26",
        ),
        (
            vec![
                "task",
                "move",
                ROLIK,
                "--due",
                "2026-12-01",
                "--reason",
                "x",
                "--decided",
                "2026-12-01",
            ],
            "invalid --decided: 2026-12-01 is after today",
        ),
        (
            vec![
                "project",
                "move",
                "trudnyi-klient/dup",
                "--deadline",
                "2026-12-01",
                "--reason",
                "x",
            ],
            "project «Дубль» has no deadline to move",
        ),
        (
            vec![
                "project",
                "move",
                p,
                "--deadline",
                "2026-12-15",
                "--reason",
                "x",
            ],
            "is due on 2026-12-15 already",
        ),
        (
            vec![
                "project",
                "move",
                p,
                "--deadline",
                "2026-10-01",
                "--reason",
                "x",
            ],
            "invalid --deadline: 2026-10-01 is before the project starts on 2026-11-02 (E07)",
        ),
        (
            vec![
                "project",
                "move",
                "trudnyi-klient",
                "--deadline",
                "2026-12-01",
                "--reason",
                "x",
            ],
            "write CLIENT/PROJECT",
        ),
        (
            vec![
                "task",
                "new",
                "lesnaya-polyana/upakovka-kefir-2025",
                "--to",
                "kim",
                "--what",
                "x",
                "--due",
                "2026-12-01",
            ],
            "is `done`: it takes no new tasks",
        ),
        (
            vec![
                "task",
                "new",
                p,
                "--to",
                "kimm",
                "--what",
                "x",
                "--due",
                "2026-12-01",
            ],
            "no team member or contractor `kimm` in this book\nhint: did you mean `kim`?",
        ),
        (
            vec![
                "task",
                "new",
                p,
                "--to",
                "kim",
                "--what",
                " ",
                "--due",
                "2026-12-01",
            ],
            "invalid --what",
        ),
        (
            vec![
                "task",
                "new",
                p,
                "--to",
                "kim",
                "--what",
                "x",
                "--due",
                "2026-12-01",
                "--start",
                "2026-12-02",
            ],
            "invalid --due: 2026-12-01 is before --start 2026-12-02 (E07)",
        ),
        (
            vec![
                "task",
                "new",
                p,
                "--to",
                "kim",
                "--what",
                "x",
                "--due",
                "2026-12-01",
                "--id",
                "Баннеры 2",
            ],
            "invalid --id `Баннеры 2`",
        ),
        (
            vec![
                "task",
                "new",
                p,
                "--to",
                "kim",
                "--what",
                "x",
                "--due",
                "2026-12-01",
                "--id",
                "rolik",
            ],
            "has a task `rolik` already",
        ),
    ];
    for (args, want) in cases {
        let r = run(&book, &args);
        assert_eq!(r.code, 2, "{args:?}: {}{}", r.stdout, r.stderr);
        assert!(
            r.stderr.contains(want),
            "{args:?}: wanted «{want}» in\n{}",
            r.stderr
        );
        assert!(r.stdout.is_empty(), "{args:?}: {}", r.stdout);
        assert_eq!(snapshot(&book), before, "{args:?} wrote something");
    }
}

#[test]
fn a_change_naming_no_task_of_its_project_is_e04() {
    let book = example_copy();
    let text = book.read(PROJECT).replace(
        "reason: Клиент заменил модель в ролике}",
        "reason: Клиент заменил модель в ролике, task: rolk, told_to: lapina}",
    );
    book.write(PROJECT, &text);
    let r = run(&book, &["audit", "--rule", "E04", PROJECT]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("no task `rolk` in this project's `tasks`"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("did you mean `rolik`?"), "{}", r.stdout);
    assert_eq!(
        r.stdout.matches("error[E04]").count(),
        1,
        "a known contact is fine: {}",
        r.stdout
    );
}
