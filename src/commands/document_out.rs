//! What the document commands (`invoice render`, `estimate`) share: writing a
//! [`Document`] out in the chosen format, to stdout or to a new file, and the pieces of
//! its table of lines that look the same on both documents.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::cli::{EstimateFormat, InvoiceFormat};
use crate::model::settings::Locale;
use crate::money::Quantity;
use crate::pdf::{self, Align, Column, Document, Width};
use crate::report::locale;
use crate::write::{self, WriteError};

/// The format a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    Md,
    Html,
    Pdf,
}

impl From<InvoiceFormat> for Rendering {
    fn from(f: InvoiceFormat) -> Self {
        match f {
            InvoiceFormat::Md => Rendering::Md,
            InvoiceFormat::Html => Rendering::Html,
            InvoiceFormat::Pdf => Rendering::Pdf,
        }
    }
}

impl From<EstimateFormat> for Rendering {
    fn from(f: EstimateFormat) -> Self {
        match f {
            EstimateFormat::Md => Rendering::Md,
            EstimateFormat::Html => Rendering::Html,
            EstimateFormat::Pdf => Rendering::Pdf,
        }
    }
}

/// Renders `doc` and writes it to `out` (a new file, never over an existing one) or to
/// stdout. A PDF is refused on a terminal. `template` names the book's own typst layout
/// (`templates/<template>.typ`); `id` names the document in hints.
pub fn output(
    doc: &Document,
    rendering: Rendering,
    book_root: &Path,
    template: &str,
    id: &str,
    out: Option<&Path>,
) -> Result<()> {
    let bytes = match rendering {
        Rendering::Md => pdf::markdown(doc).into_bytes(),
        Rendering::Html => pdf::html(doc).into_bytes(),
        Rendering::Pdf => {
            if out.is_none() && std::io::stdout().is_terminal() {
                bail!(
                    "a PDF is binary and stdout is a terminal\nhint: pass --out FILE (e.g. \
                     --out {id}.pdf), or redirect: > {id}.pdf"
                );
            }
            pdf::pdf(doc, book_root, template)?
        }
    };
    match out {
        None => super::write_stdout(&bytes),
        Some(path) => {
            create(path, &bytes)?;
            super::write_stdout(format!("created {}\n", path.display()).as_bytes())
        }
    }
}

/// Writes a new file, never over an existing one.
fn create(path: &Path, bytes: &[u8]) -> Result<()> {
    match write::create_new(path, bytes) {
        Ok(()) => Ok(()),
        Err(WriteError::Exists(p)) => bail!(
            "{} already exists: rapport never overwrites a document\nhint: choose another \
             --out, or remove the old file first",
            p.display()
        ),
        Err(e) => Err(e.into()),
    }
}

/// The columns of a table of lines headed № · item · quantity · unit · price · sum: the
/// item takes the width that is left, text is left-aligned and figures right-aligned.
pub fn line_columns(header: &[&str; 6]) -> Vec<Column> {
    header
        .iter()
        .enumerate()
        .map(|(n, title)| Column {
            title: (*title).to_owned(),
            align: match n {
                1 | 3 => Align::Left,
                _ => Align::Right,
            },
            width: if n == 1 { Width::Share(1) } else { Width::Auto },
        })
        .collect()
}

/// A VAT rate as the documents write it: `22 %`, `7,5 %` (a no-break space before the
/// sign, as Russian typography and DOCUMENTS.md's «НДС 22 %» want) / `22%`, `7.5%`.
pub fn rate(loc: Locale, r: Decimal) -> String {
    let r = r.normalize().to_string();
    match loc {
        Locale::Ru => format!("{}\u{a0}%", r.replace('.', ",")),
        Locale::En => format!("{r}%"),
    }
}

/// A date as the documents write it: `27 ноября 2026 г.` (a Russian document writes
/// «г.» after the year) / `27 November 2026`.
pub fn date(loc: Locale, d: NaiveDate) -> String {
    match loc {
        Locale::Ru => format!("{} г.", locale::long_date(loc, d)),
        Locale::En => locale::long_date(loc, d),
    }
}

/// A quantity as the locale writes it: `2,5` / `2.5`.
pub fn qty(loc: Locale, q: Quantity) -> String {
    let text = q.to_string();
    match loc {
        Locale::Ru => text.replace('.', ","),
        Locale::En => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_and_dates_in_both_languages() {
        assert_eq!(rate(Locale::Ru, Decimal::new(75, 1)), "7,5\u{a0}%");
        assert_eq!(rate(Locale::Ru, Decimal::new(2200, 2)), "22\u{a0}%");
        assert_eq!(rate(Locale::En, Decimal::from(22)), "22%");
        let d = NaiveDate::from_ymd_opt(2025, 2, 20).expect("a date");
        assert_eq!(date(Locale::Ru, d), "20 февраля 2025 г.");
        assert_eq!(date(Locale::En, d), "20 February 2025");
    }

    #[test]
    fn quantities_in_both_languages() {
        let q = Quantity(Decimal::new(25, 1));
        assert_eq!(qty(Locale::Ru, q), "2,5");
        assert_eq!(qty(Locale::En, q), "2.5");
    }

    #[test]
    fn the_item_column_takes_the_room_and_text_is_left_aligned() {
        let c = line_columns(&["№", "Item", "Qty", "Unit", "Price", "Sum"]);
        let aligns: Vec<Align> = c.iter().map(|c| c.align).collect();
        assert_eq!(
            aligns,
            [
                Align::Right,
                Align::Left,
                Align::Right,
                Align::Left,
                Align::Right,
                Align::Right
            ]
        );
        assert_eq!(c[1].width, Width::Share(1));
        assert!(
            c.iter()
                .enumerate()
                .all(|(n, c)| n == 1 || c.width == Width::Auto)
        );
        assert_eq!(c[5].title, "Sum");
    }
}
