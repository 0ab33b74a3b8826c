//! `rapport estimate CLIENT/PROJECT`: the project's preliminary estimate (смета) as a
//! document for the client — parties, contract, the lines with their amounts, the
//! total, its VAT and the sum in words — in the book's language, as Markdown, a
//! standalone HTML page or PDF, all three from one [`crate::pdf::Document`], the
//! invoice's document model and renderers (`--format pdf` is typeset by the same typst
//! code and built-in layout as `rapport invoice render`; a book may lay it out its
//! own way in `templates/estimate.typ`).
//!
//! The money is the invoice's: each line is `qty × price` rounded to kopecks
//! (`invoice_math::line_amount`, as on an invoice), the VAT is split the
//! way an invoice under the same contract would split it (`invoice_math::split`: the
//! contract's or the book's rate, prices with or without VAT as the book says),
//! amounts are written by `report::locale::money` and the sum in words by `words`.

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde::Serialize;

use super::duty_support::{self as support, currency, vat_contract};
use crate::book::{Book, ClientBook, Entity};
use crate::cli::EstimateArgs;
use crate::commands::document_out::{self, qty};
use crate::context::Context;
use crate::exit::Exit;
use crate::invoice_math::{self, Totals};
use crate::model::Project;
use crate::model::settings::Locale;
use crate::money::{Money, Vat};
use crate::pdf::{Block, Document, Field, Total};
use crate::report::locale;
use crate::words;

pub fn run(ctx: &Context, args: &EstimateArgs) -> Result<Exit> {
    let book = ctx.load_for(support::split_ref(&args.project, "project"))?;
    let (client, project) = support::find_project(book, &args.project)?;
    if project.data.estimate.is_empty() {
        bail!(
            "project `{}` of client `{}` has no estimate lines\nhint: write them in {} under \
             `estimate:` (item, qty, unit, price)",
            project.id,
            client.id,
            project.file
        );
    }
    let today = ctx.today(book);
    let doc = document(book, client, project, today)?;
    document_out::output(
        &doc,
        args.format.into(),
        book.root(),
        "estimate",
        &project.id,
        args.out.as_deref(),
    )?;
    Ok(Exit::Ok)
}

/// The raw estimate for a book's own template (`data` of the document): amounts as
/// exact decimals with two places, dates as ISO text.
#[derive(Debug, Serialize)]
struct Data<'a> {
    client: &'a str,
    project: &'a str,
    title: &'a str,
    date: String,
    currency: &'a str,
    customer: String,
    agency: String,
    contract: Option<ContractData<'a>>,
    lines: Vec<LineData<'a>>,
    vat_rate: String,
    prices_include_vat: bool,
    net: String,
    vat: String,
    gross: String,
    in_words: String,
    signatory: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct ContractData<'a> {
    number: &'a str,
    signed: Option<String>,
    title: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct LineData<'a> {
    item: &'a str,
    qty: String,
    unit: Option<&'a str>,
    price: String,
    amount: String,
    service: Option<&'a str>,
}

/// The fixed words of the document.
struct Words {
    title: &'static str,
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

fn words_of(locale: Locale) -> Words {
    match locale {
        Locale::Ru => Words {
            title: "Предварительная смета",
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
            title: "Preliminary estimate",
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

/// The estimate as a document: heading, parties and date, the lines, the totals with
/// VAT, the sum in words, the note that it is preliminary and the signatory.
/// An error when the estimate's figures do not fit in a sum of money or cannot be
/// written in words.
fn document(
    book: &Book,
    client: &ClientBook,
    e: &Entity<Project>,
    today: NaiveDate,
) -> Result<Document> {
    let p = &e.data;
    let settings = book.settings.as_ref();
    let loc = crate::report::meeting::book_locale(book);
    let w = words_of(loc);
    let cur = currency(book, client, p.contract.as_deref(), today);
    let money = |m: Money| locale::money(loc, m, cur);

    let fail = |err: &dyn std::fmt::Display| {
        anyhow::anyhow!(
            "cannot render the estimate of project `{}` ({}): {err}",
            e.id,
            e.file
        )
    };
    let amounts = invoice_math::line_amounts(&p.estimate).map_err(|err| fail(&err))?;
    let sum = invoice_math::sum_of(&amounts).map_err(|err| fail(&err))?;
    // An estimate has no rate or flag of its own, nor a date of its own: the contract's
    // rate today (a supplement in force may change it), else the book's.
    let vat_rate = invoice_math::vat_rate(
        None,
        vat_contract(client, p.contract.as_deref(), today),
        settings,
    );
    let include = invoice_math::prices_include_vat(None, settings);
    let totals @ Totals { vat, gross, .. } = invoice_math::split(sum, vat_rate, include)
        .ok_or_else(|| fail(&invoice_math::TooLarge::of("the total with VAT")))?;

    let customer = client
        .client
        .as_ref()
        .and_then(|c| c.data.legal.as_ref().and_then(|l| l.name.clone()))
        .unwrap_or_else(|| support::client_name(client).to_owned());
    let agency = settings
        .map(|s| {
            s.agency
                .legal
                .as_ref()
                .and_then(|l| l.name.clone())
                .unwrap_or_else(|| s.agency.name.clone())
        })
        .unwrap_or_default();
    let contract = support::contract(client, p.contract.as_deref());
    let signatory = settings.and_then(|s| s.agency.signatory.as_deref());

    let mut blocks = vec![Block::Heading {
        text: w.title.to_owned(),
    }];
    let mut fields = vec![
        Field {
            label: w.project.to_owned(),
            value: p.title.clone(),
        },
        Field {
            label: w.client.to_owned(),
            value: customer.clone(),
        },
    ];
    if !agency.is_empty() {
        fields.push(Field {
            label: w.agency.to_owned(),
            value: agency.clone(),
        });
    }
    if let Some(c) = contract {
        let value = match (loc, c.signed) {
            (Locale::Ru, Some(s)) => {
                format!("№ {} от {}", c.number, document_out::date(loc, s.0))
            }
            (Locale::Ru, None) => format!("№ {}", c.number),
            (Locale::En, Some(s)) => {
                format!("No. {} of {}", c.number, document_out::date(loc, s.0))
            }
            (Locale::En, None) => format!("No. {}", c.number),
        };
        fields.push(Field {
            label: w.contract.to_owned(),
            value,
        });
    }
    fields.push(Field {
        label: w.date.to_owned(),
        value: document_out::date(loc, today),
    });
    blocks.push(Block::Fields { rows: fields });

    let columns = document_out::line_columns(&w.header);
    let rows = p
        .estimate
        .iter()
        .zip(&amounts)
        .enumerate()
        .map(|(n, (l, a))| {
            vec![
                (n + 1).to_string(),
                l.item.clone(),
                qty(loc, l.qty),
                l.unit.clone().unwrap_or_default(),
                money(l.price),
                money(*a),
            ]
        })
        .collect();
    blocks.push(Block::Table { columns, rows });

    let mut totals_rows = vec![Total {
        label: w.total.to_owned(),
        value: money(sum),
        bold: true,
    }];
    match vat_rate {
        Vat::Rate(r) => {
            let label = match (loc, include && !r.is_zero()) {
                (Locale::Ru, true) => format!("В том числе НДС {}", document_out::rate(loc, r)),
                (Locale::Ru, false) => format!("НДС {}", document_out::rate(loc, r)),
                (Locale::En, true) => format!("Including VAT {}", document_out::rate(loc, r)),
                (Locale::En, false) => format!("VAT {}", document_out::rate(loc, r)),
            };
            totals_rows.push(Total {
                label,
                value: money(vat),
                bold: true,
            });
            if !include && !r.is_zero() {
                totals_rows.push(Total {
                    label: w.gross.to_owned(),
                    value: money(gross),
                    bold: true,
                });
            }
        }
        Vat::None => totals_rows.push(Total {
            label: w.no_vat.to_owned(),
            value: "—".to_owned(),
            bold: true,
        }),
    }
    blocks.push(Block::Totals { rows: totals_rows });

    let in_words = words::amount(loc, gross, cur).map_err(|err| fail(&err))?;
    blocks.push(Block::Paragraph {
        text: in_words.clone(),
        bold: true,
    });
    blocks.push(Block::Paragraph {
        text: w.note.to_owned(),
        bold: false,
    });
    if let Some(s) = signatory {
        blocks.push(Block::Paragraph {
            text: s.to_owned(),
            bold: false,
        });
    }

    let data = Data {
        client: &client.id,
        project: &e.id,
        title: &p.title,
        date: today.to_string(),
        currency: cur,
        customer,
        agency,
        contract: contract.map(|c| ContractData {
            number: &c.number,
            signed: c.signed.map(|d| d.0.to_string()),
            title: c.title.as_deref(),
        }),
        lines: p
            .estimate
            .iter()
            .zip(&amounts)
            .map(|(l, a)| LineData {
                item: &l.item,
                qty: l.qty.to_string(),
                unit: l.unit.as_deref(),
                price: l.price.to_string(),
                amount: a.to_string(),
                service: l.service.as_deref(),
            })
            .collect(),
        vat_rate: vat_rate.to_string(),
        prices_include_vat: include,
        net: totals.net.to_string(),
        vat: totals.vat.to_string(),
        gross: totals.gross.to_string(),
        in_words,
        signatory,
    };
    Ok(Document {
        lang: locale::code(loc).to_owned(),
        title: format!("{} — {}", w.title, p.title),
        blocks,
        data: serde_json::to_value(&data).unwrap_or(serde_json::Value::Null),
    })
}
