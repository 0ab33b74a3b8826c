//! `rapport invoice remind CLIENT/INVOICE --eml DIR [--to CONTACT] [--log]`: a payment
//! reminder for an overdue invoice as an `.eml` draft (`report::reminder` words it,
//! polite or, past D04's `firm_days`, firm), with the invoice's PDF attached when
//! rapport is built with PDF support. `--log` records it in the client's log as a new
//! file: an outbound email of today to the contact, `topic: payment-reminder`.

use std::fmt::Write as _;

use anyhow::Result;

use crate::book::{self, Kind};
use crate::cli::InvoiceRemindArgs;
use crate::commands::duty_support as support;
use crate::context::Context;
use crate::exit::Exit;
use crate::i18n::Arg;
use crate::model::LogEntry;
use crate::msg;
use crate::report::{email, reminder};
use crate::write::scalar::yaml_string;
use crate::write::{self, WriteError};

/// Runs `rapport invoice remind`.
pub fn run(ctx: &Context, args: &InvoiceRemindArgs) -> Result<Exit> {
    let book = ctx.load_for(super::parse_ref(&args.invoice))?;
    let (client, invoice) = super::locate(book, &args.invoice, ctx.lang)?;
    let today = ctx.today(book);
    let firm_after = support::threshold(
        book.settings.as_ref(),
        crate::audit::rules::thresholds::REMINDER_FIRM_DAYS,
    );
    let cal = crate::domain::calendar::Calendar::from_settings(book.settings.as_ref());
    let at = today.and_time(cal.day_start);
    let zone = book
        .settings
        .as_ref()
        .map_or("Europe/Moscow", |s| s.timezone.as_str());
    let date = email::date_header(at, zone);
    let pdf = attachment(book, client, invoice)?;
    let r = reminder::reminder(
        book,
        client,
        invoice,
        reminder::Options {
            today,
            to: args.to.as_deref(),
            firm_after,
            attached: pdf.is_some(),
            date,
        },
    )?;
    let bytes = email::build_with(&r.draft, pdf.as_slice())?;
    if args.eml.exists() && !args.eml.is_dir() {
        return Err(crate::commands::hinted(
            msg!(
                "invoice-remind-eml-file",
                dir = args.eml.display().to_string()
            ),
            msg!("invoice-remind-eml-file-hint"),
        ));
    }
    std::fs::create_dir_all(&args.eml)?;
    let path = args
        .eml
        .join(format!("{}-{}-reminder.eml", client.id, invoice.id));
    write::replace(&path, &bytes)?;
    let mut out = format!("{}\n", path.display());
    if args.log {
        let file = log_entry(ctx, client, &r, today, at)?;
        let _ = writeln!(out, "{}", msg!("created", path = file).render(ctx.lang));
    }
    super::super::write_stdout(out.as_bytes())?;
    eprintln!(
        "{}",
        msg!(
            "reminder-drafted",
            tone = Arg::Word(if r.firm { "firm" } else { "polite" }),
            to = r.draft.to.first().map_or("", |m| m.email.as_str()),
            number = invoice.data.number.as_str(),
            days = r.overdue_days,
            attached = Arg::Word(if pdf.is_some() { "yes" } else { "no" })
        )
        .render(ctx.lang)
    );
    Ok(Exit::Ok)
}

/// The invoice's PDF, when rapport is built with PDF support.
fn attachment(
    book: &crate::book::Book,
    client: &crate::book::ClientBook,
    invoice: &crate::book::Entity<crate::model::Invoice>,
) -> Result<Option<email::Attachment>> {
    if !cfg!(feature = "pdf") {
        return Ok(None);
    }
    let built = crate::document::invoice(book, client, invoice)?;
    let bytes = crate::document::pdf::pdf(&built.doc, book.root(), built.template)?;
    Ok(Some(email::Attachment {
        name: format!("{}.pdf", invoice.id),
        content_type: "application/pdf",
        bytes,
    }))
}

/// Writes the log entry of a sent reminder: a new file, never over another.
fn log_entry(
    ctx: &Context,
    client: &crate::book::ClientBook,
    r: &reminder::Reminder,
    today: chrono::NaiveDate,
    at: chrono::NaiveDateTime,
) -> Result<String> {
    let root = ctx.book_root()?;
    let invoice_id = r.draft.id.rsplit('.').next().unwrap_or_default().to_owned();
    let id = format!("{today}-payment-reminder-{invoice_id}");
    let folder = Kind::Log.folder().unwrap_or("log");
    let file = format!("clients/{}/{folder}/{id}.yaml", client.id);
    let mut text = String::new();
    let _ = writeln!(text, "at: {}", at.format("%Y-%m-%dT%H:%M"));
    text.push_str("channel: email\ndirection: out\n");
    let _ = writeln!(text, "contact: {}", yaml_string(&r.contact));
    let _ = writeln!(text, "subject: {}", yaml_string(&r.draft.subject));
    let _ = writeln!(text, "summary: {}", yaml_string(&r.summary));
    text.push_str("topic: payment-reminder\n");
    let mut findings = Vec::new();
    if book::parse_entity::<LogEntry>(&file, &text, &mut findings).is_none() || !findings.is_empty()
    {
        let why: Vec<String> = findings
            .iter()
            .map(|f| {
                crate::finding::in_lang(ctx.lang, f.said.as_deref(), &f.message, None)
                    .0
                    .into_owned()
            })
            .collect();
        return Err(crate::commands::localized(msg!(
            "invoice-remind-log-not-read-back",
            why = why.join("; ")
        )));
    }
    match write::create_new(&write::book_path(&root, &file)?, text.as_bytes()) {
        Ok(()) => Ok(file),
        Err(WriteError::Exists(_)) => Err(crate::commands::hinted(
            msg!("invoice-remind-logged", file = file.as_str()),
            msg!("invoice-remind-logged-hint"),
        )),
        Err(e) => Err(e.into()),
    }
}
