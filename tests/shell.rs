//! rapport in a shell: completion scripts and manual pages from the command line's
//! definition, `--color` and `NO_COLOR`, versioned JSON from every listing command,
//! errors on stderr and data on stdout, and a closed pipe (`rapport rules | head -1`)
//! that ends the run quietly.

mod common;

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{TempBook, command, example_book, rapport};

const TODAY: &str = "2026-11-27";

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_rapport")
}

fn book_arg() -> String {
    example_book().to_str().expect("utf-8 path").to_owned()
}

/// Runs `sh -c SCRIPT`, with `$RAPPORT` the binary, in a scrubbed environment.
fn sh(script: &str) -> std::process::Output {
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("RAPPORT", bin())
        .env_remove("RAPPORT_BOOK")
        .env_remove("RAPPORT_TODAY")
        .env("RAPPORT_LANG", "en")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .expect("sh runs")
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = rapport(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(run.stderr.is_empty(), "{shell}: {}", run.stderr);
        for word in [
            "rapport",
            "audit",
            "renewals",
            "format",
            "schema",
            "completions",
        ] {
            assert!(run.stdout.contains(word), "{shell}: no {word}");
        }
    }
    let bad = rapport(&["completions", "tcsh"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stdout.is_empty());
    assert!(bad.stderr.contains("bash"), "{}", bad.stderr);
}

#[test]
fn the_bash_script_loads_and_completes() {
    // Load the script into a real bash and ask it to complete `rapport ren<TAB>` and
    // `rapport audit --format <TAB>`.
    let out = sh(r#"bash -c '
        source <("$RAPPORT" completions bash) || exit 3
        complete -p rapport >/dev/null || exit 4
        COMP_WORDS=(rapport ren); COMP_CWORD=1; COMP_LINE="rapport ren"; COMP_POINT=11
        _rapport rapport ren rapport; echo "${COMPREPLY[*]}"
        COMP_WORDS=(rapport audit --format ""); COMP_CWORD=3
        _rapport rapport "" --format; echo "${COMPREPLY[*]}"
    '"#);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    let mut first: Vec<&str> = lines[0].split_whitespace().collect();
    first.sort_unstable();
    assert_eq!(first, ["renew", "renewals"], "{stdout}");
    for format in ["human", "json", "sarif", "github"] {
        assert!(lines[1].split_whitespace().any(|w| w == format), "{stdout}");
    }
}

#[test]
fn the_manual_page_and_one_page_per_command() {
    let run = rapport(&["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(".TH rapport 1"), "{}", run.stdout);
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(run.stdout.contains(section), "no {section}");
    }
    assert!(run.stdout.contains("renewals"));

    let tmp = TempBook::empty();
    let dir = tmp.path().join("man1");
    let dir_arg = dir.to_str().expect("utf-8");
    let first = rapport(&["man", "--out", dir_arg]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let mut pages: Vec<String> = fs::read_dir(&dir)
        .expect("written")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    for page in [
        "rapport.1",
        "rapport-audit.1",
        "rapport-new.1",
        "rapport-new-client.1",
        "rapport-meeting-report.1",
        "rapport-schema.1",
    ] {
        assert!(pages.iter().any(|p| p == page), "no {page} in {pages:?}");
    }
    assert_eq!(first.stdout.lines().count(), pages.len());
    for page in &pages {
        let text = fs::read_to_string(dir.join(page)).expect("read");
        assert!(text.contains(".TH ") && text.contains(".SH NAME"), "{page}");
    }
    assert_eq!(
        fs::read_to_string(dir.join("rapport.1")).expect("read"),
        run.stdout
    );
    let again = rapport(&["man", "--out", dir_arg]);
    assert_eq!(again.code, 2, "{}", again.stdout);
    assert!(again.stderr.contains("--force"), "{}", again.stderr);
    let forced = rapport(&["man", "--out", dir_arg, "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
}

/// Runs the audit of the example book on a terminal (through `script`), with extra
/// arguments and environment; returns what the terminal showed.
fn audit_on_a_terminal(extra: &str, env: &[(&str, &str)]) -> String {
    let mut cmd = Command::new("script");
    cmd.arg("-qec")
        .arg(format!(
            "'{}' audit --book '{}' --today {TODAY} {extra}",
            bin(),
            book_arg()
        ))
        .arg("/dev/null")
        .env("RAPPORT_LANG", "en")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("`script` (util-linux) runs the command on a terminal; it failed: {e}")
    });
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn colour_follows_the_flag_the_terminal_and_no_color() {
    const ESC: char = '\u{1b}';
    // Auto: colour on a terminal, none in a pipe.
    assert!(audit_on_a_terminal("", &[]).contains(ESC));
    let piped = command(Path::new(env!("CARGO_MANIFEST_DIR")))
        .args(["audit", "--book", &book_arg(), "--today", TODAY])
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&piped.stdout).contains(ESC));
    // NO_COLOR turns auto off, even on a terminal; an empty NO_COLOR does not.
    assert!(!audit_on_a_terminal("", &[("NO_COLOR", "1")]).contains(ESC));
    assert!(audit_on_a_terminal("", &[("NO_COLOR", "")]).contains(ESC));
    // The flag wins over both.
    assert!(!audit_on_a_terminal("--color never", &[]).contains(ESC));
    assert!(audit_on_a_terminal("--color always", &[("NO_COLOR", "1")]).contains(ESC));
    let always = command(Path::new(env!("CARGO_MANIFEST_DIR")))
        .args(["audit", "--book", &book_arg(), "--today", TODAY])
        .args(["--color", "always"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&always.stdout).contains(ESC));
    // Machine formats never carry colour, whatever the flag.
    for format in ["json", "sarif", "github"] {
        let out = audit_on_a_terminal(&format!("--format {format} --color always"), &[]);
        assert!(!out.contains(ESC), "{format}");
    }
}

/// Every listing command, with its arguments (the book and today are added).
const LISTINGS: &[&[&str]] = &[
    &["audit"],
    &["rules"],
    &["rules", "R02"],
    &["clients"],
    &["show", "lesnaya-polyana"],
    &["agenda"],
    &["renewals"],
    &["budget"],
    &["upsell"],
    &["invoices"],
];

#[test]
fn every_listing_command_speaks_versioned_json() {
    for args in LISTINGS {
        let mut all: Vec<&str> = args.to_vec();
        let book = book_arg();
        all.extend(["--format", "json", "--book", &book, "--today", TODAY]);
        let run = rapport(&all);
        assert!(
            run.code == 0 || args[0] == "audit",
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stderr.is_empty(), "{args:?}: {}", run.stderr);
        let doc = run.json();
        assert_eq!(doc["version"], 1, "{args:?}");
    }
}

#[test]
fn errors_go_to_stderr_and_data_to_stdout() {
    let book = book_arg();
    for args in [
        vec!["show", "no-such-client", "--book", &book],
        vec!["clients", "--book", "/nonexistent/book"],
        vec!["rules", "R99"],
        vec!["audit", "--book", &book, "--format", "xml"],
    ] {
        let run = rapport(&args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        assert!(!run.stderr.is_empty(), "{args:?}");
        assert!(run.stderr.starts_with("error:"), "{args:?}: {}", run.stderr);
    }
    // A warning about the book does not mix into the data.
    let tmp = TempBook::new();
    tmp.write("clients/broken/client.yaml", "name: [unclosed\n");
    let run = tmp.run(&["clients", "--format", "json"]);
    run.json();
}

/// Commands whose output a pipe may close early, with the exit status each has when
/// it runs to the end (the audit of the example book finds errors: 1).
const PIPED: &[(&str, i32)] = &[
    ("rules", 0),
    ("audit --book {BOOK} --today 2026-11-27", 1),
    ("audit --book {BOOK} --today 2026-11-27 --format json", 1),
    ("clients --book {BOOK} --today 2026-11-27", 0),
    ("invoices --book {BOOK} --today 2026-11-27", 0),
    ("completions bash", 0),
    ("man", 0),
    ("schema", 0),
];

#[test]
fn a_pipe_closed_by_head_ends_the_run_quietly() {
    let tmp = TempBook::empty();
    for (i, (args, code)) in PIPED.iter().enumerate() {
        let args = args.replace("{BOOK}", &format!("'{}'", book_arg()));
        let err = tmp.path().join(format!("err{i}"));
        let status = tmp.path().join(format!("status{i}"));
        let out = sh(&format!(
            "{{ \"$RAPPORT\" {args} 2>'{}'; echo $? >'{}'; }} | head -1",
            err.display(),
            status.display()
        ));
        assert!(out.status.success(), "{args}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).lines().count(),
            1,
            "{args}"
        );
        assert_eq!(fs::read_to_string(&err).expect("stderr file"), "", "{args}");
        assert_eq!(
            fs::read_to_string(&status).expect("status file").trim(),
            code.to_string(),
            "{args}: not killed by SIGPIPE (141), the status it has anyway"
        );
    }
}

#[test]
fn a_pipe_closed_before_the_first_byte_ends_the_run_quietly() {
    // `head -1` may read everything before it exits; here the reading end is closed
    // before rapport starts, so its first write meets a broken pipe for certain.
    for (args, code) in PIPED {
        let book = book_arg();
        let argv: Vec<String> = args
            .split_whitespace()
            .map(|a| a.replace("{BOOK}", &book))
            .collect();
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let mut child = command(Path::new(env!("CARGO_MANIFEST_DIR")))
            .args(&argv)
            .stdout(writer)
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut stderr)
            .expect("read stderr");
        let status = child.wait().expect("exits");
        assert_eq!(status.code(), Some(*code), "{args}: {status:?}");
        assert_eq!(stderr, "", "{args}");
    }
}
