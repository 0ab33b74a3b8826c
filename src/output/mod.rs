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
            let span = tighten(
                text,
                Span {
                    start,
                    end: span.end,
                },
            );
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

/// Ends a one-line span where its value ends: the parser's spans of quoted scalars
/// and flow collections run on over trailing blanks and a comment.
fn tighten(text: &str, span: Span) -> Span {
    if span.end.line != span.start.line {
        return span;
    }
    let Some(line) = text.lines().nth(span.start.line as usize - 1) else {
        return span;
    };
    let chars: Vec<char> = line
        .chars()
        .skip(span.start.col as usize - 1)
        .take(span.end.col.saturating_sub(span.start.col) as usize)
        .collect();
    let len = value_len(&chars);
    Span {
        start: span.start,
        end: Pos {
            line: span.start.line,
            col: span.start.col + u32::try_from(len).unwrap_or(0),
        },
    }
}

/// The length of the YAML value at the start of `chars`: a quoted string to its
/// closing quote, a flow collection to its closing bracket, a plain scalar up to a
/// comment, without trailing blanks.
pub(crate) fn value_len(chars: &[char]) -> usize {
    match chars.first() {
        Some('\'') => {
            let mut i = 1;
            while i < chars.len() {
                if chars[i] == '\'' {
                    if chars.get(i + 1) == Some(&'\'') {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i += 1;
            }
            chars.len()
        }
        Some('"') => {
            let mut i = 1;
            while i < chars.len() {
                match chars[i] {
                    '\\' => i += 2,
                    '"' => return i + 1,
                    _ => i += 1,
                }
            }
            chars.len()
        }
        Some('[' | '{') => {
            let mut depth = 0usize;
            let mut quote: Option<char> = None;
            for (i, &c) in chars.iter().enumerate() {
                match (quote, c) {
                    (Some(q), c) if c == q => quote = None,
                    (Some(_), _) => {}
                    (None, '\'' | '"') => quote = Some(c),
                    (None, '[' | '{') => depth += 1,
                    (None, ']' | '}') => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
            }
            chars.len()
        }
        _ => {
            let mut end = chars.len();
            if let Some(pos) = chars
                .windows(2)
                .position(|w| w[0].is_whitespace() && w[1] == '#')
            {
                end = pos;
            }
            while end > 0 && chars[end - 1].is_whitespace() {
                end -= 1;
            }
            end.max(1).min(chars.len().max(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::value_len;

    fn len(s: &str) -> usize {
        value_len(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn values_end_before_comments() {
        assert_eq!(len("\"5\"   # five"), 3);
        assert_eq!(len("'it''s' # x"), 7);
        assert_eq!(len("\"a\\\"b\" #"), 6);
        assert_eq!(len("[5, [6]]   # a list"), 8);
        assert_eq!(len("{rule: R23, reason: \"}\"}  # c"), 24);
        assert_eq!(len("plain text  # c"), 10);
        assert_eq!(len("a#b"), 3);
    }
}
