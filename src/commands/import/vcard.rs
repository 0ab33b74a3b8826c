//! `rapport import vcard FILE.vcf --client ID [--dry-run]`: each card of a vCard file
//! (2.1, 3.0 or 4.0, as phones, Google and Outlook export them) added as a contact of
//! the client — name, position, email, phone, birthday (a year-less `--MM-DD` too),
//! notes as its `profile`.
//!
//! The cards are read by `crate::vcard`; what becomes of each (added, already there,
//! in conflict, skipped) is `contacts::add`'s, which `import csv --kind contacts`
//! shares.

use anyhow::Result;

use crate::cli::ImportVcardArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::i18n::Msg;
use crate::vcard::{self, Card};

/// The largest vCard file read: a phone's whole address book with photos fits.
const MAX_BYTES: u64 = 64 << 20;

pub fn run(ctx: &Context, args: &ImportVcardArgs) -> Result<Exit> {
    let shown = args.file.display();
    let size = std::fs::metadata(&args.file)
        .map_err(|e| crate::commands::cannot_read(&shown, &e))?
        .len();
    if size > MAX_BYTES {
        return Err(crate::commands::localized(crate::msg!(
            "import-vcard-too-big",
            file = shown.to_string(),
            size = size.to_string(),
            max = MAX_BYTES.to_string()
        )));
    }
    let bytes = std::fs::read(&args.file).map_err(|e| crate::commands::cannot_read(&shown, &e))?;
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(crate::commands::hinted(
            crate::msg!("import-vcard-not-utf8", file = shown.to_string()),
            crate::msg!("import-vcard-not-utf8-hint"),
        ));
    };
    let cards = vcard::parse(&text);
    if cards.is_empty() {
        return Err(crate::commands::localized(crate::msg!(
            "import-vcard-none",
            file = shown.to_string()
        )));
    }

    let items: Vec<(usize, Result<Card, Msg>)> = cards
        .into_iter()
        .map(|(n, c)| (n, c.ok_or_else(|| crate::msg!("import-card-no-name"))))
        .collect();
    super::contacts::add(ctx, &args.client, &items, "card", args.dry_run)
}
