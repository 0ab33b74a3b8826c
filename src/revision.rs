//! The book as it was at a git revision (`rapport audit --since REV`), copied out of
//! the repository into a temporary folder that the loader can read as a book.
//!
//! The book is untrusted (it arrives in pull requests), so git is run as a tool on
//! data and nothing else ([`crate::git`]): a fixed argument list without a shell,
//! plumbing commands only (`rev-parse`, `ls-tree`, `cat-file`), with the system
//! configuration, hooks, the file-system monitor, every transport (a partial clone's
//! lazy fetch) and prompts turned off. The revision is refused when it starts with `-`, so that git
//! never reads it as an option. The tree is written only inside a fresh
//! [`tempfile::TempDir`]: names that could leave it (`..`, `/`, empty) are refused,
//! hidden files and folders (`.git`, `.rapport`; the loader ignores them) are not
//! written, files are created new (never through an existing link), and links are
//! written last, as git stores them, so that no file is written through one; the
//! loader then follows a link only to a file of that same temporary book
//! ([`crate::book::links`]). The tree's size is bounded before anything is written.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result, anyhow, bail};

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

/// The book at `root` as it was at the revision `rev` of its git repository.
pub fn extract(root: &Path, rev: &str) -> Result<Extracted> {
    if rev.is_empty() || rev.starts_with('-') || rev.chars().any(char::is_control) {
        bail!("--since {rev:?}: not a revision (a revision does not start with `-`)");
    }
    let prefix = match run(root, &["rev-parse", "--show-prefix"])? {
        Ok(out) => String::from_utf8(out)
            .map_err(|_| anyhow!("--since: the book's folder is not named in UTF-8"))?
            .trim_end_matches('\n')
            .to_owned(),
        Err(said) if said.contains("not a git repository") => bail!(
            "--since needs the book in a git repository; {} is not in one",
            root.display()
        ),
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
        Err(_) => bail!("--since {rev}: no such revision in the book's repository"),
    };
    let tree = match prefix.trim_end_matches('/') {
        "" => commit.clone(),
        folder => format!("{commit}:{folder}"),
    };
    let listing = match run(root, &["ls-tree", "-r", "-z", "-l", "--full-tree", &tree])? {
        Ok(out) => out,
        Err(_) => bail!(
            "--since {rev}: the book's folder {} is not in that revision",
            prefix.trim_end_matches('/')
        ),
    };
    let entries = parse_listing(&listing)?;
    if !entries.iter().any(|e| e.path == crate::book::SETTINGS_FILE) {
        bail!(
            "--since {rev}: the book had no {} at that revision",
            crate::book::SETTINGS_FILE
        );
    }
    if entries.len() > MAX_FILES {
        bail!(
            "--since {rev}: the book had {} files at that revision, more than the {MAX_FILES} rapport copies out",
            entries.len()
        );
    }
    let bytes: u64 = entries.iter().map(|e| e.size).sum();
    if bytes > MAX_BYTES {
        bail!(
            "--since {rev}: the book's files held {bytes} bytes at that revision, more than the {MAX_BYTES} rapport copies out"
        );
    }
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
    size: u64,
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
        let [mode, kind, oid, size] = fields[..] else {
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
            size: size.parse().unwrap_or(0),
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
            "100644 blob {OID}       0\trapport.yaml\0\
             120000 blob {OID}      12\tclients/a/client.yaml\0\
             100644 blob {OID}       3\t.rapport/cache\0\
             160000 commit {OID}       -\tvendor\0"
        );
        let entries = parse_listing(listing.as_bytes()).expect("a listing");
        assert_eq!(entries.len(), 2);
        assert!(!entries[0].link && entries[1].link);
        assert_eq!(entries[1].size, 12);
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
            let listing = format!("100644 blob {OID} 0\t{bad}\0");
            assert!(parse_listing(listing.as_bytes()).is_err(), "{bad}");
        }
    }
}
