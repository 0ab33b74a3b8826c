//! `clients/<client>/meetings/<id>.yaml`: a meeting and its report.

use serde::{Deserialize, Serialize};

use super::time::{Date, DateTime};
use super::waiver::Waiver;

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Meeting {
    pub id: Option<String>,
    pub at: DateTime,
    pub format: MeetingFormat,
    pub place: Option<String>,
    pub project: Option<String>,
    #[serde(default)]
    pub attendees: Attendees,
    pub late_minutes: Option<u32>,
    #[serde(default)]
    pub agenda: Vec<String>,
    pub notes: Option<String>,
    #[serde(default)]
    pub decisions: Vec<String>,
    #[serde(default)]
    pub actions: Vec<Action>,
    pub report: Option<Report>,
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingFormat {
    InPerson,
    Video,
    Call,
}

impl MeetingFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingFormat::InPerson => "in_person",
            MeetingFormat::Video => "video",
            MeetingFormat::Call => "call",
        }
    }
}

/// Who was there: contact IDs of the client, team IDs of the agency.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Attendees {
    #[serde(default)]
    pub client: Vec<String>,
    #[serde(default)]
    pub agency: Vec<String>,
}

/// Something someone promised to do.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Action {
    pub what: String,
    /// A team member or a client contact.
    pub owner: Option<String>,
    pub due: Option<Date>,
    pub done: Option<Date>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Report {
    pub sent: Option<DateTime>,
    #[serde(default)]
    pub to: Vec<String>,
}
