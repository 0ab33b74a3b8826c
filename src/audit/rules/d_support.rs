//! Helpers shared by the duty rules (D01–D10): looking up a client's contracts and
//! projects, the currency and VAT-bearing contract of money under a contract, and
//! wording of day counts.

use crate::book::{ClientBook, Entity};
pub use crate::book::{currency, invoice_totals, vat_contract};
use crate::model::{Contract, Project};

/// The client's contract with this ID.
pub fn contract<'a>(client: &'a ClientBook, id: Option<&str>) -> Option<&'a Entity<Contract>> {
    client.contract_entity(id)
}

/// The client's project with this ID.
pub fn project<'a>(client: &'a ClientBook, id: Option<&str>) -> Option<&'a Entity<Project>> {
    client.project_entity(id)
}

/// The contract's printed number, with its title where it has one:
/// `17/2025 «Поддержка сайта»`.
pub fn contract_label(c: &Contract) -> String {
    match &c.title {
        Some(t) => format!("{} «{t}»", c.number),
        None => c.number.clone(),
    }
}
