//! `--format json`: a versioned document whose shape is a promise to scripts. Its
//! types are its own, so that internal changes never change it by accident.

use crate::finding::Code;
use serde::Serialize;

use super::{Resolved, Summary};
use crate::i18n::Lang;

/// Version of the document's shape; bumped only on an incompatible change.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    /// Whose clients' findings (`rapport audit --manager`); null fields: the whole book.
    view: &'a serde_json::Value,
    findings: Vec<JsonFinding<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: Code,
    severity: &'a str,
    file: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    message: &'a str,
    help: Option<&'a str>,
    /// With `--since`: `new` (every finding reported then is new since the revision).
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<&'static str>,
    /// With `--lang` other than English: the message and help in that language.
    #[serde(skip_serializing_if = "Option::is_none")]
    localized: Option<Localized>,
}

#[derive(Serialize)]
struct Localized {
    lang: &'static str,
    message: String,
    help: Option<String>,
}

/// The whole document, pretty-printed, with a final newline. The `message` and `help`
/// are English whatever the language; in another language each finding also has
/// `localized`.
pub fn render(
    findings: &[Resolved],
    summary: Summary,
    view: &serde_json::Value,
    lang: Lang,
) -> String {
    let doc = Document {
        version: VERSION,
        view,
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                code: f.code,
                severity: f.severity.as_str(),
                file: &f.file,
                line: f.start.line,
                column: f.start.col,
                end_line: f.end.line,
                end_column: f.end.col,
                message: &f.message,
                help: f.help.as_deref(),
                baseline: summary.since.map(|_| "new"),
                localized: (lang != Lang::En).then(|| {
                    let (message, help) = f.in_lang(lang);
                    Localized {
                        lang: crate::report::locale::code(lang),
                        message: message.into_owned(),
                        help: help.map(std::borrow::Cow::into_owned),
                    }
                }),
            })
            .collect(),
        summary,
    };
    // Sized for the usual finding (about 500 bytes pretty-printed): 18,000 findings
    // grew the text a dozen times, each time into fresh memory.
    let mut bytes = Vec::with_capacity(512 * (doc.findings.len() + 1));
    if let Err(e) = serde_json::to_writer_pretty(&mut bytes, &doc) {
        return format!("{{\"error\": \"{e}\"}}\n");
    }
    bytes.push(b'\n');
    // serde_json writes UTF-8 only.
    String::from_utf8(bytes).unwrap_or_default()
}
