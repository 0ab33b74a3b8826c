//! `rapport init`: an empty valid book, the example book, and never an overwrite.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{TempBook, example_book, rapport_in};

/// Every file under `dir`, relative and `/`-separated, sorted; the parse cache
/// (`.rapport/`) that other commands leave behind is not part of a book.
fn files(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.file_name().is_some_and(|n| n == ".rapport") {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).expect("under root");
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.push(parts.join("/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn audit(dir: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let book = dir.to_str().expect("utf-8 path");
    let mut args = vec!["audit", "--format", "json", "--book", book];
    args.extend_from_slice(extra);
    let run = rapport_in(dir, &args);
    (run.code, run.json())
}

fn codes(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().expect("code").to_owned())
        .collect()
}

#[test]
fn init_makes_an_empty_book_with_no_findings() {
    let tmp = TempBook::empty();
    let run = rapport_in(tmp.path(), &["init", "book"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let dir = tmp.path().join("book");
    assert_eq!(
        files(&dir),
        [
            ".gitignore",
            ".vscode/extensions.json",
            ".vscode/settings.json",
            "clients/.gitkeep",
            "contractors/.gitkeep",
            "rapport.yaml",
            "schemas/act.schema.json",
            "schemas/client.schema.json",
            "schemas/contract.schema.json",
            "schemas/contractor.schema.json",
            "schemas/invoice.schema.json",
            "schemas/log.schema.json",
            "schemas/meeting.schema.json",
            "schemas/project.schema.json",
            "schemas/settings.schema.json",
        ]
    );
    assert!(run.stdout.contains("rapport.yaml"), "{}", run.stdout);
    assert!(run.stdout.contains("Next steps"), "{}", run.stdout);
    assert!(run.stdout.contains("cd book"), "{}", run.stdout);
    let gitignore = fs::read_to_string(dir.join(".gitignore")).expect("gitignore");
    assert!(gitignore.lines().any(|l| l == ".rapport/"), "{gitignore}");

    let settings = fs::read_to_string(dir.join("rapport.yaml")).expect("settings");
    assert!(settings.contains("\n  name: Моё агентство\n"), "{settings}");
    for key in [
        "currency", "locale", "timezone", "vat", "workweek", "workday", "holidays", "invoice",
        "team", "curators", "services", "rules",
    ] {
        assert!(
            settings.contains(&format!("\n# {key}:")),
            "`{key}` is not shown commented:\n{settings}"
        );
    }

    let (code, report) = audit(&dir, &[]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(codes(&report), Vec::<String>::new());
}

#[test]
fn init_in_the_current_folder_and_with_an_agency_name() {
    let tmp = TempBook::empty();
    let run = rapport_in(tmp.path(), &["init", "--agency", "ООО \"Кит\": #1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("  cd "), "{}", run.stdout);
    let settings = tmp.read("rapport.yaml");
    assert!(
        settings.contains("\n  name: \"ООО \\\"Кит\\\": #1\"\n"),
        "{settings}"
    );
    let (code, report) = audit(tmp.path(), &[]);
    assert_eq!((code, codes(&report)), (0, vec![]), "{report}");
}

#[test]
fn init_twice_refuses_and_changes_nothing() {
    let tmp = TempBook::empty();
    let dir = tmp.path().join("book");
    let dir_arg = dir.to_str().expect("utf-8");
    assert_eq!(rapport_in(tmp.path(), &["init", dir_arg]).code, 0);
    let before = fs::read(dir.join("rapport.yaml")).expect("read");
    let run = rapport_in(tmp.path(), &["init", dir_arg, "--agency", "Другое"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("already a book"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert_eq!(fs::read(dir.join("rapport.yaml")).expect("read"), before);
}

#[test]
fn init_leaves_an_existing_gitignore_and_folders_alone() {
    let tmp = TempBook::empty();
    tmp.write(".gitignore", "target/\n");
    tmp.write("clients/notes.md", "заметки\n");
    let run = rapport_in(tmp.path(), &["init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(tmp.read(".gitignore"), "target/\n");
    assert!(run.stdout.contains("`.rapport/`"), "{}", run.stdout);
    let mut book_files = files(tmp.path());
    book_files.retain(|f| !f.starts_with(".vscode/") && !f.starts_with("schemas/"));
    assert_eq!(
        book_files,
        [
            ".gitignore",
            "clients/notes.md",
            "contractors/.gitkeep",
            "rapport.yaml"
        ]
    );
}

#[test]
fn init_refuses_a_file_as_the_folder() {
    let tmp = TempBook::empty();
    tmp.write("book", "not a folder");
    let run = rapport_in(tmp.path(), &["init", "book"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is a file"), "{}", run.stderr);
    assert_eq!(tmp.read("book"), "not a folder");
}

#[test]
fn init_example_writes_every_file_of_the_example_book() {
    let tmp = TempBook::empty();
    let run = rapport_in(tmp.path(), &["init", "--example", "demo"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let dir: PathBuf = tmp.path().join("demo");
    let expected = files(&example_book());
    let mut written = files(&dir);
    written.retain(|f| f != ".gitignore" || expected.contains(f));
    // Editor support (tests/schema.rs checks it), not part of the example book.
    written.retain(|f| !f.starts_with(".vscode/") && !f.starts_with("schemas/"));
    assert_eq!(written, expected);
    for f in &expected {
        assert_eq!(
            fs::read(dir.join(f)).expect("written"),
            fs::read(example_book().join(f)).expect("example"),
            "{f} differs from examples/agency"
        );
    }
    assert!(run.stdout.contains("--today 2026-11-27"), "{}", run.stdout);
}

#[test]
/// The example book has no errors of the book itself (E-codes), and audits exactly as
/// `examples/agency` does: it exits 1 on the violations planted in
/// `clients/trudnyi-klient` (see tests/example_book.rs).
fn init_example_gives_a_book_with_no_errors_in_it() {
    let tmp = TempBook::empty();
    assert_eq!(
        rapport_in(tmp.path(), &["init", "--example", "demo"]).code,
        0
    );
    let (code, report) = audit(&tmp.path().join("demo"), &["--today", "2026-11-27"]);
    let e_codes: Vec<String> = codes(&report)
        .into_iter()
        .filter(|c| c.starts_with('E'))
        .collect();
    assert_eq!(e_codes, Vec::<String>::new(), "{report}");
    assert_eq!(code, 1, "the planted violations fail the audit: {report}");
    let (original_code, original) = audit(&example_book(), &["--today", "2026-11-27"]);
    assert_eq!(code, original_code);
    assert_eq!(report["findings"], original["findings"]);
    assert_eq!(report["summary"], original["summary"]);
}

#[test]
fn init_example_refuses_a_folder_that_is_not_empty() {
    let tmp = TempBook::empty();
    tmp.write("demo/notes.txt", "мои заметки");
    let run = rapport_in(tmp.path(), &["init", "--example", "demo"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not empty"), "{}", run.stderr);
    assert_eq!(files(&tmp.path().join("demo")), ["notes.txt"]);

    // A fresh git repository counts as empty.
    fs::create_dir_all(tmp.path().join("repo/.git")).expect("mkdir");
    let run = rapport_in(tmp.path(), &["init", "--example", "repo"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn init_example_takes_no_agency_name() {
    let tmp = TempBook::empty();
    let run = rapport_in(tmp.path(), &["init", "--example", "demo", "--agency", "X"]);
    assert_eq!(run.code, 2);
    assert!(!tmp.path().join("demo").exists());
}

/// The example book is embedded by paths relative to the checkout being compiled
/// (build.rs): the generated table names no absolute path, so a build script output
/// made in another checkout sharing the target folder still compiles here, with this
/// checkout's files (it once named the other checkout's files, and failed with
/// "couldn't read …" when that checkout was gone).
#[test]
fn the_embedded_example_book_names_no_absolute_path() {
    let table = include_str!(concat!(env!("OUT_DIR"), "/example_book.rs"));
    assert!(
        !table.contains(env!("CARGO_MANIFEST_DIR")),
        "an absolute path in $OUT_DIR/example_book.rs:\n{table}"
    );
    let expected = files(&example_book());
    let mut included = 0;
    for line in table.lines().filter(|l| l.contains("include_bytes!")) {
        let (_, from) = line
            .split_once("include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/examples/agency/")
            .unwrap_or_else(|| panic!("not relative to CARGO_MANIFEST_DIR: {line}"));
        let (rel, _) = from.split_once('"').expect("a closing quote");
        assert!(
            line.trim_start().starts_with(&format!("({rel:?}, ")),
            "the book path and the file differ: {line}"
        );
        included += 1;
    }
    assert_eq!(included, expected.len(), "{table}");
}
