//! `YamlPath`: a finding's symbolic place, found again in the tree when it is shown.

use super::*;

/// Where `path` is in `text`: the value's span and the key's.
fn find(text: &str, path: &YamlPath) -> (String, String) {
    let tree = tree(text);
    (at(path.locate(&tree, false)), at(path.locate(&tree, true)))
}

const BOOK: &str =
    "name: X\ntasks:\n  - id: a\n    due: 2026-11-20\n  - id: b\n    tags: [one, two]\n";

#[test]
fn a_path_names_keys_and_indices() {
    let path = YamlPath::root().key("tasks").index(1).key("tags").index(0);
    assert_eq!(path.to_string(), "tasks[1].tags[0]");
    assert_eq!(YamlPath::root().to_string(), "");
    assert_eq!(YamlPath::root().index(2).key("a").to_string(), "[2].a");
}

#[test]
fn keys_and_values() {
    let due = YamlPath::root().key("tasks").index(0).key("due");
    assert_eq!(
        find(BOOK, &due),
        ("4:10-4:20".to_owned(), "4:5-4:8".to_owned())
    );
    let name = YamlPath::root().key("name");
    assert_eq!(
        find(BOOK, &name),
        ("1:7-1:8".to_owned(), "1:1-1:5".to_owned())
    );
    // A collection: its whole span either way round for an index.
    let tasks = YamlPath::root().key("tasks");
    assert_eq!(
        find(BOOK, &tasks),
        ("3:3-7:1".to_owned(), "2:1-2:6".to_owned())
    );
}

#[test]
fn indices_pick_the_item() {
    let second = YamlPath::root().key("tasks").index(1);
    assert_eq!(
        find(BOOK, &second),
        ("5:5-7:1".to_owned(), "5:5-7:1".to_owned()),
        "an item has no key: both are the item"
    );
    let two = YamlPath::root().key("tasks").index(1).key("tags").index(1);
    assert_eq!(
        find(BOOK, &two),
        ("6:17-6:20".to_owned(), "6:17-6:20".to_owned())
    );
    assert_eq!(
        find(BOOK, &YamlPath::root()),
        ("1:1-7:1".to_owned(), "1:1-7:1".to_owned())
    );
}

#[test]
fn a_missing_step_falls_back_to_the_deepest_node_there() {
    // A missing key: the mapping that should hold it.
    let start = YamlPath::root().key("tasks").index(0).key("start");
    assert_eq!(find(BOOK, &start).0, "3:5-5:3");
    // An index past the end: the list.
    let third = YamlPath::root().key("tasks").index(2).key("id");
    assert_eq!(find(BOOK, &third).0, "3:3-7:1");
    // An index into a mapping, a key into a scalar or a list.
    let wrong = YamlPath::root().key("tasks").index(0).index(0);
    assert_eq!(find(BOOK, &wrong).0, "3:5-5:3");
    let deeper = YamlPath::root().key("name").key("first");
    assert_eq!(
        find(BOOK, &deeper),
        ("1:7-1:8".to_owned(), "1:7-1:8".to_owned())
    );
    let keyed = YamlPath::root().key("tasks").key("a");
    assert_eq!(find(BOOK, &keyed).0, "3:3-7:1");
    // Nothing at all: the whole (empty) document.
    assert_eq!(find("", &start).0, "1:1-1:1");
}

#[test]
fn cyrillic_keys_and_values() {
    let text = "контакты:\n  - имя: Смирнова\n";
    let path = YamlPath::root().key("контакты").index(0).key("имя");
    assert_eq!(
        find(text, &path),
        ("2:10-2:18".to_owned(), "2:5-2:8".to_owned())
    );
}

#[test]
fn paths_go_through_aliases() {
    let text =
        "x-d: &d 2026-12-01\nx-base: &b {due: 2026-11-20, who: a}\ntasks:\n  - *b\n  - {due: *d}\n";
    // Inside an aliased mapping, the keys and values are where the anchor stands.
    let due = YamlPath::root().key("tasks").index(0).key("due");
    assert_eq!(
        find(text, &due),
        ("2:18-2:28".to_owned(), "2:13-2:16".to_owned())
    );
    // A value that is an alias is where the alias stands: that is where the
    // user wrote it for this place.
    let item = YamlPath::root().key("tasks").index(0);
    assert_eq!(find(text, &item).0, "4:5-4:7");
    let aliased = YamlPath::root().key("tasks").index(1).key("due");
    assert_eq!(
        find(text, &aliased),
        ("5:11-5:13".to_owned(), "5:6-5:9".to_owned())
    );
    // A missing key under an alias: the alias.
    let missing = YamlPath::root().key("tasks").index(0).key("start");
    assert_eq!(find(text, &missing).0, "4:5-4:7");
}
