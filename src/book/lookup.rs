//! Lookups across one client's files: a contract and the contracts it supplements,
//! and the VAT rate, currency and totals that apply to money under a contract. One
//! implementation for the audit, the documents and the listings, so they never
//! disagree about an amount.

use super::{Book, ClientBook, Entity};
use crate::invoice_math::{self, Totals};
use crate::model::{Contract, Invoice, Project};

impl ClientBook {
    /// The client's contract with this ID.
    pub fn contract_entity(&self, id: Option<&str>) -> Option<&Entity<Contract>> {
        let id = id?;
        self.contracts.iter().find(|c| c.id == id)
    }

    /// The client's project with this ID.
    pub fn project_entity(&self, id: Option<&str>) -> Option<&Entity<Project>> {
        let id = id?;
        self.projects.iter().find(|p| p.id == id)
    }

    /// The contract `id` and its parents (a supplement inherits what it does not say
    /// from the contract it supplements), nearest first, bounded against a cycle of
    /// `parent:` references.
    pub fn contract_lineage(&self, id: Option<&str>) -> Vec<&Contract> {
        let mut out: Vec<&Contract> = Vec::new();
        let mut next = self.contract_entity(id).map(|e| &e.data);
        while let Some(c) = next {
            if out.len() >= 8 || out.iter().any(|seen| std::ptr::eq(*seen, c)) {
                break;
            }
            out.push(c);
            next = self.contract_entity(c.parent.as_deref()).map(|e| &e.data);
        }
        out
    }
}

/// The contract whose `vat` applies to money under contract `id`: the nearest of it
/// and its parents that sets one, else the contract itself.
pub fn vat_contract<'a>(client: &'a ClientBook, id: Option<&str>) -> Option<&'a Contract> {
    let chain = client.contract_lineage(id);
    chain
        .iter()
        .copied()
        .find(|c| c.vat.is_some())
        .or_else(|| chain.first().copied())
}

/// The currency of money under contract `id`: the contract's (or its parents')
/// `currency`, else the book's, else RUB.
pub fn currency<'a>(book: &'a Book, client: &'a ClientBook, id: Option<&str>) -> &'a str {
    client
        .contract_lineage(id)
        .into_iter()
        .find_map(|c| c.currency.as_deref())
        .or_else(|| book.settings.as_ref().map(|s| s.currency.as_str()))
        .unwrap_or("RUB")
}

/// The totals of an invoice of `client`, with the VAT rate of its contract.
pub fn invoice_totals(book: &Book, client: &ClientBook, invoice: &Invoice) -> Totals {
    invoice_math::totals(
        invoice,
        vat_contract(client, invoice.contract.as_deref()),
        book.settings.as_ref(),
    )
}

/// The client `id`, or a message naming the nearest ID (or the ID of a client with
/// that name) as a hint.
pub fn find_client<'a>(book: &'a Book, id: &str) -> Result<&'a ClientBook, String> {
    if let Some(c) = book.client(id) {
        return Ok(c);
    }
    let ids: Vec<&str> = book.clients.iter().map(|c| c.id.as_str()).collect();
    let wanted = id.to_lowercase();
    let by_name = || {
        book.clients
            .iter()
            .find(|c| {
                c.client
                    .as_ref()
                    .is_some_and(|e| e.data.name.to_lowercase() == wanted)
            })
            .map(|c| c.id.as_str())
    };
    let hint = match crate::yaml::suggest(id, &ids).or_else(by_name) {
        Some(s) => format!("did you mean `{s}`?"),
        None if ids.is_empty() => "the book has no clients yet".to_owned(),
        None => "`rapport clients` lists every client's ID".to_owned(),
    };
    Err(format!("no client `{id}` in this book\nhint: {hint}"))
}
