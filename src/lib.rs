//! rapport as a library: the modules behind the `rapport` binary (src/main.rs), so that
//! harnesses other than the binary — the fuzz targets in `fuzz/` — can drive the loader
//! and the audit in-process. The binary is the product: [`run`] is its whole `main`, and
//! [`fuzzing`] is for the fuzz targets; neither is a stable API.

mod audit;
mod book;
mod cache;
mod cli;
mod clock;
mod commands;
mod context;
mod document;
mod domain;
mod exit;
mod finding;
#[doc(hidden)]
pub mod fuzzing;
mod git;
mod history;
mod i18n;
mod ics;
mod model;
mod output;
mod report;
mod revision;
mod schema;
mod user;
mod vcard;
mod wording;
mod write;
mod yaml;

use std::process::ExitCode;

use clap::Parser;

/// The `rapport` command: parses the command line, runs the command, prints an error to
/// stderr and returns the exit code.
pub fn run() -> ExitCode {
    let cli = cli::Cli::parse();
    let ctx = context::Context::from_cli(&cli);
    match commands::run(&ctx, &cli.command) {
        Ok(exit) => exit.into(),
        Err(err) => {
            eprintln!(
                "{}: {}",
                i18n::say(ctx.lang, "error-prefix"),
                commands::error_text(&err, ctx.lang)
            );
            exit::Exit::Failure.into()
        }
    }
}
