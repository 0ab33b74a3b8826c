//! `rapport export vcard [--client ID] [--out FILE] [--version 3]`: the clients'
//! contacts as vCard 4.0 (3.0 for older phones), one card per contact, in the book's
//! order (clients by ID, contacts as listed), each with its client as `ORG`, a stable
//! `UID` and its ID in `X-RAPPORT-ID`, so that `import vcard` gives the same contacts
//! back.

use anyhow::Result;

use crate::book::ClientBook;
use crate::cli::{ExportVcardArgs, VcardVersion};
use crate::context::Context;
use crate::exit::Exit;
use crate::model::Contact;
use crate::vcard::{self, Card, Version};
use crate::write::{self, WriteError};

pub fn run(ctx: &Context, args: &ExportVcardArgs) -> Result<Exit> {
    let book = match &args.client {
        Some(id) => ctx.load_client(id)?,
        None => ctx.load()?,
    };
    let clients: &[ClientBook] = match &args.client {
        Some(id) => {
            std::slice::from_ref(crate::book::find_client(book, id).map_err(anyhow::Error::new)?)
        }
        None => &book.clients,
    };
    let cards: Vec<Card> = clients
        .iter()
        .filter_map(|c| c.client.as_ref().map(|e| (c, e)))
        .flat_map(|(c, e)| e.data.contacts.iter().map(move |p| card(c, p)))
        .collect();
    let version = match args.version {
        VcardVersion::V3 => Version::V3,
        VcardVersion::V4 => Version::V4,
    };
    let text = vcard::write(&cards, version);
    match &args.out {
        None => super::super::write_stdout(text.as_bytes())?,
        Some(path) => {
            let written = if args.force {
                write::replace(path, text.as_bytes())
            } else {
                write::create_new(path, text.as_bytes())
            };
            match written {
                Ok(()) => {}
                Err(WriteError::Exists(p)) => {
                    return Err(crate::commands::hinted(
                        crate::msg!("export-exists", file = p.display().to_string()),
                        crate::msg!("export-vcard-exists-hint"),
                    ));
                }
                Err(e) => return Err(e.into()),
            }
            super::super::write_stdout(
                format!(
                    "{}\n",
                    crate::msg!(
                        "wrote-contacts",
                        contacts = cards.len(),
                        path = path.display().to_string()
                    )
                    .render(ctx.lang)
                )
                .as_bytes(),
            )?;
        }
    }
    super::super::clients::warn_unreadable(ctx.lang, book, clients);
    Ok(Exit::Ok)
}

/// A contact's card.
fn card(client: &ClientBook, p: &Contact) -> Card {
    Card {
        name: p.name.clone(),
        org: Some(client.name().to_owned()),
        position: p.position.clone(),
        emails: p.email.iter().cloned().collect(),
        phones: p.phone.iter().cloned().collect(),
        birthday: p.birthday,
        note: p.profile.clone(),
        uid: Some(format!("urn:rapport:{}/{}", client.id, p.id)),
        id: Some(p.id.clone()),
    }
}
