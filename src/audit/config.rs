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
                || crate::msg!("load-rules-lists-codes"),
                |s| crate::msg!("load-did-you-mean", suggestion = s.as_str()),
            );
            findings.push(
                Finding::error(Code::E03, file, Location::key(at), "")
                    .say(crate::msg!("load-unknown-rule", code = code))
                    .help_say(help),
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
                Finding::error(Code::E02, file, Location::value(at.key("severity")), "")
                    .say(crate::msg!("load-not-a-severity", severity = s))
                    .help_say(crate::msg!("load-not-a-severity-help")),
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
                    || {
                        crate::msg!(
                            "load-write-some-of",
                            words = crate::i18n::Arg::Ids(
                                setting.allowed.iter().map(|w| (*w).to_owned()).collect()
                            )
                        )
                    },
                    |s| crate::msg!("load-did-you-mean", suggestion = s),
                );
                findings.push(
                    Finding::error(
                        Code::E02,
                        file,
                        Location::value(at.key(name.clone()).index(i)),
                        "",
                    )
                    .say(crate::msg!(
                        "load-not-one-of-words",
                        word = word,
                        code = code,
                        name = name
                    ))
                    .help_say(help),
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
                    ("words", "[creative, copy]")
                } else {
                    ("number", "30")
                };
                let what = || crate::i18n::Arg::Word(what);
                findings.push(
                    Finding::error(Code::E02, file, Location::value(at.key(name.clone())), "")
                        .say(crate::msg!(
                            "load-setting-is",
                            code = code,
                            name = name,
                            what = what()
                        ))
                        .help_say(crate::msg!(
                            "load-setting-is-help",
                            what = what(),
                            name = name,
                            example = example
                        )),
                );
                continue;
            }
            let help = match (suggest(name, &names), names.is_empty()) {
                (Some(s), _) => crate::msg!("load-did-you-mean", suggestion = s),
                (None, true) => crate::msg!("load-no-thresholds", code = code),
                (None, false) => {
                    let mut settable = vec!["severity".to_owned()];
                    settable.extend(names.iter().map(|n| (*n).to_owned()));
                    crate::msg!(
                        "load-rule-has",
                        code = code,
                        names = crate::i18n::Arg::Ids(settable)
                    )
                }
            };
            findings.push(
                Finding::error(Code::E03, file, Location::key(at.key(name.clone())), "")
                    .say(crate::msg!("load-no-threshold", code = code, name = name))
                    .help_say(help),
            );
        }
    }
    findings
}
