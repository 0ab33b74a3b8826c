//! `rapport import vcard FILE.vcf --client ID [--dry-run]`: each card of a vCard file
//! (2.1, 3.0 or 4.0, as phones, Google and Outlook export them) added as a contact of
//! the client — name, position, email, phone, birthday (a year-less `--MM-DD` too),
//! notes as its `profile`.
//!
//! The cards are read by `crate::vcard`; what becomes of each (added, already there,
//! in conflict, skipped) is `contacts::add`'s, which `import csv --kind contacts`
//! shares.

use anyhow::{Context as _, Result, bail};

use crate::cli::ImportVcardArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::vcard::{self, Card};

/// The largest vCard file read: a phone's whole address book with photos fits.
const MAX_BYTES: u64 = 64 << 20;

pub fn run(ctx: &Context, args: &ImportVcardArgs) -> Result<Exit> {
    let shown = args.file.display();
    let size = std::fs::metadata(&args.file)
        .with_context(|| format!("cannot read {shown}"))?
        .len();
    if size > MAX_BYTES {
        bail!("{shown} is {size} bytes: more than a vCard file holds (at most {MAX_BYTES})");
    }
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {shown}"))?;
    let Ok(text) = String::from_utf8(bytes) else {
        bail!(
            "{shown} is not UTF-8\nhint: export the contacts again as UTF-8 (vCard 3.0 and 4.0 \
             are UTF-8; 2.1 cards may name another CHARSET inside a UTF-8 file)"
        );
    };
    let cards = vcard::parse(&text);
    if cards.is_empty() {
        bail!("{shown} holds no vCard (BEGIN:VCARD … END:VCARD)");
    }

    let items: Vec<(usize, Result<Card, String>)> = cards
        .into_iter()
        .map(|(n, c)| {
            (
                n,
                c.ok_or_else(|| "it has no name (neither FN nor N)".to_owned()),
            )
        })
        .collect();
    super::contacts::add(ctx, &args.client, &items, "card", args.dry_run)
}
