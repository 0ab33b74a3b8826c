//! The checks of R08 and D05 that read the book's git history ([`crate::history`]):
//! a deadline that moved in a commit with no `deadline_changes` entry, or with one
//! whose client was told late after the commit; a sent invoice renumbered or
//! re-dated. Each finding names the commit (its short ID) and the commit's date.

use crate::audit::{Cx, Out};
use crate::book::Entity;
use crate::finding::Location;
use crate::history::Change;
use crate::i18n::Arg;
use crate::model::{Invoice, Project};
use crate::msg;
use crate::yaml::YamlPath;

/// R08: each move of the project's deadline or a task's due date made in a commit
/// up to today, with no `deadline_changes` entry of the same task (or none), from
/// and to; or with one whose client was told more than `days` working days after the
/// commit and that R08 does not already report by its own `decided` and `from`.
pub fn deadline_moves(cx: &Cx<'_>, e: &Entity<Project>, days: u32, out: &mut Out) {
    let Some(history) = cx.history else { return };
    let p = &e.data;
    for m in history.of_file(&e.file) {
        let Change::Deadline { task, from, to } = &m.change else {
            continue;
        };
        if m.date > cx.today {
            continue;
        }
        let root = YamlPath::root();
        let (location, item_waive) = match task {
            None if p.deadline.is_some() => (Location::value(root.key("deadline")), &[][..]),
            None => (Location::File, &[][..]),
            Some(id) => match p.tasks.iter().position(|t| &t.id == id) {
                Some(i) => (
                    Location::value(root.key("tasks").index(i).key("due")),
                    p.tasks[i].waive.as_slice(),
                ),
                None => (Location::File, &[][..]),
            },
        };
        let head = msg!(
            "history-r08-head",
            project = &p.title,
            of_task = Arg::Word(if task.is_some() { "yes" } else { "no" }),
            task = task.as_deref().unwrap_or_default(),
            from = cx.date(*from),
            to = cx.date(*to),
            commit = m.short(),
            on = cx.date(m.date),
        );
        let entry = p
            .deadline_changes
            .iter()
            .position(|ch| ch.task == *task && ch.from.0 == *from && ch.to.0 == *to);
        let Some(i) = entry else {
            out.emit_item(
                &e.file,
                &p.waive,
                item_waive,
                location,
                msg!("history-r08-unrecorded", head = head),
            )
            .happened(m.date)
            .help(msg!("history-r08-unrecorded-help"));
            continue;
        };
        let ch = &p.deadline_changes[i];
        let Some(told) = ch.client_told.map(|d| d.0) else {
            continue; // R08 reports a change the client was never told of
        };
        let by = cx.calendar.add_working_days(m.date, days);
        // R08 already reports a client told after the old deadline, or later than its
        // `days` after the recorded decision.
        let reported = told > ch.from.0
            || ch
                .decided
                .is_some_and(|d| told > cx.calendar.add_working_days(d.0, days));
        if told <= by || reported {
            continue;
        }
        out.emit_item(
            &e.file,
            &p.waive,
            &ch.waive,
            Location::value(
                YamlPath::root()
                    .key("deadline_changes")
                    .index(i)
                    .key("client_told"),
            ),
            msg!(
                "history-r08-told-late",
                head = head,
                told = cx.date(told),
                by = cx.date(by),
            ),
        )
        .done_late()
        .item(i)
        .happened(m.date)
        .due(by)
        .help(msg!("history-r08-told-late-help", allowed = days));
    }
}

/// D05: each change of a sent invoice's number or date made in a commit up to
/// today, unless the invoice has its value as sent (the value before the first such
/// change) again; a change back to that value is not reported either.
pub fn invoice_edits(cx: &Cx<'_>, e: &Entity<Invoice>, out: &mut Out) {
    let Some(history) = cx.history else { return };
    let inv = &e.data;
    let moves: Vec<_> = history
        .of_file(&e.file)
        .iter()
        .filter(|m| m.date <= cx.today)
        .collect();
    let sent_number = moves.iter().find_map(|m| match &m.change {
        Change::InvoiceNumber { from, .. } => Some(from),
        _ => None,
    });
    let sent_date = moves.iter().find_map(|m| match &m.change {
        Change::InvoiceDate { from, .. } => Some(*from),
        _ => None,
    });
    for m in moves {
        let root = YamlPath::root();
        let (location, message) = match &m.change {
            Change::InvoiceNumber { from, to, sent } => {
                if sent_number.is_some_and(|n| *n == inv.number || n == to) {
                    continue;
                }
                let message = msg!(
                    "history-d05-renumbered",
                    number = &inv.number,
                    from = from,
                    to = to,
                    commit = m.short(),
                    on = cx.date(m.date),
                    sent = cx.date(*sent),
                );
                (Location::value(root.key("number")), message)
            }
            Change::InvoiceDate { from, to, sent } => {
                if sent_date.is_some_and(|d| d == inv.date.0 || d == *to) {
                    continue;
                }
                let message = msg!(
                    "history-d05-redated",
                    number = &inv.number,
                    from = cx.date(*from),
                    to = cx.date(*to),
                    commit = m.short(),
                    on = cx.date(m.date),
                    sent = cx.date(*sent),
                );
                (Location::value(root.key("date")), message)
            }
            Change::Deadline { .. } => continue,
        };
        out.emit(&e.file, &inv.waive, location, message)
            .happened(m.date)
            .help(msg!("history-d05-edited-help"));
    }
}
