//! The located-findings cache: where each finding of an earlier run pointed in its
//! file (line and column, start and end), keyed by the file's path, the hash of its
//! bytes and the finding's symbolic [`Location`]. Working a position out means reading
//! the file again and parsing it (a rule names a YAML path, not a line); a position is
//! a pure function of the file's bytes and the location, so an entry whose hash still
//! matches is exactly what resolving again would give, and output is byte-identical
//! with and without it.
//!
//! `.rapport/cache/located.bin`, framed and written like the parse cache: checked on
//! reading, replaced whole by a rename. Entries of files that changed or are gone are
//! dropped when it is next written; entries of files a run did not look at (an audit
//! of one client) are kept.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{read_framed, write_framed};
use crate::finding::Location;
use crate::yaml::Pos;

const FILE: &str = "located.bin";

/// Where the findings of one file point, for one version of its bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSpans {
    /// The hash of the file's bytes these positions were worked out from.
    pub hash: u64,
    /// Each location with its start and end, in the order they were first resolved.
    pub spans: Vec<(Location, Pos, Pos)>,
}

impl FileSpans {
    pub fn new(hash: u64) -> Self {
        FileSpans {
            hash,
            spans: Vec::new(),
        }
    }

    /// The start and end of `location`, if known.
    pub fn get(&self, location: &Location) -> Option<(Pos, Pos)> {
        self.spans
            .iter()
            .find(|(l, _, _)| l == location)
            .map(|(_, start, end)| (*start, *end))
    }

    pub fn insert(&mut self, location: &Location, start: Pos, end: Pos) {
        if self.get(location).is_none() {
            self.spans.push((location.clone(), start, end));
        }
    }
}

/// The cache as read: per file, its positions.
#[derive(Debug, Default)]
pub struct Located {
    files: HashMap<String, FileSpans>,
}

impl Located {
    /// The book's located-findings cache; empty if there is none that checks out.
    pub fn read(root: &std::path::Path) -> Located {
        let mut bytes = Vec::new();
        let files = read_framed(root, FILE, &mut bytes)
            .and_then(|payload| postcard::from_bytes::<Vec<(String, FileSpans)>>(payload).ok())
            .map(|list| list.into_iter().collect())
            .unwrap_or_default();
        Located { files }
    }

    /// What is known of `file` when its bytes hash to `hash`.
    pub fn file(&self, file: &str, hash: u64) -> Option<&FileSpans> {
        self.files.get(file).filter(|f| f.hash == hash)
    }

    /// Brings the cache up to date and writes it if anything changed: `seen` are the
    /// positions of this run's files (added to what was stored for the same version
    /// of each, replacing what was stored for another);
    /// entries of other files are kept while `current_hash` says their bytes are
    /// unchanged. Failure to write is silent.
    pub fn update(
        mut self,
        root: &std::path::Path,
        seen: Vec<(String, FileSpans)>,
        current_hash: impl Fn(&str) -> Option<u64>,
    ) {
        let before = self.files.len();
        self.files
            .retain(|file, spans| current_hash(file) == Some(spans.hash));
        let mut changed = self.files.len() != before;
        for (file, spans) in seen {
            match self.files.get_mut(&file) {
                // The same version of the file: what this run placed is added to what
                // others placed (the audit and the agenda point at different places of
                // the same files, and neither should undo the other's work).
                Some(old) if old.hash == spans.hash => {
                    for (location, start, end) in &spans.spans {
                        if old.get(location).is_none() {
                            old.insert(location, *start, *end);
                            changed = true;
                        }
                    }
                }
                _ => {
                    changed = true;
                    self.files.insert(file, spans);
                }
            }
        }
        if !changed {
            return;
        }
        let mut list: Vec<(&String, &FileSpans)> = self.files.iter().collect();
        list.sort_by(|a, b| a.0.cmp(b.0));
        if let Ok(payload) = postcard::to_stdvec(&list) {
            write_framed(root, FILE, &payload);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::YamlPath;

    fn pos(line: u32, col: u32) -> Pos {
        Pos { line, col }
    }

    #[test]
    fn positions_are_kept_per_version_of_a_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        let due = Location::value(YamlPath::root().key("due"));
        let mut a = FileSpans::new(7);
        a.insert(&due, pos(3, 6), pos(3, 16));
        a.insert(&Location::File, pos(1, 1), pos(1, 5));
        let mut b = FileSpans::new(9);
        b.insert(&due, pos(2, 1), pos(2, 2));
        Located::default().update(
            root,
            vec![("a.yaml".into(), a.clone()), ("b.yaml".into(), b.clone())],
            |_| None,
        );
        let read = Located::read(root);
        assert_eq!(read.file("a.yaml", 7), Some(&a));
        assert_eq!(read.file("b.yaml", 9), Some(&b));
        assert_eq!(read.file("a.yaml", 8), None, "another version of the file");
        assert_eq!(
            read.file("a.yaml", 7).and_then(|f| f.get(&due)),
            Some((pos(3, 6), pos(3, 16)))
        );

        // A run that looks only at c.yaml keeps a.yaml's entry, whose bytes are
        // unchanged, and drops b.yaml's, whose bytes changed.
        let mut c = FileSpans::new(5);
        c.insert(&due, pos(4, 1), pos(4, 3));
        read.update(root, vec![("c.yaml".into(), c.clone())], |f| match f {
            "a.yaml" => Some(7),
            "b.yaml" => Some(10),
            _ => None,
        });
        let read = Located::read(root);
        assert_eq!(read.file("a.yaml", 7), Some(&a));
        assert_eq!(read.file("b.yaml", 9), None);
        assert_eq!(read.file("c.yaml", 5), Some(&c));

        // Another command placing other locations of the same version of a.yaml adds
        // them to the ones stored; a second run of it changes nothing.
        let key = Location::key(YamlPath::root().key("report"));
        let mut other = FileSpans::new(7);
        other.insert(&key, pos(5, 1), pos(5, 7));
        other.insert(&due, pos(3, 6), pos(3, 16));
        read.update(root, vec![("a.yaml".into(), other.clone())], |f| match f {
            "a.yaml" => Some(7),
            "c.yaml" => Some(5),
            _ => None,
        });
        let read = Located::read(root);
        let merged = read.file("a.yaml", 7).expect("kept");
        assert_eq!(merged.get(&due), Some((pos(3, 6), pos(3, 16))));
        assert_eq!(merged.get(&Location::File), Some((pos(1, 1), pos(1, 5))));
        assert_eq!(merged.get(&key), Some((pos(5, 1), pos(5, 7))));

        // A damaged file reads as empty.
        let file = root.join(super::super::DIR).join(FILE);
        let mut bytes = std::fs::read(&file).expect("written");
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&file, bytes).expect("damaged");
        assert_eq!(Located::read(root).file("a.yaml", 7), None);
    }
}
