//! `--format sarif`: SARIF 2.1.0, as code-scanning services (GitHub's among them)
//! read it: every rule described in `tool.driver.rules`, every result with its rule,
//! level, message and one physical location with a full region.

use serde_json::{Value, json};

use super::Resolved;
use crate::audit::book_codes::BOOK_CODES;
use crate::audit::rules;
use crate::finding::{Code, Severity};
use crate::i18n::Lang;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// GitHub's code scanning wants a rule's short description within 1024 characters;
/// the full description keeps to the same bound.
const DESCRIPTION_MAX: usize = 1024;

/// The full description shown at the top of an alert: the explanation's "Why" section
/// as one paragraph of plain text (the whole explanation is the help), cut at a word
/// boundary to GitHub's limit; the summary when there is no such section.
fn why(doc: &str, summary: &str) -> String {
    let text = doc
        .split("## ")
        .find_map(|section| section.strip_prefix("Why\n"))
        .map(|body| body.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|text| !text.is_empty())
        .unwrap_or_else(|| summary.to_owned());
    if text.chars().count() <= DESCRIPTION_MAX {
        return text;
    }
    let mut cut: String = text.chars().take(DESCRIPTION_MAX - 1).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    cut.push('…');
    cut
}

/// A book-relative path as a relative URI reference: every byte other than an
/// unreserved character or `/` percent-encoded (UTF-8), so that a file named
/// `2026-11-02 встреча #1.yaml` is not read as a fragment or a bad escape (GitHub's
/// upload decodes the URI with `decodeURIComponent`).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Every code that can appear: the rules, then the E-codes.
fn descriptors() -> Vec<(Code, Value)> {
    let mut out: Vec<(Code, Value)> = rules::all()
        .iter()
        .map(|r| {
            let m = r.meta();
            let doc = m.explanation();
            (
                m.code,
                json!({
                    "id": m.code,
                    "name": m.name,
                    "shortDescription": {"text": m.summary},
                    "fullDescription": {"text": why(&doc, m.summary)},
                    "help": {"text": doc, "markdown": doc},
                    "defaultConfiguration": {
                        "level": level(m.severity),
                        "enabled": m.automated
                    },
                    "properties": {"automated": m.automated}
                }),
            )
        })
        .collect();
    out.extend(BOOK_CODES.iter().map(|c| {
        (
            c.code,
            json!({
                "id": c.code,
                "name": c.name,
                "shortDescription": {"text": c.summary},
                "fullDescription": {"text": c.doc},
                "help": {"text": c.doc, "markdown": c.doc},
                "defaultConfiguration": {"level": "error"}
            }),
        )
    }));
    out
}

/// A finding's message with its help, as one text, in `lang`.
fn message_text(lang: Lang, f: &Resolved) -> String {
    let (message, help) = f.in_lang(lang);
    match help {
        Some(help) => {
            let label = crate::msg!("audit-help").render(lang);
            format!("{message} ({label}: {help})")
        }
        None => message.into_owned(),
    }
}

/// The SARIF log, pretty-printed, with a final newline. In a language other than
/// English, each result's message is in that language (what code scanning shows) and
/// its English text is kept in the result's `properties.englishMessage`. With
/// `since` (`audit --since`), the findings are those new since the revision, and each
/// result says so in `baselineState` (SARIF 2.1.0 §3.27.24); the unchanged ones are
/// left out, as from the other outputs, so that code scanning raises no alert for them.
/// `view` is the manager's view the findings were narrowed to (the `view` of the JSON
/// output); when it names a manager, the run carries it in its `properties`.
pub fn render(findings: &[Resolved], lang: Lang, since: bool, view: &Value) -> String {
    let descriptors = descriptors();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let index = descriptors.iter().position(|(code, _)| *code == f.code);
            let text = message_text(lang, f);
            let end_col = if f.end > f.start && f.end.line == f.start.line {
                f.end.col
            } else if f.end.line > f.start.line {
                f.end.col.max(1)
            } else {
                f.start.col + 1
            };
            let mut result = json!({
                "ruleId": f.code,
                "level": level(f.severity),
                "message": {"text": text},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(&f.file), "uriBaseId": "%SRCROOT%"},
                        "region": {
                            "startLine": f.start.line,
                            "startColumn": f.start.col,
                            "endLine": f.end.line.max(f.start.line),
                            "endColumn": end_col
                        }
                    }
                }]
            });
            if let Some(obj) = result.as_object_mut() {
                if let Some(i) = index {
                    obj.insert("ruleIndex".to_owned(), json!(i));
                }
                if since {
                    obj.insert("baselineState".to_owned(), json!("new"));
                }
                if lang != Lang::En {
                    obj.insert(
                        "properties".to_owned(),
                        json!({"englishMessage": message_text(Lang::En, f)}),
                    );
                }
            }
            result
        })
        .collect();
    let mut run = json!({
        "tool": {
            "driver": {
                "name": "rapport",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": descriptors.into_iter().map(|(_, d)| d).collect::<Vec<_>>()
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results
    });
    if !view["manager"].is_null()
        && let Some(obj) = run.as_object_mut()
    {
        obj.insert("properties".to_owned(), json!({ "view": view }));
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [run]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::{uri, why};

    #[test]
    fn uris_are_percent_encoded_utf8() {
        assert_eq!(uri("clients/acme/client.yaml"), "clients/acme/client.yaml");
        assert_eq!(uri("a b#1,100%:x.yaml"), "a%20b%231%2C100%25%3Ax.yaml");
        assert_eq!(uri("clients/ёж/x.yaml"), "clients/%D1%91%D0%B6/x.yaml");
    }

    #[test]
    fn the_full_description_is_the_why_section() {
        let doc = "## Why\nOne\ntwo.\n\nThree.\n\n## How to fix\nFix.";
        assert_eq!(why(doc, "summary"), "One two. Three.");
        assert_eq!(why("## How to fix\nFix.", "summary"), "summary");
        let long = format!("## Why\n{}", "word ".repeat(300));
        let cut = why(&long, "s");
        assert!(
            cut.chars().count() <= 1024 && cut.ends_with("word…"),
            "{cut}"
        );
    }
}
