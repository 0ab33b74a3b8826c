//! `rapport invoice render CLIENT/INVOICE`: the invoice as a document for the client,
//! as PDF, HTML or Markdown — built by the document builder ([`crate::document`]),
//! which says what it shows. Missing legal or bank details are left blank on the
//! document and named in a note on stderr.

use anyhow::Result;

use crate::cli::InvoiceRenderArgs;
use crate::commands::document_out;
use crate::context::Context;
use crate::exit::Exit;
use crate::model::invoice::InvoiceStatus;

/// Runs `rapport invoice render`.
pub fn run(ctx: &Context, args: &InvoiceRenderArgs) -> Result<Exit> {
    let book = ctx.load_for(super::parse_ref(&args.invoice))?;
    let (client, invoice) = super::locate(book, &args.invoice, ctx.lang)?;
    let built = crate::document::invoice(book, client, invoice)?;
    document_out::output(
        ctx.lang,
        &built,
        args.format.into(),
        book.root(),
        &invoice.id,
        args.out.as_deref(),
    )?;
    if invoice.data.status != InvoiceStatus::Issued {
        let draft = invoice.data.status == InvoiceStatus::Draft;
        crate::commands::note(
            ctx.lang,
            &crate::msg!(
                "invoice-not-issued",
                number = invoice.data.number.as_str(),
                status = crate::i18n::Arg::Word(if draft { "draft" } else { "cancelled" })
            ),
        );
    }
    document_out::left_blank(ctx.lang, &built);
    Ok(Exit::Ok)
}
