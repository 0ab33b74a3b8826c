//! `clients/<client>/projects/<id>.yaml`: a deal or project, from lead to done.

use serde::{Deserialize, Serialize};

use super::time::Date;
use super::waiver::Waiver;
use crate::money::{Money, Quantity};

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Project {
    pub id: Option<String>,
    pub title: String,
    pub contract: Option<String>,
    #[serde(default)]
    pub stage: Stage,
    pub stage_since: Option<Date>,
    pub approver: Option<String>,
    pub start: Option<Date>,
    pub deadline: Option<Date>,
    pub deadline_tied_to: Option<String>,
    pub plan_b: Option<String>,
    pub brief: Option<Brief>,
    #[serde(default)]
    pub estimate: Vec<EstimateLine>,
    pub budget: Option<Money>,
    #[serde(default)]
    pub costs: Vec<Cost>,
    #[serde(default)]
    pub deadline_changes: Vec<DeadlineChange>,
    #[serde(default)]
    pub declined: Vec<Declined>,
    #[serde(default)]
    pub tasks: Vec<Task>,
    #[serde(default)]
    pub feedback: Vec<FeedbackRound>,
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

/// The sales pipeline (D4).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    Lead,
    Estimate,
    Negotiation,
    Active,
    Done,
    Lost,
    Cancelled,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Lead => "lead",
            Stage::Estimate => "estimate",
            Stage::Negotiation => "negotiation",
            Stage::Active => "active",
            Stage::Done => "done",
            Stage::Lost => "lost",
            Stage::Cancelled => "cancelled",
        }
    }

    /// Still in play: not done, lost or cancelled.
    pub fn is_open(self) -> bool {
        !matches!(self, Stage::Done | Stage::Lost | Stage::Cancelled)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Brief {
    pub doc: Option<String>,
    pub confirmed: Option<Date>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct EstimateLine {
    pub item: String,
    #[serde(default = "Quantity::one")]
    pub qty: Quantity,
    pub unit: Option<String>,
    pub price: Money,
    pub service: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Cost {
    pub date: Date,
    pub amount: Money,
    pub what: Option<String>,
    pub contractor: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct DeadlineChange {
    pub from: Date,
    pub to: Date,
    pub decided: Option<Date>,
    pub client_told: Option<Date>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Declined {
    pub date: Date,
    pub request: String,
    pub reason: Option<String>,
    pub explained: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    Creative,
    Design,
    Copy,
    Dev,
    Production,
    Other,
}

/// Work given to a specialist, inside the agency or outside.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Task {
    pub id: String,
    pub title: Option<String>,
    pub assignee: Option<String>,
    pub kind: Option<TaskKind>,
    pub start: Option<Date>,
    pub due: Option<Date>,
    pub tied_to: Option<String>,
    pub task_doc: Option<String>,
    pub copy_ready: Option<Date>,
    pub acknowledged: Option<Date>,
    pub done: Option<Date>,
    #[serde(default)]
    pub waive: Vec<Waiver>,
}

/// One round of client comments.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct FeedbackRound {
    pub date: Date,
    pub from: Option<String>,
    #[serde(default)]
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Comment {
    pub text: String,
    pub response: Option<String>,
    pub resolved: Option<Date>,
    pub resolution: Option<Resolution>,
    pub clarified_with: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    Accepted,
    Clarified,
    Declined,
}
