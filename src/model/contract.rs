//! `clients/<client>/contracts/<id>.yaml`: a contract or supplementary agreement.

use serde::{Deserialize, Serialize};

use super::time::Date;
use super::waiver::Waiver;
use crate::model::money::{Money, Vat};

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Contract {
    /// Optional; where present it must equal the file name without .yaml (E06).
    pub id: Option<String>,
    /// The printed number, e.g. "17/2025" or "ДС-1 к 17/2025" — quote it.
    pub number: String,
    /// Subject of the contract.
    pub title: Option<String>,
    /// contract or supplement (a supplement names its `parent`). Default: contract.
    #[serde(default)]
    pub kind: ContractKind,
    /// For a supplement: the contract it amends; for a re-signed contract: the one it
    /// replaces (a contract ID of the same client).
    pub parent: Option<String>,
    /// Date of signature (absent on drafts).
    pub signed: Option<Date>,
    /// Start of the term (D03).
    pub start: Date,
    /// End of the (first) term; not before `start` (E07).
    pub end: Date,
    /// Total value including VAT, if fixed; framework contracts leave it out (D06).
    pub value: Option<Money>,
    /// ISO 4217 code; invoices against the contract are in it. Default: the book's
    /// currency.
    pub currency: Option<String>,
    /// VAT for invoices against this contract (an invoice's own `vat` wins). Default: the
    /// book's.
    pub vat: Option<Vat>,
    /// draft — not signed; active; terminated — ended early; closed — ran its term and is
    /// settled. Default: active.
    #[serde(default)]
    pub status: ContractStatus,
    /// The renewal clause (D01, D02, D03).
    pub renewal: Option<Renewal>,
    /// The contract requires paper originals of signed acts (a scan is not enough):
    /// D15 chases them. A supplement inherits it from its contract. Default: false.
    pub originals: Option<bool>,
    /// Planned invoices, for the account manager's calendar.
    #[serde(default)]
    pub billing: Vec<Billing>,
    /// Waivers for findings on the contract (D01, D02, D06).
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ContractKind {
    /// A contract (the default).
    #[default]
    Contract,
    /// A supplementary agreement to its `parent`.
    Supplement,
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ContractStatus {
    /// Not signed yet.
    Draft,
    /// In force (the default).
    #[default]
    Active,
    /// Ended early.
    Terminated,
    /// Ran its term and is settled.
    Closed,
}

words!(ContractStatus {
    Draft => "draft",
    Active => "active",
    Terminated => "terminated",
    Closed => "closed",
});

/// What happens at the end of the term.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Renewal {
    /// The contract prolongs itself at `end` unless notice is given. Default: false.
    #[serde(default)]
    pub auto: bool,
    /// Length of each renewal term in months. Default: the first term's length.
    pub term_months: Option<u32>,
    /// Notice needed before the end of a term to stop or change the contract, in days.
    pub notice_days: Option<u32>,
    /// What we decided about the end of the term.
    pub decision: Option<RenewalDecision>,
    /// When the decision was made; it dates which term the decision is for.
    pub decided: Option<Date>,
    /// The contract that continues this one (a contract ID of the same client).
    pub next: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RenewalDecision {
    /// Continue: an auto-renewing contract renews itself; another needs a next one.
    Renew,
    /// Continue on new terms.
    Renegotiate,
    /// End the contract with the current term.
    Terminate,
}

words!(RenewalDecision {
    Renew => "renew",
    Renegotiate => "renegotiate",
    Terminate => "terminate",
});

/// A planned invoice: an amount, or lines.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Billing {
    /// When to invoice.
    pub date: Date,
    /// The total to invoice — or `lines`.
    pub amount: Option<Money>,
    /// Invoice lines — or `amount`.
    #[serde(default)]
    pub lines: Vec<super::invoice::Line>,
    /// What the payment is for.
    pub note: Option<String>,
}
