//! `--format sarif`: SARIF 2.1.0, as code-scanning services (GitHub's among them)
//! read it: every rule described in `tool.driver.rules`, every result with its rule,
//! level, message and one physical location with a full region.

use serde_json::{Value, json};

use super::Resolved;
use crate::audit::book_codes::BOOK_CODES;
use crate::audit::rules;
use crate::finding::Severity;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Every code that can appear: the rules, then the E-codes.
fn descriptors() -> Vec<(&'static str, Value)> {
    let mut out: Vec<(&'static str, Value)> = rules::all()
        .iter()
        .map(|r| {
            let m = r.meta();
            let doc = m.doc.trim();
            (
                m.code,
                json!({
                    "id": m.code,
                    "name": m.name,
                    "shortDescription": {"text": m.summary},
                    "fullDescription": {"text": doc},
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
                "help": {"text": c.doc},
                "defaultConfiguration": {"level": "error"}
            }),
        )
    }));
    out
}

/// The SARIF log, pretty-printed, with a final newline.
pub fn render(findings: &[Resolved]) -> String {
    let descriptors = descriptors();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let index = descriptors.iter().position(|(code, _)| *code == f.code);
            let text = match &f.help {
                Some(help) => format!("{} (help: {help})", f.message),
                None => f.message.clone(),
            };
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
                        "artifactLocation": {"uri": f.file, "uriBaseId": "%SRCROOT%"},
                        "region": {
                            "startLine": f.start.line,
                            "startColumn": f.start.col,
                            "endLine": f.end.line.max(f.start.line),
                            "endColumn": end_col
                        }
                    }
                }]
            });
            if let (Some(i), Some(obj)) = (index, result.as_object_mut()) {
                obj.insert("ruleIndex".to_owned(), json!(i));
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "rapport",
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": descriptors.into_iter().map(|(_, d)| d).collect::<Vec<_>>()
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}
