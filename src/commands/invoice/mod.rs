//! `rapport invoice new|render|pay|remind`: issue the next invoice, render it as a
//! document for the client, record a payment, draft a payment reminder. The arithmetic is `billing`'s (the same as
//! the audit's D04–D06 and `rapport show`), the numbering reads the pattern with D05's
//! parser, and every write goes through `write` (a new file never overwrites; an edit
//! replaces the whole file atomically after reading back).

pub(crate) mod new;
mod pay;
mod remind;
mod render;

use anyhow::Result;

use crate::book::{Book, ClientBook, Entity, Kind};
use crate::cli::InvoiceCommand;
use crate::context::Context;
use crate::exit::Exit;
use crate::i18n::{Arg, Lang, Msg};
use crate::model::Invoice;
use crate::model::amount::TooLarge;

/// Runs `rapport invoice`.
pub fn run(ctx: &Context, command: &InvoiceCommand) -> Result<Exit> {
    match command {
        InvoiceCommand::New(args) => new::run(ctx, args),
        InvoiceCommand::Render(args) => render::run(ctx, args),
        InvoiceCommand::Pay(args) => pay::run(ctx, args),
        InvoiceCommand::Remind(args) => remind::run(ctx, args),
    }
}

/// `CLIENT/INVOICE`, or a path ending in `clients/CLIENT/invoices/INVOICE.yaml`.
fn parse_ref(arg: &str) -> Result<(String, String)> {
    super::parse_entity_ref(arg, "invoices", "invoice", "stroymaster/2026-0008")
}

/// The invoice `arg` names, and its client. An invoice may also be named by its
/// printed number when that differs from its file name; one that does not read is
/// refused with what the loader found wrong with it, in `lang`.
fn locate<'b>(
    book: &'b Book,
    arg: &str,
    lang: Lang,
) -> Result<(&'b ClientBook, &'b Entity<Invoice>)> {
    let (client_id, invoice_id) = parse_ref(arg)?;
    let client = super::duty_support::find_client(book, &client_id)?;
    let found = client
        .invoices
        .iter()
        .find(|i| i.id == invoice_id)
        .or_else(|| client.invoices.iter().find(|i| i.data.number == invoice_id));
    if let Some(i) = found {
        return Ok((client, i));
    }
    if client.has(Kind::Invoice, &invoice_id) {
        // What the loader found wrong with it, where it says so.
        let file = format!("clients/{}/invoices/{invoice_id}.yaml", client.id);
        return Err(super::hinted(
            crate::msg!(
                "invoice-unreadable",
                client = client_id.as_str(),
                invoice = invoice_id.as_str(),
                why = super::duty_support::why_unreadable(book, &file, lang)
            ),
            crate::msg!("invoice-audit-client-hint", client = client_id.as_str()),
        ));
    }
    let ids: Vec<&str> = client.invoices.iter().map(|i| i.id.as_str()).collect();
    let hint = match crate::yaml::suggest(&invoice_id, &ids) {
        Some(id) => crate::msg!("did-you-mean", name = format!("{client_id}/{id}")),
        None if ids.is_empty() => crate::msg!(
            "entity-none-yet",
            kind = crate::i18n::Arg::Word("invoice"),
            client = client_id.as_str()
        ),
        None => {
            let mut recent: Vec<&Entity<Invoice>> = client.invoices.iter().collect();
            recent.sort_by_key(|i| std::cmp::Reverse((i.data.date, i.id.clone())));
            let list: Vec<String> = recent
                .iter()
                .take(5)
                .map(|i| format!("{client_id}/{}", i.id))
                .collect();
            crate::msg!(
                "entity-latest",
                kind = crate::i18n::Arg::Word("invoice"),
                list = list.join(", ")
            )
        }
    };
    Err(super::hinted(
        crate::msg!(
            "no-entity",
            kind = crate::i18n::Arg::Word("invoice"),
            id = invoice_id.as_str(),
            client = client_id.as_str()
        ),
        hint,
    ))
}

/// What [`TooLarge`] says, as a catalog message: a line or the sum of the lines as
/// the loader words them (E02), the total with VAT, else its English.
pub(crate) fn too_large(e: &TooLarge) -> Msg {
    let max = crate::model::money::Money(crate::model::amount::MAX_AMOUNT).to_string();
    match &e.line {
        Some((n, item, qty, price)) => crate::msg!(
            "yaml-line-too-large",
            n = n.to_string(),
            item = item.as_str(),
            qty = qty.to_string(),
            price = price.to_string(),
            max = max
        ),
        None if e.what == "the sum of the lines" => crate::msg!("yaml-sum-too-large", max = max),
        None if e.what == "the total with VAT" => crate::msg!("invoice-vat-too-large", max = max),
        None => crate::msg!("invoice-as-written", text = Arg::Text(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invoice_references() {
        assert_eq!(
            parse_ref("stroymaster/2026-0008").ok(),
            Some(("stroymaster".into(), "2026-0008".into()))
        );
        assert_eq!(
            parse_ref("book/clients/stroymaster/invoices/2026-0008.yaml").ok(),
            Some(("stroymaster".into(), "2026-0008".into()))
        );
        assert_eq!(
            parse_ref("clients\\a\\invoices\\x.yml").ok(),
            Some(("a".into(), "x".into()))
        );
        for bad in ["stroymaster", "a/b/c", "/x", "clients/a/meetings/x.yaml"] {
            assert!(parse_ref(bad).is_err(), "{bad}");
        }
    }
}
