//! `rapport show CLIENT`: the client card as text and JSON.

mod common;

use common::TempBook;
use serde_json::json;

/// One full client, `acme`, and one whose client.yaml does not parse.
fn book() -> TempBook {
    let book = TempBook::new();
    book.write(
        "clients/acme/client.yaml",
        r#"name: Acme
legal:
  name: ООО «Акме»
  inn: "7700000000"
  kpp: "770001001"
  ogrn: "1027700000000"
  address: Москва, ул. Тверская, д. 1
key: true
manager: petrov
curator: sidorov
since: 2025-03-01
referred_by: Иван из «Беты»
services: [design]
contacts:
  - id: ivanov
    name: Иван Иванов
    position: Директор
    email: ivanov@acme.ru
    phone: +7 900 000-00-00
    birthday: --04-12
    preferred_channel: in_person
    approver: true
    profile: |
      Решает быстро.
      Любит таблицы.
  - id: petrova
    name: Анна Петрова
"#,
    )
    .write(
        "clients/acme/contracts/2026-001.yaml",
        "number: \"1/2026\"\ntitle: Сайт\nstart: 2026-01-01\nend: 2026-12-31\nvalue: 120000.50\n\
         renewal: {auto: true, term_months: 12, notice_days: 30}\n",
    )
    .write(
        "clients/acme/contracts/2026-001-ds1.yaml",
        "number: ДС-1 к 1/2026\nkind: supplement\nparent: 2026-001\nstart: 2026-06-01\nend: 2026-12-31\n",
    )
    .write(
        "clients/acme/projects/site.yaml",
        "title: Сайт\ncontract: 2026-001\nstage: active\nstage_since: 2026-02-01\n\
         deadline: 2026-12-15\nbudget: 120000.50\n",
    )
    .write(
        "clients/acme/projects/old.yaml",
        "title: Старый буклет\nstage: done\nstage_since: 2025-05-01\n",
    )
    .write(
        "clients/acme/meetings/2026-11-10-review.yaml",
        "at: 2026-11-10T11:00\nformat: in_person\nattendees: {client: [ivanov, petrova]}\n\
         decisions: [Дизайн принят, Запуск 15.12]\n",
    )
    .write(
        "clients/acme/meetings/2026-11-15-call.yaml",
        "at: 2026-11-15T09:30\nformat: call\nattendees: {client: [petrova]}\nagenda: [Статус]\n",
    )
    .write(
        "clients/acme/meetings/2026-12-05-plan.yaml",
        "at: 2026-12-05T10:00\nformat: video\nattendees: {client: [ivanov]}\nagenda: [План на 2027]\n",
    )
    .write(
        "clients/acme/log/2026-11-12-mail.yaml",
        "at: 2026-11-12T18:00\nchannel: email\ndirection: in\ncontact: ivanov\n\
         subject: Вопрос по макету\nsummary: Длинный текст\n",
    )
    .write(
        "clients/acme/log/2026-11-03-letter.yaml",
        "at: 2026-11-03T10:00\nchannel: letter\ndirection: out\ncontact: petrova\n\
         summary: \"Оригиналы актов,\\nзаказным письмом\"\n",
    )
    .write(
        "clients/acme/log/2026-11-15-late.yaml",
        "at: 2026-11-15T17:00\nchannel: messenger\ndirection: out\ncontact: ivanov\nsubject: Итоги\n",
    )
    .write(
        "clients/acme/invoices/2026-0001.yaml",
        "number: \"2026-0001\"\ndate: 2026-11-02\n\
         lines:\n  - {item: Работа, qty: 3, price: 333.33}\n\
         payments:\n  - {date: 2026-11-05, amount: 500}\n  - {date: 2026-11-06, amount: 499.99}\n",
    )
    .write(
        "clients/acme/invoices/2026-0002.yaml",
        "number: \"2026-0002\"\ndate: 2026-11-10\ndue: 2026-11-20\n\
         lines:\n  - {item: A, qty: 2.5, price: 100.01}\n  - {item: B, qty: 0.125, price: 1}\n\
         payments:\n  - {date: 2026-11-12, amount: 100}\n",
    )
    .write(
        "clients/acme/invoices/2026-0003.yaml",
        "number: \"2026-0003\"\ndate: 2026-11-20\nprices_include_vat: false\nvat: 20\n\
         lines:\n  - {item: C, qty: 1, price: 100}\n",
    )
    .write(
        "clients/acme/invoices/2026-0004.yaml",
        "number: \"2026-0004\"\ndate: 2026-11-21\nstatus: cancelled\n\
         lines:\n  - {item: D, qty: 1, price: 50}\n",
    )
    .write("clients/broken/client.yaml", "name: [unclosed\n")
    .write(
        "clients/broken/log/2026-11-01-mail.yaml",
        "at: 2026-11-01T12:00\nchannel: email\ndirection: in\nsubject: Привет\n",
    );
    book
}

const ACME_CARD: &str = "\
Acme  (acme)

  Status       active, key client
  Since        2025-03-01
  Referred by  Иван из «Беты»
  Manager      Пётр Петров
  Curator      Сидор Сидоров
  Services     Дизайн
  Last touch   2026-11-15 (12 days ago)

Legal details
  Name     ООО «Акме»
  INN      7700000000
  KPP      770001001
  OGRN     1027700000000
  Address  Москва, ул. Тверская, д. 1

Contacts (2)
  Иван Иванов (ivanov) — Директор  [approver]
    Email     ivanov@acme.ru
    Phone     +7 900 000-00-00
    Birthday  --04-12
    Prefers   in person
    Profile   Решает быстро.
              Любит таблицы.
  Анна Петрова (petrova)

Contracts (2)
  1/2026  Сайт  (2026-001)
    2026-01-01 – 2026-12-31, active, value 120 000.50 RUB
    auto-renews for 12 months, notice 30 days
  ДС-1 к 1/2026  (2026-001-ds1)
    2026-06-01 – 2026-12-31, active, supplement to 1/2026

Projects (2)
  Сайт  (site)
    active since 2026-02-01, deadline 2026-12-15, budget 120 000.50 RUB
  Старый буклет  (old)
    done since 2025-05-01

Upcoming (1)
  2026-12-05 10:00  meeting video  Иван Иванов  План на 2027

History, newest first (5)
  2026-11-15 17:00  messenger out      Иван Иванов                Итоги
  2026-11-15 09:30  meeting call       Анна Петрова               Статус
  2026-11-12 18:00  email in           Иван Иванов                Вопрос по макету
  2026-11-10 11:00  meeting in_person  Иван Иванов, Анна Петрова  Дизайн принят; Запуск 15.12
  2026-11-03 10:00  letter out         Анна Петрова               Оригиналы актов, заказным письмом

Invoices (4)
  Number     Date             Total        Paid  Status
  -----------------------------------------------------------------------------------
  2026-0001  2026-11-02  999.99 RUB  999.99 RUB  issued, paid
  2026-0002  2026-11-10  250.16 RUB  100.00 RUB  issued, partly paid, overdue 7 days
  2026-0003  2026-11-20  120.00 RUB    0.00 RUB  issued, unpaid, overdue 2 days
  2026-0004  2026-11-21   50.00 RUB    0.00 RUB  cancelled
";

#[test]
fn the_card_shows_everything_in_order() {
    let run = book().run(&["show", "acme", "--today", "2026-11-27"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, ACME_CARD);
    assert_eq!(run.stderr, "");
}

#[test]
fn history_merges_meetings_and_log_newest_first() {
    let run = book().run(&["show", "acme", "--today", "2026-11-27", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = run.json();
    let history: Vec<(String, String)> = doc["client"]["history"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|t| {
            (
                t["kind"].as_str().expect("kind").to_owned(),
                t["id"].as_str().expect("id").to_owned(),
            )
        })
        .collect();
    let expected = [
        ("log", "2026-11-15-late"),
        ("meeting", "2026-11-15-call"),
        ("log", "2026-11-12-mail"),
        ("meeting", "2026-11-10-review"),
        ("log", "2026-11-03-letter"),
    ];
    assert_eq!(
        history,
        expected
            .iter()
            .map(|(k, i)| ((*k).to_owned(), (*i).to_owned()))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        doc["client"]["history"][3],
        json!({
            "id": "2026-11-10-review",
            "at": "2026-11-10T11:00",
            "kind": "meeting",
            "channel": "in_person",
            "direction": null,
            "who": [
                {"id": "ivanov", "name": "Иван Иванов"},
                {"id": "petrova", "name": "Анна Петрова"}
            ],
            "summary": "Дизайн принят; Запуск 15.12"
        })
    );
    assert_eq!(doc["client"]["history"][2]["direction"], "in");
    assert_eq!(doc["client"]["upcoming"][0]["id"], "2026-12-05-plan");
}

#[test]
fn today_decides_what_is_history_and_what_is_upcoming() {
    let run = book().run(&["show", "acme", "--today", "2026-12-06", "--format", "json"]);
    let doc = run.json();
    assert_eq!(doc["client"]["history"][0]["id"], "2026-12-05-plan");
    assert_eq!(doc["client"]["upcoming"], json!([]));
    assert_eq!(doc["client"]["last_touch"], "2026-12-05");
    assert_eq!(doc["client"]["days_since_touch"], 1);

    let text = book().run(&["show", "acme", "--today", "2026-11-13"]);
    assert!(
        text.stdout
            .contains("  Last touch   2026-11-12 (1 day ago)\n"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.contains("\nUpcoming (3)\n"), "{}", text.stdout);
    // Not overdue yet: the due date shows instead.
    assert!(
        text.stdout.contains(
            "  2026-0002  2026-11-10  250.16 RUB  100.00 RUB  issued, partly paid, due 2026-11-20\n"
        ),
        "{}",
        text.stdout
    );
}

#[test]
fn invoice_totals_are_exact_to_the_kopeck() {
    let run = book().run(&["show", "acme", "--today", "2026-11-27", "--format", "json"]);
    let doc = run.json();
    let invoices = &doc["client"]["invoices"];
    assert_eq!(
        invoices[0],
        json!({
            "id": "2026-0001",
            "number": "2026-0001",
            "date": "2026-11-02",
            "due": "2026-11-07",
            "status": "issued",
            "total": "999.99",
            "paid": "999.99",
            "currency": "RUB",
            "payment": "paid",
            "overdue_days": null
        })
    );
    // 2.5 × 100.01 = 250.025 → 250.03; 0.125 × 1 = 0.125 → 0.13 (halves round up).
    assert_eq!(invoices[1]["total"], "250.16");
    assert_eq!(invoices[1]["payment"], "partly_paid");
    assert_eq!(invoices[1]["overdue_days"], 7);
    // Net prices: 100.00 + 20 % VAT.
    assert_eq!(invoices[2]["total"], "120.00");
    assert_eq!(invoices[2]["due"], "2026-11-25");
    assert_eq!(invoices[2]["payment"], "unpaid");
    assert_eq!(invoices[3]["status"], "cancelled");
    assert_eq!(invoices[3]["payment"], serde_json::Value::Null);
}

#[test]
fn json_card_has_a_version_and_the_client_details() {
    let run = book().run(&["show", "acme", "--today", "2026-11-27", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = run.json();
    assert_eq!(doc["version"], 1);
    let c = &doc["client"];
    assert_eq!(c["id"], "acme");
    assert_eq!(c["client_file"], "ok");
    assert_eq!(c["manager"], json!({"id": "petrov", "name": "Пётр Петров"}));
    assert_eq!(
        c["curator"],
        json!({"id": "sidorov", "name": "Сидор Сидоров"})
    );
    assert_eq!(c["services"], json!([{"id": "design", "name": "Дизайн"}]));
    assert_eq!(c["legal"]["inn"], "7700000000");
    assert_eq!(
        c["contacts"][0],
        json!({
            "id": "ivanov",
            "name": "Иван Иванов",
            "position": "Директор",
            "email": "ivanov@acme.ru",
            "phone": "+7 900 000-00-00",
            "birthday": "--04-12",
            "preferred_channel": "in_person",
            "approver": true,
            "profile": "Решает быстро.\nЛюбит таблицы."
        })
    );
    assert_eq!(
        c["contracts"][0]["renewal"]["text"],
        "auto-renews for 12 months, notice 30 days"
    );
    assert_eq!(c["contracts"][0]["value"], "120000.50");
    assert_eq!(c["contracts"][1]["parent"], "2026-001");
    assert_eq!(c["contracts"][1]["parent_number"], "1/2026");
    assert_eq!(
        c["projects"][0],
        json!({
            "id": "site",
            "title": "Сайт",
            "stage": "active",
            "stage_since": "2026-02-01",
            "deadline": "2026-12-15",
            "budget": "120000.50",
            "currency": "RUB"
        })
    );
}

#[test]
fn an_unknown_client_suggests_the_nearest_id() {
    let run = book().run(&["show", "acmee", "--today", "2026-11-27"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("no client `acmee`"), "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean `acme`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_client_with_nothing_near_points_to_the_list() {
    let run = book().run(&["show", "zzz"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("`rapport clients`"), "{}", run.stderr);
}

#[test]
fn a_client_with_a_broken_client_yaml_still_shows_what_is_known() {
    let run = book().run(&["show", "broken", "--today", "2026-11-27"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("broken  (client.yaml could not be read)\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("  2026-11-01 12:00  email in  —  Привет\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("clients/broken/client.yaml"),
        "{}",
        run.stderr
    );
    let json = book().run(&[
        "show",
        "broken",
        "--today",
        "2026-11-27",
        "--format",
        "json",
    ]);
    let doc = json.json();
    assert_eq!(doc["client"]["client_file"], "broken");
    assert_eq!(doc["client"]["name"], serde_json::Value::Null);
    assert_eq!(doc["client"]["contacts"], json!([]));
}

#[test]
fn every_client_of_the_example_book_shows() {
    let root = common::example_book();
    let book = root.to_str().expect("a UTF-8 path");
    let mut ids: Vec<String> = std::fs::read_dir(root.join("clients"))
        .expect("the example's clients folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| !name.starts_with('.'))
        .collect();
    ids.sort();
    assert!(!ids.is_empty());
    for id in &ids {
        let run = common::rapport(&["show", id, "--book", book, "--today", "2026-11-27"]);
        assert_eq!(run.code, 0, "{id}: {}", run.stderr);
        assert!(
            run.stdout.contains(&format!("({id})")),
            "{id}: {}",
            run.stdout
        );
        let json = common::rapport(&[
            "show",
            id,
            "--book",
            book,
            "--today",
            "2026-11-27",
            "--format",
            "json",
        ]);
        assert_eq!(json.json()["client"]["id"], id.as_str());
    }
}

#[test]
fn a_tacitly_renewed_contract_shows_the_term_in_force() {
    // 19/2025 of Город Фитнес, signed for 2025-09-01 – 2026-08-31, renewed itself for
    // 2026-09-01 – 2027-08-31: the card showed the first term, `renewals` the second.
    let root = common::example_book();
    let book = root.to_str().expect("a UTF-8 path");
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--book", book, "--today", "2026-11-27", "--no-cache"]);
        let run = common::rapport(&all);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        run
    };
    let text = run(&["show", "gorod-fitness"]).stdout;
    assert!(
        text.contains(
            "  19/2025  Договор на SMM-сопровождение сети фитнес-клубов  (2025-019)\n    \
             term 2: 2026-09-01 – 2027-08-31 (first term 2025-09-01 – 2026-08-31), active\n"
        ),
        "{text}"
    );
    // A contract in its first term reads as before.
    assert!(
        text.contains("    2026-10-20 – 2027-01-31, active, value "),
        "{text}"
    );
    // The card's JSON gives the term in force as `renewals` does, for every contract
    // `renewals` lists.
    let renewals = run(&["renewals", "--format", "json"]).json();
    let mut compared = 0;
    for r in renewals["contracts"].as_array().expect("contracts") {
        let client = r["client"].as_str().expect("client");
        let card = run(&["show", client, "--format", "json"]).json();
        let shown = card["client"]["contracts"]
            .as_array()
            .expect("contracts")
            .iter()
            .find(|c| c["id"] == r["contract"])
            .cloned()
            .unwrap_or_default();
        assert_eq!(shown["term"], r["term"], "{}", r["contract"]);
        compared += 1;
    }
    assert!(compared >= 8, "{compared}");
}
