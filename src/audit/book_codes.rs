//! The E-codes: findings about the book itself rather than the work it records. The
//! loader produces them; this table names and explains them for `rapport rules` and
//! for SARIF.

use crate::finding::Code;

/// One E-code.
#[derive(Debug)]
pub struct BookCode {
    pub code: Code,
    pub name: &'static str,
    pub summary: &'static str,
    pub doc: &'static str,
}

pub const BOOK_CODES: &[BookCode] = &[
    BookCode {
        code: Code::E01,
        name: "yaml-syntax",
        summary: "The file is not well-formed YAML that rapport accepts",
        doc: "A syntax error, a git conflict marker, a second document, a duplicate key, a tag, \
              invalid UTF-8, a file over 4 MiB, nesting deeper than 64 levels or aliases that \
              expand beyond a million nodes. The file is not read at all: fix it first. \
              A file that cannot be read (no permission, a symbolic link to nothing) and a \
              folder that cannot be listed are E01 too: their contents are left out.",
    },
    BookCode {
        code: Code::E02,
        name: "wrong-type-or-missing-key",
        summary: "A value has the wrong type, or a required key is missing",
        doc: "Each key has a type (text, date, date-time, money, boolean, list, one of fixed \
              values) and some keys are required (docs/format.md). Booleans are `true`/`false` \
              only: `yes` and `no` are text in YAML 1.2. Money has at most 2 decimal places.",
    },
    BookCode {
        code: Code::E03,
        name: "unknown-key",
        summary: "A key the format does not know (a typo?)",
        doc: "Typos must not pass silently: a misspelt `birthdy` would leave the birthday \
              unread. The finding suggests the nearest known key. Keys of your own start with \
              `x-` and are kept and ignored. Also: an unknown rule code or threshold under `rules:`.",
    },
    BookCode {
        code: Code::E04,
        name: "dangling-reference",
        summary: "A reference names nothing",
        doc: "References name an ID: a team member, curator or service of rapport.yaml, a \
              contact of the same client, a contract or project of the same client, a \
              contractor. A reference to a file that exists but is broken is not reported.",
    },
    BookCode {
        code: Code::E05,
        name: "duplicate-id",
        summary: "Two entities share one ID",
        doc: "IDs are unique per kind within their client (`c1.yaml` and `c1.yml` are the same \
              ID), and within a file's lists (contacts, tasks, team).",
    },
    BookCode {
        code: Code::E06,
        name: "id-mismatch",
        summary: "An `id:` differs from the file name, or a name is not a valid ID",
        doc: "A file's ID is its file stem (a client's, its folder name); an `id:` key, where \
              present, must equal it. IDs are `[a-z0-9][a-z0-9-]*`, at most 64 characters.",
    },
    BookCode {
        code: Code::E07,
        name: "impossible-date",
        summary: "A date that cannot exist, or dates that contradict each other",
        doc: "2026-02-30; a contract that ends before it starts; a payment before its invoice; \
              an invoice due before its date; a task due before it starts; a report sent \
              before its meeting; a working day that ends before it starts.",
    },
    BookCode {
        code: Code::E08,
        name: "bad-waiver",
        summary: "A waiver without a reason (error), or of an unknown code (warning)",
        doc: "A waiver silences one rule for one entity and must say why in `reason:`; one \
              without a reason silences nothing. A waiver naming no known rule is a warning.",
    },
];
