//! One module per subcommand, dispatched from [`run`].

mod agenda;
mod audit;
mod budget;
mod calendar_feed;
mod clients;
mod completions;
mod digest;
mod document_out;
mod duty_support;
mod estimate;
mod init;
mod invoice;
mod invoices;
mod man;
mod meeting;
mod new;
mod renew;
mod renewals;
mod rules;
mod schema;
mod show;
mod upsell;

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
        Command::Clients(args) => clients::run(ctx, args),
        Command::Show(args) => show::run(ctx, args),
        Command::Init(args) => init::run(ctx, args),
        Command::New(command) => new::run(ctx, command),
        Command::Meeting(command) => meeting::run(ctx, command),
        Command::Agenda(args) => agenda::run(ctx, args),
        Command::Digest(args) => digest::run(ctx, args),
        Command::Renewals(args) => renewals::run(ctx, args),
        Command::Renew(args) => renew::run(ctx, args),
        Command::Budget(args) => budget::run(ctx, args),
        Command::Estimate(args) => estimate::run(ctx, args),
        Command::Calendar(args) => calendar_feed::run(ctx, args),
        Command::Upsell(args) => upsell::run(ctx, args),
        Command::Invoice(command) => invoice::run(ctx, command),
        Command::Invoices(args) => invoices::run(ctx, args),
        Command::Schema(args) => schema::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
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

/// Reads `CLIENT/ID`, or a path ending in `clients/CLIENT/FOLDER/ID.yaml`, naming an
/// entity of a per-client kind (`folder` is `meetings`, `invoices`…; `noun` and
/// `example` word the error).
pub fn parse_entity_ref(
    arg: &str,
    folder: &str,
    noun: &str,
    example: &str,
) -> Result<(String, String)> {
    let norm = arg.replace('\\', "/");
    let stem = norm
        .strip_suffix(".yaml")
        .or_else(|| norm.strip_suffix(".yml"));
    if let Some(stem) = stem {
        let parts: Vec<&str> = stem.rsplitn(3, '/').collect();
        if let [id, dir, rest] = parts.as_slice()
            && *dir == folder
        {
            let client = rest.rsplit('/').next().unwrap_or(rest);
            return Ok(((*client).to_owned(), (*id).to_owned()));
        }
        anyhow::bail!("`{arg}` is not a {noun} file: they live in clients/CLIENT/{folder}/");
    }
    match norm.split_once('/') {
        Some((client, id)) if !client.is_empty() && !id.is_empty() && !id.contains('/') => {
            Ok((client.to_owned(), id.to_owned()))
        }
        _ => anyhow::bail!(
            "`{arg}` does not name a {noun}\nhint: write CLIENT/{}, e.g. {example}",
            noun.to_uppercase()
        ),
    }
}
