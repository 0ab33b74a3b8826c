//! Compiler-style text: the finding, the file and position, the source line with a
//! caret under the fault (a long line cut to a window around it), and the help.
//! Colour only when asked for.

use std::borrow::Cow;
use std::fmt::Write as _;

use rayon::prelude::*;

use super::{Resolved, Summary};
use crate::book::Book;
use crate::finding::Severity;
use crate::i18n::Lang;
use crate::msg;
use crate::yaml;

/// What a book's file holds, shown on a terminal: a tab as a space (so that the caret
/// stays under its column), other control characters as `�`.
fn printable(text: &str) -> Cow<'_, str> {
    super::printable(text, &[])
}

struct Paint {
    on: bool,
}

/// The frame's words in one language, worded once per run.
struct Words {
    lang: Lang,
    error: String,
    warning: String,
    info: String,
    help: String,
}

impl Words {
    fn new(lang: Lang) -> Self {
        Words {
            lang,
            error: msg!("audit-severity-error").render(lang),
            warning: msg!("audit-severity-warning").render(lang),
            info: msg!("audit-severity-info").render(lang),
            help: msg!("audit-help").render(lang),
        }
    }

    fn severity(&self, s: Severity) -> &str {
        match s {
            Severity::Error => &self.error,
            Severity::Warning => &self.warning,
            Severity::Info => &self.info,
        }
    }
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

/// The most characters of a source line shown under a finding; a longer line is cut
/// to this many around the caret, with `…` where text was left out.
const SHOWN: usize = 120;

/// How many of the shown characters come before the caret when a line is cut.
const BEFORE_CARET: usize = SHOWN / 2;

/// What to show of `line` for a caret at character column `col` (1-based, at most one
/// past the last character) that is `len` characters long: the text, and the caret's
/// column and length in it. Counts characters, not bytes, so the caret stays under its
/// character in Cyrillic text. A tab is shown as one space and any other control
/// character as `�`, one for one: the caret stays in place, and a book's bytes never
/// reach the terminal as escapes.
fn window(line: &str, col: usize, len: usize) -> (Cow<'_, str>, usize, usize) {
    let width = line.chars().count();
    if width <= SHOWN {
        return (printable(line), col, len);
    }
    let caret = col.saturating_sub(1).min(width);
    let start = caret.saturating_sub(BEFORE_CARET).min(width - SHOWN);
    let end = start + SHOWN;
    let byte = |n: usize| line.char_indices().nth(n).map_or(line.len(), |(i, _)| i);
    let mut shown = String::with_capacity(SHOWN * 4 + 6);
    if start > 0 {
        shown.push('…');
    }
    shown.push_str(&printable(&line[byte(start)..byte(end)]));
    if end < width {
        shown.push('…');
    }
    let col = caret - start + 1 + usize::from(start > 0);
    let len = len.min(end.saturating_sub(caret)).max(1);
    (shown.into(), col, len)
}

/// Findings rendered per task: each is independent of the others, so they are
/// rendered (and their files read for the source lines) in parallel.
const PER_TASK: usize = 256;

/// Renders every finding, then a summary line, in `lang`.
pub fn render(
    book: &Book,
    findings: &[Resolved],
    summary: Summary,
    color: bool,
    lang: Lang,
) -> String {
    let paint = Paint { on: color };
    let words = Words::new(lang);
    let parts: Vec<String> = findings
        .par_chunks(PER_TASK)
        .map(|chunk| {
            let mut out = String::new();
            for f in chunk {
                finding(&mut out, book, f, &paint, &words);
            }
            out
        })
        .collect();
    let mut out = String::with_capacity(parts.iter().map(String::len).sum::<usize>() + 256);
    for part in &parts {
        out.push_str(part);
    }
    // "…, 8 infos; 3 waived (--no-waivers shows them)" when waivers silenced some.
    let waived = if summary.waived > 0 {
        msg!("audit-waived", n = summary.waived).render(lang)
    } else {
        String::new()
    };
    let count =
        |severity: Severity, msg: crate::i18n::Msg| paint.severity(severity, &msg.render(lang));
    let line = msg!(
        "audit-summary",
        title = paint.bold(&msg!("audit-title").render(lang)),
        files = msg!("audit-files", n = summary.files),
        errors = count(Severity::Error, msg!("audit-errors", n = summary.errors)),
        warnings = count(
            Severity::Warning,
            msg!("audit-warnings", n = summary.warnings)
        ),
        infos = count(Severity::Info, msg!("audit-infos", n = summary.infos)),
        waived = waived,
    );
    let _ = writeln!(out, "{}", line.render(lang));
    out
}

/// Renders one finding: the headline, where it is, the source line with its caret,
/// the help.
fn finding(out: &mut String, book: &Book, f: &Resolved, paint: &Paint, words: &Words) {
    let (message, help) = f.in_lang(words.lang);
    let head = format!("{}[{}]", words.severity(f.severity), f.code);
    let _ = writeln!(
        out,
        "{}: {}",
        paint.severity(f.severity, &head),
        paint.bold(&printable(&message))
    );
    let line_no = f.start.line.to_string();
    let gutter = " ".repeat(line_no.len());
    let _ = writeln!(
        out,
        "{gutter}{} {}:{}:{}",
        paint.blue("-->"),
        printable(&f.file),
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
        let (line, col, len) = window(line, col, len);
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
    if let Some(help) = &help {
        let help = printable(help);
        let _ = writeln!(
            out,
            "{gutter} {} {}: {help}",
            paint.blue("="),
            paint.bold(&words.help)
        );
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shown text, and the characters under the caret.
    fn cut(line: &str, col: usize, len: usize) -> (String, String, usize) {
        let (shown, c, l) = window(line, col, len);
        let under: String = shown.chars().skip(c - 1).take(l).collect();
        (shown.into_owned(), under, c)
    }

    #[test]
    fn a_line_of_up_to_120_characters_is_shown_whole() {
        let line = "д".repeat(120);
        let (shown, col, len) = window(&line, 100, 3);
        assert_eq!((shown.as_ref(), col, len), (line.as_str(), 100, 3));
        let line = "ключ: значение";
        assert_eq!(window(line, 7, 8), (line.into(), 7, 8));
    }

    #[test]
    fn a_long_cyrillic_line_is_cut_around_a_caret_far_into_it() {
        // 600 characters (over 1,100 bytes); the caret on `birthdy`, at character 501.
        let line = format!("{}birthdy: --04-12{}", "ы".repeat(500), "я".repeat(84));
        assert_eq!(line.chars().count(), 600);
        let (shown, under, col) = cut(&line, 501, 7);
        assert_eq!(under, "birthdy");
        assert_eq!(col, 1 + BEFORE_CARET + 1, "`…` and 60 characters before it");
        assert_eq!(
            shown,
            format!("…{}birthdy: --04-12{}…", "ы".repeat(60), "я".repeat(44))
        );
        assert_eq!(shown.chars().count(), SHOWN + 2);
    }

    #[test]
    fn a_caret_near_the_start_cuts_only_the_end() {
        let line = format!("имя: {}", "ж".repeat(300));
        let (shown, under, col) = cut(&line, 1, 3);
        assert_eq!((under.as_str(), col), ("имя", 1));
        assert_eq!(shown, format!("имя: {}…", "ж".repeat(115)));
        // Up to 60 characters in, the line is still shown from its start.
        let (shown, under, col) = cut(&line, 61, 1);
        assert_eq!((under.as_str(), col), ("ж", 61));
        assert!(!shown.starts_with('…'), "{shown}");
        let (shown, _, col) = cut(&line, 62, 1);
        assert!(shown.starts_with('…'), "{shown}");
        assert_eq!(col, 62);
    }

    #[test]
    fn a_caret_near_the_end_cuts_only_the_start() {
        let line = format!("{}конец", "ш".repeat(295));
        let (shown, under, col) = cut(&line, 296, 5);
        assert_eq!(under, "конец");
        assert_eq!(shown, format!("…{}конец", "ш".repeat(115)));
        assert_eq!(col, 117);
        // Past the last character (an unexpected end): the caret just after the text.
        let (shown, col, len) = window(&line, 301, 1);
        assert_eq!(shown, format!("…{}конец", "ш".repeat(115)));
        assert_eq!((col, len), (122, 1));
    }

    #[test]
    fn control_characters_are_shown_one_for_one_and_never_as_escapes() {
        let line = "name: \"\tИван\x1b[2J\x07\", birthdy: x";
        let (shown, under, col) = cut(line, 21, 7);
        assert_eq!(shown, "name: \" Иван\u{FFFD}[2J\u{FFFD}\", birthdy: x");
        assert_eq!((under.as_str(), col), ("birthdy", 21));
        let long = format!("{}\x1b[31m{}", "ж".repeat(200), "з".repeat(200));
        let (shown, under, _) = cut(&long, 201, 5);
        assert_eq!(under, "\u{FFFD}[31m");
        assert!(!shown.contains('\x1b'), "{shown}");
    }

    #[test]
    fn a_span_longer_than_the_window_is_underlined_up_to_the_cut() {
        let line = format!("текст: {}", "щ".repeat(400));
        let (shown, col, len) = window(&line, 8, 400);
        assert_eq!(col, 8);
        assert_eq!(len, SHOWN - 7);
        assert_eq!(shown.chars().count(), SHOWN + 1);
        assert!(shown.ends_with("щ…"), "{shown}");
    }
}
