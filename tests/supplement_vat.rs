//! The VAT rate of money under a contract on a day: the latest-starting supplement in
//! force that day that sets one, else the contract's own, else the book's; an
//! invoice's own `vat` wins. Every command that computes an amount agrees: the
//! invoice list, the rendered invoice, `invoice new`, D06 and the estimate.

mod common;

use common::TempBook;

const SETTINGS: &str = "\
agency: {name: Белый кит}
currency: RUB
locale: ru
vat: 18
invoice: {payment_days: 10}
team:
  - {id: orlova, name: Анна Орлова, role: account}
";

/// A contract at 20 % (value 3 500, renewing yearly) with: a supplement setting 22 %
/// from 2026 to the end of the contract's term (so it renews with it), a one-month
/// supplement at 10 % in March 2026, a draft supplement at 5 % and a terminated one
/// at 0 % (neither in force); a re-signed contract whose `parent` is the first (it
/// inherits nothing from it); and invoices at net prices of 1 000 each.
fn book() -> TempBook {
    let book = TempBook::new();
    book.write("rapport.yaml", SETTINGS)
        .write(
            "clients/romashka/client.yaml",
            "name: Ромашка\nmanager: orlova\ncontacts:\n  - {id: smirnov, name: Иван Смирнов}\n",
        )
        .write(
            "clients/romashka/contracts/2025-010.yaml",
            "number: \"10/2025\"\nsigned: 2025-01-01\nstart: 2025-01-01\nend: 2025-12-31\n\
             vat: 20\nvalue: 3500\nrenewal: {auto: true, term_months: 12}\n",
        )
        .write(
            "clients/romashka/contracts/2025-010-ds1.yaml",
            "number: \"ДС-1 к 10/2025\"\nkind: supplement\nparent: 2025-010\n\
             signed: 2025-12-20\nstart: 2026-01-01\nend: 2026-12-31\nvat: 22\n",
        )
        .write(
            "clients/romashka/contracts/2025-010-ds2.yaml",
            "number: \"ДС-2 к 10/2025\"\nkind: supplement\nparent: 2025-010\n\
             signed: 2026-02-20\nstart: 2026-03-01\nend: 2026-03-31\nvat: 10\n",
        )
        .write(
            "clients/romashka/contracts/2025-010-ds3.yaml",
            "number: \"ДС-3 к 10/2025\"\nkind: supplement\nparent: 2025-010\n\
             status: draft\nstart: 2026-04-01\nend: 2026-12-31\nvat: 5\n",
        )
        .write(
            "clients/romashka/contracts/2025-010-ds4.yaml",
            "number: \"ДС-4 к 10/2025\"\nkind: supplement\nparent: 2025-010\n\
             signed: 2026-04-01\nstatus: terminated\nstart: 2026-04-01\nend: 2026-12-31\nvat: 0\n",
        )
        .write(
            "clients/romashka/contracts/2026-020.yaml",
            "number: \"20/2026\"\nparent: 2025-010\nsigned: 2026-05-01\nstart: 2026-05-01\n\
             end: 2026-12-31\n",
        )
        .write(
            "clients/romashka/projects/upakovka.yaml",
            "title: Упаковка\ncontract: 2025-010\nstage: active\n\
             estimate:\n  - {item: Дизайн, qty: 1, unit: усл., price: 1000}\n",
        );
    for (number, date, contract, extra) in [
        ("2025-0001", "2025-06-02", "2025-010", ""),
        ("2026-0001", "2026-03-16", "2025-010", ""),
        ("2026-0002", "2026-04-01", "2025-010", ""),
        ("2026-0003", "2026-04-02", "2025-010", "vat: none\n"),
        ("2026-0004", "2026-05-04", "2026-020", ""),
    ] {
        book.write(
            &format!("clients/romashka/invoices/{number}.yaml"),
            &format!(
                "number: \"{number}\"\ndate: {date}\ncontract: \"{contract}\"\n\
                 prices_include_vat: false\n{extra}lines:\n  - {{item: Дизайн, price: 1000}}\n"
            ),
        );
    }
    book
}

fn totals(book: &TempBook) -> Vec<(String, String)> {
    let run = book.run(&["invoices", "--format", "json", "--today", "2026-11-27"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()["invoices"]
        .as_array()
        .expect("invoices")
        .iter()
        .map(|i| {
            (
                i["number"].as_str().unwrap_or_default().to_owned(),
                i["total"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_supplement_in_force_on_the_invoice_date_sets_the_vat() {
    let book = book();
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    };
    assert_eq!(
        totals(&book),
        pairs(&[
            // Before any supplement: the contract's 20 %.
            ("2025-0001", "1200.00"),
            // The one-month supplement started last: 10 %.
            ("2026-0001", "1100.00"),
            // After it ended: the supplement for 2026 (the draft and the terminated
            // one are not in force).
            ("2026-0002", "1220.00"),
            // The invoice's own `vat` wins.
            ("2026-0003", "1000.00"),
            // A re-signed contract takes nothing from the one it replaces: the book's.
            ("2026-0004", "1180.00"),
        ])
    );
    for (number, says) in [
        ("2025-0001", "НДС 20 %: 200,00"),
        ("2026-0001", "НДС 10 %: 100,00"),
        ("2026-0002", "НДС 22 %: 220,00"),
        ("2026-0004", "НДС 18 %: 180,00"),
    ] {
        let run = book.run(&[
            "invoice",
            "render",
            &format!("romashka/{number}"),
            "--format",
            "md",
            "--today",
            "2026-11-27",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.contains(says), "{number}: {}", run.stdout);
    }
    // D06 sums the same totals: 1200 + 1100 + 1220 + 1000 = 4520 against 3500.
    let run = book.run(&["audit", "--today", "2026-11-27"]);
    assert!(
        run.stdout
            .contains("4520.00 RUB, over its value 3500.00 RUB by 1020.00 RUB"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_supplement_ending_with_its_contracts_term_renews_with_it() {
    let book = book();
    // 2027: the contract renewed itself, and the 2026 supplement with it.
    let run = book.run(&[
        "invoice",
        "new",
        "romashka",
        "--contract",
        "2025-010",
        "--line",
        "Дизайн;1;усл.;1220",
        "--today",
        "2027-02-01",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = book.run(&[
        "invoice",
        "render",
        "romashka/2027-0001",
        "--format",
        "md",
        "--today",
        "2027-02-01",
    ]);
    assert!(run.stdout.contains("НДС 22 %: 220,00"), "{}", run.stdout);
}

#[test]
fn an_estimate_takes_the_rate_in_force_today() {
    let book = book();
    for (today, says) in [
        ("2025-06-02", "НДС 20 %: 166,67"),
        ("2026-03-16", "НДС 10 %: 90,91"),
        ("2026-11-27", "НДС 22 %: 180,33"),
    ] {
        let run = book.run(&[
            "estimate",
            "romashka/upakovka",
            "--format",
            "md",
            "--today",
            today,
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.contains(says), "{today}: {}", run.stdout);
    }
}
