//! `rapport audit`: check the whole book and report every finding.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::audit::{self, Options};
use crate::book::Book;
use crate::cli::{AuditArgs, AuditFormat, FailOn};
use crate::context::Context;
use crate::exit::Exit;
use crate::finding::{Code, Finding, Severity};
use crate::history::{History, Reading, Skip};
use crate::output::{self, SinceCounts, Summary};

pub fn run(ctx: &Context, args: &AuditArgs) -> Result<Exit> {
    crate::output::csv::check_bom(args.bom, args.format == AuditFormat::Csv)?;
    let book = {
        let _t = crate::clock::phase("load");
        ctx.load()?
    };
    let today = ctx.today(book);
    let rules = parse_codes(&args.rules)?;
    let filter = PathFilter::new(book, &args.paths)?;
    let view = super::manager_view::resolve(ctx, book, args.manager.as_deref())?;

    let t = crate::clock::phase("rules");
    let kept = |f: &Finding| filter.keeps(&f.file) && view.shows_file(&f.file);
    let history = history(ctx, book, args, &rules, None);
    let (mut findings, waived) =
        findings_of(book, today, &rules, args.no_waivers, history.as_ref(), kept);
    let since = match &args.since {
        Some(rev) => {
            let (before, skipped_links) =
                baseline(ctx, book, args, today, &rules, history.is_some(), rev)?;
            let before: Vec<_> = before
                .into_iter()
                .filter(|(_, file, ..)| filter.keeps(file) && view.shows_file(file))
                .collect();
            let (new, unchanged) = super::since::split(findings, &before);
            findings = new;
            if skipped_links > 0 {
                eprintln!(
                    "note: --since {rev}: {skipped_links} symbolic links of that revision were not copied out (this system has none)"
                );
            }
            Some((rev.as_str(), unchanged.len()))
        }
        None => None,
    };
    drop(t);
    let t = crate::clock::phase("resolve");
    let resolved = output::resolve(book, findings);
    drop(t);
    let t = crate::clock::phase("render");
    // The summary counts every file the rules read (the whole book, whatever the
    // paths or the view narrowed the findings to).
    let mut summary = Summary::of(book.sources.len(), &resolved, waived);
    summary.since = since.map(|(_, unchanged)| SinceCounts {
        new: resolved.len(),
        unchanged,
    });
    let text = match args.format {
        AuditFormat::Human => format!(
            "{}{}{}",
            view.header("view-audit", today, ctx.lang),
            output::human::render(book, &resolved, summary, ctx.color, ctx.lang),
            since.map_or(String::new(), |(rev, _)| {
                super::since::line(rev, summary.since.unwrap_or_default(), ctx.lang)
            })
        ),
        AuditFormat::Json => {
            output::json::render(&resolved, summary, &view.json_value(), ctx.machine_lang())
        }
        AuditFormat::Sarif => output::sarif::render(
            &resolved,
            ctx.machine_lang(),
            since.is_some(),
            &view.json_value(),
        ),
        AuditFormat::Github => {
            output::github::render(&resolved, summary, ctx.lang, view.label().as_deref())
        }
        AuditFormat::Csv => output::csv::findings(&resolved, args.bom)?,
    };
    drop(t);
    crate::commands::write_stdout(text.as_bytes())?;
    let failing = |s: Severity| match args.fail_on {
        FailOn::Error => s == Severity::Error,
        FailOn::Warning => s <= Severity::Warning,
        FailOn::Never => false,
    };
    let exit = if resolved.iter().any(|f| failing(f.severity)) {
        Exit::Findings
    } else {
        Exit::Ok
    };
    // The process ends now: freeing the findings one by one would cost time, for
    // memory the operating system takes back anyway (the book is kept, see
    // `Context::load`).
    std::mem::forget(resolved);
    Ok(exit)
}

/// The fingerprints of every finding of the book at `rev` (not narrowed by paths or
/// the manager's view), and how many of its links were not copied out: from the
/// baseline cache when the same revision was compared on the same day with the same
/// options, else by auditing the book at `rev` as [`crate::revision::snapshot`] gives
/// it (or, with links in it, copied out of git), with today's parse cache read only:
/// files unchanged since `rev` are not parsed again.
fn baseline(
    ctx: &Context,
    book: &Book,
    args: &AuditArgs,
    today: chrono::NaiveDate,
    rules: &[Code],
    with_history: bool,
    rev: &str,
) -> Result<(Vec<super::since::Fingerprint>, usize)> {
    let commit = (!rev.starts_with('-'))
        .then(|| {
            crate::git::run(
                book.root(),
                &[
                    "rev-parse",
                    "--verify",
                    "--quiet",
                    &format!("{rev}^{{commit}}"),
                ],
            )
            .ok()
        })
        .flatten()
        .map(|out| String::from_utf8_lossy(&out).trim().to_owned());
    let codes: Vec<&str> = rules.iter().map(|c| c.as_str()).collect();
    let history_commits = args.history_commits.to_string();
    let key = commit.as_ref().map(|commit| {
        super::since::baseline_key(&[
            commit,
            &today.to_string(),
            &codes.join(","),
            if args.no_waivers {
                "no-waivers"
            } else {
                "waivers"
            },
            if with_history {
                &history_commits
            } else {
                "no-history"
            },
        ])
    });
    if ctx.cache
        && let Some(key) = key
        && let Some(prints) = super::since::cached_baseline(book.root(), key)
    {
        return Ok((prints, 0));
    }
    let t = crate::clock::phase("since: read");
    let snapshot = crate::revision::snapshot(book.root(), rev)?;
    drop(t);
    let t = crate::clock::phase("since: load");
    // Read in place where git can tell which files are today's: those are found in
    // today's parse cache by their metadata. Else (links in the revision) copied out:
    // a file the revision has as it is today is still not parsed again, found in the
    // cache by its path and bytes.
    let (before_book, skipped_links) = match &snapshot {
        Some(snapshot) => (
            crate::book::load_snapshot(book.root(), snapshot, ctx.cache),
            0,
        ),
        None => {
            let before = crate::revision::extract(book.root(), rev)?;
            let loaded = if ctx.cache {
                crate::book::load_reusing(before.root(), book.root())
            } else {
                crate::book::load_with(before.root(), false)
            };
            (loaded, before.skipped_links)
        }
    };
    let before_book =
        before_book.with_context(|| format!("--since {rev}: the book at that revision"))?;
    drop(t);
    // The book at REV is judged with the history as it was at REV: a move made before
    // it is not new.
    let before_history = with_history
        .then(|| self::history(ctx, book, args, rules, Some(rev)))
        .flatten();
    let (findings, _) = collect_with_history(
        &before_book,
        today,
        rules,
        args.no_waivers,
        before_history.as_ref(),
    );
    let prints = super::since::fingerprints(&findings);
    if ctx.cache
        && let Some(key) = key
        && skipped_links == 0
    {
        super::since::store_baseline(book.root(), key, &prints);
    }
    Ok((prints, skipped_links))
}

/// The book's git history for the checks that read it (R08, D05), back from `rev`
/// (HEAD when `None`): `None` with `--no-history`, when `--rule` leaves out both
/// rules, or when it cannot be read — then a note says why, once (for HEAD).
fn history(
    ctx: &Context,
    book: &Book,
    args: &AuditArgs,
    rules: &[Code],
    rev: Option<&str>,
) -> Option<History> {
    let reads = |code: &str| Code::parse(code).is_some_and(|c| rules.contains(&c));
    if args.no_history || !(rules.is_empty() || reads("R08") || reads("D05")) {
        return None;
    }
    let _t = crate::clock::phase("history");
    match crate::history::read(
        book.root(),
        rev.unwrap_or("HEAD"),
        args.history_commits as usize,
    ) {
        Reading::Read(history) => Some(history),
        Reading::Skipped(skip) => {
            if rev.is_none() {
                eprintln!("{}", skipped(&skip).render(ctx.lang));
            }
            None
        }
    }
}

/// The note that the history checks were skipped, and why.
fn skipped(skip: &Skip) -> crate::i18n::Msg {
    let (why, said) = match skip {
        Skip::NotARepository => ("not-a-repository", ""),
        Skip::NoGit(said) => ("no-git", said.as_str()),
        Skip::NoCommits => ("no-commits", ""),
        Skip::Failed(said) => ("failed", said.as_str()),
    };
    crate::msg!(
        "history-skipped",
        why = crate::i18n::Arg::Word(why),
        said = crate::output::printable(said, &[]).into_owned(),
    )
}

/// Every finding the audit reports as of `today` (the loader's, the settings' and the
/// rules'), unplaced, and how many waivers hid: `rules` narrows them as `--rule` does
/// (empty: all). `rapport site` shows the same findings through this.
pub(crate) fn collect(
    book: &Book,
    today: chrono::NaiveDate,
    rules: &[Code],
    ignore_waivers: bool,
) -> (Vec<Finding>, usize) {
    collect_with_history(book, today, rules, ignore_waivers, None)
}

/// [`collect`], with the book's git history for R08 and D05.
fn collect_with_history(
    book: &Book,
    today: chrono::NaiveDate,
    rules: &[Code],
    ignore_waivers: bool,
    history: Option<&History>,
) -> (Vec<Finding>, usize) {
    let report = audit::run_with_history(
        book,
        today,
        &Options {
            only: rules.to_vec(),
            ignore_waivers,
        },
        history,
    );
    let mut findings: Vec<Finding> =
        Vec::with_capacity(book.findings.len() + report.findings.len() + 1);
    findings.extend_from_slice(&book.findings);
    findings.extend(audit::config::check(book.settings.as_ref()));
    // E-codes named with --rule narrow the book's own findings to them; without any,
    // every E-code is reported (a rule's fixture must be a valid book).
    let book_codes: Vec<Code> = rules.iter().copied().filter(|c| !c.is_rule()).collect();
    if !book_codes.is_empty() {
        findings.retain(|f| book_codes.contains(&f.code));
    }
    findings.extend(report.findings);
    (findings, report.waived)
}

/// [`collect`]'s findings that `kept` keeps (the paths and the manager's view asked
/// for), and how many waivers silenced.
fn findings_of(
    book: &Book,
    today: chrono::NaiveDate,
    rules: &[Code],
    ignore_waivers: bool,
    history: Option<&History>,
    kept: impl Fn(&Finding) -> bool,
) -> (Vec<Finding>, usize) {
    let (mut findings, waived) = collect_with_history(book, today, rules, ignore_waivers, history);
    findings.retain(|f| kept(f));
    (findings, waived)
}

/// The `--rule` codes; refuses one that names no rule and no E-code. Codes are upper
/// case; `--rule r02` means R02, as `rapport rules r02` does.
fn parse_codes(codes: &[String]) -> Result<Vec<Code>> {
    let known = audit::every_code();
    codes
        .iter()
        .map(|code| {
            let upper = code.to_ascii_uppercase();
            match Code::parse(&upper) {
                Some(found) => Ok(found),
                None => match audit::code_suggest::suggest_code(&upper, &known) {
                    Some(s) => Err(super::localized(crate::msg!(
                        "audit-no-rule-like",
                        code = upper.as_str(),
                        nearest = s.to_string()
                    ))),
                    None => Err(super::localized(crate::msg!(
                        "audit-no-rule",
                        code = upper.as_str()
                    ))),
                },
            }
        })
        .collect()
}

/// `PATH…` arguments: book-relative prefixes that findings must fall under.
struct PathFilter {
    prefixes: Vec<String>,
}

impl PathFilter {
    fn new(book: &Book, args: &[String]) -> Result<Self> {
        let root = book
            .root()
            .canonicalize()
            .unwrap_or_else(|_| book.root().to_path_buf());
        let mut prefixes = Vec::new();
        for arg in args {
            if book.client(arg).is_some() {
                prefixes.push(format!("clients/{arg}"));
                continue;
            }
            // As given (from the current folder), else from the book's root; `..` and
            // links are resolved either way, so the prefix is the file's real place.
            let Some(abs) = PathBuf::from(arg)
                .canonicalize()
                .or_else(|_| book.root().join(arg).canonicalize())
                .ok()
            else {
                return Err(super::localized(crate::msg!(
                    "audit-no-path",
                    path = arg.as_str()
                )));
            };
            let rel = match abs.strip_prefix(&root) {
                Ok(rel) => slashed(rel),
                Err(_) => {
                    return Err(super::localized(crate::msg!(
                        "audit-path-outside",
                        path = arg.as_str(),
                        root = root.display().to_string()
                    )));
                }
            };
            prefixes.push(rel);
        }
        Ok(PathFilter { prefixes })
    }

    fn keeps(&self, file: &str) -> bool {
        self.prefixes.is_empty()
            || self.prefixes.iter().any(|p| {
                p.is_empty()
                    || file == p
                    || (file.starts_with(p.as_str()) && file.as_bytes().get(p.len()) == Some(&b'/'))
            })
    }
}

fn slashed(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
