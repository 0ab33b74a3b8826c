//! The template engine (minijinja) and the templates it renders: built into the
//! binary, each overridable by a file of the same name in the book's `templates/`
//! folder (`templates/meeting.ru.md.j2` replaces the built-in Russian Markdown
//! report). Includes and `{% extends %}` go through the same lookup, so a book may
//! override only the shared layout.
//!
//! A template's name says its document, language and format:
//! `<document>.<locale>.<md|html|subject>.j2`. HTML templates escape every value
//! unless marked safe; Markdown and subject templates do not escape.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use minijinja::syntax::SyntaxConfig;
use minijinja::value::Value;
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior};
use serde::Serialize;

use super::locale;
use crate::model::settings::Locale;

/// The folder of a book that overrides built-in templates.
pub const FOLDER: &str = "templates";

/// The largest template file read from a book.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// Every built-in template, by name.
const BUILT_IN: &[(&str, &str)] = &[
    ("base.html.j2", include_str!("templates/base.html.j2")),
    (
        "meeting.ru.md.j2",
        include_str!("templates/meeting.ru.md.j2"),
    ),
    (
        "meeting.en.md.j2",
        include_str!("templates/meeting.en.md.j2"),
    ),
    (
        "meeting.ru.html.j2",
        include_str!("templates/meeting.ru.html.j2"),
    ),
    (
        "meeting.en.html.j2",
        include_str!("templates/meeting.en.html.j2"),
    ),
    (
        "meeting.ru.subject.j2",
        include_str!("templates/meeting.ru.subject.j2"),
    ),
    (
        "meeting.en.subject.j2",
        include_str!("templates/meeting.en.subject.j2"),
    ),
    ("digest.ru.md.j2", include_str!("templates/digest.ru.md.j2")),
    ("digest.en.md.j2", include_str!("templates/digest.en.md.j2")),
    (
        "digest.ru.html.j2",
        include_str!("templates/digest.ru.html.j2"),
    ),
    (
        "digest.en.html.j2",
        include_str!("templates/digest.en.html.j2"),
    ),
    (
        "digest.ru.subject.j2",
        include_str!("templates/digest.ru.subject.j2"),
    ),
    (
        "digest.en.subject.j2",
        include_str!("templates/digest.en.subject.j2"),
    ),
    (
        "reminder.ru.md.j2",
        include_str!("templates/reminder.ru.md.j2"),
    ),
    (
        "reminder.ru.html.j2",
        include_str!("templates/reminder.ru.html.j2"),
    ),
    (
        "reminder.ru.subject.j2",
        include_str!("templates/reminder.ru.subject.j2"),
    ),
    (
        "reminder.en.md.j2",
        include_str!("templates/reminder.en.md.j2"),
    ),
    (
        "reminder.en.html.j2",
        include_str!("templates/reminder.en.html.j2"),
    ),
    (
        "reminder.en.subject.j2",
        include_str!("templates/reminder.en.subject.j2"),
    ),
    ("task.ru.md.j2", include_str!("templates/task.ru.md.j2")),
    ("task.ru.html.j2", include_str!("templates/task.ru.html.j2")),
    (
        "task.ru.subject.j2",
        include_str!("templates/task.ru.subject.j2"),
    ),
    ("task.en.md.j2", include_str!("templates/task.en.md.j2")),
    ("task.en.html.j2", include_str!("templates/task.en.html.j2")),
    (
        "task.en.subject.j2",
        include_str!("templates/task.en.subject.j2"),
    ),
];

/// The built-in template `name`, if there is one.
pub fn built_in(name: &str) -> Option<&'static str> {
    BUILT_IN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// The kinds of output a document is rendered to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Markdown,
    Html,
    Subject,
}

impl Output {
    fn ext(self) -> &'static str {
        match self {
            Output::Markdown => "md",
            Output::Html => "html",
            Output::Subject => "subject",
        }
    }
}

/// The name of the template for `document` in `locale` and `output`.
pub fn name(document: &str, locale: Locale, output: Output) -> String {
    format!("{document}.{}.{}.j2", locale::code(locale), output.ext())
}

/// A template name a book may use: a plain file name, no folders, no hidden files.
fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Reads `templates/<name>` of the book, if it exists: never through a link that
/// leads out of the book's templates ([`crate::book::within`]).
fn read_override(dir: &Path, name: &str) -> std::io::Result<Option<String>> {
    let path = dir.join(name);
    let meta = match std::fs::symlink_metadata(&path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let book = dir.parent().unwrap_or(dir);
    if meta.is_dir() {
        return Err(std::io::Error::other("it is a folder"));
    }
    // A link, or the folder itself a link: read only what really is the book's.
    if !crate::book::within(book, FOLDER, &path) {
        return Err(std::io::Error::other(
            "it leads outside the book's templates folder (a link), so it was not read",
        ));
    }
    let meta = std::fs::metadata(&path)?;
    if meta.len() > MAX_TEMPLATE_BYTES {
        return Err(std::io::Error::other(format!(
            "it is larger than {MAX_TEMPLATE_BYTES} bytes"
        )));
    }
    std::fs::read_to_string(&path).map(Some)
}

/// The template engine for one book and one language.
pub struct Templates {
    env: Environment<'static>,
    dir: PathBuf,
}

impl Templates {
    /// The engine for the book at `root`, formatting dates and money for `locale`.
    pub fn new(root: &Path, locale: Locale) -> Result<Templates> {
        let dir = root.join(FOLDER);
        let mut env = Environment::new();
        let syntax = SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .context("template syntax")?;
        env.set_syntax(syntax);
        // Printing a misspelt variable is an error; testing one in `if` is not.
        env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
        let loader_dir = dir.clone();
        env.set_loader(move |name: &str| {
            if !is_safe_name(name) {
                return Err(Error::new(
                    ErrorKind::InvalidOperation,
                    format!(
                        "`{name}` is not a template name: use a plain file name from {FOLDER}/"
                    ),
                ));
            }
            match read_override(&loader_dir, name) {
                Ok(Some(text)) => Ok(Some(text)),
                Ok(None) => Ok(built_in(name).map(str::to_owned)),
                Err(e) => Err(Error::new(
                    ErrorKind::InvalidOperation,
                    format!("cannot read {FOLDER}/{name}: {e}"),
                )),
            }
        });
        register_filters(&mut env, locale);
        Ok(Templates { env, dir })
    }

    /// Renders the HTML template `name` of a letter whose text is `markdown`: its
    /// paragraphs (split at blank lines, each a list of trimmed lines) with its subject
    /// and language, for the HTML part of an email draft.
    pub fn render_paragraphs(
        &self,
        name: &str,
        locale: Locale,
        subject: &str,
        markdown: &str,
    ) -> Result<String> {
        let paragraphs: Vec<Vec<&str>> = markdown
            .split("\n\n")
            .map(|p| {
                p.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
            })
            .filter(|p| !p.is_empty())
            .collect();
        #[derive(Serialize)]
        struct HtmlView<'a> {
            lang: &'static str,
            subject: &'a str,
            paragraphs: &'a [Vec<&'a str>],
        }
        self.render(
            name,
            &HtmlView {
                lang: locale::code(locale),
                subject,
                paragraphs: &paragraphs,
            },
        )
    }

    /// Renders the template `name` with `ctx`.
    pub fn render(&self, name: &str, ctx: &impl Serialize) -> Result<String> {
        let origin = if self.dir.join(name).is_file() {
            format!("{FOLDER}/{name} of the book")
        } else {
            format!("the built-in template {name}")
        };
        let template = self
            .env
            .get_template(name)
            .map_err(|e| error_chain(&e))
            .with_context(|| format!("cannot load {origin}"))?;
        template
            .render(Value::from(minijinja::value::Serde(ctx)))
            .map_err(|e| error_chain(&e))
            .with_context(|| format!("cannot render {origin}"))
    }
}

/// A minijinja error with its causes and the template line, as one message.
fn error_chain(e: &Error) -> anyhow::Error {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    anyhow::anyhow!(text)
}

/// Reads `YYYY-MM-DD` (or the date of `YYYY-MM-DDTHH:MM`) for a filter.
fn filter_date(value: &str) -> Result<chrono::NaiveDate, Error> {
    let date = value.get(..10).unwrap_or(value);
    crate::model::time::parse_date(date).map_err(|_| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("`{value}` is not a date (YYYY-MM-DD)"),
        )
    })
}

/// Escapes `text` for HTML.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Filters every template may use besides minijinja's own:
/// `date_long`, `date_short`, `weekday` (of an ISO date, in the book's language),
/// `md_cell` (text made safe for a Markdown table cell) and `lines` (text with its
/// line breaks kept in HTML).
fn register_filters(env: &mut Environment<'static>, locale: Locale) {
    env.add_filter("date_long", move |v: &str| {
        filter_date(v).map(|d| locale::long_date(locale, d))
    });
    env.add_filter("date_short", move |v: &str| {
        filter_date(v).map(|d| locale::short_date(locale, d))
    });
    env.add_filter("weekday", move |v: &str| {
        filter_date(v).map(|d| locale::weekday(locale, d).to_owned())
    });
    env.add_filter("md_cell", |v: &str| md_cell(v));
    env.add_filter("lines", |v: &str| {
        let html: Vec<String> = v.trim_end().lines().map(escape_html).collect();
        Value::from_safe_string(html.join("<br>\n"))
    });
}

/// Text for one cell of a Markdown table: on one line, pipes escaped.
pub fn md_cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_template_parses() {
        let tmp = tempfile::tempdir().expect("tempdir");
        for locale in [Locale::Ru, Locale::En] {
            let t = Templates::new(tmp.path(), locale).expect("engine");
            for (name, _) in BUILT_IN {
                t.env
                    .get_template(name)
                    .unwrap_or_else(|e| panic!("{name}: {e:#}"));
            }
        }
    }

    #[test]
    fn a_book_template_overrides_the_built_in_and_includes_resolve_through_the_book() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join(FOLDER);
        std::fs::create_dir(&dir).expect("mkdir");
        std::fs::write(dir.join("part.j2"), "[{{ x | date_long }}]").expect("write");
        std::fs::write(
            dir.join("meeting.en.md.j2"),
            "A {% include \"part.j2\" %}\n",
        )
        .expect("write");
        let t = Templates::new(tmp.path(), Locale::En).expect("engine");
        let out = t
            .render("meeting.en.md.j2", &serde_json::json!({"x": "2026-11-18"}))
            .expect("render");
        // `trim_blocks`: the line break after a block tag (here the include) goes.
        assert_eq!(out, "A [18 November 2026]");
    }

    #[test]
    fn template_names_cannot_leave_the_folder() {
        for bad in ["../secret", "/etc/passwd", ".hidden", "a/b.j2", ""] {
            assert!(!is_safe_name(bad), "{bad}");
        }
        assert!(is_safe_name("meeting.ru.md.j2"));
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join(FOLDER);
        std::fs::create_dir(&dir).expect("mkdir");
        std::fs::write(dir.join("evil.j2"), "{% include \"../x\" %}").expect("write");
        let t = Templates::new(tmp.path(), Locale::Ru).expect("engine");
        let err = t.render("evil.j2", &()).expect_err("refused");
        assert!(
            format!("{err:#}").contains("is not a template name"),
            "{err:#}"
        );
    }

    #[test]
    fn errors_name_the_template_and_its_origin() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join(FOLDER);
        std::fs::create_dir(&dir).expect("mkdir");
        std::fs::write(dir.join("x.md.j2"), "{{ nope }}").expect("write");
        std::fs::write(dir.join("y.md.j2"), "{% if %}").expect("write");
        std::fs::write(dir.join("z.md.j2"), "{{ '2026-13-01' | date_long }}").expect("write");
        let t = Templates::new(tmp.path(), Locale::Ru).expect("engine");
        let err = format!("{:#}", t.render("x.md.j2", &()).expect_err("undefined"));
        assert!(
            err.contains("templates/x.md.j2 of the book") && err.contains("undefined"),
            "{err}"
        );
        let err = format!("{:#}", t.render("y.md.j2", &()).expect_err("syntax"));
        assert!(
            err.contains("cannot load templates/y.md.j2") && err.contains("syntax"),
            "{err}"
        );
        let err = format!("{:#}", t.render("z.md.j2", &()).expect_err("date"));
        assert!(err.contains("is not a date"), "{err}");
        let err = format!("{:#}", t.render("missing.md.j2", &()).expect_err("missing"));
        assert!(
            err.contains("built-in template missing.md.j2") && err.contains("not found"),
            "{err}"
        );
    }

    #[test]
    fn html_escapes_and_markdown_cells_stay_on_one_line() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join(FOLDER);
        std::fs::create_dir(&dir).expect("mkdir");
        std::fs::write(dir.join("t.html.j2"), "{{ v }}|{{ v | lines }}").expect("write");
        let t = Templates::new(tmp.path(), Locale::Ru).expect("engine");
        let out = t
            .render("t.html.j2", &serde_json::json!({"v": "<b>\n&"}))
            .expect("render");
        assert_eq!(out, "&lt;b&gt;\n&amp;|&lt;b&gt;<br>\n&amp;");
        assert_eq!(md_cell("a | b\n c"), "a \\| b c");
    }
}
