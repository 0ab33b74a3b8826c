//! Unit tests of the YAML layer: spans (`tree`), typed values and their errors
//! (`de`), paths (`path`), and the limits that keep hostile files bounded (`limits`).

mod de;
mod limits;
mod path;
mod tree;

use super::*;

/// The tree of `text`, which must be valid.
fn tree(text: &str) -> Tree<'_> {
    match parse(text, &Limits::default()) {
        Ok(tree) => tree,
        Err(e) => panic!("{text:?} does not parse: {e:?}"),
    }
}

/// `line:col-line:col`.
fn at(span: Span) -> String {
    format!(
        "{}:{}-{}:{}",
        span.start.line, span.start.col, span.end.line, span.end.col
    )
}

/// Every node of `text`'s tree in document order, one a line, indented by depth:
/// `plain `a` 1:1-1:2`, `quoted `x` …`, `map …`, `seq …`, `alias of N …`.
fn dump(text: &str) -> Vec<String> {
    let tree = tree(text);
    let mut out = Vec::new();
    let mut stack = vec![(tree.root(), 0)];
    while let Some((id, depth)) = stack.pop() {
        let node = tree.node(id);
        let what = match node.kind {
            NodeKind::Scalar { quoted: false } => format!("plain `{}`", node.text),
            NodeKind::Scalar { quoted: true } => format!("quoted `{}`", node.text),
            NodeKind::Seq => "seq".to_owned(),
            NodeKind::Map => "map".to_owned(),
            NodeKind::Alias(target) => format!("alias of {target}"),
        };
        out.push(format!("{}{what} {}", "  ".repeat(depth), at(node.span)));
        let children: Vec<NodeId> = tree.children(id).collect();
        stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
    }
    out
}

#[test]
fn suggestions_catch_typos_swaps_and_one_wrong_letter() {
    let keys = ["what", "owner", "due", "done"];
    assert_eq!(suggest("deu", &keys), Some("due"), "two letters swapped");
    assert_eq!(suggest("dur", &keys), Some("due"), "one letter wrong");
    assert_eq!(suggest("ownr", &keys), Some("owner"), "one letter missing");
    assert_eq!(suggest("birthdy", &["name", "birthday"]), Some("birthday"));
    assert_eq!(suggest("zzz", &keys), None, "nothing close");
    assert_eq!(suggest("xb", &["ab"]), None, "too short to guess");
}

#[test]
fn lines_end_where_the_parser_says() {
    let text = "a: 1\rb: 2\r\nc: 3\nd: [\n";
    let lines: Vec<Option<&str>> = (1..=6).map(|n| line(text, n)).collect();
    assert_eq!(
        lines,
        [
            Some("a: 1"),
            Some("b: 2"),
            Some("c: 3"),
            Some("d: ["),
            Some(""),
            None
        ]
    );
    assert_eq!(line(text, 0), None);
    // The parser puts `c`'s key on line 3 too.
    let tree = parse("a: 1\rb: 2\r\nc: 3\n", &Limits::default()).expect("valid");
    let c = tree
        .get(tree.root(), "c")
        .map(|(k, _)| tree.node(k).span.start);
    assert_eq!(c, Some(Pos { line: 3, col: 1 }));
}
