//! The arithmetic of the account manager's work, on the model's values and nothing
//! above them: what an invoice comes to and when it is overdue (`billing`), a
//! project's budget (`budget`), contract terms through tacit renewals and where a
//! renewal stands (`terms`, `renewal`), working days (`calendar`), which services to
//! offer (`upsell`), the planned invoices of contracts' billing plans (`plan`), the
//! reconciliation of a client's account (`reconcile`), money across many invoices
//! per currency — aging, invoiced and paid by month (`receivables`), sums in words (`words`) and
//! where a specialist's task stands (`tasks`).
//!
//! Each is the one place its answer is computed: the audit's rules, the commands and
//! the documents all ask here, so they never disagree.

pub mod billing;
pub mod budget;
pub mod calendar;
pub mod plan;
pub mod receivables;
pub mod reconcile;
pub mod renewal;
pub mod tasks;
pub mod terms;
pub mod upsell;
pub mod words;
