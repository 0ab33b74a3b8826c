//! The walk: the commits back from a revision, what each changed, and what moved.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use super::{History, Move, Reading, Skip, compare, kind_of, store};
use crate::git::{self, Failed};

/// At most this many bytes of file versions are read from git in one walk.
const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// Reads the history of the book at `root` back from `rev`, at most `max_commits`
/// commits, through the cache.
pub fn read(root: &Path, rev: &str, max_commits: usize) -> Reading {
    match walk(root, rev, max_commits.clamp(1, super::MAX_COMMITS)) {
        Ok(history) => Reading::Read(history),
        Err(skip) => Reading::Skipped(skip),
    }
}

fn skip(failed: Failed) -> Skip {
    match failed {
        Failed::NotRun(e) => Skip::NoGit(e.to_string()),
        Failed::Said(said) if said.contains("not a git repository") => Skip::NotARepository,
        Failed::Said(said) => Skip::Failed(first_line(&said)),
    }
}

fn first_line(said: &str) -> String {
    said.lines().next().unwrap_or_default().trim().to_owned()
}

fn walk(root: &Path, rev: &str, max_commits: usize) -> Result<History, Skip> {
    if rev.is_empty() || rev.starts_with('-') || rev.chars().any(char::is_control) {
        return Err(Skip::Failed(format!("{rev:?} is not a revision")));
    }
    let prefix = git::run(root, &["rev-parse", "--show-prefix"]).map_err(skip)?;
    let prefix = String::from_utf8(prefix)
        .map_err(|_| Skip::Failed("the book's folder is not named in UTF-8".to_owned()))?
        .trim_end_matches('\n')
        .to_owned();
    let start = git::run(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    );
    let start = match start {
        Ok(out) => String::from_utf8_lossy(&out).trim().to_owned(),
        Err(Failed::Said(_)) if rev == "HEAD" => return Err(Skip::NoCommits),
        Err(failed) => return Err(skip(failed)),
    };
    let max = max_commits.to_string();
    let listing = git::run(
        root,
        &[
            "rev-list",
            "--first-parent",
            "--parents",
            "--max-count",
            &max,
            &start,
        ],
    )
    .map_err(skip)?;
    // Each line: the commit, then its parents (the first one is followed).
    let commits: Vec<(String, Option<String>)> = String::from_utf8_lossy(&listing)
        .lines()
        .filter_map(|line| {
            let mut ids = line.split_whitespace();
            let id = ids.next()?.to_owned();
            Some((id, ids.next().map(str::to_owned)))
        })
        .filter(|(id, _)| is_oid(id))
        .collect();

    let mut known = store::load(root, &prefix);
    let missing: Vec<&(String, Option<String>)> = commits
        .iter()
        .filter(|(id, _)| !known.contains_key(id))
        .collect();
    if !missing.is_empty() {
        let found = changed_files(root, &prefix, &missing)?;
        let mut moved = moves(root, found)?;
        for (id, _) in &missing {
            known.insert(id.clone(), moved.remove(id).unwrap_or_default());
        }
    }
    let walked: Vec<(String, Vec<Move>)> = commits
        .iter()
        .map(|(id, _)| (id.clone(), known.get(id).cloned().unwrap_or_default()))
        .collect();
    if !missing.is_empty() {
        store::save(root, &prefix, &walked, &known, max_commits * 4);
    }
    Ok(History::of(walked.into_iter().map(|(_, m)| m).collect()))
}

fn is_oid(s: &str) -> bool {
    s.len() >= 40 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// One project or invoice file a commit modified.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Changed {
    commit: String,
    date: NaiveDate,
    /// Book-relative.
    file: String,
    old: String,
    new: String,
}

/// The project and invoice files of the book that `commits` modified, each commit
/// compared with its first parent (a root commit is not compared), from one
/// `git diff-tree --stdin`.
fn changed_files(
    root: &Path,
    prefix: &str,
    commits: &[&(String, Option<String>)],
) -> Result<Vec<Changed>, Skip> {
    let input: String = commits
        .iter()
        .filter_map(|(id, parent)| parent.as_ref().map(|p| format!("{id} {p}\n")))
        .collect();
    if input.is_empty() {
        return Ok(Vec::new());
    }
    let out = git::run_with_input(
        root,
        &[
            "diff-tree",
            "--stdin",
            "-r",
            "-z",
            "--raw",
            "--no-renames",
            "--no-ext-diff",
            "--no-textconv",
            "--diff-filter=M",
            "--format=@%H %as",
        ],
        Some(input.into_bytes()),
    )
    .map_err(skip)?;
    Ok(parse_diff_tree(&out, prefix))
}

/// `git diff-tree -z --raw --format=@%H %as` for several commits: each commit's
/// header (`@ID DATE`, a newline, then its first record), then records of two
/// fields, `:MODE MODE OLD NEW STATUS` and the path, each ended by NUL. Paths outside
/// the book's folder, and files the checks do not read, are left out.
fn parse_diff_tree(out: &[u8], prefix: &str) -> Vec<Changed> {
    let mut found = Vec::new();
    let mut commit: Option<(String, NaiveDate)> = None;
    let mut fields = out.split(|&b| b == 0);
    while let Some(field) = fields.next() {
        let field = String::from_utf8_lossy(field);
        let mut record = field.trim_start_matches('\n');
        if let Some(header) = record.strip_prefix('@') {
            let (head, rest) = header.split_once('\n').unwrap_or((header, ""));
            commit = head.split_once(' ').and_then(|(id, date)| {
                let date = crate::model::time::parse_date(date.trim()).ok()?;
                is_oid(id).then(|| (id.to_owned(), date))
            });
            record = rest;
        }
        let Some(meta) = record.strip_prefix(':') else {
            continue;
        };
        // The path is the next field, whatever it holds.
        let Some(path) = fields.next() else { break };
        let meta: Vec<&str> = meta.split_whitespace().collect();
        let [_, new_mode, old, new, "M"] = meta[..] else {
            continue;
        };
        let Some((id, date)) = &commit else { continue };
        let Ok(path) = std::str::from_utf8(path) else {
            continue;
        };
        let Some(rel) = path.strip_prefix(prefix) else {
            continue;
        };
        if !new_mode.starts_with("100") || kind_of(rel).is_none() || !is_oid(old) || !is_oid(new) {
            continue;
        }
        found.push(Changed {
            commit: id.clone(),
            date: *date,
            file: rel.to_owned(),
            old: old.to_owned(),
            new: new.to_owned(),
        });
    }
    found
}

/// What moved in `found`, by commit, from the two versions of each file.
fn moves(root: &Path, found: Vec<Changed>) -> Result<HashMap<String, Vec<Move>>, Skip> {
    let mut out: HashMap<String, Vec<Move>> = HashMap::new();
    if found.is_empty() {
        return Ok(out);
    }
    let oids: Vec<&str> = found
        .iter()
        .flat_map(|c| [c.old.as_str(), c.new.as_str()])
        .collect();
    let blobs = git::cat_blobs(root, &oids, MAX_BYTES).map_err(skip)?;
    for c in found {
        let (Some(kind), Some(old), Some(new)) = (
            kind_of(&c.file),
            blobs.get(&c.old).and_then(|b| text(b)),
            blobs.get(&c.new).and_then(|b| text(b)),
        ) else {
            continue;
        };
        for change in compare::changes(kind, &c.file, old, new) {
            out.entry(c.commit.clone()).or_default().push(Move {
                commit: c.commit.clone(),
                date: c.date,
                file: c.file.clone(),
                change,
            });
        }
    }
    Ok(out)
}

/// A version's text, if it is one the loader would read: UTF-8, and no larger than
/// the loader's limit for a file.
fn text(bytes: &[u8]) -> Option<&str> {
    if bytes.len() as u64 > crate::book::MAX_FILE_BYTES {
        return None;
    }
    std::str::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "e700178804f9ae9b6f15f0a94184389d8db6082c";
    const B: &str = "78981922613b2afb6025042ff6bd878ac1994e85";
    const C: &str = "61780798228d17af2d34fce4cfbdf35556832472";

    #[test]
    fn diff_tree_output_is_read_by_commit() {
        let out = format!(
            "@{A} 2026-11-02\n:100644 100644 {B} {C} M\0book/clients/a/projects/p.yaml\0\
             :100644 100644 {B} {C} M\0book/clients/a/notes.yaml\0\
             :100644 100644 {B} {C} M\0other/clients/a/projects/p.yaml\0\
             \n@{C} 2026-11-03\n:100644 100644 {B} {C} M\0book/clients/a/invoices/@x.yaml\0"
        );
        let found = parse_diff_tree(out.as_bytes(), "book/");
        let got: Vec<(&str, String, &str)> = found
            .iter()
            .map(|c| (c.commit.as_str(), c.date.to_string(), c.file.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (A, "2026-11-02".to_owned(), "clients/a/projects/p.yaml"),
                (C, "2026-11-03".to_owned(), "clients/a/invoices/@x.yaml"),
            ]
        );
    }
}
