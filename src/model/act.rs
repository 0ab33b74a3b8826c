//! `clients/<client>/acts/<id>.yaml`: an act of work done (акт сдачи-приёмки оказанных
//! услуг), the closing document the client signs, and where its signed copy and paper
//! originals are.

use serde::{Deserialize, Serialize};

use super::invoice::{Line, lines_that_fit};
use super::time::Date;
use super::waiver::Waiver;
use crate::model::money::Vat;

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Act {
    /// Optional; where present it must equal the file name without .yaml (E06).
    pub id: Option<String>,
    /// The printed number, by rapport.yaml's `act.number` (acts have their own
    /// sequence) — quote it: "2026-0003".
    pub number: String,
    /// The act's date: the day the work is handed over.
    pub date: Date,
    /// The contract the work was done under (a contract ID of the same client). Default:
    /// the contract of the first invoice it closes.
    pub contract: Option<String>,
    /// The project whose work it closes (a project ID of the same client; D13).
    pub project: Option<String>,
    /// The invoices it closes (invoice IDs of the same client; D13).
    #[serde(default)]
    pub invoices: Vec<String>,
    /// The services rendered. Default: the lines of the invoices it closes. Each line's
    /// amount and their sum are sums of money (E02).
    #[serde(default, deserialize_with = "lines_that_fit")]
    pub lines: Vec<Line>,
    /// VAT rate of the act. Default: the first invoice's, then the contract's (or a
    /// supplement's in force on `date`), then the book's.
    pub vat: Option<Vat>,
    /// Are line prices gross? Default: the first invoice's, then the book's
    /// `invoice.prices_include_vat`.
    pub prices_include_vat: Option<bool>,
    /// draft — prepared, not handed over; issued (the default); cancelled — void, keeps
    /// its number.
    #[serde(default)]
    pub status: ActStatus,
    /// When it was sent to the client for signature (D14).
    pub sent: Option<Date>,
    /// When the client's signed copy (a scan or the paper) came back (D14, D15).
    pub signed: Option<Date>,
    /// When the client's paper originals arrived, where the contract asks for them
    /// (`originals: true`, D15).
    pub originals: Option<Date>,
    /// Waivers for findings on the act.
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ActStatus {
    /// Prepared, not handed over: it closes nothing yet (D13) and is not chased (D14).
    Draft,
    /// Issued (the default).
    #[default]
    Issued,
    /// Void: keeps its number; closes nothing.
    Cancelled,
}

impl ActStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ActStatus::Draft => "draft",
            ActStatus::Issued => "issued",
            ActStatus::Cancelled => "cancelled",
        }
    }
}
