//! D05: invoice numbers unique per year and without gaps, across the whole book.

use std::collections::HashMap;

use chrono::Datelike;

use crate::audit::{Cx, Meta, Out, Rule};
use crate::book::{ClientBook, Entity};
use crate::finding::{Location, Severity};
use crate::i18n::Arg;
use crate::model::Invoice;
use crate::model::invoice::InvoiceStatus;
use crate::msg;
use crate::yaml::YamlPath;

pub struct InvoiceNumbering;

meta! {
    /// ## Why
    /// Invoices are accounting documents: two invoices with one number in a year, or a
    /// number that was skipped, are the first things an accountant or a tax inspector
    /// asks about. The account manager issues them (duty D2), so the numbering is theirs
    /// to keep straight, across every client of the book.
    ///
    /// ## What it reads
    /// Every invoice of the book, whatever its client and status, in order of `date`
    /// then file path.
    /// - Duplicates (error): the same `number` (exact text) twice among invoices whose
    ///   `date` falls in the same year. The first one keeps the number; each later one is
    ///   reported, naming the first.
    /// - Gaps (warning): the sequence number is read from `number` with the pattern
    ///   `invoice.number` of rapport.yaml (default `{year}-{seq:04}`; placeholders
    ///   `{year}` four digits, `{seq}` or `{seq:0N}` the sequence zero-padded to N
    ///   digits, `{client}` the client's ID; everything else literal). Numbers that do
    ///   not match the pattern (hand-made numbers, older schemes, a `{year}` written
    ///   otherwise) are ignored for gaps. Sequences run per year — the `{year}` of the
    ///   number, or the year of `date` when the pattern has none — and per client when
    ///   the pattern has `{client}`. Within a sequence, every number between the lowest
    ///   and the highest found must exist; the invoice after a gap is reported. Numbers
    ///   below the lowest found (invoices issued before the book was kept) are not asked
    ///   for. Cancelled and draft invoices keep their number, so they leave no gap. A
    ///   pattern with another placeholder, or without `{seq}`, disables the gap check.
    /// - Back-dated invoices (warning): within such a sequence, an issued invoice (not a
    ///   draft, whose date is not final, nor a cancelled one) dated before
    ///   the issued invoice numbered just before it was numbered out of date order:
    ///   issued later and dated back, or given a number out of turn. It is reported,
    ///   naming the one before it.
    ///
    /// - Sent invoices edited (error), when the book is a git repository: a commit
    ///   that changed the `number` or the `date` of an invoice whose version before
    ///   it had `sent` is reported at the current value, naming the commit and its
    ///   author date, unless the invoice has the number or date it was sent with
    ///   again (the history's last 1000 commits, `--history-commits N`;
    ///   `--no-history` turns this off).
    ///
    /// ## How to fix
    /// A duplicate: renumber the later invoice to the next free number (and reissue it
    /// to the client if it was sent). A gap: add the missing invoice, or, if it was
    /// issued and withdrawn, record it with `status: cancelled`. A back-dated invoice:
    /// correct its `date` to the day it was issued, or, if the date is right, renumber
    /// it (and reissue it if it was sent).
    ///
    /// ## How to waive
    /// On the invoice reported: `waive: [{rule: D05, reason: "…"}]`.
    code: D05,
    name: "invoice-numbering",
    severity: Error,
    summary: "Invoice numbers are unique within a year, leave no gaps and follow the dates",
    thresholds: [],
}

/// One piece of a numbering pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Tok {
    Lit(String),
    Year,
    /// The sequence, zero-padded to this width.
    Seq(usize),
    Client,
}

/// Reads `{year}-{seq:04}`-like patterns; `None` for a pattern this rule cannot read
/// (an unknown placeholder, an unclosed brace, two `{seq}`, no `{seq}`).
pub(crate) fn parse_pattern(pattern: &str) -> Option<Vec<Tok>> {
    let mut toks = Vec::new();
    let mut lit = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        if rest[..open].contains('}') {
            return None;
        }
        lit.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        let name = &after[..close];
        let tok = match name {
            "year" => Tok::Year,
            "client" => Tok::Client,
            "seq" => Tok::Seq(0),
            _ => {
                let width = name.strip_prefix("seq:")?;
                let digits = width.strip_prefix('0').unwrap_or(width);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                Tok::Seq(digits.parse::<usize>().ok().filter(|w| *w <= 19)?)
            }
        };
        if !lit.is_empty() {
            toks.push(Tok::Lit(std::mem::take(&mut lit)));
        }
        toks.push(tok);
        rest = &after[close + 1..];
    }
    if rest.contains('}') {
        return None;
    }
    lit.push_str(rest);
    if !lit.is_empty() {
        toks.push(Tok::Lit(lit));
    }
    (toks.iter().filter(|t| matches!(t, Tok::Seq(_))).count() == 1).then_some(toks)
}

/// What a number that matches the pattern says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Parsed {
    pub(crate) year: Option<i32>,
    pub(crate) seq: u64,
}

/// Matches `number` against the pattern for a client, backtracking over the length
/// of the sequence.
pub(crate) fn match_number(toks: &[Tok], number: &str, client: &str) -> Option<Parsed> {
    fn go(toks: &[Tok], s: &str, client: &str, acc: Parsed) -> Option<Parsed> {
        let Some((tok, rest)) = toks.split_first() else {
            return s.is_empty().then_some(acc);
        };
        match tok {
            Tok::Lit(l) => go(rest, s.strip_prefix(l.as_str())?, client, acc),
            Tok::Client => {
                let head = s.get(..client.len())?;
                if !head.eq_ignore_ascii_case(client) {
                    return None;
                }
                go(rest, &s[client.len()..], client, acc)
            }
            Tok::Year => {
                let head = s.get(..4)?;
                if !head.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let year = head.parse().ok()?;
                if acc.year.is_some_and(|y| y != year) {
                    return None;
                }
                go(
                    rest,
                    &s[4..],
                    client,
                    Parsed {
                        year: Some(year),
                        ..acc
                    },
                )
            }
            Tok::Seq(width) => {
                let run = s.bytes().take_while(u8::is_ascii_digit).count();
                (1..=run.min(19)).rev().find_map(|len| {
                    let digits = &s[..len];
                    let seq: u64 = digits.parse().ok()?;
                    if format!("{seq:0width$}") != digits {
                        return None;
                    }
                    go(rest, &s[len..], client, Parsed { seq, ..acc })
                })
            }
        }
    }
    go(toks, number, client, Parsed::default())
}

/// The number the pattern gives for this year, sequence and client.
pub(crate) fn render(toks: &[Tok], year: i32, seq: u64, client: &str) -> String {
    toks.iter()
        .map(|t| match t {
            Tok::Lit(l) => l.clone(),
            Tok::Year => format!("{year:04}"),
            Tok::Seq(width) => format!("{seq:0width$}"),
            Tok::Client => client.to_owned(),
        })
        .collect()
}

/// An invoice with its client, for ordering across the book.
struct Item<'a> {
    client: &'a str,
    e: &'a Entity<Invoice>,
}

impl Item<'_> {
    fn year(&self) -> i32 {
        self.e.data.date.0.year()
    }
}

impl Rule for InvoiceNumbering {
    fn meta(&self) -> &'static Meta {
        META
    }

    fn invoice(&self, cx: &Cx<'_>, _client: &ClientBook, e: &Entity<Invoice>, out: &mut Out) {
        super::history_support::invoice_edits(cx, e, out);
    }

    fn book(&self, cx: &Cx<'_>, out: &mut Out) {
        let mut items: Vec<Item<'_>> = cx
            .book
            .clients
            .iter()
            .flat_map(|c| c.invoices.iter().map(move |e| Item { client: &c.id, e }))
            .collect();
        items.sort_by(|a, b| (a.e.data.date, &a.e.file).cmp(&(b.e.data.date, &b.e.file)));
        let at = || Location::value(YamlPath::root().key("number"));

        // Duplicates within the year of `date`.
        // The first invoice (in date order) to use a number in a year holds it.
        let mut first: HashMap<(i32, &str), &Item<'_>> = HashMap::with_capacity(items.len());
        for item in &items {
            let d = &item.e.data;
            match first.get(&(item.year(), d.number.as_str())) {
                Some(taken) => {
                    out.emit(
                        &item.e.file,
                        &d.waive,
                        at(),
                        msg!(
                            "d05-taken",
                            number = &d.number,
                            date = cx.date(d.date.0),
                            year = item.year().to_string(),
                            file = &taken.e.file,
                            taken = cx.date(taken.e.data.date.0),
                        ),
                    )
                    .help(msg!("d05-taken-help"));
                }
                None => {
                    first.insert((item.year(), d.number.as_str()), item);
                }
            }
        }

        // Gaps, per year (and client, with `{client}`) of the pattern.
        let pattern = cx
            .book
            .settings
            .as_ref()
            .map_or("{year}-{seq:04}", |s| s.invoice.number.as_str());
        let Some(toks) = parse_pattern(pattern) else {
            return;
        };
        let per_client = toks.contains(&Tok::Client);
        // Each sequence number of a (year, client or whole agency) scope, with the
        // first invoice (in date order) to use it, in order.
        let mut numbered: Vec<(i32, &str, u64, usize)> = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let parsed = match_number(&toks, &item.e.data.number, item.client)?;
                let year = parsed.year.unwrap_or_else(|| item.year());
                let scope = if per_client { item.client } else { "" };
                Some((year, scope, parsed.seq, i))
            })
            .collect();
        numbered.sort_unstable();
        numbered.dedup_by(|next, kept| (next.0, next.1, next.2) == (kept.0, kept.1, kept.2));

        // Back-dated: dated before the issued invoice numbered just before it, in its
        // sequence. Drafts and cancelled invoices are left out: a draft's date is not
        // final, a cancelled invoice's does not matter. Comparing neighbours only, one
        // invoice dated too late is reported once, not with every number after it.
        let mut previous: Option<(i32, &str, usize)> = None;
        for &(year, scope, _, i) in &numbered {
            let item = &items[i];
            if item.e.data.status != InvoiceStatus::Issued {
                continue;
            }
            if let Some((y, s, p)) = previous
                && (y, s) == (year, scope)
                && item.e.data.date < items[p].e.data.date
            {
                let before = &items[p];
                out.emit(
                    &item.e.file,
                    &item.e.data.waive,
                    Location::value(YamlPath::root().key("date")),
                    msg!(
                        "d05-back-dated",
                        number = &item.e.data.number,
                        date = cx.date(item.e.data.date.0),
                        before = &before.e.data.number,
                        file = &before.e.file,
                        before_date = cx.date(before.e.data.date.0),
                    ),
                )
                .severity(Severity::Warning)
                .happened(item.e.data.date.0)
                .help(msg!("d05-back-dated-help"));
            }
            previous = Some((year, scope, i));
        }

        for pair in numbered.windows(2) {
            let ((year, scope, lo, lo_at), (next_year, next_scope, hi, hi_at)) = (pair[0], pair[1]);
            if (year, scope) != (next_year, next_scope) || hi <= lo + 1 {
                continue;
            }
            let (lo_item, hi_item) = (&items[lo_at], &items[hi_at]);
            let client = hi_item.client;
            let n = |seq| render(&toks, year, seq, client);
            let missing = match hi - lo {
                2 => msg!("d05-missing-one", number = n(lo + 1)),
                3 => msg!("d05-missing-two", first = n(lo + 1), second = n(lo + 2)),
                gap => msg!(
                    "d05-missing-many",
                    count = i64::try_from(gap - 1).unwrap_or(i64::MAX),
                    first = n(lo + 1),
                    last = n(hi - 1),
                ),
            };
            out.emit(
                &hi_item.e.file,
                &hi_item.e.data.waive,
                at(),
                msg!(
                    "d05-gap",
                    number = &hi_item.e.data.number,
                    missing = missing,
                    after = &lo_item.e.data.number,
                    file = &lo_item.e.file,
                ),
            )
            .severity(Severity::Warning)
            .help(msg!(
                "d05-gap-help",
                one = Arg::Word(if hi - lo == 2 { "yes" } else { "no" })
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(p: &str) -> Vec<Tok> {
        parse_pattern(p).unwrap_or_else(|| panic!("pattern {p}"))
    }

    fn m(p: &str, number: &str, client: &str) -> Option<(Option<i32>, u64)> {
        match_number(&toks(p), number, client).map(|x| (x.year, x.seq))
    }

    #[test]
    fn patterns_read_year_seq_and_client() {
        assert_eq!(
            toks("{year}-{seq:04}"),
            vec![Tok::Year, Tok::Lit("-".into()), Tok::Seq(4)]
        );
        assert_eq!(toks("СЧ-{seq}"), vec![Tok::Lit("СЧ-".into()), Tok::Seq(0)]);
        assert_eq!(
            toks("{client}/{seq:3}"),
            vec![Tok::Client, Tok::Lit("/".into()), Tok::Seq(3)]
        );
        for bad in [
            "{year}",
            "{month}-{seq}",
            "{seq}{seq}",
            "{year-{seq}",
            "{seq}}",
            "{seq:x}",
            "{seq:}",
            "a}{seq}",
        ] {
            assert!(parse_pattern(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn numbers_match_the_default_pattern_strictly() {
        let p = "{year}-{seq:04}";
        assert_eq!(m(p, "2026-0012", "acme"), Some((Some(2026), 12)));
        assert_eq!(
            m(p, "2026-12345", "acme"),
            Some((Some(2026), 12345)),
            "wider than the padding"
        );
        assert_eq!(m(p, "2026-012", "acme"), None, "short of the padding");
        assert_eq!(m(p, "2026-00012", "acme"), None, "over-padded");
        assert_eq!(m(p, "26-0012", "acme"), None);
        assert_eq!(m(p, "2026-0012a", "acme"), None);
        assert_eq!(m(p, "счёт 5", "acme"), None);
    }

    #[test]
    fn numbers_with_adjacent_placeholders_and_clients() {
        assert_eq!(m("{year}{seq:03}", "2026007", "x"), Some((Some(2026), 7)));
        assert_eq!(m("{seq}/{year}", "17/2026", "x"), Some((Some(2026), 17)));
        assert_eq!(m("{client}-{seq:02}", "acme-07", "acme"), Some((None, 7)));
        assert_eq!(m("{client}-{seq:02}", "ACME-07", "acme"), Some((None, 7)));
        assert_eq!(m("{client}-{seq:02}", "beta-07", "acme"), None);
    }

    #[test]
    fn rendering_gives_the_number_back() {
        assert_eq!(
            render(&toks("{year}-{seq:04}"), 2026, 3, "acme"),
            "2026-0003"
        );
        assert_eq!(render(&toks("{client}/{seq}"), 2026, 12, "acme"), "acme/12");
    }

    fn book(pattern: &str, invoices: &[(&str, &str, &str)]) -> crate::book::Book {
        let parse = |file: &str, text: &str| {
            let mut findings = Vec::new();
            crate::book::parse_entity::<Invoice>(file, text, &mut findings)
                .unwrap_or_else(|| panic!("test invoice: {findings:?}"))
        };
        let mut findings = Vec::new();
        let settings = crate::book::parse_entity::<crate::model::Settings>(
            "rapport.yaml",
            &format!("agency: {{name: A}}\ninvoice: {{number: \"{pattern}\"}}\n"),
            &mut findings,
        );
        let mut clients: Vec<crate::book::ClientBook> = Vec::new();
        for (client, number, date) in invoices {
            if !clients.iter().any(|c| c.id == *client) {
                clients.push(crate::book::ClientBook {
                    id: (*client).to_owned(),
                    ..Default::default()
                });
            }
            let file = format!("clients/{client}/invoices/{number}.yaml");
            let data = parse(
                &file,
                &format!("number: \"{number}\"\ndate: {date}\nlines: [{{item: a, price: 1}}]\n"),
            );
            if let Some(c) = clients.iter_mut().find(|c| c.id == *client) {
                c.invoices.push(Entity {
                    id: (*number).to_owned(),
                    file,
                    data,
                });
            }
        }
        crate::book::Book {
            settings,
            clients,
            ..Default::default()
        }
    }

    fn findings(b: &crate::book::Book) -> Vec<(String, String)> {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
        let options = crate::audit::Options {
            only: vec![crate::finding::Code::D05],
            ignore_waivers: false,
        };
        let mut out: Vec<(String, String)> = crate::audit::run(b, today, &options)
            .findings
            .into_iter()
            .map(|f| (f.file, f.severity.as_str().to_owned()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn with_client_in_the_pattern_each_client_has_its_own_sequence() {
        let b = book(
            "{client}-{seq:03}",
            &[
                ("acme", "acme-001", "2026-01-10"),
                ("acme", "acme-002", "2026-02-10"),
                ("beta", "beta-001", "2026-01-15"),
                ("beta", "beta-003", "2026-03-15"),
                // The same sequence number in another year starts a new sequence.
                ("acme", "acme-005", "2027-01-10"),
            ],
        );
        assert_eq!(
            findings(&b),
            [(
                "clients/beta/invoices/beta-003.yaml".to_owned(),
                "warning".to_owned()
            )]
        );
    }

    #[test]
    fn a_pattern_without_seq_checks_duplicates_only() {
        let b = book(
            "{year}-{month}",
            &[
                ("acme", "2026-0001", "2026-01-10"),
                ("acme", "2026-0005", "2026-02-10"),
                ("beta", "2026-0005", "2026-03-10"),
            ],
        );
        assert_eq!(
            findings(&b),
            [(
                "clients/beta/invoices/2026-0005.yaml".to_owned(),
                "error".to_owned()
            )]
        );
    }
}
