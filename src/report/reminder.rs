//! A payment reminder for an overdue invoice: a letter to the client's contact for
//! payments (the contact with `billing: true`, else the first with an email, or the
//! one named), naming the invoice, its total, what is unpaid, the due date and how
//! many days it is overdue. Polite at first; firm once it is overdue by more than
//! D04's `firm_days`. Rendered by the templates `reminder.<locale>.<md|html|subject>.j2`
//! (a book may override them in `templates/`) and wrapped in an `.eml` draft.
//!
//! The figures are `billing`'s: the same total, remainder and days overdue as the
//! invoice list and D04.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::email::{self, Draft};
use super::locale;
use super::templates::{Output, Templates, name};
use crate::book::{Book, ClientBook, Entity};
use crate::domain::billing;
use crate::i18n::{Arg, Localized, hinted};
use crate::model::Invoice;
use crate::model::client::Contact;
use crate::model::invoice::InvoiceStatus;
use crate::model::settings::Locale;
use crate::msg;

/// What the reminder templates see.
#[derive(Debug, Serialize)]
struct View<'a> {
    lang: &'static str,
    firm: bool,
    attached: bool,
    agency: AgencyView<'a>,
    client: ClientView<'a>,
    contact: ContactView<'a>,
    invoice: InvoiceView,
    sender: SenderView,
}

#[derive(Debug, Serialize)]
struct AgencyView<'a> {
    name: &'a str,
}

#[derive(Debug, Serialize)]
struct ClientView<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Debug, Serialize)]
struct ContactView<'a> {
    id: &'a str,
    name: &'a str,
    /// "Добрый день, Ирина Шубина!" / "Dear Irina Shubina,".
    greeting: String,
}

#[derive(Debug, Serialize)]
struct InvoiceView {
    number: String,
    date: String,
    due: String,
    contract: Option<String>,
    total: String,
    unpaid: String,
    /// "12 дней" / "12 days".
    overdue: String,
    overdue_days: i64,
}

#[derive(Debug, Serialize)]
struct SenderView {
    name: String,
    position: Option<String>,
    phone: Option<String>,
}

/// A reminder, rendered and addressed.
#[derive(Debug)]
pub struct Reminder {
    pub draft: Draft,
    /// The contact it is addressed to, by ID.
    pub contact: String,
    pub firm: bool,
    pub overdue_days: i64,
    /// One line for the log: what was reminded.
    pub summary: String,
}

/// The contact a reminder goes to: `to`, else the one with `billing: true`, else the
/// first with an email.
fn recipient<'c>(client: &'c ClientBook, to: Option<&str>) -> Result<&'c Contact> {
    let contacts: &[Contact] = client
        .client
        .as_ref()
        .map_or(&[], |c| c.data.contacts.as_slice());
    if let Some(id) = to {
        if let Some(c) = contacts.iter().find(|c| c.id == id) {
            return Ok(c);
        }
        let ids: Vec<&str> = contacts.iter().map(|c| c.id.as_str()).collect();
        let hint = match crate::yaml::suggest(id, &ids) {
            Some(s) => msg!("did-you-mean", name = s),
            None => msg!(
                "invoice-remind-contacts",
                ids = Arg::Ids(ids.iter().map(|&i| i.to_owned()).collect())
            ),
        };
        return Err(hinted(
            msg!(
                "invoice-remind-no-contact",
                id = id,
                client = client.id.as_str()
            ),
            hint,
        ));
    }
    contacts
        .iter()
        .find(|c| c.billing)
        .or_else(|| {
            contacts.iter().find(|c| {
                c.email
                    .as_ref()
                    .is_some_and(|e| email::is_plausible_address(e))
            })
        })
        .ok_or_else(|| {
            hinted(
                msg!("invoice-remind-no-email", client = client.id.as_str()),
                msg!("invoice-remind-no-email-hint", client = client.id.as_str()),
            )
        })
}

/// How a reminder is to be made.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    pub today: NaiveDate,
    /// The contact to write to, by ID (default: [`recipient`]'s choice).
    pub to: Option<&'a str>,
    /// Days overdue after which the wording is firm (D04's `firm_days`).
    pub firm_after: u32,
    /// The invoice goes with it.
    pub attached: bool,
    /// The draft's `Date:` header.
    pub date: String,
}

/// The reminder of invoice `e` of `client` as of `o.today`, firm when it is overdue by
/// more than `o.firm_after` days.
pub fn reminder(
    book: &Book,
    client: &ClientBook,
    e: &Entity<Invoice>,
    o: Options<'_>,
) -> Result<Reminder> {
    let Options {
        today,
        to,
        firm_after,
        attached,
        date,
    } = o;
    let i = &e.data;
    let settings = book.settings.as_ref();
    let loc = super::meeting::book_locale(book);
    match i.status {
        InvoiceStatus::Issued => {}
        InvoiceStatus::Draft => {
            return Err(hinted(
                msg!("invoice-remind-draft", number = i.number.as_str()),
                msg!("invoice-remind-draft-hint", file = e.file.as_str()),
            ));
        }
        InvoiceStatus::Cancelled => {
            return Err(anyhow::Error::new(Localized(msg!(
                "invoice-remind-cancelled",
                number = i.number.as_str(),
                file = e.file.as_str()
            ))));
        }
    }
    let totals = crate::book::invoice_totals(book, client, i).map_err(|err| {
        anyhow::Error::new(Localized(msg!(
            "reconcile-too-large",
            file = e.file.as_str(),
            why = err.to_string()
        )))
    })?;
    let gross = totals.gross;
    let unpaid = billing::remainder(i, gross, today);
    let (due, _) = billing::due_date(i, settings);
    let Some(days) = billing::overdue_days(i, gross, settings, today) else {
        if unpaid <= crate::model::money::Money::ZERO {
            return Err(hinted(
                msg!("invoice-remind-paid", number = i.number.as_str()),
                msg!("invoice-remind-paid-hint"),
            ));
        }
        return Err(hinted(
            msg!(
                "invoice-remind-not-overdue",
                number = i.number.as_str(),
                due = Arg::Date { date: due, today }
            ),
            msg!("invoice-remind-not-overdue-hint"),
        ));
    };
    let contact = recipient(client, to)?;
    let Some(to_box) = email::mailbox_of(&contact.name, contact.email.as_ref()) else {
        return Err(hinted(
            msg!(
                "invoice-remind-contact-no-email",
                name = contact.name.as_str(),
                id = contact.id.as_str(),
                client = client.id.as_str()
            ),
            msg!("invoice-remind-contact-no-email-hint"),
        ));
    };
    let firm = days > i64::from(firm_after);
    let cur = super::invoice_currency(book, client, i);
    let manager = client
        .client
        .as_ref()
        .and_then(|c| c.data.manager.as_deref())
        .and_then(|id| settings.and_then(|s| s.team.iter().find(|t| t.id == id)));
    let agency_name = settings.map_or("", |s| s.agency.name.as_str());
    let sender = SenderView {
        name: manager.map_or_else(|| agency_name.to_owned(), |m| m.name.clone()),
        position: manager
            .and_then(|m| m.role.as_deref())
            .map(|r| locale::role(loc, r)),
        phone: manager
            .and_then(|m| m.phone.clone())
            .or_else(|| settings.and_then(|s| s.agency.phone.clone())),
    };
    let from = manager
        .and_then(|m| email::mailbox_of(&m.name, m.email.as_ref()))
        .or_else(|| email::agency_mailbox(book));
    let Some(from) = from else {
        return Err(hinted(
            msg!("invoice-remind-no-sender"),
            msg!("invoice-remind-no-sender-hint"),
        ));
    };
    let client_name = client.name();
    let view = View {
        lang: locale::code(loc),
        firm,
        attached,
        agency: AgencyView { name: agency_name },
        client: ClientView {
            id: &client.id,
            name: client_name,
        },
        contact: ContactView {
            id: &contact.id,
            name: &contact.name,
            greeting: match loc {
                Locale::Ru => format!("Добрый день, {}!", contact.name),
                Locale::En => format!("Dear {},", contact.name),
            },
        },
        invoice: InvoiceView {
            number: i.number.clone(),
            date: locale::short_date(loc, i.date.0),
            due: locale::short_date(loc, due),
            contract: client
                .contract_entity(i.contract.as_deref())
                .map(|c| c.data.number.clone()),
            total: locale::money(loc, gross, cur),
            unpaid: locale::money(loc, unpaid, cur),
            overdue: locale::days(loc, days),
            overdue_days: days,
        },
        sender,
    };
    let templates = Templates::new(book.root(), loc)?;
    let subject = templates.render(&name("reminder", loc, Output::Subject), &view)?;
    let subject = subject.trim().to_owned();
    let markdown = templates.render(&name("reminder", loc, Output::Markdown), &view)?;
    let html = templates.render_paragraphs(
        &name("reminder", loc, Output::Html),
        loc,
        &subject,
        &markdown,
    )?;
    let summary = match loc {
        Locale::Ru => format!(
            "{} напоминание об оплате счёта № {} от {}: не оплачено {}, просрочка {}.",
            if firm {
                "Настойчивое"
            } else {
                "Вежливое"
            },
            i.number,
            locale::short_date(loc, i.date.0),
            view.invoice.unpaid,
            view.invoice.overdue
        ),
        Locale::En => format!(
            "{} reminder of invoice No. {} of {}: {} unpaid, {} overdue.",
            if firm { "Firm" } else { "Polite" },
            i.number,
            locale::short_date(loc, i.date.0),
            view.invoice.unpaid,
            view.invoice.overdue
        ),
    };
    Ok(Reminder {
        draft: Draft {
            from,
            to: vec![to_box],
            cc: Vec::new(),
            subject,
            date,
            id: format!("reminder.{}.{}", client.id, e.id),
            text: markdown,
            html,
        },
        contact: contact.id.clone(),
        firm,
        overdue_days: days,
        summary,
    })
}
