//! `rapport budget` (every project's money) and `rapport estimate` (the estimate as
//! a document for the client).

mod common;

use std::collections::BTreeSet;

use common::TempBook;
use serde_json::json;

const TODAY: &str = "2026-11-27";

/// Client `acme`: projects red, amber and green by D07's default 90 %, one without a
/// budget, one in dollars, one done and over; invoices that count and that do not.
/// Client `beta`: one project with an estimate only.
fn book() -> TempBook {
    let book = TempBook::new();
    book.write(
        "clients/acme/client.yaml",
        "name: Акме\nlegal: {name: ООО «Акме»}\ncontacts:\n  - {id: ivanov, name: Иван Иванов}\n",
    )
    .write(
        "clients/acme/contracts/c-usd.yaml",
        "number: US-1\nstart: 2026-01-01\nend: 2026-12-31\ncurrency: USD\nvat: none\n",
    )
    .write(
        "clients/acme/projects/red.yaml",
        "title: Красный\nstage: active\n\
         estimate:\n  - {item: Дизайн, qty: 2, unit: шт., price: 500}\nbudget: 1000\n\
         costs:\n  - {date: 2026-10-01, amount: 600}\n  - {date: 2026-12-20, amount: 500}\n",
    )
    .write(
        "clients/acme/projects/amber.yaml",
        "title: Жёлтый\nstage: active\nestimate: [{item: a, price: 1000}]\nbudget: 1000\n\
         costs: [{date: 2026-10-01, amount: 950}]\n",
    )
    .write(
        "clients/acme/projects/green.yaml",
        "title: Зелёный\nstage: negotiation\n\
         estimate:\n  - {item: a, qty: 0.5, price: 0.05}\n  - {item: b, price: 999.97}\n\
         budget: 1000\ncosts: [{date: 2026-10-01, amount: 900}]\n",
    )
    .write(
        "clients/acme/projects/lead.yaml",
        "title: Лид\nstage: lead\nestimate: [{item: a, qty: 3, price: 100}]\n",
    )
    .write(
        "clients/acme/projects/usd.yaml",
        "title: Dollars\nstage: active\ncontract: c-usd\nestimate: [{item: a, price: 100}]\n\
         budget: 100\ncosts: [{date: 2026-10-01, amount: 10}]\n",
    )
    .write(
        "clients/acme/projects/old.yaml",
        "title: Старый\nstage: done\nestimate: [{item: a, price: 100}]\nbudget: 100\n\
         costs: [{date: 2025-10-01, amount: 200}]\n",
    )
    // Counted for `red`: 1220 invoiced, 500 paid (the payment after today is not).
    .write(
        "clients/acme/invoices/2026-0001.yaml",
        "number: 2026-0001\ndate: 2026-10-01\nproject: red\nlines: [{item: a, price: 1220}]\n\
         payments:\n  - {date: 2026-10-05, amount: 500}\n  - {date: 2026-12-01, amount: 100}\n",
    )
    // Not counted: a draft, a cancelled invoice, one dated after today.
    .write(
        "clients/acme/invoices/2026-0002.yaml",
        "number: 2026-0002\ndate: 2026-10-02\nproject: red\nstatus: draft\n\
         lines: [{item: a, price: 7}]\n",
    )
    .write(
        "clients/acme/invoices/2026-0003.yaml",
        "number: 2026-0003\ndate: 2026-10-03\nproject: red\nstatus: cancelled\n\
         lines: [{item: a, price: 7}]\n",
    )
    .write(
        "clients/acme/invoices/2026-0004.yaml",
        "number: 2026-0004\ndate: 2026-12-04\nproject: red\nlines: [{item: a, price: 7}]\n",
    )
    // Net prices with VAT on top: 50 + 0 (the contract has no VAT).
    .write(
        "clients/acme/invoices/2026-0005.yaml",
        "number: 2026-0005\ndate: 2026-10-05\nproject: usd\ncontract: c-usd\n\
         prices_include_vat: false\nlines: [{item: a, price: 50}]\n\
         payments: [{date: 2026-10-06, amount: 50}]\n",
    )
    .write(
        "clients/beta/client.yaml",
        "name: Бета\ncontacts:\n  - {id: b, name: Б}\n",
    )
    .write(
        "clients/beta/projects/site.yaml",
        "title: Сайт\nstage: estimate\nestimate: [{item: Сайт, price: 250000}]\n",
    );
    book
}

#[test]
fn the_table_shows_every_project_and_totals_per_client_and_currency() {
    // Amounts with their digits grouped; a total is blank where every project of it is
    // (Бета's budget and remainder, which read 0.00).
    let run = book().run(&["budget", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\
Client  Project      Stage          Estimate    Budget     Costs  Remaining  Used  Status  Invoiced    Paid  Currency
----------------------------------------------------------------------------------------------------------------------
Акме    amber        active         1 000.00  1 000.00    950.00      50.00   95%  amber       0.00    0.00  RUB
Акме    green        negotiation    1 000.00  1 000.00    900.00     100.00   90%  green       0.00    0.00  RUB
Акме    lead         lead             300.00                0.00                               0.00    0.00  RUB
Акме    old          done             100.00    100.00    200.00    -100.00  200%  red         0.00    0.00  RUB
Акме    red          active         1 000.00  1 000.00  1 100.00    -100.00  110%  red     1 220.00  500.00  RUB
Акме    usd          active           100.00    100.00     10.00      90.00   10%  green      50.00   50.00  USD
Акме    = total (5)                 3 400.00  3 100.00  3 150.00     -50.00                1 220.00  500.00  RUB
Акме    = total (1)                   100.00    100.00     10.00      90.00                   50.00   50.00  USD
Бета    site         estimate     250 000.00                0.00                               0.00    0.00  RUB
Бета    = total (1)               250 000.00                0.00                               0.00    0.00  RUB
"
    );
}

#[test]
fn json_has_a_version_the_threshold_and_every_amount() {
    let run = book().run(&["budget", "acme/red", "--today", TODAY, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.json(),
        json!({
            "version": 1,
            "view": {"manager": null, "name": null, "from": null},
            "warn_percent": 90,
            "projects": [{
                "client": "acme",
                "client_name": "Акме",
                "project": "red",
                "file": "clients/acme/projects/red.yaml",
                "title": "Красный",
                "stage": "active",
                "currency": "RUB",
                "estimate": "1000.00",
                "budget": "1000.00",
                "costs": "1100.00",
                "remaining": "-100.00",
                "used_percent": "110",
                "status": "red",
                "invoiced": "1220.00",
                "paid": "500.00"
            }],
            "totals": [{
                "client": "acme",
                "client_name": "Акме",
                "currency": "RUB",
                "projects": 1,
                "estimate": "1000.00",
                "budget": "1000.00",
                "costs": "1100.00",
                "remaining": "-100.00",
                "invoiced": "1220.00",
                "paid": "500.00"
            }]
        })
    );
}

#[test]
fn csv_has_one_row_per_project() {
    let run = book().run(&["budget", "beta", "--today", TODAY, "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "client,project,title,stage,currency,estimate,budget,costs,remaining,used_percent,status,invoiced,paid\r\n\
         beta,site,Сайт,estimate,RUB,250000.00,,0.00,,,,0.00,0.00\r\n"
    );
}

#[test]
fn the_status_follows_d07_and_its_threshold_from_the_book() {
    let book = book();
    for (settings, amber) in [
        ("", &["amber"][..]),
        (
            "rules:\n  D07: {warn_percent: 80}\n",
            &["amber", "green"][..],
        ),
    ] {
        book.write(
            "rapport.yaml",
            &format!("{}{settings}", common::MINIMAL_SETTINGS),
        );
        let run = book.run(&["budget", "--today", TODAY, "--format", "json"]);
        let doc = run.json();
        let with = |status: &str, open_only: bool| -> BTreeSet<String> {
            doc["projects"]
                .as_array()
                .expect("projects")
                .iter()
                .filter(|p| p["status"] == status)
                .filter(|p| !open_only || p["stage"] != "done")
                .map(|p| p["file"].as_str().expect("file").to_owned())
                .collect()
        };
        let amber_files: BTreeSet<String> = amber
            .iter()
            .map(|p| format!("clients/acme/projects/{p}.yaml"))
            .collect();
        assert_eq!(with("amber", false), amber_files, "{settings}");
        // The audit agrees on the open projects: red is D07's error, amber its warning.
        let audit = book.run(&[
            "audit", "--today", TODAY, "--format", "json", "--rule", "D07",
        ]);
        let fired = |severity: &str| -> BTreeSet<String> {
            audit.json()["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .filter(|f| {
                    f["severity"] == severity
                        && f["message"].as_str().is_some_and(|m| m.contains("costs"))
                })
                .map(|f| f["file"].as_str().expect("file").to_owned())
                .collect()
        };
        assert_eq!(with("red", true), fired("error"), "{settings}");
        assert_eq!(with("amber", true), fired("warning"), "{settings}");
    }
}

#[test]
fn budget_names_what_it_cannot_find() {
    let book = book();
    for (target, message) in [
        (
            "acmee",
            "no client `acmee` in this book\nhint: did you mean `acme`?",
        ),
        (
            "acme/redd",
            "no project `redd` in client `acme`\nhint: did you mean `red`?",
        ),
        ("acme/red/x", "write CLIENT/PROJECT"),
        ("beta/zzz", "known: site"),
    ] {
        let run = book.run(&["budget", target, "--today", TODAY]);
        assert_eq!(run.code, 2, "{target}");
        assert!(run.stderr.contains(message), "{target}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
    let empty = TempBook::new();
    empty.write(
        "clients/acme/client.yaml",
        "name: A\ncontacts: [{id: a, name: A}]\n",
    );
    let run = empty.run(&["budget", "acme", "--today", TODAY]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("this client has no projects"),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------------------------
// rapport estimate

#[test]
fn the_estimate_in_markdown_shares_the_invoice_money() {
    // The invoice's Markdown renderer: cells keep to one line, so the no-break spaces
    // of amounts become spaces; the sum in words is the invoice's.
    let run = book().run(&["estimate", "acme/green", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\
# Предварительная смета

**Проект:** Зелёный  
**Заказчик:** ООО «Акме»  
**Исполнитель:** Тестовое агентство  
**Дата:** 27 ноября 2026 г.  

| № | Наименование | Кол-во | Ед. | Цена | Сумма |
|---:|---|---:|---|---:|---:|
| 1 | a | 0,5 |  | 0,05 ₽ | 0,03 ₽ |
| 2 | b | 1 |  | 999,97 ₽ | 999,97 ₽ |

**Итого: 1 000,00 ₽**  
**В том числе НДС 22 %: 180,33 ₽**  

**Одна тысяча рублей 00 копеек**

Смета предварительная: окончательная стоимость фиксируется в договоре или дополнительном соглашении.
"
    );
}

#[test]
fn the_estimate_in_english_with_net_prices_and_in_html() {
    let book = book();
    book.write(
        "rapport.yaml",
        &format!(
            "{}locale: en\nvat: 20\ninvoice: {{prices_include_vat: false}}\n",
            common::MINIMAL_SETTINGS
        ),
    );
    let run = book.run(&["estimate", "acme/red", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("# Preliminary estimate\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("| 1 | Дизайн | 2 | шт. | RUB 500.00 | RUB 1,000.00 |\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "**Total: RUB 1,000.00**  \n**VAT 20%: RUB 200.00**  \n\
             **Total with VAT: RUB 1,200.00**  \n\n\
             **One thousand two hundred rubles 00 kopecks**\n"
        ),
        "{}",
        run.stdout
    );
    // Without VAT, in the contract's currency.
    let run = book.run(&["estimate", "acme/usd", "--today", TODAY]);
    assert!(
        run.stdout
            .contains("**Total: USD 100.00**  \n**No VAT: —**  \n"),
        "{}",
        run.stdout
    );
    let run = book.run(&["estimate", "acme/red", "--today", TODAY, "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("<td>Дизайн</td>"), "{}", run.stdout);
    assert!(run.stdout.ends_with("</html>\n"));
}

#[test]
fn the_estimate_escapes_html_and_markdown() {
    let book = book();
    book.write(
        "clients/acme/projects/tricky.yaml",
        "title: \"<b>A | B</b>\"\nestimate: [{item: \"x | <script>\", price: 1}]\n",
    );
    let md = book.run(&["estimate", "acme/tricky", "--today", TODAY]);
    assert!(
        md.stdout.contains("| 1 | x \\| <script> |"),
        "{}",
        md.stdout
    );
    let html = book.run(&[
        "estimate",
        "acme/tricky",
        "--today",
        TODAY,
        "--format",
        "html",
    ]);
    assert!(!html.stdout.contains("<script>"), "{}", html.stdout);
    assert!(
        html.stdout.contains("x | &lt;script&gt;"),
        "{}",
        html.stdout
    );
}

#[test]
fn the_estimate_goes_to_a_new_file_and_never_over_one() {
    let book = book();
    let out = book.path().join("smeta.md");
    let out_arg = out.to_str().expect("utf-8");
    let run = book.run(&["estimate", "acme/red", "--today", TODAY, "--out", out_arg]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("created {out_arg}\n"));
    let first = std::fs::read_to_string(&out).expect("written");
    assert!(first.starts_with("# Предварительная смета"));
    let run = book.run(&["estimate", "acme/green", "--today", TODAY, "--out", out_arg]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("already exists: rapport never overwrites"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&out).expect("kept"), first);
}

#[test]
fn the_estimate_refuses_an_empty_estimate_and_unknown_projects() {
    let book = book();
    book.write("clients/acme/projects/empty.yaml", "title: Пусто\n");
    for (args, message) in [
        (
            &["acme/empty"][..],
            "project `empty` of client `acme` has no estimate lines",
        ),
        (&["acme/nope"][..], "no project `nope` in client `acme`"),
        (&["nope/red"][..], "no client `nope`"),
        (&["red"][..], "write CLIENT/PROJECT"),
    ] {
        let mut all = vec!["estimate"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--today", TODAY]);
        let run = book.run(&all);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}");
    }
}
