//! Compiler-style text: the finding, the file and position, the source line with a
//! caret under the fault, and the help. Colour only when asked for.

use std::fmt::Write as _;

use super::{Resolved, Summary};
use crate::book::Book;
use crate::finding::Severity;
use crate::yaml;

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn severity(&self, s: Severity, text: &str) -> String {
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.wrap(code, text)
    }

    fn blue(&self, text: &str) -> String {
        self.wrap("1;34", text)
    }

    fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Renders every finding, then a summary line.
pub fn render(book: &Book, findings: &[Resolved], summary: Summary, color: bool) -> String {
    let paint = Paint { on: color };
    let mut out = String::new();
    for f in findings {
        let head = format!("{}[{}]", f.severity, f.code);
        let _ = writeln!(
            out,
            "{}: {}",
            paint.severity(f.severity, &head),
            paint.bold(&f.message)
        );
        let line_no = f.start.line.to_string();
        let gutter = " ".repeat(line_no.len());
        let _ = writeln!(
            out,
            "{gutter}{} {}:{}:{}",
            paint.blue("-->"),
            f.file,
            f.start.line,
            f.start.col
        );
        let source_line = book
            .source(&f.file)
            .and_then(|text| yaml::line(text, f.start.line));
        if let Some(line) = source_line {
            let width = line.chars().count();
            let col = (f.start.col as usize).min(width + 1);
            let len = if f.end.line == f.start.line && f.end.col > f.start.col {
                (f.end.col - f.start.col) as usize
            } else {
                1
            }
            .min((width + 1).saturating_sub(col).max(1));
            let _ = writeln!(out, "{gutter} {}", paint.blue("|"));
            let _ = writeln!(out, "{} {} {line}", paint.blue(&line_no), paint.blue("|"));
            let _ = writeln!(
                out,
                "{gutter} {} {}{}",
                paint.blue("|"),
                " ".repeat(col - 1),
                paint.severity(f.severity, &"^".repeat(len))
            );
        }
        if let Some(help) = &f.help {
            let _ = writeln!(
                out,
                "{gutter} {} {}: {help}",
                paint.blue("="),
                paint.bold("help")
            );
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{}: {} checked: {}, {}, {}",
        paint.bold("audit"),
        plural(summary.files, "file", "files"),
        paint.severity(Severity::Error, &plural(summary.errors, "error", "errors")),
        paint.severity(
            Severity::Warning,
            &plural(summary.warnings, "warning", "warnings")
        ),
        paint.severity(Severity::Info, &plural(summary.infos, "info", "infos")),
    );
    if summary.waived > 0 {
        // Before the final newline: "…, 8 infos; 3 waived (--no-waivers shows them)".
        out.pop();
        let _ = writeln!(out, "; {} waived (--no-waivers shows them)", summary.waived);
    }
    out
}
