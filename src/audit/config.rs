//! `rules:` in rapport.yaml: a rule turned off, its severity changed, its thresholds
//! set. Unknown codes and threshold names are errors, so a typo never silently
//! leaves a rule at its default.

use std::collections::BTreeMap;

use super::rules;
use crate::finding::{Code, Finding, Location, Severity};
use crate::model::Settings;
use crate::model::settings::RuleSetting;
use crate::yaml::{YamlPath, suggest};

/// The settings of one rule.
#[derive(Debug, Clone, Default)]
pub struct RuleConfig {
    pub off: bool,
    pub severity: Option<Severity>,
    pub thresholds: BTreeMap<String, u32>,
    /// Lists of words, by name, as written.
    pub words: BTreeMap<String, Vec<String>>,
}

/// One config per rule, in registry order.
pub fn configs(settings: Option<&Settings>) -> Vec<RuleConfig> {
    rules::all()
        .iter()
        .map(|rule| {
            let code = rule.meta().code;
            match settings.and_then(|s| s.rules.get(code.as_str())) {
                None => RuleConfig::default(),
                Some(RuleSetting::Off) => RuleConfig {
                    off: true,
                    ..RuleConfig::default()
                },
                Some(RuleSetting::On {
                    severity,
                    thresholds,
                    words,
                }) => RuleConfig {
                    off: false,
                    severity: severity.as_deref().and_then(Severity::parse),
                    thresholds: thresholds.clone(),
                    words: words.clone(),
                },
            }
        })
        .collect()
}

/// Findings about the `rules:` map itself.
pub fn check(settings: Option<&Settings>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let Some(settings) = settings else {
        return findings;
    };
    let file = "rapport.yaml";
    let all = rules::all();
    let codes: Vec<Code> = all.iter().map(|r| r.meta().code).collect();
    for (code, setting) in &settings.rules {
        let at = YamlPath::root().key("rules").key(code.clone());
        let Some(rule) = all.iter().find(|r| r.meta().code == *code) else {
            let help = super::code_suggest::suggest_code(code, &codes).map_or_else(
                || "`rapport rules` lists the codes".to_owned(),
                |s| format!("did you mean `{s}`?"),
            );
            findings.push(
                Finding::error(
                    Code::E03,
                    file,
                    Location::key(at),
                    format!("unknown rule `{code}`"),
                )
                .help(help),
            );
            continue;
        };
        let RuleSetting::On {
            severity,
            thresholds,
            words,
        } = setting
        else {
            continue;
        };
        if let Some(s) = severity
            && Severity::parse(s).is_none()
        {
            findings.push(
                Finding::error(
                    Code::E02,
                    file,
                    Location::value(at.key("severity")),
                    format!("`{s}` is not a severity"),
                )
                .help("write `error`, `warning` or `info`"),
            );
        }
        let meta = rule.meta();
        let names: Vec<&str> = meta
            .thresholds
            .iter()
            .map(|t| t.name)
            .chain(meta.words.iter().map(|w| w.name))
            .collect();
        for (name, list) in words {
            let Some(setting) = meta.words.iter().find(|w| w.name == name) else {
                continue; // reported below, with the unknown thresholds
            };
            for (i, word) in list.iter().enumerate() {
                if setting.allowed.contains(&word.as_str()) {
                    continue;
                }
                let help = suggest(word, setting.allowed).map_or_else(
                    || format!("write some of: {}", setting.allowed.join(", ")),
                    |s| format!("did you mean `{s}`?"),
                );
                findings.push(
                    Finding::error(
                        Code::E02,
                        file,
                        Location::value(at.key(name.clone()).index(i)),
                        format!("`{word}` is not one of {code}'s `{name}`"),
                    )
                    .help(help),
                );
            }
        }
        let is_number = |n: &str| meta.thresholds.iter().any(|t| t.name == n);
        let is_words = |n: &str| meta.words.iter().any(|w| w.name == n);
        let given = thresholds
            .keys()
            .map(|n| (n, true))
            .chain(words.keys().map(|n| (n, false)));
        for (name, number) in given {
            if (number && is_number(name)) || (!number && is_words(name)) {
                continue;
            }
            if is_number(name) || is_words(name) {
                // A list where a number is meant, or the other way round.
                let (what, example) = if number {
                    ("a list of words", "[creative, copy]")
                } else {
                    ("a whole number", "30")
                };
                findings.push(
                    Finding::error(
                        Code::E02,
                        file,
                        Location::value(at.key(name.clone())),
                        format!("{code}'s `{name}` is {what}"),
                    )
                    .help(format!("write it as {what}, like `{name}: {example}`")),
                );
                continue;
            }
            let help = match (suggest(name, &names), names.is_empty()) {
                (Some(s), _) => format!("did you mean `{s}`?"),
                (None, true) => format!("{code} has no thresholds; only `severity` is settable"),
                (None, false) => format!("{code} has: severity, {}", names.join(", ")),
            };
            findings.push(
                Finding::error(
                    Code::E03,
                    file,
                    Location::key(at.key(name.clone())),
                    format!("{code} has no threshold `{name}`"),
                )
                .help(help),
            );
        }
    }
    findings
}
