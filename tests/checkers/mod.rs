//! The independent checkers the tests run (a JSON Schema validator, an iCalendar
//! parser, pre-commit, a PDF text reader, zizmor), obtained by the tests themselves:
//! a Python virtual environment under the target folder with the exact versions of
//! `tests/checkers/requirements.txt` (every package pinned and hashed), installed
//! from PyPI the first time a test asks and reused by every later run.
//!
//! - Where: `target/tmp/test-checkers/venv-KEY`, KEY a hash of the requirements and of
//!   the Python that made it (a new Python, or new pins, make a new venv).
//! - Once: test binaries run one after another and their tests in parallel threads;
//!   whoever comes first takes a file lock (`venv-KEY.lock`) and builds, the others
//!   wait on the lock. A venv is used only once its `ready` marker exists, written
//!   (atomically, by a rename) after pip finished and `pip check` passed; a venv
//!   without it is a half-built one (an interrupted run) and is built again.
//! - Loud: what is installed, and where, is written to stderr (past the test
//!   harness's capture). When the venv cannot be had (no python3, no `venv` module,
//!   no network to PyPI), every test that needs it fails with what went wrong and how
//!   to fix it: a test never passes unchecked, and never skips.
//!
//! `RAPPORT_TEST_PYTHON` names the interpreter that makes the venv (default
//! `python3`; 3.11 or newer).
#![allow(dead_code)]

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The pinned, hashed requirements (generated from `requirements.in`).
pub fn requirements() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/checkers/requirements.txt")
}

/// Where the venvs live: inside cargo's target folder, kept between runs.
pub fn venvs_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("test-checkers")
}

/// The interpreter that makes the venv.
pub fn base_python() -> String {
    std::env::var("RAPPORT_TEST_PYTHON").unwrap_or_else(|_| "python3".to_owned())
}

/// A ready venv with every checker installed.
#[derive(Debug)]
pub struct Checkers {
    venv: PathBuf,
}

impl Checkers {
    pub fn venv(&self) -> &Path {
        &self.venv
    }

    /// The venv's folder of programs (put first on PATH to run its tools by name).
    pub fn bin_dir(&self) -> PathBuf {
        self.venv.join("bin")
    }

    /// A console script of the venv: `check-jsonschema`, `pre-commit`, `zizmor`.
    pub fn command(&self, tool: &str) -> Command {
        Command::new(self.bin_dir().join(tool))
    }

    /// The venv's Python, which imports `icalendar`, `pypdf`, `yaml`.
    pub fn python(&self) -> Command {
        self.command("python")
    }
}

/// The checkers, built on first use; panics, saying why and what to do, when they
/// cannot be had.
pub fn checkers() -> &'static Checkers {
    static CHECKERS: OnceLock<Result<Checkers, String>> = OnceLock::new();
    match CHECKERS.get_or_init(|| obtain(&base_python(), &venvs_dir(), &[])) {
        Ok(checkers) => checkers,
        Err(why) => panic!("{why}"),
    }
}

/// Writes to the process's stderr, past the test harness's capture of `eprintln!`,
/// so that a run says what it installs even when its tests pass.
fn say(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}");
    let _ = err.flush();
}

fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

const HOW_TO_FIX: &str = "The tests make a Python virtual environment with the checkers they \
     need (tests/checkers/requirements.txt): they need python3 (3.11 or newer, \
     or the interpreter named by RAPPORT_TEST_PYTHON) with its `venv` module (on Debian \
     and Ubuntu: `apt-get install python3-venv`), and PyPI reachable the first time (or \
     a mirror, through pip's own PIP_INDEX_URL).";

/// What the base interpreter says of itself: the key's part and the checks.
const PROBE: &str = "import sys\n\
    ok = sys.version_info >= (3, 11)\n\
    try:\n\
    \x20   import venv, ensurepip\n\
    \x20   has_venv = True\n\
    except ImportError:\n\
    \x20   has_venv = False\n\
    print(ok, has_venv, sys.version.replace(chr(10), ' '), sys.base_prefix, sep='\\n')\n";

/// Where the venv of `python` goes under `root`, and the interpreter's version; or
/// why that interpreter cannot make it.
pub fn plan(python: &str, root: &Path) -> Result<(PathBuf, String), String> {
    let probe = Command::new(python)
        .args(["-c", PROBE])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run `{python}` ({e}). {HOW_TO_FIX}"))?;
    if !probe.status.success() {
        return Err(format!(
            "`{python}` failed:\n{}\n{HOW_TO_FIX}",
            said(&probe)
        ));
    }
    let text = String::from_utf8_lossy(&probe.stdout).into_owned();
    let mut lines = text.lines();
    let (new_enough, has_venv, version) = (lines.next(), lines.next(), lines.next());
    let version = version.unwrap_or("?").to_owned();
    if new_enough != Some("True") {
        return Err(format!(
            "`{python}` is Python {version}; the pinned checkers need 3.11 or newer. {HOW_TO_FIX}"
        ));
    }
    if has_venv != Some("True") {
        return Err(format!(
            "`{python}` (Python {version}) has no `venv` module with `ensurepip`. {HOW_TO_FIX}"
        ));
    }
    let reqs = requirements();
    let mut keyed = fs::read(&reqs).map_err(|e| format!("cannot read {}: {e}", reqs.display()))?;
    // The key: the pins, and the interpreter (its version and installation), since a
    // venv runs on the Python that made it.
    keyed.extend_from_slice(text.as_bytes());
    let key = format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&keyed));
    Ok((root.join(format!("venv-{key}")), version))
}

/// Makes (or finds) the venv of `python` under `root`, its pip run with `pip_env` set
/// too: the checkers, or what went wrong, in words for the person running the tests.
pub fn obtain(python: &str, root: &Path, pip_env: &[(&str, &str)]) -> Result<Checkers, String> {
    let (venv, version) = plan(python, root)?;
    let ready = venv.join("ready");
    if ready.is_file() {
        return Ok(Checkers { venv });
    }
    fs::create_dir_all(root).map_err(|e| format!("cannot create {}: {e}", root.display()))?;
    let mut lock_path = venv.clone().into_os_string();
    lock_path.push(".lock");
    let lock_path = PathBuf::from(lock_path);
    let lock = File::create(&lock_path)
        .map_err(|e| format!("cannot create {}: {e}", lock_path.display()))?;
    // Another test (thread or binary) may be building it: wait for it to finish.
    lock.lock()
        .map_err(|e| format!("cannot lock {}: {e}", lock_path.display()))?;
    if ready.is_file() {
        return Ok(Checkers { venv });
    }
    let built = build(python, &version, &venv, &requirements(), pip_env);
    // The lock goes with the file, whatever happened.
    drop(lock);
    built.map(|()| Checkers { venv })
}

/// The checkers' names and versions (the packages requirements.in names), and how
/// many packages they bring, for the message.
fn pinned(reqs: &Path) -> String {
    let text = fs::read_to_string(reqs).unwrap_or_default();
    let (mut direct, mut all) = (Vec::new(), 0);
    let mut pin = "";
    for line in text.lines() {
        if !line.starts_with([' ', '#']) && line.contains("==") {
            pin = line.split([' ', ';']).next().unwrap_or(line);
            all += 1;
        } else if line.trim_start().starts_with('#') && line.contains("requirements.in") {
            direct.push(pin);
        }
    }
    format!(
        "{} (and {} packages they need)",
        direct.join(" "),
        all - direct.len()
    )
}

fn build(
    python: &str,
    version: &str,
    venv: &Path,
    reqs: &Path,
    pip_env: &[(&str, &str)],
) -> Result<(), String> {
    let started = std::time::Instant::now();
    say(&format!(
        "test checkers: making a Python virtual environment (once; later runs reuse it)\n\
         \x20 at   {}\n\
         \x20 with {python} (Python {version})\n\
         \x20 from {} (pinned, hashes required), from PyPI:\n\
         \x20 {}",
        venv.display(),
        reqs.display(),
        pinned(reqs)
    ));
    // A folder without the ready marker is an earlier, interrupted build.
    if venv.exists() {
        fs::remove_dir_all(venv)
            .map_err(|e| format!("cannot remove the half-built {}: {e}", venv.display()))?;
    }
    let made = Command::new(python)
        .arg("-m")
        .arg("venv")
        .arg(venv)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run `{python} -m venv`: {e}. {HOW_TO_FIX}"))?;
    if !made.status.success() {
        return Err(format!(
            "`{python} -m venv {}` failed:\n{}\n{HOW_TO_FIX}",
            venv.display(),
            said(&made)
        ));
    }
    let venv_python = venv.join("bin/python");
    // --require-hashes: every package pinned and checked; --only-binary: wheels only,
    // so nothing is built, and no unpinned build tool is fetched; --no-deps: nothing
    // beyond the file (which lists every dependency).
    let pip = Command::new(&venv_python)
        .args(["-m", "pip", "install", "--require-hashes"])
        .args(["--only-binary", ":all:", "--no-deps"])
        .args([
            "--disable-pip-version-check",
            "--no-input",
            "--progress-bar",
            "off",
        ])
        .arg("-r")
        .arg(reqs)
        .envs(pip_env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", venv_python.display()))?;
    if !pip.status.success() {
        return Err(format!(
            "pip could not install the test checkers into {} (is PyPI reachable? pip \
             said why below):\n{}\n{HOW_TO_FIX}",
            venv.display(),
            said(&pip)
        ));
    }
    let check = Command::new(&venv_python)
        .args(["-m", "pip", "check", "--disable-pip-version-check"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", venv_python.display()))?;
    if !check.status.success() {
        return Err(format!(
            "`pip check` in {} found broken requirements (tests/checkers/requirements.txt \
             lacks a dependency?):\n{}",
            venv.display(),
            said(&check)
        ));
    }
    // Ready: written aside and renamed, so a reader sees all of it or nothing.
    let mut stamp = String::new();
    let _ = writeln!(stamp, "python {version}");
    let _ = writeln!(stamp, "requirements {}", reqs.display());
    let partial = venv.join("ready.partial");
    fs::write(&partial, stamp)
        .and_then(|()| fs::rename(&partial, venv.join("ready")))
        .map_err(|e| format!("cannot mark {} ready: {e}", venv.display()))?;
    say(&format!(
        "test checkers: ready in {:.1} s: {}",
        started.elapsed().as_secs_f64(),
        venv.display()
    ));
    Ok(())
}

/// The text of a PDF as pypdf reads it, page by page, each page followed by a form
/// feed (as pdftotext did). pypdf is the independent reader: rapport's PDFs come
/// from typst, and pypdf decodes their text through the fonts' ToUnicode maps.
pub fn pdf_text(pdf: &Path) -> String {
    const SCRIPT: &str = "import sys, pypdf\n\
        for page in pypdf.PdfReader(sys.argv[1]).pages:\n\
        \x20   sys.stdout.write(page.extract_text(extraction_mode='layout') + '\\f')\n";
    let out = checkers()
        .python()
        .args(["-X", "utf8", "-c", SCRIPT])
        .arg(pdf)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("the venv's python runs: {e}"));
    assert!(
        out.status.success(),
        "pypdf could not read {}:\n{}",
        pdf.display(),
        said(&out)
    );
    String::from_utf8(out.stdout).expect("pypdf's text is UTF-8")
}

/// Runs of whitespace (spaces, no-break spaces, line breaks) as one space: a PDF
/// reader's spacing is its own guess at the layout.
pub fn one_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
