//! `rapport new KIND ...`: creates one file of the book from flags, with the fields
//! the format requires and those given, at the path the format prescribes.
//!
//! Nothing is written until the new text has been read back as its kind (the same
//! parser the audit uses, so a bad value gets the audit's message and suggestion),
//! every reference in it has been found in the book, and no file of that ID exists
//! under either extension. The file is then created with [`crate::write::create_new`],
//! which never overwrites.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Result, bail};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::de::DeserializeOwned;

use crate::book::{self, Book, ClientBook, Kind, is_slug};
use crate::cli::{
    NewClient, NewCommand, NewContract, NewContractor, NewInvoice, NewLog, NewMeeting, NewProject,
};
use crate::context::Context;
use crate::exit::Exit;
use crate::finding::{Finding, Location};
use crate::i18n::{Arg, Lang, Msg};
use crate::model::client::Channel;
use crate::model::{self, time};
use crate::msg;
use crate::write::scalar::{yaml_id, yaml_number, yaml_string};
use crate::write::{self, WriteError};

/// Runs `rapport new`.
pub fn run(ctx: &Context, command: &NewCommand) -> Result<Exit> {
    let root = ctx.book_root()?;
    // An invoice's number is checked against the whole book and then taken by
    // creating its file: under the book's invoice lock, as `invoice new` numbers, so
    // that two at once cannot both take one number.
    let _lock = match command {
        NewCommand::Invoice(_) => Some(crate::write::lock::BookLock::acquire(&root)?),
        _ => None,
    };
    let book = book::load_with(&root, ctx.cache)?;
    let draft = match command {
        NewCommand::Client(a) => client(&book, a, ctx.lang)?,
        NewCommand::Contract(a) => contract(&book, a, ctx.lang)?,
        NewCommand::Project(a) => project(&book, a, ctx.lang)?,
        NewCommand::Meeting(a) => meeting(&book, a, ctx.lang)?,
        NewCommand::Log(a) => log(&book, a, ctx.lang)?,
        NewCommand::Invoice(a) => invoice(&book, a, ctx.lang)?,
        NewCommand::Contractor(a) => contractor(a, ctx.lang)?,
    };
    draft.create(&root)?;
    super::say_out(ctx.lang, &msg!("created", path = draft.file.as_str()))?;
    for note in &draft.notes {
        super::note(ctx.lang, note);
    }
    Ok(Exit::Ok)
}

/// A file ready to be written: checked, not yet on disk.
struct Draft {
    /// Path relative to the book root, `/`-separated, ending in `.yaml`.
    file: String,
    text: String,
    /// What to do when the name is taken: a catalog message's id.
    taken_hint: &'static str,
    /// Things the audit will point out about the new file, said now.
    notes: Vec<Msg>,
}

impl Draft {
    fn new(file: String, doc: Doc, taken_hint: &'static str) -> Self {
        Draft {
            file,
            text: doc.text,
            taken_hint,
            notes: Vec::new(),
        }
    }

    /// Refuses a taken ID (under either extension), then creates the file.
    fn create(&self, root: &Path) -> Result<()> {
        let taken = |file: &str| {
            super::hinted(
                msg!("file-exists", file = file),
                Msg::new(self.taken_hint, Vec::new()),
            )
        };
        let stem = self.file.strip_suffix(".yaml").unwrap_or(&self.file);
        for file in [self.file.clone(), format!("{stem}.yml")] {
            if std::fs::symlink_metadata(root.join(&file)).is_ok() {
                return Err(taken(&file));
            }
        }
        match write::create_new(&write::book_path(root, &self.file)?, self.text.as_bytes()) {
            Ok(()) => Ok(()),
            Err(WriteError::Exists(_)) => Err(taken(&self.file)),
            Err(e) => Err(e.into()),
        }
    }
}

/// What a refusal names as at fault.
#[derive(Debug, Clone, Copy)]
enum Field<'a> {
    /// A flag: `--name`, or `--line 2 (`…`)`.
    Flag(&'a str),
    /// The ID of the file being created, of a kind: `client`, `contract`, `project`,
    /// `contractor`, `contact`.
    Id(&'static str),
    /// The CLIENT argument.
    Client,
    /// The NAME of `--contact ID=NAME`.
    ContactName,
}

impl Field<'_> {
    /// "invalid FIELD", as the user's language says it.
    fn invalid(self) -> Msg {
        match self {
            Field::Flag(flag) => msg!("new-invalid-flag", flag = flag),
            Field::Id(kind) => msg!("new-invalid-id", kind = Arg::Word(kind)),
            Field::Client => msg!("new-invalid-client"),
            Field::ContactName => msg!("new-invalid-contact-name"),
        }
    }
}

/// "invalid FIELD: WHY".
fn invalid(field: Field, why: Msg) -> Msg {
    msg!("new-invalid-because", invalid = field.invalid(), why = why)
}

/// YAML text being built, remembering which flag each line came from so that a
/// finding about a line can name the flag.
#[derive(Debug, Default)]
struct Doc {
    text: String,
    /// `flags[i]` produced line `i + 1`.
    flags: Vec<String>,
}

impl Doc {
    /// `key: value` at `indent` spaces; `value` is YAML already (see [`yaml_string`]).
    fn field(&mut self, flag: &str, indent: usize, key: &str, value: &str) {
        self.line(flag, &format!("{:indent$}{key}: {value}", ""));
    }

    /// A string field, quoted where YAML needs it.
    fn text(&mut self, flag: &str, indent: usize, key: &str, value: &str) {
        self.field(flag, indent, key, &yaml_string(value));
    }

    fn opt_text(&mut self, flag: &str, indent: usize, key: &str, value: Option<&String>) {
        if let Some(v) = value {
            self.text(flag, indent, key, v);
        }
    }

    /// A reference to an ID, if given (see [`yaml_id`]).
    fn opt_id(&mut self, flag: &str, indent: usize, key: &str, value: Option<&String>) {
        if let Some(v) = value {
            self.field(flag, indent, key, &yaml_id(v));
        }
    }

    /// A list of IDs: inline when every one is an ID (as the example book writes
    /// them), one per line otherwise.
    fn ids(&mut self, flag: &str, indent: usize, key: &str, ids: &[String]) {
        if ids.iter().all(|id| is_slug(id)) {
            let items: Vec<String> = ids.iter().map(|id| yaml_id(id)).collect();
            self.field(flag, indent, key, &format!("[{}]", items.join(", ")));
        } else {
            self.line(flag, &format!("{:indent$}{key}:", ""));
            for id in ids {
                self.line(flag, &format!("{:indent$}  - {}", "", yaml_string(id)));
            }
        }
    }

    fn line(&mut self, flag: &str, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
        self.flags.push(flag.to_owned());
    }

    /// Reads the text back as a `T` with the audit's parser. Any finding refuses it,
    /// naming the flag at fault.
    fn validate<T: DeserializeOwned>(&self, file: &str, lang: Lang) -> Result<T> {
        let mut findings = Vec::new();
        let value = book::parse_entity::<T>(file, &self.text, &mut findings);
        match value {
            Some(value) if findings.is_empty() => Ok(value),
            _ => bail!("{}", self.explain(&findings, lang)),
        }
    }

    /// The findings in `lang`, each naming the flag whose line it is on. Their hints
    /// say `hint:`, which the error's rendering words in `lang` (see
    /// [`super::error_text`]).
    fn explain(&self, findings: &[Finding], lang: Lang) -> String {
        let mut out = Vec::new();
        for f in findings {
            let flag = match &f.location {
                Location::Span(span) => (span.start.line as usize)
                    .checked_sub(1)
                    .and_then(|i| self.flags.get(i)),
                _ => None,
            };
            let (message, help) =
                crate::finding::in_lang(lang, f.said.as_deref(), &f.message, f.help.as_deref());
            let mut msg = match flag {
                Some(flag) => {
                    // After "invalid FLAG:" the finding's sentence goes on in lower case
                    // (Russian starts its findings with a capital; English never did).
                    let message = match lang {
                        Lang::En => format!("{message} ({})", f.code),
                        _ => format!("{} ({})", crate::wording::lower_first(&message), f.code),
                    };
                    msg!(
                        "new-invalid-because",
                        invalid = Field::Flag(flag).invalid(),
                        why = message
                    )
                    .render(lang)
                }
                None => format!("{message} ({})", f.code),
            };
            if let Some(help) = help {
                let _ = write!(msg, "\nhint: {help}");
            }
            out.push(msg);
        }
        if out.is_empty() {
            out.push(crate::i18n::say(lang, "new-not-yaml"));
        }
        out.join("\n")
    }
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn datetime(at: NaiveDateTime) -> String {
    if at.second() == 0 {
        at.format("%Y-%m-%dT%H:%M").to_string()
    } else {
        at.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

/// Parses `--at`.
fn parse_at(s: &str) -> Result<NaiveDateTime> {
    time::parse_datetime(s).map_err(|e| {
        super::localized(invalid(
            Field::Flag("--at"),
            match e {
                time::DateError::Malformed => msg!("new-at-malformed", at = s),
                time::DateError::Impossible(why) => {
                    msg!(
                        "new-at-impossible",
                        at = s,
                        why = book::impossible_date(&why)
                    )
                }
            },
        ))
    })
}

/// Refuses an ID that is not a slug.
fn require_slug(field: Field, what: &'static str, id: &str) -> Result<()> {
    if !is_slug(id) {
        let error = match field {
            // The ID being created: Russian says "ID клиента `X` не годится", not the
            // kind twice.
            Field::Id(kind) => msg!("new-bad-id", kind = Arg::Word(kind), id = id),
            _ => invalid(
                field,
                msg!("new-not-an-id", id = id, what = Arg::Word(what)),
            ),
        };
        return Err(super::hinted(
            error,
            msg!("new-not-an-id-hint", example = slugify_hint(id)),
        ));
    }
    Ok(())
}

/// A guess at what the user meant as an ID, for hints: lowercase, other characters
/// turned into hyphens. Falls back to a generic example.
fn slugify_hint(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if is_slug(out) {
        out.chars().take(64).collect()
    } else {
        "romashka-2026".to_owned()
    }
}

/// Refuses text that is empty or blank.
fn require_text(field: Field, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(super::localized(invalid(field, msg!("new-empty"))));
    }
    Ok(())
}

/// Where a reference is looked up: rapport.yaml, or a client's folder.
#[derive(Debug, Clone, Copy)]
enum Place<'a> {
    Settings,
    Client(&'a str),
}

/// Refuses a reference to nothing, suggesting the nearest known ID. `noun` names what
/// is referred to (`team`, `curator`, `contact`, `contract`, `project`).
fn check_ref(flag: &str, id: &str, noun: &'static str, place: Place, known: &[&str]) -> Result<()> {
    if known.contains(&id) {
        return Ok(());
    }
    let (error, none) = match place {
        Place::Settings => (
            msg!("new-no-ref-in-settings", noun = Arg::Word(noun), id = id),
            msg!("new-none-in-settings", noun = Arg::Word(noun)),
        ),
        Place::Client(client) => (
            msg!(
                "new-no-ref-in-client",
                noun = Arg::Word(noun),
                id = id,
                client = client
            ),
            msg!(
                "new-none-in-client",
                noun = Arg::Word(noun),
                client = client
            ),
        ),
    };
    let hint = super::hint_for(id, known, none, known_ids);
    Err(super::hinted(invalid(Field::Flag(flag), error), hint))
}

/// "known: a, b, c".
fn known_ids(ids: &[&str]) -> Msg {
    msg!("load-known", ids = ids.join(", "))
}

/// The client `id`, which must exist with a readable client.yaml.
fn find_client<'b>(book: &'b Book, id: &str) -> Result<&'b ClientBook> {
    match book.client(id) {
        Some(c) if c.client.is_some() || c.client_broken => Ok(c),
        Some(_) => Err(super::hinted(
            invalid(Field::Client, msg!("new-client-folder-only", id = id)),
            msg!("new-client-folder-only-hint", id = id),
        )),
        None => {
            let known: Vec<&str> = book.clients.iter().map(|c| c.id.as_str()).collect();
            let hint = super::hint_for(id, &known, msg!("new-no-clients-yet"), known_ids);
            Err(super::hinted(
                invalid(Field::Client, msg!("new-no-client", id = id)),
                hint,
            ))
        }
    }
}

/// "cannot check FLAG: FILE does not read", with the hint to audit it.
fn cannot_check(flag: &str, file: &str) -> anyhow::Error {
    super::hinted(
        msg!("new-cannot-check", flag = flag, file = file),
        msg!("new-cannot-check-hint"),
    )
}

/// The contact IDs of a client, or an error if its client.yaml does not read.
fn contacts<'b>(client: &'b ClientBook, flag: &str) -> Result<Vec<&'b str>> {
    if client.client_broken {
        return Err(cannot_check(
            flag,
            &format!("clients/{}/client.yaml", client.id),
        ));
    }
    Ok(client
        .client
        .iter()
        .flat_map(|c| c.data.contacts.iter().map(|p| p.id.as_str()))
        .collect())
}

fn settings<'b>(book: &'b Book, flag: &str) -> Result<&'b model::Settings> {
    book.settings
        .as_ref()
        .ok_or_else(|| cannot_check(flag, "rapport.yaml"))
}

fn team<'b>(book: &'b Book, flag: &str) -> Result<Vec<&'b str>> {
    Ok(settings(book, flag)?
        .team
        .iter()
        .map(|m| m.id.as_str())
        .collect())
}

fn check_present(client: &ClientBook, flag: &str, kind: Kind, id: Option<&String>) -> Result<()> {
    match id {
        Some(id) => check_ref(
            flag,
            id,
            kind.noun(),
            Place::Client(&client.id),
            &client.ids(kind).collect::<Vec<_>>(),
        ),
        None => Ok(()),
    }
}

fn client_file(client: &str, kind: Kind, id: &str) -> String {
    let folder = kind.folder().unwrap_or_default();
    format!("clients/{client}/{folder}/{id}.yaml")
}

/// A dated ID: `YYYY-MM-DD-SLUG`, the slug from `--slug` or the enum value.
fn dated_id(day: NaiveDate, slug: Option<&String>, value: &str) -> Result<String> {
    let slug = match slug {
        Some(s) => {
            require_slug(Field::Flag("--slug"), "file-name", s)?;
            s.clone()
        }
        None => value.replace('_', "-"),
    };
    let id = format!("{}-{slug}", date(day));
    if !is_slug(&id) {
        return Err(super::localized(invalid(
            Field::Flag("--slug"),
            msg!("new-slug-too-long", id = id.as_str()),
        )));
    }
    Ok(id)
}

fn client_doc(a: &NewClient, contact_id: &str, contact_name: &str) -> Doc {
    let mut doc = Doc::default();
    doc.text("--name", 0, "name", &a.name);
    if a.key {
        doc.field("--key", 0, "key", "true");
    }
    doc.opt_id("--manager", 0, "manager", a.manager.as_ref());
    doc.opt_id("--curator", 0, "curator", a.curator.as_ref());
    doc.line("--contact", "contacts:");
    doc.field("--contact", 2, "- id", &yaml_id(contact_id));
    doc.text("--contact", 4, "name", contact_name);
    doc
}

fn client(book: &Book, a: &NewClient, lang: Lang) -> Result<Draft> {
    require_slug(Field::Id("client"), "client", &a.id)?;
    require_text(Field::Flag("--name"), &a.name)?;
    let Some((contact_id, contact_name)) = a.contact.split_once('=') else {
        return Err(super::hinted(
            invalid(
                Field::Flag("--contact"),
                msg!("new-contact-malformed", contact = a.contact.as_str()),
            ),
            msg!("new-contact-malformed-hint"),
        ));
    };
    let (contact_id, contact_name) = (contact_id.trim(), contact_name.trim());
    require_slug(Field::Flag("--contact"), "contact", contact_id)?;
    require_text(Field::ContactName, contact_name)?;
    let file = format!("clients/{}/client.yaml", a.id);
    let doc = client_doc(a, contact_id, contact_name);
    doc.validate::<model::Client>(&file, lang)?;
    if let Some(m) = &a.manager {
        check_ref(
            "--manager",
            m,
            "team",
            Place::Settings,
            &team(book, "--manager")?,
        )?;
    }
    if let Some(c) = &a.curator {
        let curators: Vec<&str> = settings(book, "--curator")?
            .curators
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        check_ref("--curator", c, "curator", Place::Settings, &curators)?;
    }
    let mut draft = Draft::new(file, doc, "taken-client");
    if a.key && a.curator.is_none() {
        draft.notes.push(msg!("key-client-no-curator"));
    }
    Ok(draft)
}

fn contract_doc(a: &NewContract) -> Doc {
    let mut doc = Doc::default();
    doc.text("--number", 0, "number", &a.number);
    doc.opt_text("--title", 0, "title", a.title.as_ref());
    doc.field("--start", 0, "start", &date(a.start));
    doc.field("--end", 0, "end", &date(a.end));
    doc
}

fn contract(book: &Book, a: &NewContract, lang: Lang) -> Result<Draft> {
    require_slug(Field::Id("contract"), "contract", &a.id)?;
    let client = find_client(book, &a.client)?;
    require_text(Field::Flag("--number"), &a.number)?;
    if a.end < a.start {
        return Err(super::localized(invalid(
            Field::Flag("--end"),
            msg!(
                "new-contract-ends-first",
                end = Arg::FullDate(a.end),
                start = Arg::FullDate(a.start)
            ),
        )));
    }
    let file = client_file(&client.id, Kind::Contract, &a.id);
    let doc = contract_doc(a);
    doc.validate::<model::Contract>(&file, lang)?;
    Ok(Draft::new(file, doc, "taken-contract"))
}

fn project(book: &Book, a: &NewProject, lang: Lang) -> Result<Draft> {
    require_slug(Field::Id("project"), "project", &a.id)?;
    let client = find_client(book, &a.client)?;
    require_text(Field::Flag("--title"), &a.title)?;
    let file = client_file(&client.id, Kind::Project, &a.id);
    let mut doc = Doc::default();
    doc.text("--title", 0, "title", &a.title);
    doc.opt_id("--contract", 0, "contract", a.contract.as_ref());
    doc.validate::<model::Project>(&file, lang)?;
    check_present(client, "--contract", Kind::Contract, a.contract.as_ref())?;
    Ok(Draft::new(file, doc, "taken-project"))
}

fn meeting(book: &Book, a: &NewMeeting, lang: Lang) -> Result<Draft> {
    let client = find_client(book, &a.client)?;
    let at = parse_at(&a.at)?;
    let mut doc = Doc::default();
    doc.field("--at", 0, "at", &datetime(at));
    doc.text("--format", 0, "format", &a.format);
    doc.opt_text("--place", 0, "place", a.place.as_ref());
    doc.opt_id("--project", 0, "project", a.project.as_ref());
    if !a.with.is_empty() || !a.agency.is_empty() {
        doc.line("--with", "attendees:");
        if !a.with.is_empty() {
            doc.ids("--with", 2, "client", &a.with);
        }
        if !a.agency.is_empty() {
            doc.ids("--agency", 2, "agency", &a.agency);
        }
    }
    let probe = client_file(&client.id, Kind::Meeting, "new");
    let meeting = doc.validate::<model::Meeting>(&probe, lang)?;
    let id = dated_id(at.date(), a.slug.as_ref(), meeting.format.as_str())?;
    if !a.with.is_empty() {
        let known = contacts(client, "--with")?;
        for c in &a.with {
            check_ref("--with", c, "contact", Place::Client(&client.id), &known)?;
        }
    }
    if !a.agency.is_empty() {
        let known = team(book, "--agency")?;
        for m in &a.agency {
            check_ref("--agency", m, "team", Place::Settings, &known)?;
        }
    }
    check_present(client, "--project", Kind::Project, a.project.as_ref())?;
    Ok(Draft::new(
        client_file(&client.id, Kind::Meeting, &id),
        doc,
        "taken-meeting",
    ))
}

fn log(book: &Book, a: &NewLog, lang: Lang) -> Result<Draft> {
    let client = find_client(book, &a.client)?;
    let at = parse_at(&a.at)?;
    let mut doc = Doc::default();
    doc.field("--at", 0, "at", &datetime(at));
    doc.text("--channel", 0, "channel", &a.channel);
    doc.text("--direction", 0, "direction", &a.direction);
    doc.opt_id("--contact", 0, "contact", a.contact.as_ref());
    doc.opt_text("--subject", 0, "subject", a.subject.as_ref());
    let probe = client_file(&client.id, Kind::Log, "new");
    let entry = doc.validate::<model::LogEntry>(&probe, lang)?;
    let id = dated_id(at.date(), a.slug.as_ref(), entry.channel.as_str())?;
    if let Some(c) = &a.contact {
        let known = contacts(client, "--contact")?;
        check_ref("--contact", c, "contact", Place::Client(&client.id), &known)?;
    }
    Ok(Draft::new(
        client_file(&client.id, Kind::Log, &id),
        doc,
        "taken-log",
    ))
}

/// One `--line ITEM;QTY;UNIT;PRICE`, trimmed; QTY and UNIT may be empty: as `invoice
/// new` reads it.
fn invoice_line(line: &str) -> Result<(&str, &str, &str, &str)> {
    super::invoice::new::split_line(line)
}

fn invoice(book: &Book, a: &NewInvoice, lang: Lang) -> Result<Draft> {
    let client = find_client(book, &a.client)?;
    require_text(Field::Flag("--number"), &a.number)?;
    if !is_slug(&a.number) {
        let pattern = book
            .settings
            .as_ref()
            .map_or("{year}-{seq:04}", |s| s.invoice.number.as_str());
        return Err(super::hinted(
            invalid(
                Field::Flag("--number"),
                msg!("new-invoice-number-not-an-id", number = a.number.as_str()),
            ),
            msg!(
                "new-invoice-number-not-an-id-hint",
                year = a.date.year().to_string(),
                pattern = pattern
            ),
        ));
    }
    let mut doc = Doc::default();
    doc.text("--number", 0, "number", &a.number);
    doc.field("--date", 0, "date", &date(a.date));
    doc.opt_id("--contract", 0, "contract", a.contract.as_ref());
    doc.opt_id("--project", 0, "project", a.project.as_ref());
    doc.line("--line", "lines:");
    for (i, line) in a.lines.iter().enumerate() {
        let flag = format!("--line {} (`{line}`)", i + 1);
        let (item, qty, unit, price) = invoice_line(line)?;
        doc.text(&flag, 2, "- item", item);
        if !qty.is_empty() {
            doc.field(&flag, 4, "qty", &yaml_number(qty));
        }
        if !unit.is_empty() {
            doc.text(&flag, 4, "unit", unit);
        }
        doc.field(&flag, 4, "price", &yaml_number(price));
    }
    let file = client_file(&client.id, Kind::Invoice, &a.number);
    doc.validate::<model::Invoice>(&file, lang)?;
    check_present(client, "--contract", Kind::Contract, a.contract.as_ref())?;
    check_present(client, "--project", Kind::Project, a.project.as_ref())?;
    let year = a.date.year();
    for other in &book.clients {
        for inv in &other.invoices {
            // The file of the same name is refused below, as taken.
            if inv.file != file && inv.data.number == a.number && inv.data.date.0.year() == year {
                return Err(super::hinted(
                    invalid(
                        Field::Flag("--number"),
                        msg!(
                            "new-invoice-number-taken",
                            number = a.number.as_str(),
                            year = year.to_string(),
                            file = inv.file.as_str()
                        ),
                    ),
                    msg!("new-invoice-number-taken-hint"),
                ));
            }
        }
    }
    Ok(Draft::new(file, doc, "taken-invoice"))
}

fn contractor(a: &NewContractor, lang: Lang) -> Result<Draft> {
    require_slug(Field::Id("contractor"), "contractor", &a.id)?;
    require_text(Field::Flag("--name"), &a.name)?;
    let file = format!("contractors/{}.yaml", a.id);
    let mut doc = Doc::default();
    doc.text("--name", 0, "name", &a.name);
    doc.opt_text(
        "--preferred-channel",
        0,
        "preferred_channel",
        a.preferred_channel.as_ref(),
    );
    doc.opt_text("--email", 0, "email", a.email.as_ref());
    doc.opt_text("--phone", 0, "phone", a.phone.as_ref());
    doc.opt_text("--messenger", 0, "messenger", a.messenger.as_ref());
    let parsed = doc.validate::<model::Contractor>(&file, lang)?;
    let mut draft = Draft::new(file, doc, "taken-contractor");
    let needs = |flag: &str| Some(msg!("contractor-channel-needs", flag = flag));
    let missing = match parsed.preferred_channel {
        None => Some(msg!("contractor-no-channel")),
        Some(Channel::Email) if a.email.is_none() => needs("--email"),
        Some(Channel::Phone) if a.phone.is_none() => needs("--phone"),
        Some(Channel::Messenger) if a.messenger.is_none() => needs("--messenger"),
        _ => None,
    };
    draft.notes.extend(missing);
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cyrillic_client_reads_back_exactly() {
        let a = NewClient {
            id: "romashka".into(),
            name: "ООО \"Ромашка\": №1 # лучшие".into(),
            contact: String::new(),
            key: true,
            manager: Some("petrov".into()),
            curator: None,
        };
        let doc = client_doc(&a, "smirnov", "Иван Смирнов-Щедрин");
        let client = doc
            .validate::<model::Client>("clients/romashka/client.yaml", Lang::En)
            .expect("valid");
        assert_eq!(client.name, a.name);
        assert!(client.key);
        assert_eq!(client.contacts[0].id, "smirnov");
        assert_eq!(client.contacts[0].name, "Иван Смирнов-Щедрин");
        assert_eq!(
            doc.text,
            "name: \"ООО \\\"Ромашка\\\": №1 # лучшие\"\nkey: true\nmanager: petrov\ncontacts:\n  - id: smirnov\n    name: Иван Смирнов-Щедрин\n"
        );
    }

    #[test]
    fn a_contract_number_stays_text() {
        let a = NewContract {
            client: "x".into(),
            id: "2026-017".into(),
            number: "17/2026".into(),
            start: NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
            end: NaiveDate::from_ymd_opt(2026, 12, 31).expect("date"),
            title: Some("Дизайн: поддержка".into()),
        };
        let doc = contract_doc(&a);
        let c = doc
            .validate::<model::Contract>("c.yaml", Lang::En)
            .expect("valid");
        assert_eq!(c.number, "17/2026");
        assert_eq!(c.title.as_deref(), Some("Дизайн: поддержка"));
        assert_eq!(
            doc.text,
            "number: \"17/2026\"\ntitle: \"Дизайн: поддержка\"\nstart: 2026-01-01\nend: 2026-12-31\n"
        );
    }

    #[test]
    fn a_bad_value_names_its_flag_and_the_suggestion() {
        let mut doc = Doc::default();
        doc.field("--at", 0, "at", "2026-11-20T15:00");
        doc.text("--format", 0, "format", "video2");
        let err = doc
            .validate::<model::Meeting>("m.yaml", Lang::En)
            .expect_err("bad format");
        assert_eq!(
            err.to_string(),
            "invalid --format: `video2` is not one of `in_person`, `video`, `call` (E02)\nhint: did you mean `video`?"
        );
    }

    #[test]
    fn invoice_lines_split_from_the_right() {
        assert_eq!(
            invoice_line("Дизайн; упаковка;3;SKU;75000").expect("ok"),
            ("Дизайн; упаковка", "3", "SKU", "75000")
        );
        assert_eq!(
            invoice_line(" Аванс ;;; 150000 ").expect("ok"),
            ("Аванс", "", "", "150000")
        );
        assert!(invoice_line("Аванс;150000").is_err());
        assert!(invoice_line(";1;шт;5").is_err());
    }

    #[test]
    fn slug_hints() {
        assert_eq!(slugify_hint("Romashka LLC"), "romashka-llc");
        assert_eq!(slugify_hint("Ромашка"), "romashka-2026");
        assert_eq!(slugify_hint("_x_"), "x");
    }
}
