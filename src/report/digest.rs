//! The curator's digest (duty D6): for each key client of one management-side
//! curator, what happened in a period and what needs attention — meetings held and
//! what was decided, projects with their stage and budget, invoices issued, paid and
//! overdue, contracts whose notice date is near, and the audit's open errors.
//!
//! Judgements come from the audit, not from a second copy of its rules, read from
//! its findings' facts (waivers honoured): overdue invoices are the open payment
//! findings, with the due day and the sum unpaid the audit found; money beyond what
//! was agreed or asked and work under an ended contract are told in the letter's
//! language; the other error-level findings are listed as the audit words them, in the
//! letter's language. Notice dates come from [`crate::domain::terms`], as D01 and D02 count
//! them.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::email::{self, Draft, Mailbox};
use super::locale;
use super::meeting::{AgencyView, Person, book_locale, team_person};
use super::templates::{Output, Templates, name};
use crate::audit;
use crate::book::{Book, ClientBook};
use crate::domain::billing;
use crate::domain::calendar::Calendar;
use crate::domain::terms;
use crate::finding::{Code, Finding, Severity, State, Topic};
use crate::model::contract::{ContractStatus, RenewalDecision};
use crate::model::invoice::InvoiceStatus;
use crate::model::money::Money;
use crate::model::project::Stage;
use crate::model::settings::{Curator, Locale};

/// How far ahead a notice date makes a contract worth the curator's attention.
pub const NOTICE_HORIZON_DAYS: u64 = 60;

#[derive(Debug, Clone, Serialize)]
pub struct Period {
    pub since: String,
    pub until: String,
    pub since_long: String,
    pub until_long: String,
    pub since_short: String,
    pub until_short: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CuratorView {
    pub id: String,
    pub name: String,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingLine {
    pub id: String,
    pub file: String,
    pub date: String,
    pub date_short: String,
    pub date_long: String,
    pub format: String,
    /// The first item of the agenda, as the meeting's topic.
    pub topic: Option<String>,
    pub decisions: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProjectLine {
    pub id: String,
    pub title: String,
    pub stage: &'static str,
    pub stage_label: &'static str,
    pub deadline_short: Option<String>,
    pub budget: Option<String>,
    /// The sum of `costs`.
    pub spent: String,
    /// Costs as a percentage of the budget, to one place as `rapport budget` rounds it
    /// ([`crate::domain::budget::percent`]), written in the book's language: `8,8`.
    pub spent_percent: Option<String>,
    pub over_budget: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct InvoiceLine {
    pub number: String,
    pub date_short: String,
    pub total: String,
    pub due_short: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PaymentLine {
    pub invoice: String,
    pub date_short: String,
    pub amount: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OverdueLine {
    pub number: String,
    pub due_short: String,
    pub days_late: i64,
    pub days_late_text: String,
    pub unpaid: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContractLine {
    pub number: String,
    pub title: Option<String>,
    pub term_end_short: String,
    pub notice_short: String,
    /// Days from today to the notice date; negative when it has passed.
    pub notice_in_days: i64,
    pub notice_in_text: String,
    pub auto: bool,
    /// `renew`, `renegotiate`, `terminate`, or absent while undecided.
    pub decision: Option<&'static str>,
    pub decision_label: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ErrorLine {
    pub code: Code,
    pub message: String,
    pub file: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClientDigest {
    pub id: String,
    pub name: String,
    pub manager: Option<String>,
    pub meetings: Vec<MeetingLine>,
    pub projects: Vec<ProjectLine>,
    pub issued: Vec<InvoiceLine>,
    pub payments: Vec<PaymentLine>,
    pub overdue: Vec<OverdueLine>,
    /// Money beyond what was agreed or asked (the audit's billing findings), worded.
    pub money_issues: Vec<String>,
    pub contracts: Vec<ContractLine>,
    /// Work or billing under a contract that has ended (the audit's contract
    /// findings), worded.
    pub contract_issues: Vec<String>,
    pub errors: Vec<ErrorLine>,
}

/// What a digest template sees.
#[derive(Debug, Clone, Serialize)]
pub struct DigestView {
    pub lang: &'static str,
    pub agency: AgencyView,
    pub curator: CuratorView,
    pub period: Period,
    pub clients: Vec<ClientDigest>,
    /// Who sends the digest: see [`sender`].
    pub signature: Option<Person>,
}

fn money(locale: Locale, m: Money, currency: &str) -> String {
    locale::money(locale, m, currency)
}

fn book_currency(book: &Book) -> &str {
    book.settings
        .as_ref()
        .map_or("RUB", |s| s.currency.as_str())
}

/// The key clients of `curator` (former clients left out), by name.
pub fn key_clients<'b>(book: &'b Book, curator: &str) -> Vec<&'b ClientBook> {
    let mut out: Vec<&ClientBook> = book
        .clients
        .iter()
        .filter(|c| {
            c.client.as_ref().is_some_and(|e| {
                e.data.key
                    && e.data.curator.as_deref() == Some(curator)
                    && e.data.status != crate::model::client::ClientStatus::Former
            })
        })
        .collect();
    out.sort_by(|a, b| (a.name(), &a.id).cmp(&(b.name(), &b.id)));
    out
}

/// The person who sends a curator's digest: the one account manager of all its
/// clients, if there is one with an email; else the agency's address.
fn sender(book: &Book, locale: Locale, clients: &[&ClientBook]) -> Option<Person> {
    let mut managers: Vec<&str> = clients
        .iter()
        .filter_map(|c| c.client.as_ref().and_then(|e| e.data.manager.as_deref()))
        .filter(|id| book.is_team(id))
        .collect();
    managers.sort_unstable();
    managers.dedup();
    match managers.as_slice() {
        [one] => Some(team_person(book, locale, one)),
        _ => None,
    }
}

impl DigestView {
    /// The digest for `curator` over `since..=today`; `findings` are the audit's as of
    /// `today` and the loader's, by client.
    pub fn of(
        book: &Book,
        curator: &Curator,
        since: NaiveDate,
        today: NaiveDate,
        findings: &ClientFindings<'_>,
    ) -> DigestView {
        let locale = book_locale(book);
        let clients = key_clients(book, &curator.id);
        let agency = book.settings.as_ref().map(|s| &s.agency);
        DigestView {
            lang: locale::code(locale),
            agency: AgencyView {
                name: agency.map_or_else(String::new, |a| a.name.clone()),
                email: agency.and_then(|a| a.email.clone()),
                phone: agency.and_then(|a| a.phone.clone()),
            },
            curator: CuratorView {
                id: curator.id.clone(),
                name: curator.name.clone(),
                email: curator.email.clone().filter(|e| !e.trim().is_empty()),
            },
            period: Period {
                since: since.format("%Y-%m-%d").to_string(),
                until: today.format("%Y-%m-%d").to_string(),
                since_long: locale::long_date(locale, since),
                until_long: locale::long_date(locale, today),
                since_short: locale::short_date(locale, since),
                until_short: locale::short_date(locale, today),
            },
            signature: sender(book, locale, &clients),
            clients: clients
                .iter()
                .map(|c| client_digest(book, locale, c, since, today, findings))
                .collect(),
        }
    }
}

fn in_period(d: NaiveDate, since: NaiveDate, today: NaiveDate) -> bool {
    (since..=today).contains(&d)
}

fn client_digest(
    book: &Book,
    locale: Locale,
    client: &ClientBook,
    since: NaiveDate,
    today: NaiveDate,
    findings: &ClientFindings<'_>,
) -> ClientDigest {
    let short = |d: NaiveDate| locale::short_date(locale, d);
    let cur = book_currency(book);

    let mut meetings: Vec<MeetingLine> = client
        .meetings
        .iter()
        .filter(|m| in_period(m.data.at.date(), since, today))
        .map(|m| MeetingLine {
            id: m.id.clone(),
            file: m.file.clone(),
            date: m.data.at.date().format("%Y-%m-%d").to_string(),
            date_short: short(m.data.at.date()),
            date_long: locale::long_date(locale, m.data.at.date()),
            format: locale::meeting_format(locale, m.data.format).to_owned(),
            topic: m.data.agenda.first().cloned(),
            decisions: m.data.decisions.clone(),
        })
        .collect();
    meetings.sort_by(|a, b| (&a.date, &a.id).cmp(&(&b.date, &b.id)));

    let mut projects: Vec<(u8, ProjectLine)> = client
        .projects
        .iter()
        .filter(|p| {
            p.data.stage.is_open()
                || p.data
                    .stage_since
                    .is_some_and(|d| in_period(d.0, since, today))
        })
        .map(|p| {
            let d = &p.data;
            let spent = d
                .costs
                .iter()
                .fold(Decimal::ZERO, |acc, c| acc.saturating_add(c.amount.0));
            let percent = d
                .budget
                .filter(|b| b.0 > Decimal::ZERO && !d.costs.is_empty())
                .and_then(|b| crate::domain::budget::percent(spent, b.0))
                .map(|p| locale::number(locale, p));
            let line = ProjectLine {
                id: p.id.clone(),
                title: d.title.clone(),
                stage: d.stage.as_str(),
                stage_label: locale::stage(locale, d.stage),
                deadline_short: d.deadline.map(|x| short(x.0)),
                budget: d.budget.map(|b| money(locale, b, cur)),
                spent: if d.costs.is_empty() {
                    "—".to_owned()
                } else {
                    money(locale, Money(spent), cur)
                },
                spent_percent: percent,
                over_budget: d.budget.is_some_and(|b| spent > b.0),
            };
            (stage_rank(d.stage), line)
        })
        .collect();
    projects.sort_by(|a, b| (a.0, &a.1.title).cmp(&(b.0, &b.1.title)));

    let mut issued = Vec::new();
    let mut payments = Vec::new();
    for e in &client.invoices {
        let i = &e.data;
        if i.status != InvoiceStatus::Issued {
            continue;
        }
        let icur = super::invoice_currency(book, client, i);
        // An invoice whose lines do not fit in a sum of money does not load (E02).
        if in_period(i.date.0, since, today)
            && let Ok(totals) = super::invoice_totals(book, client, i)
        {
            issued.push(InvoiceLine {
                number: i.number.clone(),
                date_short: short(i.date.0),
                total: money(locale, totals.gross, icur),
                due_short: short(billing::due_date(i, book.settings.as_ref()).0),
            });
        }
        for p in &i.payments {
            if in_period(p.date.0, since, today) {
                payments.push(PaymentLine {
                    invoice: i.number.clone(),
                    date_short: short(p.date.0),
                    amount: money(locale, p.amount, icur),
                });
            }
        }
    }
    issued.sort_by(|a, b| a.number.cmp(&b.number));
    payments.sort_by(|a, b| (&a.date_short, &a.invoice).cmp(&(&b.date_short, &b.invoice)));

    // Overdue: exactly the invoices the audit flags as payments still open, with
    // the due day and the sum unpaid it found (waivers honoured).
    let findings = findings.of_client(&client.id);
    let mut overdue: Vec<OverdueLine> = findings
        .iter()
        .filter(|f| f.facts.topic == Topic::Payment && f.facts.state == State::Open)
        .filter_map(|f| {
            let invoice = client.invoice_in(&f.file)?;
            let (due, unpaid) = (f.facts.due?, f.facts.amount.as_ref()?);
            let late = (today - due).num_days();
            Some(OverdueLine {
                number: invoice.data.number.clone(),
                due_short: short(due),
                days_late: late,
                days_late_text: locale::days(locale, late),
                unpaid: money(locale, unpaid.money, &unpaid.currency),
            })
        })
        .collect();
    overdue.sort_by(|a, b| a.number.cmp(&b.number));
    overdue.dedup_by(|a, b| a.number == b.number);

    // Money beyond what was agreed or asked, and work under an ended contract: told in
    // the letter's language from the findings' facts, not as the audit's lines.
    let mut money_issues: Vec<String> = findings
        .iter()
        .filter(|f| f.facts.topic == Topic::Billing)
        .filter_map(|f| billing_issue(locale, client, f))
        .collect();
    money_issues.sort();
    money_issues.dedup();
    let mut contract_issues: Vec<String> = findings
        .iter()
        .filter(|f| f.facts.topic == Topic::Contract)
        .filter_map(|f| ended_contract_issue(locale, client, f))
        .collect();
    contract_issues.sort();
    contract_issues.dedup();

    let calendar = Calendar::from_settings(book.settings.as_ref());
    let horizon = today
        .checked_add_days(Days::new(NOTICE_HORIZON_DAYS))
        .unwrap_or(today);
    let mut contracts: Vec<ContractLine> = client
        .contracts
        .iter()
        .filter(|e| e.data.status == ContractStatus::Active)
        .filter_map(|e| {
            let c = &e.data;
            let term = terms::term_on(c, today);
            let notice = terms::notice_date(c, term, &calendar)?;
            // A notice date within the horizon, or passed during this term undecided.
            let relevant = notice <= horizon
                && (notice >= today || (notice >= term.start && !terms::decided_for(c, term)));
            if !relevant || term.end < today {
                return None;
            }
            let decision = terms::decided_for(c, term)
                .then(|| c.renewal.as_ref().and_then(|r| r.decision))
                .flatten();
            let left = (notice - today).num_days();
            Some(ContractLine {
                number: c.number.clone(),
                title: c.title.clone(),
                term_end_short: short(term.end),
                notice_short: short(notice),
                notice_in_days: left,
                notice_in_text: locale::days(locale, left.abs()),
                auto: c.renewal.as_ref().is_some_and(|r| r.auto),
                decision: decision.map(|x| x.as_str()),
                decision_label: decision.map(|d| decision_label(locale, d)),
            })
        })
        .collect();
    contracts.sort_by(|a, b| (a.notice_in_days, &a.number).cmp(&(b.notice_in_days, &b.number)));

    let mut errors: Vec<ErrorLine> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        // Told above: overdue and excess money, ended contracts, projects over budget.
        .filter(|f| {
            !matches!(
                f.facts.topic,
                Topic::Payment | Topic::Billing | Topic::Contract | Topic::Budget
            )
        })
        .map(|f| ErrorLine {
            code: f.code,
            // In the letter's language: the findings are worded in the catalogs.
            message: crate::finding::in_lang(locale, f.said.as_deref(), &f.message, None)
                .0
                .into_owned(),
            file: f.file.clone(),
        })
        .collect();
    errors.sort_by(|a, b| (&a.file, a.code, &a.message).cmp(&(&b.file, b.code, &b.message)));
    errors.dedup_by(|a, b| a.file == b.file && a.code == b.code && a.message == b.message);

    ClientDigest {
        id: client.id.clone(),
        name: client.name().to_owned(),
        manager: client
            .client
            .as_ref()
            .and_then(|c| c.data.manager.as_deref())
            .map(|id| team_person(book, locale, id).name),
        meetings,
        projects: projects.into_iter().map(|(_, p)| p).collect(),
        issued,
        payments,
        overdue,
        money_issues,
        contracts,
        contract_issues,
        errors,
    }
}

/// A finding about money beyond what was agreed or asked, in the letter's language:
/// billing over a contract's value, payments over an invoice's total or against a
/// cancelled invoice.
fn billing_issue(locale: Locale, client: &ClientBook, f: &Finding) -> Option<String> {
    let over = f.facts.amount.as_ref()?;
    let over = money(locale, over.money, &over.currency);
    if let Some(c) = client.contract_in(&f.file) {
        let number = &c.data.number;
        return Some(match locale {
            Locale::Ru => format!("Выставлено сверх суммы договора {number} на {over}"),
            Locale::En => format!("Billed over the value of contract {number} by {over}"),
        });
    }
    let i = client.invoice_in(&f.file)?;
    let number = &i.data.number;
    Some(match (locale, i.data.status) {
        (Locale::Ru, InvoiceStatus::Cancelled) => {
            format!("По отменённому счёту {number} поступила оплата: {over}")
        }
        (Locale::En, InvoiceStatus::Cancelled) => {
            format!("Invoice {number} is cancelled, yet {over} was paid against it")
        }
        (Locale::Ru, _) => format!("Счёт {number} оплачен сверх суммы на {over}"),
        (Locale::En, _) => format!("Invoice {number} was paid {over} over its total"),
    })
}

/// A finding about work or billing under a contract that ended with no renewal, in
/// the letter's language.
fn ended_contract_issue(locale: Locale, client: &ClientBook, f: &Finding) -> Option<String> {
    let end = locale::short_date(locale, f.facts.due?);
    let contract = |id: Option<&str>| client.contract_entity(id).map(|c| c.data.number.clone());
    if let Some(i) = client.invoice_in(&f.file) {
        let (number, date) = (&i.data.number, locale::short_date(locale, i.data.date.0));
        let c = contract(i.data.contract.as_deref())?;
        return Some(match locale {
            Locale::Ru => format!(
                "Счёт {number} от {date} выставлен по договору {c}, срок которого истёк {end}, а продления нет"
            ),
            Locale::En => format!(
                "Invoice {number} of {date} bills under contract {c}, which ended on {end} with no renewal"
            ),
        });
    }
    if let Some(p) = client.project_in(&f.file) {
        let title = &p.data.title;
        let c = contract(p.data.contract.as_deref())?;
        return Some(match locale {
            Locale::Ru => format!(
                "Проект «{title}» в работе по договору {c}, срок которого истёк {end}, а продления нет"
            ),
            Locale::En => format!(
                "Project “{title}” is active under contract {c}, which ended on {end} with no renewal"
            ),
        });
    }
    let m = client.meeting_in(&f.file)?;
    let p = client.project_entity(m.data.project.as_deref())?;
    let c = contract(p.data.contract.as_deref())?;
    let (held, title) = (locale::short_date(locale, m.data.at.date()), &p.data.title);
    Some(match locale {
        Locale::Ru => format!(
            "Встреча {held} по проекту «{title}» — по договору {c}, срок которого истёк {end}, а продления нет"
        ),
        Locale::En => format!(
            "The meeting of {held} about “{title}” is under contract {c}, which ended on {end} with no renewal"
        ),
    })
}

/// Projects in work first, then those being sold, then the finished.
fn stage_rank(stage: Stage) -> u8 {
    match stage {
        Stage::Active => 0,
        Stage::Negotiation => 1,
        Stage::Estimate => 2,
        Stage::Lead => 3,
        Stage::Done => 4,
        Stage::Lost => 5,
        Stage::Cancelled => 6,
    }
}

pub(crate) fn decision_label(locale: Locale, d: RenewalDecision) -> &'static str {
    match (locale, d) {
        (Locale::Ru, RenewalDecision::Renew) => "продлеваем",
        (Locale::Ru, RenewalDecision::Renegotiate) => "пересматриваем условия",
        (Locale::Ru, RenewalDecision::Terminate) => "расторгаем",
        (Locale::En, RenewalDecision::Renew) => "renew",
        (Locale::En, RenewalDecision::Renegotiate) => "renegotiate",
        (Locale::En, RenewalDecision::Terminate) => "terminate",
    }
}

/// The audit's findings as of `today` (waivers honoured), for [`DigestView::of`].
pub fn audit_findings(book: &Book, today: NaiveDate) -> Vec<Finding> {
    audit::run(book, today, &audit::Options::default()).findings
}

/// Findings grouped by the client whose folder holds their file: each client's
/// digest looks up its own instead of filtering every finding of the book (which
/// made the digest of a big book quadratic).
#[derive(Debug, Default)]
pub struct ClientFindings<'f> {
    by_client: HashMap<&'f str, Vec<&'f Finding>>,
}

impl<'f> ClientFindings<'f> {
    /// `audit` (the rules' findings) and the loader's findings of `book`, by client.
    pub fn of(book: &'f Book, audit: &'f [Finding]) -> Self {
        Self::of_refs(book, audit)
    }

    /// As [`ClientFindings::of`], from the rules' findings one by one.
    pub fn of_refs(book: &'f Book, audit: impl IntoIterator<Item = &'f Finding>) -> Self {
        let mut by_client: HashMap<&str, Vec<&Finding>> = HashMap::new();
        for f in audit.into_iter().chain(&book.findings) {
            if let Some(id) = client_folder(&f.file) {
                by_client.entry(id).or_default().push(f);
            }
        }
        ClientFindings { by_client }
    }

    fn of_client(&self, id: &str) -> &[&'f Finding] {
        self.by_client.get(id).map_or(&[], Vec::as_slice)
    }
}

/// `acme` for `clients/acme/…`.
fn client_folder(file: &str) -> Option<&str> {
    file.strip_prefix("clients/")?
        .split_once('/')
        .map(|(id, _)| id)
}

/// A digest rendered.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub subject: String,
    pub markdown: String,
    pub html: String,
}

pub fn render(
    templates: &Templates,
    locale: Locale,
    view: &DigestView,
) -> anyhow::Result<Rendered> {
    let subject = templates.render(&name("digest", locale, Output::Subject), view)?;
    Ok(Rendered {
        subject: subject.split_whitespace().collect::<Vec<_>>().join(" "),
        markdown: templates.render(&name("digest", locale, Output::Markdown), view)?,
        html: templates.render(&name("digest", locale, Output::Html), view)?,
    })
}

/// The draft of a digest: To the curator, From the sender (else the agency). The
/// second value names who could not be addressed.
pub fn draft(
    book: &Book,
    view: &DigestView,
    rendered: &Rendered,
    date: String,
    today: NaiveDate,
) -> anyhow::Result<(Draft, Vec<String>)> {
    let mut left_out = Vec::new();
    let to: Vec<Mailbox> = match &view.curator.email {
        Some(e) if email::is_plausible_address(e) => vec![Mailbox {
            name: view.curator.name.clone(),
            email: e.clone(),
        }],
        Some(e) => {
            left_out.push(format!(
                "curator {} (`{}`): `{e}` is not an email address",
                view.curator.name, view.curator.id
            ));
            Vec::new()
        }
        None => {
            left_out.push(format!(
                "curator {} (`{}`): no email in the book",
                view.curator.name, view.curator.id
            ));
            Vec::new()
        }
    };
    let signer = view
        .signature
        .as_ref()
        .and_then(|p| email::mailbox_of(&p.name, p.email.as_ref()));
    let agency = email::agency_mailbox(book);
    let Some(from) = signer.or(agency) else {
        return Err(crate::i18n::hinted(
            crate::msg!("digest-draft-no-sender"),
            crate::msg!("digest-draft-no-sender-hint"),
        ));
    };
    Ok((
        Draft {
            from,
            to,
            cc: Vec::new(),
            subject: rendered.subject.clone(),
            date,
            id: format!("digest.{}.{}", view.curator.id, today.format("%Y-%m-%d")),
            text: rendered.markdown.clone(),
            html: rendered.html.clone(),
        },
        left_out,
    ))
}
