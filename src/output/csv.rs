//! `--format csv` of every listing (`clients`, `invoices`, `renewals`, `budget`,
//! `agenda`, `audit`): RFC 4180 as the `csv` crate writes it — a header row, fields
//! quoted only where they must be (a comma, a double quote or a line break; quotes
//! doubled), records ended by CRLF — in UTF-8, optionally after a byte-order mark
//! (`--bom`) so that Excel reads Cyrillic as UTF-8 rather than the system's code page.

use anyhow::{Context as _, Result};

/// The byte-order mark `--bom` puts first.
const BOM: &str = "\u{feff}";

/// A CSV document being written: its header row, then one record per call of
/// [`Table::row`].
pub struct Table {
    writer: ::csv::Writer<Vec<u8>>,
}

impl Table {
    /// A document with `header` as its first record, after a BOM when `bom`.
    pub fn new(header: &[&str], bom: bool) -> Result<Table> {
        let start = if bom {
            BOM.as_bytes().to_vec()
        } else {
            Vec::new()
        };
        let writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(start);
        let mut table = Table { writer };
        table.row(header)?;
        Ok(table)
    }

    /// One record; it must have as many fields as the header.
    pub fn row<I, S>(&mut self, fields: I) -> Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        self.writer
            .write_record(fields)
            .context("cannot write a CSV record")
    }

    /// The whole document.
    pub fn finish(self) -> Result<String> {
        let bytes = self
            .writer
            .into_inner()
            .map_err(|e| anyhow::anyhow!("cannot write the CSV: {}", e.error()))?;
        String::from_utf8(bytes).context("the CSV is not UTF-8")
    }
}

/// `audit --format csv`: one row per finding, in the audit's order, with the columns
/// of `--format json` (no summary: a spreadsheet counts).
pub fn findings(findings: &[super::Resolved], bom: bool) -> Result<String> {
    let mut table = Table::new(
        &[
            "code",
            "severity",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
            "message",
            "help",
        ],
        bom,
    )?;
    for f in findings {
        table.row([
            f.code.as_str(),
            f.severity.as_str(),
            &f.file,
            &f.start.line.to_string(),
            &f.start.col.to_string(),
            &f.end.line.to_string(),
            &f.end.col.to_string(),
            &f.message,
            f.help.as_deref().unwrap_or_default(),
        ])?;
    }
    table.finish()
}

/// Refuses `--bom` without `--format csv`, where it would mean nothing.
pub fn check_bom(bom: bool, csv: bool) -> Result<()> {
    if bom && !csv {
        return Err(crate::i18n::hinted(
            crate::msg!("csv-bom-alone"),
            crate::msg!("csv-bom-alone-hint"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(fields: &[&str], bom: bool) -> String {
        let mut t = Table::new(&["a", "b", "c", "d", "e"], bom).expect("header");
        t.row(fields).expect("row");
        t.finish().expect("text")
    }

    #[test]
    fn fields_are_quoted_only_where_rfc_4180_needs_it() {
        assert_eq!(
            one(&["plain", "Город Фитнес", "a,b", "ООО \"Уют\"", ""], false),
            "a,b,c,d,e\r\nplain,Город Фитнес,\"a,b\",\"ООО \"\"Уют\"\"\",\r\n"
        );
        assert_eq!(
            one(&["line\nbreak", "cr\r\nlf", "\"", " padded", "x"], false),
            "a,b,c,d,e\r\n\"line\nbreak\",\"cr\r\nlf\",\"\"\"\", padded,x\r\n"
        );
    }

    #[test]
    fn a_bom_comes_first_on_request() {
        let text = one(&["1", "2", "3", "4", "5"], true);
        assert!(text.starts_with("\u{feff}a,b,c,d,e\r\n"), "{text:?}");
        assert!(!one(&["1", "2", "3", "4", "5"], false).starts_with('\u{feff}'));
    }

    #[test]
    fn a_row_of_another_length_is_an_error_not_a_bad_file() {
        let mut t = Table::new(&["a", "b"], false).expect("header");
        assert!(t.row(["1"]).is_err());
    }

    #[test]
    fn bom_needs_csv() {
        assert!(check_bom(true, false).is_err());
        assert!(check_bom(true, true).is_ok());
        assert!(check_bom(false, false).is_ok());
    }
}
