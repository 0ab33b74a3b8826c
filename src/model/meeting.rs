//! `clients/<client>/meetings/<id>.yaml`: a meeting and its report.

use serde::{Deserialize, Serialize};

use super::time::{Date, DateTime};
use super::waiver::Waiver;

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Meeting {
    /// Optional; where present it must equal the file name without .yaml (E06).
    pub id: Option<String>,
    /// When it starts: YYYY-MM-DDTHH:MM, local time. A meeting in the future is planned.
    pub at: DateTime,
    /// in_person, video or call (R26).
    pub format: MeetingFormat,
    /// Address or service (Яндекс Телемост).
    pub place: Option<String>,
    /// The project it was about (a project ID of the same client).
    pub project: Option<String>,
    /// Who was there.
    #[serde(default)]
    pub attendees: Attendees,
    /// How late the agency side was, in minutes; absent means on time (R10).
    pub late_minutes: Option<u32>,
    /// The agenda, one item per line.
    #[serde(default)]
    pub agenda: Vec<String>,
    /// What was said (a block string).
    pub notes: Option<String>,
    /// What was decided.
    #[serde(default)]
    pub decisions: Vec<String>,
    /// Follow-ups: what, who, by when (R17).
    #[serde(default)]
    pub actions: Vec<Action>,
    /// The meeting report: when it was sent, and to whom (R02).
    pub report: Option<Report>,
    /// Waivers for findings on the meeting.
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeetingFormat {
    /// Face to face.
    InPerson,
    /// A video call.
    Video,
    /// A phone call.
    Call,
}

words!(MeetingFormat {
    InPerson => "in_person",
    Video => "video",
    Call => "call",
});

/// Who was there: contact IDs of the client, team IDs of the agency.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Attendees {
    /// Contact IDs of the client.
    #[serde(default)]
    pub client: Vec<String>,
    /// Team IDs of the agency.
    #[serde(default)]
    pub agency: Vec<String>,
}

/// Something someone promised to do.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Action {
    /// What is to be done.
    pub what: String,
    /// A team member or a client contact.
    pub owner: Option<String>,
    /// By when.
    pub due: Option<Date>,
    /// The day it was done; absent = open.
    pub done: Option<Date>,
    /// Waivers for findings on this item only (R17); the meeting's own `waive`
    /// silences its rule on every item.
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Report {
    /// When the report was sent: YYYY-MM-DDTHH:MM.
    pub sent: Option<DateTime>,
    /// Who it was sent to (contact IDs of the client).
    #[serde(default)]
    pub to: Vec<String>,
}
