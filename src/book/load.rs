//! Reading a book from disk: find the root, walk the folders, read and parse every
//! file in parallel, then put the entities together and run the cross-file checks.

use std::cell::Cell;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use walkdir::WalkDir;

use super::parse::{check_id, is_slug, parse_entity, parse_lenient};
use super::snapshot::{Given, Snapshot};
use super::{Book, ClientBook, Entity, Kind, Source, check, links};
use crate::cache;
use crate::finding::{Code, Finding, Location};
use crate::i18n::{Arg, Msg};
use crate::model::{
    Act, Client, Contract, Contractor, Invoice, LogEntry, Meeting, Project, Settings,
};

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
    Err(crate::i18n::hinted(
        crate::msg!("no-book-here", dir = start.display().to_string()),
        crate::msg!("no-book-here-hint"),
    ))
}

/// One entity read from one file. `rapport.yaml` is never cached; its variant comes
/// last because serde numbers the variants it skips differently when writing and when
/// reading.
#[derive(serde::Serialize, serde::Deserialize)]
enum Parsed {
    Client(Client),
    Contract(Contract),
    Project(Project),
    Meeting(Meeting),
    Log(LogEntry),
    Invoice(Invoice),
    Act(Act),
    Contractor(Contractor),
    #[serde(skip)]
    Settings(Box<Settings>),
}

/// What reading one file gave.
struct FileResult {
    kind: Kind,
    /// The file's ID (its stem).
    id: String,
    file: String,
    parsed: Option<Parsed>,
    findings: Vec<Finding>,
    /// The hash of the file's bytes, for files the cache may hold.
    hash: Option<u64>,
    /// What the file system said of the file before it was read, where known.
    stat: Option<cache::Stat>,
    /// What the cache should store for this file, when it was parsed now (`None` on
    /// a cache hit: the old entry stands).
    fresh: Option<Vec<u8>>,
    /// Found in the cache by its bytes, not by its metadata: its entry is to be
    /// written again with the metadata of now.
    refreshed: bool,
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn rel_path(root: &Path, path: &Path) -> String {
    // The walk's paths are `root` joined with names: cut off as bytes, rather than
    // compared component by component (a hundred thousand times in a large book).
    if std::path::MAIN_SEPARATOR == '/' {
        let root_bytes = root.as_os_str().as_encoded_bytes();
        let rest = path
            .as_os_str()
            .as_encoded_bytes()
            .strip_prefix(root_bytes)
            .and_then(|rest| {
                if root_bytes.ends_with(b"/") {
                    Some(rest)
                } else {
                    rest.strip_prefix(b"/")
                }
            });
        if let Some(text) = rest.and_then(|r| std::str::from_utf8(r).ok())
            && !text.is_empty()
            && !text
                .split('/')
                .any(|c| c.is_empty() || c == "." || c == "..")
        {
            return text.to_owned();
        }
    }
    let rel = path.strip_prefix(root).unwrap_or(path);
    // Where `/` separates folders, the walk's paths are already in the book's form.
    if std::path::MAIN_SEPARATOR == '/'
        && let Some(text) = rel.to_str()
    {
        return text.to_owned();
    }
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads a file's bytes into `bytes` (cleared first), bounded in size; a file that
/// cannot be read becomes a finding.
fn read_bytes_into(path: &Path, file: &str, bytes: &mut Vec<u8>) -> Result<(), Box<Finding>> {
    let fail = |e: std::io::Error| {
        Box::new(
            Finding::error(Code::E01, file, Location::File, "")
                .say(crate::msg!("load-cannot-read", reason = io_reason(&e))),
        )
    };
    bytes.clear();
    let f = fs::File::open(path).map_err(fail)?;
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(bytes)
        .map_err(fail)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(file));
    }
    Ok(())
}

/// E01 on a file over [`MAX_FILE_BYTES`].
fn too_large(file: &str) -> Box<Finding> {
    Box::new(
        Finding::error(Code::E01, file, Location::File, "")
            .say(crate::msg!(
                "load-too-large",
                mib = i64::try_from(MAX_FILE_BYTES / 1024 / 1024).unwrap_or(i64::MAX)
            ))
            .help_say(crate::msg!("load-too-large-help")),
    )
}

/// Reads a file's bytes, bounded in size; a file that cannot be read becomes a finding.
fn read_bytes(path: &Path, file: &str) -> Result<Vec<u8>, Box<Finding>> {
    let mut bytes = Vec::new();
    read_bytes_into(path, file, &mut bytes)?;
    Ok(bytes)
}

thread_local! {
    /// The bytes of the file a loader thread is reading. Reused from file to file: a
    /// file found in the cache is hashed and dropped, so a warm load allocates (and the
    /// kernel zeroes) no memory for the 100 MB of a large book's files.
    static FILE_BYTES: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    /// The bytes of the cache shard of the group of files a loader thread is reading,
    /// reused likewise.
    static SHARD_BYTES: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// The text of a book file, read again to show a finding in context; `None` if it
/// cannot be read now, or is a link the loader does not follow ([`links`]).
pub(super) fn read_source(root: &Path, file: &str) -> Option<String> {
    let path = root.join(file);
    if fs::symlink_metadata(&path).ok()?.file_type().is_symlink() {
        let real_root = root.canonicalize().ok()?;
        if !links::may_follow(&real_root, &path) {
            return None;
        }
    }
    let bytes = read_bytes(&path, file).ok()?;
    to_text(bytes, file).ok()
}

/// A file's bytes as text: UTF-8, without a byte-order mark.
fn to_text(bytes: Vec<u8>, file: &str) -> Result<String, Box<Finding>> {
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
            Err(Box::new(
                Finding::error(
                    Code::E01,
                    file,
                    Location::Span(crate::yaml::Span {
                        start: pos,
                        end: pos,
                    }),
                    "",
                )
                .say(crate::msg!(
                    "load-not-utf8",
                    byte = format!("0x{:02X}", e.as_bytes()[valid.len()]),
                    line = line,
                    col = col
                ))
                .help_say(crate::msg!("load-not-utf8-help")),
            ))
        }
    }
}

/// Where a file was found: as a plain file, as a symbolic link in the book whose
/// root's real path is given (followed only where [`links::may_follow`] says so), or
/// given with its bytes by a [`Snapshot`].
#[derive(Clone, Copy)]
enum Found<'a> {
    File,
    Link { real_root: &'a Path },
    Given(&'a [u8]),
}

fn read_file(
    root: &Path,
    path: &Path,
    found: Found<'_>,
    kind: Kind,
    client: Option<&str>,
    cache: Option<&cache::View<'_>>,
) -> FileResult {
    read_listed(root, path, found, None, kind, client, cache)
}

/// [`read_file`] for a file whose metadata the folder's listing gave (`stat`): with
/// the cache, a file that the file system says has not changed is not read at all.
fn read_listed(
    root: &Path,
    path: &Path,
    found: Found<'_>,
    stat: Option<cache::Stat>,
    kind: Kind,
    client: Option<&str>,
    cache: Option<&cache::View<'_>>,
) -> FileResult {
    let file = rel_path(root, path);
    let id = match kind {
        Kind::Client => client.unwrap_or_default().to_owned(),
        _ => path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let mut result = FileResult {
        kind,
        id,
        file,
        parsed: None,
        findings: Vec::new(),
        hash: None,
        stat,
        fresh: None,
        refreshed: false,
    };
    if let Found::Link { real_root } = found
        && !links::may_follow(real_root, path)
    {
        result.findings.push(links::refused(&result.file, false));
        return result;
    }
    let given = match found {
        Found::Given(bytes) => Some(bytes),
        Found::File | Found::Link { .. } => None,
    };
    let mut bytes = FILE_BYTES.take();
    read_into(&mut result, path, given, &mut bytes, cache);
    FILE_BYTES.set(bytes);
    result
}

/// Reads the file of `result` (at `path`, or the `given` bytes) into `bytes` and
/// fills in what its entry in the cache, or parsing it, gives.
fn read_into(
    result: &mut FileResult,
    path: &Path,
    given: Option<&[u8]>,
    bytes: &mut Vec<u8>,
    cache: Option<&cache::View<'_>>,
) {
    let cacheable = result.kind != Kind::Settings;
    // Unchanged by its metadata: not even read.
    if cacheable
        && let (Some(view), Some(stat)) = (cache, result.stat.as_ref())
        && let Some((hash, data)) = view.unchanged(&result.file, stat)
        && let Some((parsed, findings)) = cache::decode::<Parsed>(data)
    {
        result.hash = Some(hash);
        result.parsed = parsed;
        result.findings = findings;
        return;
    }
    let read = match given {
        Some(given) if given.len() as u64 > MAX_FILE_BYTES => Err(too_large(&result.file)),
        Some(given) => {
            bytes.clear();
            bytes.extend_from_slice(given);
            Ok(())
        }
        None => read_bytes_into(path, &result.file, bytes),
    };
    if let Err(finding) = read {
        result.findings.push(*finding);
        return;
    }
    let hash = (cacheable && cache.is_some()).then(|| cache::hash(bytes));
    // A hit needs no text at all: the bytes are the ones that were parsed.
    let hit = hash
        .zip(cache)
        .and_then(|(h, view)| view.get_stat(&result.file, h))
        .and_then(|(data, stored)| Some((cache::decode::<Parsed>(data)?, stored)));
    result.hash = hash;
    if let Some(((parsed, findings), stored)) = hit {
        result.parsed = parsed;
        result.findings = findings;
        // Metadata that changed are written anew, so that the next run trusts them.
        // Racily clean ones that did not are left: writing the shard again cannot
        // make a file modified in the future (or in the same tick) older than it.
        result.refreshed = result.stat.is_some_and(|stat| stat != stored);
        return;
    }
    let text = match to_text(bytes.clone(), &result.file) {
        Ok(text) => text,
        Err(finding) => {
            result.findings.push(*finding);
            return;
        }
    };
    result.parsed = parse_kind(
        result.kind,
        &result.file,
        &text,
        &result.id,
        &mut result.findings,
    );
    // A file whose findings are worded from the catalogs is parsed again on every
    // run: the cache keeps a finding's English only, and such a file is broken and
    // rare. Caching it would print its findings in English on a warm run.
    if cacheable && cache.is_some() && result.findings.iter().all(|f| f.said.is_none()) {
        result.fresh = cache::encode(&result.parsed, &result.findings);
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
            check_id(
                file,
                value.id.as_deref(),
                id,
                kind == Kind::Client,
                findings,
            );
            Some(Parsed::$variant(value))
        }};
    }
    match kind {
        Kind::Settings => {
            parse_lenient::<Settings>(file, text, findings, Settings::harmless_to_default)
                .map(|s| Parsed::Settings(Box::new(s)))
        }
        Kind::Client => {
            let client = entity!(Client, Client);
            if let Some(Parsed::Client(c)) = &client
                && c.contacts.is_empty()
            {
                // The entity stands (its other fields are sound); the finding says
                // what the format requires.
                findings.push(
                    Finding::error(
                        Code::E02,
                        file,
                        Location::value(crate::yaml::YamlPath::root().key("contacts")),
                        "",
                    )
                    .say(crate::msg!("load-no-contacts"))
                    .help_say(crate::msg!("load-no-contacts-help")),
                );
            }
            client
        }
        Kind::Contract => entity!(Contract, Contract),
        Kind::Project => entity!(Project, Project),
        Kind::Meeting => entity!(Meeting, Meeting),
        Kind::Log => entity!(LogEntry, Log),
        Kind::Invoice => entity!(Invoice, Invoice),
        Kind::Act => entity!(Act, Act),
        Kind::Contractor => entity!(Contractor, Contractor),
    }
}

/// A file a folder's listing gave: its kind, its path, how it was found and, when the
/// cache is in use, its metadata (from the listing, without looking the path up).
struct Listed<'a> {
    kind: Kind,
    path: PathBuf,
    found: Found<'a>,
    stat: Option<cache::Stat>,
}

/// Reads every book file under one client folder, in name order, into `client` and
/// `group`: `client.yaml` and the YAML files of the kind folders; listed from the
/// folder, or from `snapshot` when one is given.
fn read_client(
    root: &Path,
    real_root: &Path,
    dir: &Path,
    snapshot: Option<&Snapshot>,
    client: &mut ClientBook,
    group: &mut Group,
    cache: Option<&cache::View<'_>>,
) {
    let mut files = match snapshot {
        Some(snapshot) => snapshot_listing(root, snapshot, &format!("clients/{}/", client.id)),
        None => folder_listing(
            root,
            real_root,
            dir,
            &mut group.part.findings,
            cache.is_some(),
        ),
    };
    // In name order, by the bytes of the paths.
    files.sort_unstable_by(|a, b| {
        (a.path.as_os_str().as_encoded_bytes()).cmp(b.path.as_os_str().as_encoded_bytes())
    });
    // The entities are kept for the whole run: each list is sized once, exactly.
    let count = |kind: Kind| files.iter().filter(|f| f.kind == kind).count();
    client.contracts.reserve_exact(count(Kind::Contract));
    client.projects.reserve_exact(count(Kind::Project));
    client.meetings.reserve_exact(count(Kind::Meeting));
    client.log.reserve_exact(count(Kind::Log));
    client.invoices.reserve_exact(count(Kind::Invoice));
    client.acts.reserve_exact(count(Kind::Act));
    client.present.reserve_exact(files.len());
    group.part.sources.reserve_exact(files.len());
    group.stats.reserve_exact(files.len());
    let id = client.id.clone();
    for f in files {
        let result = read_listed(root, &f.path, f.found, f.stat, f.kind, Some(&id), cache);
        group.add(result, Some(client));
    }
}

/// The book files of the client folder `dir`: `client.yaml` and the YAML files of the
/// kind folders, with their metadata when `with_stat`. Folders that cannot be listed,
/// and kind folders that are links, are findings.
fn folder_listing<'a>(
    root: &Path,
    real_root: &'a Path,
    dir: &Path,
    findings: &mut Vec<Finding>,
    with_stat: bool,
) -> Vec<Listed<'a>> {
    let mut files: Vec<Listed<'a>> = Vec::new();
    for entry in list(root, dir, findings) {
        let Ok(kind_of_entry) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let folder = Kind::from_folder(name);
        if kind_of_entry.is_dir() {
            let Some(kind) = folder else { continue };
            for e in list(root, &entry.path(), findings) {
                let path = e.path();
                if let Some(listed) = listed(&e, path, kind, real_root, with_stat) {
                    files.push(listed);
                }
            }
        } else if kind_of_entry.is_symlink() && folder.is_some() && entry.path().is_dir() {
            // A kind folder that is a link: not followed, and said so.
            findings.push(links::refused(&rel_path(root, &entry.path()), true));
        } else if matches!(name, "client.yaml" | "client.yml") {
            let path = entry.path();
            files.extend(listed(&entry, path, Kind::Client, real_root, with_stat));
        }
    }
    files
}

/// The book files of a snapshot under `prefix` (a client's folder, `clients/ID/`, or
/// `contractors/`), chosen as [`folder_listing`] chooses them from a folder: YAML
/// files, directly in a client's folder only `client.yaml`, one level of kind folders.
fn snapshot_listing<'a>(root: &Path, snapshot: &'a Snapshot, prefix: &str) -> Vec<Listed<'a>> {
    let contractors = prefix == "contractors/";
    snapshot
        .under(prefix)
        .iter()
        .filter_map(|(path, given)| {
            let rest = path.strip_prefix(prefix)?;
            let kind = match rest.split_once('/') {
                None if contractors => Kind::Contractor,
                None if matches!(rest, "client.yaml" | "client.yml") => Kind::Client,
                Some((folder, name)) if !contractors && !name.contains('/') => {
                    Kind::from_folder(folder)?
                }
                _ => return None,
            };
            let path = root.join(path);
            if !is_yaml(&path) {
                return None;
            }
            let (found, stat) = match given {
                Given::InFolder(stat) => (Found::File, Some(*stat)),
                Given::Bytes(bytes) => (Found::Given(bytes), None),
            };
            Some(Listed {
                kind,
                path,
                found,
                stat,
            })
        })
        .collect()
}

/// The entries of the folder `dir`; a folder that cannot be listed is E01 in
/// `findings` (the files in it would otherwise be left out without a word).
fn list(root: &Path, dir: &Path, findings: &mut Vec<Finding>) -> Vec<fs::DirEntry> {
    let unlisted = |e: std::io::Error| unlisted(rel_path(root, dir), io_reason(&e));
    match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.map_err(|e| findings.push(unlisted(e))).ok())
            .collect(),
        Err(e) => {
            findings.push(unlisted(e));
            Vec::new()
        }
    }
}

/// The YAML file (or link) `entry` of a folder, as a file of `kind` to read; with its
/// metadata when `with_stat` and it is a plain file (`statx` on the folder's listing).
fn listed<'a>(
    entry: &fs::DirEntry,
    path: PathBuf,
    kind: Kind,
    real_root: &'a Path,
    with_stat: bool,
) -> Option<Listed<'a>> {
    let file_type = entry.file_type().ok()?;
    if !(file_type.is_file() || file_type.is_symlink()) || !is_yaml(&path) {
        return None;
    }
    let (found, stat) = if file_type.is_symlink() {
        (Found::Link { real_root }, None)
    } else {
        let stat = with_stat
            .then(|| entry.metadata().ok().map(|m| cache::Stat::of(&m)))
            .flatten();
        (Found::File, stat)
    };
    Some(Listed {
        kind,
        path,
        found,
        stat,
    })
}

/// The folder `root/name` (`clients`, `contractors`) to walk, or `None` when it is a
/// symbolic link, which is never followed (E01 in `findings`).
fn top_folder(root: &Path, name: &str, findings: &mut Vec<Finding>) -> Option<PathBuf> {
    let dir = root.join(name);
    if fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
        findings.push(links::refused(name, true));
        return None;
    }
    Some(dir)
}

/// A folder that could not be listed: E01, since the files in it would otherwise be
/// left out without a word. A top-level folder that does not exist (a book without
/// `contractors/`) is no error.
fn walk_error(root: &Path, error: &walkdir::Error) -> Option<Finding> {
    let io = error.io_error();
    if error.depth() == 0 && io.is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        return None;
    }
    let path = error.path().unwrap_or(root);
    let reason = io.map_or_else(
        || {
            crate::msg!(
                "load-io",
                kind = Arg::Word("other"),
                said = error.to_string()
            )
        },
        io_reason,
    );
    Some(unlisted(rel_path(root, path), reason))
}

/// E01 on a folder that could not be listed, for `reason` ([`io_reason`]).
fn unlisted(folder: String, reason: Msg) -> Finding {
    Finding::error(Code::E01, folder, Location::File, "")
        .say(crate::msg!("load-cannot-list", reason = reason))
        .help_say(crate::msg!("load-cannot-list-help"))
}

/// Why the system could not read a file or a folder: its own words, and the kind of
/// failure the catalogs word in other languages.
pub fn io_reason(e: &std::io::Error) -> Msg {
    use std::io::ErrorKind;
    let kind = match e.kind() {
        ErrorKind::PermissionDenied => "denied",
        ErrorKind::NotFound => "not-found",
        ErrorKind::NotADirectory => "not-a-folder",
        ErrorKind::IsADirectory => "is-a-folder",
        _ => "other",
    };
    crate::msg!("load-io", kind = Arg::Word(kind), said = e.to_string())
}

/// The client folders under `dir`, by name; folders that cannot be listed go to
/// `unlisted`, and so do links to folders, which are not followed.
fn dir_names(root: &Path, dir: &Path, unlisted: &mut Vec<Finding>) -> Vec<(String, PathBuf)> {
    let mut names = Vec::new();
    for entry in WalkDir::new(dir).min_depth(1).max_depth(1) {
        let e = match entry {
            Ok(e) => e,
            Err(e) => {
                unlisted.extend(walk_error(root, &e));
                continue;
            }
        };
        let Some(name) = e.file_name().to_str() else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        if e.file_type().is_dir() {
            names.push((name.to_owned(), e.path().to_path_buf()));
        } else if e.path_is_symlink() && e.path().is_dir() {
            unlisted.push(links::refused(&rel_path(root, e.path()), true));
        }
    }
    names.sort();
    names
}

/// Loads the book at `root` without the parse cache. Bad files become findings; only
/// a book that cannot be read at all (no `rapport.yaml`) is an error.
pub fn load(root: &Path) -> Result<Book> {
    load_with(root, false)
}

/// Loads the book at `root`, with the parse cache in `.rapport/cache/` when
/// `use_cache`: files whose bytes are unchanged are not parsed again, and the cache is
/// brought up to date. The book is the same either way.
pub fn load_with(root: &Path, use_cache: bool) -> Result<Book> {
    check_is_book(root)?;
    // A `.rapport` that is a link elsewhere is not ours to write in.
    let use_cache = use_cache && cache::is_safe(root);
    let mut unlisted = Vec::new();
    let clients = match top_folder(root, "clients", &mut unlisted) {
        Some(dir) => dir_names(root, &dir, &mut unlisted),
        None => Vec::new(),
    };
    if use_cache {
        let ids: Vec<&str> = clients.iter().map(|(id, _)| id.as_str()).collect();
        cache::remove_stale(root, &ids);
    }
    let cache = use_cache.then_some(CacheOf { root, write: true });
    load_clients(root, clients, unlisted, cache, None)
}

/// Loads the book whose files `snapshot` gives (the book at a revision, for `audit
/// --since`), reading those it says are the same as today's from the book's folder
/// `root`, with the parse cache of that book read only (`use_cache`): such files are
/// found in it by their metadata and not even read. Nothing is written. The book is
/// the one [`load`] would give of a folder holding the snapshot's files.
pub fn load_snapshot(root: &Path, snapshot: &Snapshot, use_cache: bool) -> Result<Book> {
    if snapshot.get(SETTINGS_FILE).is_none() {
        bail!("the book has no {SETTINGS_FILE}");
    }
    let clients = snapshot
        .client_ids()
        .into_iter()
        .map(|id| {
            let dir = root.join("clients").join(&id);
            (id, dir)
        })
        .collect();
    let cache = (use_cache && cache::is_safe(root)).then_some(CacheOf { root, write: false });
    load_clients(root, clients, Vec::new(), cache, Some(snapshot))
}

/// Loads the book at `root` (a copy of another book: the book at a revision, for
/// `audit --since`) with the parse cache of the book at `cache_of`, read only: a
/// file whose bytes are the same as a file of the same path there is not parsed
/// again (what it gave depends on its path and bytes alone). Nothing is written.
pub fn load_reusing(root: &Path, cache_of: &Path) -> Result<Book> {
    check_is_book(root)?;
    let mut unlisted = Vec::new();
    let clients = match top_folder(root, "clients", &mut unlisted) {
        Some(dir) => dir_names(root, &dir, &mut unlisted),
        None => Vec::new(),
    };
    let cache = cache::is_safe(cache_of).then_some(CacheOf {
        root: cache_of,
        write: false,
    });
    load_clients(root, clients, unlisted, cache, None)
}

/// Whose parse cache a load reads, and whether it brings it up to date.
#[derive(Debug, Clone, Copy)]
struct CacheOf<'a> {
    /// The book whose `.rapport/cache/` it is.
    root: &'a Path,
    write: bool,
}

/// Loads `rapport.yaml`, the contractors and the one client `id`: what a command about
/// one client needs, in milliseconds whatever the size of the book. `None` when the
/// book has no folder `clients/<id>/` (the caller may then load the whole book, to
/// find the client by name or suggest one). The parse cache is not used: parsing a
/// client's few dozen files is quicker than reading the cache of a whole book. The
/// book's checks run on what was loaded, so its findings are those of these files.
pub fn load_client(root: &Path, id: &str) -> Result<Option<Book>> {
    check_is_book(root)?;
    let dir = root.join("clients").join(id);
    // A linked folder (or `clients/` itself linked) is the whole load's to report.
    let linked = |p: &Path| fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    if !is_slug(id) || !dir.is_dir() || linked(&dir) || linked(&root.join("clients")) {
        return Ok(None);
    }
    load_clients(root, vec![(id.to_owned(), dir)], Vec::new(), None, None).map(Some)
}

fn check_is_book(root: &Path) -> Result<()> {
    if !root.join(SETTINGS_FILE).is_file() {
        return Err(crate::i18n::not_a_book(root));
    }
    Ok(())
}

/// Loads the settings, the contractors and the client folders `clients` (ID and path,
/// sorted by ID); `unlisted` are the folders that could not be listed on the way.
fn load_clients(
    root: &Path,
    clients: Vec<(String, PathBuf)>,
    mut unlisted: Vec<Finding>,
    cache: Option<CacheOf<'_>>,
    snapshot: Option<&Snapshot>,
) -> Result<Book> {
    let use_cache = cache.is_some();
    // Links are judged against the real path of the root (see `links`).
    let real_root = root
        .canonicalize()
        .with_context(|| format!("cannot open {}", root.display()))?;
    let real_root = real_root.as_path();
    let settings_path = root.join(SETTINGS_FILE);
    let settings_found = match snapshot.and_then(|s| s.get(SETTINGS_FILE)) {
        Some(Given::Bytes(bytes)) => Found::Given(bytes),
        Some(Given::InFolder(_)) => Found::File,
        None if fs::symlink_metadata(&settings_path).is_ok_and(|m| m.file_type().is_symlink()) => {
            Found::Link { real_root }
        }
        None => Found::File,
    };
    let mut contractor_files: Vec<Listed<'_>> = match snapshot {
        Some(snapshot) => snapshot_listing(root, snapshot, "contractors/"),
        None => match top_folder(root, "contractors", &mut unlisted) {
            // A book without contractors has no such folder: nothing to say.
            Some(dir) if dir.exists() => list(root, &dir, &mut unlisted)
                .iter()
                .filter_map(|e| listed(e, e.path(), Kind::Contractor, real_root, use_cache))
                .collect(),
            _ => Vec::new(),
        },
    };
    contractor_files.sort_by(|a, b| a.path.cmp(&b.path));

    let t = crate::clock::phase("load: read files");
    let (settings_result, (client_results, contractors_part)) = rayon::join(
        || {
            read_file(
                root,
                &settings_path,
                settings_found,
                Kind::Settings,
                None,
                None,
            )
        },
        || {
            rayon::join(
                || {
                    clients
                        .par_iter()
                        .map(|(id, dir)| {
                            let mut client = ClientBook {
                                id: id.clone(),
                                ..ClientBook::default()
                            };
                            let shard = cache::Shard::Client(id);
                            let mut part = with_shard(cache, shard, |view, group| {
                                read_client(
                                    root,
                                    real_root,
                                    dir,
                                    snapshot,
                                    &mut client,
                                    group,
                                    view,
                                );
                            });
                            check_client_folder(&mut client, &mut part);
                            (client, part)
                        })
                        .collect::<Vec<_>>()
                },
                || {
                    with_shard(cache, cache::Shard::Contractors, |view, group| {
                        for f in &contractor_files {
                            let result =
                                read_listed(root, &f.path, f.found, f.stat, f.kind, None, view);
                            group.add(result, None);
                        }
                    })
                },
            )
        },
    );
    drop(t);

    let t = crate::clock::phase("load: assemble");
    let mut book = Book {
        root: root.to_path_buf(),
        cached: cache.is_some_and(|c| c.write),
        ..Book::default()
    };
    absorb(&mut book, settings_result, None);
    book.findings.append(&mut unlisted);
    let total: usize = client_results
        .iter()
        .map(|(_, part)| part.sources.len())
        .sum();
    book.sources.reserve(total + contractors_part.sources.len());
    book.clients.reserve(client_results.len());
    for (client, mut part) in client_results {
        book.findings.append(&mut part.findings);
        book.sources.append(&mut part.sources);
        book.clients.push(client);
    }
    let Book {
        contractors,
        contractor_ids,
        mut findings,
        mut sources,
        ..
    } = contractors_part;
    book.contractors = contractors;
    book.contractor_ids = contractor_ids;
    book.findings.append(&mut findings);
    book.sources.append(&mut sources);
    book.contractor_ids.sort();
    book.sources.sort_by(|a, b| a.file.cmp(&b.file));
    drop(t);
    let _t = crate::clock::phase("load: cross-file checks");
    check::check(&mut book);
    Ok(book)
}

/// The findings on a client folder as a whole: a folder name that is not an ID, a
/// folder without `client.yaml`. Sorts what the client holds, for lookups.
fn check_client_folder(client: &mut ClientBook, part: &mut Book) {
    let id = client.id.as_str();
    let first_file = part.sources.first().map(|s| s.file.as_str());
    if !is_slug(id) {
        let file = first_file.map_or_else(|| format!("clients/{id}"), str::to_owned);
        part.findings.push(
            Finding::error(Code::E06, file, Location::File, "")
                .say(crate::msg!("load-folder-not-id", id = id))
                .help_say(crate::msg!("load-folder-not-id-help")),
        );
    }
    let has_client_file = client.client.is_some() || client.client_broken;
    if !has_client_file && let Some(file) = first_file {
        part.findings.push(
            Finding::error(Code::E02, file, Location::File, "")
                .say(crate::msg!("load-no-client-file", id = id))
                .help_say(crate::msg!("load-no-client-file-help")),
        );
    }
    client.present.sort();
}

/// What reading a group of files (a client folder, the contractors) gives: the part
/// of the book they make, and what the cache should store for the files parsed now,
/// by their index in `part.sources`.
#[derive(Default)]
struct Group {
    part: Book,
    fresh: Vec<(usize, Vec<u8>)>,
    /// The metadata of each file of `part.sources`, for its entry in the cache.
    stats: Vec<cache::Stat>,
    /// A file was found in the cache by its bytes only: its entry's metadata are old.
    refreshed: bool,
}

impl Group {
    /// Puts one file's result into the group (see [`absorb`]).
    fn add(&mut self, mut result: FileResult, client: Option<&mut ClientBook>) {
        if let Some(data) = result.fresh.take() {
            self.fresh.push((self.part.sources.len(), data));
        }
        self.stats.push(result.stat.unwrap_or_default());
        self.refreshed |= result.refreshed;
        absorb(&mut self.part, result, client);
    }
}

/// Reads a group of files with the group's shard of the parse cache (when
/// `use_cache`): `read` reads them into the group. The shard is written anew if any
/// file was parsed now or is gone.
fn with_shard(
    cache: Option<CacheOf<'_>>,
    shard: cache::Shard<'_>,
    read: impl FnOnce(Option<&cache::View<'_>>, &mut Group),
) -> Book {
    let mut group = Group::default();
    let Some(CacheOf { root, write }) = cache else {
        read(None, &mut group);
        return group.part;
    };
    let mut bytes = SHARD_BYTES.take();
    let view = cache::View::read(root, shard, &mut bytes);
    read(Some(&view), &mut group);
    let Group {
        part,
        fresh,
        stats,
        refreshed,
    } = group;
    let hashed = part.sources.iter().filter(|s| s.hash.is_some()).count();
    if write && (!fresh.is_empty() || refreshed || hashed != view.len()) {
        let mut fresh = fresh.iter().peekable();
        let entries = part
            .sources
            .iter()
            .zip(&stats)
            .enumerate()
            .filter_map(|(i, (source, stat))| {
                let hash = source.hash?;
                let data = match fresh.next_if(|(at, _)| *at == i) {
                    Some((_, data)) => data.as_slice(),
                    None => view.get(&source.file, hash)?,
                };
                Some((source.file.as_str(), hash, *stat, data))
            })
            .collect();
        cache::write(root, shard, entries);
    }
    drop(view);
    SHARD_BYTES.set(bytes);
    part
}

/// Puts one file's entity and findings into the book, refusing a second file with
/// the same ID (E05).
fn absorb(book: &mut Book, result: FileResult, client: Option<&mut ClientBook>) {
    let FileResult {
        kind,
        id,
        file,
        parsed,
        mut findings,
        hash,
        fresh: _,
        stat: _,
        refreshed: _,
    } = result;
    if kind != Kind::Settings && kind != Kind::Client && !is_slug(&id) {
        findings.push(
            Finding::error(Code::E06, file.as_str(), Location::File, "")
                .say(crate::msg!("load-file-not-id", id = &id))
                .help_say(crate::msg!("load-file-not-id-help")),
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
    if duplicate {
        // Twins arrive one after the other, so the twin is the file read just before.
        let twin = book.sources.last().map_or("", |s| s.file.as_str());
        book.findings.push(
            Finding::error(Code::E05, file.as_str(), Location::File, "")
                .say(crate::msg!(
                    "load-defined-twice",
                    what = kind.noun().replace(' ', "-"),
                    id = &id,
                    twin = twin
                ))
                .help_say(crate::msg!("load-defined-twice-help")),
        );
        book.sources.push(Source::new(file, hash));
        book.findings.extend(findings);
        return;
    }
    book.sources.push(Source::new(file.clone(), hash));
    book.findings.extend(findings);
    if kind == Kind::Contractor {
        book.contractor_ids.push(id.clone());
    }
    let Some(client) = client else {
        match parsed {
            Some(Parsed::Settings(s)) => book.settings = Some(*s),
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
        Some(Parsed::Act(a)) => client.acts.push(Entity { id, file, data: a }),
        _ => {}
    }
}

#[cfg(test)]
mod cache_tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_the_cache() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/agency");
        let view = cache::View::empty();
        let mut failures = Vec::new();
        for entry in WalkDir::new(root.join("clients"))
            .into_iter()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if !is_yaml(path) {
                continue;
            }
            let kind = match path
                .parent()
                .and_then(Path::file_name)
                .and_then(|f| f.to_str())
                .and_then(Kind::from_folder)
            {
                Some(k) => k,
                None => Kind::Client,
            };
            let r = read_file(&root, path, Found::File, kind, Some("x"), Some(&view));
            let data = r.fresh.expect("encoded");
            if cache::decode::<Parsed>(&data).is_none() {
                failures.push(r.file);
            }
        }
        assert!(failures.is_empty(), "{failures:?}");
    }
}

#[cfg(test)]
mod partial_tests {
    use super::*;

    fn in_scope(file: &str, client: &str) -> bool {
        !file.starts_with("clients/") || file.starts_with(&format!("clients/{client}/"))
    }

    #[test]
    fn one_client_loads_as_it_does_in_the_whole_book() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/agency");
        let whole = load(&root).expect("the example book loads");
        assert!(whole.clients.len() > 3);
        for client in &whole.clients {
            let one = load_client(&root, &client.id)
                .expect("loads")
                .expect("the client folder exists");
            assert_eq!(one.clients.len(), 1);
            assert_eq!(format!("{:?}", one.clients[0]), format!("{client:?}"));
            assert_eq!(
                format!("{:?}", one.settings),
                format!("{:?}", whole.settings)
            );
            assert_eq!(
                format!("{:?}", one.contractors),
                format!("{:?}", whole.contractors)
            );
            let files = |b: &Book| -> Vec<String> {
                b.sources
                    .iter()
                    .map(|s| s.file.clone())
                    .filter(|f| in_scope(f, &client.id))
                    .collect()
            };
            assert_eq!(files(&one), files(&whole), "{}", client.id);
            let findings = |b: &Book| -> Vec<String> {
                let mut v: Vec<String> = b
                    .findings
                    .iter()
                    .filter(|f| in_scope(&f.file, &client.id))
                    .map(|f| format!("{f:?}"))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(findings(&one), findings(&whole), "{}", client.id);
        }
    }

    #[test]
    fn no_such_client_folder_is_none() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/agency");
        for id in ["no-such-client", "../clients", "", "Romashka"] {
            assert!(load_client(&root, id).expect("a book").is_none(), "{id}");
        }
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(load_client(dir.path(), "x").is_err(), "not a book");
    }
}

#[cfg(test)]
mod io_tests {
    use super::*;
    use crate::i18n::Lang;

    /// A folder that cannot be listed says why in the system's words in English, and
    /// in Russian for the usual reasons.
    #[test]
    fn unreadable_folders_say_why() {
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let f = unlisted("clients/acme".to_owned(), io_reason(&denied));
        assert_eq!(
            f.message,
            format!("cannot list the folder: {denied}; the files in it were not read")
        );
        let said = f.said.as_deref().and_then(|s| s.message.as_ref());
        assert_eq!(
            said.map(|m| m.render(Lang::Ru)).as_deref(),
            Some("Содержимое папки не прочитать: нет прав на чтение; файлы в ней не прочитаны")
        );
        let odd = std::io::Error::other("disk on fire");
        assert_eq!(
            io_reason(&odd).render(Lang::Ru),
            "система сообщает: `disk on fire`"
        );
    }
}
