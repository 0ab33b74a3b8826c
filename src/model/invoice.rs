//! `clients/<client>/invoices/<id>.yaml`: an invoice and the payments against it.

use serde::{Deserialize, Serialize};

use super::time::Date;
use super::waiver::Waiver;
use crate::money::{Money, Quantity, Vat};

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Invoice {
    /// Optional; where present it must equal the file name without .yaml (E06).
    pub id: Option<String>,
    /// The printed number, unique in the book per year of `date` (D05) — quote it:
    /// "2026-0003".
    pub number: String,
    /// Invoice date.
    pub date: Date,
    /// Payment due date (D04). Default: `date` + `invoice.payment_days` of rapport.yaml.
    pub due: Option<Date>,
    /// The contract it is issued under (a contract ID of the same client).
    pub contract: Option<String>,
    /// The project it is for (a project ID of the same client).
    pub project: Option<String>,
    /// The invoice lines; at least one.
    pub lines: Vec<Line>,
    /// VAT rate of this invoice. Default: the contract's, then the book's.
    pub vat: Option<Vat>,
    /// Are line prices gross? Default: `invoice.prices_include_vat` of rapport.yaml.
    pub prices_include_vat: Option<bool>,
    /// draft — prepared, not issued; issued; cancelled — void, keeps its number. Default:
    /// issued.
    #[serde(default)]
    pub status: InvoiceStatus,
    /// When it was sent to the client.
    pub sent: Option<Date>,
    /// Payments received against it (D04, D06).
    #[serde(default)]
    pub payments: Vec<Payment>,
    /// Waivers for findings on the invoice.
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

/// One line of an invoice (or of a planned billing).
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Line {
    /// What is sold.
    pub item: String,
    /// Quantity, at most 3 decimal places. Default: 1.
    #[serde(default = "Quantity::one")]
    pub qty: Quantity,
    /// Unit of the quantity: шт., мес., усл.
    pub unit: Option<String>,
    /// Price per unit.
    pub price: Money,
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceStatus {
    /// Prepared, not issued: not checked for payment (D04) or over-billing (D06).
    Draft,
    /// Issued (the default).
    #[default]
    Issued,
    /// Void: keeps its number; not counted in D04/D06.
    Cancelled,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Payment {
    /// Date of the payment; not before the invoice `date` (E07).
    pub date: Date,
    /// Amount paid.
    pub amount: Money,
    /// Bank payment reference.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
}
