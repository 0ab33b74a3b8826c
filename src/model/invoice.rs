//! `clients/<client>/invoices/<id>.yaml`: an invoice and the payments against it.

use serde::{Deserialize, Serialize};

use super::time::Date;
use super::waiver::Waiver;
use crate::money::{Money, Quantity, Vat};

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Invoice {
    pub id: Option<String>,
    pub number: String,
    pub date: Date,
    pub due: Option<Date>,
    pub contract: Option<String>,
    pub project: Option<String>,
    pub lines: Vec<Line>,
    pub vat: Option<Vat>,
    pub prices_include_vat: Option<bool>,
    #[serde(default)]
    pub status: InvoiceStatus,
    pub sent: Option<Date>,
    #[serde(default)]
    pub payments: Vec<Payment>,
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

/// One line of an invoice (or of a planned billing).
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Line {
    pub item: String,
    #[serde(default = "Quantity::one")]
    pub qty: Quantity,
    pub unit: Option<String>,
    pub price: Money,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceStatus {
    Draft,
    #[default]
    Issued,
    Cancelled,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Payment {
    pub date: Date,
    pub amount: Money,
    #[serde(rename = "ref")]
    pub reference: Option<String>,
}
