//! What the book's git history says moved: the deadlines of projects and the due
//! dates of their tasks, and the numbers and dates of invoices edited after they
//! were sent. R08 and D05 read it ([`crate::audit::Cx::history`]) to find a move
//! that no `deadline_changes` entry records and a sent invoice edited quietly.
//!
//! The walk follows first parents back from a revision (HEAD for the audit, REV for
//! the book at `--since REV`), at most a bounded number of commits (`--history-commits`,
//! default [`DEFAULT_MAX_COMMITS`]), and compares each commit with its first parent:
//! `git diff-tree --stdin` lists the changed files of every commit in one process,
//! `git cat-file --batch` gives the two versions of each changed project and invoice
//! file, and the loader's parser reads them. A commit never changes, so what it moved
//! is cached by its ID (`.rapport/cache/history.bin`, [`store`]): a warm run asks git
//! only for the list of commits. A root commit (the first, or the boundary of a
//! shallow clone) moved nothing: it has no version before it.
//!
//! git runs as [`crate::git`] runs it (a fixed argument list, no shell, hooks,
//! file-system monitor and transports off); the revision is refused when it starts
//! with `-`. Whatever git cannot answer skips the checks with a note, never the audit.

mod compare;
mod store;
mod walk;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use walk::read;

/// How many commits the walk reads back from its revision, unless told otherwise.
pub const DEFAULT_MAX_COMMITS: u32 = 1000;
/// The most `--history-commits` may ask for.
pub const MAX_COMMITS: usize = 100_000;

/// What one commit changed in one file that the checks read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// A project's `deadline` (no task) or a task's `due` moved from one day to another.
    Deadline {
        task: Option<String>,
        #[serde(with = "days")]
        from: NaiveDate,
        #[serde(with = "days")]
        to: NaiveDate,
    },
    /// A sent invoice's `number` changed.
    InvoiceNumber {
        from: String,
        to: String,
        #[serde(with = "days")]
        sent: NaiveDate,
    },
    /// A sent invoice's `date` changed.
    InvoiceDate {
        #[serde(with = "days")]
        from: NaiveDate,
        #[serde(with = "days")]
        to: NaiveDate,
        #[serde(with = "days")]
        sent: NaiveDate,
    },
}

/// A change with the commit that made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Move {
    /// The commit's full ID.
    pub commit: String,
    /// The commit's author date, in the author's time zone: when the change was made
    /// (kept through a rebase, unlike the committer date).
    #[serde(with = "days")]
    pub date: NaiveDate,
    /// The file, relative to the book's root.
    pub file: String,
    pub change: Change,
}

impl Move {
    /// The commit's short ID, as findings name it: its first 7 hexadecimal digits.
    pub fn short(&self) -> &str {
        self.commit.get(..7).unwrap_or(&self.commit)
    }
}

/// The changes of the walked commits, by file, oldest first.
#[derive(Debug, Default)]
pub struct History {
    by_file: HashMap<String, Vec<Move>>,
}

impl History {
    /// Builds the history from each commit's moves, newest commit first (as git lists
    /// them).
    fn of(newest_first: Vec<Vec<Move>>) -> History {
        let mut by_file: HashMap<String, Vec<Move>> = HashMap::new();
        for moves in newest_first.into_iter().rev() {
            for m in moves {
                by_file.entry(m.file.clone()).or_default().push(m);
            }
        }
        History { by_file }
    }

    /// What moved in `file` (book-relative), oldest first.
    pub fn of_file(&self, file: &str) -> &[Move] {
        self.by_file.get(file).map_or(&[], Vec::as_slice)
    }
}

/// What reading the history gave.
#[derive(Debug)]
pub enum Reading {
    Read(History),
    /// The checks cannot run; why, for the note.
    Skipped(Skip),
}

/// Why the history checks were skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// The book is not in a git repository.
    NotARepository,
    /// git could not be run (not installed): the system's words.
    NoGit(String),
    /// The repository has no commits yet.
    NoCommits,
    /// git could not read the repository: its words.
    Failed(String),
}

/// Where the book's own history cache lives, inside `.rapport/cache/`.
const CACHE_FILE: &str = "history.bin";

/// Is `rel` (book-relative, `/`-separated) a file the checks read, and of which kind?
fn kind_of(rel: &str) -> Option<compare::FileKind> {
    let parts: Vec<&str> = rel.split('/').collect();
    let [clients, client, folder, name] = parts[..] else {
        return None;
    };
    if clients != "clients"
        || client.starts_with('.')
        || name.starts_with('.')
        || !(name.ends_with(".yaml") || name.ends_with(".yml"))
    {
        return None;
    }
    match folder {
        "projects" => Some(compare::FileKind::Project),
        "invoices" => Some(compare::FileKind::Invoice),
        _ => None,
    }
}

/// Dates stored as days since the common era: small, and nothing to parse back.
mod days {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(date.num_days_from_ce())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let days = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(days)
            .ok_or_else(|| serde::de::Error::custom("not a day"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_project_and_invoice_files_are_read() {
        assert_eq!(
            kind_of("clients/acme/projects/site.yaml"),
            Some(compare::FileKind::Project)
        );
        assert_eq!(
            kind_of("clients/acme/invoices/2026-0001.yml"),
            Some(compare::FileKind::Invoice)
        );
        for other in [
            "clients/acme/client.yaml",
            "clients/acme/projects/notes.md",
            "clients/acme/projects/.hidden.yaml",
            "clients/.x/projects/a.yaml",
            "clients/acme/projects/sub/a.yaml",
            "rapport.yaml",
        ] {
            assert_eq!(kind_of(other), None, "{other}");
        }
    }

    #[test]
    fn moves_are_grouped_by_file_oldest_first() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).expect("a day");
        let mv = |commit: &str, d: u32| Move {
            commit: commit.to_owned(),
            date: day(d),
            file: "clients/a/projects/p.yaml".to_owned(),
            change: Change::Deadline {
                task: None,
                from: day(20),
                to: day(25),
            },
        };
        let h = History::of(vec![
            vec![mv("bbbbbbbbbb", 2)],
            vec![],
            vec![mv("aaaaaaaaaa", 1)],
        ]);
        let commits: Vec<&str> = h
            .of_file("clients/a/projects/p.yaml")
            .iter()
            .map(Move::short)
            .collect();
        assert_eq!(commits, ["aaaaaaa", "bbbbbbb"]);
        assert!(h.of_file("clients/a/projects/q.yaml").is_empty());
    }
}
