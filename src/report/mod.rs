//! Documents made from the book for people outside the tool: the meeting report
//! (minutes) for the client and the digest of key clients for their curator, as
//! Markdown, HTML and email drafts.
//!
//! `locale` formats dates and money in the book's language; `templates` renders
//! them with built-in templates that a book may override; `email` wraps the result
//! in a deterministic `.eml` draft. The views (`meeting`, `digest`) gather what a
//! template sees; they read the book and never write.

pub mod digest;
pub mod email;
pub mod locale;
pub mod meeting;
pub mod templates;

use crate::book::{Book, ClientBook, Entity};
use crate::invoice_math::{self, Totals};
use crate::model::{Contract, Invoice};

/// The client's contract `id` and its parents (a supplement inherits what it does not
/// say), nearest first, bounded against cycles.
fn lineage<'a>(client: &'a ClientBook, id: Option<&str>) -> Vec<&'a Contract> {
    let find = |id: Option<&str>| -> Option<&'a Entity<Contract>> {
        let id = id?;
        client.contracts.iter().find(|c| c.id == id)
    };
    let mut out: Vec<&Contract> = Vec::new();
    let mut next = find(id).map(|e| &e.data);
    while let Some(c) = next {
        if out.len() >= 8 || out.iter().any(|seen| std::ptr::eq(*seen, c)) {
            break;
        }
        out.push(c);
        next = find(c.parent.as_deref()).map(|e| &e.data);
    }
    out
}

/// The totals of an invoice of `client`, with the VAT rate of its contract (or the
/// nearest parent that sets one), as the audit's D04 and D06 count them.
pub fn invoice_totals(book: &Book, client: &ClientBook, invoice: &Invoice) -> Totals {
    let chain = lineage(client, invoice.contract.as_deref());
    let vat_contract = chain
        .iter()
        .copied()
        .find(|c| c.vat.is_some())
        .or_else(|| chain.first().copied());
    invoice_math::totals(invoice, vat_contract, book.settings.as_ref())
}

/// The currency of an invoice of `client`: its contract's (or a parent's), else the
/// book's, else RUB.
pub fn invoice_currency<'a>(book: &'a Book, client: &'a ClientBook, invoice: &Invoice) -> &'a str {
    lineage(client, invoice.contract.as_deref())
        .into_iter()
        .find_map(|c| c.currency.as_deref())
        .or_else(|| book.settings.as_ref().map(|s| s.currency.as_str()))
        .unwrap_or("RUB")
}
