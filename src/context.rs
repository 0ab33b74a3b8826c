//! What every command needs, resolved once from the command line and the
//! environment: where the book is, what day it is, whether to use colour.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context as _, Result};
use chrono::NaiveDate;

use crate::book::{self, Book};
use crate::cli::{Cli, ColorChoice, LangChoice};
use crate::i18n::Lang;

#[derive(Debug, Clone)]
pub struct Context {
    /// `--book` / `RAPPORT_BOOK`, if given.
    pub book: Option<PathBuf>,
    /// `--today` / `RAPPORT_TODAY`, if given.
    pub today: Option<NaiveDate>,
    /// Colour on stdout.
    pub color: bool,
    /// Use the parse cache.
    pub cache: bool,
    /// `RAPPORT_MANAGER`, if set: the default `--manager` (see [`crate::user`]).
    pub manager: Option<String>,
    /// Without `RAPPORT_MANAGER`, look for the team member whose email is git's
    /// `user.email` (off in the fuzz harness, which must not run programs).
    pub ask_git: bool,
    /// The language of what rapport prints: `--lang`, else `RAPPORT_LANG`, else the
    /// book's `locale` (rapport.yaml), else the user's `LANG` (see [`resolve_lang`]).
    pub lang: Lang,
    /// The language was asked for (`--lang`, `RAPPORT_LANG`), not taken from the
    /// book or the environment: machine outputs (JSON, SARIF) change only then.
    pub lang_asked: bool,
}

impl Context {
    pub fn from_cli(cli: &Cli) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
        };
        let mut ctx = Context {
            book: cli.book.clone(),
            today: cli.today,
            color,
            cache: !cli.no_cache,
            manager: crate::user::manager_env(),
            ask_git: true,
            lang: Lang::En,
            lang_asked: cli.lang.is_some(),
        };
        ctx.lang = match cli.lang {
            Some(LangChoice::Ru) => Lang::Ru,
            Some(LangChoice::En) => Lang::En,
            None => resolve_lang(
                ctx.book_root().ok().and_then(|root| book_locale(&root)),
                std::env::var("LANG").ok().as_deref(),
            ),
        };
        ctx
    }

    /// The book's root folder: `--book`, or found by walking up from the current folder.
    pub fn book_root(&self) -> Result<PathBuf> {
        match &self.book {
            Some(dir) => {
                if !dir.join(book::SETTINGS_FILE).is_file() {
                    return Err(crate::i18n::not_a_book(dir));
                }
                Ok(dir.clone())
            }
            None => {
                let cwd = std::env::current_dir().context("cannot read the current folder")?;
                book::find_root(&cwd)
            }
        }
    }

    /// The language of machine outputs (JSON, SARIF): English unless a language was
    /// asked for, so that a book's `locale` or the user's `LANG` never changes what
    /// scripts read.
    pub fn machine_lang(&self) -> Lang {
        if self.lang_asked { self.lang } else { Lang::En }
    }

    /// Loads the book (through the parse cache unless `--no-cache`).
    ///
    /// The book is kept until the process ends, never freed: a command loads it once
    /// and the process ends with the command, and freeing a large book entity by
    /// entity would cost a twentieth of a run, for memory the operating system takes
    /// back at once.
    pub fn load(&self) -> Result<&'static Book> {
        Ok(keep(book::load_with(&self.book_root()?, self.cache)?))
    }

    /// Loads what a command about the one client `id` needs (see
    /// [`book::load_client`]), or the whole book when `id` names no client folder.
    pub fn load_client(&self, id: &str) -> Result<&'static Book> {
        let root = self.book_root()?;
        match book::load_client(&root, id)? {
            Some(book) => Ok(keep(book)),
            None => self.load(),
        }
    }

    /// [`Context::load_client`] for a command's `CLIENT/ID` argument, split by the
    /// command's own parser into `parsed`; the whole book when it did not parse (the
    /// command's lookup then says what is wrong).
    pub fn load_for<T>(&self, parsed: Result<(T, T)>) -> Result<&'static Book>
    where
        T: AsRef<str>,
    {
        match parsed {
            Ok((client, _)) => self.load_client(client.as_ref()),
            Err(_) => self.load(),
        }
    }

    /// Today: `--today`, or the date now in the book's time zone.
    pub fn today(&self, book: &Book) -> NaiveDate {
        self.today.unwrap_or_else(|| {
            let zone = book
                .settings
                .as_ref()
                .map_or("Europe/Moscow", |s| s.timezone.as_str());
            crate::clock::today_in(zone)
        })
    }
}

impl Context {
    /// git's `user.email` in the book's folder, for the default manager's view (see
    /// [`crate::user::git_email`]).
    pub fn git_email(&self, book: &Book) -> Option<String> {
        if !self.ask_git {
            return None;
        }
        crate::user::git_email(book.root())
    }
}

/// The language when neither `--lang` nor `RAPPORT_LANG` says: the book's `locale`
/// as rapport.yaml writes it, else the user's `LANG` (`ru…`, as in `ru_RU.UTF-8`, is
/// Russian; anything else, or nothing, English).
pub fn resolve_lang(book_locale: Option<Lang>, lang_env: Option<&str>) -> Lang {
    book_locale.unwrap_or_else(|| match lang_env {
        Some(l) if l == "ru" || l.starts_with("ru_") || l.starts_with("ru.") => Lang::Ru,
        _ => Lang::En,
    })
}

/// The `locale` rapport.yaml at `root` writes, if it writes one: read before the
/// book is loaded, because the language is chosen before any command runs (and for
/// commands that load no book). A settings file that is a link, too large, unreadable
/// or not YAML says nothing here; the loader reports it.
pub fn book_locale(root: &std::path::Path) -> Option<Lang> {
    /// rapport.yaml is settings: more than this is not worth reading for a language.
    const MAX_SETTINGS_BYTES: u64 = 1 << 20;
    let path = root.join(book::SETTINGS_FILE);
    let meta = std::fs::symlink_metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > MAX_SETTINGS_BYTES {
        return None;
    }
    let source = std::fs::read_to_string(&path).ok()?;
    let tree = crate::yaml::parse(&source, &crate::yaml::Limits::default()).ok()?;
    let (_, value) = tree.get(tree.root(), "locale")?;
    match &*tree.node(tree.resolve(value)).text {
        "ru" => Some(Lang::Ru),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The book, kept for the rest of the process (see [`Context::load`]).
fn keep(book: Book) -> &'static Book {
    Box::leak(Box::new(book))
}
