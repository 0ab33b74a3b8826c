//! The floor and the bare parse: how fast could any tool possibly read a book?
//!
//! ```text
//! cargo run --release --example bench_parse -- BOOK_DIR [--runs N] [--format json|table]
//! ```
//!
//! Measures, on rayon's default pool (one thread per core; `RAYON_NUM_THREADS` overrides):
//!
//! - `walk`: list every `.yaml`/`.yml` file under BOOK_DIR (no reads);
//! - `io_floor`: walk + read every such file into memory;
//! - `bare_parse`: walk + read + run the saphyr-parser event parser to the end on each file
//!   (no tree, no typing: the least any YAML-reading tool must do).
//!
//! Each is timed best-of-N (default 3) after one warm-up run, in seconds of wall time; the
//! CPU time (user + system, all threads, best run) is reported too, as it is less disturbed
//! by other load on the machine. Output is one JSON object per line (default) or a table. The walk is parallel per folder, so the
//! floor is what a well-written tool could reach, not what a naive one does.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use saphyr_parser::Parser;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Walk,
    Read,
    Parse,
}

#[derive(Default)]
struct Totals {
    files: AtomicU64,
    bytes: AtomicU64,
    events: AtomicU64,
    errors: AtomicU64,
}

fn is_yaml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// Recursively visit `dir`: files are handled inline, sub-folders fan out on rayon.
fn visit(dir: &Path, mode: Mode, totals: &Totals, first_error: &std::sync::Mutex<Option<String>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut subdirs: Vec<PathBuf> = Vec::new();
    for entry in entries.flatten() {
        let Ok(ft) = entry.file_type() else { continue };
        let path = entry.path();
        if ft.is_dir() {
            // Hidden folders (.git) are not part of the book.
            if !entry.file_name().to_string_lossy().starts_with('.') {
                subdirs.push(path);
            }
        } else if ft.is_file() && is_yaml(&path) {
            handle(&path, mode, totals, first_error);
        }
    }
    subdirs
        .par_iter()
        .for_each(|d| visit(d, mode, totals, first_error));
}

fn handle(
    path: &Path,
    mode: Mode,
    totals: &Totals,
    first_error: &std::sync::Mutex<Option<String>>,
) {
    totals.files.fetch_add(1, Ordering::Relaxed);
    if mode == Mode::Walk {
        return;
    }
    let Ok(bytes) = std::fs::read(path) else {
        totals.errors.fetch_add(1, Ordering::Relaxed);
        return;
    };
    totals
        .bytes
        .fetch_add(bytes.len() as u64, Ordering::Relaxed);
    if mode == Mode::Read {
        return;
    }
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            note_error(first_error, path, &e.to_string());
            totals.errors.fetch_add(1, Ordering::Relaxed);
            return;
        }
    };
    let mut events = 0u64;
    for ev in Parser::new_from_str(text) {
        match ev {
            Ok(_) => events += 1,
            Err(e) => {
                note_error(first_error, path, &e.to_string());
                totals.errors.fetch_add(1, Ordering::Relaxed);
                break;
            }
        }
    }
    totals.events.fetch_add(events, Ordering::Relaxed);
}

fn note_error(first: &std::sync::Mutex<Option<String>>, path: &Path, msg: &str) {
    if let Ok(mut g) = first.lock()
        && g.is_none()
    {
        *g = Some(format!("{}: {msg}", path.display()));
    }
}

/// User + system CPU seconds of this process so far (all threads), from /proc/self/stat;
/// `None` where that is not available. Resolution: one clock tick (10 ms).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may contain spaces) start at field 3 (state);
    // utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

struct Measure {
    what: &'static str,
    best: f64,
    /// CPU seconds (user + system, all threads) of the fastest-CPU run.
    cpu: Option<f64>,
    runs: Vec<f64>,
    files: u64,
    bytes: u64,
    events: u64,
    errors: u64,
    first_error: Option<String>,
}

fn measure(root: &Path, mode: Mode, what: &'static str, runs: usize) -> Measure {
    let mut times = Vec::new();
    let mut cpu: Option<f64> = None;
    let mut last = None;
    // One warm-up run, then `runs` timed ones.
    for i in 0..=runs {
        let totals = Totals::default();
        let first_error = std::sync::Mutex::new(None);
        let c0 = cpu_seconds();
        let t0 = Instant::now();
        visit(root, mode, &totals, &first_error);
        let dt = t0.elapsed().as_secs_f64();
        if i > 0 {
            times.push(dt);
            if let (Some(a), Some(b)) = (c0, cpu_seconds()) {
                cpu = Some(cpu.map_or(b - a, |c| c.min(b - a)));
            }
        }
        last = Some((totals, first_error));
    }
    let (totals, first_error) = last.unwrap_or_default();
    Measure {
        what,
        best: times.iter().copied().fold(f64::INFINITY, f64::min),
        cpu,
        runs: times,
        files: totals.files.into_inner(),
        bytes: totals.bytes.into_inner(),
        events: totals.events.into_inner(),
        errors: totals.errors.into_inner(),
        first_error: first_error.into_inner().ok().flatten(),
    }
}

fn run() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let mut book: Option<PathBuf> = None;
    let mut runs = 3usize;
    let mut table = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => runs = args.next().context("--runs needs a number")?.parse()?,
            "--format" => match args.next().as_deref() {
                Some("json") => table = false,
                Some("table") => table = true,
                other => bail!("--format json|table, not {other:?}"),
            },
            "-h" | "--help" => {
                println!("usage: bench_parse BOOK_DIR [--runs N] [--format json|table]");
                return Ok(());
            }
            s if s.starts_with('-') => bail!("unknown option {s}"),
            s => book = Some(PathBuf::from(s)),
        }
    }
    let Some(root) = book else {
        bail!("usage: bench_parse BOOK_DIR [--runs N] [--format json|table]");
    };
    if !root.join("rapport.yaml").is_file() {
        bail!("{} has no rapport.yaml: not a book", root.display());
    }
    let runs = runs.max(1);
    let threads = rayon::current_num_threads();
    let results = [
        measure(&root, Mode::Walk, "walk", runs),
        measure(&root, Mode::Read, "io_floor", runs),
        measure(&root, Mode::Parse, "bare_parse", runs),
    ];
    if table {
        let floor = results[1].best;
        println!(
            "threads: {threads}, files: {}, bytes: {}",
            results[1].files, results[1].bytes
        );
        println!("| what | seconds | × I/O floor | CPU s |");
        println!("|---|---:|---:|---:|");
        for r in &results {
            let cpu = r.cpu.map_or("n/a".to_string(), |c| format!("{c:.2}"));
            println!(
                "| {} | {:.3} | {:.2} | {cpu} |",
                r.what,
                r.best,
                r.best / floor
            );
        }
        if results[2].errors > 0 {
            println!("parse errors: {}", results[2].errors);
        }
    } else {
        for r in &results {
            let runs: Vec<String> = r.runs.iter().map(|t| format!("{t:.4}")).collect();
            println!(
                "{}",
                serde_json::json!({
                    "what": r.what,
                    "seconds": (r.best * 10_000.0).round() / 10_000.0,
                    "cpu_seconds": r.cpu.map(|c| (c * 100.0).round() / 100.0),
                    "runs": runs.iter().filter_map(|s| s.parse::<f64>().ok()).collect::<Vec<_>>(),
                    "files": r.files,
                    "bytes": r.bytes,
                    "events": r.events,
                    "errors": r.errors,
                    "threads": threads,
                })
            );
        }
    }
    if let Some(e) = &results[2].first_error {
        eprintln!(
            "bench_parse: {} file(s) failed to parse; first: {e}",
            results[2].errors
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench_parse: {e:#}");
            ExitCode::from(2)
        }
    }
}
