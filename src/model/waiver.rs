//! `waive:` entries: a rule silenced for one entity, with the reason why.

use serde::{Deserialize, Serialize};

use super::time::Date;

/// One waiver. A missing `reason` is not a parse error but E08, so it is optional here.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Waiver {
    pub rule: String,
    pub reason: Option<String>,
    pub until: Option<Date>,
}
