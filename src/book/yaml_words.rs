//! What the YAML layer found wrong in a file (its [`Syntax`], [`Problem`] and
//! [`Hint`], typed facts), worded from the catalogs (`yaml.ftl`) for the loader's
//! findings. The English is the YAML layer's own, byte for byte: the tests below hold
//! the two together.

use crate::i18n::{Arg, Msg};
use crate::model::time::{self, Impossible};
use crate::msg;
use crate::yaml::{Found, Hint, Problem, Refusal, Syntax, Want};

/// An E01 syntax error.
pub fn syntax(s: &Syntax) -> Msg {
    let detail = match s {
        Syntax::Parser(said) => msg!(
            "yaml-parser",
            what = Arg::Word(parser_word(said)),
            said = said.as_str()
        ),
        Syntax::TooDeep { max } => msg!("yaml-too-deep", max = *max),
        Syntax::Tag(tag) => msg!("yaml-tag", tag = tag.as_str()),
        Syntax::SecondDocument => msg!("yaml-second-document"),
        Syntax::UnknownAnchor => msg!("yaml-unknown-anchor"),
        Syntax::AfterEnd => msg!("yaml-after-end"),
        Syntax::TooManyNodes { max } => msg!("yaml-too-many-nodes", max = *max),
        Syntax::SecondRoot => msg!("yaml-second-root"),
    };
    msg!("yaml-syntax", detail = detail)
}

/// The parser's words a hand-edited file meets, with the catalog's name for each.
const PARSER_WORDS: &[(&str, &str)] = &[
    (
        "mapping values are not allowed in this context",
        "mapping-values",
    ),
    (
        "while parsing a block mapping, did not find expected key",
        "block-mapping-key",
    ),
    (
        "while parsing a block collection, did not find expected '-' indicator",
        "block-sequence-dash",
    ),
    ("invalid indentation", "indentation"),
    (
        "while scanning a quoted scalar, found unexpected end of stream",
        "quoted-end",
    ),
    ("tab cannot be used as indentation", "tab-indent"),
    (
        "tabs disallowed within this context (block indentation)",
        "tabs-block",
    ),
    ("tabs disallowed in this context", "tabs"),
    (
        "while parsing a node, did not find expected node content",
        "node-content",
    ),
    (
        "while parsing a flow sequence, expected ',' or ']'",
        "flow-sequence",
    ),
    (
        "while parsing a flow mapping, did not find expected ',' or '}'",
        "flow-mapping",
    ),
    (
        "while parsing a quoted scalar, found unknown escape character",
        "unknown-escape",
    ),
    ("simple key expect ':'", "key-colon"),
    ("found unprintable character", "unprintable"),
];

/// The catalog's name for the parser's words `said`; `other` for words it does not
/// name (said as they are).
fn parser_word(said: &str) -> &'static str {
    PARSER_WORDS
        .iter()
        .find(|(words, _)| *words == said)
        .map_or("other", |(_, word)| word)
}

/// What a value was expected to be.
fn want(w: &Want) -> Msg {
    let (what, from, to, said) = match w {
        Want::Boolean => ("boolean", None, None, ""),
        Want::TrueOrFalse => ("true-or-false", None, None, ""),
        Want::Text => ("text", None, None, ""),
        Want::Nothing => ("nothing", None, None, ""),
        Want::List => ("list", None, None, ""),
        Want::Mapping => ("mapping", None, None, ""),
        Want::Value => ("value", None, None, ""),
        Want::Listed => ("listed", None, None, ""),
        Want::Plain => ("plain", None, None, ""),
        Want::Whole { from: None, .. } => ("whole", None, None, ""),
        Want::Whole { from, to: None } => ("whole-from", *from, None, ""),
        Want::Whole { from, to } => ("whole-range", *from, *to, ""),
        Want::Number => ("number", None, None, ""),
        Want::Said(said) => (said_word(said), None, None, said.as_str()),
    };
    let bound = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    msg!(
        "yaml-want",
        what = Arg::Word(what),
        from = bound(from),
        to = bound(to),
        said = said
    )
}

/// The expectations of the book's own types (their visitors' `expecting`), by the
/// catalog's name for them; `other` for one it does not name (said as it is).
fn said_word(said: &str) -> &'static str {
    match said {
        "a date as YYYY-MM-DD" => "date",
        "a date and time as YYYY-MM-DDTHH:MM" => "date-time",
        "a time of day as HH:MM" => "time",
        "a birthday as YYYY-MM-DD, or --MM-DD without the year" => "birthday",
        "a sum of money with at most 2 decimal places, like 125000.50" => "money",
        "a quantity like 1, 2.5 or 0.125" => "quantity",
        "a VAT rate like 22, or `none`" => "vat",
        "a whole number of 0 or more, or a list of words" => "setting",
        "`off`, or a mapping with `severity` and thresholds" => "rule-setting",
        "a list" => "list",
        _ => "other",
    }
}

fn found(f: &Found) -> Msg {
    let (what, text) = match f {
        Found::Text(s) => ("text", s.clone()),
        Found::Null => ("null", String::new()),
        Found::List => ("list", String::new()),
        Found::Mapping => ("mapping", String::new()),
        Found::Bool(b) => ("boolean", b.to_string()),
        Found::Number(n) => ("number", n.clone()),
        Found::QuotedBool(s) => ("quoted-boolean", s.clone()),
        Found::Other(s) => ("other", s.clone()),
    };
    msg!("yaml-found", what = Arg::Word(what), text = text)
}

/// What went wrong reading a value (E01, E02, E07); `None` for a type's own refusal,
/// which only it can word (in English, as it says it).
pub fn problem(p: &Problem) -> Option<Msg> {
    Some(match p {
        Problem::Expected { want: w, found: f } => {
            msg!("yaml-expected", want = want(w), found = found(f))
        }
        Problem::NotOneOf { value, choices } => msg!(
            "yaml-not-one-of",
            value = value.as_str(),
            choices = choices
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Problem::MissingKey(key) => msg!("yaml-missing-key", key = *key),
        Problem::DuplicateKey(key) => msg!("yaml-duplicate-key", key = key.as_str()),
        Problem::KeyNotText => msg!("yaml-key-not-text"),
        Problem::TooManyVisits(max) => msg!("yaml-too-many-visits", max = *max),
        Problem::ImpossibleDate { text, .. } => msg!(
            "yaml-not-a-real-date",
            text = text.as_str(),
            why = impossible(&time::impossible(text)?)
        ),
        Problem::Refused(refusal) => refused(refusal)?,
        Problem::Said(_) | Problem::Internal(_) => return None,
    })
}

/// A value a type of the book refuses, by the catalog's message for it.
fn refused(refusal: &Refusal) -> Option<Msg> {
    let id = match refusal.what {
        "qty-zero" => "yaml-qty-zero",
        "price-negative" => "yaml-price-negative",
        "line-too-large" => "yaml-line-too-large",
        "sum-too-large" => "yaml-sum-too-large",
        _ => return None,
    };
    let args = refusal
        .facts
        .iter()
        .map(|(name, value)| (*name, Arg::Text(value.clone())))
        .collect();
    Some(Msg::new(id, args))
}

/// Why a date cannot be (E07), here and wherever else a date is refused.
pub fn impossible(why: &Impossible) -> Msg {
    let month = |m: u32| msg!("yaml-month", m = m);
    match why {
        Impossible::Month(m) => msg!("yaml-no-month", month = *m),
        Impossible::Day {
            year,
            month: m,
            last,
            day,
        } => msg!(
            "yaml-no-day",
            year = year.to_string(),
            month = month(*m),
            last = *last,
            day = *day
        ),
        Impossible::DayInMonth { month: m, day } => {
            msg!("yaml-no-day-in-month", month = month(*m), day = *day)
        }
        Impossible::Time(t) => msg!("yaml-no-time", time = t.as_str()),
    }
}

/// What to do about a problem.
pub fn hint(h: &Hint) -> Msg {
    match h {
        Hint::DidYouMean(s) => msg!("load-did-you-mean", suggestion = *s),
        Hint::AddKey(key) => msg!("yaml-missing-key-help", key = *key),
        Hint::MergeKeys => msg!("yaml-duplicate-key-help"),
        Hint::RemoveQuotes(text) => msg!("yaml-remove-quotes", text = text.as_str()),
        Hint::WriteTrue => msg!("yaml-write-true"),
        Hint::WriteFalse => msg!("yaml-write-false"),
        Hint::QuoteColon => msg!("yaml-quote-colon"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// The catalog's English is the YAML layer's, byte for byte.
    #[test]
    fn the_english_catalog_says_what_the_yaml_layer_says() {
        let wants = [
            Want::Boolean,
            Want::TrueOrFalse,
            Want::Text,
            Want::Nothing,
            Want::List,
            Want::Mapping,
            Want::Value,
            Want::Listed,
            Want::Plain,
            Want::Whole {
                from: None,
                to: None,
            },
            Want::Whole {
                from: Some(0),
                to: None,
            },
            Want::Whole {
                from: Some(-128),
                to: Some(127),
            },
            Want::Number,
            Want::Said("a date as YYYY-MM-DD".into()),
            Want::Said("a date and time as YYYY-MM-DDTHH:MM".into()),
            Want::Said("a time of day as HH:MM".into()),
            Want::Said("a birthday as YYYY-MM-DD, or --MM-DD without the year".into()),
            Want::Said("a sum of money with at most 2 decimal places, like 125000.50".into()),
            Want::Said("a quantity like 1, 2.5 or 0.125".into()),
            Want::Said("a VAT rate like 22, or `none`".into()),
            Want::Said("a whole number of 0 or more, or a list of words".into()),
            Want::Said("`off`, or a mapping with `severity` and thresholds".into()),
            Want::Said("struct Something".into()),
        ];
        let founds = [
            Found::Text("30.11.2026".into()),
            Found::Null,
            Found::List,
            Found::Mapping,
            Found::Bool(true),
            Found::Number("300".into()),
            Found::QuotedBool("false".into()),
            Found::Other("unit variant".into()),
        ];
        let mut problems: Vec<Problem> = Vec::new();
        for w in &wants {
            for f in &founds {
                problems.push(Problem::Expected {
                    want: w.clone(),
                    found: f.clone(),
                });
            }
        }
        problems.extend([
            Problem::NotOneOf {
                value: "isued".into(),
                choices: &["draft", "issued", "cancelled"],
            },
            Problem::MissingKey("name"),
            Problem::DuplicateKey("format".into()),
            Problem::KeyNotText,
            Problem::TooManyVisits(1_000_000),
        ]);
        for text in [
            "2026-02-30",
            "2028-02-30",
            "2026-13-01",
            "2026-11-20T25:00",
            "--02-30",
        ] {
            let why = time::impossible(text)
                .expect("an impossible date")
                .to_string();
            problems.push(Problem::ImpossibleDate {
                text: text.into(),
                why: format!("`{text}` is not a real date: {why}"),
            });
        }
        for p in &problems {
            let msg = problem(p).expect("worded");
            assert_eq!(msg.render(Lang::En), p.to_string());
            assert!(!msg.render(Lang::Ru).is_empty());
        }
        for h in [
            Hint::DidYouMean("issued"),
            Hint::AddKey("name"),
            Hint::MergeKeys,
            Hint::RemoveQuotes("true".into()),
            Hint::WriteTrue,
            Hint::WriteFalse,
            Hint::QuoteColon,
        ] {
            assert_eq!(hint(&h).render(Lang::En), h.to_string());
        }
        let syntaxes = [
            Syntax::Parser("mapping values are not allowed in this context".into()),
            Syntax::Parser("while parsing a block mapping, did not find expected key".into()),
            Syntax::Parser("something new".into()),
            Syntax::TooDeep { max: 64 },
            Syntax::Tag("!!int".into()),
            Syntax::SecondDocument,
            Syntax::UnknownAnchor,
            Syntax::AfterEnd,
            Syntax::TooManyNodes { max: 1_000_000 },
            Syntax::SecondRoot,
        ];
        let parsers = PARSER_WORDS
            .iter()
            .map(|(said, _)| Syntax::Parser((*said).to_owned()));
        for s in syntaxes.iter().cloned().chain(parsers) {
            let s = &s;
            assert_eq!(syntax(s).render(Lang::En), format!("YAML syntax: {s}"));
        }
    }

    #[test]
    fn impossible_dates_in_russian() {
        let ru = |text: &str| {
            problem(&Problem::ImpossibleDate {
                text: text.into(),
                why: String::new(),
            })
            .expect("worded")
            .render(Lang::Ru)
        };
        assert_eq!(
            ru("2026-02-30"),
            "Даты `2026-02-30` не бывает: в феврале 2026 г. 28 дней, 30-го числа нет"
        );
        assert_eq!(
            ru("2026-04-31"),
            "Даты `2026-04-31` не бывает: в апреле 2026 г. 30 дней, 31-го числа нет"
        );
        assert_eq!(
            ru("2026-01-32"),
            "Даты `2026-01-32` не бывает: в январе 2026 г. 31 день, 32-го числа нет"
        );
        assert_eq!(
            ru("2026-13-01"),
            "Даты `2026-13-01` не бывает: месяца 13 нет"
        );
        assert_eq!(
            ru("--02-30"),
            "Даты `--02-30` не бывает: в феврале нет 30-го числа"
        );
        assert_eq!(
            ru("2026-11-20T25:00"),
            "Даты `2026-11-20T25:00` не бывает: времени 25:00 в сутках нет"
        );
    }
}
