//! `rapport invoice remind CLIENT/INVOICE --eml DIR [--to] [--log]` through the real
//! binary: the draft read back by Python's `email` package (headers, addresses, the
//! text pinned in full, polite and firm, Russian and English), the invoice PDF attached
//! when built with PDF support (read back by pypdf), `--log` writing a new log entry
//! once, a book's own template, the agenda proposing the command, and every refusal.

mod checkers;
mod common;
mod report_support;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::TempBook;
use report_support::{assert_golden, assert_wire_format, copy_dir, parse_eml};

const TODAY: &str = "2026-11-27";
const FIRM: &str = "trudnyi-klient/2025-0008";

fn example_copy() -> TempBook {
    let book = TempBook::empty();
    copy_dir(&common::example_book(), book.path());
    // No parse cache of the source book.
    let _ = fs::remove_dir_all(book.path().join(".rapport"));
    book
}

fn remind(book: &TempBook, today: &str, args: &[&str]) -> common::Run {
    let mut all = vec!["invoice", "remind"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--today", today]);
    book.run(&all)
}

/// What Python's email package finds besides the bodies: each leaf part's type and
/// file name, and the bytes of the attachment named `name` written to `out`.
fn attachments(eml: &Path, out: &Path) -> Vec<(String, Option<String>)> {
    const SCRIPT: &str = r#"
import email, email.policy, json, sys
with open(sys.argv[1], 'rb') as f:
    msg = email.message_from_binary_file(f, policy=email.policy.default)
found = []
for part in msg.walk():
    if part.is_multipart():
        continue
    name = part.get_filename()
    found.append([part.get_content_type(), name])
    if name:
        with open(sys.argv[2], 'wb') as o:
            o.write(part.get_content())
print(json.dumps(found))
"#;
    let run = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .arg(eml)
        .arg(out)
        .output()
        .expect("python3 runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_slice(&run.stdout).expect("json")
}

#[test]
fn a_long_overdue_invoice_gets_a_firm_letter_to_the_accountant() {
    let book = example_copy();
    let drafts = book.path().join("drafts");
    let run = remind(&book, TODAY, &[FIRM, "--eml", "drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "drafts/trudnyi-klient-2025-0008-reminder.eml\n");
    let path = drafts.join("trudnyi-klient-2025-0008-reminder.eml");
    let bytes = fs::read(&path).expect("draft written");
    assert_wire_format(&bytes);
    let eml = parse_eml(&path);
    assert_eq!(eml["defects"], serde_json::json!([]));
    assert_eq!(
        eml["subject"],
        "Просроченная оплата: счёт № 2025-0008 от 20.12.2025 — Белый кит"
    );
    assert_eq!(eml["date"], "Fri, 27 Nov 2026 10:00:00 +0300");
    assert_eq!(eml["x_unsent"], "1");
    assert_eq!(
        eml["from"],
        serde_json::json!([{"name": "Дмитрий Белов", "email": "d.belov@belykit.ru"}])
    );
    assert_eq!(
        eml["to"],
        serde_json::json!([{"name": "Галина Шубина", "email": "buh@magistral-auto.ru"}])
    );
    assert_golden("reminder-ru-firm.md", eml["text"].as_str().expect("text"));
    let html = eml["html"].as_str().expect("html");
    assert!(html.contains("Оплата просрочена на 332 дня"), "{html}");
    // Deterministic: the same bytes again.
    let again = remind(&book, TODAY, &[FIRM, "--eml", "drafts"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(fs::read(&path).expect("draft"), bytes);
    let pdf = book.path().join("attached.pdf");
    let parts = attachments(&path, &pdf);
    if cfg!(feature = "pdf") {
        assert_eq!(eml["content_type"], "multipart/mixed");
        assert_eq!(
            parts,
            [
                ("text/plain".to_owned(), None),
                ("text/html".to_owned(), None),
                (
                    "application/pdf".to_owned(),
                    Some("2025-0008.pdf".to_owned())
                ),
            ]
        );
        let text = checkers::one_spaced(&checkers::pdf_text(&pdf));
        assert!(text.contains("Счёт на оплату № 2025-0008"), "{text}");
        assert!(
            run.stderr.ends_with(", the invoice attached\n"),
            "{}",
            run.stderr
        );
    } else {
        assert_eq!(eml["content_type"], "multipart/alternative");
        assert_eq!(parts.len(), 2);
        assert!(run.stderr.contains("not attached"), "{}", run.stderr);
    }
}

#[test]
fn a_recently_overdue_invoice_gets_a_polite_letter() {
    let book = example_copy();
    let run = remind(&book, "2026-01-05", &[FIRM, "--eml", "drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let eml = parse_eml(
        &book
            .path()
            .join("drafts/trudnyi-klient-2025-0008-reminder.eml"),
    );
    assert_eq!(
        eml["subject"],
        "Напоминание об оплате: счёт № 2025-0008 от 20.12.2025 — Белый кит"
    );
    assert_golden("reminder-ru-polite.md", eml["text"].as_str().expect("text"));
    // The threshold is D04's `firm_days`: at 3 days, 6 days overdue is firm.
    let yaml = book.read("rapport.yaml");
    assert!(yaml.contains("\nrules:\n"), "the example book sets rules");
    book.write(
        "rapport.yaml",
        &yaml.replacen("\nrules:\n", "\nrules:\n  D04: {firm_days: 3}\n", 1),
    );
    let run = remind(&book, "2026-01-05", &[FIRM, "--eml", "drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.starts_with("firm reminder"), "{}", run.stderr);
}

#[test]
fn an_english_book_gets_an_english_letter_and_a_book_may_override_the_template() {
    let book = TempBook::empty();
    book.write(
        "rapport.yaml",
        "agency: {name: White Whale, email: hello@whale.example, phone: +44 20 0000 0000}\nlocale: en\ncurrency: EUR\nteam: [{id: ann, name: Ann Lee, role: account, email: ann@whale.example}]\n",
    );
    book.write(
        "clients/acme/client.yaml",
        "name: Acme\nmanager: ann\ncontacts:\n  - {id: bob, name: Bob Stone, email: bob@acme.example}\n  - {id: eve, name: Eve Hart, email: ap@acme.example, billing: true}\n",
    );
    book.write(
        "clients/acme/invoices/2026-0001.yaml",
        "number: \"2026-0001\"\ndate: 2026-11-02\ndue: 2026-11-20\nvat: none\nlines: [{item: Design, price: 1200.50}]\npayments: [{date: 2026-11-10, amount: 200.50}]\n",
    );
    let run = remind(&book, TODAY, &["acme/2026-0001", "--eml", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = book.path().join("out/acme-2026-0001-reminder.eml");
    let eml = parse_eml(&path);
    assert_eq!(
        eml["subject"],
        "Payment reminder: invoice No. 2026-0001 of 2 Nov 2026 — White Whale"
    );
    assert_eq!(
        eml["to"],
        serde_json::json!([{"name": "Eve Hart", "email": "ap@acme.example"}])
    );
    assert_golden("reminder-en-polite.md", eml["text"].as_str().expect("text"));
    // --to writes to another contact.
    let run = remind(
        &book,
        TODAY,
        &["acme/2026-0001", "--eml", "out", "--to", "bob"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        parse_eml(&path)["to"],
        serde_json::json!([{"name": "Bob Stone", "email": "bob@acme.example"}])
    );
    // The book's own subject template wins over the built-in one.
    book.write(
        "templates/reminder.en.subject.j2",
        "Unpaid: {{ invoice.number }} ({{ invoice.unpaid }}, {{ invoice.overdue }})\n",
    );
    let run = remind(&book, TODAY, &["acme/2026-0001", "--eml", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        parse_eml(&path)["subject"],
        "Unpaid: 2026-0001 (EUR 1,000.00, 7 days)"
    );
}

#[test]
fn log_records_the_sent_reminder_once() {
    let book = example_copy();
    let run = remind(&book, TODAY, &[FIRM, "--eml", "drafts", "--log"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let file = "clients/trudnyi-klient/log/2026-11-27-payment-reminder-2025-0008.yaml";
    assert_eq!(
        run.stdout,
        format!("drafts/trudnyi-klient-2025-0008-reminder.eml\ncreated {file}\n")
    );
    assert_eq!(
        book.read(file),
        "at: 2026-11-27T10:00\nchannel: email\ndirection: out\ncontact: shubina\nsubject: \
         \"Просроченная оплата: счёт № 2025-0008 от 20.12.2025 — Белый кит\"\nsummary: \
         \"Настойчивое напоминание об оплате счёта № 2025-0008 от 20.12.2025: не оплачено \
         156\u{a0}000,00\u{a0}₽, просрочка 332 дня.\"\ntopic: payment-reminder\n"
    );
    // The book reads it back: no E-code.
    let audit = book.run(&[
        "audit",
        "--today",
        TODAY,
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    let e: Vec<_> = audit.json()["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"].as_str().is_some_and(|c| c.starts_with('E')))
        .cloned()
        .collect();
    assert!(e.is_empty(), "{e:#?}");
    // A second log the same day is refused; the entry is kept as it was.
    let again = remind(&book, TODAY, &[FIRM, "--eml", "drafts", "--log"]);
    assert_eq!(again.code, 2);
    assert!(
        again
            .stderr
            .contains("already exists: rapport never overwrites"),
        "{}",
        again.stderr
    );
    assert!(book.read(file).contains("contact: shubina\n"));
}

#[test]
fn the_agenda_proposes_the_reminder_for_an_overdue_invoice() {
    let book = example_copy();
    let run = book.run(&[
        "agenda", "--days", "0", "--today", TODAY, "--color", "never",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "  D04      Автоцентр «Магистраль»: payment of invoice 2025-0008 (156000.00 RUB \
             unpaid): remind the client with `rapport invoice remind trudnyi-klient/2025-0008 \
             --eml drafts/`\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn every_refusal_says_why_and_writes_nothing() {
    let book = example_copy();
    book.write(
        "clients/trudnyi-klient/invoices/2026-0011.yaml",
        "number: \"2026-0011\"\ndate: 2026-11-01\ndue: 2026-11-05\nstatus: draft\nlines: [{item: a, price: 10}]\n",
    );
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "trudnyi-klient/2026-0009",
            &[],
            "error: invoice 2026-0009 is not overdue: it is due on 2026-12-04\nhint: a reminder \
             is for an invoice past its due date (D04); `rapport invoices --overdue` lists them\n",
        ),
        (
            "gorod-fitness/2026-0006",
            &[],
            "error: invoice 2026-0006 is paid: nothing to remind of\nhint: `rapport invoices` \
             shows what is owed\n",
        ),
        (
            "gorod-fitness/2026-0003",
            &[],
            "error: invoice 2026-0003 is cancelled: nothing is owed on it \
             (clients/gorod-fitness/invoices/2026-0003.yaml)\n",
        ),
        (
            "trudnyi-klient/2026-0011",
            &[],
            "error: invoice 2026-0011 is a draft: it was never issued, so nothing is owed on \
             it\nhint: issue it first (remove `status: draft` from \
             clients/trudnyi-klient/invoices/2026-0011.yaml)\n",
        ),
        (
            FIRM,
            &["--to", "shubna"],
            "error: --to: no contact `shubna` in client `trudnyi-klient`\nhint: did you mean \
             `shubina`?\n",
        ),
    ];
    for (invoice, extra, want) in cases {
        let mut args = vec![*invoice, "--eml", "drafts"];
        args.extend_from_slice(extra);
        let run = remind(&book, TODAY, &args);
        assert_eq!(run.code, 2, "{invoice}: {}", run.stderr);
        assert_eq!(run.stderr, *want, "{invoice}");
        assert_eq!(run.stdout, "");
    }
    assert!(!book.path().join("drafts").exists(), "nothing written");
    // No such invoice.
    let run = remind(
        &book,
        TODAY,
        &["trudnyi-klient/2025-0009", "--eml", "drafts"],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    // --eml must be a folder.
    book.write("drafts.txt", "mine");
    let run = remind(&book, TODAY, &[FIRM, "--eml", "drafts.txt"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: --eml drafts.txt is a file, not a folder\nhint: name the folder the draft goes \
         in, e.g. --eml drafts/\n"
    );
    assert_eq!(book.read("drafts.txt"), "mine");
    // The contact for payments has no email.
    let client = "clients/trudnyi-klient/client.yaml";
    let text = book
        .read(client)
        .replace("    email: buh@magistral-auto.ru\n", "");
    book.write(client, &text);
    let run = remind(&book, TODAY, &[FIRM, "--eml", "drafts"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: Галина Шубина (`shubina`) has no email address in \
         clients/trudnyi-klient/client.yaml\nhint: add their `email`, or name another contact \
         with --to\n"
    );
}

#[test]
fn a_reminder_needs_someone_to_write_to_and_someone_to_sign() {
    let book = TempBook::empty();
    book.write("rapport.yaml", "agency: {name: A}\n");
    book.write(
        "clients/acme/client.yaml",
        "name: Acme\ncontacts: [{id: bob, name: Bob}]\n",
    );
    book.write(
        "clients/acme/invoices/2026-0001.yaml",
        "number: \"2026-0001\"\ndate: 2026-11-02\ndue: 2026-11-20\nvat: none\nlines: [{item: a, price: 10}]\n",
    );
    let run = remind(&book, TODAY, &["acme/2026-0001", "--eml", "out"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: client `acme` has no contact with an email to remind\nhint: add `email` (and \
         `billing: true`) to the contact for payments in clients/acme/client.yaml\n"
    );
    book.write(
        "clients/acme/client.yaml",
        "name: Acme\ncontacts: [{id: bob, name: Bob, email: bob@acme.example}]\n",
    );
    let run = remind(&book, TODAY, &["acme/2026-0001", "--eml", "out"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: the reminder has no sender: neither the client's manager nor the agency has \
         an email\nhint: add `email` to the manager in `team` or to `agency` in rapport.yaml\n"
    );
    assert!(!book.path().join("out").exists());
    // With the agency's address it goes out from the agency.
    book.write(
        "rapport.yaml",
        "agency: {name: A, email: office@a.example}\n",
    );
    let run = remind(&book, TODAY, &["acme/2026-0001", "--eml", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let eml = parse_eml(&book.path().join("out/acme-2026-0001-reminder.eml"));
    assert_eq!(
        eml["from"],
        serde_json::json!([{"name": "A", "email": "office@a.example"}])
    );
}
