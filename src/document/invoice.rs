//! An invoice as a document — in Russian the customary «Счёт на оплату» (the bank
//! block on top, supplier and buyer with ИНН/КПП and address, the contract it is
//! issued under, the lines, Итого, the VAT line or «Без налога (НДС)», «Всего к
//! оплате», «Всего наименований N на сумму …», the sum in words, the payment term and
//! the signatory), in English for `locale: en`. What it shows is [`INVOICE`]; this
//! gathers the invoice's sheet.

use anyhow::Result;
use serde_json::{Map, Value};

use super::{Built, INVOICE, Sheet, build, figures, parties};
use crate::book::{Book, ClientBook, Entity};
use crate::domain::billing;
use crate::model::Invoice;

/// Invoice `e` of `client` as a document, and the details it lacks; an error when
/// its figures do not fit in a sum of money or cannot be written in words.
pub fn invoice(book: &Book, client: &ClientBook, e: &Entity<Invoice>) -> Result<Built> {
    let i = &e.data;
    let name = format!("invoice {} ({})", i.number, e.file);
    let figures = figures(
        book,
        client,
        i.contract.as_deref(),
        i.date.0,
        i.vat,
        i.prices_include_vat,
        &i.lines,
    )
    .map_err(|err| anyhow::anyhow!("cannot render {name}: {err}"))?;
    let (due, _) = billing::due_date(i, book.settings.as_ref());
    let contract = client
        .contract_entity(i.contract.as_deref())
        .map(|c| &c.data);
    let parent = contract
        .and_then(|c| client.contract_entity(c.parent.as_deref()))
        .map(|p| &p.data);
    let mut extra = Map::new();
    extra.insert("due".into(), Value::String(due.to_string()));
    extra.insert("status".into(), Value::String(i.status.as_str().into()));
    build(&Sheet {
        form: &INVOICE,
        locale: crate::report::meeting::book_locale(book),
        name,
        number: Some(&i.number),
        date: i.date.0,
        due: Some(due),
        subject: None,
        parties: parties(book, client),
        contract,
        parent,
        figures,
        statement: None,
        countersignatory: None,
        extra,
    })
}
