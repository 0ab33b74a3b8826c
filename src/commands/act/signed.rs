//! `rapport act signed CLIENT/ACT [--date D] [--originals]`: records that the client's
//! signed copy came back (`signed: D`) and, with `--originals`, that its paper
//! originals arrived (`originals: D`, and `signed: D` if it was not recorded yet).
//!
//! The file is changed with [`crate::write::edit::set`]: the value replaced in place or
//! the key added at the end of the mapping, every other byte — comments, blank lines,
//! quoting, key order — kept. The result must read back as the act with those dates
//! and no error, and is written whole with [`crate::write::replace`], under the book's
//! lock so that two edits at once never lose one.

use anyhow::{Context as _, Result};
use chrono::NaiveDate;

use crate::book;
use crate::cli::ActSignedArgs;
use crate::commands::{hinted, localized};
use crate::context::Context;
use crate::exit::Exit;
use crate::i18n::Arg;
use crate::model::Act;
use crate::model::act::ActStatus;
use crate::msg;
use crate::write;
use crate::write::edit;
use crate::write::lock::BookLock;
use crate::yaml::YamlPath;

/// Runs `rapport act signed`.
pub fn run(ctx: &Context, args: &ActSignedArgs) -> Result<Exit> {
    let root = ctx.book_root()?;
    let _lock = BookLock::acquire(&root)?;
    let book = ctx.load_for(super::parse_ref(&args.act))?;
    let (_, entity) = super::locate(book, &args.act, ctx.lang)?;
    let today = ctx.today(book);
    let date = args.date.unwrap_or(today);
    let path = write::book_path(book.root(), &entity.file)?;
    let text = std::fs::read_to_string(&path).with_context(|| {
        crate::i18n::Localized(msg!("act-cannot-read", file = entity.file.as_str()))
    })?;
    // The file as it is now, under the lock.
    let mut findings = Vec::new();
    let Some(current) = book::parse_entity::<Act>(&entity.file, &text, &mut findings) else {
        let file = entity.file.as_str();
        return Err(hinted(
            msg!("act-signed-unreadable", file = file),
            msg!("act-audit-file-hint", file = file),
        ));
    };
    let new_text = edit_text(&text, &current, date, today, args.originals)?;
    check_edit(&entity.file, &new_text, date, args.originals)?;
    write::replace(&path, new_text.as_bytes())?;
    crate::commands::say_out(
        ctx.lang,
        &crate::msg!(
            "act-signed-recorded",
            file = entity.file.as_str(),
            number = current.number.as_str(),
            what = crate::i18n::Arg::Word(if args.originals {
                "originals"
            } else {
                "signed"
            }),
            date = crate::i18n::Arg::Date { date, today }
        ),
    )?;
    Ok(Exit::Ok)
}

/// The act's text with `signed` (and, for `originals`, `originals`) set to `date`, or
/// why not.
fn edit_text(
    text: &str,
    act: &Act,
    date: NaiveDate,
    today: NaiveDate,
    originals: bool,
) -> Result<String> {
    let n = act.number.as_str();
    let day = |date| Arg::Date { date, today };
    match act.status {
        ActStatus::Issued => {}
        ActStatus::Draft => {
            return Err(hinted(
                msg!("act-signed-draft", number = n),
                msg!("act-signed-draft-hint"),
            ));
        }
        ActStatus::Cancelled => {
            return Err(localized(msg!("act-signed-cancelled", number = n)));
        }
    }
    if date > today {
        return Err(hinted(
            msg!(
                "act-signed-after-today",
                date = day(date),
                today = day(today)
            ),
            msg!("date-after-today-hint"),
        ));
    }
    if date < act.date.0 {
        return Err(localized(msg!(
            "act-signed-before-act",
            date = day(date),
            act_date = day(act.date.0)
        )));
    }
    let root = YamlPath::root();
    if originals {
        if let Some(o) = act.originals {
            return Err(localized(msg!(
                "act-originals-already",
                number = n,
                on = day(o.0)
            )));
        }
        if let Some(s) = act.signed
            && date < s.0
        {
            return Err(localized(msg!(
                "act-originals-before-signed",
                date = day(date),
                signed = day(s.0)
            )));
        }
        let text = if act.signed.is_none() {
            edit::set(text, &root.key("signed"), &date.to_string())?
        } else {
            text.to_owned()
        };
        Ok(edit::set(&text, &root.key("originals"), &date.to_string())?)
    } else {
        if let Some(s) = act.signed {
            return Err(hinted(
                msg!("act-signed-already", number = n, on = day(s.0)),
                msg!("act-signed-already-hint"),
            ));
        }
        Ok(edit::set(text, &root.key("signed"), &date.to_string())?)
    }
}

/// The edited file must read as an act, with no error, and carry the new dates.
fn check_edit(file: &str, text: &str, date: NaiveDate, originals: bool) -> Result<()> {
    crate::commands::duty_support::read_back(file, text, msg!("act-read-back-dates"), |a: &Act| {
        a.signed.is_some() && (!originals || a.originals.map(|d| d.0) == Some(date))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("date")
    }

    fn act(text: &str) -> Act {
        let mut findings = Vec::new();
        book::parse_entity::<Act>("a.yaml", text, &mut findings).expect("test act")
    }

    const TEXT: &str = "# Акт за ноябрь\nnumber: \"2026-0001\"   # наш номер\ndate: 2026-11-20\n\
                        invoices: [2026-0008]\nsent: 2026-11-20  # с курьером\n";

    #[test]
    fn signing_adds_one_line_and_keeps_every_other_byte() {
        let out =
            edit_text(TEXT, &act(TEXT), d("2026-11-25"), d("2026-11-27"), false).expect("edit");
        assert_eq!(out, format!("{TEXT}signed: 2026-11-25\n"));
        check_edit("a.yaml", &out, d("2026-11-25"), false).expect("reads back");
        let both =
            edit_text(TEXT, &act(TEXT), d("2026-11-26"), d("2026-11-27"), true).expect("edit");
        assert_eq!(
            both,
            format!("{TEXT}signed: 2026-11-26\noriginals: 2026-11-26\n")
        );
        let signed = format!("{TEXT}signed: 2026-11-25 # скан\n");
        let out = edit_text(
            &signed,
            &act(&signed),
            d("2026-11-27"),
            d("2026-11-27"),
            true,
        )
        .expect("edit");
        assert_eq!(out, format!("{signed}originals: 2026-11-27\n"));
    }

    #[test]
    fn an_empty_value_is_filled_in_place() {
        let text = format!("{TEXT}signed:   # ждём\nstatus: issued\n");
        let out =
            edit_text(&text, &act(&text), d("2026-11-25"), d("2026-11-27"), false).expect("edit");
        assert_eq!(
            out,
            format!("{TEXT}signed: 2026-11-25   # ждём\nstatus: issued\n")
        );
    }

    #[test]
    fn every_refusal_says_why() {
        let today = d("2026-11-27");
        let cases: [(String, &str, bool, &str); 7] = [
            (TEXT.into(), "2026-11-28", false, "after today"),
            (TEXT.into(), "2026-11-19", false, "before the act's date"),
            (
                format!("{TEXT}signed: 2026-11-21\n"),
                "2026-11-25",
                false,
                "recorded already, on 2026-11-21",
            ),
            (
                format!("{TEXT}signed: 2026-11-24\n"),
                "2026-11-23",
                true,
                "before the signed copy",
            ),
            (
                format!("{TEXT}signed: 2026-11-21\noriginals: 2026-11-22\n"),
                "2026-11-25",
                true,
                "originals are recorded already",
            ),
            (
                format!("{TEXT}status: draft\n"),
                "2026-11-25",
                false,
                "is a draft",
            ),
            (
                format!("{TEXT}status: cancelled\n"),
                "2026-11-25",
                false,
                "is cancelled",
            ),
        ];
        for (text, day, originals, want) in cases {
            let err = edit_text(&text, &act(&text), d(day), today, originals)
                .expect_err(want)
                .to_string();
            assert!(err.contains(want), "{want}: {err}");
        }
    }
}
