//! What `task`, `project` and `tasks` say in Russian: their refusals and notes pinned in full, with nothing
//! written.

#[allow(unused_imports)]
use super::{TODAY, common, run_with};
