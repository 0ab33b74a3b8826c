//! `clients/<client>/client.yaml`: who the client is and who we talk to there.

use serde::{Deserialize, Serialize};

use super::settings::Legal;
use super::time::{Birthday, Date};
use super::waiver::Waiver;

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Client {
    pub id: Option<String>,
    pub name: String,
    pub legal: Option<Legal>,
    #[serde(default)]
    pub status: ClientStatus,
    #[serde(default)]
    pub key: bool,
    pub manager: Option<String>,
    pub curator: Option<String>,
    pub since: Option<Date>,
    pub contact_every_days: Option<u32>,
    pub referred_by: Option<String>,
    #[serde(default)]
    pub services: Vec<String>,
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientStatus {
    Lead,
    #[default]
    Active,
    Paused,
    Former,
}

/// How a person prefers to be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Phone,
    Messenger,
    InPerson,
}

/// A person at the client.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Contact {
    pub id: String,
    pub name: String,
    pub position: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub birthday: Option<Birthday>,
    pub preferred_channel: Option<Channel>,
    #[serde(default)]
    pub approver: bool,
    pub profile: Option<String>,
    #[serde(default)]
    pub waive: Vec<Waiver>,
}
