//! The command line as clap sees it. Nothing below `commands/` sees these types:
//! `main` resolves them into a [`crate::context::Context`] and per-command options.

use std::fmt;
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

    /// Parse every file anew, without reading or writing the parse cache
    /// (.rapport/cache/).
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// The language rapport speaks in: else RAPPORT_LANG, else the book's `locale`,
    /// else LANG (ru_RU.UTF-8 is Russian, anything else English). Documents and
    /// letters follow the book's or the client's `locale` whatever this says.
    #[arg(
        long,
        global = true,
        env = "RAPPORT_LANG",
        value_enum,
        value_name = "LANG"
    )]
    pub lang: Option<LangChoice>,

    #[command(subcommand)]
    pub command: Command,
}

/// Parses a `YYYY-MM-DD` argument.
pub fn parse_date_arg(s: &str) -> Result<NaiveDate, DateArgError> {
    crate::model::time::parse_date(s).map_err(|error| DateArgError {
        text: s.to_owned(),
        with_time: false,
        error,
    })
}

/// Parses a `YYYY-MM-DDTHH:MM` argument.
pub fn parse_datetime_arg(s: &str) -> Result<chrono::NaiveDateTime, DateArgError> {
    crate::model::time::parse_datetime(s).map_err(|error| DateArgError {
        text: s.to_owned(),
        with_time: true,
        error,
    })
}

/// A date (or date and time) on the command line that is none, as facts: clap prints
/// its [`fmt::Display`] (English) in its own error, and `cli_error` words it in
/// another language from [`DateArgError::said`].
#[derive(Debug)]
pub struct DateArgError {
    text: String,
    with_time: bool,
    error: crate::model::time::DateError,
}

impl DateArgError {
    /// Why the value is refused, for the error's end ("invalid value … for …: WHY").
    pub fn said(&self) -> crate::i18n::Msg {
        match &self.error {
            crate::model::time::DateError::Malformed => crate::msg!(
                "clap-not-a-date",
                kind = crate::i18n::Arg::Word(if self.with_time { "datetime" } else { "date" })
            ),
            crate::model::time::DateError::Impossible(why) => crate::book::impossible_date(why),
        }
    }
}

impl fmt::Display for DateArgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.text;
        match (&self.error, self.with_time) {
            (crate::model::time::DateError::Malformed, false) => {
                write!(f, "`{s}` is not a date: write YYYY-MM-DD")
            }
            (crate::model::time::DateError::Malformed, true) => {
                write!(f, "`{s}` is not a date and time: write YYYY-MM-DDTHH:MM")
            }
            (crate::model::time::DateError::Impossible(why), false) => {
                write!(f, "`{s}` is not a real date: {why}")
            }
            (crate::model::time::DateError::Impossible(why), true) => {
                write!(f, "`{s}` is not a real date and time: {why}")
            }
        }
    }
}

impl std::error::Error for DateArgError {}

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangChoice {
    /// English.
    En,
    /// Russian.
    Ru,
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
    /// Meeting reports: draft the minutes of a meeting, record that they were sent.
    #[command(subcommand)]
    Meeting(MeetingCommand),
    /// What to do today and in the next days: reports, answers, promises, deadlines,
    /// birthdays, notice dates, invoices, meetings.
    Agenda(AgendaArgs),
    /// Key clients' results for their management curator: meetings, projects, money,
    /// contracts, open audit errors.
    Digest(DigestArgs),
    /// Active contracts by renewal notice date: missed windows first, then what is due.
    Renewals(RenewalsArgs),
    /// Record a renewal decision in a contract file; for `renew`, draft the next contract.
    Renew(RenewArgs),
    /// Every project's money: estimate, budget, costs, remaining, invoiced and paid.
    Budget(BudgetArgs),
    /// Render a project's preliminary estimate as a document for the client.
    Estimate(EstimateArgs),
    /// A reconciliation statement (акт сверки) of a client's invoices and payments over
    /// a period: opening balance, each document, turnover, closing balance.
    Reconcile(ReconcileArgs),
    /// An iCalendar feed of meetings, deadlines, notice dates, invoices and birthdays.
    Calendar(CalendarArgs),
    /// Per active client, the services most clients buy that this one does not.
    Upsell(UpsellArgs),
    /// Invoices: issue the next one, render it (PDF, HTML, Markdown), record a payment.
    #[command(subcommand)]
    Invoice(InvoiceCommand),
    /// Every invoice with what is owed and since when, and the aging of the debt.
    Invoices(InvoicesArgs),
    /// Write the book out for other tools: `export sqlite FILE.db`, an SQLite database
    /// of every entity, the audit's findings and views for everyday questions;
    /// `export vcard`, the contacts for phones and mail programs.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Bring contacts in from phones and mail programs: `import vcard FILE.vcf --client
    /// ID` (new contacts only; nothing in the book is overwritten).
    #[command(subcommand)]
    Import(ImportCommand),
    /// Acts of work done: draw up the next one, render it (PDF, HTML, Markdown), record
    /// the client's signed copy.
    #[command(subcommand)]
    Act(ActCommand),
    /// Every act with what it closes and where its signature and originals stand.
    Acts(ActsArgs),
    /// JSON Schemas of the book's files, for editors and validators: all kinds as one
    /// document, one kind, or one file per kind with --out.
    Schema(SchemaArgs),
    /// A completion script for a shell, from this command line's definition.
    Completions(CompletionsArgs),
    /// The manual page (roff) on stdout, or one page per command with --out.
    Man(ManArgs),
    /// Every task for specialists: who does what by when, late by how many working
    /// days, confirmed or not; --by assignee for the workload per person and week.
    Tasks(TasksArgs),
    /// Tasks for specialists: give one, record its confirmation, its completion, a
    /// move of its due date.
    #[command(subcommand)]
    Task(TaskCommand),
    /// Projects: move the deadline (recorded in `deadline_changes`).
    #[command(subcommand)]
    Project(ProjectCommand),
    /// A static site for management: overview, money, renewals, projects, the book's
    /// health, a page per client and per curator. Self-contained, opens from file://.
    Site(SiteArgs),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the book, created if missing (default: --book, or the current
    /// folder).
    pub dir: Option<PathBuf>,
    /// Write the example agency book instead of an empty one (into an empty folder).
    #[arg(long)]
    pub example: bool,
    /// Name of the agency for the new book's rapport.yaml (default: "Моё агентство").
    #[arg(long, value_name = "NAME", conflicts_with = "example")]
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
    /// CSV (RFC 4180): one row per finding, for spreadsheets.
    Csv,
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
    /// Only this account manager's clients (a team ID), or `all`; default:
    /// RAPPORT_MANAGER, else the team member whose email is git's user.email, else all.
    #[arg(long, value_name = "ID")]
    pub manager: Option<String>,
    /// Only findings in these files, or in these clients' folders (a client ID or a
    /// path); rules still read the whole book.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    #[arg(long, value_enum, default_value_t = AuditFormat::Human)]
    pub format: AuditFormat,
    /// Which findings make the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Run only this rule (repeatable). E-codes are reported too, unless some are
    /// named here: then only those (`--rule E01 … --rule E08` alone checks the book's
    /// validity without running any rule).
    #[arg(long = "rule", value_name = "CODE")]
    pub rules: Vec<String>,
    /// Ignore every `waive:` entry.
    #[arg(long)]
    pub no_waivers: bool,
    /// With --format csv: begin with a UTF-8 byte-order mark, so that Excel opens
    /// Cyrillic text correctly.
    #[arg(long)]
    pub bom: bool,
    /// Only the findings introduced since this git revision of the book's repository
    /// (for CI on pull requests: `--since origin/main`); the exit code counts only them.
    #[arg(long, value_name = "REV", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Do not read the book's git history (the checks of R08 and D05 that find a
    /// deadline moved or a sent invoice edited in a commit).
    #[arg(long)]
    pub no_history: bool,
    /// How many commits of the book's history those checks read, back from HEAD on
    /// the first-parent line.
    #[arg(long, value_name = "N", default_value_t = crate::history::DEFAULT_MAX_COMMITS,
          value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub history_commits: u32,
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
    /// Only this account manager's clients (a team ID), or `all`; default:
    /// RAPPORT_MANAGER, else the team member whose email is git's user.email, else all.
    #[arg(long, value_name = "ID")]
    pub manager: Option<String>,
    /// A table for people; JSON (versioned) or CSV (RFC 4180) for programs and
    /// spreadsheets.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// With --format csv: begin with a UTF-8 byte-order mark, so that Excel opens
    /// Cyrillic text correctly.
    #[arg(long)]
    pub bom: bool,
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
    /// Aligned text for people; versioned JSON for programs.
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
    /// The new client's ID: lowercase Latin letters, digits, hyphens.
    pub id: String,
    /// Display name, e.g. "Ромашка".
    #[arg(long)]
    pub name: String,
    /// The first contact, as ID=NAME (e.g. smirnov="Иван Смирнов").
    #[arg(long, value_name = "ID=NAME")]
    pub contact: String,
    /// A key client (curator reporting, tighter contact cadence).
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
    /// The client's ID.
    pub client: String,
    /// The contract's ID (file name), e.g. 2026-017.
    pub id: String,
    /// The printed number, e.g. "17/2026".
    #[arg(long)]
    pub number: String,
    /// First day of the term: YYYY-MM-DD.
    #[arg(long, value_parser = parse_date_arg)]
    pub start: NaiveDate,
    /// Last day of the term: YYYY-MM-DD.
    #[arg(long, value_parser = parse_date_arg)]
    pub end: NaiveDate,
    /// Subject of the contract.
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewProject {
    /// The client's ID.
    pub client: String,
    /// The project's ID (file name), e.g. upakovka-2026.
    pub id: String,
    #[arg(long)]
    pub title: String,
    /// Contract ID within the client.
    #[arg(long)]
    pub contract: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewMeeting {
    /// The client's ID.
    pub client: String,
    /// When: YYYY-MM-DDTHH:MM.
    #[arg(long)]
    pub at: String,
    /// in_person, video or call.
    #[arg(long)]
    pub format: String,
    /// Client contacts present (repeatable, or comma-separated).
    #[arg(long = "with", value_name = "CONTACT", value_delimiter = ',')]
    pub with: Vec<String>,
    /// Agency people present (repeatable, or comma-separated; team IDs).
    #[arg(long = "agency", value_name = "TEAM", value_delimiter = ',')]
    pub agency: Vec<String>,
    /// Suffix of the file name after the date (default: the format).
    #[arg(long)]
    pub slug: Option<String>,
    #[arg(long)]
    pub place: Option<String>,
    /// Project ID within the client.
    #[arg(long)]
    pub project: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewLog {
    /// The client's ID.
    pub client: String,
    /// When: YYYY-MM-DDTHH:MM.
    #[arg(long)]
    pub at: String,
    /// email, call, messenger or letter.
    #[arg(long)]
    pub channel: String,
    /// in or out.
    #[arg(long)]
    pub direction: String,
    /// The client contact it was with (contact ID).
    #[arg(long)]
    pub contact: Option<String>,
    #[arg(long)]
    pub subject: Option<String>,
    /// Suffix of the file name after the date (default: the channel).
    #[arg(long)]
    pub slug: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewInvoice {
    /// The client's ID.
    pub client: String,
    /// The printed number; also the file name, so an ID like 2026-0009.
    #[arg(long)]
    pub number: String,
    /// Invoice date: YYYY-MM-DD.
    #[arg(long, value_parser = parse_date_arg)]
    pub date: NaiveDate,
    /// A line as "ITEM;QTY;UNIT;PRICE" (repeatable, at least one; QTY and UNIT may be
    /// empty).
    #[arg(long = "line", value_name = "ITEM;QTY;UNIT;PRICE", required = true)]
    pub lines: Vec<String>,
    /// Contract ID within the client.
    #[arg(long)]
    pub contract: Option<String>,
    /// Project ID within the client.
    #[arg(long)]
    pub project: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewContractor {
    /// The contractor's ID (file name), e.g. foto-lab.
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

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Render the meeting report (the minutes): Markdown to stdout, or an email draft.
    Report(MeetingReportArgs),
    /// Record in the meeting file that the report was sent (`report.sent`, `report.to`).
    Sent(MeetingSentArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    /// Markdown.
    Md,
    /// A standalone HTML page (the body of the email draft).
    Html,
}

#[derive(Debug, Args)]
pub struct MeetingReportArgs {
    /// The meeting: CLIENT/MEETING (e.g. lesnaya-polyana/2026-11-24-status), or the
    /// path of its file.
    pub meeting: String,
    /// What to print on stdout.
    #[arg(long, value_enum, default_value_t = DocFormat::Md)]
    pub format: DocFormat,
    /// Write an email draft (.eml, text and HTML) into this folder instead, and print
    /// its path.
    #[arg(long, value_name = "DIR")]
    pub eml: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct MeetingSentArgs {
    /// The meeting: CLIENT/MEETING, or the path of its file.
    pub meeting: String,
    /// When the report was sent: YYYY-MM-DDTHH:MM (default: today, at the end of the
    /// working day).
    #[arg(long, value_name = "DATETIME", value_parser = parse_datetime_arg)]
    pub at: Option<chrono::NaiveDateTime>,
    /// Who it was sent to (contact IDs; repeatable, or comma-separated; default: the
    /// client's attendees). Added to `report.to`; nobody already there is removed.
    #[arg(long = "to", value_name = "CONTACT", value_delimiter = ',')]
    pub to: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgendaFormat {
    Text,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// Only this account manager's clients (a team ID), or `all`; default:
    /// RAPPORT_MANAGER, else the team member whose email is git's user.email, else all.
    #[arg(long, value_name = "ID")]
    pub manager: Option<String>,
    /// How many days after today to look ahead.
    #[arg(long, default_value_t = 7, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=366))]
    pub days: u32,
    /// Text for people; versioned JSON for programs; CSV (RFC 4180, one row per item)
    /// for spreadsheets.
    #[arg(long, value_enum, default_value_t = AgendaFormat::Text)]
    pub format: AgendaFormat,
    /// With --format csv: begin with a UTF-8 byte-order mark, so that Excel opens
    /// Cyrillic text correctly.
    #[arg(long)]
    pub bom: bool,
}

#[derive(Debug, Args)]
pub struct DigestArgs {
    /// Only this account manager's clients (a team ID), or `all`; default:
    /// RAPPORT_MANAGER, else the team member whose email is git's user.email, else all.
    #[arg(long, value_name = "ID")]
    pub manager: Option<String>,
    /// Only this curator's key clients (a curator ID; default: every curator with key
    /// clients).
    #[arg(long, value_name = "ID")]
    pub curator: Option<String>,
    /// Start of the period: YYYY-MM-DD (default: 30 days before today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub since: Option<NaiveDate>,
    /// Write one email draft (.eml) per curator into this folder instead, and print
    /// their paths.
    #[arg(long, value_name = "DIR")]
    pub eml: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct RenewalsArgs {
    /// Only this account manager's clients (a team ID), or `all`; default:
    /// RAPPORT_MANAGER, else the team member whose email is git's user.email, else all.
    #[arg(long, value_name = "ID")]
    pub manager: Option<String>,
    /// Only contracts whose notice date (for one without notice, whose term end) is
    /// within DAYS days from today; missed windows are always shown.
    #[arg(long, value_name = "DAYS")]
    pub within: Option<u32>,
    /// A table for people; JSON (versioned) or CSV (RFC 4180) for programs and
    /// spreadsheets.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// With --format csv: begin with a UTF-8 byte-order mark, so that Excel opens
    /// Cyrillic text correctly.
    #[arg(long)]
    pub bom: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DecisionArg {
    /// Continue: an auto-renewing contract renews itself; another needs a next one.
    Renew,
    /// Continue on new terms (a new contract or supplement is being negotiated).
    Renegotiate,
    /// End the contract with the current term.
    Terminate,
}

#[derive(Debug, Args)]
pub struct RenewArgs {
    /// The contract, as CLIENT/CONTRACT (e.g. stroymaster/2025-022).
    pub contract: String,
    #[arg(long, value_enum)]
    pub decision: DecisionArg,
    /// The ID of the next contract (renewal.next). With `renew` or `renegotiate`, a
    /// file of that ID that does not exist yet is drafted from this one with the next
    /// term (status: draft).
    #[arg(long, value_name = "ID")]
    pub next: Option<String>,
    /// Draft the next term as a supplement to this contract instead of a new contract
    /// (the ID defaults to CONTRACT-dsN).
    #[arg(long)]
    pub supplement: bool,
    /// The printed number of the drafted contract (default: "1/2027" for an ID like
    /// 2027-001; "ДС-N к NUMBER" for a supplement).
    #[arg(long)]
    pub number: Option<String>,
    /// The day the decision was taken (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub decided: Option<NaiveDate>,
    /// Replace a decision already recorded for the current term.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct BudgetArgs {
    /// Only this account manager's clients (a team ID), or `all`; default:
    /// RAPPORT_MANAGER, else the team member whose email is git's user.email, else all.
    #[arg(long, value_name = "ID")]
    pub manager: Option<String>,
    /// One client, or one project as CLIENT/PROJECT (default: every project).
    pub target: Option<String>,
    /// A table for people; JSON (versioned) or CSV (RFC 4180) for programs and
    /// spreadsheets.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// With --format csv: begin with a UTF-8 byte-order mark, so that Excel opens
    /// Cyrillic text correctly.
    #[arg(long)]
    pub bom: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EstimateFormat {
    /// Markdown.
    Md,
    /// A standalone HTML page (print it to PDF from a browser).
    Html,
    /// PDF, typeset like the invoice (binary: give --out, or redirect stdout to a file).
    Pdf,
}

#[derive(Debug, Args)]
pub struct EstimateArgs {
    /// The project, as CLIENT/PROJECT (e.g. gorod-fitness/landing-ny2027).
    pub project: String,
    #[arg(long, value_enum, default_value_t = EstimateFormat::Md)]
    pub format: EstimateFormat,
    /// Write to FILE (never over an existing file) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReconcileFormat {
    /// PDF (binary: give --out, or redirect stdout to a file).
    Pdf,
    /// A standalone HTML page.
    Html,
    /// Markdown.
    Md,
    /// CSV: one row per document, with the opening balance, turnover and closing
    /// balance, amounts as plain decimals.
    Csv,
}

#[derive(Debug, Args)]
pub struct ReconcileArgs {
    /// The client's ID.
    pub client: String,
    /// Only the invoices under this contract (a contract ID of the client; its
    /// supplements' invoices too).
    #[arg(long)]
    pub contract: Option<String>,
    /// The first day of the period: YYYY-MM-DD.
    #[arg(long, value_parser = parse_date_arg)]
    pub from: NaiveDate,
    /// The last day of the period: YYYY-MM-DD.
    #[arg(long, value_parser = parse_date_arg)]
    pub to: NaiveDate,
    #[arg(long, value_enum, default_value_t = ReconcileFormat::Pdf)]
    pub format: ReconcileFormat,
    /// Write to FILE (never over an existing file) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// Only this person's tasks (a team or contractor ID): each task's start and due
    /// date, for their own calendar.
    #[arg(long, value_name = "ID")]
    pub assignee: Option<String>,
    /// Only this account manager's clients (a team ID), or `all`; default:
    /// RAPPORT_MANAGER, else the team member whose email is git's user.email, else all.
    #[arg(long, value_name = "ID")]
    pub manager: Option<String>,
    /// Write the feed to FILE, replacing it (default: stdout).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct UpsellArgs {
    /// A table for people; versioned JSON for programs.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

#[derive(Debug, Subcommand)]
pub enum InvoiceCommand {
    /// Issue the next invoice of the year: clients/CLIENT/invoices/<NUMBER>.yaml, numbered
    /// by rapport.yaml's invoice.number, due after invoice.payment_days.
    New(InvoiceNewArgs),
    /// Render an invoice ("Счёт на оплату") as PDF, HTML or Markdown.
    Render(InvoiceRenderArgs),
    /// Record a payment against an invoice (appended to its `payments`).
    Pay(InvoicePayArgs),
    /// Draft a payment reminder for an overdue invoice (an .eml with the invoice
    /// attached); --log records it in the client's log.
    Remind(InvoiceRemindArgs),
}

#[derive(Debug, Args)]
pub struct InvoiceRemindArgs {
    /// The invoice: CLIENT/INVOICE (e.g. trudnyi-klient/2025-0008), or the path of its
    /// file.
    pub invoice: String,
    /// Write the draft into this folder as CLIENT-INVOICE-reminder.eml (replacing an
    /// older draft of the same name).
    #[arg(long, value_name = "DIR")]
    pub eml: PathBuf,
    /// The contact to write to (default: the client's contact with `billing: true`,
    /// else the first with an email).
    #[arg(long, value_name = "CONTACT")]
    pub to: Option<String>,
    /// Record the reminder in the client's log as a new log entry (an outbound email
    /// of today): use it when the letter is sent.
    #[arg(long)]
    pub log: bool,
}

#[derive(Debug, Args)]
pub struct InvoiceNewArgs {
    /// The client's ID.
    pub client: String,
    /// Contract ID within the client (its VAT and currency apply).
    #[arg(long)]
    pub contract: Option<String>,
    /// Project ID within the client.
    #[arg(long)]
    pub project: Option<String>,
    /// A line as "ITEM;QTY;UNIT;PRICE" (repeatable; QTY and UNIT may be empty).
    #[arg(long = "line", value_name = "ITEM;QTY;UNIT;PRICE")]
    pub lines: Vec<String>,
    /// Take the lines from the project's estimate (needs --project); --line adds more.
    #[arg(long, requires = "project")]
    pub from_estimate: bool,
    /// Issue the planned invoice of a contract's billing plan: CONTRACT#N (the Nth
    /// entry of its `billing`), or CONTRACT for its first entry not issued yet. The
    /// plan's amount or lines are the invoice's; it is refused when already issued.
    #[arg(
        long,
        value_name = "CONTRACT[#N]",
        conflicts_with_all = ["lines", "from_estimate", "contract"]
    )]
    pub planned: Option<String>,
    /// Invoice date: YYYY-MM-DD (default: today).
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Due date: YYYY-MM-DD (default: the date plus invoice.payment_days).
    #[arg(long, value_parser = parse_date_arg)]
    pub due: Option<NaiveDate>,
    /// VAT rate of this invoice: 22, 10, 0 or none (default: the contract's, else the
    /// book's).
    #[arg(long, value_name = "RATE")]
    pub vat: Option<String>,
    /// Prices are net: VAT is added on top (default: the book's invoice.prices_include_vat).
    #[arg(long, conflicts_with = "gross")]
    pub net: bool,
    /// Prices include VAT ("в том числе НДС").
    #[arg(long)]
    pub gross: bool,
    /// Create it as a draft (numbered, not yet issued).
    #[arg(long)]
    pub draft: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InvoiceFormat {
    /// PDF (binary: give --out, or redirect stdout to a file).
    Pdf,
    /// A standalone HTML page.
    Html,
    /// Markdown.
    Md,
}

#[derive(Debug, Args)]
pub struct InvoiceRenderArgs {
    /// The invoice: CLIENT/INVOICE (e.g. stroymaster/2026-0008), or the path of its file.
    pub invoice: String,
    #[arg(long, value_enum, default_value_t = InvoiceFormat::Pdf)]
    pub format: InvoiceFormat,
    /// Write to FILE (never over an existing file) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InvoicePayArgs {
    /// The invoice: CLIENT/INVOICE, or the path of its file.
    pub invoice: String,
    /// The amount paid, e.g. 150000 or 49999.50.
    #[arg(allow_hyphen_values = true)]
    pub amount: String,
    /// The day the money arrived: YYYY-MM-DD (default: today).
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// The bank payment reference, e.g. "п/п № 5120".
    #[arg(long = "ref", value_name = "TEXT")]
    pub reference: Option<String>,
    /// Record it even if it pays more than is owed, or the invoice is cancelled.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum ActCommand {
    /// Draw up the next act: clients/CLIENT/acts/<NUMBER>.yaml, numbered by rapport.yaml's
    /// act.number in a sequence of its own, closing an invoice, a project or given lines.
    New(ActNewArgs),
    /// Render an act («Акт сдачи-приёмки оказанных услуг») as PDF, HTML or Markdown.
    Render(ActRenderArgs),
    /// Record that the client's signed copy came back (and, with --originals, its paper
    /// originals).
    Signed(ActSignedArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).multiple(true).args(["invoices", "project", "lines"])))]
pub struct ActNewArgs {
    /// The client's ID.
    pub client: String,
    /// An invoice the act closes (repeatable): its lines, VAT and contract are the act's.
    #[arg(long = "invoice", value_name = "INVOICE")]
    pub invoices: Vec<String>,
    /// The project whose work it closes; without --invoice or --line, the act closes
    /// the project's issued invoices that no act closes yet.
    #[arg(long)]
    pub project: Option<String>,
    /// A line as "ITEM;QTY;UNIT;PRICE" (repeatable; QTY and UNIT may be empty); with
    /// --invoice, these replace the invoices' lines.
    #[arg(long = "line", value_name = "ITEM;QTY;UNIT;PRICE")]
    pub lines: Vec<String>,
    /// Contract ID within the client (default: the first invoice's, else the project's).
    #[arg(long)]
    pub contract: Option<String>,
    /// Act date: YYYY-MM-DD (default: today).
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct ActRenderArgs {
    /// The act: CLIENT/ACT (e.g. vkusnoteka/2026-0002), or the path of its file.
    pub act: String,
    #[arg(long, value_enum, default_value_t = InvoiceFormat::Pdf)]
    pub format: InvoiceFormat,
    /// Write to FILE (never over an existing file) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ActSignedArgs {
    /// The act: CLIENT/ACT, or the path of its file.
    pub act: String,
    /// The day the signed copy came back: YYYY-MM-DD (default: today).
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// The paper originals came back too (on --date): sets `originals` as well.
    #[arg(long)]
    pub originals: bool,
}

#[derive(Debug, Args)]
pub struct ActsArgs {
    /// Only this client's acts.
    #[arg(long, value_name = "CLIENT")]
    pub client: Option<String>,
    /// A table for people; versioned JSON for programs.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct InvoicesArgs {
    /// Only this account manager's clients (a team ID), or `all`; default:
    /// RAPPORT_MANAGER, else the team member whose email is git's user.email, else all.
    #[arg(long, value_name = "ID")]
    pub manager: Option<String>,
    /// Only this client's invoices.
    #[arg(long, value_name = "CLIENT")]
    pub client: Option<String>,
    /// Only invoices past their due date with money owed.
    #[arg(long)]
    pub overdue: bool,
    /// A table for people; JSON (versioned) or CSV (RFC 4180) for programs and
    /// spreadsheets.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// With --format csv: begin with a UTF-8 byte-order mark, so that Excel opens
    /// Cyrillic text correctly.
    #[arg(long)]
    pub bom: bool,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The whole book as an SQLite database, built anew: every kind of file a table,
    /// lists as child tables, money as exact decimal text and integer kopecks, the
    /// audit's findings, and views (open invoices, renewals, budgets). Schema:
    /// docs/sqlite.md.
    Sqlite(ExportSqliteArgs),
    /// Contacts as vCard 4.0 (or 3.0 for older phones): every client's, or one's.
    #[command(disable_version_flag = true)]
    Vcard(ExportVcardArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VcardVersion {
    /// vCard 3.0 (RFC 2426), for older phones and Outlook.
    #[value(name = "3")]
    V3,
    /// vCard 4.0 (RFC 6350).
    #[value(name = "4")]
    V4,
}

#[derive(Debug, Args)]
pub struct ExportVcardArgs {
    /// Only this client's contacts (default: every client's).
    #[arg(long, value_name = "ID")]
    pub client: Option<String>,
    /// Write to FILE (never over an existing file without --force) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// With --out: replace FILE if it exists.
    #[arg(long, requires = "out")]
    pub force: bool,
    /// The vCard version to write.
    #[arg(long, value_enum, default_value_t = VcardVersion::V4)]
    pub version: VcardVersion,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Add each card of a vCard file (2.1, 3.0 or 4.0) as a contact of a client:
    /// name, position, email, phone, birthday, notes. A card whose email or phone a
    /// contact already has is not added; where the two differ, the conflict is listed.
    Vcard(ImportVcardArgs),
    /// Clients (one new client.yaml per row) or one client's contacts from a CSV file
    /// a CRM or a spreadsheet exported: UTF-8 or Windows-1251, `;` or `,`, a header
    /// row; --map says which column is which field.
    Csv(ImportCsvArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvKind {
    /// One new clients/ID/client.yaml per row (with its first contact).
    Clients,
    /// Contacts of the client named by --client, added to its client.yaml.
    Contacts,
}

#[derive(Debug, Args)]
pub struct ImportCsvArgs {
    /// The CSV file, with a header row.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// What each row is.
    #[arg(long, value_enum)]
    pub kind: CsvKind,
    /// Which column holds which field, as COLUMN=FIELD (repeatable; COLUMN as the
    /// header row names it). Fields of contacts: name, position, email, phone,
    /// birthday, profile, id. Of clients: name, id, status, manager, curator, since,
    /// referred_by, legal_name, inn, kpp, ogrn, address, contact_name,
    /// contact_position, contact_email, contact_phone.
    #[arg(long = "map", value_name = "COLUMN=FIELD", required = true)]
    pub map: Vec<String>,
    /// With --kind contacts: the client whose contacts they are.
    #[arg(long, value_name = "ID")]
    pub client: Option<String>,
    /// Only say which files would be created or changed, and which rows skipped.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ImportVcardArgs {
    /// The vCard file (.vcf), UTF-8.
    #[arg(value_name = "FILE.vcf")]
    pub file: PathBuf,
    /// The client whose client.yaml gets the contacts.
    #[arg(long, value_name = "ID")]
    pub client: String,
    /// Only say what would be added, and what not and why; change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ExportSqliteArgs {
    /// The database file to write, whole (through a temporary file beside it).
    #[arg(value_name = "FILE.db")]
    pub file: PathBuf,
    /// Replace FILE if it exists (otherwise rapport refuses to).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// One kind of file (default: every kind; on stdout as one JSON document
    /// `{"version": 1, "schemas": {KIND: SCHEMA}}`).
    #[arg(value_enum)]
    pub kind: Option<crate::book::Kind>,
    /// Write DIR/<KIND>.schema.json for each kind (or for KIND) instead, never over an
    /// existing file, and print their paths.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// With --out: replace schema files that are already there.
    #[arg(long, requires = "out")]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write one page per command into DIR instead (rapport.1, rapport-audit.1,
    /// rapport-new-client.1, ...), never over an existing file, and print their paths.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// With --out: replace pages that are already there.
    #[arg(long, requires = "out")]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TasksBy {
    /// Open tasks per assignee and ISO week of their due date: overdue, each week
    /// from this one, no due date.
    Assignee,
}

#[derive(Debug, Args)]
pub struct TasksArgs {
    /// Only this person's tasks (a team or contractor ID).
    #[arg(long, value_name = "ID")]
    pub assignee: Option<String>,
    /// Only this client's tasks.
    #[arg(long, value_name = "CLIENT")]
    pub client: Option<String>,
    /// Only this project's tasks: CLIENT/PROJECT, or a project ID (in every client
    /// that has one).
    #[arg(long, value_name = "PROJECT")]
    pub project: Option<String>,
    /// Only this account manager's clients (a team ID), or `all`; default:
    /// RAPPORT_MANAGER, else the team member whose email is git's user.email, else all.
    #[arg(long, value_name = "ID")]
    pub manager: Option<String>,
    /// Only open tasks: not done, in a project still in play.
    #[arg(long)]
    pub open: bool,
    /// Only open tasks past their due date (what R07 reports).
    #[arg(long)]
    pub overdue: bool,
    /// Only open tasks whose assignee has not confirmed them (`acknowledged`), started
    /// or not.
    #[arg(long)]
    pub unacknowledged: bool,
    /// Only open tasks due within DAYS days from today (overdue ones included).
    #[arg(long, value_name = "DAYS")]
    pub due_within: Option<u32>,
    /// Instead of the list, the workload: open tasks per person per ISO week of their
    /// due date.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub by: Option<TasksBy>,
    /// A table for people; JSON (versioned) or CSV (RFC 4180) for programs and
    /// spreadsheets.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// With --format csv: begin with a UTF-8 byte-order mark, so that Excel opens
    /// Cyrillic text correctly.
    #[arg(long)]
    pub bom: bool,
}

#[derive(Debug, Subcommand)]
pub enum TaskCommand {
    /// Give a specialist a task: appended to the project's `tasks`.
    New(TaskNewArgs),
    /// Record that the assignee confirmed they understood the task (`acknowledged`, R22).
    Ack(TaskDateArgs),
    /// Record that the task is done (`done`).
    Done(TaskDateArgs),
    /// Move the task's due date, recording the move in the project's
    /// `deadline_changes` (R08).
    Move(TaskMoveArgs),
    /// Draft the task as an email to its assignee (an .eml: what, by when, the brief,
    /// the client's contact person).
    Send(TaskSendArgs),
}

#[derive(Debug, Args)]
pub struct TaskSendArgs {
    /// The task, as CLIENT/PROJECT/TASK.
    pub task: String,
    /// Write the draft into this folder as CLIENT-PROJECT-TASK.eml (replacing an older
    /// draft of the same name), and print its path.
    #[arg(long, value_name = "DIR")]
    pub eml: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TaskKindArg {
    Creative,
    Design,
    Copy,
    Dev,
    Production,
    Other,
}

#[derive(Debug, Args)]
pub struct TaskNewArgs {
    /// The project, as CLIENT/PROJECT.
    pub project: String,
    /// Who does it: a team or contractor ID.
    #[arg(long, value_name = "ID")]
    pub to: String,
    /// What the task is (its `title`).
    #[arg(long, value_name = "TEXT")]
    pub what: String,
    /// When it is due: YYYY-MM-DD.
    #[arg(long, value_parser = parse_date_arg)]
    pub due: NaiveDate,
    /// What the due date is tied to (R19).
    #[arg(long, value_name = "TEXT")]
    pub tied_to: Option<String>,
    /// The kind of work (R03 reads creative tasks, R04 and R05 design tasks).
    #[arg(long, value_enum)]
    pub kind: Option<TaskKindArg>,
    /// When work starts: YYYY-MM-DD.
    #[arg(long, value_parser = parse_date_arg)]
    pub start: Option<NaiveDate>,
    /// The task's ID (default: made from --what).
    #[arg(long)]
    pub id: Option<String>,
}

#[derive(Debug, Args)]
pub struct TaskDateArgs {
    /// The task, as CLIENT/PROJECT/TASK.
    pub task: String,
    /// The day: YYYY-MM-DD (default: today).
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct TaskMoveArgs {
    /// The task, as CLIENT/PROJECT/TASK.
    pub task: String,
    /// The new due date: YYYY-MM-DD.
    #[arg(long, value_parser = parse_date_arg)]
    pub due: NaiveDate,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// What a move of a date records besides the date: why, when decided, who was told.
#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// Why it moves.
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
    /// The contact at the client who was told (a contact ID of the client).
    #[arg(long, value_name = "CONTACT")]
    pub told: Option<String>,
    /// When the client was told: YYYY-MM-DD (default with --told: today).
    #[arg(long, value_parser = parse_date_arg)]
    pub told_on: Option<NaiveDate>,
    /// When the move was decided: YYYY-MM-DD (default: today).
    #[arg(long, value_parser = parse_date_arg)]
    pub decided: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// Move the project's deadline, recording the move in `deadline_changes` (R08).
    Move(ProjectMoveArgs),
}

#[derive(Debug, Args)]
pub struct ProjectMoveArgs {
    /// The project, as CLIENT/PROJECT.
    pub project: String,
    /// The new deadline: YYYY-MM-DD.
    #[arg(long, value_parser = parse_date_arg)]
    pub deadline: NaiveDate,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The folder to write the site into (created if missing). A folder that holds
    /// anything but a previous rapport site is refused without --force.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Only the clients of this account manager (a team ID from rapport.yaml).
    #[arg(long, value_name = "ID")]
    pub manager: Option<String>,
    /// Only the clients of this management curator (a curator ID from rapport.yaml).
    #[arg(long, value_name = "ID")]
    pub curator: Option<String>,
    /// Write into a folder that holds other files than a previous site.
    #[arg(long)]
    pub force: bool,
}
