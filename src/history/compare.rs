//! What changed between two versions of a project or an invoice file.

use crate::book::parse_entity;
use crate::model::{Invoice, Project};

use super::Change;

/// The kinds of file whose changes the checks read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Project,
    Invoice,
}

/// The changes from `old` to `new` (the texts of `file`, a `kind`): moved deadlines
/// and due dates of a project; the number and date of an invoice that was already
/// sent. Nothing when either version cannot be read as its kind: a version that was
/// broken then says nothing of what moved.
pub fn changes(kind: FileKind, file: &str, old: &str, new: &str) -> Vec<Change> {
    let mut ignored = Vec::new();
    match kind {
        FileKind::Project => {
            let (Some(old), Some(new)) = (
                parse_entity::<Project>(file, old, &mut ignored),
                parse_entity::<Project>(file, new, &mut ignored),
            ) else {
                return Vec::new();
            };
            project(&old, &new)
        }
        FileKind::Invoice => {
            let (Some(old), Some(new)) = (
                parse_entity::<Invoice>(file, old, &mut ignored),
                parse_entity::<Invoice>(file, new, &mut ignored),
            ) else {
                return Vec::new();
            };
            invoice(&old, &new)
        }
    }
}

/// The project's deadline, then each task's due date (a task known by its `id` in
/// both versions), where both versions have one and they differ.
fn project(old: &Project, new: &Project) -> Vec<Change> {
    let mut out = Vec::new();
    if let (Some(from), Some(to)) = (old.deadline, new.deadline)
        && from != to
    {
        out.push(Change::Deadline {
            task: None,
            from: from.0,
            to: to.0,
        });
    }
    for task in &new.tasks {
        let Some(to) = task.due else { continue };
        let Some(from) = old
            .tasks
            .iter()
            .find(|t| t.id == task.id)
            .and_then(|t| t.due)
        else {
            continue;
        };
        if from != to {
            out.push(Change::Deadline {
                task: Some(task.id.clone()),
                from: from.0,
                to: to.0,
            });
        }
    }
    out
}

/// An invoice's number and date, when the old version had been sent.
fn invoice(old: &Invoice, new: &Invoice) -> Vec<Change> {
    let Some(sent) = old.sent else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if old.number != new.number {
        out.push(Change::InvoiceNumber {
            from: old.number.clone(),
            to: new.number.clone(),
            sent: sent.0,
        });
    }
    if old.date != new.date {
        out.push(Change::InvoiceDate {
            from: old.date.0,
            to: new.date.0,
            sent: sent.0,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(s: &str) -> NaiveDate {
        crate::model::time::parse_date(s).expect("a date")
    }

    const FILE: &str = "clients/a/projects/p.yaml";

    #[test]
    fn a_moved_deadline_and_a_moved_task_are_changes() {
        let old = "title: Site\nstage: active\ndeadline: 2026-12-01\ntasks:\n  - id: copy\n    due: 2026-11-20\n  - id: art\n    due: 2026-11-21\n";
        let new = "title: Site\nstage: active\ndeadline: 2026-12-15\ntasks:\n  - id: copy\n    due: 2026-11-27\n  - id: art\n    due: 2026-11-21\n  - id: new\n    due: 2026-11-30\n";
        assert_eq!(
            changes(FileKind::Project, FILE, old, new),
            [
                Change::Deadline {
                    task: None,
                    from: day("2026-12-01"),
                    to: day("2026-12-15")
                },
                Change::Deadline {
                    task: Some("copy".to_owned()),
                    from: day("2026-11-20"),
                    to: day("2026-11-27")
                },
            ]
        );
        assert!(changes(FileKind::Project, FILE, old, old).is_empty());
        assert!(changes(FileKind::Project, FILE, "title: [", new).is_empty());
    }

    #[test]
    fn an_invoice_counts_only_once_sent() {
        let draft =
            "number: 2026-0001\ndate: 2026-11-02\nlines:\n  - {item: Site, qty: 1, price: 100}\n";
        let sent = "number: 2026-0001\ndate: 2026-11-02\nsent: 2026-11-03\nlines:\n  - {item: Site, qty: 1, price: 100}\n";
        let edited = "number: 2026-0002\ndate: 2026-11-05\nsent: 2026-11-03\nlines:\n  - {item: Site, qty: 1, price: 100}\n";
        let renumbered_draft =
            "number: 2026-0009\ndate: 2026-11-01\nlines:\n  - {item: Site, qty: 1, price: 100}\n";
        let file = "clients/a/invoices/i.yaml";
        assert!(changes(FileKind::Invoice, file, draft, renumbered_draft).is_empty());
        assert_eq!(
            changes(FileKind::Invoice, file, sent, edited),
            [
                Change::InvoiceNumber {
                    from: "2026-0001".to_owned(),
                    to: "2026-0002".to_owned(),
                    sent: day("2026-11-03")
                },
                Change::InvoiceDate {
                    from: day("2026-11-02"),
                    to: day("2026-11-05"),
                    sent: day("2026-11-03")
                },
            ]
        );
    }
}
