//! `rapport rules [CODE]`: the rulebook, or one rule explained in full.

use std::fmt::Write as _;

use anyhow::{Result, bail};
use serde::Serialize;

use crate::audit::book_codes::{BOOK_CODES, BookCode};
use crate::audit::{Meta, rules};
use crate::cli::{RulesArgs, TextFormat};
use crate::context::Context;
use crate::exit::Exit;
use crate::finding::{Code, Severity};
use crate::i18n::{Lang, text_or};
use crate::msg;

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

/// A rule's or an E-code's one-line summary in `lang`: its `english` (the rule's `meta!`
/// or the E-codes' table), or its twin `rule-CODE-summary` in the catalog. The site's
/// health page names the rules with it too.
pub fn summary(lang: Lang, code: Code, english: &str) -> String {
    text_or(lang, &Words::id(code, "summary"), english)
}

/// The texts of `rapport rules` in the user's language: the English of the rules'
/// `meta!` and of the E-codes' table, or their twins in the catalog (`rules.ftl`,
/// messages `rule-CODE-summary`, `rule-CODE-doc` and `rule-CODE-SETTING`).
struct Words {
    lang: Lang,
}

impl Words {
    fn id(code: Code, what: &str) -> String {
        format!(
            "rule-{}-{}",
            code.as_str().to_ascii_lowercase(),
            what.replace('_', "-")
        )
    }

    fn summary(&self, code: Code, english: &str) -> String {
        summary(self.lang, code, english)
    }

    fn doc(&self, code: Code, english: &str) -> String {
        text_or(self.lang, &Self::id(code, "doc"), english)
    }

    /// The note on a setting (a threshold or a list of words) of a rule.
    fn setting(&self, code: Code, name: &str, english: &str) -> String {
        text_or(self.lang, &Self::id(code, name), english)
    }

    fn severity(&self, severity: Severity) -> String {
        let id = match severity {
            Severity::Error => "audit-severity-error",
            Severity::Warning => "audit-severity-warning",
            Severity::Info => "audit-severity-info",
        };
        text_or(self.lang, id, severity.as_str())
    }

    fn manual(&self) -> String {
        text_or(self.lang, "rules-manual-kind", "manual")
    }
}

pub fn run(ctx: &Context, args: &RulesArgs) -> Result<Exit> {
    let words = Words { lang: ctx.lang };
    let metas: Vec<&'static Meta> = rules::all().iter().map(|r| r.meta()).collect();
    let text = match &args.code {
        None => match args.format {
            TextFormat::Json => {
                let mut rules: Vec<JsonRule<'_>> =
                    metas.iter().map(|m| json_rule(m, false)).collect();
                rules.extend(BOOK_CODES.iter().map(|c| book_code_rule(c, false)));
                to_json(&JsonRules { version: 1, rules })
            }
            TextFormat::Text => list(&words, &metas),
        },
        Some(code) => {
            let code = code.to_ascii_uppercase();
            if let Some(m) = metas.iter().find(|m| m.code == code.as_str()) {
                match args.format {
                    TextFormat::Json => json_one(json_rule(m, true)),
                    TextFormat::Text => explain(&words, m),
                }
            } else if let Some(c) = BOOK_CODES.iter().find(|c| c.code == code.as_str()) {
                match args.format {
                    TextFormat::Json => json_one(book_code_rule(c, true)),
                    TextFormat::Text => explain_book_code(&words, c),
                }
            } else {
                let said = match crate::audit::code_suggest::suggest_code(
                    &code,
                    &crate::audit::every_code(),
                ) {
                    Some(s) => msg!(
                        "rules-no-rule-suggest",
                        code = &code,
                        suggestion = s.as_str()
                    ),
                    None => msg!("rules-no-rule", code = &code),
                };
                bail!("{}", said.render(ctx.lang))
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

fn list(words: &Words, metas: &[&'static Meta]) -> String {
    let mut out = String::new();
    let width = metas
        .iter()
        .map(|m| m.name.len())
        .chain(BOOK_CODES.iter().map(|c| c.name.len()))
        .max()
        .unwrap_or(0);
    let kind = |m: &Meta| {
        if m.automated {
            words.severity(m.severity)
        } else {
            words.manual()
        }
    };
    // The kind column is as wide as its longest word in this language (7 in English).
    let kind_width = metas
        .iter()
        .map(|m| kind(m).chars().count())
        .chain([words.severity(Severity::Error).chars().count()])
        .max()
        .unwrap_or(0);
    for m in metas {
        let _ = writeln!(
            out,
            "{}  {:<width$}  {:<kind_width$}  {}",
            m.code,
            m.name,
            kind(m),
            words.summary(m.code, m.summary)
        );
    }
    for c in BOOK_CODES {
        let _ = writeln!(
            out,
            "{}  {:<width$}  {:<kind_width$}  {}",
            c.code,
            c.name,
            words.severity(Severity::Error),
            words.summary(c.code, c.summary)
        );
    }
    out
}

fn explain(words: &Words, m: &Meta) -> String {
    let lang = words.lang;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}: {}",
        m.code,
        m.name,
        words.summary(m.code, m.summary)
    );
    let kind = if m.automated {
        msg!(
            "rules-default-severity",
            severity = words.severity(m.severity)
        )
        .render(lang)
    } else {
        text_or(
            lang,
            "rules-manual",
            "manual: not read from data; a self-check",
        )
    };
    let _ = writeln!(out, "{kind}\n");
    let _ = writeln!(out, "{}", words.doc(m.code, &m.explanation()));
    if !m.thresholds.is_empty() || !m.words.is_empty() {
        let _ = writeln!(
            out,
            "\n{}\n  rules:\n    {}:",
            text_or(lang, "rules-settings", "Settings (rapport.yaml):"),
            m.code
        );
        let _ = writeln!(out, "      severity: {}", m.severity);
        for t in m.thresholds {
            let _ = writeln!(
                out,
                "      {}: {}    # {}",
                t.name,
                t.default,
                words.setting(m.code, t.name, t.doc)
            );
        }
        for w in m.words {
            let _ = writeln!(
                out,
                "      {}: [{}]    # {} ({})",
                w.name,
                w.default.join(", "),
                words.setting(m.code, w.name, w.doc),
                msg!("rules-any-of", words = w.allowed.join(", ")).render(lang)
            );
        }
    }
    out
}

fn explain_book_code(words: &Words, c: &BookCode) -> String {
    format!(
        "{} {}: {}\n\n{}\n",
        c.code,
        c.name,
        words.summary(c.code, c.summary),
        words.doc(c.code, c.doc)
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::i18n::text;

    /// Every text of `rapport rules` with its catalog id: (id, English as printed).
    fn texts() -> Vec<(String, String)> {
        let mut all = Vec::new();
        for rule in rules::all() {
            let m = rule.meta();
            all.push((Words::id(m.code, "summary"), m.summary.to_owned()));
            all.push((Words::id(m.code, "doc"), m.explanation()));
            for t in m.thresholds {
                all.push((Words::id(m.code, t.name), t.doc.to_owned()));
            }
            for w in m.words {
                all.push((Words::id(m.code, w.name), w.doc.to_owned()));
            }
        }
        for c in BOOK_CODES {
            all.push((Words::id(c.code, "summary"), c.summary.to_owned()));
            all.push((Words::id(c.code, "doc"), c.doc.to_owned()));
        }
        all
    }

    /// What a translation must keep of a text: the keys it names between backticks
    /// (`` `brief.confirmed` ``, `` `status: active` `` gives `status`), the codes it
    /// refers to (R08, D04) and its sections (`## …`, counted).
    fn landmarks(text: &str) -> (BTreeSet<String>, BTreeSet<String>, usize) {
        let mut keys = BTreeSet::new();
        for (i, span) in text.split('`').enumerate() {
            if i % 2 == 1 {
                let word: String = span
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
                    .collect();
                if !word.is_empty() && span[word.len()..].starts_with(':') {
                    keys.insert(word);
                } else if span
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || matches!(c, '_' | '.'))
                {
                    keys.insert(span.to_owned());
                }
            }
        }
        let codes = text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| {
                w.len() == 3
                    && matches!(w.as_bytes()[0], b'R' | b'D' | b'E')
                    && w[1..].bytes().all(|b| b.is_ascii_digit())
            })
            .map(str::to_owned)
            .collect();
        let sections = text.lines().filter(|l| l.starts_with("## ")).count();
        (keys, codes, sections)
    }

    #[test]
    fn the_english_catalog_is_the_rules_own_text() {
        for (id, english) in texts() {
            assert_eq!(
                text(Lang::En, &id).as_deref(),
                Some(english.as_str()),
                "{id}"
            );
        }
    }

    #[test]
    fn the_russian_keeps_every_key_code_and_section_of_the_english() {
        let mut problems = Vec::new();
        for (id, english) in texts() {
            let russian = text(Lang::Ru, &id).unwrap_or_else(|| panic!("no {id} in Russian"));
            if russian == english {
                problems.push(format!("{id} is not translated"));
            }
            let (ru, en) = (landmarks(&russian), landmarks(&english));
            if ru != en {
                problems.push(format!(
                    "{id}: keys {:?} / {:?}, codes {:?} / {:?}, sections {} / {}",
                    ru.0.symmetric_difference(&en.0).collect::<Vec<_>>(),
                    en.0.difference(&ru.0).collect::<Vec<_>>(),
                    ru.1.symmetric_difference(&en.1).collect::<Vec<_>>(),
                    en.1.difference(&ru.1).collect::<Vec<_>>(),
                    ru.2,
                    en.2
                ));
            }
            let latin = russian
                .split('`')
                .step_by(2)
                .flat_map(str::split_whitespace)
                // File names and paths are not words: `client.yaml`, `docs/format.md`.
                .filter(|token| !token.contains(".yaml") && !token.contains('/'))
                .flat_map(|prose| prose.split(|c: char| !c.is_ascii_alphabetic()))
                .filter(|w| w.len() > 1 && !["rapport", "git"].contains(w))
                .filter(|w| {
                    !w.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                })
                .map(str::to_owned)
                .collect::<Vec<_>>();
            if !latin.is_empty() {
                problems.push(format!("{id}: English words {latin:?}"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn rules_are_listed_and_explained_in_russian() {
        let words = Words { lang: Lang::Ru };
        let metas: Vec<&'static Meta> = rules::all().iter().map(|r| r.meta()).collect();
        let listed = list(&words, &metas);
        assert!(
            listed.starts_with("R01  client-had-to-chase              ошибка          Клиент никогда не должен звонить сам"),
            "{listed}"
        );
        assert!(listed.contains("R11  fighting-for-unsure-idea         вручную         "));
        let r01 = metas.iter().find(|m| m.code == Code::R01).expect("R01");
        let explained = explain(&words, r01);
        assert!(
            explained.contains("уровень по умолчанию: ошибка\n\n## Зачем\n"),
            "{explained}"
        );
        assert!(explained.contains(
            "Настройки (rapport.yaml):\n  rules:\n    R01:\n      severity: error\n      days: 14    # самый долгий перерыв"
        ), "{explained}");
    }
}
