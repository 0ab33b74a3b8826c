//! `rapport act new|render|signed` and `rapport acts` through the real binary, on a
//! copy of the example book: numbering (also under concurrency), every refusal, the
//! document read back by independent readers (pypdf for the PDF, Python's
//! html.parser for the HTML), the signed edit byte for byte, and the E-codes of act
//! files.

mod checkers;
mod common;

use std::fs;
use std::process::Stdio;

use common::{TempBook, command, example_book};

const TODAY: &str = "2026-11-27";

fn example_copy() -> TempBook {
    TempBook::copy_of(&example_book())
}

fn run(book: &TempBook, args: &[&str]) -> common::Run {
    let mut all = vec!["--today", TODAY];
    all.extend_from_slice(args);
    book.run(&all)
}

/// Every act file of the book, sorted.
fn act_files(book: &TempBook) -> Vec<String> {
    let mut out = Vec::new();
    for client in fs::read_dir(book.path().join("clients")).expect("clients") {
        let dir = client.expect("entry").path().join("acts");
        if let Ok(entries) = fs::read_dir(&dir) {
            for e in entries {
                out.push(e.expect("entry").path().display().to_string());
            }
        }
    }
    out.sort();
    out
}

/// The codes the audit reports on `file`.
fn codes_on(book: &TempBook, file: &str) -> Vec<String> {
    let doc = run(book, &["audit", "--format", "json"]).json();
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["file"] == file)
        .map(|f| f["code"].as_str().expect("code").to_owned())
        .collect()
}

#[test]
fn act_new_closes_an_invoice_with_the_next_number_of_its_own_sequence() {
    let book = example_copy();
    let r = run(
        &book,
        &["act", "new", "stroymaster", "--invoice", "2026-0008"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "created clients/stroymaster/acts/2026-0006.yaml\n"
    );
    assert_eq!(
        r.stderr,
        "акт № 2026-0006 от 27.11.2026 на 305\u{a0}000,00\u{a0}₽\n"
    );
    // The contract is the invoice's, so it is not repeated; the project is named.
    assert_eq!(
        book.read("clients/stroymaster/acts/2026-0006.yaml"),
        "number: \"2026-0006\"\ndate: 2026-11-27\nproject: stend-stroyexpo-2027\n\
         invoices: [2026-0008]\n"
    );
    // The act's figures are the invoice's: net prices, VAT added on top.
    let md = run(
        &book,
        &["act", "render", "stroymaster/2026-0006", "--format", "md"],
    );
    assert_eq!(md.code, 0, "{}", md.stderr);
    for want in [
        "**Итого: 250 000,00**  \n**НДС 22 %: 55 000,00**  \n**Всего: 305 000,00**",
        "**Триста пять тысяч рублей 00 копеек**",
    ] {
        assert!(md.stdout.contains(want), "{want} in\n{}", md.stdout);
    }
    // The same invoice again: refused, nothing written.
    let before = act_files(&book);
    let again = run(
        &book,
        &["act", "new", "stroymaster", "--invoice", "2026-0008"],
    );
    assert_eq!(again.code, 2);
    assert_eq!(
        again.stderr,
        "error: invalid --invoice: invoice 2026-0008 is closed already by act 2026-0006 \
         (clients/stroymaster/acts/2026-0006.yaml)\n"
    );
    assert_eq!(act_files(&book), before);
    // With lines of its own and a project, a year later: the sequence starts again.
    let r = run(
        &book,
        &[
            "act",
            "new",
            "lesnaya-polyana",
            "--project",
            "upakovka-syr-2027",
            "--line",
            "Дизайн упаковки: «Сыр»;3;SKU;75000",
            "--date",
            "2027-01-15",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        book.read("clients/lesnaya-polyana/acts/2027-0001.yaml"),
        "number: \"2027-0001\"\ndate: 2027-01-15\ncontract: 2026-011\nproject: \
         upakovka-syr-2027\nlines:\n  - item: \"Дизайн упаковки: «Сыр»\"\n    qty: 3\n    \
         unit: SKU\n    price: 75000.00\n"
            .replace("contract: 2026-011\n", &contract_line(&book))
    );
}

/// The `contract:` line `act new` writes for lesnaya-polyana's upakovka-syr-2027 (the
/// project's contract, if it has one).
fn contract_line(book: &TempBook) -> String {
    let project = book.read("clients/lesnaya-polyana/projects/upakovka-syr-2027.yaml");
    project
        .lines()
        .find_map(|l| l.strip_prefix("contract: "))
        .map(|c| format!("contract: {}\n", c.split('#').next().unwrap_or(c).trim()))
        .unwrap_or_default()
}

#[test]
fn act_new_with_a_project_alone_closes_its_open_invoices() {
    let book = example_copy();
    let r = run(
        &book,
        &["act", "new", "mebel-uyut", "--project", "katalog-2025"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = book.read("clients/mebel-uyut/acts/2026-0006.yaml");
    assert!(
        text.contains("project: katalog-2025\ninvoices: [2025-0001, 2025-0005]\n"),
        "{text}"
    );
}

#[test]
fn act_new_refuses_bad_flags_and_writes_nothing() {
    let book = example_copy();
    let before = act_files(&book);
    let cases: &[(&[&str], &str)] = &[
        (&["nobody", "--invoice", "1"], "no client `nobody`"),
        (
            &["stroymaster", "--invoice", "2026-0009"],
            "no invoice `2026-0009` in client `stroymaster`",
        ),
        (
            &["gorod-fitness", "--invoice", "2026-0003"],
            "invoice 2026-0003 is cancelled",
        ),
        (
            &[
                "stroymaster",
                "--invoice",
                "2026-0008",
                "--invoice",
                "2026-0008",
            ],
            "given twice",
        ),
        (
            &["stroymaster", "--line", "Аванс;150000"],
            "is not ITEM;QTY;UNIT;PRICE",
        ),
        (&["stroymaster", "--line", "Аванс;0;;100"], "more than zero"),
        (&["stroymaster", "--line", "Аванс;;;0"], "would total 0.00"),
        (&["stroymaster", "--project", "nope"], "no project `nope`"),
        (
            &["stroymaster", "--line", "a;;;1", "--contract", "nope"],
            "no contract `nope`",
        ),
        (
            &["lesnaya-polyana", "--project", "upakovka-syr-2027"],
            "has no issued invoice that an act does not close already",
        ),
        (
            &["stroymaster"],
            "the following required arguments were not provided",
        ),
    ];
    for (args, want) in cases {
        let mut all = vec!["act", "new"];
        all.extend_from_slice(args);
        let r = run(&book, &all);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(want), "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}");
    }
    // A pattern that cannot number acts.
    let settings = book.read("rapport.yaml");
    book.write(
        "rapport.yaml",
        &settings.replace(
            "  number: \"{year}-{seq:04}\"\n  since",
            "  number: \"{year}\"\n  since",
        ),
    );
    let r = run(
        &book,
        &["act", "new", "stroymaster", "--invoice", "2026-0008"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("act.number `{year}` cannot number acts"),
        "{}",
        r.stderr
    );
    assert_eq!(act_files(&book), before, "nothing written");
}

/// Starts `rapport act new` for `client` with one line told apart by `i`.
fn spawn_act_new(book: &TempBook, client: &str, i: usize) -> std::process::Child {
    let path = book.path().to_str().expect("utf-8").to_owned();
    command(book.path())
        .args([
            "act",
            "new",
            client,
            "--line",
            &format!("Работа {i};1;усл.;{}", 1000 + i),
            "--date",
            TODAY,
            "--today",
            TODAY,
            "--book",
            &path,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn rapport")
}

/// Many `act new` at once on one book: every one succeeds, the numbers are distinct
/// and consecutive, and every file is whole.
#[test]
fn concurrent_act_new_never_shares_a_number() {
    const N: usize = 12;
    let book = example_copy();
    let children: Vec<_> = (0..N)
        .map(|i| {
            spawn_act_new(
                &book,
                if i % 2 == 0 {
                    "stroymaster"
                } else {
                    "vkusnoteka"
                },
                i,
            )
        })
        .collect();
    let mut numbers: Vec<String> = children
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().expect("wait");
            let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let file = stdout
                .trim()
                .strip_prefix("created ")
                .expect("created FILE");
            let text = book.read(file);
            assert!(
                text.ends_with(".00\n") && text.contains("\nlines:\n"),
                "torn: {text}"
            );
            text.lines()
                .next()
                .and_then(|l| l.strip_prefix("number: "))
                .expect("number line")
                .trim_matches('"')
                .to_owned()
        })
        .collect();
    numbers.sort();
    let expected: Vec<String> = (6..6 + N).map(|n| format!("2026-{n:04}")).collect();
    assert_eq!(numbers, expected);
    let audit = run(&book, &["audit", "--format", "json"]).json();
    let broken: Vec<_> = audit["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"].as_str().unwrap_or_default().starts_with('E'))
        .collect();
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn signed_sets_only_its_lines_and_the_findings_go() {
    let book = example_copy();
    let d14 = "clients/trudnyi-klient/acts/2026-0005.yaml";
    let d15 = "clients/trudnyi-klient/acts/2026-0003.yaml";
    assert!(codes_on(&book, d14).contains(&"D14".to_owned()));
    assert!(codes_on(&book, d15).contains(&"D15".to_owned()));
    let before = book.read(d14);
    let r = run(
        &book,
        &[
            "act",
            "signed",
            "trudnyi-klient/2026-0005",
            "--date",
            "2026-11-26",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        format!("{d14}: act 2026-0005 signed copy received on 2026-11-26\n")
    );
    assert_eq!(book.read(d14), format!("{before}signed: 2026-11-26\n"));
    let before = book.read(d15);
    let r = run(&book, &["act", "signed", d15, "--originals"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(book.read(d15), format!("{before}originals: {TODAY}\n"));
    assert!(!codes_on(&book, d14).contains(&"D14".to_owned()));
    assert!(!codes_on(&book, d15).contains(&"D15".to_owned()));
    // Originals first: the signed copy is recorded with them.
    let f = "clients/stroymaster/acts/2026-0001.yaml";
    let before = book.read(f).replace(
        "signed: 2026-03-05           # скан подписанного акта от Захарова\n",
        "",
    );
    book.write(f, &before);
    let r = run(
        &book,
        &[
            "act",
            "signed",
            "stroymaster/2026-0001",
            "--originals",
            "--date",
            "2026-03-10",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        book.read(f),
        format!("{before}signed: 2026-03-10\noriginals: 2026-03-10\n")
    );
}

#[test]
fn signed_refuses_and_leaves_the_file_as_it_was() {
    let book = example_copy();
    let cases: &[(&[&str], &str)] = &[
        (
            &["gorod-fitness/2026-0002"],
            "its signed copy is recorded already, on 2026-07-03",
        ),
        (
            &["trudnyi-klient/2026-0005", "--date", "2026-11-28"],
            "after today",
        ),
        (
            &["trudnyi-klient/2026-0005", "--date", "2026-10-01"],
            "before the act's date",
        ),
        (
            &["trudnyi-klient/2026-0004"],
            "did you mean `trudnyi-klient/2026-0005`?",
        ),
        (&["mebel-uyut/2026-0001"], "mebel-uyut has no acts yet"),
        (&["trudnyi-klient"], "does not name an act"),
        (
            &["clients/trudnyi-klient/invoices/2026-0009.yaml"],
            "is not an act file",
        ),
    ];
    let files: Vec<(String, String)> = act_files(&book)
        .into_iter()
        .map(|f| {
            let text = fs::read_to_string(&f).expect("read");
            (f, text)
        })
        .collect();
    for (args, want) in cases {
        let mut all = vec!["act", "signed"];
        all.extend_from_slice(args);
        let r = run(&book, &all);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(want), "{args:?}: {}", r.stderr);
    }
    for (f, text) in files {
        assert_eq!(fs::read_to_string(&f).expect("read"), text, "{f} untouched");
    }
}

#[test]
fn the_markdown_act_has_every_part_russian_practice_asks_for() {
    let book = example_copy();
    let r = run(
        &book,
        &[
            "act",
            "render",
            "lesnaya-polyana/2026-0004",
            "--format",
            "md",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    for want in [
        "# Акт сдачи-приёмки оказанных услуг № 2026-0004 от 30 октября 2026 г.\n",
        "**Исполнитель:** Общество с ограниченной ответственностью «Белый кит», ИНН \
         7707526016, КПП 770701001, 127006, г. Москва",
        "**Заказчик:** Общество с ограниченной ответственностью «Молочный комбинат «Лесная \
         поляна», ИНН 3310830166, КПП 331001001, 601270",
        "**Основание:** Договор № 11/2026 от 14 сентября 2026 г.  \n",
        "| № | Наименование работ, услуг | Кол-во | Ед. | Цена | Сумма |",
        "| 2 | Фотосъёмка линейки «Лесное» | 2 | смена | 65 000,00 | 130 000,00 |",
        "**Итого: 450 000,00**  \n**В том числе НДС 22 %: 81 147,54**  \n**Всего: 450 000,00**",
        "Всего оказано услуг 2, на сумму 450 000,00 руб.",
        "**Четыреста пятьдесят тысяч рублей 00 копеек**",
        "Вышеперечисленные услуги выполнены полностью и в срок. Заказчик претензий по объёму, \
         качеству и срокам оказания услуг не имеет.",
        "Исполнитель: Генеральный директор ____________________ Волков С. А.  \n\
         Заказчик: Директор по маркетингу ____________________ Елена Смирнова  \n",
    ] {
        assert!(r.stdout.contains(want), "{want:?} in\n{}", r.stdout);
    }
    // In English for `locale: en`.
    let settings = book.read("rapport.yaml");
    book.write(
        "rapport.yaml",
        &settings.replace("locale: ru", "locale: en"),
    );
    let r = run(
        &book,
        &[
            "act",
            "render",
            "lesnaya-polyana/2026-0004",
            "--format",
            "md",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    for want in [
        "# Act of services rendered No. 2026-0004 of 30 October 2026\n",
        "**Contractor:** ",
        "**Customer:** ",
        "**Including VAT 22%: 81,147.54**",
        "Total 2 services, amounting to",
        "The services above were rendered in full and on time. The Customer has no claims",
        "Contractor: Генеральный директор ____________________ Волков С. А.",
    ] {
        assert!(r.stdout.contains(want), "{want:?} in\n{}", r.stdout);
    }
}

/// What Python's html.parser makes of an HTML page: the h1, every table cell's text
/// (rows joined by " | "), and the tags left open.
const HTML_READER: &str = r#"
import sys, json
from html.parser import HTMLParser
VOID = {"meta", "hr", "br", "img", "link", "col"}
class R(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.h1, self.rows, self.row, self.cell = [], "", [], None, None
    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "tr":
            self.row = []
        if tag in ("td", "th"):
            self.cell = ""
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            raise SystemExit("misnested </%s> in %r" % (tag, self.stack))
        self.stack.pop()
        if tag in ("td", "th"):
            self.row.append(self.cell.strip()); self.cell = None
        if tag == "tr":
            self.rows.append(" | ".join(self.row)); self.row = None
    def handle_data(self, data):
        if self.stack and self.stack[-1] == "h1":
            self.h1 += data
        if self.cell is not None:
            self.cell += data
r = R()
r.feed(sys.stdin.read())
r.close()
print(json.dumps({"h1": r.h1, "rows": r.rows, "open": r.stack}, ensure_ascii=False))
"#;

#[test]
fn the_html_act_reads_back_through_an_html_parser() {
    let book = example_copy();
    let r = run(
        &book,
        &[
            "act",
            "render",
            "trudnyi-klient/2026-0005",
            "--format",
            "html",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut child = checkers::checkers()
        .python()
        .args(["-X", "utf8", "-c", HTML_READER])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python runs");
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(r.stdout.as_bytes())
            .expect("write html");
    }
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        doc["h1"],
        "Акт сдачи-приёмки оказанных услуг № 2026-0005 от 30 октября 2026 г."
    );
    assert_eq!(doc["open"], serde_json::json!([]), "every tag closed");
    let rows: Vec<&str> = doc["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r.as_str().expect("row"))
        .collect();
    for want in [
        "№ | Наименование работ, услуг | Кол-во | Ед. | Цена | Сумма",
        "1 | Рекламное сопровождение открытия салона, октябрь 2026 | 1 | усл. | \
         150\u{a0}000,00 | 150\u{a0}000,00",
        "Итого: | 150\u{a0}000,00",
        "В том числе НДС 22\u{a0}%: | 27\u{a0}049,18",
        "Всего: | 150\u{a0}000,00",
        "Исполнитель: Генеральный директор |  | Волков С. А.",
        "Заказчик: Генеральный директор |  | Олег Кравцов",
    ] {
        assert!(rows.contains(&want), "{want:?} in {rows:#?}");
    }
}

#[cfg(feature = "pdf")]
#[test]
fn the_pdf_act_reads_back_through_pypdf() {
    let book = example_copy();
    let pdf = book.path().join("akt.pdf");
    let r = run(
        &book,
        &[
            "act",
            "render",
            "gorod-fitness/2026-0002",
            "--out",
            pdf.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = checkers::pdf_text(&pdf);
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for want in [
        "Актсдачи-приёмкиоказанныхуслуг№2026-0002от30июня2026г.",
        "ИНН7707526016",
        "SMM-сопровождение,январь–июнь2026",
        "Всего:900000,00",
        "ВтомчислеНДС22%:162295,08",
        "Девятьсоттысячрублей00копеек",
        "Заказчикпретензийпообъёму,качествуисрокамоказанияуслугнеимеет.",
        "ВолковС.А.",
        "Исполнитель",
        "Заказчик",
    ] {
        assert!(flat.contains(want), "missing {want:?} in\n{text}");
    }
    // --out never overwrites.
    let bytes = fs::read(&pdf).expect("pdf");
    let again = run(
        &book,
        &[
            "act",
            "render",
            "gorod-fitness/2026-0002",
            "--out",
            pdf.to_str().expect("utf-8"),
        ],
    );
    assert_ne!(again.code, 0);
    assert_eq!(fs::read(&pdf).expect("pdf"), bytes);
}

#[test]
fn acts_lists_every_act_with_its_standing() {
    let book = example_copy();
    let doc = run(&book, &["acts", "--format", "json"]).json();
    assert_eq!(doc["version"], 1);
    let rows: Vec<(String, String, String, String)> = doc["acts"]
        .as_array()
        .expect("acts")
        .iter()
        .map(|a| {
            (
                a["client"].as_str().expect("client").to_owned(),
                a["number"].as_str().expect("number").to_owned(),
                a["total"].as_str().expect("total").to_owned(),
                a["standing"].as_str().expect("standing").to_owned(),
            )
        })
        .collect();
    let s = |a: &str, b: &str, c: &str, d: &str| (a.into(), b.into(), c.into(), d.into());
    assert_eq!(
        rows,
        vec![
            s("stroymaster", "2026-0001", "300000.00", "signed"),
            s("gorod-fitness", "2026-0002", "900000.00", "signed"),
            s(
                "trudnyi-klient",
                "2026-0003",
                "150000.00",
                "awaiting_originals"
            ),
            s(
                "lesnaya-polyana",
                "2026-0004",
                "450000.00",
                "awaiting_originals"
            ),
            s(
                "trudnyi-klient",
                "2026-0005",
                "150000.00",
                "awaiting_signature"
            ),
        ]
    );
    let table = run(&book, &["acts", "--client", "trudnyi-klient"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(
        table.stdout.contains("sent 2026-11-02, not signed"),
        "{}",
        table.stdout
    );
    assert!(!table.stdout.contains("СтройМастер"), "{}", table.stdout);
}

#[test]
fn act_files_with_wrong_references_or_dates_are_e_codes() {
    let book = example_copy();
    let f = "clients/stroymaster/acts/2026-0099.yaml";
    book.write(
        f,
        "number: \"2026-0099\"\ndate: 2026-11-20\ncontract: nope\nproject: katalog\n\
         invoices: [2026-0007]\nsent: 2026-11-19\nsigned: 2026-11-25\noriginals: 2026-11-24\n",
    );
    let doc = run(&book, &["audit", "--format", "json"]).json();
    let mine: Vec<(String, i64, String)> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|x| x["file"] == f)
        .map(|x| {
            (
                x["code"].as_str().expect("code").to_owned(),
                x["line"].as_i64().expect("line"),
                x["message"].as_str().expect("message").to_owned(),
            )
        })
        .collect();
    let codes: Vec<(&str, i64)> = mine.iter().map(|(c, l, _)| (c.as_str(), *l)).collect();
    assert_eq!(
        codes,
        [("E04", 3), ("E04", 4), ("E04", 5), ("E07", 6), ("E07", 8)],
        "{mine:#?}"
    );
    assert!(
        mine[2]
            .2
            .contains("no invoice `2026-0007` in client `stroymaster`"),
        "{mine:#?}"
    );
    assert!(
        mine[3]
            .2
            .contains("sent on 2026-11-19, before its date 2026-11-20"),
        "{mine:#?}"
    );
    // An act that bills nothing.
    book.write(f, "number: \"2026-0099\"\ndate: 2026-11-20\n");
    let doc = run(&book, &["audit", "--format", "json"]).json();
    let e02: Vec<_> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|x| x["file"] == f && x["code"] == "E02")
        .collect();
    assert_eq!(e02.len(), 1, "{e02:#?}");
    assert!(
        e02[0]["message"]
            .as_str()
            .expect("message")
            .contains("bills nothing"),
        "{e02:#?}"
    );
    // Rendering it says why, and so does naming a file that does not read.
    let r = run(
        &book,
        &["act", "render", "stroymaster/2026-0099", "--format", "md"],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("it has no lines"), "{}", r.stderr);
    book.write(f, "number: [\n");
    let r = run(
        &book,
        &["act", "render", "stroymaster/2026-0099", "--format", "md"],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("could not be read"), "{}", r.stderr);
}
