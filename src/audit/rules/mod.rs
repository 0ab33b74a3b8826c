//! The rulebook: one file per rule, named after its code and the problem it finds,
//! and one ordered registry. Tests hold the checklist for adding a rule: codes unique
//! and sorted, every rule documented, every automated rule with a fixture that fires
//! it and one that must stay silent (tests/rules/).

use super::Rule;

/// Declares a rule's [`Meta`](super::Meta); the doc comment is its explanation.
macro_rules! meta {
    (
        $(#[doc = $doc:literal])*
        code: $code:literal,
        name: $name:literal,
        severity: $severity:ident,
        summary: $summary:literal,
        thresholds: [$($t:literal = $default:literal: $tdoc:literal),* $(,)?] $(,)?
    ) => {
        &$crate::audit::Meta {
            code: $code,
            name: $name,
            severity: $crate::finding::Severity::$severity,
            automated: true,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
            thresholds: &[$($crate::audit::Threshold { name: $t, default: $default, doc: $tdoc }),*],
        }
    };
}

/// Declares a rule that cannot be read from data: listed and explained, never firing.
macro_rules! manual_rule {
    (
        $(#[doc = $doc:literal])*
        $ty:ident, code: $code:literal, name: $name:literal, summary: $summary:literal $(,)?
    ) => {
        pub struct $ty;

        impl $crate::audit::Rule for $ty {
            fn meta(&self) -> &'static $crate::audit::Meta {
                &$crate::audit::Meta {
                    code: $code,
                    name: $name,
                    severity: $crate::finding::Severity::Info,
                    automated: false,
                    summary: $summary,
                    doc: concat!($($doc, "\n"),*),
                    thresholds: &[],
                }
            }
        }
    };
}

mod r02_meeting_without_report;
mod r07_stalled_deadline;

/// Every rule, in code order: R01–R30, then D01–D10.
pub fn all() -> &'static [&'static dyn Rule] {
    &[
        &r02_meeting_without_report::MeetingWithoutReport,
        &r07_stalled_deadline::StalledDeadline,
    ]
}

#[cfg(test)]
mod tests {
    use super::all;

    #[test]
    fn codes_are_unique_sorted_and_documented() {
        let rank = |code: &str| {
            let family = match code.as_bytes()[0] {
                b'R' => 0,
                b'D' => 1,
                _ => 2,
            };
            (family, code[1..].parse::<u32>().unwrap_or(u32::MAX))
        };
        let metas: Vec<_> = all().iter().map(|r| r.meta()).collect();
        for pair in metas.windows(2) {
            assert!(
                rank(pair[0].code) < rank(pair[1].code),
                "{} must come before {}",
                pair[0].code,
                pair[1].code
            );
        }
        for m in &metas {
            assert!(crate::book::is_rule_code(m.code), "{} is not a rule code", m.code);
            assert!(crate::book::is_slug(m.name), "{}: name `{}` must be kebab-case", m.code, m.name);
            assert!(!m.summary.is_empty() && !m.summary.ends_with('.'), "{}: one-line summary without a full stop", m.code);
            assert!(m.doc.len() > 200, "{}: the explanation is too short", m.code);
            if m.automated {
                for section in ["## Why", "## What it reads", "## How to fix", "## How to waive"] {
                    assert!(m.doc.contains(section), "{}: the explanation lacks `{section}`", m.code);
                }
            }
            for t in m.thresholds {
                assert!(m.doc.contains(t.name), "{}: threshold `{}` is not explained", m.code, t.name);
            }
        }
    }
}
