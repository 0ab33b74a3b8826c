//! Symbolic links in an untrusted book. A book arrives in pull requests and is audited
//! in CI: a link to `/proc/self/environ`, to a secret outside the book or to
//! `.git/config` (where `actions/checkout` persists the job's token) must never have a
//! byte of its target printed, in any output format or command. The loader follows a
//! link only to a YAML file of the book itself; every other link is an E01 that names
//! the link. A `.rapport` linked elsewhere is never written in.
#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use common::{Run, TempBook};

const TODAY: &str = "2026-11-27";
/// What the planted secrets hold: none of it may ever appear in any output.
const SECRET: &str = "FAKE_SECRET_TOKEN_5f3a";
const GIT_TOKEN: &str = "FAKE_GIT_TOKEN_9c1e";
const MESSAGE: &str = "the link leads outside the book's files";

const CLIENT: &str = "\
name: Хорошая компания
contacts:
  - {id: ivanov, name: Иван Иванов, email: ivanov@example.ru}
";

const MEETING: &str = "\
at: 2026-11-20T10:00
format: call
attendees: {client: [ivanov], agency: [petrov]}
report: {sent: 2026-11-20T17:00, to: [ivanov]}
";

/// A valid book with one good client, a `.git/config` holding a token, and a folder
/// outside the book holding a secret (written as YAML, the likeliest to be echoed).
struct Attack {
    book: TempBook,
    outside: tempfile::TempDir,
}

impl Attack {
    fn new() -> Attack {
        let book = TempBook::new();
        book.write("clients/good/client.yaml", CLIENT);
        book.write("clients/good/meetings/2026-11-20-call.yaml", MEETING);
        book.write(
            ".git/config",
            &format!(
                "[http \"https://github.com/\"]\n\textraheader = AUTHORIZATION: basic {GIT_TOKEN}\n"
            ),
        );
        let outside = tempfile::tempdir().expect("a temporary folder");
        fs::write(
            outside.path().join("secret.yaml"),
            format!("name: {SECRET}\ncontacts: [{{id: x, name: {SECRET}}}]\n"),
        )
        .expect("write the secret");
        Attack { book, outside }
    }

    fn secret(&self) -> std::path::PathBuf {
        self.outside.path().join("secret.yaml")
    }

    /// Links `rel` in the book to `to`, creating folders.
    fn link(&self, rel: &str, to: &Path) -> &Self {
        let at = self.book.path().join(rel);
        fs::create_dir_all(at.parent().expect("a folder")).expect("folders");
        symlink(to, &at).expect("a symbolic link");
        self
    }

    fn run(&self, args: &[&str]) -> Run {
        let mut all = args.to_vec();
        all.extend(["--today", TODAY]);
        self.book.run(&all)
    }
}

/// Nothing of the secrets in what a run printed.
fn leaks_nothing(run: &Run, what: &str) {
    for secret in [SECRET, GIT_TOKEN, "extraheader"] {
        assert!(
            !run.stdout.contains(secret) && !run.stderr.contains(secret),
            "{what} printed {secret}:\n{}\n{}",
            run.stdout,
            run.stderr
        );
    }
    assert!(!run.stderr.contains("panicked"), "{what}: {}", run.stderr);
}

/// The E01 findings of a JSON audit, as (file, message, help).
fn e01s(run: &Run) -> Vec<(String, String, String)> {
    let doc = run.json();
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "E01")
        .map(|f| {
            (
                f["file"].as_str().unwrap_or_default().to_owned(),
                f["message"].as_str().unwrap_or_default().to_owned(),
                f["help"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// The links of the attack, each as the file the audit must name.
fn plant_every_link(a: &Attack) -> Vec<&'static str> {
    a.link("clients/evil/client.yaml", &a.secret())
        .link("clients/evil2/client.yaml", Path::new("../../.git/config"))
        .link(
            "clients/environ/client.yaml",
            Path::new("/proc/self/environ"),
        )
        .link(
            "clients/good/meetings/2026-11-21-git.yaml",
            Path::new("../../../.git/config"),
        )
        .link("clients/good/log/2026-11-22-out.yaml", &a.secret())
        .link("contractors/evil.yaml", &a.secret())
        // Folders: a kind folder and a whole client.
        .link("clients/good/invoices", a.outside.path())
        .link("clients/linked", a.outside.path());
    vec![
        "clients/environ/client.yaml",
        "clients/evil/client.yaml",
        "clients/evil2/client.yaml",
        "clients/good/invoices",
        "clients/good/log/2026-11-22-out.yaml",
        "clients/good/meetings/2026-11-21-git.yaml",
        "clients/linked",
        "contractors/evil.yaml",
    ]
}

#[test]
fn links_out_of_the_book_are_errors_naming_the_link_in_every_format() {
    let a = Attack::new();
    let named = plant_every_link(&a);
    // Cold, then warm (through the parse cache), in every format.
    for cache in [&["--no-cache"][..], &[], &[]] {
        let mut args = vec!["audit", "--format", "json"];
        args.extend(cache);
        let run = a.run(&args);
        leaks_nothing(&run, "audit --format json");
        assert_eq!(run.code, 1, "{}", run.stderr);
        let found = e01s(&run);
        let files: Vec<&str> = found.iter().map(|(f, ..)| f.as_str()).collect();
        assert_eq!(files, named, "one E01 per link: {found:#?}");
        for (file, message, help) in &found {
            assert!(message.contains(MESSAGE), "{file}: {message}");
            assert!(help.starts_with("put the "), "{file}: {help}");
        }
        // The folders are said to be folders.
        for (file, message, _) in &found {
            let folder = matches!(file.as_str(), "clients/good/invoices" | "clients/linked");
            assert_eq!(
                message.contains("a symbolic link to a folder"),
                folder,
                "{file}"
            );
        }
        for format in ["human", "sarif", "github"] {
            let mut args = vec!["audit", "--format", format, "--color", "never"];
            args.extend(cache);
            let run = a.run(&args);
            leaks_nothing(&run, &format!("audit --format {format}"));
            assert_eq!(run.code, 1, "{format}: {}", run.stderr);
            for file in &named {
                assert!(
                    run.stdout.contains(file),
                    "{format} names {file}:\n{}",
                    run.stdout
                );
            }
        }
    }
    // The good client is audited as ever: its meeting is read.
    let run = a.run(&["audit", "--format", "json", "clients/good"]);
    assert!(
        !run.stdout.contains("2026-11-20-call.yaml\""),
        "the good meeting has no finding: {}",
        run.stdout
    );
}

#[test]
fn show_and_the_listings_print_nothing_of_a_links_target() {
    let a = Attack::new();
    plant_every_link(&a);
    for args in [
        &["show", "evil"][..],
        &["show", "evil2"],
        &["show", "environ"],
        &["show", "good"],
        &["show", "linked"],
        &["clients"],
        &["clients", "--format", "json"],
        &["agenda", "--days", "30"],
        &["digest"],
        &["calendar"],
        &["invoices"],
        &["budget"],
        &["renewals"],
    ] {
        let run = a.run(args);
        leaks_nothing(&run, &args.join(" "));
        assert!(run.code <= 2, "{args:?}: {}", run.stderr);
    }
    // `show` of a client whose client.yaml is a refused link says the file is not read.
    let run = a.run(&["show", "evil"]);
    assert!(
        run.stdout.contains("clients/evil/client.yaml")
            || run.stderr.contains("clients/evil/client.yaml"),
        "show names the refused file:\n{}\n{}",
        run.stdout,
        run.stderr
    );
}

#[test]
fn a_link_to_a_file_of_the_book_is_read_as_that_file() {
    let a = Attack::new();
    a.link(
        "clients/good/meetings/2026-11-20-alias.yaml",
        Path::new("2026-11-20-call.yaml"),
    );
    let run = a.run(&["audit", "--format", "json", "--no-cache"]);
    leaks_nothing(&run, "audit");
    assert!(e01s(&run).is_empty(), "{}", run.stdout);
    let run = a.run(&["show", "good"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.matches("2026-11-20").count() >= 2,
        "both meetings are shown:\n{}",
        run.stdout
    );
}

#[test]
fn a_linked_state_folder_is_never_written_in() {
    let a = Attack::new();
    // `.rapport` linked to a folder outside, holding what a stale-shard sweep would
    // remove and where a cache would be written.
    let state = a.outside.path().join("state");
    fs::create_dir_all(state.join("cache/clients")).expect("folders");
    fs::write(state.join("cache/clients/victim.bin"), "keep me").expect("write");
    a.link(".rapport", &state);
    for _ in 0..2 {
        let run = a.run(&["audit", "--format", "json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let mut left: Vec<String> = walk(&state);
    left.sort();
    assert_eq!(
        left,
        ["cache/clients/victim.bin"],
        "nothing written, nothing removed"
    );
    assert_eq!(
        fs::read_to_string(state.join("cache/clients/victim.bin")).expect("read"),
        "keep me"
    );
    // Commands that write into the book do not write through a linked folder.
    a.link("clients/good/projects", a.outside.path());
    let run = a.run(&[
        "new",
        "meeting",
        "good",
        "--at",
        "2026-12-01T10:00",
        "--format",
        "call",
        "--with",
        "ivanov",
    ]);
    assert_eq!(run.code, 0, "a meeting goes to meetings/: {}", run.stderr);
    a.link("clients/good/contracts", a.outside.path());
    let before = walk(a.outside.path());
    let run = a.run(&["invoice", "new", "good", "--line", "Дизайн=1000"]);
    leaks_nothing(&run, "invoice new");
    assert_eq!(walk(a.outside.path()), before, "nothing written outside");
}

/// Every file under `dir`, relative to it.
fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).expect("list").flatten() {
            let path = entry.path();
            if entry.file_type().expect("type").is_dir() {
                stack.push(path);
            } else {
                out.push(
                    path.strip_prefix(dir)
                        .expect("inside")
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    out.sort();
    out
}
