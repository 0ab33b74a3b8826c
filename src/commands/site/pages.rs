//! The pages of the site, each from [`Data`]: what it shows and in which order. The
//! figures are the listing commands' own; this module only lays them out.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use anyhow::Result;
use chrono::{Days, NaiveDate};
use rayon::prelude::*;
use rust_decimal::Decimal;

use super::chart::{self, Bar, Group, Span};
use super::html::{self, Cell, Frame, anchor, empty, esc, link, page, page_name, table};
use super::words::{self, Words};
use super::{Data, Scope, client_of};
use crate::audit::rules;
use crate::book::{Book, ClientBook};
use crate::commands::rules::summary as rule_summary;
use crate::domain::billing::{Aging, Standing};
use crate::domain::budget::Rag;
use crate::domain::receivables::{self, Month};
use crate::domain::renewal::State;
use crate::finding::{Finding, Severity};
use crate::i18n::Arg;
use crate::model::act::ActStatus;
use crate::model::client::ClientStatus;
use crate::model::contract::ContractStatus;
use crate::model::money::Money;
use crate::model::project::Stage;
use crate::model::settings::{Curator, Locale};
use crate::output::Resolved;
use crate::report::digest::{self, ClientFindings, DigestView};
use crate::report::locale;

/// The file names of the pages [`each`] makes, in its order: the menu's pages, the
/// clients', the curators'.
pub fn names(d: &Data<'_>) -> Vec<String> {
    let w = words::of(d.locale);
    html::menu(w)
        .iter()
        .map(|(file, _)| (*file).to_owned())
        .chain(d.clients.iter().map(|c| page_name("client", &c.id)))
        .chain(
            d.curator_views
                .iter()
                .map(|v| page_name("curator", &v.curator.id)),
        )
        .collect()
}

/// Makes every page and hands each, with its file name, to `put` as soon as it is
/// made; the pages are made in parallel (on the calling thread pool), each on its
/// own, so their bytes do not depend on the order. Stops at the first error of `put`.
pub fn each(d: &Data<'_>, put: &(dyn Fn(String, Vec<u8>) -> Result<()> + Sync)) -> Result<()> {
    let w = words::of(d.locale);
    let agency = d
        .book
        .settings
        .as_ref()
        .map_or("", |s| s.agency.name.as_str());
    let today = locale::short_date(d.locale, d.today);
    let frame = Frame {
        words: w,
        agency,
        today: &today,
        scope: d.scope.label.as_deref(),
    };
    let render = |file: String, title: &str, body: String| {
        let text = page(&frame, &file, title, &body);
        put(file, text.into_bytes())
    };
    type Body = fn(&Data<'_>, &Words) -> String;
    let menu: [(&str, &str, Body); 5] = [
        ("index.html", w.overview, overview),
        ("money.html", w.money, money),
        ("renewals.html", w.renewals, renewals),
        ("projects.html", w.projects, projects),
        ("health.html", w.health, health),
    ];
    let index = Index::of(d);
    let (menu, (clients, curators)) = rayon::join(
        || {
            menu.par_iter()
                .try_for_each(|(file, title, body)| render((*file).to_owned(), title, body(d, w)))
        },
        || {
            rayon::join(
                || {
                    d.clients.par_iter().try_for_each(|c| {
                        render(
                            page_name("client", &c.id),
                            c.name(),
                            client(d, w, &index, c),
                        )
                    })
                },
                || {
                    d.curator_views.iter().try_for_each(|view| {
                        render(
                            page_name("curator", &view.curator.id),
                            &view.curator.name,
                            curator_page(w, view),
                        )
                    })
                },
            )
        },
    );
    menu.and(clients).and(curators)
}

// ---- small pieces ----

/// Each client's rows and findings, looked up by client ID: a page per client does not
/// scan every row of the book (2,000 clients × 20,000 invoices).
struct Index<'d, 'b> {
    invoices: HashMap<&'b str, Vec<&'d super::invoices::Row<'b>>>,
    budgets: HashMap<&'b str, Vec<&'d super::budget::Row<'b>>>,
    renewals: HashMap<(&'b str, &'b str), &'d super::renewals::Row<'b>>,
    findings: HashMap<&'d str, Vec<usize>>,
}

impl<'d, 'b> Index<'d, 'b> {
    fn of(d: &'d Data<'b>) -> Self {
        let mut index = Index {
            invoices: HashMap::new(),
            budgets: HashMap::new(),
            renewals: HashMap::new(),
            findings: HashMap::new(),
        };
        for r in &d.invoices {
            index
                .invoices
                .entry(r.client.id.as_str())
                .or_default()
                .push(r);
        }
        for r in &d.budgets {
            index
                .budgets
                .entry(r.client.id.as_str())
                .or_default()
                .push(r);
        }
        for r in &d.renewals {
            index
                .renewals
                .insert((r.client.id.as_str(), r.contract.id.as_str()), r);
        }
        for (i, f) in d.findings.iter().enumerate() {
            if let Some(id) = client_of(&f.file) {
                index.findings.entry(id).or_default().push(i);
            }
        }
        index
    }
}

fn money(d: &Data<'_>, w: &Words) -> String {
    let mut out = String::new();
    money_aging(d, w, &mut out);
    money_monthly(d, w, &mut out);
    money_overdue(d, w, &mut out);
    out
}

fn fmt_money(d: &Data<'_>, m: Money, currency: &str) -> String {
    locale::money(d.locale, m, currency)
}

/// A figure a test reads back: `data-figure` names it, `data-value` is its plain value.
/// A percentage (`13.3`, as the budget's figures give it) as the site's language
/// writes it: `13,3` in Russian.
fn percent(d: &Data<'_>, p: &str) -> String {
    p.parse::<Decimal>()
        .map_or_else(|_| p.to_owned(), |x| locale::number(d.locale, x))
}

fn figure(name: &str, plain: &str, shown: &str) -> String {
    format!(
        "<span data-figure=\"{}\" data-value=\"{}\">{}</span>",
        esc(name),
        esc(plain),
        esc(shown)
    )
}

fn date(d: &Data<'_>, day: NaiveDate) -> String {
    locale::short_date(d.locale, day)
}

fn client_link(c: &ClientBook) -> String {
    link(&page_name("client", &c.id), c.name())
}

fn status_word(locale: Locale, s: ClientStatus) -> &'static str {
    match (locale, s) {
        (Locale::Ru, ClientStatus::Lead) => "потенциальный",
        (Locale::Ru, ClientStatus::Active) => "активный",
        (Locale::Ru, ClientStatus::Paused) => "на паузе",
        (Locale::Ru, ClientStatus::Former) => "бывший",
        (Locale::En, s) => s.as_str(),
    }
}

/// A finding's severity, for its mark: "ошибка", "warning".
fn severity_word(locale: Locale, s: Severity) -> &'static str {
    match (locale, s) {
        (Locale::Ru, Severity::Error) => "ошибка",
        (Locale::Ru, Severity::Warning) => "предупреждение",
        (Locale::Ru, Severity::Info) => "сведение",
        (Locale::En, s) => s.as_str(),
    }
}

fn contract_status(locale: Locale, s: ContractStatus) -> &'static str {
    match (locale, s) {
        (Locale::Ru, ContractStatus::Draft) => "черновик",
        (Locale::Ru, ContractStatus::Active) => "действует",
        (Locale::Ru, ContractStatus::Terminated) => "расторгнут",
        (Locale::Ru, ContractStatus::Closed) => "закрыт",
        (Locale::En, s) => s.as_str(),
    }
}

/// Where an invoice stands: `invoices`' words in English, their Russian otherwise.
fn standing_word(locale: Locale, s: Standing) -> String {
    match (locale, s) {
        (Locale::En, s) => super::invoices::status_text(s),
        (Locale::Ru, Standing::Draft) => "черновик".to_owned(),
        (Locale::Ru, Standing::Issued) => "выставлен".to_owned(),
        (Locale::Ru, Standing::PartlyPaid) => "оплачен частично".to_owned(),
        (Locale::Ru, Standing::Paid) => "оплачен".to_owned(),
        (Locale::Ru, Standing::Overpaid) => "переплата".to_owned(),
        (Locale::Ru, Standing::Overdue { days, .. }) => {
            format!("просрочен на {}", locale::days(Locale::Ru, days))
        }
        (Locale::Ru, Standing::Cancelled) => "отменён".to_owned(),
    }
}

fn act_status(locale: Locale, s: ActStatus) -> &'static str {
    match (locale, s) {
        (Locale::Ru, ActStatus::Draft) => "черновик",
        (Locale::Ru, ActStatus::Issued) => "выставлен",
        (Locale::Ru, ActStatus::Cancelled) => "аннулирован",
        (Locale::En, s) => s.as_str(),
    }
}

fn rag_mark(w: &Words, rag: Rag) -> String {
    let word = match rag {
        Rag::Red => w.red,
        Rag::Amber => w.amber,
        Rag::Green => w.green,
    };
    format!("<span class=\"mark {}\">{word}</span>", rag.as_str())
}

fn member_name<'a>(d: &'a Data<'_>, id: &'a str) -> &'a str {
    d.book
        .settings
        .as_ref()
        .and_then(|s| s.team.iter().find(|m| m.id == id))
        .map_or(id, |m| m.name.as_str())
}

fn curator_name<'a>(d: &'a Data<'_>, id: &'a str) -> &'a str {
    d.book
        .settings
        .as_ref()
        .and_then(|s| s.curators.iter().find(|m| m.id == id))
        .map_or(id, |m| m.name.as_str())
}

fn aging_label(w: &Words, a: Aging) -> String {
    match a {
        Aging::Current => w.current.to_owned(),
        other => format!("{} {}", other.label(), w.days_past_due),
    }
}

fn counts_by_severity(findings: &[&Resolved]) -> [usize; 3] {
    let mut n = [0; 3];
    for f in findings {
        n[match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }] += 1;
    }
    n
}

// ---- overview ----

fn overview(d: &Data<'_>, w: &Words) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "<h2>{}</h2>\n<ul class=\"tiles\">", w.this_week);
    for a in super::invoices::aging(&d.invoices) {
        let _ = writeln!(
            out,
            "<li><a href=\"money.html#aging-{cur}\"><span class=\"label\">{} ({cur})</span></a><span class=\"figure\">{}</span></li>",
            w.owed,
            figure(
                &format!("owed-{}", a.currency),
                &a.total.to_string(),
                &fmt_money(d, a.total, a.currency)
            ),
            cur = esc(a.currency),
        );
    }
    let overdue = d
        .invoices
        .iter()
        .filter(|r| matches!(r.standing, Standing::Overdue { .. }))
        .count();
    let _ = writeln!(
        out,
        "<li><a href=\"money.html#overdue\"><span class=\"label\">{}</span></a><span class=\"figure\">{}</span></li>",
        w.overdue_invoices,
        figure("overdue-count", &overdue.to_string(), &overdue.to_string())
    );
    let soon = d.renewals.iter().filter(|r| r.within(d.today, 60)).count();
    let _ = writeln!(
        out,
        "<li><a href=\"renewals.html\"><span class=\"label\">{}</span></a><span class=\"figure\">{}</span></li>",
        w.renewals_60,
        figure("renewals-60", &soon.to_string(), &soon.to_string())
    );
    let all: Vec<&Resolved> = d.findings.iter().collect();
    let [e, wa, i] = counts_by_severity(&all);
    let _ = writeln!(
        out,
        "<li><a href=\"health.html\"><span class=\"label\">{}</span></a><span class=\"figure\">{} {} · {} {} · {} {}</span></li>\n</ul>",
        w.open_findings,
        figure("findings-error", &e.to_string(), &e.to_string()),
        counted(
            d.locale,
            e,
            ["error", "errors"],
            ["ошибка", "ошибки", "ошибок"]
        ),
        figure("findings-warning", &wa.to_string(), &wa.to_string()),
        counted(
            d.locale,
            wa,
            ["warning", "warnings"],
            ["предупреждение", "предупреждения", "предупреждений"]
        ),
        figure("findings-info", &i.to_string(), &i.to_string()),
        counted(
            d.locale,
            i,
            ["info", "infos"],
            ["замечание", "замечания", "замечаний"]
        )
    );

    // Clients by manager and status.
    let _ = writeln!(out, "<h2>{}</h2>", w.clients);
    let mut grid: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for c in &d.clients {
        let (manager, status) = c.client.as_ref().map_or((None, ClientStatus::Active), |e| {
            (e.data.manager.as_deref(), e.data.status)
        });
        let name = manager.map_or(w.unassigned.to_owned(), |m| member_name(d, m).to_owned());
        let i = ClientStatus::ALL
            .iter()
            .position(|s| *s == status)
            .unwrap_or(0);
        grid.entry(name).or_default()[i] += 1;
    }
    let mut head = vec![w.manager];
    head.extend(ClientStatus::ALL.iter().map(|s| status_word(d.locale, *s)));
    head.push(w.total);
    let rows = grid
        .iter()
        .map(|(m, n)| {
            let mut row = vec![Cell::text(m)];
            row.extend(n.iter().map(|k| Cell::num(&k.to_string(), &k.to_string())));
            let t: usize = n.iter().sum();
            row.push(Cell::num(&t.to_string(), &t.to_string()));
            row
        })
        .collect();
    out.push_str(&table(
        &format!("{} — {}", w.clients, w.by_manager),
        &head,
        rows,
    ));
    let rows = d
        .clients
        .iter()
        .map(|c| {
            let data = c.client.as_ref().map(|e| &e.data);
            vec![
                Cell::raw(client_link(c)),
                Cell::text(status_word(
                    d.locale,
                    data.map_or(ClientStatus::Active, |c| c.status),
                )),
                Cell::text(if data.is_some_and(|c| c.key) {
                    w.yes
                } else {
                    ""
                }),
                Cell::text(
                    data.and_then(|c| c.manager.as_deref())
                        .map_or("", |m| member_name(d, m)),
                ),
                match data.and_then(|c| c.curator.as_deref()) {
                    Some(id) => Cell::raw(link(&page_name("curator", id), curator_name(d, id))),
                    None => Cell::text(""),
                },
            ]
        })
        .collect();
    out.push_str(&table(
        w.clients,
        &[w.client, w.status, w.key, w.manager, w.curator],
        rows,
    ));

    let _ = writeln!(out, "<h2>{}</h2>", w.key_clients);
    let keys: Vec<&&ClientBook> = d
        .clients
        .iter()
        .filter(|c| c.client.as_ref().is_some_and(|e| e.data.key))
        .collect();
    if keys.is_empty() {
        out.push_str(&empty(w.no_key_clients));
    } else {
        out.push_str("<ul>\n");
        for c in keys {
            let curator = c.client.as_ref().and_then(|e| e.data.curator.as_deref());
            let _ = writeln!(
                out,
                "<li>{} — {}: {}</li>",
                client_link(c),
                w.curator,
                curator.map_or_else(
                    || esc(w.unassigned),
                    |id| link(&page_name("curator", id), curator_name(d, id))
                )
            );
        }
        out.push_str("</ul>\n");
    }
    out
}

// ---- money ----

fn money_aging(d: &Data<'_>, w: &Words, out: &mut String) {
    let _ = writeln!(out, "<h2>{}</h2>", w.aging);
    let aging = super::invoices::aging(&d.invoices);
    if aging.is_empty() {
        out.push_str(&empty(w.none));
    }
    for a in aging {
        let cur = a.currency;
        let bars: Vec<Bar> = Aging::ALL
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let m = a.buckets.get(b).copied().unwrap_or_default();
                Bar {
                    label: aging_label(w, *b),
                    value: m.0,
                    shown: fmt_money(d, m, cur),
                    // The oldest debt crossed, as a red project is.
                    pattern: [0, 1, 2, 5, 3][i.min(4)],
                }
            })
            .collect();
        let title = format!("{} — {cur}", w.aging);
        let svg = chart::bars(
            &anchor("chart-aging", cur),
            &title,
            &format!("{}: {}", w.total, fmt_money(d, a.total, cur)),
            &bars,
        );
        let mut rows: Vec<Vec<Cell>> = Aging::ALL
            .iter()
            .map(|b| {
                let m = a.buckets.get(b).copied().unwrap_or_default();
                vec![
                    Cell::text(&aging_label(w, *b)),
                    Cell::num_raw(
                        figure(
                            &format!("aging-{cur}-{}", b.label()),
                            &m.to_string(),
                            &fmt_money(d, m, cur),
                        ),
                        &m.to_string(),
                    ),
                ]
            })
            .collect();
        rows.push(vec![
            Cell::raw(format!("<strong>{}</strong>", w.total)),
            Cell::num_raw(
                figure(
                    &format!("owed-{cur}"),
                    &a.total.to_string(),
                    &fmt_money(d, a.total, cur),
                ),
                &a.total.to_string(),
            ),
        ]);
        let _ = writeln!(
            out,
            "<h3 id=\"{}\">{cur}</h3>\n<div class=\"figure-block\">\n<figure>{svg}<figcaption>{}</figcaption></figure>\n{}</div>",
            esc(&format!("aging-{cur}")),
            w.chart_note,
            table(&title, &[w.days_past_due, w.owed], rows)
        );
    }
}

fn month_label(locale: Locale, m: NaiveDate) -> String {
    match locale {
        Locale::Ru => m.format("%m.%Y").to_string(),
        Locale::En => m.format("%b %Y").to_string(),
    }
}

fn money_monthly(d: &Data<'_>, w: &Words, out: &mut String) {
    let _ = writeln!(out, "<h2>{}</h2>", w.invoiced_vs_paid);
    let by_currency = receivables::monthly(
        d.invoices.iter().map(|r| receivables::Invoiced {
            currency: r.currency,
            invoice: &r.invoice.data,
            total: r.total,
        }),
        d.today,
    );
    if by_currency.is_empty() {
        out.push_str(&empty(w.none));
    }
    for (cur, months) in by_currency {
        let groups: Vec<Group> = months
            .iter()
            .map(
                |&Month {
                     first: m,
                     invoiced: inv,
                     paid,
                 }| Group {
                    label: match d.locale {
                        Locale::Ru => m.format("%m.%y").to_string(),
                        Locale::En => m.format("%b %y").to_string(),
                    },
                    values: vec![
                        (inv.0, fmt_money(d, inv, cur)),
                        (paid.0, fmt_money(d, paid, cur)),
                    ],
                },
            )
            .collect();
        let title = format!("{} — {cur}", w.invoiced_vs_paid);
        let svg = chart::columns(
            &anchor("chart-monthly", cur),
            &title,
            &format!("{}: ▇ {}, ▨ {}", w.month, w.invoiced, w.paid),
            &[w.invoiced, w.paid],
            &groups,
        );
        let rows = months
            .iter()
            .map(
                |&Month {
                     first: m,
                     invoiced: inv,
                     paid,
                 }| {
                    let key = format!("{cur}-{}", m.format("%Y-%m"));
                    vec![
                        Cell::text(&month_label(d.locale, m)),
                        Cell::num_raw(
                            figure(
                                &format!("invoiced-{key}"),
                                &inv.to_string(),
                                &fmt_money(d, inv, cur),
                            ),
                            &inv.to_string(),
                        ),
                        Cell::num_raw(
                            figure(
                                &format!("paid-{key}"),
                                &paid.to_string(),
                                &fmt_money(d, paid, cur),
                            ),
                            &paid.to_string(),
                        ),
                    ]
                },
            )
            .collect();
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<div class=\"figure-block\">\n<figure>{svg}<figcaption>{}</figcaption></figure>\n{}</div>",
            esc(cur),
            w.chart_note,
            table(&title, &[w.month, w.invoiced, w.paid], rows)
        );
    }
}

fn contacts_of(c: &ClientBook) -> String {
    let Some(e) = &c.client else {
        return String::new();
    };
    let billing: Vec<_> = e.data.contacts.iter().filter(|p| p.billing).collect();
    let people: Vec<_> = if billing.is_empty() {
        e.data.contacts.iter().take(1).collect()
    } else {
        billing
    };
    people
        .iter()
        .map(|p| {
            let mut s = esc(&p.name);
            for v in [p.email.as_deref(), p.phone.as_deref()]
                .into_iter()
                .flatten()
            {
                let _ = write!(s, ", {}", esc(v));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

fn money_overdue(d: &Data<'_>, w: &Words, out: &mut String) {
    let _ = writeln!(out, "<h2 id=\"overdue\">{}</h2>", w.overdue_invoices);
    let mut rows: Vec<&super::invoices::Row<'_>> = d
        .invoices
        .iter()
        .filter(|r| matches!(r.standing, Standing::Overdue { .. }))
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.standing.overdue_days().unwrap_or(0)));
    if rows.is_empty() {
        out.push_str(&empty(w.none));
        return;
    }
    let cells = rows
        .iter()
        .map(|r| {
            let days = r.standing.overdue_days().unwrap_or(0);
            let owed = r.remainder.unwrap_or_default();
            vec![
                Cell::text(&r.invoice.data.number),
                Cell::raw(client_link(r.client)),
                Cell::num(
                    &date(d, r.invoice.data.date.0),
                    &r.invoice.data.date.to_string(),
                ),
                Cell::num(&date(d, r.due), &r.due.to_string()),
                Cell::num(&days.to_string(), &days.to_string()),
                Cell::num(&fmt_money(d, owed, r.currency), &owed.to_string()),
                Cell::raw(contacts_of(r.client)),
            ]
        })
        .collect();
    out.push_str(&table(
        w.overdue_invoices,
        &[
            w.number,
            w.client,
            w.date,
            w.due,
            w.days_late,
            w.owed,
            w.contacts,
        ],
        cells,
    ));
}

// ---- renewals ----

fn decision_text(d: &Data<'_>, w: &Words, r: &super::renewals::Row<'_>) -> String {
    match (r.state, r.decision) {
        (_, Some(dec)) => digest::decision_label(d.locale, dec).to_owned(),
        (State::Missed, None) => w.missed.to_owned(),
        _ => w.undecided.to_owned(),
    }
}

fn renewals(d: &Data<'_>, w: &Words) -> String {
    const DAYS: i64 = 180;
    let mut out = String::new();
    let horizon = d.today.checked_add_days(Days::new(180)).unwrap_or(d.today);
    let rows: Vec<&super::renewals::Row<'_>> = d
        .renewals
        .iter()
        .filter(|r| r.within(d.today, 180) || (r.term.end >= d.today && r.term.end <= horizon))
        .collect();
    let _ = writeln!(out, "<h2>{}</h2>", w.timeline);
    if rows.is_empty() {
        out.push_str(&empty(w.none));
        return out;
    }
    let spans: Vec<Span> = rows
        .iter()
        .map(|r| {
            let settled = r.state == State::Decided;
            Span {
                label: format!(
                    "{} {}{}",
                    r.client.name(),
                    r.contract.data.number,
                    if settled {
                        String::new()
                    } else {
                        format!(" ({})", decision_text(d, w, r))
                    }
                ),
                notice: r
                    .notice
                    .map(|n| (n - d.today).num_days())
                    .filter(|n| (0..=DAYS).contains(n)),
                end: Some((r.term.end - d.today).num_days()).filter(|n| (0..=DAYS).contains(n)),
                settled,
            }
        })
        .collect();
    let svg = chart::timeline(
        "chart-renewals",
        w.timeline,
        &format!("{}; {}", w.notice_mark, w.end_mark),
        DAYS,
        &spans,
        w.days_ahead,
    );
    let cells = rows
        .iter()
        .map(|r| {
            vec![
                Cell::raw(client_link(r.client)),
                Cell::text(&r.contract.data.number),
                match r.notice {
                    Some(n) => Cell::num(&date(d, n), &n.to_string()),
                    None => Cell::text(""),
                },
                Cell::num(&date(d, r.term.end), &r.term.end.to_string()),
                Cell::raw(format!(
                    "<span data-figure=\"renewal-{}\" data-value=\"{}\">{}</span>",
                    esc(&format!("{}/{}", r.client.id, r.contract.id)),
                    r.state.as_str(),
                    esc(&decision_text(d, w, r))
                )),
            ]
        })
        .collect();
    let _ = writeln!(
        out,
        "<div class=\"figure-block\">\n<figure>{svg}<figcaption>{} {}; {}</figcaption></figure>\n{}</div>",
        w.chart_note,
        w.notice_mark,
        w.end_mark,
        table(
            w.timeline,
            &[w.client, w.contract, w.notice_by, w.term_end, w.decision],
            cells
        )
    );
    out
}

// ---- projects ----

fn project_rows<'r, 'b: 'r>(
    d: &Data<'_>,
    w: &Words,
    rows: impl Iterator<Item = &'r super::budget::Row<'b>>,
) -> Vec<Vec<Cell>> {
    rows.map(|r| {
        let key = format!("{}/{}", r.client.id, r.project.id);
        let opt = |m: Option<Money>| match m {
            Some(m) => Cell::num(&fmt_money(d, m, r.currency), &m.to_string()),
            None => Cell::text(""),
        };
        vec![
            Cell::raw(client_link(r.client)),
            Cell::text(&r.project.data.title),
            Cell::text(locale::stage(d.locale, r.project.data.stage)),
            opt(r.estimate),
            opt(r.budget),
            Cell::num_raw(
                figure(
                    &format!("costs-{key}"),
                    &r.costs.to_string(),
                    &fmt_money(d, r.costs, r.currency),
                ),
                &r.costs.to_string(),
            ),
            match &r.used_percent {
                Some(p) => Cell::num_raw(figure(&format!("used-{key}"), p, &percent(d, p)), p),
                None => Cell::text(""),
            },
            match r.status {
                Some(rag) => Cell::raw(format!(
                    "<span data-figure=\"rag-{}\" data-value=\"{}\">{}</span>",
                    esc(&key),
                    rag.as_str(),
                    rag_mark(w, rag)
                )),
                None => Cell::text(""),
            },
            Cell::num(
                &fmt_money(d, r.billed.invoiced, r.currency),
                &r.billed.invoiced.to_string(),
            ),
            Cell::num(
                &fmt_money(d, r.billed.paid, r.currency),
                &r.billed.paid.to_string(),
            ),
        ]
    })
    .collect()
}

fn project_head(w: &Words) -> [&'static str; 10] {
    [
        w.client, w.project, w.stage, w.estimate, w.budget, w.costs, w.used, w.rag, w.invoiced,
        w.paid,
    ]
}

/// How many projects the budget burn chart shows at most.
const BURN_CHART_BARS: usize = 40;

/// What a client's page body is first given room for.
const CLIENT_PAGE_BYTES: usize = 32 * 1024;

fn projects(d: &Data<'_>, w: &Words) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "<h2>{}</h2>", w.burn);
    // The chart shows the projects most at risk (a chart of thousands of bars reads
    // as nothing and weighs megabytes); the table below lists every project.
    let mut at_risk: Vec<(&super::budget::Row<'_>, Decimal, Rag)> = d
        .budgets
        .iter()
        .filter_map(|r| {
            let pct = r.used_percent.as_ref()?.parse::<Decimal>().ok()?;
            let rag = r.status.filter(|s| *s != Rag::Green)?;
            Some((r, pct, rag))
        })
        .collect();
    // Most used first; ties by client and project, as the table sorts.
    at_risk.sort_by_key(|r| std::cmp::Reverse(r.1));
    at_risk.truncate(BURN_CHART_BARS);
    let bars: Vec<Bar> = at_risk
        .iter()
        .map(|(r, pct, rag)| {
            let word = match rag {
                Rag::Red => w.red,
                Rag::Amber => w.amber,
                Rag::Green => w.green,
            };
            Bar {
                label: format!("{} · {}", r.client.name(), r.project.data.title),
                value: *pct,
                shown: format!(
                    "{} % ({word})",
                    percent(d, r.used_percent.as_deref().unwrap_or(""))
                ),
                pattern: match rag {
                    Rag::Red => 3,
                    Rag::Amber => 2,
                    Rag::Green => 4,
                },
            }
        })
        .collect();
    if !bars.is_empty() {
        let svg = chart::bars("chart-burn", w.burn, w.used, &bars);
        let _ = writeln!(
            out,
            "<figure>{svg}<figcaption>{} {}</figcaption></figure>",
            w.burn_note, w.chart_note
        );
    }
    let _ = writeln!(
        out,
        "<p>{}: {} &gt; {} %, {} &gt; 100 %</p>",
        w.rag, w.amber, d.warn_percent, w.red
    );
    let rows = project_rows(d, w, d.budgets.iter());
    if rows.is_empty() {
        out.push_str(&empty(w.none));
    } else {
        out.push_str(&table(w.burn, &project_head(w), rows));
    }

    let _ = writeln!(out, "<h2>{}</h2>", w.pipeline);
    // Projects by stage and currency: how many, and the sum of their estimates.
    let mut by: BTreeMap<(String, usize), (usize, Money)> = BTreeMap::new();
    for r in &d.budgets {
        let stage = Stage::ALL
            .iter()
            .position(|s| *s == r.project.data.stage)
            .unwrap_or(0);
        let slot = by.entry((r.currency.to_owned(), stage)).or_default();
        slot.0 += 1;
        slot.1 = Money(slot.1.0.saturating_add(r.estimate.unwrap_or_default().0));
    }
    let currencies: Vec<String> = {
        let mut c: Vec<String> = by.keys().map(|k| k.0.clone()).collect();
        c.dedup();
        c
    };
    for cur in currencies {
        let stages: Vec<(Stage, usize, Money)> = Stage::ALL
            .iter()
            .enumerate()
            .filter_map(|(i, s)| by.get(&(cur.clone(), i)).map(|(n, m)| (*s, *n, *m)))
            .collect();
        let bars: Vec<Bar> = stages
            .iter()
            .enumerate()
            .map(|(i, (s, n, m))| Bar {
                label: format!("{} ({n})", locale::stage(d.locale, *s)),
                value: m.0,
                shown: fmt_money(d, *m, &cur),
                pattern: i,
            })
            .collect();
        let title = format!("{} — {cur}", w.pipeline);
        let svg = chart::bars(&anchor("chart-pipeline", &cur), &title, w.estimate, &bars);
        let rows = stages
            .iter()
            .map(|(s, n, m)| {
                vec![
                    Cell::text(locale::stage(d.locale, *s)),
                    Cell::num(&n.to_string(), &n.to_string()),
                    Cell::num(&fmt_money(d, *m, &cur), &m.to_string()),
                ]
            })
            .collect();
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<div class=\"figure-block\">\n<figure>{svg}<figcaption>{}</figcaption></figure>\n{}</div>",
            esc(&cur),
            w.chart_note,
            table(&title, &[w.stage, w.projects_count, w.estimate], rows)
        );
    }
    out
}

// ---- findings ----

/// The anchor of the `i`th finding, on the page that shows it.
fn finding_id(i: usize) -> String {
    format!("f{i}")
}

/// A finding with its file and line; its code links to its rule's counts on the
/// health page (`on_health`: this is that page).
fn finding_block(locale: Locale, i: usize, f: &Resolved, on_health: bool) -> String {
    let sev = f.severity.as_str();
    let code = f.code.as_str();
    let place = format!("{}:{}:{}", f.file, f.start.line, f.start.col);
    let mut s = format!("<div class=\"finding {sev}\" id=\"{}\">", finding_id(i));
    let page = if on_health { "" } else { "health.html" };
    let code_html = format!(
        "<a href=\"{page}#rule-{code}\">{code}</a>",
        code = esc(code)
    );
    // In the site's language where the rule's wording is in the catalogs.
    let (message, help) = f.in_lang(locale);
    let _ = write!(
        s,
        "<p><span class=\"mark {sev}\">{}</span> <strong>{code_html}</strong> {}<br><span class=\"where\">{}</span></p>",
        severity_word(locale, f.severity),
        esc(&message),
        esc(&place)
    );
    if let Some(help) = &help {
        let _ = write!(s, "<p class=\"help\">{}</p>", esc(help));
    }
    s.push_str("</div>\n");
    s
}

/// The noun for `n` things in the site's language: `1 error`, «28 ошибок».
fn counted(locale: Locale, n: usize, en: [&'static str; 2], ru: [&'static str; 3]) -> &'static str {
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    match locale {
        Locale::Ru => crate::domain::words::plural_ru(n, ru[0], ru[1], ru[2]),
        Locale::En if n == 1 => en[0],
        Locale::En => en[1],
    }
}

fn health(d: &Data<'_>, w: &Words) -> String {
    let mut out = String::new();
    // The clients that have a page of their own.
    let paged: BTreeSet<&str> = d.clients.iter().map(|c| c.id.as_str()).collect();
    let all: Vec<&Resolved> = d.findings.iter().collect();
    let [e, wa, i] = counts_by_severity(&all);
    let _ = writeln!(
        out,
        "<ul class=\"tiles\"><li><span class=\"label\">{}</span><span class=\"figure\">{}</span></li><li><span class=\"label\">{}</span><span class=\"figure\">{}</span></li><li><span class=\"label\">{}</span><span class=\"figure\">{}</span></li></ul>",
        w.errors,
        figure("findings-error", &e.to_string(), &e.to_string()),
        w.warnings,
        figure("findings-warning", &wa.to_string(), &wa.to_string()),
        w.infos,
        figure("findings-info", &i.to_string(), &i.to_string()),
    );
    // By rule.
    let mut by_rule: BTreeMap<&str, Vec<&Resolved>> = BTreeMap::new();
    for f in &d.findings {
        by_rule.entry(f.code.as_str()).or_default().push(f);
    }
    let name_of = |code: &str| {
        rules::all()
            .iter()
            .map(|r| r.meta())
            .find(|m| m.code == code)
            .map(|m| rule_summary(d.locale, m.code, m.summary))
            .or_else(|| {
                crate::audit::book_codes::BOOK_CODES
                    .iter()
                    .find(|c| c.code == code)
                    .map(|c| rule_summary(d.locale, c.code, c.summary))
            })
            .unwrap_or_default()
    };
    let _ = writeln!(out, "<h2>{}</h2>", w.by_rule);
    let count_cells = |fs: &[&Resolved]| {
        let [e, wa, i] = counts_by_severity(fs);
        [e, wa, i, fs.len()]
            .iter()
            .map(|n| Cell::num(&n.to_string(), &n.to_string()))
            .collect::<Vec<_>>()
    };
    let rows = by_rule
        .iter()
        .map(|(code, fs)| {
            let mut row = vec![
                Cell::raw(format!(
                    "<span id=\"rule-{code}\">{code}</span>",
                    code = esc(code)
                )),
                Cell::text(&name_of(code)),
            ];
            row.extend(count_cells(fs));
            row
        })
        .collect();
    out.push_str(&table(
        w.by_rule,
        &[w.rule, w.what, w.errors, w.warnings, w.infos, w.total],
        rows,
    ));
    // By client and by manager.
    let mut by_client: BTreeMap<Option<&str>, Vec<&Resolved>> = BTreeMap::new();
    for f in &d.findings {
        by_client.entry(client_of(&f.file)).or_default().push(f);
    }
    let _ = writeln!(out, "<h2>{}</h2>", w.by_client);
    let rows = by_client
        .iter()
        .map(|(id, fs)| {
            let who = match id.and_then(|id| d.book.client(id)) {
                Some(c) if paged.contains(c.id.as_str()) => Cell::raw(format!(
                    "<a href=\"{}#findings\">{}</a>",
                    page_name("client", &c.id),
                    esc(c.name())
                )),
                Some(c) => Cell::text(c.name()),
                None => Cell::text(id.unwrap_or(w.book_files)),
            };
            let mut row = vec![who];
            row.extend(count_cells(fs));
            row
        })
        .collect();
    out.push_str(&table(
        w.by_client,
        &[w.client, w.errors, w.warnings, w.infos, w.total],
        rows,
    ));
    let mut by_manager: BTreeMap<String, Vec<&Resolved>> = BTreeMap::new();
    for f in &d.findings {
        let manager = client_of(&f.file)
            .and_then(|id| d.book.client(id))
            .and_then(|c| c.client.as_ref())
            .and_then(|e| e.data.manager.as_deref());
        let name = manager.map_or(w.unassigned.to_owned(), |m| member_name(d, m).to_owned());
        by_manager.entry(name).or_default().push(f);
    }
    let _ = writeln!(out, "<h2>{}</h2>", w.by_manager);
    let rows = by_manager
        .iter()
        .map(|(m, fs)| {
            let mut row = vec![Cell::text(m)];
            row.extend(count_cells(fs));
            row
        })
        .collect();
    out.push_str(&table(
        w.by_manager,
        &[w.manager, w.errors, w.warnings, w.infos, w.total],
        rows,
    ));
    // The findings no client page shows (the book's own files, and clients without
    // a page), in full with their file and line. A client's findings are on its page:
    // the tables above link there, so this page does not grow with the book.
    let elsewhere: Vec<(usize, &Resolved)> = d
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| !client_of(&f.file).is_some_and(|id| paged.contains(id)))
        .collect();
    if !elsewhere.is_empty() {
        let _ = writeln!(
            out,
            "<h2 id=\"elsewhere\">{} — {}</h2>",
            w.findings, w.book_files
        );
        for (i, f) in elsewhere {
            out.push_str(&finding_block(d.locale, i, f, true));
        }
    }
    // The manual rules.
    let _ = writeln!(
        out,
        "<h2 id=\"manual\">{}</h2>\n<p>{}</p>\n<ul class=\"checklist\">",
        w.manual_rules, w.manual_intro
    );
    for m in rules::all()
        .iter()
        .map(|r| r.meta())
        .filter(|m| !m.automated)
    {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong> {}: {}</li>",
            esc(m.code.as_str()),
            esc(m.name),
            esc(&rule_summary(d.locale, m.code, m.summary))
        );
    }
    out.push_str("</ul>\n");
    out
}

// ---- a client ----

fn client(d: &Data<'_>, w: &Words, index: &Index<'_, '_>, c: &ClientBook) -> String {
    // A client's page is some 25 KB on the benchmark book: sized once, not grown from
    // nothing by doubling (2,000 pages).
    let mut out = String::with_capacity(CLIENT_PAGE_BYTES);
    let _ = writeln!(out, "<h2>{}</h2>\n<dl class=\"card\">", w.card);
    if let Some(e) = &c.client {
        let k = &e.data;
        let mut item = |dt: &str, dd: String| {
            let _ = writeln!(out, "<dt>{}</dt><dd>{dd}</dd>", esc(dt));
        };
        item(w.status, esc(status_word(d.locale, k.status)));
        if k.key {
            item(w.key, esc(w.yes));
        }
        if let Some(m) = &k.manager {
            item(w.manager, esc(member_name(d, m)));
        }
        if let Some(cu) = &k.curator {
            item(
                w.curator,
                link(&page_name("curator", cu), curator_name(d, cu)),
            );
        }
        if let Some(s) = k.since {
            item(w.since, esc(&date(d, s.0)));
        }
        if let Some(n) = k.legal.as_ref().and_then(|l| l.name.as_ref()) {
            item(w.legal_name, esc(n));
        }
        if !k.services.is_empty() {
            item(w.services, esc(&k.services.join(", ")));
        }
        out.push_str("</dl>\n");
        let _ = writeln!(out, "<h2>{}</h2>", w.contacts);
        let rows = k
            .contacts
            .iter()
            .map(|p| {
                vec![
                    Cell::text(&p.name),
                    Cell::text(p.position.as_deref().unwrap_or("")),
                    Cell::text(p.email.as_deref().unwrap_or("")),
                    Cell::text(p.phone.as_deref().unwrap_or("")),
                ]
            })
            .collect();
        out.push_str(&table(
            w.contacts,
            &[w.name, w.position, w.email, w.phone],
            rows,
        ));
    } else {
        out.push_str("</dl>\n");
    }

    let _ = writeln!(out, "<h2>{}</h2>", w.contracts);
    if c.contracts.is_empty() {
        out.push_str(&empty(w.none));
    } else {
        let rows = c
            .contracts
            .iter()
            .map(|e| {
                let k = &e.data;
                let listed = index.renewals.get(&(c.id.as_str(), e.id.as_str()));
                let (start, end) =
                    listed.map_or((k.start.0, k.end.0), |r| (r.term.start, r.term.end));
                let cur = crate::book::currency(d.book, c, Some(&e.id), d.today);
                vec![
                    Cell::text(&k.number),
                    Cell::text(k.title.as_deref().unwrap_or("")),
                    Cell::text(contract_status(d.locale, k.status)),
                    Cell::num(
                        &format!("{} – {}", date(d, start), date(d, end)),
                        &start.to_string(),
                    ),
                    match listed.and_then(|r| r.notice) {
                        Some(n) => Cell::num(&date(d, n), &n.to_string()),
                        None => Cell::text(""),
                    },
                    Cell::text(&listed.map(|r| decision_text(d, w, r)).unwrap_or_default()),
                    match k.value {
                        Some(v) => Cell::num(&fmt_money(d, v, cur), &v.to_string()),
                        None => Cell::text(""),
                    },
                ]
            })
            .collect();
        out.push_str(&table(
            w.contracts,
            &[
                w.number,
                w.what,
                w.status,
                w.term,
                w.notice_by,
                w.decision,
                w.value,
            ],
            rows,
        ));
    }

    let _ = writeln!(out, "<h2>{}</h2>", w.projects);
    let rows = project_rows(
        d,
        w,
        index
            .budgets
            .get(c.id.as_str())
            .into_iter()
            .flatten()
            .copied(),
    );
    if rows.is_empty() {
        out.push_str(&empty(w.none));
    } else {
        out.push_str(&table(w.projects, &project_head(w), rows));
    }

    let _ = writeln!(out, "<h2>{}</h2>", w.history);
    let mut history: Vec<(chrono::NaiveDateTime, String, String)> = Vec::new();
    for m in &c.meetings {
        let k = &m.data;
        history.push((
            k.at.0,
            locale::meeting_format(d.locale, k.format).to_owned(),
            k.agenda.first().cloned().unwrap_or_default(),
        ));
    }
    for l in &c.log {
        let k = &l.data;
        history.push((
            k.at.0,
            crate::msg!(
                "show-touch-log",
                channel = Arg::Word(k.channel.as_str()),
                direction = Arg::Word(match k.direction {
                    crate::model::log::Direction::In => "in",
                    crate::model::log::Direction::Out => "out",
                })
            )
            .render(d.locale),
            k.subject
                .clone()
                .or_else(|| k.summary.clone())
                .unwrap_or_default(),
        ));
    }
    history.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    if history.is_empty() {
        out.push_str(&empty(w.none));
    } else {
        let rows = history
            .iter()
            .map(|(at, kind, what)| {
                vec![
                    Cell::num(
                        &format!("{} {}", date(d, at.date()), at.format("%H:%M")),
                        &at.to_string(),
                    ),
                    Cell::text(kind),
                    Cell::text(what),
                ]
            })
            .collect();
        out.push_str(&table(w.history, &[w.date, w.what, w.subject], rows));
    }

    let _ = writeln!(out, "<h2>{}</h2>", w.invoices);
    let rows: Vec<Vec<Cell>> = index
        .invoices
        .get(c.id.as_str())
        .into_iter()
        .flatten()
        .map(|r| {
            vec![
                Cell::text(&r.invoice.data.number),
                Cell::num(
                    &date(d, r.invoice.data.date.0),
                    &r.invoice.data.date.to_string(),
                ),
                Cell::num(&date(d, r.due), &r.due.to_string()),
                Cell::num(&fmt_money(d, r.total, r.currency), &r.total.to_string()),
                Cell::num(&fmt_money(d, r.paid, r.currency), &r.paid.to_string()),
                match r.remainder {
                    Some(m) => Cell::num(&fmt_money(d, m, r.currency), &m.to_string()),
                    None => Cell::text(""),
                },
                Cell::text(&standing_word(d.locale, r.standing)),
            ]
        })
        .collect();
    if rows.is_empty() {
        out.push_str(&empty(w.none));
    } else {
        out.push_str(&table(
            w.invoices,
            &[w.number, w.date, w.due, w.total, w.paid, w.owed, w.status],
            rows,
        ));
    }
    if !c.acts.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", w.acts);
        let rows = c
            .acts
            .iter()
            .map(|a| {
                vec![
                    Cell::text(&a.data.number),
                    Cell::num(&date(d, a.data.date.0), &a.data.date.to_string()),
                    Cell::text(&a.data.invoices.join(", ")),
                    Cell::text(act_status(d.locale, a.data.status)),
                ]
            })
            .collect();
        out.push_str(&table(
            w.acts,
            &[w.number, w.date, w.invoices, w.status],
            rows,
        ));
    }

    let _ = writeln!(out, "<h2 id=\"findings\">{}</h2>", w.findings);
    let mine = index
        .findings
        .get(c.id.as_str())
        .map_or(&[][..], Vec::as_slice);
    for &i in mine {
        out.push_str(&finding_block(d.locale, i, &d.findings[i], false));
    }
    if mine.is_empty() {
        out.push_str(&empty(w.none));
    }
    out
}

// ---- curators ----

/// The curators with a page: all, or the one `--curator` names.
fn shown_curators<'b>(book: &'b Book, scope: &Scope) -> Vec<&'b Curator> {
    book.settings.as_ref().map_or_else(Vec::new, |s| {
        s.curators
            .iter()
            .filter(|c| scope.curator.as_ref().is_none_or(|k| *k == c.id))
            .collect()
    })
}

/// What each curator's page says, as `digest --curator ID` has it, over the last 30
/// days: worked out while the rules' findings are at hand (`rule_findings`), so that
/// the site keeps only these views, not a copy of every finding. `clients` are the
/// site's, sorted by ID.
pub fn curator_views<'f>(
    book: &'f Book,
    scope: &Scope,
    clients: &[&ClientBook],
    today: NaiveDate,
    rule_findings: impl IntoIterator<Item = &'f Finding>,
) -> Vec<DigestView> {
    let findings = ClientFindings::of_refs(book, rule_findings);
    let since = today.checked_sub_days(Days::new(30)).unwrap_or(today);
    shown_curators(book, scope)
        .into_iter()
        .map(|curator| {
            let mut view = DigestView::of(book, curator, since, today, &findings);
            view.clients.retain(|c| {
                clients
                    .binary_search_by(|k| k.id.as_str().cmp(c.id.as_str()))
                    .is_ok()
            });
            view
        })
        .collect()
}

fn curator_page(w: &Words, v: &DigestView) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<p>{}: {} – {}</p>",
        w.period,
        esc(&v.period.since_short),
        esc(&v.period.until_short)
    );
    if v.clients.is_empty() {
        out.push_str(&empty(w.no_key_clients));
    }
    for c in &v.clients {
        let _ = writeln!(
            out,
            "<h2>{}</h2>",
            link(&page_name("client", &c.id), &c.name)
        );
        if let Some(m) = &c.manager {
            let _ = writeln!(out, "<p>{}: {}</p>", w.manager, esc(m));
        }
        if !c.meetings.is_empty() {
            let _ = writeln!(out, "<h3>{}</h3>\n<ul>", w.meetings);
            for m in &c.meetings {
                let _ = write!(out, "<li>{} — {}", esc(&m.date_short), esc(&m.format));
                if let Some(t) = &m.topic {
                    let _ = write!(out, ": {}", esc(t));
                }
                if !m.decisions.is_empty() {
                    let _ = write!(out, "<br>{}: {}", w.decisions, esc(&m.decisions.join("; ")));
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        if !c.projects.is_empty() {
            let rows = c
                .projects
                .iter()
                .map(|p| {
                    vec![
                        Cell::text(&p.title),
                        Cell::text(p.stage_label),
                        Cell::text(p.budget.as_deref().unwrap_or("")),
                        Cell::text(&p.spent),
                        Cell::text(p.spent_percent.as_deref().unwrap_or("")),
                    ]
                })
                .collect();
            out.push_str(&table(
                w.projects,
                &[w.project, w.stage, w.budget, w.costs, w.used],
                rows,
            ));
        }
        let list = |out: &mut String, title: &str, items: Vec<String>| {
            if !items.is_empty() {
                let _ = writeln!(out, "<h3>{}</h3>\n<ul>", esc(title));
                for i in items {
                    let _ = writeln!(out, "<li>{}</li>", esc(&i));
                }
                out.push_str("</ul>");
            }
        };
        list(
            &mut out,
            w.issued,
            c.issued
                .iter()
                .map(|i| {
                    format!(
                        "{} · {} · {} · {}: {}",
                        i.number, i.date_short, i.total, w.due, i.due_short
                    )
                })
                .collect(),
        );
        list(
            &mut out,
            w.payments,
            c.payments
                .iter()
                .map(|p| format!("{} · {} · {}", p.invoice, p.date_short, p.amount))
                .collect(),
        );
        list(
            &mut out,
            w.overdue,
            c.overdue
                .iter()
                .map(|o| {
                    format!(
                        "{} · {}: {} · {} · {}",
                        o.number, w.due, o.due_short, o.days_late_text, o.unpaid
                    )
                })
                .chain(c.money_issues.iter().cloned())
                .collect(),
        );
        list(
            &mut out,
            w.contracts,
            c.contracts
                .iter()
                .map(|k| {
                    format!(
                        "{} · {}: {} · {}: {} ({}) · {}",
                        k.number,
                        w.term_end,
                        k.term_end_short,
                        w.notice_by,
                        k.notice_short,
                        k.notice_in_text,
                        k.decision_label.unwrap_or(w.undecided)
                    )
                })
                .chain(c.contract_issues.iter().cloned())
                .collect(),
        );
        list(
            &mut out,
            w.findings,
            c.errors
                .iter()
                .map(|e| format!("{} {} ({})", e.code.as_str(), e.message, e.file))
                .collect(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::html;
    use super::*;

    #[test]
    fn month_labels_follow_the_locale() {
        let m = NaiveDate::from_ymd_opt(2026, 3, 1).expect("a date");
        assert_eq!(month_label(Locale::Ru, m), "03.2026");
        assert_eq!(month_label(Locale::En, m), "Mar 2026");
    }

    #[test]
    fn every_menu_page_is_built() {
        let w = words::of(Locale::En);
        let names: Vec<&str> = html::menu(w).iter().map(|(f, _)| *f).collect();
        assert_eq!(
            names,
            [
                "index.html",
                "money.html",
                "renewals.html",
                "projects.html",
                "health.html"
            ]
        );
    }
}
