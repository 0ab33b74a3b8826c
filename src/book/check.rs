//! The checks that need more than one file: dangling references (E04), duplicate IDs
//! inside a file's lists (E05), dates that contradict each other (E07) and waivers
//! (E08).

use std::collections::HashSet;

use rayon::prelude::*;

use super::{Book, ClientBook, Kind};
use crate::finding::{Code, Finding, Location, Severity};
use crate::i18n::{Arg, Msg};
use crate::model::Waiver;
use crate::msg;
use crate::yaml::YamlPath;

/// Is `code` a rule that a waiver may name (R01–R30, D01–D16)?
fn is_rule_code(code: &str) -> bool {
    Code::parse(code).is_some_and(Code::is_rule)
}

/// What a reference may point at.
#[derive(Clone, Copy)]
enum Target {
    Team,
    Curator,
    Service,
    Contact,
    Contractor,
    /// A team member or a contractor (task assignees).
    TeamOrContractor,
    /// A team member or a client contact (action owners).
    TeamOrContact,
    Of(Kind),
}

impl Target {
    /// What it is, as the catalogs choose their noun (`load-what` in load.ftl).
    fn word(self) -> &'static str {
        match self {
            Target::Team => "team",
            Target::Curator => "curator",
            Target::Service => "service",
            Target::Contact => "contact",
            Target::Contractor => "contractor",
            Target::TeamOrContractor => "team-or-contractor",
            Target::TeamOrContact => "team-or-contact",
            Target::Of(kind) => match kind {
                Kind::Settings => "settings",
                Kind::Client => "client",
                Kind::Contract => "contract",
                Kind::Project => "project",
                Kind::Meeting => "meeting",
                Kind::Log => "log-entry",
                Kind::Invoice => "invoice",
                Kind::Act => "act",
                Kind::Contractor => "contractor",
            },
        }
    }
}

struct Refs<'b> {
    book: &'b Book,
    findings: Vec<Finding>,
}

impl Refs<'_> {
    fn team(&self) -> Option<Vec<&str>> {
        let s = self.book.settings.as_ref()?;
        Some(s.team.iter().map(|m| m.id.as_str()).collect())
    }

    /// The IDs a target may take, or `None` when they cannot be known (the file that
    /// lists them is broken): then nothing is reported.
    fn candidates(&self, target: Target, client: Option<&ClientBook>) -> Option<Vec<String>> {
        let settings = self.book.settings.as_ref();
        let contacts = || -> Option<Vec<String>> {
            let c = client?;
            // Broken or missing client.yaml: its own finding says so; the contacts
            // it would list cannot be known.
            if c.client_broken || c.client.is_none() {
                return None;
            }
            Some(
                c.client
                    .as_ref()
                    .map(|e| e.data.contacts.iter().map(|p| p.id.clone()).collect())
                    .unwrap_or_default(),
            )
        };
        let own = |v: Vec<&str>| v.into_iter().map(str::to_owned).collect::<Vec<_>>();
        Some(match target {
            Target::Team => own(self.team()?),
            Target::Curator => settings?.curators.iter().map(|c| c.id.clone()).collect(),
            Target::Service => settings?.services.iter().map(|c| c.id.clone()).collect(),
            Target::Contact => contacts()?,
            Target::Contractor => self.book.contractor_ids.clone(),
            Target::TeamOrContractor => {
                let mut v = own(self.team()?);
                v.extend(self.book.contractor_ids.iter().cloned());
                v
            }
            Target::TeamOrContact => {
                let mut v = own(self.team()?);
                v.extend(contacts()?);
                v
            }
            Target::Of(kind) => client?
                .present
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, id)| id.clone())
                .collect(),
        })
    }

    /// Does `target` hold `id`? `None` when that cannot be known, as for
    /// [`Refs::candidates`], which lists the IDs only when a finding needs them: this
    /// test, made for every reference in the book, allocates nothing.
    fn holds(&self, target: Target, client: Option<&ClientBook>, id: &str) -> Option<bool> {
        let settings = self.book.settings.as_ref();
        let team = || Some(settings?.team.iter().any(|m| m.id == id));
        let contact = || {
            let c = client?;
            if c.client_broken || c.client.is_none() {
                return None;
            }
            Some(c.contact(id).is_some())
        };
        // Sorted when the book was read.
        let contractor = || {
            self.book
                .contractor_ids
                .binary_search_by(|c| c.as_str().cmp(id))
                .is_ok()
        };
        Some(match target {
            Target::Team => team()?,
            Target::Curator => settings?.curators.iter().any(|c| c.id == id),
            Target::Service => settings?.services.iter().any(|c| c.id == id),
            Target::Contact => contact()?,
            Target::Contractor => contractor(),
            Target::TeamOrContractor => team()? || contractor(),
            Target::TeamOrContact => team()? || contact()?,
            Target::Of(kind) => client?.has(kind, id),
        })
    }

    fn check(
        &mut self,
        file: &str,
        path: impl FnOnce() -> YamlPath,
        id: &str,
        target: Target,
        client: Option<&ClientBook>,
    ) {
        if self.holds(target, client, id) != Some(false) {
            return;
        }
        let Some(ids) = self.candidates(target, client) else {
            return;
        };
        // A file is never its own parent or successor: its own ID is no suggestion.
        let own = std::path::Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|_| matches!(target, Target::Of(kind) if file.contains(&format!("/{}/", kind.folder().unwrap_or("")))));
        let refs: Vec<&str> = ids
            .iter()
            .map(String::as_str)
            .filter(|i| Some(*i) != own)
            .collect();
        let where_ = match (target, client) {
            (Target::Contact, Some(_)) => "contacts",
            (Target::Of(_), Some(_)) => "client",
            (Target::Team | Target::Curator | Target::Service, _) => "settings",
            _ => "nowhere",
        };
        let what = || Arg::Word(target.word());
        let help = match crate::yaml::suggest(id, &refs) {
            Some(s) => msg!("load-did-you-mean", suggestion = s),
            None if refs.is_empty() => msg!("load-nothing-to-refer-to", what = what()),
            None => msg!(
                "load-known",
                ids = Arg::Ids(refs.iter().map(|r| (*r).to_owned()).collect())
            ),
        };
        self.findings.push(
            Finding::error(Code::E04, file, Location::value(path()), "")
                .say(msg!(
                    "load-no-reference",
                    what = what(),
                    id = id,
                    where_ = Arg::Word(where_),
                    client = client.map_or("", |c| c.id.as_str()),
                ))
                .help_say(help),
        );
    }

    /// Checks the reference `id`, if there is one, at `path` (made only for a
    /// finding: most references hold, and the book has a great many).
    fn opt(
        &mut self,
        file: &str,
        path: impl FnOnce() -> YamlPath,
        id: Option<&String>,
        target: Target,
        client: Option<&ClientBook>,
    ) {
        if let Some(id) = id {
            self.check(file, path, id, target, client);
        }
    }

    fn list(
        &mut self,
        file: &str,
        path: &YamlPath,
        ids: &[String],
        target: Target,
        client: Option<&ClientBook>,
    ) {
        for (i, id) in ids.iter().enumerate() {
            self.check(file, || path.index(i), id, target, client);
        }
    }
}

fn duplicates<'a>(
    findings: &mut Vec<Finding>,
    file: &str,
    list: &'static str,
    ids: impl Iterator<Item = &'a str>,
    noun: &'static str,
) {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            findings.push(
                Finding::error(
                    Code::E05,
                    file,
                    Location::value(YamlPath::root().key(list).index(i).key("id")),
                    "",
                )
                .say(msg!(
                    "load-duplicate-in-list",
                    what = Arg::Word(noun),
                    id = id,
                    list = list
                ))
                .help_say(msg!("load-duplicate-in-list-help")),
            );
        }
    }
}

fn waivers(findings: &mut Vec<Finding>, file: &str, at: &YamlPath, list: &[Waiver]) {
    for (i, w) in list.iter().enumerate() {
        let path = at.key("waive").index(i);
        if w.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            findings.push(
                Finding::error(Code::E08, file, Location::value(path.clone()), "")
                    .say(msg!("load-waiver-no-reason", rule = &w.rule))
                    .help_say(msg!("load-waiver-no-reason-help")),
            );
        }
        if !is_rule_code(&w.rule) {
            findings.push(
                Finding::new(
                    Code::E08,
                    Severity::Warning,
                    file,
                    Location::value(path.key("rule")),
                    "",
                )
                .say(msg!("load-waiver-unknown-rule", rule = &w.rule))
                .help_say(msg!("load-waiver-unknown-rule-help")),
            );
        }
    }
}

/// An item that may carry its own waivers, and the rules that report on it.
struct WaivableItem {
    what: &'static str,
    rules: &'static [&'static str],
}

const ITEM_DEADLINE_CHANGE: WaivableItem = WaivableItem {
    what: "deadline-change",
    rules: &["R08"],
};
const ITEM_DECLINED: WaivableItem = WaivableItem {
    what: "declined",
    rules: &["R09"],
};
const ITEM_COMMENT: WaivableItem = WaivableItem {
    what: "comment",
    rules: &["R29", "R30"],
};
const ITEM_ACTION: WaivableItem = WaivableItem {
    what: "action",
    rules: &["R17"],
};

/// The waivers of one item (see [`WaivableItem`]): checked as every waiver is, and
/// a warning for a rule code that never reports on such an item, which silences
/// nothing.
fn item_waivers(
    findings: &mut Vec<Finding>,
    file: &str,
    at: &YamlPath,
    list: &[Waiver],
    item: WaivableItem,
) {
    waivers(findings, file, at, list);
    for (i, w) in list.iter().enumerate() {
        if !is_rule_code(&w.rule) || item.rules.contains(&w.rule.as_str()) {
            continue;
        }
        findings.push(
            Finding::new(
                Code::E08,
                Severity::Warning,
                file,
                Location::value(at.key("waive").index(i).key("rule")),
                "",
            )
            .say(msg!(
                "load-waiver-wrong-item",
                rule = &w.rule,
                item = Arg::Word(item.what)
            ))
            .help_say(msg!(
                "load-waiver-wrong-item-help",
                item = Arg::Word(item.what),
                first = item.rules.first().copied().unwrap_or_default(),
                two = Arg::Word(if item.rules.len() > 1 { "yes" } else { "no" }),
                second = item.rules.get(1).copied().unwrap_or_default(),
            )),
        );
    }
}

fn impossible(findings: &mut Vec<Finding>, file: &str, path: YamlPath, message: Msg) {
    findings.push(
        Finding::error(Code::E07, file, Location::value(path), "")
            .say(message)
            .help_say(msg!("load-impossible-help")),
    );
}

/// Values of `rapport.yaml` that its types alone do not pin down.
fn settings_values(findings: &mut Vec<Finding>, settings: &crate::model::Settings) {
    let file = "rapport.yaml";
    if settings.timezone.parse::<chrono_tz::Tz>().is_err() {
        let names: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
        let help = crate::yaml::suggest(&settings.timezone, &names).map_or_else(
            || msg!("load-timezone-help"),
            |s| msg!("load-did-you-mean", suggestion = s),
        );
        findings.push(
            Finding::error(
                Code::E02,
                file,
                Location::value(YamlPath::root().key("timezone")),
                "",
            )
            .say(msg!("load-not-a-timezone", timezone = &settings.timezone))
            .help_say(help),
        );
    }
    let c = settings.currency.as_bytes();
    if c.len() != 3 || !c.iter().all(u8::is_ascii_uppercase) {
        findings.push(
            Finding::error(
                Code::E02,
                file,
                Location::value(YamlPath::root().key("currency")),
                "",
            )
            .say(msg!("load-not-a-currency", currency = &settings.currency))
            .help_say(msg!("load-not-a-currency-help")),
        );
    }
    if settings.workday.end.0 <= settings.workday.start.0 {
        findings.push(
            Finding::error(
                Code::E07,
                file,
                Location::value(YamlPath::root().key("workday").key("end")),
                "",
            )
            .say(msg!("load-workday-ends-first"))
            .help_say(msg!("load-workday-ends-first-help")),
        );
    }
}

/// Runs every cross-file check and appends the findings to the book.
pub fn check(book: &mut Book) {
    let mut refs = Refs {
        book,
        findings: Vec::new(),
    };

    if let Some(settings) = &book.settings {
        let f = &mut refs.findings;
        settings_values(f, settings);
        duplicates(
            f,
            "rapport.yaml",
            "team",
            settings.team.iter().map(|m| m.id.as_str()),
            "team",
        );
        duplicates(
            f,
            "rapport.yaml",
            "curators",
            settings.curators.iter().map(|m| m.id.as_str()),
            "curator",
        );
        duplicates(
            f,
            "rapport.yaml",
            "services",
            settings.services.iter().map(|m| m.id.as_str()),
            "service",
        );
    }

    // Clients are independent: checked in parallel, their findings kept in book order.
    let per_client: Vec<Vec<Finding>> = book
        .clients
        .par_iter()
        .map(|cb| {
            let mut refs = Refs {
                book,
                findings: Vec::new(),
            };
            check_client(&mut refs, cb);
            refs.findings
        })
        .collect();
    let mut findings = refs.findings;
    findings.extend(per_client.into_iter().flatten());
    book.findings.extend(findings);
}

/// The checks of one client's files.
fn check_client(refs: &mut Refs<'_>, cb: &ClientBook) {
    let root = YamlPath::root();
    let c = Some(cb);
    if let Some(e) = &cb.client {
        let (file, d) = (e.file.as_str(), &e.data);
        duplicates(
            &mut refs.findings,
            file,
            "contacts",
            d.contacts.iter().map(|p| p.id.as_str()),
            "contact",
        );
        refs.opt(
            file,
            || root.key("manager"),
            d.manager.as_ref(),
            Target::Team,
            c,
        );
        refs.opt(
            file,
            || root.key("curator"),
            d.curator.as_ref(),
            Target::Curator,
            c,
        );
        refs.list(file, &root.key("services"), &d.services, Target::Service, c);
        waivers(&mut refs.findings, file, &root, &d.waive);
        for (i, p) in d.contacts.iter().enumerate() {
            waivers(
                &mut refs.findings,
                file,
                &root.key("contacts").index(i),
                &p.waive,
            );
        }
    }
    for e in &cb.contracts {
        let (file, d) = (e.file.as_str(), &e.data);
        refs.opt(
            file,
            || root.key("parent"),
            d.parent.as_ref(),
            Target::Of(Kind::Contract),
            c,
        );
        if let Some(r) = &d.renewal {
            refs.opt(
                file,
                || root.key("renewal").key("next"),
                r.next.as_ref(),
                Target::Of(Kind::Contract),
                c,
            );
        }
        if d.end < d.start {
            impossible(
                &mut refs.findings,
                file,
                root.key("end"),
                msg!(
                    "load-contract-ends-first",
                    end = Arg::FullDate(d.end.0),
                    start = Arg::FullDate(d.start.0)
                ),
            );
        }
        waivers(&mut refs.findings, file, &root, &d.waive);
    }
    for e in &cb.projects {
        let (file, d) = (e.file.as_str(), &e.data);
        refs.opt(
            file,
            || root.key("contract"),
            d.contract.as_ref(),
            Target::Of(Kind::Contract),
            c,
        );
        refs.opt(
            file,
            || root.key("approver"),
            d.approver.as_ref(),
            Target::Contact,
            c,
        );
        for (i, l) in d.estimate.iter().enumerate() {
            refs.opt(
                file,
                || root.key("estimate").index(i).key("service"),
                l.service.as_ref(),
                Target::Service,
                c,
            );
        }
        for (i, cost) in d.costs.iter().enumerate() {
            refs.opt(
                file,
                || root.key("costs").index(i).key("contractor"),
                cost.contractor.as_ref(),
                Target::Contractor,
                c,
            );
        }
        duplicates(
            &mut refs.findings,
            file,
            "tasks",
            d.tasks.iter().map(|t| t.id.as_str()),
            "task",
        );
        for (i, t) in d.tasks.iter().enumerate() {
            let at = root.key("tasks").index(i);
            refs.opt(
                file,
                || at.key("assignee"),
                t.assignee.as_ref(),
                Target::TeamOrContractor,
                c,
            );
            if let (Some(start), Some(due)) = (t.start, t.due)
                && due < start
            {
                impossible(
                    &mut refs.findings,
                    file,
                    at.key("due"),
                    msg!(
                        "load-task-due-first",
                        task = &t.id,
                        due = Arg::FullDate(due.0),
                        start = Arg::FullDate(start.0)
                    ),
                );
            }
            waivers(&mut refs.findings, file, &at, &t.waive);
        }
        for (i, ch) in d.deadline_changes.iter().enumerate() {
            let at = root.key("deadline_changes").index(i);
            refs.opt(
                file,
                || at.key("told_to"),
                ch.told_to.as_ref(),
                Target::Contact,
                c,
            );
            if let Some(task) = &ch.task
                && !d.tasks.iter().any(|t| &t.id == task)
            {
                let ids: Vec<&str> = d.tasks.iter().map(|t| t.id.as_str()).collect();
                let mut f = Finding::error(Code::E04, file, Location::value(at.key("task")), "")
                    .say(msg!("load-no-task", task = task));
                if let Some(s) = crate::yaml::suggest(task, &ids) {
                    f = f.help_say(msg!("load-did-you-mean", suggestion = s));
                }
                refs.findings.push(f);
            }
        }
        for (i, round) in d.feedback.iter().enumerate() {
            let at = root.key("feedback").index(i);
            refs.opt(
                file,
                || at.key("from"),
                round.from.as_ref(),
                Target::Contact,
                c,
            );
            for (j, comment) in round.comments.iter().enumerate() {
                refs.opt(
                    file,
                    || at.key("comments").index(j).key("clarified_with"),
                    comment.clarified_with.as_ref(),
                    Target::Contact,
                    c,
                );
            }
        }
        if let (Some(start), Some(deadline)) = (d.start, d.deadline)
            && deadline < start
        {
            impossible(
                &mut refs.findings,
                file,
                root.key("deadline"),
                msg!(
                    "load-deadline-first",
                    deadline = Arg::FullDate(deadline.0),
                    start = Arg::FullDate(start.0)
                ),
            );
        }
        waivers(&mut refs.findings, file, &root, &d.waive);
        for (i, ch) in d.deadline_changes.iter().enumerate() {
            let at = root.key("deadline_changes").index(i);
            item_waivers(
                &mut refs.findings,
                file,
                &at,
                &ch.waive,
                ITEM_DEADLINE_CHANGE,
            );
        }
        for (i, dec) in d.declined.iter().enumerate() {
            let at = root.key("declined").index(i);
            item_waivers(&mut refs.findings, file, &at, &dec.waive, ITEM_DECLINED);
        }
        for (i, round) in d.feedback.iter().enumerate() {
            for (j, comment) in round.comments.iter().enumerate() {
                let at = root.key("feedback").index(i).key("comments").index(j);
                item_waivers(&mut refs.findings, file, &at, &comment.waive, ITEM_COMMENT);
            }
        }
    }
    for e in &cb.meetings {
        let (file, d) = (e.file.as_str(), &e.data);
        refs.opt(
            file,
            || root.key("project"),
            d.project.as_ref(),
            Target::Of(Kind::Project),
            c,
        );
        refs.list(
            file,
            &root.key("attendees").key("client"),
            &d.attendees.client,
            Target::Contact,
            c,
        );
        refs.list(
            file,
            &root.key("attendees").key("agency"),
            &d.attendees.agency,
            Target::Team,
            c,
        );
        for (i, a) in d.actions.iter().enumerate() {
            refs.opt(
                file,
                || root.key("actions").index(i).key("owner"),
                a.owner.as_ref(),
                Target::TeamOrContact,
                c,
            );
        }
        if let Some(report) = &d.report {
            refs.list(
                file,
                &root.key("report").key("to"),
                &report.to,
                Target::Contact,
                c,
            );
            if let Some(sent) = report.sent
                && sent < d.at
            {
                impossible(
                    &mut refs.findings,
                    file,
                    root.key("report").key("sent"),
                    msg!(
                        "load-report-first",
                        sent = Arg::FullMoment(sent.0),
                        at = Arg::FullMoment(d.at.0)
                    ),
                );
            }
        }
        waivers(&mut refs.findings, file, &root, &d.waive);
        for (i, a) in d.actions.iter().enumerate() {
            let at = root.key("actions").index(i);
            item_waivers(&mut refs.findings, file, &at, &a.waive, ITEM_ACTION);
        }
    }
    for e in &cb.log {
        let (file, d) = (e.file.as_str(), &e.data);
        refs.opt(
            file,
            || root.key("contact"),
            d.contact.as_ref(),
            Target::Contact,
            c,
        );
        refs.opt(
            file,
            || root.key("project"),
            d.project.as_ref(),
            Target::Of(Kind::Project),
            c,
        );
        if let Some(replied) = d.replied
            && replied < d.at
        {
            impossible(
                &mut refs.findings,
                file,
                root.key("replied"),
                msg!(
                    "load-replied-first",
                    replied = Arg::FullMoment(replied.0),
                    at = Arg::FullMoment(d.at.0)
                ),
            );
        }
        waivers(&mut refs.findings, file, &root, &d.waive);
    }
    for e in &cb.invoices {
        let (file, d) = (e.file.as_str(), &e.data);
        refs.opt(
            file,
            || root.key("contract"),
            d.contract.as_ref(),
            Target::Of(Kind::Contract),
            c,
        );
        refs.opt(
            file,
            || root.key("project"),
            d.project.as_ref(),
            Target::Of(Kind::Project),
            c,
        );
        if let Some(n) = d.planned {
            planned_entry(&mut refs.findings, cb, file, d.contract.as_deref(), n);
        }
        if let Some(due) = d.due
            && due < d.date
        {
            impossible(
                &mut refs.findings,
                file,
                root.key("due"),
                msg!(
                    "load-invoice-due-first",
                    due = Arg::FullDate(due.0),
                    date = Arg::FullDate(d.date.0)
                ),
            );
        }
        for (i, p) in d.payments.iter().enumerate() {
            if p.date < d.date {
                impossible(
                    &mut refs.findings,
                    file,
                    root.key("payments").index(i).key("date"),
                    msg!(
                        "load-payment-first",
                        amount = Arg::Sum {
                            amount: p.amount,
                            currency: super::lookup::currency(
                                refs.book,
                                cb,
                                d.contract.as_deref(),
                                d.date.0
                            )
                            .to_owned()
                        },
                        paid = Arg::FullDate(p.date.0),
                        date = Arg::FullDate(d.date.0)
                    ),
                );
            }
        }
        waivers(&mut refs.findings, file, &root, &d.waive);
    }
    for e in &cb.acts {
        let (file, d) = (e.file.as_str(), &e.data);
        refs.opt(
            file,
            || root.key("contract"),
            d.contract.as_ref(),
            Target::Of(Kind::Contract),
            c,
        );
        refs.opt(
            file,
            || root.key("project"),
            d.project.as_ref(),
            Target::Of(Kind::Project),
            c,
        );
        refs.list(
            file,
            &root.key("invoices"),
            &d.invoices,
            Target::Of(Kind::Invoice),
            c,
        );
        if d.lines.is_empty() && d.invoices.is_empty() {
            refs.findings.push(
                Finding::error(Code::E02, file, Location::value(root.key("number")), "")
                    .say(msg!("load-act-bills-nothing", act = &d.number))
                    .help_say(msg!("load-act-bills-nothing-help")),
            );
        }
        for (key, day) in [
            ("sent", d.sent),
            ("signed", d.signed),
            ("originals", d.originals),
        ] {
            if let Some(day) = day
                && day < d.date
            {
                impossible(
                    &mut refs.findings,
                    file,
                    root.key(key),
                    msg!(
                        "load-act-first",
                        act = &d.number,
                        key = key,
                        day = Arg::FullDate(day.0),
                        date = Arg::FullDate(d.date.0)
                    ),
                );
            }
        }
        if let (Some(signed), Some(originals)) = (d.signed, d.originals)
            && originals < signed
        {
            impossible(
                &mut refs.findings,
                file,
                root.key("originals"),
                msg!(
                    "load-originals-first",
                    act = &d.number,
                    originals = Arg::FullDate(originals.0),
                    signed = Arg::FullDate(signed.0)
                ),
            );
        }
        waivers(&mut refs.findings, file, &root, &d.waive);
    }
}

/// An invoice's `planned: n` names an entry of its contract's billing plan (E04): it
/// needs a `contract`, and that contract (when it reads) has an `n`th entry.
fn planned_entry(
    findings: &mut Vec<Finding>,
    cb: &ClientBook,
    file: &str,
    contract: Option<&str>,
    n: u32,
) {
    let at = || Location::value(YamlPath::root().key("planned"));
    let Some(id) = contract else {
        findings.push(
            Finding::error(Code::E04, file, at(), "")
                .say(msg!("load-planned-no-contract", n = n))
                .help_say(msg!("load-planned-no-contract-help")),
        );
        return;
    };
    // A contract that is missing or does not read is reported for `contract:` itself.
    let Some(e) = cb.contracts.iter().find(|e| e.id == id) else {
        return;
    };
    let entries = e.data.billing.len();
    if n == 0 || usize::try_from(n).is_ok_and(|n| n > entries) {
        findings.push(
            Finding::error(Code::E04, file, at(), "")
                .say(msg!(
                    "load-no-planned-entry",
                    n = n,
                    contract = id,
                    entries = entries
                ))
                .help_say(msg!("load-no-planned-entry-help", file = &e.file)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::is_rule_code;

    #[test]
    fn a_waiver_names_a_rule_or_a_duty() {
        for ok in ["R01", "R30", "D01", "D10", "D11", "D12"] {
            assert!(is_rule_code(ok), "{ok}");
        }
        for bad in ["R00", "R31", "D99", "E01", "R1", "r01", "R001", ""] {
            assert!(!is_rule_code(bad), "{bad}");
        }
    }
}
