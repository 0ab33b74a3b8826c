//! Which language rapport speaks: `--lang`, else `RAPPORT_LANG`, else the book's
//! `locale` in rapport.yaml, else the user's `LANG` (`ru_RU.UTF-8` is Russian,
//! anything else English). And what it says in Russian: the example book's agenda and
//! digest pinned in full, and no English word left in them or in the tables beyond
//! codes, paths, IDs, emails, URLs and the book's own values.

mod common;
mod report_support;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use common::{MINIMAL_SETTINGS, TempBook, command, example_book};
use report_support::assert_golden;

const TODAY: &str = "2026-11-27";

/// `rapport ARGS` in `dir` with neither `RAPPORT_LANG` nor `LANG` unless `env` sets
/// them.
fn run_with(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> common::Run {
    let mut cmd: Command = command(dir);
    cmd.env_remove("RAPPORT_LANG")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).output().expect("the rapport binary runs");
    common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn agenda_title(dir: &Path, env: &[(&str, &str)], extra: &[&str]) -> String {
    let mut args = vec!["--today", TODAY];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["agenda", "--days", "1"]);
    let r = run_with(dir, env, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout.lines().next().unwrap_or_default().to_owned()
}

const RU_TITLE: &str = "Дела на 27 ноября 2026 г. (пятница) и следующий 1 день (по сб 28 ноября)";
const EN_TITLE: &str = "Agenda for Friday 27 November 2026 and the next 1 day (to Sat 28 Nov)";

/// A book whose rapport.yaml says no `locale`.
fn book_without_locale() -> TempBook {
    let book = TempBook::new();
    assert!(!MINIMAL_SETTINGS.contains("locale"));
    book
}

#[test]
fn the_books_locale_chooses_russian_when_nothing_else_does() {
    assert_eq!(agenda_title(&example_book(), &[], &[]), RU_TITLE);
    assert_eq!(
        agenda_title(&example_book(), &[("LANG", "en_US.UTF-8")], &[]),
        RU_TITLE,
        "the book's locale comes before LANG"
    );
}

#[test]
fn a_book_in_english_is_spoken_in_english_whatever_lang_says() {
    let book = TempBook::new();
    book.write("rapport.yaml", &format!("{MINIMAL_SETTINGS}locale: en\n"));
    assert_eq!(
        agenda_title(book.path(), &[("LANG", "ru_RU.UTF-8")], &[]),
        EN_TITLE
    );
}

#[test]
fn without_a_locale_in_the_book_lang_decides() {
    let book = book_without_locale();
    assert_eq!(
        agenda_title(book.path(), &[("LANG", "ru_RU.UTF-8")], &[]),
        RU_TITLE
    );
    assert_eq!(agenda_title(book.path(), &[("LANG", "ru")], &[]), RU_TITLE);
    assert_eq!(
        agenda_title(book.path(), &[("LANG", "en_GB.UTF-8")], &[]),
        EN_TITLE
    );
    assert_eq!(agenda_title(book.path(), &[("LANG", "C")], &[]), EN_TITLE);
    assert_eq!(
        agenda_title(book.path(), &[("LANG", "rus")], &[]),
        EN_TITLE,
        "only ru and ru_… are Russian"
    );
    assert_eq!(
        agenda_title(book.path(), &[], &[]),
        EN_TITLE,
        "no LANG: English"
    );
}

#[test]
fn rapport_lang_beats_the_book_and_lang_beats_everything() {
    let ru_everywhere = [("RAPPORT_LANG", "ru"), ("LANG", "ru_RU.UTF-8")];
    assert_eq!(
        agenda_title(&example_book(), &ru_everywhere, &["--lang", "en"]),
        EN_TITLE,
        "--lang en beats RAPPORT_LANG, the book's locale and LANG"
    );
    assert_eq!(
        agenda_title(&example_book(), &[("RAPPORT_LANG", "en")], &[]),
        EN_TITLE,
        "RAPPORT_LANG beats the book's locale"
    );
    let book = book_without_locale();
    assert_eq!(
        agenda_title(book.path(), &[("RAPPORT_LANG", "ru")], &[]),
        RU_TITLE
    );
    assert_eq!(
        agenda_title(book.path(), &[("LANG", "en_US.UTF-8")], &["--lang", "ru"]),
        RU_TITLE
    );
}

#[test]
fn errors_outside_a_book_follow_lang() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let r = run_with(dir.path(), &[("LANG", "ru_RU.UTF-8")], &["agenda"]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.starts_with("ошибка: "), "{}", r.stderr);
    let r = run_with(dir.path(), &[("LANG", "C.UTF-8")], &["agenda"]);
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
}

fn ru(args: &[&str]) -> common::Run {
    let mut all = vec!["--today", TODAY];
    all.extend_from_slice(args);
    let r = run_with(&example_book(), &[], &all);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    r
}

#[test]
fn the_example_books_agenda_in_russian() {
    let r = ru(&["agenda", "--days", "7"]);
    assert_golden("agenda-ru-example.txt", &r.stdout);
}

#[test]
fn the_example_books_digest_in_russian() {
    let r = ru(&["digest"]);
    assert_golden("digest-ru-example.md", &r.stdout);
    assert_eq!(
        r.stderr,
        "предупреждение: ключевые клиенты без куратора не попадают ни в один дайджест: Автоцентр «Магистраль» (D09)\n"
    );
}
