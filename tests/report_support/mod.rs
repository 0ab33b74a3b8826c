//! Support for the report tests (`meeting`, `agenda`, `digest`): golden files, copies
//! of fixture books, and reading an `.eml` back with Python's `email` package — a
//! parser that shares no code with the one that wrote it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `tests/golden/NAME`.
pub fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares `actual` with the golden file `name`; with `UPDATE_GOLDEN=1` in the
/// environment, writes it instead.
pub fn assert_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::write(&path, actual).expect("write the golden file");
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "output differs from {} at line {}:\n  expected: {:?}\n  actual:   {:?}\n--- actual output ---\n{actual}",
            path.display(),
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

/// Copies the folder `from` into `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("read fixture folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy fixture file");
        }
    }
}

/// Reads an `.eml` with Python's `email` package (`email.policy.default`) and
/// returns what it understood, as JSON: headers (decoded), addresses, the MIME
/// structure and the decoded text and HTML bodies.
pub fn parse_eml(path: &Path) -> serde_json::Value {
    const SCRIPT: &str = r#"
import email, email.policy, json, sys
from email.header import decode_header, make_header
with open(sys.argv[1], 'rb') as f:
    msg = email.message_from_binary_file(f, policy=email.policy.default)
def addrs(name):
    h = msg[name]
    if h is None:
        return []
    # Names through decode_header: Python's own refolding may add spaces.
    raw = msg.get_all(name, failobj=[])
    return [{"name": str(make_header(decode_header(a.display_name))) if a.display_name else "",
             "email": a.addr_spec} for a in h.addresses]
text = msg.get_body(preferencelist=('plain',))
html = msg.get_body(preferencelist=('html',))
print(json.dumps({
    "defects": [str(d) for d in msg.defects] + [str(d) for p in msg.walk() for d in p.defects],
    "subject": str(msg["Subject"]),
    "date": str(msg["Date"]),
    "message_id": str(msg["Message-ID"]),
    "x_unsent": msg["X-Unsent"],
    "mime_version": msg["MIME-Version"],
    "from": addrs("From"),
    "to": addrs("To"),
    "cc": addrs("Cc"),
    "content_type": msg.get_content_type(),
    "parts": [p.get_content_type() for p in msg.iter_parts()],
    "charsets": [p.get_content_charset() for p in msg.iter_parts()],
    "text": text.get_content() if text is not None else None,
    "html": html.get_content() if html is not None else None,
}, ensure_ascii=False))
"#;
    let out = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .arg(path)
        .output()
        .expect("python3 runs (it is on every machine the tests run on)");
    assert!(
        out.status.success(),
        "python3 could not read {}:\n{}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the script prints JSON")
}

/// Checks the raw bytes of an `.eml` the way a strict reader would: ASCII only,
/// CRLF line ends, no line over 998 characters, headers then a blank line.
pub fn assert_wire_format(bytes: &[u8]) {
    assert!(
        bytes.is_ascii(),
        "an .eml must be 7-bit: non-ASCII text is encoded"
    );
    let text = std::str::from_utf8(bytes).expect("ascii");
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    assert!(
        text.split("\r\n").all(|l| l.len() <= 998),
        "RFC 5322 limits lines to 998 characters"
    );
    assert!(text.contains("\r\n\r\n"), "headers, a blank line, the body");
}
