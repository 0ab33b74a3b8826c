//! Test support: run the real binary with a scrubbed environment, and build small
//! books in temporary folders.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a run of the binary gave.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The stdout as JSON; panics with the run's output when it is not.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// A command for the binary with no RAPPORT_* or colour variables inherited (but
/// `RAPPORT_LANG=en`), and git
/// seeing no `user.email` (the default manager's view comes from neither): a test
/// that wants one sets `RAPPORT_MANAGER` or [`GIT_EMAIL`] itself.
pub fn command(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rapport"));
    cmd.current_dir(dir)
        .env_remove("RAPPORT_BOOK")
        .env_remove("RAPPORT_TODAY")
        .env_remove("RAPPORT_MANAGER")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_COUNT", "1")
        .env("GIT_CONFIG_KEY_0", "user.email")
        .env(GIT_EMAIL, "")
        // English unless a test asks for another language: the example book's
        // locale (ru) would otherwise choose Russian (tests/lang.rs checks the chain).
        .env("RAPPORT_LANG", "en")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null());
    cmd
}

/// The variable that gives git's `user.email` in [`command`]'s environment (git's
/// command-line-level configuration, above any file's).
pub const GIT_EMAIL: &str = "GIT_CONFIG_VALUE_0";

/// Runs `rapport ARGS` in `dir`.
pub fn rapport_in(dir: &Path, args: &[&str]) -> Run {
    let out = command(dir)
        .args(args)
        .output()
        .expect("the rapport binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `rapport ARGS` in the crate's root folder.
pub fn rapport(args: &[&str]) -> Run {
    rapport_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// `tests/fixtures/NAME`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `examples/agency`.
pub fn example_book() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/agency")
}

/// A minimal valid `rapport.yaml`: one account manager, one curator, one service.
pub const MINIMAL_SETTINGS: &str = "\
agency:
  name: Тестовое агентство
team:
  - {id: petrov, name: Пётр Петров, role: account}
curators:
  - {id: sidorov, name: Сидор Сидоров}
services:
  - {id: design, name: Дизайн}
";

/// A book in a temporary folder, removed when dropped.
pub struct TempBook {
    pub dir: tempfile::TempDir,
}

impl TempBook {
    /// An empty folder (no rapport.yaml).
    pub fn empty() -> Self {
        TempBook {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// A book with [`MINIMAL_SETTINGS`].
    pub fn new() -> Self {
        let book = TempBook::empty();
        book.write("rapport.yaml", MINIMAL_SETTINGS);
        book
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `text` to `rel`, creating folders.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.dir.path().join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create folders");
        }
        fs::write(path, text).expect("write a test file");
        self
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.dir.path().join(rel)).expect("read a test file")
    }

    /// Runs `rapport ARGS --book THIS`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut all: Vec<&str> = args.to_vec();
        let book = self.path().to_str().expect("utf-8 temp path").to_owned();
        all.push("--book");
        all.push(&book);
        rapport_in(self.path(), &all)
    }
}

/// Copies the folder `from` into `to`, without its parse cache (`.rapport/`), so that
/// a copy is read as a new book would be.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("entry");
        if entry.file_name() == ".rapport" {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            fs::create_dir_all(&target).expect("create folder");
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

impl TempBook {
    /// A temporary copy of the book in `from` (see [`copy_tree`]).
    pub fn copy_of(from: &Path) -> Self {
        let book = TempBook::empty();
        copy_tree(from, book.path());
        book
    }
}

/// Runs `git ARGS` in `dir` as one fixed author (Пётр Петров) with no user or system
/// configuration, its author and commit dates both `date` (`2026-11-10T10:00:00+03:00`):
/// the scratch repositories of the history and `--since` tests. Fails the test when git
/// does; returns what it printed, trimmed.
pub fn git_dated(dir: &Path, args: &[&str], date: &str) -> String {
    git_dated_with_input(dir, args, date, "")
}

/// [`git_dated`] with `input` on git's standard input.
pub fn git_dated_with_input(dir: &Path, args: &[&str], date: &str, input: &str) -> String {
    use std::io::Write as _;
    let mut child = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Пётр Петров",
            "-c",
            "user.email=petrov@example.ru",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("git runs");
    child
        .stdin
        .take()
        .expect("git's standard input")
        .write_all(input.as_bytes())
        .expect("write to git");
    let out = child.wait_with_output().expect("git ends");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}
