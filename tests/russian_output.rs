//! No English word is left in the Russian audit. The account manager who reads
//! `rapport audit --lang ru` should meet only Russian prose, and Latin letters only
//! where they are not ours to translate. The check reads what a user reads: the audit
//! of the example book, run here, and every rule's `fires` case as
//! `tests/rules/CODE/fires/expected.ru.txt` pins it (tests/rules.rs holds those files
//! to the program's actual output, so reading them is reading the output).
//!
//! What may hold Latin letters, and why:
//! - the source excerpt under a finding (`  7 | chasing: true`, the caret line) and its
//!   place (`--> clients/acme/log/….yaml:7:10`): the book's own text, quoted, and a path;
//! - anything between backticks: a key, a value or a command the user types into the
//!   book or the shell (`` `status: cancelled` ``, `` `rapport act signed …` ``), which
//!   must stay as the file format and the command line spell it;
//! - anything between «» or „“: the book's own words (a project's title, a subject);
//! - a code in its brackets (`ошибка[R01]`) and a code on its own (`R01`, `D05`,
//!   a range `R01–R30`);
//! - a date-time as the book writes it (`2026-11-04T11:00`);
//! - a currency's ISO code right after a sum (`3 000,00 EUR`): rubles are written
//!   «₽», other currencies by their code, as Russian invoices and banks write them;
//! - a file path (it has a `/`, or ends in a file extension the book uses), an email
//!   address (`@`), a web address (`://`) and a command-line flag (`--no-waivers`):
//!   they are written as the machine reads them.
//!
//! Nothing else is allowed: a person's or a client's name written in Latin letters in a
//! book would be flagged here, and none of the books checked has one — the day one
//! does, quote it or name it in this list with its reason, do not widen the rules.

mod common;

use std::fs;
use std::path::Path;

use common::rapport;

/// The Latin words of one line of human audit output that are not allowed, as they
/// stand.
fn english_words(line: &str) -> Vec<String> {
    let trimmed = line.trim_start();
    // The place of a finding and the source excerpt: `-->`, then the gutter lines
    // (`7 | chasing: true`, `  |          ^^^^`).
    if trimmed.starts_with("-->") {
        return Vec::new();
    }
    let gutter = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
    if gutter.trim_start().starts_with('|') {
        return Vec::new();
    }
    let mut prose = without_spans(line, '`', '`');
    prose = without_spans(&prose, '«', '»');
    prose = without_spans(&prose, '„', '“');
    let mut found = Vec::new();
    let mut after_number = false;
    // A range of codes (`R01–R30`) is two codes.
    let prose = prose.replace('–', " ");
    for token in prose.split_whitespace() {
        let code = token.trim_end_matches(|c: char| c.is_ascii_punctuation());
        let currency =
            after_number && code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
        after_number = token.ends_with(|c: char| c.is_ascii_digit());
        if currency {
            continue;
        }
        let token = without_codes(token);
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '/');
        if bare.contains('/')
            || bare.contains('@')
            || token.contains("://")
            || bare.starts_with("--")
            || is_code(bare)
            || is_date_time(bare)
            || [".yaml", ".yml", ".md", ".pdf", ".ics"]
                .iter()
                .any(|ext| bare.ends_with(ext))
        {
            continue;
        }
        let latin: String = bare
            .chars()
            .map(|c| if c.is_ascii_alphabetic() { c } else { ' ' })
            .collect();
        if !latin.trim().is_empty() {
            found.push(bare.to_owned());
        }
    }
    found
}

/// `line` with every `open…close` span taken out (an unclosed span runs to the end).
fn without_spans(line: &str, open: char, close: char) -> String {
    let mut out = String::with_capacity(line.len());
    let mut inside = false;
    for c in line.chars() {
        if inside {
            if c == close {
                inside = false;
                out.push(' ');
            }
        } else if c == open {
            inside = true;
        } else {
            out.push(c);
        }
    }
    out
}

/// `2026-11-04T11:00`: a moment as the book writes it.
fn is_date_time(word: &str) -> bool {
    word.split_once('T').is_some_and(|(date, time)| {
        date.len() == 10
            && date.bytes().all(|b| b.is_ascii_digit() || b == b'-')
            && time.bytes().all(|b| b.is_ascii_digit() || b == b':')
    })
}

/// `R01`, `D05`, `E03`.
fn is_code(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() == 3 && matches!(b[0], b'R' | b'D' | b'E') && b[1..].iter().all(u8::is_ascii_digit)
}

/// `ошибка[R01]:` → `ошибка:`: a code in its brackets is taken out.
fn without_codes(token: &str) -> String {
    let mut out = token.to_owned();
    while let Some(open) = out.find('[') {
        let Some(close) = out[open..].find(']').map(|c| open + c) else {
            break;
        };
        if !is_code(&out[open + 1..close]) {
            break;
        }
        out.replace_range(open..=close, "");
    }
    out
}

/// Every flagged word of `text`, with the line it is on, under `label`.
fn check(label: &str, text: &str, problems: &mut Vec<String>) {
    for line in text.lines() {
        // The two lines of the snapshot's own header (`# rapport audit …`) are the
        // test's, not the program's.
        if line.starts_with("# ") {
            continue;
        }
        let words = english_words(line);
        if !words.is_empty() {
            problems.push(format!("{label}: {words:?} in: {line}"));
        }
    }
}

#[test]
fn the_checker_flags_english_and_passes_what_is_not_ours() {
    assert_eq!(
        english_words("ошибка[R06]: letter from Иван received on 2026-11-03"),
        ["letter", "from", "received", "on"]
    );
    assert!(
        english_words(
            "предупреждение[D05]: Счёт 2026-0009: после 2026-0006 (clients/acme/invoices/2026-0006.yaml) пропущены номера"
        )
        .is_empty()
    );
    assert!(english_words("  = что сделать: запишите `status: cancelled` и `replied:`").is_empty());
    assert!(english_words("Проект «Landing page» на стадии `negotiation`").is_empty());
    assert!(english_words(" --> clients/acme/log/x.yaml:7:10").is_empty());
    assert!(english_words("7 | chasing: true  # the client called").is_empty());
    assert!(english_words("   |          ^^^^").is_empty());
    assert!(
        english_words("аудит — 4 файла: 1 ошибка; 2 под исключением (--no-waivers покажет их)")
            .is_empty()
    );
    assert!(english_words("почта: anna@example.ru, сайт https://example.ru").is_empty());
    assert!(english_words("счёт на 10 980,00 USD, больше суммы").is_empty());
    assert_eq!(english_words("покупает SMM и USD"), ["SMM", "USD"]);
    assert_eq!(english_words("см. R07 и the rule"), ["the", "rule"]);
}

#[test]
fn the_example_books_russian_audit_has_no_english_word() {
    let run = rapport(&[
        "audit",
        "--book",
        "examples/agency",
        "--today",
        "2026-11-27",
        "--color",
        "never",
        "--lang",
        "ru",
    ]);
    assert!(
        run.stdout.lines().count() > 50,
        "the example book's audit has findings to read:\n{}{}",
        run.stdout,
        run.stderr
    );
    let mut problems = Vec::new();
    check("examples/agency", &run.stdout, &mut problems);
    check("examples/agency (stderr)", &run.stderr, &mut problems);
    assert!(
        problems.is_empty(),
        "English words in the Russian audit:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_rules_russian_fixture_has_no_english_word() {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules");
    let mut codes: Vec<_> = fs::read_dir(&rules)
        .expect("tests/rules")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| is_code(name))
        .collect();
    codes.sort();
    let mut read = 0;
    let mut problems = Vec::new();
    for code in &codes {
        let pinned = rules.join(code).join("fires/expected.ru.txt");
        let Ok(text) = fs::read_to_string(&pinned) else {
            continue;
        };
        read += 1;
        check(code, &text, &mut problems);
    }
    assert!(
        read >= 38,
        "only {read} Russian fixtures found in {codes:?}"
    );
    assert!(
        problems.is_empty(),
        "English words in the Russian fixtures:\n{}",
        problems.join("\n")
    );
}

/// The loader's findings (E-codes), on the fixtures that give them: the YAML syntax
/// (E01), types and required keys (E02), unknown keys (E03), references (E04),
/// duplicates (E05), IDs (E06), dates that contradict each other or cannot be (E07) and
/// waivers (E08).
#[test]
fn the_loaders_findings_in_russian_have_no_english_word() {
    let mut problems = Vec::new();
    for case in ["e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08"] {
        let book = format!("tests/fixtures/{case}-fires");
        let run = rapport(&[
            "audit",
            "--book",
            &book,
            "--today",
            "2026-11-27",
            "--color",
            "never",
            "--lang",
            "ru",
            "--no-cache",
        ]);
        assert!(
            run.stdout.contains(&format!("[{}]", case.to_uppercase())),
            "{case} gives its findings:\n{}{}",
            run.stdout,
            run.stderr
        );
        // The E-codes' findings only, with their help: the rules these broken books
        // also set off are the rule fixtures' to check (here they may name a dangling
        // contact by its ID, as the audit does when a book names nobody else).
        let mut loaders = false;
        let mut kept = String::new();
        for line in run.stdout.lines() {
            if let Some(open) = line.find('[')
                && !line.starts_with(' ')
            {
                loaders = line[open + 1..].starts_with('E');
            }
            if loaders {
                kept.push_str(line);
                kept.push('\n');
            }
        }
        check(case, &kept, &mut problems);
    }
    assert!(
        problems.is_empty(),
        "English words in the loader's Russian findings:\n{}",
        problems.join("\n")
    );
}
