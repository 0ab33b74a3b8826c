//! Spans of every kind of node: lines and columns from 1, columns in characters, the
//! end just past the node's last character (for a block collection: where the next
//! line begins).

use super::*;

#[test]
fn plain_scalars_keys_apart_from_values() {
    assert_eq!(
        dump("name: hello world\nkey:    spaced   # a comment\n"),
        [
            "map 1:1-3:1",
            "  plain `name` 1:1-1:5",
            "  plain `hello world` 1:7-1:18",
            "  plain `key` 2:1-2:4",
            // Neither the padding nor the comment belongs to the value.
            "  plain `spaced` 2:9-2:15",
        ]
    );
}

#[test]
fn quoted_scalars_span_their_quotes() {
    assert_eq!(
        dump("a: 'it''s'\nb: \"x\\ty\"\nc: ''\n"),
        [
            "map 1:1-4:1",
            "  plain `a` 1:1-1:2",
            "  quoted `it's` 1:4-1:11",
            "  plain `b` 2:1-2:2",
            "  quoted `x\ty` 2:4-2:10",
            "  plain `c` 3:1-3:2",
            "  quoted `` 3:4-3:6",
        ]
    );
}

#[test]
fn block_scalars_span_their_lines_from_the_text() {
    assert_eq!(
        dump("a: |\n  one\n  two\nb: >-\n  x\n\n  y\nc: |\nd: 1\n"),
        [
            "map 1:1-10:1",
            "  plain `a` 1:1-1:2",
            // From the first character of the text to where the next key begins.
            "  quoted `one\ntwo\n` 2:3-4:1",
            "  plain `b` 4:1-4:2",
            "  quoted `x\ny` 5:3-8:1",
            "  plain `c` 8:1-8:2",
            // An empty block scalar stands where the next key begins.
            "  quoted `` 9:1-9:1",
            "  plain `d` 9:1-9:2",
            "  plain `1` 9:4-9:5",
        ]
    );
}

#[test]
fn multi_line_values_end_on_their_last_line() {
    assert_eq!(
        dump("a: one\n  two\n  three\nb: \"multi\n  line\"\nc: 2\n"),
        [
            "map 1:1-7:1",
            "  plain `a` 1:1-1:2",
            "  plain `one two three` 1:4-3:8",
            "  plain `b` 4:1-4:2",
            "  quoted `multi line` 4:4-5:8",
            "  plain `c` 6:1-6:2",
            "  plain `2` 6:4-6:5",
        ]
    );
}

#[test]
fn flow_collections_span_their_brackets() {
    assert_eq!(
        dump("m: {a: 1, b: [x, [y]]}\ne: {}\nf: []\n"),
        [
            "map 1:1-4:1",
            "  plain `m` 1:1-1:2",
            "  map 1:4-1:23",
            "    plain `a` 1:5-1:6",
            "    plain `1` 1:8-1:9",
            "    plain `b` 1:11-1:12",
            "    seq 1:14-1:22",
            "      plain `x` 1:15-1:16",
            "      seq 1:18-1:21",
            "        plain `y` 1:19-1:20",
            "  plain `e` 2:1-2:2",
            "  map 2:4-2:6",
            "  plain `f` 3:1-3:2",
            "  seq 3:4-3:6",
        ]
    );
}

#[test]
fn block_collections_run_to_the_next_line() {
    assert_eq!(
        dump("s:\n  - a\n  - b: 1\n    c: 2\nt: 3\n"),
        [
            "map 1:1-6:1",
            "  plain `s` 1:1-1:2",
            "  seq 2:3-5:1",
            "    plain `a` 2:5-2:6",
            "    map 3:5-5:1",
            "      plain `b` 3:5-3:6",
            "      plain `1` 3:8-3:9",
            "      plain `c` 4:5-4:6",
            "      plain `2` 4:8-4:9",
            "  plain `t` 5:1-5:2",
            "  plain `3` 5:4-5:5",
        ]
    );
    assert_eq!(
        dump("- a\n- b\n"),
        ["seq 1:1-3:1", "  plain `a` 1:3-1:4", "  plain `b` 2:3-2:4"]
    );
}

#[test]
fn cyrillic_columns_count_characters_not_bytes() {
    assert_eq!(
        dump("имя: Ромашка ООО\nк: \"тест\"\nсписок: [раз, два]\n"),
        [
            "map 1:1-4:1",
            "  plain `имя` 1:1-1:4",
            "  plain `Ромашка ООО` 1:6-1:17",
            "  plain `к` 2:1-2:2",
            "  quoted `тест` 2:4-2:10",
            "  plain `список` 3:1-3:7",
            "  seq 3:9-3:19",
            "    plain `раз` 3:10-3:13",
            "    plain `два` 3:15-3:18",
        ]
    );
}

#[test]
fn empty_values_are_plain_nulls_where_the_value_would_begin() {
    let text = "a:\nb: ~\nc: null\n";
    assert_eq!(
        dump(text),
        [
            "map 1:1-4:1",
            "  plain `a` 1:1-1:2",
            "  plain `` 1:2-1:2",
            "  plain `b` 2:1-2:2",
            "  plain `~` 2:4-2:5",
            "  plain `c` 3:1-3:2",
            "  plain `null` 3:4-3:8",
        ]
    );
    let tree = tree(text);
    let value = |key| tree.get(tree.root(), key).map(|(_, v)| tree.is_null(v));
    assert_eq!(
        [value("a"), value("b"), value("c")],
        [Some(true), Some(true), Some(true)]
    );
    // Quoted, it is text.
    let quoted = super::tree("a: '~'\nb: ''\n");
    let value = |key| {
        quoted
            .get(quoted.root(), key)
            .map(|(_, v)| quoted.is_null(v))
    };
    assert_eq!([value("a"), value("b")], [Some(false), Some(false)]);
}

#[test]
fn an_empty_document_is_a_null_at_its_start() {
    for text in ["", "# only a comment\n", "\n\n"] {
        assert_eq!(dump(text), ["plain `` 1:1-1:1"], "{text:?}");
    }
}

#[test]
fn anchors_belong_to_their_node_and_aliases_point_back() {
    assert_eq!(
        dump("a: &x 1\nb: *x\nl:\n  - &m {k: v}\n  - *m\n"),
        [
            "map 1:1-6:1",
            "  plain `a` 1:1-1:2",
            // The span starts at the anchor.
            "  plain `1` 1:4-1:8",
            "  plain `b` 2:1-2:2",
            "  alias of 2 2:4-2:6",
            "  plain `l` 3:1-3:2",
            "  seq 4:3-6:1",
            "    map 4:5-4:14",
            "      plain `k` 4:9-4:10",
            "      plain `v` 4:12-4:13",
            "    alias of 7 5:5-5:7",
        ]
    );
    let tree = tree("a: &x {k: v}\nb: *x\n");
    let (_, b) = tree.get(tree.root(), "b").expect("b");
    let (_, a) = tree.get(tree.root(), "a").expect("a");
    assert_eq!(tree.resolve(b), a);
    assert_eq!(
        tree.get(b, "k").map(|(_, v)| tree.node(v).text.to_string()),
        Some("v".to_owned())
    );
}

#[test]
fn a_document_start_marker_and_directives_are_not_nodes() {
    assert_eq!(
        dump("%YAML 1.2\n---\na: 1\n...\n"),
        ["map 3:1-4:1", "  plain `a` 3:1-3:2", "  plain `1` 3:4-3:5"]
    );
}

#[test]
fn complex_keys_are_nodes_like_any_other() {
    assert_eq!(
        dump("? [a]\n: 1\n"),
        [
            "map 1:1-3:1",
            "  seq 1:3-1:6",
            "    plain `a` 1:4-1:5",
            "  plain `1` 2:3-2:4",
        ]
    );
}

#[test]
fn duplicate_keys_both_stay_in_the_tree_and_lookups_find_the_first() {
    // The tree keeps what is written; refusing the duplicate is the reader's job
    // (see de::duplicate_keys_end_the_read).
    let text = "a: 1\nb: 2\na: 3\n";
    assert_eq!(
        dump(text),
        [
            "map 1:1-4:1",
            "  plain `a` 1:1-1:2",
            "  plain `1` 1:4-1:5",
            "  plain `b` 2:1-2:2",
            "  plain `2` 2:4-2:5",
            "  plain `a` 3:1-3:2",
            "  plain `3` 3:4-3:5",
        ]
    );
    let tree = tree(text);
    let (k, v) = tree.get(tree.root(), "a").expect("a");
    assert_eq!(
        (at(tree.node(k).span), &*tree.node(v).text),
        ("1:1-1:2".to_owned(), "1")
    );
    assert_eq!(tree.node(tree.root()).len, 6);
}

#[test]
fn get_answers_none_outside_a_mapping() {
    let tree = tree("- a\n- b\n");
    assert_eq!(tree.get(tree.root(), "a"), None);
    let tree = super::tree("a: 1\n");
    assert_eq!(tree.get(tree.root(), "b"), None);
    let (_, one) = tree.get(tree.root(), "a").expect("a");
    assert_eq!(tree.get(one, "a"), None);
}

#[test]
fn line_breaks_of_every_kind_count_as_lines() {
    assert_eq!(
        dump("a: 1\r\nb: 2\rc: 3\n"),
        [
            "map 1:1-4:1",
            "  plain `a` 1:1-1:2",
            "  plain `1` 1:4-1:5",
            "  plain `b` 2:1-2:2",
            "  plain `2` 2:4-2:5",
            "  plain `c` 3:1-3:2",
            "  plain `3` 3:4-3:5",
        ]
    );
}
