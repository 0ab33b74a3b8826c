//! The command line as clap sees it. Nothing below `commands/` sees these types:
//! `main` resolves them into a [`crate::context::Context`] and per-command options.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// rapport: an account manager's book of clients, kept as plain YAML files in git.
#[derive(Debug, Parser)]
#[command(name = "rapport", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// The book's folder (default: the nearest folder at or above the current one
    /// with a rapport.yaml).
    #[arg(long, global = true, env = "RAPPORT_BOOK", value_name = "DIR")]
    pub book: Option<PathBuf>,

    /// The date to take as today, for reproducible answers (default: today in the
    /// book's time zone).
    #[arg(long, global = true, env = "RAPPORT_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub today: Option<NaiveDate>,

    /// When to colour the output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

/// Parses a `YYYY-MM-DD` argument.
pub fn parse_date_arg(s: &str) -> Result<NaiveDate, String> {
    crate::model::time::parse_date(s).map_err(|e| match e {
        crate::model::time::DateError::Malformed => {
            format!("`{s}` is not a date: write YYYY-MM-DD")
        }
        crate::model::time::DateError::Impossible(why) => {
            format!("`{s}` is not a real date: {why}")
        }
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty, valid book (or the example book with --example).
    Init(InitArgs),
    /// Check the whole book: every file, every reference, every rule.
    Audit(AuditArgs),
    /// List the rulebook, or explain one rule: `rapport rules R02`.
    Rules(RulesArgs),
    /// List the clients: status, key, manager, curator, contracts, projects, last touch.
    Clients(ClientsArgs),
    /// Show one client's card: details, contacts, contracts, projects, history.
    Show(ShowArgs),
    /// Create a new file in the book from flags (never overwrites).
    #[command(subcommand)]
    New(NewCommand),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the book (default: the current folder).
    pub dir: Option<PathBuf>,
    /// Write the example agency book instead of an empty one.
    #[arg(long)]
    pub example: bool,
    /// Name of the agency for the new book's rapport.yaml.
    #[arg(long, value_name = "NAME")]
    pub agency: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    /// Compiler-style, with the source line and a caret.
    Human,
    /// A versioned JSON document.
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the changed files).
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when there is an error-level finding.
    Error,
    /// Exit 1 when there is a warning or an error.
    Warning,
    /// Always exit 0 when the audit ran.
    Never,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Only findings in these files, or in these clients' folders (a client ID or a
    /// path); rules still read the whole book.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    #[arg(long, value_enum, default_value_t = AuditFormat::Human)]
    pub format: AuditFormat,
    /// Which findings make the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Run only this rule (repeatable); E-codes are always reported.
    #[arg(long = "rule", value_name = "CODE")]
    pub rules: Vec<String>,
    /// Ignore every `waive:` entry.
    #[arg(long)]
    pub no_waivers: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A code (R02, D05, E03) to explain in full.
    pub code: Option<String>,
    #[arg(long, value_enum, default_value_t = TextFormat::Text)]
    pub format: TextFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct ClientsArgs {
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The client's ID (its folder name under clients/).
    pub client: String,
    #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// clients/<ID>/client.yaml with one contact.
    Client(NewClient),
    /// clients/<CLIENT>/contracts/<ID>.yaml.
    Contract(NewContract),
    /// clients/<CLIENT>/projects/<ID>.yaml.
    Project(NewProject),
    /// clients/<CLIENT>/meetings/<DATE>-<SLUG>.yaml.
    Meeting(NewMeeting),
    /// clients/<CLIENT>/log/<DATE>-<SLUG>.yaml: a letter, call or message.
    Log(NewLog),
    /// clients/<CLIENT>/invoices/<NUMBER>.yaml.
    Invoice(NewInvoice),
    /// contractors/<ID>.yaml.
    Contractor(NewContractor),
}

#[derive(Debug, Args)]
pub struct NewClient {
    /// The new client's ID: lowercase latin letters, digits, hyphens.
    pub id: String,
    #[arg(long)]
    pub name: String,
    /// The first contact, as ID=NAME (e.g. smirnov="Иван Смирнов").
    #[arg(long, value_name = "ID=NAME")]
    pub contact: String,
    #[arg(long)]
    pub key: bool,
    /// Responsible account manager (team ID).
    #[arg(long)]
    pub manager: Option<String>,
    /// Management-side curator (curator ID).
    #[arg(long)]
    pub curator: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewContract {
    pub client: String,
    /// The contract's ID (file name), e.g. 2026-017.
    pub id: String,
    /// The printed number, e.g. "17/2026".
    #[arg(long)]
    pub number: String,
    #[arg(long, value_parser = parse_date_arg)]
    pub start: NaiveDate,
    #[arg(long, value_parser = parse_date_arg)]
    pub end: NaiveDate,
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewProject {
    pub client: String,
    pub id: String,
    #[arg(long)]
    pub title: String,
    /// Contract ID within the client.
    #[arg(long)]
    pub contract: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewMeeting {
    pub client: String,
    /// When: YYYY-MM-DDTHH:MM.
    #[arg(long)]
    pub at: String,
    /// in_person, video or call.
    #[arg(long)]
    pub format: String,
    /// Client contacts present (repeatable).
    #[arg(long = "with", value_name = "CONTACT")]
    pub with: Vec<String>,
    /// Agency people present (repeatable; team IDs).
    #[arg(long = "agency", value_name = "TEAM")]
    pub agency: Vec<String>,
    /// Suffix of the file name after the date (default: the format).
    #[arg(long)]
    pub slug: Option<String>,
    #[arg(long)]
    pub place: Option<String>,
    #[arg(long)]
    pub project: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewLog {
    pub client: String,
    #[arg(long)]
    pub at: String,
    /// email, call, messenger or letter.
    #[arg(long)]
    pub channel: String,
    /// in or out.
    #[arg(long)]
    pub direction: String,
    #[arg(long)]
    pub contact: Option<String>,
    #[arg(long)]
    pub subject: Option<String>,
    #[arg(long)]
    pub slug: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewInvoice {
    pub client: String,
    /// The printed number; also the file name.
    #[arg(long)]
    pub number: String,
    #[arg(long, value_parser = parse_date_arg)]
    pub date: NaiveDate,
    /// A line as "ITEM;QTY;UNIT;PRICE" (repeatable, at least one).
    #[arg(long = "line", value_name = "ITEM;QTY;UNIT;PRICE", required = true)]
    pub lines: Vec<String>,
    #[arg(long)]
    pub contract: Option<String>,
    #[arg(long)]
    pub project: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewContractor {
    pub id: String,
    #[arg(long)]
    pub name: String,
    /// email, phone, messenger or in_person.
    #[arg(long)]
    pub preferred_channel: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub messenger: Option<String>,
}
