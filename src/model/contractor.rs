//! `contractors/<id>.yaml`: an outside contractor.

use serde::{Deserialize, Serialize};

use super::client::Channel;

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Contractor {
    /// Optional; where present it must equal the file name without .yaml (E06).
    pub id: Option<String>,
    /// Name of the studio, printer or freelancer.
    pub name: String,
    /// What they do (free text, not catalogue IDs).
    #[serde(default)]
    pub services: Vec<String>,
    /// The person to talk to.
    pub contact: Option<String>,
    /// Optional for loading; R21 flags its absence.
    pub preferred_channel: Option<Channel>,
    /// Needed when `preferred_channel: email` (R21).
    pub email: Option<String>,
    /// Needed when `preferred_channel: phone` (R21).
    pub phone: Option<String>,
    /// Handle or link (@name); needed when `preferred_channel: messenger` (R21).
    pub messenger: Option<String>,
    /// Terms, habits, lead times.
    pub notes: Option<String>,
}
