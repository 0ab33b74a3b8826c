//! Findings turned into text for people and programs. Each format is a sibling
//! module; they share only [`Resolved`], a finding with its line and column worked out.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::collections::BTreeMap;

use crate::book::Book;
use crate::finding::{Finding, Location, Severity};
use crate::yaml::{self, Limits, Pos, Span};

/// A finding with its position in the file resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub code: &'static str,
    pub severity: Severity,
    pub file: String,
    pub start: Pos,
    pub end: Pos,
    pub message: String,
    pub help: Option<String>,
}

/// Resolves every finding's location against its file's text, parsing each file with
/// findings once, and sorts them by file, line, column and code.
pub fn resolve(book: &Book, findings: &[Finding]) -> Vec<Resolved> {
    let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        by_file.entry(f.file.as_str()).or_default().push(f);
    }
    let limits = Limits::default();
    let mut out = Vec::with_capacity(findings.len());
    for (file, list) in by_file {
        let text = book.source(file).unwrap_or("");
        let needs_tree = list
            .iter()
            .any(|f| matches!(f.location, Location::Path { .. }));
        let tree = if needs_tree {
            yaml::parse(text, &limits).ok()
        } else {
            None
        };
        for f in list {
            let span = match (&f.location, &tree) {
                (Location::Span(span), _) => *span,
                (Location::Path { path, key }, Some(tree)) => path.locate(tree, *key),
                _ => Span {
                    start: Pos { line: 1, col: 1 },
                    end: Pos { line: 1, col: 1 },
                },
            };
            let start = Pos {
                line: span.start.line.max(1),
                col: span.start.col.max(1),
            };
            out.push(Resolved {
                code: f.code,
                severity: f.severity,
                file: f.file.clone(),
                start,
                end: span.end.max(start),
                message: f.message.clone(),
                help: f.help.clone(),
            });
        }
    }
    out.sort_by(|a, b| {
        (&a.file, a.start, a.code, &a.message).cmp(&(&b.file, b.start, b.code, &b.message))
    });
    out.dedup();
    out
}

/// Counts per severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(files: usize, findings: &[Resolved]) -> Self {
        let count = |s| findings.iter().filter(|f| f.severity == s).count();
        Summary {
            files,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        }
    }
}
