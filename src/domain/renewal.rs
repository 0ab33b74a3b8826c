//! Where a contract's renewal stands on a given day — missed, due, upcoming, decided,
//! or with no notice date — and the term that would follow the current one. Built on
//! `terms` (terms through tacit renewals, notice dates moved back to a working day,
//! decisions per term), with the same conditions as rules D01 (due: within its
//! `days`) and D02 (missed), so that `rapport renewals`, `renew`, the calendar feed
//! and the audit never disagree.

use chrono::{Days, NaiveDate};

use crate::domain::calendar::Calendar;
use crate::domain::terms::{self, Term};
use crate::model::Contract;
use crate::model::contract::Renewal;
use crate::model::money::Money;

/// Where a contract's renewal stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    /// The notice date passed with nothing decided for the term (D02).
    Missed,
    /// The notice date is near (within D01's `days`) and nothing is decided (D01).
    Due,
    /// The notice date is further off and nothing is decided yet.
    Upcoming,
    /// A decision concerns the current term.
    Decided,
    /// No `notice_days` and nothing decided: no date to keep.
    NoNotice,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Missed => "missed",
            State::Due => "due",
            State::Upcoming => "upcoming",
            State::Decided => "decided",
            State::NoNotice => "no_notice",
        }
    }
}

/// Where `contract` stands on `today`: its current term, the notice date for that
/// term, and the state.
pub fn state(
    contract: &Contract,
    today: NaiveDate,
    calendar: &Calendar,
    due_days: u32,
) -> (Term, Option<NaiveDate>, State) {
    let term = terms::term_on(contract, today);
    let notice = terms::notice_date(contract, term, calendar);
    let state = if terms::decided_for(contract, term) {
        State::Decided
    } else {
        match notice {
            None => State::NoNotice,
            Some(n) if n < today => State::Missed,
            Some(n) if (n - today).num_days() <= i64::from(due_days) => State::Due,
            Some(_) => State::Upcoming,
        }
    };
    (term, notice, state)
}

/// The term after `term`, as `terms` would walk to it if the contract renewed itself:
/// `term_months` long, else as long as the first term.
pub fn next_term(contract: &Contract, term: Term) -> Option<Term> {
    // `terms` walks renewals only for auto-renewing contracts with no terminate
    // decision; asking it about a copy that is one gives the same next term for any.
    let mut walker = contract.clone();
    let mut renewal = walker.renewal.take().unwrap_or(Renewal {
        auto: true,
        term_months: None,
        notice_days: None,
        decision: None,
        decided: None,
        next: None,
    });
    renewal.auto = true;
    renewal.decision = None;
    renewal.decided = None;
    walker.renewal = Some(renewal);
    let day_after = term.end.checked_add_days(Days::new(1))?;
    let next = terms::term_on(&walker, day_after);
    (next.start == day_after).then_some(next)
}

/// What a contract is worth with its supplements: the sum of the values written
/// (`value:` of the contract and of each supplement), `None` when none is.
pub fn value_with_supplements<'a>(
    contract: &Contract,
    supplements: impl IntoIterator<Item = &'a Contract>,
) -> Option<Money> {
    std::iter::once(contract.value)
        .chain(supplements.into_iter().map(|s| s.value))
        .flatten()
        .reduce(|a, b| Money(a.0.saturating_add(b.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("test date")
    }

    fn contract(extra: &str) -> Contract {
        let text = format!("number: '1'\nstart: 2024-01-01\nend: 2024-12-31\n{extra}");
        let mut findings = Vec::new();
        crate::book::parse_entity::<Contract>("c.yaml", &text, &mut findings)
            .unwrap_or_else(|| panic!("test contract: {findings:?}"))
    }

    #[test]
    fn states_follow_d01_and_d02() {
        let cal = Calendar::default();
        let c = contract("renewal: {auto: true, term_months: 12, notice_days: 30}\n");
        // Term 3 ends 2026-12-31; notice 2026-12-01 (Tuesday).
        let (t, n, s) = state(&c, d("2026-11-27"), &cal, 30);
        assert_eq!((t.number, n, s), (3, Some(d("2026-12-01")), State::Due));
        assert_eq!(state(&c, d("2026-10-01"), &cal, 30).2, State::Upcoming);
        assert_eq!(
            state(&c, d("2026-12-01"), &cal, 30).2,
            State::Due,
            "the day itself"
        );
        assert_eq!(state(&c, d("2026-12-02"), &cal, 30).2, State::Missed);
        let c = contract(
            "renewal: {auto: true, term_months: 12, notice_days: 30, decision: renew, decided: 2026-11-20}\n",
        );
        assert_eq!(state(&c, d("2026-12-02"), &cal, 30).2, State::Decided);
        let c = contract("renewal: {auto: false}\n");
        assert_eq!(state(&c, d("2026-11-27"), &cal, 30).2, State::NoNotice);
    }

    #[test]
    fn the_next_term_for_any_contract() {
        let c = contract("renewal: {auto: false, notice_days: 30}\n");
        let t = terms::term_on(&c, d("2024-06-01"));
        let n = next_term(&c, t).expect("next");
        assert_eq!(
            (n.start, n.end, n.number),
            (d("2025-01-01"), d("2025-12-31"), 2)
        );
        let c = contract(
            "renewal: {auto: true, term_months: 6, decision: terminate, decided: 2024-03-01}\n",
        );
        let t = terms::term_on(&c, d("2024-06-01"));
        let n = next_term(&c, t).expect("next");
        assert_eq!((n.start, n.end), (d("2025-01-01"), d("2025-06-30")));
        let c = contract("");
        let n = next_term(&c, terms::term_on(&c, d("2024-06-01"))).expect("next");
        assert_eq!((n.start, n.end), (d("2025-01-01"), d("2025-12-31")));
    }
}
