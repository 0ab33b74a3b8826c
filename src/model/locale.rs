//! The language of documents and letters (and of the command line, `--lang`).

use serde::Deserialize;

/// Language of generated documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// Russian.
    #[default]
    Ru,
    /// English.
    En,
}
