//! `rapport import csv`: clients and contacts from a CRM's or a spreadsheet's CSV —
//! Windows-1251 with `;` and quoted line breaks, UTF-8 with a BOM and `,` — the dry run
//! naming exactly the files, new files only, every skipped row with why, bad mappings
//! refused.

mod common;

use std::fs;

use common::{Run, TempBook};

const TODAY: &str = "2026-11-27";

const CLIENT: &str = "\
# Ромашка: комментарии остаются
name: Ромашка
contacts:
  - id: ivanova   # главная
    name: Мария Иванова
    email: m.ivanova@romashka.ru
";

fn book() -> TempBook {
    let book = TempBook::new();
    book.write("clients/romashka/client.yaml", CLIENT);
    book
}

/// What a Russian CRM's export looks like: Windows-1251, `;`, CRLF, a quoted note with
/// a line break and a `;` in it.
fn crm_1251(book: &TempBook) -> String {
    let text = "Компания;ФИО;Должность;Телефон;E-mail;ИНН;Примечание\r\n\
                ООО «Север»;Пётр Смирнов;Директор;+7 495 111-11-11;p@sever.ru;7701234567;\"Первая строка\r\nвторая; с точкой с запятой\"\r\n\
                Ромашка;Мария Иванова;;;m.ivanova@romashka.ru;;\r\n\
                ;Без компании;;;;;\r\n\
                ИП Кузнецов;;;;;;\r\n\
                ООО «Север»;Другой;;;;;\r\n\
                Рога и копыта;Остап Бендер;;;\r\n";
    let (bytes, _, bad) = encoding_rs::WINDOWS_1251.encode(text);
    assert!(!bad);
    let path = book.path().join("crm.csv");
    fs::write(&path, &bytes).expect("write");
    path.to_str().expect("utf-8").to_owned()
}

fn run(book: &TempBook, args: &[&str]) -> Run {
    let mut all = vec!["--today", TODAY];
    all.extend_from_slice(args);
    book.run(&all)
}

const CLIENT_MAP: [&str; 12] = [
    "--map",
    "Компания=name",
    "--map",
    "ФИО=contact_name",
    "--map",
    "Должность=contact_position",
    "--map",
    "Телефон=contact_phone",
    "--map",
    "E-mail=contact_email",
    "--map",
    "ИНН=inn",
];

#[test]
fn clients_from_a_windows_1251_crm_export() {
    let book = book();
    let csv = crm_1251(&book);
    let mut args = vec!["import", "csv", csv.as_str(), "--kind", "clients"];
    args.extend_from_slice(&CLIENT_MAP);
    let mut dry = args.clone();
    dry.push("--dry-run");
    let r = run(&book, &dry);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let skipped = "skipped: row 2: «Ромашка» is already a client: `romashka`\n\
                   skipped: row 3: the name is empty\n\
                   skipped: row 4: «ИП Кузнецов» has no contact: a client needs one (map a column to contact_name)\n\
                   skipped: row 5: «ООО «Север»» is already a client: `ooo-sever`\n\
                   skipped: row 6: has 5 fields, the header row 7\n";
    assert_eq!(
        r.stdout,
        format!(
            "would create clients/ooo-sever/client.yaml (row 1: ООО «Север»)\n{skipped}\
             1 would be created, 5 skipped (dry run: nothing written)\n"
        )
    );
    assert!(
        r.stderr.contains("Windows-1251, separated by `;`, 6 rows"),
        "{}",
        r.stderr
    );
    assert!(!book.path().join("clients/ooo-sever").exists());

    let r = run(&book, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        format!(
            "created clients/ooo-sever/client.yaml (row 1: ООО «Север»)\n{skipped}1 created, 5 skipped\n"
        )
    );
    assert_eq!(
        book.read("clients/ooo-sever/client.yaml"),
        "name: ООО «Север»\nlegal:\n  inn: \"7701234567\"\ncontacts:\n  - id: petr-smirnov\n    name: Пётр Смирнов\n    position: Директор\n    email: p@sever.ru\n    phone: \"+7 495 111-11-11\"\n"
    );
    assert_eq!(book.read("clients/romashka/client.yaml"), CLIENT);
    let audit = run(
        &book,
        &[
            "audit", "--rule", "E01", "--rule", "E02", "--rule", "E03", "--rule", "E06",
        ],
    );
    assert_eq!(audit.code, 0, "{}", audit.stdout);

    // Again: nothing new, nothing overwritten.
    let r = run(&book, &args);
    assert!(
        r.stdout
            .starts_with("skipped: row 1: «ООО «Север»» is already a client: `ooo-sever`\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.ends_with("0 created, 6 skipped\n"), "{}", r.stdout);
}

#[test]
fn contacts_with_quoted_line_breaks_join_a_client_and_matches_are_not_added() {
    let book = book();
    let csv = crm_1251(&book);
    let r = run(
        &book,
        &[
            "import",
            "csv",
            &csv,
            "--kind",
            "contacts",
            "--client",
            "romashka",
            "--map",
            "ФИО=name",
            "--map",
            "Телефон=phone",
            "--map",
            "E-mail=email",
            "--map",
            "Примечание=profile",
            "--map",
            "Должность=position",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "added: row 1: «Пётр Смирнов» <p@sever.ru> as `petr-smirnov`\n\
         added: row 3: «Без компании» as `bez-kompanii`\n\
         added: row 5: «Другой» as `drugoy`\n\
         already there: row 2: «Мария Иванова» <m.ivanova@romashka.ru> is `ivanova` (same email m.ivanova@romashka.ru)\n\
         skipped: row 4: the name is empty\n\
         skipped: row 6: has 5 fields, the header row 7\n\
         clients/romashka/client.yaml: 3 added, 1 already there, 0 in conflict, 2 skipped\n"
    );
    let text = book.read("clients/romashka/client.yaml");
    assert!(text.starts_with(CLIENT), "{text}");
    assert!(
        text.contains("    profile: \"Первая строка\\r\\nвторая; с точкой с запятой\"\n"),
        "{text}"
    );
    let show = run(&book, &["show", "romashka", "--format", "json"]);
    assert_eq!(show.code, 0, "{}", show.stderr);
}

#[test]
fn utf8_with_a_bom_and_commas() {
    let book = book();
    let path = book.path().join("export.csv");
    fs::write(
        &path,
        "\u{feff}Name,Email,Birthday\r\n\"Лапина, Юлия\",y@l.ru,--04-12\r\nКто-то,k@t.ru,31.12.1980\r\n",
    )
    .expect("write");
    let p = path.to_str().expect("utf-8");
    let r = run(
        &book,
        &[
            "import",
            "csv",
            p,
            "--kind",
            "contacts",
            "--client",
            "romashka",
            "--map",
            "name=name",
            "--map",
            "email=email",
            "--map",
            "birthday=birthday",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("UTF-8, separated by `,`, 2 rows"),
        "{}",
        r.stderr
    );
    assert_eq!(
        r.stdout,
        "added: row 1: «Лапина, Юлия» <y@l.ru> as `lapina-yuliya`\n\
         skipped: row 2: birthday `31.12.1980` is not a date: write YYYY-MM-DD, or --MM-DD without the year\n\
         clients/romashka/client.yaml: 1 added, 0 already there, 0 in conflict, 1 skipped\n"
    );
    assert!(book.read("clients/romashka/client.yaml").ends_with(
        "  - id: lapina-yuliya\n    name: Лапина, Юлия\n    email: y@l.ru\n    birthday: \"--04-12\"\n"
    ));
}

#[test]
fn bad_mappings_and_arguments_are_refused() {
    let book = book();
    let csv = crm_1251(&book);
    for (args, says) in [
        (
            vec!["--kind", "clients", "--map", "Компани=name"],
            "the file has no column `Компани`",
        ),
        (
            vec!["--kind", "clients", "--map", "Компания=nam"],
            "did you mean `name`?",
        ),
        (
            vec!["--kind", "clients", "--map", "Компания"],
            "write COLUMN=FIELD",
        ),
        (
            vec!["--kind", "clients", "--map", "ИНН=inn"],
            "names no column for `name`",
        ),
        (
            vec!["--kind", "contacts", "--map", "ФИО=name"],
            "--kind contacts needs --client",
        ),
        (
            vec![
                "--kind",
                "clients",
                "--map",
                "Компания=name",
                "--client",
                "romashka",
            ],
            "--client goes with --kind contacts",
        ),
        (
            vec![
                "--kind",
                "clients",
                "--map",
                "Компания=name",
                "--map",
                "ФИО=name",
            ],
            "`name` is mapped twice",
        ),
    ] {
        let mut all = vec!["import", "csv", csv.as_str()];
        all.extend_from_slice(&args);
        let r = run(&book, &all);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
    }
    let r = run(
        &book,
        &[
            "import", "csv", "nope.csv", "--kind", "clients", "--map", "a=name",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot read nope.csv"), "{}", r.stderr);
    assert_eq!(book.read("clients/romashka/client.yaml"), CLIENT);
}
