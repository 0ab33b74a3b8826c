//! `clients/<client>/log/<id>.yaml`: one touch — a letter, call or message, in or out.

use serde::{Deserialize, Serialize};

use super::time::DateTime;
use super::waiver::Waiver;

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct LogEntry {
    pub id: Option<String>,
    pub at: DateTime,
    pub channel: LogChannel,
    pub direction: Direction,
    pub contact: Option<String>,
    pub subject: Option<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub chasing: bool,
    #[serde(default)]
    pub missed: bool,
    pub replied: Option<DateTime>,
    pub acknowledged: Option<DateTime>,
    pub topic: Option<String>,
    pub project: Option<String>,
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LogChannel {
    Email,
    Call,
    Messenger,
    Letter,
}

impl LogChannel {
    pub fn as_str(self) -> &'static str {
        match self {
            LogChannel::Email => "email",
            LogChannel::Call => "call",
            LogChannel::Messenger => "messenger",
            LogChannel::Letter => "letter",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    In,
    Out,
}
