//! A project's preliminary estimate (смета) as a document: parties, contract, the
//! lines with their amounts, the total, its VAT and the sum in words, the note that
//! it is preliminary and the signatory. What it shows is [`ESTIMATE`]; this gathers
//! the project's sheet.
//!
//! An estimate has no date, rate or flag of its own: it is dated `today`, and its
//! money is an invoice's under the same contract on that day — the contract's rate,
//! or the one a supplement in force today sets, else the book's.

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::{Built, ESTIMATE, Sheet, build, figures, parties};
use crate::book::{Book, ClientBook, Entity};
use crate::model::Project;

/// The estimate of project `e` of `client` on `today` as a document; an error when
/// its figures do not fit in a sum of money or cannot be written in words.
pub fn estimate(
    book: &Book,
    client: &ClientBook,
    e: &Entity<Project>,
    today: NaiveDate,
) -> Result<Built> {
    let p = &e.data;
    let name = format!("the estimate of project `{}` ({})", e.id, e.file);
    let figures = figures(
        book,
        client,
        p.contract.as_deref(),
        today,
        None,
        None,
        &p.estimate,
    )
    .map_err(|err| anyhow::anyhow!("cannot render {name}: {err}"))?;
    let parties = parties(book, client);
    let mut extra = Map::new();
    for (key, value) in [
        ("client", client.id.as_str()),
        ("project", e.id.as_str()),
        ("title", p.title.as_str()),
        ("customer", parties.buyer.name.as_str()),
        ("agency", parties.supplier.name.as_str()),
    ] {
        extra.insert(key.into(), Value::String(value.into()));
    }
    build(&Sheet {
        form: &ESTIMATE,
        locale: crate::report::meeting::book_locale(book),
        name,
        number: None,
        date: today,
        due: None,
        subject: Some(&p.title),
        parties,
        contract: client
            .contract_entity(p.contract.as_deref())
            .map(|c| &c.data),
        parent: None,
        figures,
        statement: None,
        countersignatory: None,
        extra,
    })
}
