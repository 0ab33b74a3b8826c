//! The example book (`examples/agency`) is a lesson as well as a fixture. Its six
//! original clients are kept by the book; `clients/trudnyi-klient` (with the
//! contractor `contractors/pechat-ekspress.yaml`) carries a deliberate violation of
//! every automated rule, each marked by a YAML comment `# CODE: why` on the line the
//! audit points at or at most three lines above it. These tests keep both halves
//! honest: the book has no E-codes, every automated rule fires, every finding is a
//! planted one, every planted marker is reported, the clean clients stay clean, and
//! the README quotes what the audit really prints.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

const TODAY: &str = "2026-11-27";

/// How far above the reported line a marker comment may be.
const NEAR: usize = 3;

/// The clients kept by the book: the clean counterparts of the troubled one.
const CLEAN_CLIENTS: [&str; 6] = [
    "gorod-fitness",
    "klinika-zdorovye",
    "lesnaya-polyana",
    "mebel-uyut",
    "stroymaster",
    "vkusnoteka",
];

/// The contractors of the clean book (`pechat-ekspress` is the planted one).
const CLEAN_CONTRACTORS: [&str; 4] = [
    "diktor-golos",
    "foto-lab",
    "kod-i-piksel",
    "tipografiya-oktyabr",
];

/// What the clean clients do get, and all they get: information from the two
/// statistics rules, which report on clients that did nothing wrong — R20 who came
/// recommended and which key client never recommended us, D10 what to offer next
/// (key visuals, bought by 3 of the 5 active clients). (code, file)
const CLEAN_INFOS: [(&str, &str); 5] = [
    ("D10", "clients/stroymaster/client.yaml"),
    ("R20", "clients/gorod-fitness/client.yaml"),
    ("R20", "clients/klinika-zdorovye/client.yaml"),
    ("R20", "clients/lesnaya-polyana/client.yaml"),
    ("R20", "clients/stroymaster/client.yaml"),
];

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Finding {
    code: String,
    severity: String,
    file: String,
    line: usize,
    message: String,
}

/// `rapport audit --format json` on the example book: the exit code and the findings.
fn audit() -> (i32, Vec<Finding>) {
    let run = common::rapport(&[
        "audit",
        "--format",
        "json",
        "--today",
        TODAY,
        "--book",
        "examples/agency",
    ]);
    let doc = run.json();
    assert_eq!(doc["version"], 1, "{}", run.stdout);
    let findings = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| Finding {
            code: f["code"].as_str().expect("code").to_owned(),
            severity: f["severity"].as_str().expect("severity").to_owned(),
            file: f["file"].as_str().expect("file").to_owned(),
            line: f["line"]
                .as_u64()
                .and_then(|l| usize::try_from(l).ok())
                .unwrap_or_else(|| panic!("a finding without a line: {f}")),
            message: f["message"].as_str().expect("message").to_owned(),
        })
        .collect();
    (run.code, findings)
}

/// The codes `rapport rules` marks automated.
fn automated_codes() -> BTreeSet<String> {
    let run = common::rapport(&["rules", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let codes: BTreeSet<String> = run.json()["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter(|r| r["automated"] == true)
        .map(|r| r["code"].as_str().expect("code").to_owned())
        .filter(|c| !c.starts_with('E'))
        .collect();
    assert!(codes.contains("R01") && codes.contains("D10"), "{codes:?}");
    codes
}

/// The text of `examples/agency/REL`, split into lines.
fn lines_of(rel: &str) -> Vec<String> {
    let path = common::example_book().join(rel);
    fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The comment of a YAML line: the text after a `#` that starts the line or follows
/// a space, outside quotes.
fn comment(line: &str) -> Option<&str> {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && prev.is_whitespace() => return Some(&line[i + 1..]),
            None => {}
        }
        prev = c;
    }
    None
}

/// Does `text` name `code` as a word (`R06`, not `R060`)?
fn names(text: &str, code: &str) -> bool {
    text.match_indices(code).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + code.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The code a marker comment starts with: `# R06: …`, `# R20 (информация): …`.
fn marker(line: &str) -> Option<String> {
    let text = comment(line)?.trim_start();
    let code: String = text.chars().take(3).collect();
    let mut chars = code.chars();
    let ok = matches!(chars.next(), Some('R' | 'D'))
        && chars.all(|c| c.is_ascii_digit())
        && code.chars().count() == 3
        && !text[code.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    ok.then_some(code)
}

fn is_clean(f: &Finding) -> bool {
    CLEAN_CLIENTS
        .iter()
        .any(|c| f.file.starts_with(&format!("clients/{c}/")))
        || CLEAN_CONTRACTORS
            .iter()
            .any(|c| f.file == format!("contractors/{c}.yaml"))
}

fn is_clean_info(f: &Finding) -> bool {
    f.severity == "info"
        && CLEAN_INFOS
            .iter()
            .any(|(code, file)| f.code == *code && f.file == *file)
}

/// Every YAML file of the example book, relative to it, `/`-separated.
fn yaml_files() -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).expect("read a folder") {
            let path = entry.expect("an entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else if name.ends_with(".yaml") || name.ends_with(".yml") {
                let rel = path.strip_prefix(root).expect("inside the book");
                let parts: Vec<&str> = rel.iter().map(|p| p.to_str().expect("utf-8")).collect();
                out.push(parts.join("/"));
            }
        }
    }
    let root = common::example_book();
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out.sort();
    out
}

#[test]
fn the_example_book_has_no_book_errors_and_fails_on_its_planted_errors() {
    let (code, findings) = audit();
    let e_codes: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.code.starts_with('E'))
        .collect();
    assert!(e_codes.is_empty(), "{e_codes:#?}");
    assert!(findings.iter().any(|f| f.severity == "error"));
    assert_eq!(code, 1, "planted errors fail the audit");
}

#[test]
fn every_automated_rule_fires_on_the_example_book() {
    let (_, findings) = audit();
    let fired: BTreeSet<String> = findings.iter().map(|f| f.code.clone()).collect();
    let automated = automated_codes();
    let missing: Vec<&String> = automated.difference(&fired).collect();
    assert!(
        missing.is_empty(),
        "never fire on the example book: {missing:?}"
    );
}

#[test]
fn every_finding_is_planted_and_marked() {
    let (_, findings) = audit();
    let mut unmarked = Vec::new();
    for f in findings.iter().filter(|f| !is_clean_info(f)) {
        let lines = lines_of(&f.file);
        assert!(f.line >= 1 && f.line <= lines.len(), "{f:?}");
        let first = f.line.saturating_sub(NEAR).max(1);
        let marked = lines[first - 1..f.line]
            .iter()
            .any(|l| comment(l).is_some_and(|c| names(c, &f.code)));
        if !marked {
            unmarked.push(format!("{}:{} {} {}", f.file, f.line, f.code, f.message));
        }
    }
    assert!(
        unmarked.is_empty(),
        "findings with no `# CODE` comment on their line or the {NEAR} lines above:\n{}",
        unmarked.join("\n")
    );
}

#[test]
fn every_planted_marker_is_reported_where_it_stands() {
    let (_, findings) = audit();
    let mut markers = 0;
    let mut silent = Vec::new();
    for file in yaml_files() {
        for (i, line) in lines_of(&file).iter().enumerate() {
            let Some(code) = marker(line) else { continue };
            markers += 1;
            let at = i + 1;
            let reported = findings
                .iter()
                .any(|f| f.code == code && f.file == file && f.line >= at && f.line <= at + NEAR);
            if !reported {
                silent.push(format!("{file}:{at} {code}"));
            }
        }
    }
    assert!(markers >= automated_codes().len(), "{markers} markers");
    assert!(
        silent.is_empty(),
        "markers with no finding of their code on their line or the {NEAR} lines below:\n{}",
        silent.join("\n")
    );
}

#[test]
fn the_clean_clients_stay_clean() {
    let (_, findings) = audit();
    let clean: Vec<&Finding> = findings.iter().filter(|f| is_clean(f)).collect();
    let faults: Vec<&&Finding> = clean.iter().filter(|f| !is_clean_info(f)).collect();
    assert!(faults.is_empty(), "{faults:#?}");
    let mut infos: Vec<(&str, &str)> = clean
        .iter()
        .map(|f| (f.code.as_str(), f.file.as_str()))
        .collect();
    infos.sort_unstable();
    assert_eq!(infos, CLEAN_INFOS.to_vec());
    assert!(
        !findings.iter().any(|f| f.file == "rapport.yaml"),
        "{findings:#?}"
    );
}

/// The README's excerpt of the human output: the fenced block under the heading
/// "What the audit says about the example book".
fn readme_excerpt() -> Vec<String> {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let section = readme
        .split("## What the audit says about the example book")
        .nth(1)
        .expect("the README has the section");
    let block = section
        .split("```text\n")
        .nth(1)
        .and_then(|b| b.split("\n```").next())
        .expect("a ```text block in the section");
    block.lines().map(str::to_owned).collect()
}

#[test]
fn the_readme_quotes_the_real_audit_output() {
    let run = common::rapport(&[
        "audit",
        "--color",
        "never",
        "--today",
        TODAY,
        "--book",
        "examples/agency",
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let real: BTreeSet<&str> = run.stdout.lines().collect();
    let excerpt = readme_excerpt();
    assert!(excerpt.len() > 10, "{excerpt:?}");
    let invented: Vec<&String> = excerpt
        .iter()
        .filter(|l| l.as_str() != "…" && !real.contains(l.as_str()))
        .collect();
    assert!(
        invented.is_empty(),
        "README lines the audit does not print:\n{invented:#?}\n--- the audit:\n{}",
        run.stdout
    );
    let summary = run.stdout.lines().last().expect("a summary line");
    assert_eq!(excerpt.last().map(String::as_str), Some(summary));
}

#[test]
fn waived_findings_are_counted_and_no_waivers_shows_them() {
    let run = |extra: &[&str]| {
        let mut args = vec!["audit", "--format", "json", "--today", TODAY];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--book", "examples/agency"]);
        let doc = common::rapport(&args).json();
        let findings: Vec<(String, String)> = doc["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| (f["code"].to_string(), f["file"].to_string()))
            .collect();
        (findings, doc["summary"]["waived"].clone())
    };
    let (with, waived) = run(&[]);
    let (without, none) = run(&["--no-waivers"]);
    // Five waivers silence a finding each: two of R19 and R05, and three of D13 on
    // advance invoices, whose act comes with the work (the R23 waiver, on a contact
    // whose birthday is not near on this day, has nothing to silence).
    assert_eq!(waived, 5);
    assert_eq!(none, 0);
    let extra: Vec<&(String, String)> = without.iter().filter(|f| !with.contains(f)).collect();
    assert_eq!(
        extra,
        [
            &(
                "\"D13\"".to_owned(),
                "\"clients/gorod-fitness/invoices/2026-0004.yaml\"".to_owned()
            ),
            &(
                "\"D13\"".to_owned(),
                "\"clients/gorod-fitness/invoices/2026-0006.yaml\"".to_owned()
            ),
            &(
                "\"R19\"".to_owned(),
                "\"clients/gorod-fitness/projects/smm-soprovozhdenie.yaml\"".to_owned()
            ),
            &(
                "\"R05\"".to_owned(),
                "\"clients/lesnaya-polyana/projects/lesnoe-kv.yaml\"".to_owned()
            ),
            &(
                "\"D13\"".to_owned(),
                "\"clients/vkusnoteka/invoices/2026-0007.yaml\"".to_owned()
            ),
        ],
        "the findings the waivers silence"
    );
}
