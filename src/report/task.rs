//! A task for a specialist as an email draft (`rapport task send`): what, for which
//! client and project, from when and by when and why that date, the written task and
//! the brief (attached when they are files of the book, else their link), the contact
//! person at the client; from the client's account manager to the assignee — a team
//! member's `email`, or a contractor's, as R21 expects the contractor to be reached.
//! Templates `task.<locale>.{md,html,subject}.j2`, overridable in the book.

use anyhow::Result;
use serde::Serialize;

use super::email::{self, Attachment, Draft, Mailbox};
use super::locale;
use super::templates::{Output, Templates, name};
use crate::book::{Book, ClientBook, Entity};
use crate::model::Project;
use crate::model::client::Channel;
use crate::model::project::Task;
use crate::model::settings::Locale;

/// The largest file of the book attached to a draft.
const MAX_ATTACHMENT_BYTES: u64 = 10 * 1024 * 1024;

/// The draft, its attachments, and what the person sending it should know.
pub struct TaskDraft {
    pub draft: Draft,
    pub attachments: Vec<Attachment>,
    pub warnings: Vec<crate::i18n::Msg>,
}

#[derive(Serialize)]
struct View<'a> {
    lang: &'static str,
    agency: Named<'a>,
    client: Named<'a>,
    project: Named<'a>,
    assignee: AssigneeView,
    task: TaskView<'a>,
    brief: Option<&'a str>,
    brief_attached: bool,
    contact: Option<ContactView<'a>>,
    sender: SenderView,
}

#[derive(Serialize)]
struct Named<'a> {
    name: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct AssigneeView {
    name: String,
    greeting: String,
}

#[derive(Serialize)]
struct TaskView<'a> {
    id: &'a str,
    title: &'a str,
    kind: Option<&'static str>,
    start: Option<String>,
    due: String,
    tied_to: Option<&'a str>,
    doc: Option<&'a str>,
    doc_attached: bool,
}

#[derive(Serialize)]
struct ContactView<'a> {
    name: &'a str,
    position: Option<&'a str>,
    phone: Option<&'a str>,
    email: Option<&'a str>,
}

#[derive(Serialize)]
struct SenderView {
    name: String,
    position: Option<String>,
    phone: Option<String>,
}

/// A book file named by `doc` (a path from the book root), to attach; `None` for a
/// link or a name that is not a file of the book (never read outside it).
fn book_file(book: &Book, doc: &str) -> Option<Attachment> {
    if doc.contains("://") {
        return None;
    }
    let path = book.root().join(doc);
    if !crate::book::within(book.root(), "", &path) {
        return None;
    }
    if std::fs::metadata(&path).ok()?.len() > MAX_ATTACHMENT_BYTES {
        return None;
    }
    let bytes = std::fs::read(&path).ok()?;
    let file_name = path.file_name()?.to_string_lossy().into_owned();
    let content_type = match path.extension().and_then(|e| e.to_str()) {
        Some("md" | "txt") => "text/plain",
        Some("pdf") => "application/pdf",
        Some("html" | "htm") => "text/html",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        _ => "application/octet-stream",
    };
    Some(Attachment {
        name: file_name,
        content_type,
        bytes,
    })
}

fn kind_word(loc: Locale, k: crate::model::project::TaskKind) -> &'static str {
    use crate::model::project::TaskKind as K;
    match (loc, k) {
        (Locale::Ru, K::Creative) => "креатив",
        (Locale::Ru, K::Design) => "дизайн",
        (Locale::Ru, K::Copy) => "тексты",
        (Locale::Ru, K::Dev) => "разработка",
        (Locale::Ru, K::Production) => "производство",
        (Locale::Ru, K::Other) => "другое",
        (Locale::En, K::Creative) => "creative",
        (Locale::En, K::Design) => "design",
        (Locale::En, K::Copy) => "copy",
        (Locale::En, K::Dev) => "development",
        (Locale::En, K::Production) => "production",
        (Locale::En, K::Other) => "other",
    }
}

/// The draft of task `t` of project `p` of `client`, dated `date` (a `Date:` header).
pub fn draft(
    book: &Book,
    client: &ClientBook,
    p: &Entity<Project>,
    t: &Task,
    date: String,
) -> Result<TaskDraft> {
    let loc = super::meeting::book_locale(book);
    let settings = book.settings.as_ref();
    let mut warnings = Vec::new();
    let Some(who) = t.assignee.as_deref() else {
        return Err(crate::i18n::hinted(
            crate::msg!("task-send-no-assignee", id = t.id.as_str()),
            crate::msg!("task-no-assignee-hint", file = p.file.as_str()),
        ));
    };
    let Some(due) = t.due else {
        return Err(crate::i18n::hinted(
            crate::msg!("task-send-no-due", id = t.id.as_str()),
            crate::msg!("task-send-no-due-hint", file = p.file.as_str()),
        ));
    };
    // Who it goes to: a team member's email, or the contractor by their channel (R21).
    let (to_name, to_email) =
        if let Some(m) = settings.and_then(|s| s.team.iter().find(|m| m.id == who)) {
            (m.name.clone(), m.email.clone())
        } else if let Some(c) = book.contractor(who) {
            let c = &c.data;
            match c.preferred_channel {
                Some(Channel::Email) | None => {}
                Some(other) => {
                    let detail = match other {
                        Channel::Phone => c.phone.clone(),
                        Channel::Messenger => c.messenger.clone(),
                        _ => None,
                    };
                    warnings.push(crate::msg!(
                        "task-send-prefers",
                        name = c.name.as_str(),
                        channel = crate::i18n::Arg::Word(other.as_str()),
                        detail = detail.map(|d| format!(", {d}")).unwrap_or_default()
                    ));
                }
            }
            let name = c.contact.clone().unwrap_or_else(|| c.name.clone());
            (name, c.email.clone())
        } else {
            return Err(anyhow::Error::new(crate::i18n::Localized(crate::msg!(
                "task-send-unknown-assignee",
                who = who,
                id = t.id.as_str()
            ))));
        };
    let to: Vec<Mailbox> = email::mailbox_of(&to_name, to_email.as_ref())
        .into_iter()
        .collect();
    if to.is_empty() {
        warnings.push(crate::msg!("task-send-no-email", name = to_name.as_str()));
    }
    let manager = client
        .client
        .as_ref()
        .and_then(|c| c.data.manager.as_deref())
        .and_then(|id| settings.and_then(|s| s.team.iter().find(|m| m.id == id)));
    let agency_name = settings.map_or("", |s| s.agency.name.as_str());
    let Some(from) = manager
        .and_then(|m| email::mailbox_of(&m.name, m.email.as_ref()))
        .or_else(|| email::agency_mailbox(book))
    else {
        return Err(crate::i18n::hinted(
            crate::msg!("task-send-no-sender"),
            crate::msg!("task-send-no-sender-hint"),
        ));
    };
    let mut attachments = Vec::new();
    let doc_attachment = t.task_doc.as_deref().and_then(|d| book_file(book, d));
    let doc_attached = doc_attachment.is_some();
    attachments.extend(doc_attachment);
    let brief = p.data.brief.as_ref().and_then(|b| b.doc.as_deref());
    let brief_attachment = brief.and_then(|d| book_file(book, d));
    let brief_attached = brief_attachment.is_some();
    attachments.extend(brief_attachment);
    let contact = p
        .data
        .approver
        .as_deref()
        .and_then(|id| client.contact(id))
        .or_else(|| client.client.as_ref().and_then(|c| c.data.contacts.first()))
        .map(|c| ContactView {
            name: &c.name,
            position: c.position.as_deref(),
            phone: c.phone.as_deref(),
            email: c.email.as_deref(),
        });
    let title = t.title.as_deref().unwrap_or(&t.id);
    let view = View {
        lang: locale::code(loc),
        agency: Named {
            name: agency_name,
            title: agency_name,
        },
        client: Named {
            name: client.name(),
            title: client.name(),
        },
        project: Named {
            name: &p.id,
            title: &p.data.title,
        },
        assignee: AssigneeView {
            greeting: match loc {
                Locale::Ru => format!("Добрый день, {to_name}!"),
                Locale::En => format!("Dear {to_name},"),
            },
            name: to_name.clone(),
        },
        task: TaskView {
            id: &t.id,
            title,
            kind: t.kind.map(|k| kind_word(loc, k)),
            start: t.start.map(|s| locale::short_date(loc, s.0)),
            due: locale::short_date(loc, due.0),
            tied_to: t.tied_to.as_deref(),
            doc: t.task_doc.as_deref(),
            doc_attached,
        },
        brief,
        brief_attached,
        contact,
        sender: SenderView {
            name: manager.map_or_else(|| agency_name.to_owned(), |m| m.name.clone()),
            position: manager
                .and_then(|m| m.role.as_deref())
                .map(|r| locale::role(loc, r)),
            phone: manager
                .and_then(|m| m.phone.clone())
                .or_else(|| settings.and_then(|s| s.agency.phone.clone())),
        },
    };
    let templates = Templates::new(book.root(), loc)?;
    // Quotes inside quotes nest as Russian typography does, line by line.
    let nest = |text: String| -> String {
        text.split('\n')
            .map(crate::wording::nest_quotes)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let subject = nest(
        templates
            .render(&name("task", loc, Output::Subject), &view)?
            .trim()
            .to_owned(),
    );
    let markdown = nest(templates.render(&name("task", loc, Output::Markdown), &view)?);
    let html =
        templates.render_paragraphs(&name("task", loc, Output::Html), loc, &subject, &markdown)?;
    Ok(TaskDraft {
        draft: Draft {
            from,
            to,
            cc: Vec::new(),
            subject,
            date,
            id: format!("task.{}.{}.{}", client.id, p.id, t.id),
            text: markdown,
            html,
        },
        attachments,
        warnings,
    })
}
