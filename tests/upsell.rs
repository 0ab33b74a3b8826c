//! `rapport upsell`: the services most active clients buy, offered to those who do
//! not — the same computation and threshold as rule D10.

mod common;

use std::collections::BTreeSet;

use common::TempBook;
use serde_json::json;

const TODAY: &str = "2026-11-27";

const SETTINGS: &str = "\
agency:
  name: Тестовое агентство
services:
  - {id: smm, name: SMM, unit: мес., price: 150000}
  - {id: logo, name: Логотип}
  - {id: web, name: Сайт}
";

/// Four active clients (three buy SMM, two a logo), a paused and a former one.
fn book(rules: &str) -> TempBook {
    let book = TempBook::empty();
    book.write("rapport.yaml", &format!("{SETTINGS}{rules}"));
    for (id, status, services) in [
        ("a", "active", "[smm, logo]"),
        ("b", "active", "[smm, logo, own-thing]"),
        ("c", "active", "[smm]"),
        ("d", "active", "[]"),
        ("p", "paused", "[]"),
        ("f", "former", "[web]"),
    ] {
        book.write(
            &format!("clients/{id}/client.yaml"),
            &format!(
                "name: Клиент {}\nstatus: {status}\nservices: {services}\n\
                 contacts: [{{id: x, name: X}}]\n",
                id.to_uppercase()
            ),
        );
    }
    book
}

#[test]
fn the_table_gives_the_evidence() {
    let run = book("").run(&["upsell", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\
Client    Service    Bought by  Clients who buy it            List price
------------------------------------------------------------------------------------
Клиент D  SMM (smm)  3 of 4     Клиент A, Клиент B, Клиент C  150 000.00 RUB / мес.
"
    );
}

#[test]
fn json_lists_popular_services_and_offers() {
    let run = book("rules:\n  D10: {share_percent: 25}\n")
        .run(&["upsell", "--today", TODAY, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let smm = json!({"service": "smm", "name": "SMM", "buyers": 3, "of": 4,
        "bought_by": ["a", "b", "c"], "price": "150000.00", "unit": "мес."});
    let logo = json!({"service": "logo", "name": "Логотип", "buyers": 2, "of": 4,
        "bought_by": ["a", "b"], "price": null, "unit": null});
    assert_eq!(
        run.json(),
        json!({
            "version": 1,
            "share_percent": 25,
            "active_clients": 4,
            "popular": [smm, logo],
            "clients": [
                {"client": "c", "client_name": "Клиент C", "offers": [logo]},
                {"client": "d", "client_name": "Клиент D", "offers": [smm, logo]}
            ],
            "waived": []
        })
    );
}

#[test]
fn it_agrees_with_d10_and_runs_when_d10_is_off() {
    let on = book("rules:\n  D10: {share_percent: 25}\n");
    let offers = |b: &TempBook| -> BTreeSet<(String, String)> {
        let run = b.run(&["upsell", "--today", TODAY, "--format", "json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.json()["clients"]
            .as_array()
            .expect("clients")
            .iter()
            .flat_map(|c| {
                let file = format!("clients/{}/client.yaml", c["client"].as_str().expect("id"));
                c["offers"]
                    .as_array()
                    .expect("offers")
                    .iter()
                    .map(move |o| (file.clone(), o["service"].as_str().expect("id").to_owned()))
            })
            .collect()
    };
    let audit = on.run(&[
        "audit", "--today", TODAY, "--format", "json", "--rule", "D10",
    ]);
    let fired: BTreeSet<(String, String)> = audit.json()["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "D10")
        .map(|f| {
            let help = f["help"].as_str().expect("help");
            let id = help.split('`').nth(1).expect("service id in the help");
            (f["file"].as_str().expect("file").to_owned(), id.to_owned())
        })
        .collect();
    assert_eq!(offers(&on), fired);
    let off = book("rules:\n  D10: off\n");
    assert_eq!(
        offers(&off).len(),
        1,
        "off in the audit, default threshold here"
    );
}

#[test]
fn a_d10_waiver_keeps_a_client_out() {
    let book = book("");
    book.write(
        "clients/d/client.yaml",
        "name: Клиент D\nservices: []\ncontacts: [{id: x, name: X}]\n\
         waive: [{rule: D10, reason: SMM ведут сами}]\n",
    );
    let run = book.run(&["upsell", "--today", TODAY]);
    assert_eq!(run.code, 0);
    assert!(!run.stdout.contains("Клиент D"), "{}", run.stdout);
    assert!(run.stderr.contains("D10 is waived for d"), "{}", run.stderr);
    // A lapsed waiver no longer counts.
    book.write(
        "clients/d/client.yaml",
        "name: Клиент D\nservices: []\ncontacts: [{id: x, name: X}]\n\
         waive: [{rule: D10, reason: SMM ведут сами, until: 2026-11-26}]\n",
    );
    let run = book.run(&["upsell", "--today", TODAY]);
    assert!(run.stdout.contains("Клиент D"), "{}", run.stdout);
}

#[test]
fn nothing_to_offer_is_said_on_stderr() {
    let run = book("rules:\n  D10: {share_percent: 90}\n").run(&["upsell", "--today", TODAY]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr
            .contains("no service is bought by more than 90% of the 4 active clients"),
        "{}",
        run.stderr
    );
    let dir = TempBook::empty();
    let run = common::rapport_in(dir.path(), &["upsell"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no book here"), "{}", run.stderr);
}

#[test]
fn the_example_book_offers_a_key_visual_to_stroymaster() {
    let run = common::rapport(&["upsell", "--book", "examples/agency", "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Five active clients: the four of the clean book and the troubled
    // `trudnyi-klient`, which buys no key visual either.
    assert!(
        run.stdout
            .contains("СтройМастер             Ключевой визуал (key-visual)  3 of 5"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Автоцентр «Магистраль»  Ключевой визуал (key-visual)  3 of 5"),
        "{}",
        run.stdout
    );
}
