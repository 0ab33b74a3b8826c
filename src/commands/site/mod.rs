//! `rapport site --out DIR [--manager ID] [--curator ID]`: the book as a static site
//! for management (duty D6) — an overview, money, renewals, projects, the book's
//! health, a page per client and a page per curator. No server, no network: plain
//! HTML and CSS with SVG charts, a little JavaScript to sort tables, opened from
//! `file://` as well as from a private web server.
//!
//! Every figure is the one the listing commands print, computed by the same code:
//! `invoices::rows` and `invoices::aging`, `budget::all_rows`, `renewals::rows`, the
//! audit's findings through `audit::collect` (placed as `audit` places them), and the
//! digest's view of each curator's key clients. Pages carry `data-figure` attributes on
//! their headline figures so that a test can compare them with the JSON of those
//! commands exactly.
//!
//! The folder is written through `write::replace`, file by file (each whole or not at
//! all), and marked as a site by `.rapport-site`, which lists the files it wrote: a
//! later build replaces them and removes those it no longer writes, and a folder that
//! holds anything else is refused without `--force`.

mod chart;
mod html;
mod pages;
mod words;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

use super::{budget, invoices, renewals};
use crate::book::{Book, ClientBook};
use crate::cli::SiteArgs;
use crate::context::Context;
use crate::exit::Exit;
use crate::finding::Finding;
use crate::i18n::{self, Arg};
use crate::model::settings::Locale;
use crate::msg;
use crate::output::{self, Resolved};
use crate::report::digest::DigestView;
use crate::report::meeting::book_locale;
use crate::write;

/// The file that marks a folder as a rapport site, listing the files of the last build.
pub const MARKER: &str = ".rapport-site";
/// The marker's first line.
const MARKER_HEAD: &str = "rapport site: files written by the last build (do not edit)";

pub fn run(ctx: &Context, args: &SiteArgs) -> Result<Exit> {
    let book = ctx.load()?;
    let today = ctx.today(book);
    let scope = Scope::of(book, args)?;
    let old = prepare(&args.out, args.force)?;
    let data = {
        let _t = crate::clock::phase("gather");
        gather(book, today, &scope)?
    };
    let written = {
        let _t = crate::clock::phase("pages");
        write_site(&args.out, &old, &data)?
    };
    super::say_out(
        ctx.lang,
        &crate::msg!(
            "site-written",
            index = args.out.join("index.html").display().to_string(),
            pages = written.iter().filter(|n| n.ends_with(".html")).count()
        ),
    )?;
    super::clients::warn_unreadable(ctx.lang, book, &book.clients);
    Ok(Exit::Ok)
}

/// Which clients the site shows: all, or one manager's, or one curator's.
pub struct Scope {
    manager: Option<String>,
    curator: Option<String>,
    /// "Only the clients of Anna Orlova", for the pages' header.
    label: Option<String>,
}

impl Scope {
    fn of(book: &Book, args: &SiteArgs) -> Result<Self> {
        let settings = book.settings.as_ref();
        let mut names = Vec::new();
        if let Some(id) = &args.manager {
            let team: Vec<(&str, &str)> = settings
                .map(|s| {
                    s.team
                        .iter()
                        .map(|m| (m.id.as_str(), m.name.as_str()))
                        .collect()
                })
                .unwrap_or_default();
            names.push(known(id, &team, "team")?);
        }
        if let Some(id) = &args.curator {
            let curators: Vec<(&str, &str)> = settings
                .map(|s| {
                    s.curators
                        .iter()
                        .map(|c| (c.id.as_str(), c.name.as_str()))
                        .collect()
                })
                .unwrap_or_default();
            names.push(known(id, &curators, "curators")?);
        }
        let words = words::of(book_locale(book));
        Ok(Scope {
            manager: args.manager.clone(),
            curator: args.curator.clone(),
            label: (!names.is_empty()).then(|| format!("{}: {}", words.filtered, names.join(", "))),
        })
    }

    /// Does the site show this client?
    pub fn keeps(&self, client: &ClientBook) -> bool {
        let data = client.client.as_ref().map(|e| &e.data);
        let field_is = |want: &Option<String>, got: Option<&String>| {
            want.as_ref().is_none_or(|w| got == Some(w))
        };
        field_is(&self.manager, data.and_then(|c| c.manager.as_ref()))
            && field_is(&self.curator, data.and_then(|c| c.curator.as_ref()))
    }

    /// Is the whole book shown?
    pub fn is_whole(&self) -> bool {
        self.manager.is_none() && self.curator.is_none()
    }
}

/// The name of `id` among `known` (ID, name) pairs, or an error with a suggestion;
/// `list` is the key of rapport.yaml that lists them (`team`, `curators`).
fn known(id: &str, known: &[(&str, &str)], list: &'static str) -> Result<String> {
    if let Some((_, name)) = known.iter().find(|(k, _)| *k == id) {
        return Ok((*name).to_owned());
    }
    let ids: Vec<&str> = known.iter().map(|(k, _)| *k).collect();
    let hint = super::hint_for(
        id,
        &ids,
        msg!("site-none-listed", list = Arg::Word(list)),
        |ids| msg!("site-ids-are", list = Arg::Word(list), ids = ids.join(", ")),
    );
    Err(i18n::hinted(
        msg!("site-unknown", list = Arg::Word(list), id = id),
        hint,
    ))
}

/// Everything the pages are made of, computed once.
pub struct Data<'b> {
    pub book: &'b Book,
    pub today: NaiveDate,
    pub locale: Locale,
    pub scope: &'b Scope,
    pub clients: Vec<&'b ClientBook>,
    pub invoices: Vec<invoices::Row<'b>>,
    pub budgets: Vec<budget::Row<'b>>,
    pub warn_percent: u32,
    pub renewals: Vec<renewals::Row<'b>>,
    /// The audit's findings, placed and sorted as `audit` prints them.
    pub findings: Vec<Resolved>,
    /// Each curator's page, as `digest --curator` words it.
    pub curator_views: Vec<DigestView>,
}

/// The client whose folder holds `file`: `acme` for `clients/acme/…`.
pub fn client_of(file: &str) -> Option<&str> {
    file.strip_prefix("clients/")?
        .split_once('/')
        .map(|(id, _)| id)
}

/// What the pages are made of: the rows, figures and findings of the clients shown.
fn gather<'b>(book: &'b Book, today: NaiveDate, scope: &'b Scope) -> Result<Data<'b>> {
    let clients: Vec<&ClientBook> = book.clients.iter().filter(|c| scope.keeps(c)).collect();
    let kept: BTreeSet<&str> = clients.iter().map(|c| c.id.as_str()).collect();
    let keeps_id = |id: &str| kept.contains(id);
    let invoices: Vec<invoices::Row<'_>> = invoices::rows(book, &book.clients, today)?
        .into_iter()
        .filter(|r| keeps_id(&r.client.id))
        .collect();
    let (budgets, warn_percent) = budget::all_rows(book, today);
    let budgets = budgets
        .into_iter()
        .filter(|r| keeps_id(&r.client.id))
        .collect();
    let renewals = renewals::rows(book, today)
        .into_iter()
        .filter(|r| keeps_id(&r.client.id))
        .collect();
    let t = crate::clock::phase("rules");
    let (findings, _waived) = super::audit::collect(book, today, &[], false);
    drop(t);
    let curator_views = pages::curator_views(
        book,
        scope,
        &clients,
        today,
        findings.iter().filter(|f| f.code.is_rule()),
    );
    // A filtered site shows its clients' findings only; the whole book's shows all.
    let shown: Vec<Finding> = findings
        .into_iter()
        .filter(|f| scope.is_whole() || client_of(&f.file).is_some_and(keeps_id))
        .collect();
    Ok(Data {
        book,
        today,
        locale: book_locale(book),
        scope,
        clients,
        invoices,
        budgets,
        warn_percent,
        renewals,
        findings: output::resolve(book, shown),
        curator_views,
    })
}

/// Checks that `out` may take a site: missing, empty, a previous site, or `force`.
/// Returns the files the previous build listed.
fn prepare(out: &Path, force: bool) -> Result<Vec<String>> {
    let meta = match fs::symlink_metadata(out) {
        Err(_) => return Ok(Vec::new()),
        Ok(meta) => meta,
    };
    if !meta.is_dir() {
        let out = out.display().to_string();
        return Err(i18n::hinted(
            msg!("site-out-not-a-folder", out = out),
            msg!("site-out-not-a-folder-hint"),
        ));
    }
    let marker = out.join(MARKER);
    if let Ok(text) = fs::read_to_string(&marker)
        && let Some(rest) = text.strip_prefix(MARKER_HEAD)
    {
        return Ok(rest
            .lines()
            .filter(|l| is_site_file(l))
            .map(str::to_owned)
            .collect());
    }
    let mut entries =
        fs::read_dir(out).with_context(|| format!("cannot read the folder {}", out.display()))?;
    if entries.next().is_none() || force {
        return Ok(Vec::new());
    }
    let out = out.display().to_string();
    Err(i18n::hinted(
        msg!("site-out-not-a-site", out = out, marker = MARKER),
        msg!("site-out-not-a-site-hint"),
    ))
}

/// A name the site writes: a plain file name of the folder, nothing that leads out.
fn is_site_file(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\'])
        && (name.ends_with(".html") || name.ends_with(".css") || name.ends_with(".js"))
}

/// Makes the pages and writes them (each atomically) as they are made, removes the
/// files of the previous build that this one did not write, and lists the new ones in
/// the marker. Returns the names written, sorted.
fn write_site(out: &Path, old: &[String], d: &Data<'_>) -> Result<Vec<String>> {
    let mut names = pages::names(d);
    names.extend(ASSETS.iter().map(|(n, _)| (*n).to_owned()));
    names.sort();
    let new: BTreeSet<&str> = names.iter().map(String::as_str).collect();
    let both: BTreeSet<&str> = new
        .iter()
        .copied()
        .chain(old.iter().map(String::as_str))
        .collect();
    // The marker first: a build cut short leaves a folder the next build recognises.
    write::replace(&out.join(MARKER), marker(&both).as_bytes())?;
    // Each page is written as soon as it is made, by the thread that made it, whole
    // (a temporary file renamed into place) but not flushed to disk page by page (see
    // `write::Batch`), so a thread seldom waits on the disk. The folder is flushed
    // once, after the last page; a page whose bytes are unchanged since the last build
    // is left alone.
    let batch = write::Batch::in_folder(out);
    let written = std::sync::Mutex::new(Vec::with_capacity(names.len()));
    let put = |name: String, bytes: Vec<u8>| -> Result<()> {
        batch.replace(&name, &bytes)?;
        written
            .lock()
            .map_err(|_| anyhow::anyhow!("a writer of the site's pages stopped"))?
            .push(name);
        Ok(())
    };
    // On the threads that loaded the book: their allocator already holds the memory
    // the load freed, which a pool of its own would ask of the system again (on the
    // 2,000-client book 0.07 s of wall time and 0.1 s of CPU, memory the kernel must
    // zero first).
    pages::each(d, &put)?;
    for (name, bytes) in ASSETS {
        put((*name).to_owned(), bytes.as_bytes().to_vec())?;
    }
    batch.finish();
    let mut written = written
        .into_inner()
        .map_err(|_| anyhow::anyhow!("a writer of the site's pages stopped"))?;
    written.sort();
    // Every page it listed, and nothing else: the marker stays true.
    if written != names {
        bail!("the site's pages are not the ones listed (an internal error): please report it");
    }
    for name in old.iter().filter(|n| !new.contains(n.as_str())) {
        let path = out.join(name);
        if fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            fs::remove_file(&path)
                .with_context(|| format!("cannot remove the old page {}", path.display()))?;
        }
    }
    write::replace(&out.join(MARKER), marker(&new).as_bytes())?;
    Ok(written)
}

/// The files every site has beside its pages: the style sheet and the script.
const ASSETS: [(&str, &str); 2] = [("style.css", html::STYLE), ("sort.js", html::SORT_JS)];

fn marker(names: &BTreeSet<&str>) -> String {
    let mut text = String::from(MARKER_HEAD);
    text.push('\n');
    for n in names {
        text.push_str(n);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_page_names_are_site_files() {
        assert!(is_site_file("client-acme.html"));
        assert!(is_site_file("style.css"));
        assert!(!is_site_file("../x.html"));
        assert!(!is_site_file(".rapport-site"));
        assert!(!is_site_file("notes.txt"));
        assert!(!is_site_file("a/b.html"));
    }

    #[test]
    fn findings_belong_to_the_client_of_their_folder() {
        assert_eq!(client_of("clients/acme/client.yaml"), Some("acme"));
        assert_eq!(client_of("rapport.yaml"), None);
    }
}
