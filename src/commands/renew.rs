//! `rapport renew CLIENT/CONTRACT --decision renew|renegotiate|terminate [--next ID]`:
//! records a renewal decision in the contract's file and, when the contract goes on
//! under a next contract (or supplement) that is not in the book yet, drafts that
//! file from the current one with the next term (duty D2).
//!
//! - The decision concerns the term in force today (`terms::term_on`); it is written
//!   as `renewal.decision`, `renewal.decided` (`--decided`, default today) and, with
//!   a next contract, `renewal.next` — by `edit::set`, which changes those values and
//!   leaves every other byte of the file as it was (comments included).
//! - A decision already recorded for the current term is replaced only with
//!   `--force`; one from an earlier term is simply superseded.
//! - `renew` of a contract that does not renew itself needs a next contract
//!   (`--next ID` or `--supplement`); an auto-renewing one renews itself, and a next
//!   contract is optional.
//! - The drafted file (`status: draft`) is created with `write::create_new`, never
//!   over an existing file; an existing `--next` file is only referred to. Both texts
//!   are read back as contracts before anything is written, and the draft is removed
//!   again if the contract's own file cannot be written.

use std::fmt::Write as _;

use anyhow::{Context as _, Result};
use chrono::{Datelike, NaiveDate};

use super::duty_support::{self as support};
use crate::book::{Book, ClientBook, Entity, Kind, is_slug};
use crate::cli::{DecisionArg, RenewArgs};
use crate::context::Context;
use crate::domain::renewal::{self};
use crate::domain::terms::{self, Term};
use crate::exit::Exit;
use crate::i18n::{Arg, Msg};
use crate::model::Contract;
use crate::model::contract::{ContractKind, ContractStatus, RenewalDecision};
use crate::model::settings::Locale;
use crate::msg;
use crate::write::edit;
use crate::write::scalar::{yaml_id, yaml_string};
use crate::write::{self, WriteError};
use crate::yaml::YamlPath;

pub fn run(ctx: &Context, args: &RenewArgs) -> Result<Exit> {
    let book = ctx.load_for(super::duty_support::split_ref(&args.contract, "contract"))?;
    let today = ctx.today(book);
    let plan = plan(book, args, today)?;
    let root = book.root();
    let path = write::book_path(root, &plan.file)?;
    let original =
        std::fs::read_to_string(&path).map_err(|e| super::cannot_read(&plan.file, &e))?;
    let edited = plan.edit(&original)?;
    if let Some(draft) = &plan.draft {
        match write::create_new(&write::book_path(root, &draft.file)?, draft.text.as_bytes()) {
            Ok(()) => {}
            Err(WriteError::Exists(_)) => {
                return Err(super::hinted(
                    msg!("renew-draft-exists", file = draft.file.as_str()),
                    msg!("renew-draft-exists-hint"),
                ));
            }
            Err(e) => return Err(e.into()),
        }
    }
    if let Err(e) = write::replace(&path, edited.as_bytes()) {
        if let Some(draft) = &plan.draft {
            let _ = std::fs::remove_file(root.join(&draft.file));
        }
        return Err(anyhow::Error::new(e).context(format!("{} was left as it was", plan.file)));
    }
    let lang = ctx.lang;
    let day = |date| Arg::Date { date, today };
    let mut out = msg!(
        "renew-recorded",
        decision = Arg::Word(plan.decision.as_str()),
        number = plan.number.as_str(),
        term = plan.term.number,
        start = day(plan.term.start),
        end = day(plan.term.end),
        file = plan.file.as_str()
    )
    .render(lang);
    out.push('\n');
    if let Some(draft) = &plan.draft {
        let _ = writeln!(
            out,
            "{}",
            msg!(
                "renew-created-draft",
                file = draft.file.as_str(),
                start = day(draft.term.start),
                end = day(draft.term.end)
            )
            .render(lang)
        );
    }
    crate::commands::write_stdout(out.as_bytes())?;
    for n in &plan.notes {
        crate::commands::note(lang, n);
    }
    Ok(Exit::Ok)
}

/// What the command will do, checked, before anything is written.
#[derive(Debug)]
struct Plan {
    /// The contract's file, relative to the book.
    file: String,
    number: String,
    term: Term,
    decision: RenewalDecision,
    decided: NaiveDate,
    next: Option<String>,
    draft: Option<Draft>,
    notes: Vec<Msg>,
}

/// A next contract to create.
#[derive(Debug)]
struct Draft {
    file: String,
    term: Term,
    text: String,
}

impl Plan {
    /// The contract's text with the decision recorded; every other byte kept.
    fn edit(&self, original: &str) -> Result<String> {
        // A byte-order mark is kept where it was; the editor sees the text after it.
        let (bom, text) = match original.strip_prefix('\u{feff}') {
            Some(rest) => ("\u{feff}", rest),
            None => ("", original),
        };
        let renewal = YamlPath::root().key("renewal");
        let fail = |e: edit::EditError| {
            super::localized(crate::msg!(
                "renew-cannot-record",
                file = self.file.as_str(),
                why = e.to_string()
            ))
        };
        let mut text =
            edit::set(text, &renewal.key("decision"), self.decision.as_str()).map_err(fail)?;
        text =
            edit::set(&text, &renewal.key("decided"), &self.decided.to_string()).map_err(fail)?;
        if let Some(next) = &self.next {
            text = edit::set(&text, &renewal.key("next"), &yaml_id(next)).map_err(fail)?;
        }
        let read = read_back(&self.file, &text)?;
        let r = read.renewal.as_ref();
        if r.and_then(|r| r.decision) != Some(self.decision)
            || r.and_then(|r| r.decided).map(|d| d.0) != Some(self.decided)
        {
            return Err(super::localized(crate::msg!(
                "renew-not-read-back",
                file = self.file.as_str()
            )));
        }
        Ok(format!("{bom}{text}"))
    }
}

/// Reads `text` as a contract; any finding refuses it.
fn read_back(file: &str, text: &str) -> Result<Contract> {
    let mut findings = Vec::new();
    match crate::book::parse_entity::<Contract>(file, text, &mut findings) {
        Some(c) if findings.is_empty() => Ok(c),
        _ => {
            let why = super::duty_support::one_after_another(
                findings
                    .iter()
                    .map(|f| {
                        crate::msg!(
                            "renew-finding",
                            message = super::duty_support::message_arg(f),
                            code = f.code.to_string()
                        )
                    })
                    .collect(),
            );
            Err(super::localized(crate::msg!(
                "renew-not-a-contract",
                file = file,
                why = why.unwrap_or_else(|| crate::msg!("read-back-values-differ"))
            )))
        }
    }
}

/// Checks the command against the book and works out the edit and the draft.
fn plan(book: &Book, args: &RenewArgs, today: NaiveDate) -> Result<Plan> {
    let (client, e) = support::find_contract(book, &args.contract)?;
    let c = &e.data;
    let decision = match args.decision {
        DecisionArg::Renew => RenewalDecision::Renew,
        DecisionArg::Renegotiate => RenewalDecision::Renegotiate,
        DecisionArg::Terminate => RenewalDecision::Terminate,
    };
    if c.kind == ContractKind::Supplement {
        let parent = c.parent.as_deref().unwrap_or("its contract");
        return Err(super::hinted(
            msg!("renew-supplement", file = e.file.as_str()),
            msg!(
                "renew-supplement-hint",
                contract = format!("{}/{parent}", client.id)
            ),
        ));
    }
    if c.status != ContractStatus::Active {
        return Err(super::hinted(
            msg!(
                "renew-not-active",
                number = c.number.as_str(),
                status = Arg::Word(c.status.as_str())
            ),
            msg!("renew-not-active-hint"),
        ));
    }
    let term = terms::term_on(c, today);
    let decided = args.decided.unwrap_or(today);
    if decided > today {
        return Err(super::localized(msg!(
            "renew-decided-after-today",
            decided = Arg::Date {
                date: decided,
                today
            },
            today = Arg::Date { date: today, today }
        )));
    }
    if decided < term.start && term.number > 1 {
        return Err(super::hinted(
            msg!(
                "renew-decided-before-term",
                decided = Arg::Date {
                    date: decided,
                    today
                },
                start = Arg::Date {
                    date: term.start,
                    today
                }
            ),
            msg!("renew-decided-before-term-hint"),
        ));
    }
    if terms::decided_for(c, term) && !args.force {
        let r = c.renewal.as_ref();
        let was = Arg::Word(r.and_then(|r| r.decision).map_or("?", |d| d.as_str()));
        let date = |date| Arg::Date { date, today };
        let (start, end) = (date(term.start), date(term.end));
        let number = c.number.as_str();
        let error = match r.and_then(|r| r.decided) {
            Some(on) => msg!(
                "renew-decided-already",
                number = number,
                term = term.number,
                start = start,
                end = end,
                was = was,
                on = date(on.0)
            ),
            None => msg!(
                "renew-decided-already-undated",
                number = number,
                term = term.number,
                start = start,
                end = end,
                was = was
            ),
        };
        return Err(super::hinted(error, msg!("renew-decided-already-hint")));
    }
    if decision == RenewalDecision::Terminate
        && (args.next.is_some() || args.supplement || args.number.is_some())
    {
        return Err(super::localized(msg!("renew-terminate-alone")));
    }
    let next_id = match (&args.next, args.supplement) {
        (Some(id), _) => Some(id.clone()),
        (None, true) => Some(next_supplement_id(client, &e.id)),
        (None, false) => None,
    };
    let auto = c.renewal.as_ref().is_some_and(|r| r.auto);
    if decision == RenewalDecision::Renew && next_id.is_none() && !auto {
        let year = renewal::next_term(c, term).map_or(term.end.year() + 1, |t| t.start.year());
        return Err(super::hinted(
            msg!("renew-not-auto", number = c.number.as_str()),
            msg!("renew-not-auto-hint", example = format!("{year}-001")),
        ));
    }
    let mut notes = Vec::new();
    let mut draft = None;
    if let Some(id) = &next_id {
        if !is_slug(id) {
            return Err(super::localized(msg!(
                "renew-next-not-an-id",
                id = id.as_str()
            )));
        }
        if *id == e.id {
            return Err(super::localized(msg!(
                "renew-next-itself",
                id = id.as_str()
            )));
        }
        if client.has(Kind::Contract, id) {
            if args.number.is_some() || args.supplement {
                return Err(super::hinted(
                    msg!("renew-next-exists", id = id.as_str()),
                    msg!("renew-next-exists-hint", id = id.as_str()),
                ));
            }
        } else {
            let next_term = renewal::next_term(c, term)
                .with_context(|| format!("the term after {} cannot be computed", term.end))?;
            draft = Some(draft_next(book, client, e, id, next_term, args, today)?);
            notes.push(msg!(
                "renew-check-draft",
                file = format!("clients/{}/contracts/{id}.yaml", client.id)
            ));
        }
    } else if args.number.is_some() {
        return Err(super::localized(msg!("renew-number-needs-next")));
    }
    if next_id.is_none()
        && let Some(old) = c.renewal.as_ref().and_then(|r| r.next.as_deref())
    {
        notes.push(msg!("renew-next-stays", next = old));
    }
    if auto
        && decision == RenewalDecision::Renew
        && next_id.is_none()
        && let Some(n) = renewal::next_term(c, term)
    {
        notes.push(msg!(
            "renew-auto-next-term",
            number = c.number.as_str(),
            start = Arg::Date {
                date: n.start,
                today
            },
            end = Arg::Date { date: n.end, today }
        ));
    }
    Ok(Plan {
        file: e.file.clone(),
        number: c.number.clone(),
        term,
        decision,
        decided,
        next: next_id,
        draft,
        notes,
    })
}

/// `<contract>-dsN` for the first N after every supplement ID of that form.
fn next_supplement_id(client: &ClientBook, contract: &str) -> String {
    let prefix = format!("{contract}-ds");
    let last = client
        .ids(Kind::Contract)
        .filter_map(|id| id.strip_prefix(&prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", last + 1)
}

/// The printed number an ID like `2027-001` stands for: `1/2027` (the book's naming
/// convention, `contracts/2025-017.yaml` for "17/2025").
fn number_from_id(id: &str) -> Option<String> {
    let (year, seq) = id.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if year.len() != 4 || !digits(year) || !digits(seq) {
        return None;
    }
    let seq = seq.trim_start_matches('0');
    Some(format!("{}/{year}", if seq.is_empty() { "0" } else { seq }))
}

/// The VAT in force at the end of `term`: the latest supplement of the contract that
/// sets one and starts by then, else the contract's own.
fn vat_in_force(client: &ClientBook, e: &Entity<Contract>, term: Term) -> Option<String> {
    client
        .contracts
        .iter()
        .filter(|s| {
            s.data.kind == ContractKind::Supplement
                && s.data.parent.as_deref() == Some(e.id.as_str())
                && s.data.vat.is_some()
                && s.data.start.0 <= term.end
        })
        .max_by_key(|s| (s.data.start, s.id.clone()))
        .and_then(|s| s.data.vat)
        .or(e.data.vat)
        .map(|v| v.to_string())
}

/// The text of the next contract (or supplement) `id`, pre-filled from `e`.
fn draft_next(
    book: &Book,
    client: &ClientBook,
    e: &Entity<Contract>,
    id: &str,
    term: Term,
    args: &RenewArgs,
    today: NaiveDate,
) -> Result<Draft> {
    let c = &e.data;
    let ru = crate::report::meeting::book_locale(book) == Locale::Ru;
    let file = format!("clients/{}/contracts/{id}.yaml", client.id);
    let mut t = String::new();
    if ru {
        let _ = writeln!(
            t,
            "# Черновик: `rapport renew` {today}, из договора {} ({}) на следующий срок.\n\
             # Проверьте каждое поле; после подписания укажите `signed:` и `status: active`.",
            c.number, e.file
        );
    } else {
        let _ = writeln!(
            t,
            "# Draft: `rapport renew` on {today}, from contract {} ({}) for its next term.\n\
             # Check every field; once signed, set `signed:` and `status: active`.",
            c.number, e.file
        );
    }
    if args.supplement {
        let n = id
            .strip_prefix(&format!("{}-ds", e.id))
            .and_then(|n| n.parse::<u32>().ok());
        let number = match (&args.number, n) {
            (Some(x), _) => x.clone(),
            (None, Some(n)) if ru => format!("ДС-{n} к {}", c.number),
            (None, Some(n)) => format!("Supplement {n} to {}", c.number),
            (None, None) => {
                return Err(super::hinted(
                    crate::msg!("renew-supplement-number", id = id),
                    crate::msg!("renew-supplement-number-hint"),
                ));
            }
        };
        let title = if ru {
            format!(
                "Дополнительное соглашение — продление договора {} на {} – {}",
                c.number, term.start, term.end
            )
        } else {
            format!(
                "Supplementary agreement — renewal of contract {} for {} – {}",
                c.number, term.start, term.end
            )
        };
        let _ = writeln!(t, "number: {}", yaml_string(&number));
        let _ = writeln!(t, "title: {}", yaml_string(&title));
        let _ = writeln!(t, "kind: supplement");
    } else {
        let number = match &args.number {
            Some(x) => x.clone(),
            None => number_from_id(id).with_context(|| {
                format!(
                    "cannot make the printed number from the ID `{id}` (an ID like 2027-001 \
                     gives 1/2027)\nhint: give it with --number"
                )
            })?,
        };
        let _ = writeln!(t, "number: {}", yaml_string(&number));
        if let Some(title) = &c.title {
            let _ = writeln!(t, "title: {}", yaml_string(title));
        }
        let _ = writeln!(t, "kind: contract");
    }
    let _ = writeln!(t, "parent: {}", yaml_id(&e.id));
    let _ = writeln!(t, "start: {}", term.start);
    let _ = writeln!(t, "end: {}", term.end);
    if !args.supplement {
        if let Some(v) = c.value {
            let _ = writeln!(t, "value: {v}");
        }
        if let Some(cur) = &c.currency {
            let _ = writeln!(t, "currency: {}", yaml_string(cur));
        }
        if let Some(vat) = vat_in_force(client, e, term) {
            let _ = writeln!(t, "vat: {vat}");
        }
    }
    let _ = writeln!(t, "status: draft");
    if !args.supplement
        && let Some(r) = &c.renewal
    {
        let _ = writeln!(t, "renewal:\n  auto: {}", r.auto);
        if let Some(m) = r.term_months {
            let _ = writeln!(t, "  term_months: {m}");
        }
        if let Some(d) = r.notice_days {
            let _ = writeln!(t, "  notice_days: {d}");
        }
    }
    read_back(&file, &t)?;
    Ok(Draft {
        file,
        term,
        text: t,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_from_conventional_ids() {
        assert_eq!(number_from_id("2027-001").as_deref(), Some("1/2027"));
        assert_eq!(number_from_id("2026-014").as_deref(), Some("14/2026"));
        assert_eq!(number_from_id("2026-000").as_deref(), Some("0/2026"));
        assert_eq!(number_from_id("2026-005-ds1"), None);
        assert_eq!(number_from_id("ramochny"), None);
        assert_eq!(number_from_id("26-001"), None);
    }

    #[test]
    fn ids_stay_plain_unless_yaml_would_type_them() {
        assert_eq!(yaml_id("2027-001"), "2027-001");
        assert_eq!(yaml_id("2025-019-ds2"), "2025-019-ds2");
        assert_eq!(yaml_id("2027-01-01"), "\"2027-01-01\"");
        assert_eq!(yaml_id("007"), "\"007\"");
        assert_eq!(yaml_id("1e3"), "\"1e3\"");
        assert_eq!(yaml_id("no"), "\"no\"");
    }
}
