//! The book's data as plain types, one module per kind of file. Nothing here reads
//! files: see `book` for loading.

/// `as_str` and `ALL` for a model enum: the word a book writes for each value (its
/// serde name, which a test holds them to), the one place commands take it from.
macro_rules! words {
    ($enum:ident { $($variant:ident => $text:literal),* $(,)? }) => {
        impl $enum {
            /// Every value, in the order declared.
            #[cfg_attr(not(test), allow(dead_code))]
            pub const ALL: &'static [$enum] = &[$($enum::$variant),*];

            /// The value as a book writes it: `in_person`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($enum::$variant => $text),*
                }
            }
        }
    };
}

pub mod act;
pub mod amount;
pub mod client;
pub mod contract;
pub mod contractor;
pub mod invoice;
pub mod locale;
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

#[cfg(test)]
mod tests {
    use super::client::{Channel, ClientStatus};
    use super::contract::{ContractStatus, RenewalDecision};
    use super::invoice::InvoiceStatus;
    use super::log::LogChannel;
    use super::meeting::MeetingFormat;
    use super::project::Stage;

    fn serde_name<T: serde::Serialize>(v: T) -> String {
        match serde_json::to_value(v) {
            Ok(serde_json::Value::String(s)) => s,
            other => panic!("not a word: {other:?}"),
        }
    }

    /// Each enum's words are the ones a book writes, for every value.
    #[test]
    fn words_are_the_serde_names() {
        macro_rules! check {
            ($($enum:ty),*) => {$(
                for v in <$enum>::ALL {
                    assert_eq!(v.as_str(), serde_name(*v), "{v:?}");
                }
            )*};
        }
        check!(
            Channel,
            ClientStatus,
            ContractStatus,
            RenewalDecision,
            InvoiceStatus,
            LogChannel,
            MeetingFormat,
            Stage
        );
    }
}
