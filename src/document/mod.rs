//! The document builder: every business document for a client — the invoice
//! ([`invoice`]), the estimate ([`estimate`]), the act of work done ([`act`]) and the
//! reconciliation statement ([`reconciliation`]) — is a
//! [`Sheet`] (its parties, contract, lines, figures, dates and number, gathered from
//! the book) built by one function, [`build`], into the [`crate::document::pdf::Document`] that
//! is rendered as PDF, HTML and Markdown. What differs between documents is data, a
//! [`Form`]: the parts in their order, how much of the parties is written out, when
//! the total with VAT repeats, and the words.
//!
//! The money of every document is reckoned one way ([`figures`]): lines and totals by
//! `billing`, at the VAT rate and in the currency that apply under the document's
//! contract on the document's date — a supplement in force that day may set them
//! (`book::vat_contract`, `book::currency`). Amounts and dates are written by
//! `report::locale` and the sum in words by `words`, with the typography of Russian
//! documents: «НДС 22 %» with a no-break space, «г.» after a year.
//!
//! A book's own layout, `templates/<form>.typ`, gets the same blocks and the raw
//! figures as `data` (see [`build`]).

mod act;
mod estimate;
mod form;
mod invoice;
pub mod pdf;
mod reconcile;

use anyhow::Result;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};

pub use act::act;
pub use estimate::estimate;
pub use form::{ACT, ESTIMATE, Field, Form, GrossRow, INVOICE, Part, RECONCILIATION, Requisites};
pub use invoice::invoice;
pub use reconcile::reconciliation;

use crate::book::{Book, ClientBook};
use crate::document::pdf::{Align, Block, Cell, Column, Document, Signature, Total, Width};
use crate::domain::billing::{self, Totals};
use crate::model::Contract;
use crate::model::amount::{Priced, TooLarge};
use crate::model::contract::ContractKind;
use crate::model::money::{Money, Quantity, Vat};
use crate::model::settings::{Bank, Legal, Locale};
use crate::report::locale;

/// A party to a document: its name (the legal one when the book has it), its legal
/// details and a phone.
#[derive(Debug, Clone, Serialize)]
pub struct Party<'a> {
    pub name: String,
    pub legal: Option<&'a Legal>,
    pub phone: Option<&'a str>,
}

/// The agency and the client as parties, the agency's bank and its signatory.
pub struct Parties<'a> {
    pub supplier: Party<'a>,
    pub buyer: Party<'a>,
    pub bank: Option<&'a Bank>,
    pub signatory: Option<&'a str>,
}

/// The parties of every document between the agency and `client`.
pub fn parties<'a>(book: &'a Book, client: &'a ClientBook) -> Parties<'a> {
    let agency = book.settings.as_ref().map(|s| &s.agency);
    let agency_legal = agency.and_then(|a| a.legal.as_ref());
    let buyer_legal = client.client.as_ref().and_then(|c| c.data.legal.as_ref());
    Parties {
        supplier: Party {
            name: agency_legal
                .and_then(|l| l.name.clone())
                .or_else(|| agency.map(|a| a.name.clone()))
                .unwrap_or_default(),
            legal: agency_legal,
            phone: agency.and_then(|a| a.phone.as_deref()),
        },
        buyer: Party {
            name: buyer_legal
                .and_then(|l| l.name.clone())
                .unwrap_or_else(|| client.name().to_owned()),
            legal: buyer_legal,
            phone: None,
        },
        bank: agency.and_then(|a| a.bank.as_ref()),
        signatory: agency.and_then(|a| a.signatory.as_deref()),
    }
}

/// A line of a document with its amount.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    pub item: &'a str,
    pub qty: Quantity,
    pub unit: Option<&'a str>,
    pub price: Money,
    pub amount: Money,
    /// The catalogue service the line sells (an estimate's), for a book's template.
    pub service: Option<&'a str>,
}

/// What a document asks for, reckoned as every document reckons it.
#[derive(Debug, Clone)]
pub struct Figures<'a> {
    pub currency: &'a str,
    pub rate: Vat,
    pub include_vat: bool,
    /// The lines, each with its amount.
    pub lines: Vec<Line<'a>>,
    pub totals: Totals,
}

/// The figures of a document of `client` dated `date` under contract `contract`, with
/// `lines`: its `own` VAT rate and prices-include-VAT flag if it has them (an
/// invoice may), else the rate of the contract — or of the supplement to it in force
/// on `date` — else the book's; the currency likewise. An error names the line, or
/// the figure, that would be more than a sum of money.
pub fn figures<'a>(
    book: &'a Book,
    client: &'a ClientBook,
    contract: Option<&str>,
    date: NaiveDate,
    own_vat: Option<Vat>,
    own_include_vat: Option<bool>,
    lines: &'a [impl Priced],
) -> Result<Figures<'a>, TooLarge> {
    let settings = book.settings.as_ref();
    let rate = billing::vat_rate(
        own_vat,
        crate::book::vat_contract(client, contract, date),
        settings,
    );
    let include_vat = billing::prices_include_vat(own_include_vat, settings);
    let (amounts, totals) = billing::priced(lines, rate, include_vat)?;
    Ok(Figures {
        currency: crate::book::currency(book, client, contract, date),
        rate,
        include_vat,
        lines: lines
            .iter()
            .zip(amounts)
            .map(|(l, amount)| Line {
                item: l.item(),
                qty: l.qty(),
                unit: l.unit(),
                price: l.price(),
                amount,
                service: l.service(),
            })
            .collect(),
        totals,
    })
}

/// A document to build: everything it says, gathered and reckoned, nothing worded yet.
pub struct Sheet<'a> {
    pub form: &'static Form,
    pub locale: Locale,
    /// What the document is, for an error: "invoice 2026-0008 (clients/…)".
    pub name: String,
    /// The document's number, for a numbered document.
    pub number: Option<&'a str>,
    pub date: NaiveDate,
    /// The last day to pay, for a document that asks for payment.
    pub due: Option<NaiveDate>,
    /// What the document is about: the project's title.
    pub subject: Option<&'a str>,
    pub parties: Parties<'a>,
    /// The contract (or supplement) it is issued under.
    pub contract: Option<&'a Contract>,
    /// The contract that `contract` supplements, for a supplement.
    pub parent: Option<&'a Contract>,
    /// The lines and totals.
    pub figures: Figures<'a>,
    /// A reconciliation's statement, for [`Part::Ledger`] and [`Part::Balance`].
    pub statement: Option<&'a crate::domain::reconcile::Statement<'a>>,
    /// Who signs for the client ([`Part::BothSignatures`]): a position and a name, when
    /// the book knows them; else the client's block is left to fill in by hand.
    pub countersignatory: Option<Signature>,
    /// The document's own raw fields for a book's template, beside the common ones
    /// [`build`] gives.
    pub extra: Map<String, Value>,
}

/// A built document, and the details it needed but the book does not give (left
/// blank on it): "agency.legal.inn", "the client's legal.inn"…
pub struct Built {
    pub doc: Document,
    pub missing: Vec<&'static str>,
    /// The form's name: the book's own layout is `templates/<template>.typ`.
    pub template: &'static str,
}

/// The fixed words every document shares, in one language.
struct Common {
    bank: &'static str,
    payee: &'static str,
    bik: &'static str,
    account_no: &'static str,
    inn: &'static str,
    kpp: &'static str,
    phone: &'static str,
    /// The table's columns but the item's: №, quantity, unit, price, amount.
    columns: [&'static str; 5],
    /// The VAT row: in the sum, on top of it.
    vat_in: &'static str,
    vat_on: &'static str,
}

fn common(locale: Locale) -> &'static Common {
    static RU: Common = Common {
        bank: "Банк получателя",
        payee: "Получатель",
        bik: "БИК",
        account_no: "Сч. №",
        inn: "ИНН",
        kpp: "КПП",
        phone: "тел.",
        columns: ["№", "Кол-во", "Ед.", "Цена", "Сумма"],
        vat_in: "В том числе НДС",
        vat_on: "НДС",
    };
    static EN: Common = Common {
        bank: "Payee's bank",
        payee: "Payee",
        bik: "BIC (БИК)",
        account_no: "Account No.",
        inn: "INN",
        kpp: "KPP",
        phone: "tel.",
        columns: ["No.", "Qty", "Unit", "Price", "Amount"],
        vat_in: "Including VAT",
        vat_on: "VAT",
    };
    match locale {
        Locale::Ru => &RU,
        Locale::En => &EN,
    }
}

/// A VAT rate as the documents write it: `22 %`, `7,5 %` (a no-break space before the
/// sign, as Russian typography and DOCUMENTS.md's «НДС 22 %» want) / `22%`, `7.5%`.
pub fn rate(locale: Locale, r: Decimal) -> String {
    let r = r.normalize().to_string();
    match locale {
        Locale::Ru => format!("{}\u{a0}%", r.replace('.', ",")),
        Locale::En => format!("{r}%"),
    }
}

/// A date as the documents write it: `27 ноября 2026 г.` (a Russian document writes
/// «г.» after the year) / `27 November 2026`.
pub fn date(locale: Locale, d: NaiveDate) -> String {
    match locale {
        Locale::Ru => format!("{} г.", locale::long_date(locale, d)),
        Locale::En => locale::long_date(locale, d),
    }
}

/// A quantity as the locale writes it: `2,5` / `2.5`.
pub fn qty(locale: Locale, q: Quantity) -> String {
    let text = q.to_string();
    match locale {
        Locale::Ru => text.replace('.', ","),
        Locale::En => text,
    }
}

/// "№ 17/2025 от 15 января 2025 г." / "No. 17/2025 of 15 January 2025".
fn numbered(locale: Locale, number: &str, on: Option<NaiveDate>) -> String {
    let on = on.map(|d| date(locale, d));
    match (locale, on) {
        (Locale::Ru, Some(d)) => format!("№ {number} от {d}"),
        (Locale::Ru, None) => format!("№ {number}"),
        (Locale::En, Some(d)) => format!("No. {number} of {d}"),
        (Locale::En, None) => format!("No. {number}"),
    }
}

/// The contract a document is issued under: «Договор № 17/2025 от 15 января 2025 г.»,
/// «Дополнительное соглашение № … от … к договору № … от …» (with
/// [`Requisites::Full`]), or just «№ 17/2025 от 15 января 2025 г.».
fn basis(locale: Locale, style: Requisites, c: &Contract, parent: Option<&Contract>) -> String {
    let this = numbered(locale, &c.number, c.signed.map(|d| d.0));
    if style == Requisites::Names {
        return this;
    }
    match (locale, c.kind, parent) {
        (Locale::Ru, ContractKind::Supplement, Some(p)) => format!(
            "Дополнительное соглашение {this} к договору {}",
            numbered(locale, &p.number, p.signed.map(|d| d.0))
        ),
        (Locale::En, ContractKind::Supplement, Some(p)) => format!(
            "Supplementary agreement {this} to contract {}",
            numbered(locale, &p.number, p.signed.map(|d| d.0))
        ),
        (Locale::Ru, _, _) => format!("Договор {this}"),
        (Locale::En, _, _) => format!("Contract {this}"),
    }
}

/// A party in one line: "ООО «Белый кит», ИНН 7707526016, КПП 770701001, 127006,
/// г. Москва, …, тел. +7 495 120-45-67".
fn party_line(w: &Common, party: &Party<'_>) -> String {
    let mut parts = vec![party.name.clone()];
    if let Some(l) = party.legal {
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
    if let Some(p) = party.phone {
        parts.push(format!("{} {p}", w.phone));
    }
    parts.join(", ")
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

/// The columns of the table of lines, № · item · quantity · unit · price · amount: the
/// item takes the width that is left, text is left-aligned and figures right-aligned.
fn line_columns(common: &Common, item: &str) -> Vec<Column> {
    let [no, qty, unit, price, amount] = common.columns;
    [no, item, qty, unit, price, amount]
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

/// The raw document for a book's own template (`data`): amounts as exact decimals
/// with two places, dates as ISO text; then the document's own fields
/// ([`Sheet::extra`]).
#[derive(Serialize)]
struct Data<'a> {
    number: Option<&'a str>,
    date: String,
    currency: &'a str,
    supplier: &'a Party<'a>,
    buyer: &'a Party<'a>,
    bank: Option<&'a Bank>,
    contract: Option<ContractData<'a>>,
    lines: Vec<LineData<'a>>,
    vat_rate: String,
    prices_include_vat: bool,
    net: String,
    vat: String,
    gross: String,
    in_words: &'a str,
    signatory: Option<&'a str>,
    #[serde(flatten)]
    extra: &'a Map<String, Value>,
}

#[derive(Serialize)]
struct ContractData<'a> {
    number: &'a str,
    signed: Option<String>,
    title: Option<&'a str>,
}

#[derive(Serialize)]
struct LineData<'a> {
    item: &'a str,
    qty: String,
    unit: Option<&'a str>,
    price: String,
    amount: String,
    service: Option<&'a str>,
}

/// Builds `sheet` by its form: the blocks of each [`Part`], in the form's order, and
/// the raw `data` for a book's template. An error when the total cannot be written in
/// words.
pub fn build(sheet: &Sheet<'_>) -> Result<Built> {
    let form = sheet.form;
    let loc = sheet.locale;
    let w = form.words(loc);
    let c = common(loc);
    let f = &sheet.figures;
    let cur = f.currency;
    let Totals { net, vat, gross } = f.totals;
    let full = form.requisites == Requisites::Full;
    let p = &sheet.parties;
    let figure = |m: Money| {
        if form.currency_in_amounts {
            locale::money(loc, m, cur)
        } else {
            locale::money(loc, m, "").trim().to_owned()
        }
    };
    let in_words = crate::domain::words::amount(loc, gross, cur)
        .map_err(|err| anyhow::anyhow!("cannot render {}: {err}", sheet.name))?;

    let mut missing = Vec::new();
    let needs = |part| form.parts.contains(&part);
    let shows = |field| needs(Part::Fields) && form.fields.contains(&field);
    if full && shows(Field::Supplier) && p.supplier.legal.and_then(|l| l.inn.as_ref()).is_none() {
        missing.push("agency.legal.inn");
    }
    if needs(Part::BankDetails)
        && p.bank
            .is_none_or(|b| b.bik.is_none() || b.account.is_none())
    {
        missing.push("agency.bank (bik, account)");
    }
    if full && shows(Field::Buyer) && p.buyer.legal.and_then(|l| l.inn.as_ref()).is_none() {
        missing.push("the client's legal.inn");
    }
    if (needs(Part::Signature) || needs(Part::BothSignatures)) && p.signatory.is_none() {
        missing.push("agency.signatory");
    }

    let heading = match sheet.number {
        Some(n) => format!("{} {}", w.title, numbered(loc, n, Some(sheet.date))),
        None => w.title.to_owned(),
    };
    let mut blocks = Vec::new();
    for part in form.parts {
        match part {
            Part::BankDetails => {
                let bank = |get: fn(&Bank) -> &Option<String>| -> String {
                    p.bank.and_then(|b| get(b).clone()).unwrap_or_default()
                };
                let legal = |get: fn(&Legal) -> &Option<String>| -> String {
                    p.supplier
                        .legal
                        .and_then(|l| get(l).clone())
                        .unwrap_or_default()
                };
                blocks.push(Block::Grid {
                    columns: vec![Width::Share(1), Width::Share(1), Width::Auto, Width::Auto],
                    cells: vec![
                        Cell::new(bank(|b| &b.name)).note(c.bank).span(2, 2),
                        Cell::new(c.bik),
                        Cell::new(bank(|b| &b.bik)),
                        Cell::new(c.account_no),
                        Cell::new(bank(|b| &b.corr_account)),
                        Cell::new(format!("{} {}", c.inn, legal(|l| &l.inn))),
                        Cell::new(format!("{} {}", c.kpp, legal(|l| &l.kpp))),
                        Cell::new(c.account_no).span(1, 2),
                        Cell::new(bank(|b| &b.account)).span(1, 2),
                        Cell::new(p.supplier.name.clone()).note(c.payee).span(2, 1),
                    ],
                });
            }
            Part::Heading => blocks.push(Block::Heading {
                text: heading.clone(),
            }),
            Part::Rule => blocks.push(Block::Rule),
            Part::Fields => {
                let rows = form
                    .fields
                    .iter()
                    .filter_map(|field| {
                        let (label, value) = match field {
                            Field::Subject => (w.subject, sheet.subject?.to_owned()),
                            Field::Supplier if full => (w.supplier, party_line(c, &p.supplier)),
                            Field::Supplier => (
                                w.supplier,
                                Some(p.supplier.name.clone()).filter(|n| !n.is_empty())?,
                            ),
                            Field::Buyer if full => (w.buyer, party_line(c, &p.buyer)),
                            Field::Buyer => (w.buyer, p.buyer.name.clone()),
                            Field::Basis => (
                                w.basis,
                                basis(loc, form.requisites, sheet.contract?, sheet.parent),
                            ),
                            Field::Date => (w.date, date(loc, sheet.date)),
                            Field::Period => {
                                let s = sheet.statement?;
                                reconcile::period(loc, s)
                            }
                        };
                        Some(crate::document::pdf::Field {
                            label: label.to_owned(),
                            value,
                        })
                    })
                    .collect();
                blocks.push(Block::Fields { rows });
            }
            Part::Lines => blocks.push(Block::Table {
                columns: line_columns(c, w.item),
                rows: sheet
                    .figures
                    .lines
                    .iter()
                    .enumerate()
                    .map(|(n, l)| {
                        vec![
                            (n + 1).to_string(),
                            l.item.to_owned(),
                            qty(loc, l.qty),
                            l.unit.unwrap_or_default().to_owned(),
                            figure(l.price),
                            figure(l.amount),
                        ]
                    })
                    .collect(),
            }),
            Part::Totals => {
                let row = |label: String, value: String| Total {
                    label,
                    value,
                    bold: true,
                };
                let mut rows = vec![row(
                    w.subtotal.to_owned(),
                    figure(if f.include_vat { gross } else { net }),
                )];
                let added = match f.rate {
                    Vat::Rate(r) => {
                        let within = f.include_vat && !r.is_zero();
                        let lead = if within { c.vat_in } else { c.vat_on };
                        rows.push(row(format!("{lead} {}", rate(loc, r)), figure(vat)));
                        !f.include_vat && !r.is_zero()
                    }
                    Vat::None => {
                        rows.push(row(w.no_vat.to_owned(), "—".to_owned()));
                        false
                    }
                };
                if form.gross_row == GrossRow::Always || added {
                    rows.push(row(w.gross.to_owned(), figure(gross)));
                }
                blocks.push(Block::Totals { rows });
            }
            Part::Count => {
                let n = f.lines.len();
                let (lead, one, many) = w.count;
                let text = match loc {
                    Locale::Ru => {
                        let unit = if cur == "RUB" { "руб." } else { cur };
                        let sum = locale::money(loc, gross, "");
                        format!("{lead} {n}, на сумму {} {unit}", sum.trim())
                    }
                    Locale::En => format!(
                        "{lead} {n} {}, amounting to {}",
                        if n == 1 { one } else { many },
                        locale::money(loc, gross, cur)
                    ),
                };
                blocks.push(Block::Paragraph { text, bold: false });
            }
            Part::InWords => blocks.push(Block::Paragraph {
                text: in_words.clone(),
                bold: true,
            }),
            Part::PayBy => {
                if let Some(due) = sheet.due {
                    blocks.push(Block::Paragraph {
                        text: w.pay_by.replace("{date}", &date(loc, due)),
                        bold: false,
                    });
                }
            }
            Part::Note => blocks.push(Block::Paragraph {
                text: w.note.to_owned(),
                bold: false,
            }),
            Part::Signature => blocks.push(Block::Signatures {
                rows: vec![signatory(p.signatory.unwrap_or(""), w.signed_by)],
            }),
            Part::Ledger => {
                if let Some(s) = sheet.statement {
                    blocks.extend(reconcile::ledger(loc, s, &figure));
                }
            }
            Part::Balance => {
                if let Some(s) = sheet.statement {
                    blocks.push(reconcile::balance(loc, s, p, cur));
                }
            }
            Part::BothSignatures => {
                let ours = signatory(p.signatory.unwrap_or(""), w.signed_by);
                let theirs = sheet.countersignatory.clone().unwrap_or(Signature {
                    role: String::new(),
                    name: String::new(),
                });
                let labelled = |party: &str, s: Signature| Signature {
                    role: if s.role.is_empty() {
                        party.to_owned()
                    } else {
                        format!("{party}: {}", s.role)
                    },
                    name: s.name,
                };
                blocks.push(Block::Signatures {
                    rows: vec![labelled(w.supplier, ours), labelled(w.buyer, theirs)],
                });
            }
            Part::SignatoryLine => {
                if let Some(s) = p.signatory {
                    blocks.push(Block::Paragraph {
                        text: s.to_owned(),
                        bold: false,
                    });
                }
            }
        }
    }

    let data = Data {
        number: sheet.number,
        date: sheet.date.to_string(),
        currency: cur,
        supplier: &p.supplier,
        buyer: &p.buyer,
        bank: p.bank,
        contract: sheet.contract.map(|c| ContractData {
            number: &c.number,
            signed: c.signed.map(|d| d.0.to_string()),
            title: c.title.as_deref(),
        }),
        lines: f
            .lines
            .iter()
            .map(|l| LineData {
                item: l.item,
                qty: l.qty.to_string(),
                unit: l.unit,
                price: l.price.to_string(),
                amount: l.amount.to_string(),
                service: l.service,
            })
            .collect(),
        vat_rate: f.rate.to_string(),
        prices_include_vat: f.include_vat,
        net: net.to_string(),
        vat: vat.to_string(),
        gross: gross.to_string(),
        in_words: &in_words,
        signatory: p.signatory,
        extra: &sheet.extra,
    };
    let title = match sheet.subject {
        Some(s) => format!("{heading} — {s}"),
        None => heading,
    };
    Ok(Built {
        doc: Document {
            lang: locale::code(loc).to_owned(),
            title,
            blocks,
            data: serde_json::to_value(&data).unwrap_or(Value::Null),
        },
        missing,
        template: form.name,
    })
}

#[cfg(test)]
mod tests {
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
    fn rates_dates_and_quantities_in_both_languages() {
        assert_eq!(rate(Locale::Ru, Decimal::new(75, 1)), "7,5\u{a0}%");
        assert_eq!(rate(Locale::Ru, Decimal::new(2200, 2)), "22\u{a0}%");
        assert_eq!(rate(Locale::En, Decimal::from(22)), "22%");
        let d = NaiveDate::from_ymd_opt(2025, 2, 20).expect("a date");
        assert_eq!(date(Locale::Ru, d), "20 февраля 2025 г.");
        assert_eq!(date(Locale::En, d), "20 February 2025");
        let q = Quantity(Decimal::new(25, 1));
        assert_eq!(qty(Locale::Ru, q), "2,5");
        assert_eq!(qty(Locale::En, q), "2.5");
    }

    #[test]
    fn the_item_column_takes_the_room_and_text_is_left_aligned() {
        let c = line_columns(common(Locale::En), "Item");
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
        assert_eq!(
            (c[1].title.as_str(), c[5].title.as_str()),
            ("Item", "Amount")
        );
    }

    #[test]
    fn an_act_is_one_more_form_with_both_signatures() {
        let m = |s: &str| Money(s.parse().expect("decimal"));
        let party = |name: &str| Party {
            name: name.to_owned(),
            legal: None,
            phone: None,
        };
        let sheet = Sheet {
            form: &ACT,
            locale: Locale::Ru,
            name: "act 1".to_owned(),
            number: Some("1"),
            date: NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date"),
            due: None,
            subject: None,
            parties: Parties {
                supplier: party("ООО «Белый кит»"),
                buyer: party("ООО «Ромашка»"),
                bank: None,
                signatory: Some("Генеральный директор Волков Сергей Андреевич"),
            },
            contract: None,
            parent: None,
            figures: Figures {
                currency: "RUB",
                rate: Vat::Rate(Decimal::from(22)),
                include_vat: true,
                lines: vec![Line {
                    item: "Дизайн",
                    qty: Quantity::one(),
                    unit: Some("усл."),
                    price: m("1220"),
                    amount: m("1220"),
                    service: None,
                }],
                totals: Totals {
                    net: m("1000"),
                    vat: m("220"),
                    gross: m("1220"),
                },
            },
            statement: None,
            countersignatory: None,
            extra: Map::new(),
        };
        let built = build(&sheet).expect("built");
        let md = crate::document::pdf::markdown(&built.doc);
        for want in [
            "# Акт сдачи-приёмки оказанных услуг № 1 от 27 ноября 2026 г.\n",
            "**Исполнитель:** ООО «Белый кит»  \n**Заказчик:** ООО «Ромашка»  \n\n",
            "| 1 | Дизайн | 1 | усл. | 1 220,00 | 1 220,00 |",
            "**Итого: 1 220,00**  \n**В том числе НДС 22 %: 220,00**  \n**Всего: 1 220,00**  \n\n",
            "Всего оказано услуг 1, на сумму 1 220,00 руб.",
            "**Одна тысяча двести двадцать рублей 00 копеек**",
            "Вышеперечисленные услуги выполнены полностью и в срок. Заказчик претензий по \
             объёму, качеству и срокам оказания услуг не имеет.",
            "Исполнитель: Генеральный директор ____________________ Волков С. А.  \n\
             Заказчик ____________________   \n",
        ] {
            assert!(md.contains(want), "{want:?} in\n{md}");
        }
        assert_eq!(
            built.missing,
            ["agency.legal.inn", "the client's legal.inn"],
            "an act names the parties' details it lacks"
        );
        assert_eq!(built.template, "act");
        assert_eq!(built.doc.data["number"], "1");
        assert_eq!(built.doc.data["lines"][0]["amount"], "1220.00");
    }

    #[test]
    fn every_form_has_words_for_every_part_it_shows() {
        for form in [&INVOICE, &ESTIMATE, &ACT] {
            for loc in [Locale::Ru, Locale::En] {
                let w = form.words(loc);
                if form.parts.contains(&Part::PayBy) {
                    assert!(w.pay_by.contains("{date}"), "{}", form.name);
                }
                if form.parts.contains(&Part::Note) {
                    assert!(!w.note.is_empty(), "{}", form.name);
                }
                if form.parts.contains(&Part::Fields) {
                    assert!(!form.fields.is_empty(), "{}", form.name);
                }
            }
        }
    }
}
