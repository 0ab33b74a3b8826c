//! `rapport clients`: the list of clients as a table, JSON and CSV.

mod common;

use common::TempBook;
use serde_json::json;

/// Three clients: `acme` (everything counted), `beta` (no touches, an unknown manager,
/// quotes in its name) and `broken` (client.yaml does not parse).
fn book() -> TempBook {
    let book = TempBook::new();
    book.write(
        "clients/acme/client.yaml",
        "name: Acme, Inc.\nkey: true\nmanager: petrov\ncurator: sidorov\n\
         contacts:\n  - {id: ivanov, name: Иван Иванов}\n",
    )
    // Counted: active and started.
    .write(
        "clients/acme/contracts/2026-001.yaml",
        "number: \"1/2026\"\nstart: 2026-01-01\nend: 2026-06-30\n\
         renewal: {auto: true, term_months: 12}\n",
    )
    // Not counted: a supplement belongs to its parent.
    .write(
        "clients/acme/contracts/2026-001-ds1.yaml",
        "number: ДС-1\nkind: supplement\nparent: 2026-001\nstart: 2026-03-01\nend: 2026-06-30\n",
    )
    // Not counted: not started yet.
    .write(
        "clients/acme/contracts/2027-001.yaml",
        "number: \"1/2027\"\nstart: 2027-01-01\nend: 2027-12-31\n",
    )
    // Not counted: closed.
    .write(
        "clients/acme/contracts/2025-001.yaml",
        "number: \"1/2025\"\nstart: 2025-01-01\nend: 2025-12-31\nstatus: closed\n",
    )
    .write(
        "clients/acme/projects/site.yaml",
        "title: Site\nstage: active\n",
    )
    .write(
        "clients/acme/projects/lead.yaml",
        "title: Lead\nstage: lead\n",
    )
    .write(
        "clients/acme/projects/old.yaml",
        "title: Old\nstage: done\n",
    )
    .write(
        "clients/acme/projects/lost.yaml",
        "title: Lost\nstage: lost\n",
    )
    .write(
        "clients/acme/meetings/2026-11-20-review.yaml",
        "at: 2026-11-20T15:00\nformat: video\nattendees: {client: [ivanov]}\n",
    )
    // Planned, not held: never the last touch.
    .write(
        "clients/acme/meetings/2026-12-02-next.yaml",
        "at: 2026-12-02T10:00\nformat: call\n",
    )
    .write(
        "clients/acme/log/2026-11-25-call.yaml",
        "at: 2026-11-25T09:00\nchannel: call\ndirection: out\ncontact: ivanov\n",
    )
    .write(
        "clients/beta/client.yaml",
        "name: Beta \"Best\"\nstatus: paused\nmanager: ghost\n\
         contacts:\n  - {id: b, name: B}\n",
    )
    .write("clients/broken/client.yaml", "name: [unclosed\n")
    .write(
        "clients/broken/log/2026-11-01-mail.yaml",
        "at: 2026-11-01T12:00\nchannel: email\ndirection: in\n",
    )
    .write(
        "clients/broken/contracts/2026-002.yaml",
        "number: \"2/2026\"\nstart: 2026-02-01\nend: 2026-12-31\n",
    );
    book
}

#[test]
fn the_table_counts_and_dates_each_client() {
    let run = book().run(&["clients", "--today", "2026-11-27"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\
ID      Name         Status  Key  Manager      Curator        Contracts  Projects  Last touch  Days
----------------------------------------------------------------------------------------------------
acme    Acme, Inc.   active  yes  Пётр Петров  Сидор Сидоров          1         2  2026-11-25     2
beta    Beta \"Best\"  paused       ghost                               0         0
broken                                                                1         0  2026-11-01    26
"
    );
    assert!(
        run.stderr.contains("clients/broken/client.yaml"),
        "the broken file is named: {}",
        run.stderr
    );
}

#[test]
fn the_table_is_the_default_format() {
    let book = book();
    let default = book.run(&["clients", "--today", "2026-11-27"]);
    let table = book.run(&["clients", "--today", "2026-11-27", "--format", "table"]);
    assert_eq!(default.stdout, table.stdout);
}

#[test]
fn json_has_a_version_and_stable_keys() {
    let run = book().run(&["clients", "--today", "2026-11-27", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.json(),
        json!({
            "version": 1,
            "view": {"manager": null, "name": null, "from": null},
            "clients": [
                {
                    "id": "acme",
                    "client_file": "ok",
                    "name": "Acme, Inc.",
                    "status": "active",
                    "key": true,
                    "manager": "petrov",
                    "manager_name": "Пётр Петров",
                    "curator": "sidorov",
                    "curator_name": "Сидор Сидоров",
                    "active_contracts": 1,
                    "open_projects": 2,
                    "last_touch": "2026-11-25",
                    "days_since_touch": 2
                },
                {
                    "id": "beta",
                    "client_file": "ok",
                    "name": "Beta \"Best\"",
                    "status": "paused",
                    "key": false,
                    "manager": "ghost",
                    "manager_name": "ghost",
                    "curator": null,
                    "curator_name": null,
                    "active_contracts": 0,
                    "open_projects": 0,
                    "last_touch": null,
                    "days_since_touch": null
                },
                {
                    "id": "broken",
                    "client_file": "broken",
                    "name": null,
                    "status": null,
                    "key": null,
                    "manager": null,
                    "manager_name": null,
                    "curator": null,
                    "curator_name": null,
                    "active_contracts": 1,
                    "open_projects": 0,
                    "last_touch": "2026-11-01",
                    "days_since_touch": 26
                }
            ]
        })
    );
    // Key order is part of the promise.
    let first = run.stdout.find("\"id\"").expect("an id");
    let last = run.stdout.find("\"days_since_touch\"").expect("days");
    assert!(first < last);
}

#[test]
fn csv_quotes_commas_and_quotes() {
    let run = book().run(&["clients", "--today", "2026-11-27", "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "id,name,status,key,manager,curator,active_contracts,open_projects,last_touch,days_since_touch\r\n\
         acme,\"Acme, Inc.\",active,yes,Пётр Петров,Сидор Сидоров,1,2,2026-11-25,2\r\n\
         beta,\"Beta \"\"Best\"\"\",paused,,ghost,,0,0,,\r\n\
         broken,,,,,,1,0,2026-11-01,26\r\n"
    );
}

#[test]
fn today_moves_the_last_touch_and_the_days_since() {
    let book = book();
    let later = book.run(&["clients", "--today", "2026-12-01", "--format", "csv"]);
    assert!(
        later.stdout.contains(
            "\nacme,\"Acme, Inc.\",active,yes,Пётр Петров,Сидор Сидоров,1,2,2026-11-25,6\r\n"
        ),
        "{}",
        later.stdout
    );
    // Before the call on the 25th, the last touch is the meeting on the 20th.
    let earlier = book.run(&["clients", "--today", "2026-11-22", "--format", "csv"]);
    assert!(
        earlier.stdout.contains(
            "\nacme,\"Acme, Inc.\",active,yes,Пётр Петров,Сидор Сидоров,1,2,2026-11-20,2\r\n"
        ),
        "{}",
        earlier.stdout
    );
    // The meeting planned for 2 December counts once it is held.
    let after = book.run(&["clients", "--today", "2026-12-03", "--format", "json"]);
    let acme = &after.json()["clients"][0];
    assert_eq!(acme["last_touch"], "2026-12-02");
    assert_eq!(acme["days_since_touch"], 1);
    // Contract 2027-001 counts once it has started.
    let next_year = book.run(&["clients", "--today", "2027-01-01", "--format", "json"]);
    assert_eq!(next_year.json()["clients"][0]["active_contracts"], 2);
}

#[test]
fn a_client_folder_without_client_yaml_is_listed() {
    let book = TempBook::new();
    book.write(
        "clients/orphan/log/2026-11-26-call.yaml",
        "at: 2026-11-26T10:00\nchannel: call\ndirection: in\n",
    );
    let run = book.run(&["clients", "--today", "2026-11-27", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let orphan = &run.json()["clients"][0];
    assert_eq!(orphan["id"], "orphan");
    assert_eq!(orphan["client_file"], "missing");
    assert_eq!(orphan["name"], serde_json::Value::Null);
    assert_eq!(orphan["days_since_touch"], 1);
}

#[test]
fn an_empty_book_lists_nothing() {
    let book = TempBook::new();
    let json = book.run(&["clients", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    assert_eq!(
        json.json(),
        json!({"version": 1, "view": {"manager": null, "name": null, "from": null}, "clients": []})
    );
    let csv = book.run(&["clients", "--format", "csv"]);
    assert_eq!(
        csv.stdout,
        "id,name,status,key,manager,curator,active_contracts,open_projects,last_touch,days_since_touch\r\n"
    );
}

#[test]
fn the_example_book_lists_every_client() {
    let book = common::example_book();
    let book = book.to_str().expect("a UTF-8 path");
    let run = common::rapport(&[
        "clients",
        "--book",
        book,
        "--today",
        "2026-11-27",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<String> = run.json()["clients"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["id"].as_str().expect("an id").to_owned())
        .collect();
    let mut folders: Vec<String> = std::fs::read_dir(common::example_book().join("clients"))
        .expect("the example's clients folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| !name.starts_with('.'))
        .collect();
    folders.sort();
    assert!(!folders.is_empty());
    assert_eq!(ids, folders);
    let table = common::rapport(&["clients", "--book", book, "--today", "2026-11-27"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    for id in &folders {
        assert!(table.stdout.contains(id.as_str()), "{id} is listed");
    }
}
