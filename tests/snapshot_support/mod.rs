//! Snapshot files: a command's output kept in a plain text file in the repository and
//! compared byte for byte. A difference fails with a line diff (`-` expected, `+`
//! actual); with `UPDATE_GOLDEN=1` in the environment the file is rewritten instead, to
//! be reviewed with `git diff` and committed. `UPDATE_GOLDEN` is the switch the golden
//! files of the report tests already use (tests/report_support), so one variable
//! re-blesses every expected output of the crate.

use std::fs;
use std::path::Path;

/// The environment variable that rewrites snapshots instead of comparing them.
pub const BLESS: &str = "UPDATE_GOLDEN";

/// Lines of unchanged text shown around each change in a diff.
const CONTEXT: usize = 3;

/// Whether this run rewrites the snapshots (`UPDATE_GOLDEN` set to anything but empty
/// or `0`).
pub fn blessing() -> bool {
    std::env::var_os(BLESS).is_some_and(|v| !v.is_empty() && v != "0")
}

/// Compares `actual` with the snapshot at `path` (shown as `shown`, a path relative to
/// the crate), or writes it when blessing. Returns the failure to report, with the diff
/// and the command (`bless`) that accepts the new output.
pub fn check(path: &Path, shown: &str, actual: &str, bless: &str) -> Result<(), String> {
    let expected = fs::read_to_string(path).ok();
    if expected.as_deref() == Some(actual) {
        return Ok(());
    }
    if blessing() {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create the snapshot's folder");
        }
        fs::write(path, actual).expect("write the snapshot");
        eprintln!("{BLESS}: wrote {shown}");
        return Ok(());
    }
    let Some(expected) = expected else {
        return Err(format!(
            "{shown} does not exist; to create it from the output below, run\n    {BLESS}=1 {bless}\nthen review it by hand.\n{actual}"
        ));
    };
    Err(format!(
        "{shown} differs from the output (- expected, + actual):\n{}\
         If the new output is right, accept it with\n    {BLESS}=1 {bless}\nand review `git diff`.",
        diff(&expected, actual)
    ))
}

/// A line diff of `old` and `new` in the unified style: changed lines with `-` and `+`,
/// up to [`CONTEXT`] unchanged lines around them, `@@` headers with 1-based line numbers.
/// A line that differs only in its line end is shown with `⏎` where its newline is
/// missing.
pub fn diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    // lcs[i][j]: the length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    // The edit script: (tag, old line index, new line index, text).
    let mut ops: Vec<(char, usize, usize, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', i, j, a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', i, j, a[i]));
            i += 1;
        } else {
            ops.push(('+', i, j, b[j]));
            j += 1;
        }
    }
    // Hunks: runs of changes, one hunk when their contexts would touch.
    let changed: Vec<usize> = (0..ops.len()).filter(|&k| ops[k].0 != ' ').collect();
    let mut out = String::new();
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(CONTEXT);
        let mut end = changed[k];
        while k + 1 < changed.len() && changed[k + 1] - end <= 2 * CONTEXT + 1 {
            k += 1;
            end = changed[k];
        }
        let end = (end + CONTEXT + 1).min(ops.len());
        let hunk = &ops[start..end];
        let old_lines = hunk.iter().filter(|o| o.0 != '+').count();
        let new_lines = hunk.iter().filter(|o| o.0 != '-').count();
        out.push_str(&format!(
            "@@ -{},{old_lines} +{},{new_lines} @@\n",
            hunk[0].1 + 1,
            hunk[0].2 + 1
        ));
        for (tag, _, _, text) in hunk {
            out.push(*tag);
            match text.strip_suffix('\n') {
                Some(line) => out.push_str(line),
                None => {
                    out.push_str(text);
                    out.push('⏎');
                }
            }
            out.push('\n');
        }
        k += 1;
    }
    out
}

#[test]
fn a_diff_shows_the_changed_lines_with_their_context_and_line_numbers() {
    let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
    let new = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk\n";
    assert_eq!(
        diff(old, new),
        "@@ -2,9 +2,10 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n i\n j\n+k\n"
    );
    assert_eq!(diff("x\n", "x\n"), "");
    assert_eq!(diff("x\n", "x"), "@@ -1,1 +1,1 @@\n-x\n+x⏎\n");
    // Changes far apart make two hunks.
    let old: String = (0..20).map(|n| format!("{n}\n")).collect();
    let new = old.replace("2\n", "two\n").replace("17\n", "seventeen\n");
    let shown = diff(&old, &new);
    assert_eq!(shown.matches("@@ -").count(), 2, "{shown}");
    assert!(shown.starts_with("@@ -1,6 +1,6 @@\n 0\n 1\n-2\n+two\n 3\n 4\n 5\n"));
}

/// The snapshot of one audit: a `#` header saying how it was run (`header`, one or more
/// lines), the findings as `--format human --color never` prints them (`human`, its
/// summary line left out: it counts the book's files, not the findings), then where each
/// finding ends, which the human view shows only for a span within one line, from the
/// JSON findings of the same run (`findings`).
///
/// Panics unless the human view and the JSON findings agree one for one, in order, on
/// the code, severity, file, line, column, message and help: the snapshot then pins
/// both formats.
pub fn audit_snapshot(header: &str, human: &str, findings: &[serde_json::Value]) -> String {
    let body = human
        .strip_suffix('\n')
        .map(|h| h.rsplit_once('\n').map_or("", |(body, _)| body))
        .unwrap_or_else(|| panic!("the human output ends with its summary line:\n{human}"));
    let summary = &human[body.len()..];
    assert!(
        summary.trim_start().starts_with("audit: "),
        "the human output ends with its summary line:\n{human}"
    );
    let body = if body.is_empty() {
        String::new()
    } else {
        format!("{body}\n")
    };
    let blocks: Vec<&str> = body.split_terminator("\n\n").collect();
    assert_eq!(
        blocks.len(),
        findings.len(),
        "the human output and the JSON differ in their number of findings:\n{human}"
    );
    let text = |f: &serde_json::Value, key: &str| -> String {
        f[key]
            .as_str()
            .unwrap_or_else(|| panic!("`{key}` is not text in {f}"))
            .to_owned()
    };
    let mut spans = String::new();
    for (block, f) in blocks.iter().zip(findings) {
        let lines: Vec<&str> = block.lines().collect();
        let head = format!(
            "{}[{}]: {}",
            text(f, "severity"),
            text(f, "code"),
            text(f, "message")
        );
        let place = format!("--> {}:{}:{}", text(f, "file"), f["line"], f["column"]);
        assert_eq!(lines.first(), Some(&head.as_str()), "human vs JSON: {f}");
        assert_eq!(
            lines.get(1).map(|l| l.trim_start()),
            Some(place.as_str()),
            "human vs JSON: {f}"
        );
        let help = lines
            .last()
            .and_then(|l| l.trim_start().strip_prefix("= help: "));
        assert_eq!(help, f["help"].as_str(), "human vs JSON: {f}");
        spans.push_str(&format!(
            "{} {}:{}:{}-{}:{}\n",
            text(f, "code"),
            text(f, "file"),
            f["line"],
            f["column"],
            f["end_line"],
            f["end_column"]
        ));
    }
    let mut out = String::new();
    for line in header.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    if findings.is_empty() {
        out.push_str("# No findings.\n");
        return out;
    }
    out.push('\n');
    out.push_str(&body);
    out.push_str("# Where each finding starts and ends, from --format json:\n");
    out.push_str(&spans);
    out
}
