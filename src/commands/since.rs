//! `rapport audit --since REV`: only the findings a change introduced, like a
//! linter's baseline mode for CI on pull requests ("this change adds 2 findings").
//!
//! The book at REV is copied out of git ([`crate::revision`]) and audited as of the
//! same day with the same options; a finding of today's book is *unchanged* when the
//! book at REV had one with the same fingerprint, and *new* otherwise. The
//! fingerprint leaves out line numbers, so that a line inserted above a finding does
//! not make it new: the code, the file, the message and, where the finding names
//! one, the YAML path of the value it is about. Fingerprints are counted as a
//! multiset: two findings alike today and one at REV make one new finding.

use std::collections::HashMap;

use crate::finding::{Code, Finding, Location};
use crate::i18n::Lang;
use crate::msg;
use crate::output::SinceCounts;

/// The human output's last line: "this change adds 2 findings since HEAD~1 (26
/// unchanged)".
pub fn line(rev: &str, counts: SinceCounts, lang: Lang) -> String {
    let line = msg!(
        "audit-since",
        new = counts.new,
        rev = crate::output::printable(rev, &[]).into_owned(),
        unchanged = counts.unchanged,
    );
    format!("{}\n", line.render(lang))
}

/// What identifies a finding across revisions, without its line and column: its
/// code, file, message and YAML path.
pub type Fingerprint = (Code, String, String, Option<String>);

/// The fingerprints of `findings`.
pub fn fingerprints(findings: &[Finding]) -> Vec<Fingerprint> {
    findings.iter().map(fingerprint).collect()
}

fn fingerprint(f: &Finding) -> Fingerprint {
    let path = match &f.location {
        Location::Path { path, key: true } => Some(format!("{path} (key)")),
        Location::Path { path, key: false } => Some(path.to_string()),
        Location::Span(_) | Location::File => None,
    };
    (f.code, f.file.clone(), f.message.clone(), path)
}

/// Splits `today` into the findings that are new since `before` and the unchanged
/// ones; of findings alike, the first ones (in the order given) are the unchanged.
pub fn split(today: Vec<Finding>, before: &[Fingerprint]) -> (Vec<Finding>, Vec<Finding>) {
    let mut known: HashMap<&Fingerprint, usize> = HashMap::new();
    for f in before {
        *known.entry(f).or_default() += 1;
    }
    let mut new = Vec::new();
    let mut unchanged = Vec::new();
    for f in today {
        match known.get_mut(&fingerprint(&f)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                unchanged.push(f);
            }
            _ => new.push(f),
        }
    }
    (new, unchanged)
}

/// The cache of the last baseline: the fingerprints of every finding of the book at a
/// revision (before `PATH…` and `--manager` narrow them, which go by file), keyed by
/// a hash of what they depend on (the revision's commit ID, today, `--rule`,
/// `--no-waivers`, the history's settings). Framed as the parse cache is (this build's
/// fingerprint, a checksum): another version's or a corrupt file is not read. A run
/// against the same revision on the same day is then as fast as a plain audit.
const BASELINE_FILE: &str = "since.bin";

/// A baseline cache file larger than this is not ours.
const BASELINE_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// The key of a baseline: what the findings of the book at a revision depend on.
pub fn baseline_key(parts: &[&str]) -> u64 {
    crate::cache::hash(parts.join("\0").as_bytes())
}

/// The cached baseline of `key`, if the book's cache holds it.
pub fn cached_baseline(root: &std::path::Path, key: u64) -> Option<Vec<Fingerprint>> {
    let mut bytes = Vec::new();
    let payload = crate::cache::read_named(root, BASELINE_FILE, &mut bytes, BASELINE_MAX_BYTES)?;
    let (stored, prints): (u64, Vec<Fingerprint>) = postcard::from_bytes(payload).ok()?;
    (stored == key).then_some(prints)
}

/// Caches the baseline of `key` (replacing the one before). Failure is silent.
pub fn store_baseline(root: &std::path::Path, key: u64, prints: &[Fingerprint]) {
    if let Ok(payload) = postcard::to_stdvec(&(key, prints)) {
        crate::cache::write_named(root, BASELINE_FILE, &payload);
    }
}

#[cfg(test)]
mod tests {
    use super::{fingerprints, split};
    use crate::finding::{Code, Finding, Location, Severity};
    use crate::yaml::{Pos, Span};

    fn at(line: u32, message: &str) -> Finding {
        let pos = Pos { line, col: 1 };
        Finding {
            code: Code::parse("E03").expect("a code"),
            severity: Severity::Error,
            file: "clients/a/client.yaml".to_owned(),
            location: Location::Span(Span {
                start: pos,
                end: pos,
            }),
            message: message.to_owned(),
            help: None,
            facts: Default::default(),
            said: None,
        }
    }

    #[test]
    fn lines_do_not_count_and_duplicates_are_a_multiset() {
        let before = [at(3, "a"), at(9, "b")];
        let today = vec![at(4, "a"), at(5, "a"), at(10, "b"), at(12, "c")];
        let (new, unchanged) = split(today, &fingerprints(&before));
        let lines = |v: &[Finding]| {
            v.iter()
                .map(|f| format!("{}@{:?}", f.message, f.location))
                .collect::<Vec<_>>()
        };
        assert_eq!(new.len(), 2, "{:?}", lines(&new));
        assert_eq!(new[0].message, "a");
        assert_eq!(new[1].message, "c");
        assert_eq!(unchanged.len(), 2);
    }
}
