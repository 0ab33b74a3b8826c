//! The YAML layer: text in, typed values and source positions out.
//!
//! Everything else in rapport sees YAML only through this module, so that the parser
//! can be swapped without touching the model. It owns the limits that keep hostile
//! files bounded (nesting depth, node count, alias expansion), YAML 1.2 scalar rules
//! (`no` is a string, only `true`/`false` are booleans), unknown-key detection with
//! suggestions, and the mapping from a path of keys back to a line and column.

mod de;
mod path;
mod tree;

pub use de::{
    DATE, DeErrorKind, Found, Hint, Problem, Refusal, Want, impossible_date, read_tree, refuse,
    suggest,
};
pub use path::{PathSeg, YamlPath};
pub use tree::{NodeId, NodeKind, Tree};

/// A position in a source file: line and column, both counted from 1, the column in
/// characters.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// A range of source text.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

/// Bounds on what one file may cost to read.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Nesting of collections.
    pub max_depth: usize,
    /// Nodes in the tree as written.
    pub max_nodes: usize,
    /// Nodes visited while reading typed values, aliases expanded.
    pub max_visits: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 64,
            max_nodes: 1_000_000,
            max_visits: 1_000_000,
        }
    }
}

/// The text is not well-formed YAML (or breaks a limit while being read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub kind: Syntax,
}

impl SyntaxError {
    /// What is wrong, in English.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

/// What makes a text not YAML a book file may hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    /// The parser's own words (saphyr's, English).
    Parser(String),
    /// Collections nested deeper than the limit.
    TooDeep {
        max: usize,
    },
    /// A tag, as written (`!!int`).
    Tag(String),
    SecondDocument,
    UnknownAnchor,
    AfterEnd,
    TooManyNodes {
        max: usize,
    },
    SecondRoot,
}

impl std::fmt::Display for Syntax {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Syntax::Parser(said) => f.write_str(said),
            Syntax::TooDeep { max } => {
                write!(f, "nesting too deep (a book file may nest {max} levels)")
            }
            Syntax::Tag(tag) => write!(f, "YAML tag `{tag}` is not supported in a book file"),
            Syntax::SecondDocument => {
                f.write_str("a second YAML document: a book file holds exactly one")
            }
            Syntax::UnknownAnchor => f.write_str("alias to an unknown anchor"),
            Syntax::AfterEnd => f.write_str("content after the end of the document"),
            Syntax::TooManyNodes { max } => write!(f, "more than {max} YAML nodes in one file"),
            Syntax::SecondRoot => f.write_str("more than one root node"),
        }
    }
}

/// Parses `source` as one YAML document.
pub fn parse<'a>(source: &'a str, limits: &Limits) -> Result<Tree<'a>, SyntaxError> {
    tree::build(source, limits)
}

/// Line `n` (1-based) of `source` as YAML counts lines — a line ends at `\r\n`, `\n`
/// or a lone `\r`, as the parser's positions do — without its line break.
pub fn line(source: &str, n: u32) -> Option<&str> {
    if n == 0 {
        return None;
    }
    let mut rest = source;
    for _ in 1..n {
        let end = rest.find(['\r', '\n'])?;
        let skip = if rest[end..].starts_with("\r\n") {
            2
        } else {
            1
        };
        rest = &rest[end + skip..];
    }
    let end = rest.find(['\r', '\n']).unwrap_or(rest.len());
    Some(&rest[..end])
}

#[cfg(test)]
mod tests;
