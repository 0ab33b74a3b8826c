//! `rapport invoice pay CLIENT/INVOICE AMOUNT`: records a payment in the invoice's
//! `payments`, changing nothing else in the file.
//!
//! The payment is appended with [`crate::write::edit::append`] (every other byte — comments,
//! blank lines, quoting — stays), in the style of the list it joins: a flow mapping
//! `{date: …, amount: …, ref: "…"}` for a new or flow-style list or one of flow
//! items, a block mapping among block items. The result must read back as an invoice
//! with the new payment and no error, and is written whole with
//! [`crate::write::replace`], under the book's invoice lock. A payment is dated on or
//! before today (money that has not arrived is not recorded yet) and not before the
//! invoice. What is "paid already" is what `rapport invoices` counts: the payments
//! dated on or before today. A payment that would take that above the invoice's
//! total, or one on a cancelled invoice, is refused unless `--force`; so is one that
//! would overpay only with payments the file dates after today (written by hand),
//! which are named so their date can be put right.

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::book;
use crate::cli::InvoicePayArgs;
use crate::commands::duty_support::{currency, vat_contract};
use crate::context::Context;
use crate::domain::billing;
use crate::exit::Exit;
use crate::i18n::Arg;
use crate::model::Invoice;
use crate::model::invoice::InvoiceStatus;
use crate::model::money::Money;
use crate::msg;
use crate::write;
use crate::write::edit;
use crate::write::lock::BookLock;
use crate::yaml::YamlPath;

/// Runs `rapport invoice pay`.
pub fn run(ctx: &Context, args: &InvoicePayArgs) -> Result<Exit> {
    let amount: Money = args.amount.parse().map_err(|_| {
        crate::commands::localized(msg!("invoice-pay-bad-amount", value = args.amount.as_str()))
    })?;
    if amount <= Money::ZERO {
        return Err(crate::commands::localized(msg!("invoice-pay-not-positive")));
    }
    let root = ctx.book_root()?;
    let _lock = BookLock::acquire(&root)?;
    let book = ctx.load_for(super::parse_ref(&args.invoice))?;
    let (client, entity) = super::locate(book, &args.invoice, ctx.lang)?;
    let today = ctx.today(book);
    let date = args.date.unwrap_or(today);
    if date > today {
        return Err(crate::commands::hinted(
            msg!(
                "pay-date-after-today",
                date = Arg::Date { date, today },
                today = Arg::Date { date: today, today }
            ),
            msg!("date-after-today-hint"),
        ));
    }
    let path = write::book_path(book.root(), &entity.file)?;
    let text = std::fs::read_to_string(&path)
        .map_err(|e| crate::commands::cannot_read(&entity.file, &e))?;
    // The file as it is now, under the lock.
    let mut findings = Vec::new();
    let Some(current) = book::parse_entity::<Invoice>(&entity.file, &text, &mut findings) else {
        return Err(crate::commands::hinted(
            msg!("invoice-pay-unreadable", file = entity.file.as_str()),
            msg!("invoice-pay-unreadable-hint", file = entity.file.as_str()),
        ));
    };
    if date < current.date.0 {
        return Err(crate::commands::localized(msg!(
            "pay-date-before-invoice",
            date = Arg::Date { date, today },
            invoice_date = Arg::Date {
                date: current.date.0,
                today
            }
        )));
    }
    let settings = book.settings.as_ref();
    let contract = vat_contract(client, current.contract.as_deref(), current.date.0);
    let gross = billing::totals(&current, contract, settings)
        .map_err(|e| {
            crate::commands::localized(msg!(
                "invoice-pay-too-large",
                number = current.number.as_str(),
                file = entity.file.as_str(),
                why = super::too_large(&e)
            ))
        })?
        .gross;
    // As the invoice list counts it: payments dated today or before.
    let paid_before = billing::paid(&current, today);
    let after = Money(
        gross
            .0
            .saturating_sub(paid_before.0)
            .saturating_sub(amount.0),
    );
    let later: Vec<_> = current
        .payments
        .iter()
        .filter(|p| p.date.0 > today)
        .collect();
    let cur = currency(book, client, current.contract.as_deref(), current.date.0);
    let money = |amount: Money| Arg::Money {
        amount,
        currency: cur.to_string(),
    };
    if current.status == InvoiceStatus::Cancelled && !args.force {
        return Err(crate::commands::hinted(
            msg!("invoice-pay-cancelled", number = current.number.as_str()),
            msg!("invoice-pay-cancelled-hint"),
        ));
    }
    if after < Money::ZERO && !args.force {
        return Err(crate::commands::hinted(
            msg!(
                "invoice-pay-overpay",
                amount = money(amount),
                number = current.number.as_str(),
                over = money(Money(-after.0)),
                total = money(gross),
                paid = money(paid_before)
            ),
            msg!("invoice-pay-overpay-hint"),
        ));
    }
    let later_sum = later
        .iter()
        .fold(Decimal::ZERO, |acc, p| acc.saturating_add(p.amount.0));
    let with_later = after.0.saturating_sub(later_sum);
    if !later.is_empty() && with_later < Decimal::ZERO && !args.force {
        let listed: Vec<String> = later
            .iter()
            .map(|p| {
                msg!(
                    "invoice-pay-later-item",
                    amount = Arg::Sum {
                        amount: p.amount,
                        currency: cur.to_string()
                    },
                    date = Arg::Date {
                        date: p.date.0,
                        today
                    }
                )
                .render(ctx.lang)
            })
            .collect();
        return Err(crate::commands::hinted(
            msg!(
                "invoice-pay-later",
                number = current.number.as_str(),
                later = money(Money(later_sum)),
                list = listed.join(", "),
                amount = money(amount),
                over = money(Money(-with_later))
            ),
            msg!("invoice-pay-later-hint", file = entity.file.as_str()),
        ));
    }
    let new_text = append_payment(&text, date, amount, args.reference.as_deref())
        .with_context(|| format!("cannot edit {}", entity.file))?;
    check_edit(
        &entity.file,
        &new_text,
        current.payments.len() + 1,
        date,
        amount,
    )?;
    write::replace(&path, new_text.as_bytes())?;
    let lang = ctx.lang;
    let owed = if after > Money::ZERO {
        msg!("pay-still-owed", owed = money(after))
    } else if after == Money::ZERO {
        msg!("pay-in-full")
    } else {
        msg!("pay-overpaid", over = money(Money(-after.0)))
    };
    crate::commands::say_out(
        lang,
        &msg!(
            "pay-recorded",
            file = entity.file.as_str(),
            amount = money(amount),
            date = Arg::Date { date, today },
            owed = owed
        ),
    )?;
    if current.status == InvoiceStatus::Draft {
        crate::commands::note(
            lang,
            &msg!("pay-invoice-draft", number = current.number.as_str()),
        );
    }
    Ok(Exit::Ok)
}

/// `s` as a YAML double-quoted scalar, safe in flow and block context alike.
fn quoted(s: &str) -> String {
    // JSON's string escapes are valid YAML double-quoted escapes.
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

/// The invoice's text with the payment appended to `payments`.
fn append_payment(
    text: &str,
    date: NaiveDate,
    amount: Money,
    reference: Option<&str>,
) -> Result<String> {
    let path = YamlPath::root().key("payments");
    let item = if edit::block_map_items(text, "payments") {
        let mut item = format!("date: {date}\namount: {amount}");
        if let Some(r) = reference {
            item.push_str(&format!("\nref: {}", quoted(r)));
        }
        item
    } else {
        let mut item = format!("{{date: {date}, amount: {amount}");
        if let Some(r) = reference {
            item.push_str(&format!(", ref: {}", quoted(r)));
        }
        item.push('}');
        item
    };
    Ok(edit::append(text, &path, &item)?)
}

/// The edited file must read as an invoice, with no error, and end with the payment.
fn check_edit(file: &str, text: &str, count: usize, date: NaiveDate, amount: Money) -> Result<()> {
    crate::commands::duty_support::read_back(
        file,
        text,
        crate::msg!("invoice-read-back-payment"),
        |i: &Invoice| {
            i.payments.len() == count
                && i.payments
                    .last()
                    .is_some_and(|p| p.date.0 == date && p.amount == amount)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invoice(text: &str) -> Invoice {
        let mut findings = Vec::new();
        book::parse_entity::<Invoice>("i.yaml", text, &mut findings).expect("test invoice")
    }

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("date")
    }

    fn pay(text: &str, r: Option<&str>) -> String {
        let m: Money = "100.50".parse().expect("money");
        let out = append_payment(text, d("2026-11-30"), m, r).expect("edit");
        let count = invoice(text).payments.len() + 1;
        check_edit("i.yaml", &out, count, d("2026-11-30"), m).expect("reads back");
        out
    }

    const HEAD: &str =
        "number: \"2026-0001\"   # номер\ndate: 2026-11-02\nlines: [{item: a, price: 1000}]\n";

    #[test]
    fn a_first_payment_starts_a_flow_item_list() {
        let out = pay(HEAD, Some("п/п № 5120, от 30.11"));
        assert_eq!(
            out,
            format!(
                "{HEAD}payments:\n  - {{date: 2026-11-30, amount: 100.50, ref: \"п/п № 5120, от 30.11\"}}\n"
            )
        );
    }

    #[test]
    fn block_items_get_a_block_item_and_flow_lists_grow_in_flow() {
        let text =
            format!("{HEAD}payments:\n  - date: 2026-11-05   # аванс\n    amount: 100\n# хвост\n");
        assert_eq!(
            pay(&text, Some("x\"y")),
            format!(
                "{HEAD}payments:\n  - date: 2026-11-05   # аванс\n    amount: 100\n  - date: \
                 2026-11-30\n    amount: 100.50\n    ref: \"x\\\"y\"\n# хвост\n"
            )
        );
        let text = format!("{HEAD}payments: [{{date: 2026-11-05, amount: 100}}]  # c\n");
        assert_eq!(
            pay(&text, None),
            format!(
                "{HEAD}payments: [{{date: 2026-11-05, amount: 100}}, {{date: 2026-11-30, amount: \
                 100.50}}]  # c\n"
            )
        );
        let text = format!("{HEAD}payments:\n  - {{date: 2026-11-05, amount: 100}}\n");
        assert!(pay(&text, None).ends_with(
            "  - {date: 2026-11-05, amount: 100}\n  - {date: 2026-11-30, amount: 100.50}\n"
        ));
    }
}
