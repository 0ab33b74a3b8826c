//! `rapport task send CLIENT/PROJECT/TASK --eml DIR` on a copy of the example book: the
//! draft read back by Python's email package — to a team member's email or a
//! contractor's (with R21's channel said when it is not email), from the client's
//! manager, the text pinned in full, the written task attached when it is a file of
//! the book, a book's own template; every refusal.

mod common;
mod report_support;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{TempBook, example_book};
use report_support::{assert_golden, assert_wire_format, parse_eml};

const TODAY: &str = "2026-11-27";

fn example_copy() -> TempBook {
    TempBook::copy_of(&example_book())
}

/// Sends `task` into `book`/drafts and returns the run and the draft's path.
fn send(book: &TempBook, task: &str) -> (common::Run, std::path::PathBuf) {
    let dir = book.path().join("drafts");
    let r = book.run(&[
        "task",
        "send",
        task,
        "--eml",
        dir.to_str().expect("utf-8"),
        "--today",
        TODAY,
    ]);
    let name = format!("{}.eml", task.replace('/', "-"));
    (r, dir.join(name))
}

#[test]
fn a_team_members_task_goes_to_their_email_from_the_clients_manager() {
    let book = example_copy();
    let (r, path) = send(&book, "trudnyi-klient/zimnyaya-kampaniya/teksty");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, format!("{}\n", path.display()));
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let bytes = fs::read(&path).expect("the draft");
    assert_wire_format(&bytes);
    let m = parse_eml(&path);
    assert_eq!(m["defects"], serde_json::json!([]));
    assert_eq!(m["x_unsent"], "1");
    assert_eq!(
        m["to"],
        serde_json::json!([{"name": "Мария Лебедева", "email": "m.lebedeva@belykit.ru"}])
    );
    assert_eq!(
        m["from"],
        serde_json::json!([{"name": "Дмитрий Белов", "email": "d.belov@belykit.ru"}])
    );
    assert_eq!(
        m["subject"],
        "Задача: Тексты для посадочной страницы и рассылки — Автоцентр «Магистраль», срок 01.12.2026"
    );
    assert_eq!(m["parts"], serde_json::json!(["text/plain", "text/html"]));
    assert_golden("task-ru.md", m["text"].as_str().expect("text"));
    let html = m["html"].as_str().expect("html");
    assert!(html.contains("Юлия Лапина"), "{html}");
    // The same draft on the same day: the same bytes.
    let (_, again) = send(&book, "trudnyi-klient/zimnyaya-kampaniya/teksty");
    assert_eq!(fs::read(again).expect("again"), bytes);
}

#[test]
fn a_contractor_is_written_to_as_r21_expects() {
    let book = example_copy();
    // The printing house takes orders by email only.
    let (r, path) = send(&book, "vkusnoteka/ny-kampaniya-2026/print");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    let m = parse_eml(&path);
    let to = &m["to"][0];
    assert!(to["email"].as_str().is_some_and(|e| e.contains('@')), "{m}");
    // The web studio prefers a messenger: the draft is made, and the channel said.
    let (r, path) = send(&book, "gorod-fitness/landing-ny2027/markup");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "warning: Студия «Код и пиксель» prefers a messenger (R21): send them this text there"
        ),
        "{}",
        r.stderr
    );
    assert!(path.is_file());
}

/// The attachments of the draft at `path`: (file name, content type, bytes as text).
fn attachments(path: &Path) -> serde_json::Value {
    const SCRIPT: &str = r#"
import email, email.policy, json, sys
with open(sys.argv[1], 'rb') as f:
    msg = email.message_from_binary_file(f, policy=email.policy.default)
print(json.dumps([[a.get_filename(), a.get_content_type(), a.get_content()]
                  for a in msg.iter_attachments()], ensure_ascii=False))
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn a_written_task_in_the_book_is_attached_and_a_books_template_is_used() {
    let book = example_copy();
    let project = "clients/trudnyi-klient/projects/zimnyaya-kampaniya.yaml";
    let doc = "clients/trudnyi-klient/briefs/teksty.md";
    book.write(doc, "# Тексты\n\nТри варианта заголовка, 1500 знаков.\n");
    let text = book.read(project).replacen(
        "    tied_to: вёрстка посадочной страницы с 02.12\n",
        &format!("    tied_to: вёрстка посадочной страницы с 02.12\n    task_doc: {doc}\n"),
        1,
    );
    book.write(project, &text);
    book.write(
        "templates/task.ru.subject.j2",
        "Новая задача для {{ assignee.name }}: {{ task.title }}\n",
    );
    let (r, path) = send(&book, "trudnyi-klient/zimnyaya-kampaniya/teksty");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let m = parse_eml(&path);
    assert_eq!(
        m["subject"],
        "Новая задача для Мария Лебедева: Тексты для посадочной страницы и рассылки"
    );
    assert!(
        m["text"].as_str().is_some_and(
            |t| t.contains(&format!("Письменное задание: {doc} (приложено к письму)."))
        ),
        "{m}"
    );
    assert_eq!(
        attachments(&path),
        serde_json::json!([[
            "teksty.md",
            "text/plain",
            "# Тексты\n\nТри варианта заголовка, 1500 знаков.\n"
        ]])
    );
    // A path that leads out of the book is named, never read.
    let text = book.read(project).replace(doc, "../../../etc/hostname");
    book.write(project, &text);
    let (r, path) = send(&book, "trudnyi-klient/zimnyaya-kampaniya/teksty");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(attachments(&path), serde_json::json!([]));
}

#[test]
fn refusals_exit_2_and_write_nothing() {
    let book = example_copy();
    book.write(
        "clients/trudnyi-klient/projects/dup.yaml",
        "title: Дубль\nstage: active\ntasks:\n  - {id: a, due: 2026-12-01}\n  - {id: b, assignee: kim}\n",
    );
    for (task, want) in [
        (
            "trudnyi-klient/zimnyaya-kampaniya/tekst",
            "no task `tekst` in project «Зимняя кампания «Шипы в подарок»»\nhint: did you mean `teksty`?",
        ),
        (
            "trudnyi-klient/zimnyaya/teksty",
            "did you mean `zimnyaya-kampaniya`?",
        ),
        ("trudnyi-klient/teksty", "does not name a task"),
        (
            "trudnyi-klient/dup/a",
            "task `a` has no assignee to send it to",
        ),
        ("trudnyi-klient/dup/b", "task `b` has no due date"),
    ] {
        let (r, _) = send(&book, task);
        assert_eq!(r.code, 2, "{task}: {}", r.stderr);
        assert!(r.stderr.contains(want), "{task}: {}", r.stderr);
        assert!(!book.path().join("drafts").exists(), "{task}");
    }
}

#[test]
fn a_book_in_english_gets_the_english_draft() {
    let book = example_copy();
    let settings = book
        .read("rapport.yaml")
        .replacen("locale: ru", "locale: en", 1);
    book.write("rapport.yaml", &settings);
    let (r, path) = send(&book, "trudnyi-klient/zimnyaya-kampaniya/posadochnaya");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let m = parse_eml(&path);
    let subject = m["subject"].as_str().expect("subject");
    assert!(
        subject == "Task: Посадочная страница кампании — Автоцентр «Магистраль», due 10 Dec 2026",
        "{subject}"
    );
    let text = m["text"].as_str().expect("text");
    assert!(text.starts_with("Dear Павел Зайцев,\n"), "{text}");
    assert!(text.contains("Kind of work: development."), "{text}");
    assert!(text.contains("Please tell me in your own words"), "{text}");
}
