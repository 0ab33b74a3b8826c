//! The audit engine: runs the rulebook over a loaded book.
//!
//! A rule is a unit struct implementing [`Rule`]: its metadata (code, name, default
//! severity, summary, explanation, thresholds) and the visitors it needs, one per
//! level of the book (client, contract, project, meeting, log entry, invoice,
//! contractor, or the whole book). The engine walks the book once per client, in
//! parallel across clients, and hands each rule only the level it asked for. Rules
//! report through [`Out`]; the engine applies settings (off, severity) and waivers.

pub mod book_codes;
pub mod code_suggest;
pub mod config;
pub mod rules;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::book::{Book, ClientBook, Entity};
use crate::calendar::Calendar;
use crate::finding::{Finding, Location, Severity};
use crate::model::{Contract, Contractor, Invoice, LogEntry, Meeting, Project, Waiver};

pub use config::RuleConfig;

/// Every code `rapport audit` can report: the rules in registry order, then the E-codes.
pub fn every_code() -> Vec<&'static str> {
    rules::all()
        .iter()
        .map(|r| r.meta().code)
        .chain(book_codes::BOOK_CODES.iter().map(|c| c.code))
        .collect()
}

/// A rule's tunable number, settable as `rules.<CODE>.<name>` in rapport.yaml.
#[derive(Debug, Clone, Copy)]
pub struct Threshold {
    pub name: &'static str,
    pub default: u32,
    pub doc: &'static str,
}

/// What a rule is, for `rapport rules` and for the engine.
#[derive(Debug)]
pub struct Meta {
    pub code: &'static str,
    /// Kebab-case, naming the problem found: `meeting-without-report`.
    pub name: &'static str,
    pub severity: Severity,
    /// False for rules that cannot be read from data: listed, never firing.
    pub automated: bool,
    /// One line.
    pub summary: &'static str,
    /// The long explanation, in fixed sections: why it matters, what it reads, how to
    /// fix, how to waive. What `rapport rules CODE` prints.
    pub doc: &'static str,
    pub thresholds: &'static [Threshold],
}

impl Meta {
    /// The explanation as `rapport rules CODE` shows it, in text and in JSON, and as
    /// SARIF's help: each line without the one space its `///` comment gives it
    /// (deeper indentation, a list item's continuation, is kept), with no trailing
    /// spaces and no blank lines around it.
    pub fn explanation(&self) -> String {
        self.doc
            .trim()
            .lines()
            .map(|line| line.strip_prefix(' ').unwrap_or(line).trim_end())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// What a rule sees besides the entity it visits.
pub struct Cx<'a> {
    pub book: &'a Book,
    pub today: NaiveDate,
    pub calendar: &'a Calendar,
    config: &'a RuleConfig,
    meta: &'static Meta,
}

impl Cx<'_> {
    /// The value of a threshold: from rapport.yaml, else the rule's default.
    pub fn threshold(&self, name: &str) -> u32 {
        self.config
            .thresholds
            .get(name)
            .copied()
            .unwrap_or_else(|| {
                self.meta
                    .thresholds
                    .iter()
                    .find(|t| t.name == name)
                    .map_or(0, |t| t.default)
            })
    }
}

/// One finding a rule reports, before settings and waivers.
#[derive(Debug)]
pub struct Hit {
    file: String,
    location: Location,
    message: String,
    help: Option<String>,
    severity: Option<Severity>,
    /// The waiver that silences it, or the lapsed one that no longer does.
    waived: bool,
    lapsed: Option<NaiveDate>,
}

impl Hit {
    /// What to do about it.
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    /// A severity other than the rule's default, for rules with two levels.
    pub fn severity(&mut self, severity: Severity) -> &mut Self {
        self.severity = Some(severity);
        self
    }
}

/// Where a rule reports. It knows the rule's code and today, to judge waivers.
pub struct Out {
    code: &'static str,
    today: NaiveDate,
    honour_waivers: bool,
    hits: Vec<Hit>,
}

impl Out {
    /// Reports a finding on the entity of `file` that carries `waive`, at `location`.
    pub fn emit(
        &mut self,
        file: &str,
        waive: &[Waiver],
        location: Location,
        message: impl Into<String>,
    ) -> &mut Hit {
        let mut waived = false;
        let mut lapsed = None;
        if self.honour_waivers {
            for w in waive.iter().filter(|w| w.rule == self.code) {
                if w.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                    continue; // E08 says so; a waiver without a reason silences nothing
                }
                match w.until {
                    Some(until) if until.0 < self.today => lapsed = Some(until.0),
                    _ => waived = true,
                }
            }
        }
        self.hits.push(Hit {
            file: file.to_owned(),
            location,
            message: message.into(),
            help: None,
            severity: None,
            waived,
            lapsed: if waived { None } else { lapsed },
        });
        let last = self.hits.len() - 1;
        &mut self.hits[last]
    }
}

/// A rule of the rulebook. Visitors default to doing nothing.
#[allow(unused_variables)]
pub trait Rule: Sync {
    fn meta(&self) -> &'static Meta;
    fn client(&self, cx: &Cx<'_>, client: &ClientBook, out: &mut Out) {}
    fn contract(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Contract>, out: &mut Out) {}
    fn project(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {}
    fn meeting(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Meeting>, out: &mut Out) {}
    fn log(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<LogEntry>, out: &mut Out) {}
    fn invoice(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Invoice>, out: &mut Out) {}
    fn contractor(&self, cx: &Cx<'_>, e: &Entity<Contractor>, out: &mut Out) {}
    /// Checks that need the whole book at once (numbering across clients).
    fn book(&self, cx: &Cx<'_>, out: &mut Out) {}
}

/// What to run and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only these codes (all when empty).
    pub only: Vec<String>,
    pub ignore_waivers: bool,
}

/// The outcome of an audit run.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// How many findings waivers silenced.
    pub waived: usize,
}

struct Active<'a> {
    rule: &'static dyn Rule,
    config: &'a RuleConfig,
}

/// Runs the rulebook over `book` as of `today`.
pub fn run(book: &Book, today: NaiveDate, options: &Options) -> Report {
    let configs = config::configs(book.settings.as_ref());
    let calendar = Calendar::from_settings(book.settings.as_ref());
    let active: Vec<Active<'_>> = rules::all()
        .iter()
        .zip(&configs)
        .filter(|(rule, config)| {
            let meta = rule.meta();
            meta.automated
                && !config.off
                && (options.only.is_empty() || options.only.iter().any(|c| c == meta.code))
        })
        .map(|(rule, config)| Active {
            rule: *rule,
            config,
        })
        .collect();

    let run_rule = |a: &Active<'_>, visit: &dyn Fn(&Cx<'_>, &mut Out)| -> Vec<Hit> {
        let meta = a.rule.meta();
        let cx = Cx {
            book,
            today,
            calendar: &calendar,
            config: a.config,
            meta,
        };
        let mut out = Out {
            code: meta.code,
            today,
            honour_waivers: !options.ignore_waivers,
            hits: Vec::new(),
        };
        visit(&cx, &mut out);
        out.hits
    };

    // Per client in parallel; per rule within a client, in registry order.
    let t = crate::clock::phase("rules: per client");
    let per_client: Vec<Vec<(usize, Vec<Hit>)>> = book
        .clients
        .par_iter()
        .map(|client| {
            active
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let hits = run_rule(a, &|cx, out| {
                        let r = a.rule;
                        r.client(cx, client, out);
                        for e in &client.contracts {
                            r.contract(cx, client, e, out);
                        }
                        for e in &client.projects {
                            r.project(cx, client, e, out);
                        }
                        for e in &client.meetings {
                            r.meeting(cx, client, e, out);
                        }
                        for e in &client.log {
                            r.log(cx, client, e, out);
                        }
                        for e in &client.invoices {
                            r.invoice(cx, client, e, out);
                        }
                    });
                    (i, hits)
                })
                // Most rules find nothing in most clients: only their hits are kept.
                .filter(|(_, hits)| !hits.is_empty())
                .collect()
        })
        .collect();
    drop(t);
    let t = crate::clock::phase("rules: whole book");
    // The book-wide visitors (numbering across clients, referrals, popular services)
    // are few and each walks the whole book: in parallel with each other.
    let whole_book: Vec<(usize, Vec<Hit>)> = active
        .par_iter()
        .enumerate()
        .map(|(i, a)| {
            let hits = run_rule(a, &|cx, out| {
                for e in &book.contractors {
                    a.rule.contractor(cx, e, out);
                }
                a.rule.book(cx, out);
            });
            (i, hits)
        })
        .collect();

    drop(t);
    let _t = crate::clock::phase("rules: findings");
    let mut report = Report::default();
    let hits: usize = per_client
        .iter()
        .flatten()
        .chain(&whole_book)
        .map(|(_, hits)| hits.len())
        .sum();
    report.findings.reserve_exact(hits);
    for (i, hits) in per_client.into_iter().flatten().chain(whole_book) {
        let a = &active[i];
        let meta = a.rule.meta();
        for hit in hits {
            if hit.waived {
                report.waived += 1;
                continue;
            }
            let severity = a.config.severity.or(hit.severity).unwrap_or(meta.severity);
            let mut message = hit.message;
            if let Some(until) = hit.lapsed {
                message.push_str(&format!(" (its waiver lapsed on {until})"));
            }
            report.findings.push(Finding {
                code: meta.code,
                severity,
                file: hit.file,
                location: hit.location,
                message,
                help: hit.help,
            });
        }
    }
    report
}
