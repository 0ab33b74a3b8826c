//! `rapport digest [--curator ID] [--since DATE] [--eml DIR]`: for each management
//! curator, the digest of their key clients over a period (default: the last 30
//! days) — Markdown to stdout, or one email draft per curator.

use anyhow::{Result, bail};
use chrono::Days;

use crate::book::Book;
use crate::cli::DigestArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::i18n::{Lang, Localized, say};
use crate::model::settings::Curator;
use crate::msg;
use crate::report::digest::{self, DigestView};
use crate::report::email;
use crate::report::meeting::book_locale;
use crate::report::templates::Templates;
use crate::write;

/// The period when `--since` is not given, in days before today.
const DEFAULT_PERIOD_DAYS: u64 = 30;

pub fn run(ctx: &Context, args: &DigestArgs) -> Result<Exit> {
    let book = ctx.load()?;
    let today = ctx.today(book);
    let since = match args.since {
        Some(since) if since > today => {
            return Err(Localized(msg!(
                "digest-since-after-today",
                since = since.to_string(),
                today = today.to_string()
            ))
            .into());
        }
        Some(since) => since,
        None => today
            .checked_sub_days(Days::new(DEFAULT_PERIOD_DAYS))
            .unwrap_or(today),
    };
    let shown = super::manager_view::resolve(ctx, book, args.manager.as_deref())?;
    let curators = curators(book, args.curator.as_deref(), ctx.lang)?;
    warn_without_curator(book, ctx.lang);
    let locale = book_locale(book);
    let templates = Templates::new(book.root(), locale)?;
    let audit = digest::audit_findings(book, today);
    let findings = digest::ClientFindings::of(book, &audit);
    let mut out = String::new();
    let mut notes = Vec::new();
    for curator in &curators {
        let mut view = DigestView::of(book, curator, since, today, &findings);
        view.clients.retain(|c| shown.shows_id(&c.id));
        if view.clients.is_empty() {
            notes.push(Note::Note(
                msg!("digest-no-key-clients", id = curator.id.as_str()).render(ctx.lang),
            ));
        }
        let rendered = digest::render(&templates, locale, &view)?;
        match &args.eml {
            None => {
                if !out.is_empty() {
                    out.push_str("\n---\n\n");
                }
                out.push_str(&rendered.markdown);
            }
            Some(dir) => {
                let start =
                    crate::domain::calendar::Calendar::from_settings(book.settings.as_ref())
                        .day_start;
                let zone = book
                    .settings
                    .as_ref()
                    .map_or("Europe/Moscow", |s| s.timezone.as_str());
                let date = email::date_header(today.and_time(start), zone);
                let (draft, left_out) = digest::draft(book, &view, &rendered, date, today)?;
                let bytes = email::build(&draft)?;
                let path = dir.join(format!(
                    "digest-{}-{}.eml",
                    curator.id,
                    today.format("%Y-%m-%d")
                ));
                write::replace(&path, &bytes)?;
                out.push_str(&format!("{}\n", path.display()));
                for who in left_out {
                    notes.push(Note::Warning(
                        msg!("digest-not-addressed", who = who).render(ctx.lang),
                    ));
                }
            }
        }
    }
    if args.eml.is_none() {
        out.insert_str(0, &shown.header("view-digest", today, ctx.lang));
    }
    super::write_stdout(out.as_bytes())?;
    for n in notes {
        match n {
            Note::Warning(n) => eprintln!("{}: {n}", say(ctx.lang, "warning-prefix")),
            Note::Note(n) => eprintln!("{}: {n}", say(ctx.lang, "note-prefix")),
        }
    }
    super::clients::warn_unreadable(ctx.lang, book, shown.clients(book));
    Ok(Exit::Ok)
}

/// What the command says on stderr after its output.
enum Note {
    Warning(String),
    Note(String),
}

/// `--curator ID` (which must exist), else every curator with a key client.
fn curators<'b>(book: &'b Book, wanted: Option<&str>, lang: Lang) -> Result<Vec<&'b Curator>> {
    let all: &[Curator] = book
        .settings
        .as_ref()
        .map_or(&[], |s| s.curators.as_slice());
    match wanted {
        Some(id) => match all.iter().find(|c| c.id == id) {
            Some(c) => Ok(vec![c]),
            None => {
                let ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
                let hint = super::hint_for(id, &ids, msg!("digest-no-curators"), |ids| {
                    msg!("digest-curators-are", ids = ids.join(", "))
                });
                Err(super::hinted(msg!("digest-no-curator", id = id), hint))
            }
        },
        None => {
            let with_clients: Vec<&Curator> = all
                .iter()
                .filter(|c| !digest::key_clients(book, &c.id).is_empty())
                .collect();
            if with_clients.is_empty() {
                bail!(
                    "{}\n{}: {}",
                    say(lang, "digest-none-with-clients"),
                    say(lang, "hint-prefix"),
                    say(lang, "digest-none-with-clients-hint")
                );
            }
            Ok(with_clients)
        }
    }
}

/// Key clients with no curator (or an unknown one) reach no digest: say so (D09).
fn warn_without_curator(book: &Book, lang: Lang) {
    let curators: Vec<&str> = book
        .settings
        .as_ref()
        .map(|s| s.curators.iter().map(|c| c.id.as_str()).collect())
        .unwrap_or_default();
    let orphans: Vec<&str> = book
        .clients
        .iter()
        .filter(|c| {
            c.client.as_ref().is_some_and(|e| {
                e.data.key
                    && e.data.status != crate::model::client::ClientStatus::Former
                    && e.data
                        .curator
                        .as_deref()
                        .is_none_or(|id| !curators.contains(&id))
            })
        })
        .map(|c| c.name())
        .collect();
    if !orphans.is_empty() {
        eprintln!(
            "{}: {}",
            say(lang, "warning-prefix"),
            msg!("digest-without-curator", names = orphans.join(", ")).render(lang)
        );
    }
}
