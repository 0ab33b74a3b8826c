//! What `invoice new`, `invoice pay`, `invoice remind`, `invoices` and `reconcile` say in Russian: their refusals and notes pinned in full, with nothing
//! written.

#[allow(unused_imports)]
use super::{TODAY, common, run_with};
