//! The audit that looks ahead ([`run_ahead`]) against its definition: for every day
//! from today to the horizon, what a plain audit as of that day flags that no audit
//! of an earlier day flagged, described as that audit describes it. The oracle runs
//! the plain audit once per day; the engine must give the same in one run.
//!
//! Books: the example book and every rule's fixtures (each built to fire or to stay
//! silent around its dates), on days before, on and after each fixture's own today.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};

use super::{Options, run, run_ahead};
use crate::book::{self, Book};
use crate::finding::{Finding, Location};

/// What is compared: the day a finding is first flagged and all of the finding.
type Dated = (NaiveDate, Finding);

fn key(f: &Finding) -> (crate::finding::Code, String, Location) {
    (f.code, f.file.clone(), f.location.clone())
}

/// The oracle: one plain audit per day.
fn day_by_day(book: &Book, today: NaiveDate, horizon: NaiveDate) -> Vec<Dated> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut day = today;
    while day <= horizon {
        for f in run(book, day, &Options::default()).findings {
            if seen.insert(key(&f)) {
                out.push((day, f));
            }
        }
        day = day.succ_opt().expect("a day after");
    }
    out
}

/// The engine: one audit looking ahead, with today's findings dated today.
fn in_one_run(book: &Book, today: NaiveDate, horizon: NaiveDate) -> Vec<Dated> {
    let report = run_ahead(book, today, horizon, &Options::default());
    let mut seen = HashSet::new();
    let mut out: Vec<Dated> = report
        .findings
        .into_iter()
        .map(|f| (today, f))
        .chain(report.ahead)
        .collect();
    // As the agenda reads it: the first day each matter is flagged.
    out.sort_by_key(|(day, _)| *day);
    out.retain(|(_, f)| seen.insert(key(f)));
    out
}

/// Sorted, and without the catalog messages: those word a Russian date beside the
/// run's own today («13 ноября» without its year within a month of it), which for a
/// finding flagged ahead is the day of the run, not the day it is flagged on. What
/// the findings say in English is compared in full.
fn sorted(mut v: Vec<Dated>) -> Vec<Dated> {
    for (_, f) in &mut v {
        f.said = None;
    }
    v.sort_by(|a, b| {
        (a.0, &a.1.file, a.1.code, &a.1.location, &a.1.message).cmp(&(
            b.0,
            &b.1.file,
            b.1.code,
            &b.1.location,
            &b.1.message,
        ))
    });
    v
}

fn books() -> Vec<(PathBuf, NaiveDate)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let default_today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
    let mut out = vec![(root.join("examples/agency"), default_today)];
    let rules = root.join("tests/rules");
    let mut codes: Vec<PathBuf> = std::fs::read_dir(&rules)
        .expect("tests/rules")
        .map(|e| e.expect("entry").path())
        .collect();
    codes.sort();
    for code in codes {
        for case in ["fires", "silent"] {
            let dir = code.join(case);
            if !dir.join("rapport.yaml").is_file() {
                continue;
            }
            let today = std::fs::read_to_string(dir.join("today"))
                .ok()
                .and_then(|t| crate::model::time::parse_date(t.trim()).ok())
                .unwrap_or(default_today);
            out.push((dir, today));
        }
    }
    out
}

#[test]
fn one_run_looking_ahead_flags_what_an_audit_of_each_day_would_first_flag() {
    let mut checked = 0;
    for (dir, fixture_today) in books() {
        let book = book::load(&dir).expect("the book loads");
        for offset in [-45i64, -20, -8, -1, 0, 3, 12, 40] {
            let today = if offset < 0 {
                fixture_today - Days::new(offset.unsigned_abs())
            } else {
                fixture_today + Days::new(offset.unsigned_abs())
            };
            let horizon = today + Days::new(24);
            let expected = sorted(day_by_day(&book, today, horizon));
            let got = sorted(in_one_run(&book, today, horizon));
            if expected != got {
                let show = |v: &[Dated]| {
                    v.iter()
                        .map(|(d, f)| {
                            format!(
                                "  {d} {} {} {:?}: {}",
                                f.code, f.file, f.location, f.message
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                panic!(
                    "{} as of {today} to {horizon}:\nday by day:\n{}\nin one run:\n{}",
                    dir.display(),
                    show(&expected),
                    show(&got)
                );
            }
            checked += expected.len();
        }
    }
    // The books do flag things on the days looked at: the comparison is not empty.
    assert!(checked > 500, "only {checked} dated findings compared");
}

#[test]
fn a_plain_audit_looks_no_further_than_today() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/agency");
    let book = book::load(&dir).expect("the example book loads");
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
    let plain = run(&book, today, &Options::default());
    let ahead = run_ahead(&book, today, today, &Options::default());
    assert!(plain.ahead.is_empty());
    assert_eq!(plain.findings, ahead.findings);
    assert_eq!(plain.waived, ahead.waived);
    // Looking ahead changes nothing about today.
    let far = run_ahead(&book, today, today + Days::new(60), &Options::default());
    assert_eq!(far.findings, plain.findings);
    assert_eq!(far.waived, plain.waived);
    assert!(!far.ahead.is_empty());
    assert!(far.ahead.iter().all(|(d, _)| *d > today));
}
