//! Helpers shared by the duty rules (D01–D10): looking up a client's contracts and
//! projects, the currency and VAT-bearing contract of money under a contract, and
//! wording of day counts.

use crate::book::{Book, ClientBook, Entity};
use crate::invoice_math::{self, Totals};
use crate::model::{Contract, Invoice, Project};

/// The client's contract with this ID.
pub fn contract<'a>(client: &'a ClientBook, id: Option<&str>) -> Option<&'a Entity<Contract>> {
    let id = id?;
    client.contracts.iter().find(|c| c.id == id)
}

/// The client's project with this ID.
pub fn project<'a>(client: &'a ClientBook, id: Option<&str>) -> Option<&'a Entity<Project>> {
    let id = id?;
    client.projects.iter().find(|p| p.id == id)
}

/// The contract `id` and its parents (a supplement inherits what it does not say from
/// the contract it supplements), nearest first, bounded against cycles.
fn lineage<'a>(client: &'a ClientBook, id: Option<&str>) -> Vec<&'a Contract> {
    let mut out: Vec<&Contract> = Vec::new();
    let mut next = contract(client, id).map(|e| &e.data);
    while let Some(c) = next {
        if out.len() >= 8 || out.iter().any(|seen| std::ptr::eq(*seen, c)) {
            break;
        }
        out.push(c);
        next = contract(client, c.parent.as_deref()).map(|e| &e.data);
    }
    out
}

/// The contract whose `vat` applies to money under contract `id`: the nearest of it and
/// its parents that sets one, else the contract itself (the same lookup as
/// `rapport show`).
pub fn vat_contract<'a>(client: &'a ClientBook, id: Option<&str>) -> Option<&'a Contract> {
    let chain = lineage(client, id);
    chain
        .iter()
        .copied()
        .find(|c| c.vat.is_some())
        .or_else(|| chain.first().copied())
}

/// The currency of money under contract `id`: the contract's (or its parents')
/// `currency`, else the book's, else RUB.
pub fn currency<'a>(book: &'a Book, client: &'a ClientBook, id: Option<&str>) -> &'a str {
    lineage(client, id)
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

/// "1 day", "5 days".
pub fn days(n: i64) -> String {
    if n == 1 || n == -1 {
        format!("{n} day")
    } else {
        format!("{n} days")
    }
}

/// The contract's printed number, with its title where it has one:
/// `17/2025 «Поддержка сайта»`.
pub fn contract_label(c: &Contract) -> String {
    match &c.title {
        Some(t) => format!("{} «{t}»", c.number),
        None => c.number.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::days;

    #[test]
    fn day_counts_read_naturally() {
        assert_eq!(days(1), "1 day");
        assert_eq!(days(0), "0 days");
        assert_eq!(days(21), "21 days");
    }
}
