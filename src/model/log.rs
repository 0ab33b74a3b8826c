//! `clients/<client>/log/<id>.yaml`: one touch — a letter, call or message, in or out.

use serde::{Deserialize, Serialize};

use super::time::DateTime;
use super::waiver::Waiver;

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct LogEntry {
    /// Optional; where present it must equal the file name without .yaml (E06).
    pub id: Option<String>,
    /// When it was sent or received: YYYY-MM-DDTHH:MM, local time.
    pub at: DateTime,
    /// email, call, messenger, or letter (paper mail).
    pub channel: LogChannel,
    /// in — from the client; out — from us.
    pub direction: Direction,
    /// Who wrote, called, or was written to (a contact ID of the client).
    pub contact: Option<String>,
    /// Subject line.
    pub subject: Option<String>,
    /// What it said.
    pub summary: Option<String>,
    /// Inbound only: the client had to chase us for status (R01). Default: false.
    #[serde(default)]
    pub chasing: bool,
    /// Inbound call only: we did not pick up (R14). Default: false.
    #[serde(default)]
    pub missed: bool,
    /// Inbound only: when we answered; for a missed call, when we called back (R06, R14).
    pub replied: Option<DateTime>,
    /// Inbound only: when we told the sender we would answer later (R06).
    pub acknowledged: Option<DateTime>,
    /// A free tag; `birthday` marks a birthday greeting (R23).
    pub topic: Option<String>,
    /// The project it was about (a project ID of the same client; D08).
    pub project: Option<String>,
    /// Waivers for findings on the log entry.
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LogChannel {
    Email,
    Call,
    Messenger,
    /// Paper mail.
    Letter,
}

words!(LogChannel {
    Email => "email",
    Call => "call",
    Messenger => "messenger",
    Letter => "letter",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// From the client.
    In,
    /// From us.
    Out,
}
