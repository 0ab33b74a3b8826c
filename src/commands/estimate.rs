//! `rapport estimate CLIENT/PROJECT`: the project's preliminary estimate (смета) as a
//! document for the client — parties, contract, the lines with their amounts, the
//! total and its VAT — in the book's language, as Markdown or a standalone HTML
//! page. PDF waits for the invoice's PDF code.
//!
//! The money is the invoice's: each line is `qty × price` rounded to kopecks
//! (`budget_math::line_amount`, the rounding of `invoice_math`), the VAT is split the
//! way an invoice under the same contract would split it (`invoice_math::split`: the
//! contract's or the book's rate, prices with or without VAT as the book says), and
//! amounts are written by `report::locale::money`.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::duty_support::{self as support, currency, vat_contract};
use crate::book::{Book, ClientBook, Entity};
use crate::budget_math;
use crate::cli::{EstimateArgs, EstimateFormat};
use crate::context::Context;
use crate::exit::Exit;
use crate::invoice_math::{self, Totals};
use crate::model::Project;
use crate::model::settings::Locale;
use crate::money::{Money, Quantity, Vat};
use crate::report::locale;
use crate::report::templates::{escape_html, md_cell};
use crate::write::{self, WriteError};

pub fn run(ctx: &Context, args: &EstimateArgs) -> Result<Exit> {
    if args.format == EstimateFormat::Pdf {
        bail!(
            "the PDF estimate is not available yet: it will share the invoice's PDF code\n\
             hint: use --format md, or --format html and print the page to PDF"
        );
    }
    let book = ctx.load()?;
    let (client, project) = support::find_project(&book, &args.project)?;
    if project.data.estimate.is_empty() {
        bail!(
            "project `{}` of client `{}` has no estimate lines\nhint: write them in {} under \
             `estimate:` (item, qty, unit, price)",
            project.id,
            client.id,
            project.file
        );
    }
    let today = ctx.today(&book);
    let doc = Document::of(&book, client, project, today);
    let text = match args.format {
        EstimateFormat::Html => doc.html(),
        EstimateFormat::Md | EstimateFormat::Pdf => doc.markdown(),
    };
    match &args.out {
        None => crate::commands::write_stdout(text.as_bytes())?,
        Some(path) => {
            create(path, &text)?;
            crate::commands::write_stdout(format!("created {}\n", path.display()).as_bytes())?;
        }
    }
    Ok(Exit::Ok)
}

/// Writes a new file, never over an existing one.
fn create(path: &Path, text: &str) -> Result<()> {
    match write::create_new(path, text.as_bytes()) {
        Ok(()) => Ok(()),
        Err(WriteError::Exists(p)) => bail!(
            "{} already exists: rapport never overwrites a document\nhint: choose another \
             --out, or remove the old file first",
            p.display()
        ),
        Err(e) => Err(e.into()),
    }
}

/// One line of the estimate, formatted.
struct Line {
    item: String,
    qty: String,
    unit: String,
    price: String,
    amount: String,
}

/// Everything the document shows, formatted for the book's language.
struct Document {
    locale: Locale,
    title: String,
    project: String,
    client: String,
    agency: String,
    contract: Option<String>,
    date: String,
    lines: Vec<Line>,
    total: String,
    /// The VAT line's label and amount, or "no VAT".
    vat: Option<(String, String)>,
    /// The total with VAT when prices are net.
    gross: Option<String>,
    signatory: Option<String>,
}

/// A quantity in the locale's way: `2,5` / `2.5`.
fn qty(locale: Locale, q: Quantity) -> String {
    let text = q.to_string();
    match locale {
        Locale::Ru => text.replace('.', ","),
        Locale::En => text,
    }
}

/// A VAT rate as text: `22 %` / `22%`.
fn rate(locale: Locale, r: Decimal) -> String {
    let r = support::plain(r);
    match locale {
        Locale::Ru => format!("{}\u{a0}%", r.replace('.', ",")),
        Locale::En => format!("{r}%"),
    }
}

impl Document {
    fn of(book: &Book, client: &ClientBook, e: &Entity<Project>, today: NaiveDate) -> Self {
        let p = &e.data;
        let settings = book.settings.as_ref();
        let locale = crate::report::meeting::book_locale(book);
        let cur = currency(book, client, p.contract.as_deref());
        let money = |m: Money| locale::money(locale, m, cur);
        let lines: Vec<Line> = p
            .estimate
            .iter()
            .map(|l| Line {
                item: l.item.clone(),
                qty: qty(locale, l.qty),
                unit: l.unit.clone().unwrap_or_default(),
                price: money(l.price),
                amount: money(budget_math::line_amount(l)),
            })
            .collect();
        let sum = budget_math::estimate_total(p);
        let vat_rate = vat_contract(client, p.contract.as_deref())
            .and_then(|c| c.vat)
            .or_else(|| settings.map(|s| s.vat))
            .unwrap_or(Vat::Rate(Decimal::from(22)));
        let include = settings.is_none_or(|s| s.invoice.prices_include_vat);
        let Totals { vat, gross, .. } = invoice_math::split(sum, vat_rate, include);
        let (vat_line, gross_line) = match vat_rate {
            Vat::Rate(r) if !r.is_zero() => {
                let label = match (locale, include) {
                    (Locale::Ru, true) => format!("В том числе НДС {}", rate(locale, r)),
                    (Locale::Ru, false) => format!("НДС {}", rate(locale, r)),
                    (Locale::En, true) => format!("Including VAT {}", rate(locale, r)),
                    (Locale::En, false) => format!("VAT {}", rate(locale, r)),
                };
                (Some((label, money(vat))), (!include).then(|| money(gross)))
            }
            Vat::Rate(_) => {
                let label = match locale {
                    Locale::Ru => format!("НДС {}", rate(locale, Decimal::ZERO)),
                    Locale::En => format!("VAT {}", rate(locale, Decimal::ZERO)),
                };
                (Some((label, money(Money::ZERO))), None)
            }
            Vat::None => (None, None),
        };
        let contract =
            support::contract(client, p.contract.as_deref()).map(|c| match (locale, c.signed) {
                (Locale::Ru, Some(s)) => {
                    format!("№ {} от {}", c.number, locale::long_date(locale, s.0))
                }
                (Locale::Ru, None) => format!("№ {}", c.number),
                (Locale::En, Some(s)) => {
                    format!("No. {} of {}", c.number, locale::long_date(locale, s.0))
                }
                (Locale::En, None) => format!("No. {}", c.number),
            });
        let client_data = client.client.as_ref().map(|c| &c.data);
        Document {
            locale,
            title: match locale {
                Locale::Ru => "Предварительная смета".to_owned(),
                Locale::En => "Preliminary estimate".to_owned(),
            },
            project: p.title.clone(),
            client: client_data
                .and_then(|c| c.legal.as_ref().and_then(|l| l.name.clone()))
                .unwrap_or_else(|| support::client_name(client).to_owned()),
            agency: settings
                .map(|s| {
                    s.agency
                        .legal
                        .as_ref()
                        .and_then(|l| l.name.clone())
                        .unwrap_or_else(|| s.agency.name.clone())
                })
                .unwrap_or_default(),
            contract,
            date: locale::long_date(locale, today),
            lines,
            total: money(sum),
            vat: vat_line,
            gross: gross_line,
            signatory: settings.and_then(|s| s.agency.signatory.clone()),
        }
    }

    /// The words of the document in its language.
    fn words(&self) -> Words {
        match self.locale {
            Locale::Ru => Words {
                project: "Проект",
                client: "Заказчик",
                agency: "Исполнитель",
                contract: "Договор",
                date: "Дата",
                header: ["№", "Наименование", "Кол-во", "Ед.", "Цена", "Сумма"],
                total: "Итого",
                no_vat: "Без НДС",
                gross: "Всего с НДС",
                note: "Смета предварительная: окончательная стоимость фиксируется в договоре \
                       или дополнительном соглашении.",
            },
            Locale::En => Words {
                project: "Project",
                client: "Client",
                agency: "Agency",
                contract: "Contract",
                date: "Date",
                header: ["No.", "Item", "Qty", "Unit", "Price", "Amount"],
                total: "Total",
                no_vat: "No VAT",
                gross: "Total with VAT",
                note: "This estimate is preliminary: the final price is set in the contract \
                       or a supplementary agreement.",
            },
        }
    }

    /// The parties and dates, as (label, value).
    fn head(&self) -> Vec<(&'static str, &str)> {
        let w = self.words();
        let mut rows = vec![(w.project, self.project.as_str())];
        rows.push((w.client, self.client.as_str()));
        if !self.agency.is_empty() {
            rows.push((w.agency, self.agency.as_str()));
        }
        if let Some(c) = &self.contract {
            rows.push((w.contract, c.as_str()));
        }
        rows.push((w.date, self.date.as_str()));
        rows
    }

    /// The totals, as (label, value).
    fn foot(&self) -> Vec<(String, &str)> {
        let w = self.words();
        let mut rows = vec![(w.total.to_owned(), self.total.as_str())];
        match &self.vat {
            Some((label, amount)) => rows.push((label.clone(), amount.as_str())),
            None => rows.push((w.no_vat.to_owned(), "")),
        }
        if let Some(g) = &self.gross {
            rows.push((w.gross.to_owned(), g.as_str()));
        }
        rows
    }

    fn markdown(&self) -> String {
        let w = self.words();
        let mut out = format!("# {}\n\n", self.title);
        for (label, value) in self.head() {
            let _ = writeln!(out, "**{label}:** {}  ", md_cell(value));
        }
        out.push('\n');
        let _ = writeln!(out, "| {} |", w.header.join(" | "));
        out.push_str("|---:|---|---:|---|---:|---:|\n");
        for (i, l) in self.lines.iter().enumerate() {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                i + 1,
                md_cell(&l.item),
                l.qty,
                md_cell(&l.unit),
                l.price,
                l.amount
            );
        }
        out.push('\n');
        for (label, value) in self.foot() {
            if value.is_empty() {
                let _ = writeln!(out, "**{label}**  ");
            } else {
                let _ = writeln!(out, "**{label}:** {value}  ");
            }
        }
        let _ = write!(out, "\n{}\n", w.note);
        if let Some(s) = &self.signatory {
            let _ = write!(out, "\n{}\n", md_cell(s));
        }
        out
    }

    fn html(&self) -> String {
        let w = self.words();
        let h = escape_html;
        let lang = locale::code(self.locale);
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{} — {}</title>\n<style>\n\
             body{{margin:0;padding:24px;color:#1f2328;font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:15px;line-height:1.5}}\n\
             main{{max-width:820px}}\n\
             table{{border-collapse:collapse;width:100%}}\n\
             th,td{{border:1px solid #d0d7de;padding:4px 8px;vertical-align:top}}\n\
             th{{background:#f6f8fa}}\n\
             .n{{text-align:right;white-space:nowrap}}\n\
             dl{{display:grid;grid-template-columns:max-content auto;gap:2px 12px}}\n\
             dt{{font-weight:600}} dd{{margin:0}}\n\
             </style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<dl>\n",
            h(&self.title),
            h(&self.project),
            h(&self.title)
        );
        for (label, value) in self.head() {
            let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", h(label), h(value));
        }
        out.push_str("</dl>\n<table>\n<thead><tr>");
        for (i, col) in w.header.iter().enumerate() {
            let class = if matches!(i, 0 | 2 | 4 | 5) {
                " class=\"n\""
            } else {
                ""
            };
            let _ = write!(out, "<th{class}>{}</th>", h(col));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for (i, l) in self.lines.iter().enumerate() {
            let _ = writeln!(
                out,
                "<tr><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td>\
                 <td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                i + 1,
                h(&l.item),
                h(&l.qty),
                h(&l.unit),
                h(&l.price),
                h(&l.amount)
            );
        }
        out.push_str("</tbody>\n<tfoot>\n");
        for (label, value) in self.foot() {
            let _ = writeln!(
                out,
                "<tr><th colspan=\"5\" class=\"n\">{}</th><th class=\"n\">{}</th></tr>",
                h(&label),
                h(value)
            );
        }
        let _ = write!(out, "</tfoot>\n</table>\n<p>{}</p>\n", h(w.note));
        if let Some(s) = &self.signatory {
            let _ = writeln!(out, "<p>{}</p>", h(s));
        }
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }
}

/// The fixed words of the document.
struct Words {
    project: &'static str,
    client: &'static str,
    agency: &'static str,
    contract: &'static str,
    date: &'static str,
    header: [&'static str; 6],
    total: &'static str,
    no_vat: &'static str,
    gross: &'static str,
    note: &'static str,
}
