//! `rapport invoice new`, `invoice pay` and `rapport invoices` through the real binary:
//! numbering (also under concurrency), byte-exact payment edits, the list with its
//! aging, and the list's agreement with the audit's D04.

mod common;

use std::fs;
use std::path::Path;
use std::process::Stdio;

use common::{TempBook, command, example_book, fixture};

/// A temporary copy of `tests/fixtures/invoice-book`.
fn invoice_book() -> TempBook {
    TempBook::copy_of(&fixture("invoice-book"))
}

fn example_copy() -> TempBook {
    TempBook::copy_of(&example_book())
}

const TODAY: &str = "2026-11-27";

#[test]
fn the_fixture_book_is_valid_and_its_details_check_out() {
    let book = invoice_book();
    let doc = book
        .run(&["audit", "--format", "json", "--today", TODAY])
        .json();
    let bad: Vec<_> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| {
            let code = f["code"].as_str().unwrap_or_default();
            code.starts_with('E') || code == "D05" || code == "D11"
        })
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn invoice_new_issues_the_next_number_with_its_due_date() {
    let book = invoice_book();
    let run = book.run(&[
        "invoice",
        "new",
        "romashka",
        "--contract",
        "2026-003",
        "--line",
        "Дизайн упаковки; вариант «А»;3;SKU;75000",
        "--line",
        "Аванс;;;1000.50",
        "--today",
        TODAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "created clients/romashka/invoices/2026-0008.yaml\n"
    );
    assert!(
        run.stderr.contains(
            "счёт № 2026-0008 от 27.11.2026 на 226\u{a0}000,50\u{a0}₽, оплатить до 07.12.2026"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        book.read("clients/romashka/invoices/2026-0008.yaml"),
        "number: \"2026-0008\"\ndate: 2026-11-27\ndue: 2026-12-07\ncontract: \"2026-003\"\nlines:\n  \
         - item: Дизайн упаковки; вариант «А»\n    qty: 3\n    unit: SKU\n    price: 75000.00\n  \
         - item: Аванс\n    price: 1000.50\n"
    );
    // The new invoice is valid and its number takes no one else's.
    let audit = book.run(&["audit", "--format", "json", "--today", TODAY]);
    let doc = audit.json();
    let bad: Vec<_> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["file"] == "clients/romashka/invoices/2026-0008.yaml")
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn invoice_new_from_an_estimate_takes_the_projects_contract() {
    let book = invoice_book();
    let run = book.run(&[
        "invoice",
        "new",
        "romashka",
        "--project",
        "upakovka",
        "--from-estimate",
        "--date",
        "2026-11-30",
        "--vat",
        "10",
        "--net",
        "--draft",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        book.read("clients/romashka/invoices/2026-0008.yaml"),
        "number: \"2026-0008\"\ndate: 2026-11-30\ndue: 2026-12-10\ncontract: \"2026-003\"\nproject: \
         upakovka\nvat: 10\nprices_include_vat: false\nstatus: draft\nlines:\n  - item: Дизайн \
         упаковки\n    qty: 3\n    unit: SKU\n    price: 75000.00\n  - item: Адаптация под \
         мультипак\n    unit: усл.\n    price: 25000.50\n"
    );
    // 250 000,50 net + 10 % = 275 000,55.
    assert!(run.stderr.contains("275\u{a0}000,55"), "{}", run.stderr);
}

#[test]
fn a_bad_invoice_reference_is_worded_with_its_article() {
    // "does not name a invoice" was built from the noun without its article.
    let book = invoice_book();
    for (arg, says) in [
        (
            "romashka",
            "`romashka` does not name an invoice\nhint: write CLIENT/INVOICE",
        ),
        (
            "clients/romashka/meetings/2026-0003.yaml",
            "is not an invoice file: they live in clients/CLIENT/invoices/",
        ),
    ] {
        let run = book.run(&["invoice", "render", arg, "--format", "md"]);
        assert_eq!(run.code, 2, "{arg}: {}", run.stdout);
        assert!(run.stderr.contains(says), "{arg}: {}", run.stderr);
    }
}

#[test]
fn invoice_new_refuses_bad_flags_and_writes_nothing() {
    let book = invoice_book();
    for (args, says) in [
        (vec!["nobody", "--line", "a;;;1"], "no client `nobody`"),
        (vec!["romashka"], "at least one line"),
        (
            vec!["romashka", "--line", "a;;;1,5"],
            "is not a sum of money",
        ),
        (
            vec!["romashka", "--line", "a;;;1", "--contract", "2026-03"],
            "did you mean `2026-003`?",
        ),
        (
            vec!["romashka", "--line", "a;;;1", "--vat", "20%"],
            "invalid --vat",
        ),
        (
            vec!["romashka", "--from-estimate", "--line", "a;;;1"],
            "--project",
        ),
        // An invoice asks for money: no negative price, no line of nothing, no total of
        // nothing; the message names the line.
        (
            vec!["romashka", "--line", "a;;;1", "--line", "x;1;;-5"],
            "invalid --line 2: `x;1;;-5` has a price of -5.00: a line's price must not be \
             negative",
        ),
        (
            vec!["romashka", "--line", "x;0;;5"],
            "invalid --line 1: `x;0;;5` has a quantity of 0: a line's quantity must be more \
             than zero",
        ),
        (
            vec!["romashka", "--line", "x;1;;0", "--line", "y;0.001;;0.01"],
            "the invoice would total 0.00 RUB: an invoice asks for more than zero\nhint: every \
             line comes to 0.00 (line 1 `x`: 1 × 0.00; line 2 `y`: 0.001 × 0.01)",
        ),
    ] {
        let mut all = vec!["invoice", "new"];
        all.extend(args.iter().copied());
        let run = book.run(&all);
        assert_ne!(run.code, 0, "{args:?}");
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    }
    let files = fs::read_dir(book.path().join("clients/romashka/invoices"))
        .expect("dir")
        .count();
    assert_eq!(files, 6, "nothing was written");
}

#[test]
fn invoice_new_refuses_an_estimate_line_that_asks_for_nothing() {
    let book = invoice_book();
    let file = "clients/romashka/projects/upakovka.yaml";
    let text = book.read(file);
    let line = "qty: 1, unit: усл., price: 25000.50";
    for (bad, says) in [
        (
            "qty: 1, unit: усл., price: -25000.50",
            "has a price of -25000.50",
        ),
        ("qty: 0, unit: усл., price: 25000.50", "has a quantity of 0"),
    ] {
        book.write(file, &text.replace(line, bad));
        let run = book.run(&[
            "invoice",
            "new",
            "romashka",
            "--project",
            "upakovka",
            "--from-estimate",
            "--today",
            TODAY,
        ]);
        assert_eq!(run.code, 2, "{bad}: {}", run.stdout);
        let named = format!(
            "--from-estimate: estimate line 2 of {file} (`Адаптация под мультипак`) {says}"
        );
        assert!(run.stderr.contains(&named), "{bad}: {}", run.stderr);
    }
    let files = fs::read_dir(book.path().join("clients/romashka/invoices"))
        .expect("dir")
        .count();
    assert_eq!(files, 6, "nothing was written");
}

#[test]
fn the_example_book_gets_its_next_invoice() {
    let book = example_copy();
    let run = book.run(&[
        "invoice",
        "new",
        "stroymaster",
        "--contract",
        "2025-022",
        "--project",
        "stend-stroyexpo-2027",
        "--line",
        "Окончательный расчёт за дизайн-проект стенда;1;усл.;250000",
        "--today",
        TODAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The highest number of 2026 in the example book is 2026-0010.
    assert_eq!(
        run.stdout,
        "created clients/stroymaster/invoices/2026-0011.yaml\n"
    );
}

/// Starts `rapport invoice new` for `client` with one line told apart by `i`.
fn spawn_invoice_new(book: &TempBook, client: &str, i: usize) -> std::process::Child {
    let path = book.path().to_str().expect("utf-8").to_owned();
    command(book.path())
        .args([
            "invoice",
            "new",
            client,
            "--line",
            &format!("Работа {i};1;усл.;{}", 1000 + i),
            "--date",
            TODAY,
            "--book",
            &path,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn rapport")
}

/// Waits for an `invoice new`, checks it succeeded and wrote a whole file, and gives
/// the number it took.
fn invoice_number(book: &TempBook, child: std::process::Child) -> String {
    let out = child.wait_with_output().expect("wait");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = stdout
        .trim()
        .strip_prefix("created ")
        .expect("created FILE");
    let text = book.read(file);
    assert!(
        text.ends_with(".00\n") && text.contains("\nlines:\n"),
        "torn: {text}"
    );
    text.lines()
        .next()
        .and_then(|l| l.strip_prefix("number: "))
        .expect("number line")
        .trim_matches('"')
        .to_owned()
}

/// Many `invoice new` at once on one book: every one succeeds, the numbers are
/// distinct and consecutive, and every file is whole.
#[test]
fn concurrent_invoice_new_never_shares_a_number() {
    const N: usize = 12;
    let book = invoice_book();
    let children: Vec<_> = (0..N)
        .map(|i| spawn_invoice_new(&book, if i % 2 == 0 { "romashka" } else { "vektor" }, i))
        .collect();
    let mut numbers: Vec<String> = children
        .into_iter()
        .map(|child| invoice_number(&book, child))
        .collect();
    numbers.sort();
    let expected: Vec<String> = (8..8 + N).map(|n| format!("2026-{n:04}")).collect();
    assert_eq!(numbers, expected);
    // The audit agrees: no duplicate, no gap, every file reads.
    let audit = book.run(&["audit", "--format", "json", "--today", TODAY]);
    let doc = audit.json();
    let problems: Vec<_> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| {
            let code = f["code"].as_str().unwrap_or_default();
            code == "D05" || code.starts_with('E')
        })
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    // No temporary file was left behind.
    for client in ["romashka", "vektor"] {
        for entry in
            fs::read_dir(book.path().join("clients").join(client).join("invoices")).expect("dir")
        {
            let name = entry.expect("entry").file_name();
            assert!(!name.to_string_lossy().starts_with('.'), "{name:?}");
        }
    }
}

/// Two `invoice new` at once, a hundred times over: never the same number, never a
/// torn file (issue: "the concurrency test passes 100 runs out of 100").
#[test]
fn two_at_once_a_hundred_times_never_share_a_number() {
    const ROUNDS: usize = 100;
    let book = invoice_book();
    let mut numbers = Vec::new();
    for round in 0..ROUNDS {
        let a = spawn_invoice_new(&book, "romashka", 2 * round);
        let b = spawn_invoice_new(&book, "vektor", 2 * round + 1);
        let (a, b) = (invoice_number(&book, a), invoice_number(&book, b));
        assert_ne!(a, b, "round {round}: both took {a}");
        numbers.extend([a, b]);
    }
    numbers.sort();
    let expected: Vec<String> = (8..8 + 2 * ROUNDS)
        .map(|n| format!("2026-{n:04}"))
        .collect();
    assert_eq!(numbers, expected, "distinct and without gaps");
}

#[test]
fn pay_appends_a_payment_and_keeps_every_other_byte() {
    let book = invoice_book();
    let file = "clients/romashka/invoices/2026-0003.yaml";
    let before = book.read(file);
    let run = book.run(&[
        "invoice",
        "pay",
        "romashka/2026-0003",
        "20000.50",
        "--date",
        "2026-11-26",
        "--ref",
        "п/п № 118, от 26.11",
        "--today",
        TODAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "{file}: payment of 20000.50 RUB on 2026-11-26 recorded; 29999.50 RUB still owed\n"
        )
    );
    let after = book.read(file);
    let appended = "  - date: 2026-11-26\n    amount: 20000.50\n    ref: \"п/п № 118, от 26.11\"\n";
    let expected = before.replace(
        "    ref: \"п/п № 101\"\n",
        &format!("    ref: \"п/п № 101\"\n{appended}"),
    );
    assert_eq!(after, expected);
    assert_eq!(after.len(), before.len() + appended.len());

    // A flow list grows in flow style; a file without payments gets its first one.
    let run = book.run(&[
        "invoice",
        "pay",
        "romashka/2026-0001",
        "100000",
        "--date",
        TODAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.ends_with("paid in full\n"), "{}", run.stdout);
    assert_eq!(
        book.read("clients/romashka/invoices/2026-0001.yaml"),
        "number: \"2026-0001\"\ndate: 2026-07-01\ncontract: 2026-003\nlines:\n  - {item: Аванс по \
         договору, price: 100000}\npayments:\n  - {date: 2026-11-27, amount: 100000.00}\n"
    );
}

#[test]
fn pay_on_a_crlf_file_keeps_its_line_ends_without_trailing_blanks() {
    let book = invoice_book();
    let file = "clients/romashka/invoices/2026-0001.yaml";
    let crlf = book.read(file).replace('\n', "\r\n");
    book.write(file, &crlf);
    let run = book.run(&[
        "invoice",
        "pay",
        "romashka/2026-0001",
        "100",
        "--date",
        TODAY,
        "--today",
        TODAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = book.read(file);
    assert_eq!(
        after,
        format!("{crlf}payments:\r\n  - {{date: 2026-11-27, amount: 100.00}}\r\n")
    );
    assert!(!after.contains(" \r\n"), "{after:?}");
    assert!(!after.replace("\r\n", "").contains('\n'), "{after:?}");
}

#[test]
fn pay_refuses_an_overpayment_unless_forced() {
    let book = invoice_book();
    let file = "clients/romashka/invoices/2026-0002.yaml";
    let before = book.read(file);
    // 120 000 billed, 50 000 paid: 70 000 owed.
    let run = book.run(&[
        "invoice",
        "pay",
        "romashka/2026-0002",
        "70000.01",
        "--date",
        TODAY,
    ]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr
            .contains("would overpay invoice 2026-0002 by 0.01 RUB"),
        "{}",
        run.stderr
    );
    assert_eq!(book.read(file), before, "nothing written");
    for (args, says) in [
        (vec!["romashka/2026-0002", "0"], "more than zero"),
        (vec!["romashka/2026-0002", "-5"], "more than zero"),
        (vec!["romashka/2026-0002", "1.001"], "is not a sum of money"),
        (
            vec!["romashka/2026-0002", "1", "--date", "2026-09-30"],
            "before the invoice's date",
        ),
        (vec!["romashka/2026-0005", "1"], "is cancelled"),
        (vec!["romashka/2026-9999", "1"], "no invoice `2026-9999`"),
    ] {
        let mut all = vec!["invoice", "pay"];
        all.extend(args.iter().copied());
        let run = book.run(&all);
        assert_ne!(run.code, 0, "{args:?}");
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    }
    let run = book.run(&[
        "invoice",
        "pay",
        "romashka/2026-0002",
        "70000.01",
        "--date",
        TODAY,
        "--force",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.ends_with("overpaid by 0.01 RUB\n"),
        "{}",
        run.stdout
    );
}

/// The `invoices` list's row for `number`: (paid, owed).
fn listed(book: &TempBook, number: &str, today: &str) -> (String, String) {
    let doc = book
        .run(&["invoices", "--format", "json", "--today", today])
        .json();
    let row = doc["invoices"]
        .as_array()
        .expect("invoices")
        .iter()
        .find(|i| i["number"] == number)
        .unwrap_or_else(|| panic!("{number} is listed"))
        .clone();
    (
        row["paid"].as_str().unwrap_or_default().to_owned(),
        row["remainder"].as_str().unwrap_or_default().to_owned(),
    )
}

#[test]
fn pay_refuses_a_payment_dated_after_today() {
    let book = invoice_book();
    let file = "clients/romashka/invoices/2026-0002.yaml";
    let before = book.read(file);
    let run = book.run(&[
        "invoice",
        "pay",
        "romashka/2026-0002",
        "70000",
        "--date",
        "2027-11-01",
        "--today",
        TODAY,
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("the payment on 2027-11-01 is after today (2026-11-27)"),
        "{}",
        run.stderr
    );
    assert_eq!(book.read(file), before, "nothing written");
    // Today itself is fine, and the list then agrees with what pay said.
    let run = book.run(&[
        "invoice",
        "pay",
        "romashka/2026-0002",
        "70000",
        "--date",
        TODAY,
        "--today",
        TODAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.ends_with("paid in full\n"), "{}", run.stdout);
    assert_eq!(
        listed(&book, "2026-0002", TODAY),
        ("120000.00".to_owned(), "0.00".to_owned())
    );
}

#[test]
fn pay_counts_as_paid_what_the_list_counts() {
    let book = invoice_book();
    let file = "clients/romashka/invoices/2026-0002.yaml";
    // Written by hand: 70 000 dated next year. The list does not count it yet.
    let text = book.read(file).replace(
        "ref: п/п № 77}",
        "ref: п/п № 77}\n  - {date: 2027-11-01, amount: 70000}",
    );
    book.write(file, &text);
    assert_eq!(
        listed(&book, "2026-0002", TODAY),
        ("50000.00".to_owned(), "70000.00".to_owned())
    );
    // Neither does pay: its "paid already" is the list's 50 000; but recording 70 000
    // more would overpay once that payment counts, and pay says which one it is.
    let run = book.run(&[
        "invoice",
        "pay",
        "romashka/2026-0002",
        "70000",
        "--today",
        TODAY,
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "also records 70000.00 RUB dated after today (70000.00 on 2027-11-01), which is \
             not counted as paid yet"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("correct the date"), "{}", run.stderr);
    assert_eq!(book.read(file), text, "nothing written");
    // Past overpayment by today's count, the message gives today's figures.
    let run = book.run(&[
        "invoice",
        "pay",
        "romashka/2026-0002",
        "70000.01",
        "--today",
        TODAY,
    ]);
    assert!(
        run.stderr
            .contains("would overpay invoice 2026-0002 by 0.01 RUB: its total is 120000.00 RUB, 50000.00 RUB is paid already"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_list_and_the_card_agree_on_an_overpaid_invoice() {
    // 2026-0010 of the example book: 120 000 asked, 132 000 paid. The list said
    // "paid" where the client's card said "overpaid".
    let book = example_book();
    let book = book.to_str().expect("utf-8");
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--book", book, "--today", TODAY, "--no-cache"]);
        let run = common::rapport(&all);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        run
    };
    let list = run(&["invoices", "--client", "trudnyi-klient"]);
    let line = list
        .stdout
        .lines()
        .find(|l| l.starts_with("2026-0010"))
        .unwrap_or_default();
    assert!(line.ends_with("  overpaid"), "{}", list.stdout);
    let json = run(&["invoices", "--format", "json", "--client", "trudnyi-klient"]).json();
    let listed = json["invoices"]
        .as_array()
        .expect("invoices")
        .iter()
        .find(|i| i["number"] == "2026-0010")
        .cloned()
        .unwrap_or_default();
    assert_eq!(listed["status"], "overpaid", "{json}");
    let card = run(&["show", "trudnyi-klient", "--format", "json"]).json();
    let shown = card["client"]["invoices"]
        .as_array()
        .expect("invoices")
        .iter()
        .find(|i| i["number"] == "2026-0010")
        .cloned()
        .unwrap_or_default();
    assert_eq!(shown["payment"], "overpaid", "{card}");
    let text = run(&["show", "trudnyi-klient"]);
    assert!(
        text.stdout.contains("issued, overpaid\n"),
        "{}",
        text.stdout
    );
}

#[test]
fn the_invoice_list_shows_what_is_owed_and_since_when() {
    let book = invoice_book();
    let run = book.run(&["invoices", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = "\
Number     Client      Date        Due              Total       Paid        Owed  Currency  Status
-------------------------------------------------------------------------------------------------------------
2026-0001  Ромашка     2026-07-01  2026-07-11  100 000.00       0.00  100 000.00  RUB       overdue 139 days
2026-0002  Ромашка     2026-10-01  2026-10-11  120 000.00  50 000.00   70 000.00  RUB       overdue 47 days
2026-0004  Ромашка     2026-11-02  2026-11-12   15 000.00  15 000.00        0.00  RUB       paid
2026-0005  Ромашка     2026-11-03  2026-11-13    1 000.00       0.00              RUB       cancelled
2026-0007  Vektor Ltd  2026-11-07  2026-11-17    2 500.00       0.00    2 500.00  USD       overdue 10 days
2026-0003  Ромашка     2026-11-20  2026-11-30   60 000.00  10 000.00   50 000.00  RUB       partly paid
2026-0006  Ромашка     2026-11-25  2026-12-05    5 000.00       0.00              RUB       draft

Owed by days past due:
  Currency    current      1-30      31-60  61-90         90+       Total
  ------------------------------------------------------------------------
  RUB       50 000.00      0.00  70 000.00   0.00  100 000.00  220 000.00
  USD            0.00  2 500.00       0.00   0.00        0.00    2 500.00
";
    assert_eq!(run.stdout, expected);
    let json = book
        .run(&["invoices", "--format", "json", "--today", TODAY])
        .json();
    assert_eq!(json["version"], 1);
    let aging = &json["aging"];
    assert_eq!(aging.as_array().map(Vec::len), Some(2));
    assert_eq!(aging[0]["currency"], "RUB");
    assert_eq!(aging[0]["current"], "50000.00");
    assert_eq!(aging[0]["1-30"], "0.00");
    assert_eq!(aging[0]["31-60"], "70000.00");
    assert_eq!(aging[0]["90+"], "100000.00");
    assert_eq!(aging[0]["total"], "220000.00");
    assert_eq!(aging[1]["currency"], "USD");
    assert_eq!(aging[1]["1-30"], "2500.00");
    let first = &json["invoices"][0];
    assert_eq!(first["status"], "overdue");
    assert_eq!(first["overdue_days"], 139);
    assert_eq!(first["due_computed"], true);

    let overdue = book.run(&[
        "invoices",
        "--overdue",
        "--client",
        "romashka",
        "--format",
        "csv",
        "--today",
        TODAY,
    ]);
    assert_eq!(overdue.code, 0, "{}", overdue.stderr);
    assert_eq!(
        overdue.stdout,
        "number,client,file,date,due,currency,total,paid,remainder,status,overdue_days\r\n\
         2026-0001,romashka,clients/romashka/invoices/2026-0001.yaml,2026-07-01,2026-07-11,RUB,100000.00,0.00,100000.00,overdue,139\r\n\
         2026-0002,romashka,clients/romashka/invoices/2026-0002.yaml,2026-10-01,2026-10-11,RUB,120000.00,50000.00,70000.00,overdue,47\r\n"
    );
}

/// The files `rapport invoices --overdue` and `rapport audit --rule D04` name.
fn overdue_both_ways(book: &Path, today: &str) -> (Vec<String>, Vec<String>) {
    let dir = book.to_str().expect("utf-8");
    let list = common::rapport_in(
        book,
        &[
            "invoices",
            "--overdue",
            "--format",
            "json",
            "--today",
            today,
            "--book",
            dir,
        ],
    )
    .json();
    let mut listed: Vec<String> = list["invoices"]
        .as_array()
        .expect("invoices")
        .iter()
        .map(|i| i["file"].as_str().unwrap_or_default().to_owned())
        .collect();
    let audit = common::rapport_in(
        book,
        &[
            "audit",
            "--format",
            "json",
            "--rule",
            "D04",
            "--no-waivers",
            "--today",
            today,
            "--book",
            dir,
        ],
    )
    .json();
    let mut audited: Vec<String> = audit["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "D04")
        .map(|f| f["file"].as_str().unwrap_or_default().to_owned())
        .collect();
    listed.sort();
    audited.sort();
    (listed, audited)
}

#[test]
fn the_list_and_the_audit_agree_on_what_is_overdue() {
    let example = example_copy();
    let fixture = invoice_book();
    let mut seen = 0;
    for book in [example.path(), fixture.path()] {
        for today in [
            "2025-11-01",
            "2026-01-15",
            "2026-03-11",
            "2026-07-12",
            "2026-11-27",
            "2026-12-03",
            "2026-12-04",
            "2027-03-01",
        ] {
            let (listed, audited) = overdue_both_ways(book, today);
            assert_eq!(listed, audited, "{} on {today}", book.display());
            seen += listed.len();
        }
    }
    assert!(seen > 5, "the days chosen must find overdue invoices");
}
