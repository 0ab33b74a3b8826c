//! Every command in the fenced `sh` blocks of README.md and docs/*.md (the folder is
//! listed, so a new document is covered) runs as written, and exits as documented.
//!
//! How the documents are read — the conventions are explained to the reader in
//! README.md, under its first block:
//! - each line of a ```` ```sh ```` block is one command, run through `sh -c` with the
//!   freshly built `rapport` first on `PATH` and `RAPPORT_TODAY=2026-11-27`, in the
//!   order shown, so later lines see what earlier ones changed;
//! - every Markdown file gets a fresh book made by `rapport init --example`, the
//!   working directory of its blocks: whatever a command writes lands there;
//! - a comment saying `exits N` gives the exit code expected, otherwise 0;
//! - `illustrative: WHY` in a comment marks what is not run: after a command, that
//!   command; on a comment line of its own, every following line of its block. It must
//!   say why, and the list of such lines is pinned in `ILLUSTRATIVE` below, so that
//!   adding one is a visible decision;
//! - `cd DIR` and `export NAME=VALUE` lines change the directory and the environment of
//!   the following lines of their block, as they would in a shell;
//! - `cargo run [ARGS] -- REST` (the README's set-up line) runs the built binary with
//!   REST from the repository's root; no other cargo line may run;
//! - built without the `pdf` feature, a `--format pdf` command must exit 2 saying so.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const TODAY: &str = "2026-11-27";

/// Every line the documents mark illustrative: (file, command). A new one belongs
/// here only if it truly cannot run against the example book; prefer rewriting it.
const ILLUSTRATIVE: [(&str, &str); 8] = [
    ("README.md", "cargo test"),
    (
        "docs/ci.md",
        "pre-commit try-repo PATH-OR-URL-OF-RAPPORT rapport-audit --all-files",
    ),
    (
        "docs/ci.md",
        "rapport audit --format json --fail-on never | jq '.summary'",
    ),
    (
        "docs/fuzzing.md",
        "rustup toolchain install nightly --profile minimal",
    ),
    ("docs/fuzzing.md", "cargo install cargo-fuzz"),
    ("docs/fuzzing.md", "python3 fuzz/seed-corpus.py"),
    (
        "docs/fuzzing.md",
        "cargo +nightly fuzz run parse_file -- -max_total_time=300",
    ),
    (
        "docs/fuzzing.md",
        "cargo +nightly fuzz run audit_book -- -max_total_time=300",
    ),
];

/// What one line of a `sh` block asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Action {
    /// Run it; it must exit with this code.
    Run(i32),
    /// Not run, for this reason.
    Illustrative(String),
    /// `cd DIR`.
    Cd(String),
    /// `export NAME=VALUE`.
    Export(String, String),
    /// A malformed line: what is wrong with it.
    Bad(String),
}

/// One line of a `sh` block.
#[derive(Debug, Clone)]
struct Line {
    /// 1-based line number in the Markdown file (of the first line, if continued).
    number: usize,
    /// The line as written (continuations joined), comment included.
    text: String,
    /// The command without its comment, trimmed.
    command: String,
    action: Action,
}

/// One fenced block: its info string and its command lines.
#[derive(Debug)]
struct Block {
    info: String,
    lines: Vec<Line>,
}

/// The fenced code blocks of a Markdown text (``` or ~~~, indented up to 3 spaces);
/// only `sh` blocks have their lines read as commands.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines = markdown.lines().enumerate();
    while let Some((_, line)) = lines.next() {
        let Some((fence, info)) = fence_open(line) else {
            continue;
        };
        let mut body = Vec::new();
        for (index, inner) in lines.by_ref() {
            if fence_closes(inner, &fence) {
                break;
            }
            body.push((index + 1, inner));
        }
        let lines = if info.split_whitespace().next() == Some("sh") {
            sh_lines(&body)
        } else {
            Vec::new()
        };
        out.push(Block { info, lines });
    }
    out
}

/// The fence and the info string of a line that opens a fenced block.
fn fence_open(line: &str) -> Option<(String, String)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let ch = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let fence: String = trimmed.chars().take_while(|c| *c == ch).collect();
    if fence.len() < 3 {
        return None;
    }
    Some((fence.clone(), trimmed[fence.len()..].trim().to_owned()))
}

fn fence_closes(line: &str, fence: &str) -> bool {
    let trimmed = line.trim();
    let Some(ch) = fence.chars().next() else {
        return false;
    };
    trimmed.len() >= fence.len() && trimmed.chars().all(|c| c == ch)
}

/// The command lines of a `sh` block's body ((line number, text) pairs).
fn sh_lines(body: &[(usize, &str)]) -> Vec<Line> {
    let mut out = Vec::new();
    // Set by a comment line of its own that says `illustrative:`.
    let mut block_reason: Option<String> = None;
    let mut i = 0;
    while i < body.len() {
        let (number, first) = body[i];
        let mut text = first.to_owned();
        // A trailing backslash continues the command on the next line, for sh as here.
        while text.ends_with('\\') && i + 1 < body.len() {
            i += 1;
            text.push('\n');
            text.push_str(body[i].1);
        }
        i += 1;
        let (command, comment) = split_comment(&text);
        let command = command.trim().to_owned();
        if command.is_empty() {
            if let Some(reason) = comment.as_deref().and_then(illustrative) {
                block_reason = Some(reason);
            }
            continue;
        }
        let reason = comment
            .as_deref()
            .and_then(illustrative)
            .or_else(|| block_reason.clone());
        let action = match reason {
            Some(reason) if reason.is_empty() => {
                Action::Bad("`illustrative:` must say why".to_owned())
            }
            Some(reason) => Action::Illustrative(reason),
            None => classify(&command, comment.as_deref()),
        };
        out.push(Line {
            number,
            text,
            command,
            action,
        });
    }
    out
}

/// A command that is not illustrative: `cd`, `export`, or something to run.
fn classify(command: &str, comment: Option<&str>) -> Action {
    let words: Vec<&str> = command.split_whitespace().collect();
    match words.as_slice() {
        ["cd", dir] => return Action::Cd((*dir).to_owned()),
        ["export", assignment] => {
            return match assignment.split_once('=') {
                Some((name, value)) if !name.is_empty() => {
                    Action::Export(name.to_owned(), value.to_owned())
                }
                _ => Action::Bad("`export` without NAME=VALUE".to_owned()),
            };
        }
        ["cd" | "export", ..] => {
            return Action::Bad("`cd` and `export` take one plain word here".to_owned());
        }
        _ => {}
    }
    match comment.map(exit_codes).unwrap_or_default().as_slice() {
        [] => Action::Run(0),
        [code] => Action::Run(*code),
        codes => Action::Bad(format!("the comment gives several exit codes: {codes:?}")),
    }
}

/// The line split at its comment: the first `#` outside quotes that starts a word.
fn split_comment(line: &str) -> (&str, Option<String>) {
    let (mut single, mut double, mut escaped) = (false, false, false);
    let mut previous = ' ';
    for (at, c) in line.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' && !single {
            escaped = true;
        } else if c == '\'' && !double {
            single = !single;
        } else if c == '"' && !single {
            double = !double;
        } else if c == '#' && !single && !double && previous.is_whitespace() {
            return (&line[..at], Some(line[at + 1..].trim().to_owned()));
        }
        previous = c;
    }
    (line, None)
}

/// The reason after `illustrative:` in a comment, if it has the word (an empty reason
/// is reported as a bad line).
fn illustrative(comment: &str) -> Option<String> {
    let at = comment.find("illustrative:")?;
    let reason = comment[at + "illustrative:".len()..]
        .trim()
        .trim_end_matches(')')
        .trim();
    Some(reason.to_owned())
}

/// Every `exits N` in a comment, without repeats.
fn exit_codes(comment: &str) -> Vec<i32> {
    let mut codes = Vec::new();
    for (at, _) in comment.match_indices("exits ") {
        let starts_word = comment[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let digits: String = comment[at + "exits ".len()..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let (true, Ok(code)) = (starts_word, digits.parse::<i32>())
            && !codes.contains(&code)
        {
            codes.push(code);
        }
    }
    codes
}

/// The repository's root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every docs/*.md, as paths relative to the root, sorted.
fn documents() -> Vec<String> {
    let mut docs: Vec<String> = std::fs::read_dir(root().join("docs"))
        .expect("docs/ can be listed")
        .map(|entry| entry.expect("a docs/ entry").path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|e| e == "md"))
        .map(|path| {
            let name = path.file_name().expect("a file name").to_string_lossy();
            format!("docs/{name}")
        })
        .collect();
    docs.sort();
    docs.insert(0, "README.md".to_owned());
    docs
}

/// The `sh` blocks of one document, read from the repository.
fn document_blocks(doc: &str) -> Vec<Block> {
    let text = std::fs::read_to_string(root().join(doc))
        .unwrap_or_else(|e| panic!("{doc} cannot be read: {e}"));
    blocks(&text)
}

/// `PATH` with the built binary's folder first.
fn path_with_binary() -> std::ffi::OsString {
    let bin = Path::new(env!("CARGO_BIN_EXE_rapport"))
        .parent()
        .expect("the binary has a folder")
        .to_path_buf();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&rest)))
        .expect("PATH can be joined")
}

/// `cargo run [ARGS] -- REST` as `rapport REST`; None for any other line.
fn cargo_run(command: &str) -> Option<String> {
    let rest = command.strip_prefix("cargo run ")?;
    let (_, args) = rest.split_once(" -- ")?;
    Some(format!("rapport {args}"))
}

/// A word of the command that names a path outside the working folder (absolute, from
/// the home folder, or up with `..`), such as `> /etc/bash_completion.d/rapport`: this
/// test would write there, so it runs no such line.
fn outside_path(command: &str) -> Option<&str> {
    command.split_whitespace().find(|word| {
        let path = word
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '&' || c == '>' || c == '<')
            .trim_matches(|c| c == '\'' || c == '"');
        path.starts_with('/') || path.starts_with('~') || path.split('/').any(|part| part == "..")
    })
}

/// What one run gave.
struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Outcome {
    /// stderr, or when it is empty the end of stdout, for a failure message.
    fn output(&self) -> String {
        if !self.stderr.trim().is_empty() {
            return format!("stderr:\n{}", self.stderr);
        }
        let lines: Vec<&str> = self.stdout.lines().collect();
        let tail = lines[lines.len().saturating_sub(3)..].join("\n");
        format!("stderr: (empty); stdout ends:\n{tail}")
    }
}

fn run_sh(
    line: &str,
    dir: &Path,
    path: &std::ffi::OsStr,
    env: &BTreeMap<String, String>,
) -> Outcome {
    let out = Command::new("sh")
        .arg("-c")
        .arg(line)
        .current_dir(dir)
        .env("PATH", path)
        .env("RAPPORT_TODAY", TODAY)
        .env_remove("RAPPORT_BOOK")
        .env_remove("RAPPORT_MANAGER")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_COUNT", "1")
        .env("GIT_CONFIG_KEY_0", "user.email")
        .env("GIT_CONFIG_VALUE_0", "")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .envs(env)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("sh cannot be started: {e}"));
    Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Without the PDF feature a `--format pdf` command exits 2 with this message (the
/// example book speaks Russian).
const NO_PDF: &str = "эта сборка rapport — без поддержки PDF";

#[test]
fn every_sh_command_in_the_docs_runs_as_written() {
    let path = path_with_binary();
    let mut failures = Vec::new();
    let mut ran: BTreeMap<String, usize> = BTreeMap::new();
    for doc in documents() {
        let temp = tempfile::tempdir().expect("a temporary folder");
        let book = temp.path().join("book");
        let init = common::command(temp.path())
            .args(["init", "--example"])
            .arg(&book)
            .output()
            .expect("rapport init runs");
        assert!(
            init.status.success(),
            "rapport init --example failed: {init:?}"
        );
        for block in document_blocks(&doc) {
            if matches!(
                block.info.split_whitespace().next(),
                Some("bash" | "shell" | "console" | "zsh" | "shell-session")
            ) {
                failures.push(format!(
                    "{doc}: a ```{} block: write shell commands in ```sh blocks, which this test runs",
                    block.info
                ));
            }
            let mut dir = book.clone();
            let mut env = BTreeMap::new();
            for line in &block.lines {
                let at = format!("{doc}:{}: `{}`", line.number, line.command);
                match &line.action {
                    Action::Illustrative(_) => {}
                    Action::Bad(why) => failures.push(format!("{at}: {why}")),
                    Action::Cd(to) => {
                        if let Some(word) = outside_path(to) {
                            failures.push(format!("{at}: `{word}` leaves the example book"));
                            break;
                        }
                        dir = dir.join(to);
                        if !dir.is_dir() {
                            failures.push(format!("{at}: no folder {}", dir.display()));
                            break;
                        }
                    }
                    Action::Export(name, value) => {
                        env.insert(name.clone(), value.clone());
                    }
                    Action::Run(expected) => {
                        let (text, cwd) = match cargo_run(&line.command) {
                            Some(rapport) => (rapport, root()),
                            None if line.command.starts_with("cargo ") => {
                                failures.push(format!(
                                    "{at}: this test runs no cargo: write `cargo run … -- ARGS`, \
                                     or mark the line `illustrative: WHY`"
                                ));
                                continue;
                            }
                            None => (line.text.clone(), dir.clone()),
                        };
                        if let Some(word) = outside_path(&line.command) {
                            failures.push(format!(
                                "{at}: `{word}` is outside the example book, where this test \
                                 runs nothing: write into the working folder, or mark the line \
                                 `illustrative: WHY`"
                            ));
                            continue;
                        }
                        let pdf_left_out =
                            !cfg!(feature = "pdf") && line.command.contains("--format pdf");
                        let expected = if pdf_left_out { 2 } else { *expected };
                        let outcome = run_sh(&text, &cwd, &path, &env);
                        *ran.entry(doc.clone()).or_default() += 1;
                        if outcome.code != expected {
                            failures.push(format!(
                                "{at}: expected exit code {expected}, got {}; {}",
                                outcome.code,
                                outcome.output()
                            ));
                        } else if pdf_left_out && !outcome.stderr.contains(NO_PDF) {
                            failures.push(format!(
                                "{at}: built without PDF, expected «{NO_PDF}»; stderr:\n{}",
                                outcome.stderr
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} documented command(s) do not run as written:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    // The reader found the tour and the CI recipes: the test cannot pass on nothing.
    assert!(
        ran.get("README.md").copied().unwrap_or(0) >= 30,
        "too few README commands ran: {ran:?}"
    );
    assert!(
        ran.get("docs/ci.md").copied().unwrap_or(0) >= 4,
        "too few docs/ci.md commands ran: {ran:?}"
    );
}

#[test]
fn illustrative_lines_are_the_pinned_few_and_each_says_why() {
    let mut found = Vec::new();
    for doc in documents() {
        for block in document_blocks(&doc) {
            for line in block.lines {
                if let Action::Illustrative(reason) = &line.action {
                    assert!(
                        reason.split_whitespace().count() >= 2,
                        "{doc}:{}: `{}`: the reason «{reason}» is too short to say why",
                        line.number,
                        line.command
                    );
                    found.push((doc.clone(), line.command.clone()));
                }
            }
        }
    }
    let mut pinned: Vec<(String, String)> = ILLUSTRATIVE
        .iter()
        .map(|(doc, command)| ((*doc).to_owned(), (*command).to_owned()))
        .collect();
    pinned.sort();
    found.sort();
    assert_eq!(
        found, pinned,
        "the lines marked `illustrative:` in the docs (left) are not the ones pinned in \
         ILLUSTRATIVE (right): rewrite a new one so that it runs, or pin it with its reason"
    );
}

#[test]
fn the_reader_takes_exit_codes_markings_and_shell_state_from_the_markdown() {
    let markdown = "\
Text with `rapport audit` inline is not a command.

```sh
rapport audit                     # exits 1: the example book
rapport audit --fail-on never     # reads the book; its exit code is 0
cd demo
export RAPPORT_TODAY=2026-11-27
echo '# not a comment' \"a # b\" # exits 3
rapport x && \\
  rapport y                       # exits 2
cargo test                        # run them (illustrative: this suite)
rapport z                         # exits 1, and exits 2
rapport w                         # illustrative:
```

```yaml
rapport: not a command  # exits 5
```

~~~sh
# illustrative: needs the network
curl https://example.org
wget https://example.org          # exits 4
~~~
";
    let blocks = blocks(markdown);
    assert_eq!(
        blocks.iter().map(|b| b.info.as_str()).collect::<Vec<_>>(),
        ["sh", "yaml", "sh"]
    );
    let got: Vec<(usize, &str, &Action)> = blocks
        .iter()
        .flat_map(|b| &b.lines)
        .map(|l| (l.number, l.command.as_str(), &l.action))
        .collect();
    let illustrative = |why: &str| Action::Illustrative(why.to_owned());
    assert_eq!(
        got,
        [
            (4, "rapport audit", &Action::Run(1)),
            (5, "rapport audit --fail-on never", &Action::Run(0)),
            (6, "cd demo", &Action::Cd("demo".to_owned())),
            (
                7,
                "export RAPPORT_TODAY=2026-11-27",
                &Action::Export("RAPPORT_TODAY".to_owned(), "2026-11-27".to_owned())
            ),
            (8, "echo '# not a comment' \"a # b\"", &Action::Run(3)),
            (9, "rapport x && \\\n  rapport y", &Action::Run(2)),
            (11, "cargo test", &illustrative("this suite")),
            (
                12,
                "rapport z",
                &Action::Bad("the comment gives several exit codes: [1, 2]".to_owned())
            ),
            (
                13,
                "rapport w",
                &Action::Bad("`illustrative:` must say why".to_owned())
            ),
            (
                22,
                "curl https://example.org",
                &illustrative("needs the network")
            ),
            (
                23,
                "wget https://example.org",
                &illustrative("needs the network")
            ),
        ]
    );
    assert_eq!(
        cargo_run("cargo run --release --no-default-features -- audit --book examples/agency"),
        Some("rapport audit --book examples/agency".to_owned())
    );
    assert_eq!(cargo_run("cargo test"), None);
    assert_eq!(
        outside_path("rapport completions bash > /etc/bash_completion.d/rapport"),
        Some("/etc/bash_completion.d/rapport")
    );
    assert_eq!(outside_path("rapport x 2>~/log"), Some("2>~/log"));
    assert_eq!(
        outside_path("rapport x --out '../a.pdf'"),
        Some("'../a.pdf'")
    );
    assert_eq!(
        outside_path("rapport audit --format sarif > a.sarif || [ $? -eq 1 ]"),
        None
    );
    assert_eq!(outside_path("rapport audit clients/a/b.yaml"), None);
}
