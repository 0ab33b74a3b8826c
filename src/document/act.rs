//! An act of work done as a document — in Russian «Акт сдачи-приёмки оказанных
//! услуг» (the parties with ИНН/КПП and address, the contract, the services, Итого,
//! the VAT line or «Без налога (НДС)», «Всего», «Всего оказано услуг N, на сумму …»,
//! the sum in words, the statement that the services were rendered in full and on
//! time with no claims, and both signature blocks), in English for `locale: en`.
//! What it shows is [`ACT`]; this gathers the act's sheet: its own lines, else those
//! of the invoices it closes, at the VAT that applies under its contract on its date.

use anyhow::Result;
use serde_json::{Map, Value};

use super::{ACT, Built, Sheet, build, figures, parties};
use crate::book::{Book, ClientBook, Entity};
use crate::document::pdf::Signature;
use crate::model::Act;

/// Act `e` of `client` as a document, and the details it lacks; an error when it bills
/// nothing, or its figures do not fit in a sum of money or cannot be written in words.
pub fn act(book: &Book, client: &ClientBook, e: &Entity<Act>) -> Result<Built> {
    let a = &e.data;
    let name = format!("act {} ({})", a.number, e.file);
    let terms = client.act_terms(a);
    if terms.lines.is_empty() {
        return Err(crate::i18n::hinted(
            crate::msg!(
                "act-render-no-lines",
                number = a.number.as_str(),
                file = e.file.as_str(),
                invoices = a.invoices.join(", "),
                count = a.invoices.len()
            ),
            crate::msg!("act-render-no-lines-hint", file = e.file.as_str()),
        ));
    }
    let figures = figures(
        book,
        client,
        terms.contract,
        a.date.0,
        terms.vat,
        terms.prices_include_vat,
        &terms.lines,
    )
    .map_err(|err| anyhow::anyhow!("cannot render {name}: {err}"))?;
    let contract = client.contract_entity(terms.contract).map(|c| &c.data);
    let parent = contract
        .and_then(|c| client.contract_entity(c.parent.as_deref()))
        .map(|p| &p.data);
    let project = client.project_entity(a.project.as_deref());
    // Who accepts the work for the client: the project's approver, with a position.
    let countersignatory = project
        .and_then(|p| p.data.approver.as_deref())
        .and_then(|id| client.contact(id))
        .map(|c| Signature {
            role: c.position.clone().unwrap_or_default(),
            name: c.name.clone(),
        });
    let mut extra = Map::new();
    extra.insert("status".into(), Value::String(a.status.as_str().into()));
    extra.insert(
        "invoices".into(),
        Value::Array(a.invoices.iter().cloned().map(Value::String).collect()),
    );
    for (key, day) in [
        ("sent", a.sent),
        ("signed", a.signed),
        ("originals", a.originals),
    ] {
        extra.insert(
            key.into(),
            day.map_or(Value::Null, |d| Value::String(d.to_string())),
        );
    }
    build(&Sheet {
        statement: None,
        form: &ACT,
        locale: crate::report::meeting::book_locale(book),
        name,
        number: Some(&a.number),
        date: a.date.0,
        due: None,
        subject: project.map(|p| p.data.title.as_str()),
        parties: parties(book, client),
        contract,
        parent,
        figures,
        countersignatory,
        extra,
    })
}
