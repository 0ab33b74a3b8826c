//! `rapport act new|render|signed`: draw up the next act of work done, render it as a
//! document for the client, record that the client's signed copy (and its paper
//! originals) came back. The money is `billing`'s, as for invoices; the numbering
//! reads rapport.yaml's `act.number` with D05's parser in a sequence of its own;
//! every write goes through `write` (a new file never overwrites; the signed edit
//! changes only the lines it sets).

mod new;
mod render;
mod signed;

use anyhow::Result;

use crate::book::{Book, ClientBook, Entity, Kind};
use crate::cli::ActCommand;
use crate::context::Context;
use crate::exit::Exit;
use crate::i18n::Lang;
use crate::model::Act;

/// Runs `rapport act`.
pub fn run(ctx: &Context, command: &ActCommand) -> Result<Exit> {
    match command {
        ActCommand::New(args) => new::run(ctx, args),
        ActCommand::Render(args) => render::run(ctx, args),
        ActCommand::Signed(args) => signed::run(ctx, args),
    }
}

/// `CLIENT/ACT`, or a path ending in `clients/CLIENT/acts/ACT.yaml`.
fn parse_ref(arg: &str) -> Result<(String, String)> {
    super::parse_entity_ref(arg, "acts", "act", "vkusnoteka/2026-0002")
}

/// The act `arg` names, and its client. An act may also be named by its printed
/// number when that differs from its file name. An act file that does not read is
/// refused with the loader's errors on it, in `lang`.
fn locate<'b>(book: &'b Book, arg: &str, lang: Lang) -> Result<(&'b ClientBook, &'b Entity<Act>)> {
    let (client_id, act_id) = parse_ref(arg)?;
    let client = super::duty_support::find_client(book, &client_id)?;
    let found = client
        .acts
        .iter()
        .find(|a| a.id == act_id)
        .or_else(|| client.acts.iter().find(|a| a.data.number == act_id));
    if let Some(a) = found {
        return Ok((client, a));
    }
    if client.has(Kind::Act, &act_id) {
        let file = format!("clients/{}/acts/{act_id}.yaml", client.id);
        return Err(super::hinted(
            crate::msg!(
                "act-unreadable",
                client = client_id.as_str(),
                id = act_id.as_str(),
                why = super::duty_support::why_unreadable(book, &file, lang)
            ),
            crate::msg!("act-audit-client-hint", client = client_id.as_str()),
        ));
    }
    let ids: Vec<&str> = client.acts.iter().map(|a| a.id.as_str()).collect();
    let hint = match crate::yaml::suggest(&act_id, &ids) {
        Some(id) => crate::msg!("did-you-mean", name = format!("{client_id}/{id}")),
        None if ids.is_empty() => crate::msg!("acts-none-yet", client = client_id.as_str()),
        None => crate::msg!("acts-its", list = ids.join(", ")),
    };
    Err(super::hinted(
        crate::msg!(
            "no-entity",
            kind = crate::i18n::Arg::Word("act"),
            id = act_id.as_str(),
            client = client_id.as_str()
        ),
        hint,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn act_references() {
        assert_eq!(
            parse_ref("vkusnoteka/2026-0002").ok(),
            Some(("vkusnoteka".into(), "2026-0002".into()))
        );
        assert_eq!(
            parse_ref("book/clients/vkusnoteka/acts/2026-0002.yaml").ok(),
            Some(("vkusnoteka".into(), "2026-0002".into()))
        );
        for bad in ["vkusnoteka", "a/b/c", "clients/a/invoices/x.yaml"] {
            assert!(parse_ref(bad).is_err(), "{bad}");
        }
    }
}
