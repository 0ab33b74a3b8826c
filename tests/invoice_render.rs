//! `rapport invoice render`: the Russian "Счёт на оплату" and the English invoice as
//! Markdown, HTML and PDF. The PDF's text is read back by an independent reader,
//! pypdf (PyPI, in the tests' own venv: tests/checkers; the test fails without it).

mod checkers;
mod common;

use std::fs;
#[cfg(feature = "pdf")]
use std::path::Path;

use common::{TempBook, fixture};

fn invoice_book() -> TempBook {
    TempBook::copy_of(&fixture("invoice-book"))
}

/// A net-price invoice under the contract, VAT on top, two lines.
const NET_INVOICE: &str = "\
number: \"2026-0008\"
date: 2026-11-27
due: 2026-12-07
contract: 2026-003
prices_include_vat: false
lines:
  - {item: Дизайн упаковки, qty: 3, unit: SKU, price: 75000}
  - {item: Адаптация под мультипак, qty: 1.5, unit: ч, price: 3333.33}
";

#[test]
fn an_invoice_whose_figures_do_not_fit_is_refused_naming_the_line() {
    let book = invoice_book();
    let file = "clients/romashka/invoices/2026-0008.yaml";
    book.write(
        file,
        "number: \"2026-0008\"\ndate: 2026-11-27\nlines:\n  - {item: Печать, price: 1000}\n  \
         - {item: Тираж, qty: 999999999999999, price: \"999999999999999.99\"}\n",
    );
    let says = format!(
        "{file}:4: line 2 (`Тираж`: 999999999999999 × 999999999999999.99) comes to more \
         than the largest sum of money, 999999999999999.99 (E02)"
    );
    for args in [
        vec!["invoice", "render", "romashka/2026-0008", "--format", "md"],
        vec!["invoice", "pay", "romashka/2026-0008", "1000"],
    ] {
        let run = book.run(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        assert!(run.stderr.contains(&says), "{args:?}: {}", run.stderr);
    }
    // The list leaves it out, saying so; the audit reports it.
    let run = book.run(&["invoices", "--today", "2026-11-27"]);
    assert!(!run.stdout.contains("2026-0008"), "{}", run.stdout);
    assert!(run.stderr.contains(file), "{}", run.stderr);
    let run = book.run(&["audit", "--today", "2026-11-27"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("error[E02]: line 2 (`Тираж`"),
        "{}",
        run.stdout
    );

    // The largest sum there is, with VAT on top, still adds up and reads in words.
    book.write(
        file,
        "number: \"2026-0008\"\ndate: 2026-11-27\nprices_include_vat: false\nlines:\n  - \
         {item: Всё, price: \"999999999999999.99\"}\n",
    );
    let run = book.run(&["invoice", "render", "romashka/2026-0008", "--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for part in [
        "НДС 22\u{a0}%: 220\u{a0}000\u{a0}000\u{a0}000\u{a0}000,00",
        "1\u{a0}219\u{a0}999\u{a0}999\u{a0}999\u{a0}999,99",
        "Один квадриллион двести девятнадцать триллионов",
    ] {
        let part = part.replace('\u{a0}', " ");
        assert!(run.stdout.contains(&part), "{part}: {}", run.stdout);
    }
}

#[test]
fn markdown_has_every_customary_field() {
    // Markdown cells keep to one line: the no-break spaces of amounts become spaces.
    let book = invoice_book();
    book.write("clients/romashka/invoices/2026-0008.yaml", NET_INVOICE);
    let run = book.run(&["invoice", "render", "romashka/2026-0008", "--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = run.stdout;
    for want in [
        // The bank block.
        "АО «Банк Северная Пальмира» (Банк получателя)",
        "| БИК | 044525999 |",
        "| Сч. № | 30101810600000000999 |",
        "| ИНН 7707526016 | КПП 770701001 | Сч. № | 40702810348757491186 |",
        "Общество с ограниченной ответственностью «Белый кит» (Получатель)",
        "# Счёт на оплату № 2026-0008 от 27 ноября 2026 г.",
        "**Поставщик (Исполнитель):** Общество с ограниченной ответственностью «Белый кит», ИНН \
         7707526016, КПП 770701001, 127006, г. Москва, ул. Малая Дмитровка, д. 18, стр. 2, \
         помещ. 4, тел. +7 495 120-45-67",
        "**Покупатель (Заказчик):** Общество с ограниченной ответственностью «Ромашка», ИНН \
         7707083893, КПП 773601001, 117312, г. Москва, ул. Вавилова, д. 19",
        "**Основание:** Договор № 3/2026 от 15 января 2026 г.",
        "| № | Товары (работы, услуги) | Кол-во | Ед. | Цена | Сумма |",
        "| 1 | Дизайн упаковки | 3 | SKU | 75 000,00 | 225 000,00 |",
        // 1.5 × 3333.33 = 4999.995 → 5000.00 (halves away from zero).
        "| 2 | Адаптация под мультипак | 1,5 | ч | 3 333,33 | 5 000,00 |",
        "**Итого: 230 000,00**",
        "**НДС 22 %: 50 600,00**",
        "**Всего к оплате: 280 600,00**",
        "Всего наименований 2, на сумму 280 600,00 руб.",
        "**Двести восемьдесят тысяч шестьсот рублей 00 копеек**",
        "Оплатить не позднее 7 декабря 2026 г.",
        "Генеральный директор ____________________ Волков С. А.",
    ] {
        assert!(md.contains(want), "missing {want:?} in\n{md}");
    }
}

#[test]
fn vat_lines_for_gross_prices_and_for_no_vat() {
    let book = invoice_book();
    let gross = book.run(&["invoice", "render", "romashka/2026-0003", "--format", "md"]);
    assert_eq!(gross.code, 0, "{}", gross.stderr);
    // 60 000 × 22 / 122 = 10 819.672… → 10 819,67.
    assert!(
        gross.stdout.contains("**Итого: 60 000,00**"),
        "{}",
        gross.stdout
    );
    assert!(
        gross.stdout.contains("**В том числе НДС 22 %: 10 819,67**"),
        "{}",
        gross.stdout
    );
    assert!(
        gross
            .stdout
            .contains("**Шестьдесят тысяч рублей 00 копеек**"),
        "{}",
        gross.stdout
    );
    let none = book.run(&["invoice", "render", "romashka/2026-0004", "--format", "md"]);
    assert!(
        none.stdout.contains("**Без налога (НДС): —**"),
        "{}",
        none.stdout
    );
    assert!(
        none.stdout
            .contains("**Пятнадцать тысяч рублей 00 копеек**"),
        "{}",
        none.stdout
    );
    assert!(
        !none.stdout.contains("Основание"),
        "no contract, no basis line"
    );
}

#[test]
fn an_english_invoice_for_locale_en() {
    let book = invoice_book();
    let settings = book
        .read("rapport.yaml")
        .replace("locale: ru", "locale: en");
    book.write("rapport.yaml", &settings);
    let run = book.run(&["invoice", "render", "vektor/2026-0007", "--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for want in [
        "# Invoice No. 2026-0007 of 7 November 2026",
        "**Supplier:** Общество с ограниченной ответственностью «Белый кит», INN 7707526016",
        "**Customer:** Vektor Ltd",
        "**Under:** Contract No. V-1",
        "| No. | Description | Qty | Unit | Price | Amount |",
        "| 1 | Brand audit | 1 |  | 2,500.00 | 2,500.00 |",
        "**No VAT: —**",
        "**Total due: 2,500.00**",
        "Total 1 item, amounting to USD 2,500.00",
        "**Two thousand five hundred dollars 00 cents**",
        "Please pay by 17 November 2026",
    ] {
        assert!(
            run.stdout.contains(want),
            "missing {want:?} in\n{}",
            run.stdout
        );
    }
    // What is missing for a complete invoice is said, not guessed.
    assert!(
        run.stderr.contains("the client's legal.inn"),
        "{}",
        run.stderr
    );
}

#[test]
fn html_is_a_standalone_escaped_page() {
    let book = invoice_book();
    book.write(
        "clients/romashka/invoices/2026-0008.yaml",
        &NET_INVOICE.replace("Дизайн упаковки", "\"Дизайн <b>упаковки</b> & Ко\""),
    );
    let run = book.run(&[
        "invoice",
        "render",
        "romashka/2026-0008",
        "--format",
        "html",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = run.stdout;
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"ru\">"),
        "{html}"
    );
    assert!(
        html.contains("<h1>Счёт на оплату № 2026-0008 от 27 ноября 2026 г.</h1>"),
        "{html}"
    );
    assert!(
        html.contains("Дизайн &lt;b&gt;упаковки&lt;/b&gt; &amp; Ко"),
        "{html}"
    );
    assert!(
        html.contains("<td rowspan=\"2\">40702810348757491186</td>"),
        "{html}"
    );
    assert!(!html.contains("<b>"), "{html}");
}

#[test]
fn out_never_overwrites() {
    let book = invoice_book();
    let out = book.path().join("out.md");
    fs::write(&out, "mine").expect("write");
    let run = book.run(&[
        "invoice",
        "render",
        "romashka/2026-0003",
        "--format",
        "md",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(&out).expect("read"), "mine");
}

/// The PDF's text (pages ended by form feeds), as pypdf reads it.
#[cfg(feature = "pdf")]
fn pdf_text(pdf: &Path) -> String {
    checkers::pdf_text(pdf)
}

#[cfg(feature = "pdf")]
#[test]
fn the_pdf_reads_back_with_the_number_the_inn_and_the_total() {
    let book = invoice_book();
    book.write("clients/romashka/invoices/2026-0008.yaml", NET_INVOICE);
    let pdf = book.path().join("invoice.pdf");
    let run = book.run(&[
        "invoice",
        "render",
        "romashka/2026-0008",
        "--format",
        "pdf",
        "--out",
        pdf.to_str().expect("utf-8"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bytes = fs::read(&pdf).expect("pdf written");
    assert!(bytes.starts_with(b"%PDF-"));
    // The font is embedded (subset), so any reader shows the Cyrillic as written.
    assert!(
        bytes.windows(8).any(|w| w == b"FontFile"),
        "an embedded font"
    );
    let text = pdf_text(&pdf);
    // A PDF reader writes spaces where the PDF has none; compare without them.
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for want in [
        "Счётнаоплату№2026-0008от27ноября2026г.",
        "ИНН7707526016",
        "ИНН7707083893",
        "КПП773601001",
        "044525999",
        "40702810348757491186",
        "30101810600000000999",
        "Всегокоплате:280000,00"
            .replace("280000", "280600")
            .as_str(),
        "Двестивосемьдесяттысячшестьсотрублей00копеек",
        "Договор№3/2026от15января2026г.",
        "ВолковС.А.",
    ] {
        assert!(flat.contains(want), "missing {want:?} in\n{text}");
    }
    // --out never overwrites, for PDF too.
    let again = book.run(&[
        "invoice",
        "render",
        "romashka/2026-0008",
        "--out",
        pdf.to_str().expect("utf-8"),
    ]);
    assert_ne!(again.code, 0);
    assert_eq!(fs::read(&pdf).expect("pdf"), bytes);
}

#[cfg(feature = "pdf")]
#[test]
fn a_long_invoice_breaks_across_pages() {
    let book = invoice_book();
    let mut text = String::from("number: \"2026-0008\"\ndate: 2026-11-27\nlines:\n");
    for i in 1..=120 {
        text.push_str(&format!(
            "  - {{item: \"Позиция {i}: длинное название работы, которое переносится на \
             следующую строку таблицы\", qty: 1, price: 100}}\n"
        ));
    }
    book.write("clients/romashka/invoices/2026-0008.yaml", &text);
    let pdf = book.path().join("long.pdf");
    let run = book.run(&[
        "invoice",
        "render",
        "romashka/2026-0008",
        "--out",
        pdf.to_str().expect("utf-8"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdf_text(&pdf);
    assert!(text.matches('\u{c}').count() >= 2, "several pages");
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(flat.contains("Позиция120"), "{text}");
    assert!(flat.contains("Двенадцатьтысячрублей00копеек"), "{text}");
}

#[cfg(feature = "pdf")]
#[test]
fn a_pdf_is_not_written_to_a_terminal_but_may_be_piped() {
    let book = invoice_book();
    // stdout is a pipe here: the bytes come out.
    let out = common::command(book.path())
        .args([
            "invoice",
            "render",
            "romashka/2026-0003",
            "--book",
            book.path().to_str().expect("utf-8"),
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
