//! The tests' own checkers (tests/checkers): when the venv cannot be had, the tests
//! that need it fail with a message naming what failed and how to fix it; a
//! half-built venv is never used; and the real one has every checker the tests run.

mod checkers;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// A stand-in interpreter: a shell script that prints what the probe would.
fn fake_python(dir: &Path, prints: &str) -> String {
    let path = dir.join("python3");
    fs::write(&path, format!("#!/bin/sh\nprintf '{prints}'\n")).expect("write the script");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).expect("chmod");
    path.to_str().expect("a UTF-8 path").to_owned()
}

#[test]
fn no_python_says_so_and_how_to_fix_it() {
    let root = tempfile::tempdir().expect("a temporary folder");
    let why = checkers::obtain("/nonexistent/python3", root.path(), &[])
        .expect_err("no interpreter, no checkers");
    assert!(why.contains("cannot run `/nonexistent/python3`"), "{why}");
    assert!(why.contains("python3 (3.11 or newer"), "{why}");
    assert!(why.contains("RAPPORT_TEST_PYTHON"), "{why}");
    // Nothing was made.
    assert_eq!(fs::read_dir(root.path()).expect("list").count(), 0);
}

#[test]
fn an_old_python_or_one_without_venv_says_so() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let old = fake_python(dir.path(), "False\\nTrue\\n3.9.2 (default)\\n/usr\\n");
    let why = checkers::obtain(&old, dir.path(), &[]).expect_err("too old");
    assert!(why.contains("is Python 3.9.2 (default)"), "{why}");
    assert!(why.contains("need 3.11 or newer"), "{why}");

    let no_venv = fake_python(dir.path(), "True\\nFalse\\n3.12.1\\n/usr\\n");
    let why = checkers::obtain(&no_venv, dir.path(), &[]).expect_err("no venv module");
    assert!(why.contains("has no `venv` module"), "{why}");
    assert!(why.contains("apt-get install python3-venv"), "{why}");
}

/// PyPI out of reach (an index on a closed local port): pip's failure is reported,
/// with pip's own words, and the half-built venv is neither kept as ready nor
/// reused; the next try starts it again.
#[test]
fn no_network_says_so_and_a_half_built_venv_is_never_used() {
    let root = tempfile::tempdir().expect("a temporary folder");
    let python = checkers::base_python();
    let (venv, _) = checkers::plan(&python, root.path()).expect("python3 with venv");
    // What an interrupted build leaves: a folder without the ready marker.
    fs::create_dir_all(venv.join("bin")).expect("a half-built venv");
    fs::write(venv.join("left-over"), "").expect("a file of it");
    // No index (a closed port) and no folder of wheels (an empty one, in case pip's
    // settings name one) nor config files: nothing to install from.
    let no_wheels = tempfile::tempdir().expect("a temporary folder");
    let no_wheels = no_wheels.path().to_str().expect("a UTF-8 path");
    let offline: &[(&str, &str)] = &[
        ("PIP_INDEX_URL", "http://127.0.0.1:9/simple"),
        ("PIP_FIND_LINKS", no_wheels),
        ("PIP_NO_CACHE_DIR", "1"),
        ("PIP_RETRIES", "0"),
        ("PIP_TIMEOUT", "2"),
        ("PIP_CONFIG_FILE", "/dev/null"),
    ];
    for _ in 0..2 {
        let why =
            checkers::obtain(&python, root.path(), offline).expect_err("no index, no checkers");
        assert!(
            why.contains("pip could not install the test checkers"),
            "{why}"
        );
        assert!(why.contains("is PyPI reachable?"), "{why}");
        // pip's own words are in the message.
        assert!(why.contains("127.0.0.1"), "{why}");
        assert!(
            !venv.join("left-over").exists(),
            "the half-built venv was reused"
        );
        assert!(!venv.join("ready").exists(), "a failed venv marked ready");
    }
}

/// The real venv: every checker the tests run is there, at its pinned version.
#[test]
fn the_venv_has_every_checker_at_its_pinned_version() {
    let checkers = checkers::checkers();
    let pins = fs::read_to_string(checkers::requirements()).expect("read the requirements");
    assert!(checkers.venv().join("ready").is_file());
    for (tool, package) in [
        ("check-jsonschema", "check-jsonschema"),
        ("pre-commit", "pre-commit"),
        ("zizmor", "zizmor"),
    ] {
        let out = checkers
            .command(tool)
            .arg("--version")
            .output()
            .unwrap_or_else(|e| panic!("{tool}: {e}"));
        assert!(out.status.success(), "{tool} --version: {out:?}");
        let said = String::from_utf8_lossy(&out.stdout);
        let version = pins
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{package}==")))
            .and_then(|rest| rest.split([' ', ';']).next())
            .unwrap_or_else(|| panic!("{package} is not pinned"));
        assert!(said.contains(version), "{tool}: {said} is not {version}");
    }
    for module in ["icalendar", "pypdf", "yaml", "dateutil"] {
        let out = checkers
            .python()
            .args(["-c", &format!("import {module}")])
            .output()
            .expect("the venv's python runs");
        assert!(out.status.success(), "import {module}: {out:?}");
    }
}
