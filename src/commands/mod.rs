//! One module per subcommand, dispatched from [`run`].

mod audit;
mod rules;

use std::io::{self, Write};

use anyhow::Result;

use crate::cli::Command;
use crate::context::Context;
use crate::exit::Exit;

/// Runs one command.
pub fn run(ctx: &Context, command: &Command) -> Result<Exit> {
    match command {
        Command::Audit(args) => audit::run(ctx, args),
        Command::Rules(args) => rules::run(args),
        Command::Init(_) | Command::Clients(_) | Command::Show(_) | Command::New(_) => {
            anyhow::bail!("this command is being built")
        }
    }
}

/// Writes to stdout; a closed pipe (`rapport audit | head`) ends quietly.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
