//! The book in memory: every entity with the file it came from, and the findings
//! that loading produced. `load` is the only place that reads the file system.

mod check;
mod links;
mod load;
mod lookup;
mod parse;
mod snapshot;
mod yaml_words;

use std::path::{Path, PathBuf};

use crate::finding::Finding;
use crate::model::{
    Act, Client, Contract, Contractor, Invoice, LogEntry, Meeting, Project, Settings,
};

pub use links::within;
pub use load::{
    MAX_FILE_BYTES, SETTINGS_FILE, find_root, io_reason, load, load_client, load_reusing,
    load_snapshot, load_with,
};
pub use lookup::{NoClient, currency, find_client, invoice_totals, vat_contract, wants_originals};
pub use parse::{is_slug, parse_entity};
pub use snapshot::{Given, Snapshot};
pub use yaml_words::impossible as impossible_date;

/// The kinds of file a book holds (`rapport schema KIND` takes them by name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Kind {
    /// rapport.yaml
    Settings,
    /// clients/<client>/client.yaml
    Client,
    /// clients/<client>/contracts/<id>.yaml
    Contract,
    /// clients/<client>/projects/<id>.yaml
    Project,
    /// clients/<client>/meetings/<id>.yaml
    Meeting,
    /// clients/<client>/log/<id>.yaml
    Log,
    /// clients/<client>/invoices/<id>.yaml
    Invoice,
    /// clients/<client>/acts/<id>.yaml
    Act,
    /// contractors/<id>.yaml
    Contractor,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Settings,
        Kind::Client,
        Kind::Contract,
        Kind::Project,
        Kind::Meeting,
        Kind::Log,
        Kind::Invoice,
        Kind::Act,
        Kind::Contractor,
    ];

    /// The kind's name, as `rapport schema KIND` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Settings => "settings",
            Kind::Client => "client",
            Kind::Contract => "contract",
            Kind::Project => "project",
            Kind::Meeting => "meeting",
            Kind::Log => "log",
            Kind::Invoice => "invoice",
            Kind::Act => "act",
            Kind::Contractor => "contractor",
        }
    }

    /// The schema's file name: `meeting.schema.json`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }

    /// Where files of this kind are in a book.
    pub fn place(self) -> &'static str {
        match self {
            Kind::Settings => "rapport.yaml",
            Kind::Client => "clients/<client>/client.yaml",
            Kind::Contract => "clients/<client>/contracts/<id>.yaml",
            Kind::Project => "clients/<client>/projects/<id>.yaml",
            Kind::Meeting => "clients/<client>/meetings/<id>.yaml",
            Kind::Log => "clients/<client>/log/<id>.yaml",
            Kind::Invoice => "clients/<client>/invoices/<id>.yaml",
            Kind::Act => "clients/<client>/acts/<id>.yaml",
            Kind::Contractor => "contractors/<id>.yaml",
        }
    }

    /// Globs of the files of this kind, relative to the book's root, as editors match
    /// them (`.yaml` and `.yml` are both read).
    pub fn globs(self) -> &'static [&'static str] {
        match self {
            Kind::Settings => &["rapport.yaml"],
            Kind::Client => &["clients/*/client.yaml", "clients/*/client.yml"],
            Kind::Contract => &["clients/*/contracts/*.yaml", "clients/*/contracts/*.yml"],
            Kind::Project => &["clients/*/projects/*.yaml", "clients/*/projects/*.yml"],
            Kind::Meeting => &["clients/*/meetings/*.yaml", "clients/*/meetings/*.yml"],
            Kind::Log => &["clients/*/log/*.yaml", "clients/*/log/*.yml"],
            Kind::Invoice => &["clients/*/invoices/*.yaml", "clients/*/invoices/*.yml"],
            Kind::Act => &["clients/*/acts/*.yaml", "clients/*/acts/*.yml"],
            Kind::Contractor => &["contractors/*.yaml", "contractors/*.yml"],
        }
    }

    /// What a file of this kind holds, as its JSON Schema describes it.
    pub fn summary(self) -> &'static str {
        match self {
            Kind::Settings => {
                "The settings of a book: the agency, its calendar, team, curators, services and rules."
            }
            Kind::Client => "One client: legal details, contacts, key flag.",
            Kind::Contract => "One contract or supplementary agreement.",
            Kind::Project => {
                "One deal or project, from lead to done: stage, estimate, budget, tasks, brief, feedback."
            }
            Kind::Meeting => "One meeting and its report.",
            Kind::Log => "One touch: a letter, call or message, in or out.",
            Kind::Invoice => "One invoice and the payments against it.",
            Kind::Act => {
                "One act of work done: what it closes, when it was sent, signed and its originals came back."
            }
            Kind::Contractor => "One outside contractor.",
        }
    }

    /// The folder under `clients/<client>/` that holds this kind, for per-client kinds.
    pub fn folder(self) -> Option<&'static str> {
        match self {
            Kind::Contract => Some("contracts"),
            Kind::Project => Some("projects"),
            Kind::Meeting => Some("meetings"),
            Kind::Log => Some("log"),
            Kind::Invoice => Some("invoices"),
            Kind::Act => Some("acts"),
            Kind::Settings | Kind::Client | Kind::Contractor => None,
        }
    }

    pub fn from_folder(folder: &str) -> Option<Kind> {
        [
            Kind::Contract,
            Kind::Project,
            Kind::Meeting,
            Kind::Log,
            Kind::Invoice,
            Kind::Act,
        ]
        .into_iter()
        .find(|k| k.folder() == Some(folder))
    }

    /// The word for one entity of this kind, as used in messages.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Settings => "settings",
            Kind::Client => "client",
            Kind::Contract => "contract",
            Kind::Project => "project",
            Kind::Meeting => "meeting",
            Kind::Log => "log entry",
            Kind::Invoice => "invoice",
            Kind::Act => "act",
            Kind::Contractor => "contractor",
        }
    }
}

/// One entity and where it was read from.
#[derive(Debug, Clone)]
pub struct Entity<T> {
    /// The ID: the file stem (the folder name for a client).
    pub id: String,
    /// The file, relative to the book root, `/`-separated.
    pub file: String,
    pub data: T,
}

/// Everything under `clients/<id>/`.
#[derive(Debug, Clone, Default)]
pub struct ClientBook {
    pub id: String,
    /// `client.yaml`, where it exists and reads.
    pub client: Option<Entity<Client>>,
    /// True when `client.yaml` exists but could not be read: references to its
    /// contacts cannot be checked.
    pub client_broken: bool,
    pub contracts: Vec<Entity<Contract>>,
    pub projects: Vec<Entity<Project>>,
    pub meetings: Vec<Entity<Meeting>>,
    pub log: Vec<Entity<LogEntry>>,
    pub invoices: Vec<Entity<Invoice>>,
    pub acts: Vec<Entity<Act>>,
    /// IDs of every file present per kind, read or not (a reference to a file that
    /// exists but is broken is not dangling).
    pub present: Vec<(Kind, String)>,
}

impl ClientBook {
    /// Does a file of `kind` with this ID exist in this client's folder?
    pub fn has(&self, kind: Kind, id: &str) -> bool {
        self.present
            .binary_search_by(|(k, i)| (*k, i.as_str()).cmp(&(kind, id)))
            .is_ok()
    }

    /// The IDs of the files of `kind` in this client's folder, in order.
    pub fn ids(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.present
            .iter()
            .filter(move |(k, _)| *k == kind)
            .map(|(_, id)| id.as_str())
    }

    /// The client's name, else its ID (when client.yaml does not read).
    pub fn name(&self) -> &str {
        self.client
            .as_ref()
            .map_or(self.id.as_str(), |c| c.data.name.as_str())
    }

    pub fn contact(&self, id: &str) -> Option<&crate::model::Contact> {
        self.client
            .as_ref()
            .and_then(|c| c.data.contacts.iter().find(|p| p.id == id))
    }
}

/// A book file, whose text is read again from disk when first asked for (to show a
/// finding in context): keeping the text of every file would double the memory a
/// large book takes.
#[derive(Debug)]
pub struct Source {
    pub file: String,
    /// The hash of the bytes read, when the book was loaded through the cache.
    pub hash: Option<u64>,
    text: std::sync::OnceLock<Option<String>>,
}

impl Source {
    pub fn new(file: String, hash: Option<u64>) -> Self {
        Source {
            file,
            hash,
            text: std::sync::OnceLock::new(),
        }
    }
}

/// A loaded book.
#[derive(Debug, Default)]
pub struct Book {
    pub root: PathBuf,
    /// `rapport.yaml`, where it reads.
    pub settings: Option<Settings>,
    /// Sorted by ID.
    pub clients: Vec<ClientBook>,
    /// Sorted by ID.
    pub contractors: Vec<Entity<Contractor>>,
    /// IDs of every contractor file present, sorted.
    pub contractor_ids: Vec<String>,
    /// What loading found wrong with the book (E-codes).
    pub findings: Vec<Finding>,
    /// Every book file, sorted by path.
    pub sources: Vec<Source>,
    /// Loaded through the parse cache: the caches may be read and written.
    pub cached: bool,
}

impl Book {
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn client(&self, id: &str) -> Option<&ClientBook> {
        self.clients
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.clients[i])
    }

    pub fn contractor(&self, id: &str) -> Option<&Entity<Contractor>> {
        self.contractors
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.contractors[i])
    }

    pub fn source(&self, file: &str) -> Option<&str> {
        self.source_file(file).and_then(|s| {
            s.text
                .get_or_init(|| load::read_source(&self.root, file))
                .as_deref()
        })
    }

    /// The book file `file`, if the book has it.
    pub fn source_file(&self, file: &str) -> Option<&Source> {
        self.sources
            .binary_search_by(|s| s.file.as_str().cmp(file))
            .ok()
            .map(|i| &self.sources[i])
    }

    /// The files under `clients/<id>/`: a contiguous run of [`Book::sources`], found by
    /// binary search (a scan per client would make listing every client quadratic).
    pub fn client_sources(&self, id: &str) -> &[Source] {
        let prefix = format!("clients/{id}/");
        let start = self
            .sources
            .partition_point(|s| s.file.as_str() < prefix.as_str());
        let len = self.sources[start..].partition_point(|s| s.file.starts_with(&prefix));
        &self.sources[start..start + len]
    }

    /// Each client whose `client.yaml` reads: its ID and data, sorted by ID.
    pub fn client_data(&self) -> Vec<(&str, &crate::model::Client)> {
        self.clients
            .iter()
            .filter_map(|c| c.client.as_ref().map(|e| (c.id.as_str(), &e.data)))
            .collect()
    }

    /// The agency's catalogue of services (`services` in rapport.yaml).
    pub fn catalogue(&self) -> &[crate::model::settings::Service] {
        self.settings.as_ref().map_or(&[], |s| &s.services)
    }

    /// The client whose folder holds `file` (`clients/<id>/…`).
    pub fn client_of(&self, file: &str) -> Option<&ClientBook> {
        let id = file.strip_prefix("clients/")?.split('/').next()?;
        self.client(id)
    }

    /// The name of the team member `id`, if the book has one.
    pub fn team_name(&self, id: &str) -> Option<&str> {
        self.settings
            .as_ref()
            .and_then(|s| s.team.iter().find(|m| m.id == id))
            .map(|m| m.name.as_str())
    }

    /// The name of whoever `id` names — a team member, a contractor, or (with
    /// `client`) a contact of that client — else the ID itself: what every message
    /// shows of a person.
    pub fn person_name<'a>(&'a self, client: Option<&'a ClientBook>, id: &'a str) -> &'a str {
        self.team_name(id)
            .or_else(|| self.contractor(id).map(|c| c.data.name.as_str()))
            .or_else(|| client.and_then(|c| c.contact(id)).map(|p| p.name.as_str()))
            .unwrap_or(id)
    }

    /// Is `id` a member of the team?
    pub fn is_team(&self, id: &str) -> bool {
        self.settings
            .as_ref()
            .is_some_and(|s| s.team.iter().any(|m| m.id == id))
    }
}
