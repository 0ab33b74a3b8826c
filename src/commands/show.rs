//! `rapport show CLIENT`: one client's card (duty D4, the CRM view) — who they are,
//! who we talk to, what is signed, what is in work, every touch newest first, and
//! what was invoiced and paid — as aligned text or versioned JSON.
//!
//! The card is built once ([`Card`]) and both formats render that, so they never
//! disagree.

use std::fmt::Write as _;

use anyhow::{Context as _, Result};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::clients::{
    ClientFile, curator_name, last_touch, note_in, one_line, plain_table, service_name,
    warn_unreadable,
};
use super::duty_support::Amount;
use crate::book::{Book, ClientBook, Entity, currency, vat_contract};
use crate::cli::{ShowArgs, ShowFormat};
use crate::context::Context;
use crate::domain::billing;
use crate::domain::terms;
use crate::exit::Exit;
use crate::i18n::{Arg, Lang, say};
use crate::model::client::Contact;
use crate::model::contract::{ContractKind, Renewal};
use crate::model::invoice::InvoiceStatus;
use crate::model::log::Direction;
use crate::model::{Contract, Invoice, LogEntry, Meeting, Project};
use crate::msg;

/// Version of the JSON document's shape; bumped only on an incompatible change.
const JSON_VERSION: u32 = 1;

pub fn run(ctx: &Context, args: &ShowArgs) -> Result<Exit> {
    let book = ctx.load_client(&args.client)?;
    let client = crate::book::find_client(book, &args.client).map_err(anyhow::Error::new)?;
    let today = ctx.today(book);
    let card = Card::of(book, client, today);
    let text = match args.format {
        ShowFormat::Text => render_text(&card, ctx.lang, today),
        ShowFormat::Json => render_json(&card)?,
    };
    crate::commands::write_stdout(text.as_bytes())?;
    warn_unreadable(ctx.lang, book, std::slice::from_ref(client));
    // A broken client.yaml is named by the warning above; a missing one is not.
    if ClientFile::of(client) == ClientFile::Missing {
        note_in(
            ctx.lang,
            &msg!("show-client-file-missing-note", id = client.id.as_str()).render(ctx.lang),
        );
    }
    Ok(Exit::Ok)
}

/// An ID with the name it stands for (the ID again when the book does not know it).
#[derive(Debug, Serialize)]
struct Named<'b> {
    id: &'b str,
    name: &'b str,
}

/// Everything the card shows. Serialized as is for `--format json`.
#[derive(Debug, Serialize)]
struct Card<'b> {
    id: &'b str,
    /// `ok`, `broken` (exists but does not read) or `missing`; when not `ok`, the
    /// fields that come from `client.yaml` are `null` or empty.
    client_file: &'static str,
    name: Option<&'b str>,
    status: Option<&'static str>,
    key: Option<bool>,
    since: Option<String>,
    referred_by: Option<&'b str>,
    manager: Option<Named<'b>>,
    curator: Option<Named<'b>>,
    services: Vec<Named<'b>>,
    legal: Option<LegalCard<'b>>,
    last_touch: Option<String>,
    days_since_touch: Option<i64>,
    contacts: Vec<ContactCard<'b>>,
    contracts: Vec<ContractCard<'b>>,
    projects: Vec<ProjectCard<'b>>,
    /// Meetings after today, soonest first.
    upcoming: Vec<Touch<'b>>,
    /// Meetings and log entries up to today, newest first.
    history: Vec<Touch<'b>>,
    invoices: Vec<InvoiceCard<'b>>,
}

#[derive(Debug, Serialize)]
struct LegalCard<'b> {
    name: Option<&'b str>,
    inn: Option<&'b str>,
    kpp: Option<&'b str>,
    ogrn: Option<&'b str>,
    address: Option<&'b str>,
}

#[derive(Debug, Serialize)]
struct ContactCard<'b> {
    id: &'b str,
    name: &'b str,
    position: Option<&'b str>,
    email: Option<&'b str>,
    phone: Option<&'b str>,
    /// `YYYY-MM-DD`, or `--MM-DD` when the year is not known.
    birthday: Option<String>,
    preferred_channel: Option<&'static str>,
    approver: bool,
    profile: Option<&'b str>,
}

#[derive(Debug, Serialize)]
struct ContractCard<'b> {
    id: &'b str,
    number: &'b str,
    title: Option<&'b str>,
    kind: &'static str,
    /// The parent contract's ID, for a supplement or a re-signed contract.
    parent: Option<&'b str>,
    /// The parent contract's printed number (its ID when that file is not loaded).
    parent_number: Option<&'b str>,
    /// The term as signed (the first).
    start: String,
    end: String,
    /// The term in force today: a later one once the contract renewed itself, as
    /// `rapport renewals` counts them ([`terms::term_on`]).
    term: TermCard,
    status: &'static str,
    value: Option<Amount>,
    currency: &'b str,
    renewal: Option<RenewalCard<'b>>,
}

#[derive(Debug, Serialize)]
struct TermCard {
    /// 1 for the term as signed, 2 for the first tacit renewal, and so on.
    number: u32,
    start: String,
    end: String,
}

#[derive(Debug, Serialize)]
struct RenewalCard<'b> {
    auto: bool,
    term_months: Option<u32>,
    notice_days: Option<u32>,
    decision: Option<&'static str>,
    decided: Option<String>,
    /// The renewal contract's ID.
    next: Option<&'b str>,
    /// The renewal contract's printed number (its ID when that file is not loaded).
    next_number: Option<&'b str>,
    /// The clause in words: "auto-renews for 12 months, notice 30 days".
    text: String,
    /// The clause as written, for the text in other languages.
    #[serde(skip)]
    clause: &'b Renewal,
}

#[derive(Debug, Serialize)]
struct ProjectCard<'b> {
    id: &'b str,
    title: &'b str,
    stage: &'static str,
    stage_since: Option<String>,
    deadline: Option<String>,
    budget: Option<Amount>,
    currency: &'b str,
}

/// One meeting or log entry.
#[derive(Debug, Serialize)]
struct Touch<'b> {
    id: &'b str,
    #[serde(skip)]
    when: NaiveDateTime,
    /// `YYYY-MM-DDTHH:MM`.
    at: String,
    /// `meeting` or `log`.
    kind: &'static str,
    /// A meeting's format (`in_person`, `video`, `call`) or a log entry's channel
    /// (`email`, `call`, `messenger`, `letter`).
    channel: &'static str,
    /// `in` or `out` for a log entry; `null` for a meeting.
    direction: Option<&'static str>,
    /// The client's people: a meeting's attendees, a log entry's contact.
    who: Vec<Named<'b>>,
    /// One line: a meeting's decisions (else its agenda, notes or place); a log
    /// entry's subject (else its summary).
    summary: String,
}

#[derive(Debug, Serialize)]
struct InvoiceCard<'b> {
    id: &'b str,
    number: &'b str,
    date: String,
    due: String,
    /// As written: `draft`, `issued` or `cancelled`.
    status: &'static str,
    /// What the invoice asks for (see `billing`): every line's qty × price
    /// rounded to kopecks, summed; plus VAT when the prices are net.
    total: Amount,
    /// The payments dated on or before today.
    paid: Amount,
    currency: &'b str,
    /// For issued invoices: `paid`, `overpaid`, `partly_paid` or `unpaid`.
    payment: Option<&'static str>,
    /// Days past `due` of an issued invoice not paid in full.
    overdue_days: Option<i64>,
}

impl<'b> Card<'b> {
    fn of(book: &'b Book, client: &'b ClientBook, today: NaiveDate) -> Self {
        let data = client.client.as_ref().map(|e| &e.data);
        let touch = last_touch(client, today);
        let (mut history, mut upcoming): (Vec<Touch<'b>>, Vec<Touch<'b>>) = client
            .meetings
            .iter()
            .map(|m| meeting_touch(client, m))
            .chain(client.log.iter().map(|l| log_touch(client, l)))
            .partition(|t| t.when.date() <= today);
        history.sort_by(|a, b| b.when.cmp(&a.when).then_with(|| a.id.cmp(b.id)));
        upcoming.sort_by(|a, b| a.when.cmp(&b.when).then_with(|| a.id.cmp(b.id)));

        let mut contracts: Vec<&Entity<Contract>> = client.contracts.iter().collect();
        contracts.sort_by(|a, b| (a.data.start, &a.id).cmp(&(b.data.start, &b.id)));
        let mut projects: Vec<&Entity<Project>> = client.projects.iter().collect();
        projects.sort_by_key(|p| (!p.data.stage.is_open(), p.id.as_str()));
        let mut invoices: Vec<&Entity<Invoice>> = client.invoices.iter().collect();
        invoices.sort_by(|a, b| (a.data.date, &a.data.number).cmp(&(b.data.date, &b.data.number)));

        Card {
            id: &client.id,
            client_file: ClientFile::of(client).as_str(),
            name: data.map(|c| c.name.as_str()),
            status: data.map(|c| c.status.as_str()),
            key: data.map(|c| c.key),
            since: data.and_then(|c| c.since).map(|d| d.to_string()),
            referred_by: data.and_then(|c| c.referred_by.as_deref()),
            manager: data.and_then(|c| c.manager.as_deref()).map(|id| Named {
                id,
                name: book.team_name(id).unwrap_or(id),
            }),
            curator: data.and_then(|c| c.curator.as_deref()).map(|id| Named {
                id,
                name: curator_name(book, id),
            }),
            services: data
                .map(|c| {
                    c.services
                        .iter()
                        .map(|id| Named {
                            id,
                            name: service_name(book, id),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            legal: data.and_then(|c| c.legal.as_ref()).map(|l| LegalCard {
                name: l.name.as_deref(),
                inn: l.inn.as_deref(),
                kpp: l.kpp.as_deref(),
                ogrn: l.ogrn.as_deref(),
                address: l.address.as_deref(),
            }),
            last_touch: touch.map(|d| d.to_string()),
            days_since_touch: touch.map(|d| (today - d).num_days()),
            contacts: data
                .map(|c| c.contacts.iter().map(contact_card).collect())
                .unwrap_or_default(),
            contracts: contracts
                .into_iter()
                .map(|c| contract_card(book, client, c, today))
                .collect(),
            projects: projects
                .into_iter()
                .map(|p| ProjectCard {
                    id: &p.id,
                    title: &p.data.title,
                    stage: p.data.stage.as_str(),
                    stage_since: p.data.stage_since.map(|d| d.to_string()),
                    deadline: p.data.deadline.map(|d| d.to_string()),
                    budget: p.data.budget.map(Amount),
                    currency: currency(book, client, p.data.contract.as_deref(), today),
                })
                .collect(),
            upcoming,
            history,
            invoices: invoices
                .into_iter()
                .filter_map(|i| invoice_card(book, client, i, today))
                .collect(),
        }
    }
}

fn contact_card(c: &Contact) -> ContactCard<'_> {
    ContactCard {
        id: &c.id,
        name: &c.name,
        position: c.position.as_deref(),
        email: c.email.as_deref(),
        phone: c.phone.as_deref(),
        birthday: c.birthday.map(|b| b.to_string()),
        preferred_channel: c.preferred_channel.map(|x| x.as_str()),
        approver: c.approver,
        profile: c.profile.as_deref().map(str::trim_end),
    }
}

/// A contract of this client by ID.
fn contract<'b>(client: &'b ClientBook, id: &str) -> Option<&'b Contract> {
    client
        .contracts
        .iter()
        .find(|c| c.id == id)
        .map(|c| &c.data)
}

/// A contract's printed number, or its ID when that file is not loaded.
fn contract_number<'b>(client: &'b ClientBook, id: &'b str) -> &'b str {
    contract(client, id).map_or(id, |c| c.number.as_str())
}

/// A renewal clause in words: "auto-renews for 12 months, notice 30 days",
/// "does not auto-renew, notice 30 days; decided 2026-10-01: renew; next: 1/2027"
/// (in `lang`, its dates as [`card_date`] writes them).
fn renewal_text(r: &Renewal, next: Option<&str>, lang: Lang, today: NaiveDate) -> String {
    let mut text = match (r.auto, r.term_months) {
        (true, Some(m)) => msg!("show-renews-for", months = m).render(lang),
        (true, None) => say(lang, "show-renews"),
        (false, _) => say(lang, "show-no-renew"),
    };
    if let Some(days) = r.notice_days {
        text.push_str(&msg!("show-notice", days = days).render(lang));
    }
    let decision = |d| crate::report::digest::decision_label(lang, d);
    match (r.decision, r.decided) {
        (Some(d), Some(on)) => {
            let date = card_date(lang, &on.to_string(), today);
            text.push_str(&msg!("show-decided", date = date, decision = decision(d)).render(lang));
        }
        (Some(d), None) => {
            text.push_str(&msg!("show-decision", decision = decision(d)).render(lang));
        }
        (None, _) => {}
    }
    if let Some(next) = next {
        text.push_str(&msg!("show-next", next = next).render(lang));
    }
    text
}

/// A date of the card (`YYYY-MM-DD`, or a birthday's `--MM-DD`) as `lang` writes it:
/// as it is in English, «20 ноября» in Russian.
fn card_date(lang: Lang, iso: &str, today: NaiveDate) -> String {
    if lang == Lang::En {
        return iso.to_owned();
    }
    if let Some(md) = iso.strip_prefix("--") {
        let parsed = md
            .split_once('-')
            .and_then(|(m, d)| Some((m.parse::<u32>().ok()?, d.parse::<u32>().ok()?)));
        return match parsed {
            Some((m, d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => {
                crate::i18n::month_day_ru(m, d)
            }
            _ => iso.to_owned(),
        };
    }
    match NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        Ok(d) => crate::i18n::day_ru(d, today),
        Err(_) => iso.to_owned(),
    }
}

fn contract_card<'b>(
    book: &'b Book,
    client: &'b ClientBook,
    c: &'b Entity<Contract>,
    today: NaiveDate,
) -> ContractCard<'b> {
    let d = &c.data;
    let term = terms::term_on(d, today);
    ContractCard {
        id: &c.id,
        number: &d.number,
        title: d.title.as_deref(),
        kind: match d.kind {
            ContractKind::Contract => "contract",
            ContractKind::Supplement => "supplement",
        },
        parent: d.parent.as_deref(),
        parent_number: d.parent.as_deref().map(|p| contract_number(client, p)),
        start: d.start.to_string(),
        end: d.end.to_string(),
        term: TermCard {
            number: term.number,
            start: term.start.to_string(),
            end: term.end.to_string(),
        },
        status: d.status.as_str(),
        value: d.value.map(Amount),
        currency: currency(book, client, Some(&c.id), today),
        renewal: d.renewal.as_ref().map(|r| {
            let next_number = r.next.as_deref().map(|n| contract_number(client, n));
            RenewalCard {
                auto: r.auto,
                term_months: r.term_months,
                notice_days: r.notice_days,
                decision: r.decision.map(|x| x.as_str()),
                decided: r.decided.map(|d| d.to_string()),
                next: r.next.as_deref(),
                next_number,
                text: renewal_text(r, next_number, Lang::En, today),
                clause: r,
            }
        }),
    }
}

/// A contact of this client with their name (the ID when unknown).
fn who<'b>(client: &'b ClientBook, id: &'b str) -> Named<'b> {
    Named {
        id,
        name: client.contact(id).map_or(id, |c| c.name.as_str()),
    }
}

fn meeting_touch<'b>(client: &'b ClientBook, m: &'b Entity<Meeting>) -> Touch<'b> {
    let d = &m.data;
    let summary = if !d.decisions.is_empty() {
        d.decisions.join("; ")
    } else if !d.agenda.is_empty() {
        d.agenda.join("; ")
    } else {
        d.notes
            .as_deref()
            .or(d.place.as_deref())
            .unwrap_or_default()
            .to_owned()
    };
    Touch {
        id: &m.id,
        when: d.at.0,
        at: d.at.to_string(),
        kind: "meeting",
        channel: d.format.as_str(),
        direction: None,
        who: d.attendees.client.iter().map(|c| who(client, c)).collect(),
        summary: one_line(&summary),
    }
}

fn log_touch<'b>(client: &'b ClientBook, l: &'b Entity<LogEntry>) -> Touch<'b> {
    let d = &l.data;
    Touch {
        id: &l.id,
        when: d.at.0,
        at: d.at.to_string(),
        kind: "log",
        channel: d.channel.as_str(),
        direction: Some(match d.direction {
            Direction::In => "in",
            Direction::Out => "out",
        }),
        who: d.contact.iter().map(|c| who(client, c)).collect(),
        summary: one_line(
            d.subject
                .as_deref()
                .or(d.summary.as_deref())
                .unwrap_or_default(),
        ),
    }
}

fn invoice_card<'b>(
    book: &'b Book,
    client: &'b ClientBook,
    i: &'b Entity<Invoice>,
    today: NaiveDate,
) -> Option<InvoiceCard<'b>> {
    let d = &i.data;
    let settings = book.settings.as_ref();
    let under = vat_contract(client, d.contract.as_deref(), d.date.0);
    // An invoice whose lines do not fit in a sum of money does not load (E02).
    let total = billing::totals(d, under, settings).ok()?.gross;
    let paid = billing::paid(d, today);
    let (due, _) = billing::due_date(d, settings);
    let standing = billing::standing(d, total, settings, today);
    Some(InvoiceCard {
        id: &i.id,
        number: &d.number,
        date: d.date.to_string(),
        due: due.to_string(),
        status: match d.status {
            InvoiceStatus::Draft => "draft",
            InvoiceStatus::Issued => "issued",
            InvoiceStatus::Cancelled => "cancelled",
        },
        total: Amount(total),
        paid: Amount(paid),
        currency: currency(book, client, d.contract.as_deref(), d.date.0),
        payment: standing.payment(),
        overdue_days: standing.overdue_days(),
    })
}

#[derive(Serialize)]
struct JsonDocument<'a, 'b> {
    version: u32,
    client: &'a Card<'b>,
}

fn render_json(card: &Card<'_>) -> Result<String> {
    let doc = JsonDocument {
        version: JSON_VERSION,
        client: card,
    };
    let mut text = serde_json::to_string_pretty(&doc).context("cannot write the JSON")?;
    text.push('\n');
    Ok(text)
}

/// Label–value lines: labels padded to one width, a value's further lines indented
/// to the value's column. Absent values are left out unless `dash` is set, when they
/// show as `—`.
fn fields(out: &mut String, indent: usize, rows: &[(&str, Option<&str>)], dash: bool) {
    let rows: Vec<(&str, &str)> = rows
        .iter()
        .filter_map(|(label, value)| match value {
            Some(v) if !v.trim().is_empty() => Some((*label, v.trim_end())),
            _ => dash.then_some((*label, "—")),
        })
        .collect();
    let width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    for (label, value) in rows {
        let mut lines = value.lines();
        let first = lines.next().unwrap_or_default();
        let pad = width - label.chars().count();
        let _ = writeln!(out, "{:indent$}{label}{:pad$}  {first}", "", "");
        for line in lines {
            let line = line.trim_end();
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{:w$}{line}", "", w = indent + width + 2);
            }
        }
    }
}

fn section(out: &mut String, lang: Lang, title: &'static str, count: usize) {
    let title = say(lang, title);
    let _ = writeln!(
        out,
        "\n{}",
        msg!("show-section", title = title, count = count).render(lang)
    );
    if count == 0 {
        let _ = writeln!(out, "  {}", say(lang, "show-none"));
    }
}

fn touch_rows(touches: &[Touch<'_>], lang: Lang, today: NaiveDate) -> Vec<Vec<String>> {
    touches
        .iter()
        .map(|t| {
            let kind = match t.direction {
                Some(dir) => msg!(
                    "show-touch-log",
                    channel = Arg::Word(t.channel),
                    direction = Arg::Word(dir)
                ),
                None => msg!("show-touch-meeting", format = Arg::Word(t.channel)),
            }
            .render(lang);
            let who = t.who.iter().map(|w| w.name).collect::<Vec<_>>().join(", ");
            let when = match lang {
                Lang::En => t.when.format("%Y-%m-%d %H:%M").to_string(),
                Lang::Ru => format!(
                    "{}, {}",
                    crate::i18n::day_ru(t.when.date(), today),
                    t.when.format("%H:%M")
                ),
            };
            vec![
                when,
                kind,
                if who.is_empty() {
                    "—".to_owned()
                } else {
                    who
                },
                t.summary.clone(),
            ]
        })
        .collect()
}

/// The card as plain, aligned text, in `lang`.
fn render_text(card: &Card<'_>, lang: Lang, today: NaiveDate) -> String {
    let mut out = String::new();
    let w = Words { lang, today };
    text_head(&mut out, card, w);
    if card.client_file == "ok" {
        text_legal(&mut out, card.legal.as_ref(), lang);
        text_contacts(&mut out, &card.contacts, w);
    }
    text_contracts(&mut out, &card.contracts, w);
    text_projects(&mut out, &card.projects, w);
    if !card.upcoming.is_empty() {
        section(&mut out, lang, "show-upcoming", card.upcoming.len());
        out.push_str(&plain_table(
            None,
            touch_rows(&card.upcoming, lang, today),
            &[],
            2,
        ));
    }
    section(&mut out, lang, "show-history", card.history.len());
    if !card.history.is_empty() {
        out.push_str(&plain_table(
            None,
            touch_rows(&card.history, lang, today),
            &[],
            2,
        ));
    }
    text_invoices(&mut out, &card.invoices, w);
    out
}

/// The language of the card's text and the day its dates are told from.
#[derive(Clone, Copy)]
struct Words {
    lang: Lang,
    today: NaiveDate,
}

impl Words {
    fn say(self, id: &'static str) -> String {
        say(self.lang, id)
    }

    fn date(self, iso: &str) -> String {
        card_date(self.lang, iso, self.today)
    }

    fn money(self, m: crate::model::money::Money, currency: &str) -> String {
        super::duty_support::amount_in(self.lang, m, currency)
    }
}

/// The name line and the client's own fields.
fn text_head(out: &mut String, card: &Card<'_>, w: Words) {
    match (card.name, card.client_file) {
        (Some(name), _) => {
            let _ = writeln!(out, "{}  ({})", one_line(name), card.id);
        }
        (None, "broken") => {
            let _ = writeln!(out, "{}  ({})", card.id, w.say("show-client-file-broken"));
        }
        (None, _) => {
            let _ = writeln!(out, "{}  ({})", card.id, w.say("show-client-file-missing"));
        }
    }
    out.push('\n');
    let touch = card
        .last_touch
        .as_ref()
        .map(|d| match card.days_since_touch {
            Some(days) => format!(
                "{} ({})",
                w.date(d),
                msg!("show-days-ago", days = days).render(w.lang)
            ),
            None => w.date(d),
        });
    let last_touch = w.say("show-last-touch");
    if card.client_file != "ok" {
        fields(out, 2, &[(&last_touch, touch.as_deref())], true);
        return;
    }
    let status = card.status.map(|s| {
        let s = msg!("client-status", status = Arg::Word(s)).render(w.lang);
        if card.key == Some(true) {
            msg!("show-key-client", status = s).render(w.lang)
        } else {
            s
        }
    });
    let services = card
        .services
        .iter()
        .map(|s| s.name)
        .collect::<Vec<_>>()
        .join(", ");
    let since = card.since.as_deref().map(|d| w.date(d));
    let labels = [
        "show-status",
        "show-since",
        "show-referred-by",
        "show-manager",
        "show-curator",
        "show-services",
    ]
    .map(|id| w.say(id));
    fields(
        out,
        2,
        &[
            (&labels[0], status.as_deref()),
            (&labels[1], since.as_deref()),
            (&labels[2], card.referred_by),
            (&labels[3], card.manager.as_ref().map(|m| m.name)),
            (&labels[4], card.curator.as_ref().map(|c| c.name)),
            (&labels[5], Some(services.as_str())),
            (&last_touch, touch.as_deref()),
        ],
        true,
    );
}

fn text_legal(out: &mut String, legal: Option<&LegalCard<'_>>, lang: Lang) {
    let _ = writeln!(out, "\n{}", say(lang, "show-legal"));
    let labels = [
        "show-legal-name",
        "show-inn",
        "show-kpp",
        "show-ogrn",
        "show-address",
    ]
    .map(|id| say(lang, id));
    match legal {
        Some(l) => fields(
            out,
            2,
            &[
                (&labels[0], l.name),
                (&labels[1], l.inn),
                (&labels[2], l.kpp),
                (&labels[3], l.ogrn),
                (&labels[4], l.address),
            ],
            true,
        ),
        None => {
            let _ = writeln!(out, "  {}", say(lang, "show-none"));
        }
    }
}

fn text_contacts(out: &mut String, contacts: &[ContactCard<'_>], w: Words) {
    section(out, w.lang, "show-contacts", contacts.len());
    let labels = [
        "show-email",
        "show-phone",
        "show-birthday",
        "show-prefers",
        "show-profile",
    ]
    .map(|id| w.say(id));
    for c in contacts {
        let mut head = format!("  {} ({})", one_line(c.name), c.id);
        if let Some(p) = c.position {
            let _ = write!(head, " — {}", one_line(p));
        }
        if c.approver {
            let _ = write!(head, "  {}", w.say("show-approver"));
        }
        let _ = writeln!(out, "{head}");
        let prefers = c
            .preferred_channel
            .map(|p| msg!("show-prefers-channel", channel = Arg::Word(p)).render(w.lang));
        let birthday = c.birthday.as_deref().map(|d| w.date(d));
        fields(
            out,
            4,
            &[
                (&labels[0], c.email),
                (&labels[1], c.phone),
                (&labels[2], birthday.as_deref()),
                (&labels[3], prefers.as_deref()),
                (&labels[4], c.profile),
            ],
            false,
        );
    }
}

fn text_contracts(out: &mut String, contracts: &[ContractCard<'_>], w: Words) {
    section(out, w.lang, "show-contracts", contracts.len());
    for c in contracts {
        let mut head = format!("  {}", one_line(c.number));
        if let Some(t) = c.title {
            let _ = write!(head, "  {}", one_line(t));
        }
        let _ = writeln!(out, "{head}  ({})", c.id);
        let t = &c.term;
        let status = msg!("show-contract-status", status = Arg::Word(c.status)).render(w.lang);
        let mut term = if t.number > 1 {
            msg!(
                "show-term-renewed",
                number = t.number,
                start = w.date(&t.start),
                end = w.date(&t.end),
                first_start = w.date(&c.start),
                first_end = w.date(&c.end),
                status = status
            )
        } else {
            msg!(
                "show-term",
                start = w.date(&c.start),
                end = w.date(&c.end),
                status = status
            )
        }
        .render(w.lang);
        if c.kind == "supplement" {
            match c.parent_number {
                Some(p) => {
                    term.push_str(&msg!("show-supplement-to", parent = one_line(p)).render(w.lang))
                }
                None => term.push_str(&w.say("show-supplement")),
            }
        }
        if let Some(v) = c.value {
            term.push_str(&msg!("show-value", value = w.money(v.0, c.currency)).render(w.lang));
        }
        let _ = writeln!(out, "    {term}");
        if let Some(r) = &c.renewal {
            let text = renewal_text(r.clause, r.next_number, w.lang, w.today);
            let _ = writeln!(out, "    {}", one_line(&text));
        }
    }
}

fn text_projects(out: &mut String, projects: &[ProjectCard<'_>], w: Words) {
    section(out, w.lang, "show-projects", projects.len());
    for p in projects {
        let _ = writeln!(out, "  {}  ({})", one_line(p.title), p.id);
        let mut line = msg!("show-stage", stage = Arg::Word(p.stage)).render(w.lang);
        if let Some(since) = &p.stage_since {
            line.push_str(&msg!("show-stage-since", date = w.date(since)).render(w.lang));
        }
        if let Some(deadline) = &p.deadline {
            line.push_str(&msg!("show-deadline", date = w.date(deadline)).render(w.lang));
        }
        if let Some(budget) = p.budget {
            line.push_str(
                &msg!("show-budget", budget = w.money(budget.0, p.currency)).render(w.lang),
            );
        }
        let _ = writeln!(out, "    {line}");
    }
}

/// The invoices as a table; the status adds how the payment stands.
fn text_invoices(out: &mut String, invoices: &[InvoiceCard<'_>], w: Words) {
    section(out, w.lang, "show-invoices", invoices.len());
    if invoices.is_empty() {
        return;
    }
    let money = |m, currency: &str| w.money(m, currency);
    let rows = invoices
        .iter()
        .map(|i| {
            let mut status =
                msg!("show-invoice-status", status = Arg::Word(i.status)).render(w.lang);
            if let Some(p) = i.payment {
                status.push_str(&msg!("show-payment", payment = Arg::Word(p)).render(w.lang));
            }
            match i.overdue_days {
                Some(days) => {
                    status.push_str(&msg!("show-overdue", days = days).render(w.lang));
                }
                None if matches!(i.payment, Some("unpaid" | "partly_paid")) => {
                    status.push_str(&msg!("show-due", date = w.date(&i.due)).render(w.lang));
                }
                None => {}
            }
            vec![
                i.number.to_owned(),
                w.date(&i.date),
                money(i.total.0, i.currency),
                money(i.paid.0, i.currency),
                status,
            ]
        })
        .collect();
    let header = [
        "col-number",
        "col-date",
        "col-total",
        "col-paid",
        "col-status",
    ]
    .map(|id| w.say(id));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    out.push_str(&plain_table(Some(&header), rows, &[2, 3], 2));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::contract::RenewalDecision;

    #[test]
    fn renewal_in_words() {
        let r = Renewal {
            auto: true,
            term_months: Some(12),
            notice_days: Some(30),
            decision: None,
            decided: None,
            next: None,
        };
        assert_eq!(
            renewal_text(&r, None, Lang::En, NaiveDate::MIN),
            "auto-renews for 12 months, notice 30 days"
        );
        let r = Renewal {
            auto: false,
            term_months: Some(1),
            notice_days: Some(1),
            decision: Some(RenewalDecision::Renew),
            decided: Some(crate::model::time::Date(
                NaiveDate::from_ymd_opt(2026, 10, 1).expect("date"),
            )),
            next: Some("2027-001".into()),
        };
        assert_eq!(
            renewal_text(&r, Some("1/2027"), Lang::En, NaiveDate::MIN),
            "does not auto-renew, notice 1 day; decided 2026-10-01: renew; next: 1/2027"
        );
    }
}
