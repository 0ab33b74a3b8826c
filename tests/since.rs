//! `rapport audit --since REV`: only the findings a change introduced, on scratch git
//! repositories built here (commits with fixed dates and author), and every way it
//! refuses: no repository, an unknown revision, a revision that looks like an option,
//! no git at all. SARIF is validated against the OASIS schema (tests/schemas) by
//! `check-jsonschema` from the tests' own venv (tests/checkers); it fails, never
//! skips, when the validator cannot be had.

mod checkers;
mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{Run, command};
use serde_json::{Value, json};

const TODAY: &str = "2026-11-27";

/// `tests/rules/base`: one client, Acme.
fn base() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules/base")
}

/// The project's file before the change: its task `design` overdue (R07).
const BEFORE: &str = "\
title: Лендинг
stage: active
start: 2026-10-01
deadline: 2026-12-20
deadline_tied_to: Запуск рекламы 2026-12-21
approver: smirnov
plan_b: Шаблонный лендинг
estimate: [{item: Дизайн, price: 100000}]
tasks:
  - id: design
    title: Макет
    assignee: ivanova
    kind: design
    start: 2026-10-05
    due: 2026-11-10
    tied_to: Запуск
";

/// After the change: the task done (one finding fixed), the deadline moved into the
/// past (one finding added).
const AFTER: &str = "\
title: Лендинг
stage: active
start: 2026-10-01
deadline: 2026-11-20
deadline_tied_to: Запуск рекламы 2026-11-21
approver: smirnov
plan_b: Шаблонный лендинг
estimate: [{item: Дизайн, price: 100000}]
tasks:
  - id: design
    title: Макет
    assignee: ivanova
    kind: design
    start: 2026-10-05
    due: 2026-11-10
    done: 2026-11-12
    tied_to: Запуск
";

const PROJECT: &str = "clients/acme/projects/landing.yaml";

/// A scratch repository in a temporary folder.
struct Repo {
    dir: tempfile::TempDir,
    commits: u32,
}

impl Repo {
    fn new() -> Self {
        let repo = Repo {
            dir: tempfile::tempdir().expect("a temporary folder"),
            commits: 0,
        };
        repo.git(&["init", "-q", "."]);
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs git with a fixed author, dates and no user or system configuration.
    fn git(&self, args: &[&str]) {
        let date = format!("2026-11-{:02}T10:00:00+03:00", 10 + self.commits);
        common::git_dated(self.path(), args, &date);
    }

    /// Copies the folder `from` into `to` (relative to the repository).
    fn copy(&self, from: &Path, to: &str) {
        for entry in walk(from) {
            let rel = entry.strip_prefix(from).expect("under the folder");
            self.write(
                &Path::new(to).join(rel),
                &fs::read_to_string(&entry).expect("read"),
            );
        }
    }

    fn write(&self, rel: &Path, text: &str) {
        let path = self.path().join(rel);
        fs::create_dir_all(path.parent().expect("a parent")).expect("create folders");
        fs::write(path, text).expect("write a test file");
    }

    fn commit(&mut self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
        self.commits += 1;
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("read a folder") {
        let path = entry.expect("an entry").path();
        // Not the parse cache another test's run may have left (`.rapport/`).
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// A repository whose book (at `folder`, "" for the top) had [`BEFORE`] in its first
/// commit and has `after` in its second.
fn book_with_change(folder: &str, after: &str) -> Repo {
    let mut repo = Repo::new();
    repo.copy(&base(), folder);
    repo.write(&Path::new(folder).join(PROJECT), BEFORE);
    repo.commit("The landing page");
    repo.write(&Path::new(folder).join(PROJECT), after);
    repo.commit("Design done; the deadline moved");
    repo
}

fn audit(book: &Path, args: &[&str]) -> Run {
    let mut all = vec![
        "audit", "--today", TODAY, "--color", "never", "--rule", "R07",
    ];
    all.extend_from_slice(args);
    common::rapport_in(book, &all)
}

const NEW_FINDING: &str =
    "error[R07]: project «Лендинг» is 7 days past its deadline, 2026-11-20, and still `active`";

#[test]
fn only_the_new_finding_is_reported_in_human_text() {
    let repo = book_with_change("", AFTER);
    let run = audit(repo.path(), &["--since", "HEAD~1"]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        format!(
            "{NEW_FINDING}
 --> clients/acme/projects/landing.yaml:4:11
  |
4 | deadline: 2026-11-20
  |           ^^^^^^^^^^
  = help: deliver and set `stage: done`, or agree a new deadline with the client and record it in `deadline_changes`

audit: 4 files checked: 1 error, 0 warnings, 0 infos
this change adds 1 finding since HEAD~1 (0 unchanged)
"
        )
    );
    assert_eq!(run.code, 1, "the new error fails the run");
    let ru = audit(repo.path(), &["--since", "HEAD~1", "--lang", "ru"]);
    assert!(
        ru.stdout
            .ends_with("\nэто изменение добавляет 1 нарушение с HEAD~1 (прежних: 0)\n"),
        "{}",
        ru.stdout
    );
    // Against the first commit itself: nothing new, and the exit code says so though
    // the book has an error.
    let run = audit(repo.path(), &["--since", "HEAD"]);
    assert_eq!(
        run.stdout,
        "audit: 4 files checked: 0 errors, 0 warnings, 0 infos\n\
         this change adds 0 findings since HEAD (1 unchanged)\n"
    );
    assert_eq!(run.code, 0);
}

/// The book at REV is REV's, whatever the working tree holds now: most of its files
/// are read from the folder where git finds them unchanged, and edits not yet
/// committed, files added and not yet tracked, and files deleted since are all told
/// apart from it.
#[test]
fn the_working_trees_edits_additions_and_deletions_are_new_or_gone() {
    let mut repo = Repo::new();
    repo.copy(&base(), "");
    repo.write(Path::new(PROJECT), BEFORE);
    // A second project, overdue (R07) at the revision, to be deleted afterwards.
    repo.write(
        Path::new("clients/acme/projects/old.yaml"),
        &AFTER.replace("Лендинг", "Старый сайт"),
    );
    repo.commit("Two projects");
    // Not committed: the landing page's deadline moved into the past, a third
    // project added and never added to git, the old project deleted.
    repo.write(Path::new(PROJECT), AFTER);
    repo.write(
        Path::new("clients/acme/projects/new.yaml"),
        &AFTER.replace("Лендинг", "Новый сайт"),
    );
    fs::remove_file(repo.path().join("clients/acme/projects/old.yaml")).expect("delete");
    let run = audit(repo.path(), &["--since", "HEAD", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let new: Vec<(&str, &str)> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["file"].as_str().expect("a file"),
                f["baseline"].as_str().expect("a state"),
            )
        })
        .collect();
    assert_eq!(
        new,
        [
            ("clients/acme/projects/landing.yaml", "new"),
            ("clients/acme/projects/new.yaml", "new"),
        ],
        "{}",
        run.stdout
    );
    assert_eq!(
        doc["summary"]["since"],
        json!({"new": 2, "unchanged": 0}),
        "the deleted project's finding is gone, not unchanged"
    );
    // Committed, the same comparison with the same revision gives the same answer.
    repo.commit("The edits");
    let run = audit(repo.path(), &["--since", "HEAD~1", "--format", "json"]);
    let doc: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(doc["summary"]["since"], json!({"new": 2, "unchanged": 0}));
}

#[test]
fn json_marks_the_new_finding_and_counts_both() {
    let repo = book_with_change("", AFTER);
    let run = audit(repo.path(), &["--since", "HEAD~1", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        doc,
        json!({
            "version": 1,
            "view": doc["view"],
            "findings": [{
                "code": "R07",
                "severity": "error",
                "file": PROJECT,
                "line": 4,
                "column": 11,
                "end_line": 4,
                "end_column": 21,
                "message": "project «Лендинг» is 7 days past its deadline, 2026-11-20, and still `active`",
                "help": "deliver and set `stage: done`, or agree a new deadline with the client and record it in `deadline_changes`",
                "baseline": "new"
            }],
            "summary": {
                "files": 4,
                "errors": 1,
                "warnings": 0,
                "infos": 0,
                "waived": 0,
                "since": {"new": 1, "unchanged": 0}
            }
        })
    );
    // Without --since, neither the field nor the summary's count appears.
    let plain = audit(repo.path(), &["--format", "json"]);
    assert!(
        !plain.stdout.contains("\"baseline\"") && !plain.stdout.contains("\"since\""),
        "{}",
        plain.stdout
    );
}

/// Runs `check-jsonschema` on `text` against the committed SARIF 2.1.0 schema.
fn validate_sarif(text: &str) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("out.sarif");
    fs::write(&file, text).expect("write the SARIF file");
    let schema =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json");
    let out = checkers::checkers()
        .command("check-jsonschema")
        .arg("--schemafile")
        .arg(schema)
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("check-jsonschema could not be run: {e}"));
    assert_eq!(
        out.status.code(),
        Some(0),
        "the SARIF does not validate:\n{}{}\n--- the SARIF:\n{text}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sarif_results_carry_their_baseline_state_and_validate() {
    let repo = book_with_change("", AFTER);
    let run = audit(repo.path(), &["--since", "HEAD~1", "--format", "sarif"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    validate_sarif(&run.stdout);
    let doc: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let results = &doc["runs"][0]["results"];
    let rule_index = results[0]["ruleIndex"].clone();
    assert_eq!(
        doc["runs"][0]["tool"]["driver"]["rules"][rule_index.as_u64().expect("an index") as usize]
            ["id"],
        "R07"
    );
    assert_eq!(
        *results,
        json!([{
            "ruleId": "R07",
            "ruleIndex": rule_index,
            "level": "error",
            "baselineState": "new",
            "message": {"text": "project «Лендинг» is 7 days past its deadline, 2026-11-20, and still `active` (help: deliver and set `stage: done`, or agree a new deadline with the client and record it in `deadline_changes`)"},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": PROJECT, "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 4, "startColumn": 11, "endLine": 4, "endColumn": 21}
                }
            }]
        }])
    );
    // Without --since, no result has a baseline state.
    let plain = audit(repo.path(), &["--format", "sarif"]);
    assert!(!plain.stdout.contains("baselineState"), "{}", plain.stdout);
}

#[test]
fn a_book_in_a_subfolder_of_its_repository() {
    let repo = book_with_change("books/agency", AFTER);
    let book = repo.path().join("books/agency");
    let run = audit(&book, &["--since", "HEAD~1"]);
    assert_eq!(run.stderr, "");
    // In a git hook, git sets GIT_DIR (relative to the repository's top) and
    // GIT_INDEX_FILE: the book's own folder still decides the repository and the prefix.
    let out = command(&book)
        .args([
            "audit", "--today", TODAY, "--color", "never", "--rule", "R07",
        ])
        .args(["--since", "HEAD~1"])
        .env("GIT_DIR", ".git")
        .env("GIT_INDEX_FILE", ".git/index")
        .output()
        .expect("rapport runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), run.stdout);
    assert!(run.stdout.starts_with(NEW_FINDING), "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("this change adds 1 finding since HEAD~1 (0 unchanged)\n"),
        "{}",
        run.stdout
    );
    // The same through --book, from elsewhere.
    let out = command(repo.path())
        .args([
            "--book",
            book.to_str().expect("UTF-8"),
            "audit",
            "--today",
            TODAY,
        ])
        .args(["--rule", "R07", "--since", "HEAD~1", "--format", "json"])
        .output()
        .expect("rapport runs");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["summary"]["since"], json!({"new": 1, "unchanged": 0}));
}

#[test]
fn a_finding_whose_line_moved_is_unchanged() {
    let moved = format!("# Лендинг к запуску рекламы.\n# Второй комментарий.\n{BEFORE}");
    let repo = book_with_change("", &moved);
    // The finding is now two lines lower, and still the same finding.
    let plain = audit(repo.path(), &[]);
    assert!(
        plain.stdout.contains("landing.yaml:17:10"),
        "{}",
        plain.stdout
    );
    let run = audit(repo.path(), &["--since", "HEAD~1"]);
    assert_eq!(
        run.stdout,
        "audit: 4 files checked: 0 errors, 0 warnings, 0 infos\n\
         this change adds 0 findings since HEAD~1 (1 unchanged)\n"
    );
    assert_eq!(run.code, 0);
}

#[test]
fn a_second_finding_alike_is_new() {
    // A second overdue task worded as the first: the multiset has one more.
    let twice = BEFORE.to_owned()
        + "  - id: design2\n    title: Макет\n    assignee: ivanova\n    kind: design\n    start: 2026-10-05\n    due: 2026-11-10\n    tied_to: Запуск\n";
    let repo = book_with_change("", &twice);
    let run = audit(repo.path(), &["--since", "HEAD~1", "--format", "json"]);
    let doc: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        doc["summary"]["since"],
        json!({"new": 1, "unchanged": 1}),
        "{}",
        run.stdout
    );
}

#[test]
fn links_in_the_revision_stay_inside_it() {
    let mut repo = Repo::new();
    repo.copy(&base(), "");
    repo.write(Path::new(PROJECT), BEFORE);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(
            "/etc/passwd",
            repo.path().join("clients/acme/projects/evil.yaml"),
        )
        .expect("a link");
        std::os::unix::fs::symlink(
            "../../../../../../../../etc",
            repo.path().join("clients/etc"),
        )
        .expect("a link");
    }
    repo.commit("Links out of the book");
    repo.write(Path::new(PROJECT), AFTER);
    repo.commit("The change");
    let run = audit(repo.path(), &["--since", "HEAD~1"]);
    assert!(!run.stdout.contains("root:"), "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("this change adds 1 finding since HEAD~1 (2 unchanged)\n"),
        "the links' E01 findings are there at both revisions:\n{}",
        run.stdout
    );
}

#[test]
fn refusals() {
    // Not a git repository.
    let dir = tempfile::tempdir().expect("a temporary folder");
    for entry in walk(&base()) {
        let rel = entry.strip_prefix(base()).expect("under base");
        let to = dir.path().join(rel);
        fs::create_dir_all(to.parent().expect("a parent")).expect("folders");
        fs::copy(&entry, to).expect("copy");
    }
    let run = audit(dir.path(), &["--since", "HEAD~1"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!(
            "error: --since needs the book in a git repository; {} is not in one\n",
            dir.path().canonicalize().expect("real path").display()
        )
    );
    assert_eq!(run.stdout, "");

    let repo = book_with_change("", AFTER);
    // An unknown revision.
    let run = audit(repo.path(), &["--since", "no-such-branch"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: --since no-such-branch: no such revision in the book's repository\n"
    );
    // A revision git would read as an option.
    let run = audit(repo.path(), &["--since", "--output=/tmp/x"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: --since \"--output=/tmp/x\": not a revision (a revision does not start with `-`)\n"
    );
    // A revision where the book's folder did not exist.
    let mut repo = Repo::new();
    repo.write(Path::new("README"), "x\n");
    repo.commit("Before the book");
    repo.copy(&base(), "book");
    repo.commit("The book");
    let run = audit(&repo.path().join("book"), &["--since", "HEAD~1"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: --since HEAD~1: the book's folder book is not in that revision\n"
    );
    // A revision where the folder was there but not yet a book.
    let mut repo = Repo::new();
    repo.write(Path::new("book/notes.txt"), "x\n");
    repo.commit("Notes");
    repo.copy(&base(), "book");
    repo.commit("The book");
    let run = audit(&repo.path().join("book"), &["--since", "HEAD~1"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: --since HEAD~1: the book had no rapport.yaml at that revision\n"
    );
    // No git at all.
    let empty = tempfile::tempdir().expect("a temporary folder");
    let out = command(repo.path())
        .args([
            "--book", "book", "audit", "--today", TODAY, "--since", "HEAD~1",
        ])
        .env("PATH", empty.path())
        .output()
        .expect("rapport runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The history checks say once that they were skipped; then --since refuses.
    assert!(
        stderr.starts_with(
            "note: the history checks (R08, D05) were skipped: git could not be run ("
        ) && stderr.contains("\nerror: --since needs git, which could not be run: "),
        "{stderr}"
    );
}

/// Runs git in `dir` with `input` on stdin; its trimmed output.
fn git_with_input(dir: &Path, args: &[&str], input: &str) -> String {
    common::git_dated_with_input(dir, args, "2026-11-10T10:00:00+03:00", input)
}

#[test]
fn a_crafted_tree_cannot_write_through_a_link() {
    // A tree no `git add` makes: `z` a link to a folder outside, and a folder `z`
    // with a link `b` in it. Written naively, `z/b` would land in that folder.
    let repo = Repo::new();
    let outside = tempfile::tempdir().expect("a temporary folder");
    let dir = repo.path();
    let hash = |text: &str| git_with_input(dir, &["hash-object", "-w", "--stdin"], text);
    let settings = hash(common::MINIMAL_SETTINGS);
    let to_outside = hash(outside.path().to_str().expect("UTF-8"));
    let anything = hash("x");
    let sub = git_with_input(dir, &["mktree"], &format!("120000 blob {anything}\tb\n"));
    let top = git_with_input(
        dir,
        &["mktree"],
        &format!(
            "100644 blob {settings}\trapport.yaml\n120000 blob {to_outside}\tz\n040000 tree {sub}\tz\n"
        ),
    );
    let commit = git_with_input(dir, &["commit-tree", &top, "-m", "Crafted"], "");
    repo.git(&["update-ref", "HEAD", &commit]);
    repo.write(Path::new("rapport.yaml"), common::MINIMAL_SETTINGS);
    let run = audit(dir, &["--since", "HEAD"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: --since: the revision's tree names \"z/b\" through a link, which rapport does not copy out\n"
    );
    assert_eq!(
        fs::read_dir(outside.path()).expect("read").count(),
        0,
        "nothing was written outside"
    );
}
