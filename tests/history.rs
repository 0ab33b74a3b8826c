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

use common::Run;

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
        common::git_dated(self.path(), args, &format!("{day}T10:00:00+03:00"))
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
    common::rapport_in(book, &all)
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
  = что сделать: запишите перенос в `deadline_changes` (`from`, `to`, `decided`, `client_told`), как это делают `rapport project move` и `rapport task move`, и сообщите клиенту, если он ещё не знает

ошибка[R08]: Проект «Сайт»: срок задачи `copy` перенесён с 1 декабря на 4 декабря в коммите {id} (16 ноября), а в `deadline_changes` перенос не записан
  --> clients/acme/projects/site.yaml:15:10
   |
15 |     due: 2026-12-04
   |          ^^^^^^^^^^
   = что сделать: запишите перенос в `deadline_changes` (`from`, `to`, `decided`, `client_told`), как это делают `rapport project move` и `rapport task move`, и сообщите клиенту, если он ещё не знает

аудит — 4 файла: 2 ошибки, 0 предупреждений, 0 замечаний
"
        )
    );
}

/// The book with a move of the deadline from 2026-12-10 to 2026-12-18 committed on
/// Monday 2026-11-16, recorded by `changes`; the commit's short ID.
fn moved_with(changes: &str) -> (Repo, String) {
    let repo = Repo::new();
    repo.write(PROJECT, &project("2026-12-10", "2026-12-01", NO_CHANGES));
    repo.commit("2026-11-02", "The site");
    repo.write(PROJECT, &project("2026-12-18", "2026-12-01", changes));
    let id = repo.commit("2026-11-16", "The deadline moves");
    (repo, id)
}

#[test]
fn a_client_told_days_after_the_commit_is_told_late() {
    // No `decided`: the entry alone would hold the client told in time (before the
    // old deadline); the commit shows the move was made on Monday.
    let (repo, id) = moved_with(
        "deadline_changes:\n  - {from: 2026-12-10, to: 2026-12-18, client_told: 2026-11-19}\n",
    );
    let run = audit(repo.path(), &["--rule", "R08"]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        format!(
            "error[R08]: project «Сайт»: deadline moved from 2026-12-10 to 2026-12-18 in commit {id} (2026-11-16), but the client was told only on 2026-11-19 (it was due by the end of 2026-11-17)
  --> clients/acme/projects/site.yaml:20:53
   |
20 |   - {{from: 2026-12-10, to: 2026-12-18, client_told: 2026-11-19}}
   |                                                     ^^^^^^^^^^
   = help: tell the client of a move within 1 working day of making it, and record the day it was decided as `decided`

audit: 4 files checked: 1 error, 0 warnings, 0 infos
"
        )
    );
    let ru = audit(repo.path(), &["--rule", "R08", "--lang", "ru"]);
    assert_eq!(
        ru.stdout,
        format!(
            "ошибка[R08]: Проект «Сайт»: срок перенесён с 10 декабря на 18 декабря в коммите {id} (16 ноября), а клиенту сообщили только 19 ноября (нужно было до конца дня 17 ноября)
  --> clients/acme/projects/site.yaml:20:53
   |
20 |   - {{from: 2026-12-10, to: 2026-12-18, client_told: 2026-11-19}}
   |                                                     ^^^^^^^^^^
   = что сделать: сообщайте клиенту о переносе в течение 1 рабочего дня и записывайте день решения в `decided`

аудит — 4 файла: 1 ошибка, 0 предупреждений, 0 замечаний
"
        )
    );
}

const CLEAN: &str = "audit: 4 files checked: 0 errors, 0 warnings, 0 infos\n";

#[test]
fn a_move_recorded_and_told_in_time_is_silent() {
    for changes in [
        // Recorded as `rapport project move` records it, told the next day.
        "deadline_changes:\n  - {from: 2026-12-10, to: 2026-12-18, decided: 2026-11-16, client_told: 2026-11-17}\n",
        // No decision date, told the day of the commit.
        "deadline_changes:\n  - {from: 2026-12-10, to: 2026-12-18, client_told: 2026-11-16}\n",
        // Told before the move was even committed.
        "deadline_changes:\n  - {from: 2026-12-10, to: 2026-12-18, client_told: 2026-11-13}\n",
    ] {
        let (repo, _) = moved_with(changes);
        let run = audit(repo.path(), &["--rule", "R08"]);
        assert_eq!(
            (run.stdout.as_str(), run.stderr.as_str()),
            (CLEAN, ""),
            "{changes}"
        );
    }
}

#[test]
fn a_move_the_rule_already_reports_is_not_reported_twice() {
    // Decided on the day of the commit and told three days later: R08 reports it by
    // its `decided`, and the history adds nothing.
    let (repo, _) = moved_with(
        "deadline_changes:\n  - {from: 2026-12-10, to: 2026-12-18, decided: 2026-11-16, client_told: 2026-11-19}\n",
    );
    let run = audit(repo.path(), &["--rule", "R08", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let messages: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(!messages[0].contains("commit"), "{messages:?}");
}

/// The invoice as sent (`sent`, when given) with `number` and `date`.
fn invoice(number: &str, date: &str, sent: Option<&str>) -> String {
    format!(
        "number: \"{number}\"\ndate: {date}\nlines:\n  - {{item: Дизайн, qty: 1, price: 100000}}\n{}",
        sent.map_or(String::new(), |s| format!("sent: {s}\n"))
    )
}

#[test]
fn a_sent_invoice_renumbered_and_redated_names_the_commit() {
    let repo = Repo::new();
    repo.write(INVOICE, &invoice("2026-0001", "2026-11-02", None));
    repo.commit("2026-11-02", "An invoice");
    // Still a draft: renumbering it is nobody's business.
    repo.write(INVOICE, &invoice("2026-0002", "2026-11-02", None));
    repo.commit("2026-11-03", "Renumbered before sending");
    repo.write(
        INVOICE,
        &invoice("2026-0002", "2026-11-02", Some("2026-11-03")),
    );
    repo.commit("2026-11-03", "Sent");
    repo.write(
        INVOICE,
        &invoice("2026-0003", "2026-11-05", Some("2026-11-03")),
    );
    let id = repo.commit("2026-11-10", "Quietly edited");
    let run = audit(repo.path(), &["--rule", "D05"]);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout,
        format!(
            "error[D05]: invoice 2026-0003: its number was changed from 2026-0002 to 2026-0003 in commit {id} (2026-11-10), after it was sent on 2026-11-03
 --> clients/acme/invoices/2026-0001.yaml:1:9
  |
1 | number: \"2026-0003\"
  |         ^^^^^^^^^^^
  = help: a sent invoice is not edited: put back the number and date the client received, or cancel it (`status: cancelled`) and issue a new one

error[D05]: invoice 2026-0003: its date was changed from 2026-11-02 to 2026-11-05 in commit {id} (2026-11-10), after it was sent on 2026-11-03
 --> clients/acme/invoices/2026-0001.yaml:2:7
  |
2 | date: 2026-11-05
  |       ^^^^^^^^^^
  = help: a sent invoice is not edited: put back the number and date the client received, or cancel it (`status: cancelled`) and issue a new one

audit: 4 files checked: 2 errors, 0 warnings, 0 infos
"
        )
    );
    let ru = audit(repo.path(), &["--rule", "D05", "--lang", "ru"]);
    assert_eq!(
        ru.stdout,
        format!(
            "ошибка[D05]: Счёт 2026-0003: номер изменён с 2026-0002 на 2026-0003 в коммите {id} (10 ноября), уже после отправки 3 ноября
 --> clients/acme/invoices/2026-0001.yaml:1:9
  |
1 | number: \"2026-0003\"
  |         ^^^^^^^^^^^
  = что сделать: отправленный счёт не правят: верните номер и дату, которые получил клиент, или аннулируйте его (`status: cancelled`) и выставьте новый

ошибка[D05]: Счёт 2026-0003: дата изменена с 2 ноября на 5 ноября в коммите {id} (10 ноября), уже после отправки 3 ноября
 --> clients/acme/invoices/2026-0001.yaml:2:7
  |
2 | date: 2026-11-05
  |       ^^^^^^^^^^
  = что сделать: отправленный счёт не правят: верните номер и дату, которые получил клиент, или аннулируйте его (`status: cancelled`) и выставьте новый

аудит — 4 файла: 2 ошибки, 0 предупреждений, 0 замечаний
"
        )
    );
    // Put back as sent: nothing to report.
    repo.write(
        INVOICE,
        &invoice("2026-0002", "2026-11-02", Some("2026-11-03")),
    );
    repo.commit("2026-11-11", "Restored");
    let run = audit(repo.path(), &["--rule", "D05"]);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), (CLEAN, ""));
}

#[test]
fn a_book_outside_git_says_so_once_and_no_history_says_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy(&base(), dir.path());
    fs::create_dir_all(dir.path().join("clients/acme/projects")).expect("a folder");
    fs::write(
        dir.path().join(PROJECT),
        project("2026-12-10", "2026-12-01", NO_CHANGES),
    )
    .expect("write");
    let run = audit(dir.path(), &[]);
    assert_eq!(
        run.stderr,
        "note: the history checks (R08, D05) were skipped: the book is not in a git repository\n"
    );
    let ru = audit(dir.path(), &["--lang", "ru"]);
    assert_eq!(
        ru.stderr,
        "примечание: проверки по истории (R08, D05) пропущены: книга не в репозитории git\n"
    );
    let run = audit(dir.path(), &["--no-history"]);
    assert_eq!(run.stderr, "");
    // A run of other rules does not read the history, and says nothing of it.
    let run = audit(dir.path(), &["--rule", "R07"]);
    assert_eq!(run.stderr, "");

    // A repository without a commit yet.
    let fresh = Repo::new();
    let run = audit(fresh.path(), &["--rule", "R08"]);
    assert_eq!(
        (run.stdout.as_str(), run.stderr.as_str()),
        (
            "audit: 3 files checked: 0 errors, 0 warnings, 0 infos\n",
            "note: the history checks (R08, D05) were skipped: the book's repository has no commits yet\n"
        )
    );

    let (repo, _) = moved_with(NO_CHANGES);
    let run = audit(repo.path(), &["--rule", "R08", "--no-history"]);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), (CLEAN, ""));
}

#[test]
fn a_single_commit_a_shallow_clone_and_a_short_walk_see_no_move() {
    let repo = Repo::new();
    repo.write(PROJECT, &project("2026-12-18", "2026-12-01", NO_CHANGES));
    repo.commit("2026-11-02", "The site");
    let run = audit(repo.path(), &["--rule", "R08"]);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), (CLEAN, ""));

    let (repo, _) = moved_with(NO_CHANGES);
    let shallow = tempfile::tempdir().expect("a temporary folder");
    let url = format!("file://{}", repo.path().display());
    let clone = shallow.path().join("book");
    let clone_arg = clone.display().to_string();
    repo.git(
        &["clone", "-q", "--depth", "1", &url, &clone_arg],
        "2026-11-20",
    );
    let run = audit(&clone, &["--rule", "R08"]);
    assert_eq!((run.stdout.as_str(), run.stderr.as_str()), (CLEAN, ""));

    // The move is in the last commit: a walk of one commit sees it, a walk of one
    // commit back from the one before does not (`--since HEAD~1`'s book).
    let run = audit(repo.path(), &["--rule", "R08", "--history-commits", "1"]);
    assert!(run.stdout.contains("in commit"), "{}", run.stdout);
}

#[test]
fn the_cache_gives_the_same_findings_and_a_corrupt_one_is_rebuilt() {
    let (repo, id) = moved_with(NO_CHANGES);
    let first = audit(repo.path(), &["--rule", "R08"]);
    assert!(
        first.stdout.contains(&format!("in commit {id}")),
        "{}",
        first.stdout
    );
    let cache = repo.path().join(".rapport/cache/history.bin");
    assert!(cache.is_file(), "the history is cached");
    let warm = audit(repo.path(), &["--rule", "R08"]);
    assert_eq!(warm.stdout, first.stdout);
    for garbage in [&b""[..], b"RAPPORTC\xff\xff\xff\xff", &[0u8; 4096]] {
        fs::write(&cache, garbage).expect("spoil the cache");
        let run = audit(repo.path(), &["--rule", "R08"]);
        assert_eq!(
            (run.stdout.as_str(), run.stderr.as_str()),
            (first.stdout.as_str(), "")
        );
    }
    // A cache whose bytes were altered after it was written fails its checksum.
    let mut bytes = fs::read(&cache).expect("the rebuilt cache");
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    fs::write(&cache, &bytes).expect("alter the cache");
    let run = audit(repo.path(), &["--rule", "R08"]);
    assert_eq!(run.stdout, first.stdout);
}

#[test]
fn since_counts_a_move_made_after_the_revision_as_new() {
    let (repo, id) = moved_with(NO_CHANGES);
    let run = audit(repo.path(), &["--rule", "R08", "--since", "HEAD~1"]);
    assert!(
        run.stdout.contains(&format!("in commit {id}")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("this change adds 1 finding since HEAD~1 (0 unchanged)\n"),
        "{}",
        run.stdout
    );
    // The baseline is cached: the same answer again, and from a spoilt cache too.
    let baseline = repo.path().join(".rapport/cache/since.bin");
    assert!(baseline.is_file(), "the baseline is cached");
    let again = audit(repo.path(), &["--rule", "R08", "--since", "HEAD~1"]);
    assert_eq!(again.stdout, run.stdout);
    fs::write(&baseline, b"RAPPORTC garbage").expect("spoil the cache");
    let again = audit(repo.path(), &["--rule", "R08", "--since", "HEAD~1"]);
    assert_eq!(
        (again.stdout.as_str(), again.stderr.as_str()),
        (run.stdout.as_str(), "")
    );
    repo.write("NOTES.md", "Заметки\n");
    repo.commit("2026-11-26", "Notes");
    let run = audit(repo.path(), &["--rule", "R08", "--since", "HEAD~1"]);
    assert!(
        run.stdout
            .ends_with("this change adds 0 findings since HEAD~1 (1 unchanged)\n"),
        "{}",
        run.stdout
    );
}
