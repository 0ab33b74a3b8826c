//! The reconciliation statement (акт сверки взаимных расчётов) as a document: the
//! period, the parties, the contract when it is for one, the statement in two halves
//! — the agency's filled in from the book, the client's left for the client to fill
//! in — the closing line (in whose favour the balance is) and both sides' signatures.
//! What it shows is [`RECONCILIATION`]; the figures are `domain::reconcile`'s, whose
//! invoice totals are `billing`'s, the same as `rapport invoices`.
//!
//! Debit is what the agency invoiced (issued invoices: rapport issues an invoice on
//! completion, so they stand for the acts), credit what the client paid.

use anyhow::Result;
use serde_json::{Map, Value, json};

use super::pdf::{Align, Block, Column, Width};
use super::{Built, Parties, RECONCILIATION, Sheet, build, figures, parties};
use crate::book::{Book, ClientBook, Entity};
use crate::domain::reconcile::{Document, Favour, Statement};
use crate::model::Contract;
use crate::model::money::Money;
use crate::model::settings::Locale;
use crate::report::locale;

/// The statement `s` of `client` (under `contract` when it is for one) as a document
/// dated `today`; an error when a figure cannot be written.
pub fn reconciliation<'a>(
    book: &'a Book,
    client: &'a ClientBook,
    contract: Option<&'a Entity<Contract>>,
    s: &'a Statement<'a>,
    today: chrono::NaiveDate,
) -> Result<Built> {
    let name = format!("the reconciliation statement of client `{}`", client.id);
    let no_lines: &[crate::model::invoice::Line] = &[];
    let figures = figures(
        book,
        client,
        contract.map(|c| c.id.as_str()),
        s.to,
        None,
        None,
        no_lines,
    )
    .map_err(|err| anyhow::anyhow!("cannot render {name}: {err}"))?;
    let parent = contract
        .filter(|c| c.data.kind == crate::model::contract::ContractKind::Supplement)
        .and_then(|c| client.contract_entity(c.data.parent.as_deref()))
        .map(|p| &p.data);
    let mut extra = Map::new();
    extra.insert("client".into(), Value::String(client.id.clone()));
    extra.insert("from".into(), Value::String(s.from.to_string()));
    extra.insert("to".into(), Value::String(s.to.to_string()));
    extra.insert("opening".into(), Value::String(s.opening.to_string()));
    extra.insert("debit".into(), Value::String(s.debit.to_string()));
    extra.insert("credit".into(), Value::String(s.credit.to_string()));
    extra.insert("closing".into(), Value::String(s.closing.to_string()));
    let rows: Vec<Value> = s
        .rows
        .iter()
        .map(|r| {
            let (kind, invoice, reference) = match r.document {
                Document::Invoice { number } => ("invoice", number, None),
                Document::Payment { invoice, reference } => ("payment", invoice, reference),
            };
            json!({
                "date": r.date.to_string(),
                "kind": kind,
                "invoice": invoice,
                "ref": reference,
                "debit": r.debit.to_string(),
                "credit": r.credit.to_string(),
            })
        })
        .collect();
    extra.insert("rows".into(), Value::Array(rows));
    build(&Sheet {
        form: &RECONCILIATION,
        locale: crate::report::meeting::book_locale(book),
        name,
        number: None,
        date: today,
        due: None,
        subject: None,
        parties: parties(book, client),
        contract: contract.map(|c| &c.data),
        parent,
        figures,
        statement: Some(s),
        countersignatory: None,
        extra,
    })
}

/// The ledger's own words in one language.
struct Words {
    period: &'static str,
    /// "с {from} по {to}".
    period_text: &'static str,
    /// "По данным {party}".
    by: &'static str,
    columns: [&'static str; 4],
    opening: &'static str,
    turnover: &'static str,
    closing: &'static str,
    invoice: &'static str,
    of: &'static str,
    payment: &'static str,
    /// Which documents are debits and credits.
    legend: &'static str,
    /// "{date}", "{role}", "{party}", "{sum}", "{words}".
    owed: &'static str,
    /// Who is owed, as `owed`'s {role}: the agency, the client.
    roles: [&'static str; 2],
    settled: &'static str,
}

fn words(loc: Locale) -> &'static Words {
    static RU: Words = Words {
        period: "Период",
        period_text: "с {from} по {to}",
        by: "Слева — по данным Исполнителя, справа — по данным Заказчика (заполняет Заказчик).",
        columns: ["Дата", "Документ", "Дебет", "Кредит"],
        opening: "Сальдо начальное",
        turnover: "Обороты за период",
        closing: "Сальдо конечное",
        invoice: "Счёт №",
        of: "от",
        payment: "Оплата по счёту №",
        legend: "Дебет — выставленные счета (с НДС), кредит — поступившие оплаты.",
        owed: "На {date} задолженность в пользу {role} ({party}) составляет {sum} ({words}).",
        settled: "На {date} задолженность отсутствует.",
        roles: ["Исполнителя", "Заказчика"],
    };
    static EN: Words = Words {
        period: "Period",
        period_text: "{from} to {to}",
        by: "Left: per the agency's books; right: per the client's books (to be filled in by the client).",
        columns: ["Date", "Document", "Debit", "Credit"],
        opening: "Opening balance",
        turnover: "Turnover for the period",
        closing: "Closing balance",
        invoice: "Invoice No.",
        of: "of",
        payment: "Payment of invoice No.",
        legend: "Debit: invoices issued (with VAT); credit: payments received.",
        owed: "As of {date}, the balance owed to the {role} ({party}) is {sum} ({words}).",
        settled: "As of {date}, nothing is owed either way.",
        roles: ["agency", "client"],
    };
    match loc {
        Locale::Ru => &RU,
        Locale::En => &EN,
    }
}

/// The period field: its label and "с 1 октября 2026 г. по 31 октября 2026 г.".
pub(super) fn period(loc: Locale, s: &Statement<'_>) -> (&'static str, String) {
    let w = words(loc);
    (
        w.period,
        w.period_text
            .replace("{from}", &super::date(loc, s.from))
            .replace("{to}", &super::date(loc, s.to)),
    )
}

/// A balance in the debit or the credit column: a positive one is the client's debt
/// (debit), a negative one the agency's (credit).
fn split(m: Money) -> (Option<Money>, Option<Money>) {
    if m > Money::ZERO {
        (Some(m), None)
    } else if m < Money::ZERO {
        (None, Some(Money(-m.0)))
    } else {
        (None, None)
    }
}

/// The statement's blocks: whose half is which, the table, and which documents are
/// debits and credits.
pub(super) fn ledger(
    loc: Locale,
    s: &Statement<'_>,
    figure: &dyn Fn(Money) -> String,
) -> Vec<Block> {
    let w = words(loc);
    let cell = |m: Option<Money>| m.map(figure).unwrap_or_default();
    let blank = || vec![String::new(); 4];
    let row = |date: String, what: String, debit: Option<Money>, credit: Option<Money>| {
        let mut r = vec![date, what, cell(debit), cell(credit)];
        r.extend(blank());
        r
    };
    let mut rows = Vec::new();
    let (d, c) = split(s.opening);
    rows.push(row(String::new(), w.opening.to_owned(), d, c));
    for r in &s.rows {
        let what = match r.document {
            Document::Invoice { number } => format!(
                "{} {number} {} {}",
                w.invoice,
                w.of,
                locale::short_date(loc, r.date)
            ),
            Document::Payment { invoice, reference } => match reference {
                Some(reference) => format!("{} {invoice}, {reference}", w.payment),
                None => format!("{} {invoice}", w.payment),
            },
        };
        let nonzero = |m: Money| (m != Money::ZERO).then_some(m);
        rows.push(row(
            locale::short_date(loc, r.date),
            what,
            nonzero(r.debit),
            nonzero(r.credit),
        ));
    }
    rows.push(row(
        String::new(),
        w.turnover.to_owned(),
        Some(s.debit),
        Some(s.credit),
    ));
    let (d, c) = split(s.closing);
    rows.push(row(String::new(), w.closing.to_owned(), d, c));
    let columns = (0..8)
        .map(|n| Column {
            title: w.columns[n % 4].to_owned(),
            align: if n % 4 >= 2 {
                Align::Right
            } else {
                Align::Left
            },
            width: if n % 4 == 1 {
                Width::Share(1)
            } else {
                Width::Auto
            },
        })
        .collect();
    vec![
        Block::Paragraph {
            text: w.by.to_owned(),
            bold: false,
        },
        Block::Table { columns, rows },
        Block::Paragraph {
            text: w.legend.to_owned(),
            bold: false,
        },
    ]
}

/// The closing line: in whose favour the balance is, how much, in figures and words.
pub(super) fn balance(loc: Locale, s: &Statement<'_>, p: &Parties<'_>, cur: &str) -> Block {
    let w = words(loc);
    let date = super::date(loc, s.to);
    let (role, party, owed) = match s.favour() {
        Favour::Agency => (w.roles[0], &p.supplier.name, s.closing),
        Favour::Client => (w.roles[1], &p.buyer.name, Money(-s.closing.0)),
        Favour::Nobody => {
            return Block::Paragraph {
                text: w.settled.replace("{date}", &date),
                bold: true,
            };
        }
    };
    let in_words = crate::domain::words::amount(loc, owed, cur).unwrap_or_default();
    let in_words = crate::wording::lower_first(&in_words);
    Block::Paragraph {
        text: w
            .owed
            .replace("{date}", &date)
            .replace("{role}", role)
            .replace("{party}", party)
            .replace("{sum}", &locale::money(loc, owed, cur))
            .replace("{words}", &in_words),
        bold: true,
    }
}
