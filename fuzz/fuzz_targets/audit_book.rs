//! Arbitrary bytes as a whole book, audited: the input is up to 32 files separated by
//! NUL bytes. Each file is a selector byte (its kind, `selector % 9` as in parse_file),
//! a name line and the file's text:
//!
//! ```text
//! <selector>CLIENT\n<client.yaml>         clients/CLIENT/client.yaml
//! <selector>CLIENT/ID\n<text>             clients/CLIENT/<folder>/ID.yaml
//! <selector>ID\n<text>                    contractors/ID.yaml
//! <selector>anything\n<text>              rapport.yaml
//! ```
//!
//! A name that is not plain (`[A-Za-z0-9_.-]`, not starting with a dot) falls back to a
//! default. The book starts as the example book's rapport.yaml and one client, `acme`
//! (the example's lesnaya-polyana client.yaml), which the input's files may replace. The
//! book is loaded (without, then through, the parse cache, which must agree), audited and
//! rendered in every format; when the first byte is 128 or more, the read-only commands
//! run on it too (they load the book once each: slow, so only for some inputs).
#![no_main]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

const SETTINGS: &[u8] = include_bytes!("../../examples/agency/rapport.yaml");
const CLIENT: &[u8] = include_bytes!("../../examples/agency/clients/lesnaya-polyana/client.yaml");
const MAX_FILES: usize = 32;

/// This process's scratch folder; stdout goes to /dev/null once, here.
fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        silence_stdout();
        let dir = std::env::temp_dir().join(format!("rapport-fuzz-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create the scratch folder");
        dir
    })
}

fn silence_stdout() {
    let Ok(null) = fs::OpenOptions::new().write(true).open("/dev/null") else {
        return;
    };
    use std::os::fd::AsRawFd;
    // SAFETY: both are open descriptors; dup2 replaces fd 1 with /dev/null.
    unsafe {
        libc::dup2(null.as_raw_fd(), 1);
    }
}

fn plain(name: &[u8]) -> Option<&str> {
    let s = std::str::from_utf8(name).ok()?;
    let ok = !s.is_empty()
        && s.len() <= 80
        && !s.starts_with('.')
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.');
    ok.then_some(s)
}

/// Where a file of this selector and name goes, relative to the book.
fn place(selector: u8, name: &[u8]) -> String {
    let kind = rapport::fuzzing::KINDS[usize::from(selector) % rapport::fuzzing::KINDS.len()];
    let mut parts = name.splitn(2, |b| *b == b'/');
    let first = parts.next().and_then(plain);
    let second = parts.next().and_then(plain);
    match kind {
        "settings" => "rapport.yaml".to_owned(),
        "client" => format!("clients/{}/client.yaml", first.unwrap_or("acme")),
        "contractor" => format!("contractors/{}.yaml", first.unwrap_or("print")),
        folder_kind => {
            let folder = match folder_kind {
                "contract" => "contracts",
                "project" => "projects",
                "meeting" => "meetings",
                "log" => "log",
                "act" => "acts",
                _ => "invoices",
            };
            let (client, id) = match (first, second) {
                (Some(c), Some(i)) => (c, i),
                (Some(i), None) => ("acme", i),
                _ => ("acme", "f"),
            };
            format!("clients/{client}/{folder}/{id}.yaml")
        }
    }
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        let _ = fs::create_dir_all(parent);
    }
    let _ = fs::write(path, bytes);
}

fuzz_target!(|data: &[u8]| {
    let root = scratch().join("book");
    let _ = fs::remove_dir_all(&root);
    write(&root, "rapport.yaml", SETTINGS);
    write(&root, "clients/acme/client.yaml", CLIENT);
    for chunk in data.split(|b| *b == 0).take(MAX_FILES) {
        let Some((&selector, rest)) = chunk.split_first() else {
            continue;
        };
        let (name, text) = match rest.iter().position(|b| *b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (&[][..], rest),
        };
        write(&root, &place(selector, name), text);
    }
    let commands = data.first().is_some_and(|b| *b >= 128);
    rapport::fuzzing::audit_dir(&root, commands);
});
