//! The meeting report (the minutes): what a template sees of one meeting, with every
//! name looked up and every date formatted in the book's language, and the email
//! draft that carries it.

use serde::Serialize;

use super::email::{self, Draft, Mailbox};
use super::locale;
use super::templates::{Output, Templates, name};
use crate::book::{Book, ClientBook, Entity};
use crate::model::Meeting;
use crate::model::settings::Locale;

/// A person at the meeting.
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// Job title (a contact's `position`, a team member's `role` in words).
    pub position: Option<String>,
    pub email: Option<String>,
    /// False for an ID that names nobody in the book.
    pub known: bool,
}

/// One action item.
#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    pub what: String,
    /// The owner's name (or ID, if unknown), if the action has one.
    pub owner: Option<String>,
    /// `client`, `agency`, or absent when the owner is unknown or not given.
    pub side: Option<&'static str>,
    pub due: Option<String>,
    pub due_long: Option<String>,
    pub due_short: Option<String>,
    pub done: Option<String>,
    pub done_short: Option<String>,
}

/// A date-time, with its formatted parts.
#[derive(Debug, Clone, Serialize)]
pub struct When {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub time: String,
    pub long: String,
    pub short: String,
    pub weekday: String,
}

impl When {
    fn of(locale: Locale, at: chrono::NaiveDateTime) -> When {
        let d = at.date();
        When {
            date: d.format("%Y-%m-%d").to_string(),
            time: at.format("%H:%M").to_string(),
            long: locale::long_date(locale, d),
            short: locale::short_date(locale, d),
            weekday: locale::weekday(locale, d).to_owned(),
        }
    }
}

/// The next meeting with the client, if one is in the book.
#[derive(Debug, Clone, Serialize)]
pub struct NextMeeting {
    pub id: String,
    pub when: When,
    pub format: String,
    /// What to call it: "Следующий звонок" for a call, "Следующая встреча" otherwise.
    pub title: &'static str,
    pub place: Option<String>,
    pub agenda: Vec<String>,
}

/// What a meeting template sees.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingView {
    /// `ru` or `en`.
    pub lang: &'static str,
    pub agency: AgencyView,
    pub client: ClientView,
    pub meeting: MeetingData,
    /// The account manager who signs the report: the client's `manager`, else the
    /// first agency attendee.
    pub signature: Option<Person>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgencyView {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClientView {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingData {
    pub id: String,
    pub file: String,
    pub when: When,
    /// `in_person`, `video`, `call`.
    pub format: &'static str,
    /// The format in words.
    pub format_label: &'static str,
    /// The report's title before the date: "Итоги встречи", "Итоги звонка" for a call.
    pub title: &'static str,
    /// The thanks that opens the letter: "Спасибо за встречу", "… за звонок".
    pub thanks: &'static str,
    pub place: Option<String>,
    pub project: Option<String>,
    pub client_attendees: Vec<Person>,
    pub agency_attendees: Vec<Person>,
    pub agenda: Vec<String>,
    pub notes: Option<String>,
    pub decisions: Vec<String>,
    pub actions: Vec<ActionView>,
    pub next: Option<NextMeeting>,
}

/// The book's language.
pub fn book_locale(book: &Book) -> Locale {
    book.settings.as_ref().map_or(Locale::Ru, |s| s.locale)
}

fn contact_person(client: &ClientBook, id: &str) -> Person {
    match client.contact(id) {
        Some(c) => Person {
            id: id.to_owned(),
            name: c.name.clone(),
            position: c.position.clone(),
            email: c.email.clone().filter(|e| !e.trim().is_empty()),
            known: true,
        },
        None => unknown(id),
    }
}

pub(crate) fn team_person(book: &Book, locale: Locale, id: &str) -> Person {
    let member = book
        .settings
        .as_ref()
        .and_then(|s| s.team.iter().find(|m| m.id == id));
    match member {
        Some(m) => Person {
            id: id.to_owned(),
            name: m.name.clone(),
            position: m.role.as_deref().map(|r| locale::role(locale, r)),
            email: m.email.clone().filter(|e| !e.trim().is_empty()),
            known: true,
        },
        None => unknown(id),
    }
}

fn unknown(id: &str) -> Person {
    Person {
        id: id.to_owned(),
        name: id.to_owned(),
        position: None,
        email: None,
        known: false,
    }
}

fn date_parts(locale: Locale, d: Option<crate::model::time::Date>) -> [Option<String>; 3] {
    match d {
        Some(d) => [
            Some(d.to_string()),
            Some(locale::long_date(locale, d.0)),
            Some(locale::short_date(locale, d.0)),
        ],
        None => [None, None, None],
    }
}

impl MeetingView {
    /// The view of meeting `e` of `client`.
    pub fn of(book: &Book, client: &ClientBook, e: &Entity<Meeting>) -> MeetingView {
        let locale = book_locale(book);
        let m = &e.data;
        let agency = book.settings.as_ref().map(|s| &s.agency);
        let actions = m
            .actions
            .iter()
            .map(|a| {
                let (owner, side) = match a.owner.as_deref() {
                    None => (None, None),
                    Some(id) => {
                        if book.is_team(id) {
                            (Some(team_person(book, locale, id).name), Some("agency"))
                        } else if client.contact(id).is_some() {
                            (Some(contact_person(client, id).name), Some("client"))
                        } else {
                            (Some(id.to_owned()), None)
                        }
                    }
                };
                let [due, due_long, due_short] = date_parts(locale, a.due);
                let [done, _, done_short] = date_parts(locale, a.done);
                ActionView {
                    what: a.what.clone(),
                    owner,
                    side,
                    due,
                    due_long,
                    due_short,
                    done,
                    done_short,
                }
            })
            .collect();
        let next = client
            .meetings
            .iter()
            .filter(|n| n.data.at > m.at)
            .min_by_key(|n| (n.data.at, n.id.as_str()))
            .map(|n| NextMeeting {
                id: n.id.clone(),
                when: When::of(locale, n.data.at.0),
                format: locale::meeting_format(locale, n.data.format).to_owned(),
                title: locale::meeting_words(locale, n.data.format).next,
                place: n.data.place.clone(),
                agenda: n.data.agenda.clone(),
            });
        let project = m.project.as_deref().map(|id| {
            client
                .projects
                .iter()
                .find(|p| p.id == id)
                .map_or_else(|| id.to_owned(), |p| p.data.title.clone())
        });
        let agency_attendees: Vec<Person> = m
            .attendees
            .agency
            .iter()
            .map(|id| team_person(book, locale, id))
            .collect();
        let manager = client
            .client
            .as_ref()
            .and_then(|c| c.data.manager.as_deref())
            .filter(|id| book.is_team(id))
            .map(|id| team_person(book, locale, id));
        let signature = manager.or_else(|| agency_attendees.iter().find(|p| p.known).cloned());
        MeetingView {
            lang: locale::code(locale),
            agency: AgencyView {
                name: agency.map_or_else(String::new, |a| a.name.clone()),
                email: agency.and_then(|a| a.email.clone()),
                phone: agency.and_then(|a| a.phone.clone()),
            },
            client: ClientView {
                id: client.id.clone(),
                name: client.name().to_owned(),
            },
            meeting: MeetingData {
                id: e.id.clone(),
                file: e.file.clone(),
                when: When::of(locale, m.at.0),
                format: m.format.as_str(),
                format_label: locale::meeting_format(locale, m.format),
                title: locale::meeting_words(locale, m.format).summary,
                thanks: locale::meeting_words(locale, m.format).thanks,
                place: m.place.clone(),
                project,
                client_attendees: m
                    .attendees
                    .client
                    .iter()
                    .map(|id| contact_person(client, id))
                    .collect(),
                agency_attendees,
                agenda: m.agenda.clone(),
                notes: m.notes.clone().filter(|n| !n.trim().is_empty()),
                decisions: m.decisions.clone(),
                actions,
                next,
            },
            signature,
        }
    }
}

/// The references of meeting `m` that name nobody in the book (the audit's E04): a
/// client attendee who is not a contact of `client`, an agency attendee who is not a
/// team member, an action owner who is neither. The report shows such a person by
/// the bare ID, so `meeting report` warns about each before it goes to the client.
/// Contacts are not judged when client.yaml does not read, nor the team without
/// rapport.yaml.
pub fn dangling(book: &Book, client: &ClientBook, m: &Meeting) -> Vec<crate::i18n::Msg> {
    let name = client.name();
    let contacts_known = client.client.is_some();
    let team_known = book.settings.is_some();
    let mut out = Vec::new();
    if contacts_known {
        for id in m
            .attendees
            .client
            .iter()
            .filter(|id| client.contact(id).is_none())
        {
            out.push(crate::msg!(
                "meeting-unknown-contact",
                id = id.as_str(),
                client = name
            ));
        }
    }
    if team_known {
        for id in m.attendees.agency.iter().filter(|id| !book.is_team(id)) {
            out.push(crate::msg!("meeting-unknown-member", id = id.as_str()));
        }
    }
    if contacts_known && team_known {
        for (i, a) in m.actions.iter().enumerate() {
            if let Some(id) = a.owner.as_deref()
                && !book.is_team(id)
                && client.contact(id).is_none()
            {
                out.push(crate::msg!(
                    "meeting-unknown-owner",
                    index = i,
                    id = id,
                    client = name
                ));
            }
        }
    }
    out
}

/// The report rendered three ways.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub subject: String,
    pub markdown: String,
    pub html: String,
}

/// Renders `view` with the book's templates.
pub fn render(
    templates: &Templates,
    locale: Locale,
    view: &MeetingView,
) -> anyhow::Result<Rendered> {
    let subject = templates.render(&name("meeting", locale, Output::Subject), view)?;
    Ok(Rendered {
        subject: subject.split_whitespace().collect::<Vec<_>>().join(" "),
        markdown: templates.render(&name("meeting", locale, Output::Markdown), view)?,
        html: templates.render(&name("meeting", locale, Output::Html), view)?,
    })
}

/// A draft and what was left out of it.
#[derive(Debug, Clone)]
pub struct DraftPlan {
    pub draft: Draft,
    /// People who could not be addressed, with why.
    pub left_out: Vec<crate::i18n::Msg>,
}

/// The email draft of a meeting report: To the client's attendees, Cc the agency's
/// (less the sender), From the signing account manager, else the first agency
/// attendee with an address, else the agency.
pub fn draft(
    book: &Book,
    view: &MeetingView,
    rendered: &Rendered,
    date: String,
) -> anyhow::Result<DraftPlan> {
    let mut left_out = Vec::new();
    let mut mailbox = |p: &Person, side: &str| -> Option<Mailbox> {
        if !p.known {
            left_out.push(crate::msg!(
                "draft-unknown-person",
                id = p.id.as_str(),
                side = crate::i18n::Arg::Word(if side == "client" { "client" } else { "agency" }),
                client = view.client.name.as_str()
            ));
            return None;
        }
        match &p.email {
            Some(e) if email::is_plausible_address(e) => Some(Mailbox {
                name: p.name.clone(),
                email: e.clone(),
            }),
            Some(e) => {
                left_out.push(crate::msg!(
                    "draft-bad-email",
                    name = p.name.as_str(),
                    side =
                        crate::i18n::Arg::Word(if side == "client" { "client" } else { "agency" }),
                    id = p.id.as_str(),
                    email = e.as_str()
                ));
                None
            }
            None => {
                left_out.push(crate::msg!(
                    "draft-no-email",
                    name = p.name.as_str(),
                    side =
                        crate::i18n::Arg::Word(if side == "client" { "client" } else { "agency" }),
                    id = p.id.as_str()
                ));
                None
            }
        }
    };
    let to: Vec<Mailbox> = view
        .meeting
        .client_attendees
        .iter()
        .filter_map(|p| mailbox(p, "client"))
        .collect();
    let agency: Vec<Mailbox> = view
        .meeting
        .agency_attendees
        .iter()
        .filter_map(|p| mailbox(p, "agency"))
        .collect();
    let signer = view
        .signature
        .as_ref()
        .and_then(|p| email::mailbox_of(&p.name, p.email.as_ref()));
    let agency_box = email::agency_mailbox(book);
    let Some(from) = signer.or_else(|| agency.first().cloned()).or(agency_box) else {
        return Err(crate::i18n::hinted(
            crate::msg!("meeting-draft-no-sender"),
            crate::msg!("meeting-draft-no-sender-hint"),
        ));
    };
    let cc: Vec<Mailbox> = agency
        .into_iter()
        .filter(|m| m.email != from.email)
        .collect();
    Ok(DraftPlan {
        draft: Draft {
            from,
            to,
            cc,
            subject: rendered.subject.clone(),
            date,
            id: format!("meeting.{}.{}", view.client.id, view.meeting.id),
            text: rendered.markdown.clone(),
            html: rendered.html.clone(),
        },
        left_out,
    })
}
