//! The history's cache: what each walked commit moved, by commit ID, in
//! `.rapport/cache/history.bin`, framed as the parse cache's shards are (this build's
//! source fingerprint, the payload's length and checksum: a file from another
//! version, cut short or altered is ignored and rebuilt, never trusted). A commit
//! never changes, so its entry is good for as long as the book's folder is the same
//! folder of the repository (the entry's `prefix`).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{CACHE_FILE, Move};

/// A cache file larger than this is not ours.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Serialize, Deserialize)]
struct Stored {
    /// The book's folder in its repository (`git rev-parse --show-prefix`).
    prefix: String,
    /// Each commit's full ID and what it moved.
    commits: Vec<(String, Vec<Move>)>,
}

/// The cached commits of the book at `root` whose folder is `prefix`; empty when
/// there is no cache, or one that does not check out.
pub fn load(root: &Path, prefix: &str) -> HashMap<String, Vec<Move>> {
    let mut bytes = Vec::new();
    let Some(payload) = crate::cache::read_named(root, CACHE_FILE, &mut bytes, MAX_BYTES) else {
        return HashMap::new();
    };
    match postcard::from_bytes::<Stored>(payload) {
        Ok(stored) if stored.prefix == prefix => stored
            .commits
            .into_iter()
            // An ID that is not one is not ours either.
            .filter(|(id, _)| id.len() >= 40 && id.bytes().all(|b| b.is_ascii_hexdigit()))
            .collect(),
        _ => HashMap::new(),
    }
}

/// Writes the cache: `walked` (the commits of this walk, newest first) and, up to
/// `keep` commits in all, the others of `known` (another walk's, such as the one of
/// `--since`). Failure is silent.
pub fn save(
    root: &Path,
    prefix: &str,
    walked: &[(String, Vec<Move>)],
    known: &HashMap<String, Vec<Move>>,
    keep: usize,
) {
    let mut commits: Vec<(String, Vec<Move>)> = walked.to_vec();
    let seen: HashSet<&str> = walked.iter().map(|(id, _)| id.as_str()).collect();
    let mut others: Vec<(&String, &Vec<Move>)> = known
        .iter()
        .filter(|(id, _)| !seen.contains(id.as_str()))
        .collect();
    others.sort_by(|a, b| a.0.cmp(b.0));
    for (id, moves) in others {
        if commits.len() >= keep {
            break;
        }
        commits.push((id.clone(), moves.clone()));
    }
    let stored = Stored {
        prefix: prefix.to_owned(),
        commits,
    };
    if let Ok(payload) = postcard::to_stdvec(&stored) {
        crate::cache::write_named(root, CACHE_FILE, &payload);
    }
}
