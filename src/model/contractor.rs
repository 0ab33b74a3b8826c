//! `contractors/<id>.yaml`: an outside contractor.

use serde::{Deserialize, Serialize};

use super::client::Channel;

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Contractor {
    pub id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub services: Vec<String>,
    pub contact: Option<String>,
    /// Optional for loading; R21 flags its absence.
    pub preferred_channel: Option<Channel>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub messenger: Option<String>,
    pub notes: Option<String>,
}
