//! `rapport invoice render CLIENT/INVOICE`: the invoice as a document for the client —
//! in Russian the customary "Счёт на оплату" (the bank block on top, supplier and
//! buyer with ИНН/КПП and address, the contract it is issued under, the lines, Итого,
//! the VAT line or "Без налога (НДС)", Всего к оплате, "Всего наименований N на сумму
//! …", the sum in words, the payment term and the signatory), in English for
//! `locale: en` — as PDF, HTML or Markdown from one [`crate::pdf::Document`].
//!
//! Figures come from `invoice_math` (the audit's), are written by
//! `report::locale` (dates, money) and `words` (the sum in words). Missing legal or
//! bank details are left blank on the document and named in a note on stderr.

use anyhow::Result;
use serde::Serialize;

use crate::book::{Book, ClientBook, Entity};
use crate::cli::InvoiceRenderArgs;
use crate::commands::document_out::{self, qty};
use crate::commands::duty_support::{self as support, currency, vat_contract};
use crate::context::Context;
use crate::exit::Exit;
use crate::invoice_math::{self, Totals};
use crate::model::contract::ContractKind;
use crate::model::invoice::InvoiceStatus;
use crate::model::settings::{Bank, Legal, Locale};
use crate::model::{Contract, Invoice};
use crate::money::{Money, Vat};
use crate::pdf::{Block, Cell, Document, Field, Signature, Total, Width};
use crate::report::locale;
use crate::words;

/// Runs `rapport invoice render`.
pub fn run(ctx: &Context, args: &InvoiceRenderArgs) -> Result<Exit> {
    let book = ctx.load_for(super::parse_ref(&args.invoice))?;
    let (client, invoice) = super::locate(book, &args.invoice)?;
    let (doc, missing) = document(book, client, invoice)?;
    document_out::output(
        &doc,
        args.format.into(),
        book.root(),
        "invoice",
        &invoice.id,
        args.out.as_deref(),
    )?;
    if invoice.data.status != InvoiceStatus::Issued {
        let status = match invoice.data.status {
            InvoiceStatus::Draft => "a draft",
            _ => "cancelled",
        };
        eprintln!("note: invoice {} is {status}", invoice.data.number);
    }
    if !missing.is_empty() {
        eprintln!(
            "note: left blank on the invoice: {}\nhint: fill them in rapport.yaml (agency) and \
             the client's client.yaml (legal)",
            missing.join(", ")
        );
    }
    Ok(Exit::Ok)
}

/// The raw invoice for a book's own template (`data` of the document): amounts as
/// exact decimals with two places, dates as ISO text.
#[derive(Debug, Serialize)]
struct Data<'a> {
    number: &'a str,
    date: String,
    due: String,
    status: &'static str,
    currency: &'a str,
    supplier: Party<'a>,
    buyer: Party<'a>,
    bank: Option<&'a Bank>,
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
struct Party<'a> {
    name: String,
    legal: Option<&'a Legal>,
    phone: Option<&'a str>,
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
}

/// An amount without its currency, as in the table: `150 000,00` / `150,000.00`.
fn amount(loc: Locale, m: Money) -> String {
    locale::money(loc, m, "").trim().to_owned()
}

/// "Генеральный директор Волков Сергей Андреевич" → ("Генеральный директор", "Волков
/// С. А."): a position followed by a full name (surname, name, patronymic) is signed
/// as surname and initials; anything else is printed as written, under `fallback`.
fn signatory(text: &str, fallback: &str) -> Signature {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if words.len() >= 4 && words[words.len() - 3..].iter().all(capital) {
        let n = words.len();
        let initial = |w: &str| {
            w.chars()
                .next()
                .map(|c| format!("{c}."))
                .unwrap_or_default()
        };
        return Signature {
            role: words[..n - 3].join(" "),
            name: format!(
                "{} {} {}",
                words[n - 3],
                initial(words[n - 2]),
                initial(words[n - 1])
            ),
        };
    }
    Signature {
        role: fallback.to_owned(),
        name: text.to_owned(),
    }
}

/// The fixed words of the document.
struct Words {
    bank: &'static str,
    payee: &'static str,
    bik: &'static str,
    account_no: &'static str,
    inn: &'static str,
    kpp: &'static str,
    supplier: &'static str,
    buyer: &'static str,
    basis: &'static str,
    header: [&'static str; 6],
    total: &'static str,
    no_vat: &'static str,
    due_total: &'static str,
    signed_by: &'static str,
    phone: &'static str,
}

fn words_of(loc: Locale) -> Words {
    match loc {
        Locale::Ru => Words {
            bank: "Банк получателя",
            payee: "Получатель",
            bik: "БИК",
            account_no: "Сч. №",
            inn: "ИНН",
            kpp: "КПП",
            supplier: "Поставщик (Исполнитель)",
            buyer: "Покупатель (Заказчик)",
            basis: "Основание",
            header: [
                "№",
                "Товары (работы, услуги)",
                "Кол-во",
                "Ед.",
                "Цена",
                "Сумма",
            ],
            total: "Итого",
            no_vat: "Без налога (НДС)",
            due_total: "Всего к оплате",
            signed_by: "Руководитель",
            phone: "тел.",
        },
        Locale::En => Words {
            bank: "Payee's bank",
            payee: "Payee",
            bik: "BIC (БИК)",
            account_no: "Account No.",
            inn: "INN",
            kpp: "KPP",
            supplier: "Supplier",
            buyer: "Customer",
            basis: "Under",
            header: ["No.", "Description", "Qty", "Unit", "Price", "Amount"],
            total: "Subtotal",
            no_vat: "No VAT",
            due_total: "Total due",
            signed_by: "Signed",
            phone: "tel.",
        },
    }
}

/// A party in one line: "ООО «Белый кит», ИНН 7707526016, КПП 770701001, 127006,
/// г. Москва, …, тел. +7 495 120-45-67".
fn party_line(w: &Words, name: &str, legal: Option<&Legal>, phone: Option<&str>) -> String {
    let mut parts = vec![name.to_owned()];
    if let Some(l) = legal {
        if let Some(inn) = &l.inn {
            parts.push(format!("{} {inn}", w.inn));
        }
        if let Some(kpp) = &l.kpp {
            parts.push(format!("{} {kpp}", w.kpp));
        }
        if let Some(a) = &l.address {
            parts.push(a.clone());
        }
    }
    if let Some(p) = phone {
        parts.push(format!("{} {p}", w.phone));
    }
    parts.join(", ")
}

/// "Договор № 17/2025 от 15 января 2025 г." / "Contract No. 17/2025 of 15 January 2025".
fn contract_line(loc: Locale, c: &Contract, parent: Option<&Contract>) -> String {
    let date = |d: Option<crate::model::time::Date>| {
        d.map(|d| match loc {
            Locale::Ru => format!(" от {}", document_out::date(loc, d.0)),
            Locale::En => format!(" of {}", document_out::date(loc, d.0)),
        })
        .unwrap_or_default()
    };
    match (loc, c.kind, parent) {
        (Locale::Ru, ContractKind::Supplement, Some(p)) => format!(
            "Дополнительное соглашение № {}{} к договору № {}{}",
            c.number,
            date(c.signed),
            p.number,
            date(p.signed)
        ),
        (Locale::En, ContractKind::Supplement, Some(p)) => format!(
            "Supplementary agreement No. {}{} to contract No. {}{}",
            c.number,
            date(c.signed),
            p.number,
            date(p.signed)
        ),
        (Locale::Ru, _, _) => format!("Договор № {}{}", c.number, date(c.signed)),
        (Locale::En, _, _) => format!("Contract No. {}{}", c.number, date(c.signed)),
    }
}

/// The invoice as a document, and the details that were missing for it; an error
/// when its figures do not fit in a sum of money or cannot be written in words.
fn document(
    book: &Book,
    client: &ClientBook,
    e: &Entity<Invoice>,
) -> Result<(Document, Vec<&'static str>)> {
    let i = &e.data;
    let settings = book.settings.as_ref();
    let loc = crate::report::meeting::book_locale(book);
    let w = words_of(loc);
    let cur = currency(book, client, i.contract.as_deref(), i.date.0);
    let under = vat_contract(client, i.contract.as_deref(), i.date.0);
    let rate = invoice_math::vat_rate(i.vat, under, settings);
    let include = invoice_math::prices_include_vat(i.prices_include_vat, settings);
    let too_large = |err: invoice_math::TooLarge| {
        anyhow::anyhow!("cannot render invoice {} ({}): {err}", i.number, e.file)
    };
    let amounts = invoice_math::line_amounts(&i.lines).map_err(too_large)?;
    let totals @ Totals { net, vat, gross } =
        invoice_math::totals(i, under, settings).map_err(too_large)?;
    let (due, _) = invoice_math::due_date(i, settings);
    let mut missing = Vec::new();

    let agency = settings.map(|s| &s.agency);
    let agency_legal = agency.and_then(|a| a.legal.as_ref());
    let bank = agency.and_then(|a| a.bank.as_ref());
    let supplier_name = agency_legal
        .and_then(|l| l.name.clone())
        .or_else(|| agency.map(|a| a.name.clone()))
        .unwrap_or_default();
    let buyer_data = client.client.as_ref().map(|c| &c.data);
    let buyer_legal = buyer_data.and_then(|c| c.legal.as_ref());
    let buyer_name = buyer_legal
        .and_then(|l| l.name.clone())
        .unwrap_or_else(|| support::client_name(client).to_owned());
    if agency_legal.and_then(|l| l.inn.as_ref()).is_none() {
        missing.push("agency.legal.inn");
    }
    if bank.is_none_or(|b| b.bik.is_none() || b.account.is_none()) {
        missing.push("agency.bank (bik, account)");
    }
    if buyer_legal.and_then(|l| l.inn.as_ref()).is_none() {
        missing.push("the client's legal.inn");
    }

    let get = |f: fn(&Bank) -> &Option<String>| -> String {
        bank.and_then(|b| f(b).clone()).unwrap_or_default()
    };
    let legal_get = |f: fn(&Legal) -> &Option<String>| -> String {
        agency_legal.and_then(|l| f(l).clone()).unwrap_or_default()
    };
    let mut blocks = vec![Block::Grid {
        columns: vec![Width::Share(1), Width::Share(1), Width::Auto, Width::Auto],
        cells: vec![
            Cell::new(get(|b| &b.name)).note(w.bank).span(2, 2),
            Cell::new(w.bik),
            Cell::new(get(|b| &b.bik)),
            Cell::new(w.account_no),
            Cell::new(get(|b| &b.corr_account)),
            Cell::new(format!("{} {}", w.inn, legal_get(|l| &l.inn))),
            Cell::new(format!("{} {}", w.kpp, legal_get(|l| &l.kpp))),
            Cell::new(w.account_no).span(1, 2),
            Cell::new(get(|b| &b.account)).span(1, 2),
            Cell::new(supplier_name.clone()).note(w.payee).span(2, 1),
        ],
    }];
    let title = match loc {
        Locale::Ru => format!(
            "Счёт на оплату № {} от {}",
            i.number,
            document_out::date(loc, i.date.0)
        ),
        Locale::En => format!(
            "Invoice No. {} of {}",
            i.number,
            document_out::date(loc, i.date.0)
        ),
    };
    blocks.push(Block::Heading {
        text: title.clone(),
    });
    blocks.push(Block::Rule);
    let mut fields = vec![
        Field {
            label: w.supplier.to_owned(),
            value: party_line(
                &w,
                &supplier_name,
                agency_legal,
                agency.and_then(|a| a.phone.as_deref()),
            ),
        },
        Field {
            label: w.buyer.to_owned(),
            value: party_line(&w, &buyer_name, buyer_legal, None),
        },
    ];
    let contract = support::contract(client, i.contract.as_deref());
    if let Some(c) = contract {
        let parent = support::contract(client, c.parent.as_deref());
        fields.push(Field {
            label: w.basis.to_owned(),
            value: contract_line(loc, c, parent),
        });
    }
    blocks.push(Block::Fields { rows: fields });

    let columns = document_out::line_columns(&w.header);
    let rows = i
        .lines
        .iter()
        .zip(&amounts)
        .enumerate()
        .map(|(n, (l, a))| {
            vec![
                (n + 1).to_string(),
                l.item.clone(),
                qty(loc, l.qty),
                l.unit.clone().unwrap_or_default(),
                amount(loc, l.price),
                amount(loc, *a),
            ]
        })
        .collect();
    blocks.push(Block::Table { columns, rows });

    let mut totals_rows = vec![Total {
        label: w.total.to_owned(),
        value: amount(loc, if include { gross } else { net }),
        bold: true,
    }];
    match rate {
        Vat::Rate(r) => {
            let label = match (loc, include) {
                (Locale::Ru, true) => format!("В том числе НДС {}", document_out::rate(loc, r)),
                (Locale::Ru, false) => format!("НДС {}", document_out::rate(loc, r)),
                (Locale::En, true) => format!("Including VAT {}", document_out::rate(loc, r)),
                (Locale::En, false) => format!("VAT {}", document_out::rate(loc, r)),
            };
            totals_rows.push(Total {
                label,
                value: amount(loc, vat),
                bold: true,
            });
        }
        Vat::None => totals_rows.push(Total {
            label: w.no_vat.to_owned(),
            value: "—".to_owned(),
            bold: true,
        }),
    }
    totals_rows.push(Total {
        label: w.due_total.to_owned(),
        value: amount(loc, gross),
        bold: true,
    });
    blocks.push(Block::Totals { rows: totals_rows });

    let in_words = words::amount(loc, gross, cur)
        .map_err(|err| anyhow::anyhow!("cannot render invoice {} ({}): {err}", i.number, e.file))?;
    let count = i.lines.len();
    let summary = match loc {
        Locale::Ru => {
            let unit = if cur == "RUB" { "руб." } else { cur };
            format!(
                "Всего наименований {count}, на сумму {} {unit}",
                amount(loc, gross)
            )
        }
        Locale::En => format!(
            "Total {count} {}, amounting to {}",
            if count == 1 { "item" } else { "items" },
            locale::money(loc, gross, cur)
        ),
    };
    blocks.push(Block::Paragraph {
        text: summary,
        bold: false,
    });
    blocks.push(Block::Paragraph {
        text: in_words.clone(),
        bold: true,
    });
    let pay_by = match loc {
        Locale::Ru => format!(
            "Оплатить не позднее {} В назначении платежа укажите номер счёта.",
            document_out::date(loc, due)
        ),
        Locale::En => format!(
            "Please pay by {}, quoting the invoice number.",
            document_out::date(loc, due)
        ),
    };
    blocks.push(Block::Paragraph {
        text: pay_by,
        bold: false,
    });
    blocks.push(Block::Rule);
    let signer = agency.and_then(|a| a.signatory.as_deref());
    if signer.is_none() {
        missing.push("agency.signatory");
    }
    blocks.push(Block::Signatures {
        rows: vec![signatory(signer.unwrap_or(""), w.signed_by)],
    });

    let data = Data {
        number: &i.number,
        date: i.date.0.to_string(),
        due: due.to_string(),
        status: match i.status {
            InvoiceStatus::Draft => "draft",
            InvoiceStatus::Issued => "issued",
            InvoiceStatus::Cancelled => "cancelled",
        },
        currency: cur,
        supplier: Party {
            name: supplier_name,
            legal: agency_legal,
            phone: agency.and_then(|a| a.phone.as_deref()),
        },
        buyer: Party {
            name: buyer_name,
            legal: buyer_legal,
            phone: None,
        },
        bank,
        contract: contract.map(|c| ContractData {
            number: &c.number,
            signed: c.signed.map(|d| d.0.to_string()),
            title: c.title.as_deref(),
        }),
        lines: i
            .lines
            .iter()
            .zip(&amounts)
            .map(|(l, a)| LineData {
                item: &l.item,
                qty: l.qty.to_string(),
                unit: l.unit.as_deref(),
                price: l.price.to_string(),
                amount: a.to_string(),
            })
            .collect(),
        vat_rate: rate.to_string(),
        prices_include_vat: include,
        net: totals.net.to_string(),
        vat: totals.vat.to_string(),
        gross: totals.gross.to_string(),
        in_words,
        signatory: signer,
    };
    let doc = Document {
        lang: locale::code(loc).to_owned(),
        title,
        blocks,
        data: serde_json::to_value(&data).unwrap_or(serde_json::Value::Null),
    };
    Ok((doc, missing))
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;

    #[test]
    fn signatories_sign_with_initials() {
        let s = signatory(
            "Генеральный директор Волков Сергей Андреевич",
            "Руководитель",
        );
        assert_eq!(
            (s.role.as_str(), s.name.as_str()),
            ("Генеральный директор", "Волков С. А.")
        );
        let s = signatory("Волков С. А.", "Руководитель");
        assert_eq!(
            (s.role.as_str(), s.name.as_str()),
            ("Руководитель", "Волков С. А.")
        );
        let s = signatory("", "Signed");
        assert_eq!((s.role.as_str(), s.name.as_str()), ("Signed", ""));
    }

    #[test]
    fn amounts_in_both_languages() {
        let m = Money(Decimal::new(15_000_050, 2));
        assert_eq!(amount(Locale::Ru, m), "150\u{a0}000,50");
        assert_eq!(amount(Locale::En, m), "150,000.50");
    }
}
