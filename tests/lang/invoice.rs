//! What `invoice new`, `invoice pay`, `invoice remind`, `invoices` and `reconcile` say in Russian: their refusals and notes pinned in full, with nothing
//! written.

#[allow(unused_imports)]
use super::{TODAY, common, run_with};

use std::path::{Path, PathBuf};

use common::{TempBook, example_book};

/// A copy of the example book, whose `locale: ru` makes rapport speak Russian.
fn book() -> TempBook {
    TempBook::copy_of(&example_book())
}

/// `rapport --today TODAY ARGS` in `book`, ARGS split on spaces: a refusal (exit 2,
/// nothing on stdout), and what it says on stderr.
fn refused(book: &TempBook, args: &str) -> String {
    let mut all = vec!["--today", TODAY];
    all.extend(args.split(' '));
    let r = run_with(book.path(), &[], &all);
    assert_eq!(r.code, 2, "{args}: {}", r.stderr);
    assert_eq!(r.stdout, "", "{args}");
    r.stderr
}

/// [`refused`] with the book's file `rel` edited by `edit` for that run only.
fn refused_edited(book: &TempBook, rel: &str, edit: impl Fn(&str) -> String, args: &str) -> String {
    let was = book.read(rel);
    let edited = edit(&was);
    assert_ne!(edited, was, "the edit changes {rel}");
    book.write(rel, &edited);
    let stderr = refused(book, args);
    book.write(rel, &was);
    stderr
}

/// Every file under `clients/` with its bytes: what a refusal must leave as it was.
fn clients(book: &TempBook) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("a folder of the book")
            .map(|e| e.expect("an entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else {
                let bytes = std::fs::read(&path).expect("a file of the book");
                out.push((path, bytes));
            }
        }
    }
    let mut out = Vec::new();
    walk(&book.path().join("clients"), &mut out);
    out
}

#[test]
fn invoice_news_refusals_of_its_flags_are_russian() {
    let book = book();
    let before = clients(&book);
    assert_eq!(
        refused(&book, "invoice new stroymaster --line Аванс;150000"),
        "ошибка: неверный --line: `Аванс;150000` не в виде ПОЗИЦИЯ;КОЛ-ВО;ЕД.;ЦЕНА\n\
         подсказка: например, --line \"Дизайн упаковки;3;SKU;75000\"; КОЛ-ВО и ЕД. можно оставить пустыми: \"Аванс;;;150000\"\n"
    );
    assert_eq!(
        refused(&book, "invoice new stroymaster --line Аванс;x;;150000"),
        "ошибка: неверный --line 1 (`Аванс;x;;150000`): `x` — не количество: напишите число через точку, например 1, 2.5 или 0.125\n"
    );
    assert_eq!(
        refused(&book, "invoice new stroymaster --line Аванс;;;150_000"),
        "ошибка: неверный --line 1 (`Аванс;;;150_000`): `150_000` — не денежная сумма: напишите число через точку, не больше двух знаков после неё, например 125000.50\n"
    );
    assert_eq!(
        refused(&book, "invoice new stroymaster --line Аванс;0;;150000"),
        "ошибка: неверный --line 1: `Аванс;0;;150000` — количество 0, а оно должно быть больше нуля\n"
    );
    assert_eq!(
        refused(&book, "invoice new stroymaster --line Аванс;1;;-5"),
        "ошибка: неверный --line 1: `Аванс;1;;-5` — цена -5,00, а она не может быть отрицательной (скидку дайте более низкой ценой)\n"
    );
    assert_eq!(
        refused(&book, "invoice new stroymaster"),
        "ошибка: в счёте должна быть хотя бы одна строка\n\
         подсказка: укажите --line \"ПОЗИЦИЯ;КОЛ-ВО;ЕД.;ЦЕНА\" (можно несколько раз) или --project ID --from-estimate\n"
    );
    assert_eq!(
        refused(
            &book,
            "invoice new klinika-zdorovye --project sait-kliniki --from-estimate"
        ),
        "ошибка: --from-estimate: в проекте `sait-kliniki` нет строк сметы\n\
         подсказка: запишите их в clients/klinika-zdorovye/projects/sait-kliniki.yaml под `estimate:` или укажите строки через --line\n"
    );
    assert_eq!(
        refused(
            &book,
            "invoice new gorod-fitness --contract 2026-015 --line a;;;1"
        ),
        "ошибка: неверный --contract: у клиента `gorod-fitness` нет договора `2026-015` (E04)\n\
         подсказка: вы имели в виду `2026-014`?\n"
    );
    assert_eq!(
        refused(
            &book,
            "invoice new klinika-zdorovye --contract 2026-015 --line a;;;1"
        ),
        "ошибка: неверный --contract: у клиента `klinika-zdorovye` нет договора `2026-015` (E04)\n\
         подсказка: у клиента `klinika-zdorovye` пока нет договоров\n"
    );
    assert_eq!(
        refused(
            &book,
            "invoice new gorod-fitness --project qqqqqqqqqqq --line a;;;1"
        ),
        "ошибка: неверный --project: у клиента `gorod-fitness` нет проекта `qqqqqqqqqqq` (E04)\n\
         подсказка: есть: `landing-ny2027`, `rebrending-2027`, `smm-soprovozhdenie`\n"
    );
    assert_eq!(
        refused(&book, "invoice new gorod-fitness --line a;;;1 --vat 20%"),
        "ошибка: неверный --vat: `20%` — не ставка НДС: напишите процент, например 22, или `none`\n"
    );
    assert_eq!(
        refused(
            &book,
            "invoice new gorod-fitness --line a;;;1 --due 2026-11-01"
        ),
        "ошибка: неверный --due: 1 ноября — раньше даты счёта (27 ноября)\n"
    );
    assert_eq!(
        refused(
            &book,
            "invoice new gorod-fitness --line a;999999999999999;;999999999999999"
        ),
        "ошибка: новый счёт не прочитался бы из файла: Сумма строки 1 (`a`: 999999999999999 × 999999999999999.00) больше самой большой суммы, какую можно записать, — 999999999999999.99 (E02)\n"
    );
    assert_eq!(
        refused(
            &book,
            "invoice new gorod-fitness --line a;;;0 --line b;2;шт;0.00"
        ),
        "ошибка: счёт был бы на 0,00\u{a0}₽, а счёт выставляют на сумму больше нуля\n\
         подсказка: все строки дают 0,00 (строка 1 «a»: 1 × 0,00; строка 2 «b»: 2 × 0,00); проверьте цены\n"
    );
    assert_eq!(clients(&book), before, "a refusal writes nothing");
}

#[test]
fn invoice_news_refusals_of_a_planned_invoice_are_russian() {
    let book = book();
    let before = clients(&book);
    assert_eq!(
        refused(&book, "invoice new gorod-fitness --planned 2026-014#x"),
        "ошибка: неверный --planned: `2026-014#x`: после `#` идёт номер записи в плане, начиная с 1\n"
    );
    assert_eq!(
        refused(&book, "invoice new gorod-fitness --planned #2"),
        "ошибка: неверный --planned: в `#2` не указан договор: напишите CONTRACT или CONTRACT#N, например 2026-014#2\n"
    );
    assert_eq!(
        refused(&book, "invoice new gorod-fitness --planned 2026-015"),
        "ошибка: неверный --planned: у клиента `gorod-fitness` нет договора `2026-015` (E04)\n\
         подсказка: вы имели в виду `2026-014`?\n"
    );
    assert_eq!(
        refused(&book, "invoice new klinika-zdorovye --planned 2026-015"),
        "ошибка: неверный --planned: у клиента `klinika-zdorovye` нет договора `2026-015` (E04)\n\
         подсказка: у клиента `klinika-zdorovye` пока нет договоров\n"
    );
    assert_eq!(
        refused(&book, "invoice new gorod-fitness --planned zzzzzzzz"),
        "ошибка: неверный --planned: у клиента `gorod-fitness` нет договора `zzzzzzzz` (E04)\n\
         подсказка: есть: `2025-019`, `2025-019-ds1`, `2026-014`\n"
    );
    assert_eq!(
        refused(&book, "invoice new mebel-uyut --planned 2025-002"),
        "ошибка: --planned: договор 2/2025 (clients/mebel-uyut/contracts/2025-002.yaml) не действует (он закрыт), а значит, не действует и его план счетов\n\
         подсказка: укажите строки через --line и договор через --contract 2025-002, чтобы всё же выставить по нему счёт\n"
    );
    assert_eq!(
        refused(&book, "invoice new stroymaster --planned 2027-001"),
        "ошибка: --planned: договор 1/2027 (clients/stroymaster/contracts/2027-001.yaml) не действует (это ещё черновик), а значит, не действует и его план счетов\n\
         подсказка: укажите строки через --line и договор через --contract 2027-001, чтобы всё же выставить по нему счёт\n"
    );
    assert_eq!(
        refused(&book, "invoice new gorod-fitness --planned 2025-019-ds1"),
        "ошибка: --planned: у договора ДС-1 к 19/2025 (clients/gorod-fitness/contracts/2025-019-ds1.yaml) нет плана счетов\n\
         подсказка: запланируйте счета под `billing:` или укажите строки через --line и договор через --contract 2025-019-ds1\n"
    );
    assert_eq!(
        refused(&book, "invoice new gorod-fitness --planned 2026-014#5"),
        "ошибка: --planned: у договора 14/2026 нет планового счёта 5: в его плане 2 записи (clients/gorod-fitness/contracts/2026-014.yaml)\n\
         подсказка: записи нумеруются с 1 в том порядке, в каком они идут в `billing:`\n"
    );
    assert_eq!(
        refused(&book, "invoice new gorod-fitness --planned 2026-014#1"),
        "ошибка: --planned: плановый счёт 1 по договору 14/2026 (на 21 октября 2026 г.) уже выставлен: на него ссылается clients/gorod-fitness/invoices/2026-0006.yaml (`planned: 1`)\n\
         подсказка: плановый счёт выставляют один раз; чтобы выставить его снова, поставьте тому счёту `status: cancelled`\n"
    );
    assert_eq!(
        refused(&book, "invoice new lesnaya-polyana --planned 2025-004"),
        "ошибка: --planned: все плановые счета по договору 4/2025 уже выставлены (в плане 2 записи)\n\
         подсказка: запланируйте следующий под `billing:` в clients/lesnaya-polyana/contracts/2025-004.yaml или укажите строки через --line\n"
    );
    assert_eq!(
        refused(&book, "invoice new gorod-fitness --planned 2026-014 --net"),
        "ошибка: --net: плановый счёт 2 в clients/gorod-fitness/contracts/2026-014.yaml — это сумма с НДС (340\u{a0}000,00\u{a0}₽), а не цены без НДС\n\
         подсказка: уберите --net или запишите этот счёт в плане как `lines:` с ценами без НДС\n"
    );
    assert_eq!(clients(&book), before, "a refusal writes nothing");
}

#[test]
fn invoice_news_refusals_of_what_the_book_says_are_russian() {
    let book = book();
    let before = clients(&book);
    assert_eq!(
        refused_edited(
            &book,
            "rapport.yaml",
            |_| "agency: 5\n".to_owned(),
            // No locale to read: --lang says Russian.
            "--lang ru invoice new gorod-fitness --line a;;;1"
        ),
        "ошибка: rapport.yaml не читается, поэтому неизвестны шаблон номера счёта и срок оплаты\n\
         подсказка: `rapport audit` покажет, что с ним не так\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "rapport.yaml",
            |t| t.replacen(
                "number: \"{year}-{seq:04}\"   # 2026",
                "number: \"{year}-{month}\"   # 2026",
                1
            ),
            "invoice new gorod-fitness --line a;;;1"
        ),
        "ошибка: по invoice.number `{year}-{month}` из rapport.yaml счета не пронумеровать: в нём должен быть ровно один {seq} (или {seq:04}) и только подстановки {year}, {seq}, {client}\n\
         подсказка: по умолчанию — \"{year}-{seq:04}\"\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "clients/klinika-zdorovye/client.yaml",
            |_| "name: [\n".to_owned(),
            "invoice new klinika-zdorovye --line a;;;1"
        ),
        "ошибка: clients/klinika-zdorovye/client.yaml нет или он не читается, а в счёте нужен покупатель\n\
         подсказка: `rapport audit clients/klinika-zdorovye` покажет, что не так\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "clients/gorod-fitness/projects/landing-ny2027.yaml",
            |_| "title: [\n".to_owned(),
            "invoice new gorod-fitness --project landing-ny2027 --from-estimate"
        ),
        "ошибка: --from-estimate: проект `landing-ny2027` клиента `gorod-fitness` не читается\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "clients/gorod-fitness/projects/landing-ny2027.yaml",
            |t| t.replacen("price: 120000, service", "price: -1, service", 1),
            "invoice new gorod-fitness --project landing-ny2027 --from-estimate"
        ),
        "ошибка: --from-estimate: строка 2 сметы в clients/gorod-fitness/projects/landing-ny2027.yaml («Ключевой визуал кампании») — цена -1,00, а она не может быть отрицательной (скидку дайте более низкой ценой)\n\
         подсказка: исправьте смету или укажите строки через --line\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "clients/gorod-fitness/projects/landing-ny2027.yaml",
            |t| t.replacen(
                "qty: 1, unit: шт., price: 120000",
                "qty: 0, unit: шт., price: 120000",
                1
            ),
            "invoice new gorod-fitness --project landing-ny2027 --from-estimate"
        ),
        "ошибка: --from-estimate: строка 2 сметы в clients/gorod-fitness/projects/landing-ny2027.yaml («Ключевой визуал кампании») — количество 0, а оно должно быть больше нуля\n\
         подсказка: исправьте смету или укажите строки через --line\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "clients/gorod-fitness/contracts/2026-014.yaml",
            |_| "number: [\n".to_owned(),
            "invoice new gorod-fitness --planned 2026-014"
        ),
        "ошибка: --planned: clients/gorod-fitness/contracts/2026-014.yaml не читается\n\
         подсказка: `rapport audit clients/gorod-fitness` покажет, что не так\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "clients/gorod-fitness/contracts/2026-014.yaml",
            |t| t.replacen("2026-12-16, amount: 340000", "2026-12-16, amount: 0", 1),
            "invoice new gorod-fitness --planned 2026-014"
        ),
        "ошибка: --planned: плановый счёт 2 в clients/gorod-fitness/contracts/2026-014.yaml — на 0,00\u{a0}₽, а счёт выставляют на сумму больше нуля\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "clients/gorod-fitness/contracts/2026-014.yaml",
            |t| t.replacen("2026-12-16, amount: 340000, ", "2026-12-16, ", 1),
            "invoice new gorod-fitness --planned 2026-014"
        ),
        "ошибка: --planned: у планового счёта 2 в clients/gorod-fitness/contracts/2026-014.yaml нет ни `amount`, ни `lines`\n\
         подсказка: запишите в плане, на что выставить счёт\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "clients/gorod-fitness/contracts/2026-014.yaml",
            |t| t.replacen(
                "  - {date: 2026-12-16, amount: 340000, note: После запуска лендинга}\n",
                "",
                1
            ),
            "invoice new gorod-fitness --planned 2026-014#5"
        ),
        "ошибка: --planned: у договора 14/2026 нет планового счёта 5: в его плане 1 запись (clients/gorod-fitness/contracts/2026-014.yaml)\n\
         подсказка: записи нумеруются с 1 в том порядке, в каком они идут в `billing:`\n"
    );
    assert_eq!(clients(&book), before, "a refusal writes nothing");
}

#[test]
fn invoice_pays_refusals_are_russian() {
    let book = book();
    let before = clients(&book);
    assert_eq!(
        refused(&book, "invoice pay stroymaster/2026-0008 12,5"),
        "ошибка: неверная сумма AMOUNT: `12,5` — не денежная сумма: напишите число через точку, не больше двух знаков после неё, например 125000.50\n"
    );
    assert_eq!(
        refused(&book, "invoice pay stroymaster/2026-0008 0"),
        "ошибка: неверная сумма AMOUNT: платёж должен быть больше нуля\n"
    );
    assert_eq!(
        refused(&book, "invoice pay stroymaster/2026-0008 -5"),
        "ошибка: неверная сумма AMOUNT: платёж должен быть больше нуля\n"
    );
    assert_eq!(
        refused(&book, "invoice pay gorod-fitness/2026-0003 100"),
        "ошибка: счёт 2026-0003 отменён: по нему ничего не должны\n\
         подсказка: добавьте --force, чтобы всё же записать платёж (а потом верните деньги или зачтите их в другой счёт)\n"
    );
    assert_eq!(
        refused(&book, "invoice pay lesnaya-polyana/2026-0005 1"),
        "ошибка: платёж 1,00\u{a0}₽ переплатил бы счёт 2026-0005 на 1,00\u{a0}₽: счёт на 480\u{a0}000,00\u{a0}₽, уже оплачено 480\u{a0}000,00\u{a0}₽\n\
         подсказка: проверьте сумму; добавьте --force, чтобы записать переплату\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "clients/lesnaya-polyana/invoices/2026-0005.yaml",
            |t| {
                t.replacen("payments:\n", "payments:\n  - date: 2027-01-10\n    amount: \"100.00\"\n  - date: 2027-02-11\n    amount: \"50.00\"\n", 1).replacen("amount: \"480000.00\"", "amount: \"479900.00\"", 1)
            },
            "invoice pay lesnaya-polyana/2026-0005 60"
        ),
        "ошибка: в счёте 2026-0005 записано ещё 150,00\u{a0}₽ с датами после сегодняшнего дня (100,00\u{a0}₽ от 10 января 2027 г., 50,00\u{a0}₽ от 11 февраля 2027 г.), их пока не считают оплаченными; вместе с ними платёж 60,00\u{a0}₽ переплатил бы счёт на 110,00\u{a0}₽\n\
         подсказка: исправьте дату того платежа в clients/lesnaya-polyana/invoices/2026-0005.yaml; добавьте --force, чтобы всё же записать этот\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "clients/stroymaster/invoices/2026-0008.yaml",
            |_| "number: [\n".to_owned(),
            "invoice pay stroymaster/2026-0008 100"
        ),
        "ошибка: clients/stroymaster/invoices/2026-0008 не читается\n\
           \x20 clients/stroymaster/invoices/2026-0008.yaml:2: Ошибка синтаксиса: не найдено ожидаемое значение (E01)\n\
         подсказка: `rapport audit clients/stroymaster` покажет, что не так\n"
    );
    assert_eq!(clients(&book), before, "a refusal records no payment");
}

#[test]
fn invoice_reminds_and_reconciles_refusals_are_russian() {
    let book = book();
    book.write("drafts", "");
    assert_eq!(
        refused(
            &book,
            "invoice remind trudnyi-klient/2025-0008 --eml drafts"
        ),
        "ошибка: --eml drafts — это файл, а не папка\n\
         подсказка: укажите папку для черновика письма, например --eml drafts/\n"
    );
    std::fs::remove_file(book.path().join("drafts")).expect("the file named drafts");
    assert_eq!(
        refused_edited(
            &book,
            "clients/trudnyi-klient/invoices/2025-0008.yaml",
            |_| "number: [\n".to_owned(),
            "invoice remind trudnyi-klient/2025-0008 --eml drafts"
        ),
        "ошибка: clients/trudnyi-klient/invoices/2025-0008 не читается\n\
           \x20 clients/trudnyi-klient/invoices/2025-0008.yaml:2: Ошибка синтаксиса: не найдено ожидаемое значение (E01)\n\
         подсказка: `rapport audit clients/trudnyi-klient` покажет, что не так\n"
    );
    assert_eq!(
        refused(
            &book,
            "reconcile stroymaster --from 2026-12-01 --to 2026-01-01"
        ),
        "ошибка: --from 1 декабря — позже, чем --to 1 января 2026 г.\n\
         подсказка: период идёт от --from до --to, оба дня включительно\n"
    );
    assert!(!book.path().join("drafts").exists(), "no draft is written");
    // Logged once today, the reminder is not logged again.
    let remind = [
        "--today",
        TODAY,
        "invoice",
        "remind",
        "trudnyi-klient/2025-0008",
    ];
    let logged = [&remind[..], &["--eml", "drafts", "--log"]].concat();
    let first = run_with(book.path(), &[], &logged);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let before = clients(&book);
    assert_eq!(
        refused(
            &book,
            "invoice remind trudnyi-klient/2025-0008 --eml drafts --log"
        ),
        "ошибка: clients/trudnyi-klient/log/2026-11-27-payment-reminder-2025-0008.yaml уже есть: rapport никогда не перезаписывает файлы\n\
         подсказка: напоминание сегодня уже записано в журнал; черновик письма записан заново\n"
    );
    assert_eq!(clients(&book), before, "the log entry is left as it was");
}

#[test]
fn invoice_reminds_refusals_of_the_invoice_and_its_contacts_are_russian() {
    let book = book();
    let before = clients(&book);
    assert_eq!(
        refused(&book, "invoice remind stroymaster/2026-0008 --eml drafts"),
        "ошибка: счёт 2026-0008 не просрочен: срок оплаты — 3 декабря\n\
         подсказка: напоминание пишут по счёту, срок оплаты которого прошёл (D04); `rapport invoices --overdue` покажет такие счета\n"
    );
    assert_eq!(
        refused(&book, "invoice remind gorod-fitness/2026-0003 --eml drafts"),
        "ошибка: счёт 2026-0003 отменён: по нему ничего не должны (clients/gorod-fitness/invoices/2026-0003.yaml)\n"
    );
    assert_eq!(
        refused(
            &book,
            "invoice remind lesnaya-polyana/2026-0005 --eml drafts"
        ),
        "ошибка: счёт 2026-0005 оплачен: напоминать не о чем\n\
         подсказка: `rapport invoices` покажет, что ещё не оплачено\n"
    );
    assert_eq!(
        refused(
            &book,
            "invoice remind trudnyi-klient/2025-0008 --eml drafts --to shubin"
        ),
        "ошибка: --to: у клиента `trudnyi-klient` нет контакта `shubin`\n\
         подсказка: вы имели в виду `shubina`?\n"
    );
    assert_eq!(
        refused(
            &book,
            "invoice remind trudnyi-klient/2025-0008 --eml drafts --to zzzzzzzz"
        ),
        "ошибка: --to: у клиента `trudnyi-klient` нет контакта `zzzzzzzz`\n\
         подсказка: контакты клиента: `kravtsov`, `lapina`, `shubina`\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "clients/trudnyi-klient/invoices/2025-0008.yaml",
            |t| t.replacen("\nstatus: issued", "\nstatus: draft", 1),
            "invoice remind trudnyi-klient/2025-0008 --eml drafts"
        ),
        "ошибка: счёт 2025-0008 — черновик: его не выставляли, и по нему ничего не должны\n\
         подсказка: сначала выставьте его (уберите `status: draft` из clients/trudnyi-klient/invoices/2025-0008.yaml)\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "clients/trudnyi-klient/client.yaml",
            |t| t.replacen("    email: buh@magistral-auto.ru\n", "", 1),
            "invoice remind trudnyi-klient/2025-0008 --eml drafts"
        ),
        "ошибка: у контакта «Галина Шубина» (`shubina`) нет адреса почты в clients/trudnyi-klient/client.yaml\n\
         подсказка: добавьте этому контакту `email` или укажите в --to другой контакт\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "clients/trudnyi-klient/client.yaml",
            |t| t
                .replace("billing: true", "billing: false")
                .replace("\n    email: ", "\n    x-email: "),
            "invoice remind trudnyi-klient/2025-0008 --eml drafts"
        ),
        "ошибка: у клиента `trudnyi-klient` нет контакта с адресом почты, которому можно напомнить об оплате\n\
         подсказка: добавьте `email` (и `billing: true`) контакту, который отвечает за оплату, в clients/trudnyi-klient/client.yaml\n"
    );
    assert_eq!(
        refused_edited(
            &book,
            "rapport.yaml",
            |t| t.replace("email: ", "x-email: "),
            "invoice remind trudnyi-klient/2025-0008 --eml drafts"
        ),
        "ошибка: у напоминания нет отправителя: адреса почты нет ни у менеджера клиента, ни у агентства\n\
         подсказка: добавьте `email` менеджеру в `team` или агентству в `agency` в rapport.yaml\n"
    );
    assert_eq!(clients(&book), before, "a refusal logs nothing");
    assert!(!book.path().join("drafts").exists(), "no draft is written");
}
