//! rapport: an account manager's book of clients, kept as plain YAML files in git.

mod audit;
mod book;
mod calendar;
mod cli;
mod clock;
mod commands;
mod context;
mod exit;
mod finding;
mod model;
mod money;
mod output;
mod terms;
mod yaml;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let ctx = context::Context::from_cli(&cli);
    match commands::run(&ctx, &cli.command) {
        Ok(exit) => exit.into(),
        Err(err) => {
            eprintln!("error: {err:#}");
            exit::Exit::Failure.into()
        }
    }
}
