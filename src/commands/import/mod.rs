//! `rapport import …`: contacts and clients brought in from other programs — `import
//! vcard`, `import csv`.

mod contacts;
mod csv;
mod vcard;

use anyhow::Result;

use crate::cli::ImportCommand;
use crate::context::Context;
use crate::exit::Exit;

pub fn run(ctx: &Context, command: &ImportCommand) -> Result<Exit> {
    match command {
        ImportCommand::Vcard(args) => vcard::run(ctx, args),
        ImportCommand::Csv(args) => csv::run(ctx, args),
    }
}
