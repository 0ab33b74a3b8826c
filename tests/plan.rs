//! The billing plan through the real binary: `invoice new --planned` issues a planned
//! invoice once (every refusal tested), the agenda lists planned invoices from D12's
//! lead days, the calendar carries them, and D12 goes quiet once one is issued.

mod common;

use std::fs;

use common::{TempBook, example_book};

const TODAY: &str = "2026-11-27";

fn example_copy() -> TempBook {
    TempBook::copy_of(&example_book())
}

fn new_planned(book: &TempBook, client: &str, planned: &str, extra: &[&str]) -> common::Run {
    let mut args = vec![
        "invoice",
        "new",
        client,
        "--planned",
        planned,
        "--today",
        TODAY,
    ];
    args.extend_from_slice(extra);
    book.run(&args)
}

#[test]
fn a_planned_sum_is_issued_once_and_tied_to_its_entry() {
    let book = example_copy();
    let run = new_planned(
        &book,
        "vkusnoteka",
        "2026-005-ds2#2",
        &["--date", "2026-12-07"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "created clients/vkusnoteka/invoices/2026-0011.yaml\n"
    );
    assert_eq!(
        run.stderr,
        "счёт № 2026-0011 от 07.12.2026 на 270\u{a0}000,00\u{a0}₽, оплатить до 17.12.2026\n"
    );
    assert_eq!(
        book.read("clients/vkusnoteka/invoices/2026-0011.yaml"),
        "number: \"2026-0011\"\ndate: 2026-12-07\ndue: 2026-12-17\ncontract: \"2026-005-ds2\"\n\
         planned: 2\nlines:\n  - item: После доставки POS в кафе\n    price: 270000.00\n"
    );
    // A second time, by number or as "the next one", is refused and writes nothing.
    let again = new_planned(&book, "vkusnoteka", "2026-005-ds2#2", &[]);
    assert_eq!(again.code, 2);
    assert_eq!(
        again.stderr,
        "error: --planned: planned invoice 2 of contract ДС-2 к 5/2026 (2026-12-07) is already \
         issued: clients/vkusnoteka/invoices/2026-0011.yaml names it (`planned: 2`)\nhint: a \
         planned invoice is issued once; set that invoice's `status: cancelled` to issue it \
         again\n"
    );
    let next = new_planned(&book, "vkusnoteka", "2026-005-ds2", &[]);
    assert_eq!(next.code, 2);
    assert_eq!(
        next.stderr,
        "error: --planned: every planned invoice of contract ДС-2 к 5/2026 is issued (2 \
         entries)\nhint: plan the next one under `billing:` in \
         clients/vkusnoteka/contracts/2026-005-ds2.yaml, or give the lines with --line\n"
    );
    assert!(
        !book
            .path()
            .join("clients/vkusnoteka/invoices/2026-0012.yaml")
            .exists()
    );
    // The audit reads it back without complaint.
    let audit = book.run(&[
        "audit",
        "--today",
        TODAY,
        "clients/vkusnoteka",
        "--format",
        "json",
    ]);
    assert_eq!(audit.code, 0, "{}", audit.stdout);
}

#[test]
fn planned_lines_are_copied_and_the_next_entry_is_the_first_not_issued() {
    let book = example_copy();
    // Город Фитнес 19/2025: three entries, all issued (the cancelled 2026-0003 does not
    // count, 2026-0004 does).
    let run = new_planned(&book, "gorod-fitness", "2025-019", &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("every planned invoice of contract 19/2025 is issued (3 entries)"),
        "{}",
        run.stderr
    );
    // Cancel 2026-0004: entry 3 is free again, and its lines are the invoice's.
    let path = "clients/gorod-fitness/invoices/2026-0004.yaml";
    let text = book
        .read(path)
        .replace("status: issued", "status: cancelled");
    book.write(path, &text);
    let run = new_planned(
        &book,
        "gorod-fitness",
        "2025-019",
        &["--date", "2026-07-07"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        book.read("clients/gorod-fitness/invoices/2026-0011.yaml"),
        "number: \"2026-0011\"\ndate: 2026-07-07\ndue: 2026-07-17\ncontract: \"2025-019\"\n\
         planned: 3\nlines:\n  - item: SMM-сопровождение, июль–декабрь 2026\n    qty: 6\n    \
         unit: мес.\n    price: 150000.00\n"
    );
}

#[test]
fn every_refusal_says_why_and_writes_nothing() {
    let book = example_copy();
    let cases: &[(&str, &str, &[&str], &str)] = &[
        (
            "gorod-fitness",
            "2026-014#5",
            &[],
            "error: --planned: contract 14/2026 has no planned invoice 5: its billing plan has 2 \
             entries (clients/gorod-fitness/contracts/2026-014.yaml)\nhint: entries are numbered \
             from 1 in the order of `billing:`\n",
        ),
        (
            "gorod-fitness",
            "2026-14#1",
            &[],
            "error: invalid --planned: no contract `2026-14` in client `gorod-fitness` (E04)\n\
             hint: did you mean `2026-014`?\n",
        ),
        (
            "gorod-fitness",
            "#1",
            &[],
            "error: invalid --planned: `#1` names no contract: write CONTRACT or CONTRACT#N, e.g. \
             2026-014#2\n",
        ),
        (
            "gorod-fitness",
            "2026-014#0",
            &[],
            "error: invalid --planned: `2026-014#0`: after `#` comes the entry's number in the \
             plan, from 1\n",
        ),
        (
            "mebel-uyut",
            "2025-002",
            &[],
            "error: --planned: contract 2/2025 (clients/mebel-uyut/contracts/2025-002.yaml) is \
             not in force (status: closed), so its plan is not either\nhint: give the lines with \
             --line and --contract 2025-002 to invoice it anyway\n",
        ),
        (
            "stroymaster",
            "2025-022#4",
            &["--net"],
            "error: --net: planned invoice 4 of clients/stroymaster/contracts/2025-022.yaml is a \
             sum with VAT in it (305000.00), not net prices\nhint: leave out --net, or plan it as \
             `lines:` with net prices\n",
        ),
        (
            "stroymaster",
            "2025-022-ds1",
            &[],
            "error: --planned: contract ДС-1 к 22/2025 \
             (clients/stroymaster/contracts/2025-022-ds1.yaml) has no billing plan\nhint: plan \
             its invoices under `billing:`, or give the lines with --line and --contract \
             2025-022-ds1\n",
        ),
    ];
    for (client, planned, extra, want) in cases {
        let run = new_planned(&book, client, planned, extra);
        assert_eq!(run.code, 2, "{planned}: {}", run.stderr);
        assert_eq!(run.stderr, *want, "{planned}");
        assert_eq!(run.stdout, "", "{planned}");
    }
    // --planned does not go with --line, --contract or --from-estimate (clap refuses).
    for extra in [&["--line", "a;;;1"][..], &["--contract", "2026-014"][..]] {
        let run = new_planned(&book, "gorod-fitness", "2026-014#2", extra);
        assert_eq!(run.code, 2, "{extra:?}");
        assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
    }
    for client in ["gorod-fitness", "mebel-uyut", "stroymaster"] {
        let mut ours: Vec<String> =
            fs::read_dir(book.path().join(format!("clients/{client}/invoices")))
                .expect("invoices")
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect();
        let mut theirs: Vec<String> =
            fs::read_dir(example_book().join(format!("clients/{client}/invoices")))
                .expect("invoices")
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect();
        ours.sort();
        theirs.sort();
        assert_eq!(ours, theirs, "{client}: nothing written");
    }
}

#[test]
fn the_agenda_lists_planned_invoices_from_their_lead_days_and_d12_takes_over() {
    let book = example_copy();
    // A week ahead: Вкуснотека's 07.12 invoice, from Monday 30.11 (5 working days before).
    let week = book.run(&[
        "agenda", "--days", "7", "--today", TODAY, "--color", "never",
    ]);
    assert_eq!(week.code, 0, "{}", week.stderr);
    let monday = week
        .stdout
        .split("Monday 30 November 2026\n")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .unwrap_or_default();
    assert!(
        monday.contains(
            "  invoice  Вкуснотека: issue planned invoice 2 of contract \
             ДС-2 к 5/2026 for 270000.00 RUB («После доставки POS в кафе») — due Mon 7 Dec: \
             `rapport invoice new vkusnoteka --planned 2026-005-ds2#2`\n           \
             clients/vkusnoteka/contracts/2026-005-ds2.yaml:11"
        ),
        "{}",
        week.stdout
    );
    assert!(
        !week.stdout.contains("Город Фитнес: issue planned"),
        "{}",
        week.stdout
    );
    // A month ahead: Город Фитнес's 16.12 invoice too, as JSON.
    let month = book
        .run(&[
            "agenda", "--days", "30", "--today", TODAY, "--format", "json",
        ])
        .json();
    let planned: Vec<(String, String, String)> = month["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["kind"] == "planned")
        .map(|i| {
            (
                i["client"].as_str().unwrap_or_default().to_owned(),
                i["date"].as_str().unwrap_or_default().to_owned(),
                i["act_on"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let own = |c: &str, d: &str, a: &str| (c.to_owned(), d.to_owned(), a.to_owned());
    assert_eq!(
        planned,
        [
            own("vkusnoteka", "2026-12-07", "2026-11-30"),
            own("gorod-fitness", "2026-12-16", "2026-12-09"),
            own("lesnaya-polyana", "2026-12-21", "2026-12-14"),
            own("stroymaster", "2026-12-24", "2026-12-17"),
        ]
    );
    // The troubled client's missed one is D12's, worded by the rule, overdue.
    let text = book.run(&[
        "agenda", "--days", "0", "--today", TODAY, "--color", "never",
    ]);
    assert!(
        text.stdout.contains(
            "  D12      Автоцентр «Магистраль»: issue planned invoice 2 of contract 20/2026 for \
             60000.00 RUB: `rapport invoice new trudnyi-klient --planned 2026-020#2`\n"
        ),
        "{}",
        text.stdout
    );
    // On its date the planned item is today's; the day after, D12 lists it once.
    let on_day = book
        .run(&[
            "agenda",
            "--days",
            "3",
            "--today",
            "2026-12-07",
            "--format",
            "json",
        ])
        .json();
    let vk: Vec<&serde_json::Value> = on_day["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["file"] == "clients/vkusnoteka/contracts/2026-005-ds2.yaml")
        .collect();
    assert_eq!(vk.len(), 1, "{vk:#?}");
    assert_eq!(vk[0]["kind"], "planned");
    let after = book
        .run(&[
            "agenda",
            "--days",
            "3",
            "--today",
            "2026-12-08",
            "--format",
            "json",
        ])
        .json();
    let vk: Vec<&serde_json::Value> = after["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["file"] == "clients/vkusnoteka/contracts/2026-005-ds2.yaml")
        .collect();
    assert_eq!(vk.len(), 1, "{vk:#?}");
    assert_eq!(vk[0]["code"], "D12");
    assert_eq!(vk[0]["overdue"], true);
    // Issued: gone from the agenda.
    let run = new_planned(&book, "vkusnoteka", "2026-005-ds2#2", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let week = book.run(&[
        "agenda", "--days", "7", "--today", TODAY, "--color", "never",
    ]);
    assert!(
        !week.stdout.contains("Вкуснотека: issue planned"),
        "{}",
        week.stdout
    );
}

#[test]
fn the_calendar_carries_every_planned_invoice_of_a_contract_in_force() {
    let book = example_copy();
    let run = book.run(&["calendar", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Unfold the lines (RFC 5545: a line break and a space continue a line).
    let ics = run.stdout.replace("\r\n ", "").replace("\r\n", "\n");
    let event = |uid: &str| -> String {
        let start = ics
            .find(&format!("UID:{uid}"))
            .unwrap_or_else(|| panic!("{uid} missing"));
        let end = ics[start..].find("END:VEVENT").expect("end") + start;
        ics[start..end].to_owned()
    };
    let vk = event("clients/vkusnoteka/contracts/2026-005-ds2/plan-2@rapport");
    assert!(vk.contains("DTSTART;VALUE=DATE:20261207\n"), "{vk}");
    assert!(
        vk.contains(
            "SUMMARY:Счёт по плану\\, договор ДС-2 к 5/2026 — Вкуснотека: 270\u{a0}000\\,00\u{a0}₽\n"
        ),
        "{vk}"
    );
    assert!(
        vk.contains("DESCRIPTION:После доставки POS в кафе\\nrapport invoice new vkusnoteka --planned 2026-005-ds2#2\\nclients/vkusnoteka/contracts/2026-005-ds2.yaml\n"),
        "{vk}"
    );
    let gf = event("clients/gorod-fitness/contracts/2026-014/plan-2@rapport");
    assert!(gf.contains("DTSTART;VALUE=DATE:20261216\n"), "{gf}");
    assert!(
        gf.contains("Город Фитнес: 340\u{a0}000\\,00\u{a0}₽\n"),
        "{gf}"
    );
    // An issued entry names its invoice.
    let issued = event("clients/gorod-fitness/contracts/2026-014/plan-1@rapport");
    assert!(issued.contains("(выставлен счёт № 2026-0006)"), "{issued}");
    // A closed contract's plan is not carried.
    assert!(!ics.contains("mebel-uyut/contracts/2025-002/plan-"));
}

#[test]
fn an_invoice_naming_a_plan_entry_that_is_not_there_is_e04() {
    let book = example_copy();
    let path = "clients/vkusnoteka/invoices/2026-0007.yaml";
    let text = book.read(path);
    book.write(path, &text.replace("planned: 1", "planned: 3"));
    let run = book.run(&[
        "audit",
        "--today",
        TODAY,
        "--rule",
        "E04",
        "--color",
        "never",
        "clients/vkusnoteka",
    ]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "error[E04]: no planned invoice 3 in the billing plan of contract `2026-005-ds2`: it \
             has 2 entries\n"
        ),
        "{}",
        run.stdout
    );
    book.write(path, &text.replace("contract: 2026-005-ds2\n", ""));
    let run = book.run(&[
        "audit",
        "--today",
        TODAY,
        "--rule",
        "E04",
        "--color",
        "never",
        "clients/vkusnoteka",
    ]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "error[E04]: `planned: 1` names an entry of a billing plan, but the invoice names no \
             `contract`\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn a_plan_that_cannot_be_issued_is_refused() {
    let book = TempBook::empty();
    book.write("rapport.yaml", "agency: {name: A}\n");
    book.write(
        "clients/acme/client.yaml",
        "name: Acme\ncontacts: [{id: a, name: A}]\n",
    );
    book.write(
        "clients/acme/contracts/c1.yaml",
        "number: \"1\"\nstart: 2026-01-01\nend: 2026-12-31\nbilling:\n  - {date: 2026-11-01, note: Аванс}\n  - {date: 2026-11-02, amount: 0}\n",
    );
    book.write(
        "clients/acme/contracts/c2.yaml",
        "number: \"2\"\nstart: [\n",
    );
    let cases: &[(&str, &str)] = &[
        (
            "c1#1",
            "error: --planned: planned invoice 1 of clients/acme/contracts/c1.yaml has neither \
             `amount` nor `lines`\nhint: write what it asks for in the plan\n",
        ),
        (
            "c1#2",
            "error: --planned: planned invoice 2 of clients/acme/contracts/c1.yaml asks for \
             0.00: an invoice asks for more than zero\n",
        ),
        (
            "c2",
            "error: --planned: clients/acme/contracts/c2.yaml does not read\nhint: `rapport \
             audit clients/acme` says what is wrong\n",
        ),
    ];
    for (planned, want) in cases {
        let run = new_planned(&book, "acme", planned, &[]);
        assert_eq!(run.code, 2, "{planned}: {}", run.stderr);
        assert_eq!(run.stderr, *want, "{planned}");
    }
    assert!(!book.path().join("clients/acme/invoices").exists());
}
