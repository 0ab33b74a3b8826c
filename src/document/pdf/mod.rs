//! Business documents for clients — the invoice, the estimate, the acts next — as one
//! model ([`Document`]: a title and a list of [`Block`]s, every value already
//! formatted in the document's language, made by the document builder,
//! [`crate::document`]) rendered three ways that cannot disagree:
//! PDF ([`pdf`], typeset by the typst library), Markdown ([`markdown`]) and a
//! standalone HTML page ([`html`]).
//!
//! The PDF is laid out by a typst template: the built-in `document.typ`, which lays
//! out any block list, or the book's own `templates/<name>.typ` (an agency's branded
//! invoice), which receives the same model as `json("/data.json")` — blocks, and the
//! document's raw `data` for a layout of its own. A template may read files (a logo)
//! from the book's `templates/` folder and nothing else; fonts are DejaVu Sans (it
//! covers Cyrillic), embedded in the binary and subset into the PDF, plus any
//! `.ttf`/`.otf` in `templates/fonts/`. No external program runs.
//!
//! The PDF needs the cargo feature `pdf` (on by default); without it [`pdf`] says so.
//! This module only renders: callers gather and format the content, and write files.

#[cfg(feature = "pdf")]
mod typeset;

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::report::templates::{escape_html, md_cell};

/// A document to render.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The language code (`ru`, `en`): hyphenation and the HTML `lang`.
    pub lang: String,
    /// The document's title: PDF metadata and the HTML `<title>`.
    pub title: String,
    /// What the page shows, top to bottom.
    pub blocks: Vec<Block>,
    /// The document's own data (for example the invoice: number, parties, lines,
    /// totals), for a book's template that lays the document out its own way.
    pub data: serde_json::Value,
}

/// One piece of a document.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// The document's heading.
    Heading { text: String },
    /// A paragraph; bold for what must stand out (a sum in words).
    Paragraph { text: String, bold: bool },
    /// Labelled values, one per row: "Поставщик: …".
    Fields { rows: Vec<Field> },
    /// A bordered grid of cells that may span rows and columns, filled left to right,
    /// top to bottom (the bank details at the top of a Russian invoice).
    Grid {
        columns: Vec<Width>,
        cells: Vec<Cell>,
    },
    /// A table with a header row.
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
    },
    /// Totals under a table, right-aligned: label and amount.
    Totals { rows: Vec<Total> },
    /// Signature lines: role, a line to sign on, name.
    Signatures { rows: Vec<Signature> },
    /// A horizontal rule.
    Rule,
}

/// A labelled value.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub label: String,
    pub value: String,
}

/// How wide a column is: as wide as its content, or a share of what is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Width {
    Auto,
    /// A share of the remaining width (typst's `fr`).
    Share(u32),
}

/// Horizontal alignment of a column or cell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    #[default]
    Left,
    Right,
}

/// A column of a [`Block::Table`].
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub title: String,
    pub align: Align,
    pub width: Width,
}

/// A cell of a [`Block::Grid`].
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub text: String,
    /// A caption in small type under the text ("Банк получателя").
    pub note: Option<String>,
    pub colspan: u32,
    pub rowspan: u32,
    pub align: Align,
    pub bold: bool,
}

impl Cell {
    /// A plain one-by-one cell.
    pub fn new(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            note: None,
            colspan: 1,
            rowspan: 1,
            align: Align::Left,
            bold: false,
        }
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    pub fn span(mut self, colspan: u32, rowspan: u32) -> Self {
        self.colspan = colspan.max(1);
        self.rowspan = rowspan.max(1);
        self
    }
}

/// A row of [`Block::Totals`].
#[derive(Debug, Clone, Serialize)]
pub struct Total {
    pub label: String,
    pub value: String,
    pub bold: bool,
}

/// A row of [`Block::Signatures`].
#[derive(Debug, Clone, Serialize)]
pub struct Signature {
    /// The position: "Генеральный директор".
    pub role: String,
    /// The name as printed under the signature: "Волков С. А.".
    pub name: String,
}

/// The built-in layout of every document.
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
const BUILT_IN_TEMPLATE: &str = include_str!("document.typ");

/// Renders `doc` as PDF with the book's `templates/<name>.typ` if it exists, else the
/// built-in layout. `book_root` is where the template may read files from (its
/// `templates/` folder only).
#[cfg(feature = "pdf")]
pub fn pdf(doc: &Document, book_root: &Path, name: &str) -> anyhow::Result<Vec<u8>> {
    typeset::render(doc, book_root, name)
}

/// Without the `pdf` feature there is no PDF: says so.
#[cfg(not(feature = "pdf"))]
pub fn pdf(_doc: &Document, _book_root: &Path, _name: &str) -> anyhow::Result<Vec<u8>> {
    Err(crate::i18n::hinted(
        crate::msg!("pdf-not-built"),
        crate::msg!("pdf-not-built-hint"),
    ))
}

/// Where each cell of a grid lands: (row, column) of its top-left corner, placing
/// cells left to right and top to bottom into the first free slot, as typst and HTML
/// tables do. Also returns the number of rows.
fn place(columns: usize, cells: &[Cell]) -> (Vec<(usize, usize)>, usize) {
    let columns = columns.max(1);
    let mut taken: Vec<Vec<bool>> = Vec::new();
    let mut at = Vec::with_capacity(cells.len());
    let (mut row, mut col) = (0usize, 0usize);
    for cell in cells {
        let span = (cell.colspan as usize).clamp(1, columns);
        loop {
            if col + span > columns {
                row += 1;
                col = 0;
            }
            while taken.len() <= row {
                taken.push(vec![false; columns]);
            }
            if (col..col + span).all(|c| !taken[row][c]) {
                break;
            }
            col += 1;
        }
        for r in row..row + cell.rowspan.max(1) as usize {
            while taken.len() <= r {
                taken.push(vec![false; columns]);
            }
            for slot in &mut taken[r][col..col + span] {
                *slot = true;
            }
        }
        at.push((row, col));
        col += span;
    }
    (at, taken.len())
}

/// The grid as rows of texts for a format without spans: a spanned cell's text in its
/// top-left slot, the slots it covers empty.
fn grid_rows(columns: usize, cells: &[Cell]) -> Vec<Vec<String>> {
    let (at, rows) = place(columns, cells);
    let mut out = vec![vec![String::new(); columns.max(1)]; rows];
    for (cell, (r, c)) in cells.iter().zip(at) {
        let text = match &cell.note {
            Some(n) => format!("{} ({n})", cell.text),
            None => cell.text.clone(),
        };
        out[r][c] = text;
    }
    out
}

/// The document as Markdown.
pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Heading { text } => {
                let _ = writeln!(out, "# {}", md_cell(text));
            }
            Block::Paragraph { text, bold } => {
                let text = md_cell(text);
                if *bold {
                    let _ = writeln!(out, "**{text}**");
                } else {
                    let _ = writeln!(out, "{text}");
                }
            }
            Block::Fields { rows } => {
                for f in rows {
                    let _ = writeln!(out, "**{}:** {}  ", md_cell(&f.label), md_cell(&f.value));
                }
            }
            Block::Grid { columns, cells } => {
                let rows = grid_rows(columns.len(), cells);
                for (i, row) in rows.iter().enumerate() {
                    let cells: Vec<String> = row.iter().map(|c| md_cell(c)).collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                    if i == 0 {
                        let _ = writeln!(out, "|{}", "---|".repeat(row.len()));
                    }
                }
            }
            Block::Table { columns, rows } => {
                let titles: Vec<String> = columns.iter().map(|c| md_cell(&c.title)).collect();
                let _ = writeln!(out, "| {} |", titles.join(" | "));
                let rule: Vec<&str> = columns
                    .iter()
                    .map(|c| match c.align {
                        Align::Left => "---",
                        Align::Right => "---:",
                    })
                    .collect();
                let _ = writeln!(out, "|{}|", rule.join("|"));
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| md_cell(c)).collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
            }
            Block::Totals { rows } => {
                for t in rows {
                    let (label, value) = (md_cell(&t.label), md_cell(&t.value));
                    if t.bold {
                        let _ = writeln!(out, "**{label}: {value}**  ");
                    } else {
                        let _ = writeln!(out, "{label}: {value}  ");
                    }
                }
            }
            Block::Signatures { rows } => {
                for s in rows {
                    let _ = writeln!(
                        out,
                        "{} ____________________ {}  ",
                        md_cell(&s.role),
                        md_cell(&s.name)
                    );
                }
            }
            Block::Rule => out.push_str("---\n"),
        }
    }
    out
}

fn align_class(a: Align) -> &'static str {
    match a {
        Align::Left => "",
        Align::Right => " class=\"n\"",
    }
}

/// The document as a standalone HTML page (UTF-8, no external resources).
pub fn html(doc: &Document) -> String {
    let h = escape_html;
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{}</title>\n<style>\n\
         body{{margin:0;padding:24px;color:#111;font-family:'DejaVu Sans',Arial,sans-serif;font-size:14px;line-height:1.4}}\n\
         main{{max-width:820px}}\n\
         h1{{font-size:20px;margin:16px 0 8px}}\n\
         table{{border-collapse:collapse;width:100%;margin:8px 0}}\n\
         th,td{{border:1px solid #444;padding:3px 6px;vertical-align:top}}\n\
         th{{background:#f2f2f2}}\n\
         .n{{text-align:right;white-space:nowrap}}\n\
         small{{display:block;color:#555;font-size:11px}}\n\
         dl{{display:grid;grid-template-columns:max-content auto;gap:4px 12px}}\n\
         dt{{font-weight:600}} dd{{margin:0}}\n\
         .totals{{margin-left:auto;width:auto}} .totals td{{border:none;text-align:right}}\n\
         .sign td{{border:none;padding:16px 8px 0}} .sign .line{{border-bottom:1px solid #111;min-width:160px}}\n\
         hr{{border:none;border-top:2px solid #111}}\n\
         </style>\n</head>\n<body>\n<main>\n",
        h(&doc.lang),
        h(&doc.title)
    );
    for block in &doc.blocks {
        match block {
            Block::Heading { text } => {
                let _ = writeln!(out, "<h1>{}</h1>", h(text));
            }
            Block::Paragraph { text, bold } => {
                if *bold {
                    let _ = writeln!(out, "<p><strong>{}</strong></p>", h(text));
                } else {
                    let _ = writeln!(out, "<p>{}</p>", h(text));
                }
            }
            Block::Fields { rows } => {
                out.push_str("<dl>\n");
                for f in rows {
                    let _ = writeln!(out, "<dt>{}:</dt><dd>{}</dd>", h(&f.label), h(&f.value));
                }
                out.push_str("</dl>\n");
            }
            Block::Grid { columns, cells } => {
                let (at, _) = place(columns.len(), cells);
                out.push_str("<table class=\"grid\">\n<tr>");
                let mut row = 0;
                for (cell, (r, _)) in cells.iter().zip(at) {
                    while row < r {
                        out.push_str("</tr>\n<tr>");
                        row += 1;
                    }
                    let mut attrs = String::from(align_class(cell.align));
                    if cell.colspan > 1 {
                        let _ = write!(attrs, " colspan=\"{}\"", cell.colspan);
                    }
                    if cell.rowspan > 1 {
                        let _ = write!(attrs, " rowspan=\"{}\"", cell.rowspan);
                    }
                    let text = if cell.bold {
                        format!("<strong>{}</strong>", h(&cell.text))
                    } else {
                        h(&cell.text)
                    };
                    let note = cell
                        .note
                        .as_ref()
                        .map(|n| format!("<small>{}</small>", h(n)))
                        .unwrap_or_default();
                    let _ = write!(out, "<td{attrs}>{text}{note}</td>");
                }
                out.push_str("</tr>\n</table>\n");
            }
            Block::Table { columns, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for c in columns {
                    let _ = write!(out, "<th{}>{}</th>", align_class(c.align), h(&c.title));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for (i, cell) in row.iter().enumerate() {
                        let align = columns.get(i).map_or(Align::Left, |c| c.align);
                        let _ = write!(out, "<td{}>{}</td>", align_class(align), h(cell));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Totals { rows } => {
                out.push_str("<table class=\"totals\">\n");
                for t in rows {
                    if t.bold {
                        let _ = writeln!(
                            out,
                            "<tr><td><strong>{}:</strong></td><td><strong>{}</strong></td></tr>",
                            h(&t.label),
                            h(&t.value)
                        );
                    } else {
                        let _ = writeln!(
                            out,
                            "<tr><td>{}:</td><td>{}</td></tr>",
                            h(&t.label),
                            h(&t.value)
                        );
                    }
                }
                out.push_str("</table>\n");
            }
            Block::Signatures { rows } => {
                out.push_str("<table class=\"sign\">\n");
                for s in rows {
                    let _ = writeln!(
                        out,
                        "<tr><td>{}</td><td class=\"line\"></td><td>{}</td></tr>",
                        h(&s.role),
                        h(&s.name)
                    );
                }
                out.push_str("</table>\n");
            }
            Block::Rule => out.push_str("<hr>\n"),
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank_grid() -> Vec<Cell> {
        vec![
            Cell::new("Банк").note("Банк получателя").span(2, 2),
            Cell::new("БИК"),
            Cell::new("044525999"),
            Cell::new("Сч. №"),
            Cell::new("30101810600000000999"),
            Cell::new("ИНН 7707526016"),
            Cell::new("КПП 770701001"),
            Cell::new("Сч. №").span(1, 2),
            Cell::new("40702810348757491186").span(1, 2),
            Cell::new("ООО «Белый кит»").note("Получатель").span(2, 1),
        ]
    }

    #[test]
    fn grid_cells_are_placed_around_spans() {
        let (at, rows) = place(4, &bank_grid());
        assert_eq!(
            at,
            [
                (0, 0),
                (0, 2),
                (0, 3),
                (1, 2),
                (1, 3),
                (2, 0),
                (2, 1),
                (2, 2),
                (2, 3),
                (3, 0)
            ]
        );
        assert_eq!(rows, 4);
    }

    fn doc() -> Document {
        Document {
            lang: "ru".into(),
            title: "Счёт <1>".into(),
            blocks: vec![
                Block::Grid {
                    columns: vec![Width::Share(1), Width::Share(1), Width::Auto, Width::Auto],
                    cells: bank_grid(),
                },
                Block::Heading {
                    text: "Счёт на оплату № 1".into(),
                },
                Block::Fields {
                    rows: vec![Field {
                        label: "Покупатель".into(),
                        value: "ООО «Ромашка» | & <b>".into(),
                    }],
                },
                Block::Table {
                    columns: vec![
                        Column {
                            title: "№".into(),
                            align: Align::Right,
                            width: Width::Auto,
                        },
                        Column {
                            title: "Товары".into(),
                            align: Align::Left,
                            width: Width::Share(1),
                        },
                    ],
                    rows: vec![vec!["1".into(), "Дизайн".into()]],
                },
                Block::Totals {
                    rows: vec![Total {
                        label: "Итого".into(),
                        value: "1,00".into(),
                        bold: true,
                    }],
                },
                Block::Paragraph {
                    text: "Один рубль 00 копеек".into(),
                    bold: true,
                },
                Block::Rule,
                Block::Signatures {
                    rows: vec![Signature {
                        role: "Директор".into(),
                        name: "Волков С. А.".into(),
                    }],
                },
            ],
            data: serde_json::Value::Null,
        }
    }

    #[test]
    fn markdown_keeps_every_value_on_its_line() {
        let md = markdown(&doc());
        assert!(
            md.contains("| Банк (Банк получателя) |  | БИК | 044525999 |\n|---|---|---|---|\n"),
            "{md}"
        );
        assert!(
            md.contains("|  |  | Сч. № | 30101810600000000999 |"),
            "{md}"
        );
        assert!(
            md.contains("**Покупатель:** ООО «Ромашка» \\| & <b>  "),
            "{md}"
        );
        assert!(
            md.contains("| № | Товары |\n|---:|---|\n| 1 | Дизайн |\n"),
            "{md}"
        );
        assert!(md.contains("**Итого: 1,00**"), "{md}");
        assert!(md.contains("**Один рубль 00 копеек**"), "{md}");
    }

    #[test]
    fn html_escapes_and_spans() {
        let page = html(&doc());
        assert!(page.contains("<title>Счёт &lt;1&gt;</title>"), "{page}");
        assert!(
            page.contains(
                "<td colspan=\"2\" rowspan=\"2\">Банк<small>Банк получателя</small></td>"
            ),
            "{page}"
        );
        assert!(page.contains("<td rowspan=\"2\">Сч. №</td>"), "{page}");
        assert!(page.contains("ООО «Ромашка» | &amp; &lt;b&gt;"), "{page}");
        assert_eq!(page.matches("<tr>").count(), page.matches("</tr>").count());
    }
}
