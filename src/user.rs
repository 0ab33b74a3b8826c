//! The one place that asks who the user is, beside `clock.rs` (the one place that
//! reads the wall clock): the default account manager whose view a command shows,
//! from `RAPPORT_MANAGER`, else the team member whose `email` is git's `user.email`.
//! Commands get it through [`crate::context::Context`], never from here directly.
//!
//! git is run with a fixed argument list (`git config --get user.email`), no shell,
//! no `-c` from the book, stdin, stderr closed; any failure (no git, no repository,
//! no email) means "no default". `git config --get` only reads configuration files:
//! nothing in a book's `.git/config` is run by it.

use std::path::Path;
use std::process::{Command, Stdio};

/// `RAPPORT_MANAGER`, when set and not blank.
pub fn manager_env() -> Option<String> {
    let v = std::env::var("RAPPORT_MANAGER").ok()?;
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_owned())
}

/// git's `user.email` as seen from the folder `dir` (the book's: a per-repository
/// email counts), when git runs and has one.
pub fn git_email(dir: &Path) -> Option<String> {
    let out = Command::new("git")
        .args(["config", "--get", "user.email"])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let email = String::from_utf8(out.stdout).ok()?;
    let email = email.trim();
    (!email.is_empty()).then(|| email.to_owned())
}
