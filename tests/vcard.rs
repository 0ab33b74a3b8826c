//! `rapport export vcard` and `rapport import vcard`: the export read back by an
//! independent parser (Python's `vobject`, from the tests' venv: tests/checkers) and
//! held to client.yaml as Python's YAML reads it; cards as Apple, Google and Outlook
//! export them (folded lines, quoted-printable 2.1, `TYPE=` parameters, photos)
//! imported; matches and conflicts never written; comments of client.yaml kept; and
//! export → import into an empty client → export gives the same bytes.

mod checkers;
mod common;

use std::fs;
use std::path::Path;

use common::{Run, TempBook, rapport_in};
use serde_json::{Value, json};

const TODAY: &str = "2026-11-27";

fn fixture(name: &str) -> String {
    common::fixture("vcard")
        .join(name)
        .to_str()
        .expect("utf-8")
        .to_owned()
}

fn run(book: &Path, args: &[&str]) -> Run {
    let mut all = vec!["--book", book.to_str().expect("utf-8"), "--today", TODAY];
    all.extend_from_slice(args);
    rapport_in(book, &all)
}

/// A book with one client whose client.yaml has comments around its contacts.
const CLIENT: &str = "\
# Клиент: Ромашка. Комментарии должны остаться.
name: Ромашка   # как зовём
contacts:
  # основной контакт
  - id: ivanova
    name: Мария Иванова
    email: m.ivanova@romashka.ru
    phone: +7 495 100-20-30   # рабочий
# после контактов
status: active
";

fn book() -> TempBook {
    let book = TempBook::new();
    book.write("clients/romashka/client.yaml", CLIENT);
    book
}

/// Python's vobject and yaml: every card of `vcf` beside every contact of `yaml_files`.
const READER: &str = r#"
import json, sys, vobject, yaml
cards = []
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    text = f.read()
for c in vobject.readComponents(text):
    get = lambda name: [x.value for x in c.contents.get(name, [])]
    cards.append({
        "version": get("version")[0],
        "fn": get("fn")[0],
        "title": (get("title") or [None])[0],
        "org": [(v if isinstance(v, str) else ";".join(v)) for v in get("org")],
        "email": get("email"),
        "tel": get("tel"),
        "bday": (get("bday") or [None])[0],
        "note": (get("note") or [None])[0],
        "uid": get("uid")[0],
    })
contacts = []
for path in sys.argv[2:]:
    client = yaml.safe_load(open(path, encoding="utf-8"))
    for p in client["contacts"]:
        contacts.append({
            "name": p["name"],
            "position": p.get("position"),
            "email": p.get("email"),
            "phone": p.get("phone"),
            "birthday": str(p["birthday"]) if "birthday" in p else None,
            "profile": p.get("profile"),
            "org": client["name"],
        })
print(json.dumps({"cards": cards, "contacts": contacts}, ensure_ascii=False))
"#;

fn read_back(vcf: &Path, yamls: &[&Path]) -> Value {
    let out = checkers::checkers()
        .python()
        .arg("-c")
        .arg(READER)
        .arg(vcf)
        .args(yamls)
        .output()
        .expect("the checkers' python runs");
    assert!(
        out.status.success(),
        "vobject could not read {}:\n{}",
        vcf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn the_export_reads_back_with_vobject_as_the_book_has_it() {
    let book = common::example_book();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut clients: Vec<_> = fs::read_dir(book.join("clients"))
        .expect("clients")
        .map(|e| e.expect("entry").path().join("client.yaml"))
        .collect();
    clients.sort();
    let yamls: Vec<&Path> = clients.iter().map(|p| p.as_path()).collect();
    for (version, expected) in [("4", "4.0"), ("3", "3.0")] {
        let out = dir.path().join(format!("book-{version}.vcf"));
        let r = run(
            &book,
            &[
                "export",
                "vcard",
                "--version",
                version,
                "--out",
                out.to_str().expect("utf-8"),
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let text = fs::read_to_string(&out).expect("written");
        assert!(
            text.split("\r\n").all(|l| l.len() <= 75),
            "folded at 75 octets"
        );
        assert!(text.ends_with("END:VCARD\r\n"));
        let back = read_back(&out, &yamls);
        let cards = back["cards"].as_array().expect("cards");
        let contacts = back["contacts"].as_array().expect("contacts");
        assert_eq!(cards.len(), contacts.len());
        assert!(cards.len() >= 10, "{}", cards.len());
        for (card, p) in cards.iter().zip(contacts) {
            assert_eq!(card["version"], expected);
            assert_eq!(card["fn"], p["name"]);
            assert_eq!(card["title"], p["position"]);
            assert_eq!(card["org"], json!([p["org"]]));
            let list = |v: &Value| if v.is_null() { json!([]) } else { json!([v]) };
            assert_eq!(card["email"], list(&p["email"]), "{}", p["name"]);
            assert_eq!(card["tel"], list(&p["phone"]), "{}", p["name"]);
            assert_eq!(card["note"], p["profile"], "{}", p["name"]);
            // Birthdays: 4.0 writes 19751110 or --0412; 3.0 1975-11-10, or Apple's
            // 1604-04-12 for a year-less one.
            let want = p["birthday"]
                .as_str()
                .map(|b| match (version, b.strip_prefix("--")) {
                    ("4", Some(md)) => format!("--{}", md.replace('-', "")),
                    ("4", None) => b.replace('-', ""),
                    (_, Some(md)) => format!("1604-{md}"),
                    (_, None) => b.to_owned(),
                });
            let bday = card["bday"].as_str().map(str::to_owned);
            assert_eq!(bday, want, "{}", p["name"]);
        }
    }
}

#[test]
fn export_import_export_gives_the_same_bytes() {
    let book = common::example_book();
    for version in ["4", "3"] {
        let first = run(
            &book,
            &[
                "export",
                "vcard",
                "--client",
                "trudnyi-klient",
                "--version",
                version,
            ],
        );
        assert_eq!(first.code, 0, "{}", first.stderr);
        let empty = TempBook::new();
        empty.write(
            "clients/trudnyi-klient/client.yaml",
            "name: Автоцентр «Магистраль»\ncontacts: []\n",
        );
        let vcf = empty.path().join("in.vcf");
        fs::write(&vcf, &first.stdout).expect("write");
        let r = run(
            empty.path(),
            &[
                "import",
                "vcard",
                vcf.to_str().expect("utf-8"),
                "--client",
                "trudnyi-klient",
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            r.stdout
                .contains(": 3 added, 0 already there, 0 in conflict, 0 skipped\n"),
            "{}",
            r.stdout
        );
        let again = run(
            empty.path(),
            &[
                "export",
                "vcard",
                "--client",
                "trudnyi-klient",
                "--version",
                version,
            ],
        );
        assert_eq!(again.stdout, first.stdout, "version {version}");
        // And the book reads: the audit has no E-code for the file.
        let audit = run(
            empty.path(),
            &[
                "audit", "--rule", "E01", "--rule", "E02", "--rule", "E03", "--rule", "E05",
            ],
        );
        assert_eq!(audit.code, 0, "{}", audit.stdout);
    }
}

#[test]
fn apple_google_and_outlook_cards_are_added_and_comments_kept() {
    let book = book();
    let p = book.path();
    // The dry run says what would be done and changes nothing.
    let dry = run(
        p,
        &[
            "import",
            "vcard",
            &fixture("apple.vcf"),
            "--client",
            "romashka",
            "--dry-run",
        ],
    );
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert_eq!(
        dry.stdout,
        "would add: card 1: «Анна Сергеевна Смирнова» <a.smirnova@romashka.ru> as `anna-sergeevna-smirnova`\n\
         \x20 note: not kept (a contact holds one email and one phone): emails anna.smirnova@mail.ru\n\
         clients/romashka/client.yaml: 1 would add, 0 already there, 0 in conflict, 0 skipped (dry run: nothing written)\n"
    );
    assert_eq!(book.read("clients/romashka/client.yaml"), CLIENT);

    for f in ["apple.vcf", "google.vcf", "outlook.vcf"] {
        let r = run(p, &["import", "vcard", &fixture(f), "--client", "romashka"]);
        assert_eq!(r.code, 0, "{f}: {}", r.stderr);
    }
    let text = book.read("clients/romashka/client.yaml");
    // Every line the user wrote is still there, in order; the new ones follow the list.
    let mut rest = text.as_str();
    for line in CLIENT.lines() {
        let at = rest
            .find(line)
            .unwrap_or_else(|| panic!("lost: {line}\n{text}"));
        rest = &rest[at + line.len()..];
    }
    assert!(text.contains(
        "  - id: anna-sergeevna-smirnova\n    name: Анна Сергеевна Смирнова\n    position: Бренд-менеджер\n    email: a.smirnova@romashka.ru\n    phone: \"+7 (916) 555-12-34\"\n    birthday: \"--04-12\"\n"
    ), "{text}");
    assert!(text.contains("    profile: \"Любит созвоны по утрам, не пишет в мессенджеры.\\nРешения — письмом.\"\n"), "{text}");
    assert!(text.contains("  - id: igor-petrov\n    name: Игорь Петров\n    position: Коммерческий директор\n    email: i.petrov@stroymaster.ru\n    phone: \"8 495 700-10-20\"\n    birthday: \"1980-07-01\"\n    profile: Импортирован из Google Контактов\n"), "{text}");
    assert!(text.contains("  - id: dmitriy-kozlov\n    name: Дмитрий Козлов\n    position: Закупщик\n    email: d.kozlov@lesnaya.ru\n    phone: \"+7 (812) 333-44-55\"\n    birthday: \"1979-03-05\"\n"), "{text}");
    assert!(!text.contains("9j/4AAQ"), "photos are left out");
    assert!(
        text.ends_with("# после контактов\nstatus: active\n"),
        "{text}"
    );
    let show = run(p, &["show", "romashka", "--format", "json"]);
    assert_eq!(show.code, 0, "{}", show.stderr);

    // Again: every card is already there; nothing is written.
    let before = book.read("clients/romashka/client.yaml");
    let r = run(
        p,
        &[
            "import",
            "vcard",
            &fixture("apple.vcf"),
            "--client",
            "romashka",
        ],
    );
    assert_eq!(
        r.stdout,
        "already there: card 1: «Анна Сергеевна Смирнова» <a.smirnova@romashka.ru> is `anna-sergeevna-smirnova` (same email a.smirnova@romashka.ru)\n\
         clients/romashka/client.yaml: 0 added, 1 already there, 0 in conflict, 0 skipped\n"
    );
    assert_eq!(book.read("clients/romashka/client.yaml"), before);
}

#[test]
fn a_card_that_says_otherwise_is_a_conflict_and_not_written() {
    let book = book();
    let p = book.path();
    let vcf = p.join("c.vcf");
    fs::write(
        &vcf,
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Мария Иванова\r\nTEL:8 (495) 100-20-30\r\n\
         EMAIL:maria@romashka.ru\r\nTITLE:Директор\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:4.0\r\nEMAIL:x@y.ru\r\nEND:VCARD\r\n",
    )
    .expect("write");
    let r = run(
        p,
        &[
            "import",
            "vcard",
            vcf.to_str().expect("utf-8"),
            "--client",
            "romashka",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "conflict: card 1: «Мария Иванова» <maria@romashka.ru> matches `ivanova` by phone +7 495 100-20-30, but position: the book has nothing, the card Директор; email: the book has m.ivanova@romashka.ru, the card maria@romashka.ru — not changed: settle it in client.yaml\n\
         skipped: card 2: it has no name (neither FN nor N)\n\
         clients/romashka/client.yaml: 0 added, 0 already there, 1 in conflict, 1 skipped\n"
    );
    assert_eq!(book.read("clients/romashka/client.yaml"), CLIENT);
}

#[test]
fn bad_input_is_a_clear_error() {
    let book = book();
    let p = book.path();
    let bad = p.join("cp1251.vcf");
    fs::write(&bad, b"BEGIN:VCARD\r\nFN:\xc8\xe2\xe0\xed\r\nEND:VCARD\r\n").expect("write");
    let r = run(
        p,
        &[
            "import",
            "vcard",
            bad.to_str().expect("utf-8"),
            "--client",
            "romashka",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("is not UTF-8"), "{}", r.stderr);

    let none = p.join("none.vcf");
    fs::write(&none, "hello\n").expect("write");
    let r = run(
        p,
        &[
            "import",
            "vcard",
            none.to_str().expect("utf-8"),
            "--client",
            "romashka",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("holds no vCard"), "{}", r.stderr);

    let r = run(
        p,
        &[
            "import",
            "vcard",
            &fixture("apple.vcf"),
            "--client",
            "romashk",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("romashka"), "a suggestion: {}", r.stderr);

    let r = run(
        p,
        &["import", "vcard", "missing.vcf", "--client", "romashka"],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot read missing.vcf"), "{}", r.stderr);

    // An export never goes over a file without --force.
    let out = p.join("out.vcf");
    fs::write(&out, "keep").expect("write");
    let o = out.to_str().expect("utf-8");
    let r = run(p, &["export", "vcard", "--out", o]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(&out).expect("kept"), "keep");
    let r = run(p, &["export", "vcard", "--out", o, "--force"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, format!("wrote 1 contacts to {o}\n"));
    assert_eq!(book.read("clients/romashka/client.yaml"), CLIENT);
}
