//! Reading a book from disk: find the root, walk the folders, read and parse every
//! file in parallel, then put the entities together and run the cross-file checks.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use walkdir::WalkDir;

use super::parse::{check_id, is_slug, parse_entity};
use super::{Book, ClientBook, Entity, Kind, Source, check};
use crate::finding::{Finding, Location};
use crate::model::{Client, Contract, Contractor, Invoice, LogEntry, Meeting, Project, Settings};

/// Files larger than this are refused unread (E01): no book file is anywhere near.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

pub const SETTINGS_FILE: &str = "rapport.yaml";

/// The book that holds `start`: the nearest folder at or above it with a
/// `rapport.yaml`, the way git finds `.git`.
pub fn find_root(start: &Path) -> Result<PathBuf> {
    let start = start
        .canonicalize()
        .with_context(|| format!("cannot open {}", start.display()))?;
    for dir in start.ancestors() {
        if dir.join(SETTINGS_FILE).is_file() {
            return Ok(dir.to_path_buf());
        }
    }
    bail!(
        "no book here: neither {} nor any folder above it has a {SETTINGS_FILE}\n\
         hint: pass --book DIR (or set RAPPORT_BOOK), or create a book with `rapport init`",
        start.display()
    )
}

/// One entity read from one file.
enum Parsed {
    Settings(Settings),
    Client(Client),
    Contract(Contract),
    Project(Project),
    Meeting(Meeting),
    Log(LogEntry),
    Invoice(Invoice),
    Contractor(Contractor),
}

/// What reading one file gave.
struct FileResult {
    kind: Kind,
    /// The client folder, for per-client kinds.
    client: Option<String>,
    /// The file's ID (its stem).
    id: String,
    file: String,
    text: String,
    parsed: Option<Parsed>,
    findings: Vec<Finding>,
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads a file's text, bounded in size; a file that cannot be read becomes a finding.
fn read_text(path: &Path, file: &str) -> Result<String, Finding> {
    let fail = |message: String| Finding::error("E01", file, Location::File, message);
    let f = fs::File::open(path).map_err(|e| fail(format!("cannot read the file: {e}")))?;
    let mut bytes = Vec::new();
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read the file: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(format!(
            "the file is larger than {} MiB; a book file is a few KB",
            MAX_FILE_BYTES / 1024 / 1024
        ))
        .help("split it, or move it out of the book's folders"));
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok(text)
        }
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
            let col = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            let pos = crate::yaml::Pos {
                line: u32::try_from(line).unwrap_or(u32::MAX),
                col: u32::try_from(col).unwrap_or(u32::MAX),
            };
            Err(Finding::error(
                "E01",
                file,
                Location::Span(crate::yaml::Span {
                    start: pos,
                    end: pos,
                }),
                format!(
                    "the file is not valid UTF-8 (byte 0x{:02X} at line {line}, column {col})",
                    e.as_bytes()[valid.len()]
                ),
            )
            .help("save the file as UTF-8"))
        }
    }
}

fn read_file(root: &Path, path: &Path, kind: Kind, client: Option<&str>) -> FileResult {
    let file = rel_path(root, path);
    let id = match kind {
        Kind::Client => client.unwrap_or_default().to_owned(),
        _ => path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let mut findings = Vec::new();
    let (text, parsed) = match read_text(path, &file) {
        Ok(text) => {
            let parsed = parse_kind(kind, &file, &text, &id, &mut findings);
            (text, parsed)
        }
        Err(finding) => {
            findings.push(finding);
            (String::new(), None)
        }
    };
    FileResult {
        kind,
        client: client.map(str::to_owned),
        id,
        file,
        text,
        parsed,
        findings,
    }
}

fn parse_kind(
    kind: Kind,
    file: &str,
    text: &str,
    id: &str,
    findings: &mut Vec<Finding>,
) -> Option<Parsed> {
    macro_rules! entity {
        ($ty:ty, $variant:ident) => {{
            let value = parse_entity::<$ty>(file, text, findings)?;
            check_id(file, value.id.as_deref(), id, kind == Kind::Client, findings);
            Some(Parsed::$variant(value))
        }};
    }
    match kind {
        Kind::Settings => parse_entity::<Settings>(file, text, findings).map(Parsed::Settings),
        Kind::Client => entity!(Client, Client),
        Kind::Contract => entity!(Contract, Contract),
        Kind::Project => entity!(Project, Project),
        Kind::Meeting => entity!(Meeting, Meeting),
        Kind::Log => entity!(LogEntry, Log),
        Kind::Invoice => entity!(Invoice, Invoice),
        Kind::Contractor => entity!(Contractor, Contractor),
    }
}

/// Reads every book file under one client folder. Files are visited in name order.
fn read_client(root: &Path, dir: &Path, client: &str) -> Vec<FileResult> {
    let mut out = Vec::new();
    let walk = WalkDir::new(dir)
        .min_depth(1)
        .max_depth(2)
        .sort_by_file_name();
    for entry in walk.into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if !entry.file_type().is_file() || !is_yaml(path) {
            continue;
        }
        let kind = match entry.depth() {
            1 if path.file_stem().is_some_and(|s| s == "client") => Kind::Client,
            2 => match path
                .parent()
                .and_then(Path::file_name)
                .and_then(|f| f.to_str())
                .and_then(Kind::from_folder)
            {
                Some(kind) => kind,
                None => continue,
            },
            _ => continue,
        };
        out.push(read_file(root, path, kind, Some(client)));
    }
    out
}

fn dir_names(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut names: Vec<(String, PathBuf)> = WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_owned();
            (!name.starts_with('.')).then(|| (name, e.path().to_path_buf()))
        })
        .collect();
    names.sort();
    names
}

/// Loads the book at `root`. Bad files become findings; only a book that cannot be
/// read at all (no `rapport.yaml`) is an error.
pub fn load(root: &Path) -> Result<Book> {
    let settings_path = root.join(SETTINGS_FILE);
    if !settings_path.is_file() {
        bail!(
            "{} is not a book: it has no {SETTINGS_FILE}\nhint: create one with `rapport init {}`",
            root.display(),
            root.display()
        );
    }
    let clients = dir_names(&root.join("clients"));
    let mut contractor_files: Vec<PathBuf> = WalkDir::new(root.join("contractors"))
        .min_depth(1)
        .max_depth(1)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && is_yaml(e.path()))
        .map(|e| e.path().to_path_buf())
        .collect();
    contractor_files.sort();

    let (settings_result, (client_results, contractor_results)) = rayon::join(
        || read_file(root, &settings_path, Kind::Settings, None),
        || {
            rayon::join(
                || {
                    clients
                        .par_iter()
                        .map(|(id, dir)| (id.clone(), read_client(root, dir, id)))
                        .collect::<Vec<_>>()
                },
                || {
                    contractor_files
                        .par_iter()
                        .map(|p| read_file(root, p, Kind::Contractor, None))
                        .collect::<Vec<_>>()
                },
            )
        },
    );

    let mut book = Book {
        root: root.to_path_buf(),
        ..Book::default()
    };
    absorb(&mut book, settings_result, None);
    for (id, results) in client_results {
        let mut client = ClientBook {
            id: id.clone(),
            ..ClientBook::default()
        };
        let mut first_file = None;
        let mut has_client_file = false;
        for result in results {
            first_file.get_or_insert_with(|| result.file.clone());
            has_client_file |= result.kind == Kind::Client;
            absorb(&mut book, result, Some(&mut client));
        }
        if !is_slug(&id) {
            let file = first_file
                .clone()
                .unwrap_or_else(|| format!("clients/{id}"));
            book.findings.push(
                Finding::error(
                    "E06",
                    file,
                    Location::File,
                    format!("client folder `{id}` is not a valid ID"),
                )
                .help("IDs are lowercase latin letters, digits and hyphens: rename the folder"),
            );
        }
        if !has_client_file && let Some(file) = first_file {
            book.findings.push(
                Finding::error(
                    "E02",
                    file,
                    Location::File,
                    format!("client `{id}` has no clients/{id}/client.yaml"),
                )
                .help(
                    "every client folder needs a client.yaml with at least `name` and `contacts`",
                ),
            );
        }
        client.present.sort();
        book.clients.push(client);
    }
    for result in contractor_results {
        absorb(&mut book, result, None);
    }
    book.contractor_ids.sort();
    book.sources.sort_by(|a, b| a.file.cmp(&b.file));
    check::check(&mut book);
    Ok(book)
}

/// Puts one file's entity and findings into the book, refusing a second file with
/// the same ID (E05).
fn absorb(book: &mut Book, result: FileResult, client: Option<&mut ClientBook>) {
    let FileResult {
        kind,
        client: _,
        id,
        file,
        text,
        parsed,
        mut findings,
    } = result;
    if kind != Kind::Settings && kind != Kind::Client && !is_slug(&id) {
        findings.push(
            Finding::error(
                "E06",
                file.as_str(),
                Location::File,
                format!("file name `{id}` is not a valid ID"),
            )
            .help(
                "IDs are lowercase latin letters, digits and hyphens, at most 64: rename the file",
            ),
        );
    }
    let duplicate = match (&client, kind) {
        // Files arrive sorted by name, so `x.yaml` and `x.yml` arrive one after the other.
        (_, Kind::Contractor) => book.contractor_ids.last() == Some(&id),
        (Some(c), Kind::Client) => c.client.is_some() || c.client_broken,
        (Some(c), _) => c
            .present
            .last()
            .is_some_and(|(k, i)| *k == kind && *i == id),
        (None, _) => false,
    };
    // Twins arrive one after the other, so the twin is the file read just before.
    let twin = book
        .sources
        .last()
        .map(|s| s.file.clone())
        .unwrap_or_default();
    book.sources.push(Source {
        file: file.clone(),
        text,
    });
    if duplicate {
        book.findings.push(
            Finding::error(
                "E05",
                file.as_str(),
                Location::File,
                format!("{} `{id}` is defined twice: here and in {twin}", kind.noun()),
            )
            .help("keep one file per ID: merge the two (`.yaml` and `.yml` name the same ID)"),
        );
        book.findings.extend(findings);
        return;
    }
    book.findings.extend(findings);
    if kind == Kind::Contractor {
        book.contractor_ids.push(id.clone());
    }
    let Some(client) = client else {
        match parsed {
            Some(Parsed::Settings(s)) => book.settings = Some(s),
            Some(Parsed::Contractor(c)) => book.contractors.push(Entity { id, file, data: c }),
            _ => {}
        }
        return;
    };
    if kind == Kind::Client {
        client.client_broken = parsed.is_none();
    } else {
        client.present.push((kind, id.clone()));
    }
    match parsed {
        Some(Parsed::Client(c)) => client.client = Some(Entity { id, file, data: c }),
        Some(Parsed::Contract(c)) => client.contracts.push(Entity { id, file, data: c }),
        Some(Parsed::Project(p)) => client.projects.push(Entity { id, file, data: p }),
        Some(Parsed::Meeting(m)) => client.meetings.push(Entity { id, file, data: m }),
        Some(Parsed::Log(l)) => client.log.push(Entity { id, file, data: l }),
        Some(Parsed::Invoice(i)) => client.invoices.push(Entity { id, file, data: i }),
        _ => {}
    }
}
