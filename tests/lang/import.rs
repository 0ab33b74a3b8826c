//! What `import` and `export` say in Russian: their refusals and the reasons a row or
//! a card is skipped, pinned in full, with nothing written.

use std::path::Path;

use super::common::{TempBook, example_book};
use super::{TODAY, run_with};

/// A copy of the example book with the files to import beside it, in `import/`.
fn book_with_files() -> TempBook {
    let book = TempBook::copy_of(&example_book());
    book.write(
        "import/contacts.csv",
        "ФИО;Email;ДР\nИван Петров;i@x.ru;1990-13-01\n;a@b.ru;\nМария;m@x.ru\n;;\n",
    );
    book.write(
        "import/clients.csv",
        "Name;Contact;Status\nЛесная поляна;Ольга;active\nНовый;Пётр;sleeping\nБез контакта;;active\n",
    );
    book.write("import/empty.csv", "\n");
    book.write(
        "import/nameless.vcf",
        "BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@b.ru\nEND:VCARD\n",
    );
    book.write("import/none.vcf", "nothing\n");
    std::fs::write(book.path().join("import/latin1.vcf"), b"\xff\xfe").expect("write");
    book
}

fn run(dir: &Path, args: &str) -> super::common::Run {
    let mut all = vec!["--today", TODAY];
    all.extend(args.split(' '));
    run_with(dir, &[], &all)
}

#[test]
fn import_refuses_in_russian() {
    let book = book_with_files();
    let client = book.read("clients/lesnaya-polyana/client.yaml");
    let refused = |args: &str| {
        let r = run(book.path(), args);
        assert_eq!(r.code, 2, "{args}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args}: {}", r.stdout);
        assert_eq!(book.read("clients/lesnaya-polyana/client.yaml"), client);
        // The note on what was read comes first, where the file was read.
        r.stderr
            .lines()
            .filter(|l| !l.starts_with("примечание: import/"))
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    };
    let csv = "import csv import/clients.csv --kind clients";
    assert_eq!(
        refused("import csv import/contacts.csv --kind contacts --map ФИО=name"),
        "ошибка: для --kind contacts нужен --client ID: клиент, чьи это контакты\n"
    );
    assert_eq!(
        refused(&format!("{csv} --client lesnaya-polyana --map Name=name")),
        "ошибка: --client ставят с --kind contacts: при --kind clients каждая строка — отдельный клиент\n"
    );
    assert_eq!(
        refused(&format!("{csv} --map Name")),
        "ошибка: --map Name: пишите СТОЛБЕЦ=ПОЛЕ, например --map \"ФИО=name\"\n"
    );
    assert_eq!(
        refused(&format!("{csv} --map Name=nam")),
        "ошибка: --map Name=nam: поля `nam` здесь нет\nподсказка: вы имели в виду `name`?\n"
    );
    assert_eq!(
        refused(&format!("{csv} --map Name=zzzzzzzz")),
        "ошибка: --map Name=zzzzzzzz: поля `zzzzzzzz` здесь нет\n\
         подсказка: поля: name, id, status, manager, curator, since, referred_by, legal_name, \
         inn, kpp, ogrn, address, contact_name, contact_position, contact_email, contact_phone\n"
    );
    assert_eq!(
        refused(&format!("{csv} --map Фамилия=name")),
        "ошибка: --map Фамилия=name: в файле нет столбца `Фамилия`\n\
         подсказка: его столбцы: Name, Contact, Status\n"
    );
    assert_eq!(
        refused(&format!("{csv} --map Name=name --map Contact=name")),
        "ошибка: --map Contact=name: `name` сопоставлено дважды\n"
    );
    assert_eq!(
        refused(&format!("{csv} --map Contact=contact_name")),
        "ошибка: в --map нет столбца для `name`: он нужен каждой строке\n\
         подсказка: например, --map \"ФИО=name\"\n"
    );
    assert_eq!(
        refused("import csv import/empty.csv --kind clients --map a=name"),
        "ошибка: в import/empty.csv нет строки заголовков: первая строка должна называть столбцы\n"
    );
    assert_eq!(
        refused("import csv import/nosuch.csv --kind clients --map a=name"),
        "ошибка: не удаётся прочитать import/nosuch.csv: такого файла или папки нет\n"
    );
    assert_eq!(
        refused("import vcard import --client lesnaya-polyana"),
        "ошибка: не удаётся прочитать import: это папка, а не файл\n"
    );
    assert_eq!(
        refused("import vcard import/none.vcf --client lesnaya-polyana"),
        "ошибка: в import/none.vcf нет ни одной карточки vCard (BEGIN:VCARD … END:VCARD)\n"
    );
    assert_eq!(
        refused("import vcard import/latin1.vcf --client lesnaya-polyana"),
        "ошибка: import/latin1.vcf — не в UTF-8\n\
         подсказка: выгрузите контакты заново в UTF-8 (vCard 3.0 и 4.0 всегда в UTF-8; карточки \
         2.1 могут указывать внутри файла UTF-8 другую кодировку в CHARSET)\n"
    );
    assert_eq!(
        refused("export vcard --out import/empty.csv"),
        "ошибка: import/empty.csv уже есть\n\
         подсказка: добавьте --force, чтобы заменить его, или выберите другой --out\n"
    );
    assert_eq!(
        refused("export sqlite import/empty.csv"),
        "ошибка: import/empty.csv уже есть\n\
         подсказка: добавьте --force, чтобы заменить его (база каждый раз строится из книги заново)\n"
    );
    assert_eq!(book.read("import/empty.csv"), "\n");
}

#[test]
fn import_says_in_russian_why_each_row_or_card_is_skipped() {
    let book = book_with_files();
    let r = run(
        book.path(),
        "import csv import/contacts.csv --kind contacts --client lesnaya-polyana --map ФИО=name \
         --map Email=email --map ДР=birthday --dry-run",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "пропущено: строка 1: день рождения `1990-13-01` — не дата: пишите ГГГГ-ММ-ДД или --ММ-ДД без года\n\
         пропущено: строка 2: имя не указано\n\
         пропущено: строка 3: в ней 2 поля, а в строке заголовков 3\n\
         clients/lesnaya-polyana/client.yaml: будет добавлено 0, уже есть 0, с расхождениями 0, \
         пропущено 3 (пробный запуск: ничего не записано)\n"
    );
    let r = run(
        book.path(),
        "import csv import/clients.csv --kind clients --map Name=name --map Contact=contact_name \
         --map Status=status --dry-run",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "пропущено: строка 1: «Лесная поляна» уже клиент: `lesnaya-polyana`\n\
         пропущено: строка 2: «Новый»: значения `sleeping` нет среди допустимых: `lead`, `active`, `paused`, `former`\n\
         пропущено: строка 3: «Без контакта»: нет контактного лица, а у клиента оно должно быть \
         (сопоставьте какой-нибудь столбец с contact_name)\n\
         будет создано клиентов: 0, пропущено строк: 3 (пробный запуск: ничего не записано)\n"
    );
    let r = run(
        book.path(),
        "import vcard import/nameless.vcf --client lesnaya-polyana --dry-run",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "пропущено: карточка 1: у неё нет имени (ни FN, ни N)\n\
         clients/lesnaya-polyana/client.yaml: будет добавлено 0, уже есть 0, с расхождениями 0, \
         пропущено 1 (пробный запуск: ничего не записано)\n"
    );
}

#[test]
fn import_refuses_in_russian_a_client_file_that_does_not_read() {
    let book = book_with_files();
    book.write("clients/lesnaya-polyana/client.yaml", "name: [\n");
    let r = run(
        book.path(),
        "import vcard import/nameless.vcf --client lesnaya-polyana",
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "ошибка: clients/lesnaya-polyana/client.yaml не читается: добавить в него контакты нельзя\n\
         подсказка: `rapport audit clients/lesnaya-polyana` покажет, что не так\n"
    );
    assert_eq!(
        book.read("clients/lesnaya-polyana/client.yaml"),
        "name: [\n"
    );
}
