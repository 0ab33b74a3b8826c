//! Findings: what the audit (and the loader) say about a book. A finding knows its
//! code, severity, file and a location in that file, the facts and a hint; it knows
//! nothing of how it will be printed.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::yaml::{Span, YamlPath};

/// How much a finding matters. Ordered from most to least severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in its file a finding points.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Location {
    /// A span already known (parse errors).
    Span(Span),
    /// A node reached by a path of keys; `key` points at the key rather than the value.
    Path { path: YamlPath, key: bool },
    /// The file as a whole (it could not be read, or is missing something).
    File,
}

impl Location {
    /// The value at `path`.
    pub fn value(path: YamlPath) -> Self {
        Location::Path { path, key: false }
    }

    /// The key that ends `path`.
    pub fn key(path: YamlPath) -> Self {
        Location::Path { path, key: true }
    }
}

/// One finding about one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    /// Path of the file relative to the book root, with `/` separators.
    pub file: String,
    pub location: Location,
    pub message: String,
    pub help: Option<String>,
}

impl Finding {
    pub fn new(
        code: &'static str,
        severity: Severity,
        file: impl Into<String>,
        location: Location,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            code,
            severity,
            file: file.into(),
            location,
            message: message.into(),
            help: None,
        }
    }

    pub fn error(
        code: &'static str,
        file: impl Into<String>,
        location: Location,
        message: impl Into<String>,
    ) -> Self {
        Finding::new(code, Severity::Error, file, location, message)
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }
}
