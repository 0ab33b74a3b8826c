//! Entry points for the fuzz targets in `fuzz/` (cargo-fuzz; see docs/fuzzing.md). Each
//! takes hostile input and must never panic: a panic here is a crash the fuzzer reports.
//! The checks below (`assert!`) are properties every input must keep, so that a wrong
//! answer, not only a crash, stops the fuzzer.

use std::path::Path;

use chrono::NaiveDate;
use clap::Parser;
use serde::de::DeserializeOwned;

use crate::book::{self, Book, Kind};
use crate::finding::{Finding, Location};
use crate::model::{Client, Contract, Contractor, Invoice, LogEntry, Meeting, Project, Settings};

/// The kinds of file, in the order a selector byte picks them (`selector % 10`).
pub const KINDS: [&str; 10] = [
    "settings",
    "client",
    "contract",
    "project",
    "meeting",
    "log",
    "invoice",
    "contractor",
    // A client file again, whose contacts are what every other kind refers to.
    "client",
    "act",
];

/// The day the fuzzed audits take as today: the example book's.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
}

fn kind_of(selector: u8) -> Kind {
    match KINDS[usize::from(selector) % KINDS.len()] {
        "settings" => Kind::Settings,
        "contract" => Kind::Contract,
        "project" => Kind::Project,
        "meeting" => Kind::Meeting,
        "log" => Kind::Log,
        "invoice" => Kind::Invoice,
        "act" => Kind::Act,
        "contractor" => Kind::Contractor,
        _ => Kind::Client,
    }
}

/// The book-relative path a file of `kind` would have.
fn file_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Settings => "rapport.yaml",
        Kind::Client => "clients/acme/client.yaml",
        Kind::Contract => "clients/acme/contracts/2026-001.yaml",
        Kind::Project => "clients/acme/projects/site.yaml",
        Kind::Meeting => "clients/acme/meetings/2026-11-18-kickoff.yaml",
        Kind::Log => "clients/acme/log/2026-11-20-call.yaml",
        Kind::Invoice => "clients/acme/invoices/2026-0001.yaml",
        Kind::Act => "clients/acme/acts/2026-0001.yaml",
        Kind::Contractor => "contractors/print.yaml",
    }
}

/// Every finding of one file must name that file, and a position in it must lie within
/// the text (at most one line past the end, where the parser reports "unexpected end").
/// Lines end as YAML ends them: `\n`, `\r\n` or a lone `\r`.
fn check_findings(file: &str, text: &str, findings: &[Finding]) {
    let b = text.as_bytes();
    let breaks = (0..b.len())
        .filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count();
    let lines = breaks + 2;
    for f in findings {
        assert_eq!(f.file, file, "a finding names another file: {f:?}");
        if let Location::Span(span) = &f.location {
            for pos in [span.start, span.end] {
                assert!(
                    (pos.line as usize) <= lines,
                    "a finding points past the end of the file ({lines} lines): {f:?}"
                );
            }
        }
    }
}

fn parse_as<T: DeserializeOwned>(file: &str, text: &str) -> (Option<T>, Vec<Finding>) {
    let mut findings = Vec::new();
    let value = book::parse_entity::<T>(file, text, &mut findings);
    check_findings(file, text, &findings);
    if value.is_none() {
        assert!(
            !findings.is_empty(),
            "a file that could not be read gave no finding to say why"
        );
    }
    (value, findings)
}

/// Parses `bytes` as the file kind that `selector` picks, the way the loader does: UTF-8
/// without a byte-order mark, then YAML, then the typed model (E01, E02, E03, E07). For
/// `rapport.yaml`, the settings' own checks run too.
pub fn parse_file(selector: u8, bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let kind = kind_of(selector);
    let file = file_name(kind);
    match kind {
        Kind::Settings => {
            let (settings, _) = parse_as::<Settings>(file, text);
            if settings.is_some() {
                let _ = crate::audit::config::check(settings.as_ref());
                let _ = crate::audit::config::configs(settings.as_ref());
            }
        }
        Kind::Client => drop(parse_as::<Client>(file, text)),
        Kind::Contract => drop(parse_as::<Contract>(file, text)),
        Kind::Project => drop(parse_as::<Project>(file, text)),
        Kind::Meeting => drop(parse_as::<Meeting>(file, text)),
        Kind::Log => drop(parse_as::<LogEntry>(file, text)),
        Kind::Invoice => drop(parse_as::<Invoice>(file, text)),
        Kind::Act => drop(parse_as::<crate::model::Act>(file, text)),
        Kind::Contractor => drop(parse_as::<Contractor>(file, text)),
    }
}

/// What a loaded book holds, for comparing two loads of the same files.
fn fingerprint(book: &Book) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}",
        book.settings, book.clients, book.contractors, book.findings
    )
}

/// Audits the book at `root` as `rapport audit` does, in every output format, after
/// checking that the parse cache changes nothing: the book loaded without the cache,
/// with a cold cache and with a warm one must be the same. Then, when `commands` is
/// true, runs the read-only commands on it (they print to stdout: the fuzz target sends
/// stdout to /dev/null).
pub fn audit_dir(root: &Path, commands: bool) {
    let Ok(book) = book::load(root) else {
        return;
    };
    let expected = fingerprint(&book);
    for pass in ["cold", "warm"] {
        if let Ok(cached) = book::load_with(root, true) {
            assert!(
                fingerprint(&cached) == expected,
                "the book loaded through the {pass} parse cache differs from the book parsed anew"
            );
        }
    }
    let today = today();
    let report = crate::audit::run(&book, today, &crate::audit::Options::default());
    let mut findings = book.findings.clone();
    findings.extend(crate::audit::config::check(book.settings.as_ref()));
    findings.extend(report.findings);
    let resolved = crate::output::resolve(&book, findings);
    let summary = crate::output::Summary::of(book.sources.len(), &resolved, report.waived);
    for lang in [crate::i18n::Lang::En, crate::i18n::Lang::Ru] {
        let _ = crate::output::human::render(&book, &resolved, summary, true, lang);
        let _ = crate::output::json::render(&resolved, summary, &serde_json::Value::Null, lang);
        let _ = crate::output::sarif::render(&resolved, lang, false, &serde_json::Value::Null);
        let _ = crate::output::github::render(&resolved, summary, lang, None);
    }
    if commands {
        run_commands(root, &book);
    }
}

/// The commands that read the book and write only to stdout, on the first two clients,
/// projects, meetings and invoices of each client (each command loads the book again:
/// more would slow the fuzzer more than it finds). Their errors are answers (exit 2
/// with a message), not crashes; only a panic counts.
fn run_commands(root: &Path, book: &Book) {
    let mut lines: Vec<Vec<String>> = [
        "clients",
        "clients --format json",
        "agenda --days 30",
        "digest",
        "renewals",
        "renewals --format json",
        "budget",
        "calendar",
        "upsell",
        "invoices",
        "invoices --overdue --format json",
    ]
    .iter()
    .map(|l| l.split(' ').map(str::to_owned).collect())
    .collect();
    for client in book.clients.iter().take(2) {
        let id = client.id.clone();
        lines.push(vec!["show".into(), id.clone()]);
        lines.push(vec!["budget".into(), id.clone()]);
        for format in ["md", "html", "csv"] {
            lines.push(
                [
                    "reconcile",
                    &id,
                    "--from",
                    "2026-01-01",
                    "--to",
                    "2026-12-31",
                    "--format",
                    format,
                ]
                .map(str::to_owned)
                .to_vec(),
            );
        }
        for p in client.projects.iter().take(2) {
            lines.push(vec!["estimate".into(), format!("{id}/{}", p.id)]);
        }
        for m in client.meetings.iter().take(2) {
            lines.push(vec![
                "meeting".into(),
                "report".into(),
                format!("{id}/{}", m.id),
            ]);
        }
        for i in client.invoices.iter().take(2) {
            let invoice = format!("{id}/{}", i.id);
            for format in ["md", "html"] {
                lines.push(
                    ["invoice", "render", &invoice, "--format", format]
                        .map(str::to_owned)
                        .to_vec(),
                );
            }
        }
    }
    let ctx = crate::context::Context {
        book: Some(root.to_path_buf()),
        today: Some(today()),
        color: false,
        cache: false,
        manager: None,
        ask_git: false,
        lang: crate::i18n::Lang::En,
        lang_asked: false,
    };
    for line in lines {
        let argv = std::iter::once("rapport".to_owned()).chain(line);
        if let Ok(cli) = crate::cli::Cli::try_parse_from(argv) {
            let _ = crate::commands::run(&ctx, &cli.command);
        }
    }
}
