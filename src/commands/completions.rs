//! `rapport completions SHELL`: a completion script for bash, zsh, fish, PowerShell or
//! elvish on stdout, generated from the command line's own definition.
//!
//! Install it the shell's way, e.g. `rapport completions bash >
//! ~/.local/share/bash-completion/completions/rapport`, or
//! `rapport completions fish > ~/.config/fish/completions/rapport.fish`.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::exit::Exit;

pub fn run(args: &CompletionsArgs) -> Result<Exit> {
    let mut cmd = Cli::command();
    let name = cmd.get_name().to_owned();
    // Into memory first: clap_complete panics on a failed write, and a closed pipe
    // (`rapport completions bash | head`) must end quietly.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, name, &mut script);
    super::write_stdout(&script)?;
    Ok(Exit::Ok)
}
