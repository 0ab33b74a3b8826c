//! Findings: what the audit (and the loader) say about a book. A finding knows its
//! code, severity, file and a location in that file, the facts and a hint; it knows
//! nothing of how it will be printed.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg};
use crate::yaml::{Span, YamlPath};

/// Declares [`Code`] from its variants, in the order of their text.
macro_rules! codes {
    ($($code:ident),* $(,)?) => {
        /// Every code a finding can have, the one table of them: the rules of a good
        /// account manager (`R`), the duties of the job (`D`) and the errors in the book
        /// itself (`E`). Declared in the order of their text, so that sorting by code
        /// sorts as the text does; `rapport rules` lists them in the registry's order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($code),*
        }

        impl Code {
            /// Every code, in the order of their text.
            pub const ALL: &'static [Code] = &[$(Code::$code),*];

            /// `R02`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code)),*
                }
            }
        }
    };
}

codes!(
    D01, D02, D03, D04, D05, D06, D07, D08, D09, D10, D11, D12, D13, D14, D15, D16, //
    E01, E02, E03, E04, E05, E06, E07, E08, //
    R01, R02, R03, R04, R05, R06, R07, R08, R09, R10, //
    R11, R12, R13, R14, R15, R16, R17, R18, R19, R20, //
    R21, R22, R23, R24, R25, R26, R27, R28, R29, R30,
);

impl Code {
    /// The code written exactly (`R02`; see `audit::code_suggest` for a user's slips).
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == text)
    }

    /// A rule or a duty, which `rules:` may set and a waiver may name; not an error in
    /// the book.
    pub fn is_rule(self) -> bool {
        !self.as_str().starts_with('E')
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Code::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a code")))
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Code {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

/// How much a finding matters. Ordered from most to least severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in its file a finding points.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Location {
    /// A span already known (parse errors).
    Span(Span),
    /// A node reached by a path of keys; `key` points at the key rather than the value.
    Path { path: YamlPath, key: bool },
    /// The file as a whole (it could not be read, or is missing something).
    File,
}

impl Location {
    /// The value at `path`.
    pub fn value(path: YamlPath) -> Self {
        Location::Path { path, key: false }
    }

    /// The key that ends `path`.
    pub fn key(path: YamlPath) -> Self {
        Location::Path { path, key: true }
    }
}

/// What kind of matter a finding is about, whatever rule found it: what the agenda,
/// the digest and the calendar group and word findings by, so that none of them
/// matches on codes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    /// Anything else: a missing record, a rule of conduct.
    #[default]
    Other,
    /// Being in touch with the client: a proactive contact, a chase, a birthday.
    Touch,
    /// The report after a meeting.
    Report,
    /// An answer to a letter or message, a call returned.
    Answer,
    /// Something promised, at a meeting or as a task.
    Promise,
    /// A project's or a task's deadline.
    Deadline,
    /// A task given to a specialist.
    Task,
    /// A contract's renewal.
    Renewal,
    /// Work or billing under a contract that has ended.
    Contract,
    /// An invoice's payment.
    Payment,
    /// Billing beyond a contract, or money paid beyond an invoice.
    Billing,
    /// A planned invoice of a contract's billing plan: `item` is its index in the
    /// contract's `billing` list.
    Plan,
    /// A project's budget.
    Budget,
    /// A comment of the client's on the work.
    Feedback,
}

impl Topic {
    /// The machine name, for `export sqlite`: `touch`, `report`, `answer`…
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Other => "other",
            Topic::Touch => "touch",
            Topic::Report => "report",
            Topic::Answer => "answer",
            Topic::Promise => "promise",
            Topic::Deadline => "deadline",
            Topic::Task => "task",
            Topic::Renewal => "renewal",
            Topic::Contract => "contract",
            Topic::Payment => "payment",
            Topic::Billing => "billing",
            Topic::Budget => "budget",
            Topic::Feedback => "feedback",
            Topic::Plan => "plan",
        }
    }
}

/// Where a matter stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum State {
    /// Something is still to be done about it: it belongs on the agenda.
    #[default]
    Open,
    /// It was done, only late (a report sent after its day): the audit says so,
    /// but nothing is left to do.
    DoneLate,
    /// A fact of the past that can no longer be acted on (work started before the
    /// brief was confirmed): the audit says so, the agenda does not list it.
    Past,
}

impl State {
    /// The machine name, for `export sqlite`: `open`, `done_late`, `past`.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Open => "open",
            State::DoneLate => "done_late",
            State::Past => "past",
        }
    }
}

/// An amount of money at stake, in a currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    pub money: crate::model::money::Money,
    pub currency: String,
}

impl Amount {
    /// The sum as a message's argument: `156000.00 RUB`, «156 000,00 ₽».
    pub fn arg(&self) -> crate::i18n::Arg {
        crate::i18n::Arg::Money {
            amount: self.money,
            currency: self.currency.clone(),
        }
    }
}

/// The facts of a finding, as data: what it is about and where it stands, the days
/// and the people and the money concerned. The rule that found it also words it (its
/// message, help and, for the agenda, what to do); every other command reads these.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub topic: Topic,
    pub state: State,
    /// When the matter happened: the meeting, the letter, the call, the start.
    pub happened: Option<chrono::NaiveDate>,
    /// The last day it was due on; for work under a contract that has ended, the
    /// contract's last day.
    pub due: Option<chrono::NaiveDate>,
    /// The people it concerns: contacts of the client, team members, contractors (IDs).
    pub people: Vec<String>,
    pub amount: Option<Amount>,
    /// The item of the entity's list it is about (a task, an action, a contact, a
    /// deadline change, a round of comments), and within it (a comment), by index.
    pub item: Option<(usize, Option<usize>)>,
}

/// One finding about one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// Path of the file relative to the book root, with `/` separators.
    pub file: String,
    pub location: Location,
    pub message: String,
    pub help: Option<String>,
    /// The facts (the loader's own findings have none): not part of what is shown or
    /// cached.
    #[serde(skip)]
    pub facts: Facts,
    /// The catalog messages `message` and `help` were worded from, for other
    /// languages; `None` for text not yet in the catalogs (the same in every language).
    #[serde(skip)]
    pub said: Option<Box<Said>>,
}

/// The catalog messages of a finding's message and help.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Said {
    pub message: Option<Msg>,
    pub help: Option<Msg>,
}

/// A finding's message and help in `lang`: from the catalog where they came from it,
/// else the English as written.
pub fn in_lang<'a>(
    lang: Lang,
    said: Option<&Said>,
    message: &'a str,
    help: Option<&'a str>,
) -> (Cow<'a, str>, Option<Cow<'a, str>>) {
    if lang == Lang::En {
        return (Cow::Borrowed(message), help.map(Cow::Borrowed));
    }
    let word = |msg: Option<&Msg>, english: &'a str| match msg {
        Some(msg) => Cow::Owned(crate::wording::nest_quotes(&msg.render(lang))),
        None => Cow::Borrowed(english),
    };
    (
        word(said.and_then(|s| s.message.as_ref()), message),
        help.map(|h| word(said.and_then(|s| s.help.as_ref()), h)),
    )
}

impl Finding {
    pub fn new(
        code: Code,
        severity: Severity,
        file: impl Into<String>,
        location: Location,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            code,
            severity,
            file: file.into(),
            location,
            message: message.into(),
            help: None,
            facts: Facts::default(),
            said: None,
        }
    }

    pub fn error(
        code: Code,
        file: impl Into<String>,
        location: Location,
        message: impl Into<String>,
    ) -> Self {
        Finding::new(code, Severity::Error, file, location, message)
    }

    /// The message worded from the catalog: English in `message`, as the machine
    /// outputs keep it, and the [`Msg`] kept for the other languages.
    #[must_use]
    pub fn say(mut self, msg: Msg) -> Self {
        self.message = msg.render(Lang::En);
        self.said.get_or_insert_with(Box::default).message = Some(msg);
        self
    }

    /// The help worded from the catalog, as [`Finding::say`] the message.
    #[must_use]
    pub fn help_say(mut self, msg: Msg) -> Self {
        self.help = Some(msg.render(Lang::En));
        self.said.get_or_insert_with(Box::default).help = Some(msg);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_sort_as_their_text_and_read_back() {
        let mut texts: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let in_order = texts.clone();
        texts.sort_unstable();
        assert_eq!(texts, in_order, "Code::ALL is in the order of its text");
        let mut sorted = Code::ALL.to_vec();
        sorted.sort();
        assert_eq!(sorted, Code::ALL);
        assert_eq!(Code::ALL.len(), 30 + 16 + 8);
        for code in Code::ALL {
            assert_eq!(Code::parse(code.as_str()), Some(*code));
            assert_eq!(code.is_rule(), !code.as_str().starts_with('E'));
        }
        for not in ["", "R1", "R31", "D99", "E09", "r02", "R02 ", "X01"] {
            assert_eq!(Code::parse(not), None, "{not:?}");
        }
    }
}
