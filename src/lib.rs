//! rapport as a library: the modules behind the `rapport` binary (src/main.rs), so that
//! harnesses other than the binary — the fuzz targets in `fuzz/` — can drive the loader
//! and the audit in-process. The binary is the product: [`run`] is its whole `main`, and
//! [`fuzzing`] is for the fuzz targets; neither is a stable API.

mod audit;
mod book;
mod cache;
mod cli;
mod cli_error;
mod cli_help;
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

use clap::{CommandFactory, FromArgMatches, Parser};

/// The `rapport` command: parses the command line, runs the command, prints an error to
/// stderr and returns the exit code.
pub fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = cli_help::lang_before_parsing(&args);
    let cli = if lang == i18n::Lang::En {
        cli::Cli::parse_from(args)
    } else {
        let mut cmd = cli_help::localize(cli::Cli::command(), lang);
        match cmd
            .try_get_matches_from_mut(args)
            .and_then(|m| cli::Cli::from_arg_matches(&m))
        {
            Ok(cli) => cli,
            Err(e) => match e.kind() {
                clap::error::ErrorKind::DisplayHelp
                | clap::error::ErrorKind::DisplayVersion
                | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    e.format(&mut cmd).exit()
                }
                // The rest are mistakes, worded in the user's language.
                _ => e.format(&mut cmd).apply::<cli_error::Russian>().exit(),
            },
        }
    };
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
