//! Hardening: what the writing commands do when the disk is full, what the audit does
//! when a file cannot be read after it was listed, and what rapport does on a read-only
//! book. Always a clear error that names the file, never a panic, never a partial or
//! temporary file left behind, and edited files byte-identical to before.
//!
//! A full disk is simulated with a file-size limit (`ulimit -f`): a write past it fails
//! with EFBIG ("File too large") as a write to a full disk fails with ENOSPC, and
//! `trap '' XFSZ` makes the kernel fail the write instead of killing the process (an
//! ignored signal stays ignored across `exec`). A read-only book is one the process may
//! not write: a book without write bits, and, when the tests run as root (who writes
//! anyway), rapport run as the unprivileged user `nobody` through `setpriv`.
#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{Run, TempBook, fixture};

const TODAY: &str = "2026-11-27";

// ---------------------------------------------------------------------------------
// Support

/// A temporary copy of `tests/fixtures/NAME`.
fn fixture_copy(name: &str) -> TempBook {
    TempBook::copy_of(&fixture(name))
}

/// What is under a folder: every file with its bytes, every folder as `None`.
type Tree = BTreeMap<String, Option<Vec<u8>>>;

fn snapshot(root: &Path) -> Tree {
    fn walk(root: &Path, dir: &Path, out: &mut Tree) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let entry = entry.expect("entry");
            let path = entry.path();
            let rel = path
                .strip_prefix(root)
                .expect("under the root")
                .to_string_lossy()
                .into_owned();
            if entry.file_type().expect("file type").is_dir() {
                out.insert(rel, None);
                walk(root, &path, out);
            } else {
                out.insert(rel, Some(fs::read(&path).expect("read a book file")));
            }
        }
    }
    let mut out = Tree::new();
    walk(root, root, &mut out);
    out
}

/// What a run left that was not there before, and what it changed or removed; rapport's
/// own `.rapport/` folder is left out (its parse cache and invoice lock are not book
/// files; the cache is checked by [`no_temporary_files`]).
fn changes(before: &Tree, after: &Tree) -> Vec<String> {
    let mut out = Vec::new();
    for (path, bytes) in after {
        if path == ".rapport" || path.starts_with(".rapport/") {
            continue;
        }
        match before.get(path) {
            None => out.push(format!("added {path}")),
            Some(old) if old != bytes => out.push(format!("changed {path}")),
            Some(_) => {}
        }
    }
    for path in before.keys() {
        if !after.contains_key(path) {
            out.push(format!("removed {path}"));
        }
    }
    out
}

/// Temporary files anywhere, `.rapport/` included: rapport's are `.NAME.tmp-PID-N` and
/// the cache's `.SHARD.bin.PID.tmp`.
fn no_temporary_files(tree: &Tree) {
    let temps: Vec<&String> = tree.keys().filter(|p| p.contains(".tmp")).collect();
    assert!(temps.is_empty(), "temporary files left behind: {temps:?}");
}

fn scrubbed(program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.env_remove("RAPPORT_BOOK")
        .env_remove("RAPPORT_MANAGER")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_COUNT", "1")
        .env("GIT_CONFIG_KEY_0", "user.email")
        .env("GIT_CONFIG_VALUE_0", "")
        .env_remove("RAPPORT_TODAY")
        // English, as tests/common's command(): the books here say `locale: ru`.
        .env("RAPPORT_LANG", "en")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null());
    cmd
}

fn finish(mut cmd: Command) -> Run {
    let out = cmd.output().expect("the command runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `rapport ARGS` in `dir` with files limited to `blocks` blocks of 512 bytes.
fn rapport_limited(dir: &Path, blocks: u32, args: &[&str]) -> Run {
    let mut cmd = scrubbed("sh");
    cmd.current_dir(dir)
        .arg("-c")
        .arg(format!(
            "ulimit -f {blocks} && trap '' XFSZ && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_rapport"))
        .args(args);
    finish(cmd)
}

/// Runs `rapport ARGS --book BOOK` on a full disk: not one byte can be written.
fn on_full_disk(book: &TempBook, args: &[&str]) -> Run {
    let mut all = args.to_vec();
    let root = book.path().to_str().expect("utf-8 path").to_owned();
    all.extend(["--book", &root]);
    rapport_limited(book.path(), 0, &all)
}

/// The run failed as a failed write must: exit 2, an error that says why and names
/// `file`, and no panic.
fn failed_to_write(run: &Run, file: &str) {
    assert_eq!(
        run.code, 2,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    assert!(
        run.stderr.contains("File too large"),
        "the error says why: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains(file),
        "the error names {file}: {}",
        run.stderr
    );
}

/// Runs `args` on a full disk and checks that the book is exactly as it was.
fn full_disk_changes_nothing(book: &TempBook, args: &[&str], file: &str) -> Run {
    let before = snapshot(book.path());
    let run = on_full_disk(book, args);
    failed_to_write(&run, file);
    let after = snapshot(book.path());
    no_temporary_files(&after);
    assert_eq!(changes(&before, &after), Vec::<String>::new());
    run
}

// ---------------------------------------------------------------------------------
// A full disk

#[test]
fn the_simulated_full_disk_is_real() {
    // The harness itself: under the limit a write fails, and the shell survives it.
    let dir = TempBook::empty();
    let mut cmd = scrubbed("sh");
    cmd.current_dir(dir.path())
        .arg("-c")
        .arg("ulimit -f 0 && trap '' XFSZ && exec sh -c 'printf x > f; echo status=$?'");
    let run = finish(cmd);
    assert_eq!(run.stdout.trim(), "status=1", "{run:?}");
    assert_eq!(fs::read(dir.path().join("f")).expect("created empty"), b"");
}

#[test]
fn invoice_new_on_a_full_disk_leaves_no_invoice() {
    let book = fixture_copy("invoice-book");
    full_disk_changes_nothing(
        &book,
        &[
            "invoice",
            "new",
            "romashka",
            "--contract",
            "2026-003",
            "--line",
            "Дизайн упаковки;;;75000",
            "--today",
            TODAY,
        ],
        "clients/romashka/invoices/2026-0008.yaml",
    );
    // With room again, the same number is issued: the failure used nothing up.
    let run = book.run(&[
        "invoice",
        "new",
        "romashka",
        "--contract",
        "2026-003",
        "--line",
        "Дизайн упаковки;;;75000",
        "--today",
        TODAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        book.path()
            .join("clients/romashka/invoices/2026-0008.yaml")
            .is_file()
    );
}

#[test]
fn invoice_pay_on_a_full_disk_leaves_the_invoice_as_it_was() {
    let book = fixture_copy("invoice-book");
    full_disk_changes_nothing(
        &book,
        &[
            "invoice",
            "pay",
            "romashka/2026-0003",
            "20000.50",
            "--date",
            "2026-11-26",
            "--today",
            TODAY,
        ],
        "clients/romashka/invoices/2026-0003.yaml",
    );
}

#[test]
fn invoice_render_out_on_a_full_disk_leaves_no_file() {
    let book = fixture_copy("invoice-book");
    let out = book.path().join("schet.md");
    let out_s = out.to_str().expect("utf-8 path").to_owned();
    full_disk_changes_nothing(
        &book,
        &[
            "invoice",
            "render",
            "romashka/2026-0003",
            "--format",
            "md",
            "--out",
            &out_s,
            "--today",
            TODAY,
        ],
        "schet.md",
    );
    assert!(!out.exists());
}

#[test]
fn new_client_on_a_full_disk_leaves_no_client() {
    let book = TempBook::new();
    full_disk_changes_nothing(
        &book,
        &[
            "new",
            "client",
            "lyutik",
            "--name",
            "Лютик",
            "--contact",
            "petrova=Мария Петрова",
        ],
        "clients/lyutik/client.yaml",
    );
    // No empty folder is left either: it would be a client without a client.yaml.
    let run = book.run(&["clients", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("lyutik"), "{}", run.stdout);
}

#[test]
fn meeting_report_eml_on_a_full_disk_leaves_no_draft() {
    let book = fixture_copy("meeting-book");
    let drafts = book.path().join("drafts");
    fs::create_dir(&drafts).expect("mkdir");
    let drafts_s = drafts.to_str().expect("utf-8 path").to_owned();
    full_disk_changes_nothing(
        &book,
        &[
            "meeting",
            "report",
            "romashka/2026-11-18-kickoff",
            "--eml",
            &drafts_s,
            "--today",
            "2026-11-20",
        ],
        "romashka-2026-11-18-kickoff.eml",
    );
}

#[test]
fn meeting_sent_on_a_full_disk_leaves_the_meeting_as_it_was() {
    let book = fixture_copy("meeting-book");
    full_disk_changes_nothing(
        &book,
        &[
            "meeting",
            "sent",
            "romashka/2026-11-18-kickoff",
            "--at",
            "2026-11-18T19:30",
            "--today",
            "2026-11-20",
        ],
        "clients/romashka/meetings/2026-11-18-kickoff.yaml",
    );
}

/// A contract whose renewal is due, padded with comments to more than 1 KiB, so that a
/// limit of 1 KiB lets `renew` create the small draft and then fail to rewrite it.
fn renew_book() -> TempBook {
    let book = TempBook::new();
    let padding = "# Примечание: условия пролонгации согласованы письмом.\n".repeat(24);
    book.write(
        "clients/acme/client.yaml",
        "name: Акме\ncontacts:\n  - {id: ivanov, name: Иван Иванов}\n",
    )
    .write(
        "clients/acme/contracts/2025-007.yaml",
        &format!(
            "{padding}number: \"7/2025\"\nstart: 2025-01-01\nend: 2025-12-31\nvalue: 120000\n\
             vat: 20\nrenewal: {{auto: false, term_months: 12, notice_days: 30}}\n"
        ),
    );
    assert!(book.read("clients/acme/contracts/2025-007.yaml").len() > 1024);
    book
}

const RENEW: [&str; 8] = [
    "renew",
    "acme/2025-007",
    "--decision",
    "renew",
    "--next",
    "2026-001",
    "--today",
    "2025-11-20",
];

#[test]
fn renew_on_a_full_disk_changes_nothing() {
    let book = renew_book();
    full_disk_changes_nothing(&book, &RENEW, "2026-001.yaml");
}

#[test]
fn renew_that_runs_out_of_room_halfway_takes_back_its_draft() {
    // The draft (< 1 KiB) is written, the contract's edit (> 1 KiB) is not: the draft
    // must go again, or the book would hold a next contract nobody decided on.
    let book = renew_book();
    let before = snapshot(book.path());
    let root = book.path().to_str().expect("utf-8 path").to_owned();
    let mut args = RENEW.to_vec();
    args.extend(["--book", &root]);
    let run = rapport_limited(book.path(), 2, &args);
    failed_to_write(&run, "clients/acme/contracts/2025-007.yaml");
    assert!(run.stderr.contains("was left as it was"), "{}", run.stderr);
    let after = snapshot(book.path());
    no_temporary_files(&after);
    assert_eq!(changes(&before, &after), Vec::<String>::new());
}

#[test]
fn init_on_a_full_disk_makes_no_book_and_a_second_run_finishes_it() {
    let dir = TempBook::empty();
    let run = rapport_limited(dir.path(), 0, &["init", "book"]);
    failed_to_write(&run, ".gitignore");
    let book = dir.path().join("book");
    let left = snapshot(&book);
    no_temporary_files(&left);
    assert!(
        !left.contains_key("rapport.yaml"),
        "without rapport.yaml the folder is not a book: {:?}",
        left.keys()
    );
    // What is there is whole (only the empty .gitkeep files fit): the same as a
    // successful init writes, which a second run, with room, then completes.
    let run = common::rapport_in(dir.path(), &["init", "book"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let done = snapshot(&book);
    for (path, bytes) in &left {
        assert_eq!(
            done.get(path),
            Some(bytes),
            "{path} changed when init finished"
        );
    }
    let fresh = TempBook::empty();
    let run = common::rapport_in(fresh.path(), &["init", "book"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(snapshot(&fresh.path().join("book")), done);
}

#[test]
fn init_that_runs_out_of_room_halfway_leaves_whole_files_and_no_book() {
    // 1 KiB: the small files fit, the schemas do not.
    let dir = TempBook::empty();
    let run = rapport_limited(dir.path(), 2, &["init", "book"]);
    failed_to_write(&run, "book/");
    let book = dir.path().join("book");
    let left = snapshot(&book);
    no_temporary_files(&left);
    assert!(!left.contains_key("rapport.yaml"), "{:?}", left.keys());
    let fresh = TempBook::empty();
    let run = common::rapport_in(fresh.path(), &["init", "book"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let whole = snapshot(&fresh.path().join("book"));
    let files = left.iter().filter(|(_, b)| b.is_some()).count();
    assert!(
        files > 2,
        "some files fit under the limit: {:?}",
        left.keys()
    );
    for (path, bytes) in &left {
        assert_eq!(whole.get(path), Some(bytes), "{path} is torn");
    }
}

// ---------------------------------------------------------------------------------
// A file that cannot be read after it was listed

/// How to run rapport so that it cannot read or write what root owns without
/// permission: as `nobody` when the tests run as root, as is otherwise. `None` (with
/// the reason) when that cannot be arranged here.
fn unprivileged() -> Result<Vec<String>, String> {
    let probe = TempBook::empty();
    let file = probe.path().join("probe");
    fs::write(&file, "").expect("write a probe");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).expect("chmod");
    if fs::OpenOptions::new().append(true).open(&file).is_err() {
        return Ok(Vec::new()); // not root: permissions hold as they are
    }
    let prefix: Vec<String> = [
        "setpriv",
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        "--",
    ]
    .map(str::to_owned)
    .to_vec();
    let mut cmd = scrubbed(&prefix[0]);
    cmd.args(&prefix[1..])
        .arg(env!("CARGO_BIN_EXE_rapport"))
        .arg("--version");
    match cmd.output() {
        Ok(out) if out.status.success() => Ok(prefix),
        Ok(out) => Err(format!(
            "running as root, and `setpriv` cannot run rapport as nobody: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )),
        Err(e) => Err(format!("running as root, and there is no setpriv: {e}")),
    }
}

/// Runs `rapport ARGS --book BOOK` through `prefix` (see [`unprivileged`]).
fn run_as(prefix: &[String], book: &Path, args: &[&str]) -> Run {
    let mut cmd = match prefix.split_first() {
        Some((program, rest)) => {
            let mut cmd = scrubbed(program);
            cmd.args(rest).arg(env!("CARGO_BIN_EXE_rapport"));
            cmd
        }
        None => scrubbed(env!("CARGO_BIN_EXE_rapport")),
    };
    cmd.current_dir("/").args(args).arg("--book").arg(book);
    finish(cmd)
}

/// Opens a temporary book's folder to other users (tempfile makes it 0700), so that
/// `nobody` can read it.
fn open_to_others(book: &TempBook) {
    fs::set_permissions(book.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
}

/// Sets `mode` on every file and `dir_mode` on every folder under `root`.
fn chmod_tree(root: &Path, mode: u32, dir_mode: u32) {
    for entry in fs::read_dir(root).expect("read folder") {
        let path: PathBuf = entry.expect("entry").path();
        if path.is_dir() {
            chmod_tree(&path, mode, dir_mode);
            fs::set_permissions(&path, fs::Permissions::from_mode(dir_mode)).expect("chmod");
        } else {
            fs::set_permissions(&path, fs::Permissions::from_mode(mode)).expect("chmod");
        }
    }
}

/// Asserts that the audit's JSON `doc` holds exactly one finding about `file`, an E01
/// whose message starts with `starts` and names `reason`, and that every other finding
/// is one of `reference`, in the same order: one bad file hides nothing else.
fn one_e01_about_and_the_rest_as_before(
    doc: &serde_json::Value,
    file: &str,
    starts: &str,
    reason: &str,
    reference: &serde_json::Value,
) {
    let findings = doc["findings"].as_array().expect("findings");
    let (about, others): (Vec<&serde_json::Value>, Vec<&serde_json::Value>) =
        findings.iter().partition(|f| f["file"] == file);
    assert_eq!(about.len(), 1, "{findings:#?}");
    assert_eq!(about[0]["code"], "E01");
    let message = about[0]["message"].as_str().expect("message");
    assert!(
        message.starts_with(starts) && message.contains(reason),
        "{message}"
    );
    let expected: Vec<&serde_json::Value> = reference["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .collect();
    assert!(!expected.is_empty(), "the fixture has findings of its own");
    assert_eq!(others, expected);
}

#[test]
fn a_file_that_cannot_be_read_is_an_error_naming_it_and_the_rest_is_audited() {
    // A file the walk lists but whose read fails: the deterministic stand-in for a file
    // deleted between the listing and the read (the loader's read errors all take the
    // same path, NotFound or PermissionDenied).
    let prefix = match unprivileged() {
        Ok(prefix) => prefix,
        Err(why) => {
            eprintln!("skipped: {why}");
            return;
        }
    };
    let book = fixture_copy("e02-fires");
    open_to_others(&book);
    let reference = run_as(
        &prefix,
        book.path(),
        &["audit", "--format", "json", "--today", TODAY],
    )
    .json();
    let unreadable = "clients/acme/meetings/gone.yaml";
    book.write(unreadable, "at: 2026-11-02T10:00\nformat: call\n");
    fs::set_permissions(
        book.path().join(unreadable),
        fs::Permissions::from_mode(0o000),
    )
    .expect("chmod");
    let run = run_as(
        &prefix,
        book.path(),
        &["audit", "--format", "json", "--today", TODAY],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    one_e01_about_and_the_rest_as_before(
        &run.json(),
        unreadable,
        "cannot read the file: ",
        "ermission denied",
        &reference,
    );
}

#[test]
fn a_dangling_symlink_is_an_error_naming_it_and_the_rest_is_audited() {
    // A file deleted after its name was listed, as a symlink to nothing: the loader
    // reads links through, so the name is an unreadable file (E01), not passed over;
    // every other file's findings stay as they were.
    let book = fixture_copy("e02-fires");
    let reference = book
        .run(&["audit", "--format", "json", "--no-cache", "--today", TODAY])
        .json();
    let gone = "clients/acme/meetings/2026-11-03-gone.yaml";
    std::os::unix::fs::symlink(
        book.path()
            .join("clients/acme/meetings/deleted-target.yaml"),
        book.path().join(gone),
    )
    .expect("symlink");
    let run = book.run(&["audit", "--format", "json", "--no-cache", "--today", TODAY]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    one_e01_about_and_the_rest_as_before(
        &run.json(),
        gone,
        "cannot read the file: ",
        "No such file",
        &reference,
    );

    // A link to a file of the book is read as that file (tests/links.rs holds the
    // links that are not followed).
    fs::remove_file(book.path().join(gone)).expect("remove the link");
    book.write(
        "clients/acme/meetings/2026-11-02-elsewhere.yaml",
        "at: 2026-11-03T10:00\nformat: vidoe\nwith: [smirnov]\n",
    );
    std::os::unix::fs::symlink("2026-11-02-elsewhere.yaml", book.path().join(gone))
        .expect("symlink");
    let run = book.run(&["audit", "--format", "json", "--no-cache", "--today", TODAY]);
    let doc = run.json();
    let codes: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["file"] == gone)
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert!(codes.contains(&"E02"), "the linked file was read: {doc:#}");
}

#[test]
fn a_folder_that_cannot_be_listed_is_an_error_naming_it_and_the_rest_is_audited() {
    let prefix = match unprivileged() {
        Ok(prefix) => prefix,
        Err(why) => {
            eprintln!("skipped: {why}");
            return;
        }
    };
    let book = fixture_copy("e02-fires");
    book.write(
        "clients/beta/client.yaml",
        "name: Бета\ncontacts: [{id: b, name: Б}]\n",
    );
    fs::create_dir_all(book.path().join("clients/beta/meetings")).expect("mkdir");
    open_to_others(&book);
    // The book as it is with the folder empty: what the audit must still say.
    let reference = run_as(
        &prefix,
        book.path(),
        &["audit", "--format", "json", "--no-cache", "--today", TODAY],
    )
    .json();
    let folder = "clients/beta/meetings";
    book.write(
        "clients/beta/meetings/2026-11-02-x.yaml",
        "at: 2026-11-02T10:00\nformat: call\n",
    );
    fs::set_permissions(book.path().join(folder), fs::Permissions::from_mode(0o000))
        .expect("chmod");
    let run = run_as(
        &prefix,
        book.path(),
        &["audit", "--format", "json", "--no-cache", "--today", TODAY],
    );
    fs::set_permissions(book.path().join(folder), fs::Permissions::from_mode(0o755))
        .expect("chmod back");
    assert_eq!(run.code, 1, "{}", run.stderr);
    // Every other finding is that of the book without the folder's files.
    one_e01_about_and_the_rest_as_before(
        &run.json(),
        folder,
        "cannot list the folder: ",
        "ermission denied",
        &reference,
    );
}

// ---------------------------------------------------------------------------------
// A read-only book

/// A read-only copy of `tests/fixtures/NAME`, and how to run rapport so that it cannot
/// write it; `None` when that cannot be arranged (then the test says it skipped).
fn read_only(name: &str) -> Option<(TempBook, Vec<String>)> {
    let prefix = match unprivileged() {
        Ok(prefix) => prefix,
        Err(why) => {
            eprintln!("skipped: {why}");
            return None;
        }
    };
    let book = fixture_copy(name);
    chmod_tree(book.path(), 0o444, 0o555);
    fs::set_permissions(book.path(), fs::Permissions::from_mode(0o555)).expect("chmod");
    Some((book, prefix))
}

/// Gives write permission back, so that the temporary folder can be removed.
fn writable_again(book: &TempBook) {
    fs::set_permissions(book.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    chmod_tree(book.path(), 0o644, 0o755);
}

#[test]
fn invoice_new_on_a_read_only_book_is_a_clear_error() {
    let Some((book, prefix)) = read_only("invoice-book") else {
        return;
    };
    let before = snapshot(book.path());
    let run = run_as(
        &prefix,
        book.path(),
        &[
            "invoice",
            "new",
            "romashka",
            "--contract",
            "2026-003",
            "--line",
            "Дизайн;;;1000",
            "--today",
            TODAY,
        ],
    );
    let after = snapshot(book.path());
    writable_again(&book);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.stderr.contains("ermission denied"), "{}", run.stderr);
    // The lock comes first: the error names it (in the book's .rapport folder).
    assert!(run.stderr.contains(".rapport"), "{}", run.stderr);
    no_temporary_files(&after);
    assert_eq!(after, before);
}

#[test]
fn new_client_on_a_read_only_book_is_a_clear_error() {
    let Some((book, prefix)) = read_only("invoice-book") else {
        return;
    };
    let before = snapshot(book.path());
    let run = run_as(
        &prefix,
        book.path(),
        &[
            "new",
            "client",
            "lyutik",
            "--name",
            "Лютик",
            "--contact",
            "a=Б",
        ],
    );
    let after = snapshot(book.path());
    writable_again(&book);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.stderr.contains("ermission denied"), "{}", run.stderr);
    assert!(run.stderr.contains("clients"), "{}", run.stderr);
    no_temporary_files(&after);
    assert_eq!(after, before);
}

#[test]
fn reading_commands_work_on_a_read_only_book() {
    // The parse cache cannot be written: that costs time, never the answer.
    let Some((book, prefix)) = read_only("invoice-book") else {
        return;
    };
    let before = snapshot(book.path());
    let audit = run_as(
        &prefix,
        book.path(),
        &["audit", "--format", "json", "--today", TODAY],
    );
    let invoices = run_as(
        &prefix,
        book.path(),
        &["invoices", "--format", "json", "--today", TODAY],
    );
    let after = snapshot(book.path());
    writable_again(&book);
    assert!(audit.code == 0 || audit.code == 1, "{audit:?}");
    // Outside git, the one note that the history checks were skipped.
    assert_eq!(
        audit.stderr,
        "note: the history checks (R08, D05) were skipped: the book is not in a git repository\n"
    );
    let expected = book
        .run(&["audit", "--format", "json", "--today", TODAY, "--no-cache"])
        .json();
    assert_eq!(audit.json(), expected);
    assert_eq!(invoices.code, 0, "{invoices:?}");
    assert!(
        invoices.json()["invoices"].is_array(),
        "{}",
        invoices.stdout
    );
    assert_eq!(after, before);
}
