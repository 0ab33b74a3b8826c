//! `rapport reconcile CLIENT --from --to`: the reconciliation statement (акт сверки)
//! through the real binary. Its balances are held to `rapport invoices --format json`
//! on the example book and on a generated book of many invoices and payments; the
//! Markdown is pinned in full in Russian and English; the PDF is read back by pypdf,
//! the HTML by Python's own HTML parser (both in the tests' venv: tests/checkers);
//! every refusal is tested.

mod checkers;
mod common;
mod report_support;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Stdio;

use common::{Run, TempBook, example_book};
use report_support::assert_golden;
use rust_decimal::Decimal;

const TODAY: &str = "2026-11-27";

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|_| panic!("a decimal: {s:?}"))
}

/// `rapport ARGS` on the book at `book`, as of today, without a parse cache.
fn on(book: &Path, args: &[&str]) -> Run {
    let book = book.to_str().expect("a UTF-8 path");
    let mut all = args.to_vec();
    all.extend_from_slice(&["--book", book, "--today", TODAY, "--no-cache"]);
    common::rapport(&all)
}

/// The CSV statement's rows: (date, entry, invoice, ref, debit, credit).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("date,entry,invoice,ref,debit,credit"));
    lines
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

/// The balance of a CSV row: debit less credit.
fn balance(row: &[String]) -> Decimal {
    dec(&row[4]) - dec(&row[5])
}

/// Per client: what `rapport invoices --format json` shows as still owed today (issued
/// invoices only), and what it shows as invoiced in total.
fn owed_per_client(book: &Path) -> BTreeMap<String, (Decimal, Decimal)> {
    let run = on(book, &["invoices", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut out: BTreeMap<String, (Decimal, Decimal)> = BTreeMap::new();
    for i in run.json()["invoices"].as_array().expect("invoices") {
        let status = i["status"].as_str().expect("status");
        if matches!(status, "draft" | "cancelled") {
            continue;
        }
        let entry = out
            .entry(i["client"].as_str().expect("client").to_owned())
            .or_default();
        entry.0 += dec(i["remainder"].as_str().expect("remainder"));
        entry.1 += dec(i["total"].as_str().expect("total"));
    }
    out
}

/// Holds every client's statements on `book` to the invoice list: from the first day
/// to today the debit is everything invoiced and the closing balance everything still
/// owed, to the kopeck; split at `split`, the first period closes where the second
/// opens, and each period's closing is its opening plus debit less credit.
fn balances_agree(book: &Path, clients: &[String], split: &str) {
    let owed = owed_per_client(book);
    let mut checked = 0;
    for client in clients {
        let all = on(
            book,
            &[
                "reconcile",
                client,
                "--from",
                "2000-01-01",
                "--to",
                TODAY,
                "--format",
                "csv",
            ],
        );
        assert_eq!(all.code, 0, "{client}: {}", all.stderr);
        let rows = csv_rows(&all.stdout);
        let (want_owed, want_total) = owed.get(client).copied().unwrap_or_default();
        let opening = &rows[0];
        let turnover = &rows[rows.len() - 2];
        let closing = &rows[rows.len() - 1];
        assert_eq!(
            (opening[1].as_str(), balance(opening)),
            ("opening", Decimal::ZERO)
        );
        assert_eq!(turnover[1], "turnover");
        assert_eq!(dec(&turnover[4]), want_total, "{client}: invoiced");
        assert_eq!(closing[1], "closing");
        assert_eq!(balance(closing), want_owed, "{client}: owed today");
        // The rows add up to the turnover.
        let body = &rows[1..rows.len() - 2];
        let debit: Decimal = body.iter().map(|r| dec(&r[4])).sum();
        let credit: Decimal = body.iter().map(|r| dec(&r[5])).sum();
        assert_eq!(
            (debit, credit),
            (dec(&turnover[4]), dec(&turnover[5])),
            "{client}"
        );
        // Two periods chain.
        let day_before = chrono::NaiveDate::parse_from_str(split, "%Y-%m-%d")
            .expect("date")
            .pred_opt()
            .expect("a day before")
            .to_string();
        let first = csv_rows(
            &on(
                book,
                &[
                    "reconcile",
                    client,
                    "--from",
                    "2000-01-01",
                    "--to",
                    &day_before,
                    "--format",
                    "csv",
                ],
            )
            .stdout,
        );
        let second = csv_rows(
            &on(
                book,
                &[
                    "reconcile",
                    client,
                    "--from",
                    split,
                    "--to",
                    TODAY,
                    "--format",
                    "csv",
                ],
            )
            .stdout,
        );
        let first_closing = balance(&first[first.len() - 1]);
        assert_eq!(
            balance(&second[0]),
            first_closing,
            "{client}: periods chain"
        );
        let t = &second[second.len() - 2];
        assert_eq!(
            first_closing + dec(&t[4]) - dec(&t[5]),
            balance(&second[second.len() - 1]),
            "{client}"
        );
        checked += 1;
    }
    assert!(checked > 0);
}

#[test]
fn balances_equal_the_invoice_list_on_the_example_book() {
    let clients: Vec<String> = fs::read_dir(example_book().join("clients"))
        .expect("clients")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    balances_agree(&example_book(), &clients, "2026-11-01");
}

/// A small deterministic generator of many invoices: lines with kopecks and
/// fractional quantities, VAT in and on top, none, partial, full, split and excess
/// payments, drafts and cancelled ones, over two years.
fn generated_book() -> (TempBook, Vec<String>) {
    let book = TempBook::empty();
    let mut seed: u64 = 0x5eed_1234_abcd_0001;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    book.write(
        "rapport.yaml",
        "agency: {name: Агентство}\ninvoice: {payment_days: 10}\n",
    );
    let mut clients = Vec::new();
    for c in 0..6 {
        let id = format!("client-{c}");
        book.write(
            &format!("clients/{id}/client.yaml"),
            &format!("name: Клиент {c}\ncontacts: [{{id: a, name: А}}]\n"),
        );
        for n in 0..25 {
            let month = 1 + next(12);
            let day = 1 + next(27);
            let year = if next(2) == 0 { 2025 } else { 2026 };
            let year = if year == 2026 && month > 11 {
                2025
            } else {
                year
            };
            let date = format!("{year}-{month:02}-{day:02}");
            let mut text = format!("number: \"{year}-{c}{n:03}\"\ndate: {date}\n");
            match next(4) {
                0 => text.push_str("vat: none\n"),
                1 => text.push_str("vat: 20\nprices_include_vat: false\n"),
                2 => text.push_str("vat: 22\n"),
                _ => {}
            }
            match next(10) {
                0 => text.push_str("status: draft\n"),
                1 => text.push_str("status: cancelled\n"),
                _ => {}
            }
            text.push_str("lines:\n");
            let mut gross_guess: u64 = 0;
            for _ in 0..1 + next(3) {
                let kop = 100 + next(50_000_000);
                let qty = match next(3) {
                    0 => "1".to_owned(),
                    1 => format!("{}", 1 + next(5)),
                    _ => format!("{}.{:03}", next(3), 1 + next(999)),
                };
                gross_guess += kop;
                text.push_str(&format!(
                    "  - {{item: Работа, qty: {qty}, price: {}.{:02}}}\n",
                    kop / 100,
                    kop % 100
                ));
            }
            // Payments on or after the invoice date, some after today (not counted
            // yet by either command).
            let pays = next(4);
            if pays > 0 {
                text.push_str("payments:\n");
            }
            let start = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").expect("date");
            for _ in 0..pays {
                let paid_on = start + chrono::Days::new(next(120));
                let amount = gross_guess / (1 + next(3)) / 100;
                text.push_str(&format!(
                    "  - {{date: {paid_on}, amount: {amount}.{:02}}}\n",
                    next(100)
                ));
            }
            book.write(
                &format!("clients/{id}/invoices/{year}-{c}{n:03}.yaml"),
                &text,
            );
        }
        clients.push(id);
    }
    (book, clients)
}

#[test]
fn balances_equal_the_invoice_list_on_a_generated_book() {
    let (book, clients) = generated_book();
    // The generated book reads: no E-code.
    let audit = on(
        book.path(),
        &["audit", "--format", "json", "--fail-on", "never"],
    );
    let bad: Vec<_> = audit.json()["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"].as_str().is_some_and(|c| c.starts_with('E')))
        .cloned()
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
    balances_agree(book.path(), &clients, "2026-03-15");
}

#[test]
fn the_statement_is_pinned_in_russian_and_in_english() {
    let run = on(
        &example_book(),
        &[
            "reconcile",
            "trudnyi-klient",
            "--from",
            "2026-01-01",
            "--to",
            TODAY,
            "--format",
            "md",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_golden("reconcile-ru.md", &run.stdout);
    // The contract's own statement: only the invoices under 20/2026.
    let run = on(
        &example_book(),
        &[
            "reconcile",
            "trudnyi-klient",
            "--contract",
            "2026-020",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--format",
            "csv",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // RFC 4180: records end with CRLF, as every `--format csv` writes them.
    assert_eq!(
        run.stdout,
        "date,entry,invoice,ref,debit,credit\r\n\
         2026-11-01,opening,,,0.00,0.00\r\n\
         2026-11-25,invoice,2026-0010,,120000.00,0.00\r\n\
         2026-11-26,invoice,2026-0007,,65000.00,0.00\r\n\
         2026-11-26,payment,2026-0010,п/п № 4471,0.00,132000.00\r\n\
         2026-11-30,turnover,,,185000.00,132000.00\r\n\
         2026-11-30,closing,,,53000.00,0.00\r\n"
    );
    // English, with an overpayment: the balance is the client's.
    let book = TempBook::empty();
    book.write(
        "rapport.yaml",
        "agency: {name: White Whale, signatory: Sergey Volkov}\nlocale: en\ncurrency: EUR\n",
    );
    book.write(
        "clients/acme/client.yaml",
        "name: Acme\nlegal: {name: Acme Ltd}\ncontacts: [{id: a, name: Ann}]\n",
    );
    book.write(
        "clients/acme/contracts/c1.yaml",
        "number: \"1/2026\"\nsigned: 2026-01-10\nstart: 2026-01-10\nend: 2026-12-31\nvat: none\n",
    );
    book.write(
        "clients/acme/invoices/2026-0001.yaml",
        "number: \"2026-0001\"\ndate: 2026-09-01\ncontract: c1\nlines: [{item: Design, price: 1000}]\n\
         payments: [{date: 2026-09-10, amount: 1000}]\n",
    );
    book.write(
        "clients/acme/invoices/2026-0002.yaml",
        "number: \"2026-0002\"\ndate: 2026-10-01\ncontract: c1\nlines: [{item: Design, qty: 2, price: 250.25}]\n\
         payments: [{date: 2026-10-05, amount: 600, ref: \"wire 77\"}]\n",
    );
    let run = on(
        book.path(),
        &[
            "reconcile",
            "acme",
            "--from",
            "2026-10-01",
            "--to",
            "2026-10-31",
            "--format",
            "md",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_golden("reconcile-en.md", &run.stdout);
}

#[cfg(feature = "pdf")]
#[test]
fn the_pdf_reads_back_with_the_markdowns_figures() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pdf = dir.path().join("akt.pdf");
    let pdf_arg = pdf.to_str().expect("utf-8");
    let args = [
        "reconcile",
        "trudnyi-klient",
        "--from",
        "2026-01-01",
        "--to",
        TODAY,
    ];
    let mut with = args.to_vec();
    with.extend_from_slice(&["--format", "pdf", "--out", pdf_arg]);
    let run = on(&example_book(), &with);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("created {pdf_arg}\n"));
    let text = checkers::pdf_text(&pdf);
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for want in [
        "Актсверкивзаимныхрасчётов",
        "Период:с1января2026г.по27ноября2026г.",
        "Сальдоначальное156000,00",
        "24.11.2026Счёт№2026-000995000,00",
        "26.11.2026Оплатапосчёту№132000,00",
        "Оборотызапериод280000,00132000,00",
        "Сальдоконечное304000,00",
        "задолженностьвпользуИсполнителя",
        "составляет304000,00₽(тристачетыретысячирублей00копеек)",
        // Both signature blocks under their party, as the act's (was "От Заказчика").
        "Заказчик",
    ] {
        assert!(flat.contains(want), "missing {want:?} in\n{text}");
    }
    // Never over an existing file.
    let again = on(&example_book(), &with);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
}

#[test]
fn the_html_parses_and_its_table_is_the_markdowns() {
    let args = [
        "reconcile",
        "trudnyi-klient",
        "--from",
        "2026-01-01",
        "--to",
        TODAY,
    ];
    let mut html_args = args.to_vec();
    html_args.extend_from_slice(&["--format", "html"]);
    let html = on(&example_book(), &html_args);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let mut md_args = args.to_vec();
    md_args.extend_from_slice(&["--format", "md"]);
    let md = on(&example_book(), &md_args);
    // Python's own HTML parser: every table row's cells, as JSON.
    const SCRIPT: &str = "import sys, json\n\
        from html.parser import HTMLParser\n\
        class P(HTMLParser):\n\
        \x20   def __init__(self):\n\
        \x20       super().__init__(); self.rows=[]; self.cell=None\n\
        \x20   def handle_starttag(self, tag, attrs):\n\
        \x20       if tag=='tr': self.rows.append([])\n\
        \x20       if tag in ('td','th'): self.cell=''\n\
        \x20   def handle_endtag(self, tag):\n\
        \x20       if tag in ('td','th'): self.rows[-1].append(self.cell.strip()); self.cell=None\n\
        \x20   def handle_data(self, data):\n\
        \x20       if self.cell is not None: self.cell+=data\n\
        p=P(); p.feed(sys.stdin.read()); p.close()\n\
        print(json.dumps(p.rows, ensure_ascii=False))\n";
    let mut child = checkers::checkers()
        .python()
        .args(["-X", "utf8", "-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python runs");
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(html.stdout.as_bytes()).expect("write html");
    }
    let out = child.wait_with_output().expect("python ends");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Vec<String>> = serde_json::from_slice(&out.stdout).expect("json rows");
    let md_rows: Vec<Vec<String>> = md
        .stdout
        .lines()
        .filter(|l| l.starts_with("| ") || l.starts_with("|  "))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect();
    // The statement's table (eight columns), not the signatures' layout.
    // (Markdown writes a no-break space as a plain one.)
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .filter(|r| r.len() == 8)
        .map(|r| r.into_iter().map(|c| c.replace('\u{a0}', " ")).collect())
        .collect();
    assert_eq!(rows.len(), 8, "{rows:?}");
    assert_eq!(rows, md_rows);
    assert_eq!(rows[0][..4], ["Дата", "Документ", "Дебет", "Кредит"]);
    assert_eq!(rows[7][1..3], ["Сальдо конечное", "304 000,00"]);
}

#[test]
fn every_refusal_says_why() {
    let book = example_book();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "reconcile",
                "trudnyi-klient",
                "--from",
                "2026-12-01",
                "--to",
                "2026-11-01",
                "--format",
                "md",
            ],
            "error: --from 2026-12-01 is after --to 2026-11-01\nhint: the period runs from --from \
             to --to, both days included\n",
        ),
        (
            &[
                "reconcile",
                "trudnyi-klient",
                "--contract",
                "2026-02",
                "--from",
                "2026-01-01",
                "--to",
                TODAY,
                "--format",
                "md",
            ],
            "error: no contract `2026-02` in client `trudnyi-klient`\nhint: did you mean `2026-020`?\n",
        ),
        (
            &[
                "reconcile",
                "trudny-klient",
                "--from",
                "2026-01-01",
                "--to",
                TODAY,
                "--format",
                "md",
            ],
            "",
        ),
    ];
    for (args, want) in cases {
        let run = on(&book, args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
        if want.is_empty() {
            assert!(run.stderr.contains("trudnyi-klient"), "{}", run.stderr);
        } else {
            assert_eq!(run.stderr, *want, "{args:?}");
        }
    }
    // Dates are checked by the argument parser; --from and --to are required.
    for args in [
        &[
            "reconcile",
            "trudnyi-klient",
            "--from",
            "01.01.2026",
            "--to",
            TODAY,
        ][..],
        &["reconcile", "trudnyi-klient", "--to", TODAY][..],
    ] {
        let run = on(&book, args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.starts_with("error:"), "{}", run.stderr);
    }
    // A CSV is never written over an existing file either.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("akt.csv");
    fs::write(&out, "mine").expect("write");
    let run = on(
        &book,
        &[
            "reconcile",
            "trudnyi-klient",
            "--from",
            "2026-01-01",
            "--to",
            TODAY,
            "--format",
            "csv",
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&out).expect("read"), "mine");
}
