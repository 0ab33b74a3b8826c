//! The process's exit codes: what a script or CI can rely on.

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done; for `audit`, nothing at or above the `--fail-on` level was found.
    Ok = 0,
    /// `audit` found findings at or above the `--fail-on` level (by default: errors).
    Findings = 1,
    /// The tool could not do its job: no book, bad arguments, a file it must write
    /// already exists, an I/O error.
    Failure = 2,
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> Self {
        std::process::ExitCode::from(e as u8)
    }
}
