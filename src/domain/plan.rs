//! The billing plan: each entry of a contract's `billing` list is a planned invoice,
//! numbered from 1 in the order the list is written. An entry is issued when an
//! invoice that is not cancelled names its contract (`contract:`) and its number
//! (`planned:`); `rapport invoice new --planned` writes both. The plan of a contract
//! in force (`status: active`) drives the agenda, the calendar and rule D12; a draft,
//! terminated or closed contract plans nothing.
//!
//! A planned invoice asks for its `amount` (the gross total, VAT included), or for the
//! sum of its `lines` reckoned as an invoice of that contract would be
//! ([`billing::priced`], at the contract's VAT rate and the book's
//! `prices_include_vat`).

use chrono::NaiveDate;

use crate::domain::billing;
use crate::model::amount::TooLarge;
use crate::model::contract::{Billing, ContractStatus};
use crate::model::invoice::InvoiceStatus;
use crate::model::money::Money;
use crate::model::{Contract, Invoice, Settings};

/// One planned invoice of a contract.
#[derive(Debug, Clone, Copy)]
pub struct Planned<'a> {
    /// Its number in the contract's plan, from 1: what `planned:` and `CONTRACT#N`
    /// name.
    pub number: u32,
    /// Its index in the `billing` list (`number - 1`).
    pub index: usize,
    pub entry: &'a Billing,
    pub date: NaiveDate,
}

/// Does `contract`'s plan count: is the contract in force (`status: active`)?
pub fn in_force(contract: &Contract) -> bool {
    contract.status == ContractStatus::Active
}

/// The entries of `contract`'s plan, numbered, in the order they are written.
pub fn entries(contract: &Contract) -> impl Iterator<Item = Planned<'_>> {
    contract
        .billing
        .iter()
        .enumerate()
        .map(|(index, entry)| Planned {
            number: u32::try_from(index + 1).unwrap_or(u32::MAX),
            index,
            entry,
            date: entry.date.0,
        })
}

/// The entry numbered `number` of `contract`'s plan.
pub fn entry(contract: &Contract, number: u32) -> Option<Planned<'_>> {
    entries(contract).find(|p| p.number == number)
}

/// Does `invoice` issue entry `number` of the plan of contract `contract_id`? It
/// names both, and is not cancelled (a draft holds the entry: it is being issued).
pub fn issues(invoice: &Invoice, contract_id: &str, number: u32) -> bool {
    invoice.status != InvoiceStatus::Cancelled
        && invoice.planned == Some(number)
        && invoice.contract.as_deref() == Some(contract_id)
}

/// The first of `invoices` (an ID and an invoice each) that issues entry `number` of
/// contract `contract_id`'s plan, by its ID.
pub fn issued_by<'i>(
    invoices: impl IntoIterator<Item = (&'i str, &'i Invoice)>,
    contract_id: &str,
    number: u32,
) -> Option<&'i str> {
    invoices
        .into_iter()
        .find(|(_, i)| issues(i, contract_id, number))
        .map(|(id, _)| id)
}

/// What a planned invoice asks for, VAT included: its `amount`, or its `lines` priced
/// under `contract` and the book's `settings`. An entry with neither asks for zero.
pub fn gross(
    entry: &Billing,
    contract: &Contract,
    settings: Option<&Settings>,
) -> Result<Money, TooLarge> {
    if let Some(amount) = entry.amount {
        return Ok(amount);
    }
    let rate = billing::vat_rate(None, Some(contract), settings);
    let include = billing::prices_include_vat(None, settings);
    billing::priced(&entry.lines, rate, include).map(|(_, t)| t.gross)
}

/// `CONTRACT#N` or `CONTRACT` as `rapport invoice new --planned` takes it: the
/// contract's ID and the entry's number, if given.
pub fn parse_ref(text: &str) -> Result<(&str, Option<u32>), String> {
    let (contract, number) = match text.split_once('#') {
        Some((c, n)) => {
            let n: u32 = n.trim().parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                format!("`{text}`: after `#` comes the entry's number in the plan, from 1")
            })?;
            (c.trim(), Some(n))
        }
        None => (text.trim(), None),
    };
    if contract.is_empty() {
        return Err(format!(
            "`{text}` names no contract: write CONTRACT or CONTRACT#N, e.g. 2026-014#2"
        ));
    }
    Ok((contract, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse<T: serde::de::DeserializeOwned>(text: &str) -> T {
        let mut findings = Vec::new();
        crate::book::parse_entity::<T>("t.yaml", text, &mut findings)
            .unwrap_or_else(|| panic!("test entity: {findings:?}"))
    }

    fn contract(extra: &str) -> Contract {
        parse(&format!(
            "number: '1'\nstart: 2026-01-01\nend: 2026-12-31\n{extra}"
        ))
    }

    fn money(s: &str) -> Money {
        s.parse().expect("test money")
    }

    #[test]
    fn entries_are_numbered_from_one_and_priced_as_invoices() {
        let c = contract(
            "vat: 22\nbilling:\n  - {date: 2026-03-01, amount: 340000}\n  - date: 2026-06-01\n    lines: [{item: a, qty: 3, price: 333.33}, {item: b, price: 0.01}]\n",
        );
        let all: Vec<_> = entries(&c).collect();
        assert_eq!(all.len(), 2);
        assert_eq!((all[0].number, all[0].index), (1, 0));
        assert_eq!(all[1].number, 2);
        assert_eq!(
            gross(all[0].entry, &c, None).expect("fits"),
            money("340000")
        );
        assert_eq!(
            gross(all[1].entry, &c, None).expect("fits"),
            money("1000.00")
        );
        // Net prices: VAT on top, as an invoice of the contract would have it.
        let s: Settings = parse("agency: {name: A}\ninvoice: {prices_include_vat: false}\n");
        assert_eq!(
            gross(all[1].entry, &c, Some(&s)).expect("fits"),
            money("1220.00")
        );
        assert!(entry(&c, 3).is_none());
        assert!(entry(&c, 0).is_none());
    }

    #[test]
    fn an_entry_is_issued_by_an_invoice_naming_it_that_is_not_cancelled() {
        let inv = |extra: &str| -> Invoice {
            parse(&format!(
                "number: '1'\ndate: 2026-03-01\nlines: [{{item: a, price: 1}}]\n{extra}"
            ))
        };
        let named = inv("contract: c1\nplanned: 2\n");
        let draft = inv("contract: c1\nplanned: 1\nstatus: draft\n");
        let cancelled = inv("contract: c1\nplanned: 3\nstatus: cancelled\n");
        let other = inv("contract: c2\nplanned: 3\n");
        let list = [
            ("a", &named),
            ("b", &draft),
            ("c", &cancelled),
            ("d", &other),
        ];
        assert_eq!(issued_by(list, "c1", 2), Some("a"));
        assert_eq!(issued_by(list, "c1", 1), Some("b"));
        assert_eq!(issued_by(list, "c1", 3), None, "cancelled frees the entry");
        assert_eq!(issued_by(list, "c2", 3), Some("d"));
        assert!(!in_force(&contract("status: closed\n")));
        assert!(in_force(&contract("")));
    }

    #[test]
    fn plan_references() {
        assert_eq!(parse_ref("2026-014#2"), Ok(("2026-014", Some(2))));
        assert_eq!(parse_ref("2026-014"), Ok(("2026-014", None)));
        for bad in ["2026-014#", "2026-014#0", "2026-014#x", "#2", ""] {
            assert!(parse_ref(bad).is_err(), "{bad}");
        }
    }
}
