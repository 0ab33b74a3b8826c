//! `rapport upsell`: for each active client, the agency's services that most active
//! clients buy and this one does not, with the evidence — how many clients buy each
//! (duty D1, upselling). The same computation as rule D10 (`crate::domain::upsell`), with
//! D10's `share_percent` threshold from the book; a client that waived D10 gets no
//! suggestions. It runs even when D10 is `off` in the audit: it was asked for.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::clients::{header_in, note_in, plain_table, warn_unreadable};
use super::duty_support::{self as support};
use crate::book::{Book, ClientBook};
use crate::cli::{ReportFormat, UpsellArgs};
use crate::context::Context;
use crate::domain::upsell::{self, Popular};
use crate::exit::Exit;
use crate::finding::Code;
use crate::i18n::{Lang, say};
use crate::msg;

pub fn run(ctx: &Context, args: &UpsellArgs) -> Result<Exit> {
    let book = ctx.load()?;
    let today = ctx.today(book);
    let share = support::threshold(
        book.settings.as_ref(),
        crate::audit::rules::thresholds::UPSELL_SHARE_PERCENT,
    );
    let clients = book.client_data();
    let popular = upsell::popular(&clients, book.catalogue(), share);
    let mut waived = Vec::new();
    let mut offers: Vec<Offer<'_, '_>> = Vec::new();
    for client in &book.clients {
        let Some(data) = &client.client else {
            continue;
        };
        let missing = upsell::missing_for(&popular, &data.data);
        if missing.is_empty() {
            continue;
        }
        if waives_d10(client, today) {
            waived.push(client.id.as_str());
            continue;
        }
        offers.push(Offer { client, missing });
    }
    let active = clients.iter().filter(|(_, c)| upsell::is_active(c)).count();
    let text = match args.format {
        ReportFormat::Table => render_table(book, &offers, ctx.lang),
        ReportFormat::Json => support::json(&JsonDoc {
            share_percent: share,
            active_clients: active,
            popular: popular.iter().map(|p| JsonService::of(book, p)).collect(),
            clients: offers
                .iter()
                .map(|o| JsonClient {
                    client: &o.client.id,
                    client_name: o.client.name(),
                    offers: o.missing.iter().map(|p| JsonService::of(book, p)).collect(),
                })
                .collect(),
            waived: waived.clone(),
        })?,
    };
    crate::commands::write_stdout(text.as_bytes())?;
    warn_unreadable(ctx.lang, book, &book.clients);
    if !waived.is_empty() {
        note_in(
            ctx.lang,
            &msg!("upsell-waived", clients = waived.join(", ")).render(ctx.lang),
        );
    }
    if offers.is_empty() && args.format == ReportFormat::Table {
        note_in(
            ctx.lang,
            &if popular.is_empty() {
                msg!("upsell-none-popular", share = share, active = active).render(ctx.lang)
            } else {
                say(ctx.lang, "upsell-all-buy")
            },
        );
    }
    Ok(Exit::Ok)
}

/// A client and the popular services it does not buy.
struct Offer<'b, 'p> {
    client: &'b ClientBook,
    missing: Vec<&'p Popular<'b>>,
}

/// Does the client carry a D10 waiver in force today (with a reason, not lapsed)?
fn waives_d10(client: &ClientBook, today: NaiveDate) -> bool {
    client.client.as_ref().is_some_and(|e| {
        e.data
            .waive
            .iter()
            .any(|w| Code::D10 == w.rule && w.in_force(today))
    })
}

/// A service's label: `Name (id)`, or the ID alone when it has no other name.
fn label(p: &Popular<'_>) -> String {
    if p.name == p.id {
        p.id.to_owned()
    } else {
        format!("{} ({})", p.name, p.id)
    }
}

/// The catalogue price of a service, as `120 000.00 RUB / шт.`.
fn price(book: &Book, id: &str, lang: Lang) -> Option<String> {
    let settings = book.settings.as_ref()?;
    let s = settings.services.iter().find(|s| s.id == id)?;
    let price = s.price?;
    let price = super::duty_support::amount_in(lang, price, &settings.currency);
    Some(match &s.unit {
        Some(u) => format!("{price} / {u}"),
        None => price,
    })
}

fn render_table(book: &Book, offers: &[Offer<'_, '_>], lang: Lang) -> String {
    let names = |ids: &[&str]| {
        ids.iter()
            .map(|id| book.client(id).map_or(*id, |c| c.name()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let cells = offers
        .iter()
        .flat_map(|o| {
            o.missing.iter().map(move |p| {
                vec![
                    o.client.name().to_owned(),
                    label(p),
                    msg!("upsell-share", buyers = p.buyers.len(), of = p.of).render(lang),
                    names(&p.buyers),
                    price(book, p.id, lang).unwrap_or_default(),
                ]
            })
        })
        .collect();
    let header = header_in(
        lang,
        &[
            "col-client",
            "col-service",
            "col-bought-by",
            "col-buyers",
            "col-list-price",
        ],
    );
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    plain_table(Some(&header), cells, &[], 0)
}

#[derive(Serialize)]
struct JsonDoc<'b> {
    /// D10's threshold in force: a service is popular when strictly more than this
    /// share of the active clients buy it.
    share_percent: u32,
    active_clients: usize,
    /// Every popular service, in catalogue order.
    popular: Vec<JsonService<'b>>,
    /// Active clients with something to offer, by ID.
    clients: Vec<JsonClient<'b>>,
    /// Clients left out because they waive D10.
    waived: Vec<&'b str>,
}

#[derive(Serialize)]
struct JsonClient<'b> {
    client: &'b str,
    client_name: &'b str,
    offers: Vec<JsonService<'b>>,
}

#[derive(Serialize)]
struct JsonService<'b> {
    service: &'b str,
    name: &'b str,
    /// How many active clients buy it, of how many.
    buyers: usize,
    of: usize,
    bought_by: Vec<&'b str>,
    /// The catalogue's price and unit, if it has them.
    price: Option<String>,
    unit: Option<&'b str>,
}

impl<'b> JsonService<'b> {
    fn of(book: &'b Book, p: &Popular<'b>) -> Self {
        let entry = book
            .settings
            .as_ref()
            .and_then(|s| s.services.iter().find(|s| s.id == p.id));
        JsonService {
            service: p.id,
            name: p.name,
            buyers: p.buyers.len(),
            of: p.of,
            bought_by: p.buyers.clone(),
            price: entry.and_then(|s| s.price).map(|m| m.to_string()),
            unit: entry.and_then(|s| s.unit.as_deref()),
        }
    }
}
