//! Unit tests of the YAML layer: spans (`tree`), typed values and their errors
//! (`de`), paths (`path`), and the limits that keep hostile files bounded (`limits`).

mod de;
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

fn bomb(levels: usize) -> String {
    let mut text = String::from("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..=levels {
        let p = format!("*l{}", i - 1);
        let items = [p.as_str(); 10].join(", ");
        text.push_str(&format!("l{i}: &l{i} [{items}]\n"));
    }
    text
}

#[test]
fn an_alias_bomb_stops_at_the_visit_budget() {
    let text = bomb(9);
    let tree = parse(&text, &Limits::default()).expect("the text itself is small");
    assert!(tree.nodes.len() < 200);
    let read = read_tree::<serde_json::Value>(&tree, &Limits::default());
    assert!(read.partial.is_none(), "10^10 nodes must not be expanded");
    let errors = read.errors;
    assert_eq!(errors.len(), 1, "the budget ends the read: {errors:?}");
    let err = &errors[0];
    assert_eq!(err.kind, DeErrorKind::Syntax);
    assert!(err.message.contains("alias bomb"), "{}", err.message);
}

#[test]
fn small_aliases_expand() {
    let text = "base: &b {a: 1}\ncopy: *b\n";
    let tree = parse(text, &Limits::default()).expect("valid");
    let read = read_tree::<serde_json::Value>(&tree, &Limits::default());
    assert!(read.errors.is_empty());
    assert_eq!(
        read.partial.expect("readable").to_string(),
        r#"{"base":{"a":1},"copy":{"a":1}}"#
    );
}

#[test]
fn deep_nesting_is_refused_early() {
    let limits = Limits::default();
    for text in [
        "[".repeat(20_000),
        "- ".repeat(20_000),
        "{a: ".repeat(20_000),
    ] {
        let err = parse(&text, &limits).expect_err("too deep");
        assert!(err.message.contains("nesting"), "{}", err.message);
    }
    let ok = format!("{}x{}", "[".repeat(60), "]".repeat(60));
    assert!(parse(&ok, &limits).is_ok());
}

#[test]
fn one_document_per_file() {
    let err = parse("a: 1\n---\nb: 2\n", &Limits::default()).expect_err("two documents");
    assert!(
        err.message.contains("second YAML document"),
        "{}",
        err.message
    );
    assert_eq!(err.pos.line, 2);
}

#[test]
fn paths_locate_keys_and_values() {
    let text = "name: X\ntasks:\n  - id: a\n    due: 2026-11-20\n";
    let tree = parse(text, &Limits::default()).expect("valid");
    let path = YamlPath::root().key("tasks").index(0).key("due");
    assert_eq!(path.locate(&tree, false).start, Pos { line: 4, col: 10 });
    assert_eq!(path.locate(&tree, true).start, Pos { line: 4, col: 5 });
    assert_eq!(path.to_string(), "tasks[0].due");
    let missing = YamlPath::root().key("tasks").index(0).key("start");
    assert_eq!(missing.locate(&tree, false).start, Pos { line: 3, col: 5 });
}
