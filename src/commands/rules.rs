//! `rapport rules [CODE]`: the rulebook, or one rule explained in full.

use std::fmt::Write as _;

use anyhow::{Result, bail};
use serde::Serialize;

use crate::audit::book_codes::BOOK_CODES;
use crate::audit::{Meta, rules};
use crate::cli::{RulesArgs, TextFormat};
use crate::exit::Exit;
use crate::finding::Code;

#[derive(Serialize)]
struct JsonRule<'a> {
    code: Code,
    name: &'a str,
    severity: &'a str,
    automated: bool,
    summary: &'a str,
    thresholds: Vec<JsonThreshold<'a>>,
    /// Lists of words (R03's creative task kinds); absent when the rule has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    words: Vec<JsonWords<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    doc: Option<String>,
}

#[derive(Serialize)]
struct JsonWords<'a> {
    name: &'a str,
    default: &'a [&'a str],
    allowed: &'a [&'a str],
    doc: &'a str,
}

#[derive(Serialize)]
struct JsonThreshold<'a> {
    name: &'a str,
    default: u32,
    doc: &'a str,
}

#[derive(Serialize)]
struct JsonRules<'a> {
    version: u32,
    rules: Vec<JsonRule<'a>>,
}

/// One rule explained (`rapport rules CODE --format json`): versioned like the list.
#[derive(Serialize)]
struct JsonOneRule<'a> {
    version: u32,
    #[serde(flatten)]
    rule: JsonRule<'a>,
}

fn json_one(rule: JsonRule<'_>) -> String {
    to_json(&JsonOneRule { version: 1, rule })
}

fn json_rule(m: &'static Meta, with_doc: bool) -> JsonRule<'static> {
    JsonRule {
        code: m.code,
        name: m.name,
        severity: m.severity.as_str(),
        automated: m.automated,
        summary: m.summary,
        thresholds: m
            .thresholds
            .iter()
            .map(|t| JsonThreshold {
                name: t.name,
                default: t.default,
                doc: t.doc,
            })
            .collect(),
        words: m
            .words
            .iter()
            .map(|w| JsonWords {
                name: w.name,
                default: w.default,
                allowed: w.allowed,
                doc: w.doc,
            })
            .collect(),
        doc: with_doc.then(|| m.explanation()),
    }
}

fn book_code_rule(
    c: &'static crate::audit::book_codes::BookCode,
    with_doc: bool,
) -> JsonRule<'static> {
    JsonRule {
        code: c.code,
        name: c.name,
        severity: "error",
        automated: true,
        summary: c.summary,
        thresholds: Vec::new(),
        words: Vec::new(),
        doc: with_doc.then(|| c.doc.to_owned()),
    }
}

pub fn run(args: &RulesArgs) -> Result<Exit> {
    let metas: Vec<&'static Meta> = rules::all().iter().map(|r| r.meta()).collect();
    let text = match &args.code {
        None => match args.format {
            TextFormat::Json => {
                let mut rules: Vec<JsonRule<'_>> =
                    metas.iter().map(|m| json_rule(m, false)).collect();
                rules.extend(BOOK_CODES.iter().map(|c| book_code_rule(c, false)));
                to_json(&JsonRules { version: 1, rules })
            }
            TextFormat::Text => list(&metas),
        },
        Some(code) => {
            let code = code.to_ascii_uppercase();
            if let Some(m) = metas.iter().find(|m| m.code == code.as_str()) {
                match args.format {
                    TextFormat::Json => json_one(json_rule(m, true)),
                    TextFormat::Text => explain(m),
                }
            } else if let Some(c) = BOOK_CODES.iter().find(|c| c.code == code.as_str()) {
                match args.format {
                    TextFormat::Json => json_one(book_code_rule(c, true)),
                    TextFormat::Text => {
                        format!("{} {}: {}\n\n{}\n", c.code, c.name, c.summary, c.doc)
                    }
                }
            } else {
                match crate::audit::code_suggest::suggest_code(&code, &crate::audit::every_code()) {
                    Some(s) => bail!("no rule {code}; did you mean {s}?"),
                    None => bail!("no rule {code}; `rapport rules` lists them"),
                }
            }
        }
    };
    crate::commands::write_stdout(text.as_bytes())?;
    Ok(Exit::Ok)
}

fn to_json<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

fn list(metas: &[&'static Meta]) -> String {
    let mut out = String::new();
    let width = metas
        .iter()
        .map(|m| m.name.len())
        .chain(BOOK_CODES.iter().map(|c| c.name.len()))
        .max()
        .unwrap_or(0);
    for m in metas {
        let kind = if m.automated {
            m.severity.as_str()
        } else {
            "manual"
        };
        let _ = writeln!(
            out,
            "{}  {:<width$}  {:<7}  {}",
            m.code, m.name, kind, m.summary
        );
    }
    for c in BOOK_CODES {
        let _ = writeln!(
            out,
            "{}  {:<width$}  {:<7}  {}",
            c.code, c.name, "error", c.summary
        );
    }
    out
}

fn explain(m: &Meta) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} {}: {}", m.code, m.name, m.summary);
    let kind = if m.automated {
        format!("default severity: {}", m.severity)
    } else {
        "manual: not read from data; a self-check".to_owned()
    };
    let _ = writeln!(out, "{kind}\n");
    let _ = writeln!(out, "{}", m.explanation());
    if !m.thresholds.is_empty() || !m.words.is_empty() {
        let _ = writeln!(out, "\nSettings (rapport.yaml):\n  rules:\n    {}:", m.code);
        let _ = writeln!(out, "      severity: {}", m.severity);
        for t in m.thresholds {
            let _ = writeln!(out, "      {}: {}    # {}", t.name, t.default, t.doc);
        }
        for w in m.words {
            let _ = writeln!(
                out,
                "      {}: [{}]    # {} (any of: {})",
                w.name,
                w.default.join(", "),
                w.doc,
                w.allowed.join(", ")
            );
        }
    }
    out
}
