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

impl Waiver {
    /// Whether it has a reason: one without silences nothing (E08 says so).
    pub fn has_reason(&self) -> bool {
        self.reason.as_deref().is_some_and(|r| !r.trim().is_empty())
    }

    /// Whether it silences its rule on `day`: it has a reason and has not ended.
    pub fn in_force(&self, day: chrono::NaiveDate) -> bool {
        self.has_reason() && self.until.is_none_or(|u| u.0 >= day)
    }
}
