//! What the document commands (`invoice render`, `estimate`, `reconcile`) share: writing a built
//! document ([`crate::document`]) out in the chosen format, to stdout or to a new file,
//! and the note of what was left blank on it.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::Result;

use crate::cli::{EstimateFormat, InvoiceFormat, ReconcileFormat};
use crate::document::Built;
use crate::document::pdf;
use crate::i18n::{Arg, Lang, say};
use crate::msg;
use crate::write::{self, WriteError};

/// The format a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    Md,
    Html,
    Pdf,
}

impl From<InvoiceFormat> for Rendering {
    fn from(f: InvoiceFormat) -> Self {
        match f {
            InvoiceFormat::Md => Rendering::Md,
            InvoiceFormat::Html => Rendering::Html,
            InvoiceFormat::Pdf => Rendering::Pdf,
        }
    }
}

impl Rendering {
    /// The rendering of a reconciliation statement's format; `None` for CSV, which
    /// is not a typeset document.
    pub fn of_reconcile(f: ReconcileFormat) -> Option<Self> {
        match f {
            ReconcileFormat::Md => Some(Rendering::Md),
            ReconcileFormat::Html => Some(Rendering::Html),
            ReconcileFormat::Pdf => Some(Rendering::Pdf),
            ReconcileFormat::Csv => None,
        }
    }
}

impl From<EstimateFormat> for Rendering {
    fn from(f: EstimateFormat) -> Self {
        match f {
            EstimateFormat::Md => Rendering::Md,
            EstimateFormat::Html => Rendering::Html,
            EstimateFormat::Pdf => Rendering::Pdf,
        }
    }
}

/// Renders `built` and writes it to `out` (a new file, never over an existing one) or
/// to stdout. A PDF is refused on a terminal, and laid out by the book's own
/// `templates/<form>.typ` when it has one; `id` names the document in hints.
pub fn output(
    lang: Lang,
    built: &Built,
    rendering: Rendering,
    book_root: &Path,
    id: &str,
    out: Option<&Path>,
) -> Result<()> {
    let doc = &built.doc;
    let bytes = match rendering {
        Rendering::Md => pdf::markdown(doc).into_bytes(),
        Rendering::Html => pdf::html(doc).into_bytes(),
        Rendering::Pdf => {
            if out.is_none() && std::io::stdout().is_terminal() {
                return Err(super::hinted(
                    msg!("pdf-on-terminal"),
                    msg!("pdf-on-terminal-hint", id = id),
                ));
            }
            pdf::pdf(doc, book_root, built.template)?
        }
    };
    write_out(lang, &bytes, out)
}

/// Writes `bytes` to `out` (a new file, never over an existing one, then says so) or
/// to stdout.
pub fn write_out(lang: Lang, bytes: &[u8], out: Option<&Path>) -> Result<()> {
    match out {
        None => super::write_stdout(bytes),
        Some(path) => {
            create(path, bytes)?;
            super::say_out(lang, &msg!("created", path = path.display().to_string()))
        }
    }
}

/// Writes a new file, never over an existing one.
fn create(path: &Path, bytes: &[u8]) -> Result<()> {
    match write::create_new(path, bytes) {
        Ok(()) => Ok(()),
        Err(WriteError::Exists(p)) => Err(super::hinted(
            msg!("document-exists", path = p.display().to_string()),
            msg!("document-exists-hint"),
        )),
        Err(e) => Err(e.into()),
    }
}

/// Names on stderr what `built` needed and the book does not give, left blank on it.
pub fn left_blank(lang: Lang, built: &Built) {
    if !built.missing.is_empty() {
        let fields: Vec<String> = built
            .missing
            .iter()
            .map(|f| match *f {
                "the client's legal.inn" => say(lang, "left-blank-client-inn"),
                other => other.to_owned(),
            })
            .collect();
        super::note(
            lang,
            &msg!(
                "left-blank",
                form = Arg::Word(built.template),
                fields = fields.join(", ")
            ),
        );
        super::hint(lang, &msg!("left-blank-hint"));
    }
}
