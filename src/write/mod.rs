//! The one way rapport writes a user's file: the whole text or nothing, never over a
//! file that is already there unless the caller asks to replace it.
//!
//! Both functions write the bytes to a temporary file beside the target (same folder,
//! so the final step is a link or rename within one file system), flush it to disk,
//! and only then put it in place. A crash leaves either no file or the whole file,
//! plus at worst a hidden `.NAME.tmp-PID-N` that no book reader looks at. Every error
//! path removes the temporary file.
//!
//! [`create_new`] puts the file in place with a hard link, which the operating system
//! refuses atomically when the target exists: two writers racing for the same name
//! cannot both win, and neither can overwrite a file created between a check and the
//! write. On a file system without hard links (FAT, some network shares) it falls back
//! to reserving the name with an exclusive create (`O_EXCL`, which cannot overwrite
//! either) and renaming the finished temporary file over that empty reservation, so
//! the content still appears whole.

pub mod edit;
pub mod lock;
pub mod scalar;
pub mod slug;

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a write did not happen.
#[derive(Debug)]
pub enum WriteError {
    /// The target exists already; nothing was written.
    Exists(PathBuf),
    /// A folder on the way to a book file is a symbolic link: writing through it could
    /// land outside the book.
    Linked(PathBuf),
    /// The file system refused: what was being done, to which path, and why.
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
}

impl WriteError {
    fn io(action: &'static str, path: &Path, source: io::Error) -> Self {
        WriteError::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }
}

impl WriteError {
    /// What went wrong, as a catalog message: the same text as [`fmt::Display`] in
    /// English, and the user's language elsewhere (see `commands::error_text`).
    pub fn msg(&self) -> crate::i18n::Msg {
        match self {
            WriteError::Exists(path) => {
                crate::msg!("files-exist-one", file = path.display().to_string())
            }
            WriteError::Linked(path) => crate::msg!(
                "error-with-hint",
                error = crate::msg!("write-linked", path = path.display().to_string()),
                hint = crate::msg!("write-linked-hint")
            ),
            WriteError::Io {
                action,
                path,
                source,
            } => {
                let kind = match source.kind() {
                    io::ErrorKind::PermissionDenied => "denied",
                    io::ErrorKind::NotFound => "not-found",
                    io::ErrorKind::StorageFull => "full",
                    io::ErrorKind::ReadOnlyFilesystem => "read-only",
                    _ => "other",
                };
                let doing = match *action {
                    "create" => "create",
                    "create a temporary file in" => "temporary",
                    "create the folder" => "folder",
                    "set the permissions of" => "permissions",
                    _ => "write",
                };
                crate::msg!(
                    "write-failed",
                    doing = crate::i18n::Arg::Word(doing),
                    path = path.display().to_string(),
                    kind = crate::i18n::Arg::Word(kind),
                    said = source.to_string()
                )
            }
        }
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Exists(path) => write!(f, "{} already exists", path.display()),
            WriteError::Linked(path) => write!(
                f,
                "{} is a symbolic link: rapport does not write into a book through links, \
                 which could lead outside it\nhint: put the folder itself in the book",
                path.display()
            ),
            WriteError::Io {
                action,
                path,
                source,
            } => write!(f, "cannot {action} {}: {source}", path.display()),
        }
    }
}

/// No source: the message already ends with the operating system's reason, and a
/// source would print it twice (`error: cannot write F: File too large: File too large`).
impl std::error::Error for WriteError {}

/// The path of the book file `rel` (`/`-separated, relative to the book at `root`) to
/// write: refused when a folder on the way to it is a symbolic link. A book from
/// elsewhere may hold one (`clients/acme/meetings -> /somewhere`), and a new file
/// written through it would land outside the book.
pub fn book_path(root: &Path, rel: &str) -> Result<PathBuf, WriteError> {
    let mut path = root.to_path_buf();
    let mut parts = rel.split('/').peekable();
    while let Some(part) = parts.next() {
        path.push(part);
        if parts.peek().is_none() {
            break;
        }
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => return Err(WriteError::Linked(path)),
            Ok(_) => {}
            // Missing folders are created as real folders.
            Err(_) => {
                path.extend(parts);
                break;
            }
        }
    }
    Ok(path)
}

/// Creates `path` with `bytes`, creating missing parent folders. Refuses with
/// [`WriteError::Exists`] if `path` exists, even if it appears while this runs.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    create_new_with(path, bytes, Link::Hard)
}

/// Writes `bytes` to `path`, replacing it whole if it exists (the file keeps its
/// permissions), creating missing parent folders.
#[allow(dead_code)] // for the edit commands to come
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    replace_with(path, |file| file.write_all(bytes))
}

/// [`replace`] with the bytes written by `write`, as it makes them: a large output
/// made in pieces need not be put together in memory first.
pub fn replace_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    let (dir, name, folders) = split(path)?;
    let temp = Temp::write(&dir, &name, write)?;
    if let Ok(meta) = fs::metadata(path) {
        fs::set_permissions(&temp.path, meta.permissions())
            .map_err(|e| WriteError::io("set the permissions of", &temp.path, e))?;
    }
    fs::rename(&temp.path, path).map_err(|e| WriteError::io("write", path, e))?;
    temp.placed();
    folders.keep();
    sync_dir(&dir);
    Ok(())
}

/// Many files made anew from the book by every run (a generated site's pages)
/// replaced in one existing folder: each written to a temporary file renamed over the
/// old one, so that a reader sees the whole old page or the whole new one, never a
/// part. Unlike [`replace`], they are not flushed to disk one by one, and the folder
/// is flushed once by [`Batch::finish`]: 2,000 flushes were most of the time of a
/// site's first build on the benchmark book. Nothing a user wrote is at stake: a page
/// a crash left short is rewritten by the next build, which compares every page's
/// bytes, and a file whose bytes are already those to write is left as it is. Safe to
/// share between threads.
pub struct Batch {
    dir: PathBuf,
}

impl Batch {
    /// A batch of files in the folder `dir`, which must exist.
    pub fn in_folder(dir: &Path) -> Self {
        Batch {
            dir: dir.to_path_buf(),
        }
    }

    /// Replaces (or creates) the file `name` of the folder, a plain file name.
    pub fn replace(&self, name: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = self.dir.join(name);
        if name.is_empty() || name.contains(['/', '\\']) || name == "." || name == ".." {
            return Err(WriteError::io(
                "write",
                &path,
                io::Error::new(io::ErrorKind::InvalidInput, "not a plain file name"),
            ));
        }
        if same_bytes(&path, bytes) {
            return Ok(());
        }
        let temp = Temp::write_then(&self.dir, name, |file| file.write_all(bytes), Flush::Later)?;
        if let Ok(meta) = fs::metadata(&path) {
            fs::set_permissions(&temp.path, meta.permissions())
                .map_err(|e| WriteError::io("set the permissions of", &temp.path, e))?;
        }
        fs::rename(&temp.path, &path).map_err(|e| WriteError::io("write", &path, e))?;
        temp.placed();
        Ok(())
    }

    /// Makes the new names durable: flushes the folder once.
    pub fn finish(self) {
        sync_dir(&self.dir);
    }
}

/// Is `path` a regular file (not a link) holding exactly `bytes`? Its length is
/// compared first, so a changed file is seldom read; it is read a piece at a time
/// into a buffer on the stack, so that comparing a site's 60 MB of pages allocates
/// nothing.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.is_file() || meta.len() != bytes.len() as u64 {
        return false;
    }
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    let mut piece = [0u8; 32 * 1024];
    let mut rest = bytes;
    loop {
        match file.read(&mut piece) {
            Ok(0) => return rest.is_empty(),
            Ok(n) if n <= rest.len() && piece[..n] == rest[..n] => rest = &rest[n..],
            Ok(_) => return false,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// How [`create_new_with`] puts the finished temporary file in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// A hard link, falling back to [`Link::Reserve`] where links are unsupported.
    Hard,
    /// An exclusive create of the target, then a rename over it (chosen directly
    /// only by tests; in use it is the fallback of [`Link::Hard`]).
    #[cfg_attr(not(test), allow(dead_code))]
    Reserve,
}

fn create_new_with(path: &Path, bytes: &[u8], link: Link) -> Result<(), WriteError> {
    let (dir, name, folders) = split(path)?;
    // Not needed for safety (the link refuses), but spares writing a temporary file
    // for a name that is plainly taken.
    if fs::symlink_metadata(path).is_ok() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let temp = Temp::write(&dir, &name, |file| file.write_all(bytes))?;
    let linked = match link {
        Link::Hard => match fs::hard_link(&temp.path, path) {
            Err(e) if links_unsupported(&e) => reserve_and_rename(&temp.path, path),
            other => other,
        },
        Link::Reserve => reserve_and_rename(&temp.path, path),
    };
    match linked {
        Ok(()) => {
            // After a hard link the temporary name is a second name of the new file;
            // after a rename it is gone and this removal finds nothing.
            drop(temp);
            folders.keep();
            sync_dir(&dir);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            Err(WriteError::Exists(path.to_path_buf()))
        }
        Err(e) => Err(WriteError::io("create", path, e)),
    }
}

/// Hard links are not available here (as opposed to: the target exists, or the
/// folder is not writable, which the temporary file would already have shown).
fn links_unsupported(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::Unsupported | io::ErrorKind::PermissionDenied
    )
}

/// Reserves `path` with an exclusive create, then renames `temp` over the empty
/// reservation. Only this process can have created the reservation, so the rename
/// replaces nothing of anyone else's; if the rename fails, the reservation is removed.
fn reserve_and_rename(temp: &Path, path: &Path) -> io::Result<()> {
    OpenOptions::new().write(true).create_new(true).open(path)?;
    fs::rename(temp, path).inspect_err(|_| {
        let _ = fs::remove_file(path);
    })
}

/// The folder and file name of `path`, the folder created if missing (and removed
/// again if the write fails: see [`NewFolders`]).
fn split(path: &Path) -> Result<(PathBuf, String, NewFolders), WriteError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| {
            WriteError::io(
                "write",
                path,
                io::Error::new(io::ErrorKind::InvalidInput, "not a file name"),
            )
        })?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let folders = NewFolders(
        dir.ancestors()
            .take_while(|d| !d.as_os_str().is_empty() && fs::symlink_metadata(d).is_err())
            .map(Path::to_path_buf)
            .collect(),
    );
    fs::create_dir_all(&dir).map_err(|e| WriteError::io("create the folder", &dir, e))?;
    Ok((dir, name, folders))
}

/// The folders a write created for its file, deepest first. Unless the write succeeds
/// ([`NewFolders::keep`]), they are removed when dropped, each only if it is still
/// empty: a failed `rapport new client` must not leave `clients/NEW/` behind, which
/// would read as a client without a client.yaml.
struct NewFolders(Vec<PathBuf>);

impl NewFolders {
    fn keep(mut self) {
        self.0.clear();
    }
}

impl Drop for NewFolders {
    fn drop(&mut self) {
        for dir in &self.0 {
            let _ = fs::remove_dir(dir);
        }
    }
}

/// Makes a new name durable: on Unix, flushes the folder that holds it. Best effort:
/// the data itself is already on disk, and some file systems cannot sync a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Distinguishes the temporary files of one process.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Whether a written file is flushed to disk before it is put in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flush {
    Now,
    /// When the system gets to it: for files made anew from the book by every run.
    Later,
}

/// A temporary file beside the target, removed when dropped unless [`Temp::placed`].
struct Temp {
    path: PathBuf,
    remove: bool,
}

impl Temp {
    /// Creates a fresh temporary file in `dir` for the file `name`, has `write`
    /// write it and flushes it to disk.
    fn write(
        dir: &Path,
        name: &str,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<Temp, WriteError> {
        Temp::write_then(dir, name, write, Flush::Now)
    }

    /// [`Temp::write`], flushing the file to disk now or leaving it to the system.
    fn write_then(
        dir: &Path,
        name: &str,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
        flush: Flush,
    ) -> Result<Temp, WriteError> {
        let (temp, mut file) = Temp::create(dir, name)?;
        // The error names the file being written, not its hidden temporary name (which
        // is removed as `temp` drops).
        write(&mut file)
            .and_then(|()| match flush {
                Flush::Now => file.sync_all(),
                Flush::Later => Ok(()),
            })
            .map_err(|e| WriteError::io("write", &dir.join(name), e))?;
        Ok(temp)
    }

    fn create(dir: &Path, name: &str) -> Result<(Temp, File), WriteError> {
        let pid = std::process::id();
        let mut tries = 0;
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(".{name}.tmp-{pid}-{n}"));
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(file) => return Ok((Temp { path, remove: true }, file)),
                // Left by a crashed process that had the same id: take the next number.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 100 => tries += 1,
                Err(e) => return Err(WriteError::io("create a temporary file in", dir, e)),
            }
        }
    }

    /// The file was renamed into place: there is nothing left to remove.
    fn placed(mut self) {
        self.remove = false;
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if self.remove {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_error_reads_the_same_in_english_and_is_worded_in_russian() {
        use crate::i18n::Lang;
        let cases = [
            (
                WriteError::io(
                    "write",
                    Path::new("a/b.yaml"),
                    io::ErrorKind::PermissionDenied.into(),
                ),
                "не удаётся записать a/b.yaml: нет прав на запись",
            ),
            (
                WriteError::io(
                    "create a temporary file in",
                    Path::new("/proc"),
                    io::ErrorKind::NotFound.into(),
                ),
                "не удаётся создать временный файл в /proc: такого пути нет",
            ),
            (
                WriteError::io(
                    "create the folder",
                    Path::new("x"),
                    io::Error::other("boom"),
                ),
                "не удаётся создать папку x: система сообщает: `boom`",
            ),
            (WriteError::Exists("x.ics".into()), "x.ics уже есть"),
            (
                WriteError::Linked("clients".into()),
                "clients — символическая ссылка: rapport не пишет в книгу через ссылки, они могут \
                 вести за её пределы\nподсказка: положите в книгу саму папку",
            ),
        ];
        for (error, russian) in cases {
            assert_eq!(error.msg().render(Lang::En), error.to_string());
            assert_eq!(error.msg().render(Lang::Ru), russian);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_book_file_is_not_written_through_a_linked_folder() {
        let outside = tempfile::tempdir().expect("temp dir");
        let book = tempfile::tempdir().expect("temp dir");
        let root = book.path();
        fs::create_dir_all(root.join("clients/acme")).expect("folders");
        std::os::unix::fs::symlink(outside.path(), root.join("clients/acme/meetings"))
            .expect("link");
        let refused = book_path(root, "clients/acme/meetings/2026-12-01-x.yaml");
        assert!(
            matches!(&refused, Err(WriteError::Linked(p)) if p.ends_with("clients/acme/meetings")),
            "{refused:?}"
        );
        assert!(
            refused
                .err()
                .is_some_and(|e| e.to_string().contains("symbolic link"))
        );
        // Real and missing folders are fine.
        assert_eq!(
            book_path(root, "clients/acme/log/x.yaml").expect("a path"),
            root.join("clients/acme/log/x.yaml")
        );
        assert_eq!(
            book_path(root, "clients/beta/client.yaml").expect("a path"),
            root.join("clients/beta/client.yaml")
        );
        assert_eq!(fs::read_dir(outside.path()).expect("list").count(), 0);
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn creates_a_file_and_its_folders_and_leaves_no_temp() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("clients/romashka/client.yaml");
        create_new(&path, "name: Ромашка\n".as_bytes()).expect("created");
        assert_eq!(fs::read_to_string(&path).expect("read"), "name: Ромашка\n");
        assert_eq!(names(&tmp.path().join("clients/romashka")), ["client.yaml"]);
    }

    #[test]
    fn refuses_to_overwrite_and_leaves_no_temp() {
        for link in [Link::Hard, Link::Reserve] {
            let tmp = tempfile::tempdir().expect("tempdir");
            let path = tmp.path().join("a.yaml");
            fs::write(&path, "old").expect("write");
            let err = create_new_with(&path, b"new", link).expect_err("must refuse");
            assert!(
                matches!(err, WriteError::Exists(ref p) if *p == path),
                "{err}"
            );
            assert!(err.to_string().contains("a.yaml already exists"), "{err}");
            assert_eq!(fs::read_to_string(&path).expect("read"), "old");
            assert_eq!(names(tmp.path()), ["a.yaml"]);
        }
    }

    #[test]
    fn the_link_refuses_a_file_that_appears_after_the_check() {
        // The race itself: the target appears between the temporary write and the link.
        for link in [Link::Hard, Link::Reserve] {
            let tmp = tempfile::tempdir().expect("tempdir");
            let path = tmp.path().join("a.yaml");
            let temp = Temp::write(tmp.path(), "a.yaml", |f| f.write_all(b"new")).expect("temp");
            fs::write(&path, "theirs").expect("write");
            let linked = match link {
                Link::Hard => fs::hard_link(&temp.path, &path),
                Link::Reserve => reserve_and_rename(&temp.path, &path),
            };
            assert_eq!(
                linked.map_err(|e| e.kind()),
                Err(io::ErrorKind::AlreadyExists)
            );
            drop(temp);
            assert_eq!(fs::read_to_string(&path).expect("read"), "theirs");
            assert_eq!(names(tmp.path()), ["a.yaml"]);
        }
    }

    #[test]
    fn the_fallback_creates_the_whole_file() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("x/b.yaml");
        create_new_with(&path, b"text\n", Link::Reserve).expect("created");
        assert_eq!(fs::read_to_string(&path).expect("read"), "text\n");
        assert_eq!(names(&tmp.path().join("x")), ["b.yaml"]);
    }

    #[test]
    fn a_batch_replaces_whole_files_keeps_equal_ones_and_refuses_paths() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let batch = Batch::in_folder(tmp.path());
        batch.replace("a.html", b"one").expect("first");
        batch.replace("b.html", b"two").expect("second");
        let before = fs::metadata(tmp.path().join("b.html")).expect("b");
        batch.replace("a.html", b"three").expect("changed");
        batch.replace("b.html", b"two").expect("unchanged");
        batch.finish();
        assert_eq!(
            fs::read_to_string(tmp.path().join("a.html")).expect("a"),
            "three"
        );
        let after = fs::metadata(tmp.path().join("b.html")).expect("b");
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            assert_eq!(before.ino(), after.ino(), "an equal file is not rewritten");
        }
        let _ = (before, after);
        assert_eq!(names(tmp.path()), ["a.html", "b.html"]);
        let batch = Batch::in_folder(tmp.path());
        for bad in ["../x.html", "a/b.html", "", ".."] {
            assert!(batch.replace(bad, b"x").is_err(), "{bad}");
        }
        assert_eq!(names(tmp.path()), ["a.html", "b.html"]);
    }

    #[test]
    fn files_of_many_pieces_are_compared_to_their_last_byte() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("page.html");
        let text: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        fs::write(&path, &text).expect("write");
        assert!(same_bytes(&path, &text));
        let mut last = text.clone();
        *last.last_mut().expect("a byte") ^= 1;
        assert!(!same_bytes(&path, &last), "the last byte differs");
        let mut first = text.clone();
        first[0] ^= 1;
        assert!(!same_bytes(&path, &first), "the first byte differs");
        assert!(!same_bytes(&path, &text[..99_999]), "shorter");
        assert!(!same_bytes(&tmp.path().join("missing.html"), b""));
        #[cfg(unix)]
        {
            let link = tmp.path().join("link.html");
            std::os::unix::fs::symlink(&path, &link).expect("a link");
            assert!(!same_bytes(&link, &text), "a link is never equal");
        }
    }

    #[test]
    fn replace_overwrites_whole_and_keeps_no_temp() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("a.yaml");
        replace(&path, b"one").expect("first");
        replace(&path, b"two").expect("second");
        assert_eq!(fs::read_to_string(&path).expect("read"), "two");
        assert_eq!(names(tmp.path()), ["a.yaml"]);
    }

    #[test]
    fn a_parent_that_is_a_file_is_a_clear_error() {
        let tmp = tempfile::tempdir().expect("tempdir");
        fs::write(tmp.path().join("clients"), "").expect("write");
        let path = tmp.path().join("clients/a/client.yaml");
        let err = create_new(&path, b"x").expect_err("cannot");
        let msg = err.to_string();
        assert!(msg.starts_with("cannot create the folder "), "{msg}");
        assert!(msg.contains("clients/a"), "{msg}");
        assert_eq!(names(tmp.path()), ["clients"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_is_a_clear_error() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("ro");
        fs::create_dir(&dir).expect("mkdir");
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).expect("chmod");
        // A superuser writes anyway: then there is nothing to test.
        let probe = dir.join("probe");
        if fs::write(&probe, "").is_ok() {
            let _ = fs::remove_file(&probe);
            eprintln!("skipped: this user can write to a read-only folder");
            return;
        }
        let path = dir.join("a.yaml");
        for result in [create_new(&path, b"x"), replace(&path, b"x")] {
            let msg = result.expect_err("read-only").to_string();
            assert!(
                msg.starts_with("cannot create a temporary file in ") && msg.contains("ro"),
                "{msg}"
            );
            assert!(msg.contains("ermission denied"), "{msg}");
        }
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).expect("chmod back");
        assert!(names(&dir).is_empty());
    }

    #[test]
    fn a_failed_write_removes_the_folders_it_created_and_no_other() {
        // A name too long for the file system: the folders are made, the file is not.
        let tmp = tempfile::tempdir().expect("tempdir");
        fs::create_dir(tmp.path().join("clients")).expect("mkdir");
        let long = "x".repeat(300);
        let path = tmp.path().join("clients/new/deeper").join(&long);
        for result in [create_new(&path, b"x"), replace(&path, b"x")] {
            let msg = result.expect_err("too long").to_string();
            assert!(msg.contains("clients/new/deeper"), "{msg}");
            assert_eq!(names(tmp.path()), ["clients"]);
            assert!(names(&tmp.path().join("clients")).is_empty());
        }
    }

    #[test]
    fn a_failed_write_removes_its_temp() {
        // A temporary file whose target cannot be linked (the target is a folder).
        let tmp = tempfile::tempdir().expect("tempdir");
        let path = tmp.path().join("a.yaml");
        let temp = Temp::write(tmp.path(), "a.yaml", |f| f.write_all(b"x")).expect("temp");
        let temp_path = temp.path.clone();
        assert!(temp_path.exists());
        drop(temp);
        assert!(!temp_path.exists());
        fs::create_dir(&path).expect("mkdir");
        assert!(matches!(
            create_new(&path, b"x"),
            Err(WriteError::Exists(_))
        ));
        let err = replace(&path, b"x").expect_err("a folder cannot be replaced by a file");
        assert!(err.to_string().starts_with("cannot write "), "{err}");
        assert_eq!(names(tmp.path()), ["a.yaml"]);
    }
}
