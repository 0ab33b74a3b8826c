//! The book as it was at a git revision (`rapport audit --since REV`): as a
//! [`Snapshot`] of the files git finds unchanged in the book's folder and the
//! revision's bytes of the others ([`snapshot`]), or, when the revision holds links,
//! copied out of the repository into a temporary folder that the loader can read as a
//! book ([`extract`]).
//!
//! The book is untrusted (it arrives in pull requests), so git is run as a tool on
//! data and nothing else ([`crate::git`]): a fixed argument list without a shell,
//! plumbing commands only (`rev-parse`, `ls-tree`, `diff-index`, `cat-file`), with the system
//! configuration, hooks, the file-system monitor, every transport (a partial clone's
//! lazy fetch) and prompts turned off. The revision is refused when it starts with `-`, so that git
//! never reads it as an option. The tree is written only inside a fresh
//! [`tempfile::TempDir`]: names that could leave it (`..`, `/`, empty) are refused,
//! hidden files and folders (`.git`, `.rapport`; the loader ignores them) are not
//! written, files are created new (never through an existing link), and links are
//! written last, as git stores them, so that no file is written through one; the
//! loader then follows a link only to a file of that same temporary book
//! ([`crate::book::links`]). The tree's size is bounded before anything is written:
//! its count of files from the listing, its bytes as git gives them.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result, anyhow, bail};
use rayon::prelude::*;

use crate::book::{Given, Snapshot};
use crate::cache::Stat;
use crate::msg;

/// An error worded from the catalog, in the user's language when it is shown.
fn said(msg: crate::i18n::Msg) -> anyhow::Error {
    anyhow::Error::new(crate::i18n::Localized(msg))
}

/// At most this many files in the book's folder at the revision.
pub const MAX_FILES: usize = 200_000;
/// At most this many bytes in all of them together.
pub const MAX_BYTES: u64 = 1024 * 1024 * 1024;

/// The book's folder at a revision, in a temporary folder removed when dropped.
#[derive(Debug)]
pub struct Extracted {
    dir: tempfile::TempDir,
    /// Links not written (on systems without symbolic links).
    pub skipped_links: usize,
}

impl Extracted {
    /// The book's root in the temporary folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }
}

/// Runs `git ARGS` in `dir`: its standard output, or its standard error.
fn run(dir: &Path, args: &[&str]) -> Result<std::result::Result<Vec<u8>, String>> {
    match crate::git::run(dir, args) {
        Ok(out) => Ok(Ok(out)),
        Err(crate::git::Failed::Said(said)) => Ok(Err(said)),
        Err(crate::git::Failed::NotRun(e)) => {
            Err(anyhow!("--since needs git, which could not be run: {e}"))
        }
    }
}

/// The book at `root` as it was at the revision `rev` of its git repository, without
/// copying it out: a file that git finds the same in the working tree as at `rev`
/// (by its index's record of the file's metadata, as `git status` does) is read from
/// the book's folder, where today's parse cache knows it, and only the others are
/// read from git. That is only a plain file whose folders on the way are plain
/// folders, never a link. `None` when the revision's tree holds links, or git cannot
/// compare it with the working tree: then [`extract`] copies it out and the loader
/// judges the links there as in any folder.
pub fn snapshot(root: &Path, rev: &str) -> Result<Option<Snapshot>> {
    // The files whose content differs between the revision and the working tree (or
    // whose metadata differ from the index's record), asked while git lists the tree.
    let diff = |commit: &str| {
        let args = [
            "diff-index",
            "-z",
            "--name-only",
            "--no-renames",
            "--relative",
            commit,
            "--",
        ];
        run(root, &args)
    };
    let t = crate::clock::phase("since: list and compare the revision");
    let (_, entries, changed) = tree_entries_and(root, rev, diff)?;
    drop(t);
    if entries.iter().any(|e| e.link) {
        return Ok(None);
    }
    // Only YAML files are book files: a changed PDF beside them is not read from git.
    let entries: Vec<Entry> = entries
        .into_iter()
        .filter(|e| e.path.ends_with(".yaml") || e.path.ends_with(".yml"))
        .collect();
    let Ok(changed) = changed? else {
        return Ok(None);
    };
    let changed: HashSet<&[u8]> = changed
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .collect();
    let t = crate::clock::phase("since: look at the folder");
    let same = |e: &Entry| !changed.contains(e.path.as_bytes());
    let folders = plain_folders(
        root,
        entries.iter().filter(|e| same(e)).map(|e| e.path.as_str()),
    );
    // Each file's metadata when it is today's, read in place; `None`: read from git.
    let in_folder: Vec<Option<Stat>> = entries
        .par_iter()
        .map(|e| {
            same(e)
                .then(|| plain_file(root, &e.path, &folders))
                .flatten()
        })
        .collect();
    drop(t);
    let _t = crate::clock::phase("since: read from git");
    let mut files = Vec::with_capacity(entries.len());
    let mut from_git = Vec::new();
    for (entry, stat) in entries.into_iter().zip(in_folder) {
        match stat {
            Some(stat) => files.push((entry.path, Given::InFolder(stat))),
            None => from_git.push(entry),
        }
    }
    let blobs = read_blobs(root, &from_git)?;
    for entry in from_git {
        let Some(bytes) = blobs.get(&entry.oid) else {
            bail!("--since {rev}: git did not give {}", entry.path);
        };
        files.push((entry.path, Given::Bytes(bytes.clone())));
    }
    Ok(Some(Snapshot::new(files)))
}

/// The folders on the way to the files `paths` (relative to `root`), each with
/// whether it is a plain folder (not a link, not missing).
fn plain_folders<'p>(root: &Path, paths: impl Iterator<Item = &'p str>) -> HashMap<&'p str, bool> {
    let mut folders: Vec<&str> = paths
        .flat_map(|path| path.match_indices('/').map(move |(at, _)| &path[..at]))
        .collect();
    folders.sort_unstable();
    folders.dedup();
    folders
        .par_iter()
        .map(|folder| {
            let plain = std::fs::symlink_metadata(root.join(folder)).is_ok_and(|m| m.is_dir());
            (*folder, plain)
        })
        .collect()
}

/// The metadata of `rel` under `root` when it is a plain file and every folder on its
/// way is a plain folder in `folders` (see [`plain_folders`]).
fn plain_file(root: &Path, rel: &str, folders: &HashMap<&str, bool>) -> Option<Stat> {
    let mut end = 0;
    while let Some(slash) = rel[end..].find('/') {
        end += slash;
        let plain = folders.get(&rel[..end]).copied().unwrap_or(false);
        if !plain {
            return None;
        }
        end += 1;
    }
    let meta = std::fs::symlink_metadata(root.join(rel)).ok()?;
    meta.is_file().then(|| Stat::of(&meta))
}

/// The book at `root` as it was at the revision `rev` of its git repository, copied
/// out into a temporary folder.
pub fn extract(root: &Path, rev: &str) -> Result<Extracted> {
    let (_, entries) = tree_entries(root, rev)?;
    let dir = tempfile::Builder::new()
        .prefix("rapport-since-")
        .tempdir()
        .context("cannot create a temporary folder for --since")?;
    let contents = read_blobs(root, &entries)?;
    let mut skipped_links = 0;
    // Files first, links last: no file is ever written through a link.
    let mut order: Vec<&Entry> = entries.iter().collect();
    order.sort_by_key(|e| e.link);
    for entry in order {
        let Some(bytes) = contents.get(&entry.oid) else {
            bail!("--since {rev}: git did not give {}", entry.path);
        };
        let path = dir.path().join(&entry.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        if entry.link {
            // Files are all written before the first link, but a crafted tree may name
            // a link and a folder alike (`a` → `/tmp`, then `a/b`): a link is never
            // written through another.
            no_link_on_the_way(dir.path(), &entry.path)?;
            if !write_link(bytes, &path)? {
                skipped_links += 1;
            }
        } else {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            file.write_all(bytes)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    Ok(Extracted { dir, skipped_links })
}

/// The commit `rev` names and the entries of the book's folder in its tree, checked
/// and bounded: a revision that does not start with `-`, a tree with `rapport.yaml`,
/// at most [`MAX_FILES`] files, no name that leaves the folder. The bytes read from
/// git are bounded by [`MAX_BYTES`] as they are read, and a file read from the folder
/// by the loader's own bound.
fn tree_entries(root: &Path, rev: &str) -> Result<(String, Vec<Entry>)> {
    let (commit, entries, ()) = tree_entries_and(root, rev, |_| ())?;
    Ok((commit, entries))
}

/// [`tree_entries`], and what `beside` gives of the commit, run on another thread
/// while git lists the tree (both wait on git more than on the CPU).
fn tree_entries_and<T: Send>(
    root: &Path,
    rev: &str,
    beside: impl FnOnce(&str) -> T + Send,
) -> Result<(String, Vec<Entry>, T)> {
    if rev.is_empty() || rev.starts_with('-') || rev.chars().any(char::is_control) {
        return Err(said(msg!("since-not-a-revision", rev = format!("{rev:?}"))));
    }
    let prefix = match run(root, &["rev-parse", "--show-prefix"])? {
        Ok(out) => String::from_utf8(out)
            .map_err(|_| anyhow!("--since: the book's folder is not named in UTF-8"))?
            .trim_end_matches('\n')
            .to_owned(),
        Err(said) if said.contains("not a git repository") => {
            return Err(self::said(msg!(
                "since-not-a-repository",
                dir = root.display().to_string()
            )));
        }
        Err(said) => bail!("--since: git could not read the book's repository: {said}"),
    };
    let commit = match run(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )? {
        Ok(out) => String::from_utf8_lossy(&out).trim().to_owned(),
        Err(_) => return Err(said(msg!("since-no-such-revision", rev = rev))),
    };
    let tree = match prefix.trim_end_matches('/') {
        "" => commit.clone(),
        folder => format!("{commit}:{folder}"),
    };
    let (listing, besides) = std::thread::scope(|scope| {
        let besides = scope.spawn(|| beside(&commit));
        let listing = run(root, &["ls-tree", "-r", "-z", "--full-tree", &tree]);
        (listing, besides.join())
    });
    let besides = besides
        .map_err(|_| anyhow!("--since: reading the revision stopped (an internal error)"))?;
    let listing = match listing? {
        Ok(out) => out,
        Err(_) => {
            return Err(said(msg!(
                "since-folder-not-there",
                rev = rev,
                folder = prefix.trim_end_matches('/')
            )));
        }
    };
    let entries = parse_listing(&listing)?;
    if !entries.iter().any(|e| e.path == crate::book::SETTINGS_FILE) {
        return Err(said(msg!(
            "since-no-settings",
            rev = rev,
            file = crate::book::SETTINGS_FILE
        )));
    }
    if entries.len() > MAX_FILES {
        return Err(said(msg!(
            "since-too-many-files",
            rev = rev,
            files = entries.len(),
            max = MAX_FILES
        )));
    }
    Ok((commit, entries, besides))
}

/// Refuses `rel` (under `root`) when a folder on its way is a link.
fn no_link_on_the_way(root: &Path, rel: &str) -> Result<()> {
    let mut at = root.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        at.push(part);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            bail!(
                "--since: the revision's tree names {rel:?} through a link, which rapport does not copy out"
            );
        }
    }
    Ok(())
}

/// Writes a link to `target` (its bytes as git stores them) at `path`; false where
/// the system has no symbolic links.
#[cfg(unix)]
fn write_link(target: &[u8], path: &Path) -> Result<bool> {
    use std::os::unix::ffi::OsStrExt;
    std::os::unix::fs::symlink(std::ffi::OsStr::from_bytes(target), path)
        .with_context(|| format!("cannot create the link {}", path.display()))?;
    Ok(true)
}

#[cfg(not(unix))]
fn write_link(_target: &[u8], _path: &Path) -> Result<bool> {
    Ok(false)
}

/// A file of the book's tree at the revision.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    oid: String,
    /// Mode 120000: a symbolic link whose blob is its target.
    link: bool,
    /// Relative to the book's root, `/`-separated, every part checked.
    path: String,
}

/// `git ls-tree -r -z -l`'s entries: `MODE TYPE OID SIZE\tPATH\0`. Blobs only (a
/// submodule is not the book's); entries under a hidden folder are left out, and a
/// name that could leave the folder is refused.
fn parse_listing(listing: &[u8]) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    for record in listing.split(|&b| b == 0).filter(|r| !r.is_empty()) {
        let record = std::str::from_utf8(record)
            .map_err(|_| anyhow!("--since: a file name at that revision is not UTF-8"))?;
        let (meta, path) = record
            .split_once('\t')
            .ok_or_else(|| anyhow!("--since: git listed {record:?}, not a tree entry"))?;
        let fields: Vec<&str> = meta.split_whitespace().collect();
        let [mode, kind, oid] = fields[..] else {
            bail!("--since: git listed {record:?}, not a tree entry");
        };
        if kind != "blob" {
            continue;
        }
        let parts: Vec<&str> = path.split('/').collect();
        if parts
            .iter()
            .any(|p| p.is_empty() || *p == "." || *p == ".." || p.contains('\\'))
        {
            bail!("--since: the revision's tree names {path:?}, which rapport does not copy out");
        }
        if parts.iter().any(|p| p.starts_with('.')) {
            continue;
        }
        if !oid.bytes().all(|b| b.is_ascii_hexdigit()) {
            bail!("--since: git listed {record:?}, not a tree entry");
        }
        out.push(Entry {
            oid: oid.to_owned(),
            link: mode == "120000",
            path: path.to_owned(),
        });
    }
    Ok(out)
}

/// The blobs of `entries`, by object ID, from one `git cat-file --batch`.
fn read_blobs(root: &Path, entries: &[Entry]) -> Result<HashMap<String, Vec<u8>>> {
    let oids: Vec<&str> = entries.iter().map(|e| e.oid.as_str()).collect();
    crate::git::cat_blobs(root, &oids, MAX_BYTES).map_err(|failed| match failed {
        crate::git::Failed::NotRun(e) => anyhow!("--since needs git, which could not be run: {e}"),
        crate::git::Failed::Said(said) => anyhow!("--since: {said}"),
    })
}

#[cfg(test)]
mod tests {
    use super::parse_listing;

    const OID: &str = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";

    #[test]
    fn blobs_are_listed_and_hidden_files_left_out() {
        let listing = format!(
            "100644 blob {OID}\trapport.yaml\0\
             120000 blob {OID}\tclients/a/client.yaml\0\
             100644 blob {OID}\t.rapport/cache\0\
             160000 commit {OID}\tvendor\0"
        );
        let entries = parse_listing(listing.as_bytes()).expect("a listing");
        assert_eq!(entries.len(), 2);
        assert!(!entries[0].link && entries[1].link);
        let paths: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["rapport.yaml", "clients/a/client.yaml"]);
    }

    #[cfg(unix)]
    #[test]
    fn nothing_is_written_through_a_link() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir(dir.path().join("real")).expect("a folder");
        std::os::unix::fs::symlink("/tmp", dir.path().join("a")).expect("a link");
        assert!(super::no_link_on_the_way(dir.path(), "a/b").is_err());
        assert!(super::no_link_on_the_way(dir.path(), "real/b").is_ok());
        assert!(super::no_link_on_the_way(dir.path(), "a").is_ok());
    }

    #[test]
    fn names_that_leave_the_folder_are_refused() {
        for bad in [
            "../x.yaml",
            "clients//a.yaml",
            "a/./b",
            "/etc/passwd",
            "a\\..\\b",
        ] {
            let listing = format!("100644 blob {OID}\t{bad}\0");
            assert!(parse_listing(listing.as_bytes()).is_err(), "{bad}");
        }
    }
}

/// The two ways of reading the book at a revision give the same book: [`snapshot`]
/// with the loader reading unchanged files in place, and [`extract`] copying it out.
#[cfg(all(test, unix))]
mod snapshot_tests {
    use std::fs;
    use std::path::Path;
    use std::process::Command;

    use super::*;

    fn git(dir: &Path, args: &[&str]) {
        let out = Command::new("git")
            .current_dir(dir)
            .args(["-c", "user.name=T", "-c", "user.email=t@example.test"])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .expect("git runs");
        assert!(out.status.success(), "git {args:?}: {out:?}");
    }

    fn copy(from: &Path, to: &Path) {
        fs::create_dir_all(to).expect("a folder");
        for entry in fs::read_dir(from).expect("a folder") {
            let entry = entry.expect("an entry");
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            if entry.file_type().expect("a type").is_dir() {
                copy(&entry.path(), &to.join(&name));
            } else {
                fs::copy(entry.path(), to.join(&name)).expect("a copy");
            }
        }
    }

    /// The book as text, its root left out: every entity, source and finding.
    fn described(book: &crate::book::Book) -> String {
        format!("{book:#?}").replace(&book.root().display().to_string(), "ROOT")
    }

    #[test]
    fn a_snapshot_reads_as_the_copied_out_revision() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path().join("book");
        copy(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/agency"),
            &root,
        );
        git(&root, &["init", "-q", "."]);
        git(&root, &["add", "-A"]);
        git(&root, &["commit", "-q", "-m", "The book"]);
        // After the commit: a file edited, one deleted, one added (untracked), one
        // broken; and a client folder replaced by a link to a copy of itself.
        let clients = root.join("clients");
        let first = fs::read_dir(&clients)
            .expect("clients")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("client.yaml").is_file())
            .min()
            .expect("a client");
        let client_file = first.join("client.yaml");
        let text = fs::read_to_string(&client_file).expect("client.yaml");
        fs::write(&client_file, text.replace("status: active", "status: lost")).expect("edit");
        fs::write(first.join("extra.yaml"), "not: [a book file").expect("add");
        fs::write(root.join("contractors/new.yaml"), "name: [broken").expect("add");
        let log = root.join("clients/trudnyi-klient/log");
        let gone = fs::read_dir(&log)
            .expect("a log")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .min()
            .expect("a log entry");
        fs::remove_file(&gone).expect("delete");
        let linked = clients.join("vkusnoteka");
        let elsewhere = dir.path().join("elsewhere");
        copy(&linked, &elsewhere);
        fs::write(elsewhere.join("client.yaml"), "name: read through a link\n").expect("write");
        fs::remove_dir_all(&linked).expect("remove");
        std::os::unix::fs::symlink(&elsewhere, &linked).expect("a link");

        let snapshot = snapshot(&root, "HEAD")
            .expect("a snapshot")
            .expect("no links at HEAD");
        let read_in_place = snapshot
            .under("")
            .iter()
            .filter(|(_, given)| matches!(given, Given::InFolder(_)))
            .count();
        assert!(read_in_place > 100, "{read_in_place} files read in place");
        assert!(
            matches!(
                snapshot.get("clients/vkusnoteka/client.yaml"),
                Some(Given::Bytes(_))
            ),
            "a file behind a linked folder is read from git"
        );
        let from_snapshot =
            crate::book::load_snapshot(&root, &snapshot, false).expect("the book at HEAD");
        let extracted = extract(&root, "HEAD").expect("copied out");
        let copied = crate::book::load(extracted.root()).expect("the copy");
        assert_eq!(described(&from_snapshot), described(&copied));
        assert!(!described(&from_snapshot).contains("read through a link"));
    }

    #[test]
    fn only_plain_files_in_plain_folders_are_read_in_place() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path();
        fs::create_dir_all(root.join("clients/a")).expect("folders");
        fs::write(root.join("clients/a/client.yaml"), "x").expect("a file");
        std::os::unix::fs::symlink(root.join("clients/a"), root.join("clients/b"))
            .expect("a linked folder");
        std::os::unix::fs::symlink(
            root.join("clients/a/client.yaml"),
            root.join("clients/a/link.yaml"),
        )
        .expect("a linked file");
        let paths = [
            "clients/a/client.yaml",
            "clients/b/client.yaml",
            "clients/a/link.yaml",
            "clients/a/missing.yaml",
            "clients/c/client.yaml",
        ];
        let folders = plain_folders(root, paths.into_iter());
        let mut listed: Vec<(&str, bool)> = folders.iter().map(|(f, p)| (*f, *p)).collect();
        listed.sort();
        assert_eq!(
            listed,
            [
                ("clients", true),
                ("clients/a", true),
                ("clients/b", false),
                ("clients/c", false)
            ]
        );
        assert!(plain_file(root, "clients/a/client.yaml", &folders).is_some());
        assert!(plain_file(root, "clients/b/client.yaml", &folders).is_none());
        assert!(plain_file(root, "clients/a/link.yaml", &folders).is_none());
        assert!(plain_file(root, "clients/a/missing.yaml", &folders).is_none());
        assert!(plain_file(root, "elsewhere/client.yaml", &folders).is_none());
    }
}
