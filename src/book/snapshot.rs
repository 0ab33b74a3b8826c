//! A book's files given from memory instead of listed from its folder: the book as it
//! was at a git revision (`audit --since`), where most files are the same as today's
//! and only a few hold the revision's own bytes. [`super::load_snapshot`] reads it as
//! it would read the folder, without copying a hundred thousand files out of git.

use crate::cache::Stat;

/// What a file of a [`Snapshot`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given {
    /// The same bytes as the plain file at this path in the book's folder today,
    /// whose metadata were these when the snapshot was made.
    InFolder(Stat),
    /// These bytes.
    Bytes(Vec<u8>),
}

/// The files of a book, by their path relative to its root (`clients/acme/client.yaml`,
/// `/`-separated, no part empty, `.` or `..`, none hidden): which are read, and as
/// what, is decided by the loader exactly as for a folder.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Sorted by path, each path once.
    files: Vec<(String, Given)>,
}

impl Snapshot {
    /// A snapshot of these files; of a path given twice, the first is kept. A path
    /// that could leave the book's folder or is hidden is left out: the caller
    /// checks them, this is the last guard.
    pub fn new(mut files: Vec<(String, Given)>) -> Self {
        files.retain(|(path, _)| {
            path.split('/')
                .all(|p| !p.is_empty() && !p.starts_with('.') && !p.contains('\\'))
        });
        files.sort_by(|a, b| a.0.cmp(&b.0));
        files.dedup_by(|later, first| later.0 == first.0);
        Snapshot { files }
    }

    /// The file at `path`, if the snapshot has it.
    pub fn get(&self, path: &str) -> Option<&Given> {
        self.files
            .binary_search_by(|(p, _)| p.as_str().cmp(path))
            .ok()
            .map(|i| &self.files[i].1)
    }

    /// The files whose path starts with `prefix` (a folder's, ending in `/`): a run of
    /// the sorted files, found by binary search.
    pub fn under(&self, prefix: &str) -> &[(String, Given)] {
        let start = self.files.partition_point(|(p, _)| p.as_str() < prefix);
        let len = self.files[start..].partition_point(|(p, _)| p.starts_with(prefix));
        &self.files[start..start + len]
    }

    /// The IDs of the folders under `clients/` that hold a file, sorted.
    pub fn client_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .under("clients/")
            .iter()
            .filter_map(|(path, _)| {
                let (id, _) = path.strip_prefix("clients/")?.split_once('/')?;
                Some(id.to_owned())
            })
            .collect();
        ids.dedup();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(s: &str) -> Given {
        Given::Bytes(s.as_bytes().to_vec())
    }

    #[test]
    fn files_are_sorted_and_found_by_folder() {
        let snap = Snapshot::new(vec![
            ("clients/b/client.yaml".into(), bytes("b")),
            ("rapport.yaml".into(), bytes("r")),
            ("clients/a/projects/p.yaml".into(), bytes("p")),
            ("clients/a/client.yaml".into(), bytes("a")),
            ("clients/ab/client.yaml".into(), bytes("ab")),
        ]);
        assert_eq!(snap.client_ids(), ["a", "ab", "b"]);
        let in_a: Vec<&str> = snap
            .under("clients/a/")
            .iter()
            .map(|(path, _)| path.as_str())
            .collect();
        assert_eq!(in_a, ["clients/a/client.yaml", "clients/a/projects/p.yaml"]);
        assert_eq!(snap.get("rapport.yaml"), Some(&bytes("r")));
        assert_eq!(snap.get("clients/a"), None);
        assert_eq!(snap.under("").len(), 5);
    }

    #[test]
    fn paths_that_leave_the_folder_or_are_hidden_are_left_out() {
        let snap = Snapshot::new(vec![
            ("../x.yaml".into(), bytes("x")),
            ("clients//a.yaml".into(), bytes("x")),
            ("clients/.git/config".into(), bytes("x")),
            (String::new(), bytes("x")),
            ("a\\..\\b".into(), bytes("x")),
            ("rapport.yaml".into(), bytes("first")),
            ("rapport.yaml".into(), bytes("second")),
        ]);
        assert_eq!(snap.under("").len(), 1);
        assert_eq!(snap.get("rapport.yaml"), Some(&bytes("first")));
    }
}
