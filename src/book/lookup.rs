//! Lookups across one client's files: a contract, the contracts it supplements and
//! the supplements in force on a day, and the VAT rate, currency and totals that apply
//! to money under a contract on a day. One
//! implementation for the audit, the documents and the listings, so they never
//! disagree about an amount.

use chrono::NaiveDate;

use super::{Book, ClientBook, Entity};
use crate::domain::billing::{self, Totals};
use crate::domain::terms;
use crate::model::act::ActStatus;
use crate::model::amount::TooLarge;
use crate::model::contract::{ContractKind, ContractStatus};
use crate::model::invoice::{InvoiceStatus, Line};
use crate::model::money::Vat;
use crate::model::{Act, Contract, Invoice, LogEntry, Meeting, Project};

/// The entity of `list` read from `file`: each kind's entities are in the order of
/// their files, so a binary search finds it.
fn in_file<'l, T>(list: &'l [Entity<T>], file: &str) -> Option<&'l Entity<T>> {
    list.binary_search_by(|e| e.file.as_str().cmp(file))
        .ok()
        .map(|i| &list[i])
}

impl ClientBook {
    /// The client's contract with this ID.
    pub fn contract_entity(&self, id: Option<&str>) -> Option<&Entity<Contract>> {
        let id = id?;
        self.contracts.iter().find(|c| c.id == id)
    }

    /// The client's project with this ID.
    pub fn project_entity(&self, id: Option<&str>) -> Option<&Entity<Project>> {
        let id = id?;
        self.projects.iter().find(|p| p.id == id)
    }

    /// The meeting read from `file`.
    pub fn meeting_in(&self, file: &str) -> Option<&Entity<Meeting>> {
        in_file(&self.meetings, file)
    }

    /// The log entry read from `file`.
    pub fn log_in(&self, file: &str) -> Option<&Entity<LogEntry>> {
        in_file(&self.log, file)
    }

    /// The project read from `file`.
    pub fn project_in(&self, file: &str) -> Option<&Entity<Project>> {
        in_file(&self.projects, file)
    }

    /// The invoice read from `file`.
    pub fn invoice_in(&self, file: &str) -> Option<&Entity<Invoice>> {
        in_file(&self.invoices, file)
    }

    /// The act read from `file`.
    pub fn act_in(&self, file: &str) -> Option<&Entity<Act>> {
        in_file(&self.acts, file)
    }

    /// The client's invoice with this ID.
    pub fn invoice_entity(&self, id: &str) -> Option<&Entity<Invoice>> {
        self.invoices.iter().find(|i| i.id == id)
    }

    /// The acts in force (issued, not drafts or cancelled) that close invoice `id`:
    /// it is in their `invoices`.
    pub fn acts_closing_invoice(&self, id: &str) -> impl Iterator<Item = &Entity<Act>> {
        self.acts.iter().filter(move |a| {
            a.data.status == ActStatus::Issued && a.data.invoices.iter().any(|i| i == id)
        })
    }

    /// The acts in force that close project `id`: they name it, or close an invoice
    /// issued for it.
    pub fn acts_closing_project(&self, id: &str) -> impl Iterator<Item = &Entity<Act>> {
        self.acts.iter().filter(move |a| {
            a.data.status == ActStatus::Issued
                && (a.data.project.as_deref() == Some(id)
                    || a.data.invoices.iter().any(|i| {
                        self.invoice_entity(i)
                            .is_some_and(|inv| inv.data.project.as_deref() == Some(id))
                    }))
        })
    }

    /// What an act bills, as [`ActTerms`]: its own lines, VAT and flag, else those of
    /// the invoices it closes (their lines in the order the act lists them; the
    /// first invoice's rate and flag), and its contract, else the first invoice's.
    pub fn act_terms<'a>(&'a self, act: &'a Act) -> ActTerms<'a> {
        let invoices: Vec<&Invoice> = act
            .invoices
            .iter()
            .filter_map(|id| self.invoice_entity(id))
            .filter(|i| i.data.status != InvoiceStatus::Cancelled)
            .map(|i| &i.data)
            .collect();
        let first = invoices.first();
        let lines = if act.lines.is_empty() {
            invoices
                .iter()
                .flat_map(|i| i.lines.iter().cloned())
                .collect()
        } else {
            act.lines.clone()
        };
        ActTerms {
            contract: act
                .contract
                .as_deref()
                .or_else(|| first.and_then(|i| i.contract.as_deref())),
            vat: act.vat.or_else(|| first.and_then(|i| i.vat)),
            prices_include_vat: act
                .prices_include_vat
                .or_else(|| first.and_then(|i| i.prices_include_vat)),
            lines,
        }
    }

    /// The contract read from `file`.
    pub fn contract_in(&self, file: &str) -> Option<&Entity<Contract>> {
        in_file(&self.contracts, file)
    }

    /// The contract `id` and, when it is a supplement, the contract it supplements (and
    /// so on up), nearest first: a supplement inherits what it does not say from the
    /// contract it supplements. A re-signed contract's `parent` is the contract it
    /// replaces, and it inherits nothing from that one. Bounded against a cycle of
    /// `parent:` references.
    pub fn contract_lineage(&self, id: Option<&str>) -> Vec<&Entity<Contract>> {
        let mut out: Vec<&Entity<Contract>> = Vec::new();
        let mut next = self.contract_entity(id);
        while let Some(e) = next {
            if out.len() >= 8 || out.iter().any(|seen| std::ptr::eq(*seen, e)) {
                break;
            }
            out.push(e);
            next = if e.data.kind == ContractKind::Supplement {
                self.contract_entity(e.data.parent.as_deref())
            } else {
                None
            };
        }
        out
    }

    /// The supplements to contract `parent` in force on `date` (see [`in_force`]),
    /// the latest-starting first.
    pub fn supplements_in_force(
        &self,
        parent: &Entity<Contract>,
        date: NaiveDate,
    ) -> Vec<&Entity<Contract>> {
        let mut out: Vec<&Entity<Contract>> = self
            .contracts
            .iter()
            .filter(|s| {
                s.data.kind == ContractKind::Supplement
                    && s.data.parent.as_deref() == Some(parent.id.as_str())
                    && s.id != parent.id
                    && in_force(&s.data, &parent.data, date)
            })
            .collect();
        out.sort_by(|a, b| (b.data.start.0, &b.id).cmp(&(a.data.start.0, &a.id)));
        out
    }

    /// The contracts whose terms apply to money under contract `id` on `date`, the
    /// one that wins first: for the contract and each contract it supplements (its
    /// [`lineage`](Self::contract_lineage)), the supplements to it in force on `date`,
    /// the latest-starting first, then the contract itself.
    pub fn terms_on(&self, id: Option<&str>, date: NaiveDate) -> Vec<&Contract> {
        let mut out = Vec::new();
        for c in self.contract_lineage(id) {
            out.extend(self.supplements_in_force(c, date).iter().map(|s| &s.data));
            out.push(&c.data);
        }
        out
    }
}

/// What an act bills and under which terms ([`ClientBook::act_terms`]).
#[derive(Debug, Clone)]
pub struct ActTerms<'a> {
    pub contract: Option<&'a str>,
    pub vat: Option<Vat>,
    pub prices_include_vat: Option<bool>,
    pub lines: Vec<Line>,
}

/// Does the contract `id` (or a contract it supplements) ask for paper originals of
/// signed acts (`originals: true`)? The nearest that says wins.
pub fn wants_originals(client: &ClientBook, id: Option<&str>) -> bool {
    client
        .contract_lineage(id)
        .into_iter()
        .find_map(|c| c.data.originals)
        .unwrap_or(false)
}

/// Is `supplement` (to `parent`) in force on `date`? Signed (not a draft), not
/// terminated, started on or before `date`, and `date` is within its current term:
/// its own `start`–`end`, renewed by its own `renewal` if it has one. Without one, a
/// supplement whose `end` is the end of one of its active parent's terms runs on with
/// the parent's renewals (it amends the contract, not one term of it); a supplement
/// ending at another date ends there.
pub fn in_force(supplement: &Contract, parent: &Contract, date: NaiveDate) -> bool {
    let s = supplement;
    if matches!(s.status, ContractStatus::Draft | ContractStatus::Terminated) || date < s.start.0 {
        return false;
    }
    if date <= s.end.0 {
        return true;
    }
    if s.renewal.is_some() {
        return date <= terms::term_on(s, date).end;
    }
    parent.status == ContractStatus::Active
        && terms::term_on(parent, s.end.0).end == s.end.0
        && date <= terms::term_on(parent, date).end
}

/// The contract whose `vat` applies to money under contract `id` on `date`: the
/// latest-starting supplement in force on `date` that sets one, else the contract's
/// own (or, for a supplement, the contract it supplements; see
/// [`ClientBook::terms_on`]), else the contract itself (which sets none: the book's
/// rate applies). An invoice's own `vat` wins over all of them.
pub fn vat_contract<'a>(
    client: &'a ClientBook,
    id: Option<&str>,
    date: NaiveDate,
) -> Option<&'a Contract> {
    client
        .terms_on(id, date)
        .into_iter()
        .find(|c| c.vat.is_some())
        .or_else(|| client.contract_entity(id).map(|e| &e.data))
}

/// The currency of money under contract `id` on `date`: the `currency` of the
/// latest-starting supplement in force on `date` that sets one, else the contract's
/// own (see [`ClientBook::terms_on`]), else the book's, else RUB.
pub fn currency<'a>(
    book: &'a Book,
    client: &'a ClientBook,
    id: Option<&str>,
    date: NaiveDate,
) -> &'a str {
    client
        .terms_on(id, date)
        .into_iter()
        .find_map(|c| c.currency.as_deref())
        .or_else(|| book.settings.as_ref().map(|s| s.currency.as_str()))
        .unwrap_or("RUB")
}

/// The totals of an invoice of `client`, with the VAT rate that applies under its
/// contract on the invoice's date; an error names the line that does not fit in a sum
/// of money (the loader refuses such an invoice, E02, so one read from a book fits).
pub fn invoice_totals(
    book: &Book,
    client: &ClientBook,
    invoice: &Invoice,
) -> Result<Totals, TooLarge> {
    billing::totals(
        invoice,
        vat_contract(client, invoice.contract.as_deref(), invoice.date.0),
        book.settings.as_ref(),
    )
}

/// The client `id`, or why not: the nearest ID (or the ID of a client with that
/// name) for a hint.
pub fn find_client<'a>(book: &'a Book, id: &str) -> Result<&'a ClientBook, NoClient> {
    if let Some(c) = book.client(id) {
        return Ok(c);
    }
    let ids: Vec<&str> = book.clients.iter().map(|c| c.id.as_str()).collect();
    let wanted = id.to_lowercase();
    let by_name = || {
        book.clients
            .iter()
            .find(|c| {
                c.client
                    .as_ref()
                    .is_some_and(|e| e.data.name.to_lowercase() == wanted)
            })
            .map(|c| c.id.as_str())
    };
    Err(NoClient {
        id: id.to_owned(),
        nearest: crate::yaml::suggest(id, &ids)
            .or_else(by_name)
            .map(str::to_owned),
        book_empty: ids.is_empty(),
    })
}

/// No client by the ID asked for. Displayed in English; the command line words it
/// in the user's language (`commands::error_text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoClient {
    pub id: String,
    /// The nearest client ID, or the ID of a client with that name.
    pub nearest: Option<String>,
    pub book_empty: bool,
}

impl std::fmt::Display for NoClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hint = match &self.nearest {
            Some(s) => format!("did you mean `{s}`?"),
            None if self.book_empty => "the book has no clients yet".to_owned(),
            None => "`rapport clients` lists every client's ID".to_owned(),
        };
        write!(f, "no client `{}` in this book\nhint: {hint}", self.id)
    }
}

impl std::error::Error for NoClient {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::parse_date;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).expect("test date")
    }

    fn entity(id: &str, yaml: &str) -> Entity<Contract> {
        let mut findings = Vec::new();
        let data = super::super::parse_entity::<Contract>("c.yaml", yaml, &mut findings)
            .unwrap_or_else(|| panic!("test contract: {findings:?}"));
        Entity {
            id: id.to_owned(),
            file: format!("clients/c/contracts/{id}.yaml"),
            data,
        }
    }

    /// A contract `main` (2025, renewing yearly unless `renewal` says otherwise) and
    /// one supplement `ds` with `extra`.
    fn client(renewal: &str, extra: &str) -> ClientBook {
        ClientBook {
            id: "c".into(),
            contracts: vec![
                entity(
                    "main",
                    &format!(
                        "number: '1'\nstart: 2025-01-01\nend: 2025-12-31\nvat: 20\n\
                         currency: RUB\n{renewal}"
                    ),
                ),
                entity(
                    "ds",
                    &format!("number: '1-1'\nkind: supplement\nparent: main\n{extra}"),
                ),
            ],
            ..ClientBook::default()
        }
    }

    const AUTO: &str = "renewal: {auto: true, term_months: 12}\n";

    fn rate(client: &ClientBook, id: &str, day: &str) -> Option<String> {
        vat_contract(client, Some(id), d(day))
            .and_then(|c| c.vat)
            .map(|v| v.to_string())
    }

    #[test]
    fn a_supplement_applies_from_its_start_to_the_end_of_its_term() {
        let c = client(AUTO, "start: 2026-01-01\nend: 2026-06-30\nvat: 22\n");
        assert_eq!(rate(&c, "main", "2025-12-31").as_deref(), Some("20"));
        assert_eq!(rate(&c, "main", "2026-01-01").as_deref(), Some("22"));
        assert_eq!(rate(&c, "main", "2026-06-30").as_deref(), Some("22"));
        // It ends inside the contract's term: it does not run on.
        assert_eq!(rate(&c, "main", "2026-07-01").as_deref(), Some("20"));
        // Pointed at directly, a supplement is its own terms: its rate, always.
        assert_eq!(rate(&c, "ds", "2027-07-01").as_deref(), Some("22"));
    }

    #[test]
    fn a_supplement_ending_with_a_term_of_its_parent_renews_with_it() {
        let ds = "start: 2026-01-01\nend: 2026-12-31\nvat: 22\n";
        let c = client(AUTO, ds);
        assert_eq!(rate(&c, "main", "2030-05-01").as_deref(), Some("22"));
        // Not when the parent does not renew, or stopped renewing.
        let c = client("renewal: {auto: false}\n", ds);
        assert_eq!(rate(&c, "main", "2027-01-01").as_deref(), Some("20"));
        let c = client(
            "renewal: {auto: true, term_months: 12, decision: terminate, decided: 2026-11-01}\n",
            ds,
        );
        assert_eq!(rate(&c, "main", "2026-12-31").as_deref(), Some("22"));
        assert_eq!(rate(&c, "main", "2027-01-01").as_deref(), Some("20"));
        // A renewal of its own wins over the parent's.
        let c = client(AUTO, &format!("{ds}renewal: {{auto: false}}\n"));
        assert_eq!(rate(&c, "main", "2027-01-01").as_deref(), Some("20"));
    }

    #[test]
    fn drafts_and_terminated_supplements_are_not_in_force() {
        for status in ["draft", "terminated"] {
            let c = client(
                AUTO,
                &format!("start: 2026-01-01\nend: 2026-12-31\nvat: 22\nstatus: {status}\n"),
            );
            assert_eq!(
                rate(&c, "main", "2026-05-01").as_deref(),
                Some("20"),
                "{status}"
            );
        }
        let c = client(
            AUTO,
            "start: 2026-01-01\nend: 2026-12-31\nvat: 22\nstatus: closed\n",
        );
        assert_eq!(rate(&c, "main", "2026-05-01").as_deref(), Some("22"));
    }

    #[test]
    fn the_latest_starting_supplement_that_sets_it_wins() {
        let mut c = client(AUTO, "start: 2026-01-01\nend: 2026-12-31\nvat: 22\n");
        c.contracts.push(entity(
            "ds2",
            "number: '1-2'\nkind: supplement\nparent: main\nstart: 2026-03-01\n\
             end: 2026-03-31\nvat: 10\ncurrency: EUR\n",
        ));
        c.contracts.push(entity(
            "ds3",
            "number: '1-3'\nkind: supplement\nparent: main\nstart: 2026-03-10\n\
             end: 2026-12-31\ntitle: sets neither\n",
        ));
        assert_eq!(rate(&c, "main", "2026-03-15").as_deref(), Some("10"));
        assert_eq!(rate(&c, "main", "2026-04-01").as_deref(), Some("22"));
        let book = Book::default();
        assert_eq!(currency(&book, &c, Some("main"), d("2026-03-15")), "EUR");
        assert_eq!(currency(&book, &c, Some("main"), d("2026-04-01")), "RUB");
        // A supplement pointed at inherits from the contract it supplements, and from
        // the supplements to it in force.
        assert_eq!(rate(&c, "ds3", "2026-03-15").as_deref(), Some("10"));
        assert_eq!(currency(&book, &c, Some("ds3"), d("2026-04-01")), "RUB");
    }
}
