//! `rapport export …`: the book written out for other tools — `export sqlite FILE.db`,
//! `export vcard`.

mod sqlite;
mod vcard;

use anyhow::Result;

use crate::cli::ExportCommand;
use crate::context::Context;
use crate::exit::Exit;

pub fn run(ctx: &Context, command: &ExportCommand) -> Result<Exit> {
    match command {
        ExportCommand::Sqlite(args) => sqlite::run(ctx, args),
        ExportCommand::Vcard(args) => vcard::run(ctx, args),
    }
}
