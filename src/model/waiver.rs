//! `waive:` entries: a rule silenced for one entity, with the reason why.

use serde::{Deserialize, Serialize};

use super::time::Date;

/// One waiver. A missing `reason` is not a parse error but E08, so it is optional here.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
pub struct Waiver {
    /// The rule to silence: an R- or D-code, as `rapport rules` lists them (E-codes
    /// cannot be waived).
    pub rule: String,
    /// Why, in words a colleague or curator will accept. Required: a waiver without a
    /// reason is E08.
    pub reason: Option<String>,
    /// The last day the waiver applies (YYYY-MM-DD); from the next day the finding is back.
    pub until: Option<Date>,
}
