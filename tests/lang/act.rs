//! What `act new`, `act signed` and `acts` say in Russian: their refusals and notes pinned in full, with nothing
//! written.

use std::fs;
use std::path::Path;

use super::common::{TempBook, example_book};
use super::{TODAY, run_with};

/// Every act file of the book with its text, to show that a refusal wrote nothing.
fn act_files(book: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for client in fs::read_dir(book.join("clients")).expect("clients") {
        let dir = client.expect("entry").path().join("acts");
        for e in fs::read_dir(&dir).into_iter().flatten() {
            let path = e.expect("entry").path();
            let text = fs::read_to_string(&path).expect("act file reads");
            out.push((path.display().to_string(), text));
        }
    }
    out.sort();
    out
}

/// `rapport --today TODAY ARGS` (ARGS split at spaces) in `book`, with `env`: refused
/// with exit code 2, nothing on stdout and no act file written or changed; its stderr.
fn refused(book: &TempBook, env: &[(&str, &str)], args: &str) -> String {
    let before = act_files(book.path());
    let mut all = vec!["--today", TODAY];
    all.extend(args.split(' '));
    let r = run_with(book.path(), env, &all);
    assert_eq!(r.code, 2, "{args}: {}", r.stderr);
    assert_eq!(r.stdout, "", "{args}");
    assert_eq!(act_files(book.path()), before, "{args} wrote nothing");
    r.stderr
}

#[test]
fn act_news_refusals_are_russian() {
    let book = TempBook::copy_of(&example_book());
    let new = |args: &str| refused(&book, &[], &format!("act new {args}"));
    assert_eq!(
        new("stroymaster --line Аванс;много;;150000"),
        "ошибка: неверный --line 1 (`Аванс;много;;150000`): `много` — не количество: пишите число, например 1, 2.5 или 0.125\n"
    );
    assert_eq!(
        new("stroymaster --line Дизайн;1;;75000 --line Аванс;;;150000,50"),
        "ошибка: неверный --line 2 (`Аванс;;;150000,50`): `150000,50` — не сумма денег: пишите число не более чем с двумя знаками после точки, например 125000.50\n"
    );
    assert_eq!(
        new("stroymaster --line Аванс;0;;150000"),
        "ошибка: неверный --line 1: в `Аванс;0;;150000` количество 0, а количество в строке должно быть больше нуля\n"
    );
    assert_eq!(
        new("stroymaster --line Скидка;1;;-5000"),
        "ошибка: неверный --line 1: в `Скидка;1;;-5000` цена -5000,00, а цена в строке не может быть отрицательной (скидку дайте более низкой ценой)\n"
    );
    assert_eq!(
        new("stroymaster --line Аванс;;;0"),
        "ошибка: итог акта был бы 0,00\u{a0}₽, а акт закрывает работу стоимостью больше нуля\n\
         подсказка: проверьте цены\n"
    );
    assert_eq!(
        new("stroymaster --line Всё;999999999999999;;999999999999999.99"),
        "ошибка: новый акт не получается прочитать без ошибок: Сумма строки 1 (`Всё`: 999999999999999 × 999999999999999.99) больше самой большой суммы, какую можно записать, — 999999999999999.99 (E02)\n"
    );
    assert_eq!(
        new("gorod-fitness --invoice 2026-0003"),
        "ошибка: неверный --invoice: счёт 2026-0003 отменён, закрывать актом нечего\n"
    );
    assert_eq!(
        new("stroymaster --invoice 2026-0002"),
        "ошибка: неверный --invoice: счёт 2026-0002 уже закрыт актом 2026-0001 (clients/stroymaster/acts/2026-0001.yaml)\n"
    );
    assert_eq!(
        new("stroymaster --invoice 2026-0008 --invoice 2026-0008"),
        "ошибка: неверный --invoice: счёт 2026-0008 указан дважды\n"
    );
    assert_eq!(
        new("lesnaya-polyana --project upakovka-syr-2027"),
        "ошибка: у проекта `upakovka-syr-2027` нет выставленных счетов, ещё не закрытых актом\n\
         подсказка: укажите услуги в --line \"ПОЗИЦИЯ;КОЛ-ВО;ЕД.;ЦЕНА\" или счёт в --invoice N\n"
    );

    // Files that do not read.
    book.write("clients/stroymaster/invoices/2026-0077.yaml", "number: [\n");
    assert_eq!(
        new("stroymaster --invoice 2026-0077"),
        "ошибка: неверный --invoice: файл clients/stroymaster/invoices/2026-0077 не читается\n\
         подсказка: что не так, скажет `rapport audit clients/stroymaster`\n"
    );
    let client = book.read("clients/stroymaster/client.yaml");
    book.write("clients/stroymaster/client.yaml", "name: [\n");
    assert_eq!(
        new("stroymaster --invoice 2026-0008"),
        "ошибка: файла clients/stroymaster/client.yaml нет или он не читается, а в акте нужен заказчик\n\
         подсказка: что не так, скажет `rapport audit clients/stroymaster`\n"
    );
    book.write("clients/stroymaster/client.yaml", &client);

    // rapport.yaml: a pattern that cannot number acts, then a file that does not read
    // (and so says no locale: Russian comes from RAPPORT_LANG).
    let settings = book.read("rapport.yaml");
    book.write(
        "rapport.yaml",
        &settings.replace(
            "  number: \"{year}-{seq:04}\"\n  since",
            "  number: \"{year}\"\n  since",
        ),
    );
    assert_eq!(
        new("stroymaster --invoice 2026-0008"),
        "ошибка: шаблоном act.number из rapport.yaml, `{year}`, акты не пронумеровать: в нём должен быть ровно один {seq} (или {seq:04}) и никаких подстановок, кроме {year}, {seq} и {client}\n\
         подсказка: по умолчанию — \"{year}-{seq:04}\"\n"
    );
    book.write("rapport.yaml", "agency: [\n");
    assert_eq!(
        refused(
            &book,
            &[("RAPPORT_LANG", "ru")],
            "act new stroymaster --invoice 2026-0008"
        ),
        "ошибка: rapport.yaml не читается, поэтому неизвестно, как нумеровать акты\n\
         подсказка: что с ним не так, скажет `rapport audit`\n"
    );
}

#[test]
fn act_signeds_refusals_are_russian() {
    let book = TempBook::copy_of(&example_book());
    let signed = |args: &str| refused(&book, &[], &format!("act signed {args}"));
    assert_eq!(
        signed("gorod-fitness/2026-0002"),
        "ошибка: по акту 2026-0002 уже записан подписанный экземпляр, полученный 3 июля 2026 г.\n\
         подсказка: когда придут бумажные оригиналы, запустите с --originals\n"
    );
    assert_eq!(
        signed("trudnyi-klient/2026-0005 --date 2026-11-28"),
        "ошибка: неверный --date: 28 ноября — это позже сегодняшнего дня (27 ноября); записывайте подпись, когда подписанный экземпляр уже вернулся\n\
         подсказка: проверьте год; --today задаёт, какой день считать сегодняшним\n"
    );
    assert_eq!(
        signed("trudnyi-klient/2026-0005 --date 2026-10-01"),
        "ошибка: неверный --date: 1 октября 2026 г. — это раньше даты акта, 30 октября (E07)\n"
    );
    assert_eq!(
        signed("trudnyi-klient/2026-0003 --originals --date 2026-10-05"),
        "ошибка: неверный --date: оригиналы от 5 октября 2026 г. оказались бы раньше подписанного экземпляра от 9 октября 2026 г. (E07)\n"
    );

    let f = "clients/trudnyi-klient/acts/2026-0003.yaml";
    let text = book.read(f);
    book.write(f, &format!("{text}originals: 2026-11-20\n"));
    assert_eq!(
        signed("trudnyi-klient/2026-0003 --originals"),
        "ошибка: по акту 2026-0003 уже записаны оригиналы, полученные 20 ноября\n"
    );
    let f = "clients/trudnyi-klient/acts/2026-0005.yaml";
    let text = book.read(f);
    book.write(f, &format!("{text}status: draft\n"));
    assert_eq!(
        signed("trudnyi-klient/2026-0005"),
        "ошибка: акт 2026-0005 — черновик, а черновик клиенту не передают\n\
         подсказка: уберите `status: draft`, как только акт отправлен, а затем запишите подпись\n"
    );
    book.write(f, &format!("{text}foo: 1\n"));
    assert_eq!(
        signed("trudnyi-klient/2026-0005"),
        "ошибка: после правки файл clients/trudnyi-klient/acts/2026-0005.yaml не прочитался бы с новыми датами (E03: Неизвестный ключ `foo`); ничего не записано\n"
    );
    book.write(f, &format!("{text}status: cancelled\n"));
    assert_eq!(
        signed("trudnyi-klient/2026-0005"),
        "ошибка: акт 2026-0005 отменён: его не подписывают\n"
    );
    book.write(f, "number: [\n");
    assert_eq!(
        signed("trudnyi-klient/2026-0005"),
        "ошибка: файл clients/trudnyi-klient/acts/2026-0005 не читается\n  \
         clients/trudnyi-klient/acts/2026-0005.yaml:2: Ошибка синтаксиса: не найдено ожидаемое значение (E01)\n\
         подсказка: что не так, скажет `rapport audit clients/trudnyi-klient`\n"
    );
}
