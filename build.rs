//! Embeds the example book (`examples/agency`, every file) for `rapport init --example`:
//! writes `$OUT_DIR/example_book.rs`, a table of (path in the book, `include_bytes!`)
//! sorted by path, so the binary and its output are the same on every machine.
//!
//! The generated file names no absolute path: each file is included as
//! `concat!(env!("CARGO_MANIFEST_DIR"), "/examples/agency/…")`, resolved when rapport
//! itself is compiled, from wherever the checkout is then. Two checkouts can share one
//! target folder (`CARGO_TARGET_DIR`, which pre-commit's `cargo install` inherits), and
//! cargo may then reuse this script's output from the other checkout: with absolute
//! paths in it, rapport would embed the other checkout's files, or fail to compile
//! ("couldn't read …/examples/agency/README.md") once that checkout was gone.
//!
//! Also fingerprints the source (`RAPPORT_SOURCE_HASH`): the parse cache is keyed by
//! it, so a build whose parsing or messages differ never reads another build's cache.

use std::error::Error;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const EXAMPLE: &str = "examples/agency";

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    // A folder here makes cargo look at every file below it.
    println!("cargo::rerun-if-changed={EXAMPLE}");

    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    // Run again when the checkout moves. Cargo looks up the relative paths above in the
    // checkout being built, and this absolute one where it was when this output was
    // made: when that checkout is gone (or its Cargo.toml changed), the script runs
    // again. When it is still there, the output is right for any checkout anyway, as
    // it names no absolute path. (`rerun-if-env-changed` cannot watch
    // CARGO_MANIFEST_DIR: cargo sets it for build scripts, it is not in cargo's own
    // environment.)
    println!(
        "cargo::rerun-if-changed={}",
        manifest.join("Cargo.toml").display()
    );
    let root = manifest.join(EXAMPLE);
    let mut files = Vec::new();
    collect(&root, &root, &mut files)?;
    files.sort();

    let mut out = String::from(
        "/// Every file of the example book: (path in the book, `/`-separated; bytes), \
         sorted by path.\npub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for (rel, _) in &files {
        let from_manifest = format!("/{EXAMPLE}/{rel}");
        writeln!(
            out,
            "    ({rel:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), {from_manifest:?}))),"
        )?;
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR")?).join("example_book.rs");
    fs::write(dest, out)?;

    println!("cargo::rerun-if-changed=src");
    let mut sources = Vec::new();
    let src = manifest.join("src");
    collect(&src, &src, &mut sources)?;
    sources.sort();
    let mut hash = Fnv::new();
    for (rel, abs) in &sources {
        hash.write(rel.as_bytes());
        hash.write(&fs::read(abs)?);
    }
    println!("cargo::rustc-env=RAPPORT_SOURCE_HASH={:016x}", hash.0);
    Ok(())
}

/// FNV-1a, 64 bits: enough to tell two source trees apart, with no dependency.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Every file under `dir`, as (path relative to `root` with `/` separators, full path).
fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) -> Result<(), Box<dyn Error>> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        // Hidden files and folders (a book's .rapport/ cache) are not part of it.
        if path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'))
        {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, out)?;
            continue;
        }
        let rel = path
            .strip_prefix(root)?
            .components()
            .map(|c| {
                c.as_os_str()
                    .to_str()
                    .map(str::to_owned)
                    .ok_or_else(|| format!("{} is not a UTF-8 name", path.display()))
            })
            .collect::<Result<Vec<_>, _>>()?
            .join("/");
        let abs = path
            .to_str()
            .ok_or_else(|| format!("{} is not a UTF-8 path", path.display()))?
            .to_owned();
        out.push((rel, abs));
    }
    Ok(())
}
