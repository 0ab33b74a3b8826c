//! `rapport estimate CLIENT/PROJECT --format pdf`: the preliminary estimate (смета) as
//! a PDF, typeset by the invoice's PDF code. The PDF's text is read back by an
//! independent reader, pypdf (PyPI, in the tests' own venv: tests/checkers; the PDF
//! tests fail without it). The Markdown and HTML renderings of the same document are
//! tested in tests/budget.rs.

mod checkers;
mod common;

use std::fs;
#[cfg(feature = "pdf")]
use std::path::Path;

use common::Run;
#[cfg(feature = "pdf")]
use common::TempBook;

const TODAY: &str = "2026-11-27";

/// The example book's estimate: four lines, under contract 4/2025 (VAT 20 %, but 22 %
/// from 2026 by its supplement ДС-1; prices with VAT, as the book says).
const EXAMPLE_PROJECT: &str = "lesnaya-polyana/upakovka-syr-2027";

/// `rapport estimate ARGS` on the example book, without writing its parse cache.
fn example(args: &[&str]) -> Run {
    let book = common::example_book();
    let book = book.to_str().expect("a UTF-8 path");
    let mut all = vec!["estimate"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--book", book, "--today", TODAY, "--no-cache"]);
    common::rapport(&all)
}

/// Text without any whitespace: a PDF reader lays out columns with spaces of its own.
#[cfg(feature = "pdf")]
fn flat(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The PDF's text (pages ended by form feeds), as pypdf reads it.
#[cfg(feature = "pdf")]
fn pdf_text(pdf: &Path) -> String {
    checkers::pdf_text(pdf)
}

#[cfg(feature = "pdf")]
#[test]
fn the_example_books_estimate_reads_back_from_the_pdf() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pdf = dir.path().join("smeta.pdf");
    let pdf_arg = pdf.to_str().expect("utf-8");
    let run = example(&[EXAMPLE_PROJECT, "--format", "pdf", "--out", pdf_arg]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("created {pdf_arg}\n"));
    let bytes = fs::read(&pdf).expect("pdf written");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        bytes.windows(8).any(|w| w == b"FontFile"),
        "an embedded font"
    );
    let text = pdf_text(&pdf);
    let flat = flat(&text);
    for want in [
        "Предварительнаясмета",
        "Проект:Упаковкалинейкимягкихсыров",
        "Заказчик:Обществосограниченнойответственностью«Молочныйкомбинат«Леснаяполяна»",
        "Исполнитель:Обществосограниченнойответственностью«Белыйкит»",
        "Договор:№4/2025от20февраля2025г.",
        "Дата:27ноября2026г.",
        // Every line: №, item, qty, unit, price, amount (qty × price).
        "1Дизайнупаковки5SKU75000,00₽375000,00₽",
        "2Адаптацииподвес150и250г10шт.6000,00₽60000,00₽",
        "3Текстынаупаковку6тыс.знаков1500,00₽9000,00₽",
        "4Съёмкапродукта1смена65000,00₽65000,00₽",
        // The total, and the VAT in it at 22 %, the rate of ДС-1 to contract 4/2025 in
        // force today (the contract itself says 20): 509 000 × 22 / 122 = 91 786,885… →
        // 91 786,89.
        "Итого:509000,00₽",
        "ВтомчислеНДС22%:91786,89₽",
        "Пятьсотдевятьтысячрублей00копеек",
        "Сметапредварительная",
        "ГенеральныйдиректорВолковСергейАндреевич",
    ] {
        assert!(flat.contains(want), "missing {want:?} in\n{text}");
    }
    assert_eq!(text.matches('\u{c}').count(), 1, "one page:\n{text}");
}

#[cfg(feature = "pdf")]
#[test]
fn the_pdf_says_what_the_markdown_says() {
    // One document rendered two ways: every table row and total of the Markdown is in
    // the PDF, character for character once spaces are gone.
    let md = example(&[EXAMPLE_PROJECT, "--format", "md"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pdf = dir.path().join("smeta.pdf");
    let run = example(&[
        EXAMPLE_PROJECT,
        "--format",
        "pdf",
        "--out",
        pdf.to_str().expect("utf-8"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = flat(&pdf_text(&pdf));
    let mut checked = 0;
    for line in md.stdout.lines() {
        let is_row = line.starts_with("| ") && !line.starts_with("| №");
        let is_total = line.starts_with("**") && line.contains(':');
        if !(is_row || is_total) {
            continue;
        }
        let want: String = flat(line)
            .chars()
            .filter(|c| !matches!(c, '|' | '*'))
            .collect();
        assert!(text.contains(&want), "missing {want:?} in\n{text}");
        checked += 1;
    }
    // Five fields, four lines, two totals.
    assert_eq!(checked, 11, "{}", md.stdout);
}

#[cfg(feature = "pdf")]
#[test]
fn net_prices_in_english_add_the_vat_on_top() {
    let book = TempBook::new();
    book.write(
        "rapport.yaml",
        &format!(
            "{}locale: en\nvat: 20\ninvoice: {{prices_include_vat: false}}\n",
            common::MINIMAL_SETTINGS
        ),
    )
    .write(
        "clients/acme/client.yaml",
        "name: Acme\nlegal: {name: Acme Ltd}\ncontacts:\n  - {id: ivanov, name: Ivan Ivanov}\n",
    )
    .write(
        "clients/acme/projects/site.yaml",
        // 0.5 × 0.05 = 0.025 → 0.03 (halves away from zero, as on an invoice).
        "title: New website\nestimate:\n  - {item: Design, qty: 2, unit: pcs, price: 500}\n  \
         - {item: Rounding, qty: 0.5, price: 0.05}\n",
    );
    let pdf = book.path().join("estimate.pdf");
    let run = book.run(&[
        "estimate",
        "acme/site",
        "--today",
        TODAY,
        "--format",
        "pdf",
        "--out",
        pdf.to_str().expect("utf-8"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdf_text(&pdf);
    let flat = flat(&text);
    for want in [
        "Preliminaryestimate",
        "Project:Newwebsite",
        "Client:AcmeLtd",
        "Date:27November2026",
        "1Design2pcsRUB500.00RUB1,000.00",
        "2Rounding0.5RUB0.05RUB0.03",
        "Total:RUB1,000.03",
        "VAT20%:RUB200.01",
        "TotalwithVAT:RUB1,200.04",
        "Onethousandtwohundredrubles04kopecks",
    ] {
        assert!(flat.contains(want), "missing {want:?} in\n{text}");
    }
}

#[cfg(feature = "pdf")]
#[test]
fn a_books_own_estimate_template_gets_the_raw_figures() {
    let book = TempBook::new();
    book.write(
        "clients/acme/client.yaml",
        "name: Акме\ncontacts:\n  - {id: ivanov, name: Иван Иванов}\n",
    )
    .write(
        "clients/acme/projects/site.yaml",
        "title: Сайт\nestimate: [{item: Вёрстка, qty: 3, unit: стр., price: 12200}]\n",
    )
    .write(
        "templates/estimate.typ",
        "#let doc = json(\"/data.json\")\n\
         Own layout: #doc.data.project, gross #doc.data.gross, VAT #doc.data.vat at \
         #doc.data.vat_rate, #doc.data.lines.len() line(s), first #doc.data.lines.at(0).amount\n",
    );
    let pdf = book.path().join("own.pdf");
    let run = book.run(&[
        "estimate",
        "acme/site",
        "--today",
        TODAY,
        "--format",
        "pdf",
        "--out",
        pdf.to_str().expect("utf-8"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Spaces as one: the reader's spacing is its guess at the layout.
    let text = checkers::one_spaced(&pdf_text(&pdf));
    // 36 600 with VAT 22 % in it: 36 600 × 22 / 122 = 6 600.
    assert!(
        text.contains(
            "Own layout: site, gross 36600.00, VAT 6600.00 at 22, 1 line(s), first 36600.00"
        ),
        "{text}"
    );
    assert!(!text.contains("Предварительная смета"), "{text}");
}

#[cfg(feature = "pdf")]
#[test]
fn a_piped_pdf_goes_to_stdout() {
    let book = common::example_book();
    let out = common::command(&book)
        .args([
            "estimate",
            EXAMPLE_PROJECT,
            "--format",
            "pdf",
            "--today",
            TODAY,
            "--no-cache",
        ])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.starts_with(b"%PDF-"));
}

#[test]
fn the_invoice_and_the_estimate_write_vat_and_dates_alike() {
    // The invoice wrote «НДС 22%», the estimate «НДС 22 %»; the estimate's dates had
    // no «г.». Both now: a no-break space before the per cent sign, «г.» after a year.
    let book = common::example_book();
    let book = book.to_str().expect("a UTF-8 path");
    let html = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&[
            "--format",
            "html",
            "--book",
            book,
            "--today",
            TODAY,
            "--no-cache",
        ]);
        let run = common::rapport(&all);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        run.stdout
    };
    // Both under contract 4/2025: the invoice of 2025 at its 20 %, the estimate of
    // today at 22 % (its supplement ДС-1).
    let invoice = html(&["invoice", "render", "lesnaya-polyana/2025-0004"]);
    let estimate = html(&["estimate", EXAMPLE_PROJECT]);
    for (doc, says) in [
        (&invoice, "В том числе НДС 20\u{a0}%:"),
        (&invoice, "Договор № 4/2025 от 20 февраля 2025 г."),
        (&estimate, "В том числе НДС 22\u{a0}%:"),
        (&estimate, "№ 4/2025 от 20 февраля 2025 г."),
        (&estimate, "<dt>Дата:</dt><dd>27 ноября 2026 г.</dd>"),
    ] {
        assert!(doc.contains(says), "{says:?} in\n{doc}");
    }
    for doc in [&invoice, &estimate] {
        assert!(
            !doc.contains("НДС 20%") && !doc.contains("НДС 22%"),
            "{doc}"
        );
    }
}

#[test]
fn an_unknown_project_writes_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pdf = dir.path().join("smeta.pdf");
    for (project, message) in [
        (
            "lesnaya-polyana/upakovka-syr-2028",
            "no project `upakovka-syr-2028` in client `lesnaya-polyana`",
        ),
        ("nobody/upakovka-syr-2027", "no client `nobody`"),
    ] {
        let run = example(&[
            project,
            "--format",
            "pdf",
            "--out",
            pdf.to_str().expect("utf-8"),
        ]);
        assert_eq!(run.code, 2, "{project}: {}", run.stderr);
        assert!(run.stderr.contains(message), "{project}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        assert!(run.stdout.is_empty(), "{project}: {}", run.stdout);
        assert!(!pdf.exists(), "{project}: nothing written");
    }
}

#[test]
fn an_existing_out_file_is_kept_byte_for_byte() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pdf = dir.path().join("smeta.pdf");
    let old: &[u8] = b"%PDF-1.7 not ours\n\x00\xff";
    fs::write(&pdf, old).expect("write");
    let run = example(&[
        EXAMPLE_PROJECT,
        "--format",
        "pdf",
        "--out",
        pdf.to_str().expect("utf-8"),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    #[cfg(feature = "pdf")]
    assert!(
        run.stderr
            .contains("already exists: rapport never overwrites a document"),
        "{}",
        run.stderr
    );
    #[cfg(not(feature = "pdf"))]
    assert!(
        run.stderr.contains("built without PDF support"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read(&pdf).expect("kept"), old);
    // Like `invoice render`, there is no --force: a document is never overwritten.
    let forced = example(&[
        EXAMPLE_PROJECT,
        "--format",
        "pdf",
        "--out",
        pdf.to_str().expect("utf-8"),
        "--force",
    ]);
    assert_eq!(forced.code, 2, "{}", forced.stderr);
    assert_eq!(fs::read(&pdf).expect("kept"), old);
    // No stray temporary file beside it either.
    let names: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["smeta.pdf"], "{names:?}");
}

#[cfg(not(feature = "pdf"))]
#[test]
fn without_the_pdf_feature_pdf_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pdf = dir.path().join("smeta.pdf");
    let run = example(&[
        EXAMPLE_PROJECT,
        "--format",
        "pdf",
        "--out",
        pdf.to_str().expect("utf-8"),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "this rapport was built without PDF support (the cargo feature `pdf`)\nhint: use \
             --format html"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(!pdf.exists());
}
