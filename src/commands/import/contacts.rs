//! Contacts added to a client's client.yaml, from vCards or CSV rows (each a
//! [`Card`]), never overwriting what the book has.
//!
//! A card is matched to a contact by any of its emails (letter case aside) or phones
//! (digits only, the last ten): a card that adds nothing is "already there"; one that
//! says something else than the contact does is a conflict, listed for a person to
//! settle, and not written. A new contact's ID is the card's `X-RAPPORT-ID` (what
//! `export vcard` writes) when it is free, else its name transliterated, made unique. A
//! contact holds one email and one phone: a card's first are kept, the others named in
//! the report.
//!
//! client.yaml is edited, not rewritten: the new contacts are appended to `contacts`
//! by `write::edit` (every other byte, comments included, stays), the result must read
//! back as a client with them, and it is written whole, under the book's lock.

use std::fmt::Write as _;

use anyhow::Result;

use crate::book;
use crate::context::Context;
use crate::exit::Exit;
use crate::finding::Severity;
use crate::i18n::{Arg, Lang, Msg};
use crate::model::{Client, Contact};
use crate::msg;
use crate::vcard::{self, Card};
use crate::write::lock::BookLock;
use crate::write::scalar::{yaml_id, yaml_string};
use crate::write::{self, edit, slug};
use crate::yaml::YamlPath;

/// Adds `items` (numbered as `noun`s of their file: card 3, row 7; each a card or why
/// it is none) to the client `client_id`, and prints what became of each.
pub fn add(
    ctx: &Context,
    client_id: &str,
    items: &[(usize, Result<Card, Msg>)],
    noun: &str,
    dry_run: bool,
) -> Result<Exit> {
    let book = ctx.load_client(client_id)?;
    let client = book::find_client(book, client_id).map_err(anyhow::Error::new)?;
    let Some(entity) = &client.client else {
        return Err(crate::commands::hinted(
            msg!("import-client-unread", client = client.id.as_str()),
            msg!("import-client-unread-hint", client = client.id.as_str()),
        ));
    };
    let _lock = BookLock::acquire(book.root())?;
    let path = write::book_path(book.root(), &entity.file)?;
    let old = std::fs::read_to_string(&path)
        .map_err(|e| crate::commands::cannot_read(&entity.file, &e))?;
    // The file as it is now, under the lock.
    let lang = ctx.lang;
    let current = parse_client(&entity.file, &old, lang)?;

    let plan = plan(&current.contacts, items, noun, lang);
    let mut report = String::new();
    let dry = Arg::Word(if dry_run { "yes" } else { "no" });
    let mut line = |m: Msg| {
        let _ = writeln!(report, "{}", m.render(lang));
    };
    for (n, c, note) in &plan.added {
        line(msg!(
            "import-added",
            dry = dry.clone(),
            noun = Arg::Word(noun_word(noun)),
            n = *n,
            card = vcard::describe(&card_of(c)),
            id = c.id.as_str()
        ));
        if let Some(note) = note {
            line(msg!("import-added-note", text = note.as_str()));
        }
    }
    for text in &plan.same {
        line(msg!("import-same", text = text.as_str()));
    }
    for text in &plan.conflicts {
        line(msg!("import-conflict", text = text.as_str()));
    }
    for text in &plan.skipped {
        line(msg!("import-skipped", text = text.as_str()));
    }
    line(msg!(
        "import-summary",
        file = entity.file.as_str(),
        added = plan.added.len(),
        same = plan.same.len(),
        conflicts = plan.conflicts.len(),
        skipped = plan.skipped.len(),
        dry = dry
    ));
    if !plan.added.is_empty() {
        let mut text = old.clone();
        let block = edit::block_map_items(&old, "contacts");
        for (_, c, _) in &plan.added {
            text = edit::append(&text, &YamlPath::root().key("contacts"), &item(c, block))?;
        }
        let back = parse_client(&entity.file, &text, lang)?;
        let wanted = current.contacts.len() + plan.added.len();
        let ids_ok = back.contacts.len() == wanted
            && back.contacts[current.contacts.len()..]
                .iter()
                .zip(&plan.added)
                .all(|(b, (_, c, _))| b.id == c.id && b.name == c.name);
        if !ids_ok {
            return Err(crate::commands::localized(msg!(
                "import-edit-not-back",
                file = entity.file.as_str()
            )));
        }
        if !dry_run {
            write::replace(&path, text.as_bytes())?;
        }
    }
    super::super::write_stdout(report.as_bytes())?;
    Ok(Exit::Ok)
}

/// client.yaml read as a client; an error if it has an error.
fn parse_client(file: &str, text: &str, lang: Lang) -> Result<Client> {
    let mut findings = Vec::new();
    let parsed = book::parse_entity::<Client>(file, text, &mut findings);
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| {
            let (message, _) = crate::finding::in_lang(lang, f.said.as_deref(), &f.message, None);
            format!("{}: {message}", f.code)
        })
        .collect();
    match parsed {
        Some(c) if errors.is_empty() => Ok(c),
        _ => Err(crate::commands::hinted(
            msg!(
                "import-file-unread",
                file = file,
                errors = errors.join("; ")
            ),
            msg!("import-file-unread-hint"),
        )),
    }
}

/// A new contact as it goes into the file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct New {
    id: String,
    name: String,
    position: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    birthday: Option<crate::model::time::Birthday>,
    profile: Option<String>,
}

fn card_of(c: &New) -> Card {
    Card {
        name: c.name.clone(),
        emails: c.email.iter().cloned().collect(),
        phones: c.phone.iter().cloned().collect(),
        ..Card::default()
    }
}

/// What to do with each card.
#[derive(Debug, Default)]
struct Plan {
    /// Card number, the new contact, and a note on what of the card was not kept.
    added: Vec<(usize, New, Option<String>)>,
    same: Vec<String>,
    conflicts: Vec<String>,
    skipped: Vec<String>,
}

/// A phone's digits for comparison: the last ten (`+7 495…` and `8 495…` are one).
fn phone_key(p: &str) -> String {
    let digits: String = p.chars().filter(char::is_ascii_digit).collect();
    let start = digits.len().saturating_sub(10);
    digits[start..].to_owned()
}

fn email_key(e: &str) -> String {
    e.trim().to_lowercase()
}

/// A person known to the file or to this import: ID, name and the rest.
struct Known {
    id: String,
    name: String,
    position: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    birthday: Option<crate::model::time::Birthday>,
    profile: Option<String>,
}

impl Known {
    fn of(c: &Contact) -> Self {
        Known {
            id: c.id.clone(),
            name: c.name.clone(),
            position: c.position.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            birthday: c.birthday,
            profile: c.profile.clone(),
        }
    }

    /// By what the card is this contact: `("email", address)` or `("phone", number)`.
    fn matches(&self, card: &Card) -> Option<(&'static str, String)> {
        if let Some(e) = &self.email
            && card.emails.iter().any(|x| email_key(x) == email_key(e))
        {
            return Some(("email", e.clone()));
        }
        if let Some(p) = &self.phone {
            let key = phone_key(p);
            if !key.is_empty() && card.phones.iter().any(|x| phone_key(x) == key) {
                return Some(("phone", p.clone()));
            }
        }
        None
    }

    /// Where the card says something else than the contact: (field, book, card).
    fn differences(&self, card: &Card) -> Vec<(&'static str, Option<String>, String)> {
        let mut out = Vec::new();
        let mut field = |name: &'static str,
                         book: Option<String>,
                         card: Option<String>,
                         same: &dyn Fn(&str, &str) -> bool| {
            if let Some(c) = card
                && book.as_deref().is_none_or(|b| !same(b, &c))
            {
                out.push((name, book, c));
            }
        };
        let exact = |a: &str, b: &str| a.trim() == b.trim();
        field(
            "name",
            Some(self.name.clone()),
            Some(card.name.clone()),
            &exact,
        );
        field(
            "position",
            self.position.clone(),
            card.position.clone(),
            &exact,
        );
        if let Some(e) = &self.email {
            if !card.emails.iter().any(|x| email_key(x) == email_key(e)) {
                field(
                    "email",
                    Some(e.clone()),
                    card.emails.first().cloned(),
                    &exact,
                );
            }
        } else {
            field("email", None, card.emails.first().cloned(), &exact);
        }
        if let Some(p) = &self.phone {
            if !card.phones.iter().any(|x| phone_key(x) == phone_key(p)) {
                field(
                    "phone",
                    Some(p.clone()),
                    card.phones.first().cloned(),
                    &exact,
                );
            }
        } else {
            field("phone", None, card.phones.first().cloned(), &exact);
        }
        field(
            "birthday",
            self.birthday.map(|b| b.to_string()),
            card.birthday.map(|b| b.to_string()),
            &exact,
        );
        field("profile", self.profile.clone(), card.note.clone(), &exact);
        out
    }
}

/// The noun that numbers the items (`card`, `row`) as the catalogs choose by.
fn noun_word(noun: &str) -> &'static str {
    if noun == "row" { "row" } else { "card" }
}

/// Decides, card by card, what to add and what not, and why.
fn plan(
    contacts: &[Contact],
    cards: &[(usize, Result<Card, Msg>)],
    noun: &str,
    lang: Lang,
) -> Plan {
    let noun = Arg::Word(noun_word(noun));
    let mut known: Vec<Known> = contacts.iter().map(Known::of).collect();
    let mut plan = Plan::default();
    for (n, card) in cards {
        let card = match card {
            Ok(card) => card,
            Err(why) => {
                plan.skipped.push(
                    msg!(
                        "import-item",
                        noun = noun.clone(),
                        n = *n,
                        text = why.clone()
                    )
                    .render(lang),
                );
                continue;
            }
        };
        let shown = vcard::describe(card);
        if let Some((k, by)) = known.iter().find_map(|k| k.matches(card).map(|by| (k, by))) {
            let diffs = k.differences(card);
            let (by, value) = by;
            if diffs.is_empty() {
                plan.same.push(
                    msg!(
                        "import-is-known",
                        noun = noun.clone(),
                        n = *n,
                        card = shown.as_str(),
                        id = k.id.as_str(),
                        by = Arg::Word(by),
                        value = value.as_str()
                    )
                    .render(lang),
                );
            } else {
                let diffs: Vec<String> = diffs
                    .iter()
                    .map(|(field, book, card)| {
                        msg!(
                            "import-diff",
                            field = Arg::Word(field),
                            book = book.clone().map_or(Arg::Word("nothing"), Arg::Text),
                            card = card.as_str()
                        )
                        .render(lang)
                    })
                    .collect();
                plan.conflicts.push(
                    msg!(
                        "import-differs",
                        noun = noun.clone(),
                        n = *n,
                        card = shown.as_str(),
                        id = k.id.as_str(),
                        by = Arg::Word(by),
                        value = value.as_str(),
                        diffs = diffs.join("; ")
                    )
                    .render(lang),
                );
            }
            continue;
        }
        let taken = |id: &str| known.iter().any(|k| k.id == id);
        let id = match card
            .id
            .as_deref()
            .filter(|id| book::is_slug(id) && !taken(id))
        {
            Some(id) => id.to_owned(),
            None => slug::unique(&slug::slug(&card.name, "contact"), taken),
        };
        let mut dropped = Vec::new();
        if card.emails.len() > 1 {
            dropped
                .push(msg!("import-more-emails", list = card.emails[1..].join(", ")).render(lang));
        }
        if card.phones.len() > 1 {
            dropped
                .push(msg!("import-more-phones", list = card.phones[1..].join(", ")).render(lang));
        }
        let note = (!dropped.is_empty())
            .then(|| msg!("import-not-kept", dropped = dropped.join("; ")).render(lang));
        let new = New {
            id,
            name: card.name.clone(),
            position: card.position.clone(),
            email: card.emails.first().cloned(),
            phone: card.phones.first().cloned(),
            birthday: card.birthday,
            profile: card.note.clone(),
        };
        known.push(Known {
            id: new.id.clone(),
            name: new.name.clone(),
            position: new.position.clone(),
            email: new.email.clone(),
            phone: new.phone.clone(),
            birthday: new.birthday,
            profile: new.profile.clone(),
        });
        plan.added.push((*n, new, note));
    }
    plan
}

/// The contact as a list item: a block mapping among block items, else a flow one.
fn item(c: &New, block: bool) -> String {
    let mut fields: Vec<(&str, String, String)> = vec![
        ("id", yaml_id(&c.id), json(&c.id)),
        ("name", yaml_string(&c.name), json(&c.name)),
    ];
    let mut opt = |key: &'static str, v: &Option<String>| {
        if let Some(v) = v {
            fields.push((key, yaml_string(v), json(v)));
        }
    };
    opt("position", &c.position);
    opt("email", &c.email);
    opt("phone", &c.phone);
    opt("birthday", &c.birthday.map(|b| b.to_string()));
    opt("profile", &c.profile);
    if block {
        fields
            .iter()
            .map(|(k, v, _)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        let inner: Vec<String> = fields.iter().map(|(k, _, j)| format!("{k}: {j}")).collect();
        format!("{{{}}}", inner.join(", "))
    }
}

/// `s` as a YAML double-quoted scalar, safe in flow context.
fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}
