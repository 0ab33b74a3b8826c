//! The book's data as plain types, one module per kind of file. Nothing here reads
//! files: see `book` for loading.

pub mod act;
pub mod amount;
pub mod client;
pub mod contract;
pub mod contractor;
pub mod invoice;
pub mod log;
pub mod meeting;
pub mod money;
pub mod project;
pub mod settings;
pub mod time;
pub mod waiver;

pub use act::Act;
pub use client::{Client, Contact};
pub use contract::Contract;
pub use contractor::Contractor;
pub use invoice::Invoice;
pub use log::LogEntry;
pub use meeting::Meeting;
pub use project::Project;
pub use settings::Settings;
pub use waiver::Waiver;
