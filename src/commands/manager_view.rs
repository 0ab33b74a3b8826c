//! One account manager's view of the book: `--manager ID` on the listings (clients,
//! agenda, audit, invoices, renewals, budget, tasks, calendar, digest) keeps the
//! clients whose `manager` is ID, and what is in their folders; `--manager all` the
//! whole book. Without the flag, the default is `RAPPORT_MANAGER`, else the team
//! member whose `email` is git's `user.email` (see [`crate::user`]), else the whole
//! book. A view of one manager says so: a line on top of human output, `view` in JSON.

use std::collections::HashSet;

use anyhow::Result;
use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::msg;
use serde::Serialize;

use crate::book::{Book, ClientBook};
use crate::context::Context;

/// Where the view came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env,
    Git,
}

impl Source {
    fn code(self) -> &'static str {
        match self {
            Source::Flag => "--manager",
            Source::Env => "RAPPORT_MANAGER",
            Source::Git => "git user.email",
        }
    }
}

/// Whose clients a command shows.
#[derive(Debug, Clone)]
pub struct View {
    /// The manager's ID and name; `None`: every client.
    manager: Option<(String, String)>,
    /// Where it came from (`None`: no flag and no default).
    source: Option<Source>,
    /// The IDs of the clients shown, for a manager's view.
    clients: HashSet<String>,
}

/// The view the command line (`flag`) and the user's defaults select in `book`.
pub fn resolve(ctx: &Context, book: &Book, flag: Option<&str>) -> Result<View> {
    let (id, source) = match (flag, &ctx.manager) {
        (Some(f), _) => (f.trim().to_owned(), Source::Flag),
        (None, Some(env)) => (env.clone(), Source::Env),
        (None, None) => match ctx.git_email(book).and_then(|e| manager_by_email(book, &e)) {
            Some(id) => (id, Source::Git),
            None => return Ok(View::all(None)),
        },
    };
    if id == "all" {
        return Ok(View::all(Some(source)));
    }
    let team: Vec<&str> = book
        .settings
        .as_ref()
        .map(|s| s.team.iter().map(|m| m.id.as_str()).collect())
        .unwrap_or_default();
    let Some(name) = book.team_name(&id) else {
        let hint = match crate::yaml::suggest(&id, &team) {
            Some(s) => msg!("view-did-you-mean", name = s),
            None if team.is_empty() => msg!("view-no-team"),
            None => msg!("view-team-is", ids = team.join(", ")),
        };
        let error = match source {
            Source::Env => msg!("view-no-member-env", id = id.as_str()),
            _ => msg!("view-no-member", id = id.as_str()),
        };
        return Err(crate::i18n::hinted(error, hint));
    };
    let clients = book
        .clients
        .iter()
        .filter(|c| manager_of(c) == Some(id.as_str()))
        .map(|c| c.id.clone())
        .collect();
    Ok(View {
        manager: Some((id.clone(), name.to_owned())),
        source: Some(source),
        clients,
    })
}

/// The team member whose `email` is `email` (case aside).
fn manager_by_email(book: &Book, email: &str) -> Option<String> {
    book.settings
        .as_ref()?
        .team
        .iter()
        .find(|m| {
            m.email
                .as_deref()
                .is_some_and(|e| e.trim().eq_ignore_ascii_case(email.trim()))
        })
        .map(|m| m.id.clone())
}

fn manager_of(c: &ClientBook) -> Option<&str> {
    c.client.as_ref().and_then(|e| e.data.manager.as_deref())
}

impl View {
    fn all(source: Option<Source>) -> View {
        View {
            manager: None,
            source,
            clients: HashSet::new(),
        }
    }

    /// Does the view show client `c`?
    pub fn shows(&self, c: &ClientBook) -> bool {
        self.shows_id(&c.id)
    }

    /// Does the view show the client whose ID is `id`?
    pub fn shows_id(&self, id: &str) -> bool {
        self.manager.is_none() || self.clients.contains(id)
    }

    /// Does the view show what is in `file` (a book path)? Files of a client's folder
    /// go with their client; the rest of the book (rapport.yaml, contractors/) is in
    /// every view.
    pub fn shows_file(&self, file: &str) -> bool {
        if self.manager.is_none() {
            return true;
        }
        match file
            .strip_prefix("clients/")
            .and_then(|r| r.split('/').next())
        {
            Some(client) => self.clients.contains(client),
            None => true,
        }
    }

    /// The clients of `book` the view shows.
    pub fn clients<'b>(&self, book: &'b Book) -> Vec<&'b ClientBook> {
        book.clients.iter().filter(|c| self.shows(c)).collect()
    }

    /// `Анна Орлова's clients` for a manager's view; `None` for the whole book.
    pub fn label(&self) -> Option<String> {
        self.manager
            .as_ref()
            .map(|(_, name)| format!("{name}'s clients"))
    }

    /// The view as a JSON value, for documents typed below the commands.
    pub fn json_value(&self) -> serde_json::Value {
        serde_json::to_value(self.json()).unwrap_or(serde_json::Value::Null)
    }

    /// The line on top of human output for a manager's view ("" for the whole book):
    /// `Tasks of Анна Орлова's clients (orlova, from RAPPORT_MANAGER), 2026-11-27`.
    /// `what` is the catalog's name of the listing (`view-tasks`: "Tasks").
    pub fn header(&self, what: &'static str, today: NaiveDate, lang: Lang) -> String {
        match (&self.manager, self.source) {
            (Some((id, name)), Some(source)) => {
                let line = crate::msg!(
                    "view-header",
                    what = crate::i18n::say(lang, what),
                    name = name,
                    id = id,
                    source = source.code(),
                    today = today.to_string(),
                )
                .render(lang);
                format!("{line}\n\n")
            }
            _ => String::new(),
        }
    }

    /// The view in a JSON document.
    pub fn json(&self) -> JsonView<'_> {
        JsonView {
            manager: self.manager.as_ref().map(|(id, _)| id.as_str()),
            name: self.manager.as_ref().map(|(_, n)| n.as_str()),
            from: self.source.map(Source::code),
        }
    }
}

/// `view` in a JSON document: `{"manager": null, …}` for the whole book.
#[derive(Debug, Serialize)]
pub struct JsonView<'a> {
    /// The manager's team ID; null: every client.
    pub manager: Option<&'a str>,
    /// The manager's name.
    pub name: Option<&'a str>,
    /// `--manager`, `RAPPORT_MANAGER` or `git user.email`; null when nothing chose
    /// a view.
    pub from: Option<&'static str>,
}
