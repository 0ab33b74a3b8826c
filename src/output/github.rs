//! `--format github`: GitHub Actions workflow commands, one annotation per finding,
//! shown on the changed lines of a pull request. File paths are relative to the book
//! root: run the audit with the book at the repository root, or from it.

use std::fmt::Write as _;

use super::{Resolved, Summary};
use crate::finding::Severity;
use crate::i18n::Lang;

/// Escapes a message (the part after `::`).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// `s` as shown in the workflow's log: control characters but the line breaks (which
/// [`data`] escapes) and tabs as `�`.
fn visible(s: &str) -> String {
    super::printable(s, &['\n', '\r', '\t']).into_owned()
}

/// Escapes a property value (`file=`, `title=`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// `view` names the manager's view the findings were narrowed to, if any
/// ("Дмитрий Белов's clients"); the summary line says it.
pub fn render(findings: &[Resolved], summary: Summary, lang: Lang, view: Option<&str>) -> String {
    let mut out = String::new();
    let help_label = crate::msg!("audit-help").render(lang);
    for f in findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let (message, help) = f.in_lang(lang);
        let mut message = visible(&message);
        if let Some(help) = &help {
            message.push_str(&format!("\n{help_label}: "));
            message.push_str(&visible(help));
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&visible(&f.file)),
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
    let of = view.map_or(String::new(), |label| format!(" of {label}"));
    let _ = writeln!(
        out,
        "rapport audit{of}: {} files, {} errors, {} warnings, {} infos{waived}",
        summary.files, summary.errors, summary.warnings, summary.infos
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;

    #[test]
    fn escaping_keeps_annotations_on_one_line() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
    }

    #[test]
    fn control_characters_from_the_book_are_not_passed_to_the_log() {
        let pos = crate::yaml::Pos { line: 2, col: 3 };
        let finding = Resolved {
            code: Code::R06,
            severity: Severity::Warning,
            file: "clients/a/log/x\u{1b}.yaml".into(),
            start: pos,
            end: pos,
            message: "subject `\u{1b}[31mred\u{7}` line\nbreak".into(),
            help: Some("answer\u{1b}[0m".into()),
            said: None,
        };
        let summary = Summary::of(1, std::slice::from_ref(&finding), 0);
        let out = render(&[finding], summary, Lang::En, None);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        let first = out.lines().next().unwrap_or_default();
        assert_eq!(
            first,
            "::warning file=clients/a/log/x\u{fffd}.yaml,line=2,col=3,endLine=2,endColumn=3,\
             title=rapport R06::subject `\u{fffd}[31mred\u{fffd}` line%0Abreak%0Ahelp: answer\u{fffd}[0m"
        );
    }
}
