//! Findings turned into text for people and programs. Each format is a sibling
//! module; they share only [`Resolved`], a finding with its line and column worked out.

pub mod csv;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::borrow::Cow;

use rayon::prelude::*;

use crate::book::Book;
use crate::cache::located::{FileSpans, Located};
use crate::finding::{Code, Finding, Location, Said, Severity};
use crate::i18n::Lang;
use crate::yaml::{self, Limits, Pos, Span};

/// A finding with its position in the file resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub code: Code,
    pub severity: Severity,
    pub file: String,
    pub start: Pos,
    pub end: Pos,
    pub message: String,
    pub help: Option<String>,
    /// The catalog messages of `message` and `help`, for other languages.
    pub said: Option<Box<Said>>,
}

impl Resolved {
    /// The message and help in `lang`.
    pub fn in_lang(&self, lang: Lang) -> (Cow<'_, str>, Option<Cow<'_, str>>) {
        crate::finding::in_lang(
            lang,
            self.said.as_deref(),
            &self.message,
            self.help.as_deref(),
        )
    }
}

/// Resolves every finding's location against its file's text, and sorts them by
/// file, line, column and code (see [`positions`]).
pub fn resolve(book: &Book, findings: Vec<Finding>) -> Vec<Resolved> {
    let spans = positions(
        book,
        findings.iter().map(|f| (f.file.as_str(), &f.location)),
    );
    let mut out: Vec<Resolved> = findings
        .into_iter()
        .zip(spans)
        .map(|(f, (start, end))| Resolved {
            code: f.code,
            severity: f.severity,
            file: f.file,
            start,
            end,
            message: f.message,
            help: f.help,
            said: f.said,
        })
        .collect();
    out.sort_by(|a, b| {
        (&a.file, a.start, a.code, &a.message).cmp(&(&b.file, b.start, b.code, &b.message))
    });
    out.dedup();
    out
}

/// The start and end of each `(file, location)`, in the order given. A file is read
/// and parsed again only for locations the located-findings cache does not hold for
/// its current bytes (when the book was loaded through the cache), and at most once;
/// the cache is then written again only if this run worked out a position it did
/// not hold. Files are independent: worked out in parallel.
pub fn positions<'a>(
    book: &Book,
    wanted: impl IntoIterator<Item = (&'a str, &'a Location)>,
) -> Vec<(Pos, Pos)> {
    let wanted: Vec<(&str, &Location)> = wanted.into_iter().collect();
    // Grouped by file, in the order they came within a file (the sort is stable).
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|&a, &b| wanted[a].0.cmp(wanted[b].0));
    let mut by_file: Vec<&[usize]> = Vec::new();
    let mut rest = order.as_slice();
    while let Some(&first) = rest.first() {
        let n = rest.partition_point(|&i| wanted[i].0 == wanted[first].0);
        let (group, after) = rest.split_at(n);
        by_file.push(group);
        rest = after;
    }
    let stored = book.cached.then(|| Located::read(book.root()));
    // Each file's positions, with the positions to remember for it.
    type FileSpansFound = (Vec<(Pos, Pos)>, Option<(String, FileSpans)>);
    let per_file: Vec<FileSpansFound> = by_file
        .par_iter()
        .map(|group| {
            let file = wanted[group[0]].0;
            let hash = book.source_file(file).and_then(|s| s.hash);
            let known = stored.as_ref().zip(hash).and_then(|(s, h)| s.file(file, h));
            let mut spans = hash.map(FileSpans::new);
            let locations = group.iter().map(|&i| wanted[i].1);
            let (found, fresh) = file_positions(book, file, locations, known, spans.as_mut());
            // Remembered only where this run worked out a position the cache did not hold.
            (found, spans.filter(|_| fresh).map(|s| (file.to_owned(), s)))
        })
        .collect();
    let mut out = vec![(Pos { line: 1, col: 1 }, Pos { line: 1, col: 1 }); wanted.len()];
    let mut learnt = Vec::new();
    for (group, (found, spans)) in by_file.iter().zip(per_file) {
        for (&i, pos) in group.iter().zip(found) {
            out[i] = pos;
        }
        learnt.extend(spans);
    }
    if let Some(stored) = stored
        && !learnt.is_empty()
    {
        stored.update(book.root(), learnt, |file| {
            book.source_file(file).and_then(|s| s.hash)
        });
    }
    out
}

/// The positions of `locations` in one file: from `known` positions where it has
/// them, else from the file's text (parsed only when a location names a path). Every
/// position is recorded in `spans`; the flag says whether any was not `known`.
fn file_positions<'l>(
    book: &Book,
    file: &str,
    locations: impl Iterator<Item = &'l Location>,
    known: Option<&FileSpans>,
    mut spans: Option<&mut FileSpans>,
) -> (Vec<(Pos, Pos)>, bool) {
    let mut text: Option<&str> = None;
    let mut tree: Option<Option<yaml::Tree<'_>>> = None;
    let mut fresh = false;
    let found = locations
        .map(|location| {
            let (start, end) = match known.and_then(|k| k.get(location)) {
                Some(found) => found,
                None => {
                    fresh = true;
                    let text = *text.get_or_insert_with(|| book.source(file).unwrap_or(""));
                    // Parsed once, for the first location that names a path.
                    let tree = match location {
                        Location::Path { .. } => tree
                            .get_or_insert_with(|| yaml::parse(text, &Limits::default()).ok())
                            .as_ref(),
                        _ => None,
                    };
                    locate(text, location, tree)
                }
            };
            if let Some(spans) = spans.as_deref_mut() {
                spans.insert(location, start, end);
            }
            (start, end)
        })
        .collect();
    (found, fresh)
}

/// The start and end of `location` in `text` (whose tree is `tree`, where parsed).
fn locate(text: &str, location: &Location, tree: Option<&yaml::Tree<'_>>) -> (Pos, Pos) {
    let span = match (location, tree) {
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
    (start, span.end.max(start))
}

/// Counts per severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings that waivers silenced (not among the findings; `--no-waivers` shows
    /// them).
    pub waived: usize,
    /// With `--since`: the findings new since the revision (those reported) and the
    /// unchanged ones (not reported).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<SinceCounts>,
}

/// How the findings compare with those at `--since`'s revision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct SinceCounts {
    /// Findings not in the book at the revision: the ones reported.
    pub new: usize,
    /// Findings the book had at the revision too: not reported.
    pub unchanged: usize,
}

impl Summary {
    pub fn of(files: usize, findings: &[Resolved], waived: usize) -> Self {
        let count = |s| findings.iter().filter(|f| f.severity == s).count();
        Summary {
            files,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            waived,
            since: None,
        }
    }
}

/// Ends a one-line span where its value ends: the parser's spans of quoted scalars
/// and flow collections run on over trailing blanks and a comment.
fn tighten(text: &str, span: Span) -> Span {
    if span.end.line != span.start.line {
        return span;
    }
    let Some(line) = yaml::line(text, span.start.line) else {
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

/// `text` with each control character but those in `kept` replaced by one printable
/// character (a tab by a space, any other by `�`): what a book's file holds is shown,
/// never run as a terminal escape.
pub(crate) fn printable<'t>(text: &'t str, kept: &[char]) -> Cow<'t, str> {
    let shown = |c: char| match c {
        c if kept.contains(&c) => c,
        '\t' => ' ',
        c if c.is_control() => '\u{FFFD}',
        c => c,
    };
    if text.chars().all(|c| shown(c) == c) {
        return text.into();
    }
    text.chars().map(shown).collect::<String>().into()
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
