//! `rapport new`: one file per kind, checked before it is written, never over another.

mod common;

use std::fs;
use std::path::Path;

use common::{Run, TempBook};

const CLIENT: &str = "\
name: Ромашка
manager: petrov
contacts:
  - id: smirnov
    name: Иван Смирнов
  - id: ivanova
    name: Анна Иванова
";

/// A book with one client (two contacts), one contract and one project.
fn book() -> TempBook {
    let book = TempBook::new();
    book.write("clients/romashka/client.yaml", CLIENT);
    book.write(
        "clients/romashka/contracts/2026-017.yaml",
        "number: \"17/2026\"\nstart: 2026-01-01\nend: 2026-12-31\n",
    );
    book.write(
        "clients/romashka/projects/upakovka.yaml",
        "title: Упаковка\ncontract: 2026-017\n",
    );
    book
}

/// Every file of the book, relative and sorted; not rapport's own `.rapport/` (the
/// parse cache and the invoice lock, kept out of git), which is not the user's.
fn files(book: &TempBook) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.file_name().is_some_and(|n| n == ".rapport") {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).expect("under root");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(book.path(), book.path(), &mut out);
    out.sort();
    out
}

/// The E-codes the audit reports (rules may fire on a fresh file; the book must load).
fn e_codes(book: &TempBook) -> Vec<String> {
    let run = book.run(&["audit", "--format", "json", "--fail-on", "never"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .filter(|c| c.starts_with('E'))
        .map(str::to_owned)
        .collect()
}

/// Runs `args` and asserts it creates `file` (and nothing else), loadable, with `text`.
fn creates(book: &TempBook, args: &[&str], file: &str, text: &str) {
    let before = files(book);
    let run = book.run(args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    assert_eq!(run.stdout, format!("created {file}\n"));
    let mut expected = before;
    expected.push(file.to_owned());
    expected.sort();
    assert_eq!(files(book), expected);
    assert_eq!(book.read(file), text, "the text of {file}");
    assert_eq!(e_codes(book), Vec::<String>::new(), "{file} must load");
}

/// Runs `args` and asserts it fails with exit 2, changing nothing, saying `says`.
fn refuses(book: &TempBook, args: &[&str], says: &[&str]) -> Run {
    let before: Vec<(String, Vec<u8>)> = files(book)
        .into_iter()
        .map(|f| {
            let bytes = fs::read(book.path().join(&f)).expect("read");
            (f, bytes)
        })
        .collect();
    let run = book.run(args);
    assert_eq!(
        run.code, 2,
        "{args:?} should fail: {}{}",
        run.stdout, run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    for s in says {
        assert!(
            run.stderr.contains(s),
            "{args:?}: expected {s:?} in:\n{}",
            run.stderr
        );
    }
    let after: Vec<(String, Vec<u8>)> = files(book)
        .into_iter()
        .map(|f| {
            let bytes = fs::read(book.path().join(&f)).expect("read");
            (f, bytes)
        })
        .collect();
    assert!(before == after, "{args:?} changed the book");
    run
}

// --- client ---------------------------------------------------------------------

#[test]
fn new_client_writes_a_cyrillic_name_exactly() {
    let book = book();
    creates(
        &book,
        &[
            "new",
            "client",
            "lyutik",
            "--name",
            "Лютик",
            "--contact",
            "petrova=Мария Петрова",
            "--manager",
            "petrov",
            "--curator",
            "sidorov",
            "--key",
        ],
        "clients/lyutik/client.yaml",
        "name: Лютик\nkey: true\nmanager: petrov\ncurator: sidorov\ncontacts:\n  - id: petrova\n    name: Мария Петрова\n",
    );
    creates(
        &book,
        &[
            "new",
            "client",
            "kit",
            "--name",
            "ООО \"Кит\": №1 # лучшие",
            "--contact",
            "kitov= Кит Китов ",
        ],
        "clients/kit/client.yaml",
        "name: \"ООО \\\"Кит\\\": №1 # лучшие\"\ncontacts:\n  - id: kitov\n    name: Кит Китов\n",
    );
}

#[test]
fn new_client_refuses_to_overwrite() {
    let book = book();
    refuses(
        &book,
        &[
            "new",
            "client",
            "romashka",
            "--name",
            "X",
            "--contact",
            "a=B",
        ],
        &["clients/romashka/client.yaml already exists"],
    );
    book.write("clients/vasilek/client.yml", CLIENT);
    refuses(
        &book,
        &[
            "new",
            "client",
            "vasilek",
            "--name",
            "X",
            "--contact",
            "a=B",
        ],
        &["clients/vasilek/client.yml already exists"],
    );
}

#[test]
fn new_client_refuses_dangling_references_and_bad_ids() {
    let book = book();
    refuses(
        &book,
        &[
            "new",
            "client",
            "lyutik",
            "--name",
            "X",
            "--contact",
            "a=B",
            "--manager",
            "petrof",
        ],
        &["no team member `petrof`", "did you mean `petrov`?"],
    );
    refuses(
        &book,
        &[
            "new",
            "client",
            "lyutik",
            "--name",
            "X",
            "--contact",
            "a=B",
            "--curator",
            "sidorof",
        ],
        &["no curator `sidorof`", "did you mean `sidorov`?"],
    );
    refuses(
        &book,
        &["new", "client", "Лютик", "--name", "X", "--contact", "a=B"],
        &["not a valid client ID"],
    );
    refuses(
        &book,
        &[
            "new",
            "client",
            "lyutik",
            "--name",
            "X",
            "--contact",
            "Анна=Анна",
        ],
        &["not a valid contact ID"],
    );
    refuses(
        &book,
        &[
            "new",
            "client",
            "lyutik",
            "--name",
            "X",
            "--contact",
            "anna",
        ],
        &["is not ID=NAME"],
    );
    refuses(
        &book,
        &["new", "client", "lyutik", "--name", " ", "--contact", "a=B"],
        &["--name", "must not be empty"],
    );
}

// --- contract -------------------------------------------------------------------

#[test]
fn new_contract_keeps_its_number_as_text() {
    let book = book();
    creates(
        &book,
        &[
            "new",
            "contract",
            "romashka",
            "2027-001",
            "--number",
            "007",
            "--start",
            "2027-01-01",
            "--end",
            "2027-12-31",
            "--title",
            "Дизайн: поддержка",
        ],
        "clients/romashka/contracts/2027-001.yaml",
        "number: \"007\"\ntitle: \"Дизайн: поддержка\"\nstart: 2027-01-01\nend: 2027-12-31\n",
    );
}

#[test]
fn new_contract_refusals() {
    let book = book();
    let args = |client: &'static str, id: &'static str, end: &'static str| {
        vec![
            "new",
            "contract",
            client,
            id,
            "--number",
            "1/2027",
            "--start",
            "2027-01-01",
            "--end",
            end,
        ]
    };
    refuses(
        &book,
        &args("romashka", "2026-017", "2027-12-31"),
        &["2026-017.yaml already exists"],
    );
    refuses(
        &book,
        &args("romashko", "2027-001", "2027-12-31"),
        &["no client `romashko`", "did you mean `romashka`?"],
    );
    refuses(
        &book,
        &args("romashka", "2027/001", "2027-12-31"),
        &["not a valid contract ID"],
    );
    refuses(
        &book,
        &args("romashka", "2027-001", "2026-12-31"),
        &["before it starts", "E07"],
    );
    refuses(
        &book,
        &args("romashka", "2027-001", "2027-02-30"),
        &["not a real date"],
    );
}

// --- project --------------------------------------------------------------------

#[test]
fn new_project() {
    let book = book();
    creates(
        &book,
        &[
            "new",
            "project",
            "romashka",
            "sait",
            "--title",
            "Сайт",
            "--contract",
            "2026-017",
        ],
        "clients/romashka/projects/sait.yaml",
        "title: Сайт\ncontract: 2026-017\n",
    );
    refuses(
        &book,
        &["new", "project", "romashka", "sait", "--title", "Другой"],
        &["projects/sait.yaml already exists"],
    );
    book.write("clients/romashka/projects/logo.yml", "title: Лого\n");
    refuses(
        &book,
        &["new", "project", "romashka", "logo", "--title", "Лого"],
        &["projects/logo.yml already exists"],
    );
    refuses(
        &book,
        &[
            "new",
            "project",
            "romashka",
            "kv",
            "--title",
            "КВ",
            "--contract",
            "2026-71",
        ],
        &[
            "no contract `2026-71` in client `romashka`",
            "did you mean `2026-017`?",
        ],
    );
    refuses(
        &book,
        &["new", "project", "romashka", "Key Visual", "--title", "КВ"],
        &["not a valid project ID", "key-visual"],
    );
}

// --- meeting --------------------------------------------------------------------

#[test]
fn new_meeting() {
    let book = book();
    creates(
        &book,
        &[
            "new",
            "meeting",
            "romashka",
            "--at",
            "2026-11-20T15:00",
            "--format",
            "in_person",
            "--with",
            "smirnov,ivanova",
            "--agency",
            "petrov",
            "--project",
            "upakovka",
            "--place",
            "Офис: 3 этаж",
        ],
        "clients/romashka/meetings/2026-11-20-in-person.yaml",
        "at: 2026-11-20T15:00\nformat: in_person\nplace: \"Офис: 3 этаж\"\nproject: upakovka\nattendees:\n  client: [smirnov, ivanova]\n  agency: [petrov]\n",
    );
    creates(
        &book,
        &[
            "new",
            "meeting",
            "romashka",
            "--at",
            "2026-11-20 17:30",
            "--format",
            "call",
            "--slug",
            "sozvon",
        ],
        "clients/romashka/meetings/2026-11-20-sozvon.yaml",
        "at: 2026-11-20T17:30\nformat: call\n",
    );
}

#[test]
fn new_meeting_refusals() {
    let book = book();
    book.write(
        "clients/romashka/meetings/2026-11-20-video.yaml",
        "at: 2026-11-20T10:00\nformat: video\n",
    );
    let run = refuses(
        &book,
        &[
            "new",
            "meeting",
            "romashka",
            "--at",
            "2026-11-20T15:00",
            "--format",
            "video",
        ],
        &["meetings/2026-11-20-video.yaml already exists", "--slug"],
    );
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
    refuses(
        &book,
        &[
            "new",
            "meeting",
            "romashka",
            "--at",
            "2026-11-21T15:00",
            "--format",
            "video2",
        ],
        &[
            "invalid --format: `video2` is not one of `in_person`, `video`, `call` (E02)",
            "did you mean `video`?",
        ],
    );
    refuses(
        &book,
        &[
            "new",
            "meeting",
            "romashka",
            "--at",
            "2026-11-21T15:00",
            "--format",
            "call",
            "--with",
            "smirnof",
        ],
        &[
            "no contact `smirnof` in client `romashka`",
            "did you mean `smirnov`?",
        ],
    );
    refuses(
        &book,
        &[
            "new",
            "meeting",
            "romashka",
            "--at",
            "2026-11-21T15:00",
            "--format",
            "call",
            "--agency",
            "petrof",
        ],
        &["no team member `petrof`", "did you mean `petrov`?"],
    );
    refuses(
        &book,
        &[
            "new",
            "meeting",
            "romashka",
            "--at",
            "2026-11-21T15:00",
            "--format",
            "call",
            "--project",
            "upakovk",
        ],
        &["no project `upakovk`", "did you mean `upakovka`?"],
    );
    refuses(
        &book,
        &[
            "new",
            "meeting",
            "romashka",
            "--at",
            "2026-11-21T15:00",
            "--format",
            "call",
            "--slug",
            "Созвон",
        ],
        &["--slug", "not a valid"],
    );
    refuses(
        &book,
        &[
            "new",
            "meeting",
            "romashka",
            "--at",
            "21.11.2026 15:00",
            "--format",
            "call",
        ],
        &["invalid --at", "YYYY-MM-DDTHH:MM"],
    );
    refuses(
        &book,
        &[
            "new",
            "meeting",
            "nobody",
            "--at",
            "2026-11-21T15:00",
            "--format",
            "call",
        ],
        &["no client `nobody`"],
    );
}

// --- log ------------------------------------------------------------------------

#[test]
fn new_log() {
    let book = book();
    creates(
        &book,
        &[
            "new",
            "log",
            "romashka",
            "--at",
            "2026-11-21T10:05",
            "--channel",
            "email",
            "--direction",
            "in",
            "--contact",
            "smirnov",
            "--subject",
            "Re: смета #2",
        ],
        "clients/romashka/log/2026-11-21-email.yaml",
        "at: 2026-11-21T10:05\nchannel: email\ndirection: in\ncontact: smirnov\nsubject: \"Re: смета #2\"\n",
    );
    refuses(
        &book,
        &[
            "new",
            "log",
            "romashka",
            "--at",
            "2026-11-21T12:00",
            "--channel",
            "email",
            "--direction",
            "out",
        ],
        &["log/2026-11-21-email.yaml already exists", "--slug"],
    );
    refuses(
        &book,
        &[
            "new",
            "log",
            "romashka",
            "--at",
            "2026-11-21T12:00",
            "--channel",
            "emial",
            "--direction",
            "out",
        ],
        &["invalid --channel", "(E02)", "did you mean `email`?"],
    );
    refuses(
        &book,
        &[
            "new",
            "log",
            "romashka",
            "--at",
            "2026-11-21T12:00",
            "--channel",
            "call",
            "--direction",
            "inbound",
        ],
        &["invalid --direction", "`inbound` is not one of `in`, `out`"],
    );
    refuses(
        &book,
        &[
            "new",
            "log",
            "romashka",
            "--at",
            "2026-11-21T12:00",
            "--channel",
            "call",
            "--direction",
            "in",
            "--contact",
            "ivanov",
        ],
        &["no contact `ivanov`", "did you mean `ivanova`?"],
    );
    refuses(
        &book,
        &[
            "new",
            "log",
            "romashka",
            "--at",
            "2026-11-21T12:00",
            "--channel",
            "call",
            "--direction",
            "in",
            "--slug=-zvonok",
        ],
        &["--slug", "not a valid"],
    );
    refuses(
        &book,
        &[
            "new",
            "log",
            "romashka",
            "--at",
            "2026-11-21T12:00",
            "--channel",
            "call",
            "--direction",
            "in",
            "--slug",
            "Звонок",
        ],
        &["--slug", "not a valid"],
    );
}

// --- invoice --------------------------------------------------------------------

#[test]
fn new_invoice() {
    let book = book();
    creates(
        &book,
        &[
            "new",
            "invoice",
            "romashka",
            "--number",
            "2026-0001",
            "--date",
            "2026-11-22",
            "--line",
            "Дизайн упаковки;3;SKU;75000",
            "--line",
            "Аванс: 50 %;;;150000.50",
            "--contract",
            "2026-017",
            "--project",
            "upakovka",
        ],
        "clients/romashka/invoices/2026-0001.yaml",
        "number: \"2026-0001\"\ndate: 2026-11-22\ncontract: 2026-017\nproject: upakovka\nlines:\n  - item: Дизайн упаковки\n    qty: 3\n    unit: SKU\n    price: 75000\n  - item: \"Аванс: 50 %\"\n    price: 150000.50\n",
    );
}

#[test]
fn new_invoice_refusals() {
    let book = book();
    book.write(
        "clients/romashka/invoices/2026-0001.yaml",
        "number: \"2026-0001\"\ndate: 2026-11-02\nlines: [{item: a, price: 1}]\n",
    );
    let line = "Дизайн;1;шт;1000";
    refuses(
        &book,
        &[
            "new",
            "invoice",
            "romashka",
            "--number",
            "2026-0001",
            "--date",
            "2026-11-22",
            "--line",
            line,
        ],
        &["invoices/2026-0001.yaml already exists"],
    );
    refuses(
        &book,
        &[
            "new",
            "invoice",
            "romashka",
            "--number",
            "17/2026",
            "--date",
            "2026-11-22",
            "--line",
            line,
        ],
        &["`17/2026` cannot name the file", "hint:", "{year}-{seq:04}"],
    );
    refuses(
        &book,
        &[
            "new",
            "invoice",
            "romashka",
            "--number",
            "2026-0002",
            "--date",
            "2026-11-22",
            "--line",
            "Дизайн;1;шт;1 000,50",
        ],
        &[
            "invalid --line 1",
            "a sum of money",
            "found `1 000,50` (E02)",
        ],
    );
    refuses(
        &book,
        &[
            "new",
            "invoice",
            "romashka",
            "--number",
            "2026-0002",
            "--date",
            "2026-11-22",
            "--line",
            "Дизайн;1000",
        ],
        &["is not ITEM;QTY;UNIT;PRICE"],
    );
    refuses(
        &book,
        &[
            "new",
            "invoice",
            "romashka",
            "--number",
            "2026-0002",
            "--date",
            "2026-11-22",
            "--line",
            line,
            "--contract",
            "2026-18",
        ],
        &["no contract `2026-18`"],
    );
    refuses(
        &book,
        &[
            "new",
            "invoice",
            "romashka",
            "--number",
            "2026-0002",
            "--date",
            "2026-11-22",
            "--line",
            line,
            "--project",
            "upakovk",
        ],
        &["no project `upakovk`", "did you mean `upakovka`?"],
    );
    // The printed number is unique in the book per year, across clients.
    book.write(
        "clients/lyutik/client.yaml",
        "name: Лютик\ncontacts: [{id: a, name: A}]\n",
    );
    refuses(
        &book,
        &[
            "new",
            "invoice",
            "lyutik",
            "--number",
            "2026-0001",
            "--date",
            "2026-12-01",
            "--line",
            line,
        ],
        &["is taken by clients/romashka/invoices/2026-0001.yaml"],
    );
}

// --- contractor -----------------------------------------------------------------

#[test]
fn new_contractor() {
    let book = book();
    creates(
        &book,
        &[
            "new",
            "contractor",
            "foto-lab",
            "--name",
            "Фотолаборатория «Кадр»",
            "--preferred-channel",
            "phone",
            "--phone",
            "+7 916 000-00-00",
        ],
        "contractors/foto-lab.yaml",
        "name: Фотолаборатория «Кадр»\npreferred_channel: phone\nphone: \"+7 916 000-00-00\"\n",
    );
    refuses(
        &book,
        &["new", "contractor", "foto-lab", "--name", "Другой"],
        &["contractors/foto-lab.yaml already exists"],
    );
    refuses(
        &book,
        &[
            "new",
            "contractor",
            "tipografiya",
            "--name",
            "Т",
            "--preferred-channel",
            "mail",
        ],
        &[
            "invalid --preferred-channel",
            "(E02)",
            "did you mean `email`?",
        ],
    );
    refuses(
        &book,
        &["new", "contractor", "Tipografiya", "--name", "Т"],
        &["not a valid contractor ID", "tipografiya"],
    );
}

#[test]
fn new_needs_a_book() {
    let tmp = TempBook::empty();
    let run = common::rapport_in(
        tmp.path(),
        &[
            "new",
            "contractor",
            "x",
            "--name",
            "X",
            "--book",
            tmp.path().to_str().expect("utf-8"),
        ],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("rapport init"), "{}", run.stderr);
}

#[test]
fn two_new_invoices_with_one_number_at_once_one_is_refused() {
    // Two clients, one number, started together, twenty times: the invoice lock makes
    // the check and the creation one step, so exactly one of each pair is created.
    let book = book();
    book.write(
        "clients/vasilek/client.yaml",
        "name: Василёк\ncontacts: [{id: petrova, name: Ольга Петрова}]\n",
    );
    for round in 0..20 {
        let number = format!("2026-{:04}", 100 + round);
        let children: Vec<_> = ["romashka", "vasilek"]
            .map(|client| {
                common::command(book.path())
                    .args(["new", "invoice", client, "--number", &number])
                    .args(["--date", "2026-11-22", "--line", "Дизайн;1;шт;1000"])
                    .arg("--book")
                    .arg(book.path())
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("start")
            })
            .into_iter()
            .collect();
        let outcomes: Vec<(bool, String)> = children
            .into_iter()
            .map(|c| {
                let out = c.wait_with_output().expect("run");
                (
                    out.status.success(),
                    String::from_utf8_lossy(&out.stderr).into_owned(),
                )
            })
            .collect();
        let created = outcomes.iter().filter(|(ok, _)| *ok).count();
        assert_eq!(created, 1, "round {round}: {outcomes:?}");
        let refused = outcomes.iter().find(|(ok, _)| !ok).expect("one refused");
        assert!(refused.1.contains("is taken by"), "{}", refused.1);
    }
}
