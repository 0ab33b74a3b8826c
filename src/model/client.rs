//! `clients/<client>/client.yaml`: who the client is and who we talk to there.

use serde::{Deserialize, Serialize};

use super::settings::Legal;
use super::time::{Birthday, Date};
use super::waiver::Waiver;

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Client {
    /// Optional; where present it must equal the client's folder name (E06).
    pub id: Option<String>,
    /// Display name of the client.
    pub name: String,
    /// The buyer's legal details, printed on invoices.
    pub legal: Option<Legal>,
    /// lead — not a client yet; active; paused — no current work, relationship kept; former
    /// — gone. Default: active.
    #[serde(default)]
    pub status: ClientStatus,
    /// A key client: curator reporting and a tighter contact cadence. Default: false.
    #[serde(default)]
    pub key: bool,
    /// The responsible account manager: a team ID from rapport.yaml.
    pub manager: Option<String>,
    /// The management-side curator: a curator ID from rapport.yaml; expected when `key:
    /// true` (D09).
    pub curator: Option<String>,
    /// Client since (usually the date of the first contract).
    pub since: Option<Date>,
    /// Proactive contact cadence in days, overriding R01's default (14, or 7 for key
    /// clients).
    pub contact_every_days: Option<u32>,
    /// Who recommended us (R20).
    pub referred_by: Option<String>,
    /// Services the client buys now: service IDs from rapport.yaml (D10).
    #[serde(default)]
    pub services: Vec<String>,
    /// The client's people; at least one.
    pub contacts: Vec<Contact>,
    /// Waivers for findings on the client (R01, R20, D09, D10).
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ClientStatus {
    /// Not a client yet.
    Lead,
    /// A client with current work (the default).
    #[default]
    Active,
    /// No current work; the relationship is kept.
    Paused,
    /// Gone.
    Former,
}

words!(ClientStatus {
    Lead => "lead",
    Active => "active",
    Paused => "paused",
    Former => "former",
});

/// How a person prefers to be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Phone,
    Messenger,
    InPerson,
}

words!(Channel {
    Email => "email",
    Phone => "phone",
    Messenger => "messenger",
    InPerson => "in_person",
});

/// A person at the client.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Contact {
    /// Unique within the client: lower-case Latin letters, digits and `-`.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Job title.
    pub position: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// YYYY-MM-DD, or --MM-DD when the year is unknown (R23).
    pub birthday: Option<Birthday>,
    /// How this person prefers to be reached.
    pub preferred_channel: Option<Channel>,
    /// Accepts the agency's work (R27). Default: false.
    #[serde(default)]
    pub approver: bool,
    /// The contact for invoices and payments: payment reminders
    /// (`rapport invoice remind`) are addressed to them. Default: false.
    #[serde(default)]
    pub billing: bool,
    /// What we know about the person: decision style, preferences, history (R27).
    pub profile: Option<String>,
    /// Waivers for findings on this contact (R23).
    #[serde(default)]
    pub waive: Vec<Waiver>,
}
