//! The catalogs (src/i18n/en/*.ftl, ru/*.ftl), read with Fluent's own parser: both parse
//! without errors, hold the same messages, and each message uses the same arguments
//! in both languages (a message that used `$due` in English and forgot it in Russian
//! would silently drop the date). The Russian plural forms are checked against CLDR's
//! rules as Babel (PyPI) implements them, an implementation independent of ours.

mod checkers;
mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

fn i18n_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n")
}

/// The file names of one language's folder, sorted.
fn catalog_files(lang: &str) -> Vec<String> {
    let dir = i18n_dir().join(lang);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable entry").file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every message of one language's catalog files, with the arguments each uses; a
/// message in two files fails.
fn catalog(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for name in catalog_files(lang) {
        let path = i18n_dir().join(lang).join(&name);
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (id, vars) in messages(&format!("{lang}/{name}"), &source) {
            let twice = all.insert(id.clone(), vars).is_some();
            assert!(!twice, "{lang}/{name}: `{id}` is also in another file");
        }
    }
    all
}

#[test]
fn both_languages_have_the_same_files_and_the_program_loads_each() {
    let en = catalog_files("en");
    assert_eq!(
        en,
        catalog_files("ru"),
        "src/i18n/en and src/i18n/ru differ"
    );
    assert!(en.iter().all(|name| name.ends_with(".ftl")), "{en:?}");
    let listing = std::fs::read_to_string(i18n_dir().join("catalog.rs")).expect("catalog.rs");
    for name in &en {
        for lang in ["en", "ru"] {
            let include = format!("include_str!(\"{lang}/{name}\")");
            assert!(
                listing.contains(&include),
                "src/i18n/catalog.rs does not load {lang}/{name}: add it to FILES"
            );
        }
    }
}

fn inline_vars(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for p in &arguments.positional {
                inline_vars(p, out);
            }
            for n in &arguments.named {
                inline_vars(&n.value, out);
            }
        }
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for p in &arguments.positional {
                inline_vars(p, out);
            }
            for n in &arguments.named {
                inline_vars(&n.value, out);
            }
        }
        _ => {}
    }
}

fn expression_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(inline) => inline_vars(inline, out),
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn pattern_vars(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

/// Every message of a catalog with the arguments it uses; fails on a syntax error.
fn messages(lang: &str, source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{lang} does not parse: {errors:?}"),
    };
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    pattern_vars(value, &mut vars);
                }
                let previous = out.insert(m.id.name.to_owned(), vars);
                assert!(previous.is_none(), "{lang}: `{}` twice", m.id.name);
            }
            Entry::Junk { content } => panic!("{lang}: cannot read {content:?}"),
            _ => {}
        }
    }
    out
}

#[test]
fn both_catalogs_hold_the_same_messages_with_the_same_arguments() {
    let en = catalog("en");
    let ru = catalog("ru");
    let only_en: Vec<&String> = en.keys().filter(|k| !ru.contains_key(*k)).collect();
    let only_ru: Vec<&String> = ru.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        only_en.is_empty() && only_ru.is_empty(),
        "only in English: {only_en:?}; only in Russian: {only_ru:?}"
    );
    let differ: Vec<String> = en
        .iter()
        .filter(|(id, vars)| ru.get(*id) != Some(vars))
        .map(|(id, vars)| format!("{id}: en {vars:?}, ru {:?}", ru.get(id)))
        .collect();
    assert!(differ.is_empty(), "arguments differ: {differ:#?}");
    assert!(en.len() > 10, "the catalogs are nearly empty: {en:?}");
}

#[test]
fn the_checker_sees_a_missing_argument() {
    let en = messages("en", "a = { $x } and { $y ->\n   *[other] { $z }\n}\n");
    let ru = messages("ru", "a = { $x }\n");
    assert_eq!(
        en["a"],
        BTreeSet::from(["x".to_owned(), "y".to_owned(), "z".to_owned()])
    );
    assert_ne!(en["a"], ru["a"]);
}

/// The Russian catalog's plural forms, as `rapport audit --lang ru` prints them in
/// its summary line («аудит — 21 файл: …») for books of so many files, against the
/// CLDR plural category Babel gives each number.
#[test]
fn russian_plural_forms_follow_cldr() {
    let numbers = [1, 2, 3, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 121];
    let script = format!(
        "from babel.core import Locale\n\
         p = Locale('ru').plural_form\n\
         print(' '.join(p(n) for n in {numbers:?}))"
    );
    let out = checkers::checkers()
        .python()
        .args(["-c", &script])
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let categories = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let categories: Vec<&str> = categories.split(' ').collect();
    assert_eq!(categories.len(), numbers.len(), "{categories:?}");
    for (n, category) in numbers.into_iter().zip(categories) {
        let word = match category {
            "one" => "файл",
            "few" => "файла",
            "many" => "файлов",
            other => panic!("Babel gives {n} the category {other}"),
        };
        let book = common::TempBook::new();
        // rapport.yaml, and n - 1 more files.
        for i in 1..n {
            book.write(
                &format!("clients/c{i:03}/client.yaml"),
                &format!("name: Клиент {i}\nstatus: lead\n"),
            );
        }
        let run = common::rapport_in(
            book.path(),
            &["audit", "--lang", "ru", "--today", "2026-11-27"],
        );
        let summary = run.stdout.lines().last().unwrap_or_default().to_owned();
        let expected = format!("аудит — {n} {word}:");
        assert!(
            summary.starts_with(&expected),
            "{n} is {category} in CLDR: expected {expected:?}, rapport printed {summary:?}"
        );
    }
}
