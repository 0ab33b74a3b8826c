//! `rapport act render CLIENT/ACT`: the act as a document for the client, as PDF, HTML
//! or Markdown — built by the document builder ([`crate::document`]). Missing legal
//! details are left blank on the document and named in a note on stderr.

use anyhow::Result;

use crate::cli::ActRenderArgs;
use crate::commands::document_out;
use crate::context::Context;
use crate::exit::Exit;
use crate::model::act::ActStatus;

/// Runs `rapport act render`.
pub fn run(ctx: &Context, args: &ActRenderArgs) -> Result<Exit> {
    let book = ctx.load_for(super::parse_ref(&args.act))?;
    let (client, act) = super::locate(book, &args.act, ctx.lang)?;
    let built = crate::document::act(book, client, act)?;
    document_out::output(
        ctx.lang,
        &built,
        args.format.into(),
        book.root(),
        &act.id,
        args.out.as_deref(),
    )?;
    if act.data.status != ActStatus::Issued {
        crate::commands::note(
            ctx.lang,
            &crate::msg!(
                "act-not-issued",
                number = act.data.number.as_str(),
                status = crate::i18n::Arg::Word(act.data.status.as_str())
            ),
        );
    }
    document_out::left_blank(ctx.lang, &built);
    Ok(Exit::Ok)
}
