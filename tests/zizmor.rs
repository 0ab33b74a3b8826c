//! The example GitHub workflow (`docs/examples/github-workflow.yml`) passes zizmor, the
//! GitHub Actions auditor (PyPI, pinned, in the tests' own venv: tests/checkers), with
//! no findings: the checkout keeps no token on disk (`persist-credentials: false`),
//! every action is pinned to a commit, the job has only the permissions it needs.
//!
//! zizmor runs `--offline` (its audits that ask GitHub are left out; the machine that
//! runs the tests may have no network) and `--no-config` (no zizmor.yml from around
//! can silence a finding). It exits 0 with no findings, 1 when it failed to run, and
//! 11 to 14 by the highest severity found (informational to high).

mod checkers;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

fn workflow() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/github-workflow.yml")
}

/// `zizmor --offline --no-config ARGS FILE`.
fn zizmor(args: &[&str], file: &Path) -> Output {
    checkers::checkers()
        .command("zizmor")
        .args([
            "--offline",
            "--no-config",
            "--color",
            "never",
            "--no-progress",
        ])
        .args(args)
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("zizmor could not be run: {e}"))
}

fn said(out: &Output) -> String {
    format!(
        "exit code {:?}\n--- stdout:\n{}\n--- stderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The audits that find something, from zizmor's JSON.
fn findings(out: &Output) -> Vec<String> {
    let found: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("zizmor's JSON ({e}):\n{}", said(out)));
    found
        .as_array()
        .unwrap_or_else(|| panic!("a list of findings:\n{}", said(out)))
        .iter()
        .map(|f| f["ident"].as_str().unwrap_or("?").to_owned())
        .collect()
}

#[test]
fn the_example_workflow_has_no_findings() {
    // The default persona, as users run it, and the pedantic one.
    for persona in ["regular", "pedantic"] {
        let out = zizmor(&["--persona", persona], &workflow());
        let text = said(&out);
        assert_eq!(
            out.status.code(),
            Some(0),
            "zizmor --persona {persona}:\n{text}"
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("No findings to report"),
            "zizmor --persona {persona}:\n{text}"
        );
        let json = zizmor(&["--persona", persona, "--format", "json"], &workflow());
        assert_eq!(findings(&json), Vec::<String>::new(), "{}", said(&json));
        assert_eq!(json.status.code(), Some(0), "{}", said(&json));
    }
}

/// The check can fail: the workflow as it was before (a tag, not a commit; the token
/// persisted) gives the findings the example must not have.
#[test]
fn zizmor_finds_an_unpinned_action_and_a_persisted_token() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let old = dir.path().join("old.yml");
    let text = fs::read_to_string(workflow()).expect("read the workflow");
    let checkout = text
        .lines()
        .find(|l| l.contains("uses: actions/checkout@"))
        .expect("the checkout step");
    let text = text
        .replace(checkout, "      - uses: actions/checkout@v5")
        .replace("        with:\n          persist-credentials: false\n", "");
    assert!(
        !text.contains("          persist-credentials: false\n"),
        "{text}"
    );
    fs::write(&old, text).expect("write the old workflow");

    let json = zizmor(&["--format", "json"], &old);
    let found = findings(&json);
    assert!(found.contains(&"artipacked".to_owned()), "{}", said(&json));
    assert!(
        found.contains(&"unpinned-uses".to_owned()),
        "{}",
        said(&json)
    );
    // unpinned-uses is of high severity.
    assert_eq!(json.status.code(), Some(14), "{}", said(&json));
}

/// Each action is pinned to a full commit hash and says which release that is.
#[test]
fn every_action_is_pinned_to_a_commit_with_its_release() {
    let text = fs::read_to_string(workflow()).expect("read the workflow");
    let mut pinned = 0;
    for line in text.lines().filter(|l| l.contains("uses:")) {
        let (_, used) = line.split_once("uses:").expect("uses:");
        let (action, comment) = used.split_once(" # ").unwrap_or((used, ""));
        let (_, rev) = action.trim().split_once('@').expect("action@rev");
        assert!(
            rev.len() == 40 && rev.bytes().all(|b| b.is_ascii_hexdigit()),
            "not a commit: {line}"
        );
        assert!(
            comment.starts_with('v') && comment[1..].split('.').count() == 3,
            "no `# vX.Y.Z` release: {line}"
        );
        pinned += 1;
    }
    assert_eq!(pinned, 3, "checkout, cache, upload-sarif");
}
