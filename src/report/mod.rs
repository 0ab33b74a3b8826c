//! Documents made from the book for people outside the tool: the meeting report
//! (minutes) for the client, the payment reminder (`reminder`) and the digest of key
//! clients for their curator, as Markdown, HTML and email drafts.
//!
//! `locale` formats dates and money in the book's language; `templates` renders
//! them with built-in templates that a book may override; `email` wraps the result
//! in a deterministic `.eml` draft. The views (`meeting`, `digest`) gather what a
//! template sees; they read the book and never write.

pub mod digest;
pub mod email;
pub mod locale;
pub mod meeting;
pub mod reminder;
pub mod task;
pub mod templates;

use crate::book::{Book, ClientBook};
use crate::model::Invoice;

pub use crate::book::invoice_totals;

/// The currency of an invoice of `client`: that of its contract on the invoice's date
/// (a supplement in force may set it), else the book's, else RUB.
pub fn invoice_currency<'a>(book: &'a Book, client: &'a ClientBook, invoice: &Invoice) -> &'a str {
    crate::book::currency(book, client, invoice.contract.as_deref(), invoice.date.0)
}
