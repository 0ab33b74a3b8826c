//! `--format github`: GitHub Actions workflow commands, one annotation per finding,
//! shown on the changed lines of a pull request. File paths are relative to the book
//! root: run the audit with the book at the repository root, or from it.

use std::fmt::Write as _;

use super::{Resolved, Summary};
use crate::finding::Severity;

/// Escapes a message (the part after `::`).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(findings: &[Resolved], summary: Summary) -> String {
    let mut out = String::new();
    for f in findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&f.file),
            f.start.line,
            f.start.col,
            f.end.line.max(f.start.line),
            f.end.col.max(f.start.col),
            property(&format!("rapport {}", f.code)),
            data(&message)
        );
    }
    let waived = if summary.waived > 0 {
        format!(", {} waived", summary.waived)
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "rapport audit: {} files, {} errors, {} warnings, {} infos{waived}",
        summary.files, summary.errors, summary.warnings, summary.infos
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_annotations_on_one_line() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
    }
}
