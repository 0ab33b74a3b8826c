//! One file's text to one typed entity, with every E-code that the file alone can
//! show: syntax (E01), types and required keys (E02), unknown keys (E03), an `id:`
//! that is not the file's (E06), impossible dates (E07).

use serde::de::DeserializeOwned;

use crate::finding::{Code, Finding, Location};
use crate::yaml::{self, DeErrorKind, Limits, Pos, Span, YamlPath};

/// Is `s` a valid ID: `[a-z0-9][a-z0-9-]*`, at most 64 characters?
pub fn is_slug(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// A point span at `pos`.
fn at(pos: Pos) -> Location {
    Location::Span(Span {
        start: pos,
        end: pos,
    })
}

/// The first line that is a git conflict marker, if any.
fn conflict_marker(text: &str) -> Option<u32> {
    text.lines().enumerate().find_map(|(i, line)| {
        let marker = line.starts_with("<<<<<<< ")
            || line == "<<<<<<<"
            || line.starts_with(">>>>>>> ")
            || line == "=======";
        marker.then(|| u32::try_from(i + 1).unwrap_or(u32::MAX))
    })
}

/// Parses `text` (the file `file`) as a `T`. Findings go to `findings`; `None` when
/// the file could not be read as a `T` at all, or had a wrong value.
pub fn parse_entity<T: DeserializeOwned>(
    file: &str,
    text: &str,
    findings: &mut Vec<Finding>,
) -> Option<T> {
    parse(file, text, findings, None)
}

/// Parses `text` as [`parse_entity`] does, but keeps what is right beside wrong
/// values (passed over, as if absent) when every one of them lies under a top-level
/// key that `harmless` accepts. For the book's settings: one wrong threshold must not
/// throw away the team, the holidays and every other rule's settings, and with them
/// the checks that read them; while a wrong team member must not make every reference
/// to the team dangle.
pub fn parse_lenient<T: DeserializeOwned>(
    file: &str,
    text: &str,
    findings: &mut Vec<Finding>,
    harmless: fn(&str) -> bool,
) -> Option<T> {
    parse(file, text, findings, Some(harmless))
}

fn parse<T: DeserializeOwned>(
    file: &str,
    text: &str,
    findings: &mut Vec<Finding>,
    harmless: Option<fn(&str) -> bool>,
) -> Option<T> {
    let limits = Limits::default();
    if let Some(line) = conflict_marker(text) {
        findings.push(
            Finding::error(Code::E01, file, at(Pos { line, col: 1 }), "")
                .say(crate::msg!("load-conflict-marker", line = line))
                .help_say(crate::msg!("load-conflict-marker-help")),
        );
        return None;
    }
    let tree = match yaml::parse(text, &limits) {
        Ok(tree) => tree,
        Err(e) => {
            findings.push(
                Finding::error(Code::E01, file, at(e.pos), "")
                    .say(super::yaml_words::syntax(&e.kind)),
            );
            return None;
        }
    };
    let read = yaml::read_tree::<T>(&tree, &limits);
    for u in read.unknown {
        let help = match u.suggestion {
            Some(s) => crate::msg!("load-did-you-mean", suggestion = s),
            None => crate::msg!(
                "load-known-keys",
                keys = crate::i18n::Arg::Ids(u.expected.iter().map(|k| (*k).to_owned()).collect())
            ),
        };
        findings.push(
            Finding::error(Code::E03, file, Location::Span(u.span), "")
                .say(crate::msg!("load-unknown-key", key = u.key))
                .help_say(help),
        );
    }
    let clean = read.errors.is_empty();
    for e in read.errors {
        let code = match e.kind {
            DeErrorKind::Type => Code::E02,
            DeErrorKind::ImpossibleDate => Code::E07,
            DeErrorKind::Syntax => Code::E01,
        };
        let location = e.span.map_or(Location::File, Location::Span);
        let mut finding = match super::yaml_words::problem(&e.problem) {
            Some(msg) => Finding::error(code, file, location, "").say(msg),
            None => Finding::error(code, file, location, e.message()),
        };
        if let Some(hint) = &e.hint {
            finding = finding.help_say(super::yaml_words::hint(hint));
        }
        findings.push(finding);
    }
    let keep = harmless.is_some_and(|h| read.passed_over.iter().all(|key| h(key)));
    read.partial.filter(|_| clean || keep)
}

/// E06: an `id:` key that differs from the ID the file name gives.
/// `from_folder` says the ID comes from the folder's name (a client's).
pub fn check_id(
    file: &str,
    declared: Option<&str>,
    id: &str,
    from_folder: bool,
    findings: &mut Vec<Finding>,
) {
    let from = crate::i18n::Arg::Word(if from_folder { "folder" } else { "file" });
    if let Some(declared) = declared
        && declared != id
    {
        findings.push(
            Finding::error(
                Code::E06,
                file,
                Location::value(YamlPath::root().key("id")),
                "",
            )
            .say(crate::msg!(
                "load-id-mismatch",
                declared = declared,
                from = from.clone(),
                id = id
            ))
            .help_say(crate::msg!("load-id-mismatch-help", from = from, id = id)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Client, Meeting};

    fn parse<T: DeserializeOwned>(text: &str) -> (Option<T>, Vec<Finding>) {
        let mut findings = Vec::new();
        let value = parse_entity::<T>("f.yaml", text, &mut findings);
        (value, findings)
    }

    fn codes(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|f| f.code.as_str()).collect()
    }

    fn span_start(f: &Finding) -> (u32, u32) {
        match &f.location {
            Location::Span(s) => (s.start.line, s.start.col),
            other => panic!("expected a span, got {other:?}"),
        }
    }

    #[test]
    fn slugs() {
        assert!(is_slug("romashka"));
        assert!(is_slug("2026-11-20-kickoff"));
        assert!(!is_slug("-x"));
        assert!(!is_slug("Romashka"));
        assert!(!is_slug("big deal"));
        assert!(!is_slug(""));
        assert!(!is_slug(&"a".repeat(65)));
        assert!(is_slug(&"a".repeat(64)));
    }

    #[test]
    fn every_unknown_key_is_reported_with_a_suggestion() {
        let text = "name: Ромашка\ncontacts:\n  - id: smirnov\n    name: Смирнов\n    birthdy: --04-12\n    x-crm: 12\nmanger: petrov\n";
        let (client, findings) = parse::<Client>(text);
        assert!(client.is_some(), "unknown keys do not stop the read");
        assert_eq!(codes(&findings), ["E03", "E03"]);
        assert_eq!(findings[0].message, "unknown key `birthdy`");
        assert_eq!(
            findings[0].help.as_deref(),
            Some("did you mean `birthday`?")
        );
        assert_eq!(span_start(&findings[0]), (5, 5));
        assert_eq!(findings[1].help.as_deref(), Some("did you mean `manager`?"));
        assert_eq!(span_start(&findings[1]), (7, 1));
    }

    #[test]
    fn every_wrong_value_of_a_file_is_reported_in_one_run() {
        // A wrong enum, an impossible date in a list item, an unknown key after both,
        // a wrong boolean, a number out of range, and a time that cannot be: each at
        // its own place, and no "missing required key" for the required `at` and
        // `format` whose values were wrong.
        let text = "at: 2026-02-30T10:00\nformat: in_persn\nlate_minutes: -5\n\
                    actions:\n  - {what: A, due: 2026-04-31}\n  - {what: B, deu: 2026-05-01}\n\
                    report: {sent: 2026-03-01T25:00}\nagnda: [x]\n";
        let (meeting, findings) = parse::<Meeting>(text);
        assert!(meeting.is_none(), "a file with errors gives no entity");
        let mut got: Vec<(&str, (u32, u32))> = findings
            .iter()
            .map(|f| (f.code.as_str(), span_start(f)))
            .collect();
        got.sort_by_key(|(_, at)| *at);
        assert_eq!(
            got,
            [
                ("E07", (1, 5)),
                ("E02", (2, 9)),
                ("E02", (3, 15)),
                ("E07", (5, 20)),
                ("E03", (6, 15)),
                ("E07", (7, 16)),
                ("E03", (8, 1)),
            ],
            "{findings:#?}"
        );
        let out_of_range = findings
            .iter()
            .find(|f| span_start(f) == (3, 15))
            .map(|f| f.message.as_str());
        assert_eq!(
            out_of_range,
            Some("expected a whole number from 0 to 4294967295, found `-5`")
        );
        assert!(
            findings.iter().all(|f| !f.message.contains("missing")),
            "{findings:#?}"
        );
    }

    #[test]
    fn a_key_that_is_really_missing_is_still_reported_beside_a_wrong_value() {
        let text = "format: call\nlate_minutes: x\n";
        let (meeting, findings) = parse::<Meeting>(text);
        assert!(meeting.is_none());
        let mut messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        messages.sort_unstable();
        assert_eq!(
            messages,
            [
                "expected a whole number from 0 to 4294967295, found `x`",
                "missing required key `at`"
            ]
        );
    }

    #[test]
    fn a_file_with_many_errors_stops_at_twenty() {
        let mut text = String::from("at: 2026-03-01T10:00\nformat: call\nactions:\n");
        for i in 0..50 {
            text.push_str(&format!("  - {{what: A{i}, due: 2026-02-30}}\n"));
        }
        let (_, findings) = parse::<Meeting>(&text);
        assert_eq!(findings.len(), 20, "{findings:#?}");
        assert!(findings.iter().all(|f| f.code == "E07"));
    }

    #[test]
    fn a_wrong_type_points_at_the_value() {
        let text = "name: X\nkey: yes\ncontacts: [{id: a, name: A}]\n";
        let (client, findings) = parse::<Client>(text);
        assert!(client.is_none());
        assert_eq!(codes(&findings), ["E02"]);
        assert_eq!(span_start(&findings[0]), (2, 6));
        assert!(
            findings[0].message.contains("expected a boolean"),
            "{}",
            findings[0].message
        );
        assert!(
            findings[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("`true`"))
        );
    }

    #[test]
    fn a_missing_required_key_points_at_the_mapping() {
        let (client, findings) = parse::<Client>("contacts: [{id: a, name: A}]\n");
        assert!(client.is_none());
        assert_eq!(codes(&findings), ["E02"]);
        assert_eq!(findings[0].message, "missing required key `name`");
        assert_eq!(span_start(&findings[0]), (1, 1));
    }

    #[test]
    fn an_unknown_value_suggests_the_nearest() {
        let text = "at: 2026-11-20T15:00\nformat: inperson\n";
        let (_, findings) = parse::<Meeting>(text);
        assert_eq!(codes(&findings), ["E02"]);
        assert_eq!(
            findings[0].help.as_deref(),
            Some("did you mean `in_person`?")
        );
        assert_eq!(span_start(&findings[0]), (2, 9));
    }

    #[test]
    fn an_impossible_date_is_e07() {
        let text = "at: 2026-02-30T15:00\nformat: call\n";
        let (_, findings) = parse::<Meeting>(text);
        assert_eq!(codes(&findings), ["E07"]);
        assert!(
            findings[0].message.contains("28 days"),
            "{}",
            findings[0].message
        );
    }

    /// `CODE line:col-line:col message | help` of each finding.
    fn shown(findings: &[Finding]) -> Vec<String> {
        findings
            .iter()
            .map(|f| {
                let at = match &f.location {
                    Location::Span(s) => format!(
                        "{}:{}-{}:{}",
                        s.start.line, s.start.col, s.end.line, s.end.col
                    ),
                    other => format!("{other:?}"),
                };
                let help = f
                    .help
                    .as_deref()
                    .map(|h| format!(" | {h}"))
                    .unwrap_or_default();
                format!("{} {at} {}{help}", f.code.as_str(), f.message)
            })
            .collect()
    }

    /// Every type that reads a date says "impossible" (E07) for a well-formed date
    /// that cannot be, and "wrong type" (E02) for a text that is no date: code,
    /// message and place pinned.
    #[test]
    fn impossible_dates_are_e07_and_malformed_ones_e02() {
        let text = "at: 2026-02-30T10:00\nformat: call\n\
                    actions:\n  - {what: A, due: 2026-04-31}\n  - {what: B, due: 2026-4-30}\n\
                    report: {sent: 2026-03-01T25:00}\n";
        let (_, findings) = parse::<Meeting>(text);
        assert_eq!(
            shown(&findings),
            [
                "E07 1:5-1:21 `2026-02-30T10:00` is not a real date: 2026-02 has 28 days, there is no day 30",
                "E07 4:20-4:30 `2026-04-31` is not a real date: 2026-04 has 30 days, there is no day 31",
                "E02 5:20-5:29 expected a date as YYYY-MM-DD, found `2026-4-30`",
                "E07 6:16-6:32 `2026-03-01T25:00` is not a real date: there is no time 25:00 in a day",
            ]
        );
        let text = "name: X\nsince: 2025-13-01\ncontacts:\n  - {id: a, name: A, birthday: --02-30}\n  - {id: b, name: B, birthday: 1990-02-29}\n";
        let (_, findings) = parse::<Client>(text);
        assert_eq!(
            shown(&findings),
            [
                "E07 2:8-2:18 `2025-13-01` is not a real date: there is no month 13",
                "E07 4:32-4:39 `--02-30` is not a real date: month 02 has no day 30",
                "E07 5:32-5:42 `1990-02-29` is not a real date: 1990-02 has 28 days, there is no day 29",
            ]
        );
        #[derive(Debug, serde::Deserialize)]
        struct Workday {
            #[serde(rename = "start")]
            _start: crate::model::time::TimeOfDay,
        }
        let (_, findings) = parse::<Workday>("start: '24:00'\n");
        assert_eq!(
            shown(&findings),
            ["E07 1:8-1:15 `24:00` is not a real date: there is no time 24:00 in a day"]
        );
    }

    #[test]
    fn a_conflict_marker_is_e01_at_its_line() {
        let help = "finish the merge: keep the right side, delete the <<<<<<<, ======= and >>>>>>> lines, then commit";
        for (text, line) in [
            ("a: 1\n<<<<<<< HEAD\nb: 2\n", 2),
            ("a: 1\n<<<<<<<\n", 2),
            ("a: 1\n=======\n", 2),
            ("a: 1\nb: 2\n>>>>>>> feature/x\n", 3),
            ("a: 1\r\n=======\r\n", 2),
        ] {
            let (_, findings) = parse::<serde_json::Value>(text);
            assert_eq!(
                shown(&findings),
                [format!(
                    "E01 {line}:1-{line}:1 unresolved git merge conflict: a conflict marker at line {line} | {help}"
                )],
                "{text:?}"
            );
        }
        // Text that only looks like one: indented, longer, or run on.
        for text in [
            "notes: |\n  =======\n  <<<<<<< x\n",
            "a: 1\n========\n",
            "a: 1\n<<<<<<<x\n",
        ] {
            let (_, findings) = parse::<serde_json::Value>(text);
            assert!(
                findings.iter().all(|f| !f.message.contains("conflict")),
                "{text:?}: {:?}",
                shown(&findings)
            );
        }
    }

    #[test]
    fn syntax_errors_and_conflicts_are_e01() {
        let (_, findings) = parse::<Meeting>("at: [\n");
        assert_eq!(codes(&findings), ["E01"]);
        let text = "at: 2026-11-20T15:00\n<<<<<<< HEAD\nformat: call\n=======\nformat: video\n>>>>>>> other\n";
        let (_, findings) = parse::<Meeting>(text);
        assert_eq!(codes(&findings), ["E01"]);
        assert!(findings[0].message.contains("merge conflict"));
        assert_eq!(span_start(&findings[0]), (2, 1));
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let (_, findings) = parse::<Meeting>("at: 2026-11-20T15:00\nformat: call\nformat: video\n");
        assert_eq!(codes(&findings), ["E01"]);
        assert_eq!(findings[0].message, "duplicate key `format`");
        assert_eq!(span_start(&findings[0]), (3, 1));
    }

    #[test]
    fn hostile_input_is_bounded() {
        let deep = "[".repeat(20_000);
        let (_, findings) = parse::<Meeting>(&deep);
        assert_eq!(codes(&findings), ["E01"]);
        assert!(
            findings[0].message.contains("nesting"),
            "{}",
            findings[0].message
        );

        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            let prev = if i == 0 {
                "a".to_owned()
            } else {
                format!("a{}", i - 1)
            };
            bomb.push_str(&format!("a{i}: &a{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        bomb.push_str("at: 2026-11-20T15:00\nformat: call\nagenda: *a11\n");
        let (meeting, findings) = parse::<Meeting>(&bomb);
        assert!(meeting.is_none(), "the bomb cannot be read as a meeting");
        assert_eq!(findings.last().map(|f| f.code), Some(Code::E02));
    }

    #[test]
    fn user_keys_and_yaml_12_strings() {
        let text = "at: 2026-11-20T15:00\nformat: call\nx-anything: {deep: [1, 2]}\nplace: no\n";
        let (meeting, findings) = parse::<Meeting>(text);
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(meeting.and_then(|m| m.place).as_deref(), Some("no"));
    }

    #[test]
    fn money_is_read_from_its_text() {
        use crate::model::Invoice;
        let text = "number: '2026-0001'\ndate: 2026-11-02\nlines:\n  - {item: Дизайн, price: 0.1}\n  - {item: Печать, qty: 3, price: \"125000.50\"}\n";
        let (invoice, findings) = parse::<Invoice>(text);
        assert!(findings.is_empty(), "{findings:?}");
        let invoice = invoice.expect("invoice");
        assert_eq!(invoice.lines[0].price.to_string(), "0.10");
        assert_eq!(invoice.lines[1].price.to_string(), "125000.50");
        let (_, findings) =
            parse::<Invoice>("number: x\ndate: 2026-11-02\nlines: [{item: a, price: 1.005}]\n");
        assert_eq!(codes(&findings), ["E02"]);
        assert_eq!(span_start(&findings[0]), (3, 26));
    }
}
