//! What `task`, `project` and `tasks` say in Russian: their refusals and notes pinned in full, with nothing
//! written.

use super::common::{TempBook, example_book};
use super::{TODAY, run_with};

/// The project files the refusals below would edit.
const FILES: [&str; 4] = [
    "clients/trudnyi-klient/projects/zimnyaya-kampaniya.yaml",
    "clients/trudnyi-klient/projects/dup.yaml",
    "clients/lesnaya-polyana/projects/upakovka-kefir-2025.yaml",
    "clients/pusto/projects/sait.yaml",
];

/// A copy of the example book with a project that has two tasks of one ID and a task
/// with neither a due date nor an assignee, and a client with no contacts.
fn book() -> TempBook {
    let book = TempBook::copy_of(&example_book());
    book.write(
        FILES[1],
        "title: Дубль\nstage: active\ntasks:\n  - {id: a, due: 2026-12-01}\n  - {id: a, due: 2026-12-02}\n  - {id: b, start: 2026-11-20}\n",
    );
    book.write("clients/pusto/client.yaml", "name: Пусто\n");
    book.write(
        FILES[3],
        "title: Сайт\nstage: active\ntasks:\n  - {id: vyorstka, assignee: kim, due: 2026-12-01}\n",
    );
    book
}

#[test]
fn task_and_project_refusals_are_russian() {
    let book = book();
    // The arguments after `--today TODAY`, split at spaces (two spaces give an empty
    // argument): refused with exit code 2, nothing on stdout, no file changed.
    let refused = |args: &str| {
        let before = FILES.map(|f| book.read(f));
        let mut all = vec!["--today", TODAY];
        all.extend(args.split(' '));
        let r = run_with(book.path(), &[], &all);
        assert_eq!(r.code, 2, "{args}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args}");
        assert_eq!(FILES.map(|f| book.read(f)), before, "{args} wrote nothing");
        r.stderr
    };
    let rolik = "trudnyi-klient/zimnyaya-kampaniya/rolik";
    let p = "trudnyi-klient/zimnyaya-kampaniya";
    assert_eq!(
        refused("task ack trudnyi-klient/dup/a"),
        "ошибка: в проекте «Дубль» 2 задачи с ID `a` (E05): непонятно, какая из них имеется в виду\n\
         подсказка: дайте каждой задаче свой `id` и запустите команду снова\n"
    );
    assert_eq!(
        refused("task ack trudnyi-klient/dup/b"),
        "ошибка: у задачи `b` нет исполнителя, подтверждать её некому\n\
         подсказка: укажите `assignee:` в clients/trudnyi-klient/projects/dup.yaml\n"
    );
    assert_eq!(
        refused(&format!("task done {rolik} --date 2026-11-20")),
        "ошибка: неверный --date: 20 ноября — это раньше начала задачи, 23 ноября (E07)\n"
    );
    assert_eq!(
        refused("task move trudnyi-klient/dup/b --due 2026-12-01 --reason Тексты"),
        "ошибка: у задачи `b` нет срока, переносить нечего\n\
         подсказка: поставьте `due:` в clients/trudnyi-klient/projects/dup.yaml (первый срок — это ещё не перенос)\n"
    );
    assert_eq!(
        refused(&format!(
            "task move {rolik} --due 2026-11-20 --reason Тексты"
        )),
        "ошибка: неверный --due: 20 ноября — это раньше начала задачи, 23 ноября (E07)\n"
    );
    assert_eq!(
        refused(&format!(
            "task move {rolik} --due 2026-12-01 --reason  --told lapina"
        )),
        "ошибка: неверный --reason: укажите причину переноса — её покажет R08 и прочтёт клиент\n"
    );
    assert_eq!(
        refused(&format!(
            "task move {rolik} --due 2026-12-01 --reason Тексты --told lapin"
        )),
        "ошибка: у клиента `trudnyi-klient` нет контакта `lapin`\n\
         подсказка: вы имели в виду `lapina`?\n"
    );
    assert_eq!(
        refused(&format!(
            "task move {rolik} --due 2026-12-01 --reason Тексты --told orlova"
        )),
        "ошибка: у клиента `trudnyi-klient` нет контакта `orlova`\n\
         подсказка: контакты клиента: kravtsov, lapina, shubina\n"
    );
    assert_eq!(
        refused("task move pusto/sait/vyorstka --due 2026-12-02 --reason Тексты --told nikto"),
        "ошибка: у клиента `pusto` нет контакта `nikto`\n\
         подсказка: у клиента в книге нет контактов\n"
    );
    assert_eq!(
        refused(&format!(
            "task move {rolik} --due 2026-12-01 --reason Тексты --decided 2026-11-26 --told-on 2026-11-25"
        )),
        "ошибка: неверный --told-on: 25 ноября — это раньше, чем решили перенести срок (26 ноября)\n"
    );
    assert_eq!(
        refused("project move trudnyi-klient/dup --deadline 2026-12-01 --reason Тексты"),
        "ошибка: у проекта «Дубль» нет срока сдачи, переносить нечего\n\
         подсказка: поставьте `deadline:` в clients/trudnyi-klient/projects/dup.yaml (первый срок — это ещё не перенос)\n"
    );
    assert_eq!(
        refused(&format!(
            "project move {p} --deadline 2026-10-01 --reason Тексты"
        )),
        "ошибка: неверный --deadline: 1 октября 2026 г. — это раньше начала проекта, 2 ноября (E07)\n"
    );
    let new = |rest: &str| refused(&format!("task new {p} --to kim --due 2026-12-01 {rest}"));
    assert_eq!(
        refused(
            "task new lesnaya-polyana/upakovka-kefir-2025 --to kim --what Ресайзы --due 2026-12-01"
        ),
        "ошибка: проект «Редизайн упаковки кефира и ряженки» уже завершён (`stage: done`): новые задачи в него не ставят\n\
         подсказка: если работа продолжается, сначала верните ему `stage: active`\n"
    );
    assert_eq!(
        new("--what  --kind design"),
        "ошибка: неверный --what: напишите, в чём задача\n"
    );
    assert_eq!(
        new("--what Ресайзы --start 2026-12-02"),
        "ошибка: неверный --due: 1 декабря — это раньше, чем --start 2 декабря (E07)\n"
    );
    assert_eq!(
        new("--what Ресайзы --id Баннеры_2"),
        "ошибка: неверный --id `Баннеры_2`: ID — это строчные латинские буквы, цифры и дефисы, например `bannery-2`\n"
    );
    assert_eq!(
        new("--what Ресайзы --id rolik"),
        "ошибка: в проекте «Зимняя кампания «Шипы в подарок»» уже есть задача `rolik`\n\
         подсказка: выберите другой --id\n"
    );
}

#[test]
fn tasks_names_an_unknown_project_in_russian() {
    let r = run_with(
        &example_book(),
        &[],
        &["--today", TODAY, "tasks", "--project", "nichego"],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "ошибка: в книге нет проекта `nichego`\n\
         подсказка: `rapport budget` перечисляет все проекты в виде КЛИЕНТ/ПРОЕКТ\n"
    );
}

#[test]
fn task_sends_refusals_are_russian() {
    let book = TempBook::copy_of(&example_book());
    book.write(
        "clients/trudnyi-klient/projects/dup.yaml",
        "title: Дубль\nstage: active\ntasks:\n  - {id: a, due: 2026-12-01}\n  - {id: b, assignee: kim, start: 2026-11-20}\n  - {id: c, assignee: nikto, due: 2026-12-01}\n  - {id: d, assignee: kim, due: 2026-12-01}\n",
    );
    // `task send CLIENT/dup/TASK --eml drafts`: refused with exit code 2, no draft.
    let refused = |task: &str| {
        let r = run_with(
            book.path(),
            &[],
            &[
                "--today",
                TODAY,
                "task",
                "send",
                &format!("trudnyi-klient/dup/{task}"),
                "--eml",
                "drafts",
            ],
        );
        assert_eq!(r.code, 2, "{task}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{task}");
        assert!(!book.path().join("drafts").exists(), "{task}");
        r.stderr
    };
    assert_eq!(
        refused("a"),
        "ошибка: у задачи `a` нет исполнителя, отправлять её некому\n\
         подсказка: укажите `assignee:` в clients/trudnyi-klient/projects/dup.yaml\n"
    );
    assert_eq!(
        refused("b"),
        "ошибка: у задачи `b` нет срока, а задачу отправляют вместе со сроком (R19)\n\
         подсказка: поставьте `due:` (и `tied_to:`) в clients/trudnyi-klient/projects/dup.yaml\n"
    );
    assert_eq!(
        refused("c"),
        "ошибка: `nikto`, исполнителя задачи `c`, нет ни в `team`, ни в contractors/\n"
    );
    // Neither the client's manager (belov) nor the agency has an email.
    let settings = book.read("rapport.yaml");
    let without = settings
        .replace("  email: hello@belykit.ru\n", "")
        .replace("    email: d.belov@belykit.ru\n", "");
    assert_ne!(without, settings);
    book.write("rapport.yaml", &without);
    assert_eq!(
        refused("d"),
        "ошибка: у письма с задачей нет отправителя: адреса почты нет ни у менеджера клиента, ни у агентства\n\
         подсказка: добавьте `email` менеджеру в `team` или агентству (`agency`) в rapport.yaml\n"
    );
}

#[test]
fn an_edit_that_would_not_read_back_is_refused_in_russian() {
    let book = TempBook::copy_of(&example_book());
    let f = FILES[0];
    let text = format!("{}foo: 1\nbar: 2\n", book.read(f));
    book.write(f, &text);
    let r = run_with(
        book.path(),
        &[],
        &[
            "--today",
            TODAY,
            "task",
            "ack",
            "trudnyi-klient/zimnyaya-kampaniya/teksty",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "ошибка: после правки файл clients/trudnyi-klient/projects/zimnyaya-kampaniya.yaml не прочитался бы так, как записано (E03: Неизвестный ключ `foo`; E03: Неизвестный ключ `bar`); ничего не записано\n"
    );
    assert_eq!(book.read(f), text, "nothing written");
}
