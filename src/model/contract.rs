//! `clients/<client>/contracts/<id>.yaml`: a contract or supplementary agreement.

use serde::{Deserialize, Serialize};

use super::time::Date;
use super::waiver::Waiver;
use crate::money::{Money, Vat};

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Contract {
    pub id: Option<String>,
    pub number: String,
    pub title: Option<String>,
    #[serde(default)]
    pub kind: ContractKind,
    pub parent: Option<String>,
    pub signed: Option<Date>,
    pub start: Date,
    pub end: Date,
    pub value: Option<Money>,
    pub currency: Option<String>,
    pub vat: Option<Vat>,
    #[serde(default)]
    pub status: ContractStatus,
    pub renewal: Option<Renewal>,
    #[serde(default)]
    pub billing: Vec<Billing>,
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContractKind {
    #[default]
    Contract,
    Supplement,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContractStatus {
    Draft,
    #[default]
    Active,
    Terminated,
    Closed,
}

/// What happens at the end of the term.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Renewal {
    #[serde(default)]
    pub auto: bool,
    pub term_months: Option<u32>,
    pub notice_days: Option<u32>,
    pub decision: Option<RenewalDecision>,
    pub decided: Option<Date>,
    pub next: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RenewalDecision {
    Renew,
    Renegotiate,
    Terminate,
}

/// A planned invoice: an amount, or lines.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Billing {
    pub date: Date,
    pub amount: Option<Money>,
    #[serde(default)]
    pub lines: Vec<super::invoice::Line>,
    pub note: Option<String>,
}
