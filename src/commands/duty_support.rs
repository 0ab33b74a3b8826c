//! What `renewals`, `renew`, `budget`, `estimate`, `calendar` and `upsell` share:
//! finding a client, contract or project named on the command line (with a hint when
//! it is not there), a rule's threshold as the book sets it, the currency and VAT of
//! money under a contract, what was invoiced and paid, and JSON output.

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use serde::Serialize;

use crate::audit::{Threshold, config, rules};
use crate::book::{Book, ClientBook, Entity};
pub use crate::book::{currency, vat_contract};
use crate::domain::receivables;
use crate::i18n::Arg;
use crate::model::money::Money;
use crate::model::{Contract, Invoice, Project, Settings};

/// Version of every JSON document these commands write; bumped only on an
/// incompatible change.
pub const JSON_VERSION: u32 = 1;

/// The value of a rule's threshold: from `rules:` in rapport.yaml, else its default.
/// A rule turned `off`
/// still lends its default: the commands that use a threshold are asked for
/// explicitly.
pub fn threshold(settings: Option<&Settings>, threshold: Threshold) -> u32 {
    let configs = config::configs(settings);
    rules::all()
        .iter()
        .zip(&configs)
        .find(|(rule, _)| rule.meta().code == threshold.code)
        .and_then(|(_, cfg)| cfg.thresholds.get(threshold.name).copied())
        .unwrap_or(threshold.default)
}

/// The client `id`, or an error naming the nearest ID (or the ID of a client with that
/// name).
pub fn find_client<'b>(book: &'b Book, id: &str) -> Result<&'b ClientBook> {
    crate::book::find_client(book, id).map_err(anyhow::Error::new)
}

/// Splits `CLIENT/ID` (what `renew` and `estimate` take), or says how to write it.
pub fn split_ref<'a>(arg: &'a str, what: &str) -> Result<(&'a str, &'a str)> {
    match arg.split_once('/') {
        Some((c, x)) if !c.is_empty() && !x.is_empty() && !x.contains('/') => Ok((c, x)),
        _ => Err(super::localized(crate::msg!(
            "ref-not-named",
            arg = arg,
            kind = Arg::Word(if what == "contract" {
                "contract"
            } else {
                "project"
            }),
            example = if what == "contract" {
                "gorod-fitness/2026-014"
            } else {
                "gorod-fitness/landing-ny2027"
            }
        ))),
    }
}

/// A list of IDs for a hint: the first few, then how many more.
fn known_list(ids: &[&str]) -> crate::i18n::Msg {
    let (list, more) = known_split(ids);
    crate::msg!("known-list", list = list, more = more)
}

/// [`known_list`] in English.
#[cfg(test)]
fn known(ids: &[&str]) -> String {
    known_list(ids).render(crate::i18n::Lang::En)
}

/// The first few IDs, and how many more.
fn known_split(ids: &[&str]) -> (String, usize) {
    const SHOWN: usize = 8;
    let text = ids
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    (text, ids.len().saturating_sub(SHOWN))
}

/// Finds entity `id` among `items` of `client`, or an error with the nearest ID.
fn find_entity<'b, T>(
    client: &ClientBook,
    items: &'b [Entity<T>],
    id: &str,
    noun: &str,
    folder: &str,
) -> Result<&'b Entity<T>> {
    if let Some(e) = items.iter().find(|e| e.id == id) {
        return Ok(e);
    }
    let present = client
        .present
        .iter()
        .any(|(k, i)| k.folder() == Some(folder) && i == id);
    if present {
        return Err(super::hinted(
            crate::msg!(
                "entity-unreadable",
                file = format!("clients/{}/{folder}/{id}.yaml", client.id)
            ),
            crate::msg!("entity-unreadable-hint"),
        ));
    }
    let kind = Arg::Word(if noun == "contract" {
        "contract"
    } else {
        "project"
    });
    let ids: Vec<&str> = items.iter().map(|e| e.id.as_str()).collect();
    let hint = super::hint_for(
        id,
        &ids,
        crate::msg!(
            "client-has-none",
            kind = kind.clone(),
            client = client.id.as_str()
        ),
        |ids| crate::msg!("known-ids", list = known_list(ids)),
    );
    Err(super::hinted(
        crate::msg!(
            "no-entity-in-client",
            kind = kind,
            id = id,
            client = client.id.as_str()
        ),
        hint,
    ))
}

/// The contract `CLIENT/CONTRACT`.
pub fn find_contract<'b>(
    book: &'b Book,
    arg: &str,
) -> Result<(&'b ClientBook, &'b Entity<Contract>)> {
    let (c, id) = split_ref(arg, "contract")?;
    let client = find_client(book, c)?;
    let contract = find_entity(client, &client.contracts, id, "contract", "contracts")?;
    Ok((client, contract))
}

/// The project `CLIENT/PROJECT`.
pub fn find_project<'b>(
    book: &'b Book,
    arg: &str,
) -> Result<(&'b ClientBook, &'b Entity<Project>)> {
    let (c, id) = split_ref(arg, "project")?;
    let client = find_client(book, c)?;
    let project = find_entity(client, &client.projects, id, "project", "projects")?;
    Ok((client, project))
}

/// The client's contract `id`.
pub fn contract<'b>(client: &'b ClientBook, id: Option<&str>) -> Option<&'b Contract> {
    client.contract_entity(id).map(|e| &e.data)
}

/// Invoiced and paid, summed: `receivables`' sum.
pub use crate::domain::receivables::Billed;

/// What the client's issued invoices that `wanted` selects came to by `today`:
/// drafts, cancelled invoices and invoices dated after today do not count.
pub fn billed(
    book: &Book,
    client: &ClientBook,
    today: NaiveDate,
    wanted: impl Fn(&Invoice) -> bool,
) -> Billed {
    receivables::billed(
        client
            .invoices
            .iter()
            .map(|e| &e.data)
            .filter(|i| wanted(i))
            .map(|i| (i, vat_contract(client, i.contract.as_deref(), i.date.0))),
        book.settings.as_ref(),
        today,
    )
}

/// Adds `b` to `a`.
pub fn add(a: Money, b: Money) -> Money {
    Money(a.0.saturating_add(b.0))
}

/// [`grouped`] as `lang` writes a number: `156,000.00` / «156 000,00» (the
/// currency stands in a column of its own).
pub fn grouped_in(lang: crate::i18n::Lang, m: Money) -> String {
    match lang {
        crate::i18n::Lang::En => grouped(m),
        crate::i18n::Lang::Ru => m
            .in_locale(crate::i18n::Lang::Ru, "")
            .trim_end()
            .trim_end_matches('\u{a0}')
            .to_owned(),
    }
}

/// An amount in a table people read: two decimals, the whole part grouped in threes
/// by spaces — `3 600 000.00`, `-36 000.00` — in every listing (JSON and CSV keep the
/// plain `3600000.00` programs read).
pub fn grouped(m: Money) -> String {
    let text = m.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, "00"));
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out.push('.');
    out.push_str(frac);
    out
}

/// Money in a JSON document: a string with exactly two decimals, `"3600000.00"`;
/// [`grouped`] when the same value is shown in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount(pub Money);

impl Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// Money with its currency in a table: `680 000.00 RUB`.
/// [`amount`] as `lang` writes a sum: `156 000.00 RUB` / «156 000,00 ₽».
pub fn amount_in(lang: crate::i18n::Lang, m: Money, currency: &str) -> String {
    match lang {
        crate::i18n::Lang::En => amount(m, currency),
        crate::i18n::Lang::Ru => m.in_locale(crate::i18n::Lang::Ru, currency),
    }
}

pub fn amount(m: Money, currency: &str) -> String {
    format!("{} {currency}", grouped(m))
}

/// A JSON document: `"version": 1`, then the body's fields.
#[derive(Serialize)]
struct Versioned<'a, T: Serialize> {
    version: u32,
    #[serde(flatten)]
    body: &'a T,
}

/// `body` (a struct) as a pretty JSON document with `"version": 1` first, ended by
/// a newline.
pub fn json<T: Serialize>(body: &T) -> Result<String> {
    let doc = Versioned {
        version: JSON_VERSION,
        body,
    };
    let mut text = serde_json::to_string_pretty(&doc).context("cannot write the JSON")?;
    text.push('\n');
    Ok(text)
}

/// Why the loader could not read `file`: each of its error findings on a line of its
/// own, `\n  FILE:LINE: MESSAGE (CODE)`, in `lang` where the catalogs word them, for an
/// error that names a file by its ID.
pub fn why_unreadable(book: &Book, file: &str, lang: crate::i18n::Lang) -> String {
    book.findings
        .iter()
        .filter(|f| f.file == file && f.severity == crate::finding::Severity::Error)
        .map(|f| {
            let (message, _) = crate::finding::in_lang(lang, f.said.as_deref(), &f.message, None);
            match &f.location {
                crate::finding::Location::Span(s) => {
                    format!("\n  {file}:{}: {message} ({})", s.start.line, f.code)
                }
                _ => format!("\n  {file}: {message} ({})", f.code),
            }
        })
        .collect()
}

/// A finding's message as a message's argument: the catalog's where it came from one,
/// else the English as written.
pub fn message_arg(f: &crate::finding::Finding) -> Arg {
    match f.said.as_ref().and_then(|s| s.message.clone()) {
        Some(m) => Arg::from(m),
        None => Arg::from(f.message.as_str()),
    }
}

/// `msgs` one after the other, `; ` between them; `None` when there are none.
pub fn one_after_another(msgs: Vec<crate::i18n::Msg>) -> Option<crate::i18n::Msg> {
    msgs.into_iter()
        .rev()
        .reduce(|rest, first| crate::msg!("read-back-errors", first = first, rest = rest))
}

/// An edited file must read back as its kind with no error and say what was written
/// (`ok`), or nothing is written: the error says the file would not read back `what`
/// ("with the payment", "as recorded") and why, the loader's errors worded from the
/// catalogs where they came from them.
pub fn read_back<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
    what: crate::i18n::Msg,
    ok: impl FnOnce(&T) -> bool,
) -> Result<()> {
    let mut findings = Vec::new();
    let parsed = crate::book::parse_entity::<T>(file, text, &mut findings);
    let errors: Vec<crate::i18n::Msg> = findings
        .iter()
        .filter(|f| f.severity == crate::finding::Severity::Error)
        .map(|f| {
            crate::msg!(
                "read-back-error",
                code = f.code.to_string(),
                message = message_arg(f)
            )
        })
        .collect();
    if parsed.as_ref().is_some_and(ok) && errors.is_empty() {
        return Ok(());
    }
    let why = one_after_another(errors).unwrap_or_else(|| crate::msg!("read-back-values-differ"));
    Err(super::localized(crate::msg!(
        "read-back-failed",
        file = file,
        what = what,
        why = why
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_come_from_the_book_else_the_rule() {
        use crate::audit::rules::thresholds::{
            BUDGET_WARN_PERCENT, RENEWAL_NOTICE_DAYS, UPSELL_SHARE_PERCENT,
        };
        assert_eq!(threshold(None, BUDGET_WARN_PERCENT), 90);
        assert_eq!(threshold(None, RENEWAL_NOTICE_DAYS), 30);
        assert_eq!(threshold(None, UPSELL_SHARE_PERCENT), 50);
        let mut findings = Vec::new();
        let s = crate::book::parse_entity::<Settings>(
            "rapport.yaml",
            "agency: {name: A}\nrules:\n  D07: {warn_percent: 75}\n  D10: off\n",
            &mut findings,
        );
        assert_eq!(threshold(s.as_ref(), BUDGET_WARN_PERCENT), 75);
        assert_eq!(
            threshold(s.as_ref(), UPSELL_SHARE_PERCENT),
            50,
            "off keeps the default"
        );
    }

    #[test]
    fn refs_need_a_client_and_an_id() {
        assert_eq!(split_ref("a/b", "project").ok(), Some(("a", "b")));
        for bad in ["a", "a/", "/b", "a/b/c", ""] {
            let err = split_ref(bad, "project").expect_err(bad).to_string();
            assert!(err.contains("write CLIENT/PROJECT"), "{err}");
        }
    }

    #[test]
    fn table_amounts_group_their_digits() {
        let m = |s: &str| Money(s.parse().expect("decimal"));
        assert_eq!(grouped(m("3600000")), "3 600 000.00");
        assert_eq!(grouped(m("-36000")), "-36 000.00");
        assert_eq!(grouped(m("999.5")), "999.50");
        assert_eq!(grouped(m("0")), "0.00");
        assert_eq!(grouped(m("-100")), "-100.00");
        assert_eq!(grouped(m("999999999999999.99")), "999 999 999 999 999.99");
        assert_eq!(amount(m("680000"), "RUB"), "680 000.00 RUB");
    }

    #[test]
    fn long_lists_are_cut_in_hints() {
        let ids: Vec<String> = (0..10).map(|i| format!("p{i}")).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(known(&refs), "p0, p1, p2, p3, p4, p5, p6, p7 and 2 more");
        assert_eq!(known(&refs[..2]), "p0, p1");
    }
}
