//! Minimal edits of a user's YAML file: change or insert one value, append one item,
//! and leave every other byte — comments, blank lines, key order, quoting — as it
//! was. The file is parsed to find where things are; the edit is a splice of text at
//! those positions, never a re-serialisation of the document.
//!
//! Callers re-validate the result (parse it as its kind) and write it with
//! [`crate::write::replace`].

use std::fmt;

use crate::yaml::{self, Limits, NodeId, NodeKind, PathSeg, Pos, Tree, YamlPath};

/// Why an edit could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The file is not valid YAML to begin with.
    Syntax(String),
    /// The path crosses something that is not a mapping or list.
    NotAContainer(String),
    /// An index past the end of a list.
    NoSuchItem(String),
    /// The value to replace is itself a mapping or list.
    NotAScalar(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Syntax(m) => write!(f, "the file is not valid YAML: {m}"),
            EditError::NotAContainer(p) => write!(f, "`{p}` is not a mapping or list"),
            EditError::NoSuchItem(p) => write!(f, "there is no `{p}`"),
            EditError::NotAScalar(p) => write!(f, "`{p}` holds a mapping or list, not a value"),
        }
    }
}

impl std::error::Error for EditError {}

/// Byte offsets of line starts, to turn (line, column in characters) into a byte offset.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    /// The byte offset of `pos`, clamped to the text.
    fn offset(&self, pos: Pos) -> usize {
        let line = (pos.line as usize).saturating_sub(1);
        let Some(&start) = self.starts.get(line) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        rest.char_indices()
            .nth((pos.col as usize).saturating_sub(1))
            .map_or(self.text.len(), |(i, _)| start + i)
    }

    /// The byte offset just after the end of line `line` (1-based), newline included.
    fn after_line(&self, line: u32) -> usize {
        self.starts
            .get(line as usize)
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The last line that holds something of `node`. A block collection's own span
    /// runs on to the next token (over trailing comments and blank lines), so only
    /// scalars and flow collections, whose ends are exact, count; a block scalar's
    /// span ends at the start of the line after it.
    fn last_line(&self, tree: &Tree<'_>, node: NodeId) -> u32 {
        let mut last = 0;
        let mut stack = vec![node];
        while let Some(id) = stack.pop() {
            let n = tree.node(id);
            last = last.max(n.span.start.line);
            let block = matches!(n.kind, NodeKind::Seq | NodeKind::Map) && !is_flow(self, tree, id);
            if block {
                stack.extend(tree.children(id));
                continue;
            }
            let end = n.span.end;
            let line = if end.col == 1 && end.line > n.span.start.line {
                end.line - 1
            } else {
                end.line
            };
            last = last.max(line);
        }
        last
    }
}

fn is_flow(lines: &Lines<'_>, tree: &Tree<'_>, id: NodeId) -> bool {
    let at = lines.offset(tree.node(id).span.start);
    matches!(lines.text[at..].chars().next(), Some('[' | '{'))
}

/// Splices `insert` into `text` at byte `at`.
fn splice(text: &str, at: usize, remove: usize, insert: &str) -> String {
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(&text[..at]);
    out.push_str(insert);
    out.push_str(&text[at + remove..]);
    out
}

/// Indents every line of `value` after the first by `indent` spaces.
fn indent_rest(value: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    value
        .split('\n')
        .enumerate()
        .map(|(i, l)| {
            if i == 0 || l.is_empty() {
                l.to_owned()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The line ending the file uses.
fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// Where a walk along a path stopped.
enum Found {
    /// Every step exists; the node at the end.
    All(NodeId),
    /// Steps up to `depth` exist, ending at mapping `map`, which lacks the next key.
    MissingKey { map: NodeId, depth: usize },
}

fn walk(tree: &Tree<'_>, path: &YamlPath) -> Result<Found, EditError> {
    let mut node = tree.resolve(tree.root());
    for (depth, seg) in path.0.iter().enumerate() {
        let here = YamlPath(path.0[..=depth].to_vec()).to_string();
        let kind = tree.node(node).kind;
        match seg {
            PathSeg::Key(k) => {
                if kind != NodeKind::Map && !tree.is_null(node) {
                    return Err(EditError::NotAContainer(here));
                }
                match tree.get(node, k) {
                    Some((_, v)) => node = tree.resolve(v),
                    None => return Ok(Found::MissingKey { map: node, depth }),
                }
            }
            PathSeg::Index(i) => {
                if kind != NodeKind::Seq {
                    return Err(EditError::NotAContainer(here));
                }
                node = tree
                    .children(node)
                    .nth(*i)
                    .map(|c| tree.resolve(c))
                    .ok_or(EditError::NoSuchItem(here))?;
            }
        }
    }
    Ok(Found::All(node))
}

/// Text for the keys `keys[0]: keys[1]: … value` in block style, at `indent`.
fn block_keys(keys: &[String], value: &str, indent: usize, nl: &str) -> String {
    let mut out = String::new();
    for (i, key) in keys.iter().enumerate() {
        let pad = " ".repeat(indent + 2 * i);
        if i + 1 == keys.len() {
            let value = indent_rest(value, indent + 2 * i + 2);
            // A value on the lines below (`\n- item`, or `\r\n- item` in a CRLF file)
            // follows the colon directly: no blank at the end of the key's line.
            if value.starts_with(['\n', '\r']) {
                out.push_str(&format!("{pad}{key}:{value}{nl}"));
            } else {
                out.push_str(&format!("{pad}{key}: {value}{nl}"));
            }
        } else {
            out.push_str(&format!("{pad}{key}:{nl}"));
        }
    }
    out
}

/// Text for `keys[0]: {keys[1]: … value}` in flow style.
fn flow_keys(keys: &[String], value: &str) -> String {
    let mut out = format!("{}: ", keys[0]);
    for key in &keys[1..] {
        out.push_str(&format!("{{{key}: "));
    }
    out.push_str(value);
    out.push_str(&"}".repeat(keys.len() - 1));
    out
}

/// Inserts `keys…: value` into the mapping `map`.
fn insert_keys(text: &str, tree: &Tree<'_>, map: NodeId, keys: &[String], value: &str) -> String {
    let lines = Lines::new(text);
    let nl = newline(text);
    let node = tree.node(map);
    if node.kind == NodeKind::Map && is_flow(&lines, tree, map) {
        // Before the closing brace: `{a: 1}` → `{a: 1, key: value}`.
        let end = lines.offset(node.span.end);
        let close = text[..end].rfind('}').unwrap_or(end);
        let sep = if node.len == 0 { "" } else { ", " };
        return splice(text, close, 0, &format!("{sep}{}", flow_keys(keys, value)));
    }
    if node.kind == NodeKind::Map && node.len > 0 {
        let indent = (node.span.start.col as usize).saturating_sub(1);
        let at = lines.after_line(lines.last_line(tree, map));
        let mut insert = block_keys(keys, value, indent, nl);
        if at == text.len() && !text.is_empty() && !text.ends_with('\n') {
            insert = format!("{nl}{insert}");
        }
        return splice(text, at, 0, &insert);
    }
    // An empty or null mapping: a top-level document that is empty, or `key:` with
    // nothing after it.
    if map == tree.resolve(tree.root()) {
        let mut out = text.to_owned();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(nl);
        }
        out.push_str(&block_keys(keys, value, 0, nl));
        return out;
    }
    // `parent:` followed by nothing: put the keys on the lines below it.
    let start = lines.offset(node.span.start);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = text[line_start..].chars().take_while(|c| *c == ' ').count() + 2;
    let at = lines.after_line(node.span.start.line);
    splice(text, at, 0, &block_keys(keys, value, indent, nl))
}

/// Sets the value at `path` to `value` (YAML text: `2026-11-20T19:30`, `[a, b]`,
/// `"quoted"`). An existing scalar is replaced in place; missing keys are inserted,
/// in block style under a block mapping and in flow style inside a flow one.
pub fn set(text: &str, path: &YamlPath, value: &str) -> Result<String, EditError> {
    let tree = yaml::parse(text, &Limits::default()).map_err(|e| EditError::Syntax(e.message()))?;
    match walk(&tree, path)? {
        Found::All(node) => {
            let n = tree.node(node);
            if !matches!(n.kind, NodeKind::Scalar { .. }) {
                return Err(EditError::NotAScalar(path.to_string()));
            }
            let lines = Lines::new(text);
            let at = lines.offset(n.span.start);
            if tree.is_null(node) && n.text.is_empty() {
                // `key:` with no value: the value goes after the colon.
                let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
                let before = &text[..line_end];
                let colon = before.rfind(':').map_or(line_end, |i| i + 1);
                let blank = if value.starts_with(['\n', '\r']) {
                    ""
                } else {
                    " "
                };
                return Ok(splice(text, colon, 0, &format!("{blank}{value}")));
            }
            let end = at
                + crate_value_len(
                    &text[at..],
                    n.span.start.line == n.span.end.line,
                    &lines,
                    n.span.end,
                );
            Ok(splice(text, at, end - at, value))
        }
        Found::MissingKey { map, depth } => {
            let keys: Vec<String> = path.0[depth..]
                .iter()
                .map(|s| match s {
                    PathSeg::Key(k) => Ok(k.to_string()),
                    PathSeg::Index(_) => Err(EditError::NoSuchItem(path.to_string())),
                })
                .collect::<Result<_, _>>()?;
            Ok(insert_keys(text, &tree, map, &keys, value))
        }
    }
}

/// The byte length of the scalar starting at the beginning of `rest` and ending at
/// `end`. A plain scalar's span is exact; a quoted one's runs on over trailing blanks
/// and a comment, so it ends at its closing quote instead.
fn crate_value_len(rest: &str, one_line: bool, lines: &Lines<'_>, end: Pos) -> usize {
    let base = lines.text.len() - rest.len();
    let by_span = lines.offset(end).saturating_sub(base);
    if one_line && rest.starts_with(['\'', '"']) {
        let chars: Vec<char> = rest.lines().next().unwrap_or("").chars().collect();
        let n = crate::output::value_len(&chars);
        return chars[..n.min(chars.len())]
            .iter()
            .map(|c| c.len_utf8())
            .sum();
    }
    by_span
}

/// Are the items of the top-level list `key` in `text` block mappings (`- date: …` on
/// lines of their own)? False for a missing or empty list, a flow list, or flow items.
pub fn block_map_items(text: &str, key: &str) -> bool {
    let Ok(tree) = yaml::parse(text, &Limits::default()) else {
        return false;
    };
    let Some((_, list)) = tree.get(tree.root(), key) else {
        return false;
    };
    let list = tree.resolve(list);
    let Some(first) = tree.children(list).next() else {
        return false;
    };
    let first = tree.resolve(first);
    let node = tree.node(first);
    if node.kind != NodeKind::Map {
        return false;
    }
    // A flow mapping starts with `{`: find the character at its start.
    let line = text
        .split('\n')
        .nth(node.span.start.line.saturating_sub(1) as usize)
        .unwrap_or("");
    let at = line
        .chars()
        .nth(node.span.start.col.saturating_sub(1) as usize);
    at != Some('{')
}

/// Appends `item` (YAML text; a multi-line block item is indented to fit) to the list
/// at `path`, creating the list if it is missing.
pub fn append(text: &str, path: &YamlPath, item: &str) -> Result<String, EditError> {
    let tree = yaml::parse(text, &Limits::default()).map_err(|e| EditError::Syntax(e.message()))?;
    let list = match walk(&tree, path)? {
        Found::All(node) => node,
        Found::MissingKey { .. } => {
            let nl = newline(text);
            return set(text, path, &format!("{nl}- {}", indent_rest(item, 2)));
        }
    };
    let n = tree.node(list);
    let lines = Lines::new(text);
    if tree.is_null(list) {
        return set(text, path, &format!("[{item}]"));
    }
    if n.kind != NodeKind::Seq {
        return Err(EditError::NotAContainer(path.to_string()));
    }
    if is_flow(&lines, &tree, list) {
        let end = lines.offset(n.span.end);
        let close = text[..end].rfind(']').unwrap_or(end);
        let sep = if n.len == 0 { "" } else { ", " };
        return Ok(splice(text, close, 0, &format!("{sep}{item}")));
    }
    let dash = (n.span.start.col as usize).saturating_sub(1);
    let at = lines.after_line(lines.last_line(&tree, list));
    let nl = newline(text);
    let mut insert = format!("{}- {}{nl}", " ".repeat(dash), indent_rest(item, dash + 2));
    if at == text.len() && !text.is_empty() && !text.ends_with('\n') {
        insert = format!("{nl}{insert}");
    }
    Ok(splice(text, at, 0, &insert))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(keys: &[&str]) -> YamlPath {
        YamlPath(
            keys.iter()
                .map(|k| match k.parse::<usize>() {
                    Ok(i) => PathSeg::Index(i),
                    Err(_) => PathSeg::Key((*k).to_owned().into()),
                })
                .collect(),
        )
    }

    const MEETING: &str = "\
# Встреча по запуску — комментарий пользователя
at: 2026-11-18T15:00   # время по Москве
format: in_person
attendees:
  client: [smirnov]   # только Смирнов
  agency: [petrov]

decisions:
  - Запускаемся 1 декабря   # ура
x-crm: 12
";

    #[test]
    fn inserting_a_nested_key_keeps_every_other_byte() {
        let out = set(MEETING, &p(&["report", "sent"]), "2026-11-18T19:30").expect("edit");
        assert_eq!(out, format!("{MEETING}report:\n  sent: 2026-11-18T19:30\n"));
    }

    #[test]
    fn replacing_a_scalar_keeps_its_comment() {
        let out = set(MEETING, &p(&["at"]), "2026-11-18T16:00").expect("edit");
        assert_eq!(out, MEETING.replace("2026-11-18T15:00", "2026-11-18T16:00"));
        let text = "a: 'x y'   # c\nb: \"q\" # d\n";
        assert_eq!(
            set(text, &p(&["a"]), "z").expect("edit"),
            "a: z   # c\nb: \"q\" # d\n"
        );
        assert_eq!(
            set(text, &p(&["b"]), "'r'").expect("edit"),
            "a: 'x y'   # c\nb: 'r' # d\n"
        );
    }

    #[test]
    fn replacing_a_plain_value_inside_a_flow_mapping() {
        let text =
            "renewal: {auto: true, notice_days: 30, decision: renew, decided: 2025-10-01}  # c\n";
        let out = set(text, &p(&["renewal", "decision"]), "terminate").expect("edit");
        assert_eq!(
            out,
            "renewal: {auto: true, notice_days: 30, decision: terminate, decided: 2025-10-01}  # c\n"
        );
        let out = set(text, &p(&["renewal", "decided"]), "2026-11-27").expect("edit");
        assert!(out.contains("decided: 2026-11-27}  # c"), "{out}");
    }

    #[test]
    fn inserting_into_a_nested_block_map_goes_after_its_last_line() {
        let out = set(MEETING, &p(&["attendees", "note"]), "x").expect("edit");
        assert_eq!(
            out,
            MEETING.replace("  agency: [petrov]\n", "  agency: [petrov]\n  note: x\n")
        );
    }

    #[test]
    fn flow_maps_and_lists_grow_in_flow_style() {
        let text = "report: {sent: 2026-11-18T19:30}  # c\nto: [a]\nnone: []\n";
        let out = set(text, &p(&["report", "to"]), "[smirnov]").expect("edit");
        assert_eq!(
            out,
            "report: {sent: 2026-11-18T19:30, to: [smirnov]}  # c\nto: [a]\nnone: []\n"
        );
        let out = append(text, &p(&["to"]), "b").expect("edit");
        assert!(out.contains("to: [a, b]\n"), "{out}");
        let out = append(text, &p(&["none"]), "b").expect("edit");
        assert!(out.contains("none: [b]\n"), "{out}");
    }

    #[test]
    fn appending_to_a_block_list_matches_its_indentation() {
        let text = "number: '1'\npayments:\n  - date: 2026-11-01   # first\n    amount: 100\n# trailing comment\n";
        let out = append(text, &p(&["payments"]), "date: 2026-11-20\namount: 50.00").expect("edit");
        assert_eq!(
            out,
            "number: '1'\npayments:\n  - date: 2026-11-01   # first\n    amount: 100\n  - date: 2026-11-20\n    amount: 50.00\n# trailing comment\n"
        );
    }

    #[test]
    fn appending_creates_a_missing_list() {
        let text = "number: '1'\ndate: 2026-11-01\n";
        let out =
            append(text, &p(&["payments"]), "{date: 2026-11-20, amount: 50.00}").expect("edit");
        assert_eq!(
            out,
            format!("{text}payments:\n  - {{date: 2026-11-20, amount: 50.00}}\n")
        );
        let reparsed = yaml::parse(&out, &Limits::default());
        assert!(reparsed.is_ok());
    }

    #[test]
    fn a_key_with_no_value_gets_one() {
        let text = "a: 1\nreport:\nb: 2\n";
        let out = set(text, &p(&["report"]), "x").expect("edit");
        assert_eq!(out, "a: 1\nreport: x\nb: 2\n");
        let out = set(text, &p(&["report", "sent"]), "x").expect("edit");
        assert_eq!(out, "a: 1\nreport:\n  sent: x\nb: 2\n");
    }

    #[test]
    fn files_without_a_final_newline_and_crlf_files() {
        assert_eq!(set("a: 1", &p(&["b"]), "2").expect("edit"), "a: 1\nb: 2\n");
        assert_eq!(
            set("a: 1\r\n", &p(&["b"]), "2").expect("edit"),
            "a: 1\r\nb: 2\r\n"
        );
    }

    #[test]
    fn a_list_appended_to_a_crlf_file_keeps_its_line_ends_and_no_trailing_blank() {
        let out = append("a: 1\r\n", &p(&["items"]), "{x: 1}").expect("edit");
        assert_eq!(out, "a: 1\r\nitems:\r\n  - {x: 1}\r\n");
        let out = append(&out, &p(&["items"]), "{x: 2}").expect("edit");
        assert_eq!(out, "a: 1\r\nitems:\r\n  - {x: 1}\r\n  - {x: 2}\r\n");
        // A value on the lines below a key with none yet: no blank after the colon.
        for nl in ["\n", "\r\n"] {
            let text = format!("a: 1{nl}items:{nl}b: 2{nl}");
            let out = set(&text, &p(&["items"]), &format!("{nl}  - x")).expect("edit");
            assert_eq!(out, format!("a: 1{nl}items:{nl}  - x{nl}b: 2{nl}"));
        }
    }

    #[test]
    fn edits_refuse_what_they_cannot_do_safely() {
        assert!(matches!(
            set("a: [1\n", &p(&["a"]), "2"),
            Err(EditError::Syntax(_))
        ));
        assert!(matches!(
            set("a: 1\n", &p(&["a", "b"]), "2"),
            Err(EditError::NotAContainer(_))
        ));
        assert!(matches!(
            set("a: {b: 1}\n", &p(&["a"]), "2"),
            Err(EditError::NotAScalar(_))
        ));
        assert!(matches!(
            set("a: [1]\n", &p(&["a", "3"]), "2"),
            Err(EditError::NoSuchItem(_))
        ));
    }
}
