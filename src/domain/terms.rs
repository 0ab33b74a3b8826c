//! Contract terms through tacit renewals, notice dates and final ends.
//!
//! A contract with `renewal.auto: true` prolongs itself term by term unless notice is
//! given, so the term that matters today may be the third, not the first; its notice
//! date is counted from the end of that term and moved back to a working day.

use chrono::{Days, Months, NaiveDate};

use crate::domain::calendar::Calendar;
use crate::model::Contract;
use crate::model::contract::RenewalDecision;

/// One term of a contract, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// 1 for the term as signed, 2 for the first tacit renewal, and so on.
    pub number: u32,
}

/// The most terms walked through (a thousand years of yearly renewals): a bound
/// against a hostile `term_months`.
const MAX_TERMS: u32 = 1000;

fn is_auto(contract: &Contract) -> bool {
    contract.renewal.as_ref().is_some_and(|r| r.auto)
}

/// The term after `term`: `term_months` long, else as many months as the first term
/// (or, if that was not whole months, as many days).
fn next_term(contract: &Contract, term: Term) -> Option<Term> {
    let start = term.end.checked_add_days(Days::new(1))?;
    let months = contract
        .renewal
        .as_ref()
        .and_then(|r| r.term_months)
        .or_else(|| whole_months(contract.start.0, contract.end.0));
    let end = match months {
        Some(m) if m > 0 => start
            .checked_add_months(Months::new(m))?
            .checked_sub_days(Days::new(1))?,
        _ => {
            let length = (contract.end.0 - contract.start.0).num_days();
            start.checked_add_days(Days::new(u64::try_from(length).ok()?))?
        }
    };
    Some(Term {
        start,
        end,
        number: term.number + 1,
    })
}

/// The number of whole months from `start` to `end` inclusive, if the term is one
/// (2024-01-01 to 2024-12-31 is 12 months).
fn whole_months(start: NaiveDate, end: NaiveDate) -> Option<u32> {
    (1..=1200).find(|m| {
        start
            .checked_add_months(Months::new(*m))
            .and_then(|d| d.checked_sub_days(Days::new(1)))
            == Some(end)
    })
}

/// The term in force on `date`: for an auto-renewing contract, the renewal term that
/// contains it; otherwise (or before the start) the term as signed. A `terminate`
/// decision stops renewals after the term in which it was decided.
pub fn term_on(contract: &Contract, date: NaiveDate) -> Term {
    let mut term = Term {
        start: contract.start.0,
        end: contract.end.0,
        number: 1,
    };
    if !is_auto(contract) {
        return term;
    }
    let stop = terminated_after(contract);
    while term.end < date && term.number < MAX_TERMS {
        if stop.is_some_and(|s| term.end >= s) {
            break;
        }
        match next_term(contract, term) {
            Some(next) => term = next,
            None => break,
        }
    }
    term
}

/// The terms in force on the days `from..=to`, in order, each with the first and the
/// last of those days on which it is the term [`term_on`] gives: what an audit looking
/// ahead reads, instead of asking for the term of each day.
pub fn terms_over(
    contract: &Contract,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(Term, NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let mut day = from;
    while day <= to {
        let term = term_on(contract, day);
        // The term holds until its end, unless it is the last one (no renewal after
        // it), which holds for ever after.
        let last = match term.end.succ_opt() {
            Some(next) if term.end >= day && term_on(contract, next) != term => term.end,
            _ => NaiveDate::MAX,
        };
        out.push((term, day, last.min(to)));
        match last.succ_opt() {
            Some(next) if last < to => day = next,
            _ => break,
        }
    }
    out
}

/// For a `terminate` decision, the date it was taken (the contract then ends with
/// the term in force on that date).
fn terminated_after(contract: &Contract) -> Option<NaiveDate> {
    let r = contract.renewal.as_ref()?;
    (r.decision == Some(RenewalDecision::Terminate))
        .then(|| r.decided.map_or(contract.start.0, |d| d.0))
}

/// The last day of the contract, or `None` while it keeps renewing itself.
pub fn final_end(contract: &Contract) -> Option<NaiveDate> {
    if !is_auto(contract) {
        return Some(contract.end.0);
    }
    let decided = terminated_after(contract)?;
    Some(term_on(contract, decided).end)
}

/// The last day to give notice for `term`: `notice_days` before its end, moved back
/// to a working day. `None` without `notice_days`.
pub fn notice_date(contract: &Contract, term: Term, calendar: &Calendar) -> Option<NaiveDate> {
    let days = contract.renewal.as_ref()?.notice_days?;
    let raw = term.end.checked_sub_days(Days::new(u64::from(days)))?;
    Some(calendar.on_or_before(raw))
}

/// Is there a renewal decision that concerns `term` — one taken during it (or with
/// no date)? A decision dated before the term began was about an earlier term.
pub fn decided_for(contract: &Contract, term: Term) -> bool {
    contract.renewal.as_ref().is_some_and(|r| {
        r.decision.is_some()
            && r.decided
                .is_none_or(|d| d.0 >= term.start || term.number == 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::parse_date;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).expect("test date")
    }

    fn contract(yaml_extra: &str) -> Contract {
        let text = format!("number: '1'\nstart: 2024-01-01\nend: 2024-12-31\n{yaml_extra}");
        let mut findings = Vec::new();
        crate::book::parse_entity::<Contract>("c.yaml", &text, &mut findings)
            .unwrap_or_else(|| panic!("test contract: {findings:?}"))
    }

    fn cal() -> Calendar {
        Calendar::new([true, true, true, true, true, false, false], &[])
    }

    #[test]
    fn a_contract_without_auto_renewal_has_one_term() {
        let c = contract("renewal: {auto: false, notice_days: 30}\n");
        let t = term_on(&c, d("2026-11-27"));
        assert_eq!(
            (t.start, t.end, t.number),
            (d("2024-01-01"), d("2024-12-31"), 1)
        );
        assert_eq!(final_end(&c), Some(d("2024-12-31")));
    }

    #[test]
    fn tacit_renewals_move_to_the_current_term() {
        let c = contract("renewal: {auto: true, term_months: 12, notice_days: 30}\n");
        let t = term_on(&c, d("2026-11-27"));
        assert_eq!(
            (t.start, t.end, t.number),
            (d("2026-01-01"), d("2026-12-31"), 3)
        );
        assert_eq!(term_on(&c, d("2024-06-01")).number, 1);
        assert_eq!(
            term_on(&c, d("2024-12-31")).number,
            1,
            "the last day is in the term"
        );
        assert_eq!(term_on(&c, d("2025-01-01")).number, 2);
        assert_eq!(final_end(&c), None, "it keeps renewing");
    }

    #[test]
    fn renewal_terms_follow_term_months_or_the_first_length() {
        let c = contract("renewal: {auto: true, term_months: 6}\n");
        let t = term_on(&c, d("2025-03-01"));
        assert_eq!((t.start, t.end), (d("2025-01-01"), d("2025-06-30")));
        let c = contract("renewal: {auto: true}\n");
        let t = term_on(&c, d("2025-03-01"));
        assert_eq!((t.start, t.end), (d("2025-01-01"), d("2025-12-31")));
    }

    #[test]
    fn notice_date_of_the_third_term_moved_back_from_a_weekend() {
        // 2026-12-31 − 30 days = 2026-12-01 (Tuesday): a working day.
        let c = contract("renewal: {auto: true, term_months: 12, notice_days: 30}\n");
        let t = term_on(&c, d("2026-11-27"));
        assert_eq!(notice_date(&c, t, &cal()), Some(d("2026-12-01")));
        // 2026-12-31 − 25 days = 2026-12-06 (Sunday) → Friday 2026-12-04.
        let c = contract("renewal: {auto: true, term_months: 12, notice_days: 25}\n");
        let t = term_on(&c, d("2026-11-27"));
        assert_eq!(notice_date(&c, t, &cal()), Some(d("2026-12-04")));
        let c = contract("renewal: {auto: true}\n");
        assert_eq!(notice_date(&c, t, &cal()), None);
    }

    #[test]
    fn a_terminate_decision_ends_renewals() {
        let c = contract(
            "renewal: {auto: true, term_months: 12, notice_days: 30, decision: terminate, decided: 2025-11-20}\n",
        );
        assert_eq!(final_end(&c), Some(d("2025-12-31")));
        let t = term_on(&c, d("2026-11-27"));
        assert_eq!(t.end, d("2025-12-31"), "no term after the terminated one");
    }

    #[test]
    fn a_decision_counts_only_for_the_term_it_was_taken_in() {
        let c = contract(
            "renewal: {auto: true, term_months: 12, notice_days: 30, decision: renew, decided: 2024-11-15}\n",
        );
        assert!(decided_for(&c, term_on(&c, d("2024-11-20"))));
        assert!(
            !decided_for(&c, term_on(&c, d("2026-11-27"))),
            "taken two terms ago"
        );
        let c = contract("renewal: {auto: true, term_months: 12, decision: renew}\n");
        assert!(
            decided_for(&c, term_on(&c, d("2026-11-27"))),
            "undated decisions count"
        );
    }
}

#[cfg(test)]
mod proptests {
    use proptest::prelude::*;

    use super::*;
    use crate::model::contract::{ContractKind, ContractStatus, Renewal};
    use crate::model::time::Date;

    fn day(n: u64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2000, 1, 1)
            .and_then(|d| d.checked_add_days(Days::new(n)))
            .expect("in range")
    }

    /// A contract signed in 2000–2039 whose first term lasts from four weeks to five
    /// years, renewing by `term_months` (0 and absent included) or by the first term's
    /// length, with or without notice, with or without a decision.
    fn contract(auto: bool) -> impl Strategy<Value = Contract> {
        (
            0u64..14_600,
            27u64..1_830,
            proptest::option::of(0u32..=36),
            proptest::option::of(0u32..=400),
            proptest::option::of(prop_oneof![
                Just(RenewalDecision::Renew),
                Just(RenewalDecision::Renegotiate),
                Just(RenewalDecision::Terminate),
            ]),
            proptest::option::of(0u64..4_000),
        )
            .prop_map(
                move |(start, length, term_months, notice_days, decision, decided)| {
                    let start = day(start);
                    let end = start + Days::new(length);
                    Contract {
                        id: None,
                        number: "1".to_owned(),
                        title: None,
                        kind: ContractKind::Contract,
                        parent: None,
                        signed: None,
                        start: Date(start),
                        end: Date(end),
                        value: None,
                        currency: None,
                        vat: None,
                        status: ContractStatus::Active,
                        renewal: Some(Renewal {
                            auto,
                            term_months,
                            notice_days,
                            decision,
                            decided: decided.map(|n| Date(start + Days::new(n))),
                            next: None,
                        }),
                        originals: None,
                        billing: Vec::new(),
                        waive: Vec::new(),
                    }
                },
            )
    }

    fn renews_forever(c: &Contract) -> bool {
        c.renewal
            .as_ref()
            .is_some_and(|r| r.auto && r.decision != Some(RenewalDecision::Terminate))
    }

    proptest! {
        #[test]
        fn an_auto_renewing_contract_has_a_term_around_every_later_day(
            c in contract(true),
            after in 0u64..7_300,
        ) {
            prop_assume!(renews_forever(&c));
            let date = c.start.0 + Days::new(after);
            let t = term_on(&c, date);
            prop_assert!(t.start <= date && date <= t.end, "{:?} lacks {}", t, date);
            prop_assert!(t.start <= t.end);
            prop_assert_eq!(final_end(&c), None);
        }

        #[test]
        fn terms_follow_one_another_without_gap_or_overlap(
            c in contract(true),
            after in 0u64..7_300,
        ) {
            prop_assume!(renews_forever(&c));
            let t = term_on(&c, c.start.0 + Days::new(after));
            let next = term_on(&c, t.end + Days::new(1));
            prop_assert_eq!(next.start, t.end + Days::new(1));
            prop_assert_eq!(next.number, t.number + 1);
            prop_assert!(next.start <= next.end);
            if t.number > 1 {
                let previous = term_on(&c, t.start - Days::new(1));
                prop_assert_eq!(previous.end + Days::new(1), t.start);
                prop_assert_eq!(previous.number + 1, t.number);
            }
            // Every day of a term is in that term.
            prop_assert_eq!(term_on(&c, t.start), t);
            prop_assert_eq!(term_on(&c, t.end), t);
        }

        #[test]
        fn terms_over_a_span_are_the_terms_of_its_days(
            c in contract(true),
            auto in any::<bool>(),
            after in 0u64..3_000,
            span in 0u64..800,
        ) {
            let mut c = c;
            if let Some(r) = c.renewal.as_mut() {
                r.auto = auto;
            }
            let from = c.start.0 + Days::new(after) - Days::new(400);
            let to = from + Days::new(span);
            let spans = terms_over(&c, from, to);
            // The spans cover from..=to, in order, without gap or overlap, and each
            // day's term is the one term_on gives.
            prop_assert_eq!(spans.first().map(|s| s.1), Some(from));
            prop_assert_eq!(spans.last().map(|s| s.2), Some(to));
            for w in spans.windows(2) {
                prop_assert_eq!(w[0].2 + Days::new(1), w[1].1);
                prop_assert!(w[0].0 != w[1].0);
            }
            for (term, first, last) in spans {
                prop_assert!(first <= last);
                let mut d = first;
                while d <= last {
                    prop_assert_eq!(term_on(&c, d), term, "on {}", d);
                    d = d + Days::new(1);
                }
            }
        }

        #[test]
        fn the_first_term_is_the_signed_one_and_the_only_one_without_auto(
            c in contract(false),
            offset in 0u64..20_000,
        ) {
            let signed = Term { start: c.start.0, end: c.end.0, number: 1 };
            prop_assert_eq!(term_on(&c, day(offset)), signed);
            prop_assert_eq!(final_end(&c), Some(c.end.0));
        }

        #[test]
        fn a_terminate_decision_stops_the_renewals_at_its_term(
            c in contract(true).prop_map(|mut c| {
                if let Some(r) = c.renewal.as_mut() {
                    r.decision = Some(RenewalDecision::Terminate);
                }
                c
            }),
            later in 0u64..7_300,
        ) {
            let Some(r) = c.renewal.as_ref() else { return Ok(()) };
            let decided = r.decided.map_or(c.start.0, |d| d.0);
            let last = term_on(&c, decided);
            prop_assert_eq!(final_end(&c), Some(last.end));
            let beyond = term_on(&c, last.end + Days::new(later));
            prop_assert_eq!(beyond, last);
        }

        #[test]
        fn the_notice_date_is_a_working_day_before_the_term_ends(
            c in contract(true),
            after in 0u64..7_300,
            workweek in any::<[bool; 7]>(),
            holidays in proptest::collection::vec(0u64..25_000, 0..200),
        ) {
            let calendar = Calendar::new(workweek, &holidays.into_iter().map(day).collect::<Vec<_>>());
            let t = term_on(&c, c.start.0 + Days::new(after));
            let notice_days = c.renewal.as_ref().and_then(|r| r.notice_days);
            match notice_date(&c, t, &calendar) {
                None => prop_assert!(notice_days.is_none()),
                Some(n) => {
                    let days = u64::from(notice_days.unwrap_or_default());
                    prop_assert!(n <= t.end);
                    prop_assert!(n <= t.end - Days::new(days));
                    prop_assert!(calendar.is_working_day(n), "{} is not a working day", n);
                    prop_assert_eq!(n, calendar.on_or_before(t.end - Days::new(days)));
                }
            }
        }
    }
}
