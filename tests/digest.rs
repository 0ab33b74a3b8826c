//! `rapport digest`: the curator's digest of key clients, as Markdown (golden file)
//! and as an email draft read back by Python's `email` package.

mod common;
mod report_support;

use std::fs;

use common::{TempBook, fixture, rapport_in};
use report_support::{assert_golden, assert_wire_format, copy_dir, parse_eml};
use serde_json::json;

fn copy_book(locale: &str) -> TempBook {
    let book = TempBook::empty();
    copy_dir(&fixture("agenda-book"), book.path());
    let settings = book
        .read("rapport.yaml")
        .replace("locale: ru", &format!("locale: {locale}"));
    book.write("rapport.yaml", &settings);
    book
}

#[test]
fn digest_markdown_matches_the_golden_file() {
    let r = rapport_in(
        &fixture("agenda-book"),
        &["--today", "2026-12-04", "digest"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr, "",
        "egorova has no key client: she gets no digest unless asked"
    );
    assert_golden("digest-ru.md", &r.stdout);
}

#[test]
fn digest_reports_what_the_audit_and_the_terms_say() {
    let r = rapport_in(
        &fixture("agenda-book"),
        &["--today", "2026-12-04", "digest", "--curator", "volkov"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.stdout;
    // Meetings held in the last 30 days, with decisions.
    assert!(
        out.contains("- **20.11.2026**, очная встреча\n  - Запускаем сайт к 18.12\n"),
        "{out}"
    );
    // The budget state of the project.
    assert!(out.contains("| Сайт «Альфы» | в работе | 18.12.2026 | 300\u{a0}000,00\u{a0}₽ | 45\u{a0}000,00\u{a0}₽ (15 %) |"), "{out}");
    // Issued, paid and overdue (the audit's D04).
    assert!(out.contains("- Выставлен счёт 2026-0007 от 27.11.2026 на 60\u{a0}000,00\u{a0}₽, срок оплаты 07.12.2026\n"), "{out}");
    assert!(
        out.contains("- Оплата по счёту 2026-0005: 40\u{a0}000,00\u{a0}₽, 25.11.2026\n"),
        "{out}"
    );
    assert!(out.contains("- **Просрочен** счёт 2026-0005: не оплачено 60\u{a0}000,00\u{a0}₽, срок был 20.11.2026 (14 дней назад)\n"), "{out}");
    // The notice date, as D01/D02 count it.
    assert!(
        out.contains("срок уведомления — 09.12.2026 (через 5 дней)"),
        "{out}"
    );
    assert!(out.contains("**Решение не принято.**"), "{out}");
    // The audit's open errors, not its warnings.
    assert!(
        out.contains(
            "- R06: Письмо «Вопрос по срокам» (Ольга Петрова) пришло 1 декабря в 11:00: ответа нет"
        ),
        "{out}"
    );
    assert!(!out.contains("D01:"), "{out}");

    // A shorter period leaves the older meeting and invoice out.
    let r = rapport_in(
        &fixture("agenda-book"),
        &["--today", "2026-12-04", "digest", "--since", "2026-12-01"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("с 01.12.2026 по 04.12.2026"),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains("- **20.11.2026**"),
        "the meeting of 20 Nov is before the period: {}",
        r.stdout
    );
    assert!(
        !r.stdout.contains("Выставлен счёт 2026-0005"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("**Просрочен** счёт 2026-0005"),
        "overdue whenever issued: {}",
        r.stdout
    );
}

#[test]
fn digest_in_english() {
    let book = copy_book("en");
    let r = book.run(&["--today", "2026-12-04", "digest"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.stdout;
    assert!(
        out.starts_with("# Key clients: digest 4 Nov 2026 – 4 Dec 2026\n\nDear Сергей Волков,\n"),
        "{out}"
    );
    assert!(out.contains("| Сайт «Альфы» | in progress | 18 Dec 2026 | RUB\u{a0}300,000.00 | RUB\u{a0}45,000.00 (15 %) |"), "{out}");
    assert!(out.contains("- **Overdue** invoice 2026-0005: RUB\u{a0}60,000.00 unpaid, due 20 Nov 2026 (14 days ago)\n"), "{out}");
    assert!(out.contains("notice date 9 Dec 2026 (in 5 days)"), "{out}");
}

#[test]
fn digest_draft_reads_back_with_pythons_email_package() {
    let book = copy_book("ru");
    let out = book.path().join("drafts");
    let out_s = out.to_str().expect("utf-8").to_owned();
    let r = book.run(&["--today", "2026-12-04", "digest", "--eml", &out_s]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let path = out.join("digest-volkov-2026-12-04.eml");
    assert_eq!(r.stdout, format!("{}\n", path.display()));
    let bytes = fs::read(&path).expect("draft");
    assert_wire_format(&bytes);
    let m = parse_eml(&path);
    assert_eq!(m["defects"], json!([]));
    assert_eq!(
        m["subject"],
        "Ключевые клиенты: итоги с 04.11.2026 по 04.12.2026"
    );
    assert_eq!(m["x_unsent"], "1");
    assert_eq!(m["date"], "Fri, 04 Dec 2026 09:00:00 +0300");
    assert_eq!(
        m["from"],
        json!([{"name": "Анна Орлова", "email": "a.orlova@belykit.ru"}])
    );
    assert_eq!(
        m["to"],
        json!([{"name": "Сергей Волков", "email": "s.volkov@belykit.ru"}])
    );
    assert_eq!(m["cc"], json!([]));
    assert_eq!(m["parts"], json!(["text/plain", "text/html"]));
    let id = m["message_id"].as_str().expect("id");
    assert!(
        id.starts_with("<digest.volkov.2026-12-04.") && id.ends_with("@belykit.ru>"),
        "{id}"
    );
    assert!(m["text"].as_str().is_some_and(|t| t.contains("## Альфа")));
    assert!(
        m["html"]
            .as_str()
            .is_some_and(|t| t.contains("<h2 style=") && t.contains(">Альфа</h2>"))
    );
    // The audit's findings are quoted in the letter's language, in both parts, with
    // no apology for English any more.
    let quoted = "Обещание «Отправить договор» (Анна Орлова, на встрече 20 ноября)";
    assert!(m["text"].as_str().is_some_and(|t| t.contains(quoted)));
    assert!(m["html"].as_str().is_some_and(|t| t.contains(quoted)));
    let apology = "Сообщения аудита приводятся дословно";
    assert!(m["text"].as_str().is_some_and(|t| !t.contains(apology)));
    assert!(m["html"].as_str().is_some_and(|t| !t.contains(apology)));
    // Again: the same bytes.
    let r = book.run(&["--today", "2026-12-04", "digest", "--eml", &out_s]);
    assert_eq!(r.code, 0);
    assert_eq!(fs::read(&path).expect("draft"), bytes);
}

#[test]
fn a_curator_without_clients_or_email() {
    let book = copy_book("ru");
    let out = book.path().join("drafts");
    let r = book.run(&[
        "--today",
        "2026-12-04",
        "digest",
        "--curator",
        "egorova",
        "--eml",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("note: curator `egorova` has no key clients"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("warning: not addressed in the draft: curator Наталья Егорова (`egorova`): no email in the book"),
        "{}",
        r.stderr
    );
    let m = parse_eml(&out.join("digest-egorova-2026-12-04.eml"));
    assert_eq!(m["to"], json!([]));
    // No single manager: the agency writes.
    assert_eq!(
        m["from"],
        json!([{"name": "Белый кит", "email": "hello@belykit.ru"}])
    );
}

#[test]
fn digest_errors() {
    let dir = fixture("agenda-book");
    let r = rapport_in(
        &dir,
        &["--today", "2026-12-04", "digest", "--curator", "volkv"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("error: no curator `volkv` in rapport.yaml\nhint: did you mean `volkov`?"),
        "{}",
        r.stderr
    );
    let r = rapport_in(
        &dir,
        &["--today", "2026-12-04", "digest", "--since", "2026-12-05"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("error: --since 2026-12-05 is after today (2026-12-04)"),
        "{}",
        r.stderr
    );
    let r = rapport_in(&dir, &["digest", "--since", "05.12.2026"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("is not a date: write YYYY-MM-DD"),
        "{}",
        r.stderr
    );

    let book = TempBook::new();
    let r = book.run(&["--today", "2026-12-04", "digest"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("error: no curator has a key client"),
        "{}",
        r.stderr
    );
}

#[test]
fn key_clients_without_a_curator_are_named() {
    let book = copy_book("ru");
    book.write(
        "clients/delta/client.yaml",
        "name: Дельта\nkey: true\ncontacts: [{id: a, name: А}]\n",
    );
    let r = book.run(&["--today", "2026-12-04", "digest"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("warning: key clients without a curator are in no digest: Дельта (D09)"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_digest_without_any_sender_address_is_an_error() {
    let book = copy_book("ru");
    let text = book
        .read("rapport.yaml")
        .replace("  email: hello@belykit.ru\n", "")
        .replace(", email: a.orlova@belykit.ru", "");
    book.write("rapport.yaml", &text);
    let out = book.path().join("drafts");
    let r = book.run(&[
        "--today",
        "2026-12-04",
        "digest",
        "--eml",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("error: the digest has no sender"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_digest_rounds_percentages_as_the_budget_does() {
    // The digest cut 8.8 % to 8 %: both round to one place, halves away from zero.
    let book = common::example_book();
    let args = |cmd: &'static str| ["--today", "2026-11-27", "--no-cache", cmd];
    let budget = rapport_in(&book, &args("budget"));
    assert_eq!(budget.code, 0, "{}", budget.stderr);
    let digest = rapport_in(&book, &args("digest"));
    assert_eq!(digest.code, 0, "{}", digest.stderr);
    // Город Фитнес: 60 000 of 680 000 (8.82 %), 132 000 of 3 600 000 (3.67 %).
    for (budget_says, digest_says) in [
        ("8.8%", "60\u{a0}000,00\u{a0}₽ (8,8 %)"),
        ("3.7%", "132\u{a0}000,00\u{a0}₽ (3,7 %)"),
    ] {
        assert!(
            budget.stdout.contains(budget_says),
            "{budget_says}: {}",
            budget.stdout
        );
        assert!(
            digest.stdout.contains(digest_says),
            "{digest_says}: {}",
            digest.stdout
        );
    }
}

#[test]
fn money_and_ended_contracts_are_told_in_the_letters_language() {
    // Трудный клиент bills under a contract that ended (D03) and was overpaid (D06);
    // given a curator, its digest says so in Russian, not as English audit lines.
    let book = TempBook::empty();
    copy_dir(&common::example_book(), book.path());
    let file = "clients/trudnyi-klient/client.yaml";
    let client = book
        .read(file)
        .replace("key: true\n", "key: true\ncurator: volkov\n");
    book.write(file, &client);
    let r = rapport_in(
        book.path(),
        &[
            "--today",
            "2026-11-27",
            "--no-cache",
            "digest",
            "--curator",
            "volkov",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = &r.stdout;
    for line in [
        "- **Внимание:** Счёт 2026-0010 оплачен сверх суммы на 12\u{a0}000,00\u{a0}₽\n",
        "- **Внимание:** Счёт 2026-0009 от 24.11.2026 выставлен по договору 31/2025, срок которого истёк 30.06.2026, а продления нет\n",
        "- **Внимание:** Проект «Рекламное сопровождение открытия салона на Дмитровке» в работе по договору 31/2025, срок которого истёк 30.06.2026, а продления нет\n",
    ] {
        assert!(out.contains(line), "{line}\n---\n{out}");
    }
    for english in [
        "D03:",
        "D06:",
        "D04:",
        "D07:",
        "with no renewal",
        "payments total",
    ] {
        assert!(!out.contains(english), "{english}\n---\n{out}");
    }

    let settings = book
        .read("rapport.yaml")
        .replace("locale: ru", "locale: en");
    book.write("rapport.yaml", &settings);
    let r = rapport_in(
        book.path(),
        &[
            "--today",
            "2026-11-27",
            "--no-cache",
            "digest",
            "--curator",
            "volkov",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("- **Attention:** Invoice 2026-0010 was paid "),
        "{}",
        r.stdout
    );
}
