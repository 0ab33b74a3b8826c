//! What a hostile or merely wrong file may cost, and what is refused: nesting deeper
//! than 64, more than a million nodes, alias expansion beyond a million visits, tags,
//! several documents. (Files over 4 MiB never reach this layer: the loader refuses
//! them, see `book::load` and tests/audit_ecodes.rs.)

use super::super::de::Read;
use super::*;

fn syntax_error(text: &str) -> (String, String) {
    match parse(text, &Limits::default()) {
        Ok(_) => panic!("{text:?} parses"),
        Err(e) => (format!("{}:{}", e.pos.line, e.pos.col), e.message()),
    }
}

fn read_value(text: &str, limits: &Limits) -> Read<serde_json::Value> {
    let tree = match parse(text, limits) {
        Ok(tree) => tree,
        Err(e) => panic!("{e:?}"),
    };
    read_tree::<serde_json::Value>(&tree, limits)
}

const TOO_DEEP: &str = "nesting too deep (a book file may nest 64 levels)";

#[test]
fn sixty_four_levels_of_nesting_and_no_more() {
    let flow = |n: usize| format!("{}x{}", "[".repeat(n), "]".repeat(n));
    assert!(parse(&flow(64), &Limits::default()).is_ok());
    assert_eq!(
        syntax_error(&flow(65)),
        ("1:65".to_owned(), TOO_DEEP.to_owned())
    );
    // Block style: each level one more line, two more columns.
    let block = |n: usize| {
        (0..n)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect::<String>()
    };
    assert!(parse(&block(64), &Limits::default()).is_ok());
    // The 65th mapping starts at its first key, on line 65.
    assert_eq!(
        syntax_error(&block(66)),
        ("65:129".to_owned(), TOO_DEEP.to_owned())
    );
}

#[test]
fn hostile_nesting_is_refused_without_overflowing_the_stack() {
    for text in [
        "[".repeat(20_000),
        "- ".repeat(20_000),
        "{a: ".repeat(20_000),
    ] {
        let (_, message) = syntax_error(&text);
        assert_eq!(message, TOO_DEEP, "{}", &text[..4]);
    }
}

#[test]
fn a_million_nodes_and_no_more() {
    // A list and its items: 1 + 999,999 nodes.
    let items = |n: usize| format!("[{}]", vec!["0"; n].join(","));
    let text = items(999_999);
    let tree = match parse(&text, &Limits::default()) {
        Ok(tree) => tree,
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(tree.nodes.len(), 1_000_000);
    // The 1,000,001st node is the 1,000,000th item, at column 2 * 1,000,000.
    assert_eq!(
        syntax_error(&items(1_000_000)),
        (
            "1:2000000".to_owned(),
            "more than 1000000 YAML nodes in one file".to_owned()
        )
    );
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
    let limits = Limits::default();
    let tree = match parse(&text, &limits) {
        Ok(tree) => tree,
        Err(e) => panic!("the text itself is small: {e:?}"),
    };
    assert_eq!(tree.nodes.len(), 121);
    let read = read_tree::<serde_json::Value>(&tree, &limits);
    assert!(read.partial.is_none(), "10^10 nodes must not be expanded");
    let errors: Vec<(DeErrorKind, String)> =
        read.errors.iter().map(|e| (e.kind, e.message())).collect();
    assert_eq!(
        errors,
        [(
            DeErrorKind::Syntax,
            "reading this file visits more than 1000000 nodes (an alias bomb?)".to_owned()
        )],
        "the budget ends the read"
    );
}

#[test]
fn small_aliases_expand() {
    let read = read_value("base: &b {a: 1}\ncopy: *b\n", &Limits::default());
    assert!(read.errors.is_empty());
    assert_eq!(
        read.partial.map(|v| v.to_string()).as_deref(),
        Some(r#"{"base":{"a":1},"copy":{"a":1}}"#)
    );
}

#[test]
fn the_visit_budget_counts_every_node_read_once() {
    // 1 mapping, 2 keys, 1 list and its 3 items, the alias and the 3 items again.
    let text = "a: &l [1, 2, 3]\nb: *l\n";
    let exact = Limits {
        max_visits: 11,
        ..Limits::default()
    };
    assert!(read_value(text, &exact).errors.is_empty());
    let short = Limits {
        max_visits: 10,
        ..Limits::default()
    };
    let read = read_value(text, &short);
    let errors: Vec<String> = read
        .errors
        .iter()
        .map(|e| format!("{} {}", e.span.map(at).unwrap_or_default(), e.message()))
        .collect();
    assert_eq!(
        errors,
        ["1:14-1:15 reading this file visits more than 10 nodes (an alias bomb?)"],
        "the last `3`, through the alias"
    );
}

#[test]
fn keys_passed_over_count_against_the_budget_too() {
    // Unknown and `x-` keys are not read, but looked at: through aliases, a mapping of
    // many of them would cost its size at every use without the budget knowing.
    #[derive(serde::Deserialize)]
    struct Item {
        #[serde(rename = "id")]
        _id: String,
    }
    #[derive(serde::Deserialize)]
    struct File {
        #[serde(rename = "items")]
        _items: Vec<Item>,
    }
    for key in ["k", "x-k"] {
        let keys: String = (0..20).map(|i| format!(", {key}{i}: 1")).collect();
        let mut text = format!("items:\n  - &i {{id: a{keys}}}\n");
        text.push_str(&"  - *i\n".repeat(10));
        let limits = Limits {
            max_visits: 200,
            ..Limits::default()
        };
        let tree = match parse(&text, &limits) {
            Ok(tree) => tree,
            Err(e) => panic!("{e:?}"),
        };
        let read = read_tree::<File>(&tree, &limits);
        let errors: Vec<String> = read
            .errors
            .iter()
            .map(|e| {
                format!(
                    "{:?} {} {}",
                    e.kind,
                    e.span.map(at).unwrap_or_default(),
                    e.message()
                )
            })
            .collect();
        // 3 nodes, then 23 an item: the budget runs out in the 9th, the alias on line 10.
        assert_eq!(
            errors,
            ["Syntax 10:5-10:7 reading this file visits more than 200 nodes (an alias bomb?)"],
            "{key}"
        );
    }
}

#[test]
fn tags_are_refused_but_for_str_on_a_scalar() {
    for (text, at, tag) in [
        ("a: !custom 1\n", "1:4", "!custom"),
        ("a: !!int 1\n", "1:4", "!!int"),
        ("a: !!binary 0J7RhNC40YE=\n", "1:4", "!!binary"),
        ("a: !!substr x\n", "1:4", "!!substr"),
        ("a: !!str [1]\n", "1:4", "!!str"),
        ("a: !!map {}\n", "1:4", "!!map"),
        (
            "- !<tag:example.com,2026:x> 1\n",
            "1:3",
            "!<tag:example.com,2026:x>",
        ),
    ] {
        assert_eq!(
            syntax_error(text),
            (
                at.to_owned(),
                format!("YAML tag `{tag}` is not supported in a book file")
            ),
            "{text:?}"
        );
    }
    // `!!str` says what a quoted scalar says: this is text.
    let read = read_value("a: !!str 1\nb: !!str true\n", &Limits::default());
    assert_eq!(
        read.partial.map(|v| v.to_string()).as_deref(),
        Some(r#"{"a":"1","b":"true"}"#)
    );
}

#[test]
fn one_document_per_file() {
    let second = "a second YAML document: a book file holds exactly one";
    for (text, at) in [
        ("a: 1\n---\nb: 2\n", "2:1"),
        ("---\na: 1\n---\nb: 2\n", "3:1"),
        ("a: 1\n...\nb: 2\n", "3:1"),
        ("a: 1\n...\n---\n", "3:1"),
    ] {
        assert_eq!(
            syntax_error(text),
            (at.to_owned(), second.to_owned()),
            "{text:?}"
        );
    }
    // One document may be marked as such.
    assert!(parse("---\na: 1\n...\n", &Limits::default()).is_ok());
}

#[test]
fn an_alias_needs_its_anchor_before_it() {
    assert_eq!(
        syntax_error("a: *x\nb: &x 1\n"),
        (
            "1:4".to_owned(),
            "while parsing node, found unknown anchor".to_owned()
        )
    );
}

#[test]
fn syntax_errors_say_where() {
    for (text, at, message) in [
        (
            "a: [\n",
            "2:1",
            "while parsing a node, did not find expected node content",
        ),
        (
            "a: \"x\n",
            "1:4",
            "while scanning a quoted scalar, found unexpected end of stream",
        ),
        (
            "a: b: c\n",
            "1:5",
            "mapping values are not allowed in this context",
        ),
        (
            "a:\n\tb: 1\n",
            "2:2",
            "tabs disallowed within this context (block indentation)",
        ),
        ("a: @x\n", "1:4", "unexpected character: `@'"),
        (
            "имя: \"x\n",
            "1:6",
            "while scanning a quoted scalar, found unexpected end of stream",
        ),
    ] {
        assert_eq!(
            syntax_error(text),
            (at.to_owned(), message.to_owned()),
            "{text:?}"
        );
    }
}
