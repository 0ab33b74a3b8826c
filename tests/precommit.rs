//! The pre-commit hooks (`.pre-commit-hooks.yaml`) for real, with `pre-commit
//! try-repo` in a book's git repository, where each passes a clean book and fails a
//! broken one: `rapport-audit` (`language: rust`), which pre-commit builds from this
//! repository with cargo, and `rapport-audit-system` (`language: system`), which runs
//! the `rapport` on PATH (here the binary under test) and builds nothing.
//!
//! The hook repository is a snapshot of this working tree as git would commit it
//! (tracked files and untracked ones that are not ignored), committed in a temporary
//! repository: `try-repo` on the working tree itself would leave out untracked files.
//!
//! The build is the slow part. `try-repo` installs the hook afresh on every call
//! (`cargo install --path .` from a new clone), so the test points every build at one
//! target folder that outlives the test (`target/tmp/precommit-hook`), builds the
//! release profile without optimisation (the hook's plumbing is under test, not its
//! speed) and offline (the crates are in cargo's cache once `cargo test` has built).
//!
//! pre-commit itself comes from the tests' own venv (tests/checkers); when it cannot
//! be had the tests fail, saying why: they never skip.

mod checkers;
mod common;

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use common::TempBook;
use serde_json::Value;

const TODAY: &str = "2026-11-27";
const HOOKS: &str = ".pre-commit-hooks.yaml";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What a command printed, both streams, for failure messages.
fn said(out: &Output) -> String {
    format!(
        "--- stdout:\n{}\n--- stderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A command with git's per-user and per-repository settings kept out: a fixed
/// identity, no global or system configuration, no GIT_DIR of an enclosing hook.
fn isolated(mut cmd: Command, dir: &Path, home: &Path) -> Command {
    cmd.current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", home.join("gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "rapport tests")
        .env("GIT_AUTHOR_EMAIL", "tests@rapport.invalid")
        .env("GIT_COMMITTER_NAME", "rapport tests")
        .env("GIT_COMMITTER_EMAIL", "tests@rapport.invalid")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_OBJECT_DIRECTORY")
        .env_remove("RAPPORT_BOOK")
        // English: the example book's locale (ru) would choose Russian.
        .env("RAPPORT_LANG", "en")
        .env_remove("NO_COLOR");
    cmd
}

/// Runs the command, failing the test with a clear message when it cannot.
fn output(cmd: &mut Command, program: &str) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("{program} could not be run: {e}"))
}

/// pre-commit, from the tests' venv.
fn pre_commit(dir: &Path, home: &Path) -> Command {
    isolated(checkers::checkers().command("pre-commit"), dir, home)
}

fn git(dir: &Path, home: &Path, args: &[&str]) -> Output {
    let out = output(
        isolated(Command::new("git"), dir, home).args(args),
        "git (the pre-commit tests need it)",
    );
    assert!(
        out.status.success(),
        "git {args:?} in {}:\n{}",
        dir.display(),
        said(&out)
    );
    out
}

/// The hook repository: this working tree as git would commit it, committed in a
/// temporary repository.
fn snapshot(into: &Path, home: &Path) -> PathBuf {
    let repo = into.join("rapport");
    let listed = git(
        manifest_dir(),
        home,
        &[
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ],
    );
    let mut copied = 0;
    for rel in listed.stdout.split(|&b| b == 0).filter(|p| !p.is_empty()) {
        let rel = std::str::from_utf8(rel).expect("a UTF-8 file name");
        let from = manifest_dir().join(rel);
        if !from.is_file() {
            continue; // deleted in the working tree
        }
        let to = repo.join(rel);
        fs::create_dir_all(to.parent().expect("a parent folder")).expect("create folders");
        fs::copy(&from, &to).unwrap_or_else(|e| panic!("copy {rel}: {e}"));
        copied += 1;
    }
    assert!(
        repo.join(HOOKS).is_file(),
        "{HOOKS} is not in the working tree"
    );
    assert!(copied > 10, "only {copied} files copied");
    git(&repo, home, &["init", "--quiet"]);
    git(&repo, home, &["add", "--all"]);
    git(&repo, home, &["commit", "--quiet", "--message", "snapshot"]);
    repo
}

/// A book in its own git repository, made by `rapport init`, with one client.
fn book_repo(home: &Path, client: &str) -> TempBook {
    let book = TempBook::empty();
    let run = common::rapport(&["init", book.path().to_str().expect("a UTF-8 path")]);
    assert_eq!(run.code, 0, "rapport init: {run:?}");
    book.write("clients/acme/client.yaml", client);
    git(book.path(), home, &["init", "--quiet"]);
    git(book.path(), home, &["add", "--all"]);
    git(
        book.path(),
        home,
        &["commit", "--quiet", "--message", "the book"],
    );
    book
}

/// `pre-commit try-repo HOOK_REPO HOOK --all-files` in the book, with `path` as PATH
/// when given.
fn try_repo(
    book: &Path,
    hook_repo: &Path,
    home: &Path,
    hook: &str,
    path: Option<&OsString>,
) -> Output {
    // Builds of the hook share one target folder, kept between test runs.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("precommit-hook");
    let mut cmd = pre_commit(book, home);
    cmd.args(["try-repo", "--color", "never"])
        .arg(hook_repo)
        .args([hook, "--all-files"])
        .env("PRE_COMMIT_HOME", home.join("pre-commit"))
        .env("CARGO_TARGET_DIR", &target)
        .env("CARGO_NET_OFFLINE", "true")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .env("CARGO_TERM_COLOR", "never")
        .env("RAPPORT_TODAY", TODAY);
    if let Some(path) = path {
        cmd.env("PATH", path);
    }
    let started = Instant::now();
    let out = output(&mut cmd, "pre-commit");
    eprintln!(
        "pre-commit try-repo {hook} in {}: {:.1} s",
        book.display(),
        started.elapsed().as_secs_f64()
    );
    // When the hook could not be installed, pre-commit says why in its log.
    if let Ok(log) = fs::read_to_string(home.join("pre-commit/pre-commit.log")) {
        eprintln!("--- pre-commit.log:\n{log}");
    }
    out
}

/// PATH with the folder of the binary under test first: `rapport` is that binary.
fn path_with_the_binary_under_test() -> OsString {
    let bin = Path::new(env!("CARGO_BIN_EXE_rapport"))
        .parent()
        .expect("the binary's folder");
    std::env::join_paths(
        std::iter::once(bin.to_path_buf()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )),
    )
    .expect("a PATH")
}

/// Both hooks in a clean book and a broken one: the clean one passes, the broken one
/// fails with the finding shown, and the book's work tree is left as it was.
fn passes_a_clean_book_and_fails_a_broken_one(hook: &str, path: Option<&OsString>) {
    let home = tempfile::tempdir().expect("a temporary folder");
    let hook_repo = snapshot(home.path(), home.path());

    let clean = book_repo(
        home.path(),
        "name: Акме\nstatus: paused\ncontacts:\n  - {id: ivanov, name: Иван Иванов}\n",
    );
    let out = try_repo(clean.path(), &hook_repo, home.path(), hook, path);
    let text = said(&out);
    assert_eq!(out.status.code(), Some(0), "a clean book passes:\n{text}");
    assert!(
        text.contains("rapport audit....") && text.contains("Passed"),
        "{text}"
    );

    // A typo in a key: E03, an error, fails the commit, and the finding is shown.
    let broken = book_repo(
        home.path(),
        "name: Акме\nstatus: paused\nmanger: petrov\ncontacts:\n  - {id: ivanov, name: Иван Иванов}\n",
    );
    let out = try_repo(broken.path(), &hook_repo, home.path(), hook, path);
    let text = said(&out);
    assert_eq!(out.status.code(), Some(1), "a broken book fails:\n{text}");
    assert!(
        text.contains("rapport audit....") && text.contains("Failed"),
        "{text}"
    );
    assert!(text.contains(&format!("- hook id: {hook}\n")), "{text}");
    assert!(text.contains("- exit code: 1"), "{text}");
    assert!(text.contains("error[E03]: unknown key `manger`"), "{text}");
    assert!(text.contains("--> clients/acme/client.yaml:3:1"), "{text}");
    assert!(text.contains("did you mean `manager`?"), "{text}");
    assert!(text.contains("1 error, 0 warnings"), "{text}");

    // The hook leaves the book's work tree as it was: the cache is git-ignored.
    for book in [&clean, &broken] {
        let status = git(book.path(), home.path(), &["status", "--porcelain"]);
        assert!(status.stdout.is_empty(), "{}", said(&status));
        assert!(
            book.path().join(".rapport").is_dir(),
            "the audit ran in the book"
        );
    }
}

#[test]
fn the_hook_manifest_declares_both_hooks_alike() {
    let home = tempfile::tempdir().expect("a temporary folder");
    let hooks = manifest_dir().join(HOOKS);
    let out = output(
        pre_commit(manifest_dir(), home.path())
            .arg("validate-manifest")
            .arg(&hooks),
        "pre-commit",
    );
    assert!(
        out.status.success(),
        "pre-commit validate-manifest:\n{}",
        said(&out)
    );

    // Read back with pre-commit's own YAML library, and its `files` pattern tried.
    let script = "import json, re, sys, yaml\n\
                  hooks = yaml.safe_load(open(sys.argv[1], encoding='utf-8'))\n\
                  for h in hooks:\n\
                  \x20   h['matches'] = [p for p in sys.argv[2:] if re.search(h['files'], p)]\n\
                  print(json.dumps(hooks))\n";
    let out = output(
        checkers::checkers()
            .python()
            .args(["-c", script])
            .arg(&hooks)
            .args([
                "rapport.yaml",
                "clients/acme/meetings/2026-11-02-kickoff.yml",
                "README.md",
                "notes.yaml.txt",
            ]),
        "the checkers' python",
    );
    assert!(out.status.success(), "{}", said(&out));
    let hooks: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let hooks = hooks.as_array().expect("a list of hooks");
    let ids: Vec<&Value> = hooks.iter().map(|h| &h["id"]).collect();
    assert_eq!(ids, ["rapport-audit", "rapport-audit-system"], "{hooks:?}");
    assert_eq!(hooks[0]["language"], "rust");
    assert_eq!(hooks[1]["language"], "system");
    for hook in hooks {
        assert_eq!(hook["name"], "rapport audit");
        assert_eq!(hook["entry"], "rapport audit");
        assert_eq!(
            hook["pass_filenames"], false,
            "the audit reads the whole book"
        );
        assert_eq!(hook["always_run"], true);
        assert_eq!(
            hook["matches"],
            serde_json::json!([
                "rapport.yaml",
                "clients/acme/meetings/2026-11-02-kickoff.yml"
            ])
        );
    }
    // The same options, whichever hook a book picks.
    let options = |hook: &Value| {
        let mut hook = hook.clone();
        let object = hook.as_object_mut().expect("a hook is a mapping");
        for key in ["id", "language", "description"] {
            object.remove(key);
        }
        hook
    };
    assert_eq!(options(&hooks[0]), options(&hooks[1]));
}

/// `language: rust`: pre-commit builds rapport from the hook repository (`cargo
/// install`) and runs that build.
#[test]
fn try_repo_builds_the_rust_hook_which_passes_a_clean_book_and_fails_a_broken_one() {
    passes_a_clean_book_and_fails_a_broken_one("rapport-audit", None);
}

/// `language: system`: the `rapport` on PATH, here the binary under test, first on
/// PATH; nothing is built.
#[test]
fn try_repo_runs_the_system_hook_with_the_rapport_on_path() {
    let path = path_with_the_binary_under_test();
    passes_a_clean_book_and_fails_a_broken_one("rapport-audit-system", Some(&path));
}

/// The system hook finds no `rapport` on a PATH without it, and says so: the commit
/// is refused, not waved through.
#[test]
fn the_system_hook_without_rapport_on_path_fails() {
    let home = tempfile::tempdir().expect("a temporary folder");
    let hook_repo = snapshot(home.path(), home.path());
    let book = book_repo(
        home.path(),
        "name: Акме\nstatus: paused\ncontacts:\n  - {id: ivanov, name: Иван Иванов}\n",
    );
    // The usual PATH without any folder that holds a `rapport`.
    let path = std::env::join_paths(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .filter(|dir| !dir.join("rapport").exists()),
    )
    .expect("a PATH");
    let out = try_repo(
        book.path(),
        &hook_repo,
        home.path(),
        "rapport-audit-system",
        Some(&path),
    );
    let text = said(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("Failed"), "{text}");
    assert!(text.contains("Executable `rapport` not found"), "{text}");
}

/// The `repo: local` hook of docs/ci.md, for a machine with rapport installed: the
/// binary on PATH, nothing built.
#[test]
fn the_local_system_hook_of_the_docs_uses_the_installed_binary() {
    let docs = fs::read_to_string(manifest_dir().join("docs/ci.md")).expect("read docs/ci.md");
    let config = docs
        .split("```yaml\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .find(|block| block.contains("repo: local"))
        .expect("a `repo: local` block in docs/ci.md");
    let home = tempfile::tempdir().expect("a temporary folder");
    let book = book_repo(
        home.path(),
        "name: Акме\nstatus: paused\ncolour: red\ncontacts:\n  - {id: ivanov, name: Иван Иванов}\n",
    );
    book.write(".pre-commit-config.yaml", config);
    git(book.path(), home.path(), &["add", "--all"]);
    git(
        book.path(),
        home.path(),
        &["commit", "--quiet", "--message", "pre-commit"],
    );

    let out = output(
        pre_commit(book.path(), home.path())
            .args(["run", "rapport-audit", "--all-files", "--color", "never"])
            .env("PATH", path_with_the_binary_under_test())
            .env("PRE_COMMIT_HOME", home.path().join("pre-commit"))
            .env("RAPPORT_TODAY", TODAY),
        "pre-commit",
    );
    let text = said(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("error[E03]: unknown key `colour`"), "{text}");
    assert!(text.contains("--> clients/acme/client.yaml:3:1"), "{text}");
}
