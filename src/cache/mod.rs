//! The parse cache: what parsing each book file gave (its entity and its E-code
//! findings), keyed by the file's path and a hash of its bytes, so a file whose bytes
//! are unchanged is not parsed again.
//!
//! Keyed by content: what a file gave is stored under the hash of its bytes. Whether
//! a file must be read to know its hash is decided the way git's index decides it:
//! each entry also keeps what the file system said of the file when the entry was
//! written (size, modification and change times to the nanosecond, inode, device;
//! [`Stat`]), and a file whose metadata are all the same is taken as unchanged
//! without being read — unless it is "racily clean": modified no earlier than its
//! shard was written, so that an edit in the same clock tick as the write could have
//! kept every one of them. Such a file, and any whose metadata differ, is read and
//! hashed, and served from the cache only if its bytes hash the same. The change time
//! cannot be set back by any tool (`touch -d` and `git checkout` change it), so an
//! edit that keeps the size and the modification time is still seen; a copied or
//! restored book has other inodes, and is hashed once. The cache is sharded:
//! one file per client folder, `.rapport/cache/clients/<client>.bin`, and one for
//! the contractors, `.rapport/cache/contractors.bin`. A shard is read by the thread
//! that reads the client's files, into a buffer it reuses (a warm load of a large book
//! allocates no memory for the 90 MB of its cache), and rewritten only when one of its
//! client's files changed. Each shard is a header (magic, the build's source
//! fingerprint, the payload's length and xxh3 checksum) and the entries, sorted by
//! path. Anything that does not check out — truncated, corrupt, from another build —
//! is ignored and rebuilt. A shard is written whole to a temporary file and renamed
//! into place, so a reader sees the old shard or the new one, never a torn one, and
//! two processes writing at once cannot corrupt it. A book that cannot be written to
//! is used without a cache, silently. `rapport.yaml` is always parsed: it is one file.
//!
//! Beside it, [`located`] remembers where earlier runs' findings pointed, so that a
//! warm run need not read and parse a file again to give a finding its line.

pub mod located;

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::finding::{Code, Finding, Location, Severity};

/// Where the cache lives, relative to the book root.
pub const DIR: &str = ".rapport/cache";
/// The folder of the client shards, inside [`DIR`].
const CLIENTS: &str = "clients";
/// The shard of the contractors, inside [`DIR`].
const CONTRACTORS: &str = "contractors.bin";
/// The unsharded cache of earlier versions, removed when met.
const LEGACY: &str = "parsed.bin";
const MAGIC: &[u8; 8] = b"RAPPORTC";
/// A cache file is never read past this: a client's shard is a few MB even for
/// thousands of files, so a larger file is not ours (and is rebuilt).
const MAX_BYTES: u64 = 1 << 30;
/// The build's source fingerprint: parsing, models and messages of another build may
/// differ, so its cache is not ours.
const BUILD: &str = env!("RAPPORT_SOURCE_HASH");

/// Is the book's own state folder (`.rapport/`, the cache and its shard folder) safe
/// to read and write: each either absent or a real folder, not a symbolic link? A
/// book from a pull request could link `.rapport` to a folder elsewhere, and a run
/// would then write (and remove stale shards) there. Where it is not, rapport runs
/// without the cache and writes nothing under it.
pub fn is_safe(root: &Path) -> bool {
    [".rapport", DIR, &format!("{DIR}/{CLIENTS}")]
        .iter()
        .all(|dir| match fs::symlink_metadata(root.join(dir)) {
            Ok(meta) => meta.is_dir(),
            Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        })
}

/// The hash that keys a file's entry.
pub fn hash(bytes: &[u8]) -> u64 {
    xxh3_64(bytes)
}

#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    path: &'a str,
    hash: u64,
    stat: Stat,
    #[serde(borrow)]
    data: &'a [u8],
}

/// What the file system says of a file, as git's index keeps it: a file whose `Stat`
/// is the same as when its entry was written, and which is not racily clean (see the
/// module), has the same bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stat {
    size: u64,
    mtime: (i64, u32),
    ctime: (i64, u32),
    ino: u64,
    dev: u64,
}

impl Stat {
    /// The metadata of a file (not followed through a link).
    #[cfg(unix)]
    pub fn of(meta: &fs::Metadata) -> Stat {
        use std::os::unix::fs::MetadataExt;
        let nanos = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
        Stat {
            size: meta.size(),
            mtime: (meta.mtime(), nanos(meta.mtime_nsec())),
            ctime: (meta.ctime(), nanos(meta.ctime_nsec())),
            ino: meta.ino(),
            dev: meta.dev(),
        }
    }

    /// The metadata of a file: where there is no change time or inode, the size and
    /// the modification time, so that only those are compared.
    #[cfg(not(unix))]
    pub fn of(meta: &fs::Metadata) -> Stat {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or((0, 0), |d| {
                (
                    i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
                    d.subsec_nanos(),
                )
            });
        Stat {
            size: meta.len(),
            mtime,
            ..Stat::default()
        }
    }
}

/// A group of files that shares one shard of the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shard<'a> {
    /// The files of the folder `clients/<ID>/`.
    Client(&'a str),
    /// The files of `contractors/`.
    Contractors,
}

impl Shard<'_> {
    /// The shard's file, relative to [`DIR`].
    fn name(self) -> String {
        match self {
            Shard::Client(id) => format!("{CLIENTS}/{id}.bin"),
            Shard::Contractors => CONTRACTORS.to_owned(),
        }
    }
}

/// The entries of one shard, sorted by path (as written). Files are looked up in about
/// the order they are stored (a folder's files in name order), so a lookup first tries
/// the entry after the last one found, then searches.
pub struct View<'a> {
    entries: Vec<Entry<'a>>,
    next: std::cell::Cell<usize>,
    /// When the shard was written (its own modification time, from the same clock as
    /// the files'): an entry whose file was modified no earlier is racily clean.
    written: (i64, u32),
}

fn path(root: &Path, name: &str) -> PathBuf {
    root.join(DIR).join(name)
}

/// Reads the cache file `name` of `.rapport/cache/` into `bytes` and returns its
/// payload if the header checks out (this build, the payload's length and checksum);
/// `None` if it is missing or does not.
fn read_framed<'b>(root: &Path, name: &str, bytes: &'b mut Vec<u8>) -> Option<&'b [u8]> {
    read_framed_within(root, name, bytes, MAX_BYTES)
}

/// [`read_framed`], refusing a file of more than `limit` bytes unread.
fn read_framed_within<'b>(
    root: &Path,
    name: &str,
    bytes: &'b mut Vec<u8>,
    limit: u64,
) -> Option<&'b [u8]> {
    read_framed_stat(root, name, bytes, limit).map(|(payload, _)| payload)
}

/// [`read_framed_within`], with the cache file's own metadata.
fn read_framed_stat<'b>(
    root: &Path,
    name: &str,
    bytes: &'b mut Vec<u8>,
    limit: u64,
) -> Option<(&'b [u8], Stat)> {
    bytes.clear();
    let file = fs::File::open(path(root, name)).ok()?;
    let stat = Stat::of(&file.metadata().ok()?);
    file.take(limit + 1).read_to_end(bytes).ok()?;
    if bytes.len() as u64 > limit {
        return None;
    }
    check(bytes).map(|payload| (payload, stat))
}

/// Writes `payload` as the cache file `name`, framed by its header: whole, to a
/// temporary file renamed into place, so that readers see the old file or the new
/// one, never a torn one. Failure is silent: a cache only saves time.
fn write_framed(root: &Path, name: &str, payload: &[u8]) {
    let target = path(root, name);
    let (Some(dir), Some(file)) = (target.parent(), target.file_name()) else {
        return;
    };
    if fs::create_dir_all(dir).is_err() {
        return;
    }
    // No fsync: after a crash a torn file fails its checksum and is rebuilt.
    let temp = dir.join(format!(
        ".{}.{}.tmp",
        file.to_string_lossy(),
        std::process::id()
    ));
    // A new file: never through a link planted under that name.
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut f| {
            f.write_all(&header(payload))?;
            f.write_all(payload)
        });
    if written.is_err() || fs::rename(&temp, &target).is_err() {
        let _ = fs::remove_file(&temp);
    }
}

/// Reads the cache file `name` of `.rapport/cache/` for a cache of its own (the
/// history's, [`crate::history`]): its payload if the file is no larger than `limit`
/// and its header checks out (this build, the payload's length and checksum); `None`
/// when it is missing, does not check out, or the book's state folder is not safe.
pub fn read_named<'b>(
    root: &Path,
    name: &str,
    bytes: &'b mut Vec<u8>,
    limit: u64,
) -> Option<&'b [u8]> {
    if !is_safe(root) {
        return None;
    }
    read_framed_within(root, name, bytes, limit)
}

/// Writes `payload` as the cache file `name` of `.rapport/cache/`, framed and
/// atomically as the shards are; nothing when the book's state folder is not safe.
/// Failure is silent.
pub fn write_named(root: &Path, name: &str, payload: &[u8]) {
    if is_safe(root) {
        write_framed(root, name, payload);
    }
}

fn header(payload: &[u8]) -> Vec<u8> {
    let mut h = Vec::with_capacity(64);
    h.extend_from_slice(MAGIC);
    h.extend_from_slice(&(BUILD.len() as u64).to_le_bytes());
    h.extend_from_slice(BUILD.as_bytes());
    h.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    h.extend_from_slice(&xxh3_64(payload).to_le_bytes());
    h
}

/// The payload of a framed cache file if the header matches this build and the
/// checksum holds.
fn check(bytes: &[u8]) -> Option<&[u8]> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (len, rest) = rest.split_first_chunk::<8>()?;
    let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
    let (build, rest) = rest.split_at_checked(len)?;
    if build != BUILD.as_bytes() {
        return None;
    }
    let (payload_len, rest) = rest.split_first_chunk::<8>()?;
    let (sum, payload) = rest.split_first_chunk::<8>()?;
    let payload_len = usize::try_from(u64::from_le_bytes(*payload_len)).ok()?;
    (payload.len() == payload_len && xxh3_64(payload) == u64::from_le_bytes(*sum))
        .then_some(payload)
}

impl<'a> View<'a> {
    /// The shard `shard` of the book's cache, read into `bytes`; empty if there is
    /// none that checks out (then every file is parsed and the shard written afresh).
    pub fn read(root: &Path, shard: Shard<'_>, bytes: &'a mut Vec<u8>) -> View<'a> {
        read_framed_stat(root, &shard.name(), bytes, MAX_BYTES)
            .and_then(|(payload, stat)| View::decode(payload, stat.mtime))
            .unwrap_or_else(View::empty)
    }

    fn decode(payload: &'a [u8], written: (i64, u32)) -> Option<View<'a>> {
        let entries: Vec<Entry<'a>> = postcard::from_bytes(payload).ok()?;
        // Written sorted and unique; a shard that is not is not ours to trust.
        entries
            .windows(2)
            .all(|w| w[0].path < w[1].path)
            .then_some(View {
                entries,
                next: std::cell::Cell::new(0),
                written,
            })
    }

    /// No entries: every file is parsed, and the shard is written afresh.
    pub fn empty() -> Self {
        View {
            entries: Vec::new(),
            next: std::cell::Cell::new(0),
            written: (i64::MIN, 0),
        }
    }

    /// The entry of `file`. Files are looked up in about the order they are stored,
    /// so the entry after the last one found is tried first.
    fn entry(&self, file: &str) -> Option<&Entry<'a>> {
        let next = self.next.get();
        let i = match self.entries.get(next) {
            Some(entry) if entry.path == file => next,
            _ => self.entries.binary_search_by(|e| e.path.cmp(file)).ok()?,
        };
        self.next.set(i + 1);
        self.entries.get(i)
    }

    /// The cached data of `file` and the hash of its bytes, if the file system says
    /// it has not changed since its entry was written: the same [`Stat`], and
    /// modified before the shard was written (not racily clean).
    pub fn unchanged(&self, file: &str, stat: &Stat) -> Option<(u64, &'a [u8])> {
        let entry = self.entry(file)?;
        (entry.stat == *stat && entry.stat.mtime < self.written).then_some((entry.hash, entry.data))
    }

    /// The cached data of `file`, if its bytes still hash to `hash`.
    pub fn get(&self, file: &str, hash: u64) -> Option<&'a [u8]> {
        self.get_stat(file, hash).map(|(data, _)| data)
    }

    /// [`View::get`], with the metadata the entry was written with.
    pub fn get_stat(&self, file: &str, hash: u64) -> Option<(&'a [u8], Stat)> {
        let entry = self.entry(file)?;
        (entry.hash == hash).then_some((entry.data, entry.stat))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

/// One file's entry to write: its path, the hash of its bytes, its metadata and
/// what parsing it gave.
pub type NewEntry<'a> = (&'a str, u64, Stat, &'a [u8]);

/// Writes the shard `shard` anew with `entries`, sorted by path. Failure is silent:
/// the cache only saves time.
pub fn write(root: &Path, shard: Shard<'_>, mut entries: Vec<NewEntry<'_>>) {
    entries.sort_by(|a, b| a.0.cmp(b.0));
    // Sized once: the payload is the data plus a few dozen bytes of framing and
    // metadata per entry.
    let size: usize = entries
        .iter()
        .map(|(p, .., d)| p.len() + d.len() + 64)
        .sum();
    let list: Vec<Entry<'_>> = entries
        .into_iter()
        .map(|(path, hash, stat, data)| Entry {
            path,
            hash,
            stat,
            data,
        })
        .collect();
    if let Ok(payload) = postcard::to_extend(&list, Vec::with_capacity(size + 16)) {
        write_framed(root, &shard.name(), &payload);
    }
}

/// Removes the shards of clients that are no longer in the book (`clients`, sorted),
/// and the single-file cache of earlier versions: what no run would read again.
/// Failure is silent.
pub fn remove_stale(root: &Path, clients: &[&str]) {
    let _ = fs::remove_file(path(root, LEGACY));
    let Ok(entries) = fs::read_dir(path(root, CLIENTS)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".bin")) else {
            continue;
        };
        if clients.binary_search(&id).is_err() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A finding as the cache stores it: E-codes only come from parsing, so its code is
/// one of those.
#[derive(Deserialize)]
struct StoredFinding {
    code: Code,
    severity: Severity,
    file: String,
    location: Location,
    message: String,
    help: Option<String>,
}

/// Encodes what parsing a file gave.
pub fn encode<T: Serialize>(parsed: &Option<T>, findings: &[Finding]) -> Option<Vec<u8>> {
    postcard::to_stdvec(&(parsed, findings)).ok()
}

/// Decodes what [`encode`] wrote; `None` if it does not decode (then the file is parsed).
pub fn decode<T: for<'de> Deserialize<'de>>(data: &[u8]) -> Option<(Option<T>, Vec<Finding>)> {
    let (parsed, stored): (Option<T>, Vec<StoredFinding>) = postcard::from_bytes(data).ok()?;
    let findings = stored
        .into_iter()
        .map(|f| {
            // Only parsing's own codes are cached.
            let code = (!f.code.is_rule()).then_some(f.code)?;
            Some(Finding {
                code,
                severity: f.severity,
                file: f.file,
                location: f.location,
                message: f.message,
                help: f.help,
                facts: crate::finding::Facts::default(),
                // The loader's findings are not in the catalogs yet: English in
                // every language, cold or warm alike.
                said: None,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some((parsed, findings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{Pos, Span, YamlPath};

    #[test]
    fn an_entry_round_trips() {
        let mut finding = Finding::error(
            Code::E03,
            "clients/a/client.yaml",
            Location::Span(Span {
                start: Pos { line: 3, col: 5 },
                end: Pos { line: 3, col: 12 },
            }),
            "unknown key `birthdy`",
        );
        finding.help = Some("did you mean `birthday`?".to_owned());
        let other = Finding::error(
            Code::E06,
            "f",
            Location::value(YamlPath::root().key("id")),
            "x",
        );
        let data = encode(&Some(42u32), &[finding.clone(), other.clone()]).expect("encode");
        let (value, findings) = decode::<u32>(&data).expect("decode");
        assert_eq!(value, Some(42));
        assert_eq!(findings, vec![finding, other]);
    }

    #[test]
    fn a_damaged_shard_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let shard = Shard::Client("acme");
        write(
            dir.path(),
            shard,
            vec![("a.yaml", 7, Stat::default(), b"data".as_slice())],
        );
        let good = fs::read(path(dir.path(), &shard.name())).expect("written");
        assert!(check(&good).is_some());
        let mut buffer = Vec::new();
        let view = View::read(dir.path(), shard, &mut buffer);
        assert_eq!(view.get("a.yaml", 7), Some(b"data".as_slice()));
        assert_eq!(view.get("a.yaml", 8), None, "another version of the file");
        let mut buffer = Vec::new();
        let other = View::read(dir.path(), Shard::Client("beta"), &mut buffer);
        assert_eq!(other.len(), 0, "another client's shard is not this one");
        for cut in [0, 5, 20, good.len() - 1] {
            assert!(check(&good[..cut]).is_none(), "truncated at {cut}");
        }
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x40;
        assert!(check(&flipped).is_none(), "a flipped bit");
        let mut foreign = good.clone();
        foreign[17] ^= 1; // inside the build fingerprint
        assert!(check(&foreign).is_none(), "another build");
        assert!(check(b"random bytes that are not a cache").is_none());
    }

    #[test]
    fn a_file_is_taken_as_unchanged_only_by_all_its_metadata_and_not_when_racily_clean() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.yaml");
        fs::write(&file, "name: A\n").expect("write");
        let stat = Stat::of(&fs::metadata(&file).expect("meta"));
        let shard = Shard::Client("acme");
        write(
            dir.path(),
            shard,
            vec![("a.yaml", 7, stat, b"data".as_slice())],
        );
        let mut buffer = Vec::new();
        let view = View::read(dir.path(), shard, &mut buffer);
        // Written after the file was: its metadata say it is the same file.
        if stat.mtime < view.written {
            assert_eq!(
                view.unchanged("a.yaml", &stat),
                Some((7, b"data".as_slice()))
            );
        }
        // Any one of them changed: read it.
        for changed in [
            Stat {
                size: stat.size + 1,
                ..stat
            },
            Stat {
                mtime: (stat.mtime.0, stat.mtime.1 ^ 1),
                ..stat
            },
            Stat {
                ctime: (stat.ctime.0 + 1, stat.ctime.1),
                ..stat
            },
            Stat {
                ino: stat.ino + 1,
                ..stat
            },
            Stat {
                dev: stat.dev + 1,
                ..stat
            },
        ] {
            assert_eq!(view.unchanged("a.yaml", &changed), None, "{changed:?}");
        }
        assert_eq!(view.unchanged("b.yaml", &stat), None, "no entry");
        // Racily clean: modified no earlier than the shard was written, so an edit in
        // the same tick could have kept every field. Read it.
        let bytes = fs::read(path(dir.path(), &shard.name())).expect("shard");
        let racy = View::decode(check(&bytes).expect("checks"), stat.mtime).expect("decodes");
        assert_eq!(racy.unchanged("a.yaml", &stat), None);
        // By content it is still found.
        assert_eq!(racy.get("a.yaml", 7), Some(b"data".as_slice()));
    }

    #[test]
    fn a_cache_file_over_the_limit_is_not_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let shard = Shard::Client("acme");
        write(
            dir.path(),
            shard,
            vec![("a.yaml", 7, Stat::default(), b"data".as_slice())],
        );
        let size = fs::metadata(path(dir.path(), &shard.name()))
            .expect("written")
            .len();
        let mut bytes = Vec::new();
        let name = shard.name();
        assert!(read_framed_within(dir.path(), &name, &mut bytes, size).is_some());
        assert!(read_framed_within(dir.path(), &name, &mut bytes, size - 1).is_none());
        assert!(
            bytes.len() as u64 <= size,
            "read no further than the limit and a byte"
        );
    }

    #[test]
    fn lookups_in_any_order_find_their_entry() {
        let dir = tempfile::tempdir().expect("temp dir");
        let shard = Shard::Client("acme");
        let files = [
            ("a.yaml", 1, b"A"),
            ("b.yaml", 2, b"B"),
            ("c.yaml", 3, b"C"),
        ];
        write(
            dir.path(),
            shard,
            files
                .iter()
                .map(|(p, h, d)| (*p, *h, Stat::default(), d.as_slice()))
                .collect(),
        );
        let mut buffer = Vec::new();
        let view = View::read(dir.path(), shard, &mut buffer);
        let get = |file, hash| view.get(file, hash).map(<[u8]>::to_vec);
        // In order, out of order, the same twice, one that is not there, and on.
        assert_eq!(get("a.yaml", 1), Some(b"A".to_vec()));
        assert_eq!(get("b.yaml", 2), Some(b"B".to_vec()));
        assert_eq!(get("a.yaml", 1), Some(b"A".to_vec()));
        assert_eq!(get("c.yaml", 3), Some(b"C".to_vec()));
        assert_eq!(get("c.yaml", 3), Some(b"C".to_vec()));
        assert_eq!(get("b.yaml", 9), None);
        assert_eq!(get("bb.yaml", 2), None);
        assert_eq!(get("c.yaml", 3), Some(b"C".to_vec()));
    }

    #[test]
    fn shards_of_clients_no_longer_in_the_book_are_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for id in ["acme", "beta", "gone"] {
            write(
                root,
                Shard::Client(id),
                vec![("a.yaml", 1, Stat::default(), b"x".as_slice())],
            );
        }
        write(
            root,
            Shard::Contractors,
            vec![("c.yaml", 1, Stat::default(), b"x".as_slice())],
        );
        fs::write(path(root, LEGACY), b"old").expect("legacy cache");
        remove_stale(root, &["acme", "beta"]);
        let mut left: Vec<String> = fs::read_dir(path(root, CLIENTS))
            .expect("shards")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["acme.bin", "beta.bin"]);
        assert!(
            path(root, CONTRACTORS).is_file(),
            "the contractors' shard stays"
        );
        assert!(!path(root, LEGACY).exists(), "the unsharded cache goes");
    }
}
