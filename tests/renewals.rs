//! `rapport renewals` (the list of renewal decisions) and `rapport renew` (recording
//! one, and drafting the next contract).

mod common;

use std::collections::BTreeSet;

use common::TempBook;
use serde_json::json;

const TODAY: &str = "2026-11-27"; // a Friday

const CLIENT: &str = "name: Акме\ncontacts:\n  - {id: ivanov, name: Иван Иванов}\n";

/// Client `acme` has one contract in each state, plus a supplement, a closed
/// contract and invoices that count or do not; client `beta` has one due contract.
fn book() -> TempBook {
    let book = TempBook::new();
    book.write("clients/acme/client.yaml", CLIENT)
        // Term 3 (2026) by tacit renewal; notice 2026-12-01, a Tuesday, in 4 days: due.
        .write(
            "clients/acme/contracts/2024-001.yaml",
            "number: \"1/2024\"\nstart: 2024-01-01\nend: 2024-12-31\n\
             renewal: {auto: true, term_months: 12, notice_days: 30}\n",
        )
        // No auto-renewal; notice 2026-10-16 passed with nothing decided: missed.
        .write(
            "clients/acme/contracts/2025-002.yaml",
            "number: \"2/2025\"\nstart: 2025-06-01\nend: 2026-11-15\nvalue: 300000\n\
             renewal: {auto: false, notice_days: 30}\n",
        )
        // 2026-12-31 − 25 days is Sunday 2026-12-06: moved back to Friday 2026-12-04.
        .write(
            "clients/acme/contracts/2026-003.yaml",
            "number: \"3/2026\"\nstart: 2026-01-01\nend: 2026-12-31\n\
             renewal: {auto: true, notice_days: 25, decision: renew, decided: 2026-11-20}\n",
        )
        // No renewal clause at all; its supplement adds value and invoices.
        .write(
            "clients/acme/contracts/2026-004.yaml",
            "number: \"4/2026\"\nstart: 2026-02-01\nend: 2027-03-31\nvalue: 500000\n",
        )
        .write(
            "clients/acme/contracts/2026-004-ds1.yaml",
            "number: ДС-1\nkind: supplement\nparent: 2026-004\nstart: 2026-06-01\n\
             end: 2027-03-31\nvalue: 100\n",
        )
        // 2027-03-31 − 60 days is Saturday 2027-01-30: Friday 2027-01-29, upcoming.
        .write(
            "clients/acme/contracts/2026-005.yaml",
            "number: \"5/2026\"\nstart: 2026-04-01\nend: 2027-03-31\n\
             renewal: {auto: true, term_months: 12, notice_days: 60}\n",
        )
        // Not listed: closed.
        .write(
            "clients/acme/contracts/2023-009.yaml",
            "number: \"9/2023\"\nstart: 2023-01-01\nend: 2023-12-31\nstatus: closed\n\
             renewal: {auto: false, notice_days: 30}\n",
        )
        // Counted under 2026-004: issued, dated by today (a payment after today is not).
        .write(
            "clients/acme/invoices/2026-0001.yaml",
            "number: 2026-0001\ndate: 2026-05-01\ncontract: 2026-004\n\
             lines: [{item: a, price: 12000}]\npayments: [{date: 2026-05-05, amount: 12000}]\n",
        )
        .write(
            "clients/acme/invoices/2026-0002.yaml",
            "number: 2026-0002\ndate: 2026-07-01\ncontract: 2026-004-ds1\n\
             lines: [{item: b, price: 100}]\npayments: [{date: 2026-12-01, amount: 100}]\n",
        )
        // Not counted: a draft, a cancelled invoice, one dated after today.
        .write(
            "clients/acme/invoices/2026-0003.yaml",
            "number: 2026-0003\ndate: 2026-08-01\ncontract: 2026-004\nstatus: draft\n\
             lines: [{item: c, price: 999}]\n",
        )
        .write(
            "clients/acme/invoices/2026-0004.yaml",
            "number: 2026-0004\ndate: 2026-08-02\ncontract: 2026-004\nstatus: cancelled\n\
             lines: [{item: d, price: 999}]\n",
        )
        .write(
            "clients/acme/invoices/2026-0005.yaml",
            "number: 2026-0005\ndate: 2026-12-10\ncontract: 2026-004\n\
             lines: [{item: e, price: 999}]\n",
        )
        .write(
            "clients/beta/client.yaml",
            "name: Бета\ncontacts:\n  - {id: b, name: Б}\n",
        )
        .write(
            "clients/beta/contracts/2026-010.yaml",
            "number: \"10/2026\"\nstart: 2026-01-01\nend: 2026-12-31\n\
             renewal: {auto: true, term_months: 12, notice_days: 30}\n",
        );
    book
}

#[test]
fn the_table_lists_missed_windows_first_then_by_notice_date() {
    let run = book().run(&["renewals", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\
Notice      Days  State      Client  Contract  Term                        Renewal                          Decision                   Value       Invoiced
------------------------------------------------------------------------------------------------------------------------------------------------------------
2026-10-16   -42  missed     Акме    2/2025    1: 2025-06-01 – 2026-11-15  no auto-renewal, notice 30 days                    300 000.00 RUB       0.00 RUB
2026-12-01     4  due        Акме    1/2024    3: 2026-01-01 – 2026-12-31  auto, 12 months, notice 30 days                                         0.00 RUB
2026-12-01     4  due        Бета    10/2026   1: 2026-01-01 – 2026-12-31  auto, 12 months, notice 30 days                                         0.00 RUB
2026-12-04     7  decided    Акме    3/2026    1: 2026-01-01 – 2026-12-31  auto, notice 25 days             renew 2026-11-20                       0.00 RUB
2027-01-29    63  upcoming   Акме    5/2026    1: 2026-04-01 – 2027-03-31  auto, 12 months, notice 60 days                                         0.00 RUB
                  no notice  Акме    4/2026    1: 2026-02-01 – 2027-03-31  no renewal clause                                  500 100.00 RUB  12 100.00 RUB
"
    );
}

#[test]
fn json_has_a_version_and_every_fact() {
    let run = book().run(&["renewals", "--today", TODAY, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = run.json();
    assert_eq!(doc["version"], 1);
    let rows = doc["contracts"].as_array().expect("contracts");
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| r["contract"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "2025-002", "2024-001", "2026-010", "2026-003", "2026-005", "2026-004"
        ]
    );
    assert_eq!(
        rows[3],
        json!({
            "client": "acme",
            "client_name": "Акме",
            "contract": "2026-003",
            "file": "clients/acme/contracts/2026-003.yaml",
            "number": "3/2026",
            "title": null,
            "state": "decided",
            "term": {"number": 1, "start": "2026-01-01", "end": "2026-12-31"},
            "notice": "2026-12-04",
            "days_left": 7,
            "final_end": null,
            "renewal": {"auto": true, "term_months": null, "notice_days": 25},
            "decision": "renew",
            "decided": "2026-11-20",
            "next": null,
            "next_number": null,
            "value": null,
            "invoiced": "0.00",
            "paid": "0.00",
            "currency": "RUB"
        })
    );
    // The supplement's value and invoice count for its contract; the payment dated
    // after today does not.
    assert_eq!(rows[5]["value"], "500100.00");
    assert_eq!(rows[5]["invoiced"], "12100.00");
    assert_eq!(rows[5]["paid"], "12000.00");
    assert_eq!(rows[5]["state"], "no_notice");
    assert_eq!(rows[0]["final_end"], "2026-11-15");
    assert_eq!(rows[0]["days_left"], -42);
}

#[test]
fn within_keeps_missed_windows_and_near_dates() {
    let book = book();
    let ids = |days: &str| -> Vec<String> {
        let run = book.run(&[
            "renewals", "--today", TODAY, "--within", days, "--format", "json",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.json()["contracts"]
            .as_array()
            .expect("contracts")
            .iter()
            .map(|r| r["contract"].as_str().expect("id").to_owned())
            .collect()
    };
    assert_eq!(ids("0"), ["2025-002"]);
    assert_eq!(ids("4"), ["2025-002", "2024-001", "2026-010"]);
    assert_eq!(ids("30"), ["2025-002", "2024-001", "2026-010", "2026-003"]);
    // A contract without notice days counts by the end of its term.
    assert_eq!(ids("124").len(), 6);
    assert_eq!(ids("123").len(), 5);
}

#[test]
fn an_empty_list_says_why_on_stderr() {
    let book = TempBook::new();
    book.write("clients/acme/client.yaml", CLIENT);
    let run = book.run(&["renewals", "--today", TODAY, "--within", "30"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("Notice"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("no active contract has a renewal decision due within 30 days"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_states_agree_with_the_audit() {
    // D01's `days` from the book moves `due` for the list and the audit alike.
    let book = book();
    for settings in ["", "rules:\n  D01: {days: 3}\n"] {
        book.write(
            "rapport.yaml",
            &format!("{}{settings}", common::MINIMAL_SETTINGS),
        );
        let list = book.run(&["renewals", "--today", TODAY, "--format", "json"]);
        let files = |state: &str| -> BTreeSet<String> {
            list.json()["contracts"]
                .as_array()
                .expect("contracts")
                .iter()
                .filter(|r| r["state"] == state)
                .map(|r| r["file"].as_str().expect("file").to_owned())
                .collect()
        };
        let audit = book.run(&[
            "audit", "--today", TODAY, "--format", "json", "--rule", "D01", "--rule", "D02",
        ]);
        let fired = |code: &str| -> BTreeSet<String> {
            audit.json()["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .filter(|f| f["code"] == code)
                .map(|f| f["file"].as_str().expect("file").to_owned())
                .collect()
        };
        assert_eq!(files("due"), fired("D01"), "D01 {settings}");
        assert_eq!(files("missed"), fired("D02"), "D02 {settings}");
    }
    book.write(
        "rapport.yaml",
        &format!("{}rules:\n  D01: {{days: 3}}\n", common::MINIMAL_SETTINGS),
    );
    let run = book.run(&["renewals", "--today", TODAY, "--format", "json"]);
    assert_eq!(run.json()["contracts"][1]["state"], "upcoming");
}

#[test]
fn renewals_without_a_book_fail_with_a_hint() {
    let dir = TempBook::empty();
    let run = common::rapport_in(dir.path(), &["renewals", "--today", TODAY]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no book here"), "{}", run.stderr);
    let run = book().run(&["renewals", "--within", "soon"]);
    assert_eq!(run.code, 2, "a bad number is a usage error");
}

// ---------------------------------------------------------------------------------
// rapport renew

/// A contract as a person writes it: comments, a flow mapping, blank lines.
const CONTRACT: &str = "\
# Договор поддержки — комментарий пользователя
number: \"7/2025\"
title: Поддержка сайта   # п. 1.1

kind: contract
start: 2025-01-01
end: 2025-12-31
value: 120000
vat: 20
renewal: {auto: false, term_months: 12, notice_days: 30}   # п. 9.2
x-crm-id: 1042
";

fn renew_book() -> TempBook {
    let book = TempBook::new();
    book.write("clients/acme/client.yaml", CLIENT)
        .write("clients/acme/contracts/2025-007.yaml", CONTRACT)
        .write(
            "clients/acme/contracts/2025-007-ds1.yaml",
            "number: ДС-1\nkind: supplement\nparent: 2025-007\nstart: 2025-06-01\n\
             end: 2025-12-31\nvat: 22\n",
        )
        .write(
            "clients/acme/contracts/2024-001.yaml",
            "# авто\nnumber: \"1/2024\"\nstart: 2024-01-01\nend: 2024-12-31\n\
             renewal:\n  auto: true          # сам продлевается\n  notice_days: 30\n",
        );
    book
}

const DAY: &str = "2025-11-20";

#[test]
fn renew_records_the_decision_and_keeps_every_other_byte() {
    let book = renew_book();
    let run = book.run(&[
        "renew",
        "acme/2025-007",
        "--decision",
        "renew",
        "--next",
        "2026-001",
        "--today",
        DAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "recorded renew for contract 7/2025 (term 1: 2025-01-01 – 2025-12-31) in \
         clients/acme/contracts/2025-007.yaml\n\
         created clients/acme/contracts/2026-001.yaml (draft, 2026-01-01 – 2026-12-31)\n"
    );
    assert_eq!(
        book.read("clients/acme/contracts/2025-007.yaml"),
        CONTRACT.replace(
            "notice_days: 30}",
            "notice_days: 30, decision: renew, decided: 2025-11-20, next: 2026-001}"
        )
    );
    assert_eq!(
        book.read("clients/acme/contracts/2026-001.yaml"),
        "\
# Черновик: `rapport renew` 2025-11-20, из договора 7/2025 (clients/acme/contracts/2025-007.yaml) на следующий срок.
# Проверьте каждое поле; после подписания укажите `signed:` и `status: active`.
number: \"1/2026\"
title: Поддержка сайта
kind: contract
parent: 2025-007
start: 2026-01-01
end: 2026-12-31
value: 120000.00
vat: 22
status: draft
renewal:
  auto: false
  term_months: 12
  notice_days: 30
"
    );
    // The book is whole: no E-finding, and D01/D02 see the decision.
    let audit = book.run(&["audit", "--today", DAY, "--format", "json"]);
    let findings = audit.json()["findings"].clone();
    for f in findings.as_array().expect("findings") {
        let code = f["code"].as_str().expect("code");
        let ours = f["file"]
            .as_str()
            .is_some_and(|f| f.contains("2025-007") || f.contains("2026-001"));
        assert!(!code.starts_with('E'), "{f}");
        assert!(!(ours && (code == "D01" || code == "D02")), "{f}");
    }
}

#[test]
fn renew_edits_a_block_mapping_in_place() {
    let book = renew_book();
    let before = book.read("clients/acme/contracts/2024-001.yaml");
    let run = book.run(&[
        "renew",
        "acme/2024-001",
        "--decision",
        "terminate",
        "--decided",
        "2025-11-19",
        "--today",
        DAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        book.read("clients/acme/contracts/2024-001.yaml"),
        format!("{before}  decision: terminate\n  decided: 2025-11-19\n")
    );
    // The list now shows the decision and the final end.
    let list = book.run(&["renewals", "--today", DAY, "--format", "json"]);
    let row = list.json()["contracts"]
        .as_array()
        .expect("contracts")
        .iter()
        .find(|r| r["contract"] == "2024-001")
        .cloned()
        .expect("listed");
    assert_eq!(row["state"], "decided");
    assert_eq!(row["decision"], "terminate");
    assert_eq!(row["final_end"], "2025-12-31");
}

#[test]
fn renew_of_an_auto_renewing_contract_needs_no_next() {
    let book = renew_book();
    let run = book.run(&[
        "renew",
        "acme/2024-001",
        "--decision",
        "renew",
        "--today",
        DAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("renews itself for its next term, 2026-01-01 – 2026-12-31"),
        "{}",
        run.stderr
    );
    let files: Vec<_> = std::fs::read_dir(book.path().join("clients/acme/contracts"))
        .expect("dir")
        .collect();
    assert_eq!(files.len(), 3, "no file drafted");
}

#[test]
fn renew_keeps_crlf_line_ends_and_a_byte_order_mark() {
    let book = renew_book();
    let text = format!("\u{feff}{}", CONTRACT.replace('\n', "\r\n"));
    book.write("clients/acme/contracts/2025-007.yaml", &text);
    let run = book.run(&[
        "renew",
        "acme/2025-007",
        "--decision",
        "renegotiate",
        "--today",
        DAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        book.read("clients/acme/contracts/2025-007.yaml"),
        text.replace(
            "notice_days: 30}",
            "notice_days: 30, decision: renegotiate, decided: 2025-11-20}"
        )
    );
}

#[test]
fn renew_drafts_a_supplement() {
    let book = renew_book();
    let run = book.run(&[
        "renew",
        "acme/2025-007",
        "--decision",
        "renew",
        "--supplement",
        "--today",
        DAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("created clients/acme/contracts/2025-007-ds2.yaml"),
        "{}",
        run.stdout
    );
    let ds = book.read("clients/acme/contracts/2025-007-ds2.yaml");
    assert!(ds.contains("\nnumber: ДС-2 к 7/2025\n"), "{ds}");
    assert!(ds.contains("\nkind: supplement\nparent: 2025-007\nstart: 2026-01-01\nend: 2026-12-31\nstatus: draft\n"), "{ds}");
    assert!(
        book.read("clients/acme/contracts/2025-007.yaml")
            .contains("next: 2025-007-ds2}")
    );
}

#[test]
fn renew_refers_to_a_next_contract_that_exists_without_touching_it() {
    let book = renew_book();
    let theirs = "number: \"1/2026\"\nstart: 2026-01-01\nend: 2026-12-31\nstatus: draft\n";
    book.write("clients/acme/contracts/2026-001.yml", theirs);
    let run = book.run(&[
        "renew",
        "acme/2025-007",
        "--decision",
        "renew",
        "--next",
        "2026-001",
        "--today",
        DAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("created"), "{}", run.stdout);
    assert_eq!(book.read("clients/acme/contracts/2026-001.yml"), theirs);
    assert!(
        !book
            .path()
            .join("clients/acme/contracts/2026-001.yaml")
            .exists()
    );
}

/// Runs `renew` with `args` and checks it fails with `message`, leaving every file
/// as it was.
fn refused(book: &TempBook, args: &[&str], message: &str) {
    let before = snapshot(book);
    let mut all = vec!["renew"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--today", DAY]);
    let run = book.run(&all);
    assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
    assert!(
        run.stderr.contains(message),
        "{args:?}: expected `{message}` in:\n{}",
        run.stderr
    );
    assert_eq!(snapshot(book), before, "{args:?} changed a file");
}

fn snapshot(book: &TempBook) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["clients/acme/contracts"] {
        let mut names: Vec<_> = std::fs::read_dir(book.path().join(dir))
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for n in names {
            let rel = format!("{dir}/{n}");
            out.push((rel.clone(), book.read(&rel)));
        }
    }
    out
}

#[test]
fn renew_refuses_what_it_cannot_do_and_writes_nothing() {
    let book = renew_book();
    book.write(
        "clients/acme/contracts/2024-002.yaml",
        "number: \"2/2024\"\nstart: 2024-01-01\nend: 2024-12-31\nstatus: closed\n",
    )
    .write(
        "clients/acme/contracts/2025-003.yaml",
        "number: \"3/2025\"\nstart: 2025-01-01\nend: 2025-12-31\nrenewal:\n  auto: true\n  \
         notice_days: 30\n  decision: renew   # по письму\n  decided: 2025-10-01\n",
    )
    .write("clients/acme/contracts/2025-008.yaml", "number: [broken\n");
    let cases: &[(&[&str], &str)] = &[
        (
            &["nobody/2025-007", "--decision", "renew"],
            "no client `nobody`",
        ),
        (
            &["acme/2025-070", "--decision", "renew"],
            "did you mean `2025-007`?",
        ),
        (&["acme", "--decision", "renew"], "write CLIENT/CONTRACT"),
        (
            &["acme/2025-008", "--decision", "renew"],
            "2025-008.yaml does not read",
        ),
        (
            &["acme/2025-007-ds1", "--decision", "renew"],
            "is a supplement: its renewal follows the contract",
        ),
        (
            &["acme/2024-002", "--decision", "renew"],
            "contract 2/2024 is closed",
        ),
        (
            &["acme/2025-003", "--decision", "terminate"],
            "already has a decision for term 1 (2025-01-01 – 2025-12-31): renew on 2025-10-01",
        ),
        (
            &["acme/2025-007", "--decision", "renew"],
            "contract 7/2025 does not renew itself",
        ),
        (
            &[
                "acme/2025-007",
                "--decision",
                "terminate",
                "--next",
                "2026-001",
            ],
            "--next, --supplement and --number do not apply",
        ),
        (
            &["acme/2025-007", "--decision", "renew", "--next", "Next_One"],
            "`Next_One` is not an ID",
        ),
        (
            &["acme/2025-007", "--decision", "renew", "--next", "2025-007"],
            "is this contract itself",
        ),
        (
            &[
                "acme/2025-007",
                "--decision",
                "renew",
                "--next",
                "podderzhka",
            ],
            "cannot make the printed number from the ID `podderzhka`",
        ),
        (
            &[
                "acme/2025-007",
                "--decision",
                "renew",
                "--next",
                "2024-001",
                "--number",
                "X",
            ],
            "contract `2024-001` exists already",
        ),
        (
            &[
                "acme/2025-007",
                "--decision",
                "renegotiate",
                "--number",
                "X",
            ],
            "--number names a drafted next contract",
        ),
        (
            &[
                "acme/2025-007",
                "--decision",
                "renegotiate",
                "--decided",
                "2025-11-21",
            ],
            "is after today",
        ),
        (
            &[
                "acme/2024-001",
                "--decision",
                "renew",
                "--decided",
                "2024-12-01",
            ],
            "is before the current term began (2025-01-01)",
        ),
    ];
    for (args, message) in cases {
        refused(&book, args, message);
    }
    // --force replaces a decision of the current term.
    let run = book.run(&[
        "renew",
        "acme/2025-003",
        "--decision",
        "terminate",
        "--force",
        "--today",
        DAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        book.read("clients/acme/contracts/2025-003.yaml")
            .ends_with("  decision: terminate   # по письму\n  decided: 2025-11-20\n")
    );
}

#[test]
fn renew_never_overwrites_a_file_that_appears_under_the_next_name() {
    // A folder where the draft would go: create_new refuses, and the contract itself
    // is left as it was.
    let book = renew_book();
    std::fs::create_dir_all(book.path().join("clients/acme/contracts/2026-001.yaml"))
        .expect("mkdir");
    let run = book.run(&[
        "renew",
        "acme/2025-007",
        "--decision",
        "renew",
        "--next",
        "2026-001",
        "--today",
        DAY,
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("2026-001.yaml already exists: rapport never overwrites a file"),
        "{}",
        run.stderr
    );
    assert_eq!(book.read("clients/acme/contracts/2025-007.yaml"), CONTRACT);
}

#[test]
fn renew_replaces_a_decision_inside_a_flow_mapping() {
    let book = renew_book();
    let text = "number: \"3/2025\"\nstart: 2025-01-01\nend: 2025-12-31\n\
                renewal: {auto: true, notice_days: 30, decision: renew, decided: 2025-10-01}\n";
    book.write("clients/acme/contracts/2025-003.yaml", text);
    let run = book.run(&[
        "renew",
        "acme/2025-003",
        "--decision",
        "terminate",
        "--force",
        "--today",
        DAY,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        book.read("clients/acme/contracts/2025-003.yaml"),
        text.replace(
            "decision: renew, decided: 2025-10-01}",
            "decision: terminate, decided: 2025-11-20}"
        )
    );
}
