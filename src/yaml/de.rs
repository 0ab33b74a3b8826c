//! A serde `Deserializer` over a [`Tree`]: typed values with positions in errors.
//!
//! Unlike a plain YAML deserializer it knows the fields of every struct it fills, so it
//! reports every unknown key of a file at once (with the nearest known key as a
//! suggestion) instead of stopping at the first, and passes over the user's own `x-`
//! keys. Scalars follow YAML 1.2: only `true`/`false` are booleans, and any scalar is
//! accepted as text where text is expected, so `no` stays the string `no`.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};

use super::tree::{NodeId, NodeKind, Tree};
use super::{Limits, Span};

/// The name under which a date, date-time, time of day or birthday asks for its text:
/// `deserializer.deserialize_newtype_struct(DATE, visitor)`, so that it can report a
/// well-formed date that cannot be (2026-02-30, E07) apart from a text that is no
/// date at all (E02).
///
/// Serde gives a `Deserialize` impl two ways to tell its deserializer anything: the
/// names it passes (of a struct, its fields, an enum's variants) and the error
/// constructors of `de::Error`, whose `custom` takes only a message. So the date types
/// name themselves, the way serde_json's `RawValue` and toml's datetime do, and this
/// deserializer, seeing the name, hands their visitor the text with an error type of
/// its own choosing, `DateError`, in which `custom` ([`impossible_date`]) is the
/// impossible date and every other constructor means what it means anywhere (a text
/// that is no date is `invalid_value`: E02). No message is parsed for its meaning,
/// and any other deserializer reads the dates as the newtype of a string they are.
pub const DATE: &str = "$rapport::yaml::Date";

/// Tells, from the visitor of a type read under [`DATE`], that its text is a
/// well-formed date that cannot be; `message` is what the user reads.
pub fn impossible_date<E: de::Error>(message: impl fmt::Display) -> E {
    E::custom(message)
}

/// What went wrong while reading typed values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeErrorKind {
    /// A wrong type or a missing required key (E02).
    Type,
    /// A date that cannot exist, like 2026-02-30 (E07).
    ImpossibleDate,
    /// Not YAML we accept: duplicate keys, non-text keys, a broken limit (E01).
    Syntax,
}

/// A value a type of the book refuses, with its facts: the name the loader words it
/// by, the facts as text, and the type's own English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub what: &'static str,
    pub facts: Vec<(&'static str, String)>,
    pub english: String,
}

thread_local! {
    /// The refusal [`refuse`] hands to [`DeError`]'s `custom` beside its message: serde
    /// lets a type tell its deserializer nothing but a message.
    static REFUSED: RefCell<Option<Refusal>> = const { RefCell::new(None) };
}

/// The error by which a type's visitor refuses a value with its facts: in this
/// module's reads, the facts reach the error ([`Problem::Refused`]); any other
/// deserializer gets the English as a plain message.
pub fn refuse<E: de::Error>(refusal: Refusal) -> E {
    let english = refusal.english.clone();
    REFUSED.with(|r| *r.borrow_mut() = Some(refusal));
    let e = E::custom(english);
    // Another deserializer did not take it.
    REFUSED.with(|r| r.borrow_mut().take());
    e
}

/// What a value read was expected to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Want {
    /// `a boolean`, where a quoted `"true"` stands.
    Boolean,
    /// `a boolean (`true` or `false`)`.
    TrueOrFalse,
    Text,
    /// An empty value.
    Nothing,
    List,
    Mapping,
    /// Any value (the value of an enum's variant written as a mapping).
    Value,
    /// One of an enumeration's names.
    Listed,
    /// A value without one of its own (a unit variant).
    Plain,
    /// A whole number, from `from` up to `to` where they are given.
    Whole {
        from: Option<i64>,
        to: Option<i64>,
    },
    Number,
    /// What the type's own visitor says it expects, in its words (`a date as
    /// YYYY-MM-DD`).
    Said(String),
}

impl fmt::Display for Want {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Want::Boolean => f.write_str("a boolean"),
            Want::TrueOrFalse => f.write_str("a boolean (`true` or `false`)"),
            Want::Text => f.write_str("text"),
            Want::Nothing => f.write_str("nothing"),
            Want::List => f.write_str("a list"),
            Want::Mapping => f.write_str("a mapping"),
            Want::Value => f.write_str("a value"),
            Want::Listed => f.write_str("one of the listed values"),
            Want::Plain => f.write_str("a plain value"),
            Want::Whole { from: None, .. } => f.write_str("a whole number"),
            Want::Whole {
                from: Some(from),
                to: None,
            } => write!(f, "a whole number from {from} up"),
            Want::Whole {
                from: Some(from),
                to: Some(to),
            } => write!(f, "a whole number from {from} to {to}"),
            Want::Number => f.write_str("a number"),
            Want::Said(said) => f.write_str(said),
        }
    }
}

/// What stood where a value was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A text, quoted as written.
    Text(String),
    /// An empty value.
    Null,
    List,
    Mapping,
    Bool(bool),
    /// A number, as written or as read.
    Number(String),
    /// `"true"` or `"false"` in quotes.
    QuotedBool(String),
    /// Anything else, in serde's words.
    Other(String),
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Text(s) => write!(f, "`{s}`"),
            Found::Null => f.write_str("nothing (null)"),
            Found::List => f.write_str("a list"),
            Found::Mapping => f.write_str("a mapping"),
            Found::Bool(b) => write!(f, "the boolean `{b}`"),
            Found::Number(n) => write!(f, "the number `{n}`"),
            Found::QuotedBool(s) => write!(f, "the quoted text \"{s}\""),
            Found::Other(s) => f.write_str(s),
        }
    }
}

/// What went wrong reading a value, with its facts: the words are the reader's to
/// choose (the loader words them from its catalogs); [`fmt::Display`] is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A value of the wrong type or shape.
    Expected {
        want: Want,
        found: Found,
    },
    /// A name that is not one of an enumeration's.
    NotOneOf {
        value: String,
        choices: &'static [&'static str],
    },
    MissingKey(&'static str),
    DuplicateKey(String),
    /// A key that is a list or a mapping.
    KeyNotText,
    /// The read looked at more nodes than the limit allows.
    TooManyVisits(usize),
    /// A well-formed date that cannot be: the text as written and, in English, why.
    ImpossibleDate {
        text: String,
        why: String,
    },
    /// A type's own refusal, in its words.
    Said(String),
    /// A type's own refusal with its facts ([`refuse`]).
    Refused(Refusal),
    /// The reader's own inconsistency (an alias unresolved, a value before its key):
    /// cannot happen on a tree this module built.
    Internal(&'static str),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Expected { want, found } => write!(f, "expected {want}, found {found}"),
            Problem::NotOneOf { value, choices } => {
                write!(f, "`{value}` is not one of {}", quoted_list(choices))
            }
            Problem::MissingKey(key) => write!(f, "missing required key `{key}`"),
            Problem::DuplicateKey(key) => write!(f, "duplicate key `{key}`"),
            Problem::KeyNotText => f.write_str("a key must be plain text"),
            Problem::TooManyVisits(max) => write!(
                f,
                "reading this file visits more than {max} nodes (an alias bomb?)"
            ),
            Problem::ImpossibleDate { why, .. } | Problem::Said(why) => f.write_str(why),
            Problem::Refused(refusal) => f.write_str(&refusal.english),
            Problem::Internal(what) => f.write_str(what),
        }
    }
}

/// What to do about a [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// `did you mean `x`?`
    DidYouMean(&'static str),
    /// Add the missing key.
    AddKey(&'static str),
    /// Merge a key written twice.
    MergeKeys,
    /// `"true"` in quotes where a boolean is expected.
    RemoveQuotes(String),
    /// `yes`, `on` where a boolean is expected.
    WriteTrue,
    /// `no`, `off` where a boolean is expected.
    WriteFalse,
    /// A text holding `: `, read as a mapping.
    QuoteColon,
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Hint::DidYouMean(s) => write!(f, "did you mean `{s}`?"),
            Hint::AddKey(key) => write!(f, "add `{key}:` to this mapping"),
            Hint::MergeKeys => f.write_str("a key may appear once in a mapping: merge the two"),
            Hint::RemoveQuotes(text) => write!(
                f,
                "remove the quotes: `{text}` is a boolean, in quotes it is text"
            ),
            Hint::WriteTrue => f.write_str("write `true`: YAML 1.2 reads `yes` and `on` as text"),
            Hint::WriteFalse => f.write_str("write `false`: YAML 1.2 reads `no` and `off` as text"),
            Hint::QuoteColon => f.write_str(
                "a colon followed by a space starts a key: put the whole text in quotes",
            ),
        }
    }
}

/// An error reading typed values, with the span of the node at fault.
#[derive(Debug, Clone)]
pub struct DeError {
    pub kind: DeErrorKind,
    pub problem: Box<Problem>,
    pub hint: Option<Hint>,
    pub span: Option<Span>,
    /// The node at fault, where known: the read passes over it to find the next error.
    node: Option<NodeId>,
    /// For a missing required key, its name.
    missing: Option<&'static str>,
}

impl DeError {
    fn new(kind: DeErrorKind, problem: Problem) -> Self {
        DeError {
            kind,
            problem: Box::new(problem),
            hint: None,
            span: None,
            node: None,
            missing: None,
        }
    }

    fn expected(want: Want, found: Found) -> Self {
        DeError::new(DeErrorKind::Type, Problem::Expected { want, found })
    }

    /// What went wrong, in English.
    pub fn message(&self) -> String {
        self.problem.to_string()
    }

    /// What to do, in English.
    #[cfg(test)]
    pub fn help(&self) -> Option<String> {
        self.hint.as_ref().map(ToString::to_string)
    }

    /// Places the error at `node` (whose span is `span`) unless a node inside it
    /// already claimed it.
    fn or_at(mut self, node: NodeId, span: Span) -> Self {
        if self.span.is_none() {
            self.span = Some(span);
        }
        if self.node.is_none() {
            self.node = Some(node);
        }
        self
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.problem.fmt(f)
    }
}

impl std::error::Error for DeError {}

fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The nearest of `candidates` to `word`, if it is near enough to be a likely typo.
pub fn suggest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
        // Jaro–Winkler scores a short word with two letters swapped or one letter
        // wrong low (`deu` for `due`: 0.56): one edit or one swap away still counts.
        // Not for a word of one or two letters: anything is one edit from those.
        .or_else(|| {
            (word.chars().count() >= 3)
                .then(|| {
                    candidates
                        .iter()
                        .find(|c| strsim::osa_distance(word, c) == 1)
                        .copied()
                })
                .flatten()
        })
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        let problem = match REFUSED.with(|r| r.borrow_mut().take()) {
            Some(refusal) => Problem::Refused(refusal),
            None => Problem::Said(msg.to_string()),
        };
        DeError::new(DeErrorKind::Type, problem)
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        DeError::expected(Want::Said(exp.to_string()), describe(unexp))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        DeError::expected(Want::Said(exp.to_string()), describe(unexp))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let mut e = DeError::new(
            DeErrorKind::Type,
            Problem::NotOneOf {
                value: variant.to_owned(),
                choices: expected,
            },
        );
        e.hint = suggest(variant, expected).map(Hint::DidYouMean);
        e
    }

    fn missing_field(field: &'static str) -> Self {
        let mut e = DeError::new(DeErrorKind::Type, Problem::MissingKey(field));
        e.hint = Some(Hint::AddKey(field));
        e.missing = Some(field);
        e
    }

    fn duplicate_field(field: &'static str) -> Self {
        DeError::new(DeErrorKind::Syntax, Problem::DuplicateKey(field.to_owned()))
    }
}

/// The error type the visitor of a date reads its text with (see [`DATE`]): `custom`
/// ([`impossible_date`]) is an impossible date, E07; every other constructor is
/// [`DeError`]'s own.
#[derive(Debug)]
struct DateError(DeError);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for DateError {}

impl de::Error for DateError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DateError(DeError::new(
            DeErrorKind::ImpossibleDate,
            Problem::ImpossibleDate {
                text: String::new(),
                why: msg.to_string(),
            },
        ))
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        DateError(de::Error::invalid_type(unexp, exp))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        DateError(de::Error::invalid_value(unexp, exp))
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Self {
        DateError(de::Error::invalid_length(len, exp))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        DateError(de::Error::unknown_variant(variant, expected))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        DateError(de::Error::unknown_field(field, expected))
    }

    fn missing_field(field: &'static str) -> Self {
        DateError(de::Error::missing_field(field))
    }

    fn duplicate_field(field: &'static str) -> Self {
        DateError(de::Error::duplicate_field(field))
    }
}

fn describe(unexp: Unexpected<'_>) -> Found {
    match unexp {
        Unexpected::Str(s) => Found::Text(s.to_owned()),
        Unexpected::Unit => Found::Null,
        Unexpected::Seq => Found::List,
        Unexpected::Map => Found::Mapping,
        Unexpected::Bool(b) => Found::Bool(b),
        Unexpected::Signed(n) => Found::Number(n.to_string()),
        Unexpected::Unsigned(n) => Found::Number(n.to_string()),
        Unexpected::Float(n) => Found::Number(n.to_string()),
        other => Found::Other(other.to_string()),
    }
}

/// A key that no field of its mapping knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKey {
    pub key: String,
    pub span: Span,
    pub suggestion: Option<&'static str>,
    pub expected: &'static [&'static str],
}

struct Ctx<'t, 'a> {
    tree: &'t Tree<'a>,
    visits: Cell<usize>,
    max_visits: usize,
    unknown: RefCell<Vec<UnknownKey>>,
    /// Values already reported as wrong: mapping entries and list items holding them
    /// are passed over, as if absent.
    skip: &'t HashSet<NodeId>,
}

/// At most this many type errors are reported per file; after them the file is
/// surely broken enough to be looked at whole.
const MAX_ERRORS: usize = 20;

/// What [`read_tree`] found.
pub struct Read<T> {
    /// The value read with every wrong value passed over (as if absent): the whole
    /// value when `errors` is empty; `None` when what is left is not a `T` either.
    pub partial: Option<T>,
    pub errors: Vec<DeError>,
    pub unknown: Vec<UnknownKey>,
    /// The top-level keys under which a value was passed over (`partial` lacks them,
    /// or part of them), in document order.
    pub passed_over: Vec<String>,
}

/// The keys of the root mapping whose values hold one of `skip`.
fn top_keys_holding(tree: &Tree<'_>, skip: &HashSet<NodeId>) -> Vec<String> {
    let root = tree.resolve(tree.root());
    if skip.is_empty() || tree.node(root).kind != NodeKind::Map {
        return Vec::new();
    }
    let pos = |p: super::Pos| (p.line, p.col);
    tree.entries(root)
        .filter(|&(_, value)| {
            let within = tree.node(value).span;
            skip.iter().any(|&n| {
                let at = pos(tree.node(n).span.start);
                n == value || (pos(within.start) <= at && at <= pos(within.end))
            })
        })
        .map(|(key, _)| tree.node(key).text.to_string())
        .collect()
}

/// Reads a `T` from the tree. Neither unknown keys nor a wrong value stop the read:
/// unknown keys are returned beside the value, and after a wrong value (or an
/// impossible date) the read starts again passing over it, so that every such error
/// of a file is found in one run, up to [`MAX_ERRORS`]. A syntax error (a duplicate
/// key, an alias bomb) ends the read. What is left once the wrong values are passed
/// over is returned too: the book's settings use what is right in them beside an error.
pub fn read_tree<T: DeserializeOwned>(tree: &Tree<'_>, limits: &Limits) -> Read<T> {
    let mut skip: HashSet<NodeId> = HashSet::new();
    let mut errors: Vec<DeError> = Vec::new();
    let mut unknown: Vec<UnknownKey> = Vec::new();
    let mut unknown_at: HashSet<Span> = HashSet::new();
    loop {
        let ctx = Ctx {
            tree,
            visits: Cell::new(0),
            max_visits: limits.max_visits,
            unknown: RefCell::new(Vec::new()),
            skip: &skip,
        };
        let result = T::deserialize(NodeDe {
            ctx: &ctx,
            id: tree.root(),
        });
        // Later passes see less of the file: keep each unknown key once.
        // (By span, hashed: a file may hold many thousands of unknown keys.)
        for u in ctx.unknown.into_inner() {
            if unknown_at.insert(u.span) {
                unknown.push(u);
            }
        }
        let e = match result {
            Ok(value) => {
                return Read {
                    partial: Some(value),
                    errors,
                    unknown,
                    passed_over: top_keys_holding(tree, &skip),
                };
            }
            Err(e) => e,
        };
        // A required key passed over because its value was wrong is not missing too:
        // that error is told already.
        let told = e.missing.zip(e.node).is_some_and(|(key, map)| {
            tree.get(map, key)
                .is_some_and(|(_, value)| skip.contains(&value))
        });
        let node = e.node;
        let stop = e.kind == DeErrorKind::Syntax;
        // A node passed over already that is read again (the value of an enum's
        // variant, which no list or mapping holds) fails again: that error is told.
        let again = node.is_some_and(|n| skip.contains(&n));
        if !told && !again {
            errors.push(e);
        }
        // Passing over the root, or a node passed over already (a key), finds nothing
        // more.
        let node = node.filter(|n| *n != tree.root() && !skip.contains(n));
        let Some(node) = node.filter(|_| !stop && errors.len() < MAX_ERRORS) else {
            return Read {
                partial: None,
                errors,
                unknown,
                passed_over: top_keys_holding(tree, &skip),
            };
        };
        skip.insert(node);
    }
}

impl Ctx<'_, '_> {
    /// Is `id` a value to pass over? (Asked of every entry: the usual empty set is
    /// answered without hashing.)
    fn skipped(&self, id: NodeId) -> bool {
        !self.skip.is_empty() && self.skip.contains(&id)
    }

    /// Counts one more node looked at against the budget. Every node a read looks at
    /// counts once: the nodes it reads when it enters them, the keys it passes over
    /// (unknown, `x-`, or holding a value passed over) as it passes them.
    fn visit(&self) -> Result<(), DeError> {
        let visits = self.visits.get() + 1;
        self.visits.set(visits);
        if visits > self.max_visits {
            return Err(DeError::new(
                DeErrorKind::Syntax,
                Problem::TooManyVisits(self.max_visits),
            ));
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
struct NodeDe<'c, 't, 'a> {
    ctx: &'c Ctx<'t, 'a>,
    id: NodeId,
}

enum Plain {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str,
}

/// How YAML 1.2's core schema reads a plain scalar.
fn resolve_plain(text: &str) -> Plain {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Plain::Null,
        "true" | "True" | "TRUE" => return Plain::Bool(true),
        "false" | "False" | "FALSE" => return Plain::Bool(false),
        _ => {}
    }
    if let Ok(n) = text.parse::<i64>() {
        return Plain::Int(n);
    }
    let looks_numeric = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && text.bytes().any(|b| b.is_ascii_digit());
    if looks_numeric && let Ok(f) = text.parse::<f64>() {
        return Plain::Float(f);
    }
    Plain::Str
}

impl<'c, 't, 'a> NodeDe<'c, 't, 'a> {
    fn at(self, id: NodeId) -> Self {
        NodeDe { ctx: self.ctx, id }
    }

    /// The node that holds the data (aliases followed), counted against the budget.
    fn enter(&self) -> Result<(NodeId, Span), DeError> {
        let tree = self.ctx.tree;
        let id = tree.resolve(self.id);
        let span = tree.node(self.id).span;
        self.ctx.visit().map_err(|mut e| {
            e.span = Some(span);
            e
        })?;
        Ok((id, span))
    }

    fn unexpected(&self, id: NodeId) -> Unexpected<'t> {
        let node = self.ctx.tree.node(id);
        match node.kind {
            NodeKind::Seq => Unexpected::Seq,
            NodeKind::Map => Unexpected::Map,
            NodeKind::Scalar { quoted: false } if self.ctx.tree.is_null(id) => Unexpected::Unit,
            _ => Unexpected::Str(&node.text),
        }
    }

    fn scalar_text(&self, id: NodeId) -> Option<&'t str> {
        let node = self.ctx.tree.node(id);
        match node.kind {
            NodeKind::Scalar { .. } if !self.ctx.tree.is_null(id) => Some(&node.text),
            _ => None,
        }
    }

    /// The error of a node that is not text where text is expected.
    fn not_text(&self, id: NodeId) -> DeError {
        let mut e = self.wrong(id, Want::Text);
        let node = self.ctx.tree.node(id);
        if node.kind == NodeKind::Map && node.len == 2 {
            e.hint = Some(Hint::QuoteColon);
        }
        e
    }

    /// The error of node `id` where `want` is expected.
    fn wrong(&self, id: NodeId, want: Want) -> DeError {
        DeError::expected(want, describe(self.unexpected(id)))
    }

    /// A date's text, for a type read under [`DATE`]: its visitor reads the text with
    /// `DateError`, which says an impossible date apart from a wrong text.
    fn date<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        let (id, span) = self.enter()?;
        let r = match self.scalar_text(id) {
            Some(text) => visitor
                .visit_str::<DateError>(text)
                .map_err(|DateError(mut e)| {
                    if let Problem::ImpossibleDate { text: t, .. } = &mut *e.problem {
                        text.clone_into(t);
                    }
                    e
                }),
            None => Err(self.not_text(id)),
        };
        self.placed(span, r)
    }

    /// Places an error of reading this node at it.
    fn placed<T>(&self, span: Span, r: Result<T, DeError>) -> Result<T, DeError> {
        r.map_err(|e| e.or_at(self.id, span))
    }

    /// A number for a field that wants `exp` ("a whole number from 0 to 255"). When
    /// the number does not fit, the message says so in those words and quotes the
    /// number as written, not as the machine type read it.
    fn number<V: Visitor<'a>>(self, visitor: V, want: Want) -> Result<V::Value, DeError> {
        let (id, span) = self.enter()?;
        let node = self.ctx.tree.node(id);
        let r = match node.kind {
            NodeKind::Scalar { quoted: false } => match resolve_plain(&node.text) {
                Plain::Int(n) => visitor.visit_i64(n),
                Plain::Float(f) => visitor.visit_f64(f),
                _ => Err(self.wrong(id, want.clone())),
            }
            .map_err(|e: DeError| match e.kind {
                DeErrorKind::Type => {
                    DeError::expected(want.clone(), Found::Text(node.text.to_string()))
                }
                _ => e,
            }),
            _ => Err(self.wrong(id, want)),
        };
        self.placed(span, r)
    }
}

impl<'de, 'c, 't> de::Deserializer<'de> for NodeDe<'c, 't, 'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let (id, span) = self.enter()?;
        let node = self.ctx.tree.node(id);
        let r = match node.kind {
            NodeKind::Scalar { quoted: true } => visitor.visit_str(&node.text),
            NodeKind::Scalar { quoted: false } => match resolve_plain(&node.text) {
                Plain::Null => visitor.visit_unit(),
                Plain::Bool(b) => visitor.visit_bool(b),
                Plain::Int(n) => visitor.visit_i64(n),
                Plain::Float(f) => visitor.visit_f64(f),
                Plain::Str => visitor.visit_str(&node.text),
            },
            NodeKind::Seq => visitor.visit_seq(Seq {
                de: self,
                next: self.ctx.tree.children(id).collect::<Vec<_>>().into_iter(),
            }),
            NodeKind::Map => visitor.visit_map(Map::new(self.at(id), None)),
            NodeKind::Alias(_) => unreachable_alias(),
        };
        self.placed(span, r)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let (id, span) = self.enter()?;
        let node = self.ctx.tree.node(id);
        let r = match (node.kind, &*node.text) {
            (NodeKind::Scalar { quoted: false }, "true") => visitor.visit_bool(true),
            (NodeKind::Scalar { quoted: false }, "false") => visitor.visit_bool(false),
            _ => {
                let quoted = matches!(node.kind, NodeKind::Scalar { quoted: true });
                let mut e = if quoted && matches!(&*node.text, "true" | "false") {
                    // "found `true`" where a boolean is expected reads as nonsense.
                    DeError::expected(Want::Boolean, Found::QuotedBool(node.text.to_string()))
                } else {
                    self.wrong(id, Want::TrueOrFalse)
                };
                if quoted && matches!(&*node.text, "true" | "false") {
                    e.hint = Some(Hint::RemoveQuotes(node.text.to_string()));
                } else if matches!(&*node.text, "yes" | "Yes" | "on" | "On" | "y" | "Y") {
                    e.hint = Some(Hint::WriteTrue);
                } else if matches!(&*node.text, "no" | "No" | "off" | "Off" | "n" | "N") {
                    e.hint = Some(Hint::WriteFalse);
                }
                Err(e)
            }
        };
        self.placed(span, r)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(
            v,
            Want::Whole {
                from: Some(-128),
                to: Some(127),
            },
        )
    }
    fn deserialize_i16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(
            v,
            Want::Whole {
                from: Some(-32768),
                to: Some(32767),
            },
        )
    }
    fn deserialize_i32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(
            v,
            Want::Whole {
                from: Some(-2_147_483_648),
                to: Some(2_147_483_647),
            },
        )
    }
    fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(
            v,
            Want::Whole {
                from: None,
                to: None,
            },
        )
    }
    fn deserialize_u8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(
            v,
            Want::Whole {
                from: Some(0),
                to: Some(255),
            },
        )
    }
    fn deserialize_u16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(
            v,
            Want::Whole {
                from: Some(0),
                to: Some(65535),
            },
        )
    }
    fn deserialize_u32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(
            v,
            Want::Whole {
                from: Some(0),
                to: Some(4_294_967_295),
            },
        )
    }
    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(
            v,
            Want::Whole {
                from: Some(0),
                to: None,
            },
        )
    }
    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(v, Want::Number)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        self.number(v, Want::Number)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let (id, span) = self.enter()?;
        let r = match self.scalar_text(id) {
            Some(text) => visitor.visit_str(text),
            None => Err(self.not_text(id)),
        };
        self.placed(span, r)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.ctx.tree.is_null(self.id) {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let (id, span) = self.enter()?;
        let r = if self.ctx.tree.is_null(id) {
            visitor.visit_unit()
        } else {
            Err(self.wrong(id, Want::Nothing))
        };
        self.placed(span, r)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        if name == DATE {
            return self.date(visitor);
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let (id, span) = self.enter()?;
        // An empty value (`decisions:`) is an empty list, as an empty optional
        // value is an absent one.
        let r = if self.ctx.tree.node(id).kind == NodeKind::Seq || self.ctx.tree.is_null(id) {
            visitor.visit_seq(Seq {
                de: self,
                next: self.ctx.tree.children(id).collect::<Vec<_>>().into_iter(),
            })
        } else {
            Err(self.wrong(id, Want::List))
        };
        self.placed(span, r)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let (id, span) = self.enter()?;
        let r = if self.ctx.tree.node(id).kind == NodeKind::Map || self.ctx.tree.is_null(id) {
            visitor.visit_map(Map::new(self.at(id), None))
        } else {
            Err(self.wrong(id, Want::Mapping))
        };
        self.placed(span, r)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let (id, span) = self.enter()?;
        let r = if self.ctx.tree.node(id).kind == NodeKind::Map {
            visitor.visit_map(Map::new(self.at(id), Some(fields)))
        } else {
            Err(self.wrong(id, Want::Mapping))
        };
        self.placed(span, r)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let (id, span) = self.enter()?;
        let node = self.ctx.tree.node(id);
        let r = match node.kind {
            NodeKind::Scalar { .. } if !self.ctx.tree.is_null(id) => visitor.visit_enum(Enum {
                variant: self.at(id),
                value: None,
            }),
            NodeKind::Map if node.len == 2 => {
                let mut entries = self.ctx.tree.entries(id);
                match entries.next() {
                    Some((k, v)) => visitor.visit_enum(Enum {
                        variant: self.at(k),
                        value: Some(self.at(v)),
                    }),
                    None => Err(self.wrong(id, Want::Value)),
                }
            }
            _ => Err(self.wrong(id, Want::Listed)),
        };
        self.placed(span, r)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
}

fn unreachable_alias<T>() -> Result<T, DeError> {
    Err(DeError::new(
        DeErrorKind::Syntax,
        Problem::Internal("alias did not resolve"),
    ))
}

struct Seq<'c, 't, 'a> {
    de: NodeDe<'c, 't, 'a>,
    next: std::vec::IntoIter<NodeId>,
}

impl<'de> SeqAccess<'de> for Seq<'_, '_, 'de> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        for id in self.next.by_ref() {
            if !self.de.ctx.skipped(id) {
                return seed.deserialize(self.de.at(id)).map(Some);
            }
        }
        Ok(None)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.next.len())
    }
}

/// Walks a mapping's entries. With `fields` (a struct), keys outside the list are
/// recorded as unknown and skipped, `x-` keys are skipped silently.
struct Map<'c, 't, 'a> {
    de: NodeDe<'c, 't, 'a>,
    entries: Vec<(NodeId, NodeId)>,
    pos: usize,
    fields: Option<&'static [&'static str]>,
    seen: HashSet<&'t str>,
    value: Option<NodeId>,
}

impl<'c, 't, 'a> Map<'c, 't, 'a> {
    fn new(de: NodeDe<'c, 't, 'a>, fields: Option<&'static [&'static str]>) -> Self {
        Map {
            de,
            entries: de.ctx.tree.entries(de.id).collect(),
            pos: 0,
            fields,
            seen: HashSet::new(),
            value: None,
        }
    }
}

impl<'de> MapAccess<'de> for Map<'_, '_, 'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let tree = self.de.ctx.tree;
        while let Some(&(k, v)) = self.entries.get(self.pos) {
            self.pos += 1;
            let key_id = tree.resolve(k);
            let key_span = tree.node(k).span;
            let Some(key) = self.de.scalar_text(key_id) else {
                let mut e = DeError::new(DeErrorKind::Syntax, Problem::KeyNotText);
                e.span = Some(key_span);
                return Err(e);
            };
            if !self.seen.insert(key) {
                let mut e =
                    DeError::new(DeErrorKind::Syntax, Problem::DuplicateKey(key.to_owned()));
                e.hint = Some(Hint::MergeKeys);
                e.span = Some(key_span);
                return Err(e);
            }
            // A key passed over is not entered: it counts here. Through aliases, a
            // mapping of many unknown keys would otherwise cost its size at every
            // use without the budget knowing.
            if let Some(fields) = self.fields {
                if key.starts_with("x-") {
                    self.de.ctx.visit()?;
                    continue;
                }
                if !fields.contains(&key) {
                    self.de.ctx.visit()?;
                    self.de.ctx.unknown.borrow_mut().push(UnknownKey {
                        key: key.to_owned(),
                        span: key_span,
                        suggestion: suggest(key, fields),
                        expected: fields,
                    });
                    continue;
                }
            }
            if self.de.ctx.skipped(v) {
                self.de.ctx.visit()?;
                continue;
            }
            self.value = Some(v);
            return seed.deserialize(self.de.at(k)).map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        match self.value.take() {
            Some(v) => seed.deserialize(self.de.at(v)),
            None => Err(DeError::new(
                DeErrorKind::Syntax,
                Problem::Internal("value requested before its key"),
            )),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len() - self.pos)
    }
}

struct Enum<'c, 't, 'a> {
    variant: NodeDe<'c, 't, 'a>,
    value: Option<NodeDe<'c, 't, 'a>>,
}

impl<'de, 'c, 't> EnumAccess<'de> for Enum<'c, 't, 'de> {
    type Error = DeError;
    type Variant = Variant<'c, 't, 'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), DeError> {
        let span = self.variant.ctx.tree.node(self.variant.id).span;
        let id = self.variant.id;
        let v = seed
            .deserialize(self.variant)
            .map_err(|e| e.or_at(id, span))?;
        Ok((v, Variant { value: self.value }))
    }
}

struct Variant<'c, 't, 'a> {
    value: Option<NodeDe<'c, 't, 'a>>,
}

impl<'de> VariantAccess<'de> for Variant<'_, '_, 'de> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        match self.value {
            None => Ok(()),
            Some(v) if v.ctx.tree.is_null(v.id) => Ok(()),
            Some(_) => Err(DeError::expected(Want::Plain, Found::Mapping)),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        match self.value {
            Some(v) => seed.deserialize(v),
            None => seed.deserialize(().into_deserializer()),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, DeError> {
        match self.value {
            Some(v) => de::Deserializer::deserialize_seq(v, visitor),
            None => Err(DeError::expected(
                Want::List,
                describe(Unexpected::UnitVariant),
            )),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.value {
            Some(v) => de::Deserializer::deserialize_struct(v, "", fields, visitor),
            None => Err(DeError::expected(
                Want::Mapping,
                describe(Unexpected::UnitVariant),
            )),
        }
    }
}
