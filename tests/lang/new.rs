//! What `rapport new` and `rapport meeting sent` say in Russian when they refuse: every
//! refusal a user can reach from the command line pinned in full, with nothing written.

use std::path::Path;

use super::common::{TempBook, example_book};
use super::{TODAY, run_with};

/// Every file of the book but its parse cache, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap_or(e.path())
                .display()
                .to_string()
        })
        .filter(|p| !p.starts_with(".rapport"))
        .collect();
    out.sort();
    out
}

#[test]
fn new_refuses_in_russian_and_writes_nothing() {
    let book = TempBook::copy_of(&example_book());
    book.write("clients/folder-only/notes.md", "");
    let before = files(book.path());
    // The arguments after `new`, split at spaces.
    let refused = |args: &str| {
        let mut all = vec!["--today", TODAY, "new"];
        all.extend(args.split(' '));
        let r = run_with(book.path(), &[], &all);
        assert_eq!(r.code, 2, "{args}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args}: {}", r.stdout);
        assert_eq!(files(book.path()), before, "{args} wrote something");
        r.stderr
    };
    let slug_hint = |example: &str| {
        format!(
            "подсказка: ID пишут строчными латинскими буквами, цифрами и дефисами, начиная с \
             буквы или цифры, не длиннее 64 символов (например, `{example}`)\n"
        )
    };
    assert_eq!(
        refused("client Romashka --name X --contact a=b"),
        format!(
            "ошибка: ID клиента `Romashka` не годится\n{}",
            slug_hint("romashka")
        )
    );
    assert_eq!(
        refused("contractor Bad --name X"),
        format!(
            "ошибка: ID подрядчика `Bad` не годится\n{}",
            slug_hint("bad")
        )
    );
    assert_eq!(
        refused("client romashka --name X --contact A_B=C"),
        format!(
            "ошибка: неверный --contact: `A_B` не годится в ID контакта\n{}",
            slug_hint("a-b")
        )
    );
    assert_eq!(
        refused("meeting lesnaya-polyana --at 2026-11-20T10:00 --format call --slug Bad_Slug"),
        format!(
            "ошибка: неверный --slug: `Bad_Slug` не годится в имя файла\n{}",
            slug_hint("bad-slug")
        )
    );
    assert_eq!(
        refused(&format!(
            "meeting lesnaya-polyana --at 2026-11-20T10:00 --format call --slug {}",
            "a".repeat(60)
        )),
        format!(
            "ошибка: неверный --slug: `2026-11-20-{}` длиннее, чем может быть ID (64 символа)\n",
            "a".repeat(60)
        )
    );
    assert_eq!(
        refused("client romashka --name X --contact ab"),
        "ошибка: неверный --contact: `ab` — не ID=ИМЯ\n\
         подсказка: напишите, например, --contact smirnov=\"Иван Смирнов\"\n"
    );
    assert_eq!(
        refused("client romashka --name X --contact a="),
        "ошибка: неверное имя в --contact: значение не может быть пустым\n"
    );
    assert_eq!(
        refused("client romashka --name X --contact a=b --manager orlva"),
        "ошибка: неверный --manager: в rapport.yaml нет сотрудника `orlva` (E04)\n\
         подсказка: вы имели в виду `orlova`?\n"
    );
    assert_eq!(
        refused("client romashka --name X --contact a=b --curator nobodyxx"),
        "ошибка: неверный --curator: в rapport.yaml нет куратора `nobodyxx` (E04)\n\
         подсказка: есть: volkov, egorova\n"
    );
    assert_eq!(
        refused("contract lesnaya-polyana 2027-001 --number 1 --start 2027-01-01 --end 2026-12-01"),
        "ошибка: неверный --end: дата окончания 1 декабря 2026 г. раньше даты начала \
         1 января 2027 г. (E07)\n"
    );
    assert_eq!(
        refused("contract lesnaya-polyan 2027-001 --number 1 --start 2027-01-01 --end 2027-12-01"),
        "ошибка: неверный клиент: в книге нет клиента `lesnaya-polyan` (E04)\n\
         подсказка: вы имели в виду `lesnaya-polyana`?\n"
    );
    assert_eq!(
        refused("contract folder-only 2027-001 --number 1 --start 2027-01-01 --end 2027-12-01"),
        "ошибка: неверный клиент: в папке clients/folder-only нет client.yaml\n\
         подсказка: создайте его: `rapport new client folder-only --name НАЗВАНИЕ --contact ID=ИМЯ`\n"
    );
    assert_eq!(
        refused("project lesnaya-polyana new-one --title T --contract zzzzzzzzzzzz"),
        "ошибка: неверный --contract: у клиента `lesnaya-polyana` нет договора `zzzzzzzzzzzz` (E04)\n\
         подсказка: есть: 2025-004, 2025-004-ds1, 2026-011\n"
    );
    assert_eq!(
        refused("meeting lesnaya-polyana --at 2026-11-31T10:00 --format call"),
        "ошибка: неверный --at: `2026-11-31T10:00`: в ноябре 2026 г. 30 дней, 31-го числа нет (E07)\n"
    );
    assert_eq!(
        refused("meeting lesnaya-polyana --at tomorrow --format call"),
        "ошибка: неверный --at: `tomorrow` — не дата и время: пишите их так: 2026-11-27T10:00\n"
    );
    // A finding of the audit's parser goes on after the flag in lower case.
    assert_eq!(
        refused("meeting lesnaya-polyana --at 2026-11-20T10:00 --format cal"),
        "ошибка: неверный --format: значения `cal` нет среди допустимых: `in_person`, `video`, `call` (E02)\n\
         подсказка: может быть, `call`?\n"
    );
    assert_eq!(
        refused("meeting lesnaya-polyana --at 2026-11-20T10:00 --format call --with zzzzzzzz"),
        "ошибка: неверный --with: у клиента `lesnaya-polyana` нет контакта `zzzzzzzz` (E04)\n\
         подсказка: есть: smirnova, kuznetsov, popova\n"
    );
    assert_eq!(
        refused("meeting lesnaya-polyana --at 2026-11-20T10:00 --format call --agency orlov"),
        "ошибка: неверный --agency: в rapport.yaml нет сотрудника `orlov` (E04)\n\
         подсказка: вы имели в виду `orlova`?\n"
    );
    assert_eq!(
        refused("invoice lesnaya-polyana --number 2026-0100 --date 2026-11-20 --line a;100"),
        "ошибка: неверный --line: `a;100` не в виде ПОЗИЦИЯ;КОЛ-ВО;ЕД.;ЦЕНА\n\
         подсказка: например, --line \"Дизайн упаковки;3;SKU;75000\"; КОЛ-ВО и ЕД. можно оставить \
         пустыми: \"Аванс;;;150000\"\n"
    );
    assert_eq!(
        refused("invoice lesnaya-polyana --number 2026/7 --date 2026-11-20 --line a;1;;100"),
        "ошибка: неверный --number: `2026/7` не годится в имя файла: файл счёта называется его \
         номером, поэтому номер должен быть ID (строчные латинские буквы, цифры и дефисы)\n\
         подсказка: нумеруйте счета как 2026-0001 (invoice.number в rapport.yaml — \"{year}-{seq:04}\")\n"
    );
    assert_eq!(
        refused("invoice lesnaya-polyana --number 2026-0001 --date 2026-11-20 --line a;1;;100"),
        "ошибка: неверный --number: номер 2026-0001 за 2026 год уже занят: \
         clients/gorod-fitness/invoices/2026-0001.yaml (D05)\n\
         подсказка: номера счетов в книге не повторяются в пределах года: возьмите следующий свободный\n"
    );
}

#[test]
fn new_cannot_check_a_reference_when_its_file_does_not_read() {
    let book = TempBook::copy_of(&example_book());
    book.write("clients/lesnaya-polyana/client.yaml", "name: [\n");
    let r = run_with(
        book.path(),
        &[],
        &[
            "--today",
            TODAY,
            "new",
            "log",
            "lesnaya-polyana",
            "--at",
            "2026-11-20T10:00",
            "--channel",
            "email",
            "--direction",
            "out",
            "--contact",
            "smirnova",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "ошибка: не удаётся проверить --contact: clients/lesnaya-polyana/client.yaml не читается\n\
         подсказка: `rapport audit` покажет, что с ним не так; сначала исправьте это\n"
    );
    assert!(
        !book
            .path()
            .join("clients/lesnaya-polyana/log/2026-11-20-email.yaml")
            .exists()
    );
}

#[test]
fn meeting_sent_refuses_in_russian_and_leaves_the_file_alone() {
    let book = TempBook::copy_of(&example_book());
    let file = "clients/lesnaya-polyana/meetings/2025-02-12-znakomstvo.yaml";
    let before = book.read(file);
    let refused = |args: &str| {
        let mut all = vec![
            "--today",
            TODAY,
            "meeting",
            "sent",
            "lesnaya-polyana/2025-02-12-znakomstvo",
        ];
        all.extend(args.split(' '));
        let r = run_with(book.path(), &[], &all);
        assert_eq!(r.code, 2, "{args}: {}", r.stderr);
        assert_eq!(book.read(file), before, "{args} changed the meeting");
        r.stderr
    };
    assert_eq!(
        refused("--at 2025-02-12T10:59"),
        "ошибка: --at 12 февраля 2025 г., 10:59 — это раньше начала встречи (12 февраля 2025 г., 11:00)\n"
    );
    assert_eq!(
        refused("--at 2026-11-30T10:00:30"),
        "ошибка: --at 30 ноября 2026 г., 10:00:30 — это позже сегодняшнего дня (27 ноября 2026 г.)\n"
    );
    assert_eq!(
        refused("--to smirnva"),
        "ошибка: `smirnva` — не контакт клиента lesnaya-polyana\n\
         подсказка: вы имели в виду `smirnova`?\n"
    );
    assert_eq!(
        refused("--to zzz"),
        "ошибка: `zzz` — не контакт клиента lesnaya-polyana\n\
         подсказка: его контакты: smirnova, kuznetsov, popova\n"
    );
}
