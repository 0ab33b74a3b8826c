//! Helpers shared by the duty rules (D01–D10): looking up a client's contracts and
//! projects, the currency and VAT-bearing contract of money under a contract, and
//! wording of day counts.

use crate::audit::TodoCx;
use crate::book::{ClientBook, Entity};
pub use crate::book::{currency, invoice_totals, vat_contract};
use crate::domain::calendar::Calendar;
use crate::domain::terms;
use crate::finding::Finding;
use crate::i18n::{Arg, Msg};
use crate::model::{Contract, Project};

/// The client's contract with this ID.
pub fn contract<'a>(client: &'a ClientBook, id: Option<&str>) -> Option<&'a Entity<Contract>> {
    client.contract_entity(id)
}

/// The client's project with this ID.
pub fn project<'a>(client: &'a ClientBook, id: Option<&str>) -> Option<&'a Entity<Project>> {
    client.project_entity(id)
}

/// The contract's printed number, with its title where it has one:
/// `17/2025 «Поддержка сайта»`.
pub fn contract_label(c: &Contract) -> String {
    match &c.title {
        Some(t) => format!("{} «{t}»", c.number),
        None => c.number.clone(),
    }
}

/// What to do about a contract's renewal (D01, D02: one decision, worded alike): decide
/// on it before the notice date, or, for a contract that lapsed with nothing decided,
/// close it or record its renewal.
pub fn renewal_todo(cx: &TodoCx<'_>, f: &Finding) -> Option<Msg> {
    let c = &cx.client.contract_in(&f.file)?.data;
    let term = terms::term_on(c, cx.on);
    let auto = c.renewal.as_ref().is_some_and(|r| r.auto);
    if !auto && term.end < cx.on {
        return Some(crate::msg!(
            "todo-renewal-lapsed",
            contract = c.number.as_str(),
            day = cx.day(term.end)
        ));
    }
    let calendar = Calendar::from_settings(cx.book.settings.as_ref());
    let notice = terms::notice_date(c, term, &calendar).map_or(Arg::Text(String::new()), |n| {
        Arg::from(crate::msg!("todo-renewal-notice", day = cx.day(n)))
    });
    Some(crate::msg!(
        "todo-renewal-decide",
        contract = c.number.as_str(),
        end = cx.day(term.end),
        notice = notice
    ))
}
