//! The layers of `src/` (ARCHITECTURE.md) hold: no module imports, directly or
//! through others, a module that imports it back, and the lowest layers import only
//! what lies below them. Read from the source text, so a cycle fails `cargo test`
//! the moment it is written.
//!
//! A module here is a top-level one (`src/model/`, `src/wording.rs`) or one of a
//! folder's children (`commands::new`, `domain::billing`); a folder and its own
//! children may use each other (a `mod.rs` declares its children, they use its
//! helpers). Test code is left out: `#[cfg(test)]` modules may reach upwards, as
//! integration tests do.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Module path of each module, up to two levels, to the modules it uses.
type Graph = BTreeMap<Vec<String>, BTreeSet<Vec<String>>>;

/// What each module of the layers below may use, besides itself.
const LAYERS: &[(&str, &[&str])] = &[
    ("yaml", &[]),
    ("model", &["yaml"]),
    ("domain", &["model", "yaml"]),
];

#[test]
fn src_has_no_import_cycles() {
    let graph = graph_of(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(
        graph.len() > 20,
        "the source tree was not read: {:?}",
        graph.keys()
    );
    let modules = cycles(&graph);
    assert!(
        modules.is_empty(),
        "import cycles among the modules of src/:\n{}",
        modules.join("\n")
    );
    let folders = cycles(&top_level(&graph));
    assert!(
        folders.is_empty(),
        "import cycles among the top-level modules of src/:\n{}",
        folders.join("\n")
    );
}

/// The graph of the top-level modules: a folder uses what any of its children uses.
fn top_level(graph: &Graph) -> Graph {
    let mut top = Graph::new();
    for (from, uses) in graph {
        let entry = top.entry(vec![from[0].clone()]).or_default();
        for to in uses.iter().filter(|to| to[0] != from[0]) {
            entry.insert(vec![to[0].clone()]);
        }
    }
    top
}

#[test]
fn the_lowest_layers_use_only_what_lies_below_them() {
    let graph = graph_of(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src"));
    let mut wrong = Vec::new();
    for (from, uses) in &graph {
        let Some((_, allowed)) = LAYERS.iter().find(|(m, _)| from[0] == *m) else {
            continue;
        };
        for to in uses {
            if to[0] != from[0] && !allowed.contains(&to[0].as_str()) {
                wrong.push(format!("{} uses {}", from.join("::"), to.join("::")));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The checker itself finds a cycle through three modules, one of them a folder's
/// child, and passes over test code, comments and a folder's use of its children.
#[test]
fn the_checker_finds_a_cycle_and_only_a_cycle() {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("architecture-fixture");
    let _ = fs::remove_dir_all(&root);
    let write = |path: &str, text: &str| {
        let path = root.join(path);
        fs::create_dir_all(path.parent().expect("a folder")).expect("fixture folder");
        fs::write(path, text).expect("fixture file");
    };
    write("lib.rs", "mod a;\nmod b;\nmod c;\n");
    write("a.rs", "use crate::b::x;\n");
    write("b/mod.rs", "pub mod x;\nuse self::x::f;\n");
    write("b/x.rs", "use super::y;\nuse crate::c::g;\n");
    write(
        "c.rs",
        "// use crate::a; (a comment)\n#[cfg(test)]\nmod tests {\n    use crate::a;\n}\n",
    );
    let graph = graph_of(&root);
    assert!(cycles(&graph).is_empty(), "{graph:?}");

    write("c.rs", "pub fn g() {\n    crate::a::h();\n}\n");
    let graph = graph_of(&root);
    assert_eq!(cycles(&graph), ["a → b::x → c → a"], "{graph:?}");
    assert_eq!(cycles(&top_level(&graph)), ["a → b → c → a"]);

    // Through two children of one folder: no cycle among them, one among folders.
    write("c.rs", "pub fn g() {\n    crate::b::z::h();\n}\n");
    write("b/z.rs", "pub fn h() {}\n");
    write("a.rs", "");
    let graph = graph_of(&root);
    assert!(cycles(&graph).is_empty(), "{graph:?}");
    assert_eq!(cycles(&top_level(&graph)), ["b → c → b"]);
}

fn graph_of(src: &Path) -> Graph {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut test_only: BTreeSet<PathBuf> = BTreeSet::new();
    let mut texts = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("a source file reads");
        let (code, test_mods) = production_code(&text);
        for m in test_mods {
            let dir = module_dir(src, file);
            test_only.insert(dir.join(format!("{m}.rs")));
            test_only.insert(dir.join(&m));
        }
        texts.push((file.clone(), code));
    }
    let mut graph = Graph::new();
    for (file, code) in texts {
        let rel = file.strip_prefix(src).expect("under src");
        if rel == Path::new("lib.rs") || rel == Path::new("main.rs") {
            continue;
        }
        if test_only.iter().any(|t| file.starts_with(t))
            || rel.components().any(|c| c.as_os_str() == "tests")
        {
            continue;
        }
        let path = module_path(rel);
        let me: Vec<String> = path.iter().take(2).cloned().collect();
        let uses = graph.entry(me.clone()).or_default();
        for target in references(&code, &path) {
            let Some(target) = existing(src, &target) else {
                continue;
            };
            let target: Vec<String> = target.into_iter().take(2).collect();
            let related = target[0] == me[0] && (target.len() == 1 || me.len() == 1);
            if target != me && !related {
                uses.insert(target);
            }
        }
    }
    graph
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a source folder reads") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The folder a file's child modules live in: `a/` for `a/mod.rs` and for `a.rs`.
fn module_dir(src: &Path, file: &Path) -> PathBuf {
    let parent = file.parent().expect("a folder").to_path_buf();
    match file.file_stem().and_then(|s| s.to_str()) {
        Some("mod" | "lib" | "main") => parent,
        Some(stem) if parent.starts_with(src) => parent.join(stem),
        _ => parent,
    }
}

/// `["commands", "invoice", "new"]` for `commands/invoice/new.rs`.
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The text without comments and without `#[cfg(test)]` modules, and the names of
/// test modules declared here whose files are elsewhere (`#[cfg(test)] mod tests;`).
fn production_code(text: &str) -> (String, Vec<String>) {
    let lines: Vec<&str> = text.lines().collect();
    let mut code = String::new();
    let mut test_mods = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if line == "#[cfg(test)]" {
            let mut j = i + 1;
            while j < lines.len() && lines[j].trim().starts_with("#[") {
                j += 1;
            }
            let next = lines.get(j).map_or("", |l| l.trim());
            let decl = next.strip_prefix("pub ").unwrap_or(next);
            if let Some(rest) = decl.strip_prefix("mod ") {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if rest.trim_end().ends_with(';') {
                    test_mods.push(name);
                    i = j + 1;
                    continue;
                }
                // Skip to the brace that closes the module.
                let mut depth = 0i32;
                let mut k = j;
                loop {
                    depth += brace_balance(lines.get(k).copied().unwrap_or("}"));
                    k += 1;
                    if depth <= 0 || k >= lines.len() {
                        break;
                    }
                }
                i = k;
                continue;
            }
        }
        let without_comment = match line.find("//") {
            Some(at) => &lines[i][..lines[i].len() - line.len() + at],
            None => lines[i],
        };
        code.push_str(without_comment);
        code.push('\n');
        i += 1;
    }
    (code, test_mods)
}

/// Opening minus closing braces on a line, outside string and character literals.
fn brace_balance(line: &str) -> i32 {
    let mut balance = 0;
    let mut in_string = false;
    let mut prev = ' ';
    for c in line.chars() {
        match c {
            '"' if prev != '\\' => in_string = !in_string,
            '{' if !in_string && prev != '\'' => balance += 1,
            '}' if !in_string && prev != '\'' => balance -= 1,
            _ => {}
        }
        prev = c;
    }
    balance
}

/// Every module path the code names: `crate::a::b::Item` gives `[a, b, Item]`,
/// `super::x` is resolved from the file's own place, `self::x` too.
fn references(code: &str, path: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start) {
            let at = from + at;
            from = at + start.len();
            let boundary =
                at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
            if !boundary {
                continue;
            }
            let segs: Vec<String> = code[from..]
                .split("::")
                .map(|s| {
                    s.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect::<String>()
                })
                .take_while(|s| s.chars().next().is_some_and(|c| c.is_lowercase()))
                .collect();
            // `super` of `a/b.rs` and of `a/b/mod.rs` is `a`; `self` of `a/b/mod.rs` is
            // `a::b`, of `a/b.rs` is `a::b` too.
            let base: Vec<String> = match start {
                "crate::" => Vec::new(),
                "super::" => path[..path.len().saturating_sub(1)].to_vec(),
                _ => path.to_vec(),
            };
            out.push(base.into_iter().chain(segs).collect());
        }
    }
    out
}

/// The longest prefix of `path` that is a module with a file of its own.
fn existing(src: &Path, path: &[String]) -> Option<Vec<String>> {
    (1..=path.len()).rev().find_map(|n| {
        let rel = path[..n].join("/");
        (src.join(format!("{rel}.rs")).is_file() || src.join(&rel).join("mod.rs").is_file())
            .then(|| path[..n].to_vec())
    })
}

/// Each cycle of the graph, as "a → b → a", from Tarjan's strongly connected
/// components (every component of more than one module holds a cycle).
fn cycles(graph: &Graph) -> Vec<String> {
    struct Walk<'g> {
        graph: &'g Graph,
        index: BTreeMap<&'g Vec<String>, usize>,
        low: BTreeMap<&'g Vec<String>, usize>,
        stack: Vec<&'g Vec<String>>,
        found: Vec<Vec<&'g Vec<String>>>,
    }
    fn visit<'g>(w: &mut Walk<'g>, v: &'g Vec<String>) {
        let n = w.index.len();
        w.index.insert(v, n);
        w.low.insert(v, n);
        w.stack.push(v);
        for u in w.graph.get(v).into_iter().flatten() {
            if !w.index.contains_key(u) {
                visit(w, u);
                let low = w.low[u].min(w.low[v]);
                w.low.insert(v, low);
            } else if w.stack.contains(&u) {
                let low = w.index[u].min(w.low[v]);
                w.low.insert(v, low);
            }
        }
        if w.low[v] == w.index[v] {
            let mut component = Vec::new();
            while let Some(u) = w.stack.pop() {
                component.push(u);
                if u == v {
                    break;
                }
            }
            if component.len() > 1 {
                w.found.push(component);
            }
        }
    }
    let mut w = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    let nodes: BTreeSet<&Vec<String>> = graph.keys().chain(graph.values().flatten()).collect();
    for v in nodes {
        if !w.index.contains_key(v) {
            visit(&mut w, v);
        }
    }
    w.found
        .into_iter()
        .map(|component| {
            // One cycle through the component, from its first module in order.
            let members: BTreeSet<&Vec<String>> = component.into_iter().collect();
            let first = *members.iter().next().expect("a module");
            let mut path = vec![first];
            let mut seen = BTreeSet::from([first]);
            let mut at = first;
            loop {
                let next = graph[at]
                    .iter()
                    .filter(|u| members.contains(u))
                    .find(|u| *u == first || !seen.contains(u));
                match next {
                    Some(u) if u == first => break,
                    Some(u) => {
                        seen.insert(u);
                        path.push(u);
                        at = u;
                    }
                    None => break,
                }
            }
            path.push(first);
            path.iter()
                .map(|m| m.join("::"))
                .collect::<Vec<_>>()
                .join(" → ")
        })
        .collect()
}
