//! The checks that read the book's git history (R08: a deadline moved in a commit
//! with no `deadline_changes` entry, or told late after the commit; D05: a sent
//! invoice renumbered or re-dated), on scratch git repositories built here with set
//! author and committer dates. Each finding is pinned in full, in English and in
//! Russian, naming the commit; and the silent cases: a move recorded, a client told
//! in time, a book outside git (one note), `--no-history`, a single commit, a shallow
//! clone, and a cache that is corrupt.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Run, command};

const TODAY: &str = "2026-11-27";
const PROJECT: &str = "clients/acme/projects/site.yaml";
const INVOICE: &str = "clients/acme/invoices/2026-0001.yaml";

/// `tests/rules/base`: one client, Acme, clean as of [`TODAY`].
fn base() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules/base")
}

/// A scratch repository in a temporary folder.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    /// A repository holding the base book, committed on 2026-11-02.
    fn new() -> Self {
        let repo = Repo {
            dir: tempfile::tempdir().expect("a temporary folder"),
        };
        repo.git(&["init", "-q", "."], "2026-11-02");
        copy(&base(), repo.path());
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs git with a fixed author and both dates set to `day`, 10:00 Moscow time.
    fn git(&self, args: &[&str], day: &str) -> String {
        let date = format!("{day}T10:00:00+03:00");
        let out = Command::new("git")
            .current_dir(self.path())
            .args(["-c", "user.name=Пётр Петров", "-c", "user.email=petrov@example.ru"])
            .args(["-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"])
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_DATE", &date)
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.path().join(rel);
        fs::create_dir_all(path.parent().expect("a parent")).expect("create folders");
        fs::write(path, text).expect("write a test file");
    }

    /// Commits everything on `day`; the commit's short ID.
    fn commit(&self, day: &str, message: &str) -> String {
        self.git(&["add", "-A"], day);
        self.git(&["commit", "-q", "-m", message], day);
        self.git(&["rev-parse", "--short=7", "HEAD"], day)
    }
}

fn copy(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("read a folder") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().expect("a name").to_owned();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            fs::create_dir_all(to.join(&name)).expect("a folder");
            copy(&path, &to.join(&name));
        } else {
            fs::copy(&path, to.join(&name)).expect("copy");
        }
    }
}

fn audit(book: &Path, args: &[&str]) -> Run {
    let mut all = vec!["audit", "--today", TODAY, "--color", "never"];
    all.extend_from_slice(args);
    let out = command(book).args(&all).output().expect("rapport runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The project with its deadline and its task `copy`'s due date, and `changes`
/// (YAML lines of `deadline_changes`, or empty).
fn project(deadline: &str, copy_due: &str, changes: &str) -> String {
    format!(
        "title: Сайт
stage: active
start: 2026-10-01
deadline: {deadline}
deadline_tied_to: Запуск 2026-12-25
approver: smirnov
plan_b: Шаблонный сайт
estimate: [{{item: Дизайн, price: 100000}}]
tasks:
  - id: copy
    title: Тексты
    assignee: kozlov
    kind: copy
    start: 2026-11-02
    due: {copy_due}
    tied_to: Вёрстка
    task_doc: https://docs.example/copy
    acknowledged: 2026-11-02
{changes}"
    )
}

const NO_CHANGES: &str = "";

#[test]
fn a_deadline_moved_without_a_record_names_the_commit() {
    let repo = Repo::new();
    repo.write(PROJECT, &project("2026-12-10", "2026-12-01", NO_CHANGES));
    repo.commit("2026-11-02", "The site");
    repo.write(PROJECT, &project("2026-12-18", "2026-12-04", NO_CHANGES));
    let id = repo.commit("2026-11-16", "Quietly later");
    let run = audit(repo.path(), &["--rule", "R08"]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        format!(
            "error[R08]: project «Сайт»: deadline moved from 2026-12-10 to 2026-12-18 in commit {id} (2026-11-16) with no `deadline_changes` entry for it
 --> clients/acme/projects/site.yaml:4:11
  |
4 | deadline: 2026-12-18
  |           ^^^^^^^^^^
  = help: record the move under `deadline_changes` (`from`, `to`, `decided`, `client_told`), as `rapport project move` and `rapport task move` do, and tell the client if he has not heard

error[R08]: project «Сайт»: task `copy` moved from 2026-12-01 to 2026-12-04 in commit {id} (2026-11-16) with no `deadline_changes` entry for it
  --> clients/acme/projects/site.yaml:15:10
   |
15 |     due: 2026-12-04
   |          ^^^^^^^^^^
   = help: record the move under `deadline_changes` (`from`, `to`, `decided`, `client_told`), as `rapport project move` and `rapport task move` do, and tell the client if he has not heard

audit: 4 files checked: 2 errors, 0 warnings, 0 infos
"
        )
    );
    assert_eq!(run.code, 1);
    let ru = audit(repo.path(), &["--rule", "R08", "--lang", "ru"]);
    assert_eq!(
        ru.stdout,
        format!(
            "ошибка[R08]: Проект «Сайт»: срок перенесён с 10 декабря на 18 декабря в коммите {id} (16 ноября), а в `deadline_changes` перенос не записан
 --> clients/acme/projects/site.yaml:4:11
  |
4 | deadline: 2026-12-18
  |           ^^^^^^^^^^
  = совет: запишите перенос в `deadline_changes` (`from`, `to`, `decided`, `client_told`), как это делают `rapport project move` и `rapport task move`, и сообщите клиенту, если он ещё не знает

ошибка[R08]: Проект «Сайт»: срок задачи `copy` перенесён с 1 декабря на 4 декабря в коммите {id} (16 ноября), а в `deadline_changes` перенос не записан
  --> clients/acme/projects/site.yaml:15:10
   |
15 |     due: 2026-12-04
   |          ^^^^^^^^^^
   = совет: запишите перенос в `deadline_changes` (`from`, `to`, `decided`, `client_told`), как это делают `rapport project move` и `rapport task move`, и сообщите клиенту, если он ещё не знает

аудит: проверено файлов: 4; ошибок: 2, предупреждений: 0, заметок: 0
"
        )
    );
}
