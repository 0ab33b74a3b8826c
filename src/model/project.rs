//! `clients/<client>/projects/<id>.yaml`: a deal or project, from lead to done.

use serde::{Deserialize, Serialize};

use super::time::Date;
use super::waiver::Waiver;
use crate::model::amount::Priced;
use crate::model::money::{Money, Quantity};

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Project {
    /// Optional; where present it must equal the file name without .yaml (E06).
    pub id: Option<String>,
    /// Title of the project.
    pub title: String,
    /// The contract the work is done under (a contract ID of the same client; D03).
    pub contract: Option<String>,
    /// The sales pipeline stage. Default: lead.
    #[serde(default)]
    pub stage: Stage,
    /// When it entered this stage; set it every time `stage` changes (D08).
    pub stage_since: Option<Date>,
    /// Who accepts the work: a contact ID of the client; the contact needs a `profile`
    /// (R27).
    pub approver: Option<String>,
    /// Work start (R26).
    pub start: Option<Date>,
    /// The deadline (R07, R19).
    pub deadline: Option<Date>,
    /// The event that makes the deadline a deadline (R19).
    pub deadline_tied_to: Option<String>,
    /// The backup plan (R28).
    pub plan_b: Option<String>,
    /// Where the brief is and when the client confirmed it (R03).
    pub brief: Option<Brief>,
    /// Lines of the preliminary estimate (D07). Each line's amount and their sum are
    /// sums of money (at most 999999999999999.99, E02).
    #[serde(default, deserialize_with = "estimate_that_fits")]
    pub estimate: Vec<EstimateLine>,
    /// The agreed budget (D07).
    pub budget: Option<Money>,
    /// What the project actually cost us (D07).
    #[serde(default)]
    pub costs: Vec<Cost>,
    /// Every move of the deadline; also update `deadline` itself (R08).
    #[serde(default)]
    pub deadline_changes: Vec<DeadlineChange>,
    /// Client requests we said no to (R09).
    #[serde(default)]
    pub declined: Vec<Declined>,
    /// Work given to specialists.
    #[serde(default)]
    pub tasks: Vec<Task>,
    /// Rounds of client comments (R29, R30).
    #[serde(default)]
    pub feedback: Vec<FeedbackRound>,
    /// Waivers for findings on the project.
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

/// The sales pipeline (D4).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Interest, no estimate yet.
    #[default]
    Lead,
    /// We are preparing or have sent the estimate.
    Estimate,
    /// Terms and price under discussion.
    Negotiation,
    /// Work under way.
    Active,
    /// Delivered and accepted.
    Done,
    /// We did not get it.
    Lost,
    /// Stopped by the client.
    Cancelled,
}

words!(Stage {
    Lead => "lead",
    Estimate => "estimate",
    Negotiation => "negotiation",
    Active => "active",
    Done => "done",
    Lost => "lost",
    Cancelled => "cancelled",
});

impl Stage {
    /// Still in play: not done, lost or cancelled.
    pub fn is_open(self) -> bool {
        !matches!(self, Stage::Done | Stage::Lost | Stage::Cancelled)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Brief {
    /// Where the brief is: a path from the book root, or a URL.
    pub doc: Option<String>,
    /// The day the client confirmed our understanding of the brief (R03).
    pub confirmed: Option<Date>,
}

/// A project's `estimate`: each line's amount, and their sum, fit in a sum of money.
fn estimate_that_fits<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<EstimateLine>, D::Error> {
    super::invoice::checked_list(d, |lines: &[EstimateLine]| {
        crate::model::amount::lines_sum(lines)
            .map(|_| ())
            .map_err(|e| e.refusal())
    })
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct EstimateLine {
    /// What.
    pub item: String,
    /// Quantity, at most 3 decimal places. Default: 1.
    #[serde(default = "Quantity::one")]
    pub qty: Quantity,
    /// Unit of the quantity: шт., мес., тыс. знаков.
    pub unit: Option<String>,
    /// Price per unit.
    pub price: Money,
    /// The catalogue service this line sells: a service ID from rapport.yaml (D10).
    pub service: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Cost {
    /// When it was spent.
    pub date: Date,
    /// How much.
    pub amount: Money,
    /// What for.
    pub what: Option<String>,
    /// Who was paid: a contractor ID.
    pub contractor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct DeadlineChange {
    /// The old deadline.
    pub from: Date,
    /// The new deadline.
    pub to: Date,
    /// When the move was decided.
    pub decided: Option<Date>,
    /// When the client was told (R08: within 1 working day of `decided`, and not after
    /// `from`).
    pub client_told: Option<Date>,
    /// Why.
    pub reason: Option<String>,
    /// The task (an ID in this project's `tasks`) whose `due` moved; absent: the
    /// project's `deadline`.
    pub task: Option<String>,
    /// Who at the client was told (a contact ID of the client).
    pub told_to: Option<String>,
    /// Waivers for findings on this item only (R08); the project's own `waive`
    /// silences its rule on every item.
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Declined {
    /// When the request came.
    pub date: Date,
    /// What was asked.
    pub request: String,
    /// Why not.
    pub reason: Option<String>,
    /// When the reason was given to the client.
    pub explained: Option<Date>,
    /// Waivers for findings on this item only (R09); the project's own `waive`
    /// silences its rule on every item.
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    /// Creative work (R03).
    Creative,
    /// Design and layout (R04, R05).
    Design,
    /// Copywriting.
    Copy,
    /// Development.
    Dev,
    /// Production: print, shooting, manufacturing.
    Production,
    /// Anything else.
    Other,
}

impl TaskKind {
    /// As written in the file: `creative`, `copy`…
    pub fn as_str(self) -> &'static str {
        match self {
            TaskKind::Creative => "creative",
            TaskKind::Design => "design",
            TaskKind::Copy => "copy",
            TaskKind::Dev => "dev",
            TaskKind::Production => "production",
            TaskKind::Other => "other",
        }
    }
}

/// Work given to a specialist, inside the agency or outside.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Task {
    /// Unique within the project: lower-case Latin letters, digits and `-`.
    pub id: String,
    /// What the task is.
    pub title: Option<String>,
    /// Who does it: a team ID or a contractor ID (R22).
    pub assignee: Option<String>,
    /// The kind of work; R03 reads creative tasks, R04 and R05 design tasks.
    pub kind: Option<TaskKind>,
    /// When work starts; a task is started when `start` ≤ today.
    pub start: Option<Date>,
    /// When it is due (R07, R19).
    pub due: Option<Date>,
    /// What `due` is tied to (R19).
    pub tied_to: Option<String>,
    /// The written task given to the specialist: a path from the book root, or a URL (R04).
    pub task_doc: Option<String>,
    /// The day the text for a layout was ready (R05).
    pub copy_ready: Option<Date>,
    /// The day the assignee confirmed they understood the task (R22).
    pub acknowledged: Option<Date>,
    /// The day it was done; absent = open.
    pub done: Option<Date>,
    /// Waivers for findings on this task.
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

/// One round of client comments.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct FeedbackRound {
    /// Date of the round.
    pub date: Date,
    /// Who gave the comments (a contact ID of the client).
    pub from: Option<String>,
    /// The comments of the round.
    #[serde(default)]
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Comment {
    /// The comment.
    pub text: String,
    /// Our answer (R29).
    pub response: Option<String>,
    /// When it was resolved.
    pub resolved: Option<Date>,
    /// accepted, clarified or declined.
    pub resolution: Option<Resolution>,
    /// With whom a declined or unclear comment was talked through (a contact ID; R30).
    pub clarified_with: Option<String>,
    /// Waivers for findings on this item only (R29, R30); the project's own `waive`
    /// silences its rule on every item.
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// Done as asked.
    Accepted,
    /// Talked through and settled.
    Clarified,
    /// Not done, with the reason given.
    Declined,
}

impl Priced for EstimateLine {
    fn item(&self) -> &str {
        &self.item
    }
    fn qty(&self) -> Quantity {
        self.qty
    }
    fn price(&self) -> Money {
        self.price
    }
    fn unit(&self) -> Option<&str> {
        self.unit.as_deref()
    }
    fn service(&self) -> Option<&str> {
        self.service.as_deref()
    }
}
