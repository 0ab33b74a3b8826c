//! git, run as a tool on data: the one place that starts it, for `audit --since`
//! ([`crate::revision`]) and the history checks ([`crate::history`]).
//!
//! The book is untrusted (it arrives in pull requests), so git gets a fixed argument
//! list without a shell, plumbing commands only, with the system configuration,
//! hooks, the file-system monitor, every transport (a partial clone's lazy fetch),
//! replace objects and prompts turned off. Callers refuse revisions that start with
//! `-`, so that git never reads one as an option.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// Why git gave no answer.
#[derive(Debug)]
pub enum Failed {
    /// git could not be started (not installed): the system's error.
    NotRun(std::io::Error),
    /// git ran and refused: its standard error.
    Said(String),
}

/// `git` with the fixed options that keep it from running anything or reaching out.
pub fn command(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir)
        .args([
            "-c",
            "core.fsmonitor=",
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "protocol.allow=never",
        ])
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_NO_REPLACE_OBJECTS", "1")
        .env("GIT_NO_LAZY_FETCH", "1")
        // The book's folder names the repository, even in a git hook, where git sets
        // these relative to the repository's top.
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_PREFIX")
        .env_remove("GIT_OBJECT_DIRECTORY")
        .env_remove("GIT_ALTERNATE_OBJECT_DIRECTORIES")
        .stdin(Stdio::null());
    cmd
}

/// Runs `git ARGS` in `dir`: its standard output, or why not.
pub fn run(dir: &Path, args: &[&str]) -> Result<Vec<u8>, Failed> {
    run_with_input(dir, args, None)
}

/// [`run`], writing `input` to git's standard input (from another thread: git
/// answers while it reads, and would stop on a full pipe that nobody empties).
pub fn run_with_input(
    dir: &Path,
    args: &[&str],
    input: Option<Vec<u8>>,
) -> Result<Vec<u8>, Failed> {
    let mut cmd = command(dir);
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    if input.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let mut child = cmd.spawn().map_err(Failed::NotRun)?;
    let writer = match (input, child.stdin.take()) {
        (Some(bytes), Some(mut stdin)) => Some(std::thread::spawn(move || {
            let _ = stdin.write_all(&bytes);
        })),
        _ => None,
    };
    let out = child
        .wait_with_output()
        .map_err(|e| Failed::Said(e.to_string()))?;
    if let Some(w) = writer {
        let _ = w.join();
    }
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(Failed::Said(
            String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        ))
    }
}

/// The blobs `oids` (hexadecimal object IDs), by ID, from one `git cat-file
/// --batch`; refuses more than `budget` bytes in all. An error is said in words for
/// the caller to put in context.
pub fn cat_blobs(
    dir: &Path,
    oids: &[&str],
    budget: u64,
) -> Result<HashMap<String, Vec<u8>>, Failed> {
    let mut child = command(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(Failed::NotRun)?;
    let mut wanted: Vec<&str> = oids.to_vec();
    wanted.sort_unstable();
    wanted.dedup();
    let request: String = wanted.iter().map(|oid| format!("{oid}\n")).collect();
    let Some(mut stdin) = child.stdin.take() else {
        return Err(Failed::Said("cannot write to git".to_owned()));
    };
    let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
    let Some(stdout) = child.stdout.take() else {
        return Err(Failed::Said("cannot read from git".to_owned()));
    };
    let said = |s: String| Failed::Said(s);
    let mut reader = BufReader::new(stdout);
    let mut blobs = HashMap::with_capacity(wanted.len());
    let mut budget = budget;
    let result = (|| {
        for _ in 0..wanted.len() {
            let mut header = String::new();
            reader
                .read_line(&mut header)
                .map_err(|_| said("cannot read from git".to_owned()))?;
            let fields: Vec<&str> = header.split_whitespace().collect();
            let [oid, "blob", size] = fields[..] else {
                return Err(said(format!(
                    "git could not give the object {}",
                    header.trim()
                )));
            };
            let size: u64 = size
                .parse()
                .map_err(|_| said(format!("git gave {header:?}")))?;
            budget = budget
                .checked_sub(size)
                .ok_or_else(|| said(format!("the files to read are larger than {budget} bytes")))?;
            let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
            (&mut reader)
                .take(size + 1)
                .read_to_end(&mut bytes)
                .map_err(|_| said("cannot read from git".to_owned()))?;
            if bytes.pop() != Some(b'\n') || bytes.len() as u64 != size {
                return Err(said(format!("git's answer for {oid} was cut short")));
            }
            blobs.insert(oid.to_owned(), bytes);
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = child.kill();
    }
    drop(reader);
    let _ = writer.join();
    let _ = child.wait();
    result.map(|()| blobs)
}
