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

#[cfg(test)]
mod lookahead_tests;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::book::{Book, ClientBook, Entity};
use crate::domain::calendar::Calendar;
use crate::finding::{Amount, Code, Facts, Finding, Location, Said, Severity, State, Topic};
use crate::i18n::{Arg, Lang, Msg, Text};
use crate::model::{Act, Contract, Contractor, Invoice, LogEntry, Meeting, Project, Waiver};

pub use config::RuleConfig;

/// Every code `rapport audit` can report: the rules in registry order, then the E-codes.
pub fn every_code() -> Vec<Code> {
    rules::all()
        .iter()
        .map(|r| r.meta().code)
        .chain(book_codes::BOOK_CODES.iter().map(|c| c.code))
        .collect()
}

/// A rule's tunable number, settable as `rules.<CODE>.<name>` in rapport.yaml. Each is
/// a constant declared with its rule (`meta!`), read by value: a misspelt name does not
/// compile.
#[derive(Debug, Clone, Copy)]
pub struct Threshold {
    /// The rule it belongs to.
    pub code: Code,
    pub name: &'static str,
    pub default: u32,
    pub doc: &'static str,
}

/// A rule's tunable list of words, settable as `rules.<CODE>.<name>: [word, …]` in
/// rapport.yaml (R03's creative task kinds): each word one of `allowed`. Declared
/// with its rule (`meta!`), like a [`Threshold`].
#[derive(Debug, Clone, Copy)]
pub struct Words {
    /// The rule it belongs to.
    pub code: Code,
    pub name: &'static str,
    pub default: &'static [&'static str],
    /// The words it may hold.
    pub allowed: &'static [&'static str],
    pub doc: &'static str,
}

/// What a rule is, for `rapport rules` and for the engine.
#[derive(Debug)]
pub struct Meta {
    pub code: Code,
    /// What its findings are about (a hit may say otherwise).
    pub topic: Topic,
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
    /// Its lists of words, settable like thresholds.
    pub words: &'static [Words],
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
///
/// An audit is made as of `today`, and may look ahead to a later day, the horizon
/// (the agenda's window): a rule then also reports what it would first flag on a day
/// up to the horizon, with that day, so that one run says what is late today and
/// what falls due on each coming day. A rule whose verdict depends on the day asks
/// [`Cx::flagged_from`] (or [`Cx::flagged_between`]) for the day its matter is
/// flagged from, and describes the matter as of that day with [`Out::emit_on`]. For
/// a plain audit the horizon is today, and the day is always today.
pub struct Cx<'a> {
    pub book: &'a Book,
    pub today: NaiveDate,
    pub calendar: &'a Calendar,
    /// What the book's git history says moved (R08, D05); `None` when the history
    /// was not read (not a git repository, `--no-history`, or a command other than
    /// the audit).
    pub history: Option<&'a crate::history::History>,
    /// The last day the run looks at; `today` for a plain audit.
    horizon: NaiveDate,
    config: &'a RuleConfig,
    meta: &'static Meta,
}

impl Cx<'_> {
    /// The last day this run looks at: today, or a later day for a run that looks
    /// ahead. A rule with dates of its own (a meeting yet to come) reads it to know
    /// which events may still matter.
    pub fn horizon(&self) -> NaiveDate {
        self.horizon
    }

    /// `date` as a catalog message's date argument (see [`Arg::Date`]).
    pub fn date(&self, date: NaiveDate) -> Arg {
        Arg::Date {
            date,
            today: self.today,
        }
    }

    /// For a matter flagged on every day from `from` on: the first day of this run
    /// it is flagged on (today when `from` is not after today), or `None` when that
    /// is after the horizon.
    pub fn flagged_from(&self, from: NaiveDate) -> Option<NaiveDate> {
        self.flagged_between(from, NaiveDate::MAX)
    }

    /// For a matter flagged on the days `from..=until` only: the first of them this
    /// run looks at, or `None`.
    pub fn flagged_between(&self, from: NaiveDate, until: NaiveDate) -> Option<NaiveDate> {
        let day = from.max(self.today);
        (day <= until && day <= self.horizon).then_some(day)
    }

    /// For a matter judged by `judge` as of a day: the first day of this run it is
    /// flagged on, with what `judge` said. `judge` is asked about today, then (when
    /// the run looks ahead) about each of `changes` after today, in order: the days
    /// on which its verdict can turn from nothing to a finding (a cadence running out
    /// after the latest touch, say). A rule whose verdict can turn on another day
    /// must name that day among `changes`.
    pub fn first_flagged<T>(
        &self,
        changes: impl FnOnce() -> Vec<NaiveDate>,
        mut judge: impl FnMut(NaiveDate) -> Option<T>,
    ) -> Option<(NaiveDate, T)> {
        if let Some(found) = judge(self.today) {
            return Some((self.today, found));
        }
        if self.horizon == self.today {
            return None;
        }
        let mut days = changes();
        days.retain(|d| *d > self.today && *d <= self.horizon);
        days.sort_unstable();
        days.dedup();
        days.into_iter()
            .find_map(|d| judge(d).map(|found| (d, found)))
    }

    /// The value of one of this rule's thresholds: from rapport.yaml, else its default.
    pub fn threshold(&self, threshold: Threshold) -> u32 {
        debug_assert_eq!(threshold.code, self.meta.code, "another rule's threshold");
        self.config
            .thresholds
            .get(threshold.name)
            .copied()
            .unwrap_or(threshold.default)
    }

    /// The value of one of this rule's lists of words: from rapport.yaml, else its
    /// default.
    pub fn words(&self, words: Words) -> Vec<&str> {
        debug_assert_eq!(words.code, self.meta.code, "another rule's words");
        match self.config.words.get(words.name) {
            Some(set) => set.iter().map(String::as_str).collect(),
            None => words.default.to_vec(),
        }
    }
}

/// One finding a rule reports, before settings and waivers.
#[derive(Debug)]
pub struct Hit {
    /// The day it is flagged from: today, or a day up to the horizon.
    on: NaiveDate,
    facts: Facts,
    /// Waived on this earlier day, and flagged from `on` when the waiver ends.
    waived_on: Option<NaiveDate>,
    file: String,
    location: Location,
    message: Text,
    help: Option<Text>,
    severity: Option<Severity>,
    /// The waiver that silences it, or the lapsed one that no longer does.
    waived: bool,
    lapsed: Option<NaiveDate>,
}

impl Hit {
    /// What to do about it.
    pub fn help(&mut self, help: impl Into<Text>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    /// A severity other than the rule's default, for rules with two levels.
    pub fn severity(&mut self, severity: Severity) -> &mut Self {
        self.severity = Some(severity);
        self
    }

    /// What it is about, where the rule's own topic does not say.
    pub fn topic(&mut self, topic: Topic) -> &mut Self {
        self.facts.topic = topic;
        self
    }

    /// Done, only late: nothing is left to do about it.
    pub fn done_late(&mut self) -> &mut Self {
        self.facts.state = State::DoneLate;
        self
    }

    /// A fact of the past, which can no longer be acted on.
    pub fn past(&mut self) -> &mut Self {
        self.facts.state = State::Past;
        self
    }

    /// When the matter happened.
    pub fn happened(&mut self, day: NaiveDate) -> &mut Self {
        self.facts.happened = Some(day);
        self
    }

    /// The last day it was due on.
    pub fn due(&mut self, day: NaiveDate) -> &mut Self {
        self.facts.due = Some(day);
        self
    }

    /// A person it concerns (a contact, a team member, a contractor), by ID.
    pub fn person(&mut self, id: &str) -> &mut Self {
        self.facts.people.push(id.to_owned());
        self
    }

    /// [`Hit::person`], where there is one.
    pub fn person_opt(&mut self, id: Option<&str>) -> &mut Self {
        if let Some(id) = id {
            self.person(id);
        }
        self
    }

    /// The people it concerns, by ID.
    pub fn people<'i>(&mut self, ids: impl IntoIterator<Item = &'i String>) -> &mut Self {
        self.facts.people.extend(ids.into_iter().cloned());
        self
    }

    /// The money at stake.
    pub fn amount(&mut self, money: crate::model::money::Money, currency: &str) -> &mut Self {
        self.facts.amount = Some(Amount {
            money,
            currency: currency.to_owned(),
        });
        self
    }

    /// The item of the entity's list it is about, by index.
    pub fn item(&mut self, index: usize) -> &mut Self {
        self.facts.item = Some((index, None));
        self
    }

    /// The item within an item of the entity's list (a comment of a round).
    pub fn sub_item(&mut self, index: usize, within: usize) -> &mut Self {
        self.facts.item = Some((index, Some(within)));
        self
    }
}

/// Where a rule reports. It knows the rule's code and today, to judge waivers.
pub struct Out {
    code: Code,
    /// The rule's topic, each hit's unless it says otherwise.
    topic: Topic,
    today: NaiveDate,
    /// The last day the run looks at (see [`Cx`]).
    horizon: NaiveDate,
    honour_waivers: bool,
    hits: Vec<Hit>,
}

impl Out {
    /// Reports a finding, as of today, on the entity of `file` that carries `waive`,
    /// at `location`.
    pub fn emit(
        &mut self,
        file: &str,
        waive: &[Waiver],
        location: Location,
        message: impl Into<Text>,
    ) -> &mut Hit {
        let today = self.today;
        self.emit_on(today, file, waive, location, message)
    }

    /// [`Out::emit`] for a finding on one item that may carry waivers of its own (see
    /// [`Out::emit_item_on`]).
    pub fn emit_item(
        &mut self,
        file: &str,
        waive: &[Waiver],
        item_waive: &[Waiver],
        location: Location,
        message: impl Into<Text>,
    ) -> &mut Hit {
        let today = self.today;
        self.emit_item_on(today, file, waive, item_waive, location, message)
    }

    /// Reports a finding first flagged on `day` (today, or a day ahead given by
    /// [`Cx::flagged_from`]), described as of that day: its waivers are judged as of
    /// that day too.
    pub fn emit_on(
        &mut self,
        day: NaiveDate,
        file: &str,
        waive: &[Waiver],
        location: Location,
        message: impl Into<Text>,
    ) -> &mut Hit {
        self.emit_item_on(day, file, waive, &[], location, message)
    }

    /// [`Out::emit_on`] for a finding on one item of the entity's list (a deadline
    /// change, a declined request, a comment, an action), which may carry waivers of
    /// its own, `item_waive`, beside the entity's `waive`.
    pub fn emit_item_on(
        &mut self,
        day: NaiveDate,
        file: &str,
        waive: &[Waiver],
        item_waive: &[Waiver],
        location: Location,
        message: impl Into<Text>,
    ) -> &mut Hit {
        let mut day = day;
        let mut waived = false;
        let mut lapsed = None;
        // The last day a waiver in force covers (`None`: no end).
        let mut waived_until: Option<NaiveDate> = None;
        if self.honour_waivers {
            for w in waive
                .iter()
                .chain(item_waive)
                .filter(|w| self.code == w.rule)
            {
                if !w.has_reason() {
                    continue; // E08 says so; a waiver without a reason silences nothing
                }
                match w.until {
                    Some(until) if until.0 < day => lapsed = Some(until.0),
                    Some(until) => {
                        waived_until = if waived {
                            waived_until.map(|u| u.max(until.0))
                        } else {
                            Some(until.0)
                        };
                        waived = true;
                    }
                    None => {
                        waived = true;
                        waived_until = None;
                    }
                }
            }
        }
        // Waived on `day`, but the waiver ends before the horizon: flagged from the
        // day after it ends, as a run as of that day would flag it.
        let mut waived_on = None;
        if let Some(lapse) = waived_until.filter(|_| waived).and_then(|u| u.succ_opt())
            && lapse <= self.horizon
        {
            waived_on = Some(day);
            day = lapse;
            waived = false;
            lapsed = waived_until;
        }
        self.hits.push(Hit {
            on: day,
            facts: Facts {
                topic: self.topic,
                ..Facts::default()
            },
            waived_on,
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

/// A hit's message and help in English, with the catalog messages they came from
/// (for other languages); a lapsed waiver is said after the message.
fn worded(
    message: Text,
    help: Option<Text>,
    lapsed: Option<NaiveDate>,
    today: NaiveDate,
) -> (String, Option<String>, Option<Box<Said>>) {
    let message = match (message, lapsed) {
        (Text::Plain(mut text), Some(until)) => {
            text.push_str(&format!(" (its waiver lapsed on {until})"));
            Text::Plain(text)
        }
        (Text::Msg(m), Some(until)) => Text::Msg(crate::msg!(
            "audit-waiver-lapsed",
            finding = m,
            until = Arg::Date { date: until, today }
        )),
        (text, None) => text,
    };
    let english = crate::wording::nest_quotes(&message.render(Lang::En));
    let help_english = help
        .as_ref()
        .map(|h| crate::wording::nest_quotes(&h.render(Lang::En)));
    let said = Said {
        message: message.into_msg(),
        help: help.and_then(Text::into_msg),
    };
    let said = (said.message.is_some() || said.help.is_some()).then(|| Box::new(said));
    (english, help_english, said)
}

/// What a rule sees when it words one of its findings as a thing to do.
pub struct TodoCx<'a> {
    pub book: &'a Book,
    /// The client whose folder holds the finding's file.
    pub client: &'a ClientBook,
    pub today: NaiveDate,
    /// The day the matter is described as of: today, or the day it is first flagged.
    pub on: NaiveDate,
    /// The last day to do it, for a matter not flagged yet.
    pub due: Option<NaiveDate>,
}

impl TodoCx<'_> {
    /// ` — due Mon 30 Nov` for a matter not flagged yet; nothing for one already late.
    pub fn by(&self) -> Arg {
        match self.due {
            Some(d) => Arg::from(crate::msg!("todo-by", day = self.day(d))),
            None => Arg::Text(String::new()),
        }
    }

    /// A day as the agenda shows it (`Mon 30 Nov`, with its year if not this year's).
    pub fn day(&self, d: NaiveDate) -> Arg {
        Arg::Day {
            date: d,
            today: self.today,
        }
    }

    /// The name of a person of this client's (a contact, a team member, a contractor).
    pub fn person(&self, id: &'_ str) -> String {
        self.book.person_name(Some(self.client), id).to_owned()
    }
}

/// What to do about `finding`, in a line, as the rule that found it words it; `None`
/// when the rule has no wording of its own (the agenda then shows its message).
pub fn todo(cx: &TodoCx<'_>, finding: &Finding) -> Option<Msg> {
    rules::all()
        .iter()
        .find(|r| r.meta().code == finding.code)
        .and_then(|r| r.todo(cx, finding))
}

/// A rule of the rulebook. Visitors default to doing nothing.
#[allow(unused_variables)]
pub trait Rule: Sync {
    fn meta(&self) -> &'static Meta;

    /// What to do about one of its findings, in a line, for the agenda (see
    /// [`todo`]): the rule knows what its finding means.
    fn todo(&self, cx: &TodoCx<'_>, finding: &Finding) -> Option<Msg> {
        None
    }

    fn client(&self, cx: &Cx<'_>, client: &ClientBook, out: &mut Out) {}
    fn contract(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Contract>, out: &mut Out) {}
    fn project(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Project>, out: &mut Out) {}
    fn meeting(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Meeting>, out: &mut Out) {}
    fn log(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<LogEntry>, out: &mut Out) {}
    fn invoice(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Invoice>, out: &mut Out) {}
    fn act(&self, cx: &Cx<'_>, client: &ClientBook, e: &Entity<Act>, out: &mut Out) {}
    fn contractor(&self, cx: &Cx<'_>, e: &Entity<Contractor>, out: &mut Out) {}
    /// Checks that need the whole book at once (numbering across clients).
    fn book(&self, cx: &Cx<'_>, out: &mut Out) {}
}

/// What to run and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only these codes (all when empty).
    pub only: Vec<Code>,
    pub ignore_waivers: bool,
}

/// The outcome of an audit run.
#[derive(Debug, Default)]
pub struct Report {
    /// What is flagged today.
    pub findings: Vec<Finding>,
    /// How many of today's findings waivers silenced.
    pub waived: usize,
    /// For a run that looks ahead ([`run_ahead`]): what is first flagged on a day
    /// after today, up to the horizon, with that day, described as of that day.
    pub ahead: Vec<(NaiveDate, Finding)>,
}

struct Active<'a> {
    rule: &'static dyn Rule,
    config: &'a RuleConfig,
}

/// Runs the rulebook over `book` as of `today`.
pub fn run(book: &Book, today: NaiveDate, options: &Options) -> Report {
    run_ahead(book, today, today, options)
}

/// [`run`], with the book's git history for the rules that read it (R08, D05).
pub fn run_with_history(
    book: &Book,
    today: NaiveDate,
    options: &Options,
    history: Option<&crate::history::History>,
) -> Report {
    run_looking_ahead(book, today, today, options, history)
}

/// Runs the rulebook over `book` as of `today`, looking ahead to `horizon`: the
/// findings of today, and in [`Report::ahead`] what a run as of each later day up to
/// `horizon` would flag first on that day — in one run, not one per day.
pub fn run_ahead(book: &Book, today: NaiveDate, horizon: NaiveDate, options: &Options) -> Report {
    run_looking_ahead(book, today, horizon, options, None)
}

fn run_looking_ahead(
    book: &Book,
    today: NaiveDate,
    horizon: NaiveDate,
    options: &Options,
    history: Option<&crate::history::History>,
) -> Report {
    let horizon = horizon.max(today);
    let configs = config::configs(book.settings.as_ref());
    let calendar = Calendar::from_settings(book.settings.as_ref());
    let active: Vec<Active<'_>> = rules::all()
        .iter()
        .zip(&configs)
        .filter(|(rule, config)| {
            let meta = rule.meta();
            meta.automated
                && !config.off
                && (options.only.is_empty() || options.only.contains(&meta.code))
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
            history,
            horizon,
            config: a.config,
            meta,
        };
        let mut out = Out {
            code: meta.code,
            topic: meta.topic,
            today,
            horizon,
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
                        for e in &client.acts {
                            r.act(cx, client, e, out);
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
            let ahead = hit.on > today;
            // Silenced today by a waiver that ends before the horizon: counted as
            // waived today, and flagged from the day after the waiver ends.
            if hit.waived_on == Some(today) {
                report.waived += 1;
            }
            if hit.waived {
                if !ahead {
                    report.waived += 1;
                }
                continue;
            }
            let severity = a.config.severity.or(hit.severity).unwrap_or(meta.severity);
            let (message, help, said) = worded(hit.message, hit.help, hit.lapsed, today);
            let finding = Finding {
                code: meta.code,
                severity,
                file: hit.file,
                location: hit.location,
                message,
                help,
                facts: hit.facts,
                said,
            };
            if ahead {
                report.ahead.push((hit.on, finding));
            } else {
                report.findings.push(finding);
            }
        }
    }
    report
}
