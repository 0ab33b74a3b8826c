//! The parse cache: what parsing each book file gave (its entity and its E-code
//! findings), keyed by the file's path and a hash of its bytes, so a file whose bytes
//! are unchanged is not parsed again.
//!
//! Keyed by content, never by modification time: an edit within the same second, a
//! `git checkout` or a restored backup cannot serve stale data. The cache is one file,
//! `.rapport/cache/parsed.bin`: a header (magic, the build's source fingerprint, the
//! payload's length and xxh3 checksum) and the entries, sorted by path. Anything that
//! does not check out — truncated, corrupt, from another build — is ignored and
//! rebuilt. It is written whole to a temporary file and renamed into place, so a
//! reader sees the old cache or the new one, never a torn one, and two processes
//! writing at once cannot corrupt it. A book that cannot be written to is used
//! without a cache, silently. `rapport.yaml` is always parsed: it is one file.
//!
//! Beside it, [`located`] remembers where earlier runs' findings pointed, so that a
//! warm run need not read and parse a file again to give a finding its line.

pub mod located;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::finding::{Finding, Location, Severity};

/// Where the cache lives, relative to the book root.
pub const DIR: &str = ".rapport/cache";
const FILE: &str = "parsed.bin";
const MAGIC: &[u8; 8] = b"RAPPORTC";
/// The build's source fingerprint: parsing, models and messages of another build may
/// differ, so its cache is not ours.
const BUILD: &str = env!("RAPPORT_SOURCE_HASH");

/// The hash that keys a file's entry.
pub fn hash(bytes: &[u8]) -> u64 {
    xxh3_64(bytes)
}

#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    path: &'a str,
    hash: u64,
    #[serde(borrow)]
    data: &'a [u8],
}

/// A cache read from disk, checked.
pub struct Cache {
    bytes: Vec<u8>,
    payload: std::ops::Range<usize>,
}

/// The cache's entries, sorted by path (as written), ready for lookups from several
/// threads by binary search: no index to build.
pub struct View<'a> {
    entries: Vec<Entry<'a>>,
}

fn path(root: &Path, name: &str) -> PathBuf {
    root.join(DIR).join(name)
}

/// A cache file of `.rapport/cache/` whose header checks out (this build, the
/// payload's length and checksum); `None` if it is missing or does not.
fn read_framed(root: &Path, name: &str) -> Option<Cache> {
    let bytes = fs::read(path(root, name)).ok()?;
    let payload = Cache::check(&bytes)?;
    Some(Cache { bytes, payload })
}

/// Writes `payload` as the cache file `name`, framed by its header: whole, to a
/// temporary file renamed into place, so that readers see the old file or the new
/// one, never a torn one. Failure is silent: a cache only saves time.
fn write_framed(root: &Path, name: &str, payload: &[u8]) {
    let dir = root.join(DIR);
    if fs::create_dir_all(&dir).is_err() {
        return;
    }
    // No fsync: after a crash a torn file fails its checksum and is rebuilt.
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = fs::File::create(&temp).and_then(|mut f| {
        f.write_all(&header(payload))?;
        f.write_all(payload)
    });
    if written.is_err() || fs::rename(&temp, path(root, name)).is_err() {
        let _ = fs::remove_file(&temp);
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

impl Cache {
    /// The book's cache, if there is one that checks out.
    pub fn read(root: &Path) -> Option<Cache> {
        read_framed(root, FILE)
    }

    /// The payload's range if the header matches this build and the checksum holds.
    fn check(bytes: &[u8]) -> Option<std::ops::Range<usize>> {
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
        if payload.len() != payload_len || xxh3_64(payload) != u64::from_le_bytes(*sum) {
            return None;
        }
        let start = bytes.len() - payload.len();
        Some(start..bytes.len())
    }

    /// The checked payload.
    fn payload(&self) -> &[u8] {
        &self.bytes[self.payload.clone()]
    }

    pub fn view(&self) -> Option<View<'_>> {
        let entries: Vec<Entry<'_>> = postcard::from_bytes(self.payload()).ok()?;
        // Written sorted and unique; a cache that is not is not ours to trust.
        entries
            .windows(2)
            .all(|w| w[0].path < w[1].path)
            .then_some(View { entries })
    }
}

impl View<'_> {
    /// No entries: every file is parsed, and the cache is written afresh.
    pub fn empty() -> Self {
        View {
            entries: Vec::new(),
        }
    }

    /// The cached data of `file`, if its bytes still hash to `hash`.
    pub fn get(&self, file: &str, hash: u64) -> Option<&[u8]> {
        let i = self.entries.binary_search_by(|e| e.path.cmp(file)).ok()?;
        let entry = &self.entries[i];
        (entry.hash == hash).then_some(entry.data)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }
}

/// Writes a new cache of `entries` (path, hash, data), sorted by path. Failure is
/// silent: the cache only saves time.
pub fn write(root: &Path, mut entries: Vec<(&str, u64, &[u8])>) {
    entries.sort_by(|a, b| a.0.cmp(b.0));
    // Sized once: the payload is the data plus a few bytes of framing per entry.
    let size: usize = entries.iter().map(|(p, _, d)| p.len() + d.len() + 24).sum();
    let list: Vec<Entry<'_>> = entries
        .into_iter()
        .map(|(path, hash, data)| Entry { path, hash, data })
        .collect();
    if let Ok(payload) = postcard::to_extend(&list, Vec::with_capacity(size + 16)) {
        write_framed(root, FILE, &payload);
    }
}

/// A finding as the cache stores it: E-codes only come from parsing, so its code is
/// one of those.
#[derive(Deserialize)]
struct StoredFinding {
    code: String,
    severity: Severity,
    file: String,
    location: Location,
    message: String,
    help: Option<String>,
}

const CODES: [&str; 8] = ["E01", "E02", "E03", "E04", "E05", "E06", "E07", "E08"];

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
            let code = CODES.iter().find(|c| **c == f.code)?;
            Some(Finding {
                code,
                severity: f.severity,
                file: f.file,
                location: f.location,
                message: f.message,
                help: f.help,
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
        let finding = Finding::error(
            "E03",
            "clients/a/client.yaml",
            Location::Span(Span {
                start: Pos { line: 3, col: 5 },
                end: Pos { line: 3, col: 12 },
            }),
            "unknown key `birthdy`",
        )
        .help("did you mean `birthday`?");
        let other = Finding::error("E06", "f", Location::value(YamlPath::root().key("id")), "x");
        let data = encode(&Some(42u32), &[finding.clone(), other.clone()]).expect("encode");
        let (value, findings) = decode::<u32>(&data).expect("decode");
        assert_eq!(value, Some(42));
        assert_eq!(findings, vec![finding, other]);
    }

    #[test]
    fn a_damaged_cache_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), vec![("a.yaml", 7, b"data".as_slice())]);
        let good = fs::read(path(dir.path(), FILE)).expect("written");
        assert!(Cache::check(&good).is_some());
        let view_ok = Cache::read(dir.path())
            .and_then(|c| c.view().map(|v| v.get("a.yaml", 7).map(<[u8]>::to_vec)));
        assert_eq!(view_ok, Some(Some(b"data".to_vec())));
        for cut in [0, 5, 20, good.len() - 1] {
            assert!(Cache::check(&good[..cut]).is_none(), "truncated at {cut}");
        }
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x40;
        assert!(Cache::check(&flipped).is_none(), "a flipped bit");
        let mut foreign = good.clone();
        foreign[17] ^= 1; // inside the build fingerprint
        assert!(Cache::check(&foreign).is_none(), "another build");
        assert!(Cache::check(b"random bytes that are not a cache").is_none());
    }
}
