//! `rapport estimate CLIENT/PROJECT`: the project's preliminary estimate (смета) as a
//! document for the client, in the book's language, as Markdown, a standalone HTML
//! page or PDF — built by the document builder ([`crate::document`]) that builds the
//! invoice, with the same money: each line `qty × price` rounded to kopecks, the VAT
//! split as an invoice under the same contract would split it today (a supplement in
//! force may set the rate). A book may lay it out its own way in
//! `templates/estimate.typ`.

use anyhow::Result;

use super::duty_support as support;
use crate::cli::EstimateArgs;
use crate::commands::document_out;
use crate::context::Context;
use crate::exit::Exit;

pub fn run(ctx: &Context, args: &EstimateArgs) -> Result<Exit> {
    let book = ctx.load_for(support::split_ref(&args.project, "project"))?;
    let (client, project) = support::find_project(book, &args.project)?;
    if project.data.estimate.is_empty() {
        return Err(super::hinted(
            crate::msg!(
                "estimate-no-lines",
                project = project.id.as_str(),
                client = client.id.as_str()
            ),
            crate::msg!("estimate-no-lines-hint", file = project.file.as_str()),
        ));
    }
    let today = ctx.today(book);
    let built = crate::document::estimate(book, client, project, today)?;
    document_out::output(
        ctx.lang,
        &built,
        args.format.into(),
        book.root(),
        &project.id,
        args.out.as_deref(),
    )?;
    document_out::left_blank(ctx.lang, &built);
    Ok(Exit::Ok)
}
